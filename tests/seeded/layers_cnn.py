# A seeded tf.layers CNN of the era (the book's chapter 6 style): conv2d, max_pooling2d,
# batch_normalization, dropout, dense, and a conv2d_transpose decoder, on seeded NumPy data.
import numpy as np
import tensorflow as tf

tf.set_random_seed(1)
np.random.seed(1)

X = tf.placeholder(tf.float32, [None, 28, 28, 1])
Y = tf.placeholder(tf.float32, [None, 10])
is_training = tf.placeholder(tf.bool)

L1 = tf.layers.conv2d(X, 32, [3, 3], activation=tf.nn.relu)
L1 = tf.layers.max_pooling2d(L1, [2, 2], [2, 2])
L1 = tf.layers.batch_normalization(L1, training=is_training)
L1 = tf.layers.dropout(L1, 0.3, training=is_training)

L2 = tf.layers.conv2d(L1, 64, [3, 3], padding='same', activation=tf.nn.relu)
L2 = tf.layers.max_pooling2d(L2, [2, 2], [2, 2])
L2 = tf.layers.dropout(L2, 0.3, training=is_training)

L3 = tf.layers.flatten(L2)
L3 = tf.layers.dense(L3, 128, activation=tf.nn.relu)
L3 = tf.layers.dropout(L3, 0.5, training=is_training)
model = tf.layers.dense(L3, 10, activation=None)

decoded = tf.layers.conv2d_transpose(L2, 1, [4, 4], strides=(5, 5), padding='same', activation=tf.nn.sigmoid)

cost = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits_v2(logits=model, labels=Y))
cost += tf.reduce_mean(tf.square(decoded[:, :28, :28, :] - X))
update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
with tf.control_dependencies(update_ops):
    optimizer = tf.train.AdamOptimizer(0.001).minimize(cost)

sess = tf.Session()
sess.run(tf.global_variables_initializer())

for v in tf.global_variables():
    value = sess.run(v)
    print(v.op.name, value.shape, '%.9g' % value.astype(np.float64).sum(), '%.9g' % value.flat[0])

batch_xs = np.random.uniform(size=(20, 28, 28, 1))
batch_ys = np.eye(10)[np.random.randint(0, 10, 20)]
for step in range(10):
    _, cost_val = sess.run([optimizer, cost], feed_dict={X: batch_xs, Y: batch_ys, is_training: True})
    print('Step:', step, 'cost =', '%.9g' % cost_val)
