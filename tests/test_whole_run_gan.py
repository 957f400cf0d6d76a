"""Listing 9.1's whole run (slow): 100 epochs of flags/gan.flags, seed 1; its losses inside the book's
band, its last checkpoint's digits above the floor (tests/whole_runs.py, BUILD.md "Whole runs on
every landing")."""
import pytest

from whole_runs import MNIST_SCORE_FLOOR, assert_above_floor, assert_inside_the_books_band, whole_run_fixtures

gan_run, gan_scores = whole_run_fixtures('gan')


@pytest.mark.slow
def test_gan_losses_stay_inside_the_books_band(gan_run):
    assert_inside_the_books_band(gan_run)


@pytest.mark.slow
def test_gan_digits_score_above_the_floor(gan_run, gan_scores):
    assert_above_floor(gan_run, gan_scores, 'mnist_score', 'MNIST score', MNIST_SCORE_FLOOR['gan'])
