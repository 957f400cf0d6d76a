# 모두의 딥러닝 style (TF 2.x Keras): a DCGAN seeded with tf.random.set_seed(3) beside the Keras
# imports, as the book's download is. The generator upsamples 7x7 to 28x28; the discriminator is
# compiled, then frozen (trainable = False) inside the combined model; train_on_batch alternates.
from tensorflow.keras.datasets import mnist
from tensorflow.keras.layers import Input, Dense, Reshape, Flatten, Dropout
from tensorflow.keras.layers import BatchNormalization, Activation, LeakyReLU, UpSampling2D, Conv2D
from tensorflow.keras.models import Sequential, Model

import numpy as np
import matplotlib.pyplot as plt
import tensorflow as tf

np.random.seed(3)
tf.random.set_seed(3)

iterations = 41
batch_size = 32
saving_interval = 20

generator = Sequential()
generator.add(Dense(32 * 7 * 7, input_dim=100, activation='relu'))
generator.add(Reshape((7, 7, 32)))
generator.add(UpSampling2D())
generator.add(Conv2D(32, kernel_size=3, padding='same'))
generator.add(BatchNormalization())
generator.add(Activation('relu'))
generator.add(UpSampling2D())
generator.add(Conv2D(16, kernel_size=3, padding='same'))
generator.add(BatchNormalization())
generator.add(Activation('relu'))
generator.add(Conv2D(1, kernel_size=3, padding='same', activation='tanh'))

discriminator = Sequential()
discriminator.add(Conv2D(16, kernel_size=3, strides=2, input_shape=(28, 28, 1), padding='same',
                         activation=LeakyReLU(0.2)))
discriminator.add(Dropout(0.25))
discriminator.add(Conv2D(32, kernel_size=3, strides=2, padding='same'))
discriminator.add(BatchNormalization())
discriminator.add(LeakyReLU(0.2))
discriminator.add(Dropout(0.25))
discriminator.add(Flatten())
discriminator.add(Dense(1, activation='sigmoid'))
discriminator.compile(loss='binary_crossentropy', optimizer='adam')

discriminator.trainable = False

ginput = Input(shape=(100,))
dis_output = discriminator(generator(ginput))
gan = Model(ginput, dis_output)
gan.compile(loss='binary_crossentropy', optimizer='adam')

(X_train, _), (_, _) = mnist.load_data()
X_train = X_train.reshape(X_train.shape[0], 28, 28, 1).astype('float32')
X_train = (X_train - 127.5) / 127.5

true = np.ones((batch_size, 1))
fake = np.zeros((batch_size, 1))

for i in range(iterations):
    idx = np.random.randint(0, X_train.shape[0], batch_size)
    d_loss_real = discriminator.train_on_batch(X_train[idx], true)
    noise = np.random.normal(0, 1, (batch_size, 100))
    gen_imgs = generator.predict(noise, verbose=0)
    d_loss_fake = discriminator.train_on_batch(gen_imgs, fake)
    d_loss = 0.5 * np.add(d_loss_real, d_loss_fake)
    g_loss = gan.train_on_batch(noise, true)
    print('epoch:%d' % i, ' d_loss:%.4f' % d_loss, ' g_loss:%.4f' % g_loss)

    if i % saving_interval == 0:
        gen_imgs = 0.5 * generator.predict(np.random.normal(0, 1, (25, 100)), verbose=0) + 0.5
        fig, axs = plt.subplots(5, 5)
        for j in range(5):
            for k in range(5):
                axs[j, k].imshow(gen_imgs[5 * j + k, :, :, 0], cmap='gray')
                axs[j, k].axis('off')
        fig.savefig('gan_images/gan_mnist_%d.png' % i)
        plt.close(fig)
