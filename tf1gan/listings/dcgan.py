"""모두의 딥러닝, "GAN 모델 만들기": the Keras DCGAN that learns to draw MNIST digits.

The listing's code, verbatim, in small functions: `build()` is its model section (generator,
discriminator, `discriminator.trainable = False`, the combined `gan`), `load_X_train()` its
data section and `gan_train()` its loop. The layers come from tf_keras (Keras 2), whose
`trainable` freezing is the one the listing relies on: D learns in its own
`train_on_batch` (the trainable state at compile time counts) and is frozen, BatchNorm in
inference mode too, inside `gan`. Keras 3 would freeze D in its own step as well.
"""
import collections
import contextlib
import functools
import os

import numpy as np

from tf1gan.runs import checkpoint, samples  # samples selects matplotlib's Agg backend first
from tf1gan.compat import input_data, seeding
from tf1gan.evaluation import periodic_eval
from tf1gan.training import progress
import matplotlib.pyplot as plt  # noqa: E402

# `from tensorflow.keras.layers import ...` would give Keras 3 classes even with
# TF_USE_LEGACY_KERAS=1 (the import statement bypasses TF's lazy loader): import tf_keras.
from tf_keras.layers import Input, Dense, Reshape, Flatten, Dropout  # noqa: E402
from tf_keras.layers import BatchNormalization, Activation, LeakyReLU, UpSampling2D, Conv2D  # noqa: E402
from tf_keras.models import Sequential, Model  # noqa: E402
import tf_keras  # noqa: E402
from tf_keras.src.engine import training_utils  # noqa: E402
import tensorflow as tf  # noqa: E402
# What each --keras_semantics means, and why frozen_bn is what `python -m tf1gan.main --model=dcgan`
# runs unless told otherwise: tf1gan.compat.keras_semantics and BUILD.md, "The DCGAN: what a reader should expect".
from tf1gan.compat.keras_semantics import KERAS_SEMANTICS, DEFAULT_KERAS_SEMANTICS  # noqa: E402,F401
from tf1gan.compat import keras_semantics as semantics  # noqa: E402
StandaloneKerasBatchNormalization = semantics.standalone_keras_batch_normalization()

# gan_train(4001, 32, 200): the listing calls its first argument `epoch`, but it counts
# iterations (one batch each), not passes over the data.
HPARAMS = dict(total_epoch=4001, batch_size=32, saving_interval=200, n_noise=100)
SETTINGS = ('keras_semantics',)  # the run settings train() reads, besides HPARAMS
STEPS = 'iterations'  # what a run's total_epoch counts: gan_train's `epoch`
TRAINING_IMAGES = 60000  # mnist.load_data()'s training images

Models = collections.namedtuple('Models', 'generator discriminator gan')


@contextlib.contextmanager
def _dropout_from_a_generator():
    """Layers built inside draw their Dropout masks from a tf.random.Generator, whose state is a
    variable that checkpoints save, rather than from stateful random ops whose state no
    checkpoint holds: the masks are as random as before, and a resumed run continues exactly.
    The switch is process-wide in tf_keras, so it is turned back off for other models."""
    was_enabled = tf_keras.backend.experimental.is_tf_random_generator_enabled()
    tf_keras.backend.experimental.enable_tf_random_generator()
    try:
        yield
    finally:
        if not was_enabled:
            tf_keras.backend.experimental.disable_tf_random_generator()


def build(n_noise=100, keras_semantics='tf_keras', verbose=False):
    """The listing's three models. verbose=True also prints `ginput` and `gan.summary()` as
    the listing does; they are off by default so that the per-iteration lines stay clean."""
    with _dropout_from_a_generator():
        return _build(n_noise, keras_semantics, verbose)


def _build(n_noise, keras_semantics, verbose):
    # 생성자 모델 만들기
    generator = Sequential()
    generator.add(Dense(128 * 7 * 7, input_dim=n_noise, activation='relu'))
    generator.add(Reshape((7,7,128)))
    generator.add(UpSampling2D())
    generator.add(Conv2D(128, kernel_size=3, padding='same'))
    generator.add(BatchNormalization())
    generator.add(Activation('relu'))
    generator.add(UpSampling2D())
    generator.add(Conv2D(64, kernel_size=3, padding='same'))
    generator.add(BatchNormalization())
    generator.add(Activation('relu'))
    generator.add(Conv2D(1, kernel_size=3, padding='same', activation='tanh'))

    # 판별자 모델 만들기
    discriminator = Sequential()
    discriminator.add(Conv2D(32, kernel_size=3, strides=2, input_shape=(28,28,1), padding="same", activation=LeakyReLU(0.2)))
    discriminator.add(Dropout(0.25))
    discriminator.add(Conv2D(64, kernel_size=3, strides=2, padding="same"))
    discriminator.add(BatchNormalization())
    discriminator.add(LeakyReLU(0.2))
    discriminator.add(Dropout(0.25))
    discriminator.add(Conv2D(128, kernel_size=3, strides=2, padding="same"))
    discriminator.add(BatchNormalization())
    discriminator.add(LeakyReLU(0.2))
    discriminator.add(Dropout(0.25))
    discriminator.add(Conv2D(256, kernel_size=3, strides=2, padding="same"))
    discriminator.add(BatchNormalization())
    discriminator.add(LeakyReLU(0.2))
    discriminator.add(Dropout(0.25))
    discriminator.add(Flatten())
    discriminator.add(Dense(1, activation='sigmoid'))

    # Not in the listing: the other semantics (tf1gan.compat.keras_semantics) change D's BatchNorm layers
    # only, before anything has run or been compiled.
    semantics.apply(discriminator.layers, keras_semantics)

    discriminator.compile(loss='binary_crossentropy', optimizer='adam')

    discriminator.trainable = False

    # 생성자와 판별자 모델을 연결시키는 gan 모델 만들기
    ginput = Input(shape=(n_noise,))
    if verbose:
        print(ginput)
    dis_output = discriminator(generator(ginput))
    gan = Model(ginput, dis_output)
    gan.compile(loss='binary_crossentropy', optimizer='adam')
    if verbose:
        gan.summary()

    return Models(generator, discriminator, gan)


def load_X_train(data_dir, source_url=input_data.DEFAULT_SOURCE_URL):
    # MNIST 데이터 불러오기: the training images of keras' mnist.load_data(), read from data_dir.
    X_train = input_data.load_mnist_train_images(data_dir, source_url=source_url)
    X_train = X_train.reshape(X_train.shape[0], 28, 28, 1).astype('float32')
    X_train = (X_train - 127.5) / 127.5  # 픽셀 값 0~255를 -1~1 사이의 값으로
    return X_train


def log_line(i, d_loss, g_loss):
    """What the listing's print('epoch:%d' % i, ' d_loss:%.4f' % d_loss, ' g_loss:%.4f' % g_loss)
    prints: the three strings joined by single spaces, so two spaces before each loss."""
    return ' '.join(['epoch:%d' % i, ' d_loss:%.4f' % d_loss, ' g_loss:%.4f' % g_loss])


def sample_path(sample_dir, i):
    return os.path.join(sample_dir, 'gan_mnist_%d.png' % i)


@functools.lru_cache(maxsize=1)  # traced once: gan_train called again (the benchmark's rounds) reuses it
def fast_iteration(models, batch_size):
    """--loop=fast: the four Keras calls of one listing iteration in one tf.function.

    The calls are `discriminator.train_on_batch(imgs, true)`, `generator.predict(noise)`,
    `discriminator.train_on_batch(gen_imgs, fake)` and `gan.train_on_batch(noise, true)`.
    Each train_on_batch resets the model's metrics, then runs its train_step with the
    trainable state the model was compiled with (D learns in its own step and is frozen
    inside `gan`), then counts the step. predict runs the generator in inference mode. This
    function runs those same operations, in that order, without the per-call data pipeline
    and eager dispatch, and gives the same numbers bit for bit (tests/test_dcgan.py).
    Returns step(imgs, noise) -> (d_loss_real, d_loss_fake, g_loss), floats as
    train_on_batch returns them."""
    generator, discriminator, gan = models
    # Keras converts the listing's float64 NumPy arrays to float32, as astype does.
    true, fake = np.ones((batch_size, 1), 'float32'), np.zeros((batch_size, 1), 'float32')

    def train_on_batch(model, x, y):
        model.reset_metrics()
        # What train_on_batch enters: tf_keras' own helper (not exported).
        with training_utils.RespectCompiledTrainableState(model):
            loss = model.train_step((x, y))['loss']
            with tf.control_dependencies([loss]):
                model._train_counter.assign_add(1)
        return loss

    @tf.function
    def iteration(imgs, noise, true, fake):
        d_loss_real = train_on_batch(discriminator, imgs, true)
        gen_imgs = generator(noise, training=False)
        d_loss_fake = train_on_batch(discriminator, gen_imgs, fake)
        g_loss = train_on_batch(gan, noise, true)
        return d_loss_real, d_loss_fake, g_loss

    def step(imgs, noise):
        return tuple(float(loss) for loss in iteration(imgs.astype('float32'), noise.astype('float32'), true, fake))
    return step


def gan_train(models, X_train, epoch, batch_size, saving_interval, sample_dir, n_noise=100, log=print,
              checkpoints=None, start=0, fast=False, events=None, evaluation=None, check=None, bar=progress.NO_BAR):
    """The listing's loop: `epoch` iterations of one batch each. Returns the (d_loss, g_loss)
    of every iteration; pictures go to <sample_dir>/gan_mnist_<i>.png. With checkpoints
    (tf1gan.runs.checkpoint.KerasCheckpoints), one is saved with every picture; a resumed run
    starts at iteration `start`. fast=True (--loop=fast) trains each iteration with
    fast_iteration: the same numbers, faster. events (tf1gan.training.summaries.Summaries) get the
    losses and pictures for TensorBoard; evaluation (tf1gan.evaluation.periodic_eval.PeriodicEval)
    judges the generator when it is due; check(i, d_loss, g_loss) may stop the run (tf1gan.training.run.Run.check_finite);
    bar (tf1gan.training.progress) counts the iterations trained, its lines printed above it."""
    generator, discriminator, gan = models

    true = np.ones((batch_size, 1))
    fake = np.zeros((batch_size, 1))
    fast_step = fast_iteration(models, batch_size) if fast else None

    history = []
    for i in range(start, epoch):
        # 실제 데이터를 판별자에 입력
        idx = np.random.randint(0, X_train.shape[0], batch_size)
        imgs = X_train[idx]
        if fast:  # NumPy draws in the listing's order; the four Keras calls below in one go
            noise = np.random.normal(0, 1, (batch_size, n_noise))
            d_loss_real, d_loss_fake, g_loss = fast_step(imgs, noise)
            d_loss = 0.5 * np.add(d_loss_real, d_loss_fake)
        else:
            d_loss_real = discriminator.train_on_batch(imgs, true)

            # 가상 이미지를 판별자에 입력
            noise = np.random.normal(0, 1, (batch_size, n_noise))
            # verbose=0: the listing's 2020 Keras printed no progress bar in predict;
            # tf_keras 2.21's default (verbose='auto') prints one on every call.
            gen_imgs = generator.predict(noise, verbose=0)
            d_loss_fake = discriminator.train_on_batch(gen_imgs, fake)

            # 판별자와 생성자의 오차 계산
            d_loss = 0.5 * np.add(d_loss_real, d_loss_fake)
            g_loss = gan.train_on_batch(noise, true)

        if check:
            check(i, d_loss, g_loss)
        bar.trained()
        with bar.above():
            log(log_line(i, d_loss, g_loss))
        history.append((float(d_loss), float(g_loss)))
        if events:
            events.losses(i, d_loss, g_loss)
        if evaluation and evaluation.due(i):
            eval_noise = periodic_eval.noise(lambda num, n: np.random.normal(0, 1, (num, n)),
                                             periodic_eval.NUM, n_noise)
            evaluation.log(i, generator.predict_on_batch(eval_noise), value_range=(-1, 1))  # tanh's range

        # 중간 과정을 이미지로 저장하는 부분
        if i % saving_interval == 0:
            # r, c = 5, 5
            noise = np.random.normal(0, 1, (25, n_noise))
            gen_imgs = generator.predict(noise, verbose=0)  # verbose=0: as above

            # Rescale images 0 - 1
            gen_imgs = 0.5 * gen_imgs + 0.5

            fig, axs = plt.subplots(5, 5)
            count = 0
            for j in range(5):
                for k in range(5):
                    axs[j, k].imshow(gen_imgs[count, :, :, 0], cmap='gray')
                    axs[j, k].axis('off')
                    count += 1
            samples.save_figure(fig, sample_path(sample_dir, i))
            if events:
                events.picture(i, sample_path(sample_dir, i))
                events.flush()
            if checkpoints:
                checkpoints.save(i)
                checkpoints.prune()

    return history


def dropout_generators(discriminator):
    """The random generators of D's Dropout layers, for checkpoints to save. tf_keras makes them
    lazily, inside the first traced step, and does not track them: one eager call in training
    mode makes them now. D is frozen by then, so no weight changes (with standalone_keras
    semantics only D's BatchNorm moving statistics, which this loop never reads)."""
    discriminator(np.zeros((1, 28, 28, 1), 'float32'), training=True)
    return [layer._random_generator._generator for layer in discriminator.layers if isinstance(layer, Dropout)]


def train(listing, run):
    """The listing end to end in the run's folder (tf1gan.training.run.Run): data, models,
    gan_train(epoch, batch_size, saving_interval). Keras runs eagerly, like the TensorFlow 2.x
    Keras it was written for. Returns gan_train's losses."""
    settings = run.settings
    hparams = settings.hparams
    seeding.seed_graph(settings.seed)  # outside any graph: sets TensorFlow's global seed
    X_train = load_X_train(settings.data_dir, settings.source_url)
    models = build(n_noise=hparams['n_noise'], keras_semantics=settings.keras_semantics or DEFAULT_KERAS_SEMANTICS)
    checkpoints = checkpoint.KerasCheckpoints(
        run.checkpoint_dir, gan=models.gan, discriminator=models.discriminator,
        d_optimizer=models.discriminator.optimizer, gan_optimizer=models.gan.optimizer,
        dropout=dropout_generators(models.discriminator))
    start = checkpoints.restore() if run.restore else 0
    events = run.events(resumed_at=start)
    evaluation = None
    if settings.eval_every:
        from tf1gan.evaluation import classifier
        test_images = classifier.load_mnist('test', settings.data_dir, settings.source_url)[0]  # in [0, 1], as G's
        evaluation = run.evaluation(test_images, events, by_iteration=True)
    with run.progress.iterations(start, hparams['total_epoch']) as bar:
        history = gan_train(models, X_train, hparams['total_epoch'], hparams['batch_size'],
                            hparams['saving_interval'], run.sample_dir, n_noise=hparams['n_noise'], log=run.log,
                            checkpoints=checkpoints, start=start, fast=settings.loop == 'fast', events=events,
                            evaluation=evaluation, check=run.check_finite, bar=bar)
    events.close()
    return history
