# tf.contrib.framework.get_or_create_global_step with an optimizer's global_step (2017 style).
import tensorflow as tf

global_step = tf.contrib.framework.get_or_create_global_step()
x = tf.Variable(5.0)
loss = tf.square(x)
train_op = tf.train.GradientDescentOptimizer(0.1).minimize(loss, global_step=global_step)
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for _ in range(10):
        sess.run(train_op)
    print('global_step:', sess.run(global_step))
