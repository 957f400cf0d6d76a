"""tf.contrib in a reader's script behaves as TensorFlow 1.15's (tests/contrib_probe.py, one TF1 script).

TensorFlow 1.15 runs the probe script once and saves each probe's initial variables; tf1gan.script
runs the same script unchanged (in this process), restores them from TF 1.15's checkpoints by name,
feeds the same inputs and records the same things. Per contrib name, the records must agree:

- names, shapes and collections of the variables: exactly (a wrong name would not even restore);
- strings, booleans, integers: exactly; `draw/...`, random values drawn from explicit op seeds: bit
  for bit (TensorFlow's Philox kernels give the same numbers in 1.15 and 2.21);
- other values, computed from the same weights and inputs: within 8 float32 ulps of the array's
  largest magnitude (8 * 1.19e-7 * max|x|). Measured: at most 3.8 such ulps (tanh/sigmoid in the
  cells, the fused batch norm's moving variance), zero for most arrays. One exception: the outputs
  of batch_norm on a rank-4 input, TensorFlow 2.21's fused batch norm, which oneDNN computes on some
  CPUs in another order than TF 1.15's Eigen kernel: 29.2 ulps on an AMD EPYC (2026-12-07; 1.7 there
  with TF_ENABLE_ONEDNN_OPTS=0, and under 3 on the machines before), so 64 for it: the kernel's
  rounding, not contrib's arithmetic, which a wrong epsilon, scale or decay would move by far more;
- `sample/...`, values drawn with seed=None (the reader's default): a two-sample Kolmogorov-Smirnov
  test of 60,000 values per side at alpha = 1e-6, i.e. a false failure once in a million runs
  (measured D = 0.0005 to 0.0053 against the critical 0.0156).
"""
import math
import pathlib
import re
import subprocess
import sys
import textwrap

import numpy as np
import pytest

import tf115
from hang import HANG

pytestmark = pytest.mark.kernels  # compares numbers TensorFlow computes: CI runs it under both kernel libraries (BUILD.md)

PROBE = pathlib.Path(__file__).with_name('contrib_probe.py')
EPS32 = float(np.finfo(np.float32).eps)
ULPS = 8
FUSED_BATCH_NORM_ULPS = {'batch_norm_conv/outputs': 64}  # oneDNN's fused batch norm on some CPUs (above)
KS_ALPHA = 1e-6
PROBES = (
    'xavier_initializer', 'xavier_initializer_conv2d', 'xavier_initializer_normal', 'variance_scaling_initializer',
    'l1_regularizer', 'l2_regularizer', 'l1_l2_regularizer', 'apply_regularization',
    'fully_connected', 'fully_connected_reused_by_scope', 'conv2d', 'conv2d_transpose', 'max_pool2d', 'avg_pool2d', 'flatten', 'one_hot_encoding',
    'batch_norm', 'batch_norm_conv', 'batch_norm_is_training_placeholder', 'batch_norm_forced_updates',
    'batch_norm_not_training', 'layer_norm', 'embed_sequence', 'dropout',
    'BasicRNNCell', 'BasicLSTMCell', 'BasicLSTMCell_forget_bias', 'LSTMCell', 'GRUCell', 'MultiRNNCell',
    'DropoutWrapper', 'OutputProjectionWrapper', 'OutputProjectionWrapper_dynamic_rnn', 'LSTMStateTuple',
    'static_bidirectional_rnn', 'dynamic_rnn_with_contrib_cell',
    'sequence_loss', 'legacy_seq2seq_sequence_loss', 'legacy_seq2seq_rnn_decoder',
    'slim_arg_scope', 'slim_losses', 'get_or_create_global_step', 'learn_datasets_mnist',
)

@pytest.fixture(scope='module')
def records(tmp_path_factory, mnist_dir):
    """(TF 1.15's record, tf1gan's record) of the probe script."""
    folder = tmp_path_factory.mktemp('contrib')
    (folder / 'tf115').mkdir()
    (folder / 'tf1gan').mkdir()
    done = tf115.run(PROBE, folder / 'tf115', mnist_dir, cwd=folder)
    assert done.returncode == 0, done.stderr[-3000:]

    from tf1gan.script import runner
    from tf1gan.script.source import Cell
    argv = [str(PROBE), str(folder / 'tf1gan'), str(mnist_dir), str(folder / 'tf115')]
    assert runner.run([Cell(PROBE.read_text(), str(PROBE))], str(PROBE), argv, note=lambda text: None) == 0
    return np.load(folder / 'tf115' / 'probes.npz'), np.load(folder / 'tf1gan' / 'probes.npz')


def of_probe(record, name):
    return {key[len(name) + 1:]: record[key] for key in record.files if key.split('/', 1)[0] == name}


def ks_statistic(x, y):
    """The two-sample Kolmogorov-Smirnov D: the largest gap between the two empirical CDFs."""
    x, y = np.sort(x.ravel()), np.sort(y.ravel())
    points = np.concatenate([x, y])
    return np.max(np.abs(np.searchsorted(x, points, 'right') / x.size - np.searchsorted(y, points, 'right') / y.size))


def ks_critical(n, m, alpha=KS_ALPHA):
    return math.sqrt(-math.log(alpha / 2) / 2) * math.sqrt((n + m) / (n * m))


@pytest.mark.tf115
def test_the_probe_list_is_the_probe_scripts(records):
    theirs = {key.split('/', 1)[0] for key in records[0].files}
    assert theirs == set(PROBES)


@pytest.mark.tf115
@pytest.mark.parametrize('name', PROBES)
def test_contrib_name_behaves_as_in_tf_1_15(records, name):
    tf115_record, tf1gan_record = (of_probe(record, name) for record in records)
    assert 'error' not in tf115_record, tf115_record.get('error')
    assert 'error' not in tf1gan_record, f"tf1gan: {tf1gan_record['error']}"
    assert sorted(tf1gan_record) == sorted(tf115_record)
    for key, expected in tf115_record.items():
        found = tf1gan_record[key]
        assert found.shape == expected.shape, key
        if key.startswith('sample/'):
            assert ks_statistic(found, expected) < ks_critical(found.size, expected.size), key
        elif expected.dtype.kind in 'USbiu' or key.startswith('draw/'):
            assert np.array_equal(found, expected), key
        else:
            scale = float(np.max(np.abs(expected))) if expected.size else 0.0
            ulps = FUSED_BATCH_NORM_ULPS.get(f'{name}/{key}', ULPS)
            assert np.max(np.abs(found.astype(np.float64) - expected), initial=0.0) <= ulps * EPS32 * scale, key


ERA_SCRIPT = '''\
    # An RNN classifier as 2017's tutorials wrote it: Xavier weights, contrib's LSTM and dense layer.
    import numpy as np
    import tensorflow as tf

    tf.set_random_seed(777)
    np.random.seed(777)
    n_steps, n_input, n_hidden, n_classes = 5, 2, 16, 2

    X = tf.placeholder(tf.float32, [None, n_steps, n_input])
    Y = tf.placeholder(tf.float32, [None, n_classes])
    W = tf.get_variable("W", shape=[n_hidden, n_classes], initializer=tf.contrib.layers.xavier_initializer())
    b = tf.Variable(tf.zeros([n_classes]))

    cell = tf.contrib.rnn.BasicLSTMCell(n_hidden)
    outputs, states = tf.contrib.rnn.static_rnn(cell, tf.unstack(X, n_steps, 1), dtype=tf.float32)
    hidden = tf.contrib.layers.fully_connected(outputs[-1], n_hidden)
    logits = tf.matmul(hidden, W) + b
    cost = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits_v2(logits=logits, labels=Y))
    optimizer = tf.train.AdamOptimizer(0.01).minimize(cost)

    def batch(size=64):
        x = np.random.randn(size, n_steps, n_input)
        y = (x[:, :, 0].sum(axis=1) > 0).astype(int)
        return x, np.eye(n_classes)[y]

    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for step in range(201):
            x, y = batch()
            c, _ = sess.run([cost, optimizer], feed_dict={X: x, Y: y})
            if step % 50 == 0:
                print('step:', step, 'cost =', '{:.4f}'.format(c))
'''


def test_a_2017_script_with_xavier_fully_connected_and_a_static_lstm_runs_unchanged_and_learns(tmp_path):
    (tmp_path / 'rnn.py').write_text(textwrap.dedent(ERA_SCRIPT))
    done = subprocess.run([sys.executable, '-m', 'tf1gan.script', 'rnn.py'], cwd=tmp_path, capture_output=True,
                          text=True, timeout=HANG)
    assert done.returncode == 0, done.stderr[-3000:]
    costs = [float(cost) for cost in re.findall(r'^step: \d+ cost = (\d+\.\d+)$', done.stdout, re.M)]
    assert len(costs) == 5
    assert costs[-1] < costs[0] / 3  # from ln 2 = 0.69 (chance) to well below it


CNN_SCRIPT = '''\
    # A CNN as golbin's "04 - tf.contrib.layers" wrote it (2017), on images whose class is which half is bright.
    import numpy as np
    import tensorflow as tf

    tf.set_random_seed(777)
    np.random.seed(777)
    X = tf.placeholder(tf.float32, [None, 8, 8, 1])
    Y = tf.placeholder(tf.float32, [None, 2])

    L1 = tf.contrib.layers.conv2d(X, 8, [3, 3])
    L2 = tf.contrib.layers.max_pool2d(L1, [2, 2])
    L3 = tf.contrib.layers.conv2d(L2, 8, [3, 3], normalizer_fn=tf.nn.dropout, normalizer_params={'keep_prob': 0.8})
    L4 = tf.contrib.layers.flatten(tf.contrib.layers.max_pool2d(L3, [2, 2]))
    L5 = tf.contrib.layers.fully_connected(L4, 16, normalizer_fn=tf.contrib.layers.batch_norm)
    model = tf.contrib.layers.fully_connected(L5, 2, activation_fn=None)
    cost = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits_v2(logits=model, labels=Y))
    optimizer = tf.train.AdamOptimizer(0.01).minimize(cost)

    def batch(size=32):
        y = np.random.randint(0, 2, size)
        x = np.random.rand(size, 8, 8, 1) * 0.5
        x[y == 0, :4] += 0.5
        x[y == 1, 4:] += 0.5
        return x, np.eye(2)[y]

    init = tf.global_variables_initializer()
    sess = tf.Session()
    sess.run(init)

    total_batch = 20
    for epoch in range(3):
        total_cost = 0
        for i in range(total_batch):
            batch_xs, batch_ys = batch()
            _, cost_val = sess.run([optimizer, cost], feed_dict={X: batch_xs, Y: batch_ys})
            total_cost += cost_val
        print('Epoch:', '%04d' % (epoch + 1), 'Avg. cost =', '{:.3f}'.format(total_cost / total_batch))
'''


def test_a_2017_cnn_of_contrib_layers_with_batch_norm_and_dropout_normalizers_learns(tmp_path, capsys):
    from tf1gan.script import runner
    from tf1gan.script.source import Cell
    path = str(tmp_path / 'cnn.py')
    assert runner.run([Cell(textwrap.dedent(CNN_SCRIPT), path)], path, [path], note=lambda text: None) == 0
    costs = [float(cost) for cost in re.findall(r'^Epoch: \d{4} Avg. cost = (\d+\.\d+)$', capsys.readouterr().out,
                                                re.M)]
    assert len(costs) == 3
    assert costs[-1] < costs[0] / 3
