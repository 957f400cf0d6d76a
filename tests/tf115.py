"""TensorFlow 1.15 itself, the oracle for how TF1 code behaved: for the `tf115` tests only.

Real TensorFlow 1.15.5 (`tf.contrib` included) runs on Python 3.7. The tests find it at
$TF1GAN_TF115_PYTHON, else `.venv-tf115/bin/python` of the checkout, which .ci/run makes:

    python3.7 -m venv .venv-tf115 && .venv-tf115/bin/pip install tensorflow==1.15.5 'protobuf<3.21'

Without it the tests marked `tf115` skip, saying so, or fail under CI (tests/oracles.py).
"""
import os
import subprocess
import sys

from hang import HANG
from oracles import REPO, Oracle  # noqa: F401  (REPO: tests that read the checkout's files)

ORACLE = Oracle('TensorFlow 1.15.5 on Python 3.7', 'TF1GAN_TF115_PYTHON', '.venv-tf115',
                "tensorflow==1.15.5 'protobuf<3.21'")
INSTALL, python, require = ORACLE.install, ORACLE.python, ORACLE.require


def run(script, *args, cwd, timeout=HANG):
    """Runs the file `script` (a path) with TensorFlow 1.15 in cwd; its CompletedProcess (text).
    TensorFlow's start-up warnings are silenced, as tf1gan's commands silence TensorFlow 2's, and
    matplotlib is tests/tf115_stubs' (the oracle has none: only what scripts print is compared).
    TF2_BEHAVIOR is left out: importing TensorFlow 2 sets it to 1 in this process, and TF 1.15 would
    then run eagerly, with TensorFlow 2's behaviour."""
    env = {name: value for name, value in os.environ.items() if name != 'TF2_BEHAVIOR'}
    env.update(TF_CPP_MIN_LOG_LEVEL='3', PYTHONWARNINGS='ignore', PYTHONPATH=str(REPO / 'tests' / 'tf115_stubs'))
    return ORACLE.run(script, *args, cwd=cwd, env=env, timeout=timeout)


def run_both(script, *args, cwd):
    """(TF 1.15's, `python -m tf1gan.script`'s) CompletedProcess of the TF1 script `script` run unchanged
    with args in cwd (TensorFlow's C++ log lines silenced in both); each must exit 0."""
    theirs = run(script, *args, cwd=cwd)
    assert theirs.returncode == 0, theirs.stderr[-3000:]
    ours = subprocess.run([sys.executable, '-m', 'tf1gan.script', str(script), *map(str, args)], cwd=cwd,
                          env=dict(os.environ, TF_CPP_MIN_LOG_LEVEL='3'), capture_output=True, text=True,
                          timeout=HANG)
    assert ours.returncode == 0, ours.stderr[-3000:]
    return theirs, ours
