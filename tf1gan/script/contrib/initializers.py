"""tf.contrib.layers' initializers, with TF 1.15's defaults and maths
(tensorflow/contrib/layers/python/layers/initializers.py).

xavier_initializer(uniform=True) is Glorot uniform; variance_scaling_initializer's default
(factor=2.0, mode='FAN_IN', uniform=False) is He's truncated normal, whose stddev is
sqrt(1.3 * factor / n): 1.3 makes up for the truncation at two standard deviations, so it is
not tf.compat.v1.variance_scaling_initializer (scale/n, 'fan_in', truncated by 0.8796...).
"""
import math

import tensorflow as tf

v1 = tf.compat.v1
MODES = ('FAN_IN', 'FAN_OUT', 'FAN_AVG')


def _fans(shape):
    """fan_in, fan_out as TF 1.15 counts them: the last two dimensions, times the rest (a conv kernel's field)."""
    if not shape:
        return 1.0, 1.0
    fan_in = float(shape[-2]) if len(shape) > 1 else float(shape[-1])
    fan_out = float(shape[-1])
    for dim in shape[:-2]:
        fan_in *= float(dim)
        fan_out *= float(dim)
    return fan_in, fan_out


def variance_scaling_initializer(factor=2.0, mode='FAN_IN', uniform=False, seed=None, dtype=tf.float32):
    """Uniform on [-sqrt(3 factor / n), +...] or truncated normal with stddev sqrt(1.3 factor / n),
    n = fan_in, fan_out or their mean."""
    dtype = tf.as_dtype(dtype)
    if not dtype.is_floating:
        raise TypeError('Cannot create initializer for non-floating point type.')
    if mode not in MODES:
        raise TypeError(f'Unknown mode {mode} [FAN_IN, FAN_OUT, FAN_AVG]')

    def _initializer(shape, dtype=dtype, partition_info=None):
        dtype = tf.as_dtype(dtype)
        if not dtype.is_floating:
            raise TypeError('Cannot create initializer for non-floating point type.')
        fan_in, fan_out = _fans(shape)
        n = {'FAN_IN': fan_in, 'FAN_OUT': fan_out, 'FAN_AVG': (fan_in + fan_out) / 2.0}[mode]
        if uniform:
            limit = math.sqrt(3.0 * factor / n)
            return v1.random_uniform(shape, -limit, limit, dtype, seed=seed)
        return v1.truncated_normal(shape, 0.0, math.sqrt(1.3 * factor / n), dtype, seed=seed)

    return _initializer


def xavier_initializer(uniform=True, seed=None, dtype=tf.float32):
    """Glorot: uniform on [-sqrt(6 / (fan_in + fan_out)), +...] (or the truncated normal of the same variance)."""
    return variance_scaling_initializer(factor=1.0, mode='FAN_AVG', uniform=uniform, seed=seed, dtype=dtype)


xavier_initializer_conv2d = xavier_initializer
