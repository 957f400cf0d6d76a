# Seeded reductions as 2016-2019 code wrote them: a loss that is one number already reduced again
# (tf.reduce_mean of tf.nn.l2_loss), a sum over an empty axis list, and tf.reshape to a scalar (the
# batch size as a number), each followed by weights drawn from the graph seed.
import numpy as np
import tensorflow as tf

tf.set_random_seed(777)

X = tf.placeholder(tf.float32, [None, 3])
Y = tf.placeholder(tf.float32, [None, 1])

W1 = tf.Variable(tf.random_normal([3, 4]), name='W1')
hidden = tf.nn.relu(tf.matmul(X, W1))
l2 = tf.reduce_mean(tf.nn.l2_loss(W1))
W2 = tf.Variable(tf.random_normal([4, 1]), name='W2')
per_example = tf.reduce_sum(tf.square(tf.matmul(hidden, W2) - Y), axis=1)
kept = tf.reduce_sum(per_example, axis=[])
b = tf.Variable(tf.random_uniform([1]), name='b')
n = tf.cast(tf.reshape(tf.shape(X)[0:1], []), tf.float32)
c = tf.get_variable('c', shape=[1], initializer=tf.truncated_normal_initializer())
cost = tf.reduce_sum(kept) / n + 0.01 * l2 + tf.reduce_sum(tf.square(b)) + tf.reduce_sum(tf.square(c))
train = tf.train.GradientDescentOptimizer(learning_rate=0.1).minimize(cost)

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for v in tf.global_variables():
        value = sess.run(v)
        print(v.op.name, v.shape, '%.9g' % value.astype(np.float64).sum(), '%.9g' % value.flat[0])

    x_data = np.cos(np.arange(6 * 3, dtype=np.float32)).reshape(6, 3)
    y_data = np.arange(6, dtype=np.float32).reshape(6, 1) / 6
    # The cost, then the step, in runs of their own: in one run, TF 1.15's RefVariables let the cost read
    # weights the step has updated already, or not, as the threads happen to run.
    for step in range(10):
        print(step, '%.9g' % sess.run(cost, feed_dict={X: x_data, Y: y_data}))
        sess.run(train, feed_dict={X: x_data, Y: y_data})
