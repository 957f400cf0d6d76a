# In-memory data through queues: tf.train.slice_input_producer and tf.train.shuffle_batch (2016 style).
import numpy as np
import tensorflow as tf

np.random.seed(3)
features = np.random.randn(500, 4).astype(np.float32)
labels = (features[:, 0] - features[:, 1] > 0).astype(np.int64)

feature, label = tf.train.slice_input_producer([features, labels], shuffle=True, seed=1)
x_batch, y_batch = tf.train.shuffle_batch([feature, label], batch_size=32, capacity=200, min_after_dequeue=100,
                                          num_threads=2, seed=1)
logits = tf.layers.dense(x_batch, 2, name='linear')
loss = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(labels=y_batch, logits=logits))
train_op = tf.train.GradientDescentOptimizer(0.5).minimize(loss)

X = tf.placeholder(tf.float32, [None, 4])
with tf.variable_scope('', reuse=True):
    eval_logits = tf.layers.dense(X, 2, name='linear')

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    coord = tf.train.Coordinator()
    threads = tf.train.start_queue_runners(sess, coord)
    try:
        for step in range(200):
            sess.run(train_op)
    finally:
        coord.request_stop()
        coord.join(threads)
    predicted = sess.run(eval_logits, {X: features}).argmax(axis=1)
    print('accuracy', (predicted == labels).mean())
