"""tf.contrib.legacy_seq2seq's short pieces, as TF 1.15 defined them
(tensorflow/contrib/legacy_seq2seq/python/ops/seq2seq.py): rnn_decoder and the losses over lists
of per-step logits, the char-rnn tutorials' way."""
import tensorflow as tf

v1 = tf.compat.v1


def rnn_decoder(decoder_inputs, initial_state, cell, loop_function=None, scope=None):
    """(outputs, state) of cell run over decoder_inputs (a list) from initial_state, its variables
    shared across steps; loop_function(prev, i) makes step i's input from the previous output."""
    with v1.variable_scope(scope or 'rnn_decoder'):
        state = initial_state
        outputs = []
        prev = None
        for i, inp in enumerate(decoder_inputs):
            if loop_function is not None and prev is not None:
                with v1.variable_scope('loop_function', reuse=True):
                    inp = loop_function(prev, i)
            if i > 0:
                v1.get_variable_scope().reuse_variables()
            output, state = cell(inp, state)
            outputs.append(output)
            if loop_function is not None:
                prev = output
    return outputs, state


def sequence_loss_by_example(logits, targets, weights, average_across_timesteps=True, softmax_loss_function=None,
                             name=None):
    """[batch]: per example, the sum over steps of weight * cross-entropy, divided by the
    steps' summed weights (+ 1e-12) if average_across_timesteps."""
    if len(targets) != len(logits) or len(weights) != len(logits):
        raise ValueError('Lengths of logits, weights, and targets must be the same '
                         f'{len(logits)}, {len(weights)}, {len(targets)}.')
    with v1.name_scope(name, 'sequence_loss_by_example', logits + targets + weights):
        log_perp_list = []
        for logit, target, weight in zip(logits, targets, weights):
            if softmax_loss_function is None:
                crossent = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=tf.reshape(target, [-1]),
                                                                          logits=logit)
            else:
                crossent = softmax_loss_function(labels=target, logits=logit)
            log_perp_list.append(crossent * weight)
        log_perps = tf.add_n(log_perp_list)
        if average_across_timesteps:
            log_perps /= tf.add_n(weights) + 1e-12  # 1e-12: TF 1.15's guard against all-zero weights
    return log_perps


def sequence_loss(logits, targets, weights, average_across_timesteps=True, average_across_batch=True,
                  softmax_loss_function=None, name=None):
    """The sum of sequence_loss_by_example, divided by the batch size if average_across_batch."""
    with v1.name_scope(name, 'sequence_loss', logits + targets + weights):
        cost = tf.reduce_sum(sequence_loss_by_example(logits, targets, weights,
                                                      average_across_timesteps=average_across_timesteps,
                                                      softmax_loss_function=softmax_loss_function))
        if average_across_batch:
            return cost / tf.cast(tf.shape(targets[0])[0], cost.dtype)
        return cost
