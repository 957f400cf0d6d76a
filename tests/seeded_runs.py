"""Seeded TF1 scripts run under TensorFlow 1.15 and through tf1gan.script, and what they print,
compared: for tests/test_tf115_seeds.py and benchmarks/tf115_agreement.py.

The scripts: tests/seeded/*.py, and the book's 9.1 and 9.2 listings (from the seed text) and
examples/cgan_cnn.py (9.2's exercise in the book's style) with
`tf.set_random_seed(1); np.random.seed(1)` put before MNIST is read, as a reader seeds them.
Each run also writes its initial variables (`initial_values.npz`, right after the listing's
`sess.run(tf.global_variables_initializer())`) so that they can be compared bit for bit by name.
"""
import os
import pathlib
import re
import shutil
import subprocess
import sys

import numpy as np

import tf115
from hang import HANG

HERE = pathlib.Path(__file__).resolve().parent
SEEDED = HERE / 'seeded'
NUMBER = re.compile(r'-?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?|nan|-?inf')
INITIALIZED = 'sess.run(tf.global_variables_initializer())\n'
DUMP = ("__import__('numpy').savez('initial_values.npz', **{v.op.name.replace('/', '|'): sess.run(v) "
        "for v in tf.global_variables()})\n")


def with_initial_values(text):
    """The script's text, writing its initial variables to initial_values.npz once initialised."""
    assert INITIALIZED in text, 'the script must initialise its variables with ' + INITIALIZED
    return re.sub(r'^( *)' + re.escape(INITIALIZED), lambda m: m.group(0) + m.group(1) + DUMP, text, count=1,
                  flags=re.M)


def seeded_listing(listing, seed=1, total_epoch=None, batch_size=None, iterations=None, one_thread=False):
    """A book listing with `tf.set_random_seed(seed); np.random.seed(seed)` before MNIST is read;
    total_epoch and batch_size changed if given; iterations: each epoch has this many iterations,
    and each prints its `loss_val_D loss_val_G` (9 digits); one_thread: its Session runs every op on
    one thread (TensorFlow's default is the machine's cores). `%matplotlib inline` is left out."""
    text = listing.replace('%matplotlib inline\n', '')
    if one_thread:
        assert 'sess = tf.Session()\n' in text, 'the listing must make its Session with sess = tf.Session()'
        text = text.replace('sess = tf.Session()\n', 'sess = tf.Session(config=tf.ConfigProto(intra_op_parallelism_threads=1, '
                            'inter_op_parallelism_threads=1))\n', 1)
    text = text.replace('mnist = input_data.read_data_sets(',
                        f'tf.set_random_seed({seed})\nnp.random.seed({seed})\nmnist = input_data.read_data_sets(', 1)
    if total_epoch is not None:
        text = re.sub(r'^total_epoch = \d+\n', f'total_epoch = {total_epoch}\n', text, count=1, flags=re.M)
    if batch_size is not None:
        text = re.sub(r'^batch_size = \d+\n', f'batch_size = {batch_size}\n', text, count=1, flags=re.M)
    if iterations is not None:
        text = text.replace('total_batch = int(mnist.train.num_examples / batch_size)\n',
                            f'total_batch = {iterations}\n', 1)
        text = re.sub(r'\n( +)(_, loss_val_G = sess\.run\(.*\))\n',
                      r"\n\1\2\n\1print('%.9g %.9g' % (loss_val_D, loss_val_G))\n", text, count=1)
    return text


def iteration_losses(printed):
    """The [iterations, 2] array of (loss_val_D, loss_val_G) a listing made by seeded_listing(...,
    iterations=n) printed."""
    return np.array([[float(v) for v in line.split()] for line in printed.splitlines() if line[:1] in '-0123456789'])


def main_iteration_losses(model, folder, mnist_dir, iterations, seed=1):
    """The [iterations, 2] array of (loss_val_D, loss_val_G) of `tf1gan.main --model=<model> --seed=<seed>
    --loop=book`'s first epoch of `iterations` iterations, run in this process in folder: the book
    loop's own code (tf1gan.training.train.run_epoch), its Session.runs recorded."""
    import training
    from tf1gan.training import train
    losses, book_epoch = [], train.run_epoch

    class Recorded:
        def __init__(self, sess):
            self.sess = sess

        def run(self, fetches, feed_dict=None):
            result = self.sess.run(fetches, feed_dict=feed_dict)
            losses.append(float(result[1]))  # [train step, loss]
            return result

    train.run_epoch = lambda sess, *args, **kwargs: book_epoch(Recorded(sess), *args, **kwargs)
    try:
        training.train(model, folder, 1, mnist_dir=mnist_dir, seed=seed, total_batch=iterations, loop='book')
    finally:
        train.run_epoch = book_epoch
    return np.array(losses).reshape(iterations, 2)


def relative_differences(losses, reference):
    """Each iteration's largest relative difference of its two losses from the reference's."""
    return (np.abs(losses - reference) / np.abs(reference)).max(axis=1)


def printed_numbers(text):
    """The numbers a run printed, in order, as floats (`Epoch:  0001` counts as 1.0)."""
    return [float(n) for n in printed_values(text)]


def printed_values(text):
    """The values a run printed, as printed, but the MNIST reader's own lines (file names)."""
    return [value for line in text.splitlines() if not line.startswith(('Extracting ', 'Successfully downloaded '))
            for value in NUMBER.findall(line)]


def leading_identical(expected, actual):
    """How many of the printed values, from the first, are identical (as printed)."""
    count = 0
    for a, b in zip(printed_values(expected), printed_values(actual)):
        if a != b:
            break
        count += 1
    return count


def initial_values(folder):
    """{variable name: initial value} of a run in folder."""
    with np.load(os.path.join(folder, 'initial_values.npz')) as values:
        return {name.replace('|', '/'): values[name] for name in values.files}


def prepare(folder, name, text, mnist_dir):
    """folder/name holding text, and MNIST in folder/mnist/data/ (the listings' folder) if given."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(with_initial_values(text), encoding='utf-8')
    if mnist_dir:
        data = folder / 'mnist' / 'data'
        data.mkdir(parents=True, exist_ok=True)
        for gz in pathlib.Path(mnist_dir).glob('*.gz'):
            shutil.copy(gz, data / gz.name)
    return folder / name


def run_tf115(scripts, timeout=HANG):
    """Runs each prepared script (a path) under TensorFlow 1.15, all in one process, in its own
    folder; {script: stdout}."""
    args = []
    for script in scripts:
        args += [script, script.parent, script.parent / (script.name + '.tf115.out')]
    result = tf115.run(HERE / 'tf115_scripts.py', *args, cwd=HERE, timeout=timeout)
    assert result.returncode == 0, result.stderr
    return {script: (script.parent / (script.name + '.tf115.out')).read_text(encoding='utf-8') for script in scripts}


def run_tf1gan(script, *args, python=sys.executable, timeout=HANG):
    """The prepared script run by `python -m tf1gan.script` in its folder: its stdout (also kept
    beside it, in <script>.tf1gan.out)."""
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL='3', MPLBACKEND='Agg')
    result = subprocess.run([python, '-m', 'tf1gan.script', *map(str, args), script.name], cwd=script.parent,
                            env=env, capture_output=True, text=True, timeout=timeout)
    assert result.returncode == 0, result.stderr
    (script.parent / (script.name + '.tf1gan.out')).write_text(result.stdout, encoding='utf-8')
    return result.stdout
