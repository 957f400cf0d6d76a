# Batch normalization with tf.contrib.layers.batch_norm (2016-2017 style), updates_collections left as is.
import tensorflow as tf
from tensorflow.examples.tutorials.mnist import input_data
mnist = input_data.read_data_sets("MNIST_data/", one_hot=True)

steps = 1000
X = tf.placeholder(tf.float32, [None, 784])
Y = tf.placeholder(tf.float32, [None, 10])
is_training = tf.placeholder(tf.bool, name='is_training')

h = tf.contrib.layers.fully_connected(X, 128, activation_fn=None)
h = tf.contrib.layers.batch_norm(h, center=True, scale=True, is_training=is_training)
h = tf.nn.relu(h)
logits = tf.contrib.layers.fully_connected(h, 10, activation_fn=None)

loss = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits_v2(labels=Y, logits=logits))
update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
with tf.control_dependencies(update_ops):
    train_op = tf.train.AdamOptimizer(0.001).minimize(loss)

accuracy = tf.reduce_mean(tf.cast(tf.equal(tf.argmax(logits, 1), tf.argmax(Y, 1)), tf.float32))
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for step in range(steps):
        batch_xs, batch_ys = mnist.train.next_batch(100)
        _, l = sess.run([train_op, loss], feed_dict={X: batch_xs, Y: batch_ys, is_training: True})
        if step % 50 == 0:
            print('step', step, 'loss', l)
    print('Accuracy:', sess.run(accuracy, feed_dict={X: mnist.test.images, Y: mnist.test.labels, is_training: False}))
