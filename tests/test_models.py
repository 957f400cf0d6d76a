"""The graphs of listings 9.1 and 9.2: their variables, and which ones each optimizer moves."""
import numpy as np
import pytest

import tf1gan  # noqa: F401  (Keras 2 before TensorFlow)
import tensorflow.compat.v1 as tf

from tf1gan.listings import cgan, gan

pytestmark = pytest.mark.kernels  # compares numbers TensorFlow computes: CI runs it under both kernel libraries (BUILD.md)

N_HIDDEN, N_NOISE = 256, 128

# Listing 9.1 declares its variables with tf.Variable (default names); 9.2 gets them from
# tf.layers.dense inside the 'generator' and 'discriminator' variable scopes.
EXPECTED_VARS = {
    gan: {'D': [(784, 256), (256,), (256, 1), (1,)],
          'G': [(128, 256), (256,), (256, 784), (784,)]},
    cgan: {'D': [('discriminator/dense/kernel:0', (794, 256)), ('discriminator/dense/bias:0', (256,)),
                 ('discriminator/dense_1/kernel:0', (256, 1)), ('discriminator/dense_1/bias:0', (1,))],
           'G': [('generator/dense/kernel:0', (138, 256)), ('generator/dense/bias:0', (256,)),
                 ('generator/dense_1/kernel:0', (256, 784)), ('generator/dense_1/bias:0', (784,))]},
}


@pytest.fixture(scope='module', params=[gan, cgan], ids=['gan', 'cgan'])
def built(request):
    module = request.param
    with tf.Graph().as_default() as graph:
        tf.set_random_seed(1)
        handles = module.build(n_hidden=N_HIDDEN, n_noise=N_NOISE, learning_rate=module.HPARAMS['learning_rate'])
        sess = tf.Session(graph=graph)
        sess.run(tf.global_variables_initializer())
        yield module, handles, sess
        sess.close()


def _feed(module, handles, batch=8):
    rng = np.random.RandomState(0)
    feed = {handles.X: rng.rand(batch, 784), handles.Z: module.get_noise(batch, N_NOISE)}
    if handles.Y is not None:
        feed[handles.Y] = np.eye(10)[rng.randint(0, 10, batch)]
    return feed


def test_variable_lists_hold_the_listings_shapes(built):
    module, handles, _ = built
    expected = EXPECTED_VARS[module]
    for part, variables in (('D', handles.vars_D), ('G', handles.vars_G)):
        if module is gan:
            assert [tuple(v.shape.as_list()) for v in variables] == expected[part]
        else:
            assert [(v.name, tuple(v.shape.as_list())) for v in variables] == expected[part]


def test_the_two_discriminators_share_their_variables(built):
    _, handles, _ = built
    assert len(tf.trainable_variables(scope=None)) == len(handles.vars_D) + len(handles.vars_G)


def test_initial_weights_follow_the_listings_initialisers(built):
    # Runs before any test that trains the shared graph (tests run in file order).
    module, handles, sess = built
    kernels = [v for v in handles.vars_G + handles.vars_D if len(v.shape) == 2]
    values = sess.run(kernels)
    if module is gan:
        # 9.1.4: tf.random_normal(stddev=0.01); untrained G_W1 is the first kernel.
        assert abs(values[0].std() - 0.01) < 0.001
    else:
        # tf.layers.dense: glorot_uniform, limit sqrt(6 / (fan_in + fan_out)).
        fan_in, fan_out = values[0].shape
        assert np.abs(values[0]).max() <= np.sqrt(6 / (fan_in + fan_out))


@pytest.mark.parametrize('step, moved, kept', [('train_D', 'vars_D', 'vars_G'), ('train_G', 'vars_G', 'vars_D')])
def test_each_optimizer_moves_only_its_own_network(built, step, moved, kept):
    module, handles, sess = built
    before = sess.run({'moved': getattr(handles, moved), 'kept': getattr(handles, kept)})
    sess.run(getattr(handles, step), feed_dict=_feed(module, handles))
    after = sess.run({'moved': getattr(handles, moved), 'kept': getattr(handles, kept)})
    # Biases start at zero and the output bias of 9.1's D gets a non-zero gradient too: all move.
    assert all(not np.array_equal(b, a) for b, a in zip(before['moved'], after['moved']))
    assert all(np.array_equal(b, a) for b, a in zip(before['kept'], after['kept']))


@pytest.mark.parametrize('module, low, high, mean', [(gan, -np.inf, np.inf, 0.0), (cgan, -1.0, 1.0, 0.0)],
                         ids=['gan-normal', 'cgan-uniform'])
def test_noise_has_the_listings_distribution(module, low, high, mean):
    np.random.seed(0)
    noise = module.get_noise(100, N_NOISE)
    assert noise.shape == (100, N_NOISE)
    assert noise.min() >= low and noise.max() < high
    assert abs(noise.mean() - mean) < 0.02


@pytest.mark.parametrize('module, book_line, values', [
    (gan, 'Epoch:  0001 D loss: -0.4525 G loss: -2.0736', (0, -0.45251, -2.07358)),
    (cgan, 'Epoch:  0000 D loss: 0.01216 G loss: 7.923', (0, np.float32(0.012157), np.float32(7.9231))),
    (cgan, 'Epoch:  0005 D loss: 0.06732 G loss: 9.02', (5, np.float32(0.067321), np.float32(9.0200))),
], ids=['gan-9.1', 'cgan-9.2', 'cgan-9.2-short'])
def test_log_line_is_printed_in_the_listings_format(module, book_line, values):
    assert module.log_line(*values) == book_line
