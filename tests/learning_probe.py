"""A TF 1.x script using slim.learning and tf.contrib.training, run unchanged by TensorFlow 1.15 and by
`python -m tf1gan.script` (tests/test_learning.py): it prints, in sections (`[section] line`), what
create_train_op builds (the train op, its collections, the names it gives the ops it makes, the gradient
summaries), the numbers three steps of it give from fixed weights (losses, global step, batch norm's moving
mean, weights), what slim.learning.train and contrib.training.train log, write and return, and the errors
TF 1.15 raised for wrong arguments. Numbers are printed with 9 significant digits after ' ~ '; the test
compares them within a tolerance, the rest exactly.
"""
import logging
import os
import re

import numpy as np
import tensorflow as tf
import tensorflow.contrib.slim as slim

OUT_DIR = tf.VERSION  # the log directories' folder: one for each TensorFlow that runs the probe in a folder


def show(section, *values):
    print('[%s]' % section, *values)


def numbers(section, name, array):
    """`[section] name ~ v1 v2 ...`: the test compares such values within float32 rounding."""
    show(section, name, '~', ' '.join('%.9g' % value for value in np.asarray(array, dtype=np.float64).ravel()))


def error(call):
    try:
        call()
    except Exception as e:  # noqa: B902  the probe records any error
        return '%s: %s' % (type(e).__name__, e)
    return 'no error'


X = np.linspace(-1, 1, 12, dtype=np.float32).reshape(4, 3)
Y = np.array([[0.5], [-0.25], [1.0], [0.0]], dtype=np.float32)
W = np.array([[0.3], [-0.7], [0.2]], dtype=np.float32)


def model(x, scope):
    """A fully connected layer under batch norm (its moving averages in UPDATE_OPS), a bias layer after."""
    with tf.variable_scope(scope):
        h = slim.fully_connected(x, 1, activation_fn=None, weights_initializer=tf.constant_initializer(W),
                                 normalizer_fn=slim.batch_norm, normalizer_params={'is_training': True, 'scale': True},
                                 scope='fc')
        return slim.fully_connected(h, 1, activation_fn=tf.tanh, weights_initializer=tf.constant_initializer(0.9),
                                    scope='out')


def new_ops(graph, before):
    """'scope: names' of the ops made since `before` ops, by their first name part, for the parts
    create_train_op names itself."""
    made = [op.name for op in graph.get_operations()[before:]]
    for part in ('update_barrier', 'control_dependency', 'multiply_grads', 'clip_grads', 'summarize_grads', 'train_op'):
        inside = sorted(name for name in made if name == part or name.startswith(part + '/') or name.startswith(part + '_'))
        show('ops', part, len(inside) > 0, [name for name in inside if name.count('/') <= 1 and part == 'train_op'])


# --- slim.learning.create_train_op, and three steps of it
tf.logging.set_verbosity(tf.logging.INFO)
graph = tf.Graph()
with graph.as_default():
    x = tf.placeholder(tf.float32, [None, 3], name='x')
    y = tf.placeholder(tf.float32, [None, 1], name='y')
    prediction = model(x, 'net')
    slim.losses.mean_squared_error(prediction, y)
    total_loss = slim.losses.get_total_loss()
    optimizer = tf.train.GradientDescentOptimizer(0.5)
    before = len(graph.get_operations())
    train_op = slim.learning.create_train_op(total_loss, optimizer, clip_gradient_norm=0.05,
                                             gradient_multipliers={'net/out/weights': 3.0}, summarize_gradients=True)
    show('train_op', train_op.name, train_op.op.type, train_op.dtype.name, train_op.shape)
    show('train_op', 'collection', [t.name for t in tf.get_collection(tf.GraphKeys.TRAIN_OP)])
    show('train_op', 'global step', tf.train.get_global_step().name)
    show('train_op', 'summaries', sorted(s.op.name for s in tf.get_collection(tf.GraphKeys.SUMMARIES)))
    new_ops(graph, before)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for step in range(3):
            loss = sess.run(train_op, {x: X, y: Y})
            numbers('steps', 'loss %d' % step, loss)
        numbers('steps', 'global step', sess.run(tf.train.get_global_step()))
        for variable in tf.global_variables():
            numbers('steps', variable.op.name, sess.run(variable))

# --- contrib.training.create_train_op, its own summaries and an explicit update_ops
graph = tf.Graph()
with graph.as_default():
    prediction = model(tf.constant(X), 'net')
    loss = tf.losses.mean_squared_error(Y, prediction)
    train_op = tf.contrib.training.create_train_op(
        loss, tf.train.GradientDescentOptimizer(0.5), update_ops=[], summarize_gradients=True, check_numerics=False,
        transform_grads_fn=tf.contrib.training.clip_gradient_norms_fn(0.05))
    show('contrib.training', train_op.name, train_op.op.type)
    show('contrib.training', 'summaries', sorted(s.op.name for s in tf.get_collection(tf.GraphKeys.SUMMARIES)))
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        numbers('contrib.training', 'losses', [sess.run(train_op) for _ in range(3)])
        numbers('contrib.training', 'moving mean', sess.run('net/fc/BatchNorm/moving_mean:0'))  # no update ops run


# --- slim.learning.train: a Supervisor loop with a log directory
class Messages(logging.Handler):
    def __init__(self):
        super().__init__()
        self.messages = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def logged(messages):
    """The loop's own messages, seconds per step taken out."""
    kept = []
    for message in messages:
        message = re.sub(r'\(\d+\.\d+ sec/step\)', '(sec/step)', message)
        if message.startswith(('global step', 'Starting', 'Stopping', 'Finished', 'Caught')):
            kept.append(message)
    return kept


def train_slim(logdir, **kwargs):
    graph = tf.Graph()
    with graph.as_default():
        prediction = model(tf.constant(X), 'net')
        slim.losses.mean_squared_error(prediction, tf.constant(Y))
        total_loss = slim.losses.get_total_loss()
        tf.summary.scalar('loss', total_loss)  # written by the Supervisor's summary thread: the loss, not the step
        train_op = slim.learning.create_train_op(total_loss, tf.train.GradientDescentOptimizer(0.5))
        handler = Messages()
        tf.get_logger().addHandler(handler)
        try:
            final = slim.learning.train(train_op, logdir, **kwargs)
        finally:
            tf.get_logger().removeHandler(handler)
    return final, logged(handler.messages)


logdir = os.path.join(OUT_DIR, 'slim_logdir')
final, messages = train_slim(logdir, number_of_steps=5, log_every_n_steps=2)
numbers('slim.train', 'returned', final)
for message in messages:
    show('slim.train', message)
show('slim.train', 'latest checkpoint', os.path.basename(tf.train.latest_checkpoint(logdir)))
show('slim.train', 'files', sorted(name for name in os.listdir(logdir) if name in ('checkpoint', 'graph.pbtxt')
                                   or name.startswith('model.ckpt-5')))
show('slim.train', 'event files', len([name for name in os.listdir(logdir) if name.startswith('events.out')]))
reader = tf.train.NewCheckpointReader(tf.train.latest_checkpoint(logdir))
for name in sorted(reader.get_variable_to_shape_map()):
    numbers('slim.train', name, reader.get_tensor(name))
# A second call continues from the log directory's checkpoint, to number_of_steps.
final, messages = train_slim(logdir, number_of_steps=7, log_every_n_steps=1)
numbers('slim.train', 'returned again', final)
for message in messages:
    show('slim.train', message)
final, messages = train_slim(None, number_of_steps=2)
numbers('slim.train', 'without a logdir', final)
show('slim.train', 'without a logdir', messages)

# --- contrib.training.train: a MonitoredTrainingSession loop
graph = tf.Graph()
with graph.as_default():
    prediction = model(tf.constant(X), 'net')
    loss = tf.losses.mean_squared_error(Y, prediction)
    train_op = tf.contrib.training.create_train_op(loss, tf.train.GradientDescentOptimizer(0.5))
    logdir = os.path.join(OUT_DIR, 'training_logdir')
    final = tf.contrib.training.train(train_op, logdir, hooks=[tf.train.StopAtStepHook(last_step=4)])
    numbers('contrib.training.train', 'returned', final)
    show('contrib.training.train', 'latest checkpoint', os.path.basename(tf.train.latest_checkpoint(logdir)))
    show('contrib.training.train', 'no logdir', error(lambda: tf.contrib.training.train(train_op, None)))

# --- TF 1.15's errors for wrong arguments
graph = tf.Graph()
with graph.as_default():
    v = tf.Variable([1.0, 2.0], name='v')
    grads = [(tf.constant([1.0, 1.0]), v)]
    show('errors', 'not a list', error(lambda: slim.learning.multiply_gradients(tuple(grads), {'v': 2.0})))
    show('errors', 'empty', error(lambda: slim.learning.multiply_gradients(grads, {})))
    show('errors', 'not a dict', error(lambda: tf.contrib.training.multiply_gradients(grads, [('v', 2.0)])))
    show('errors', 'None gradient', error(lambda: slim.learning.multiply_gradients([(None, v)], {'v': 2.0})))
    show('errors', 'no train_op', error(lambda: slim.learning.train(None, 'somewhere')))
    show('errors', 'summary_op without logdir', error(lambda: slim.learning.train(v, None, summary_op=None)))
    show('errors', 'no steps', error(lambda: slim.learning.train(v, None, number_of_steps=0)))
    with tf.Session() as sess:
        tensor = tf.constant([1.0, 2.0])
        scaled = slim.learning.multiply_gradients([(tensor, v)], {v: tf.constant(3.0)})
        show('errors', 'a tensor multiplier', sess.run(scaled[0][0]).tolist())
    show('errors', 'add_gradients_summaries', [s.op.name for s in slim.learning.add_gradients_summaries(grads)],
         [s.op.name for s in tf.contrib.training.add_gradients_summaries(grads)])
