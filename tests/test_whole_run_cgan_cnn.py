"""9.2's exercise, the conditional GAN with CNNs, whole (slow): the 10 epochs of flags/cgan_cnn.flags, seed 1;
its last checkpoint's digits past the floors and the Fréchet ceiling set from seeds 1-3 (tests/whole_runs.py,
BUILD.md "9.2 with CNNs"). The book printed no losses of it: there is no band to stay inside."""
import pytest

from whole_runs import (CNN_FRECHET_CEILING, CONDITIONAL_ACCURACY_FLOOR, MNIST_SCORE_FLOOR, assert_above_floor,
                        assert_under_ceiling, whole_run_fixtures)

cgan_cnn_run, cgan_cnn_scores = whole_run_fixtures('cgan_cnn')


@pytest.mark.slow
def test_cgan_cnn_digits_score_above_the_floor(cgan_cnn_run, cgan_cnn_scores):
    assert_above_floor(cgan_cnn_run, cgan_cnn_scores, 'mnist_score', 'MNIST score', MNIST_SCORE_FLOOR['cgan_cnn'])


@pytest.mark.slow
def test_cgan_cnn_draws_the_digit_asked_for_above_the_floor(cgan_cnn_run, cgan_cnn_scores):
    assert_above_floor(cgan_cnn_run, cgan_cnn_scores, 'conditional_accuracy', 'conditional accuracy',
                       CONDITIONAL_ACCURACY_FLOOR['cgan_cnn'])


@pytest.mark.slow
def test_cgan_cnn_digits_lie_as_close_to_mnists_as_the_ceiling(cgan_cnn_run, cgan_cnn_scores):
    assert_under_ceiling(cgan_cnn_run, cgan_cnn_scores, 'frechet_distance', 'Fréchet distance', CNN_FRECHET_CEILING)
