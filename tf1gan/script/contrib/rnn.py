"""tf.contrib.rnn: TF 1.15's contrib.rnn re-exported TensorFlow's own cells and static RNNs
(tensorflow/contrib/rnn/__init__.py imports them from tensorflow.python.ops.rnn_cell and .rnn),
and tf.compat.v1 still has those: the same classes, the same variable names
(rnn/basic_lstm_cell/kernel, .../bias). The cells contrib itself defined (LayerNormBasicLSTMCell,
LSTMBlockCell, the Grid, NAS and Conv LSTMs, AttentionCellWrapper, ...) have no equal."""
import tensorflow as tf

v1 = tf.compat.v1
CELLS = ('RNNCell', 'BasicRNNCell', 'BasicLSTMCell', 'GRUCell', 'LSTMCell', 'LSTMStateTuple',
         'DropoutWrapper', 'MultiRNNCell', 'DeviceWrapper', 'ResidualWrapper')
RNNS = ('static_rnn', 'static_bidirectional_rnn', 'static_state_saving_rnn')


def names():
    """{name: TensorFlow's object} for what tf.contrib.rnn had from TensorFlow itself."""
    found = {name: getattr(v1.nn.rnn_cell, name) for name in CELLS}
    found.update({name: getattr(v1.nn, name) for name in RNNS})
    return found
