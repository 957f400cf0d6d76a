"""python -m tf1gan.main --model=cgan --total_epoch=100

Trains one of the books' GANs: gan (listing 9.1), cgan (listing 9.2), cgan_cnn (9.2's exercise:
its generator and discriminator as CNNs) or dcgan (the Keras DCGAN of 모두의 딥러닝). Every hyper-parameter flag left unset takes the listing's value;
flags/<model>.flags hold each listing's settings (--flagfile=flags/cgan.flags).
"""
import signal
import sys

from absl import app, flags

import tf1gan  # noqa: F401  (selects Keras 2 before TensorFlow is imported)
from tf1gan import cli, errors
from tf1gan.compat import input_data, keras_semantics
from tf1gan.listings import registry
from tf1gan.training import progress, run
from tf1gan.runs import folders

FLAGS = flags.FLAGS

flags.DEFINE_enum('model', None, registry.MODELS,
                  'Which listing to run: ' + ', '.join(f'{name} ({entry.description})'
                                                       for name, entry in registry.REGISTRY.items()) + '.')
flags.DEFINE_integer('total_epoch', None,
                     'Epochs to train (default: the listing\'s, 100). For dcgan, iterations: the listing\'s '
                     'gan_train(epoch=4001) argument, which counts iterations.', lower_bound=1)
flags.DEFINE_integer('batch_size', None, 'Batch size (default: the listing\'s, 100; dcgan 32).', lower_bound=1)
flags.DEFINE_integer('total_batch', None,
                     'Iterations per epoch (default: the book\'s int(mnist.train.num_examples / batch_size), '
                     '550). Smaller values make short runs. Not used by dcgan.', lower_bound=1)
flags.DEFINE_float('learning_rate', None,
                   'Adam learning rate (default: the listing\'s; 0.0002 for gan, AdamOptimizer()\'s 0.001 for cgan).')
flags.DEFINE_integer('n_hidden', None, 'Hidden units (default: the listing\'s, 256). Not used by dcgan.',
                     lower_bound=1)
flags.DEFINE_integer('n_noise', None, 'Noise size (default: the listing\'s; 128, dcgan 100).', lower_bound=1)
flags.DEFINE_integer('saving_interval', None,
                     'dcgan only: save a sample picture every this many iterations (the listing\'s '
                     'saving_interval, 200).', lower_bound=1)
flags.DEFINE_integer('seed', None,
                     'Fix every random draw (graph seed, op determinism, NumPy): two runs with the same seed '
                     'print the same log and draw the same pictures. Unset: random, as in the book.',
                     lower_bound=0)
flags.DEFINE_enum('keras_semantics', keras_semantics.DEFAULT_KERAS_SEMANTICS, keras_semantics.KERAS_SEMANTICS,
                  'dcgan only: how D\'s BatchNormalization behaves once `discriminator.trainable = False`. '
                  'frozen_bn (default): D\'s BatchNorm frozen from the start (initial statistics in every '
                  'step, in effect D without BatchNorm, as in the book\'s own code): draws digits like the '
                  'seed\'s pictures. tf_keras: the listing exactly as printed under Keras 2 (tf-keras, as '
                  'tf.keras since TensorFlow 2.0): batch statistics in D\'s own step, moving statistics inside '
                  'the combined model; its runs collapse into one repeated blob. standalone_keras: as in '
                  'standalone Keras 2.x, where this DCGAN comes from: batch statistics in both. BUILD.md '
                  'reports how runs of each behave.')
flags.DEFINE_enum('loop', 'fast', ['fast', 'book'],
                  'How each iteration runs. book: the listing\'s loop line for line (gan, cgan: two '
                  'Session.runs, train_D then train_G; dcgan: generator.predict). fast: the same iterations '
                  'with the same losses bit for bit, faster (gan, cgan: an in-graph loop, many iterations '
                  'per Session.run, train_G ordered after train_D, G\'s forward pass computed once, NumPy\'s '
                  'draws overlapping it; dcgan: the four Keras calls of an iteration in one tf.function). '
                  'Checkpoints of either loop resume with the other. BUILD.md gives the speeds.')
flags.DEFINE_integer('eval_every', None,
                     'Judge the generator while training with tf1gan.evaluate\'s classifier (1,000 images: MNIST '
                     'score, Frechet distance, digit histogram, cgan conditional accuracy) at epoch 0 and every '
                     'N-th epoch (10: the book\'s sample epochs; dcgan: every N-th iteration), into '
                     '<run_dir>/eval.jsonl and TensorBoard. The printed lines stay the book\'s.', lower_bound=1)
flags.DEFINE_string('data_dir', './mnist/data/', 'Where MNIST is kept (the book\'s "./mnist/data/").')
flags.DEFINE_string('source_url', input_data.DEFAULT_SOURCE_URL,
                    'Where missing MNIST files are fetched from: a URL, a file:// URL or a local folder '
                    'holding the four .gz files.')
flags.DEFINE_string('run_dir', None,
                    'The run\'s folder, which gets everything the run writes: run.json (model, settings, state), '
                    'log.txt (every printed line), samples/ (the pictures), checkpoints/, TensorBoard events. '
                    'A bare name is a folder under runs/ (--run_dir=cgan-lr: runs/cgan-lr); a path is taken as it '
                    'is. Default: a new run gets the next free runs/<model>, runs/<model>-2, ...; --resume takes '
                    'the newest run of --model. A new run refuses a folder that already holds a run.')
flags.DEFINE_bool('resume', False,
                  'Continue a run from its newest checkpoint: --run_dir, or the newest run of --model. It keeps '
                  'the run\'s own settings (flags that contradict them are refused), except --total_epoch typed on the '
                  'command line, which trains it further (one in a --flagfile does not change its length). Ctrl-C '
                  'exits 130, SIGTERM 143; both leave it to resume. With --seed, an interrupted and resumed run prints the same lines and draws '
                  'the same pictures as an uninterrupted one.')
cli.define_verbose()
cli.define_kernels('With --resume: the library the run was trained with (its run.json\'s "kernels"), whatever is '
                   'asked (the "resuming" line says so), so that a seeded run resumed prints what it would have '
                   'printed uninterrupted.')

FLOAT32_MAX = 3.4028234663852886e38  # the graphs compute in float32: a larger rate is infinite there
flags.register_validator('learning_rate', lambda v: v is None or 0 < v <= FLOAT32_MAX,
                         f'expected a positive number that float32 can hold (at most {FLOAT32_MAX:.4g})')
_run_dir_folder = cli.folder_flag('a folder (a new one, or a run\'s)', folders.folder_for)
flags.register_validator('run_dir', lambda v: v is None or (v.strip() != '' and _run_dir_folder(v)),
                         'expected a folder that can be created and written')

HPARAM_FLAGS = ('total_epoch', 'batch_size', 'learning_rate', 'n_hidden', 'n_noise', 'saving_interval')
RUN_FLAGS = ('total_batch', 'keras_semantics', 'seed', 'loop', 'eval_every', 'data_dir', 'source_url')


def asked():
    """The settings given on the command line (or in a flagfile): {name: value}."""
    return {name: FLAGS[name].value for name in HPARAM_FLAGS + RUN_FLAGS if FLAGS[name].present}


def typed(name):
    """True if --name was given on the command line itself, not read from a --flagfile."""
    return any(arg in (f'--{name}', f'-{name}') or arg.startswith((f'--{name}=', f'-{name}='))
               for arg in sys.argv[1:])


def check_used(model, given):
    """UsageError naming any given flag the listing does not read (the DCGAN has no --learning_rate)."""
    module, trainer = registry.load(model), run.trainer(model)
    used = set(module.HPARAMS) | set(getattr(trainer, 'SETTINGS', ())) | {'seed', 'loop', 'eval_every', 'data_dir',
                                                                          'source_url'}
    unused = [f'--{name}' for name in given if name not in used]
    if unused:
        raise app.UsageError(f'{", ".join(unused)}: not used by --model={model} (it uses '
                             f'{", ".join("--" + n for n in module.HPARAMS)}'
                             f'{"".join(", --" + n for n in getattr(trainer, "SETTINGS", ()))})')


def check_sizes(model, given):
    """UsageError for a batch larger than the listing's training set (the loop would run no iteration)."""
    images = run.trainer(model).TRAINING_IMAGES
    if given.get('batch_size', 0) > images:
        raise app.UsageError(f'--batch_size={given["batch_size"]} is larger than the {images:,} training images '
                             f'--model={model} trains on; expected at most {images}')


def settings(model, given):
    """A new run's Settings: the listing's HPARAMS, overridden by every hyper-parameter flag given."""
    module, trainer = registry.load(model), run.trainer(model)
    hparams = {name: given.get(name, default) for name, default in module.HPARAMS.items()}
    extra = {name: FLAGS[name].value for name in getattr(trainer, 'SETTINGS', ())}
    return run.Settings(model=model, hparams=hparams, seed=FLAGS.seed, loop=FLAGS.loop, eval_every=FLAGS.eval_every,
                        data_dir=FLAGS.data_dir, source_url=FLAGS.source_url, **extra)


def main(argv):
    if FLAGS.model is None and not (FLAGS.resume and FLAGS.run_dir):
        raise app.UsageError('--model is required (or --resume --run_dir=<a run>, which knows its model)')
    given = asked()
    run_folder = None
    try:
        # A resumed run keeps its kernel library, which TensorFlow reads once, at its import: its run.json first.
        run_dir, kernels, kernels_asked = (run.resume_kernels(FLAGS.model, FLAGS.run_dir, FLAGS.kernels) if FLAGS.resume
                                           else (FLAGS.run_dir, FLAGS.kernels, None))
        cli.import_tensorflow(FLAGS.verbose, kernels)  # first: the listings import TensorFlow
        if FLAGS.model:
            check_used(FLAGS.model, given)
            check_sizes(FLAGS.model, given)
        bars = progress.Progress()
        if FLAGS.resume:
            # A resumed run's length changes only by a --total_epoch typed on the command line (BUILD.md, "Resume").
            from_flagfile = given.pop('total_epoch') if 'total_epoch' in given and not typed('total_epoch') else None
            this = run.resumed(FLAGS.model, given, run_dir, progress=bars, flagfile_total_epoch=from_flagfile)
            this.kernels_asked = kernels_asked
        else:
            this = run.new(settings(FLAGS.model, given), FLAGS.run_dir, progress=bars)
        run_folder = this.folder
        run.train(this)
    except errors.InputError as e:
        print(f'tf1gan: {e}', file=sys.stderr)
        sys.exit(e.status)
    except KeyboardInterrupt as e:
        how = 'stopped by SIGTERM' if isinstance(e, Terminated) else 'interrupted'
        print(f'tf1gan: {how}; continue it with --resume --run_dir={run_folder}'
              if run_folder and folders.holds_run(run_folder) else f'tf1gan: {how} before the run began',
              file=sys.stderr)
        # 143 or 130: 128 + the signal, as a shell reports a process the signal killed.
        sys.exit(128 + (signal.SIGTERM if isinstance(e, Terminated) else signal.SIGINT))
    except Exception as e:  # noqa: BLE001  (the machine's failures are one line; anything else is a bug)
        line = cli.environment_failure(e)
        if line is None:
            raise
        resume = f'; its newest complete checkpoint stays: --resume --run_dir={run_folder} continues it' \
            if run_folder and folders.holds_run(run_folder) else ''
        print(f'tf1gan: {line}{resume}', file=sys.stderr)
        sys.exit(1)


class Terminated(KeyboardInterrupt):
    """SIGTERM: stops a run as Ctrl-C does (run.json says 'interrupted'), and exits 143, not 130."""


def _terminate(signum, frame):
    raise Terminated


if __name__ == '__main__':
    signal.signal(signal.SIGTERM, _terminate)
    cli.run(main)
