# tf.train.Saver: save the variables, then restore them into a new graph (2016 style).
import os
import numpy as np
import tensorflow as tf

W = tf.Variable(tf.random_normal([3, 2]), name='W')
b = tf.Variable(tf.zeros([2]), name='b')
saver = tf.train.Saver()
if not os.path.exists('./model'):
    os.makedirs('./model')
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    saved_W = sess.run(W)
    save_path = saver.save(sess, './model/my_model.ckpt')
    print('Model saved in file:', save_path)

tf.reset_default_graph()
W = tf.Variable(tf.zeros([3, 2]), name='W')
b = tf.Variable(tf.zeros([2]), name='b')
saver = tf.train.Saver()
with tf.Session() as sess:
    saver.restore(sess, './model/my_model.ckpt')
    print('restored W equals saved W:', bool(np.array_equal(sess.run(W), saved_W)))
