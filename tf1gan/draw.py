"""Drawing from a trained checkpoint (9.2 더 해보기: "숫자를 임의로 넣어 생성하는 프로그램").

The listing's graph is rebuilt with the hyper-parameters recorded in the checkpoint folder,
the newest Saver checkpoint is restored, and G is run on the listing's own noise.
"""
import math

import numpy as np
import tensorflow as tf2
import tensorflow.compat.v1 as tf

from tf1gan import checkpoint, listing, seeding
from tf1gan.errors import InputError


def labels_for(digits, num):
    """The rows of one-hot labels to draw: one row of `digits`, or for 'all' ten rows (0-9) of num."""
    rows = [[d] * num for d in range(10)] if digits == 'all' else [digits]
    return [np.eye(10)[row] for row in rows]


def grid_rows(count):
    """count images as rows of a near-square grid: 25 -> 5 rows of 5."""
    columns = math.ceil(math.sqrt(count))
    return [slice(start, min(start + columns, count)) for start in range(0, count, columns)]


def draw(checkpoint_dir, model=None, digits=None, num=25, seed=None):
    """Rows of generated 784-pixel images: cgan draws `digits`, gan and dcgan a grid of num."""
    config = checkpoint.read_config(checkpoint_dir)
    if model is not None and config['model'] != model:
        raise InputError(f'the checkpoint in {checkpoint_dir} is of model {config["model"]}, not {model}')
    if (config['model'] == 'cgan') != (digits is not None):
        raise InputError('--digits draws chosen digits and needs a cgan checkpoint; '
                         f'the checkpoint in {checkpoint_dir} is of model {config["model"]}')
    module = listing.load(config['model'])
    if config['model'] == 'dcgan':
        return _draw_dcgan(module, checkpoint_dir, config['n_noise'], num, seed)
    with tf.Graph().as_default():
        seeding.seed_graph(seed)
        graph = module.build(n_hidden=config['n_hidden'], n_noise=config['n_noise'],
                             learning_rate=config['learning_rate'])
        with tf.Session() as sess:
            tf.train.Saver().restore(sess, checkpoint.latest(checkpoint_dir))
            if digits is not None:
                return [sess.run(graph.G, feed_dict={graph.Y: labels, graph.Z: module.get_noise(len(labels),
                                                                                             config['n_noise'])})
                        for labels in labels_for(digits, num)]
            images = sess.run(graph.G, feed_dict={graph.Z: module.get_noise(num, config['n_noise'])})
            return [images[rows] for rows in grid_rows(num)]


def _draw_dcgan(dcgan, checkpoint_dir, n_noise, num, seed):
    """The DCGAN's generator (eager Keras) on the listing's N(0, 1) noise, rescaled to 0-1."""
    seeding.seed_graph(seed)
    models = dcgan.build(n_noise=n_noise)
    tf2.train.Checkpoint(gan=models.gan).restore(checkpoint.latest(checkpoint_dir)).expect_partial()
    images = 0.5 * models.generator.predict(np.random.normal(0, 1, (num, n_noise)), verbose=0) + 0.5
    images = images.reshape(num, 28 * 28)
    return [images[rows] for rows in grid_rows(num)]
