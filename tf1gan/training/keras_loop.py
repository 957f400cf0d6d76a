"""The DCGAN's loop: the listing's `gan_train(epoch, batch_size, saving_interval)` (tf1gan.listings.dcgan) run
in a run's folder, resumable, fast and measured.

Per iteration: the listing's gan_train_step (--loop=book) or the same four Keras calls in one tf.function
(--loop=fast, the same numbers bit for bit), then the listing's print line, and every `saving_interval`
iterations its picture and a checkpoint. Keras runs eagerly, like the TensorFlow 2.x Keras it was written for.
"""
import contextlib
import functools

import numpy as np
import tensorflow as tf
import tf_keras
from tf_keras.layers import Dropout
from tf_keras.src.engine import training_utils

from tf1gan.compat import keras_semantics, seeding
from tf1gan.evaluation import periodic_eval
from tf1gan.runs import checkpoint, samples
from tf1gan.training import progress

SETTINGS = ('keras_semantics',)  # the run settings train() reads, besides the listing's HPARAMS
STEPS = 'iterations'  # what a run's total_epoch counts: gan_train's `epoch`
TRAINING_IMAGES = 60000  # mnist.load_data()'s training images


@contextlib.contextmanager
def dropout_from_a_generator():
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


def build(dcgan, **hparams):
    """The listing's models (dcgan.build(**hparams)), their Dropout masks drawn so that a checkpoint saves them."""
    with dropout_from_a_generator():
        return dcgan.build(**hparams)


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


def fast_step(models, X_train, batch_size, n_noise):
    """The listing's gan_train_step in one tf.function call: its NumPy draws in its order, then the four Keras
    calls at once; (d_loss, g_loss), the same numbers bit for bit."""
    idx = np.random.randint(0, X_train.shape[0], batch_size)
    imgs = X_train[idx]
    noise = np.random.normal(0, 1, (batch_size, n_noise))
    d_loss_real, d_loss_fake, g_loss = fast_iteration(models, batch_size)(imgs, noise)
    return 0.5 * np.add(d_loss_real, d_loss_fake), g_loss


def gan_train(dcgan, models, X_train, epoch, batch_size, saving_interval, sample_dir, n_noise=100, log=print,
              checkpoints=None, start=0, fast=False, events=None, evaluation=None, check=None, bar=progress.NO_BAR):
    """The listing's loop, with the listing `dcgan` (its module): `epoch` iterations of one batch each. Returns
    the (d_loss, g_loss) of every iteration; pictures go to <sample_dir>/gan_mnist_<i>.png. With checkpoints
    (tf1gan.runs.checkpoint.KerasCheckpoints), one is saved with every picture; a resumed run starts at
    iteration `start`. fast=True (--loop=fast) trains each iteration with fast_step: the same numbers, faster.
    events (tf1gan.training.summaries.Summaries) get the losses and pictures for TensorBoard; evaluation
    (tf1gan.evaluation.periodic_eval.PeriodicEval) judges the generator when it is due; check(i, d_loss, g_loss)
    may stop the run (tf1gan.training.run.Run.check_finite); bar (tf1gan.training.progress) counts the
    iterations trained, its lines printed above it."""
    generator = models.generator
    step = fast_step if fast else dcgan.gan_train_step

    history = []
    for i in range(start, epoch):
        d_loss, g_loss = step(models, X_train, batch_size, n_noise)

        if check:
            check(i, d_loss, g_loss)
        bar.trained()
        with bar.above():
            log(dcgan.log_line(i, d_loss, g_loss))
        history.append((float(d_loss), float(g_loss)))
        if events:
            events.losses(i, d_loss, g_loss)
        if evaluation and evaluation.due(i):
            eval_noise = periodic_eval.noise(lambda num, n: np.random.normal(0, 1, (num, n)),
                                             periodic_eval.NUM, n_noise)
            evaluation.log(i, generator.predict_on_batch(eval_noise), value_range=(-1, 1))  # tanh's range

        if i % saving_interval == 0:
            path = dcgan.sample_path(sample_dir, i)
            samples.save_figure(dcgan.sample_figure(generator, n_noise), path)
            if events:
                events.picture(i, path)
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


def train(dcgan, run):
    """The listing end to end in the run's folder (tf1gan.training.run.Run): data, models,
    gan_train(epoch, batch_size, saving_interval). Returns gan_train's losses."""
    settings = run.settings
    hparams = settings.hparams
    seeding.seed_graph(settings.seed)  # outside any graph: sets TensorFlow's global seed
    X_train = dcgan.load_X_train(settings.data_dir, settings.source_url)
    models = build(dcgan, n_noise=hparams['n_noise'],
                   keras_semantics=settings.keras_semantics or keras_semantics.DEFAULT_KERAS_SEMANTICS)
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
        history = gan_train(dcgan, models, X_train, hparams['total_epoch'], hparams['batch_size'],
                            hparams['saving_interval'], run.sample_dir, n_noise=hparams['n_noise'], log=run.log,
                            checkpoints=checkpoints, start=start, fast=settings.loop == 'fast', events=events,
                            evaluation=evaluation, check=run.check_finite, bar=bar)
    events.close()
    return history
