# TF 2.x-era Keras (2019-2020 tutorials): tf.random.set_seed, tensorflow.keras, mnist.load_data, model.fit.
import numpy as np
import tensorflow as tf
from tensorflow.keras.datasets import mnist
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Dense, Dropout
from tensorflow.keras.utils import to_categorical

np.random.seed(3)
tf.random.set_seed(3)

(X_train, y_train), (X_test, y_test) = mnist.load_data()
X_train = X_train[:6000].reshape(-1, 784).astype('float32') / 255
X_test = X_test[:2000].reshape(-1, 784).astype('float32') / 255
y_train = to_categorical(y_train[:6000], 10)
y_test = to_categorical(y_test[:2000], 10)

model = Sequential()
model.add(Dense(256, input_dim=784, activation='relu'))
model.add(Dropout(0.2))
model.add(Dense(10, activation='softmax'))
model.compile(loss='categorical_crossentropy', optimizer='adam', metrics=['accuracy'])
model.fit(X_train, y_train, validation_split=0.1, epochs=2, batch_size=200, verbose=0)
print("\n Test Accuracy: %.4f" % (model.evaluate(X_test, y_test, verbose=0)[1]))
print("test accuracy", model.evaluate(X_test, y_test, verbose=0)[1])
