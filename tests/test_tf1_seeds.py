"""TF 1.15's op count where TensorFlow 2.21 makes other ops (tf1gan.compat.tf1_seeds): a graph seed gives a
random op the number of ops made before it, so an op more or less moves every later weight.

Each case states what TF 1.15 made, from its sources (tensorflow_core/python of 1.15.5) and as its
`graph.get_operations()` listed them; tests/test_tf115_seeds.py runs whole scripts in TF 1.15 itself.
"""
import pytest
import tensorflow.compat.v1 as tf

from tf1gan.compat import tf1_seeds

CASES = {
    # math_ops._ReductionDims: `rank = common_shapes.rank(x); if rank is not None: return
    # constant_op.constant(np.arange(rank), dtype=dtypes.int32)`, a scalar's (rank 0) too: Const, Mean.
    'tf.reduce_mean of a scalar': (lambda x, s: tf.reduce_mean(s), ['Const', 'Mean']),
    'tf.reduce_sum of a scalar': (lambda x, s: tf.reduce_sum(s), ['Const', 'Sum']),
    'tf.reduce_any of a scalar': (lambda x, s: tf.reduce_any(s > 0), ['Const', 'Greater', 'Const', 'Any']),
    'tf.reduce_mean of tf.nn.l2_loss': (lambda x, s: tf.reduce_mean(tf.nn.l2_loss(x)), ['L2Loss', 'Const', 'Mean']),
    # op_def_library: a Python value for an input whose type attribute has a default converted once,
    # `internal_convert_to_tensor(values, ..., preferred_dtype=default_dtype)`: Const, then the op.
    'tf.reduce_sum over axis=[]': (lambda x, s: tf.reduce_sum(x, axis=[]), ['Const', 'Sum']),
    'tf.reshape to []': (lambda x, s: tf.reshape(s, []), ['Const', 'Reshape']),
    # Unchanged by either: a matrix's reduction, a list of axes, a list of multiples.
    'tf.reduce_mean of a matrix': (lambda x, s: tf.reduce_mean(x), ['Const', 'Mean']),
    'tf.reduce_sum over axis=[1]': (lambda x, s: tf.reduce_sum(x, axis=[1]), ['Const', 'Sum']),
    'tf.tile': (lambda x, s: tf.tile(x, [1, 2]), ['Const', 'Tile']),
}


@pytest.mark.parametrize('case', CASES)
def test_a_marked_graph_counts_the_ops_tf115_made(case):
    make, tf115_ops = CASES[case]
    with tf.Graph().as_default() as graph:
        tf1_seeds.use_tf1_seeds(graph)
        x, s = tf.placeholder(tf.float32, [3, 4]), tf.placeholder(tf.float32, [])
        before = tf1_seeds.tf115_op_count(graph)
        make(x, s)
        assert tf1_seeds.tf115_op_count(graph) - before == len(tf115_ops)


def test_an_unmarked_graph_keeps_tensorflow_2s_ops():
    with tf.Graph().as_default() as graph:
        s = tf.placeholder(tf.float32, [])
        before = len(graph.get_operations())
        tf.reduce_mean(s)
        # TF 2.21's _ReductionDims for a scalar: range(0, rank(s)), three constants and a Range.
        assert [op.type for op in graph.get_operations()[before:]] == ['Const', 'Const', 'Const', 'Range', 'Mean']
