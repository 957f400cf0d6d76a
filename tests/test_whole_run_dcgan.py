"""The DCGAN's run (slow): the first 1,001 of flags/dcgan.flags' 4,001 iterations, seed 1; never
collapsed, its last checkpoint's digits above the floor (tests/whole_runs.py, BUILD.md "Whole runs
on every landing")."""
import pytest

from tf1gan.evaluation import collapse
from whole_runs import MNIST_SCORE_FLOOR, assert_above_floor, collapse_failure, whole_run_fixtures

dcgan_run, dcgan_scores = whole_run_fixtures('dcgan')


@pytest.mark.slow
def test_dcgan_never_collapses(dcgan_run):
    windows = collapse.windows(collapse.read_losses(dcgan_run.run_dir / 'log.txt'))
    assert not any(w.collapsed for w in windows), collapse_failure(dcgan_run, windows)


@pytest.mark.slow
def test_dcgan_digits_score_above_the_floor(dcgan_run, dcgan_scores):
    assert_above_floor(dcgan_run, dcgan_scores, 'mnist_score', 'MNIST score', MNIST_SCORE_FLOOR['dcgan'])
