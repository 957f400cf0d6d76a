"""tf.contrib in a reader's script behaves as TensorFlow 1.15's (tests/contrib_probe.py, one TF1 script).

TensorFlow 1.15 runs the probe script once and saves each probe's initial variables; tf1gan.script
runs the same script unchanged (in this process), restores them from TF 1.15's checkpoints by name,
feeds the same inputs and records the same things. Per contrib name, the records must agree:

- names, shapes and collections of the variables: exactly (a wrong name would not even restore);
- strings, booleans, integers: exactly; `draw/...`, random values drawn from explicit op seeds: bit
  for bit (TensorFlow's Philox kernels give the same numbers in 1.15 and 2.21);
- other values, computed from the same weights and inputs: within 8 float32 ulps of the array's
  largest magnitude (8 * 1.19e-7 * max|x|). Measured: at most 2.5 such ulps (tanh/sigmoid in the
  cells, the fused batch norm's moving variance), zero for most arrays;
- `sample/...`, values drawn with seed=None (the reader's default): a two-sample Kolmogorov-Smirnov
  test of 60,000 values per side at alpha = 1e-6, i.e. a false failure once in a million runs
  (measured D = 0.0005 to 0.0053 against the critical 0.0156).
"""
import math
import pathlib

import numpy as np
import pytest

import tf115

PROBE = pathlib.Path(__file__).with_name('contrib_probe.py')
EPS32 = float(np.finfo(np.float32).eps)
ULPS = 8
KS_ALPHA = 1e-6
PROBES = (
    'xavier_initializer', 'xavier_initializer_conv2d', 'xavier_initializer_normal', 'variance_scaling_initializer',
    'l1_regularizer', 'l2_regularizer', 'l1_l2_regularizer', 'apply_regularization',
    'fully_connected', 'conv2d', 'conv2d_transpose', 'max_pool2d', 'avg_pool2d', 'flatten', 'one_hot_encoding',
    'batch_norm', 'batch_norm_conv', 'batch_norm_is_training_placeholder', 'batch_norm_forced_updates',
    'batch_norm_not_training', 'dropout',
    'BasicRNNCell', 'BasicLSTMCell', 'BasicLSTMCell_forget_bias', 'LSTMCell', 'GRUCell', 'MultiRNNCell',
    'DropoutWrapper', 'LSTMStateTuple', 'static_bidirectional_rnn', 'dynamic_rnn_with_contrib_cell',
    'sequence_loss', 'get_or_create_global_step', 'learn_datasets_mnist',
)

pytestmark = pytest.mark.tf115


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


def test_the_probe_list_is_the_probe_scripts(records):
    theirs = {key.split('/', 1)[0] for key in records[0].files}
    assert theirs == set(PROBES)


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
            assert np.max(np.abs(found.astype(np.float64) - expected), initial=0.0) <= ULPS * EPS32 * scale, key
