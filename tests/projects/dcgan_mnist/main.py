"""A DCGAN on MNIST in the shape of the era's GAN projects (main.py, model.py, ops.py, utils.py), written for
tf1gan's tests: TF 1.x, tf.app.flags, tf.contrib.slim, np.float and scipy.misc.imsave, as 2017 code had them."""
import os

import numpy as np
import tensorflow as tf

from model import DCGAN
from utils import pp, show_all_variables

flags = tf.app.flags
flags.DEFINE_integer("epoch", 1, "Epoch to train [1]")
flags.DEFINE_float("learning_rate", 0.0002, "Learning rate of for adam [0.0002]")
flags.DEFINE_float("beta1", 0.5, "Momentum term of adam [0.5]")
flags.DEFINE_float("train_size", np.inf, "The size of train images [np.inf]")
flags.DEFINE_integer("batch_size", 64, "The size of batch images [64]")
flags.DEFINE_integer("z_dim", 100, "Dimension of the noise [100]")
flags.DEFINE_string("data_dir", "./data/mnist", "Where the MNIST ubyte files are [./data/mnist]")
flags.DEFINE_string("checkpoint_dir", "checkpoint", "Directory name to save the checkpoints [checkpoint]")
flags.DEFINE_string("sample_dir", "samples", "Directory name to save the image samples [samples]")
flags.DEFINE_integer("sample_every", 10, "Save a sample grid every this many iterations [10]")
flags.DEFINE_integer("seed", 777, "Graph-level random seed [777]")
FLAGS = flags.FLAGS


def main(_):
    pp.pprint(FLAGS.flag_values_dict())

    if not os.path.exists(FLAGS.checkpoint_dir):
        os.makedirs(FLAGS.checkpoint_dir)
    if not os.path.exists(FLAGS.sample_dir):
        os.makedirs(FLAGS.sample_dir)

    tf.set_random_seed(FLAGS.seed)
    np.random.seed(FLAGS.seed)
    run_config = tf.ConfigProto()
    run_config.gpu_options.allow_growth = True

    with tf.Session(config=run_config) as sess:
        dcgan = DCGAN(sess, batch_size=FLAGS.batch_size, z_dim=FLAGS.z_dim, data_dir=FLAGS.data_dir,
                      checkpoint_dir=FLAGS.checkpoint_dir, sample_dir=FLAGS.sample_dir)
        show_all_variables()
        dcgan.train(FLAGS)


if __name__ == '__main__':
    tf.app.run()
