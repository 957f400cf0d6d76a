"""tf.contrib.framework: the global step and the variable helpers, as TF 1.15 defined them
(tensorflow/contrib/framework/python/ops/variables.py): the global step functions are tf.train's;
model variables are get_variable ones also in the MODEL_VARIABLES collection. variable and
model_variable take an arg_scope (arg_scope.py), as TF 1.15's did; contrib's layers make their
variables through model_variable, so `arg_scope([model_variable], device=...)` reaches them too."""
import functools

import tensorflow as tf

from tf1gan.script.contrib.arg_scope import contrib_arg_scope

v1 = tf.compat.v1
_VARIABLE_ARGUMENTS = ('dtype', 'initializer', 'regularizer', 'trainable', 'collections', 'caching_device', 'device',
                       'partitioner', 'custom_getter', 'use_resource', 'synchronization', 'aggregation')
# arg_scoped_arguments of TF 1.15's two, as its formula counted them (arg_scope.py), measured in TF 1.15.
_arg_scoped = contrib_arg_scope({'variable': _VARIABLE_ARGUMENTS, 'model_variable': _VARIABLE_ARGUMENTS})
NAMES = ('get_global_step', 'create_global_step', 'get_or_create_global_step', 'assert_global_step',
         'assert_or_get_global_step', 'variable', 'model_variable', 'local_variable', 'global_variable',
         'add_model_variable', 'get_variables', 'get_model_variables', 'get_local_variables',
         'get_trainable_variables', 'get_variables_by_suffix', 'get_variables_by_name', 'get_variables_to_restore')

get_global_step = v1.train.get_global_step
create_global_step = v1.train.create_global_step
get_or_create_global_step = v1.train.get_or_create_global_step
assert_global_step = v1.train.assert_global_step


def assert_or_get_global_step(graph=None, global_step_tensor=None):
    """global_step_tensor, checked, or the graph's global step if None."""
    if global_step_tensor is None:
        return get_global_step(graph)
    assert_global_step(global_step_tensor)
    return global_step_tensor


@_arg_scoped
def variable(name, shape=None, dtype=None, initializer=None, regularizer=None, trainable=True, collections=None,
             caching_device=None, device=None, partitioner=None, custom_getter=None, use_resource=None,
             synchronization=tf.VariableSynchronization.AUTO, aggregation=tf.VariableAggregation.NONE):
    """tf.get_variable in GLOBAL_VARIABLES (or collections), on device."""
    collections = list(set(collections if collections is not None else [v1.GraphKeys.GLOBAL_VARIABLES]))
    getter = v1.get_variable
    if custom_getter is not None:  # the getter to call instead (a layer's, below its custom getter)
        getter = functools.partial(custom_getter, reuse=v1.get_variable_scope().reuse)
    with tf.device(device or ''):
        return getter(name, shape=shape, dtype=dtype, initializer=initializer, regularizer=regularizer,
                      trainable=trainable, collections=collections, caching_device=caching_device,
                      partitioner=partitioner, use_resource=use_resource, synchronization=synchronization,
                      aggregation=aggregation)


@_arg_scoped
def model_variable(name, shape=None, dtype=tf.float32, initializer=None, regularizer=None, trainable=True,
                   collections=None, caching_device=None, device=None, partitioner=None, custom_getter=None,
                   use_resource=None, synchronization=tf.VariableSynchronization.AUTO,
                   aggregation=tf.VariableAggregation.NONE):
    """variable(), also in GLOBAL_VARIABLES and MODEL_VARIABLES."""
    collections = list(collections or []) + [v1.GraphKeys.GLOBAL_VARIABLES, v1.GraphKeys.MODEL_VARIABLES]
    return variable(name, shape=shape, dtype=dtype, initializer=initializer, regularizer=regularizer,
                    trainable=trainable, collections=collections, caching_device=caching_device, device=device,
                    partitioner=partitioner, custom_getter=custom_getter, use_resource=use_resource,
                    synchronization=synchronization, aggregation=aggregation)


def local_variable(initial_value, validate_shape=True, name=None, use_resource=None):
    """An untrainable variable in LOCAL_VARIABLES."""
    return v1.Variable(initial_value, trainable=False, collections=[v1.GraphKeys.LOCAL_VARIABLES],
                       validate_shape=validate_shape, use_resource=use_resource, name=name)


def global_variable(initial_value, validate_shape=True, name=None, use_resource=None):
    """An untrainable variable in GLOBAL_VARIABLES."""
    return v1.Variable(initial_value, trainable=False, collections=[v1.GraphKeys.GLOBAL_VARIABLES],
                       validate_shape=validate_shape, use_resource=use_resource, name=name)


def add_model_variable(var):
    """Adds var to MODEL_VARIABLES, once."""
    if var not in v1.get_collection(v1.GraphKeys.MODEL_VARIABLES):
        v1.add_to_collection(v1.GraphKeys.MODEL_VARIABLES, var)


def get_variables(scope=None, suffix=None, collection=v1.GraphKeys.GLOBAL_VARIABLES):
    """The variables of collection whose names match scope (a prefix regex) and end in suffix."""
    if isinstance(scope, v1.VariableScope):
        scope = scope.name
    if suffix is not None:
        if ':' not in suffix:
            suffix += ':'
        scope = (scope or '') + '.*' + suffix
    return v1.get_collection(collection, scope)


def get_model_variables(scope=None, suffix=None):
    return get_variables(scope, suffix, v1.GraphKeys.MODEL_VARIABLES)


def get_local_variables(scope=None, suffix=None):
    return get_variables(scope, suffix, v1.GraphKeys.LOCAL_VARIABLES)


def get_trainable_variables(scope=None, suffix=None):
    return get_variables(scope, suffix, v1.GraphKeys.TRAINABLE_VARIABLES)


def get_variables_by_suffix(suffix, scope=None):
    return get_variables(scope=scope, suffix=suffix)


def get_variables_by_name(given_name, scope=None):
    """The variables whose last name component is given_name."""
    return get_variables(scope=scope, suffix='/' + given_name + ':|^' + given_name + ':')


def get_variables_to_restore(include=None, exclude=None):
    """The global variables under the scopes of include (all if None) and not under those of exclude."""
    for names, what in ((include, 'include'), (exclude, 'exclude')):
        if names is not None and not isinstance(names, (list, tuple)):
            raise TypeError(f'{what} is provided but is not a list or a tuple.')
    included = get_variables() if include is None else [v for scope in include for v in get_variables(scope)]
    excluded = {v.ref() for scope in exclude or () for v in get_variables(scope)}
    return [v for v in included if v.ref() not in excluded]
