"""Which float32 kernels round as TensorFlow 1.15's did: the same inputs through the same ops in TF 1.15
and in this TensorFlow, and how many outputs differ (bit for bit) and by how much.

    python benchmarks/tf115_kernels.py --tf115_python=<TF 1.15's python>

This is why seeded TF1 scripts that start from TF 1.15's weights bit for bit still drift from its
losses over training (BUILD.md, "Seeds: TensorFlow 1.15's numbers"). The same file runs under both
Pythons: under TF 1.15 it only computes (--save).
"""
import argparse
import os
import subprocess
import sys
import tempfile

import numpy as np


def outputs():
    """{kernel: its float32 outputs} for fixed inputs, fed through placeholders in a TF1 graph (constants
    would be folded by Grappler before any kernel runs: the folded value is not the kernel's)."""
    import tensorflow as tf
    from tensorflow.python.ops import gen_math_ops, gen_nn_ops
    if hasattr(tf.compat, 'v1'):
        tf = tf.compat.v1
        tf.disable_eager_execution()
    rng = np.random.RandomState(0)
    values = {'x': rng.randn(100000).astype(np.float32) * 4, 'p': rng.rand(100000).astype(np.float32),
              'a': rng.randn(256, 784).astype(np.float32), 'b': rng.randn(784, 256).astype(np.float32) * 0.05,
              # 9.1 and 9.2's shapes: a batch of 100 images, a hidden layer of 256, D's one output.
              'images': rng.rand(100, 784).astype(np.float32), 'kernel': rng.randn(784, 256).astype(np.float32) * 0.05,
              'hidden': rng.rand(100, 256).astype(np.float32), 'out': rng.randn(256, 1).astype(np.float32) * 0.05,
              'bias': rng.randn(1).astype(np.float32), 'dy': rng.randn(100, 256).astype(np.float32)}
    fed = {name: tf.placeholder(tf.float32, value.shape) for name, value in values.items()}
    x, p, a, b = fed['x'], fed['p'], fed['a'], fed['b']
    kernels = {'matmul 256x784x256': tf.matmul(a, b),
               'matmul 100x784x256 (D\'s hidden layer)': tf.matmul(fed['images'], fed['kernel']),
               'matmul 784x100x256, transpose_a (its kernel\'s gradient)': tf.matmul(fed['images'], fed['dy'],
                                                                                   transpose_a=True),
               'matmul 100x256x1 + bias (D\'s output layer)': tf.nn.bias_add(tf.matmul(fed['hidden'], fed['out']),
                                                                             fed['bias']),
               'relu': tf.nn.relu(x), 'sigmoid': tf.sigmoid(x),
               'tanh': tf.tanh(x), 'exp': tf.exp(x), 'log': tf.log(p), 'log1p': tf.log1p(p), 'sqrt': tf.sqrt(p),
               'sigmoid_cross_entropy_with_logits': tf.nn.sigmoid_cross_entropy_with_logits(
                   logits=x, labels=tf.ones_like(x)),
               'reduce_sum of 100,000': tf.reduce_sum(x), 'reduce_mean of 100,000': tf.reduce_mean(x),
               'reduce_mean of 100 (a loss over the batch)': tf.reduce_mean(fed['hidden'][:, 0]),
               'BiasAddGrad over a batch of 100 (a bias\'s gradient)': gen_nn_ops.bias_add_grad(fed['dy']),
               # The gradients of the same outputs (the ops take sigmoid's and tanh's outputs y, and dy).
               'SigmoidGrad (sigmoid\'s gradient)': gen_math_ops.sigmoid_grad(p, x),
               'TanhGrad (tanh\'s gradient)': gen_math_ops.tanh_grad(p, x)}
    # Adam's update (ApplyAdam, or ResourceApplyAdam for TF 2's resource variables): two steps, both
    # slots and the variable's sum of squares starting from the same values.
    variable = tf.Variable(values['kernel'])
    step = tf.train.AdamOptimizer(0.0002).apply_gradients([(fed['b'], variable)])
    feed = {fed[name]: value for name, value in values.items()}
    with tf.Session() as sess:
        results = sess.run(kernels, feed)
        sess.run(tf.global_variables_initializer())
        sess.run(step, feed)
        sess.run(step, {**feed, fed['b']: values['b'][::-1]})
        results['Adam, two steps (a 784x256 kernel)'] = sess.run(variable)
        return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--tf115_python')
    parser.add_argument('--save', help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.save:
        np.savez(args.save, **outputs())
        return
    if not args.tf115_python:
        parser.error('--tf115_python is required')
    os.environ['TF_CPP_MIN_LOG_LEVEL'] = '2'
    with tempfile.TemporaryDirectory() as folder:
        saved = os.path.join(folder, 'tf115.npz')
        subprocess.run([args.tf115_python, __file__, '--save=' + saved], check=True, stderr=subprocess.DEVNULL)
        theirs = dict(np.load(saved))
    import tf1gan  # noqa: F401  (Keras 2 before TensorFlow loads, as everywhere in tf1gan)
    mine = outputs()
    print('| kernel | outputs | differ from TF 1.15\'s | by at most (float32 units in the last place) |')
    print('| --- | --- | --- | --- |')
    for name, expected in theirs.items():
        differ = mine[name] != expected
        print(f'| {name} | {expected.size:,} | {differ.sum():,} | {ulps(mine[name], expected).max():,} |')


def ulps(a, b):
    """How many float32 values lie between a and b (elementwise): 1 for neighbours."""
    def ordered(x):  # the float32 bit patterns as integers in the floats' own order
        bits = np.ascontiguousarray(x, np.float32).view(np.int32).astype(np.int64)
        return np.where(bits < 0, -(bits & 0x7FFFFFFF), bits)
    return np.abs(ordered(a) - ordered(b))


if __name__ == '__main__':
    sys.exit(main())
