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
RefVariables (tf1gan.script's graphs) there is nothing to leave out. TF 2.21's Keras
initialisers (the default of tf.layers' kernels) are stateless and never ask get_seed:
use_tf1_seeds gives the graph's root variable scope the initialiser TF 1.15's
tf.layers and tf.get_variable used, glorot_uniform_initializer, whose RandomUniform does.
"""
import weakref

from tensorflow.python.eager import context
from tensorflow.python.framework import dtypes, ops, random_seed
from tensorflow.python.ops import gen_random_ops, init_ops, math_ops, random_ops, shape_util, variable_scope

_TF2_GET_SEED = random_seed.get_seed
_TF2_RANDOM_UNIFORM = random_ops.random_uniform
_COUNTS = weakref.WeakKeyDictionary()  # graph -> _Count, for the graphs that use TF 1.15's rule


class _Count:
    """TF 1.15's op count of one graph, kept up to date as ops are added (each op is seen once)."""

    def __init__(self):
        self.seen = 0  # how many of the graph's ops (in creation order) are counted already
        self.count = 0
        self.read = set()  # the variables (handle names) whose first read is counted

    def update(self, graph):
        operations = graph.get_operations()
        for op in operations[self.seen:]:
            self.count += self._made_by_tf115(op)
        self.seen = len(operations)
        return self.count

    def _made_by_tf115(self, op):
        if op.type == 'VarIsInitializedOp':
            return 0
        if op.type == 'ReadVariableOp':
            handle = op.inputs[0].op.name
            if handle in self.read:
                return 0
            self.read.add(handle)
        return 1


def tf115_op_count(graph):
    """The number of ops TF 1.15 would have made in graph by now: its `graph._last_id`."""
    return _COUNTS[graph].update(graph)


def _tf1_graph():
    """The default graph if it takes TF 1.15's rule (use_tf1_seeds) and has a seed, else None."""
    if context.executing_eagerly():
        return None
    graph = ops.get_default_graph()
    return graph if graph in _COUNTS and graph.seed is not None else None


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
