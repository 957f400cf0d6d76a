# Issue 20's snippet: two seeded tf.Variables, printed as TF 1.15 printed them.
import tensorflow as tf

tf.set_random_seed(777)
W = tf.Variable(tf.random_normal([1]), name="weight")
b = tf.Variable(tf.random_normal([1]), name="bias")

sess = tf.Session()
sess.run(tf.global_variables_initializer())
print(sess.run(W), sess.run(b))
