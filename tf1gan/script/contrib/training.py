"""tf.contrib.training's train op and loop, and slim.learning's, as TF 1.15 defined them
(tensorflow/contrib/training/python/training/training.py, tensorflow/contrib/slim/python/slim/learning.py):

    create_train_op(total_loss, optimizer)   the loss, run after UPDATE_OPS (batch norm's moving averages)
                                             and after the gradient step, checked for inf and nan
    clip_gradient_norms, multiply_gradients, add_gradients_summaries: what it may do to the gradients
    train(train_op, logdir)                  contrib.training's: a MonitoredTrainingSession loop;
                                             slim.learning's: a tf.train.Supervisor loop (train_step each
                                             step, 'global step N: loss = ...' logged, checkpoints and
                                             summaries written to logdir, a last checkpoint at the end)

The two modules' helpers differ where TF 1.15's did: slim's gradient summaries are named
'<var>/gradient' (contrib.training's '<var>_gradient'), and slim's multipliers may be tensors.
Distributed training (sync_optimizer, a master other than local) is not part of a reader's GAN:
slim.learning.train refuses a sync_optimizer in one line.
"""
import os
import sys
import time

import tensorflow as tf

from tf1gan.script.contrib.base import RemovedInTF2Error

v1 = tf.compat.v1
_USE_GLOBAL_STEP = 0  # TF 1.15's marker: the graph's global step, made if there is none
_USE_DEFAULT = 0


def _with_dependencies(dependencies, output, name=None):
    """output, as an identity run after dependencies (TF 1.15's control_flow_ops.with_dependencies)."""
    with v1.name_scope(name, 'control_dependency', list(dependencies) + [output]) as name:
        with v1.colocate_with(output):
            with v1.control_dependencies(dependencies):
                return tf.identity(output, name=name)


def clip_gradient_norms(gradients_to_variables, max_norm):
    """Each gradient clipped to norm max_norm (an IndexedSlices' values)."""
    clipped = []
    for grad, var in gradients_to_variables:
        if grad is not None:
            if isinstance(grad, tf.IndexedSlices):
                grad = tf.IndexedSlices(v1.clip_by_norm(grad.values, max_norm), grad.indices, grad.dense_shape)
            else:
                grad = v1.clip_by_norm(grad, max_norm)
        clipped.append((grad, var))
    return clipped


def clip_gradient_norms_fn(max_norm):
    """A transform_grads_fn clipping each gradient to max_norm."""
    def clip_norms(gradients_to_variables):
        return clip_gradient_norms(gradients_to_variables, max_norm)
    return clip_norms


def _multiply(grads_and_vars, gradient_multipliers, tensor_multipliers):
    if not isinstance(grads_and_vars, list):
        raise ValueError('`grads_and_vars` must be a list.')
    if not gradient_multipliers:
        raise ValueError('`gradient_multipliers` is empty.')
    if not isinstance(gradient_multipliers, dict):
        raise ValueError('`gradient_multipliers` must be a dict.')
    multiplied = []
    for grad, var in grads_and_vars:
        if var in gradient_multipliers or var.op.name in gradient_multipliers:
            key = var if var in gradient_multipliers else var.op.name
            if grad is None:
                raise ValueError('Requested multiple of `None` gradient.')
            multiplier = gradient_multipliers[key]
            if tensor_multipliers:  # slim's: a tensor as it is, a number as a constant
                if not isinstance(multiplier, tf.Tensor):
                    multiplier = tf.constant(multiplier, dtype=grad.dtype)
            else:
                multiplier = tf.convert_to_tensor(multiplier, dtype=grad.dtype)
            if isinstance(grad, tf.IndexedSlices):
                grad = tf.IndexedSlices(grad.values * multiplier, grad.indices, grad.dense_shape)
            else:
                grad *= multiplier
        multiplied.append((grad, var))
    return multiplied


def multiply_gradients(grads_and_vars, gradient_multipliers):
    """The gradients of the variables (or variable op names) in gradient_multipliers, times their value."""
    return _multiply(grads_and_vars, gradient_multipliers, tensor_multipliers=False)


def _gradients_summaries(grads_and_vars, separator):
    summaries = []
    for grad, var in grads_and_vars:
        if grad is not None:
            values = grad.values if isinstance(grad, tf.IndexedSlices) else grad
            summaries.append(v1.summary.histogram(var.op.name + separator + 'gradient', values))
            summaries.append(v1.summary.scalar(var.op.name + separator + 'gradient_norm', tf.linalg.global_norm([values])))
        else:
            v1.logging.info('Var %s has no gradient', var.op.name)
    return summaries


def add_gradients_summaries(grads_and_vars):
    """A histogram of each gradient and a scalar of its norm: '<var>_gradient', '<var>_gradient_norm'."""
    return _gradients_summaries(grads_and_vars, '_')


def create_train_op(total_loss, optimizer, global_step=_USE_GLOBAL_STEP, update_ops=None, variables_to_train=None,
                    transform_grads_fn=None, summarize_gradients=False, gate_gradients=v1.train.Optimizer.GATE_OP,
                    aggregation_method=None, colocate_gradients_with_ops=False, check_numerics=True):
    """A tensor that, evaluated, runs update_ops (default: the UPDATE_OPS collection), then computes the
    gradients of variables_to_train (default: the trainable ones), applies them (incrementing global_step),
    and gives total_loss; it joins the TRAIN_OP collection."""
    if global_step is _USE_GLOBAL_STEP:
        global_step = v1.train.get_or_create_global_step()
    global_update_ops = set(v1.get_collection(v1.GraphKeys.UPDATE_OPS))
    update_ops = global_update_ops if update_ops is None else set(update_ops)
    if not global_update_ops.issubset(update_ops):
        v1.logging.warning('update_ops in create_train_op does not contain all the update_ops in GraphKeys.UPDATE_OPS')
    if update_ops:  # the update ops run before total_loss is given
        with v1.control_dependencies(update_ops):
            barrier = tf.no_op(name='update_barrier')
        total_loss = _with_dependencies([barrier], total_loss)
    if variables_to_train is None:
        variables_to_train = v1.trainable_variables()
    else:
        for variable in variables_to_train:
            assert variable.trainable or variable in v1.trainable_variables()
    assert variables_to_train
    grads = optimizer.compute_gradients(total_loss, variables_to_train, gate_gradients=gate_gradients,
                                        aggregation_method=aggregation_method,
                                        colocate_gradients_with_ops=colocate_gradients_with_ops)
    if transform_grads_fn:
        grads = transform_grads_fn(grads)
    if summarize_gradients:
        with v1.name_scope('summarize_grads'):
            add_gradients_summaries(grads)
    grad_updates = optimizer.apply_gradients(grads, global_step=global_step)
    with v1.name_scope('train_op'):
        if check_numerics:
            total_loss = v1.check_numerics(total_loss, 'LossTensor is inf or nan')
        train_op = _with_dependencies([grad_updates], total_loss)
    train_ops = v1.get_collection_ref(v1.GraphKeys.TRAIN_OP)
    if train_op not in train_ops:
        train_ops.append(train_op)
    return train_op


def train(train_op, logdir, master='', is_chief=True, scaffold=None, hooks=None, chief_only_hooks=None,
          save_checkpoint_secs=600, save_summaries_steps=100, config=None, max_wait_secs=7200, run_metadata=None):
    """contrib.training's loop: train_op run in a MonitoredTrainingSession (checkpoints and summaries in
    logdir) until a hook stops it; the last loss."""
    if logdir is None and is_chief:
        if save_summaries_steps:
            raise ValueError('logdir cannot be None when save_summaries_steps is not None')
        if save_checkpoint_secs:
            raise ValueError('logdir cannot be None when save_checkpoint_secs is not None')
    with v1.train.MonitoredTrainingSession(
            master=master, is_chief=is_chief, checkpoint_dir=logdir, scaffold=scaffold, hooks=hooks,
            chief_only_hooks=chief_only_hooks, save_checkpoint_secs=save_checkpoint_secs,
            save_summaries_steps=save_summaries_steps, config=config, max_wait_secs=max_wait_secs) as session:
        loss = None
        while not session.should_stop():
            loss = session.run(train_op, run_metadata=run_metadata)
    return loss


TRAINING_NAMES = ('add_gradients_summaries', 'clip_gradient_norms', 'clip_gradient_norms_fn', 'create_train_op',
                  'multiply_gradients', 'train')


# --- slim.learning

def slim_multiply_gradients(grads_and_vars, gradient_multipliers):
    """slim's multiply_gradients: a multiplier may also be a tensor."""
    return _multiply(grads_and_vars, gradient_multipliers, tensor_multipliers=True)


def slim_add_gradients_summaries(grads_and_vars):
    """slim's: '<var>/gradient' and '<var>/gradient_norm'."""
    return _gradients_summaries(grads_and_vars, '/')


def slim_create_train_op(total_loss, optimizer, global_step=_USE_GLOBAL_STEP, update_ops=None,
                         variables_to_train=None, clip_gradient_norm=0, summarize_gradients=False,
                         gate_gradients=v1.train.Optimizer.GATE_OP, aggregation_method=None,
                         colocate_gradients_with_ops=False, gradient_multipliers=None, check_numerics=True):
    """slim's create_train_op: contrib.training's, the gradients multiplied (gradient_multipliers) and
    clipped (clip_gradient_norm > 0) on the way."""
    def transform_grads_fn(grads):
        if gradient_multipliers:
            with v1.name_scope('multiply_grads'):
                grads = slim_multiply_gradients(grads, gradient_multipliers)
        if clip_gradient_norm > 0:
            with v1.name_scope('clip_grads'):
                grads = clip_gradient_norms(grads, clip_gradient_norm)
        return grads
    return create_train_op(total_loss, optimizer, global_step=global_step, update_ops=update_ops,
                           variables_to_train=variables_to_train, transform_grads_fn=transform_grads_fn,
                           summarize_gradients=summarize_gradients, gate_gradients=gate_gradients,
                           aggregation_method=aggregation_method,
                           colocate_gradients_with_ops=colocate_gradients_with_ops, check_numerics=check_numerics)


def train_step(sess, train_op, global_step, train_step_kwargs):
    """One step of slim's loop: (the loss, whether to stop), logging 'global step N: loss = ...' when
    train_step_kwargs' should_log says so."""
    start_time = time.time()
    trace_run_options = run_metadata = None
    if 'should_trace' in train_step_kwargs:
        if 'logdir' not in train_step_kwargs:
            raise ValueError('logdir must be present in train_step_kwargs when should_trace is present')
        if sess.run(train_step_kwargs['should_trace']):
            trace_run_options = v1.RunOptions(trace_level=v1.RunOptions.FULL_TRACE)
            run_metadata = v1.RunMetadata()
    total_loss, np_global_step = sess.run([train_op, global_step], options=trace_run_options,
                                          run_metadata=run_metadata)
    time_elapsed = time.time() - start_time
    if run_metadata is not None:
        _write_trace(run_metadata, np_global_step, train_step_kwargs)
    if 'should_log' in train_step_kwargs and sess.run(train_step_kwargs['should_log']):
        v1.logging.info('global step %d: loss = %.4f (%.3f sec/step)', np_global_step, total_loss, time_elapsed)
    # Not in the step's own run, as in TF 1.15: the stop depends on the global step the step increments.
    should_stop = sess.run(train_step_kwargs['should_stop']) if 'should_stop' in train_step_kwargs else False
    return total_loss, should_stop


def _write_trace(run_metadata, step, train_step_kwargs):
    from tensorflow.python.client import timeline  # the Chrome trace format; only for trace_every_n_steps
    trace_filename = os.path.join(train_step_kwargs['logdir'], 'tf_trace-%d.json' % step)
    v1.logging.info('Writing trace to %s', trace_filename)
    with v1.gfile.GFile(trace_filename, 'w') as trace_file:
        trace_file.write(timeline.Timeline(run_metadata.step_stats).generate_chrome_trace_format())
    if 'summary_writer' in train_step_kwargs:
        train_step_kwargs['summary_writer'].add_run_metadata(run_metadata, 'run_metadata-%d' % step)


def _wait_for_step(sess, global_step, step):
    while v1.train.global_step(sess, global_step) < step:
        time.sleep(1.0)


def slim_train(train_op, logdir, train_step_fn=train_step, train_step_kwargs=_USE_DEFAULT, log_every_n_steps=1,
               graph=None, master='', is_chief=True, global_step=None, number_of_steps=None, init_op=_USE_DEFAULT,
               init_feed_dict=None, local_init_op=_USE_DEFAULT, init_fn=None, ready_op=_USE_DEFAULT,
               summary_op=_USE_DEFAULT, save_summaries_secs=600, summary_writer=_USE_DEFAULT, startup_delay_steps=0,
               saver=None, save_interval_secs=600, sync_optimizer=None, session_config=None, session_wrapper=None,
               trace_every_n_steps=None, ignore_live_threads=False):
    """slim's loop: a tf.train.Supervisor session (its logdir: checkpoints every save_interval_secs,
    summaries every save_summaries_secs) running train_step_fn until it says stop (global step >=
    number_of_steps) or an input runs out; a last checkpoint in logdir; the last loss."""
    if train_op is None:
        raise ValueError('train_op cannot be None.')
    if logdir is None:
        if summary_op != _USE_DEFAULT:
            raise ValueError('Cannot provide summary_op because logdir=None')
        if saver is not None:
            raise ValueError('Cannot provide saver because logdir=None')
        if trace_every_n_steps is not None:
            raise ValueError('Cannot provide trace_every_n_steps because logdir=None')
    if sync_optimizer is not None:
        raise RemovedInTF2Error('slim.learning.train(sync_optimizer=...): synchronous replicas (distributed '
                                'training) are not part of tf1gan; train without sync_optimizer')
    if number_of_steps is not None and number_of_steps <= 0:
        raise ValueError('`number_of_steps` must be either None or a positive number.')
    graph = graph or v1.get_default_graph()
    with graph.as_default():
        if global_step is None:
            global_step = v1.train.get_or_create_global_step()
        saver = saver or v1.train.Saver()
        with v1.name_scope('init_ops'):
            if init_op == _USE_DEFAULT:
                init_op = v1.global_variables_initializer()
            if ready_op == _USE_DEFAULT:
                ready_op = v1.report_uninitialized_variables()
            if local_init_op == _USE_DEFAULT:
                local_init_op = tf.group(v1.local_variables_initializer(), v1.tables_initializer())
        if summary_op == _USE_DEFAULT:
            summary_op = v1.summary.merge_all()
        if summary_writer == _USE_DEFAULT:
            summary_writer = v1.train.Supervisor.USE_DEFAULT
        if train_step_kwargs == _USE_DEFAULT:
            with v1.name_scope('train_step'):
                train_step_kwargs = {}
                if number_of_steps:
                    should_stop_op = tf.greater_equal(global_step, number_of_steps)
                else:
                    should_stop_op = tf.constant(False)
                train_step_kwargs['should_stop'] = should_stop_op
                if log_every_n_steps > 0:
                    train_step_kwargs['should_log'] = tf.equal(tf.math.floormod(global_step, log_every_n_steps), 0)
                if is_chief and trace_every_n_steps is not None:
                    train_step_kwargs['should_trace'] = tf.equal(
                        tf.math.floormod(global_step, trace_every_n_steps), 0)
                    train_step_kwargs['logdir'] = logdir
    sv = v1.train.Supervisor(
        graph=graph, is_chief=is_chief, logdir=logdir, init_op=init_op, init_feed_dict=init_feed_dict,
        local_init_op=local_init_op, ready_for_local_init_op=None, ready_op=ready_op, summary_op=summary_op,
        summary_writer=summary_writer, global_step=global_step, saver=saver,
        save_summaries_secs=save_summaries_secs, save_model_secs=save_interval_secs, init_fn=init_fn)
    if summary_writer is not None:
        train_step_kwargs['summary_writer'] = sv.summary_writer
    total_loss = None
    should_retry = True
    while should_retry:
        try:
            should_retry = False
            with sv.managed_session(master, start_standard_services=False, config=session_config) as sess:
                v1.logging.info('Starting Session.')
                if session_wrapper is not None:
                    v1.logging.info('Wrapping session with wrapper function: %s', session_wrapper)
                    sess = session_wrapper(sess)
                if is_chief:
                    if logdir:
                        sv.start_standard_services(sess)
                elif startup_delay_steps > 0:
                    _wait_for_step(sess, global_step, min(startup_delay_steps, number_of_steps or sys.maxsize))
                threads = sv.start_queue_runners(sess)
                v1.logging.info('Starting Queues.')
                try:
                    while not sv.should_stop():
                        total_loss, should_stop = train_step_fn(sess, train_op, global_step, train_step_kwargs)
                        if should_stop:
                            v1.logging.info('Stopping Training.')
                            sv.request_stop()
                            break
                except tf.errors.OutOfRangeError as e:  # an input's epochs (limit_epochs) are done
                    v1.logging.info('Caught OutOfRangeError. Stopping Training. %s', e)
                if logdir and sv.is_chief:
                    v1.logging.info('Finished training! Saving model to disk.')
                    sv.saver.save(sess, sv.save_path, global_step=sv.global_step)
                    sv.stop(threads, close_summary_writer=True, ignore_live_threads=ignore_live_threads)
        except tf.errors.AbortedError:  # a restart of a distributed server, in TF 1.15
            v1.logging.info('Retrying training!')
            should_retry = True
    return total_loss


SLIM_LEARNING = {'add_gradients_summaries': slim_add_gradients_summaries, 'clip_gradient_norms': clip_gradient_norms,
                 'multiply_gradients': slim_multiply_gradients, 'create_train_op': slim_create_train_op,
                 'train_step': train_step, 'train': slim_train}
