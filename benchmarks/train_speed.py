"""Iterations per second of each listing's real training loop (9.1.12 / 9.2.9).

    python benchmarks/train_speed.py --source_url=../shared/mnist [--iterations=1100]

Per model: a fresh graph, the book's hyper-parameters, 50 warm-up iterations, then
`--iterations` timed iterations of tf1gan.train.run_epoch (next_batch, get_noise and the two
Session.runs, exactly what a training run does). Prints one line per model and the peak RSS.
"""
import resource
import time

from absl import app, flags

import tf1gan  # noqa: F401
import tensorflow.compat.v1 as tf

from tf1gan import input_data, listing, train

flags.DEFINE_integer('iterations', 1100, 'Timed iterations per model (two epochs of the book).', lower_bound=1)
flags.DEFINE_list('models', ['gan', 'cgan'], 'Models to time.')
flags.DEFINE_string('data_dir', './mnist/data/', 'Where MNIST is kept.')
flags.DEFINE_string('source_url', input_data.DEFAULT_SOURCE_URL, 'Where missing MNIST files come from.')
FLAGS = flags.FLAGS


def iterations_per_second(model, iterations):
    module = listing.load(model)
    hp = module.HPARAMS
    with tf.Graph().as_default():
        mnist = input_data.read_data_sets(FLAGS.data_dir, one_hot=True, source_url=FLAGS.source_url)
        graph = module.build(n_hidden=hp['n_hidden'], n_noise=hp['n_noise'], learning_rate=hp['learning_rate'])
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            epoch = lambda n: train.run_epoch(sess, graph, module, mnist, hp['batch_size'], hp['n_noise'], n)  # noqa: E731
            epoch(50)
            start = time.perf_counter()
            epoch(iterations)
            return iterations / (time.perf_counter() - start)


def main(argv):
    del argv
    for model in FLAGS.models:
        print(f'{model}: {iterations_per_second(model, FLAGS.iterations):.1f} iterations/s '
              f'(book loop, {FLAGS.iterations} iterations)')
    print(f'peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB')


if __name__ == '__main__':
    app.run(main)
