# The lecture scripts' linear regression (lab 02 style): W and b fetched in the run that updates them.
import tensorflow as tf

tf.set_random_seed(777)

x_train = [1, 2, 3]
y_train = [1, 2, 3]

W = tf.Variable(tf.random_normal([1]), name="weight")
b = tf.Variable(tf.random_normal([1]), name="bias")

hypothesis = x_train * W + b
cost = tf.reduce_mean(tf.square(hypothesis - y_train))

optimizer = tf.train.GradientDescentOptimizer(learning_rate=0.01)
train = optimizer.minimize(cost)

sess = tf.Session()
sess.run(tf.global_variables_initializer())

for step in range(2001):
    _, cost_val, W_val, b_val = sess.run([train, cost, W, b])
    if step % 100 == 0:
        print(step, cost_val, W_val, b_val)
