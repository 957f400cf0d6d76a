"""--seed: one number that fixes every random draw of a run.

TensorFlow's graph-level seed fixes the initial weights (op seeds follow from it, by TF
1.15's rule inside a graph: tf1gan.compat.tf1_seeds, so a seed gives the book's TF 1.15 numbers), op
determinism fixes the kernels, and NumPy's legacy global generator fixes batches and noise.
The MNIST reader re-seeds NumPy from the graph seed as TF 1.15's did, so the book's order
of draws is kept. Without a seed every draw is random, as in the book.

Keras 2 initialisers (tf.layers.dense in 9.2, the DCGAN's layers) draw their seeds from
Python's `random` module when none is given, so that is seeded too.
"""
import contextlib
import random

import numpy as np
import tensorflow as tf
from tensorflow.python.framework import config as tf_config  # the public API can only enable it

from tf1gan.compat import tf1_seeds


def seed_graph(seed):
    """Call inside the run's graph, before the data is read and the model is built (or outside
    any graph, for eager Keras: TensorFlow 2's global seed and rule)."""
    if not tf.executing_eagerly():
        tf1_seeds.use_tf1_seeds(tf.compat.v1.get_default_graph())
    if seed is None:
        # Op determinism is process-wide and refuses unseeded random ops: an earlier seeded
        # run in this process (tests, a notebook) must not leak into this one.
        tf_config.disable_op_determinism()
        return
    tf.compat.v1.set_random_seed(seed)
    tf.config.experimental.enable_op_determinism()
    np.random.seed(seed)
    random.seed(seed)


@contextlib.contextmanager
def numpy_aside(seed):
    """NumPy's global generator seeded with `seed` inside, and put back as it was after: draws
    made here (say, the noise of an evaluation) leave the run's own stream untouched."""
    state = np.random.get_state()
    np.random.seed(seed)
    try:
        yield
    finally:
        np.random.set_state(state)
