# A seeded MLP with dropout (lecture lab 10 style): tf.nn.dropout with keep_prob and with rate
# between tf.get_variable and tf.Variable layers, trained with a keep_prob of 0.7.
import numpy as np
import tensorflow as tf

tf.set_random_seed(777)

X = tf.placeholder(tf.float32, [None, 16])
Y = tf.placeholder(tf.float32, [None, 4])
keep_prob = tf.placeholder(tf.float32)

W1 = tf.get_variable("W1", shape=[16, 32], initializer=tf.glorot_uniform_initializer())
b1 = tf.Variable(tf.random_normal([32]))
L1 = tf.nn.dropout(tf.nn.relu(tf.matmul(X, W1) + b1), keep_prob=keep_prob)

W2 = tf.get_variable("W2", shape=[32, 32], initializer=tf.truncated_normal_initializer(stddev=0.1))
L2 = tf.nn.dropout(tf.nn.relu(tf.matmul(L1, W2)), rate=0.25)

W3 = tf.Variable(tf.random_uniform([32, 4], -1.0, 1.0))
hypothesis = tf.matmul(L2, W3)
cost = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits_v2(logits=hypothesis, labels=Y))
train = tf.train.GradientDescentOptimizer(learning_rate=0.1).minimize(cost)

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for v in tf.global_variables():
        print(v.op.name, v.shape, '%.9g' % sess.run(v).astype(np.float64).sum())

    x_data = np.linspace(-1, 1, 16 * 8, dtype=np.float32).reshape(8, 16)
    y_data = np.eye(4, dtype=np.float32)[[0, 1, 2, 3, 0, 1, 2, 3]]
    for step in range(10):
        c, _ = sess.run([cost, train], feed_dict={X: x_data, Y: y_data, keep_prob: 0.7})
        print(step, '%.9g' % c)
