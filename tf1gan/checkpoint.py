"""Checkpoints and exact resume for listings 9.1 and 9.2 (9.2 더 해보기: "Saver로 저장").

Every epoch, `tf.train.Saver` (the TF1 way) writes the weights and the Adam slots into
checkpoint_dir, keeping the last few (the DCGAN: every saving_interval, see KerasCheckpoints).
Beside each checkpoint lies <prefix>.resume.npz with what an exact resume needs that the
graph does not hold: the step, NumPy's global generator and the MNIST reader's position.
run.json names the model and hyper-parameters, so that a checkpoint of another run is
refused rather than half loaded.

Crash safety: the .npz is written (under a temporary name, then renamed) before the Saver
writes its files, and the Saver's `checkpoint` index file, which names the newest
checkpoint, is replaced atomically last; old checkpoints are removed only after that. A
kill at any instant therefore leaves the newest *named* checkpoint complete.
"""
import json
import os
import re

import numpy as np
import tensorflow as tf2
import tensorflow.compat.v1 as tf

from tf1gan import files
from tf1gan.errors import InputError

PREFIX = 'model.ckpt'
RESUME_SUFFIX = '.resume.npz'
RUN_CONFIG = 'run.json'


class CheckpointError(InputError):
    """A checkpoint folder that cannot be used as asked; the message is one line."""


def _atomic_write(path, write):
    """write(f) into a binary file f that replaces path atomically."""
    def write_file(tmp):
        with open(tmp, 'wb') as f:
            write(f)
    files.replace_atomically(path, write_file)


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


def _write_resume(checkpoint_dir, step, **state):
    """<prefix>-<step>.resume.npz: the step, NumPy's global generator and `state` (arrays)."""
    key, pos, has_gauss, cached_gaussian = np.random.get_state()[1:]
    _atomic_write(os.path.join(checkpoint_dir, f'{PREFIX}-{step}{RESUME_SUFFIX}'), lambda f: np.savez(
        f, step=step, rng_key=key, rng_pos=pos, rng_has_gauss=has_gauss, rng_cached_gaussian=cached_gaussian,
        **state))


def _read_resume(path):
    """Puts NumPy's global generator back as it was saved; returns the saved arrays."""
    with np.load(path + RESUME_SUFFIX) as saved:
        saved = dict(saved)
    np.random.set_state(('MT19937', saved['rng_key'], int(saved['rng_pos']), int(saved['rng_has_gauss']),
                         float(saved['rng_cached_gaussian'])))
    return saved


def _remove_stale_resume_files(checkpoint_dir, kept_prefixes):
    kept = {os.path.basename(p) + RESUME_SUFFIX for p in kept_prefixes}
    for name in os.listdir(checkpoint_dir):
        if name.endswith(RESUME_SUFFIX) and name not in kept:
            os.remove(os.path.join(checkpoint_dir, name))


class Checkpoints:
    """The Saver of one training graph (gan, cgan); create it after the graph is built.

    save() returns as soon as the checkpoint is complete and named; the caller prints the
    epoch's line and only then calls prune(). So a kill can fall between the newest checkpoint
    and its printed line only in the instant of one print, and a resumed run (which starts
    after the newest checkpoint) neither repeats nor skips a line."""

    def __init__(self, checkpoint_dir, max_to_keep=3):
        self.checkpoint_dir = checkpoint_dir
        self.max_to_keep = max_to_keep
        # max_to_keep=None: the Saver deletes nothing itself (prune() does, after the print).
        self.saver = tf.train.Saver(max_to_keep=None)

    def save(self, sess, epoch, dataset):
        """Checkpoint after `epoch` (its picture drawn): weights, Adam slots, NumPy, reader."""
        _write_resume(self.checkpoint_dir, epoch, **dataset.state())
        self.saver.save(sess, os.path.join(self.checkpoint_dir, PREFIX), global_step=epoch,
                        write_meta_graph=False)

    def prune(self):
        """Removes all but the newest max_to_keep checkpoints."""
        steps = sorted(int(name[len(PREFIX) + 1:-len('.index')]) for name in os.listdir(self.checkpoint_dir)
                       if re.fullmatch(re.escape(PREFIX) + r'-\d+\.index', name))
        for step in steps[:-self.max_to_keep]:
            prefix = os.path.join(self.checkpoint_dir, f'{PREFIX}-{step}')
            tf.train.remove_checkpoint(prefix)
            if os.path.exists(prefix + RESUME_SUFFIX):
                os.remove(prefix + RESUME_SUFFIX)

    def restore(self, sess, dataset):
        """Loads the newest checkpoint into sess, NumPy and dataset; returns the next epoch."""
        path = latest(self.checkpoint_dir)
        self.saver.restore(sess, path)
        saved = _read_resume(path)
        dataset.restore(saved)
        return int(saved['step']) + 1


class KerasCheckpoints:
    """The DCGAN's checkpoints. Its Keras models run eagerly, where TF1's Saver has no graph to
    save, so this is the Saver's TF2 successor, tf.train.Checkpoint, with the same files
    (model.ckpt-<i>.index/.data, the `checkpoint` index written last) and resume sidecar."""

    def __init__(self, checkpoint_dir, max_to_keep=3, **trackables):
        self.checkpoint_dir = checkpoint_dir
        self.checkpoint = tf2.train.Checkpoint(**trackables)
        self.manager = tf2.train.CheckpointManager(self.checkpoint, checkpoint_dir, max_to_keep,
                                                   checkpoint_name=PREFIX)

    def save(self, step):
        """Checkpoint after iteration `step` (its picture drawn): weights, Adam slots, NumPy."""
        _write_resume(self.checkpoint_dir, step)
        self.manager.save(checkpoint_number=step)
        _remove_stale_resume_files(self.checkpoint_dir, self.manager.checkpoints)

    def restore(self):
        """Loads the newest checkpoint (weights, optimizer slots, Dropout's generator) and NumPy's
        generator; returns the next iteration."""
        path = self.manager.latest_checkpoint
        self.checkpoint.restore(path).assert_existing_objects_matched()
        return int(_read_resume(path)['step']) + 1
