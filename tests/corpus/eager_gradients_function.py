# tfe.gradients_function and tfe.value_and_gradients_function (the TF 1.5 eager guide).
import tensorflow as tf
tf.enable_eager_execution()
tfe = tf.contrib.eager


def square(x):
    return tf.multiply(x, x)


grad = tfe.gradients_function(square)
print('d/dx x^2 at 3.0 =', grad(3.)[0].numpy())
value, gradients = tfe.value_and_gradients_function(square)(3.)
print('value and gradient:', value.numpy(), gradients[0].numpy())
