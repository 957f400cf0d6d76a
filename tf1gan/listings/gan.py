"""Listing 9.1 (기본 모델 구현하기): the book's first GAN, section by section.

The graph is the book's, line for line: placeholders X and Z, the eight `tf.Variable`s,
`generator`/`discriminator` as plain functions over them, the maximised objectives and
`AdamOptimizer(learning_rate).minimize(-loss)`. Only the module-level script became
`build()`, which takes the hyper-parameters of 9.1.2 and hands back the graph's handles.
"""
import numpy as np
import tensorflow.compat.v1 as tf

from tf1gan.listings.registry import Graph

# 9.1.2
HPARAMS = dict(total_epoch=100, batch_size=100, learning_rate=0.0002, n_hidden=256, n_noise=128)
n_input = 28 * 28


def build(n_hidden, n_noise, learning_rate):
    # 9.1.3
    X = tf.placeholder(tf.float32, [None, n_input])
    Z = tf.placeholder(tf.float32, [None, n_noise])

    # 9.1.4
    G_W1 = tf.Variable(tf.random_normal([n_noise, n_hidden], stddev=0.01))
    G_b1 = tf.Variable(tf.zeros([n_hidden]))

    G_W2 = tf.Variable(tf.random_normal([n_hidden, n_input], stddev=0.01))
    G_b2 = tf.Variable(tf.zeros([n_input]))

    # 9.1.5
    D_W1 = tf.Variable(tf.random_normal([n_input, n_hidden], stddev=0.01))
    D_b1 = tf.Variable(tf.zeros([n_hidden]))

    D_W2 = tf.Variable(tf.random_normal([n_hidden, 1], stddev=0.01))
    D_b2 = tf.Variable(tf.zeros([1]))

    # 9.1.6
    def generator(noise_z):
        hidden = tf.nn.relu(tf.matmul(noise_z, G_W1) + G_b1)
        output = tf.nn.sigmoid(tf.matmul(hidden, G_W2) + G_b2)

        return output

    # 9.1.7
    def discriminator(inputs):
        hidden = tf.nn.relu(tf.matmul(inputs, D_W1) + D_b1)
        output = tf.nn.sigmoid(tf.matmul(hidden, D_W2) + D_b2)

        return output

    # 9.1.9
    G = generator(Z)
    D_gene = discriminator(G)
    D_real = discriminator(X)

    # 9.1.10: objectives to maximise, so the printed losses are negative.
    loss_D = tf.reduce_mean(tf.log(D_real) + tf.log(1 - D_gene))
    loss_G = tf.reduce_mean(tf.log(D_gene))

    # 9.1.11
    D_var_list = [D_W1, D_b1, D_W2, D_b2]
    G_var_list = [G_W1, G_b1, G_W2, G_b2]

    train_D = tf.train.AdamOptimizer(learning_rate).minimize(-loss_D, var_list=D_var_list)
    train_G = tf.train.AdamOptimizer(learning_rate).minimize(-loss_G, var_list=G_var_list)

    return Graph(X=X, Y=None, Z=Z, G=G, loss_D=loss_D, loss_G=loss_G,
                 train_D=train_D, train_G=train_G, vars_D=D_var_list, vars_G=G_var_list)


# 9.1.8
def get_noise(batch_size, n_noise):
    return np.random.normal(size=(batch_size, n_noise))


# 9.1.12: the book numbers epochs from 1 here and prints four decimals.
def log_line(epoch, loss_val_D, loss_val_G):
    return ' '.join(['Epoch: ', '%04d' % (epoch + 1),
                     'D loss: {:.4f}'.format(loss_val_D),
                     'G loss: {:.4f}'.format(loss_val_G)])


# 9.1.13: one row of ten generated digits.
def sample_rows(sess, graph, mnist, n_noise, sample_size=10):
    noise = get_noise(sample_size, n_noise)
    samples = sess.run(graph.G, feed_dict={graph.Z: noise})
    return [samples]
