"""tf.contrib.slim and tf.contrib.framework.arg_scope behave as TensorFlow 1.15's (tf1gan/script/contrib/arg_scope.py,
slim.py).

First the facts of TF 1.15's arg_scope (tensorflow/contrib/framework/python/ops/arg_scope.py), each stated and
checked on tf1gan's; then tests/slim_probe.py, a TF1 script using slim, run by TensorFlow 1.15 and by
`python -m tf1gan.script`: what it prints, section by section, must be the same lines. The values slim's layers
and losses compute are tests/contrib_probe.py's (tests/test_contrib.py), their seeded initial values
tests/seeded/slim_gan.py's (tests/test_tf115_seeds.py).
"""
import functools
import pathlib

import pytest

import tf115
from tf1gan.script.contrib import arg_scope as scopes
from tf1gan.script.contrib import layers

PROBE = pathlib.Path(__file__).with_name('slim_probe.py')
SECTIONS = ('keys', 'arguments', 'has_arg_scope', 'same', 'decorated', 'scope', 'model', 'analyze_vars',
            'analyze_ops', 'losses', 'printed by model_analyzer')


@scopes.add_arg_scope
def scoped(a, b=1, c=2, d=3):
    """scoped's docstring."""
    return a, b, c, d


def key(function):
    return scopes.arg_scope_func_key(function)


# --- TF 1.15's arg_scope, fact by fact

def test_a_functions_key_is_the_str_of_the_function_add_arg_scope_wrapped():
    original = scoped.__wrapped__
    assert key(scoped) == str(original) and str(original).startswith('<function scoped at 0x')


def test_the_decorated_function_keeps_the_originals_name_docstring_and_module():
    assert (scoped.__name__, scoped.__doc__, scoped.__module__) == ('scoped', "scoped's docstring.", __name__)


def test_a_scope_gives_its_arguments_and_the_calls_own_keywords_win():
    with scopes.arg_scope([scoped], b=10, c=20):
        assert scoped(0) == (0, 10, 20, 3)
        assert scoped(0, c=21) == (0, 10, 21, 3)
    assert scoped(0) == (0, 1, 2, 3)


def test_a_scope_value_for_an_argument_also_given_positionally_is_pythons_type_error():
    with scopes.arg_scope([scoped], b=10), pytest.raises(TypeError, match="multiple values for argument 'b'"):
        scoped(0, 5)


def test_an_inner_scope_updates_a_copy_of_the_outer_functions_arguments():
    with scopes.arg_scope([scoped], b=10, c=20) as outer:
        with scopes.arg_scope([scoped], c=30, d=40) as inner:
            assert inner[key(scoped)] == {'b': 10, 'c': 30, 'd': 40}
            assert outer[key(scoped)] == {'b': 10, 'c': 20}
        assert scoped(0) == (0, 10, 20, 3)


def test_a_scope_is_a_dict_by_function_key_and_current_arg_scope_is_the_innermost():
    assert scopes.current_arg_scope() == {}
    with scopes.arg_scope([scoped], b=10) as scope:
        assert scopes.current_arg_scope() is scope == {key(scoped): {'b': 10}}


def test_a_scope_dict_given_back_replaces_the_current_scope_by_a_copy_of_it():
    with scopes.arg_scope([scoped], b=10) as saved:
        pass
    with scopes.arg_scope([scoped], c=20), scopes.arg_scope(saved) as again:
        assert again == saved and again is not saved
        assert scoped(0) == (0, 10, 2, 3)  # not merged with the enclosing c=20


def test_a_scope_dict_with_keyword_arguments_is_a_value_error_in_tf115s_words():
    with pytest.raises(ValueError) as error, scopes.arg_scope({}, b=1):
        pass
    assert str(error.value) == 'When attempting to re-use a scope by suppling adictionary, kwargs must be empty.'


def test_neither_a_list_a_tuple_nor_a_dict_is_a_type_error_that_leaves_the_enclosing_scope():
    with scopes.arg_scope([scoped], b=10):
        with pytest.raises(TypeError, match=r'^list_ops_or_scope must either be a list/tuple or reused scope '
                                            r'\(i\.e\. dict\)$'), scopes.arg_scope(scoped):
            pass
        assert scoped(0) == (0, 10, 2, 3)


def test_an_undecorated_function_is_a_value_error_of_two_arguments_that_drops_the_enclosing_scope():
    def plain(a, b=1):
        return a, b
    with scopes.arg_scope([scoped], b=10):
        with pytest.raises(ValueError) as error, scopes.arg_scope([plain]):
            pass
        assert error.value.args == ('%s is not decorated with @add_arg_scope', (__name__, 'plain'))
        assert scoped(0) == (0, 1, 2, 3)  # TF 1.15's finally popped the enclosing scope
    assert scopes.current_arg_scope() == {}  # the emptied stack starts again from the empty scope


def test_the_scope_ends_with_its_block_when_the_block_raises():
    with pytest.raises(KeyError), scopes.arg_scope([scoped], d=7):
        raise KeyError('in the block')
    assert scoped(0) == (0, 1, 2, 3)


def test_decorating_registers_the_original_too_and_a_partial_never():
    def original(a, b=1):
        return a, b
    scopes.add_arg_scope(original)
    assert scopes.has_arg_scope(original)
    assert not scopes.has_arg_scope(layers.linear) and not scopes.has_arg_scope(functools.partial(scoped, 1))


def test_arg_scoped_arguments_counts_back_from_the_end_of_all_local_names():
    # TF 1.15's co_varnames[-len(defaults):co_argcount]: right without locals, one name short per local here.
    def with_a_local(a, b=1, c=2):
        total = a + b + c
        return total
    assert scopes.arg_scoped_arguments(scoped) == ('b', 'c', 'd')
    assert scopes.arg_scoped_arguments(scopes.add_arg_scope(with_a_local)) == ('c',)


def test_arg_scoped_arguments_of_an_undecorated_function_is_an_assertion_error():
    with pytest.raises(AssertionError):
        scopes.arg_scoped_arguments(len)


# --- tests/slim_probe.py, printed by TensorFlow 1.15 and by tf1gan.script

def sections(printed):
    """{section: its lines}: `[section] ...` lines by section, the others (model_analyzer's prints) together."""
    found = {}
    for line in printed.splitlines():
        section, tagged, rest = line[1:].partition('] ') if line.startswith('[') else ('', False, line)
        found.setdefault(section if tagged else 'printed by model_analyzer', []).append(rest if tagged else line)
    return found


@pytest.fixture(scope='module')
def printed(tmp_path_factory):
    """(TF 1.15's sections, tf1gan.script's) of tests/slim_probe.py."""
    theirs, ours = tf115.run_both(PROBE, cwd=tmp_path_factory.mktemp('slim'))
    return sections(theirs.stdout), sections(ours.stdout)


@pytest.mark.tf115
def test_the_probe_prints_every_section(printed):
    assert sorted(printed[0]) == sorted(SECTIONS)


@pytest.mark.tf115
@pytest.mark.parametrize('section', SECTIONS)
def test_a_slim_script_prints_what_it_printed_under_tf115(printed, section):
    assert printed[1].get(section) == printed[0][section]
