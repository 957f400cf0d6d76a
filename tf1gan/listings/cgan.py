"""Listing 9.2 (원하는 숫자 생성하기): the conditional GAN that draws the digit you ask for.

As printed: placeholders X, Y, Z; `tf.layers.dense` inside `tf.variable_scope`s, the
discriminator reusing its variables through `scope.reuse_variables()`; logits with
`sigmoid_cross_entropy_with_logits`; variable lists from `tf.get_collection`.
`tf.layers` needs Keras 2 on TensorFlow 2.21: importing tf1gan selects tf-keras.
"""
import warnings

import numpy as np
import tensorflow.compat.v1 as tf

from tf1gan.listings.registry import Graph

# 9.2 하이퍼파라미터. The book calls `AdamOptimizer()`: 0.001 is its default learning rate.
HPARAMS = dict(total_epoch=100, batch_size=100, learning_rate=0.001, n_hidden=256, n_noise=128)
n_input = 28 * 28
n_class = 10

# tf.layers is what the book uses; TensorFlow's deprecation notice would only clutter the log.
warnings.filterwarnings('ignore', message='`tf.layers.dense` is deprecated')


def build(n_hidden, n_noise, learning_rate):
    # 9.2.1
    X = tf.placeholder(tf.float32, [None, n_input])
    Y = tf.placeholder(tf.float32, [None, n_class])
    Z = tf.placeholder(tf.float32, [None, n_noise])

    # 9.2.2
    def generator(noise, labels):
        with tf.variable_scope('generator'):
            inputs = tf.concat([noise, labels], 1)

            hidden = tf.layers.dense(inputs, n_hidden, activation=tf.nn.relu)

            output = tf.layers.dense(hidden, n_input, activation=tf.nn.sigmoid)

        return output

    # 9.2.3: real and generated images must be judged by the same variables.
    def discriminator(inputs, labels, reuse=None):
        with tf.variable_scope('discriminator') as scope:
            if reuse:
                scope.reuse_variables()

            inputs = tf.concat([inputs, labels], 1)

            hidden = tf.layers.dense(inputs, n_hidden, activation=tf.nn.relu)

            output = tf.layers.dense(hidden, 1, activation=None)

        return output

    # 9.2.5
    G = generator(Z, Y)
    D_real = discriminator(X, Y)
    D_gene = discriminator(G, Y, True)

    # 9.2.6
    loss_D_real = tf.reduce_mean(tf.nn.sigmoid_cross_entropy_with_logits(logits=D_real, labels=tf.ones_like(D_real)))
    loss_D_gene = tf.reduce_mean(tf.nn.sigmoid_cross_entropy_with_logits(logits=D_gene, labels=tf.zeros_like(D_gene)))

    loss_D = loss_D_real + loss_D_gene

    # 9.2.7
    loss_G = tf.reduce_mean(tf.nn.sigmoid_cross_entropy_with_logits(logits=D_gene, labels=tf.ones_like(D_gene)))

    # 9.2.8
    vars_D = tf.get_collection(tf.GraphKeys.TRAINABLE_VARIABLES, scope='discriminator')
    vars_G = tf.get_collection(tf.GraphKeys.TRAINABLE_VARIABLES, scope='generator')

    train_D = tf.train.AdamOptimizer(learning_rate).minimize(loss_D, var_list=vars_D)
    train_G = tf.train.AdamOptimizer(learning_rate).minimize(loss_G, var_list=vars_G)

    return Graph(X=X, Y=Y, Z=Z, G=G, loss_D=loss_D, loss_G=loss_G,
                 train_D=train_D, train_G=train_G, vars_D=vars_D, vars_G=vars_G)


# 9.2.4: uniform noise here, where 9.1 used a normal distribution.
def get_noise(batch_size, n_noise):
    return np.random.uniform(-1., 1., size=[batch_size, n_noise])


# 9.2.9: epochs from 0 and four significant digits ('{:.4}'), unlike 9.1.
def log_line(epoch, loss_val_D, loss_val_G):
    return ' '.join(['Epoch: ', '%04d' % epoch,
                     'D loss: {:.4}'.format(loss_val_D),
                     'G loss: {:.4}'.format(loss_val_G)])


# 9.2.10: the first ten test images on top, G drawing their labels below.
def sample_rows(sess, graph, mnist, n_noise, sample_size=10):
    noise = get_noise(sample_size, n_noise)
    samples = sess.run(graph.G, feed_dict={graph.Y: mnist.test.labels[:sample_size], graph.Z: noise})
    return [mnist.test.images[:sample_size], samples]
