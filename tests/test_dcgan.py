"""The Keras DCGAN of 모두의 딥러닝 (tf1gan.listings.dcgan): its models, Keras 2's freezing, and its loop
(tf1gan.training.keras_loop).

Models are built once per module where a test only reads them; tests that train take a
snapshot first and check only what their own step did, so earlier training does not matter.
"""
import contextlib
import io
import json
import os
import re

import matplotlib.image
import numpy as np
import pytest

import tf1gan  # noqa: F401  (selects Keras 2 before TensorFlow is imported)
from tf1gan.compat import input_data, keras_semantics, seeding
from tf1gan.listings import dcgan
from tf1gan.training import keras_loop
from tf_keras.layers import (Activation, BatchNormalization, Conv2D, Dense, Dropout, Flatten, LeakyReLU,
                             Reshape, UpSampling2D)

pytestmark = pytest.mark.kernels  # compares numbers TensorFlow computes: CI runs it under both kernel libraries (BUILD.md)

LOG_LINE = re.compile(r'^epoch:\d+  d_loss:\d+\.\d{4}  g_loss:\d+\.\d{4}$')


# ----------------------------------------------------------------------------- fixtures

@pytest.fixture(scope='module', autouse=True)
def seeded():
    # Seeded tests elsewhere turn op determinism on for the whole process, and from then on
    # Dropout refuses to run eagerly without a global seed: so the module sets one, first.
    seeding.seed_graph(0)


@pytest.fixture(scope='module')
def X_train(mnist_dir):
    """The whole training set as the listing prepares it (read once for the module)."""
    return dcgan.load_X_train(str(mnist_dir), source_url=str(mnist_dir))


@pytest.fixture(scope='module')
def X_small(X_train):
    return X_train[:256]


@pytest.fixture(scope='module')
def models():
    return keras_loop.build(dcgan)


@pytest.fixture(scope='module')
def frozen_bn_models():
    return keras_loop.build(dcgan, keras_semantics='frozen_bn')


def values(variables):
    return [np.array(v.numpy()) for v in variables]


def changed(before, after):
    return [not np.array_equal(b, a) for b, a in zip(before, after)]


def batchnorm_layers(model):
    return [layer for layer in model.layers if isinstance(layer, BatchNormalization)]


def d_step(models, X, batch_size=8):
    """One discriminator.train_on_batch on real images labelled true, as the loop's first call."""
    models.discriminator.train_on_batch(X[:batch_size], np.ones((batch_size, 1)))


def gan_step(models, batch_size=8):
    models.gan.train_on_batch(np.random.normal(0, 1, (batch_size, 100)), np.ones((batch_size, 1)))


# ----------------------------------------------------------------------------- data and settings

def test_hparams_are_the_listings_gan_train_call():
    # gan_train(4001, 32, 200) with 100-dimensional noise.
    assert dcgan.HPARAMS == dict(total_epoch=4001, batch_size=32, saving_interval=200, n_noise=100)


def test_load_X_train_gives_the_60000_training_images_scaled_to_minus_one_one(X_train):
    assert X_train.shape == (60000, 28, 28, 1)
    assert X_train.dtype == np.float32
    assert X_train.min() == -1.0 and X_train.max() == 1.0


def test_load_X_train_is_the_listings_scaling_of_the_file_order_images(X_train, mnist_dir):
    raw = input_data.load_mnist_train_images(str(mnist_dir), source_url=str(mnist_dir))
    np.testing.assert_array_equal(X_train[:100, :, :, 0], (raw[:100].astype('float32') - 127.5) / 127.5)


# ----------------------------------------------------------------------------- layer structure

def test_generator_is_the_listings_layer_stack(models):
    assert [type(layer) for layer in models.generator.layers] == [
        Dense, Reshape, UpSampling2D, Conv2D, BatchNormalization, Activation,
        UpSampling2D, Conv2D, BatchNormalization, Activation, Conv2D]
    assert [layer.filters for layer in models.generator.layers if isinstance(layer, Conv2D)] == [128, 64, 1]


def test_generator_maps_noise_to_28x28x1_images_in_minus_one_one(models):
    images = models.generator.predict(np.random.normal(0, 1, (5, 100)), verbose=0)
    assert images.shape == (5, 28, 28, 1)
    assert np.all(images >= -1.0) and np.all(images <= 1.0)


def test_discriminator_has_four_strided_conv_blocks_of_32_64_128_256_filters(models):
    convs = [layer for layer in models.discriminator.layers if isinstance(layer, Conv2D)]
    assert [conv.filters for conv in convs] == [32, 64, 128, 256]
    assert all(conv.strides == (2, 2) and conv.kernel_size == (3, 3) and conv.padding == 'same' for conv in convs)
    assert [type(layer) for layer in models.discriminator.layers] == [
        Conv2D, Dropout,
        Conv2D, BatchNormalization, LeakyReLU, Dropout,
        Conv2D, BatchNormalization, LeakyReLU, Dropout,
        Conv2D, BatchNormalization, LeakyReLU, Dropout,
        Flatten, Dense]


def test_discriminator_maps_images_to_one_probability_each(models, X_small):
    p = models.discriminator.predict(X_small[:6], verbose=0)
    assert p.shape == (6, 1)
    assert np.all(p >= 0.0) and np.all(p <= 1.0)


def test_gan_is_the_discriminator_applied_to_the_generator(models):
    assert models.gan.input_shape == (None, 100)
    assert models.gan.output_shape == (None, 1)
    assert models.gan.layers[1:] == [models.generator, models.discriminator]
    # discriminator.trainable = False: only G's weights are trained through gan.
    assert not models.discriminator.trainable
    assert {id(w) for w in models.gan.trainable_weights} == {id(w) for w in models.generator.trainable_weights}


# ----------------------------------------------------------------------------- Keras 2 semantics

def test_discriminator_step_changes_every_discriminator_weight(models, X_small):
    # Keras 2 trains with the trainable state of compile time: `discriminator.trainable = False`,
    # set afterwards, does not stop D's own train_on_batch (Keras 3 would change no weight here).
    # BatchNorm runs in training mode, so its moving statistics move too.
    before = values(models.discriminator.weights)
    d_step(models, X_small)
    after = values(models.discriminator.weights)
    assert len(before) == 22  # 5 kernels, 5 biases, 3 BatchNorms of gamma, beta, mean, variance
    assert all(changed(before, after)), [w.name for w, c in zip(models.discriminator.weights,
                                                                 changed(before, after)) if not c]


@pytest.mark.parametrize('semantics', ['tf_keras', 'frozen_bn'])
def test_gan_step_changes_the_generator_and_no_discriminator_weight(semantics, models, frozen_bn_models):
    m = models if semantics == 'tf_keras' else frozen_bn_models
    g_before, d_before = values(m.generator.weights), values(m.discriminator.weights)
    gan_step(m)
    # every G weight, BatchNorm statistics included (G's BatchNorm trains in the gan step) ...
    assert all(changed(g_before, values(m.generator.weights)))
    # ... and none of D's: frozen weights, BatchNorm in inference mode, statistics unmoved.
    assert not any(changed(d_before, values(m.discriminator.weights)))


@pytest.mark.filterwarnings('ignore:The model does not have any trainable weights')
@pytest.mark.parametrize('keras_module, learns', [('tf_keras', True), ('keras', False)])
def test_only_keras_2_lets_a_model_frozen_after_compile_learn_in_its_own_step(keras_module, learns):
    """Why tf1gan imports tf_keras: under Keras 3 (`import keras`), the listing's
    `discriminator.trainable = False` after compile would freeze D in its own step too."""
    keras = pytest.importorskip(keras_module)
    model = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(1, activation='sigmoid')])
    model.compile(loss='binary_crossentropy', optimizer='adam')
    model.trainable = False
    before = values(model.weights)
    model.train_on_batch(np.ones((4, 3)), np.ones((4, 1)))
    assert changed(before, values(model.weights)) == [learns, learns]  # kernel, bias


# ----------------------------------------------------------------------------- keras_semantics='frozen_bn'

def test_frozen_bn_keeps_discriminator_batchnorm_fixed_in_its_own_step(frozen_bn_models, X_small):
    bn_weights = [w for layer in batchnorm_layers(frozen_bn_models.discriminator) for w in layer.weights]
    other = [w for layer in frozen_bn_models.discriminator.layers if not isinstance(layer, BatchNormalization)
             for w in layer.weights]
    bn_before, other_before = values(bn_weights), values(other)
    d_step(frozen_bn_models, X_small)
    # moving mean and variance (inference mode), gamma and beta (not trained) all unchanged ...
    assert len(bn_weights) == 12 and not any(changed(bn_before, values(bn_weights)))
    # ... while the convolutions and the dense layer still learn.
    assert len(other) == 10 and all(changed(other_before, values(other)))


def test_frozen_bn_leaves_the_generators_batchnorm_trainable(frozen_bn_models):
    assert all(layer.trainable for layer in batchnorm_layers(frozen_bn_models.generator))


def test_unknown_keras_semantics_is_a_value_error_naming_the_allowed_values():
    with pytest.raises(ValueError, match=r"'keras3'.*tf_keras, standalone_keras, frozen_bn"):
        keras_loop.build(dcgan, keras_semantics='keras3')


# ----------------------------------------------------------------------------- keras_semantics='standalone_keras'

@pytest.fixture(scope='module')
def standalone_models():
    return keras_loop.build(dcgan, keras_semantics='standalone_keras')


def test_tf_keras_frozen_batchnorm_ignores_training_mode():
    # Since TensorFlow 2.0: a BatchNorm with trainable=False normalises with its moving
    # statistics even in a training step (so D inside `gan` is not the D of D's own step).
    layer = BatchNormalization(trainable=False)
    x = np.random.RandomState(0).normal(3.0, 2.0, (8, 4, 4, 2)).astype('float32')
    assert np.allclose(layer(x, training=True), layer(x, training=False))


def test_standalone_keras_frozen_batchnorm_uses_batch_statistics_in_training_mode():
    layer = keras_semantics.standalone_keras_batch_normalization()(trainable=False)
    x = np.random.RandomState(0).normal(3.0, 2.0, (8, 4, 4, 2)).astype('float32')
    trained = layer(x, training=True).numpy()
    assert abs(trained.mean()) < 1e-3 and abs(trained.std() - 1) < 1e-2  # the batch's own statistics
    assert np.allclose(layer(x, training=False), x / np.sqrt(1 + 1e-3), atol=1e-4)  # moving: mean 0, var 1


def test_standalone_keras_changes_only_the_discriminators_batchnorm_class(standalone_models):
    assert all(type(layer) is keras_semantics.standalone_keras_batch_normalization()
               for layer in batchnorm_layers(standalone_models.discriminator))
    assert all(type(layer) is BatchNormalization for layer in batchnorm_layers(standalone_models.generator))


def test_standalone_keras_gan_step_still_leaves_every_trainable_discriminator_weight(standalone_models):
    d_trainable = [w for w in standalone_models.discriminator.weights if 'moving' not in w.name]
    before = values(d_trainable)
    gan_step(standalone_models)
    assert len(before) == 16 and not any(changed(before, values(d_trainable)))


# ----------------------------------------------------------------------------- gan_train

@pytest.fixture(scope='module')
def tiny_run(X_small, tmp_path_factory):
    """gan_train(3 iterations, batch 8, a picture every 2) on fresh models: (lines, history, dir, stdout)."""
    sample_dir = tmp_path_factory.mktemp('dcgan') / 'gan_images'
    lines, stdout = [], io.StringIO()
    with contextlib.redirect_stdout(stdout):
        history = keras_loop.gan_train(dcgan, keras_loop.build(dcgan), X_small, epoch=3, batch_size=8, saving_interval=2,
                                  sample_dir=str(sample_dir), log=lines.append)
    return lines, history, sample_dir, stdout.getvalue()


def test_log_line_is_what_the_listings_print_prints(capsys):
    print('epoch:%d' % 12, ' d_loss:%.4f' % 0.69314, ' g_loss:%.4f' % 0.02)
    assert capsys.readouterr().out == dcgan.log_line(12, 0.69314, 0.02) + '\n'
    assert dcgan.log_line(12, 0.69314, 0.02) == 'epoch:12  d_loss:0.6931  g_loss:0.0200'


def test_gan_train_logs_one_line_per_iteration_in_the_listings_format(tiny_run):
    lines = tiny_run[0]
    assert len(lines) == 3
    assert all(LOG_LINE.match(line) for line in lines), lines
    assert [line.split()[0] for line in lines] == ['epoch:0', 'epoch:1', 'epoch:2']


def test_gan_train_returns_the_logged_losses(tiny_run):
    lines, history = tiny_run[:2]
    assert [dcgan.log_line(i, d, g) for i, (d, g) in enumerate(history)] == lines
    assert all(isinstance(d, float) and isinstance(g, float) for d, g in history)


def test_gan_train_prints_nothing_itself_no_progress_bars(tiny_run):
    assert tiny_run[3] == ''


def test_gan_train_saves_a_picture_every_saving_interval_iterations(tiny_run):
    sample_dir = tiny_run[2]
    assert sorted(os.listdir(sample_dir)) == ['gan_mnist_0.png', 'gan_mnist_2.png']
    # fig.savefig of plt.subplots(5, 5): matplotlib's default 6.4 x 4.8 inches at 100 dpi.
    assert matplotlib.image.imread(str(sample_dir / 'gan_mnist_2.png')).shape[:2] == (480, 640)


# ----------------------------------------------------------------------------- run and seeding

def seeded_run(seed, X, sample_dir, fast=False, keras_semantics='tf_keras'):
    seeding.seed_graph(seed)
    m = keras_loop.build(dcgan, keras_semantics=keras_semantics)
    lines = []
    history = keras_loop.gan_train(dcgan, m, X, epoch=3, batch_size=8, saving_interval=100, sample_dir=str(sample_dir),
                              log=lines.append, fast=fast)
    return lines, values(m.gan.weights), history


def test_seeded_runs_log_the_same_lines_and_end_with_the_same_weights(X_small, tmp_path):
    lines_1, weights_1, _ = seeded_run(1, X_small, tmp_path / 'a')
    lines_2, weights_2, _ = seeded_run(1, X_small, tmp_path / 'b')
    assert lines_1 == lines_2
    assert not any(changed(weights_1, weights_2))


# The default semantics in the default suite; the other two (as long again each) in the slow suite.
@pytest.mark.parametrize('semantics', [semantics if semantics == keras_semantics.DEFAULT_KERAS_SEMANTICS else
                                       pytest.param(semantics, marks=pytest.mark.slow)
                                       for semantics in keras_semantics.KERAS_SEMANTICS])
def test_the_fast_loop_gives_the_book_loops_losses_and_weights_bit_for_bit(semantics, X_small, tmp_path):
    _, book_weights, book_history = seeded_run(1, X_small, tmp_path / 'book', keras_semantics=semantics)
    _, fast_weights, fast_history = seeded_run(1, X_small, tmp_path / 'fast', fast=True, keras_semantics=semantics)
    assert fast_history == book_history
    assert not any(changed(book_weights, fast_weights))


def test_train_reads_data_dir_and_trains_for_total_epoch_iterations_into_the_run(X_small, tmp_path, monkeypatch):
    from tf1gan.training import run
    calls = []
    small_uint8 = np.round(X_small[:, :, :, 0] * 127.5 + 127.5).astype(np.uint8)

    def fake_load(data_dir, source_url):
        calls.append((data_dir, source_url))
        return small_uint8

    monkeypatch.setattr(input_data, 'load_mnist_train_images', fake_load)
    lines = []
    settings = run.Settings('dcgan', dict(dcgan.HPARAMS, total_epoch=2, batch_size=4), keras_semantics='frozen_bn',
                            data_dir='data', source_url='source')
    this = run.new(settings, str(tmp_path))
    this.log = lines.append
    history = keras_loop.train(dcgan, this)
    assert calls == [('data', 'source')]
    assert len(history) == len(lines) == 2
    assert os.listdir(tmp_path / 'samples') == ['gan_mnist_0.png']
    assert os.listdir(tmp_path / 'checkpoints')


def test_tensorboard_gets_every_iterations_losses_and_each_picture(X_small, tmp_path):
    from tf1gan.training import summaries
    seeding.seed_graph(1)
    writer = summaries.Summaries(str(tmp_path))
    history = keras_loop.gan_train(dcgan, keras_loop.build(dcgan), X_small, epoch=3, batch_size=8, saving_interval=2,
                              sample_dir=str(tmp_path / 'samples'), log=lambda line: None, events=writer)
    writer.close()
    found = summaries.read_events(str(tmp_path))
    assert [(step, tag) for step, tag, value in found if value == 'image'] == [(0, 'samples'), (2, 'samples')]
    assert [value for _, tag, value in found if tag == 'loss/G'] == [pytest.approx(g) for _, g in history]


@pytest.mark.slow
def test_eval_every_judges_the_generator_every_nth_iteration_without_touching_its_draws(X_small, tmp_path):
    from tf1gan.evaluation import periodic_eval
    test_images = np.random.RandomState(0).rand(50, 784)
    evaluation = periodic_eval.PeriodicEval(2, str(tmp_path), test_images, by_iteration=True)
    plain_lines, _, _ = seeded_run(1, X_small, tmp_path / 'plain')
    seeding.seed_graph(1)
    lines = []
    keras_loop.gan_train(dcgan, keras_loop.build(dcgan), X_small, epoch=3, batch_size=8, saving_interval=100,
                    sample_dir=str(tmp_path / 'evaluated'), log=lines.append, evaluation=evaluation)
    records = [json.loads(line) for line in (tmp_path / 'eval.jsonl').read_text().splitlines()]
    assert [r['step'] for r in records] == [0, 2]
    assert lines == plain_lines
