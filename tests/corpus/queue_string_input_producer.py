# Reading a CSV with queues (hunkim lab-04-4 style): string_input_producer, TextLineReader, decode_csv,
# tf.train.batch, a Coordinator and the queue runners.
import tensorflow as tf

with open('data-01-test-score.csv', 'w') as f:  # the lab's file: three quiz scores and the final exam
    f.write('# EXAM1,EXAM2,EXAM3,FINAL\n')
    for row in [(73, 80, 75, 152), (93, 88, 93, 185), (89, 91, 90, 180), (96, 98, 100, 196), (73, 66, 70, 142),
                (53, 46, 55, 101), (69, 74, 77, 149), (47, 56, 60, 115), (87, 79, 90, 175), (79, 70, 88, 164)]:
        f.write(','.join(map(str, row)) + '\n')

tf.set_random_seed(777)
filename_queue = tf.train.string_input_producer(['data-01-test-score.csv'], shuffle=False, name='filename_queue')
reader = tf.TextLineReader(skip_header_lines=1)
key, value = reader.read(filename_queue)
record_defaults = [[0.], [0.], [0.], [0.]]
xy = tf.decode_csv(value, record_defaults=record_defaults)
train_x_batch, train_y_batch = tf.train.batch([xy[0:-1], xy[-1:]], batch_size=10)

X = tf.placeholder(tf.float32, shape=[None, 3])
Y = tf.placeholder(tf.float32, shape=[None, 1])
W = tf.Variable(tf.random_normal([3, 1]), name='weight')
b = tf.Variable(tf.random_normal([1]), name='bias')
hypothesis = tf.matmul(X, W) + b
cost = tf.reduce_mean(tf.square(hypothesis - Y))
train = tf.train.GradientDescentOptimizer(learning_rate=1e-5).minimize(cost)

sess = tf.Session()
sess.run(tf.global_variables_initializer())
coord = tf.train.Coordinator()
threads = tf.train.start_queue_runners(sess=sess, coord=coord)
for step in range(201):
    x_batch, y_batch = sess.run([train_x_batch, train_y_batch])
    cost_val, hy_val, _ = sess.run([cost, hypothesis, train], feed_dict={X: x_batch, Y: y_batch})
    if step % 50 == 0:
        print(step, "cost", cost_val)
coord.request_stop()
coord.join(threads)
