"""Sample quality without eyes: numbers that say how good a set of generated digits is.

Pure NumPy, on what a classifier (tf1gan.evaluation.classifier) says about the images:

- `mnist_score(logits)`: TF-GAN's MNIST score, exp(E_x[KL(p(y|x) || p(y))]), between 1 (every
  image the same class, or no image confidently a digit) and 10 (every image confidently one
  digit, all ten digits equally often).
- `frechet_distance(a, b)`: the Frechet distance between Gaussians fitted to two sets of
  features, |m_a - m_b|^2 + Tr(C_a + C_b - 2 (C_a C_b)^(1/2)); 0 for identical sets.
- `class_histogram(logits)`: how many images the classifier calls 0, 1, ..., 9.
- `conditional_accuracy(logits, digits)`: the fraction called the digit that was asked for.

What was followed: TF-GAN (github.com/tensorflow/gan), `tensorflow_gan/examples/mnist/util.py`
`mnist_score` -> `tensorflow_gan/python/eval/classifier_metrics.py` `classifier_score` ->
`classifier_score_from_logits`. Its `num_batches` only splits the images to run the classifier
in pieces; the logits are concatenated and the score is taken once over the whole set (unlike
the original Inception Score code, which averages the score of 10 splits). It works in float64,
takes p(y) as the mean of the softmax over the set, and computes the KL with log_softmax of the
logits: sum_y p(y|x) (log_softmax(logits)_y - log p(y)). `mnist_score` here does exactly that.
`frechet_distance` follows `frechet_classifier_distance_from_activations` (float64, covariances
with 1/(n - 1), Tr((C_a C_b)^(1/2)) as `trace_sqrt_product` computes it: the trace of the square
root of the symmetric C_a^(1/2) C_b C_a^(1/2)), with the square roots by eigendecomposition
(TF-GAN uses an SVD; for these symmetric positive semi-definite matrices the two agree, up to
TF-GAN leaving eigenvalues below 1e-10 unrooted). One difference of use: TF-GAN's
`mnist_frechet_distance` compares the classifier's 10 logits; tf1gan.evaluate reports that
(`frechet_distance_logits`) and, as its main figure, the distance between the 128 features of
the classifier's penultimate layer, as FID does with Inception's pool layer.

Both figures depend on the number of images: the Frechet distance of a sample is biased upwards,
more so for small samples. Compare figures only between evaluations of the same size.
"""
import numpy as np

NUM_CLASSES = 10


def _logits(logits):
    logits = np.asarray(logits, dtype=np.float64)
    if logits.ndim != 2 or len(logits) == 0:
        raise ValueError(f'expected logits shaped [N, classes] with N >= 1, got {logits.shape}')
    return logits


def log_softmax(logits):
    logits = _logits(logits)
    shifted = logits - logits.max(axis=1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))


def mnist_score(logits):
    """TF-GAN's classifier score of a set of images from their logits [N, classes]:
    exp(mean over x of KL(p(y|x) || p(y))), p(y) the mean of p(y|x) over the set."""
    log_p = log_softmax(logits)
    p = np.exp(log_p)
    q = p.mean(axis=0)
    kl = (p * (log_p - np.log(q))).sum(axis=1)
    return float(np.exp(kl.mean()))


classifier_score = mnist_score


def moments(features):
    """(mean [D], covariance [D, D]) of features [N, D], the covariance with 1/(N - 1) as TF-GAN."""
    features = np.asarray(features, dtype=np.float64)
    if features.ndim != 2 or len(features) < 2:
        raise ValueError(f'expected features shaped [N, D] with N >= 2, got {features.shape}')
    mean = features.mean(axis=0)
    centered = features - mean
    return mean, centered.T @ centered / (len(features) - 1)


def _sqrt_psd(matrix):
    """The symmetric positive semi-definite square root of a symmetric matrix (negative
    eigenvalues, which only rounding makes, count as 0)."""
    eigenvalues, eigenvectors = np.linalg.eigh((matrix + matrix.T) / 2)
    return (eigenvectors * np.sqrt(np.clip(eigenvalues, 0, None))) @ eigenvectors.T


def trace_sqrt_product(sigma_a, sigma_b):
    """Tr((sigma_a sigma_b)^(1/2)) for covariance matrices: the product is not symmetric, but it
    has the eigenvalues of the symmetric A sigma_b A with A = sigma_a^(1/2)."""
    root = _sqrt_psd(np.asarray(sigma_a, dtype=np.float64))
    inner = root @ np.asarray(sigma_b, dtype=np.float64) @ root
    eigenvalues = np.linalg.eigvalsh((inner + inner.T) / 2)
    return float(np.sqrt(np.clip(eigenvalues, 0, None)).sum())


def frechet_distance_from_moments(mean_a, sigma_a, mean_b, sigma_b):
    """|mean_a - mean_b|^2 + Tr(sigma_a + sigma_b - 2 (sigma_a sigma_b)^(1/2)), at least 0
    (rounding can take the exact 0 of identical sets a hair below)."""
    mean_a, mean_b = np.asarray(mean_a, dtype=np.float64), np.asarray(mean_b, dtype=np.float64)
    sigma_a, sigma_b = np.asarray(sigma_a, dtype=np.float64), np.asarray(sigma_b, dtype=np.float64)
    if mean_a.shape != mean_b.shape or sigma_a.shape != sigma_b.shape or sigma_a.shape != mean_a.shape * 2:
        raise ValueError(f'moments of different sizes: {mean_a.shape} {sigma_a.shape}, {mean_b.shape} {sigma_b.shape}')
    distance = (((mean_a - mean_b) ** 2).sum() + np.trace(sigma_a) + np.trace(sigma_b)
                - 2 * trace_sqrt_product(sigma_a, sigma_b))
    return float(max(distance, 0.0))


def frechet_distance(features_a, features_b):
    """The Frechet distance between Gaussians fitted to two sets of features [N, D] and [M, D]."""
    return frechet_distance_from_moments(*moments(features_a), *moments(features_b))


def predicted_classes(logits):
    """The class the classifier gives each image, int [N]."""
    return _logits(logits).argmax(axis=1)


def class_histogram(logits, num_classes=NUM_CLASSES):
    """How many images are predicted as each class: a list of num_classes ints."""
    return np.bincount(predicted_classes(logits), minlength=num_classes).tolist()


def digits_of(labels):
    """Requested digits as ints [N], from ints [N] or one-hot rows [N, 10]."""
    labels = np.asarray(labels)
    if labels.ndim == 2:
        return labels.argmax(axis=1)
    if labels.ndim != 1:
        raise ValueError(f'expected digits [N] or one-hot labels [N, classes], got shape {labels.shape}')
    return labels.astype(np.int64)


def conditional_accuracy(logits, labels):
    """The fraction of images that the classifier calls the digit they were drawn for
    (labels: ints [N] or one-hot rows [N, 10])."""
    predicted = predicted_classes(logits)
    digits = digits_of(labels)
    if digits.shape != predicted.shape:
        raise ValueError(f'{len(digits)} labels for {len(predicted)} images')
    return float((predicted == digits).mean())
