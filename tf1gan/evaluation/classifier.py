"""A small MNIST classifier that judges generated digits: the eyes of tf1gan.evaluation.metrics.

A two-convolution CNN in tf_keras (Keras 2), trained by scripts/train_classifier.py on the
60,000 MNIST training images; its weights ship as package data
(`tf1gan/evaluation/data/mnist_classifier.weights.h5`, with `mnist_classifier.json` recording the test
accuracy, seed, epochs and command that produced them). Its outputs:

- `logits(images)`: the 10 class logits, for the MNIST score (TF-GAN's classifier score);
- `predict_proba(images)`: their softmax, p(y|x);
- `features(images)`: the 128 units of the penultimate (ReLU) layer, for the Frechet distance.

Images are [N, 784], [N, 28, 28] or [N, 28, 28, 1]; by default their values lie in [0, 1],
as the book's generators (sigmoid) and `tf1gan.runs.draw` (the DCGAN's tanh output rescaled)
produce them. For images in another range, e.g. the DCGAN generator's raw [-1, 1], pass
`value_range=(-1, 1)`: they are mapped linearly to [0, 1] (`to_unit_range`).

The classifier always runs eagerly, even when called inside a TF1 graph (the 9.1/9.2 training
loop), and it draws nothing from any random generator: calling it leaves the training run's
NumPy, Python and TensorFlow random streams, and its graph, as they were.
"""
import contextlib
import functools
import json
import os
import sys

import numpy as np

import tf1gan  # noqa: F401  (selects Keras 2 before TensorFlow is imported)
import tensorflow as tf  # noqa: E402
from tensorflow.python.eager import context  # noqa: E402  (eager_mode: the public API has no way in a graph)

import tf_keras  # noqa: E402

from tf1gan.compat import input_data  # noqa: E402
from tf1gan.errors import InputError  # noqa: E402

DATA_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'data')
WEIGHTS = os.path.join(DATA_DIR, 'mnist_classifier.weights.h5')
INFO = os.path.join(DATA_DIR, 'mnist_classifier.json')

NUM_CLASSES = 10
FEATURES = 128  # the penultimate layer, whose activations the Frechet distance compares
BATCH_SIZE = 1000  # images per forward pass when scoring


def build_model(seed=None):
    """The network, outputting logits. With a seed, every initial weight is drawn from it
    (each layer its own op seed); without, the weights start at zero, for loading: building
    then draws from no random generator at all."""
    def init(index):
        if seed is None:
            return tf_keras.initializers.Zeros()
        return tf_keras.initializers.GlorotUniform(seed=seed * 100 + index)

    layers = tf_keras.layers
    inputs = tf_keras.Input(shape=(28, 28, 1), name='image')
    x = layers.Conv2D(32, 3, activation='relu', kernel_initializer=init(1), name='conv1')(inputs)
    x = layers.MaxPooling2D(2, name='pool1')(x)
    x = layers.Conv2D(64, 3, activation='relu', kernel_initializer=init(2), name='conv2')(x)
    x = layers.MaxPooling2D(2, name='pool2')(x)
    x = layers.Flatten(name='flatten')(x)
    x = layers.Dropout(0.25, seed=None if seed is None else seed * 100 + 3, name='dropout1')(x)
    features = layers.Dense(FEATURES, activation='relu', kernel_initializer=init(4), name='features')(x)
    x = layers.Dropout(0.5, seed=None if seed is None else seed * 100 + 5, name='dropout2')(features)
    logits = layers.Dense(NUM_CLASSES, kernel_initializer=init(6), name='logits')(x)
    return tf_keras.Model(inputs, logits, name='mnist_classifier')


def to_unit_range(images, value_range=(0.0, 1.0)):
    """images as float32 [N, 28, 28, 1] in [0, 1]: [N, 784], [N, 28, 28] or [N, 28, 28, 1]
    whose values lie in value_range (low, high), mapped linearly (tanh's (-1, 1) -> (0, 1))."""
    images = np.asarray(images, dtype=np.float32)
    if images.ndim not in (2, 3, 4) or images.shape[1:] not in ((784,), (28, 28), (28, 28, 1)):
        raise ValueError(f'expected images shaped [N, 784], [N, 28, 28] or [N, 28, 28, 1], got {images.shape}')
    low, high = (float(v) for v in value_range)
    if not high > low:
        raise ValueError(f'value_range must be (low, high) with high > low, got {value_range}')
    if (low, high) != (0.0, 1.0):
        images = (images - low) / (high - low)
    return images.reshape(-1, 28, 28, 1)


class Classifier:
    """The trained network, loaded from a weights file; every method takes images as
    `to_unit_range` does and returns float64 NumPy arrays."""

    def __init__(self, weights=WEIGHTS):
        if not os.path.exists(weights):
            raise InputError(f'the MNIST classifier weights {weights} are missing: '
                                    'python scripts/train_classifier.py writes them')
        with context.eager_mode():
            model = build_model()
            model.load_weights(weights)
            self._outputs = tf_keras.Model(model.input, [model.get_layer('features').output, model.output])
            self._forward = tf.function(lambda x: self._outputs(x, training=False), reduce_retracing=True)
        self.weights = weights

    def features_and_logits(self, images, value_range=(0.0, 1.0)):
        """(features [N, 128], logits [N, 10]) in one pass."""
        images = to_unit_range(images, value_range)
        features, logits = [], []
        with context.eager_mode():
            for start in range(0, len(images), BATCH_SIZE):
                f, lo = self._forward(tf.constant(images[start:start + BATCH_SIZE]))
                features.append(f.numpy())
                logits.append(lo.numpy())
        if not features:
            return np.zeros((0, FEATURES)), np.zeros((0, NUM_CLASSES))
        return np.concatenate(features).astype(np.float64), np.concatenate(logits).astype(np.float64)

    def logits(self, images, value_range=(0.0, 1.0)):
        return self.features_and_logits(images, value_range)[1]

    def features(self, images, value_range=(0.0, 1.0)):
        return self.features_and_logits(images, value_range)[0]

    def predict_proba(self, images, value_range=(0.0, 1.0)):
        return softmax(self.logits(images, value_range))

    def predict(self, images, value_range=(0.0, 1.0)):
        """The predicted digit of each image, int64 [N]."""
        return self.logits(images, value_range).argmax(axis=1)


def softmax(logits):
    logits = np.asarray(logits, dtype=np.float64)
    e = np.exp(logits - logits.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


@functools.lru_cache(maxsize=None)
def load(weights=WEIGHTS):
    """The Classifier of a weights file (the shipped one by default), loaded once per process."""
    return Classifier(weights)


def info(path=INFO):
    """What scripts/train_classifier.py recorded about the shipped weights (test accuracy, seed, ...)."""
    with open(path) as f:
        return json.load(f)


# The shipped classifier, directly:
def logits(images, value_range=(0.0, 1.0)):
    return load().logits(images, value_range)


def features(images, value_range=(0.0, 1.0)):
    return load().features(images, value_range)


def predict_proba(images, value_range=(0.0, 1.0)):
    return load().predict_proba(images, value_range)


def load_mnist(split, data_dir, source_url=input_data.DEFAULT_SOURCE_URL):
    """(images float32 [N, 28, 28, 1] in [0, 1], labels uint8 [N]) of MNIST's 'train' (60,000,
    file order) or 'test' (10,000) images, scaled as the reader scales them. Unlike
    read_data_sets this prints nothing and leaves NumPy's global generator alone, so a
    training loop may call it. Missing files are fetched, every file verified (MnistError)."""
    with contextlib.redirect_stdout(sys.stderr):  # 'Successfully downloaded ...', if it downloads
        images, labels = input_data.load_mnist(split, data_dir, source_url)
    images = images.reshape(-1, 28, 28, 1).astype(np.float32)
    return np.multiply(images, 1.0 / 255.0, out=images), labels
