"""Training a listing for a test, as tf1gan.main does: a Run in a folder of the test's, handed to run.train."""
import os
import subprocess
import sys

import tf1gan  # noqa: F401
from tf1gan.listings import registry
from tf1gan.training import run
from hang import HANG


def train(model, out, total_epoch, *, mnist_dir, resume=False, seed=5, total_batch=5, loop='fast',
          keras_semantics=None, eval_every=None, **hparams):
    """Trains (or with resume=True, continues) the run in folder `out`; returns (the lines this call
    printed into the run's log.txt but the MNIST reader's, the losses it returned)."""
    log = os.path.join(out, 'log.txt')
    before = len(open(log, encoding='utf-8').read().splitlines()) if os.path.exists(log) else 0
    if resume:
        this = run.resumed(model, dict(total_epoch=total_epoch, loop=loop, eval_every=eval_every,
                                       data_dir=str(mnist_dir), source_url=str(mnist_dir), **hparams),
                           run_dir=str(out))
    else:
        module = registry.load(model)
        if model == 'dcgan':
            keras_semantics, total_batch = keras_semantics or 'tf_keras', None
        settings = run.Settings(model, dict(module.HPARAMS, total_epoch=total_epoch, **hparams),
                                total_batch=total_batch, keras_semantics=keras_semantics, seed=seed, loop=loop,
                                eval_every=eval_every, data_dir=str(mnist_dir), source_url=str(mnist_dir))
        this = run.new(settings, str(out))
    history = run.train(this)
    with open(log, encoding='utf-8') as f:
        lines = f.read().splitlines()[before:]
    return [line for line in lines if not line.startswith(('Extracting ', 'Successfully downloaded ', 'Copied '))], history


def epoch_lines(lines):
    return [line for line in lines if line.startswith('Epoch')]


def tf1gan_command(command, *args, cwd):
    """python -m tf1gan.<command> args, run in cwd: the CompletedProcess, output as text."""
    return subprocess.run([sys.executable, '-m', f'tf1gan.{command}', *args], capture_output=True, text=True,
                          cwd=cwd, timeout=HANG)
