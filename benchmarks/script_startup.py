"""A small TF1 script's whole process through `python -m tf1gan.script` against `python` running its
tf.compat.v1 twin (the same script with `import tensorflow.compat.v1 as tf` and tf.disable_v2_behavior()),
N paired runs interleaved (command, twin, command, twin, ...): wall times and their ratio.

    .venv/bin/python benchmarks/script_startup.py [--runs=5]

Start-up is most of such a process (importing TensorFlow), which is what the command must not slow.
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

SCRIPT = '''\
import tensorflow as tf

X = tf.placeholder(tf.float32, [None, 1])
W = tf.Variable(tf.zeros([1, 1]))
cost = tf.reduce_mean(tf.square(tf.matmul(X, W) - 2 * X))
train = tf.train.GradientDescentOptimizer(0.1).minimize(cost)
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for step in range(100):
        sess.run(train, feed_dict={X: [[1.0], [2.0]]})
    print('cost', sess.run(cost, feed_dict={X: [[1.0], [2.0]]}))
'''
TWIN = SCRIPT.replace('import tensorflow as tf\n', 'import tensorflow.compat.v1 as tf\ntf.disable_v2_behavior()\n')


def wall_time(command, cwd):
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--runs', type=int, default=5)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as folder:
        with open(os.path.join(folder, 'small.py'), 'w') as f:
            f.write(SCRIPT)
        with open(os.path.join(folder, 'small_v1.py'), 'w') as f:
            f.write(TWIN)
        command = [sys.executable, '-m', 'tf1gan.script', 'small.py']
        twin = [sys.executable, 'small_v1.py']
        wall_time(twin, folder)  # warms the file cache for both
        pairs = []
        for i in range(1, runs + 1):
            pairs.append((wall_time(command, folder), wall_time(twin, folder)))
            print(f'run {i}: tf1gan.script {pairs[-1][0]:.2f} s, python twin {pairs[-1][1]:.2f} s', flush=True)
    ours, theirs = statistics.median(p[0] for p in pairs), statistics.median(p[1] for p in pairs)
    print(f'median: tf1gan.script {ours:.2f} s, python twin {theirs:.2f} s: {ours / theirs:.2f}x the twin\'s wall time')
    paired = statistics.median(p[0] / p[1] for p in pairs)
    print(f'median of the paired ratios: {paired:.2f}x')
    print(f'load average: {os.getloadavg()[0]:.2f}')


if __name__ == '__main__':
    main()
