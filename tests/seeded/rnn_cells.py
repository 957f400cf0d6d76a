# A seeded character RNN of the era (lecture lab 12 style): BasicLSTMCell and BasicRNNCell in a
# MultiRNNCell with DropoutWrapper, run by dynamic_rnn, and a GRUCell by static_rnn.
import numpy as np
import tensorflow as tf

tf.set_random_seed(777)

sample = " if you want you"
idx2char = list(set(sample))
idx2char.sort()
char2idx = {c: i for i, c in enumerate(idx2char)}
sample_idx = [char2idx[c] for c in sample]
x_data = [sample_idx[:-1]]
y_data = [sample_idx[1:]]
num_classes = len(char2idx)
sequence_length = len(sample) - 1

X = tf.placeholder(tf.int32, [None, sequence_length])
Y = tf.placeholder(tf.int32, [None, sequence_length])
x_one_hot = tf.one_hot(X, num_classes)

cells = [tf.nn.rnn_cell.DropoutWrapper(tf.nn.rnn_cell.BasicLSTMCell(num_units=num_classes), output_keep_prob=0.8),
         tf.nn.rnn_cell.BasicRNNCell(num_units=num_classes)]
cell = tf.nn.rnn_cell.MultiRNNCell(cells, state_is_tuple=True)
# One iteration at a time: DropoutWrapper draws its output mask inside dynamic_rnn's while loop, and
# no later iteration waits for it, so iterations run in parallel draw in any order (TF 1.15 itself
# printed other losses from one run to the next with the default parallel_iterations=32).
outputs, _states = tf.nn.dynamic_rnn(cell, x_one_hot, dtype=tf.float32, parallel_iterations=1)

with tf.variable_scope('static'):
    gru = tf.nn.rnn_cell.GRUCell(num_units=num_classes)
    static_outputs, _ = tf.nn.static_rnn(gru, tf.unstack(x_one_hot, axis=1), dtype=tf.float32)

logits = outputs + tf.stack(static_outputs, axis=1)
weights = tf.ones([1, sequence_length])
loss = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(logits=logits, labels=Y))
train = tf.train.AdamOptimizer(learning_rate=0.1).minimize(loss)

sess = tf.Session()
sess.run(tf.global_variables_initializer())

for v in tf.global_variables():
    value = sess.run(v)
    print(v.op.name, value.shape, '%.9g' % value.astype(np.float64).sum(), '%.9g' % value.flat[0])

for i in range(10):
    l, _ = sess.run([loss, train], feed_dict={X: x_data, Y: y_data})
    print(i, 'loss:', '%.9g' % l)
