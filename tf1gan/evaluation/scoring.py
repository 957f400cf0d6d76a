"""The figures of a set of generated digits, judged by tf1gan's MNIST classifier (tf1gan.evaluation.classifier):
MNIST score, Frechet distances (classifier features and logits), the predicted-digit histogram and, for a
conditional GAN, conditional accuracy; what each means is in tf1gan.evaluate's help, the command's.

evaluate_run scores a run's newest checkpoint, evaluate_reference images that are not generated (for the scale),
and training calls `evaluate_images(images, labels, real_images=mnist.test.images)` (--eval_every).
"""
import hashlib
import os

import numpy as np

from tf1gan import errors
from tf1gan.compat import input_data
from tf1gan.evaluation import metrics
from tf1gan.listings import registry
from tf1gan.runs import folders

REFERENCES = ('real', 'train', 'noise')

# ----------------------------------------------------------------------------- data

def _load_mnist(split, data_dir, source_url):
    from tf1gan.evaluation import classifier  # imports TensorFlow
    return classifier.load_mnist(split, data_dir, source_url)


def reference_images(kind, num, seed, data_dir, source_url=input_data.DEFAULT_SOURCE_URL):
    """(num images [num, 28, 28, 1] in [0, 1] that are not generated, their true digits or None
    for noise): see --reference."""
    if kind == 'noise':
        return np.random.default_rng(seed).uniform(0, 1, (num, 28, 28, 1)).astype(np.float32), None
    images, labels = _load_mnist('test' if kind == 'real' else 'train', data_dir, source_url)
    if num > len(images):
        raise errors.UsageError(f'--reference={kind} has {len(images)} images; --num={num} asks for more')
    picked = np.sort(np.random.default_rng(seed).permutation(len(images))[:num]) if kind == 'real' else slice(num)
    return images[picked], labels[picked]


# ----------------------------------------------------------------------------- scoring

def _fingerprint(images):
    images = np.ascontiguousarray(images, dtype=np.float32)
    return images.shape, hashlib.sha1(images.tobytes()).hexdigest()


_REFERENCE_MOMENTS = {}  # per process: {(images fingerprint, weights): moments}


def reference_moments(real_images, weights=None):
    """((mean, covariance) of the classifier features, (mean, covariance) of its logits, count)
    of real images in [0, 1]; computed once per process for the same images."""
    key = _fingerprint(real_images), weights
    if key not in _REFERENCE_MOMENTS:
        features, logits = _classifier(weights).features_and_logits(real_images)
        if len(_REFERENCE_MOMENTS) >= 4:
            _REFERENCE_MOMENTS.clear()
        _REFERENCE_MOMENTS[key] = metrics.moments(features), metrics.moments(logits), len(logits)
    return _REFERENCE_MOMENTS[key]


def _classifier(weights=None):
    from tf1gan.evaluation import classifier  # imports TensorFlow
    return classifier.load() if weights is None else classifier.load(weights)


def evaluate_images(images, labels=None, real_images=None, value_range=(0.0, 1.0), weights=None):
    """The figures of a set of images (at least 2): [N, 784], [N, 28, 28] or [N, 28, 28, 1],
    values in value_range ((0, 1) by default; the DCGAN generator's raw output: (-1, 1)).

    labels: the digit each image was drawn for (ints [N] or one-hot [N, 10]), for conditional
    accuracy. real_images: the reference for the Frechet distances, values in [0, 1] (in
    training: mnist.test.images); their statistics are computed once per process. Keys that need
    what was not given are None. Cheap enough for a training loop at 1,000 images."""
    features, logits = _classifier(weights).features_and_logits(images, value_range)
    result = dict(num_images=len(logits), mnist_score=metrics.mnist_score(logits),
                  frechet_distance=None, frechet_distance_logits=None, reference_images=None,
                  class_histogram=metrics.class_histogram(logits), conditional_accuracy=None,
                  conditional_accuracy_per_digit=None)
    if real_images is not None:
        real_features, real_logits, count = reference_moments(real_images, weights=weights)
        result.update(frechet_distance=metrics.frechet_distance_from_moments(*metrics.moments(features),
                                                                             *real_features),
                      frechet_distance_logits=metrics.frechet_distance_from_moments(*metrics.moments(logits),
                                                                                    *real_logits),
                      reference_images=count)
    if labels is not None:
        digits = metrics.digits_of(labels)
        result['conditional_accuracy'] = metrics.conditional_accuracy(logits, digits)
        result['conditional_accuracy_per_digit'] = [
            metrics.conditional_accuracy(logits[digits == d], digits[digits == d]) if (digits == d).any() else None
            for d in range(metrics.NUM_CLASSES)]
    return result


def draw_images(run_dir, num, seed=None):
    """(images [num, 784] in [0, 1], requested digits [num] or None, model) from the run's newest
    checkpoint: gan and dcgan num images, a conditional GAN (cgan, cgan_cnn) num/10 of each digit 0-9."""
    from tf1gan.runs import draw  # imports TensorFlow
    model = folders.read_record(run_dir)['model']
    if registry.conditional(model):
        if num % 10:
            raise errors.UsageError(f'a {model} draws the same number of each digit: --num={num} is not a multiple '
                                    'of 10')
        rows = draw.draw(run_dir, digits='all', num=num // 10, seed=seed)
        digits = np.concatenate([row.argmax(axis=1) for row in draw.labels_for('all', num // 10)])
        return np.concatenate(rows), digits, model
    return np.concatenate(draw.draw(run_dir, num=num, seed=seed)), None, model


def evaluate_run(run_dir, num=10000, seed=0, data_dir='./mnist/data/', source_url=input_data.DEFAULT_SOURCE_URL):
    """evaluate_images of num images drawn from the run's newest checkpoint, against the MNIST test
    set, with where they came from."""
    from tf1gan.runs import checkpoint
    real_images, _ = _load_mnist('test', data_dir, source_url)  # a bad MNIST folder fails before drawing
    images, digits, model = draw_images(run_dir, num, seed)
    result = evaluate_images(images, digits, real_images=real_images)
    latest = checkpoint.latest(os.path.join(run_dir, 'checkpoints'), weights_only=True)  # the one drawn from
    return dict(source=dict(run=run_dir, checkpoint=os.path.basename(latest), model=model, seed=seed),
                **result, classifier=_classifier_record())


def evaluate_reference(kind, num=10000, seed=0, data_dir='./mnist/data/', source_url=input_data.DEFAULT_SOURCE_URL):
    """evaluate_images of num reference images (see --reference) against the MNIST test set;
    for real images, 'conditional accuracy' is the classifier's accuracy on them."""
    real_images, _ = _load_mnist('test', data_dir, source_url)
    images, labels = reference_images(kind, num, seed, data_dir, source_url)
    result = evaluate_images(images, labels, real_images=real_images)
    return dict(source=dict(reference=kind, seed=seed), **result, classifier=_classifier_record())


def _classifier_record():
    from tf1gan.evaluation import classifier
    try:
        recorded = classifier.info()
    except (OSError, ValueError):
        recorded = {}
    return dict(weights=os.path.basename(classifier.WEIGHTS), test_accuracy=recorded.get('test_accuracy'),
                test_mnist_score=recorded.get('test_mnist_score'))


def summary(result):
    """A few human-readable lines about an evaluate_* result."""
    source = result.get('source', {})
    test_score = result.get('classifier', {}).get('test_mnist_score')
    if 'reference' in source:
        what = f'reference images: {source["reference"]}'
    elif 'model' in source:
        what = f'{source["model"]} {source["run"]} ({source["checkpoint"]})'
    else:
        what = 'images'
    lines = [f'{what}: {result["num_images"]} images' + (f', seed {source["seed"]}' if 'seed' in source else ''),
             f'MNIST score: {result["mnist_score"]:.3f} (1 to 10'
             + (f'; the MNIST test images: {test_score:.3f})' if test_score else ')')]
    if result['frechet_distance'] is not None:
        lines.append(f'Frechet distance to the {result["reference_images"]} MNIST test images: '
                     f'{result["frechet_distance"]:.4g} (classifier features), '
                     f'{result["frechet_distance_logits"]:.4g} (logits); 0 is indistinguishable')
    lines.append('predicted digits: ' + '  '.join(f'{d}:{n}' for d, n in enumerate(result['class_histogram'])))
    if result['conditional_accuracy'] is not None:
        per_digit = '  '.join(f'{d}:{a:.3f}' for d, a in enumerate(result['conditional_accuracy_per_digit'])
                              if a is not None)
        lines.append(f'{"conditional accuracy" if "model" in source else "classifier accuracy"}: '
                     f'{result["conditional_accuracy"]:.4f} ({per_digit})')
    return '\n'.join(lines)
