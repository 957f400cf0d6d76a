"""Checkpoints and exact resume (9.2 더 해보기: "Saver로 저장").

Every epoch (the DCGAN: every saving_interval), `tf.train.Saver` (the TF1 way; the DCGAN's eager
Keras models: its TF2 successor, tf.train.Checkpoint) writes the weights and the Adam slots into
<run>/checkpoints/model.ckpt-<step>.*, and the last few are kept. Beside each checkpoint lies
model.ckpt-<step>.resume.npz with what an exact resume needs that the graph does not hold: the
step, NumPy's global generator and the MNIST reader's position.

Which checkpoint is the newest is read from the files themselves: the highest step whose
.resume.npz, .index and .data files are all there. The `checkpoint` index file that TensorFlow's
own tools read (tf.train.latest_checkpoint) is written too, last and with names relative to its
folder, but never trusted: a moved run folder, or one whose index file is lost, resumes alike.

Crash safety: the .npz is written (under a temporary name, then renamed) before the weights, and
TensorFlow writes a checkpoint's .index after its .data; so a kill at any instant leaves the
newest complete checkpoint loadable. Old checkpoints are removed only after the new one is
complete and its line printed (prune()).
"""
import glob
import os
import re
import zipfile

import numpy as np
import tensorflow as tf2
import tensorflow.compat.v1 as tf

from tf1gan import files
from tf1gan.errors import InputError

PREFIX = 'model.ckpt'
RESUME_SUFFIX = '.resume.npz'
INDEX_FILE = 'checkpoint'
MAX_TO_KEEP = 3


class CheckpointError(InputError):
    """A checkpoint folder that cannot be used as asked; the message is one line."""


def steps(checkpoint_dir, weights_only=False):
    """The steps of the complete checkpoints in checkpoint_dir, oldest first. weights_only=True: of
    those whose weights are complete (.index and .data), the resume sidecar there or not: what
    drawing from a run (generate, evaluate) reads."""
    if not os.path.isdir(checkpoint_dir):
        return []
    names = set(os.listdir(checkpoint_dir))
    found = []
    for name in names:
        match = re.fullmatch(re.escape(PREFIX) + r'-(\d+)\.index', name)
        if match:
            prefix = f'{PREFIX}-{match.group(1)}'
            if (weights_only or prefix + RESUME_SUFFIX in names) and any(n.startswith(prefix + '.data-') for n in names):
                found.append(int(match.group(1)))
    return sorted(found)


def incomplete_steps(checkpoint_dir):
    """Steps after the newest complete checkpoint that left some of their files (a save cut short, or
    a checkpoint with a file deleted)."""
    if not os.path.isdir(checkpoint_dir):
        return []
    complete = steps(checkpoint_dir)
    found = {int(m.group(1)) for m in (re.match(re.escape(PREFIX) + r'-(\d+)[._]', n) for n in os.listdir(checkpoint_dir))
             if m}
    return sorted(step for step in found if not complete or step > complete[-1])


def prefix(checkpoint_dir, step):
    return os.path.join(checkpoint_dir, f'{PREFIX}-{step}')


def latest(checkpoint_dir, weights_only=False):
    """The newest complete checkpoint's prefix (weights_only: see steps()), or None."""
    found = steps(checkpoint_dir, weights_only)
    return prefix(checkpoint_dir, found[-1]) if found else None


def require_latest(checkpoint_dir, weights_only=False):
    """latest(), or CheckpointError if the folder holds no complete checkpoint."""
    path = latest(checkpoint_dir, weights_only)
    if path is None:
        raise CheckpointError(f'no checkpoint in {checkpoint_dir}: the run saved none yet (the first is written '
                              'after the first epoch; the DCGAN\'s with its first picture)')
    return path


def _atomic_write(path, write):
    """write(f) into a binary file f that replaces path atomically."""
    def write_file(tmp):
        with open(tmp, 'wb') as f:
            write(f)
    files.replace_atomically(path, write_file)


def _write_resume(path_prefix, step, **state):
    """<prefix>.resume.npz: the step, NumPy's global generator and `state` (arrays)."""
    key, pos, has_gauss, cached_gaussian = np.random.get_state()[1:]
    _atomic_write(path_prefix + RESUME_SUFFIX, lambda f: np.savez(
        f, step=step, rng_key=key, rng_pos=pos, rng_has_gauss=has_gauss, rng_cached_gaussian=cached_gaussian,
        **state))


def _read_resume(path_prefix):
    """Puts NumPy's global generator back as it was saved; returns the saved arrays."""
    with np.load(path_prefix + RESUME_SUFFIX) as saved:
        saved = dict(saved)
    np.random.set_state(('MT19937', saved['rng_key'], int(saved['rng_pos']), int(saved['rng_has_gauss']),
                         float(saved['rng_cached_gaussian'])))
    return saved


def _write_index(checkpoint_dir):
    """The `checkpoint` file TensorFlow's tools read, naming the complete checkpoints relative to
    their folder (so it stays right when the folder moves), written atomically."""
    names = [os.path.basename(prefix(checkpoint_dir, step)) for step in steps(checkpoint_dir)]
    lines = [f'model_checkpoint_path: "{names[-1]}"'] + [f'all_model_checkpoint_paths: "{n}"' for n in names]
    files.write_bytes_atomically(os.path.join(checkpoint_dir, INDEX_FILE), ('\n'.join(lines) + '\n').encode())


def prune(checkpoint_dir, max_to_keep=MAX_TO_KEEP):
    """Removes all but the newest max_to_keep complete checkpoints, and what a killed save left
    half-written before them."""
    found = steps(checkpoint_dir)
    if not found:
        return
    kept = found[-max_to_keep:]
    for name in os.listdir(checkpoint_dir):
        match = re.match(re.escape(PREFIX) + r'-(\d+)[._]', name)
        if match and int(match.group(1)) < kept[0]:
            path = os.path.join(checkpoint_dir, name)
            if os.path.isdir(path):  # the Saver's <prefix>_temp/ of a save that was killed
                for inner in glob.glob(os.path.join(path, '*')):
                    os.remove(inner)
                os.rmdir(path)
            else:
                os.remove(path)
    _write_index(checkpoint_dir)


def _step(path_prefix):
    return int(path_prefix.rsplit('-', 1)[1])


def _damaged(path_prefix, error):
    """CheckpointError for a checkpoint that cannot be loaded, saying which older one could be."""
    checkpoint_dir, step = os.path.dirname(path_prefix), _step(path_prefix)
    older = [s for s in steps(checkpoint_dir) if s < step]
    reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    advice = (f'; the older checkpoint {os.path.basename(prefix(checkpoint_dir, older[-1]))} is complete: move '
              f'{os.path.basename(path_prefix)}.* out of {checkpoint_dir} to use it' if older else
              '; no older checkpoint is there to fall back on')
    return CheckpointError(f'checkpoint {path_prefix} is damaged ({reason[:200]}){advice}')


LOAD_ERRORS = (tf.errors.OpError, ValueError, KeyError, IndexError, OSError, zipfile.BadZipFile, AssertionError)


def verify(path_prefix):
    """Reads every tensor of a checkpoint (TensorFlow checks each one's checksum) and its resume
    sidecar: CheckpointError naming it if anything is damaged. Cheap for these small models, and
    done before a resumed run writes anything."""
    try:
        reader = tf2.train.load_checkpoint(path_prefix)
        for name in reader.get_variable_to_shape_map():
            reader.get_tensor(name)
        with np.load(path_prefix + RESUME_SUFFIX) as saved:
            for name in saved.files:
                saved[name]
    except LOAD_ERRORS as e:
        raise _damaged(path_prefix, e) from None


class Checkpoints:
    """The Saver of one TF1 training graph (gan, cgan); create it after the graph is built.

    save() returns as soon as the checkpoint is complete; the caller prints the epoch's line and
    only then calls prune(). So a kill can fall between the newest checkpoint and its printed line
    only in the instant of one print, and a resumed run (which starts after the newest
    checkpoint) neither repeats nor skips a line."""

    def __init__(self, checkpoint_dir, var_list=None):
        self.checkpoint_dir = checkpoint_dir
        # max_to_keep=None: the Saver deletes nothing itself (prune() does, after the print).
        self.saver = tf.train.Saver(var_list=var_list, max_to_keep=None)

    def save(self, sess, step, dataset):
        """Checkpoint after `step` (its picture drawn): weights, Adam slots, NumPy, reader."""
        os.makedirs(self.checkpoint_dir, exist_ok=True)
        path = prefix(self.checkpoint_dir, step)
        _write_resume(path, step, **dataset.state())
        self.saver.save(sess, path, write_meta_graph=False, write_state=False)

    def prune(self):
        prune(self.checkpoint_dir)

    def restore(self, sess, dataset=None):
        """Loads the newest checkpoint into sess; with dataset (resuming a run, not drawing from it)
        NumPy's generator and the reader's position too. Returns the next step."""
        path = require_latest(self.checkpoint_dir, weights_only=dataset is None)
        try:
            self.saver.restore(sess, path)
            if dataset is not None:
                dataset.restore(_read_resume(path))
        except LOAD_ERRORS as e:
            raise _damaged(path, e) from None
        return _step(path) + 1


class KerasCheckpoints:
    """The DCGAN's checkpoints. Its Keras models run eagerly, where TF1's Saver has no graph to
    save, so this is the Saver's TF2 successor, tf.train.Checkpoint, with the same files
    (model.ckpt-<step>.index/.data, the resume sidecar) and the same rules."""

    def __init__(self, checkpoint_dir, **trackables):
        self.checkpoint_dir = checkpoint_dir
        self.checkpoint = tf2.train.Checkpoint(**trackables)

    def save(self, step):
        """Checkpoint after iteration `step` (its picture drawn): weights, Adam slots, NumPy."""
        os.makedirs(self.checkpoint_dir, exist_ok=True)
        path = prefix(self.checkpoint_dir, step)
        _write_resume(path, step)
        self.checkpoint.write(path)

    def prune(self):
        prune(self.checkpoint_dir)

    def restore(self, partial=False):
        """Loads the newest checkpoint (weights, optimizer slots, Dropout's generator) and NumPy's
        generator; returns the next iteration. partial=True (drawing): only the objects given, and
        NumPy is left alone."""
        path = require_latest(self.checkpoint_dir, weights_only=partial)
        try:
            status = self.checkpoint.read(path)
            if partial:
                status.expect_partial()
            else:
                status.assert_existing_objects_matched()
                _read_resume(path)
        except LOAD_ERRORS as e:
            raise _damaged(path, e) from None
        return _step(path) + 1
