# A seeded MLP of the era (lecture lab 10 style): tf.get_variable with the initializers of the
# day (and none: TF 1.15's default), tf.Variable over tf.random_*, and random ops drawn each run.
import numpy as np
import tensorflow as tf

tf.set_random_seed(777)

X = tf.placeholder(tf.float32, [None, 16])
Y = tf.placeholder(tf.float32, [None, 4])

W1 = tf.get_variable("W1", shape=[16, 32], initializer=tf.glorot_uniform_initializer())
b1 = tf.Variable(tf.random_normal([32]))
L1 = tf.nn.relu(tf.matmul(X, W1) + b1)

W2 = tf.get_variable("W2", shape=[32, 32], initializer=tf.truncated_normal_initializer(stddev=0.1))
b2 = tf.get_variable("b2", shape=[32], initializer=tf.random_uniform_initializer(-0.1, 0.1))
L2 = tf.nn.relu(tf.matmul(L1, W2) + b2)

W3 = tf.get_variable("W3", shape=[32, 4], initializer=tf.variance_scaling_initializer())
W4 = tf.get_variable("W4", shape=[4, 4])
b3 = tf.Variable(tf.random_uniform([4], -1.0, 1.0))
hypothesis = tf.matmul(tf.matmul(L2, W3) + b3, W4)

noise = tf.random_normal([2, 3]) + tf.truncated_normal([2, 3]) + tf.random_uniform([2, 3])
shuffled = tf.random_shuffle(tf.range(8))

cost = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits_v2(logits=hypothesis, labels=Y))
optimizer = tf.train.AdamOptimizer(learning_rate=0.01).minimize(cost)

sess = tf.Session()
sess.run(tf.global_variables_initializer())

for v in tf.global_variables():
    value = sess.run(v)
    print(v.op.name, value.shape, '%.9g' % value.astype(np.float64).sum(), '%.9g' % value.flat[0])
print('noise', sess.run(noise).ravel().tolist(), 'shuffled', sess.run(shuffled).tolist())

x_data = np.linspace(-1, 1, 16 * 8, dtype=np.float32).reshape(8, 16)
y_data = np.eye(4, dtype=np.float32)[[0, 1, 2, 3, 0, 1, 2, 3]]
for step in range(10):
    c, _ = sess.run([cost, optimizer], feed_dict={X: x_data, Y: y_data})
    print('Step:', step, 'cost =', '%.9g' % c)
