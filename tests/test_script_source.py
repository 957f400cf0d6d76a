"""A reader's script as tf1gan.script compiles it: magic lines, --set, graph or eager (tf1gan.script_source)."""
import ast
import os

import pytest

from tf1gan.script import source as script_source
from tf1gan.errors import InputError
from tf1gan.script.source import Cell

LISTING = '''import tensorflow as tf
%matplotlib inline
import numpy as np

total_epoch = 100
learning_rate = 0.0002
n_input = 28 * 28
name = 'gan'
verbose = False

for epoch in range(total_epoch):
    !echo hi
    print(epoch, learning_rate, name, verbose, n_input)
'''


def test_a_magic_line_becomes_pass_at_its_indentation_with_one_note_each():
    notes = []
    cell = script_source.skip_magics(Cell(LISTING, 'gan.py'), notes.append)
    lines = cell.source.splitlines()
    assert lines[1] == 'pass' and lines[11] == '    pass'
    assert len(lines) == len(LISTING.splitlines())  # every other line where it was
    assert notes == ["gan.py, line 2: skipped the IPython magic '%matplotlib inline'",
                     "gan.py, line 12: skipped the IPython magic '!echo hi'"]


def test_source_that_compiles_is_left_as_it_is():
    source = 'x = (10\n     % 3)\n'  # a line starting with % that is Python's modulo
    assert script_source.skip_magics(Cell(source, 'a.py'), lambda text: pytest.fail(text)).source == source


def prepared(*settings):
    return script_source.prepare([Cell(LISTING, 'gan.py')], settings, note=lambda text: None)[0].source


def test_set_replaces_a_numbers_literal_and_keeps_every_line_in_place():
    source = prepared(script_source.parse_setting('total_epoch=1'))
    assert source.splitlines()[4] == 'total_epoch = 1'
    assert len(source.splitlines()) == len(LISTING.splitlines())


def test_set_takes_floats_strings_and_booleans():
    source = prepared(*map(script_source.parse_setting, ['learning_rate=1e-3', 'name=cgan', 'verbose=True']))
    assert "learning_rate = 0.001" in source and "name = 'cgan'" in source and 'verbose = True' in source


def test_set_of_a_name_that_is_no_literal_assignment_lists_the_names_that_are():
    with pytest.raises(InputError) as error:
        prepared(('n_input', 10))
    message = str(error.value)
    assert '\n' not in message and 'n_input' in message
    assert 'total_epoch, learning_rate, name, verbose' in message


def test_set_of_another_kind_of_value_is_refused():
    with pytest.raises(InputError, match='total_epoch is a number'):
        prepared(script_source.parse_setting('total_epoch=ten'))


def test_a_setting_without_equals_is_refused():
    with pytest.raises(InputError, match='NAME=VALUE'):
        script_source.parse_setting('total_epoch')


def test_set_changes_only_the_literal_among_non_ascii_text():
    source = "total_epoch = 100  # 학습 횟수\n"
    cells = script_source.apply_settings([Cell(source, 'a.py')], [('total_epoch', 2)])
    assert cells[0].source == "total_epoch = 2  # 학습 횟수\n"


@pytest.mark.parametrize('source, graph', [
    ('import tensorflow as tf\nX = tf.placeholder(tf.float32)\n', True),
    ('import tensorflow as tf\nprint(tf.constant(1))\n', True),  # TF1 ran everything in a graph
    ('from tensorflow.keras.layers import Dense\nm = Dense(1)\n', False),
    ('import keras\n', False),
    ('import tensorflow as tf\nm = tf.keras.Sequential()\n', False),
    ('import tensorflow as tf\nm = tf.keras.Sequential()\nsess = tf.Session()\n', True),
])
def test_auto_mode_is_graph_unless_the_script_is_keras_only(source, graph):
    assert script_source.uses_graph_mode([Cell(source, 'a.py')]) is graph


def test_set_reaches_every_cell_of_a_notebook_and_names_the_notebook():
    cells = [Cell('total_epoch = 100\n', 'ch09.ipynb, cell 1'), Cell('batch_size = 100\n', 'ch09.ipynb, cell 2')]
    changed = script_source.apply_settings(cells, [('batch_size', 10), ('total_epoch', 1)], script_name='ch09.ipynb')
    assert [cell.source for cell in changed] == ['total_epoch = 1\n', 'batch_size = 10\n']
    with pytest.raises(InputError, match=r'^--set n_hidden: ch09.ipynb has no top-level assignment'):
        script_source.apply_settings(cells, [('n_hidden', 1)], script_name='ch09.ipynb')


@pytest.mark.parametrize('statement, folder', [
    ("sys.path.append('lib')", 'run/lib'),
    ("sys.path.insert(0, os.path.abspath('..'))", '.'),
    ("sys.path.extend([os.path.dirname(__file__)])", 'project/app'),
    ("sys.path.append(os.path.join(os.path.dirname(os.path.realpath(__file__)), '..', 'lib'))", 'project/lib'),
    ("sys.path.insert(0, os.path.join(os.getcwd(), 'models'))", 'run/models'),
    ("sys.path.append(os.path.normpath('../lib/'))", 'lib'),
    ("HERE = os.path.dirname(os.path.abspath(__file__))\nsys.path.append(os.path.join(HERE, '..', 'lib'))",
     'project/lib'),
])
def test_auto_mode_follows_a_folder_added_to_sys_path_in_words_it_can_read(statement, folder, tmp_path):
    found = script_source.path_folders(ast.parse(statement), str(tmp_path / 'project' / 'app' / 'main.py'),
                                       str(tmp_path / 'run'))
    assert found == [os.path.realpath(tmp_path / folder)]


@pytest.mark.parametrize('statement', [
    "sys.path.append(HERE)",  # a name the module does not assign
    "HERE = find_it()\nsys.path.append(os.path.join(HERE, 'lib'))",
    "sys.path.append(input())",
    "sys.path.remove('lib')",
    "path.append('lib')",  # not sys.path
])
def test_auto_mode_leaves_out_a_sys_path_entry_it_cannot_read(statement, tmp_path):
    assert script_source.path_folders(ast.parse(statement), str(tmp_path / 'main.py'), str(tmp_path)) == []
