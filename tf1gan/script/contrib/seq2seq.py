"""tf.contrib.seq2seq.sequence_loss, as TF 1.15 defined it (tensorflow/contrib/seq2seq/python/ops/loss.py):
the weighted softmax cross-entropy of [batch, time, classes] logits against [batch, time] targets,
by default the weighted mean over every symbol (average_across_timesteps=average_across_batch=True)."""
import tensorflow as tf

v1 = tf.compat.v1


def sequence_loss(logits, targets, weights, average_across_timesteps=True, average_across_batch=True,
                  sum_over_timesteps=False, sum_over_batch=False, softmax_loss_function=None, name=None):
    """A scalar by default; [batch] or [time] when one of the two axes is kept; [batch, time] when
    neither is reduced. average_*: divide by the sum of the weights; sum_over_*: by the number of
    non-zero weights."""
    if len(logits.get_shape()) != 3:
        raise ValueError('Logits must be a [batch_size x sequence_length x logits] tensor')
    if len(targets.get_shape()) != 2:
        raise ValueError('Targets must be a [batch_size x sequence_length] tensor')
    if len(weights.get_shape()) != 2:
        raise ValueError('Weights must be a [batch_size x sequence_length] tensor')
    if average_across_timesteps and sum_over_timesteps:
        raise ValueError('average_across_timesteps and sum_over_timesteps cannot be set to True at same time.')
    if average_across_batch and sum_over_batch:
        raise ValueError('average_across_batch and sum_over_batch cannot be set to True at same time.')
    with v1.name_scope(name, 'sequence_loss', [logits, targets, weights]):
        num_classes = tf.shape(logits)[2]
        logits_flat = tf.reshape(logits, [-1, num_classes])
        targets = tf.reshape(targets, [-1])
        loss = softmax_loss_function or tf.nn.sparse_softmax_cross_entropy_with_logits
        crossent = loss(labels=targets, logits=logits_flat)
        crossent *= tf.reshape(weights, [-1])
        if average_across_timesteps and average_across_batch:
            return tf.math.divide_no_nan(tf.reduce_sum(crossent), tf.reduce_sum(weights))
        if sum_over_timesteps and sum_over_batch:
            count = tf.cast(tf.math.count_nonzero(weights), crossent.dtype)
            return tf.math.divide_no_nan(tf.reduce_sum(crossent), count)
        crossent = tf.reshape(crossent, tf.shape(logits)[0:2])
        if average_across_timesteps or average_across_batch:
            axis = [0] if average_across_batch else [1]
            return tf.math.divide_no_nan(tf.reduce_sum(crossent, axis=axis), tf.reduce_sum(weights, axis=axis))
        if sum_over_timesteps or sum_over_batch:
            axis = [0] if sum_over_batch else [1]
            count = tf.cast(tf.math.count_nonzero(weights, axis=axis), crossent.dtype)
            return tf.math.divide_no_nan(tf.reduce_sum(crossent, axis=axis), count)
        return crossent
