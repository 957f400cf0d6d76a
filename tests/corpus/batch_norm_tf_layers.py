# Batch normalization with tf.layers.batch_normalization and the UPDATE_OPS control dependency (2017 style).
import tensorflow as tf
from tensorflow.examples.tutorials.mnist import input_data
mnist = input_data.read_data_sets("MNIST_data/", one_hot=True)

steps = 1000
X = tf.placeholder(tf.float32, [None, 784])
Y = tf.placeholder(tf.float32, [None, 10])
is_training = tf.placeholder(tf.bool, name='is_training')

h = tf.layers.dense(X, 128, use_bias=False)
h = tf.layers.batch_normalization(h, training=is_training)
h = tf.nn.relu(h)
h = tf.layers.dense(h, 64, use_bias=False)
h = tf.layers.batch_normalization(h, training=is_training)
h = tf.nn.relu(h)
logits = tf.layers.dense(h, 10)

loss = tf.losses.softmax_cross_entropy(onehot_labels=Y, logits=logits)
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
