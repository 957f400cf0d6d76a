"""tf.contrib.layers' regularizers, as TF 1.15 defined them
(tensorflow/contrib/layers/python/layers/regularizers.py): l1 = scale * sum|w|, l2 = scale * sum(w^2) / 2
(tf.nn.l2_loss), a scale of 0.0 disables the regularizer, an integer scale is an error."""
import numbers

import tensorflow as tf

v1 = tf.compat.v1


def _checked(scale, what='scale'):
    """False if the scale disables the regularizer; raises ValueError for an integer or negative one."""
    if isinstance(scale, numbers.Integral):
        raise ValueError(f'{what} cannot be an integer: {scale}')
    if isinstance(scale, numbers.Real):
        if scale < 0.:
            raise ValueError(f'Setting a scale less than 0 on a regularizer: {scale:g}')
        return scale != 0.
    return True


def _regularizer(scale, scope, default_name, penalty):
    if not _checked(scale):
        return lambda _: None

    def regularize(weights, name=None):
        with v1.name_scope(scope, default_name, [weights]) as name:
            my_scale = tf.convert_to_tensor(scale, dtype=weights.dtype.base_dtype, name='scale')
            return tf.multiply(my_scale, penalty(weights), name=name)
    return regularize


def l1_regularizer(scale, scope=None):
    """weights -> scale * sum(|weights|)."""
    return _regularizer(scale, scope, 'l1_regularizer', lambda weights: tf.reduce_sum(tf.abs(weights)))


def l2_regularizer(scale, scope=None):
    """weights -> scale * sum(weights ** 2) / 2."""
    return _regularizer(scale, scope, 'l2_regularizer', tf.nn.l2_loss)


def sum_regularizer(regularizer_list, scope=None):
    """weights -> the sum of what each regularizer gives (None if none is left)."""
    regularizer_list = [reg for reg in regularizer_list if reg is not None]
    if not regularizer_list:
        return None

    def sum_reg(weights):
        with v1.name_scope(scope, 'sum_regularizer', [weights]) as name:
            tensors = [t for t in (reg(weights) for reg in regularizer_list) if t is not None]
            return tf.add_n(tensors, name=name) if tensors else None
    return sum_reg


def l1_l2_regularizer(scale_l1=1.0, scale_l2=1.0, scope=None):
    """The sum of l1_regularizer(scale_l1) and l2_regularizer(scale_l2)."""
    _checked(scale_l1, 'scale_l1')
    _checked(scale_l2, 'scale_l2')
    scope = scope or 'l1_l2_regularizer'
    if scale_l1 == 0.:
        return l2_regularizer(scale_l2, scope)
    if scale_l2 == 0.:
        return l1_regularizer(scale_l1, scope)
    return sum_regularizer([l1_regularizer(scale_l1), l2_regularizer(scale_l2)], scope=scope)


def apply_regularization(regularizer, weights_list=None):
    """The summed penalty of regularizer over weights_list (default: the WEIGHTS collection),
    also added to REGULARIZATION_LOSSES."""
    weights_list = weights_list or v1.get_collection(v1.GraphKeys.WEIGHTS)
    if not weights_list:
        raise ValueError('No weights to regularize.')
    with v1.name_scope('get_regularization_penalty', values=weights_list) as scope:
        penalties = [regularizer(w) for w in weights_list]
        penalties = [p if p is not None else tf.constant(0.0) for p in penalties]
        for p in penalties:
            if p.shape.ndims != 0:
                raise ValueError('regularizer must return a scalar Tensor instead of a Tensor with rank '
                                 f'{p.shape.ndims}.')
        summed_penalty = tf.add_n(penalties, name=scope)
    v1.add_to_collection(v1.GraphKeys.REGULARIZATION_LOSSES, summed_penalty)
    return summed_penalty
