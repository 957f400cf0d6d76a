# Softmax classifier on three clusters, with one-hot labels (tf.one_hot) and argmax accuracy.
import numpy as np
import tensorflow as tf

np.random.seed(0)
centers = np.array([[0, 3], [3, 0], [-3, -3]], dtype=np.float32)
labels = np.random.randint(0, 3, 300)
x_data = centers[labels] + np.random.randn(300, 2).astype(np.float32)
y_data = labels.reshape(-1, 1)

nb_classes = 3
X = tf.placeholder(tf.float32, [None, 2])
Y = tf.placeholder(tf.int32, [None, 1])
Y_one_hot = tf.reshape(tf.one_hot(Y, nb_classes), [-1, nb_classes])

W = tf.Variable(tf.random_normal([2, nb_classes]), name='weight')
b = tf.Variable(tf.random_normal([nb_classes]), name='bias')
logits = tf.matmul(X, W) + b
hypothesis = tf.nn.softmax(logits)

cost = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits_v2(logits=logits, labels=tf.stop_gradient(Y_one_hot)))
optimizer = tf.train.GradientDescentOptimizer(learning_rate=0.1).minimize(cost)

prediction = tf.argmax(hypothesis, 1)
correct_prediction = tf.equal(prediction, tf.argmax(Y_one_hot, 1))
accuracy = tf.reduce_mean(tf.cast(correct_prediction, tf.float32))

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for step in range(301):
        sess.run(optimizer, feed_dict={X: x_data, Y: y_data})
        if step % 100 == 0:
            loss, acc = sess.run([cost, accuracy], feed_dict={X: x_data, Y: y_data})
            print("Step: {:5}\tcost: {:.3f}\tAcc: {:.2%}".format(step, loss, acc))
    print("Accuracy:", sess.run(accuracy, feed_dict={X: x_data, Y: y_data}))
