# Hello world, the TensorFlow 1.x way: build a graph, then run it in a Session.
import tensorflow as tf

hello = tf.constant('Hello, TensorFlow!')
sess = tf.Session()
print(sess.run(hello))

a = tf.constant(10)
b = tf.constant(32)
print(sess.run(a + b))
sess.close()
