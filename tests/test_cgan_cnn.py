"""9.2's exercise, the conditional GAN with CNNs (tf1gan/listings/cgan_cnn.py): its graph, its batch
normalization as a TF1 reader must write it, and its standalone listing (examples/cgan_cnn.py)."""
import pathlib

import numpy as np
import pytest

import tf1gan  # noqa: F401  (Keras 2 before TensorFlow)
import tensorflow.compat.v1 as tf

from tf1gan.listings import registry
from tf1gan.compat import seeding
from tf1gan.listings import cgan_cnn
from training import tf1gan_command

pytestmark = pytest.mark.kernels  # compares numbers TensorFlow computes: CI runs it under both kernel libraries (BUILD.md)

EXAMPLE = pathlib.Path(__file__).resolve().parent.parent / 'examples' / 'cgan_cnn.py'
HP = {key: cgan_cnn.HPARAMS[key] for key in ('n_hidden', 'n_noise', 'learning_rate')}

# The layers the listing writes, in its order: G from noise and label up to 28x28x1, D down to one logit.
EXPECTED_VARS = {
    'G': [('generator/dense/kernel', (138, 6272)), ('generator/dense/bias', (6272,)),
          ('generator/batch_normalization/gamma', (6272,)), ('generator/batch_normalization/beta', (6272,)),
          ('generator/conv2d_transpose/kernel', (4, 4, 64, 128)), ('generator/conv2d_transpose/bias', (64,)),
          ('generator/batch_normalization_1/gamma', (64,)), ('generator/batch_normalization_1/beta', (64,)),
          ('generator/conv2d_transpose_1/kernel', (4, 4, 1, 64)), ('generator/conv2d_transpose_1/bias', (1,))],
    'D': [('discriminator/conv2d/kernel', (3, 3, 11, 32)), ('discriminator/conv2d/bias', (32,)),
          ('discriminator/conv2d_1/kernel', (3, 3, 32, 64)), ('discriminator/conv2d_1/bias', (64,)),
          ('discriminator/batch_normalization/gamma', (64,)), ('discriminator/batch_normalization/beta', (64,)),
          ('discriminator/dense/kernel', (7 * 7 * 64 + 10, 256)), ('discriminator/dense/bias', (256,)),
          ('discriminator/dense_1/kernel', (256, 1)), ('discriminator/dense_1/bias', (1,))],
}


@pytest.fixture()
def built():
    with tf.Graph().as_default() as graph:
        seeding.seed_graph(3)
        handles = registry.build_graph(cgan_cnn, **HP)
        with tf.Session(graph=graph) as sess:
            sess.run(tf.global_variables_initializer())
            yield handles, sess


def batch(size=16, seed=0):
    rng = np.random.RandomState(seed)
    return rng.rand(size, 784), np.eye(10)[rng.randint(0, 10, size)], rng.uniform(-1, 1, (size, 128))


def moving_averages(scope):
    return [v for v in tf.global_variables(scope) if 'moving_' in v.name]


def test_the_variable_lists_hold_the_listings_layers(built):
    handles, _ = built
    for part, variables in (('G', handles.vars_G), ('D', handles.vars_D)):
        assert [(v.op.name, tuple(v.shape.as_list())) for v in variables] == EXPECTED_VARS[part]


def test_G_draws_28_by_28_images_in_0_1_as_784_pixels_like_9_2(built):
    handles, sess = built
    _, labels, noise = batch()
    images = sess.run(handles.G, feed_dict={handles.Y: labels, handles.Z: noise})
    assert images.shape == (16, 784) and images.min() >= 0 and images.max() <= 1


@pytest.mark.parametrize('step, moved, kept', [('train_D', 'discriminator', 'generator'),
                                               ('train_G', 'generator', 'discriminator')])
def test_each_step_moves_its_own_network_and_its_own_moving_averages_only(built, step, moved, kept):
    handles, sess = built
    images, labels, noise = batch()
    watched = {name: tf.global_variables(name) for name in (moved, kept)}
    assert moving_averages(moved) and moving_averages(kept)
    before = sess.run(watched)
    sess.run(getattr(handles, step), feed_dict={handles.X: images, handles.Y: labels, handles.Z: noise,
                                                handles.training: True})
    after = sess.run(watched)
    assert all(not np.array_equal(b, a) for b, a in zip(before[moved], after[moved]))  # UPDATE_OPS ran too
    assert all(np.array_equal(b, a) for b, a in zip(before[kept], after[kept]))


def test_G_draws_with_its_moving_averages_unless_training_is_fed(built):
    """An image drawn alone is the one drawn in a batch, by the moving averages; fed training=True,
    the batch's statistics make each image depend on the others."""
    handles, sess = built
    _, labels, noise = batch()

    def first_image(rows, training=False):
        return sess.run(handles.G, feed_dict={handles.Y: labels[:rows], handles.Z: noise[:rows],
                                              handles.training: training})[0]

    # Which kernel a product gets depends on the CPU and on the product's shape, here the batch size: with
    # Eigen's kernels (TF_ENABLE_ONEDNN_OPTS=0, or the default on a CPU without AVX-512) 15 of the 784 pixels of
    # an AMD EPYC's image drawn alone lie 1.19e-7 (one float32 step below 1) from the batch's; oneDNN's gave the
    # same bits. The moving averages draw both: the same image to 1e-6, where a batch's statistics move it by
    # far more (below).
    np.testing.assert_allclose(first_image(1), first_image(16), rtol=0, atol=1e-6)
    assert not np.allclose(first_image(2, training=True), first_image(16, training=True))


def test_the_standalone_listing_prints_what_tf1gan_main_prints(mnist_dir, tmp_path):
    """examples/cgan_cnn.py through tf1gan.script and --model=cgan_cnn --loop=book, both seeded 1: one
    short epoch (55 iterations of 1,000) prints the same line, from the same weights, batches and noise."""
    short = ('--seed=1', f'--source_url={mnist_dir}')
    (tmp_path / 'cgan_cnn.py').write_text(EXAMPLE.read_text(encoding='utf-8'), encoding='utf-8')
    script = tf1gan_command('script', '--set', 'total_epoch=1', '--set', 'batch_size=1000', *short, 'cgan_cnn.py',
                            cwd=tmp_path)
    main = tf1gan_command('main', '--model=cgan_cnn', '--total_epoch=1', '--batch_size=1000', '--loop=book', *short,
                          cwd=tmp_path)
    assert script.returncode == 0, script.stderr
    assert main.returncode == 0, main.stderr
    printed = [[line for line in result.stdout.splitlines() if line.startswith(('Epoch', '최적화'))]
               for result in (script, main)]
    assert len(printed[0]) == 2 and printed[0] == printed[1]
    assert (tmp_path / 'samples_cnn' / '000.png').exists() and (tmp_path / 'runs' / 'cgan_cnn' / 'samples' /
                                                               '000.png').exists()
