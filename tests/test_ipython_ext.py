"""`%load_ext tf1gan` in IPython: the following cells get the script's TF1 view (tf1gan.ipython_ext).

IPython is the optional `notebook` extra: without it these tests are skipped (CI installs it)."""
import json
import subprocess
import sys

import pytest

from hang import HANG

pytest.importorskip('IPython', reason="IPython is the optional 'notebook' extra: pip install -e '.[notebook]'")

SESSION = r'''
import json, sys
from IPython.core.interactiveshell import InteractiveShell
shell = InteractiveShell.instance()
results = []
for cell in json.loads(sys.argv[1]):
    result = shell.run_cell(cell)
    results.append(None if result.success else type(result.error_in_exec or result.error_before_exec).__name__)
import tensorflow
print(json.dumps({'results': results, 'tensorflow_has_placeholder': hasattr(tensorflow, 'placeholder'),
                  **{name: shell.user_ns.get(name) for name in ('doubled', 'eager', 'fresh', 'eager_after', 'from_module')}}))
'''

CELLS = [
    '%load_ext tf1gan',
    'import tensorflow as tf\n%time x = 1\nfrom tensorflow.examples.tutorials.mnist import input_data',
    'X = tf.placeholder(tf.float32, [None, 2])\nsess = tf.Session()',
    'doubled = sess.run(X * 2, feed_dict={X: [[1, 2]]}).tolist()\neager = tf.executing_eagerly()',
    'import matplotlib.pyplot as plt\nplt.plot([1, 2])\nplt.savefig("new_folder/line.png")',
    'tf.reset_default_graph()\nY = tf.placeholder(tf.float32)\nfresh = Y.graph is not X.graph',
    '%tf1gan_mode eager',
    'eager_after = tf.executing_eagerly()',
]


def run_session(cells, folder):
    """SESSION's report on the cells, run in an IPython shell in folder, and its stderr."""
    result = subprocess.run([sys.executable, '-c', SESSION, json.dumps(cells)], capture_output=True, text=True,
                            cwd=folder, timeout=HANG)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1]), result.stderr


@pytest.fixture(scope='module')
def session(tmp_path_factory):
    folder = tmp_path_factory.mktemp('ipython')
    return folder, run_session(CELLS, folder)[0]


def test_load_ext_tf1gan_makes_the_following_cells_tf1_in_graph_mode(session):
    folder, report = session
    assert report['results'] == [None] * len(CELLS)
    assert report['doubled'] == [[2.0, 4.0]] and report['eager'] is False


def test_reset_default_graph_in_a_cell_gives_a_fresh_graph(session):
    folder, report = session
    assert report['fresh'] is True


def test_tf1gan_mode_eager_leaves_graph_mode(session):
    folder, report = session
    assert report['eager_after'] is True


def test_outside_the_cells_tensorflow_stays_tensorflow_2(session):
    folder, report = session
    assert report['tensorflow_has_placeholder'] is False


def test_savefig_into_a_missing_folder_makes_it_in_ipython_too(session):
    folder, report = session
    assert (folder / 'new_folder' / 'line.png').exists()


def test_the_cell_that_loads_the_extension_is_tf1_in_graph_mode_from_its_first_line(tmp_path):
    cells = ['%load_ext tf1gan\nimport tensorflow as tf\neager = tf.executing_eagerly()\n'
             'X = tf.placeholder(tf.float32, [None, 2])\nsess = tf.Session()\n'
             'doubled = sess.run(X * 2, feed_dict={X: [[1, 2]]}).tolist()']
    report, _ = run_session(cells, tmp_path)
    assert report['results'] == [None], report
    assert report['eager'] is False and report['doubled'] == [[2.0, 4.0]]


def test_an_ipy_file_run_by_ipython_is_one_cell_and_runs_as_tf1(tmp_path):
    (tmp_path / 'listing.ipy').write_text('%load_ext tf1gan\nimport tensorflow as tf\n'
                                          'X = tf.placeholder(tf.float32)\n'
                                          'print(tf.executing_eagerly(), tf.Session().run(X * 2, {X: 3}))\n',
                                          encoding='utf-8')
    result = subprocess.run([sys.executable, '-m', 'IPython', '--colors=nocolor', 'listing.ipy'],
                            capture_output=True, text=True, cwd=tmp_path, timeout=HANG)
    assert result.stdout.strip().splitlines()[-1] == 'False 6.0', result.stdout + result.stderr


def test_a_module_the_cells_import_from_the_notebooks_folder_sees_tf1_as_the_cells_do(tmp_path):
    (tmp_path / 'ops.py').write_text('import tensorflow as tf\nX = tf.placeholder(tf.float32)\n', encoding='utf-8')
    cells = ['%load_ext tf1gan', 'import ops\nfrom_module = ops.X.op.type']
    report, _ = run_session(cells, tmp_path)
    assert report['results'] == [None, None] and report['from_module'] == 'Placeholder'


def test_tf1gan_mode_given_before_any_code_holds_from_the_first_cell_of_code(tmp_path):
    cells = ['%load_ext tf1gan\n%tf1gan_mode graph', 'import tensorflow as tf\neager = tf.executing_eagerly()']
    report, _ = run_session(cells, tmp_path)
    assert report['results'] == [None, None] and report['eager'] is False


def test_tf1gan_verbose_after_tensorflow_is_imported_says_it_comes_too_late(tmp_path):
    report, stderr = run_session(['%load_ext tf1gan', 'import tensorflow as tf', '%tf1gan_verbose'], tmp_path)
    assert report['results'] == [None] * 3
    assert stderr.splitlines()[-1] == ('tf1gan: %tf1gan_verbose: too late, TensorFlow is already imported and its '
                                       'log level set; restart the kernel, then run `%load_ext tf1gan` and '
                                       '`%tf1gan_verbose` in a cell of their own')
