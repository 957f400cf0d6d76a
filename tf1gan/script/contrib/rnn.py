"""tf.contrib.rnn: TF 1.15's contrib.rnn re-exported TensorFlow's own cells and static RNNs
(tensorflow/contrib/rnn/__init__.py imports them from tensorflow.python.ops.rnn_cell and .rnn),
and tf.compat.v1 still has those: the same classes, the same variable names
(rnn/basic_lstm_cell/kernel, .../bias). Of the cells contrib defined itself, OutputProjectionWrapper
(contrib/rnn/python/ops/core_rnn_cell.py) is here; the others (LayerNormBasicLSTMCell, LSTMBlockCell,
the Grid, NAS and Conv LSTMs, AttentionCellWrapper, ...) have no equal."""
import tensorflow as tf

v1 = tf.compat.v1
CELLS = ('RNNCell', 'BasicRNNCell', 'BasicLSTMCell', 'GRUCell', 'LSTMCell', 'LSTMStateTuple',
         'DropoutWrapper', 'MultiRNNCell', 'DeviceWrapper', 'ResidualWrapper')
RNNS = ('static_rnn', 'static_bidirectional_rnn', 'static_state_saving_rnn')


class OutputProjectionWrapper(v1.nn.rnn_cell.RNNCell):
    """cell, its output projected to output_size by `kernel` (get_variable's default initializer,
    Glorot uniform) and `bias` (zeros), in the wrapper's scope (rnn/output_projection_wrapper/kernel)."""

    def __init__(self, cell, output_size, activation=None, reuse=None):
        super().__init__(_reuse=reuse)
        if output_size < 1:
            raise ValueError(f'Parameter output_size must be > 0: {output_size}.')
        self._cell = cell
        self._output_size = output_size
        self._activation = activation
        self._weights = None

    @property
    def state_size(self):
        return self._cell.state_size

    @property
    def output_size(self):
        return self._output_size

    def zero_state(self, batch_size, dtype):
        with tf.name_scope(type(self).__name__ + 'ZeroState'):
            return self._cell.zero_state(batch_size, dtype)

    def call(self, inputs, state):
        output, res_state = self._cell(inputs, state)
        if self._weights is None:  # core_rnn_cell._Linear(output, output_size, build_bias=True)
            dtype = output.dtype
            with v1.variable_scope(v1.get_variable_scope()) as outer_scope:
                self._weights = v1.get_variable('kernel', [output.shape[1], self._output_size], dtype=dtype)
                with v1.variable_scope(outer_scope) as inner_scope:
                    inner_scope.set_partitioner(None)
                    self._biases = v1.get_variable('bias', [self._output_size], dtype=dtype,
                                                   initializer=v1.constant_initializer(0.0, dtype=dtype))
        projected = tf.nn.bias_add(tf.matmul(output, self._weights), self._biases)
        if self._activation:
            projected = self._activation(projected)
        return projected, res_state


def names():
    """{name: class or function} for tf.contrib.rnn: TensorFlow's own, and OutputProjectionWrapper."""
    found = {name: getattr(v1.nn.rnn_cell, name) for name in CELLS}
    found.update({name: getattr(v1.nn, name) for name in RNNS})
    found['OutputProjectionWrapper'] = OutputProjectionWrapper
    return found
