"""slim.learning and tf.contrib.training (tf1gan/script/contrib/training.py) behave as TensorFlow 1.15's.

tests/learning_probe.py, a TF1 script, is run by TensorFlow 1.15 and by `python -m tf1gan.script`; what it
prints must agree section by section: the train op's name, type and collections, the names create_train_op
gives its ops and gradient summaries, the messages slim.learning.train logs, the files it writes, the
errors for wrong arguments: exactly; numbers (`name ~ v1 v2 ...`: losses, global steps, weights after
training): within 1e-4 of the line's largest magnitude. From the same weights and inputs, three steps of
the placeholder-fed train op agree to all 9 printed digits; the loops on constant inputs drift by up to
1.8e-5 of a weight after 5 steps of a learning rate of 0.5 (measured 2026-12-07), TensorFlow 2.21 folding
and rounding the constant graph otherwise, which a wrong clip, multiplier or update would move by far more.
"""
import pathlib

import numpy as np
import pytest

import tf115

pytestmark = pytest.mark.kernels  # compares numbers TensorFlow computes: CI runs it under both kernel libraries

PROBE = pathlib.Path(__file__).with_name('learning_probe.py')
SECTIONS = ('train_op', 'ops', 'steps', 'contrib.training', 'slim.train', 'contrib.training.train', 'errors')
TOLERANCE = 1e-4


def sections(printed):
    """{section: [line, ...]} of the probe's `[section] line` lines."""
    found = {}
    for line in printed.splitlines():
        if line.startswith('['):
            section, _, rest = line[1:].partition('] ')
            found.setdefault(section, []).append(rest)
    return found


@pytest.fixture(scope='module')
def printed(tmp_path_factory):
    """(TF 1.15's sections, tf1gan.script's) of tests/learning_probe.py."""
    theirs, ours = tf115.run_both(PROBE, cwd=tmp_path_factory.mktemp('learning'))
    return sections(theirs.stdout), sections(ours.stdout)


def agree(theirs, ours):
    """Whether two probe lines agree: exactly, or for `name ~ numbers` lines, within TOLERANCE."""
    if ' ~ ' not in theirs or ' ~ ' not in ours:
        return theirs == ours
    (name, values), (our_name, our_values) = theirs.split(' ~ '), ours.split(' ~ ')
    expected, got = np.array(values.split(), float), np.array(our_values.split(), float)
    return (name == our_name and expected.shape == got.shape
            and np.all(np.abs(expected - got) <= TOLERANCE * max(np.abs(expected).max(), 1e-30)))


def test_the_comparison_tells_a_changed_number_from_rounding():
    assert agree('w ~ 0.343301266 -0.656698763', 'w ~ 0.343301 -0.656698')
    assert not agree('w ~ 0.343301266 -0.656698763', 'w ~ 0.343401266 -0.656698763')
    assert not agree('loss 0 ~ 0.76', 'loss 1 ~ 0.76')


@pytest.mark.tf115
def test_the_probe_prints_every_section(printed):
    assert sorted(printed[0]) == sorted(SECTIONS)


@pytest.mark.tf115
@pytest.mark.parametrize('section', SECTIONS)
def test_a_script_using_slim_learning_and_contrib_training_prints_what_it_printed_under_tf115(printed, section):
    theirs, ours = printed[0][section], printed[1].get(section, [])
    assert len(ours) == len(theirs), (theirs, ours)
    assert [line for line, our_line in zip(theirs, ours) if not agree(line, our_line)] == [], ours
