# tf.enable_eager_execution() after `import tensorflow as tf`: eager from then on, and TF 2's tf.random.set_seed.
import tensorflow as tf

print('before:', 'eager' if tf.executing_eagerly() else 'graph')
tf.enable_eager_execution()
print('after:', 'eager' if tf.executing_eagerly() else 'graph')
tf.random.set_seed(3)
print('seed set:', 3, tf.random.uniform([1]).shape)
