# A seeded GAN of the era written with tf.contrib.slim: the generator's and discriminator's layers under
# arg_scope (batch_norm as normalizer, under a training placeholder, both with updates_collections=None and
# through UPDATE_OPS), truncated normal and variance scaling initializers, an L2 regularizer, slim.losses
# (whose ops come before a layer made after them, so their count sets its seed), slim's variable helpers
# and DCGAN-tensorflow's show_all_variables (model_analyzer.analyze_vars).
import numpy as np
import tensorflow as tf
import tensorflow.contrib.slim as slim

tf.set_random_seed(777)

X = tf.placeholder(tf.float32, [None, 8, 8, 1])
Z = tf.placeholder(tf.float32, [None, 5])
L = tf.placeholder(tf.float32, [None, 3])
is_training = tf.placeholder(tf.bool)


def generator(z):
    with tf.variable_scope('generator'), \
            slim.arg_scope([slim.fully_connected, slim.conv2d_transpose], activation_fn=tf.nn.relu,
                           normalizer_fn=slim.batch_norm,
                           normalizer_params={'is_training': is_training, 'decay': 0.9, 'scale': True,
                                              'updates_collections': None},
                           weights_initializer=tf.truncated_normal_initializer(stddev=0.02)):
        net = slim.fully_connected(z, 2 * 2 * 8)
        net = tf.reshape(net, [-1, 2, 2, 8])
        with slim.arg_scope([slim.conv2d_transpose], kernel_size=[4, 4], stride=2):
            net = slim.conv2d_transpose(net, 4)
            return slim.conv2d_transpose(net, 1, activation_fn=tf.nn.tanh, normalizer_fn=None)


def discriminator(x, reuse=False):
    with tf.variable_scope('discriminator', reuse=reuse), \
            slim.arg_scope([slim.conv2d, slim.fully_connected], activation_fn=tf.nn.leaky_relu,
                           weights_regularizer=slim.l2_regularizer(1e-4)):
        net = slim.conv2d(x, 4, [3, 3], stride=2, scope='conv1')
        net = slim.conv2d(net, 8, [3, 3], stride=2, normalizer_fn=slim.batch_norm,
                          normalizer_params={'is_training': is_training}, scope='conv2')
        return slim.fully_connected(slim.flatten(net), 1, activation_fn=None, scope='logit')


G = generator(Z)
D_real = discriminator(X)
D_fake = discriminator(G, reuse=True)
d_loss = (slim.losses.sigmoid_cross_entropy(D_real, tf.ones_like(D_real), label_smoothing=0.1)
          + slim.losses.sigmoid_cross_entropy(D_fake, tf.zeros_like(D_fake)))
g_loss = slim.losses.sigmoid_cross_entropy(D_fake, tf.ones_like(D_fake))
aux = slim.fully_connected(slim.dropout(slim.flatten(G), 0.8, is_training=is_training), 3, activation_fn=None,
                           weights_initializer=slim.variance_scaling_initializer(), scope='aux')
g_loss += (slim.losses.softmax_cross_entropy(aux, L, label_smoothing=0.1)
           + tf.add_n(slim.losses.get_regularization_losses()))

d_vars = slim.get_trainable_variables('discriminator')
g_vars = slim.get_trainable_variables('generator') + slim.get_variables('aux')
slim.model_analyzer.analyze_vars(tf.trainable_variables(), print_info=True)
with tf.control_dependencies(tf.get_collection(tf.GraphKeys.UPDATE_OPS)):
    train_d = tf.train.AdamOptimizer(0.001, beta1=0.5).minimize(d_loss, var_list=d_vars)
    train_g = tf.train.AdamOptimizer(0.001, beta1=0.5).minimize(g_loss, var_list=g_vars)

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for v in tf.global_variables():
        value = sess.run(v)
        print(v.op.name, v.shape, '%.9g' % np.asarray(value, np.float64).sum(), '%.9g' % np.ravel(value)[0])

    x_data = np.tanh(np.sin(np.arange(6 * 64, dtype=np.float32))).reshape(6, 8, 8, 1)
    z_data = np.cos(np.arange(6 * 5, dtype=np.float32)).reshape(6, 5)
    l_data = np.eye(3, dtype=np.float32)[[0, 1, 2, 0, 1, 2]]
    feed = {X: x_data, Z: z_data, L: l_data, is_training: True}
    for step in range(10):
        d, _ = sess.run([d_loss, train_d], feed_dict=feed)
        g, _ = sess.run([g_loss, train_g], feed_dict=feed)
        print(step, 'd', '%.9g' % d)
        print(step, 'g', '%.9g' % g)
