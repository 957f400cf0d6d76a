"""Flags the absl way (TF 1.13-era): from absl import app, flags; app.run(main)."""
from absl import app
from absl import flags
import tensorflow as tf

FLAGS = flags.FLAGS
flags.DEFINE_integer('steps', 10, 'How many steps.')
flags.DEFINE_string('name', 'corpus', 'A name.')


def main(argv):
    print('steps:', FLAGS.steps, 'name:', FLAGS.name)
    print('argv:', argv)
    x = tf.Variable(0)
    inc = tf.assign_add(x, 1)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for _ in range(FLAGS.steps):
            sess.run(inc)
        print('x:', sess.run(x))


if __name__ == '__main__':
    app.run(main)
