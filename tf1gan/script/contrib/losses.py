"""tf.contrib.losses (slim.losses), as TF 1.15 defined it (tensorflow/contrib/losses/python/losses/loss_ops.py).

Not tf.losses: contrib's own argument order, logits (or predictions) first, then the labels
(softmax_cross_entropy(logits, onehot_labels, weights=1.0, label_smoothing=0, scope=None)), and
its own reduction: the weighted losses summed, divided by the number of elements with a non-zero
weight (0 when there are none), the mean added to the LOSSES collection (hinge_loss excepted:
its per-element losses, unweighted, in no collection). get_total_loss is the sum of LOSSES and
REGULARIZATION_LOSSES. The ops are TF 1.15's, in its order, so a graph seed gives later random ops
TF 1.15's seeds (where TensorFlow 2.21's functions make others: hinge_loss's ones_like).
add_loss takes an arg_scope, as TF 1.15's did. TF 1.15's deprecation warnings are not printed
(tf1gan hides TensorFlow's log lines). Its metric_learning is not here.
"""
import tensorflow as tf

from tf1gan.script.contrib.arg_scope import contrib_arg_scope

v1 = tf.compat.v1
__all__ = ['absolute_difference', 'add_loss', 'cosine_distance', 'compute_weighted_loss', 'get_losses',
           'get_regularization_losses', 'get_total_loss', 'hinge_loss', 'log_loss', 'mean_pairwise_squared_error',
           'mean_squared_error', 'sigmoid_cross_entropy', 'softmax_cross_entropy', 'sparse_softmax_cross_entropy']


def _scale_losses(losses, weights):
    """sum(losses reduced to weights' rank, times weights)."""
    start_index = max(0, weights.get_shape().ndims)
    axis = list(range(start_index, losses.get_shape().ndims))
    reduced_losses = tf.reduce_sum(losses, axis=axis)
    reduced_losses = tf.multiply(reduced_losses, weights)
    return tf.reduce_sum(reduced_losses)


def _safe_mean(losses, num_present):
    """sum(losses) / num_present, 0 if num_present is 0."""
    return tf.math.divide_no_nan(tf.reduce_sum(losses), num_present, name='value')


def _num_present(losses, weights, per_batch=False):
    """How many elements of losses have a non-zero weight once weights is broadcast to them
    (per example if per_batch); a scalar weight counts all of them, or none if it is 0."""
    if weights.get_shape().ndims == 0:
        batch_size = tf.reshape(tf.slice(tf.shape(losses), [0], [1]), [])
        num_per_batch = v1.div(tf.cast(tf.size(losses), tf.float32), tf.cast(batch_size, tf.float32))
        num_per_batch = v1.where(tf.equal(weights, 0), 0.0, num_per_batch)
        num_per_batch = tf.multiply(tf.ones(tf.reshape(batch_size, [1])), num_per_batch)
        return num_per_batch if per_batch else tf.reduce_sum(num_per_batch)
    if weights.get_shape().ndims >= 1:
        axis = list(range(1, weights.get_shape().ndims))
        num_nonzero_per_batch = tf.reduce_sum(tf.cast(tf.not_equal(weights, 0), tf.float32), axis=axis)
    broadcast_dims = tf.slice(tf.shape(losses), [weights.get_shape().ndims], [-1])
    num_to_broadcast = tf.cast(tf.reduce_prod(broadcast_dims), tf.float32)
    num_per_batch = tf.multiply(num_nonzero_per_batch, num_to_broadcast)
    return num_per_batch if per_batch else tf.reduce_sum(num_per_batch)


def compute_weighted_loss(losses, weights=1.0, scope=None):
    """The weighted mean of losses over the elements with a non-zero weight, added to LOSSES."""
    with v1.name_scope(scope, 'weighted_loss', [losses, weights]):
        losses = tf.convert_to_tensor(losses)
        input_dtype = losses.dtype
        losses = tf.cast(losses, tf.float32)
        weights = tf.cast(tf.convert_to_tensor(weights), tf.float32)
        if losses.get_shape().ndims is None:
            raise ValueError('losses.get_shape().ndims cannot be None')
        weights_shape = weights.get_shape()
        if weights_shape.ndims is None:
            raise ValueError('weights.get_shape().ndims cannot be None')
        if weights_shape.ndims > 1 and weights_shape.dims[-1].is_compatible_with(1):
            weights = tf.squeeze(weights, [-1])
        total_loss = _scale_losses(losses, weights)
        num_present = _num_present(losses, weights)
        mean_loss = tf.cast(_safe_mean(total_loss, num_present), input_dtype)
        add_loss(mean_loss)
        return mean_loss


@contrib_arg_scope({'add_loss': ('loss_collection',)})
def add_loss(loss, loss_collection=v1.GraphKeys.LOSSES):
    """Adds loss to loss_collection (none if it is empty or None)."""
    if loss_collection:
        v1.add_to_collection(loss_collection, loss)


def get_losses(scope=None, loss_collection=v1.GraphKeys.LOSSES):
    return v1.get_collection(loss_collection, scope)


def get_regularization_losses(scope=None):
    return v1.get_collection(v1.GraphKeys.REGULARIZATION_LOSSES, scope)


def get_total_loss(add_regularization_losses=True, name='total_loss'):
    """add_n of the LOSSES (and the REGULARIZATION_LOSSES)."""
    losses = get_losses()
    if add_regularization_losses:
        losses += get_regularization_losses()
    return tf.add_n(losses, name=name)


def _labelled(scope, default_name, predictions, labels, weights, per_element):
    """compute_weighted_loss of per_element(predictions, labels) (both float32), their shapes checked."""
    with v1.name_scope(scope, default_name, [predictions, labels, weights]) as scope:
        predictions.get_shape().assert_is_compatible_with(labels.get_shape())
        predictions = tf.cast(predictions, tf.float32)
        labels = tf.cast(labels, tf.float32)
        return compute_weighted_loss(per_element(predictions, labels), weights, scope=scope)


def absolute_difference(predictions, labels=None, weights=1.0, scope=None):
    """|predictions - labels|, weighted and averaged."""
    return _labelled(scope, 'absolute_difference', predictions, labels, weights,
                     lambda p, y: tf.abs(tf.subtract(p, y)))


def mean_squared_error(predictions, labels=None, weights=1.0, scope=None):
    """(predictions - labels)^2, weighted and averaged."""
    return _labelled(scope, 'mean_squared_error', predictions, labels, weights, tf.math.squared_difference)


def log_loss(predictions, labels=None, weights=1.0, epsilon=1e-7, scope=None):
    """-y log(p + epsilon) - (1 - y) log(1 - p + epsilon), weighted and averaged."""
    return _labelled(scope, 'log_loss', predictions, labels, weights,
                     lambda p, y: -tf.multiply(y, tf.math.log(p + epsilon))
                     - tf.multiply((1 - y), tf.math.log(1 - p + epsilon)))


def sigmoid_cross_entropy(logits, multi_class_labels, weights=1.0, label_smoothing=0, scope=None):
    """tf.nn.sigmoid_cross_entropy_with_logits, the labels smoothed towards 1/2 by label_smoothing."""
    with v1.name_scope(scope, 'sigmoid_cross_entropy_loss', [logits, multi_class_labels, weights]) as scope:
        logits.get_shape().assert_is_compatible_with(multi_class_labels.get_shape())
        multi_class_labels = tf.cast(multi_class_labels, logits.dtype)
        if label_smoothing > 0:
            multi_class_labels = multi_class_labels * (1 - label_smoothing) + 0.5 * label_smoothing
        losses = tf.nn.sigmoid_cross_entropy_with_logits(labels=multi_class_labels, logits=logits, name='xentropy')
        return compute_weighted_loss(losses, weights, scope=scope)


def softmax_cross_entropy(logits, onehot_labels, weights=1.0, label_smoothing=0, scope=None):
    """TF 1.15's tf.nn.softmax_cross_entropy_with_logits (no gradient into the labels), the labels
    smoothed towards 1/num_classes by label_smoothing."""
    with v1.name_scope(scope, 'softmax_cross_entropy_loss', [logits, onehot_labels, weights]) as scope:
        logits.get_shape().assert_is_compatible_with(onehot_labels.get_shape())
        onehot_labels = tf.cast(onehot_labels, logits.dtype)
        if label_smoothing > 0:
            num_classes = tf.cast(tf.shape(onehot_labels)[1], logits.dtype)
            smooth_positives = 1.0 - label_smoothing
            smooth_negatives = label_smoothing / num_classes
            onehot_labels = onehot_labels * smooth_positives + smooth_negatives
        losses = v1.nn.softmax_cross_entropy_with_logits(labels=onehot_labels, logits=logits, name='xentropy')
        return compute_weighted_loss(losses, weights, scope=scope)


def sparse_softmax_cross_entropy(logits, labels, weights=1.0, scope=None):
    """tf.nn.sparse_softmax_cross_entropy_with_logits of labels ([batch] or [batch, 1]), weighted and averaged."""
    with v1.name_scope(scope, 'sparse_softmax_cross_entropy_loss', [logits, labels, weights]) as scope:
        labels = tf.reshape(labels, shape=[tf.shape(labels)[0]])
        losses = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=labels, logits=logits, name='xentropy')
        return compute_weighted_loss(losses, weights, scope=scope)


def hinge_loss(logits, labels=None, scope=None):
    """relu(1 - (2 labels - 1) * logits), per element: not averaged, not added to LOSSES."""
    with v1.name_scope(scope, 'hinge_loss', [logits, labels]):
        logits.get_shape().assert_is_compatible_with(labels.get_shape())
        labels = tf.cast(labels, tf.float32)
        all_ones = v1.ones_like(labels)  # TF 1.15's: Shape, Const, Fill (TensorFlow 2's: one OnesLike)
        labels = tf.subtract(2 * labels, all_ones)
        return tf.nn.relu(tf.subtract(all_ones, tf.multiply(labels, logits)))


def mean_pairwise_squared_error(predictions, labels=None, weights=1.0, scope=None):
    """Per example, the mean over pairs of its elements of ((p_i - p_j) - (y_i - y_j))^2, weighted,
    summed over the batch (0 if no element has a weight); added to LOSSES."""
    with v1.name_scope(scope, 'mean_pairwise_squared_error', [predictions, labels, weights]):
        predictions.get_shape().assert_is_compatible_with(labels.get_shape())
        predictions = tf.cast(predictions, tf.float32)
        labels = tf.cast(labels, tf.float32)
        weights = tf.cast(tf.convert_to_tensor(weights), tf.float32)
        diffs = tf.subtract(predictions, labels)
        if diffs.get_shape().ndims is None:
            raise ValueError('diffs.get_shape().ndims cannot be None')
        if weights.get_shape().ndims is None:
            raise ValueError('weights.get_shape().ndims cannot be None')
        axis = list(range(1, diffs.get_shape().ndims))
        sum_squares_diff_per_batch = tf.reduce_sum(tf.square(diffs), axis=axis)
        num_present_per_batch = _num_present(diffs, weights, per_batch=True)
        term1 = 2.0 * tf.math.divide_no_nan(sum_squares_diff_per_batch, num_present_per_batch, name='value')
        sum_diff = tf.reduce_sum(diffs, axis=axis)
        term2 = 2.0 * tf.math.divide_no_nan(tf.square(sum_diff), tf.square(num_present_per_batch), name='value')
        loss = _scale_losses(term1 - term2, weights)
        mean_loss = v1.where(tf.reduce_sum(num_present_per_batch) > 0, loss, tf.zeros_like(loss), name='value')
        add_loss(mean_loss)
        return mean_loss


def cosine_distance(predictions, labels=None, axis=None, weights=1.0, scope=None, dim=None):
    """1 - sum(predictions * labels) over axis (dim: its old name), weighted and averaged."""
    if axis is not None and dim is not None:
        raise ValueError("Cannot specify both 'axis' and 'dim'")
    axis = axis if axis is not None else dim
    if axis is None:
        raise ValueError("You must specify 'axis'.")
    return _labelled(scope, 'cosine_distance_loss', predictions, labels, weights,
                     lambda p, y: 1 - tf.reduce_sum(tf.multiply(p, y), axis=[axis]))
