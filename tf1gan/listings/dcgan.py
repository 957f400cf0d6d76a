"""모두의 딥러닝, "GAN 모델 만들기": the Keras DCGAN that learns to draw MNIST digits.

The listing's code, verbatim, in small functions: `build()` is its model section (generator,
discriminator, `discriminator.trainable = False`, the combined `gan`), `load_X_train()` its
data section, `gan_train_step()` one pass of `gan_train`'s loop and `sample_figure()` the picture
it saves every `saving_interval` iterations. The layers come from tf_keras (Keras 2), whose
`trainable` freezing is the one the listing relies on: D learns in its own `train_on_batch` (the
trainable state at compile time counts) and is frozen, BatchNorm in inference mode too, inside
`gan`. Keras 3 would freeze D in its own step as well.

The loop around them (`for i in range(epoch)`, with checkpoints, a fast loop and the run's
pictures and events) is tf1gan.training.keras_loop's, as 9.1's and 9.2's is tf1gan.training.train's.
"""
import collections
import os

import numpy as np
import matplotlib.pyplot as plt

# `from tensorflow.keras.layers import ...` would give Keras 3 classes even with
# TF_USE_LEGACY_KERAS=1 (the import statement bypasses TF's lazy loader): import tf_keras.
from tf_keras.layers import Input, Dense, Reshape, Flatten, Dropout
from tf_keras.layers import BatchNormalization, Activation, LeakyReLU, UpSampling2D, Conv2D
from tf_keras.models import Sequential, Model

from tf1gan.compat import input_data
# What each --keras_semantics means, and why frozen_bn is what `python -m tf1gan.main --model=dcgan`
# runs unless told otherwise: tf1gan.compat.keras_semantics and BUILD.md, "The DCGAN: what a reader should expect".
from tf1gan.compat import keras_semantics as semantics

# gan_train(4001, 32, 200): the listing calls its first argument `epoch`, but it counts
# iterations (one batch each), not passes over the data.
HPARAMS = dict(total_epoch=4001, batch_size=32, saving_interval=200, n_noise=100)

Models = collections.namedtuple('Models', 'generator discriminator gan')


def build(n_noise=100, keras_semantics='tf_keras', verbose=False):
    """The listing's three models. verbose=True also prints `ginput` and `gan.summary()` as
    the listing does; they are off by default so that the per-iteration lines stay clean."""
    # 생성자 모델 만들기
    generator = Sequential()
    generator.add(Dense(128 * 7 * 7, input_dim=n_noise, activation='relu'))
    generator.add(Reshape((7,7,128)))
    generator.add(UpSampling2D())
    generator.add(Conv2D(128, kernel_size=3, padding='same'))
    generator.add(BatchNormalization())
    generator.add(Activation('relu'))
    generator.add(UpSampling2D())
    generator.add(Conv2D(64, kernel_size=3, padding='same'))
    generator.add(BatchNormalization())
    generator.add(Activation('relu'))
    generator.add(Conv2D(1, kernel_size=3, padding='same', activation='tanh'))

    # 판별자 모델 만들기
    discriminator = Sequential()
    discriminator.add(Conv2D(32, kernel_size=3, strides=2, input_shape=(28,28,1), padding="same", activation=LeakyReLU(0.2)))
    discriminator.add(Dropout(0.25))
    discriminator.add(Conv2D(64, kernel_size=3, strides=2, padding="same"))
    discriminator.add(BatchNormalization())
    discriminator.add(LeakyReLU(0.2))
    discriminator.add(Dropout(0.25))
    discriminator.add(Conv2D(128, kernel_size=3, strides=2, padding="same"))
    discriminator.add(BatchNormalization())
    discriminator.add(LeakyReLU(0.2))
    discriminator.add(Dropout(0.25))
    discriminator.add(Conv2D(256, kernel_size=3, strides=2, padding="same"))
    discriminator.add(BatchNormalization())
    discriminator.add(LeakyReLU(0.2))
    discriminator.add(Dropout(0.25))
    discriminator.add(Flatten())
    discriminator.add(Dense(1, activation='sigmoid'))

    # Not in the listing: the other semantics (tf1gan.compat.keras_semantics) change D's BatchNorm layers
    # only, before anything has run or been compiled.
    semantics.apply(discriminator.layers, keras_semantics)

    discriminator.compile(loss='binary_crossentropy', optimizer='adam')

    discriminator.trainable = False

    # 생성자와 판별자 모델을 연결시키는 gan 모델 만들기
    ginput = Input(shape=(n_noise,))
    if verbose:
        print(ginput)
    dis_output = discriminator(generator(ginput))
    gan = Model(ginput, dis_output)
    gan.compile(loss='binary_crossentropy', optimizer='adam')
    if verbose:
        gan.summary()

    return Models(generator, discriminator, gan)


def load_X_train(data_dir, source_url=input_data.DEFAULT_SOURCE_URL):
    # MNIST 데이터 불러오기: the training images of keras' mnist.load_data(), read from data_dir.
    X_train = input_data.load_mnist_train_images(data_dir, source_url=source_url)
    X_train = X_train.reshape(X_train.shape[0], 28, 28, 1).astype('float32')
    X_train = (X_train - 127.5) / 127.5  # 픽셀 값 0~255를 -1~1 사이의 값으로
    return X_train


def gan_train_step(models, X_train, batch_size, n_noise=100):
    """One pass of gan_train's `for i in range(epoch)` loop, as printed, up to its print: (d_loss, g_loss)."""
    generator, discriminator, gan = models

    true = np.ones((batch_size, 1))
    fake = np.zeros((batch_size, 1))

    # 실제 데이터를 판별자에 입력
    idx = np.random.randint(0, X_train.shape[0], batch_size)
    imgs = X_train[idx]
    d_loss_real = discriminator.train_on_batch(imgs, true)

    # 가상 이미지를 판별자에 입력
    noise = np.random.normal(0, 1, (batch_size, n_noise))
    # verbose=0: the listing's 2020 Keras printed no progress bar in predict;
    # tf_keras 2.21's default (verbose='auto') prints one on every call.
    gen_imgs = generator.predict(noise, verbose=0)
    d_loss_fake = discriminator.train_on_batch(gen_imgs, fake)

    # 판별자와 생성자의 오차 계산
    d_loss = 0.5 * np.add(d_loss_real, d_loss_fake)
    g_loss = gan.train_on_batch(noise, true)
    return d_loss, g_loss


def log_line(i, d_loss, g_loss):
    """What the listing's print('epoch:%d' % i, ' d_loss:%.4f' % d_loss, ' g_loss:%.4f' % g_loss)
    prints: the three strings joined by single spaces, so two spaces before each loss."""
    return ' '.join(['epoch:%d' % i, ' d_loss:%.4f' % d_loss, ' g_loss:%.4f' % g_loss])


def sample_path(sample_dir, i):
    """fig.savefig("gan_images/gan_mnist_%d.png" % i), in the run's sample folder."""
    return os.path.join(sample_dir, 'gan_mnist_%d.png' % i)


def sample_figure(generator, n_noise=100):
    """중간 과정을 이미지로 저장하는 부분: the 5 x 5 figure the listing saves as gan_images/gan_mnist_<i>.png."""
    # r, c = 5, 5
    noise = np.random.normal(0, 1, (25, n_noise))
    gen_imgs = generator.predict(noise, verbose=0)  # verbose=0: as in gan_train_step

    # Rescale images 0 - 1
    gen_imgs = 0.5 * gen_imgs + 0.5

    fig, axs = plt.subplots(5, 5)
    count = 0
    for j in range(5):
        for k in range(5):
            axs[j, k].imshow(gen_imgs[count, :, :, 0], cmap='gray')
            axs[j, k].axis('off')
            count += 1
    return fig
