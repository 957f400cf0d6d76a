"""tf.contrib.slim (`import tensorflow.contrib.slim as slim`, `from tensorflow.contrib import slim`):
TF 1.15's tensorflow/contrib/slim/__init__.py gathered contrib's names; here are those with a TF1
home, the same objects as under tf.contrib.layers and tf.contrib.framework (slim.conv2d is
tf.contrib.layers.conv2d, as in TF 1.15):

    arg_scope, add_arg_scope, current_arg_scope, has_arg_scope,
    arg_scoped_arguments, arg_scope_func_key                      arg_scope.py
    variable, model_variable, get_variables, get_model_variables,
    get_variables_to_restore, the global step, ...               framework.py
    conv2d, conv2d_transpose, fully_connected, batch_norm, flatten,
    dropout, max_pool2d, avg_pool2d, layer_norm, one_hot_encoding,
    repeat, stack, linear, relu, ...; slim.layers                 layers.py
    xavier_initializer, variance_scaling_initializer, l2_regularizer,
    ...; slim.initializers, slim.regularizers                     initializers.py, regularizers.py
    slim.losses (tf.contrib.losses: contrib's argument order)     losses.py
    slim.model_analyzer: analyze_vars, analyze_ops                model_analyzer.py
    slim.utils: convert_collection_to_dict, collect_named_outputs utils.py
    slim.learning: create_train_op, train, train_step and the
    gradients' clip_gradient_norms, multiply_gradients, ...      training.py

These are what the era's GAN and tutorial code used slim for (DCGAN-tensorflow's
model_analyzer.analyze_vars; models written with slim's layers under arg_scope, their end points
read by utils.convert_collection_to_dict; slim.losses and get_total_loss; slim.learning's
create_train_op and its tf.train.Supervisor loop). Any other name is the one-line
RemovedInTF2Error naming it: slim.nets (the model zoo), slim.metrics,
slim.evaluation, slim.summaries, slim.queues, slim.data and its dataset readers,
slim.variables (TF 1.15's was TensorFlow's own variables module), and contrib.layers' other
layers (separable_conv2d, conv3d, instance_norm, ...). As in TF 1.15, `from tensorflow.contrib.slim
import *` imports nothing (its __all__ was empty).
"""
from tf1gan.script.contrib import arg_scope as arg_scope_module
from tf1gan.script.contrib import model_analyzer, utils
from tf1gan.script.contrib.base import ContribModule


def _named(module, names):
    return {attr: getattr(module, attr) for attr in names}


def module(layers, initializers, regularizers, framework, losses, learning):
    """tf.contrib.slim, from the dicts {name: function} of tf.contrib.layers' layers, initializers
    and regularizers and tf.contrib.framework's variable helpers, and the tf.contrib.losses and
    slim.learning modules."""
    names = _named(arg_scope_module, arg_scope_module.__all__)
    names.update(framework)
    names.update(initializers)
    names.update(regularizers)
    names.update(layers)
    names.update({
        'layers': ContribModule('tf.contrib.slim.layers', layers),
        'initializers': ContribModule('tf.contrib.slim.initializers', initializers),
        'regularizers': ContribModule('tf.contrib.slim.regularizers', regularizers),
        'losses': losses,
        'learning': learning,
        'model_analyzer': ContribModule('tf.contrib.slim.model_analyzer', _named(
            model_analyzer, ('analyze_vars', 'analyze_ops', 'tensor_description'))),
        'utils': ContribModule('tf.contrib.slim.utils', _named(
            utils, ('collect_named_outputs', 'append_tensor_alias', 'gather_tensors_aliases', 'get_tensor_aliases',
                    'convert_collection_to_dict'))),
        '__all__': [],
    })
    return ContribModule('tf.contrib.slim', names)
