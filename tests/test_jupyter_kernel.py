"""`%load_ext tf1gan` in a real Jupyter kernel (ipykernel, run by nbclient): the book's 9.1 cells show what the
listing prints, without TensorFlow's own start-up lines, which it writes on file descriptor 2 and the kernel puts
into the cells' outputs; `%tf1gan_verbose` shows them, as the commands' --verbose does.

nbclient and ipykernel are in the `test` extra. The kernel is this Python, from a kernelspec in the test's own
folder, with its own IPython folder: no Jupyter or IPython configuration of the user's takes part."""
import json
import os
import re
import sys

import nbformat
import pytest
from jupyter_client import AsyncKernelManager
from jupyter_client.kernelspec import KernelSpecManager
from nbclient import NotebookClient

from hang import HANG

# TensorFlow's own lines: absl's notice, then its C++ log lines, such as
# `I0000 00:00:1796654170.461093   14227 port.cc:153] oneDNN custom operations are on. ...` at its import and
# `E0000 00:00:1796654174.643442   14227 cuda_platform.cc:52] failed call to cuInit: ...` at the first tf.Session().
ABSL_NOTICE = 'WARNING: All log messages before absl::InitializeLog() is called are written to STDERR'
LOG_LINE = re.compile(r'^[IWEF]\d{4} \d\d:\d\d:\d+\.\d+ +\d+ \S+:\d+\] ', re.MULTILINE)
MNIST_FILES = ('train-images-idx3-ubyte.gz', 'train-labels-idx1-ubyte.gz', 't10k-images-idx3-ubyte.gz',
               't10k-labels-idx1-ubyte.gz')


def book_cells(mnist_dir):
    """Listing 9.1's cells, its graph made tiny: its imports, its placeholders, its session, one step."""
    return [
        'import tensorflow as tf\nimport numpy as np\nfrom tensorflow.examples.tutorials.mnist import input_data\n'
        f'mnist = input_data.read_data_sets({str(mnist_dir)!r}, one_hot=True)',
        'n_input, n_noise = 28 * 28, 128\n'
        'X = tf.placeholder(tf.float32, [None, n_input])\n'
        'Z = tf.placeholder(tf.float32, [None, n_noise])\n'
        'G_W = tf.Variable(tf.random_normal([n_noise, n_input], stddev=0.01))\n'
        'D_W = tf.Variable(tf.random_normal([n_input, 1], stddev=0.01))\n'
        'G = tf.nn.sigmoid(tf.matmul(Z, G_W))\n'
        'D_gene, D_real = tf.nn.sigmoid(tf.matmul(G, D_W)), tf.nn.sigmoid(tf.matmul(X, D_W))\n'
        'loss_D = tf.reduce_mean(tf.log(D_real) + tf.log(1 - D_gene))\n'
        'train_D = tf.train.AdamOptimizer(0.0002).minimize(-loss_D, var_list=[D_W])',
        'sess = tf.Session()\nsess.run(tf.global_variables_initializer())',
        'batch_xs, batch_ys = mnist.train.next_batch(100)\n'
        'noise = np.random.normal(size=(100, n_noise))\n'
        '_, loss_val_D = sess.run([train_D, loss_D], feed_dict={X: batch_xs, Z: noise})\n'
        "print('D loss: {:.4}'.format(loss_val_D))",
    ]


IMPORT, SESSION, STEP = 1, 3, 4  # book_cells' cells, after the one loading the extension (2: the graph)
VERBOSE = '%load_ext tf1gan\n%tf1gan_verbose'


def tensorflow_lines(shown):
    return [line for line in shown.splitlines() if line == ABSL_NOTICE or LOG_LINE.match(line)]


def run_notebook(folder, cells, log_level=None):
    """What each cell shows (its stdout and stderr, in order), run in a fresh kernel of this Python; log_level: the
    reader's own TF_CPP_MIN_LOG_LEVEL in the kernel's environment (None: unset, as on a fresh machine)."""
    kernels = folder / 'kernels'
    (kernels / 'tf1gan-test').mkdir(parents=True)
    (kernels / 'tf1gan-test' / 'kernel.json').write_text(json.dumps(
        {'argv': [sys.executable, '-m', 'ipykernel_launcher', '-f', '{connection_file}'],
         'display_name': 'tf1gan test', 'language': 'python'}))
    manager = AsyncKernelManager(kernel_name='tf1gan-test', connection_file=str(folder / 'connection.json'),
                                 kernel_spec_manager=KernelSpecManager(kernel_dirs=[str(kernels)]))
    # The kernel's environment is a reader's: not the level this process's `import tf1gan` set, and no
    # PYTEST_CURRENT_TEST, under which ipykernel leaves file descriptor 2 out of the cells' outputs.
    env = {name: value for name, value in os.environ.items()
           if name not in ('TF_CPP_MIN_LOG_LEVEL', 'TF1GAN_DEFAULT_LOG_LEVEL', 'PYTEST_CURRENT_TEST')}
    env['IPYTHONDIR'] = str(folder / 'ipython')
    if log_level is not None:
        env['TF_CPP_MIN_LOG_LEVEL'] = log_level
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(cell) for cell in cells])
    NotebookClient(notebook, km=manager, timeout=HANG, startup_timeout=HANG,
                   resources={'metadata': {'path': str(folder)}}).execute(env=env)
    return [''.join(output.get('text', '') for output in cell.outputs) for cell in notebook.cells]


@pytest.fixture(scope='module')
def quiet(tmp_path_factory, mnist_dir):
    return run_notebook(tmp_path_factory.mktemp('quiet'), ['%load_ext tf1gan'] + book_cells(mnist_dir))


@pytest.fixture(scope='module')
def verbose(tmp_path_factory, mnist_dir):
    return run_notebook(tmp_path_factory.mktemp('verbose'), [VERBOSE] + book_cells(mnist_dir))


def test_no_cell_shows_tensorflows_start_up_lines(quiet):
    # Neither the cell loading the extension nor the one importing TensorFlow.
    assert [tensorflow_lines(shown) for shown in quiet[:SESSION]] == [[]] * SESSION, quiet


def test_the_first_session_shows_no_cuinit_error(quiet):
    assert tensorflow_lines(quiet[SESSION]) == [], quiet[SESSION]


def test_the_cells_show_what_the_listing_prints_and_nothing_else(quiet, mnist_dir):
    assert quiet[:STEP] == ['', ''.join(f'Extracting {mnist_dir / name}\n' for name in MNIST_FILES), '', ''], quiet
    assert re.fullmatch(r'D loss: \S+\n', quiet[STEP]), quiet[STEP]


def test_tf1gan_verbose_shows_tensorflows_start_up_lines_in_the_cell_importing_it(verbose):
    assert ABSL_NOTICE in verbose[IMPORT].splitlines(), verbose[IMPORT]
    assert LOG_LINE.search(verbose[IMPORT]), verbose[IMPORT]  # oneDNN's, CUDA's, the CPU's instructions


def test_tf1gan_verbose_shows_tensorflows_lines_at_the_first_session(verbose):
    assert LOG_LINE.search(verbose[SESSION]), verbose  # here cuInit's error, and MLIR's note


def test_tf1gan_verbose_keeps_the_readers_own_tf_cpp_min_log_level(tmp_path, mnist_dir):
    shown = run_notebook(tmp_path, [VERBOSE] + book_cells(mnist_dir), log_level='3')
    assert shown[SESSION] == '', shown  # level 3: not even cuInit's error
