# tf.flags with TF 1.x's old keyword names, read without tf.app.run (TF 1.x parsed sys.argv on first read).
import tensorflow as tf

tf.flags.DEFINE_integer(flag_name='batch_size', default_value=32, docstring='Batch size.')
FLAGS = tf.flags.FLAGS

print('batch_size = %d (old keywords)' % FLAGS.batch_size)
