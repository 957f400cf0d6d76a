"""TensorFlow 1.15's seed rule for one graph: a random op gets the seed pair TF 1.15 gave it.

With a graph seed and no op seed, TF 1.15's random_seed.get_seed took the graph's last op id
at the op's creation (`graph._last_id`, the number of ops made so far); TensorFlow 2's counts
the graph's seeded ops instead (0, 1, 2, ...). So under TF 2.21 `tf.set_random_seed(777)`
gives every initial weight other numbers than the same script printed on TF 1.15, though
the random kernels are the same. `use_tf1_seeds(graph)` marks a graph whose ops take TF 1.15's
rule: in it, get_seed counts the ops TF 1.15 would have made by then (tf115_op_count). Every
random op (tf.random_*, initializers, tf.nn.dropout, tf.layers, and whatever is built from
them in TF 1.15's order) derives its seed there, so nothing else needs to know. Other graphs,
function graphs and eager code keep TensorFlow 2's rule.

The count: TensorFlow 2.21 makes the ops TF 1.15 made, plus those of resource variables.
A resource variable is VarHandleOp, VarIsInitializedOp, AssignVariableOp and a
ReadVariableOp where TF 1.15's RefVariable was VariableV2, Assign and Identity, and every
later use reads it again with one more ReadVariableOp where TF 1.15 used the Identity. So the
VarIsInitializedOps and each variable's reads but the first are not counted; with
RefVariables (tf1gan.script's graphs) there is nothing to leave out. Inside TF 1.15's tf.cond
(tf1_seeds.tf115_control_flow, batch normalization under a training placeholder) a resource
variable is read through a Switch of its handle, which stands for TF 1.15's Switch of the variable,
and an assignment there counts 2, as TF 1.15's assignment and the RefSwitch it made. TF 2.21's Keras
initialisers (the default of tf.layers' kernels) are stateless and never ask get_seed:
use_tf1_seeds gives the graph's root variable scope the initialiser TF 1.15's
tf.layers and tf.get_variable used, glorot_uniform_initializer, whose RandomUniform does.

Where TF 2.21's layers make other ops than TF 1.15's, a marked graph gets TF 1.15's (the same
arithmetic: only later ops' ids, so their seeds, depend on it): a convolution layer's build made
a `dilation_rate` constant (nn_ops.Convolution), conv2d_transpose computed its output size from
the input's dynamic shape, flatten reshaped to (the dynamic batch size, -1), and dropout (tf.nn's,
and tf.layers' through it) was `x * (1 / (1 - rate)) * cast(mask)` where TF 2.21 selects with
`where(mask, ...)` (the same numbers but for division's rounding by a tensor rate); tf.split (so
BasicLSTMCell's gates) converted a number of pieces to a constant first; a TensorArray's size
(dynamic_rnn's outputs) was an op; and tf.ones/tf.zeros of a shape holding a tensor made the ops
NumPy 1.18's `np.prod(shape) < 1000` made of it; tf.tensordot (so tf.layers.dense on an input of
rank 3 or more) transposed and reshaped an operand of fully known shape, and then the product, even
where that changed nothing; a reduction over all the axes of a scalar made one constant of them (TF
2.21: three and a Range); and a Python value for an op's input was converted once (TF 2.21 converts an
empty list twice, the first try left unused in the graph: not counted).
"""
import contextlib
import functools
import numbers
import weakref

import numpy as np
from tensorflow.python.eager import context
from tensorflow.python.framework import constant_op, dtypes, op_def_library, ops, random_seed, tensor as tensor_lib
from tensorflow.python.ops import (array_ops, array_ops_stack, control_flow_util, gen_array_ops, gen_random_ops,
                                   init_ops, math_ops, random_ops, shape_util, variable_scope)

_TF2_GET_SEED = random_seed.get_seed
_TF2_RANDOM_UNIFORM = random_ops.random_uniform
_TF2_SPLIT = gen_array_ops.split
_TF2_CONSTANT_IF_SMALL = array_ops._constant_if_small
_TF2_REDUCTION_DIMS = math_ops._ReductionDims
_COUNTS = weakref.WeakKeyDictionary()  # graph -> _Count, for the graphs that use TF 1.15's rule


class _Count:
    """TF 1.15's op count of one graph, kept up to date as ops are added (each op is seen once)."""

    def __init__(self):
        self.seen = 0  # how many of the graph's ops (in creation order) are counted already
        self.count = 0
        self.read = set()  # the variables (handle names) whose first read is counted
        self.discarded = set()  # the names of the ops TF 2.21 made and left unused where TF 1.15 made none

    def update(self, graph):
        operations = graph.get_operations()
        for op in operations[self.seen:]:
            self.count += self._made_by_tf115(op)
        self.seen = len(operations)
        return self.count

    def _made_by_tf115(self, op):
        if op.type == 'VarIsInitializedOp' or op.name in self.discarded:
            return 0
        if op.type in ('AssignVariableOp', 'AssignAddVariableOp', 'AssignSubVariableOp') and \
                op.inputs[0].op.type == 'Switch':
            # An assignment inside TF 1.15's tf.cond (batch normalization's moving averages
            # under a training placeholder): its RefVariable went through a RefSwitch of its own.
            return 2
        if op.type == 'ReadVariableOp':
            handle = op.inputs[0].op
            # Inside TF 1.15's tf.cond a variable is read through a Switch of it; TF 1.15's
            # RefVariable had one Switch of its snapshot there, where TF 2.21 has a Switch of
            # the handle and this read: it is the variable's read, no op TF 1.15 made.
            while handle.type == 'Switch':
                handle = handle.inputs[0].op
            handle = handle.name
            if handle in self.read:
                return 0
            self.read.add(handle)
        return 1


@contextlib.contextmanager
def tf115_control_flow():
    """tf.cond and tf.while_loop made inside as TF 1.15 made them: Switch and Merge in the graph
    itself, not TF 2's If and While over function graphs, so a listing's ops (so its seeds) are
    TF 1.15's (tf.layers.batch_normalization under a training placeholder makes four conds)."""
    saved = control_flow_util.ENABLE_CONTROL_FLOW_V2
    control_flow_util.ENABLE_CONTROL_FLOW_V2 = False
    try:
        yield
    finally:
        control_flow_util.ENABLE_CONTROL_FLOW_V2 = saved


def tf115_op_count(graph):
    """The number of ops TF 1.15 would have made in graph by now: its `graph._last_id`."""
    return _COUNTS[graph].update(graph)


def _marked_graph():
    """The default graph if use_tf1_seeds marked it (seeded yet or not: op ids count from its start)."""
    if context.executing_eagerly():
        return None
    graph = ops.get_default_graph()
    return graph if graph in _COUNTS else None


def _tf1_graph():
    """The default graph if it takes TF 1.15's rule (use_tf1_seeds) and has a seed, else None."""
    graph = _marked_graph()
    return graph if graph is not None and graph.seed is not None else None


def get_seed(op_seed):
    """random_seed.get_seed, with TF 1.15's op seed in the graphs use_tf1_seeds marked."""
    if op_seed is None:
        graph = _tf1_graph()
        if graph is not None:
            if hasattr(graph, '_seed_used'):
                graph._seed_used = True  # pylint: disable=protected-access  (as TensorFlow's get_seed does)
            op_seed = tf115_op_count(graph)
    return _TF2_GET_SEED(op_seed)


def random_uniform(shape, minval=0, maxval=None, dtype=dtypes.float32, seed=None, name=None):
    """tf.random_uniform. In a graph with TF 1.15's rule, its ops are TF 1.15's: TF 2.21 leaves out
    the min and max constants and `* (max - min) + min` for [0, 1) (tf.random_uniform(shape),
    tf.nn.dropout), which moves every later op's id. The numbers are the same either way."""
    if _tf1_graph() is None:
        return _TF2_RANDOM_UNIFORM(shape, minval=minval, maxval=maxval, dtype=dtype, seed=seed, name=name)
    dtype = dtypes.as_dtype(dtype)
    if dtype not in (dtypes.float16, dtypes.bfloat16, dtypes.float32, dtypes.float64, dtypes.int32, dtypes.int64):
        raise ValueError('Invalid dtype %r' % dtype)
    if maxval is None:
        if dtype.is_integer:
            raise ValueError('Must specify maxval for integer dtype %r' % dtype)
        maxval = 1
    # TF 1.15's random_ops.random_uniform, op for op.
    with ops.name_scope(name, 'random_uniform', [shape, minval, maxval]) as name:
        shape = shape_util.shape_tensor(shape)
        minval = ops.convert_to_tensor(minval, dtype=dtype, name='min')
        maxval = ops.convert_to_tensor(maxval, dtype=dtype, name='max')
        seed1, seed2 = random_seed.get_seed(seed)
        if dtype.is_integer:
            result = gen_random_ops.random_uniform_int(shape, minval, maxval, seed=seed1, seed2=seed2, name=name)
        else:
            rnd = gen_random_ops.random_uniform(shape, dtype, seed=seed1, seed2=seed2)
            result = math_ops.add(rnd * (maxval - minval), minval, name=name)
        shape_util.maybe_set_static_shape(result, shape)
        return result


def use_tf1_seeds(graph):
    """From now on, random ops made in `graph` (which must be the default graph, empty or not)
    get TF 1.15's seed pairs; tf.layers' default kernel initialiser is TF 1.15's."""
    # Once per process; both leave other graphs to TensorFlow 2 (the TF1 view's tf.random_uniform is ours).
    random_seed.get_seed = get_seed
    random_ops.random_uniform = random_uniform
    _use_tf115_layer_ops()
    _COUNTS.setdefault(graph, _Count())
    assert ops.get_default_graph() is graph
    variable_scope.get_variable_scope().set_initializer(_DefaultInitializer())


class _DefaultInitializer(init_ops.Initializer):
    """The root variable scope's initializer: what tf.get_variable used, and TF 1.15's tf.layers
    through it, when none is given: glorot_uniform_initializer for floats, zeros for the rest."""

    def __call__(self, shape, dtype=dtypes.float32, partition_info=None):
        dtype = dtypes.as_dtype(dtype)
        initializer = init_ops.glorot_uniform_initializer() if dtype.is_floating else init_ops.zeros_initializer()
        return initializer(shape, dtype=dtype, partition_info=partition_info)


# ----------------------------------------------------------------------------- TF 1.15's layer ops

@functools.lru_cache(maxsize=None)
def _use_tf115_layer_ops():
    """Once per process: tf_keras' convolution, transposed convolution and flatten layers, and dropout,
    make TF 1.15's ops in a marked graph (their own everywhere else)."""
    from tensorflow.python.ops import nn_ops, tensor_array_ops
    from tf_keras.src.layers.convolutional import base_conv, conv2d_transpose
    from tf_keras.src.layers.reshaping import flatten
    # tf.nn.dropout of either API, and tf_keras' Dropout through it, call nn_ops._dropout.
    nn_ops._dropout = _when_marked(nn_ops._dropout, _dropout)
    base_conv.Conv.build = _in_marked_graphs(base_conv.Conv.build, _conv_build)
    conv2d_transpose.Conv2DTranspose.call = _in_marked_graphs(conv2d_transpose.Conv2DTranspose.call,
                                                              _conv2d_transpose_call)
    flatten.Flatten.call = _in_marked_graphs(flatten.Flatten.call, _flatten_call)
    # tf.ones / tf.zeros with a shape that holds a tensor.
    array_ops._constant_if_small = _when_marked(array_ops._constant_if_small, _constant_if_small)
    # The RNN cells (BasicLSTMCell's gates) and tf.split with a number of pieces; dynamic_rnn's outputs.
    gen_array_ops.split = _when_marked(gen_array_ops.split, _split)
    tensor_array_ops._GraphTensorArray.size = _when_marked(tensor_array_ops._GraphTensorArray.size,
                                                           _tensor_array_size)
    # A reduction over all the axes of a scalar (tf.reduce_mean of a loss that is one number already).
    math_ops._ReductionDims = _when_marked(math_ops._ReductionDims, _reduction_dims)
    # A Python value given to an op's input whose type an attribute with a default sets (an empty axis list).
    op_def_library._apply_op_helper = _counting_conversions_once(op_def_library._apply_op_helper)
    # tf.tensordot, and tf.layers.dense / contrib's fully_connected on an input of rank 3 or more through it:
    # callers look it up in TensorFlow's API modules (tf_keras' Dense as tensorflow.compat.v2.tensordot).
    import tensorflow
    tensordot = _when_marked(math_ops.tensordot, functools.partial(_tensordot, math_ops.tensordot))
    for api in (tensorflow, tensorflow.compat.v1, tensorflow.compat.v2):
        for module in (api, api.linalg):
            if getattr(module, 'tensordot', None) is math_ops.tensordot:
                module.tensordot = tensordot


def _when_marked(tf2_function, tf115_function):
    @functools.wraps(tf2_function)
    def function(*args, **kwargs):
        if _marked_graph() is None:
            return tf2_function(*args, **kwargs)
        return tf115_function(*args, **kwargs)
    return function


def _in_marked_graphs(tf2_method, tf115_method):
    """The method (build or call: one argument, as tf_keras reads its signature to decide what to pass)."""
    def method(layer, inputs):
        if _marked_graph() is None:
            return tf2_method(layer, inputs)
        return tf115_method(tf2_method, layer, inputs)
    method.__name__, method.__qualname__ = tf2_method.__name__, tf2_method.__qualname__
    method.__doc__ = tf2_method.__doc__
    return method


def _reduction_dims(x, axis):
    """TF 1.15's math_ops._ReductionDims: the axes of an `axis=None` reduction are one constant wherever x's rank
    is known, a scalar's (no axes) too; TF 2.21's takes that path for a rank above 0 only, and makes a scalar's
    with range(0, rank(x)): three constants and a Range op."""
    if axis is None and isinstance(x, tensor_lib.Tensor) and x.shape.rank == 0:
        return constant_op.constant(np.arange(0), dtype=dtypes.int32)
    return _TF2_REDUCTION_DIMS(x, axis)


def _counting_conversions_once(tf2_apply_op_helper):
    """op_def_library._apply_op_helper, every op's maker, noting the ops it discarded in a marked graph.

    For an input whose type an attribute with a default sets (a reduction's axes, a shape), TF 1.15
    converted a Python value once, preferring the attribute's default type (op_def_library.py:
    `internal_convert_to_tensor(values, ..., preferred_dtype=default_dtype)`). TF 2.21 converts it first
    as NumPy infers its type, and where that type is not allowed (float32, for an empty list) converts it
    again with the default, leaving the first constant in the graph, used by nothing: no op of TF 1.15's,
    so not counted."""
    @functools.wraps(tf2_apply_op_helper)
    def apply_op_helper(op_type_name, name=None, **keywords):
        graph = _marked_graph()
        if graph is None:
            return tf2_apply_op_helper(op_type_name, name=name, **keywords)
        before = len(graph._nodes_by_id)  # pylint: disable=protected-access
        made = tf2_apply_op_helper(op_type_name, name=name, **keywords)
        op, others = made[2], len(graph._nodes_by_id) - before - 1  # pylint: disable=protected-access
        if op.graph is graph and others:  # ops made for its inputs
            _COUNTS[graph].discarded.update(_unused(graph, op, others))
        return made
    return apply_op_helper


def _unused(graph, op, number):
    """The names of the ops made before op for its inputs, among the `number` others made with it (after it:
    control flow's Switches of its inputs), that op does not run. Op ids count up, one per op."""
    nodes, op_id = graph._nodes_by_id, op._id  # pylint: disable=protected-access
    last = op_id
    while last + 1 in nodes:
        last += 1
    first = op_id - (number - (last - op_id))
    run, todo = set(), [op]
    while todo:
        each = todo.pop()
        for used in [tensor.op for tensor in each.inputs] + list(each.control_inputs):
            used_id = used._id  # pylint: disable=protected-access
            if first <= used_id <= last and used_id not in run:
                run.add(used_id)
                todo.append(used)
    return [nodes[each].name for each in range(first, op_id) if each in nodes and each not in run]


def _conv_build(tf2_build, layer, input_shape):
    """TF 1.15's Conv.build ended in nn_ops.Convolution(...), whose _WithSpaceToBatch made
    `dilation_rate` a constant (and, for a dilation other than 1, more ops this leaves out)."""
    tf2_build(layer, input_shape)
    ops.convert_to_tensor(list(layer.dilation_rate), dtypes.int32, name='dilation_rate')


def _conv2d_transpose_call(tf2_call, layer, inputs):
    """TF 1.15's Conv2DTranspose.call: the output size from the input's dynamic shape (tf_keras takes
    the static height and width where they are known)."""
    from tf_keras.src import backend
    from tf_keras.src.utils import conv_utils
    inputs_shape = array_ops.shape(inputs)
    batch_size = inputs_shape[0]
    h_axis, w_axis = (2, 3) if layer.data_format == 'channels_first' else (1, 2)
    height, width = inputs_shape[h_axis], inputs_shape[w_axis]
    (kernel_h, kernel_w), (stride_h, stride_w) = layer.kernel_size, layer.strides
    out_pad_h, out_pad_w = (None, None) if layer.output_padding is None else layer.output_padding
    out_height = conv_utils.deconv_output_length(height, kernel_h, padding=layer.padding, output_padding=out_pad_h,
                                                 stride=stride_h, dilation=layer.dilation_rate[0])
    out_width = conv_utils.deconv_output_length(width, kernel_w, padding=layer.padding, output_padding=out_pad_w,
                                                stride=stride_w, dilation=layer.dilation_rate[1])
    if layer.data_format == 'channels_first':
        output_shape = (batch_size, layer.filters, out_height, out_width)
    else:
        output_shape = (batch_size, out_height, out_width, layer.filters)
    outputs = backend.conv2d_transpose(inputs, layer.kernel, array_ops_stack.stack(output_shape),
                                       strides=layer.strides, padding=layer.padding, data_format=layer.data_format,
                                       dilation_rate=layer.dilation_rate)
    outputs.set_shape(layer.compute_output_shape(inputs.shape))
    if layer.use_bias:
        from tensorflow.python.ops import nn
        outputs = nn.bias_add(outputs, layer.bias,
                              data_format=conv_utils.convert_data_format(layer.data_format, ndim=4))
    return layer.activation(outputs) if layer.activation is not None else outputs


def _flatten_call(tf2_call, layer, inputs):
    """TF 1.15's Flatten.call: reshape to (the batch size, static or from the dynamic shape, -1)."""
    if layer.data_format == 'channels_first' and inputs.shape.rank is not None and inputs.shape.rank > 1:
        inputs = array_ops.transpose(inputs, perm=[0, *range(2, inputs.shape.rank), 1])
    batch_size = inputs.shape[0] if inputs.shape.rank else None
    outputs = array_ops.reshape(inputs, (batch_size or array_ops.shape(inputs)[0], -1))
    outputs.set_shape(layer.compute_output_shape(inputs.shape))
    return outputs


def _constant_if_small(value, shape, dtype, name, layout=None):
    """array_ops._constant_if_small (tf.ones, tf.zeros) as it ran under TF 1.15's NumPy (1.18): for a
    shape that holds a tensor, `np.prod(shape) < 1000` multiplied the shape out as Python objects
    (a Mul op per tensor on the way) and compared (a Less op) before failing; NumPy 2 fails first."""
    import operator
    if isinstance(shape, (list, tuple)) and len(shape) > 1 and any(isinstance(d, tensor_lib.Tensor) for d in shape):
        try:
            bool(functools.reduce(operator.mul, shape) < 1000)
        except TypeError:
            return None
    return _TF2_CONSTANT_IF_SMALL(value, shape, dtype, name, layout=layout)


def _split(axis, value, num_split, name=None):
    """TF 1.15's array_ops.split began with `convert_to_tensor(num_or_size_splits)`, a constant
    even for a number of pieces, before its Split op (TF 2.21 converts only a list of sizes)."""
    ops.convert_to_tensor(num_split)
    return _TF2_SPLIT(axis=axis, value=value, num_split=num_split, name=name)


def _tensor_array_size(tensor_array, name=None):
    """TF 1.15's TensorArray.size() was a TensorArraySizeV3 op (TF 2.21 returns the size it was given)."""
    from tensorflow.python.ops import gen_data_flow_ops
    return gen_data_flow_ops.tensor_array_size_v3(handle=tensor_array._handle, flow_in=tensor_array.flow, name=name)


def _tensordot(tf2_tensordot, a, b, axes, name=None):
    """TF 1.15's tf.tensordot: as TF 2.21's, but an operand of fully known shape was always transposed and
    reshaped (a constant and an op each), and then so was the product, where TF 2.21 leaves out those
    that change nothing."""
    with ops.name_scope(name, 'Tensordot', [a, b, axes]) as scope:
        a = ops.convert_to_tensor(a, name='a')
        b = ops.convert_to_tensor(b, name='b')
        a_axes, b_axes = _tensordot_axes(a, axes)
        if a_axes is None:
            return tf2_tensordot(a, b, axes, name=scope)
        a_matrix, a_free, a_static = _tensordot_matrix(a, a_axes, flipped=False)
        b_matrix, b_free, b_static = _tensordot_matrix(b, b_axes, flipped=True)
        product = math_ops.matmul(a_matrix, b_matrix)
        if isinstance(a_free, list) and isinstance(b_free, list):
            return array_ops.reshape(product, a_free + b_free, name=scope)
        a_free = ops.convert_to_tensor(a_free, dtype=dtypes.int32)
        b_free = ops.convert_to_tensor(b_free, dtype=dtypes.int32)
        result = array_ops.reshape(product, array_ops.concat([a_free, b_free], 0), name=scope)
        if a_static is not None and b_static is not None:
            result.set_shape(a_static + b_static)
        return result


def _tensordot_axes(a, axes):
    """(a's, b's) contracted axes as lists where tf.tensordot's `axes` gives them: a number, a's rank being
    known, or a pair of numbers or lists. Else (None, None): for axes in a tensor, or a's rank unknown,
    TF 2.21's function makes the ops TF 1.15's made, and says what is wrong with bad axes."""
    if isinstance(axes, numbers.Integral) and a.shape.rank is not None and 0 <= axes <= a.shape.rank:
        return list(range(a.shape.rank - axes, a.shape.rank)), list(range(axes))
    if isinstance(axes, (list, tuple)) and len(axes) == 2:
        a_axes, b_axes = ([each] if isinstance(each, numbers.Integral) else each for each in axes)
        if isinstance(a_axes, (list, tuple)) and isinstance(b_axes, (list, tuple)) and len(a_axes) == len(b_axes):
            return list(a_axes), list(b_axes)
    return None, None


def _tensordot_matrix(x, axes, flipped):
    """(x transposed and reshaped to the matrix tf.tensordot multiplies: its contracted axes last, or
    first when flipped; its free dimensions, a list for a fully known x, else an int32 tensor; their
    static sizes, or None for an x of unknown rank), op for op as TF 1.15 made them."""
    if x.shape.rank is not None:
        rank = x.shape.rank
        axes = [axis + rank if axis < 0 else axis for axis in axes]
        free = [axis for axis in range(rank) if axis not in axes]
        known = x.shape.as_list()
        static = [known[axis] for axis in free]
        if x.shape.is_fully_defined():
            size_free, size_axes = int(np.prod(static)), int(np.prod([known[axis] for axis in axes]))
            perm, matrix = (axes + free, [size_axes, size_free]) if flipped else (free + axes, [size_free, size_axes])
            return array_ops.reshape(array_ops.transpose(x, perm), matrix), static, static
        axes = ops.convert_to_tensor(axes, dtype=dtypes.int32, name='axes')
        free = ops.convert_to_tensor(free, dtype=dtypes.int32, name='free')
        shape = array_ops.shape(x)
    else:
        static = None
        shape = array_ops.shape(x)
        rank = array_ops.rank(x)
        axes = ops.convert_to_tensor(axes, dtype=dtypes.int32, name='axes')
        axes = array_ops.where(axes >= 0, axes, axes + rank)
        free, _ = gen_array_ops.list_diff(math_ops.range(rank), axes, dtypes.int32)
    free_dims = array_ops.gather(shape, free)
    axes_dims = array_ops.gather(shape, axes)
    size_free, size_axes = math_ops.reduce_prod(free_dims), math_ops.reduce_prod(axes_dims)
    if flipped:
        perm, matrix = array_ops.concat([axes, free], 0), array_ops_stack.stack([size_axes, size_free])
    else:
        perm, matrix = array_ops.concat([free, axes], 0), array_ops_stack.stack([size_free, size_axes])
    return array_ops.reshape(array_ops.transpose(x, perm), matrix), free_dims, static


def _dropout(x, rate, noise_shape, uniform_sampler, dummy_rng_step, name, default_name):
    """TF 1.15's nn_ops.dropout_v2, op for op, in TF 2.21's nn_ops._dropout's place (uniform_sampler:
    random_ops.random_uniform with the op's seed, as TF 1.15 called it)."""
    import numbers
    from tensorflow.python.framework import tensor_util
    from tensorflow.python.ops import nn_ops
    with ops.name_scope(name, default_name, [x]) as name:
        x = ops.convert_to_tensor(x, name='x')
        if not x.dtype.is_floating:
            raise ValueError("x has to be a floating point tensor since it's going to be scaled. Got a %s tensor "
                             "instead." % x.dtype)
        if isinstance(rate, numbers.Real) and not (0 <= rate < 1):
            raise ValueError('rate must be a scalar tensor or a float in the range [0, 1), got %g' % rate)
        if isinstance(rate, numbers.Real) and rate == 0:
            return x
        rate = ops.convert_to_tensor(rate, dtype=x.dtype, name='rate')
        rate.get_shape().assert_has_rank(0)
        if tensor_util.constant_value(rate) == 0:
            return x
        noise_shape = nn_ops._get_noise_shape(x, noise_shape)
        random_tensor = uniform_sampler(shape=noise_shape, dtype=x.dtype)
        scale = 1 / (1 - rate)
        keep_mask = random_tensor >= rate
        ret = x * scale * math_ops.cast(keep_mask, x.dtype)
        ret.set_shape(x.get_shape())
        return ret
