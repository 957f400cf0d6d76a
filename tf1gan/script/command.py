"""python -m tf1gan.script [flags] SCRIPT.py (or NOTEBOOK.ipynb) [-- script arguments]

Runs a TensorFlow 1.x-era script, its file untouched, as `__main__` on TensorFlow 2.21. Inside it:

- graph mode (TF1 scripts): `import tensorflow as tf` is TF1 (tf.compat.v1: tf.placeholder,
  tf.Session, tf.layers, ...) in a default graph of the script's own;
- eager mode (a Keras script, or one calling tf.enable_eager_execution(), which switches from
  then on): `tensorflow` is TensorFlow 2 as installed (tf.random.set_seed, tf.GradientTape,
  tf.data), the TF1 names it lacks still answering (tf.set_random_seed, tf.train.AdamOptimizer,
  tf.contrib.eager's Variable, Iterator, implicit_gradients, ...);
- in both: `from tensorflow.examples.tutorials.mnist import input_data` is TF 1.15's MNIST reader,
  Keras (tensorflow.keras, tf.keras, keras) is Keras 2 with mnist.load_data() from local files, and
  tf.app.flags / tf.flags / absl.flags with tf.app.run() / absl.app.run(main) are the script's own
  (its flags go after `--`; `-- --help` lists them). tf.estimator, and a name TensorFlow lacks,
  are one line naming the script's line.

The modules the script imports from its own folder (`from ops import *`, `import model`, the project's
packages), and from folders it adds to sys.path, are the reader's code too: they see all of the above
(--reader_code names other folders). Everything outside the reader's code keeps TensorFlow 2. A notebook's code cells run in order, in one namespace.
"""
import io
import os
import sys
import tokenize

from absl import app, flags

import tf1gan  # noqa: F401  (selects Keras 2 before TensorFlow is imported)
from tf1gan import cli, errors
from tf1gan.compat import keras_semantics
from tf1gan.script import source

FLAGS = flags.FLAGS

flags.DEFINE_multi_string('set', [], 'NAME=VALUE: give the top-level assignment `NAME = <number, string or '
                          'boolean>` of the script this value before it runs (--set total_epoch=1 for a short run); '
                          'the file is not changed, every line keeps its number')
flags.DEFINE_integer('seed', None,
                     'Fix every random draw as tf1gan.main --seed does (graph seed, op determinism, NumPy, '
                     'Python\'s random): two runs print the same lines. Unset: random, as in the book.',
                     lower_bound=0)
flags.DEFINE_enum('mode', 'auto', source.MODES,
                  'graph: TF1\'s graph mode (placeholders, Session.run), `tensorflow` is tf.compat.v1. eager: '
                  'TensorFlow 2\'s eager mode, `tensorflow` is TensorFlow 2 (the TF1 names it lacks answering '
                  'too), as TF 2.x ran Keras. auto: graph, unless the script (with the modules it imports from its '
                  'folder, from folders it adds to sys.path, or from --reader_code\'s) imports Keras (tensorflow.keras, tf.keras, keras) and uses none of tf.enable_eager_execution, tf.placeholder, tf.Session, tf.InteractiveSession, tf.global_variables_initializer, '
                  'tf.variable_scope, tf.get_variable, tf.get_collection, tf.train.Saver, '
                  'input_data.read_data_sets: then eager. In graph mode, tf.enable_eager_execution() switches '
                  'to eager mode from then on.')
flags.DEFINE_enum('keras_semantics', None, keras_semantics.KERAS_SEMANTICS,
                  'What `model.trainable = False` on a compiled Keras model holding BatchNormalization (the '
                  'DCGAN\'s discriminator) means, as on tf1gan.main: frozen_bn (default): its BatchNorm frozen '
                  'from the start, initial statistics in every step, which draws digits in the DCGAN of 모두의 '
                  '딥러닝; tf_keras: the code as Keras 2 runs it (batch statistics in its own step, moving '
                  'statistics inside the model that holds it frozen), whose DCGAN runs collapse; standalone_keras: '
                  'batch statistics in both, as standalone Keras 2.x. A note says what the script\'s freeze does.')
flags.DEFINE_string('data_dir', None,
                    'Where MNIST is kept. Default: the folder the script gives input_data.read_data_sets '
                    '(the book\'s "./mnist/data/"); keras\' mnist.load_data() reads ./mnist/data/.')
flags.DEFINE_string('source_url', None,
                    'Where missing MNIST files are fetched from: a URL, a file:// URL or a local folder '
                    'holding the four .gz files (default: the script\'s own source_url, else TF 1.15\'s mirror).')
flags.DEFINE_string('figure_dir', None,
                    'Where figures that would be shown on screen are saved as figure_001.png, 002, ...: '
                    'those a notebook cell leaves open (Jupyter would show them inline), and those of '
                    'plt.show() on a machine without a display. Default: figures/<script name>/.')

flags.DEFINE_multi_string('reader_code', None,
                          'A folder whose Python modules are your own code: the modules the script imports from '
                          'it see what the script sees (TF1\'s `tensorflow`, tf.contrib, the era\'s NumPy and '
                          'SciPy). Repeat it for several folders. Default: the script\'s folder and every folder '
                          'the script adds to sys.path. Never Python\'s library, installed packages or tf1gan')

cli.define_verbose()
cli.define_kernels()

flags.register_validator('figure_dir', cli.folder_flag('a folder'),
                         'expected a folder that can be created and written')
flags.register_validator('reader_code', lambda folders: all(os.path.isdir(folder) for folder in folders or ()),
                         'expected folders that exist')


def read(path):
    """(cells, is_notebook) of the script or notebook at path; OSError if it cannot be opened.
    Compiled under the absolute path, as Python compiles the script it runs."""
    path = os.path.abspath(path)
    if path.endswith('.ipynb'):
        from tf1gan.script import notebook
        return notebook.read_cells(path), True
    with open(path, 'rb') as f:
        raw = f.read()
    # As Python reads a script: a coding cookie, else UTF-8.
    encoding, _ = tokenize.detect_encoding(io.BytesIO(raw).readline)
    return [source.Cell(raw.decode(encoding), path)], False


def main(argv):
    if len(argv) < 2:
        print('tf1gan: expected the script or notebook to run: python -m tf1gan.script [flags] SCRIPT.py',
              file=sys.stderr)
        sys.exit(2)
    path = argv[1]
    try:
        cells, is_notebook = read(path)
    except (OSError, UnicodeDecodeError, SyntaxError) as e:  # as Python's "can't open file"
        reason = f'[Errno {e.errno}] {e.strerror}' if isinstance(e, OSError) and e.errno else e
        print(f"tf1gan: can't open file {os.path.abspath(path)!r}: {reason}", file=sys.stderr)
        sys.exit(1)
    except errors.InputError as e:
        print(f'tf1gan: {e}', file=sys.stderr)
        sys.exit(1)
    try:
        settings = [source.parse_setting(setting) for setting in FLAGS.set]
        cli.import_tensorflow(FLAGS.verbose, FLAGS.kernels)
        from tf1gan.script import runner  # imports TensorFlow
        figure_dir = FLAGS.figure_dir or os.path.join('figures', os.path.splitext(os.path.basename(path))[0])
        status = runner.run(cells, os.path.abspath(path), argv[1:], mode=FLAGS.mode, seed=FLAGS.seed, settings=settings,
                            data_dir=FLAGS.data_dir, source_url=FLAGS.source_url, figure_dir=figure_dir,
                            notebook=is_notebook, keras_semantics=FLAGS.keras_semantics,
                            reader_code=FLAGS.reader_code)
    except errors.InputError as e:  # a bad --set: nothing has run
        print(f'tf1gan: {e}', file=sys.stderr)
        sys.exit(2)
    sys.exit(status)


def run():
    app.run(main, flags_parser=cli.parse_flags)
