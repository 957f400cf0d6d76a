"""tf.contrib.layers' layers, built as TF 1.15 built them (tensorflow/contrib/layers/python/layers/layers.py):
a variable_scope named for the layer (`fully_connected`, `fully_connected_1`, ..., `Conv`, `BatchNorm`)
around the tf.layers class of the same maths (tf.compat.v1.layers, Keras 2's legacy layers), whose
`kernel` and `bias` are renamed `weights` and `biases` and made model variables, so that the
variables, their collections and a TF 1.x checkpoint's names are contrib's. Defaults are contrib's:
ReLU, Xavier (Glorot uniform) weights, zero biases; batch_norm decay=0.999, center=True,
scale=False, epsilon=0.001, its moving averages updated by ops in UPDATE_OPS.

The layers TF 1.15 decorated with @add_arg_scope are decorated here (arg_scope.py): all but
embed_sequence (contrib's encoders.py did not) and linear, relu, relu6 (functools.partial objects
of fully_connected, which an arg_scope for fully_connected reaches, but which no arg_scope takes).
"""
import functools
import warnings

import tensorflow as tf

from tf1gan.script.contrib import framework, utils
from tf1gan.script.contrib.arg_scope import contrib_arg_scope
from tf1gan.script.contrib.base import removed
from tf1gan.script.contrib.initializers import xavier_initializer

v1 = tf.compat.v1
# flatten below calls tf.layers.flatten, as contrib did; Keras 2's deprecation notice would name this file in the
# reader's output.
warnings.filterwarnings('ignore', message=r'`tf\.layers\.flatten` is deprecated', module=__name__)
NHWC, NCHW = 'NHWC', 'NCHW'
_WEIGHTS_ARGUMENTS = ('weights_initializer', 'weights_regularizer', 'biases_initializer', 'biases_regularizer',
                      'reuse', 'variables_collections', 'outputs_collections', 'trainable', 'scope')
# arg_scoped_arguments of TF 1.15's own layers, as its formula counted them (arg_scope.py), measured in TF 1.15.
_arg_scoped = contrib_arg_scope({
    'fully_connected': _WEIGHTS_ARGUMENTS[1:],
    'convolution': _WEIGHTS_ARGUMENTS + ('conv_dims',),
    'convolution2d': ('stride', 'padding', 'data_format', 'rate', 'activation_fn', 'normalizer_fn',
                      'normalizer_params') + _WEIGHTS_ARGUMENTS,
    'convolution2d_transpose': ('normalizer_params',) + _WEIGHTS_ARGUMENTS,
    'max_pool2d': ('scope',), 'avg_pool2d': ('scope',), 'flatten': (), 'batch_norm': (), 'layer_norm': (),
    'dropout': ('outputs_collections', 'scope', 'seed'), 'one_hot_encoding': ('outputs_collections', 'scope'),
})


def _layer_variable_getter(rename):
    """A custom getter making each variable a model variable, `kernel` -> rename['kernel'] and so on.
    What else tf.layers passes (constraint, ...) is dropped, as TF 1.15's _model_variable_getter drops it.
    (TensorFlow calls it with getter=, the getter below it, by keyword.)"""
    def renaming_getter(getter, name, shape=None, dtype=None, initializer=None, regularizer=None, trainable=True,
                        collections=None, caching_device=None, partitioner=None, use_resource=None,
                        synchronization=tf.VariableSynchronization.AUTO, aggregation=tf.VariableAggregation.NONE,
                        **_):
        parts = name.split('/')
        parts[-1] = rename.get(parts[-1], parts[-1])
        return framework.model_variable('/'.join(parts), shape=shape, dtype=dtype, initializer=initializer,
                                        regularizer=regularizer, collections=collections, trainable=trainable,
                                        caching_device=caching_device, partitioner=partitioner,
                                        custom_getter=getter, use_resource=use_resource,
                                        synchronization=synchronization, aggregation=aggregation)
    return renaming_getter


WEIGHTS_AND_BIASES = _layer_variable_getter({'kernel': 'weights', 'bias': 'biases'})


def _collections(variables_collections, name):
    """The collections variables_collections (a list, or a dict by variable name) gives for name."""
    return variables_collections.get(name) if isinstance(variables_collections, dict) else variables_collections


def _collect(variable, collections, name):
    """Adds variable to the collections variables_collections gives for name."""
    for collection in _collections(collections, name) or ():
        if variable not in v1.get_collection(collection):
            v1.add_to_collection(collection, variable)


def _channels(data_format):
    return 'channels_first' if data_format and data_format.startswith('NC') else 'channels_last'


def _weights_layer(default_name, make_layer, inputs, activation_fn, normalizer_fn, normalizer_params,
                   weights_initializer, weights_regularizer, biases_initializer, biases_regularizer, reuse,
                   variables_collections, outputs_collections, trainable, scope):
    """What fully_connected, conv2d and conv2d_transpose share: the scope, the layer (made by
    make_layer(**its common arguments)), the normalizer in place of the biases, the activation."""
    with v1.variable_scope(scope, default_name, [inputs], reuse=reuse, custom_getter=WEIGHTS_AND_BIASES) as sc:
        inputs = tf.convert_to_tensor(inputs)
        layer = make_layer(activation=None, use_bias=not normalizer_fn and biases_initializer,
                           kernel_initializer=weights_initializer, bias_initializer=biases_initializer,
                           kernel_regularizer=weights_regularizer, bias_regularizer=biases_regularizer,
                           activity_regularizer=None, trainable=trainable, name=sc.name,
                           dtype=inputs.dtype.base_dtype, _scope=sc, _reuse=reuse)
        outputs = layer.apply(inputs)
        _collect(layer.kernel, variables_collections, 'weights')
        if layer.bias is not None:
            _collect(layer.bias, variables_collections, 'biases')
        if normalizer_fn is not None:
            outputs = normalizer_fn(outputs, **(normalizer_params or {}))
        if activation_fn is not None:
            outputs = activation_fn(outputs)
        return utils.collect_named_outputs(outputs_collections, sc.name, outputs)


@_arg_scoped
def fully_connected(inputs, num_outputs, activation_fn=tf.nn.relu, normalizer_fn=None, normalizer_params=None,
                    weights_initializer=xavier_initializer(), weights_regularizer=None,
                    biases_initializer=v1.zeros_initializer(), biases_regularizer=None, reuse=None,
                    variables_collections=None, outputs_collections=None, trainable=True, scope=None):
    """activation_fn(inputs @ weights + biases), in scope `fully_connected` (`fully_connected_1`, ...)."""
    if not isinstance(num_outputs, int):
        raise ValueError(f'num_outputs type should be one of [int], got {type(num_outputs)}.')
    return _weights_layer('fully_connected', lambda **common: v1.layers.Dense(units=num_outputs, **common),
                          inputs, activation_fn, normalizer_fn, normalizer_params, weights_initializer,
                          weights_regularizer, biases_initializer, biases_regularizer, reuse,
                          variables_collections, outputs_collections, trainable, scope)


@_arg_scoped
def convolution(inputs, num_outputs, kernel_size, stride=1, padding='SAME', data_format=None, rate=1,
                activation_fn=tf.nn.relu, normalizer_fn=None, normalizer_params=None,
                weights_initializer=xavier_initializer(), weights_regularizer=None,
                biases_initializer=v1.zeros_initializer(), biases_regularizer=None, reuse=None,
                variables_collections=None, outputs_collections=None, trainable=True, scope=None,
                conv_dims=None):
    """An N-d convolution by the input's rank (3, 4, 5), in scope `Conv`: Conv/weights, Conv/biases."""
    if data_format not in (None, 'NWC', 'NCW', 'NHWC', 'NCHW', 'NDHWC', 'NCDHW'):
        raise ValueError(f'Invalid data_format: {data_format!r}')
    rank = tf.convert_to_tensor(inputs).get_shape().ndims
    if conv_dims is not None and conv_dims + 2 != rank:
        raise ValueError(f'Convolution expects input with rank {conv_dims + 2}, got {rank}')
    layer_class = {3: v1.layers.Conv1D, 4: v1.layers.Conv2D, 5: v1.layers.Conv3D}.get(rank)
    if layer_class is None:
        raise ValueError('Convolution not supported for input with rank', rank)

    def make_layer(**common):
        return layer_class(filters=num_outputs, kernel_size=kernel_size, strides=stride, padding=padding,
                           data_format=_channels(data_format), dilation_rate=rate, **common)
    return _weights_layer('Conv', make_layer, inputs, activation_fn, normalizer_fn, normalizer_params,
                          weights_initializer, weights_regularizer, biases_initializer, biases_regularizer, reuse,
                          variables_collections, outputs_collections, trainable, scope)


@_arg_scoped
def convolution2d(inputs, num_outputs, kernel_size, stride=1, padding='SAME', data_format=None, rate=1,
                  activation_fn=tf.nn.relu, normalizer_fn=None, normalizer_params=None,
                  weights_initializer=xavier_initializer(), weights_regularizer=None,
                  biases_initializer=v1.zeros_initializer(), biases_regularizer=None, reuse=None,
                  variables_collections=None, outputs_collections=None, trainable=True, scope=None):
    """convolution of a rank-4 input. As TF 1.15's, it passes every argument on to convolution
    positionally: an arg_scope for convolution that gives one of them makes conv2d a TypeError."""
    return convolution(inputs, num_outputs, kernel_size, stride, padding, data_format, rate, activation_fn,
                       normalizer_fn, normalizer_params, weights_initializer, weights_regularizer, biases_initializer,
                       biases_regularizer, reuse, variables_collections, outputs_collections, trainable, scope,
                       conv_dims=2)


@_arg_scoped
def convolution2d_transpose(inputs, num_outputs, kernel_size, stride=1, padding='SAME', data_format=NHWC,
                            activation_fn=tf.nn.relu, normalizer_fn=None, normalizer_params=None,
                            weights_initializer=xavier_initializer(), weights_regularizer=None,
                            biases_initializer=v1.zeros_initializer(), biases_regularizer=None, reuse=None,
                            variables_collections=None, outputs_collections=None, trainable=True, scope=None):
    """A transposed 2-d convolution in scope `Conv2d_transpose`."""
    if data_format not in (NCHW, NHWC):
        raise ValueError('data_format has to be either NCHW or NHWC.')

    def make_layer(**common):
        return v1.layers.Conv2DTranspose(filters=num_outputs, kernel_size=kernel_size, strides=stride,
                                         padding=padding, data_format=_channels(data_format), **common)
    return _weights_layer('Conv2d_transpose', make_layer, inputs, activation_fn, normalizer_fn, normalizer_params,
                          weights_initializer, weights_regularizer, biases_initializer, biases_regularizer, reuse,
                          variables_collections, outputs_collections, trainable, scope)


def _pool(default_name, layer_class, inputs, kernel_size, stride, padding, data_format, outputs_collections, scope):
    if data_format not in (NCHW, NHWC):
        raise ValueError('data_format has to be either NCHW or NHWC.')
    with v1.name_scope(scope, default_name, [inputs]) as sc:
        inputs = tf.convert_to_tensor(inputs)
        layer = layer_class(pool_size=kernel_size, strides=stride, padding=padding,
                            data_format=_channels(data_format), _scope=sc)
        return utils.collect_named_outputs(outputs_collections, sc, layer.apply(inputs))


@_arg_scoped
def max_pool2d(inputs, kernel_size, stride=2, padding='VALID', data_format=NHWC, outputs_collections=None,
               scope=None):
    """2-d max pooling; contrib's defaults: stride 2, 'VALID'."""
    return _pool('MaxPool2D', v1.layers.MaxPooling2D, inputs, kernel_size, stride, padding, data_format,
                 outputs_collections, scope)


@_arg_scoped
def avg_pool2d(inputs, kernel_size, stride=2, padding='VALID', data_format=NHWC, outputs_collections=None,
               scope=None):
    """2-d average pooling; contrib's defaults: stride 2, 'VALID'."""
    return _pool('AvgPool2D', v1.layers.AveragePooling2D, inputs, kernel_size, stride, padding, data_format,
                 outputs_collections, scope)


@_arg_scoped
def flatten(inputs, outputs_collections=None, scope=None):
    """[batch, ...] -> [batch, k]."""
    with v1.name_scope(scope, 'Flatten', [inputs]) as sc:
        return utils.collect_named_outputs(outputs_collections, sc, v1.layers.flatten(tf.convert_to_tensor(inputs)))


@_arg_scoped
def dropout(inputs, keep_prob=0.5, noise_shape=None, is_training=True, outputs_collections=None, scope=None,
            seed=None):
    """Keeps each element with probability keep_prob, scaled by 1 / keep_prob; the inputs when
    is_training is False. Note keep_prob, and is_training=True by default (tf.layers.dropout: rate, False)."""
    with v1.variable_scope(scope, 'Dropout', [inputs]) as sc:
        inputs = tf.convert_to_tensor(inputs)
        # tf.layers.Dropout's call in TF 1.15: nn.dropout (a random_uniform mask) or identity.
        outputs = _smart_cond(is_training,
                              lambda: v1.nn.dropout(inputs, noise_shape=noise_shape, seed=seed, rate=1 - keep_prob),
                              lambda: tf.identity(inputs))
        return utils.collect_named_outputs(outputs_collections, sc.name, outputs)


def _smart_cond(pred, true_fn, false_fn):
    """true_fn() or false_fn() for a Python or constant predicate; tf.cond for a tensor (a placeholder)."""
    value = tf.get_static_value(pred) if isinstance(pred, tf.Tensor) else pred
    if value is None:
        return tf.cond(pred, true_fn, false_fn)
    return true_fn() if value else false_fn()


def _assign_moving_average(variable, value, decay):
    """variable -= (variable - value) * (1 - decay): moving_averages.assign_moving_average, zero_debias=False."""
    with v1.name_scope(None, 'AssignMovingAvg', [variable, value, decay]) as scope:
        decay = tf.cast(tf.convert_to_tensor(1.0 - decay, name='decay'), variable.dtype.base_dtype)
        return v1.assign_sub(variable, (variable - value) * decay, name=scope)


def _layers_moving_average(variable, value, momentum):
    """tf.layers.BatchNormalization's update: variable -= (variable - value) * (1 - momentum)."""
    with v1.name_scope('AssignMovingAvg') as scope:
        decay = 1.0 - momentum
        return v1.assign_sub(variable, (variable - value) * decay, name=scope)


@_arg_scoped
def batch_norm(inputs, decay=0.999, center=True, scale=False, epsilon=0.001, activation_fn=None,
               param_initializers=None, param_regularizers=None, updates_collections=v1.GraphKeys.UPDATE_OPS,
               is_training=True, reuse=None, variables_collections=None, outputs_collections=None, trainable=True,
               batch_weights=None, fused=None, data_format=NHWC, zero_debias_moving_mean=False, scope=None,
               renorm=False, renorm_clipping=None, renorm_decay=0.99, adjustment=None):
    """Batch normalization of a rank-2 or rank-4 input, as TF 1.15's fused path computes it: in
    training the batch's mean and variance normalize, and moving_mean/moving_variance move towards
    them (the variance with Bessel's correction) by ops added to updates_collections (UPDATE_OPS),
    or run with the output if updates_collections is None; otherwise the moving averages normalize.
    Variables BatchNorm/beta (center), BatchNorm/gamma (scale), BatchNorm/moving_mean, BatchNorm/moving_variance."""
    unsupported = {'batch_weights': batch_weights is not None, 'renorm': renorm, 'adjustment': adjustment is not None,
                   'fused=False': fused is False, 'zero_debias_moving_mean': zero_debias_moving_mean}
    rank = tf.convert_to_tensor(inputs).get_shape().ndims
    if any(unsupported.values()) or rank not in (2, 4):
        used = [name for name, on in unsupported.items() if on] or [f'an input of rank {rank}']
        raise removed(f'tf.contrib.layers.batch_norm with {", ".join(used)}')
    if data_format not in (NCHW, NHWC):
        raise ValueError('data_format has to be either NCHW or NHWC.')
    param_initializers = param_initializers or {}
    param_regularizers = param_regularizers or {}
    with v1.variable_scope(scope, 'BatchNorm', [inputs], reuse=reuse) as sc:
        inputs = tf.convert_to_tensor(inputs)
        original_inputs = inputs
        channels = inputs.get_shape().dims[-1 if data_format == NHWC else 1].value
        if channels is None:
            raise ValueError('`C` dimension must be known but is None')
        if rank == 2:
            inputs = tf.reshape(inputs, [-1, 1, 1, channels] if data_format == NHWC else [-1, channels, 1, 1])
        inputs_shape = inputs.get_shape()

        def parameter(name, default, variable_trainable, regularizer=None):
            return framework.model_variable(name, shape=[channels], dtype=tf.float32,
                                            initializer=param_initializers.get(name, default), regularizer=regularizer,
                                            collections=_collections(variables_collections, name),
                                            trainable=variable_trainable)

        def make_beta():
            return (parameter('beta', v1.zeros_initializer(), trainable, param_regularizers.get('beta')) if center
                    else tf.constant(0.0, shape=[channels]))

        def make_gamma():
            return (parameter('gamma', v1.ones_initializer(), trainable, param_regularizers.get('gamma')) if scale
                    else tf.constant(1.0, shape=[channels]))
        # TF 1.15 sent a rank-4 input with UPDATE_OPS to tf.layers.BatchNormalization(fused=True),
        # which makes gamma before beta; everything else to its _fused_batch_norm: beta, then gamma.
        through_layers = rank == 4 and updates_collections == v1.GraphKeys.UPDATE_OPS
        if through_layers:
            gamma, beta = make_gamma(), make_beta()
        else:
            beta, gamma = make_beta(), make_gamma()
        with v1.variable_scope(v1.get_variable_scope()) as local_scope:
            local_scope.set_partitioner(None)
            moving_mean = parameter('moving_mean', v1.zeros_initializer(), False)
            moving_variance = parameter('moving_variance', v1.ones_initializer(), False)

        outputs, mean, variance = _smart_cond(
            is_training,
            lambda: v1.nn.fused_batch_norm(inputs, gamma, beta, epsilon=epsilon, data_format=data_format),
            lambda: v1.nn.fused_batch_norm(inputs, gamma, beta, mean=moving_mean, variance=moving_variance,
                                           epsilon=epsilon, is_training=False, data_format=data_format))

        def updates():
            return _assign_moving_average(moving_mean, mean, decay), _assign_moving_average(moving_variance,
                                                                                           variance, decay)

        training = tf.get_static_value(is_training) if isinstance(is_training, tf.Tensor) else is_training
        if training is None or training:
            if through_layers:
                # tf.layers.BatchNormalization's updates: a momentum of `decay` in training and 1.0 (no
                # change) otherwise, chosen by a cond, and the moving averages' updates after it.
                momentum = (_smart_cond(is_training, lambda: decay, lambda: 1.0) if training is None
                            else tf.convert_to_tensor(decay))
                v1.add_to_collections(updates_collections, _layers_moving_average(moving_mean, mean, momentum))
                v1.add_to_collections(updates_collections,
                                      _layers_moving_average(moving_variance, variance, momentum))
            elif updates_collections is None:
                def forced():
                    with tf.control_dependencies(updates()):
                        return tf.identity(outputs)
                outputs = _smart_cond(is_training, forced, lambda: outputs)
            else:
                update_mean, update_variance = _smart_cond(is_training, updates,
                                                           lambda: (moving_mean, moving_variance))
                v1.add_to_collections(updates_collections, update_mean)
                v1.add_to_collections(updates_collections, update_variance)
        outputs.set_shape(inputs_shape)
        if rank == 2:
            outputs = tf.reshape(outputs, tf.shape(original_inputs))
        if activation_fn is not None:
            outputs = activation_fn(outputs)
        return utils.collect_named_outputs(outputs_collections, sc.name, outputs)


@_arg_scoped
def layer_norm(inputs, center=True, scale=True, activation_fn=None, reuse=None, variables_collections=None,
               outputs_collections=None, trainable=True, begin_norm_axis=1, begin_params_axis=-1, scope=None):
    """Normalizes over axes begin_norm_axis.. (all but the batch) by their own mean and variance
    (epsilon 1e-12), then LayerNorm/gamma * x + LayerNorm/beta over axes begin_params_axis.. (the last)."""
    with v1.variable_scope(scope, 'LayerNorm', [inputs], reuse=reuse) as sc:
        inputs = tf.convert_to_tensor(inputs)
        inputs_shape = inputs.shape
        rank = inputs_shape.ndims
        if rank is None:
            raise ValueError(f'Inputs {inputs.name} has undefined rank.')
        dtype = inputs.dtype.base_dtype
        if begin_norm_axis < 0:
            begin_norm_axis = rank + begin_norm_axis
        if begin_params_axis >= rank or begin_norm_axis >= rank:
            raise ValueError(f'begin_params_axis ({begin_params_axis}) and begin_norm_axis ({begin_norm_axis}) '
                             f'must be < rank(inputs) ({rank})')
        params_shape = inputs_shape[begin_params_axis:]
        if not params_shape.is_fully_defined():
            raise ValueError(f'Inputs {inputs.name}: shape(inputs)[{begin_params_axis}:] is not fully defined: '
                             f'{inputs_shape}')

        def parameter(name, initializer):
            return framework.model_variable(name, shape=params_shape, dtype=dtype, initializer=initializer,
                                            collections=_collections(variables_collections, name),
                                            trainable=trainable)
        beta = parameter('beta', v1.zeros_initializer()) if center else None
        gamma = parameter('gamma', v1.ones_initializer()) if scale else None
        mean, variance = v1.nn.moments(inputs, list(range(begin_norm_axis, rank)), keep_dims=True)
        outputs = tf.nn.batch_normalization(inputs, mean, variance, offset=beta, scale=gamma,
                                            variance_epsilon=1e-12 if dtype != tf.float16 else 1e-3)
        outputs.set_shape(inputs_shape)
        if activation_fn is not None:
            outputs = activation_fn(outputs)
        return utils.collect_named_outputs(outputs_collections, sc.name, outputs)


def embed_sequence(ids, vocab_size=None, embed_dim=None, unique=False, initializer=None, regularizer=None,
                   trainable=True, scope=None, reuse=None):
    """The rows of EmbedSequence/embeddings ([vocab_size, embed_dim], get_variable's default
    initializer, Glorot uniform) for ids."""
    if not (reuse or (vocab_size and embed_dim)):
        raise ValueError('Must specify vocab size and embedding dimension when not reusing. '
                         f'Got vocab_size={vocab_size} and embed_dim={embed_dim}')
    with v1.variable_scope(scope, 'EmbedSequence', [ids], reuse=reuse):
        shape = None if (reuse and vocab_size is None) or embed_dim is None else [vocab_size, embed_dim]
        embeddings = framework.model_variable('embeddings', shape=shape, initializer=initializer,
                                              regularizer=regularizer, trainable=trainable)
        if unique:  # embedding_lookup_unique: each id looked up once
            unique_ids, index = tf.unique(tf.reshape(ids, [-1]))
            rows = tf.gather(tf.nn.embedding_lookup(embeddings, unique_ids), index)
            return tf.reshape(rows, tf.concat([tf.shape(ids), tf.shape(embeddings)[1:]], 0))
        return tf.nn.embedding_lookup(embeddings, ids)


@_arg_scoped
def one_hot_encoding(labels, num_classes, on_value=1.0, off_value=0.0, outputs_collections=None, scope=None):
    """tf.one_hot of int labels, in name scope `OneHotEncoding`."""
    with v1.name_scope(scope, 'OneHotEncoding', [labels, num_classes]) as sc:
        labels = tf.convert_to_tensor(labels)
        if labels.dtype == tf.int32:
            labels = tf.cast(labels, tf.int64)
        outputs = tf.one_hot(labels, num_classes, on_value=on_value, off_value=off_value)
        return utils.collect_named_outputs(outputs_collections, sc, outputs)


def _layer_scope(layer, default):
    """The scope repeat and stack name a layer's calls after: its __name__ (a partial's function's), else default."""
    if hasattr(layer, '__name__'):
        return layer.__name__
    if hasattr(layer, 'func') and hasattr(layer.func, '__name__'):
        return layer.func.__name__
    return default


def repeat(inputs, repetitions, layer, *args, **kwargs):
    """layer applied repetitions times with the same arguments, in variable scope `scope` (default
    `Repeat`), the calls' scopes <name>_1, <name>_2, ... (name: layer's, e.g. convolution2d for conv2d)."""
    scope = kwargs.pop('scope', None)
    with v1.variable_scope(scope, 'Repeat', [inputs]):
        inputs = tf.convert_to_tensor(inputs)
        if scope is None:
            scope = _layer_scope(layer, 'repeat')
        outputs = inputs
        for i in range(repetitions):
            kwargs['scope'] = scope + '_' + str(i + 1)
            outputs = layer(outputs, *args, **kwargs)
        return outputs


def stack(inputs, layer, stack_args, **kwargs):
    """layer applied once per item of stack_args (its positional arguments, or the one), in
    variable scope `scope` (default `Stack`), the calls' scopes <name>_1, <name>_2, ... as repeat's."""
    scope = kwargs.pop('scope', None)
    if not isinstance(stack_args, (list, tuple)):
        raise ValueError('stack_args need to be a list or tuple')
    with v1.variable_scope(scope, 'Stack', [inputs]):
        inputs = tf.convert_to_tensor(inputs)
        if scope is None:
            scope = _layer_scope(layer, 'stack')
        outputs = inputs
        for i, layer_args in enumerate(stack_args):
            kwargs['scope'] = scope + '_' + str(i + 1)
            if not isinstance(layer_args, (list, tuple)):
                layer_args = [layer_args]
            outputs = layer(outputs, *layer_args, **kwargs)
        return outputs


# contrib's short names
conv2d = convolution2d
conv2d_transpose = convolution2d_transpose
linear = functools.partial(fully_connected, activation_fn=None)
relu = functools.partial(fully_connected, activation_fn=tf.nn.relu)
relu6 = functools.partial(fully_connected, activation_fn=tf.nn.relu6)
