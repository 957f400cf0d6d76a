"""Drawing from a trained checkpoint (9.2 더 해보기: "숫자를 임의로 넣어 생성하는 프로그램").

The listing's graph is rebuilt with the hyper-parameters recorded in the run's run.json,
the newest Saver checkpoint is restored, and G is run on the listing's own noise.
"""
import math
import os

import numpy as np
import tensorflow.compat.v1 as tf

from tf1gan.runs import checkpoint, folders
from tf1gan.listings import registry
from tf1gan.compat import seeding
from tf1gan.errors import UsageError


def labels_for(digits, num):
    """The rows of one-hot labels to draw: one row of `digits`, or for 'all' ten rows (0-9) of num."""
    rows = [[d] * num for d in range(10)] if digits == 'all' else [digits]
    return [np.eye(10)[row] for row in rows]


def grid_rows(count):
    """count images as rows of a near-square grid: 25 -> 5 rows of 5."""
    columns = math.ceil(math.sqrt(count))
    return [slice(start, min(start + columns, count)) for start in range(0, count, columns)]


def draw(run_dir, model=None, digits=None, num=25, seed=None):
    """Rows of generated 784-pixel images from the run's newest checkpoint: a conditional listing
    (cgan, cgan_cnn) draws `digits`, the others a grid of num."""
    record = folders.read_record(run_dir)
    if model is not None and record['model'] != model:
        raise UsageError(f'{run_dir} is a run of {record["model"]}, not {model}')
    folders.check_hparams(run_dir, record)
    trained, hparams = record['model'], record['hparams']
    conditional = registry.conditional(trained)
    if conditional and digits is None:
        raise UsageError(f'{run_dir} is a {trained} run: give --digits (3,1,4 or all) to say which digits to draw')
    if not conditional and digits is not None:
        raise UsageError(f'--digits draws chosen digits and needs a run of '
                         f'{" or ".join(m for m in registry.MODELS if registry.conditional(m))}; '
                         f'{run_dir} is a run of {trained}')
    checkpoint_dir = os.path.join(run_dir, 'checkpoints')
    module = registry.load(trained)
    if trained == 'dcgan':
        return _draw_dcgan(module, checkpoint_dir, hparams['n_noise'], num, seed)
    with tf.Graph().as_default():
        seeding.seed_graph(seed)
        graph = registry.build_graph(module, n_hidden=hparams['n_hidden'], n_noise=hparams['n_noise'],
                                    learning_rate=hparams['learning_rate'])
        with tf.Session() as sess:
            checkpoint.Checkpoints(checkpoint_dir).restore(sess)
            if digits is not None:
                return [sess.run(graph.G, feed_dict={graph.Y: labels, graph.Z: module.get_noise(len(labels),
                                                                                             hparams['n_noise'])})
                        for labels in labels_for(digits, num)]
            images = sess.run(graph.G, feed_dict={graph.Z: module.get_noise(num, hparams['n_noise'])})
            return [images[rows] for rows in grid_rows(num)]


def _draw_dcgan(dcgan, checkpoint_dir, n_noise, num, seed):
    """The DCGAN's generator (eager Keras) on the listing's N(0, 1) noise, rescaled to 0-1."""
    seeding.seed_graph(seed)
    models = dcgan.build(n_noise=n_noise)
    checkpoint.KerasCheckpoints(checkpoint_dir, gan=models.gan).restore(partial=True)
    images = 0.5 * models.generator.predict(np.random.normal(0, 1, (num, n_noise)), verbose=0) + 0.5
    images = images.reshape(num, 28 * 28)
    return [images[rows] for rows in grid_rows(num)]
