"""python -m tf1gan.main --model=cgan --total_epoch=100

Trains one of the books' GANs: gan (listing 9.1), cgan (listing 9.2) or dcgan (the Keras
DCGAN of 모두의 딥러닝). Every hyper-parameter flag left unset takes the listing's value;
flags/<model>.flags hold each listing's settings (--flagfile=flags/cgan.flags).
"""
import os
import sys

from absl import app, flags

import tf1gan  # noqa: F401  (selects Keras 2 before TensorFlow is imported)
from tf1gan import cli, errors, input_data, listing, progress, runlog

FLAGS = flags.FLAGS

flags.DEFINE_enum('model', None, listing.MODELS,
                  'Which listing to run: gan (9.1), cgan (9.2) or dcgan (모두의 딥러닝 DCGAN).')
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
flags.DEFINE_enum('keras_semantics', 'frozen_bn', ['tf_keras', 'standalone_keras', 'frozen_bn'],
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
flags.DEFINE_string('sample_dir', 'samples', 'Sample pictures are written to <sample_dir>/<model>/.')
flags.DEFINE_string('run_dir', None,
                    'The run\'s folder (default: runs/<model>): log.txt (every printed line), checkpoints/ '
                    'and TensorBoard events. tf1gan.compare reads it.')
flags.DEFINE_string('checkpoint_dir', None,
                    'Where tf.train.Saver checkpoints go: after every epoch (gan, cgan) or every saving_interval '
                    '(dcgan), the last 3 kept (default: <run_dir>/checkpoints). A new run refuses a folder '
                    'that already holds checkpoints.')
flags.DEFINE_bool('resume', False,
                  'Continue from the newest checkpoint in --checkpoint_dir. With --seed, an interrupted and '
                  'resumed run prints the same lines and draws the same pictures as an uninterrupted one.')

flags.register_validator('learning_rate', lambda v: v is None or v > 0, 'expected a positive number')


for _name in ('sample_dir', 'run_dir', 'checkpoint_dir'):
    flags.register_validator(_name, lambda v: v is None or cli.writable_folder(v),
                             'expected a folder that can be created and written')


def hparams(module):
    """The listing's HPARAMS, overridden by every hyper-parameter flag that was set."""
    values = dict(module.HPARAMS)
    for name in values:
        if FLAGS[name].value is not None:
            values[name] = FLAGS[name].value
    return values


def main(argv):
    if len(argv) > 1:
        raise app.UsageError(f'unexpected arguments: {" ".join(argv[1:])}')
    try:
        # Missing or damaged MNIST files are reported before TensorFlow starts.
        input_data.maybe_download(FLAGS.data_dir, FLAGS.source_url)
        from tf1gan import run  # imports TensorFlow
        module = listing.load(FLAGS.model)
        run_dir = FLAGS.run_dir or os.path.join('runs', FLAGS.model)
        checkpoint_dir = FLAGS.checkpoint_dir or os.path.join(run_dir, 'checkpoints')
        # Printed and kept in <run_dir>/log.txt, flushed per line: a killed run has printed every saved epoch.
        log = runlog.RunLog(run_dir, resume=FLAGS.resume)
        run.run(FLAGS.model, module, hparams(module), seed=FLAGS.seed, total_batch=FLAGS.total_batch,
                data_dir=FLAGS.data_dir, source_url=FLAGS.source_url,
                sample_dir=os.path.join(FLAGS.sample_dir, FLAGS.model),
                checkpoint_dir=checkpoint_dir, resume=FLAGS.resume, keras_semantics=FLAGS.keras_semantics,
                loop=FLAGS.loop, run_dir=run_dir, progress=progress.Progress().epoch, eval_every=FLAGS.eval_every,
                log=log)
    except errors.InputError as e:
        print(f'tf1gan: {e}', file=sys.stderr)
        sys.exit(1)
    except KeyboardInterrupt:
        print('tf1gan: interrupted; the same command with --resume continues from the last checkpoint',
              file=sys.stderr)
        sys.exit(130)


if __name__ == '__main__':
    flags.mark_flag_as_required('model')
    app.run(main, flags_parser=cli.parse_flags)
