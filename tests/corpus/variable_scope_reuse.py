# Sharing variables with tf.variable_scope(reuse=True) and tf.get_variable (TF's 2016 "Sharing Variables" guide).
import tensorflow as tf


def conv_relu(input, kernel_shape, bias_shape):
    weights = tf.get_variable("weights", kernel_shape, initializer=tf.random_normal_initializer())
    biases = tf.get_variable("biases", bias_shape, initializer=tf.constant_initializer(0.0))
    conv = tf.nn.conv2d(input, weights, strides=[1, 1, 1, 1], padding='SAME')
    return tf.nn.relu(conv + biases)


def my_image_filter(input_images):
    with tf.variable_scope("conv1"):
        relu1 = conv_relu(input_images, [5, 5, 1, 4], [4])
    with tf.variable_scope("conv2"):
        return conv_relu(relu1, [5, 5, 4, 4], [4])


image1 = tf.placeholder(tf.float32, [1, 8, 8, 1])
image2 = tf.placeholder(tf.float32, [1, 8, 8, 1])
with tf.variable_scope("image_filters") as scope:
    result1 = my_image_filter(image1)
    scope.reuse_variables()
    result2 = my_image_filter(image2)

with tf.variable_scope("image_filters", reuse=True):
    with tf.variable_scope("conv1"):
        w = tf.get_variable("weights")
print('shared:', len(tf.trainable_variables()) == 4 and w.name == 'image_filters/conv1/weights:0')
for v in tf.trainable_variables():
    print(v.name.replace('image_filters/', ''))
