"""A fourth listing, for tests/test_runs.py: the smallest TF1 GAN with the interface of 9.1 and 9.2
(tf1gan.listings.registry), registered by the test alone."""
import numpy as np
import tensorflow.compat.v1 as tf

from tf1gan.listings.registry import Graph

HPARAMS = dict(total_epoch=2, batch_size=10, learning_rate=0.01, n_hidden=8, n_noise=4)


def build(n_hidden, n_noise, learning_rate):
    X = tf.placeholder(tf.float32, [None, 784])
    Z = tf.placeholder(tf.float32, [None, n_noise])

    with tf.variable_scope('generator'):
        G = tf.layers.dense(tf.layers.dense(Z, n_hidden, activation=tf.nn.relu), 784, activation=tf.nn.sigmoid)

    def discriminator(inputs, reuse=None):
        with tf.variable_scope('discriminator', reuse=reuse):
            return tf.layers.dense(tf.layers.dense(inputs, n_hidden, activation=tf.nn.relu), 1)

    D_real, D_gene = discriminator(X), discriminator(G, reuse=True)
    loss_D = tf.reduce_mean(tf.nn.softplus(-D_real) + tf.nn.softplus(D_gene))
    loss_G = tf.reduce_mean(tf.nn.softplus(-D_gene))
    vars_D = tf.get_collection(tf.GraphKeys.TRAINABLE_VARIABLES, scope='discriminator')
    vars_G = tf.get_collection(tf.GraphKeys.TRAINABLE_VARIABLES, scope='generator')
    train_D = tf.train.AdamOptimizer(learning_rate).minimize(loss_D, var_list=vars_D)
    train_G = tf.train.AdamOptimizer(learning_rate).minimize(loss_G, var_list=vars_G)
    return Graph(X=X, Y=None, Z=Z, G=G, loss_D=loss_D, loss_G=loss_G, train_D=train_D, train_G=train_G,
                 vars_D=vars_D, vars_G=vars_G)


def get_noise(batch_size, n_noise):
    return np.random.normal(size=(batch_size, n_noise))


def log_line(epoch, loss_val_D, loss_val_G):
    return f'toy epoch {epoch} D {loss_val_D:.4f} G {loss_val_G:.4f}'


def sample_rows(sess, graph, mnist, n_noise, sample_size=10):
    return [sess.run(graph.G, feed_dict={graph.Z: get_noise(sample_size, n_noise)})]
