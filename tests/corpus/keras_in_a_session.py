# Keras layers inside a TF1 graph, trained with Session.run (the TF 1.4-era "Keras as a simplified interface" post).
import numpy as np
import tensorflow as tf
from tensorflow.keras.layers import Dense

np.random.seed(0)
data = np.random.rand(256, 4).astype(np.float32)
target = (data.sum(axis=1, keepdims=True) > 2).astype(np.float32)

x = tf.placeholder(tf.float32, shape=(None, 4))
y = tf.placeholder(tf.float32, shape=(None, 1))
h = Dense(16, activation='relu')(x)
preds = Dense(1, activation='sigmoid')(h)
loss = tf.reduce_mean(tf.keras.losses.binary_crossentropy(y, preds))
train_step = tf.train.AdamOptimizer(0.01).minimize(loss)

sess = tf.Session()
sess.run(tf.global_variables_initializer())
for i in range(200):
    _, l = sess.run([train_step, loss], feed_dict={x: data, y: target})
    if i % 50 == 0:
        print(i, 'loss', l)
