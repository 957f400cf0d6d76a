from __future__ import division
import os
import time

from ops import *
from utils import *


class DCGAN(object):
    def __init__(self, sess, batch_size=64, z_dim=100, gf_dim=32, df_dim=32, c_dim=1,
                 data_dir='./data/mnist', checkpoint_dir=None, sample_dir=None):
        self.sess = sess
        self.batch_size = batch_size
        self.sample_num = batch_size
        self.z_dim = z_dim
        self.gf_dim = gf_dim
        self.df_dim = df_dim
        self.c_dim = c_dim
        self.checkpoint_dir = checkpoint_dir
        self.sample_dir = sample_dir
        self.data_X = load_mnist(data_dir)
        self.build_model()

    def build_model(self):
        self.inputs = tf.placeholder(tf.float32, [self.batch_size, 28, 28, self.c_dim], name='real_images')
        self.z = tf.placeholder(tf.float32, [None, self.z_dim], name='z')
        self.is_training = tf.placeholder(tf.bool, name='is_training')

        self.G = self.generator(self.z)
        self.D, self.D_logits = self.discriminator(self.inputs)
        self.D_, self.D_logits_ = self.discriminator(self.G, reuse=True)
        self.sampler = self.generator(self.z, reuse=True, training=False)

        self.d_loss_real = tf.reduce_mean(
            tf.nn.sigmoid_cross_entropy_with_logits(logits=self.D_logits, labels=tf.ones_like(self.D)))
        self.d_loss_fake = tf.reduce_mean(
            tf.nn.sigmoid_cross_entropy_with_logits(logits=self.D_logits_, labels=tf.zeros_like(self.D_)))
        self.g_loss = tf.reduce_mean(
            tf.nn.sigmoid_cross_entropy_with_logits(logits=self.D_logits_, labels=tf.ones_like(self.D_)))
        self.d_loss = self.d_loss_real + self.d_loss_fake

        t_vars = tf.trainable_variables()
        self.d_vars = [var for var in t_vars if 'discriminator' in var.name]
        self.g_vars = [var for var in t_vars if 'generator' in var.name]
        self.saver = tf.train.Saver()

    def discriminator(self, image, reuse=False):
        with tf.variable_scope("discriminator", reuse=reuse):
            with slim.arg_scope([slim.conv2d], stride=2, activation_fn=lrelu):
                h0 = slim.conv2d(image, self.df_dim, [5, 5], scope='d_h0_conv')
                h1 = conv_bn_lrelu(h0, self.df_dim * 2, self.is_training, scope='d_h1_conv')
            h2 = slim.fully_connected(slim.flatten(h1), 1, activation_fn=None, scope='d_h2_lin')
            return tf.nn.sigmoid(h2), h2

    def generator(self, z, reuse=False, training=True):
        with tf.variable_scope("generator", reuse=reuse):
            with slim.arg_scope([slim.fully_connected, slim.conv2d_transpose],
                                normalizer_fn=slim.batch_norm,
                                normalizer_params={'is_training': training, 'decay': 0.9, 'scale': True,
                                                   'updates_collections': None}):
                h0 = slim.fully_connected(z, self.gf_dim * 2 * 7 * 7, scope='g_h0_lin')
                h0 = tf.reshape(h0, [-1, 7, 7, self.gf_dim * 2])
                h1 = deconv2d(h0, self.gf_dim, scope='g_h1')
            h2 = deconv2d(h1, self.c_dim, activation_fn=tf.nn.tanh, scope='g_h2')
            return h2

    def train(self, config):
        d_optim = tf.train.AdamOptimizer(config.learning_rate, beta1=config.beta1) \
            .minimize(self.d_loss, var_list=self.d_vars)
        g_optim = tf.train.AdamOptimizer(config.learning_rate, beta1=config.beta1) \
            .minimize(self.g_loss, var_list=self.g_vars)
        tf.global_variables_initializer().run()

        sample_z = np.random.uniform(-1, 1, size=(self.sample_num, self.z_dim)).astype(np.float32)
        counter = 1
        start_time = time.time()
        for epoch in xrange(config.epoch):
            batch_idxs = min(len(self.data_X), config.train_size) // config.batch_size
            for idx in xrange(0, int(batch_idxs)):
                batch_images = self.data_X[idx * config.batch_size:(idx + 1) * config.batch_size]
                batch_z = np.random.uniform(-1, 1, [config.batch_size, self.z_dim]).astype(np.float32)

                self.sess.run(d_optim, feed_dict={self.inputs: batch_images, self.z: batch_z, self.is_training: True})
                self.sess.run(g_optim, feed_dict={self.z: batch_z, self.is_training: True})
                self.sess.run(g_optim, feed_dict={self.z: batch_z, self.is_training: True})

                errD = self.d_loss.eval({self.inputs: batch_images, self.z: batch_z, self.is_training: True})
                errG = self.g_loss.eval({self.z: batch_z, self.is_training: True})
                print("Epoch: [%2d] [%4d/%4d] time: %4.4f, d_loss: %.8f, g_loss: %.8f"
                      % (epoch, idx, batch_idxs, time.time() - start_time, errD, errG))

                if np.mod(counter, config.sample_every) == 0:
                    samples = self.sess.run(self.sampler, feed_dict={self.z: sample_z})
                    save_images(samples, image_manifold_size(samples.shape[0]),
                                './{}/train_{:02d}_{:04d}.png'.format(self.sample_dir, epoch, idx))
                counter += 1
        self.saver.save(self.sess, os.path.join(self.checkpoint_dir, 'DCGAN.model'), global_step=counter)
