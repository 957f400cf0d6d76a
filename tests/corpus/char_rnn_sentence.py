# Character-level RNN on one sentence (hunkim lab-12-4 style), tf.nn.rnn_cell only: MultiRNNCell, dynamic_rnn.
import numpy as np
import tensorflow as tf

tf.set_random_seed(777)
sentence = ("if you want to build a ship, don't drum up people together to "
            "collect wood and don't assign them tasks and work, but rather "
            "teach them to long for the endless immensity of the sea.")
char_set = list(sorted(set(sentence)))
char_dic = {w: i for i, w in enumerate(char_set)}

data_dim = hidden_size = num_classes = len(char_set)
sequence_length = 10
learning_rate = 0.1

dataX, dataY = [], []
for i in range(0, len(sentence) - sequence_length):
    dataX.append([char_dic[c] for c in sentence[i:i + sequence_length]])
    dataY.append([char_dic[c] for c in sentence[i + 1: i + sequence_length + 1]])
batch_size = len(dataX)

X = tf.placeholder(tf.int32, [None, sequence_length])
Y = tf.placeholder(tf.int32, [None, sequence_length])
X_one_hot = tf.one_hot(X, num_classes)


def lstm_cell():
    return tf.nn.rnn_cell.BasicLSTMCell(hidden_size, state_is_tuple=True)


multi_cells = tf.nn.rnn_cell.MultiRNNCell([lstm_cell() for _ in range(2)], state_is_tuple=True)
outputs, _states = tf.nn.dynamic_rnn(multi_cells, X_one_hot, dtype=tf.float32)
X_for_fc = tf.reshape(outputs, [-1, hidden_size])
outputs = tf.layers.dense(X_for_fc, num_classes, activation=None)
outputs = tf.reshape(outputs, [batch_size, sequence_length, num_classes])

loss = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(labels=Y, logits=outputs))
train_op = tf.train.AdamOptimizer(learning_rate=learning_rate).minimize(loss)
accuracy = tf.reduce_mean(tf.cast(tf.equal(tf.argmax(outputs, 2, output_type=tf.int32), Y), tf.float32))

sess = tf.Session()
sess.run(tf.global_variables_initializer())
for i in range(150):
    _, l = sess.run([train_op, loss], feed_dict={X: dataX, Y: dataY})
    if i % 25 == 0:
        print(i, 'loss', l)
print('accuracy', sess.run(accuracy, feed_dict={X: dataX, Y: dataY}))
