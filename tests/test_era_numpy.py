"""`import numpy` in a reader's script: NumPy as installed, with the names NumPy 1.x scripts used (tf1gan.script.era_numpy)."""
import json
import pathlib
import textwrap
import types

import numpy
import pytest

import era_cases
import tf115
from test_script import python, run_in_this_process, tf1gan_script, traceback_part, write
from tf1gan.script import era_numpy, runner, tf1_view
from tf1gan.script.source import Cell


def run(code, views=None):
    """The names the code defines, run with a script's builtins."""
    namespace = {'__builtins__': (views or tf1_view.Views()).builtins(), '__name__': '__main__'}
    exec(textwrap.dedent(code), namespace)
    return namespace


@pytest.fixture(scope='module')
def np():
    return run('import numpy as np\n')['np']


def test_the_builtin_aliases_are_pythons_types_as_numpy_1_20s_table_lists_them(np):
    # NumPy 1.20.0's release notes: np.bool/int/float/complex/object/str were the builtins, np.long int,
    # np.unicode str (deprecated there, removed in 1.24).
    assert (np.bool, np.int, np.float, np.complex, np.object, np.str) == (bool, int, float, complex, object, str)
    assert np.long is int and np.unicode is str


def test_np_long_and_np_bool_are_pythons_int_and_bool_not_numpy_2s_scalar_types(np):
    # NumPy 2.0 brought back np.long (C long, int64 here) and np.bool (np.bool_); a 1.x script meant the builtins.
    assert np.long(2 ** 70) == 2 ** 70 and type(np.long('7')) is int
    assert isinstance(True, np.bool) and type(np.bool(0)) is bool
    assert np.zeros(2, dtype=np.long).dtype == numpy.dtype(int) and np.zeros(2, dtype=np.bool).dtype == numpy.bool_


def test_asscalar_is_item_as_in_numpy_1_16(np):
    # numpy/lib/type_check.py (NumPy <= 1.22): `return a.item()`, a Python scalar.
    assert np.asscalar(numpy.array([24])) == 24 and type(np.asscalar(numpy.array([24]))) is int
    assert type(np.asscalar(numpy.float32(2.5))) is float


def test_np_reshape_takes_newshape_by_keyword_and_ndarray_reshape_does_not(np):
    # NumPy 1.x: reshape(a, newshape, order='C'); its ndarray.reshape refused newshape= (TypeError) as 2.x does.
    assert np.reshape(a=numpy.arange(6), newshape=(2, 3)).shape == (2, 3)
    assert np.reshape(numpy.arange(6), shape=(3, 2)).shape == (3, 2)
    with pytest.raises(TypeError):
        numpy.arange(6).reshape(newshape=(2, 3))


def test_histogram_normed_divides_counts_by_their_sum_times_the_bin_widths(np):
    # numpy/lib/histograms.py (1.18): normed=True gave n / (n * widths).sum(), `normed` the fourth argument.
    # Counts 0, 1, 3, 1 in bins of widths 1, 1, 2, 4: their sum times the widths is 11.
    counts, edges = np.histogram([1, 2, 2, 3, 7], bins=[0, 1, 2, 4, 8], normed=True)
    assert counts.tolist() == pytest.approx([0, 1 / 11, 3 / 11, 1 / 11]) and edges.tolist() == [0, 1, 2, 4, 8]
    # Two bins of width 1 over 1..3, counts 1 and 3.
    assert np.histogram([1, 2, 2, 3], 2, None, True)[0].tolist() == pytest.approx([0.25, 0.75])


def test_in1d_flattens_its_first_argument(np):
    assert np.in1d([[0, 1], [2, 5]], [0, 2]).tolist() == [True, False, True, False]


@pytest.mark.tf115
@pytest.mark.filterwarnings('ignore::PendingDeprecationWarning')  # np.mat's matrix
def test_each_era_name_means_in_the_script_what_it_meant_in_numpy_1_18(tmp_path, np):
    """tests/era_cases.py records each name (and calls of each function) in NumPy 1.18, the TensorFlow 1.15
    oracle's, and in the script's numpy: they agree, but for np.RankWarning, below."""
    done = tf115.run(pathlib.Path(era_cases.__file__), 'numpy', cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    numpy_1_18 = json.loads(done.stdout)
    ours = json.loads(json.dumps(era_cases.numpy_cases(np)))
    # np.RankWarning is the class np.polyfit warns with today (a filter on it still catches polyfit's warning):
    # since 2.0 numpy.exceptions.RankWarning, a RuntimeWarning; NumPy 1.18's was a UserWarning.
    assert numpy_1_18.pop('RankWarning')['bases'][0] == 'UserWarning'
    assert ours.pop('RankWarning')['bases'][0] == 'RuntimeWarning'
    assert {case: ours[case] for case in numpy_1_18 if ours[case] != numpy_1_18[case]} == {}
    assert set(ours) == set(numpy_1_18)


@pytest.mark.filterwarnings('ignore::PendingDeprecationWarning')  # np.mat's matrix
def test_the_comparison_with_numpy_1_18_covers_every_name_of_the_table(np):
    checked = set(era_cases.numpy_cases(np))
    assert {name for name in era_numpy.ERA_NAMES if not any(case.startswith(name) for case in checked)} == set()


@pytest.mark.parametrize('code, bound', [
    ('import numpy as np\n', 'np'),
    ('import numpy\n', 'numpy'),
    ('import numpy.random\n', 'numpy'),
    ('import numpy.random as npr\nimport numpy.linalg\n', 'numpy'),
])
def test_every_form_of_importing_numpy_binds_the_scripts_numpy(code, bound):
    names = run(code)
    assert names[bound].float is float and names[bound] is not numpy


def test_numpys_submodules_are_numpys_own():
    names = run('import numpy.random as npr\nfrom numpy.random import randn\nfrom numpy import random, float\n'
                'from numpy.linalg import norm\n')
    assert names['npr'] is numpy.random and names['random'] is numpy.random and names['randn'] is numpy.random.randn
    assert names['norm'] is numpy.linalg.norm and names['float'] is float


def test_a_numpy_submodule_that_is_not_there_is_pythons_module_not_found_error():
    with pytest.raises(ModuleNotFoundError) as error:
        run('import numpy.misc\n')
    assert error.value.name == 'numpy.misc'


def test_star_import_gives_numpy_1_18s_names_and_leaves_pythons_builtins():
    # NumPy 1.18's numpy.__all__ listed asscalar, float_, product, ... but none of the builtins' aliases.
    names = run('from numpy import *\nfrom builtins import float as python_float, bool as python_bool\n')
    assert names['asscalar'] is era_numpy.asscalar and names['float_'] is numpy.float64
    assert names['zeros'] is numpy.zeros
    assert 'float' not in names and 'bool' not in names and 'long' not in names


def test_the_scripts_numpy_is_a_plain_module_whose_names_are_numpys_own():
    # An attribute is one dict lookup, as on numpy: no __getattr__ runs for the names numpy has.
    np = era_numpy.module()
    assert type(np) is types.ModuleType
    assert sorted(name for name, value in vars(numpy).items() if vars(np).get(name) is not value
                  and name not in era_numpy.ERA_NAMES) == ['__all__', '__dir__', '__getattr__']
    assert np.zeros is numpy.zeros and np.random is numpy.random


def test_numpys_lazily_loaded_submodules_are_numpys_and_stay_in_the_scripts_numpy():
    # NumPy 2 loads np.typing, np.rec, ... on first use (its module __getattr__); once asked, the script's numpy
    # holds them as plain entries, so that np.random in a loop is a dict lookup even if imported after the copy.
    np = era_numpy.module()
    for name in ('typing', 'rec', 'char', 'ctypeslib', 'testing', 'ma', 'polynomial', 'dtypes', 'exceptions',
                 'strings', 'random', 'linalg', 'fft'):
        assert getattr(np, name) is getattr(numpy, name) and vars(np)[name] is getattr(numpy, name)


def test_each_script_run_has_its_own_numpy_and_numpy_itself_is_unchanged(tmp_path, capsys):
    source = 'import numpy as np\nnp.loaded = np.float\nprint(np.asscalar(np.array([3])), np.long)\n'
    path = str(write(tmp_path, 'era.py', source))
    assert runner.run([Cell(source, path)], path, [path], note=lambda text: None) == 0
    assert capsys.readouterr().out == "3 <class 'int'>\n"
    assert not hasattr(numpy, 'float') and not hasattr(numpy, 'asscalar') and not hasattr(numpy, 'loaded')
    assert numpy.long is numpy.int_ and numpy.bool is numpy.bool_  # NumPy 2's, for tf1gan and every library
    assert 'loaded' not in vars(run('import numpy as np\n')['np'])


@pytest.mark.parametrize('name', ['no_such_thing', 'lookfor'])
def test_a_name_tf1gan_does_not_bring_back_is_numpys_own_attribute_error_at_the_readers_line(tmp_path, name,
                                                                                            capsys):
    # np.lookfor: removed in NumPy 2.0 and not in the table (it searched NumPy's docstrings): NumPy's own message.
    status, stderr = run_in_this_process(tmp_path, 'old.py', f'import numpy as np\n\nx = np.zeros(2)\nnp.{name}\n',
                                         capsys)
    report = traceback_part(stderr)
    assert status == 1
    assert report == traceback_part(python('old.py', cwd=tmp_path).stderr)
    assert report[:2] == ['Traceback (most recent call last):', f'  File "{tmp_path / "old.py"}", line 4, in <module>']
    assert report[-1].startswith('AttributeError: ') and name in report[-1]


def test_a_2017_script_using_removed_numpy_names_runs_through_the_command(tmp_path):
    write(tmp_path, 'era.py', '''\
        import numpy as np
        import tensorflow as tf

        X = tf.placeholder(tf.float64, [None, 2])
        W = tf.Variable(np.ones((2, 1), dtype=np.float))
        y = tf.matmul(X, W)
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            out = sess.run(y, feed_dict={X: np.reshape(np.arange(4, dtype=np.float_), newshape=(2, 2))})
        labels = np.zeros(2, dtype=np.int)
        print(np.asscalar(out[1]), labels.dtype, np.product(out.shape), np.NaN != np.NaN)
        ''')
    result = tf1gan_script('era.py', cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == '5.0 int64 2 True\n'

