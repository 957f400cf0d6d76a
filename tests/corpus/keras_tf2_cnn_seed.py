# 모두의 딥러닝 style (TF 2.x): a Keras CNN on MNIST with tf.random.set_seed(3) and ModelCheckpoint-free fit.
from tensorflow.keras.datasets import mnist
from tensorflow.keras.utils import to_categorical
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Dense, Dropout, Flatten, Conv2D, MaxPooling2D

import numpy
import tensorflow as tf

seed = 0
numpy.random.seed(seed)
tf.random.set_seed(3)

(X_train, Y_train), (X_test, Y_test) = mnist.load_data()
X_train = X_train[:3000].reshape(-1, 28, 28, 1).astype('float32') / 255
X_test = X_test[:1000].reshape(-1, 28, 28, 1).astype('float32') / 255
Y_train = to_categorical(Y_train[:3000])
Y_test = to_categorical(Y_test[:1000])

model = Sequential()
model.add(Conv2D(8, kernel_size=(3, 3), input_shape=(28, 28, 1), activation='relu'))
model.add(MaxPooling2D(pool_size=2))
model.add(Dropout(0.25))
model.add(Flatten())
model.add(Dense(64, activation='relu'))
model.add(Dense(10, activation='softmax'))
model.compile(loss='categorical_crossentropy', optimizer='adam', metrics=['accuracy'])
history = model.fit(X_train, Y_train, validation_data=(X_test, Y_test), epochs=1, batch_size=100, verbose=0)
print("\n Test Accuracy: %.4f" % (model.evaluate(X_test, Y_test, verbose=0)[1]))
print('accuracy', model.evaluate(X_test, Y_test, verbose=0)[1])
