# A bidirectional LSTM over MNIST-like random sequences with tf.contrib.rnn.static_bidirectional_rnn (2017).
import numpy as np
import tensorflow as tf

np.random.seed(0)
timesteps, num_input, num_hidden = 5, 3, 8
x_data = np.random.randn(64, timesteps, num_input).astype(np.float32)
y_data = (x_data.sum(axis=(1, 2)) > 0).astype(np.int32)

X = tf.placeholder(tf.float32, [None, timesteps, num_input])
Y = tf.placeholder(tf.int32, [None])
x = tf.unstack(X, timesteps, 1)
lstm_fw_cell = tf.contrib.rnn.BasicLSTMCell(num_hidden, forget_bias=1.0)
lstm_bw_cell = tf.contrib.rnn.BasicLSTMCell(num_hidden, forget_bias=1.0)
outputs, _, _ = tf.contrib.rnn.static_bidirectional_rnn(lstm_fw_cell, lstm_bw_cell, x, dtype=tf.float32)
logits = tf.layers.dense(outputs[-1], 2)
loss = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(labels=Y, logits=logits))
train_op = tf.train.AdamOptimizer(0.01).minimize(loss)

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for step in range(100):
        _, l = sess.run([train_op, loss], feed_dict={X: x_data, Y: y_data})
        if step % 20 == 0:
            print(step, 'loss', l)
