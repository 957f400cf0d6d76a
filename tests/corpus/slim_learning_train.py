"""MNIST with TF-Slim's training loop (2017): a queue of images, slim layers under arg_scope,
slim.losses, slim.learning.create_train_op and slim.learning.train writing its log directory."""
import numpy as np
import tensorflow as tf
import tensorflow.contrib.slim as slim
from tensorflow.examples.tutorials.mnist import input_data

number_of_steps = 300
log_dir = 'train_logs'

mnist = input_data.read_data_sets('MNIST_data', one_hot=True)
image, label = tf.train.slice_input_producer([mnist.train.images[:10000], mnist.train.labels[:10000]])
images, labels = tf.train.batch([image, label], batch_size=64)


def mlp(inputs, is_training=True):
    with slim.arg_scope([slim.fully_connected], activation_fn=tf.nn.relu,
                        weights_regularizer=slim.l2_regularizer(0.0005)):
        net = slim.fully_connected(inputs, 256, scope='fc1')
        net = slim.dropout(net, 0.8, is_training=is_training, scope='dropout1')
        return slim.fully_connected(net, 10, activation_fn=None, scope='logits')


logits = mlp(images)
slim.losses.softmax_cross_entropy(logits, labels)
total_loss = slim.losses.get_total_loss()
tf.summary.scalar('losses/total_loss', total_loss)

optimizer = tf.train.AdamOptimizer(learning_rate=0.001)
train_op = slim.learning.create_train_op(total_loss, optimizer)

tf.logging.set_verbosity(tf.logging.INFO)
final_loss = slim.learning.train(train_op, logdir=log_dir, number_of_steps=number_of_steps,
                                 save_summaries_secs=30, log_every_n_steps=100)
print('Finished training. Final batch loss %f' % final_loss)

# Evaluate the trained weights from the checkpoint the loop wrote.
tf.reset_default_graph()
x = tf.placeholder(tf.float32, [None, 784])
predictions = tf.argmax(mlp(x, is_training=False), 1)
with tf.Session() as sess:
    tf.train.Saver().restore(sess, tf.train.latest_checkpoint(log_dir))
    predicted = sess.run(predictions, {x: mnist.test.images})
print('Accuracy: %.4f' % np.mean(predicted == np.argmax(mnist.test.labels, 1)))
