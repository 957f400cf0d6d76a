# The same CNN with tf.contrib.layers (2017 style): conv2d, max_pool2d, flatten, fully_connected, dropout.
import tensorflow as tf
from tensorflow.examples.tutorials.mnist import input_data
slim = tf.contrib.layers
mnist = input_data.read_data_sets("./mnist/data/", one_hot=True)

steps = 1000
X = tf.placeholder(tf.float32, [None, 28, 28, 1])
Y = tf.placeholder(tf.float32, [None, 10])
is_training = tf.placeholder(tf.bool)

net = slim.conv2d(X, 16, [3, 3], padding='SAME')
net = slim.max_pool2d(net, [2, 2])
net = slim.conv2d(net, 32, [3, 3], padding='SAME')
net = slim.max_pool2d(net, [2, 2])
net = slim.flatten(net)
net = slim.fully_connected(net, 128)
net = slim.dropout(net, keep_prob=0.5, is_training=is_training)
model = slim.fully_connected(net, 10, activation_fn=None)

cost = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits_v2(logits=model, labels=Y))
optimizer = tf.train.AdamOptimizer(0.001).minimize(cost)

sess = tf.Session()
sess.run(tf.global_variables_initializer())
for step in range(steps):
    batch_xs, batch_ys = mnist.train.next_batch(50)
    _, cost_val = sess.run([optimizer, cost], feed_dict={X: batch_xs.reshape(-1, 28, 28, 1), Y: batch_ys,
                                                        is_training: True})
    if step % 40 == 0:
        print('Step:', step, 'cost =', '{:.3f}'.format(cost_val))

is_correct = tf.equal(tf.argmax(model, 1), tf.argmax(Y, 1))
accuracy = tf.reduce_mean(tf.cast(is_correct, tf.float32))
print('Accuracy:', sess.run(accuracy, feed_dict={X: mnist.test.images[:1000].reshape(-1, 28, 28, 1),
                                                 Y: mnist.test.labels[:1000], is_training: False}))
