# An echo seq2seq: tf.contrib.rnn.GRUCell encoder/decoder and tf.contrib.seq2seq.sequence_loss (2017 style).
import numpy as np
import tensorflow as tf

np.random.seed(1)
vocab, seq_len, batch = 6, 5, 32
data = np.random.randint(1, vocab, (batch, seq_len))
go = np.zeros((batch, 1), dtype=np.int64)

enc_in = tf.placeholder(tf.int64, [None, seq_len])
dec_in = tf.placeholder(tf.int64, [None, seq_len])
targets = tf.placeholder(tf.int64, [None, seq_len])
embedding = tf.get_variable('embedding', [vocab, 16])

with tf.variable_scope('encoder'):
    _, state = tf.nn.dynamic_rnn(tf.contrib.rnn.GRUCell(32), tf.nn.embedding_lookup(embedding, enc_in), dtype=tf.float32)
with tf.variable_scope('decoder'):
    outputs, _ = tf.nn.dynamic_rnn(tf.contrib.rnn.GRUCell(32), tf.nn.embedding_lookup(embedding, dec_in),
                                   initial_state=state)
logits = tf.layers.dense(outputs, vocab)
loss = tf.contrib.seq2seq.sequence_loss(logits, targets, tf.ones([tf.shape(enc_in)[0], seq_len]))
train_op = tf.train.AdamOptimizer(0.01).minimize(loss)

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    feed = {enc_in: data, dec_in: np.hstack([go, data[:, :-1]]), targets: data}
    for step in range(100):
        _, l = sess.run([train_op, loss], feed)
        if step % 20 == 0:
            print(step, 'loss', l)
