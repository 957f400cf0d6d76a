"""Where one training iteration of 9.1 / 9.2 / 9.2 with CNNs spends its time, and how fast its matmuls can go.

    python benchmarks/step_profile.py [--model=gan|cgan|cgan_cnn]

1. Traces `--runs` Session.runs of the fast loop (tf1gan.training.fused: fused.CHUNK iterations each,
   in the book's default session) with
   TensorFlow's step stats and prints the share of kernel time by kind: matmuls (with the
   bias and activation oneDNN fuses into them), Adam updates, everything else.
2. Times the listing's matmul shapes (batch 100: 100x784x256 and 100x256x784) and a
   1024x1024 one inside one Session.run, on 1 and on 2 threads, in GFLOP/s.
"""
import collections

from absl import app, flags
import numpy as np

import tf1gan  # noqa: F401
import tensorflow.compat.v1 as tf

from tf1gan.training import fused
from tf1gan.listings import registry
from tf1gan.compat import seeding

import matmul  # benchmarks/matmul.py, beside this script

flags.DEFINE_enum('model', 'gan', ['gan', 'cgan', 'cgan_cnn'], 'Listing to trace.')
flags.DEFINE_integer('runs', 2, 'Traced Session.runs of fused.CHUNK iterations (after 2 untraced ones).',
                     lower_bound=1)
FLAGS = flags.FLAGS


def kind(label):
    """The kind of kernel a step-stats timeline label names."""
    name = label.split('=')[0]
    if 'Conv2D' in name or 'conv2d' in name.split('/')[-1]:
        return 'convolution (forward and both gradients)'
    if 'BatchNorm' in name or 'batch_normalization' in name:
        return 'batch normalization (+ its moving averages)'
    if 'MatMul' in name or 'Relu' in name.split('/')[-1] or 'Sigmoid ' in name or 'Sigmoid_' in name:
        return 'matmul (+ fused bias/activation)'
    return 'Adam update' if 'Adam' in name else 'other'


def kernel_time_by_kind(model, runs):
    module = registry.load(model)
    hp = module.HPARAMS
    with tf.Graph().as_default():
        seeding.seed_graph(0)
        fast = fused.FusedLoop(module, n_hidden=hp['n_hidden'], n_noise=hp['n_noise'],
                               learning_rate=hp['learning_rate'])
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            rng = np.random.RandomState(0)
            draw = (rng.rand(100, 784), np.eye(10)[rng.randint(0, 10, 100)], module.get_noise(100, hp['n_noise']))
            feed = fast.feed([draw] * fused.CHUNK)
            for _ in range(2):
                sess.run(fast.fetches, feed)
            micros = collections.Counter()
            for _ in range(runs):
                metadata = tf.RunMetadata()
                sess.run(fast.fetches, feed, options=tf.RunOptions(trace_level=tf.RunOptions.FULL_TRACE),
                         run_metadata=metadata)
                for device in metadata.step_stats.dev_stats:
                    for node in device.node_stats:
                        micros[kind(node.timeline_label or node.node_name)] += node.all_end_rel_micros
    return micros


def main(argv):
    del argv
    micros = kernel_time_by_kind(FLAGS.model, FLAGS.runs)
    total = sum(micros.values())
    per_iteration = total / (FLAGS.runs * fused.CHUNK) / 1000
    print(f'{FLAGS.model}: kernel time of one fast-loop iteration, {per_iteration:.2f} ms summed over ops')
    for name, value in micros.most_common():
        print(f'  {name}: {100 * value / total:.0f}%')
    for shape in [(100, 784, 256), (100, 256, 784), (1024, 1024, 1024)]:
        rates = ', '.join(f'{threads} thread{"s" if threads > 1 else ""} {matmul.matmul_gflops(*shape, threads):.0f}'
                          for threads in (1, 2))
        print(f'matmul {"x".join(map(str, shape))}: {rates} GFLOP/s')


if __name__ == '__main__':
    app.run(main)
