"""Flags the TF1 way: tf.app.flags, read in main, started by tf.app.run() (2016-2018 style)."""
import tensorflow as tf

flags = tf.app.flags
flags.DEFINE_integer('seed', 1, 'Random seed.')
flags.DEFINE_string('data_dir', '/tmp/mnist', 'Directory for storing input data.')
flags.DEFINE_float('learning_rate', 0.1, 'Initial learning rate.')
FLAGS = flags.FLAGS


def main(_):
    print('seed=%d data_dir=%s learning_rate=%s' % (FLAGS.seed, FLAGS.data_dir, FLAGS.learning_rate))
    print('argv=%s' % _)
    tf.set_random_seed(FLAGS.seed)
    with tf.Session() as sess:
        print('sum', sess.run(tf.reduce_sum(tf.ones([2, 2]))))


if __name__ == '__main__':
    tf.app.run()
