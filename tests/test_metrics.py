"""tf1gan.evaluation.metrics on synthetic data: the MNIST score, the Frechet distance, the histogram and
conditional accuracy, each against what it must be by definition."""
import numpy as np
import pytest

from tf1gan.evaluation import metrics

CONFIDENT = 50.0  # a logit margin that makes softmax one-hot to float64 precision


def confident_logits(classes):
    return CONFIDENT * np.eye(10)[np.asarray(classes)]


# ----------------------------------------------------------------------------- MNIST score

def test_mnist_score_of_confident_predictions_spread_evenly_over_ten_digits_is_10():
    assert metrics.mnist_score(confident_logits(np.arange(1000) % 10)) == pytest.approx(10, abs=1e-9)


def test_mnist_score_of_a_single_class_set_is_1():
    assert metrics.mnist_score(confident_logits([7] * 100)) == pytest.approx(1, abs=1e-9)


def test_mnist_score_of_unsure_predictions_is_1():
    assert metrics.mnist_score(np.zeros((100, 10))) == pytest.approx(1)


def test_mnist_score_of_confident_predictions_over_k_digits_is_k():
    assert metrics.mnist_score(confident_logits(np.arange(300) % 3)) == pytest.approx(3, abs=1e-9)


def test_mnist_score_is_taken_over_the_whole_set_not_averaged_over_splits():
    # Sorted halves: each half alone would score 1; TF-GAN scores the whole set once: 2.
    assert metrics.mnist_score(confident_logits([0] * 50 + [1] * 50)) == pytest.approx(2, abs=1e-9)


def test_mnist_score_matches_tf_gans_classifier_score_from_logits():
    """TF-GAN's classifier_score_from_logits, written with its TensorFlow ops (float64)."""
    import tensorflow as tf
    logits = np.random.default_rng(0).normal(0, 3, (200, 10))
    x = tf.constant(logits, tf.float64)
    p = tf.nn.softmax(x)
    q = tf.reduce_mean(p, axis=0)
    kl = tf.reduce_sum(p * (tf.nn.log_softmax(x) - tf.math.log(q)), axis=1)
    expected = float(tf.exp(tf.reduce_mean(kl)))
    assert metrics.mnist_score(logits) == pytest.approx(expected, rel=1e-12)


def test_mnist_score_refuses_an_empty_set():
    with pytest.raises(ValueError, match='logits'):
        metrics.mnist_score(np.zeros((0, 10)))


# ----------------------------------------------------------------------------- Frechet distance

@pytest.fixture(scope='module')
def gaussian_features():
    rng = np.random.default_rng(1)
    mixing = rng.normal(size=(16, 16))
    return rng.normal(size=(2000, 16)) @ mixing, rng.normal(size=(2000, 16)) @ (mixing + rng.normal(size=(16, 16)))


def test_frechet_distance_of_identical_sets_is_0(gaussian_features):
    a, _ = gaussian_features
    assert metrics.frechet_distance(a, a) == pytest.approx(0, abs=1e-7)


def test_frechet_distance_grows_with_a_mean_shift_by_its_squared_length(gaussian_features):
    a, _ = gaussian_features
    distances = [metrics.frechet_distance(a, a + shift) for shift in (0.5, 1.0, 2.0)]
    assert distances == pytest.approx([16 * 0.25, 16 * 1.0, 16 * 4.0], rel=1e-6)


def test_frechet_distance_matches_the_closed_form_for_diagonal_covariances():
    rng = np.random.default_rng(2)
    mean_a, mean_b = rng.normal(size=8), rng.normal(size=8)
    var_a, var_b = rng.uniform(0.1, 4, 8), rng.uniform(0.1, 4, 8)
    expected = ((mean_a - mean_b) ** 2).sum() + ((np.sqrt(var_a) - np.sqrt(var_b)) ** 2).sum()
    assert metrics.frechet_distance_from_moments(mean_a, np.diag(var_a), mean_b, np.diag(var_b)) == \
        pytest.approx(expected, rel=1e-10)


def test_frechet_distance_matches_the_closed_form_for_covariances_with_shared_axes():
    rng = np.random.default_rng(3)
    rotation, _ = np.linalg.qr(rng.normal(size=(8, 8)))  # both covariances diagonal in these axes
    var_a, var_b = rng.uniform(0.1, 4, 8), rng.uniform(0.1, 4, 8)
    sigma_a, sigma_b = rotation @ np.diag(var_a) @ rotation.T, rotation @ np.diag(var_b) @ rotation.T
    expected = ((np.sqrt(var_a) - np.sqrt(var_b)) ** 2).sum()
    assert metrics.frechet_distance_from_moments(np.zeros(8), sigma_a, np.zeros(8), sigma_b) == \
        pytest.approx(expected, rel=1e-9)


def test_frechet_distance_is_symmetric(gaussian_features):
    a, b = gaussian_features
    assert metrics.frechet_distance(a, b) == pytest.approx(metrics.frechet_distance(b, a), rel=1e-9)


def test_frechet_distance_of_singular_covariances_is_finite():
    # ReLU features: some units never fire, so their rows and columns of the covariance are 0.
    rng = np.random.default_rng(4)
    a, b = np.maximum(rng.normal(size=(500, 6)), 0), np.maximum(rng.normal(1, 1, size=(500, 6)), 0)
    a[:, 2] = b[:, 2] = 0
    assert 0 < metrics.frechet_distance(a, b) < np.inf


def test_moments_use_the_unbiased_covariance(gaussian_features):
    a, _ = gaussian_features
    mean, sigma = metrics.moments(a)
    np.testing.assert_allclose(mean, a.mean(axis=0))
    np.testing.assert_allclose(sigma, np.cov(a, rowvar=False, ddof=1))


# ----------------------------------------------------------------------------- histogram, conditional accuracy

def test_class_histogram_counts_the_images_predicted_as_each_digit():
    assert metrics.class_histogram(confident_logits([3, 3, 0, 9, 3])) == [1, 0, 0, 3, 0, 0, 0, 0, 0, 1]


def test_conditional_accuracy_is_the_fraction_predicted_as_the_asked_digit():
    logits = confident_logits([1, 2, 3, 4])
    assert metrics.conditional_accuracy(logits, [1, 2, 0, 0]) == 0.5


def test_conditional_accuracy_takes_one_hot_labels_too():
    logits = confident_logits([1, 2, 3, 4])
    assert metrics.conditional_accuracy(logits, np.eye(10)[[1, 2, 3, 0]]) == 0.75


def test_conditional_accuracy_refuses_labels_for_another_number_of_images():
    with pytest.raises(ValueError, match='3 labels for 4 images'):
        metrics.conditional_accuracy(confident_logits([1, 2, 3, 4]), [1, 2, 3])
