"""`tfe = tf.contrib.eager` (`import tensorflow.contrib.eager as tfe`) inside a reader's script:
TF 1.15's names (tensorflow_core/contrib/eager/python/tfe.py) that TensorFlow 2 still has, under
those names. In TF 1.15 they were these same functions and classes: tfe.Variable was
ResourceVariable (TensorFlow 2's tf.Variable), tfe.Iterator(dataset) the dataset's eager iterator
(iter(dataset)), implicit_gradients & co. tensorflow.python.eager.backprop's functions, which
TensorFlow 2 keeps. A name with no equal (tfe.Network, tfe.Saver, tfe.metrics, ...) is one line.
"""
from tf1gan.script.contrib.base import ContribModule


def module(views):
    """tf.contrib.eager for a script run with views (its enable_eager_execution is the views')."""
    import tensorflow as tf2
    from tensorflow.python.eager import backprop

    def Iterator(dataset):  # noqa: N802  (TF 1.15's name)
        """tfe.Iterator(dataset): iterates the dataset eagerly (next(it), it.next(), it.get_next())."""
        return iter(dataset)

    def num_gpus():
        return len(tf2.config.list_physical_devices('GPU'))

    names = dict(
        Variable=tf2.Variable, Iterator=Iterator, GradientTape=tf2.GradientTape,
        implicit_gradients=backprop.implicit_grad, implicit_value_and_gradients=backprop.implicit_val_and_grad,
        gradients_function=backprop.gradients_function, value_and_gradients_function=backprop.val_and_grad_function,
        executing_eagerly=tf2.executing_eagerly, in_eager_mode=tf2.executing_eagerly,
        enable_eager_execution=views.enable_eager_execution, defun=tf2.function, function=tf2.function,
        custom_gradient=tf2.custom_gradient, py_func=tf2.py_function, num_gpus=num_gpus,
        Checkpoint=tf2.compat.v1.train.Checkpoint, make_template=tf2.compat.v1.make_template,
        TensorSpec=tf2.TensorSpec)

    return ContribModule('tf.contrib.eager', names)  # any other name: one line
