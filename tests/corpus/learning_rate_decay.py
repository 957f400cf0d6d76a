# tf.train.exponential_decay with a global_step, and tf.train.MomentumOptimizer (2016 style).
import numpy as np
import tensorflow as tf

x_data = np.random.RandomState(1).rand(100, 3).astype(np.float32)
y_data = x_data.dot([[0.1], [0.2], [0.3]]) + 0.3

global_step = tf.Variable(0, trainable=False)
starter_learning_rate = 0.1
learning_rate = tf.train.exponential_decay(starter_learning_rate, global_step, 50, 0.5, staircase=True)

X = tf.placeholder(tf.float32, [None, 3])
Y = tf.placeholder(tf.float32, [None, 1])
W = tf.Variable(tf.zeros([3, 1]))
b = tf.Variable(tf.zeros([1]))
cost = tf.reduce_mean(tf.square(tf.matmul(X, W) + b - Y))
train = tf.train.MomentumOptimizer(learning_rate, momentum=0.9).minimize(cost, global_step=global_step)

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for step in range(201):
        _, c, lr = sess.run([train, cost, learning_rate], feed_dict={X: x_data, Y: y_data})
        if step % 50 == 0:
            print(step, 'cost', c, 'lr', lr)
    print('learning rate decayed:', sess.run(learning_rate) < starter_learning_rate)
