"""Iterations per second of each listing's real training loop.

    python benchmarks/train_speed.py --source_url=../shared/mnist [--models=gan,cgan,dcgan]

gan, cgan: a fresh graph, the book's hyper-parameters, 50 warm-up iterations, then
`--iterations` timed iterations of tf1gan.train.run_epoch (next_batch, get_noise and the two
Session.runs, exactly what a training run does). dcgan: the listing's models, 5 warm-up
iterations of tf1gan.dcgan.gan_train, then `--dcgan_iterations` timed ones (no pictures).
Prints one line per model and the peak RSS of the process.
"""
import resource
import time

from absl import app, flags

import tf1gan  # noqa: F401
import tensorflow.compat.v1 as tf

from tf1gan import input_data, listing, train

flags.DEFINE_integer('iterations', 1100, 'Timed iterations per model (two epochs of the book).', lower_bound=1)
flags.DEFINE_integer('dcgan_iterations', 50, 'Timed DCGAN iterations.', lower_bound=1)
flags.DEFINE_list('models', ['gan', 'cgan', 'dcgan'], 'Models to time.')
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


def dcgan_iterations_per_second(iterations):
    from tf1gan import dcgan
    X_train = dcgan.load_X_train(FLAGS.data_dir, FLAGS.source_url)
    models = dcgan.build()
    hp = dcgan.HPARAMS
    # Iterations 1..n: the listing draws a picture at iteration 0 only (saving_interval is huge).
    train = lambda n: dcgan.gan_train(models, X_train, n + 1, hp['batch_size'], saving_interval=10**9,  # noqa: E731
                                      sample_dir='unused', n_noise=hp['n_noise'], log=lambda line: None, start=1)
    train(5)
    start = time.perf_counter()
    train(iterations)
    return iterations / (time.perf_counter() - start)


def main(argv):
    del argv
    for model in FLAGS.models:
        if model == 'dcgan':
            rate, iterations = dcgan_iterations_per_second(FLAGS.dcgan_iterations), FLAGS.dcgan_iterations
        else:
            rate, iterations = iterations_per_second(model, FLAGS.iterations), FLAGS.iterations
        print(f'{model}: {rate:.2f} iterations/s (the listing\'s loop, {iterations} timed iterations)')
    print(f'peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB')


if __name__ == '__main__':
    app.run(main)
