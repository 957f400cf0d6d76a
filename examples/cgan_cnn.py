# 9.2 더 해보기: 생성자와 구분자를 CNN으로 구성한 모델 (the conditional GAN of 9.2 with CNNs).
# The whole listing in the book's style, as 9.2.11 prints 9.2, run as written by
# `python -m tf1gan.script examples/cgan_cnn.py`. tf1gan.main --model=cgan_cnn trains the same
# model (tf1gan/listings/cgan_cnn.py) and prints the same lines; BUILD.md says why each choice.
import os

import tensorflow as tf
import matplotlib.pyplot as plt
import numpy as np

from tensorflow.examples.tutorials.mnist import input_data
mnist = input_data.read_data_sets("./mnist/data/", one_hot=True)

##########
# 옵션 설정
##########

total_epoch = 10
batch_size = 100
learning_rate = 0.001
n_hidden = 256
n_input = 28 * 28
n_noise = 128
n_class = 10

##########
# 신경망 모델 구성
##########

X = tf.placeholder(tf.float32, [None, n_input])
Y = tf.placeholder(tf.float32, [None, n_class])
Z = tf.placeholder(tf.float32, [None, n_noise])
# batch_normalization: the batch's statistics while training (True is fed), its moving
# averages when drawing (the default, False).
is_training = tf.placeholder_with_default(False, [])

# noise and label -> 7x7x128 -> 14x14x64 -> 28x28x1
def generator(noise, labels):
    with tf.variable_scope('generator'):
        inputs = tf.concat([noise, labels], 1)

        hidden = tf.layers.dense(inputs, 7 * 7 * 128)
        hidden = tf.nn.relu(tf.layers.batch_normalization(hidden, training=is_training))
        hidden = tf.reshape(hidden, [-1, 7, 7, 128])

        hidden = tf.layers.conv2d_transpose(hidden, 64, [4, 4], strides=2, padding='same')
        hidden = tf.nn.relu(tf.layers.batch_normalization(hidden, training=is_training))

        output = tf.layers.conv2d_transpose(hidden, 1, [4, 4], strides=2, padding='same',
                                            activation=tf.nn.sigmoid)

    return tf.reshape(output, [-1, n_input])

# the label as ten planes beside the image, two strided convolutions, then 9.2's discriminator
def discriminator(inputs, labels, reuse=None):
    with tf.variable_scope('discriminator') as scope:
        if reuse:
            scope.reuse_variables()

        images = tf.reshape(inputs, [-1, 28, 28, 1])
        planes = tf.tile(tf.reshape(labels, [-1, 1, 1, n_class]), [1, 28, 28, 1])
        hidden = tf.concat([images, planes], 3)

        hidden = tf.layers.conv2d(hidden, 32, [3, 3], strides=2, padding='same', activation=tf.nn.leaky_relu)

        hidden = tf.layers.conv2d(hidden, 64, [3, 3], strides=2, padding='same')
        hidden = tf.nn.leaky_relu(tf.layers.batch_normalization(hidden, training=is_training))

        hidden = tf.concat([tf.layers.flatten(hidden), labels], 1)
        hidden = tf.layers.dense(hidden, n_hidden, activation=tf.nn.leaky_relu)

        output = tf.layers.dense(hidden, 1, activation=None)

    return output

def get_noise(batch_size, n_noise):
    return np.random.uniform(-1., 1., size=[batch_size, n_noise])

G = generator(Z, Y)
D_real = discriminator(X, Y)
D_gene = discriminator(G, Y, True)

loss_D_real = tf.reduce_mean(tf.nn.sigmoid_cross_entropy_with_logits(logits=D_real, labels=tf.ones_like(D_real)))
loss_D_gene = tf.reduce_mean(tf.nn.sigmoid_cross_entropy_with_logits(logits=D_gene, labels=tf.zeros_like(D_gene)))

loss_D = loss_D_real + loss_D_gene

loss_G = tf.reduce_mean(tf.nn.sigmoid_cross_entropy_with_logits(logits=D_gene, labels=tf.ones_like(D_gene)))

vars_D = tf.get_collection(tf.GraphKeys.TRAINABLE_VARIABLES, scope='discriminator')
vars_G = tf.get_collection(tf.GraphKeys.TRAINABLE_VARIABLES, scope='generator')

# each step also updates its own network's moving averages
update_D = tf.get_collection(tf.GraphKeys.UPDATE_OPS, scope='discriminator')
update_G = tf.get_collection(tf.GraphKeys.UPDATE_OPS, scope='generator')

with tf.control_dependencies(update_D):
    train_D = tf.train.AdamOptimizer(learning_rate, beta1=0.5).minimize(loss_D, var_list=vars_D)
with tf.control_dependencies(update_G):
    train_G = tf.train.AdamOptimizer(learning_rate, beta1=0.5).minimize(loss_G, var_list=vars_G)

##########
# 신경망 모델 학습
##########

sess = tf.Session()
sess.run(tf.global_variables_initializer())

total_batch = int(mnist.train.num_examples / batch_size)
loss_val_D, loss_val_G = 0, 0

for epoch in range(total_epoch):

    for i in range(total_batch):

        batch_xs, batch_ys = mnist.train.next_batch(batch_size)
        noise = get_noise(batch_size, n_noise)

        _, loss_val_D = sess.run([train_D, loss_D], feed_dict={X: batch_xs, Y: batch_ys, Z: noise, is_training: True})
        _, loss_val_G = sess.run([train_G, loss_G], feed_dict={Y: batch_ys, Z: noise, is_training: True})

    print('Epoch: ', '%04d' % epoch,
          'D loss: {:.4}'.format(loss_val_D),
          'G loss: {:.4}'.format(loss_val_G))

    ##########
    # 확인용 이미지 생성
    ##########

    if epoch == 0 or (epoch+1) % 10 == 0:
        sample_size = 10
        noise = get_noise(sample_size, n_noise)
        samples = sess.run(G, feed_dict={Y: mnist.test.labels[:sample_size], Z: noise})

        fig, ax = plt.subplots(2, sample_size, figsize=(sample_size, 2))

        for i in range(sample_size):
            ax[0][i].set_axis_off()
            ax[1][i].set_axis_off()

            ax[0][i].imshow(np.reshape(mnist.test.images[i], (28, 28)))
            ax[1][i].imshow(np.reshape(samples[i], (28, 28)))

        os.makedirs('samples_cnn', exist_ok=True)
        plt.savefig('samples_cnn/{}.png'.format(str(epoch).zfill(3)), bbox_inches='tight')
        plt.close(fig)

print('최적화 완료!')
