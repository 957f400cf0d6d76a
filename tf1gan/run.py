"""One training run of a listing: a fresh graph, the seed, the data, the loop."""
import tensorflow.compat.v1 as tf

from tf1gan import checkpoint, input_data, seeding, train


def run(model, module, hparams, seed=None, total_batch=None, data_dir='./mnist/data/',
        source_url=input_data.DEFAULT_SOURCE_URL, sample_dir='samples', checkpoint_dir=None, resume=False,
        log=print):
    """Runs `module` (gan or cgan) as the book does; returns the per-epoch losses.

    With checkpoint_dir, checks it first (CheckpointError: one line) and checkpoints every epoch."""
    if checkpoint_dir:
        checkpoint.prepare(checkpoint_dir, dict(hparams, model=model, total_batch=total_batch), resume)
    with tf.Graph().as_default():
        seeding.seed_graph(seed)
        # 9.1.1: read after the seed, so the reader seeds NumPy from it as TF 1.15 did.
        mnist = input_data.read_data_sets(data_dir, one_hot=True, source_url=source_url)
        return train.train(module, mnist, sample_dir, total_batch=total_batch, checkpoint_dir=checkpoint_dir,
                           resume=resume, log=log, **hparams)
