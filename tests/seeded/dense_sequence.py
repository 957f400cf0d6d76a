# A seeded model over sequences (2017-2018 attention-tutorial style): tf.layers.dense on a
# [batch, time, features] input, which goes through tf.tensordot, then tf.tensordot itself with a
# fully known weight, each followed by more weights drawn from the graph seed.
import numpy as np
import tensorflow as tf

tf.set_random_seed(777)

X = tf.placeholder(tf.float32, [None, 5, 8])
Y = tf.placeholder(tf.float32, [None, 5])

hidden = tf.layers.dense(X, 16, activation=tf.nn.tanh, name='per_step')  # [batch, 5, 16]
W = tf.Variable(tf.random_normal([16, 4]), name='W')
scores = tf.tensordot(hidden, W, axes=[[2], [0]])  # [batch, 5, 4]
V = tf.get_variable('V', shape=[4, 1], initializer=tf.glorot_uniform_initializer())
per_step = tf.tensordot(tf.nn.relu(scores), V, axes=1)  # [batch, 5, 1]
mixed = tf.tensordot(tf.ones([3, 4]), tf.Variable(tf.random_uniform([4, 2])), axes=1)  # both fully known
u = tf.Variable(tf.truncated_normal([1]), name='u')
logits = tf.squeeze(per_step, 2) * u + tf.reduce_sum(mixed)
cost = tf.reduce_mean(tf.nn.sigmoid_cross_entropy_with_logits(logits=logits, labels=Y))
train = tf.train.AdamOptimizer(learning_rate=0.01).minimize(cost)

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for v in tf.global_variables():
        value = sess.run(v)
        print(v.op.name, v.shape, '%.9g' % value.astype(np.float64).sum(), '%.9g' % value.flat[0])

    x_data = np.sin(np.arange(4 * 5 * 8, dtype=np.float32)).reshape(4, 5, 8)
    y_data = (np.arange(4 * 5).reshape(4, 5) % 3 == 0).astype(np.float32)
    for step in range(10):
        c, _ = sess.run([cost, train], feed_dict={X: x_data, Y: y_data})
        print(step, '%.9g' % c)
