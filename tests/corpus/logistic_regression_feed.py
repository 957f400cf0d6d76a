# Logistic regression (binary classification) with feeds, hunkim's lab-05 style.
import numpy as np
import tensorflow as tf

tf.set_random_seed(777)
np.random.seed(777)

x_data = np.random.randn(200, 2).astype(np.float32)
y_data = (x_data[:, :1] + x_data[:, 1:] + 0.5 * np.random.randn(200, 1) > 0).astype(np.float32)

X = tf.placeholder(tf.float32, shape=[None, 2])
Y = tf.placeholder(tf.float32, shape=[None, 1])
W = tf.Variable(tf.random_normal([2, 1]), name='weight')
b = tf.Variable(tf.random_normal([1]), name='bias')

hypothesis = tf.sigmoid(tf.matmul(X, W) + b)
cost = -tf.reduce_mean(Y * tf.log(hypothesis) + (1 - Y) * tf.log(1 - hypothesis))
train = tf.train.GradientDescentOptimizer(learning_rate=0.5).minimize(cost)

predicted = tf.cast(hypothesis > 0.5, dtype=tf.float32)
accuracy = tf.reduce_mean(tf.cast(tf.equal(predicted, Y), dtype=tf.float32))

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for step in range(501):
        cost_val, _ = sess.run([cost, train], feed_dict={X: x_data, Y: y_data})
        if step % 100 == 0:
            print(step, 'cost', cost_val)
    a = sess.run(accuracy, feed_dict={X: x_data, Y: y_data})
    print("Accuracy:", a)
