# MNIST rows through a GRU with tf.nn.dynamic_rnn, the last output into a dense layer (2017 style).
import tensorflow as tf
from tensorflow.examples.tutorials.mnist import input_data
mnist = input_data.read_data_sets("MNIST_data/", one_hot=True)

training_steps = 1000
n_steps, n_inputs, n_neurons, n_outputs = 28, 28, 64, 10

X = tf.placeholder(tf.float32, [None, n_steps, n_inputs])
y = tf.placeholder(tf.int32, [None])

cell = tf.nn.rnn_cell.GRUCell(num_units=n_neurons)
outputs, states = tf.nn.dynamic_rnn(cell, X, dtype=tf.float32)
logits = tf.layers.dense(states, n_outputs)
xentropy = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=y, logits=logits)
loss = tf.reduce_mean(xentropy)
training_op = tf.train.AdamOptimizer(learning_rate=0.001).minimize(loss)
correct = tf.nn.in_top_k(logits, y, 1)
accuracy = tf.reduce_mean(tf.cast(correct, tf.float32))

X_test = mnist.test.images[:1000].reshape((-1, n_steps, n_inputs))
y_test = mnist.test.labels[:1000].argmax(axis=1)
with tf.Session() as sess:
    tf.global_variables_initializer().run()
    for step in range(training_steps):
        X_batch, y_batch = mnist.train.next_batch(128)
        X_batch = X_batch.reshape((-1, n_steps, n_inputs))
        _, l = sess.run([training_op, loss], feed_dict={X: X_batch, y: y_batch.argmax(axis=1)})
        if step % 20 == 0:
            print(step, "loss", l)
    print("Test accuracy", accuracy.eval(feed_dict={X: X_test, y: y_test}))
