"""How fast this machine multiplies float32 matrices in TensorFlow, and what machine it is: shared by the benchmarks."""
import os
import time

import tf1gan  # noqa: F401
import tensorflow.compat.v1 as tf


def matmul_gflops(m, k, n, threads, repeats=200):
    """GFLOP/s of an m x k by k x n matmul chain run inside one Session.run on `threads`
    threads. The session has thread pools of its own: the first Session of a process would
    otherwise fix the pools' sizes for every later one (and change how those round)."""
    with tf.Graph().as_default():
        a, b = tf.random.normal([m, k], seed=1), tf.random.normal([k, n], seed=2)
        loop = tf.while_loop(lambda i, acc: i < repeats,
                             lambda i, acc: (i + 1, acc + tf.reduce_sum(tf.matmul(a * tf.cast(i, tf.float32), b))),
                             [tf.constant(0), tf.constant(0.)])
        config = tf.ConfigProto(intra_op_parallelism_threads=threads, inter_op_parallelism_threads=1,
                                use_per_session_threads=True)
        with tf.Session(config=config) as sess:
            sess.run(loop)
            start = time.perf_counter()
            sess.run(loop)
            return 2 * m * k * n * repeats / (time.perf_counter() - start) / 1e9


def peak_gflops(n=1024):
    """The machine's float32 matmul peak: an n x n x n matmul, the better of 1 and 2 threads."""
    return max(matmul_gflops(n, n, n, threads, repeats=50) for threads in (1, 2))


def machine():
    """'<CPU name>, <n> cores; TensorFlow's kernels: oneDNN|Eigen (<why>)': what a figure was measured on.
    Which library is in force depends on the CPU unless TF_ENABLE_ONEDNN_OPTS says (BUILD.md, "Kernel libraries")."""
    from tensorflow.python.util import _pywrap_util_port  # the public API does not say
    try:
        with open('/proc/cpuinfo', encoding='utf-8') as f:
            cpu = next(line.split(':', 1)[1].strip() for line in f if line.startswith('model name'))
    except (OSError, StopIteration):
        import platform
        cpu = platform.processor() or 'CPU not known'
    chosen = os.environ.get('TF_ENABLE_ONEDNN_OPTS')
    why = f'TF_ENABLE_ONEDNN_OPTS={chosen}' if chosen is not None else "TensorFlow's default for this CPU"
    kernels = 'oneDNN' if _pywrap_util_port.IsMklEnabled() else 'Eigen'
    return f'{cpu}, {os.cpu_count()} cores; TensorFlow\'s kernels: {kernels} ({why})'
