# A seeded script of the era written with tf.contrib: contrib.layers' conv2d, batch_norm, max_pool2d,
# conv2d_transpose, flatten, dropout, fully_connected and layer_norm with its initializers and an L2
# regularizer; contrib.rnn's cells and static RNNs; contrib.seq2seq.sequence_loss; contrib.framework's
# global step.
import numpy as np
import tensorflow as tf

tf.set_random_seed(777)

X = tf.placeholder(tf.float32, [None, 8, 8, 1])
Y = tf.placeholder(tf.float32, [None, 4])
T = tf.placeholder(tf.int32, [None, 8])
is_training = tf.placeholder(tf.bool)
# Made before the random ops: TF 1.15's tf.ones of a shape holding a tensor made ops of its own.
weights = tf.ones([tf.shape(T)[0], 8])
global_step = tf.contrib.framework.get_or_create_global_step()

net = tf.contrib.layers.conv2d(X, 4, [3, 3], weights_initializer=tf.contrib.layers.xavier_initializer_conv2d(),
                               weights_regularizer=tf.contrib.layers.l2_regularizer(0.01))
net = tf.contrib.layers.batch_norm(net, is_training=is_training, scale=True)
net = tf.contrib.layers.max_pool2d(net, [2, 2])
net = tf.contrib.layers.conv2d_transpose(net, 2, [3, 3], stride=2)
net = tf.contrib.layers.flatten(net)
net = tf.contrib.layers.dropout(net, keep_prob=0.7, is_training=is_training)
net = tf.contrib.layers.fully_connected(net, 16, weights_initializer=tf.contrib.layers.variance_scaling_initializer())
net = tf.contrib.layers.layer_norm(net)
W = tf.get_variable('W', [16, 4], initializer=tf.contrib.layers.xavier_initializer(uniform=False))
logits = tf.matmul(net, W) + tf.contrib.layers.linear(tf.contrib.layers.flatten(X), 4)

rows = tf.unstack(tf.reshape(X, [-1, 8, 8]), axis=1)
forward, backward = tf.contrib.rnn.BasicLSTMCell(6), tf.contrib.rnn.GRUCell(6)
both, _, _ = tf.contrib.rnn.static_bidirectional_rnn(forward, backward, rows, dtype=tf.float32)
cell = tf.contrib.rnn.MultiRNNCell([tf.contrib.rnn.DropoutWrapper(tf.contrib.rnn.LSTMCell(5), output_keep_prob=0.8),
                                    tf.contrib.rnn.BasicRNNCell(5)])
stacked, _ = tf.contrib.rnn.static_rnn(cell, both, dtype=tf.float32, scope='stacked')
sequence_logits = tf.contrib.layers.fully_connected(tf.stack(stacked, axis=1), 3, activation_fn=None)
sequence_loss = tf.contrib.seq2seq.sequence_loss(sequence_logits, T, weights)

cost = (tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits_v2(logits=logits, labels=Y)) + sequence_loss
        + tf.losses.get_regularization_loss())
with tf.control_dependencies(tf.get_collection(tf.GraphKeys.UPDATE_OPS)):
    train = tf.train.AdamOptimizer(learning_rate=0.01).minimize(cost, global_step=global_step)

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for v in tf.global_variables():
        value = sess.run(v)
        print(v.op.name, v.shape, '%.9g' % np.asarray(value, np.float64).sum(), '%.9g' % np.ravel(value)[0])

    x_data = np.sin(np.arange(6 * 64, dtype=np.float32)).reshape(6, 8, 8, 1)
    y_data = np.eye(4, dtype=np.float32)[[0, 1, 2, 3, 0, 1]]
    t_data = (np.arange(6 * 8) % 3).reshape(6, 8)
    for step in range(10):
        c, _ = sess.run([cost, train], feed_dict={X: x_data, Y: y_data, T: t_data, is_training: True})
        print(step, '%.9g' % c)
    print('global step', sess.run(global_step))
