"""One training run: the seed, the data and the listing's own loop."""
import tensorflow.compat.v1 as tf

from tf1gan import checkpoint, input_data, seeding, train


def run(model, module, hparams, seed=None, total_batch=None, data_dir='./mnist/data/',
        source_url=input_data.DEFAULT_SOURCE_URL, sample_dir='samples', checkpoint_dir=None, resume=False,
        keras_semantics='tf_keras', loop='fast', run_dir=None, progress=range, eval_every=None, log=print):
    """Runs listing `module` as its book does; returns the losses it printed.

    checkpoint_dir is checked first (CheckpointError: one line); gan and cgan (TF1 graphs)
    checkpoint every epoch, the DCGAN every saving_interval. The DCGAN is Keras and runs
    eagerly, like the TensorFlow 2.x Keras it was written for. run_dir receives TensorBoard
    events (and eval_every's figures)."""
    if checkpoint_dir:
        extra = {'keras_semantics': keras_semantics} if model == 'dcgan' else {'total_batch': total_batch}
        checkpoint.prepare(checkpoint_dir, dict(hparams, model=model, **extra), resume)
    if model == 'dcgan':
        seeding.seed_graph(seed)  # outside any graph: sets TensorFlow's global seed
        return module.run(hparams, data_dir, source_url, sample_dir, keras_semantics=keras_semantics,
                          checkpoint_dir=checkpoint_dir, resume=resume, log=log, loop=loop, run_dir=run_dir,
                          eval_every=eval_every)
    with tf.Graph().as_default():
        seeding.seed_graph(seed)
        # 9.1.1: read after the seed, so the reader seeds NumPy from it as TF 1.15 did.
        mnist = input_data.read_data_sets(data_dir, one_hot=True, source_url=source_url)
        return train.train(module, mnist, sample_dir, total_batch=total_batch, checkpoint_dir=checkpoint_dir,
                           resume=resume, log=log, loop=loop, run_dir=run_dir, progress=progress,
                           eval_every=eval_every, **hparams)
