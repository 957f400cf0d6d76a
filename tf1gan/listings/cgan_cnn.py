"""9.2 더 해보기: "생성자와 구분자를 CNN으로 구성한 모델 만들기", the conditional GAN of 9.2 with CNNs.

Written as the book writes 9.2: placeholders X, Y, Z; `tf.layers` inside `tf.variable_scope`s,
the discriminator reusing its variables; logits with `sigmoid_cross_entropy_with_logits`;
variable lists from `tf.get_collection`; two `AdamOptimizer(...).minimize` steps run one after
the other. What is new is what a TF1 reader must learn for CNNs: images reshaped to 28x28x1,
`tf.layers.conv2d` and `conv2d_transpose`, and `tf.layers.batch_normalization`, whose
`training` is a placeholder and whose moving averages are kept by the `UPDATE_OPS` each
`minimize` depends on. The choices (sizes, rate, epochs) were measured: BUILD.md, "9.2 with CNNs".
"""
import warnings

import tensorflow.compat.v1 as tf

from tf1gan.listings.registry import Graph
from tf1gan.listings.cgan import get_noise, log_line, sample_rows  # noqa: F401  (9.2's own, unchanged)

# 하이퍼파라미터: 9.2's, but for the epochs (a CNN learns MNIST in far fewer: BUILD.md).
HPARAMS = dict(total_epoch=10, batch_size=100, learning_rate=0.001, n_hidden=256, n_noise=128)
n_input = 28 * 28
n_class = 10

# tf.layers is what the book uses; TensorFlow's deprecation notices would only clutter the log.
warnings.filterwarnings('ignore', message=r'`tf\.layers\.\w+` is deprecated')


def build(n_hidden, n_noise, learning_rate):
    # 신경망 모델 구성
    X = tf.placeholder(tf.float32, [None, n_input])
    Y = tf.placeholder(tf.float32, [None, n_class])
    Z = tf.placeholder(tf.float32, [None, n_noise])
    # batch_normalization normalises by the batch while training and by its moving averages
    # when drawing: the training steps feed True, pictures and `generate` leave the default.
    is_training = tf.placeholder_with_default(False, [])

    # 생성자: noise and label -> 7x7x128 -> 14x14x64 -> 28x28x1. 4x4 kernels with stride 2,
    # so each output pixel gets the same number of input pixels (no checkerboard).
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

    # 구분자: the label joined to the image as ten planes, two strided convolutions
    # (28 -> 14 -> 7), then 9.2's discriminator on the features, the label joined again.
    # Leaky ReLU keeps a gradient for G where D is sure.
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

    G = generator(Z, Y)
    D_real = discriminator(X, Y)
    D_gene = discriminator(G, Y, True)

    loss_D_real = tf.reduce_mean(tf.nn.sigmoid_cross_entropy_with_logits(logits=D_real, labels=tf.ones_like(D_real)))
    loss_D_gene = tf.reduce_mean(tf.nn.sigmoid_cross_entropy_with_logits(logits=D_gene, labels=tf.zeros_like(D_gene)))

    loss_D = loss_D_real + loss_D_gene

    loss_G = tf.reduce_mean(tf.nn.sigmoid_cross_entropy_with_logits(logits=D_gene, labels=tf.ones_like(D_gene)))

    vars_D = tf.get_collection(tf.GraphKeys.TRAINABLE_VARIABLES, scope='discriminator')
    vars_G = tf.get_collection(tf.GraphKeys.TRAINABLE_VARIABLES, scope='generator')

    # Each step also updates its own network's batch_normalization moving averages. beta1=0.5
    # (AdamOptimizer's default is 0.9): the usual choice for GANs since DCGAN, and the faster here.
    update_D = tf.get_collection(tf.GraphKeys.UPDATE_OPS, scope='discriminator')
    update_G = tf.get_collection(tf.GraphKeys.UPDATE_OPS, scope='generator')

    with tf.control_dependencies(update_D):
        train_D = tf.train.AdamOptimizer(learning_rate, beta1=0.5).minimize(loss_D, var_list=vars_D)
    with tf.control_dependencies(update_G):
        train_G = tf.train.AdamOptimizer(learning_rate, beta1=0.5).minimize(loss_G, var_list=vars_G)

    return Graph(X=X, Y=Y, Z=Z, G=G, loss_D=loss_D, loss_G=loss_G,
                 train_D=train_D, train_G=train_G, vars_D=vars_D, vars_G=vars_G, training=is_training)
