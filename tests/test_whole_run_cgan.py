"""Listing 9.2's whole run (slow): 100 epochs of flags/cgan.flags, seed 1; its losses inside the book's
band, its last checkpoint's digits above the floors (tests/whole_runs.py, BUILD.md "Whole runs on
every landing")."""
import pytest

from whole_runs import (CONDITIONAL_ACCURACY_FLOOR, MNIST_SCORE_FLOOR, assert_above_floor,
                        assert_inside_the_books_band, whole_run_fixtures)

cgan_run, cgan_scores = whole_run_fixtures('cgan')


@pytest.mark.slow
def test_cgan_losses_stay_inside_the_books_band(cgan_run):
    assert_inside_the_books_band(cgan_run)


@pytest.mark.slow
def test_cgan_digits_score_above_the_floor(cgan_run, cgan_scores):
    assert_above_floor(cgan_run, cgan_scores, 'mnist_score', 'MNIST score', MNIST_SCORE_FLOOR['cgan'])


@pytest.mark.slow
def test_cgan_draws_the_digit_asked_for_above_the_floor(cgan_run, cgan_scores):
    assert_above_floor(cgan_run, cgan_scores, 'conditional_accuracy', 'conditional accuracy',
                       CONDITIONAL_ACCURACY_FLOOR['cgan'])
