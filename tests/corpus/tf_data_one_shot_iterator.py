# tf.data in a graph (TF 1.4-1.13 style): from_tensor_slices, shuffle, batch, repeat, make_one_shot_iterator.
import numpy as np
import tensorflow as tf

x = np.linspace(-1, 1, 256).astype(np.float32).reshape(-1, 1)
y = 3 * x + 0.5 + np.random.RandomState(0).normal(0, 0.05, x.shape).astype(np.float32)

dataset = tf.data.Dataset.from_tensor_slices((x, y)).shuffle(256, seed=0).batch(32).repeat()
iterator = dataset.make_one_shot_iterator()
features, targets = iterator.get_next()

prediction = tf.layers.dense(features, 1)
loss = tf.losses.mean_squared_error(targets, prediction)
train_op = tf.train.AdamOptimizer(0.05).minimize(loss)

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for step in range(200):
        _, l = sess.run([train_op, loss])
        if step % 40 == 0:
            print('step', step, 'loss', l)
