"""Checkpoints and exact resume for listings 9.1 and 9.2 (9.2 더 해보기: "Saver로 저장").

Every epoch, `tf.train.Saver` (the TF1 way) writes the weights and the Adam slots into
checkpoint_dir, keeping the last few. Beside each Saver checkpoint lies <prefix>.resume.npz
with what an exact resume needs that the graph does not hold: the epoch, NumPy's global
generator and the MNIST reader's position. run.json names the model and hyper-parameters,
so that a checkpoint of another run is refused rather than half loaded.

Crash safety: the .npz is written (under a temporary name, then renamed) before the Saver
writes its files, and the Saver's `checkpoint` index file, which names the newest
checkpoint, is replaced atomically last. A kill at any instant therefore leaves the newest
*named* checkpoint complete.
"""
import json
import os

import numpy as np
import tensorflow.compat.v1 as tf

from tf1gan.errors import InputError

PREFIX = 'model.ckpt'
RESUME_SUFFIX = '.resume.npz'
RUN_CONFIG = 'run.json'


class CheckpointError(InputError):
    """A checkpoint folder that cannot be used as asked; the message is one line."""


def _atomic_write(path, write):
    tmp = path + '.tmp'
    with open(tmp, 'wb') as f:
        write(f)
    os.replace(tmp, path)


def latest(checkpoint_dir):
    """The newest complete checkpoint's prefix, or None."""
    return tf.train.latest_checkpoint(checkpoint_dir) if os.path.isdir(checkpoint_dir) else None


def read_config(checkpoint_dir):
    """run.json of the run whose checkpoints are in checkpoint_dir, or CheckpointError."""
    if latest(checkpoint_dir) is None:
        raise CheckpointError(f'no checkpoint in {checkpoint_dir}: train with --checkpoint_dir={checkpoint_dir} first')
    try:
        with open(os.path.join(checkpoint_dir, RUN_CONFIG)) as f:
            return json.load(f)
    except (OSError, ValueError) as e:
        raise CheckpointError(f'{os.path.join(checkpoint_dir, RUN_CONFIG)} cannot be read ({e})') from None


def check_config(checkpoint_dir, config):
    """CheckpointError unless the checkpoints in checkpoint_dir were written by a run of `config`
    (total_epoch may differ: a resumed run may train for longer)."""
    saved = read_config(checkpoint_dir)
    differ = [f'{k}={saved.get(k)!r} (asked {config.get(k)!r})' for k in sorted(set(saved) | set(config))
              if k != 'total_epoch' and saved.get(k) != config.get(k)]
    if differ:
        raise CheckpointError(f'the checkpoint in {checkpoint_dir} is of another run: ' + ', '.join(differ))


def prepare(checkpoint_dir, config, resume):
    """Checks the folder before any training: a resume needs a matching checkpoint, a new run
    an empty folder (it never overwrites another run's checkpoints). Writes run.json."""
    if resume:
        check_config(checkpoint_dir, config)
        return
    if latest(checkpoint_dir) is not None:
        raise CheckpointError(f'{checkpoint_dir} already holds checkpoints: pass --resume to continue that run, '
                              f'or choose another --checkpoint_dir')
    os.makedirs(checkpoint_dir, exist_ok=True)
    _atomic_write(os.path.join(checkpoint_dir, RUN_CONFIG),
                  lambda f: f.write((json.dumps(config, indent=1, sort_keys=True) + '\n').encode()))


class Checkpoints:
    """The Saver of one training graph; create it after the graph is built."""

    def __init__(self, checkpoint_dir, max_to_keep=3):
        self.checkpoint_dir = checkpoint_dir
        self.saver = tf.train.Saver(max_to_keep=max_to_keep)

    def save(self, sess, epoch, dataset):
        """Checkpoint after `epoch` (its picture drawn): weights, Adam slots, NumPy, reader."""
        prefix = os.path.join(self.checkpoint_dir, PREFIX)
        key, pos, has_gauss, cached_gaussian = np.random.get_state()[1:]
        reader = dataset.state()
        _atomic_write(f'{prefix}-{epoch}{RESUME_SUFFIX}', lambda f: np.savez(
            f, epoch=epoch, rng_key=key, rng_pos=pos, rng_has_gauss=has_gauss, rng_cached_gaussian=cached_gaussian,
            order=reader['order'], index_in_epoch=reader['index_in_epoch'],
            epochs_completed=reader['epochs_completed']))
        self.saver.save(sess, prefix, global_step=epoch)
        self._remove_stale_resume_files()

    def restore(self, sess, dataset):
        """Loads the newest checkpoint into sess, NumPy and dataset; returns the next epoch."""
        path = latest(self.checkpoint_dir)
        self.saver.restore(sess, path)
        self.saver.recover_last_checkpoints(tf.train.get_checkpoint_state(self.checkpoint_dir).all_model_checkpoint_paths)
        with np.load(path + RESUME_SUFFIX) as saved:
            np.random.set_state(('MT19937', saved['rng_key'], int(saved['rng_pos']), int(saved['rng_has_gauss']),
                                 float(saved['rng_cached_gaussian'])))
            dataset.restore(dict(order=saved['order'], index_in_epoch=saved['index_in_epoch'],
                                 epochs_completed=saved['epochs_completed']))
            return int(saved['epoch']) + 1

    def _remove_stale_resume_files(self):
        kept = {os.path.basename(p) + RESUME_SUFFIX for p in self.saver.last_checkpoints}
        for name in os.listdir(self.checkpoint_dir):
            if name.endswith(RESUME_SUFFIX) and name not in kept:
                os.remove(os.path.join(self.checkpoint_dir, name))
