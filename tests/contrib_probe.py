"""A TF 1.x script using tf.contrib, run unchanged by TensorFlow 1.15 and by `tf1gan.script`
(tests/test_contrib.py): each probe builds its graph (in a fresh tf.Graph), and what it computes
is written to OUT_DIR/probes.npz under the probe's name.

    python contrib_probe.py OUT_DIR [MNIST_DIR]                  TF 1.15: initializes, saves OUT_DIR/<probe>.ckpt
    python -m tf1gan.script contrib_probe.py -- OUT_DIR MNIST_DIR TF115_DIR
                                                                 restores TF115_DIR/<probe>.ckpt instead

So tf1gan computes with TF 1.15's own initial weights, restored by name from TF 1.15's checkpoint.
Recorded per probe: `variables` (name and shape of each global variable), `model_variables`,
`trainable`, `update_ops` (their count), `regularization_losses` (their values), the probe's own
outputs, `draw/...` (random values from explicit op seeds, to be equal) and `sample/...` (values
drawn without any seed, to be compared as distributions). A probe that fails records `error`.
"""
import os
import sys

import numpy as np
import tensorflow as tf

OUT_DIR = sys.argv[1]
MNIST_DIR = sys.argv[2] if len(sys.argv) > 2 and sys.argv[2] else None
TF115_DIR = sys.argv[3] if len(sys.argv) > 3 else None
layers = tf.contrib.layers
PROBES = []


def probe(build):
    """A probe: build() makes the graph and returns run(sess) -> {name: array}."""
    PROBES.append(build)
    return build


def inputs(seed, *shape):
    return np.random.RandomState(seed).uniform(-1, 1, shape).astype(np.float32)


def constant_run(fetches, feeds=None):
    """run(sess): the tensors of fetches computed, its other (NumPy) values as they are."""
    tensors = {key: value for key, value in fetches.items() if not isinstance(value, (np.ndarray, np.generic))}
    known = {key: value for key, value in fetches.items() if isinstance(value, (np.ndarray, np.generic))}
    return lambda sess: dict(known, **sess.run(tensors, feeds))


# --- initializers: seeded draws are equal across TensorFlow versions; unseeded ones are samples.

def initializer_probe(make):
    def build():
        return constant_run({'draw/seeded': make(seed=7)([300, 200]), 'draw/conv': make(seed=8)([5, 5, 16, 32]),
                             'sample/unseeded': make(seed=None)([300, 200])})
    return build


xavier_initializer = probe(initializer_probe(layers.xavier_initializer))
xavier_initializer.__name__ = 'xavier_initializer'
xavier_initializer_conv2d = probe(initializer_probe(layers.xavier_initializer_conv2d))
xavier_initializer_conv2d.__name__ = 'xavier_initializer_conv2d'


@probe
def xavier_initializer_normal():
    return initializer_probe(lambda seed: layers.xavier_initializer(uniform=False, seed=seed))()


@probe
def variance_scaling_initializer():
    modes = {'draw/' + mode: layers.variance_scaling_initializer(mode=mode, seed=3)([300, 200])
             for mode in ('FAN_IN', 'FAN_OUT', 'FAN_AVG')}
    modes['draw/uniform'] = layers.variance_scaling_initializer(1.0, 'FAN_AVG', True, seed=4)([300, 200])
    modes['draw/conv'] = layers.variance_scaling_initializer(seed=5)([3, 3, 8, 16])
    modes['sample/unseeded'] = layers.variance_scaling_initializer()([300, 200])
    return constant_run(modes)


# --- regularizers

def weights():
    return tf.constant(inputs(1, 4, 3))


@probe
def l1_regularizer():
    return constant_run({'l1': layers.l1_regularizer(0.1)(weights()),
                         'zero_scale_is_none': np.array(layers.l1_regularizer(0.0)(weights()) is None)})


@probe
def l2_regularizer():
    return constant_run({'l2': layers.l2_regularizer(0.1)(weights()),
                         'zero_scale_is_none': np.array(layers.l2_regularizer(0.0)(weights()) is None)})


@probe
def l1_l2_regularizer():
    return constant_run({'l1_l2': layers.l1_l2_regularizer(0.1, 0.2)(weights()),
                         'l1_only': layers.l1_l2_regularizer(0.1, 0.0)(weights()),
                         'defaults': layers.l1_l2_regularizer()(weights())})


@probe
def apply_regularization():
    w1 = tf.get_variable('w1', initializer=inputs(2, 3, 3))
    w2 = tf.get_variable('w2', initializer=inputs(3, 2))
    tf.add_to_collection(tf.GraphKeys.WEIGHTS, w1)
    return constant_run({'listed': layers.apply_regularization(layers.l2_regularizer(0.5), [w1, w2]),
                         'weights_collection': layers.apply_regularization(layers.l1_regularizer(0.25))})


# --- layers: the same variables, and the same outputs from TF 1.15's weights

@probe
def fully_connected():
    x = tf.placeholder(tf.float32, [None, 5])
    hidden = layers.fully_connected(x, 4)
    second = layers.fully_connected(hidden, 3)
    linear = layers.fully_connected(second, 2, activation_fn=None, scope='out',
                                    weights_regularizer=layers.l2_regularizer(0.01),
                                    biases_initializer=tf.constant_initializer(0.5))
    shared = layers.fully_connected(second, 2, activation_fn=None, scope='out', reuse=True)
    normalized = layers.fully_connected(x, 3, normalizer_fn=layers.batch_norm, normalizer_params={'scale': True})
    sequence = tf.placeholder(tf.float32, [2, 3, 5])
    rank3 = layers.fully_connected(sequence, 2, activation_fn=tf.nn.tanh)
    lin = layers.linear(x, 2)
    collected = layers.fully_connected(x, 2, variables_collections=['mine'], outputs_collections=['outs'])
    feeds = {x: inputs(4, 6, 5), sequence: inputs(5, 2, 3, 5)}
    return constant_run({'hidden': hidden, 'second': second, 'linear': linear, 'shared': shared,
                         'normalized': normalized, 'rank3': rank3, 'lin': lin, 'collected': collected,
                         'mine': np.array(sorted(v.name for v in tf.get_collection('mine'))),
                         'outs': np.array([len(tf.get_collection('outs'))])}, feeds)


@probe
def fully_connected_reused_by_scope():
    x = tf.constant(inputs(25, 3, 4))

    def discriminator(inp, reuse=None):  # a GAN's D, called twice
        with tf.variable_scope('D', reuse=reuse):
            hidden = layers.fully_connected(inp, 5, scope='hidden')
            return layers.fully_connected(hidden, 1, activation_fn=tf.nn.sigmoid, scope='out')
    with tf.variable_scope('G', reuse=tf.AUTO_REUSE):
        first = layers.fully_connected(x, 2, scope='g')
        again = layers.fully_connected(x, 2, scope='g')
    return constant_run({'real': discriminator(x), 'fake': discriminator(x * 2, reuse=True),
                         'first': first, 'again': again})


@probe
def conv2d():
    images = tf.placeholder(tf.float32, [None, 7, 7, 3])
    same = layers.conv2d(images, 4, 3)
    valid = layers.conv2d(same, 5, [2, 2], stride=2, padding='VALID', activation_fn=None)
    dilated = layers.conv2d(images, 2, 3, rate=2, scope='dilated')
    signal = tf.placeholder(tf.float32, [None, 9, 2])
    conv1d = layers.convolution(signal, 3, 4)
    feeds = {images: inputs(6, 2, 7, 7, 3), signal: inputs(7, 2, 9, 2)}
    return constant_run({'same': same, 'valid': valid, 'dilated': dilated, 'conv1d': conv1d}, feeds)


@probe
def conv2d_transpose():
    images = tf.placeholder(tf.float32, [None, 4, 4, 3])
    up = layers.conv2d_transpose(images, 2, 3, stride=2)
    valid = layers.conv2d_transpose(up, 3, [2, 3], stride=1, padding='VALID', activation_fn=tf.nn.sigmoid)
    return constant_run({'up': up, 'valid': valid}, {images: inputs(8, 2, 4, 4, 3)})


@probe
def max_pool2d():
    images = tf.constant(inputs(9, 2, 7, 7, 3))
    return constant_run({'default': layers.max_pool2d(images, 2), 'same': layers.max_pool2d(images, 3, 1, 'SAME')})


@probe
def avg_pool2d():
    images = tf.constant(inputs(10, 2, 7, 7, 3))
    return constant_run({'default': layers.avg_pool2d(images, 2), 'same': layers.avg_pool2d(images, 3, 1, 'SAME')})


@probe
def flatten():
    return constant_run({'flat': layers.flatten(tf.constant(inputs(11, 2, 3, 4, 5)))})


@probe
def one_hot_encoding():
    return constant_run({'one_hot': layers.one_hot_encoding(tf.constant([0, 2, 1]), 4)})


def batch_norm_steps(bn, x, batches, feeds=None):
    """Runs bn (and UPDATE_OPS) on each batch: the outputs and the moving averages after each."""
    update = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
    moving = [v for v in tf.global_variables() if 'moving' in v.name]

    def run(sess):
        outputs, averages = [], []
        for batch in batches:
            outputs.append(sess.run([bn] + update, {**(feeds or {}), x: batch})[0])
            averages.append(np.concatenate([sess.run(v).ravel() for v in moving]))
        return {'outputs': np.stack(outputs), 'moving': np.stack(averages)}
    return run


@probe
def batch_norm():
    x = tf.placeholder(tf.float32, [None, 4])
    return batch_norm_steps(layers.batch_norm(x), x, [inputs(seed, 8, 4) * (seed + 1) for seed in (12, 13, 14)])


@probe
def batch_norm_conv():
    x = tf.placeholder(tf.float32, [None, 5, 5, 3])
    bn = layers.batch_norm(x, decay=0.9, scale=True, epsilon=1e-5)
    return batch_norm_steps(bn, x, [inputs(seed, 2, 5, 5, 3) + seed for seed in (15, 16, 17)])


@probe
def batch_norm_is_training_placeholder():
    x = tf.placeholder(tf.float32, [None, 4])
    training = tf.placeholder(tf.bool, [])
    bn = layers.batch_norm(x, is_training=training, decay=0.5)
    train = batch_norm_steps(bn, x, [inputs(18, 8, 4) + 1, inputs(19, 8, 4) + 2], {training: True})
    test = batch_norm_steps(bn, x, [inputs(20, 8, 4)], {training: False})
    return lambda sess: dict(train(sess), **{'test_' + k: v for k, v in test(sess).items()})


@probe
def batch_norm_forced_updates():
    x = tf.placeholder(tf.float32, [None, 4])
    bn = layers.batch_norm(x, updates_collections=None, decay=0.8, center=False)
    return batch_norm_steps(bn, x, [inputs(21, 8, 4), inputs(22, 8, 4) * 3])


@probe
def batch_norm_not_training():
    x = tf.placeholder(tf.float32, [None, 4])
    return batch_norm_steps(layers.batch_norm(x, is_training=False, scale=True), x, [inputs(23, 8, 4)])


@probe
def layer_norm():
    x = tf.constant(inputs(24, 3, 4, 5) * 2 + 1)
    return constant_run({'default': layers.layer_norm(x), 'last_axis': layers.layer_norm(x, begin_norm_axis=-1),
                         'no_scale': layers.layer_norm(x, scale=False, activation_fn=tf.nn.relu)})


@probe
def embed_sequence():
    ids = tf.constant([[0, 3, 3], [5, 1, 0]])
    looked_up = layers.embed_sequence(ids, vocab_size=6, embed_dim=4)
    shared = layers.embed_sequence(ids, unique=True, scope='EmbedSequence', reuse=True)
    return constant_run({'looked_up': looked_up, 'shared': shared})


@probe
def dropout():
    x = tf.ones([200, 300])
    return constant_run({'draw/seeded': layers.dropout(x, seed=5), 'draw/keep_0_8': layers.dropout(x, 0.8, seed=6),
                         'not_training': layers.dropout(x, is_training=False), 'sample/unseeded': layers.dropout(x)})


# --- rnn: contrib's cells are TensorFlow's; the same variables and outputs

def state_type(state):
    """The class of an RNN's state: a tuple's (LSTMStateTuple, tuple), or Tensor."""
    return np.array(type(state).__name__ if isinstance(state, tuple) else 'Tensor')


def rnn_probe(make_cell, steps=3, batch=2, depth=4, seed=30):
    sequence = [tf.constant(inputs(seed + t, batch, depth)) for t in range(steps)]
    outputs, state = tf.contrib.rnn.static_rnn(make_cell(), sequence, dtype=tf.float32)
    return constant_run({'outputs': tf.stack(outputs), 'state': tf.concat(tf.nest.flatten(state), axis=-1),
                         'state_type': state_type(state)})


@probe
def BasicRNNCell():
    return rnn_probe(lambda: tf.contrib.rnn.BasicRNNCell(5))


@probe
def BasicLSTMCell():
    return rnn_probe(lambda: tf.contrib.rnn.BasicLSTMCell(5))


@probe
def BasicLSTMCell_forget_bias():
    return rnn_probe(lambda: tf.contrib.rnn.BasicLSTMCell(5, forget_bias=0.3, state_is_tuple=False))


@probe
def LSTMCell():
    return rnn_probe(lambda: tf.contrib.rnn.LSTMCell(5, use_peepholes=True, num_proj=3, cell_clip=0.5))


@probe
def GRUCell():
    return rnn_probe(lambda: tf.contrib.rnn.GRUCell(5))


@probe
def MultiRNNCell():
    return rnn_probe(lambda: tf.contrib.rnn.MultiRNNCell([tf.contrib.rnn.BasicLSTMCell(5),
                                                          tf.contrib.rnn.GRUCell(3)]))


@probe
def DropoutWrapper():
    return rnn_probe(lambda: tf.contrib.rnn.DropoutWrapper(tf.contrib.rnn.BasicLSTMCell(5), input_keep_prob=0.7,
                                                           output_keep_prob=0.6, seed=5))


@probe
def OutputProjectionWrapper():
    return rnn_probe(lambda: tf.contrib.rnn.OutputProjectionWrapper(tf.contrib.rnn.BasicRNNCell(5), 2))


@probe
def OutputProjectionWrapper_dynamic_rnn():
    cell = tf.contrib.rnn.OutputProjectionWrapper(tf.contrib.rnn.GRUCell(4), 3, activation=tf.nn.sigmoid)
    outputs, state = tf.nn.dynamic_rnn(cell, tf.constant(inputs(43, 2, 5, 3)), dtype=tf.float32)
    return constant_run({'outputs': outputs, 'state': state})


@probe
def LSTMStateTuple():
    cell = tf.contrib.rnn.BasicLSTMCell(3)
    state = tf.contrib.rnn.LSTMStateTuple(tf.constant(inputs(40, 2, 3)), tf.constant(inputs(41, 2, 3)))
    output, new_state = cell(tf.constant(inputs(42, 2, 4)), state)
    return constant_run({'output': output, 'c': new_state.c, 'h': new_state.h,
                         'state_type': state_type(new_state)})


@probe
def static_bidirectional_rnn():
    sequence = [tf.constant(inputs(50 + t, 2, 4)) for t in range(3)]
    outputs, fw, bw = tf.contrib.rnn.static_bidirectional_rnn(
        tf.contrib.rnn.BasicLSTMCell(3), tf.contrib.rnn.GRUCell(2), sequence, dtype=tf.float32)
    return constant_run({'outputs': tf.stack(outputs), 'fw': tf.concat(fw, -1), 'bw': bw})


@probe
def dynamic_rnn_with_contrib_cell():
    cell = tf.contrib.rnn.MultiRNNCell([tf.contrib.rnn.BasicLSTMCell(4) for _ in range(2)])
    outputs, _ = tf.nn.dynamic_rnn(cell, tf.constant(inputs(60, 2, 5, 3)), dtype=tf.float32)
    return constant_run({'outputs': outputs})


# --- seq2seq.sequence_loss

@probe
def sequence_loss():
    logits = tf.constant(inputs(70, 3, 4, 6) * 3)
    targets = tf.constant(np.random.RandomState(71).randint(0, 6, (3, 4)).astype(np.int32))
    mask = np.ones((3, 4), np.float32)
    mask[0, 2:] = 0
    mask[2, 3] = 0.5
    weights = tf.constant(mask)
    loss = tf.contrib.seq2seq.sequence_loss
    return constant_run({
        'default': loss(logits, targets, weights),
        'per_step': loss(logits, targets, weights, average_across_timesteps=False),
        'per_example': loss(logits, targets, weights, average_across_batch=False),
        'unreduced': loss(logits, targets, weights, average_across_timesteps=False, average_across_batch=False),
        'sum_over': loss(logits, targets, weights, average_across_timesteps=False, average_across_batch=False,
                         sum_over_timesteps=True, sum_over_batch=True),
        'sum_over_batch': loss(logits, targets, weights, average_across_batch=False, sum_over_batch=True,
                               average_across_timesteps=False)})


# --- legacy_seq2seq

def step_logits(seed, steps=3):
    logits = [tf.constant(inputs(seed + t, 4, 5) * 2) for t in range(steps)]
    targets = [tf.constant(np.random.RandomState(seed + 10 + t).randint(0, 5, 4).astype(np.int32))
               for t in range(steps)]
    weights = [tf.constant(np.array([1, 1, 0.5, 0], np.float32) if t == 2 else np.ones(4, np.float32))
               for t in range(steps)]
    return logits, targets, weights


@probe
def legacy_seq2seq_sequence_loss():
    logits, targets, weights = step_logits(90)
    legacy = tf.contrib.legacy_seq2seq
    return constant_run({
        'by_example': legacy.sequence_loss_by_example(logits, targets, weights),
        'by_example_summed': legacy.sequence_loss_by_example(logits, targets, weights,
                                                             average_across_timesteps=False),
        'default': legacy.sequence_loss(logits, targets, weights),
        'per_batch_sum': legacy.sequence_loss(logits, targets, weights, average_across_batch=False)})


@probe
def legacy_seq2seq_rnn_decoder():
    cell = tf.contrib.rnn.BasicLSTMCell(4)
    decoder_inputs = [tf.constant(inputs(100 + t, 2, 4)) for t in range(3)]
    initial = cell.zero_state(2, tf.float32)
    outputs, state = tf.contrib.legacy_seq2seq.rnn_decoder(decoder_inputs, initial, cell)
    looped, _ = tf.contrib.legacy_seq2seq.rnn_decoder(decoder_inputs, initial, cell, scope='rnn_decoder',
                                                      loop_function=lambda prev, i: tf.nn.relu(prev))
    return constant_run({'outputs': tf.stack(outputs), 'state': tf.concat(state, -1), 'looped': tf.stack(looped)})


# --- framework

@probe
def get_or_create_global_step():
    framework = tf.contrib.framework
    before = framework.get_global_step()
    step = framework.get_or_create_global_step()
    again = framework.get_or_create_global_step()
    layers.fully_connected(tf.constant(inputs(80, 2, 3)), 2, scope='fc')
    return constant_run({
        'none_before': np.array(before is None), 'same': np.array(step is again and
                                                                  framework.get_global_step() is step),
        'dtype': np.array(step.dtype.base_dtype.name), 'step': step,
        'by_name': np.array([v.name for v in framework.get_variables_by_name('weights')]),
        'model_variables': np.array([v.name for v in framework.get_model_variables()]),
        'scoped': np.array([v.name for v in framework.get_variables('fc')]),
        'to_restore': np.array([v.name for v in framework.get_variables_to_restore(exclude=['fc/biases'])])})


# --- slim: contrib's layers under arg_scope; slim.losses (tf.contrib.losses)

@probe
def slim_arg_scope():
    slim = tf.contrib.slim
    images = tf.placeholder(tf.float32, [None, 8, 8, 1])
    training = tf.placeholder(tf.bool, [])
    with slim.arg_scope([slim.conv2d, slim.fully_connected], activation_fn=tf.nn.leaky_relu,
                        normalizer_fn=slim.batch_norm, weights_regularizer=slim.l2_regularizer(0.01),
                        outputs_collections='end_points'), \
            slim.arg_scope([slim.batch_norm], is_training=training, decay=0.5, scale=True):
        with slim.arg_scope([slim.conv2d], kernel_size=3, stride=2, padding='VALID'):
            net = slim.conv2d(images, 4, normalizer_fn=None, scope='conv1')
            net = slim.conv2d(net, 6, scope='conv2')
        net = slim.max_pool2d(slim.repeat(net, 2, slim.conv2d, 6, [1, 1]), [1, 1], stride=1)
        net = slim.dropout(slim.flatten(net), 0.6, is_training=training, seed=3)
        logits = slim.fully_connected(net, 2, activation_fn=None, normalizer_fn=None, scope='logits')
    update = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
    end_points = slim.utils.convert_collection_to_dict('end_points')
    batch = inputs(120, 3, 8, 8, 1)

    def run(sess):
        trained = sess.run([logits] + update, {images: batch, training: True})[0]
        tested = sess.run(logits, {images: batch, training: False})
        return {'trained': trained, 'tested': tested, 'end_points': np.array(list(end_points)),
                'moving': np.concatenate([sess.run(v).ravel() for v in tf.global_variables() if 'moving' in v.name])}
    return run


@probe
def slim_losses():
    losses = tf.contrib.slim.losses
    logits = tf.constant(inputs(110, 4, 3) * 2)
    onehot = tf.constant(np.eye(3, dtype=np.float32)[[0, 2, 1, 2]])
    predictions = tf.sigmoid(logits)
    targets = tf.constant((inputs(111, 4, 3) > 0).astype(np.float32))
    per_example = tf.constant(np.array([1, 0, 2, 0.5], np.float32))
    elementwise = tf.constant(np.abs(inputs(112, 4, 3)) * (inputs(113, 4, 3) > -0.5))
    values = {
        'softmax': losses.softmax_cross_entropy(logits, onehot),
        'softmax_smoothed_weighted': losses.softmax_cross_entropy(logits, onehot, per_example, label_smoothing=0.1),
        'sparse': losses.sparse_softmax_cross_entropy(logits, tf.constant([[0], [2], [1], [2]]), weights=2.0),
        'sigmoid_smoothed': losses.sigmoid_cross_entropy(logits, targets, label_smoothing=0.2),
        'sigmoid_elementwise': losses.sigmoid_cross_entropy(logits, targets, weights=elementwise),
        'squared': losses.mean_squared_error(predictions, targets, weights=per_example),
        'absolute': losses.absolute_difference(predictions, targets),
        'log': losses.log_loss(predictions, targets, weights=tf.constant([[1.0], [0.0], [2.0], [1.0]])),
        'hinge': losses.hinge_loss(logits, targets),
        'pairwise': losses.mean_pairwise_squared_error(predictions, targets, weights=per_example),
        'cosine': losses.cosine_distance(tf.nn.l2_normalize(logits, 1), tf.nn.l2_normalize(predictions, 1), axis=1),
        'zero_weight': losses.mean_squared_error(predictions, targets, weights=0.0),
        'weighted': losses.compute_weighted_loss(tf.constant(inputs(114, 4, 3)), weights=per_example),
    }
    tf.add_to_collection(tf.GraphKeys.REGULARIZATION_LOSSES, tf.constant(0.25))
    values['total'] = losses.get_total_loss()
    values['total_without_regularization'] = losses.get_total_loss(add_regularization_losses=False)
    values['collected'] = np.array([t.name for t in losses.get_losses()])
    return constant_run(values)


# --- learn.datasets.mnist

@probe
def learn_datasets_mnist():
    if MNIST_DIR is None:
        return constant_run({})
    from tensorflow.contrib.learn.python.learn.datasets.mnist import read_data_sets
    np.random.seed(0)
    mnist = read_data_sets(MNIST_DIR, one_hot=True)
    batch_x, batch_y = mnist.train.next_batch(5)
    return constant_run({'sizes': np.array([mnist.train.num_examples, mnist.validation.num_examples,
                                            mnist.test.num_examples]),
                         'batch_x': batch_x, 'batch_y': batch_y,
                         'test_images_sum': mnist.test.images.sum(dtype=np.float64),
                         'one_reader': np.array(read_data_sets is tf.contrib.learn.datasets.mnist.read_data_sets)})


def names(collection):
    return np.array([getattr(v, 'name', '') for v in tf.get_collection(collection)])


def run_probe(build):
    name = build.__name__
    with tf.Graph().as_default():
        tf.set_random_seed(1)
        run = build()
        found = {'variables': np.array(['%s %s' % (v.name, v.shape.as_list()) for v in tf.global_variables()]),
                 'model_variables': names(tf.GraphKeys.MODEL_VARIABLES),
                 'trainable': names(tf.GraphKeys.TRAINABLE_VARIABLES),
                 'update_ops': np.array(len(tf.get_collection(tf.GraphKeys.UPDATE_OPS)))}
        losses = tf.get_collection(tf.GraphKeys.REGULARIZATION_LOSSES)
        saver = tf.train.Saver() if tf.global_variables() else None
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            if saver and TF115_DIR:
                saver.restore(sess, os.path.join(TF115_DIR, name + '.ckpt'))
            elif saver:
                saver.save(sess, os.path.join(OUT_DIR, name + '.ckpt'), write_meta_graph=False)
            found['regularization_losses'] = np.array(sess.run(losses))
            found.update(run(sess))
    return {name + '/' + key: value for key, value in found.items()}


record = {}
for build in PROBES:
    try:
        record.update(run_probe(build))
    except Exception as error:  # recorded: the test of that probe fails, naming it
        record[build.__name__ + '/error'] = np.array('%s: %s' % (type(error).__name__, str(error).splitlines()[0]))
np.savez(os.path.join(OUT_DIR, 'probes.npz'), **record)
print('probes: %d' % len(PROBES))
