# Eager execution basics (TF 1.5-1.13): tf.enable_eager_execution(), tfe = tf.contrib.eager.
from __future__ import print_function
import numpy as np
import tensorflow as tf
import tensorflow.contrib.eager as tfe

tf.enable_eager_execution()
print('executing eagerly:', tfe.executing_eagerly())

a = tf.constant(2)
b = tf.constant(3)
print("a * b = %i" % (a * b))

c = np.array([[1., 1.]], dtype=np.float32)
d = tf.constant([[1., 2.]])
print(np.array2string((c + d).numpy()))
