import tensorflow as tf
import tensorflow.contrib.slim as slim

try:
    xrange
except NameError:  # Python 3
    xrange = range


def lrelu(x, leak=0.2, name="lrelu"):
    return tf.maximum(x, leak * x)


@slim.add_arg_scope
def conv_bn_lrelu(inputs, num_outputs, is_training, kernel_size=[5, 5], stride=2, scope=None):
    with tf.variable_scope(scope):
        h = slim.conv2d(inputs, num_outputs, kernel_size, stride=stride, activation_fn=None, scope='conv')
        h = slim.batch_norm(h, decay=0.9, scale=True, is_training=is_training, updates_collections=None,
                            scope='bn')
        return lrelu(h)


def deconv2d(inputs, num_outputs, activation_fn=tf.nn.relu, scope=None):
    return slim.conv2d_transpose(inputs, num_outputs, [5, 5], stride=2, activation_fn=activation_fn, scope=scope)
