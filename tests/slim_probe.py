"""A TF 1.x script using tf.contrib.slim, run unchanged by TensorFlow 1.15 and by `python -m tf1gan.script`
(tests/test_slim.py): it prints what slim and arg_scope do, in sections (`[section] line`), which must agree.

Printed: the keys arg_scope gives functions (less their addresses), arg_scoped_arguments and has_arg_scope of
slim's names, which names are the same objects, arg_scope's merging, copying, reuse and errors on a function of
the script's own, a model built under arg_scope (its variables, collections, end points and devices), what
slim.model_analyzer prints and returns for it, and the names slim.losses gives its losses.
"""
import tensorflow as tf
import tensorflow.contrib.slim as slim

SCOPED = ('conv2d', 'convolution', 'convolution2d', 'conv2d_transpose', 'convolution2d_transpose', 'fully_connected',
          'batch_norm', 'flatten', 'dropout', 'max_pool2d', 'avg_pool2d', 'layer_norm', 'one_hot_encoding',
          'variable', 'model_variable')
OTHERS = ('linear', 'relu', 'relu6', 'embed_sequence', 'repeat', 'stack', 'local_variable', 'get_variables',
          'xavier_initializer', 'l2_regularizer')


def show(section, *values):
    print('[%s]' % section, *values)


def key(function):
    return slim.arg_scope_func_key(function).split(' at ')[0]


def error(call):
    """'TypeName: message args' of what call() raised, or 'no error'."""
    try:
        call()
    except Exception as e:  # noqa: B902  the probe records any error
        return '%s: %s %r' % (type(e).__name__, e, e.args)
    return 'no error'


# --- what slim's names are
for name in SCOPED:
    show('keys', name, key(getattr(slim, name)))
    show('arguments', name, slim.arg_scoped_arguments(getattr(slim, name)))
for name in SCOPED + OTHERS:
    show('has_arg_scope', name, slim.has_arg_scope(getattr(slim, name)))
show('has_arg_scope', 'losses.add_loss', slim.has_arg_scope(slim.losses.add_loss))
show('has_arg_scope', 'losses.softmax_cross_entropy', slim.has_arg_scope(slim.losses.softmax_cross_entropy))
show('same', 'conv2d', slim.conv2d is tf.contrib.layers.conv2d is slim.layers.conv2d is slim.convolution2d)
show('same', 'arg_scope', slim.arg_scope is tf.contrib.framework.arg_scope)
show('same', 'losses', slim.losses is tf.contrib.losses)
show('same', 'initializers', slim.initializers.xavier_initializer is slim.xavier_initializer)
show('same', 'framework has arg_scope_func_key', hasattr(tf.contrib.framework, 'arg_scope_func_key'))
star = {}
exec('from tensorflow.contrib.slim import *', star)
show('same', 'star import', sorted(name for name in star if name != '__builtins__'))


# --- arg_scope on a function of the script's own
@slim.add_arg_scope
def own(a, b=1, c=2, d=3):
    """own's docstring."""
    return a, b, c, d


def with_local(a, b=1, c=2):
    total = a + b + c
    return total


def plain(a, b=1):
    return a, b


def entering(*args, **kwargs):
    with slim.arg_scope(*args, **kwargs):
        pass


show('decorated', own.__name__, own.__doc__, own.__wrapped__.__name__, key(own))
show('decorated', 'with a local', slim.arg_scoped_arguments(slim.add_arg_scope(with_local)))
show('scope', 'outside', slim.current_arg_scope())
with slim.arg_scope([own], b=10, c=20) as outer:
    show('scope', 'outer', own(0), own(0, c=21), own(a=0, b=5))
    show('scope', 'error: b also positional', error(lambda: own(0, 5)))
    with slim.arg_scope([own], c=30, d=40) as inner:
        show('scope', 'inner', own(0), sorted(inner[slim.arg_scope_func_key(own)].items()))
        show('scope', 'outer unchanged', sorted(outer[slim.arg_scope_func_key(own)].items()))
        with slim.arg_scope(outer) as again:
            show('scope', 'reused', own(0), again is outer, again == outer)
        show('scope', 'inner again', own(0))
    with slim.arg_scope((own,)):
        show('scope', 'a tuple, no arguments', own(0))
    show('scope', 'error: dict and kwargs', error(lambda: entering(outer, b=1)))
    show('scope', 'after it', own(0))
    show('scope', 'error: not a list', error(lambda: entering(own)))
    show('scope', 'after it', own(0))
with slim.arg_scope([own], b=10):
    show('scope', 'error: not decorated', error(lambda: entering([plain])))
    show('scope', 'after it', own(0), len(slim.current_arg_scope()))
    show('scope', 'a decorated function\'s original', slim.has_arg_scope(with_local), slim.has_arg_scope(plain))
show('scope', 'error: a partial', error(lambda: entering([slim.linear])).split(':')[0])
show('scope', 'outside again', own(0), len(slim.current_arg_scope()))
try:
    with slim.arg_scope([own], d=7):
        raise KeyError('in the block')
except KeyError:
    pass
show('scope', 'after an exception in the block', own(0))


# --- a model under arg_scope
def build():
    images = tf.placeholder(tf.float32, [None, 8, 8, 1])
    noise = tf.placeholder(tf.float32, [None, 5])
    training = tf.placeholder(tf.bool, [])
    with slim.arg_scope([slim.conv2d, slim.conv2d_transpose, slim.fully_connected], activation_fn=tf.nn.leaky_relu,
                        normalizer_fn=slim.batch_norm, outputs_collections='end_points',
                        weights_initializer=tf.truncated_normal_initializer(stddev=0.02),
                        weights_regularizer=slim.l2_regularizer(2.5e-5)), \
            slim.arg_scope([slim.batch_norm], is_training=training, decay=0.9, scale=True, updates_collections=None):
        with tf.variable_scope('generator'):
            net = slim.fully_connected(noise, 2 * 2 * 8, scope='project')
            net = tf.reshape(net, [-1, 2, 2, 8])
            with slim.arg_scope([slim.conv2d_transpose], kernel_size=[4, 4], stride=2):
                net = slim.conv2d_transpose(net, 4)
                net = slim.conv2d_transpose(net, 1, activation_fn=tf.nn.tanh, normalizer_fn=None)
        with tf.variable_scope('discriminator'):
            with slim.arg_scope([slim.conv2d], kernel_size=3, stride=2):
                net = slim.conv2d(images, 4, normalizer_fn=None, scope='conv1')
                net = slim.repeat(net, 2, slim.conv2d, 4)
            net = slim.stack(net, slim.conv2d, [(4, [1, 1]), (2, [3, 3])], stride=1)
            net = slim.dropout(slim.flatten(net), 0.7, is_training=training)
            logits = slim.fully_connected(net, 1, activation_fn=None, normalizer_fn=None, scope='logits')
    with slim.arg_scope([slim.model_variable], device='/cpu:0'):
        placed = slim.model_variable('placed', shape=[3], initializer=tf.zeros_initializer())
    return logits, placed


logits, placed = build()
for v in tf.global_variables():
    show('model', v.op.name, v.shape.as_list(), v in tf.model_variables(), v in tf.trainable_variables())
show('model', 'update_ops', len(tf.get_collection(tf.GraphKeys.UPDATE_OPS)))
show('model', 'regularization_losses', [t.op.name for t in tf.get_collection(tf.GraphKeys.REGULARIZATION_LOSSES)])
show('model', 'end_points', list(slim.utils.convert_collection_to_dict('end_points')))
show('model', 'device', placed.device)
show('model', 'get_model_variables', [v.op.name for v in slim.get_model_variables('generator')])
show('model', 'get_variables_by_name', [v.op.name for v in slim.get_variables_by_name('beta')])
with slim.arg_scope([slim.convolution], activation_fn=None):
    message = error(lambda: slim.conv2d(tf.zeros([1, 4, 4, 1]), 2, 3, scope='clash'))
show('model', 'an arg_scope for convolution, conv2d called', message.split(' (')[0])


# --- model_analyzer
show('analyze_vars', 'returned', slim.model_analyzer.analyze_vars(tf.trainable_variables(), print_info=True))
show('analyze_vars', 'returned', slim.model_analyzer.analyze_vars(tf.global_variables()))
tf.reset_default_graph()
x = tf.placeholder(tf.float32, [None, 3])
w = tf.Variable(tf.ones([3, 2]), name='w')
y = tf.matmul(x, w) + tf.constant(1.0)
show('analyze_ops', 'returned', slim.model_analyzer.analyze_ops(tf.get_default_graph(), print_info=True))


# --- slim.losses' names and collections
with tf.Graph().as_default():
    predictions = tf.placeholder(tf.float32, [4, 3])
    labels = tf.placeholder(tf.float32, [4, 3])
    slim.losses.softmax_cross_entropy(predictions, labels)
    slim.losses.sigmoid_cross_entropy(predictions, labels, scope='named')
    slim.losses.sparse_softmax_cross_entropy(predictions, tf.placeholder(tf.int32, [4]))
    slim.losses.mean_squared_error(predictions, labels)
    slim.losses.hinge_loss(predictions, labels)
    tf.add_to_collection(tf.GraphKeys.REGULARIZATION_LOSSES, tf.constant(0.5))
    show('losses', 'collected', [t.name for t in slim.losses.get_losses()])
    show('losses', 'total', slim.losses.get_total_loss().name, slim.losses.get_total_loss(False, name='data').name)
    show('losses', 'regularization', len(slim.losses.get_regularization_losses()))
    with slim.arg_scope([slim.losses.add_loss], loss_collection='mine'):
        slim.losses.absolute_difference(predictions, labels)
    show('losses', 'arg_scope for add_loss', len(tf.get_collection('mine')), len(slim.losses.get_losses()))
