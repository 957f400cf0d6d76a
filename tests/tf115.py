"""TensorFlow 1.15 itself, the oracle for how TF1 code behaved: for the `tf115` tests only.

Real TensorFlow 1.15.5 (`tf.contrib` included) runs on Python 3.7. The tests find it at
$TF1GAN_TF115_PYTHON, else `.venv-tf115/bin/python` of the checkout, which .ci/run makes:

    python3.7 -m venv .venv-tf115 && .venv-tf115/bin/pip install tensorflow==1.15.5 'protobuf<3.21'

Without it (a reader's machine) the tests marked `tf115` skip, saying so; under CI (CI=true) they fail
instead, so that a broken install cannot pass as a skip. Nothing tf1gan runs for a reader needs it.
"""
import os
import pathlib
import subprocess

import pytest
from hang import HANG

REPO = pathlib.Path(__file__).resolve().parents[1]
INSTALL = ("python3.7 -m venv .venv-tf115 && .venv-tf115/bin/pip install tensorflow==1.15.5 'protobuf<3.21' "
           "(or set TF1GAN_TF115_PYTHON to such a Python)")


def python():
    """The path of a Python running TensorFlow 1.15, or None."""
    path = os.environ.get('TF1GAN_TF115_PYTHON') or str(REPO / '.venv-tf115' / 'bin' / 'python')
    return path if os.path.exists(path) else None


def require():
    """The oracle's Python; skips the test (fails it under CI) where there is none."""
    path = python()
    if path is None:
        message = f'needs TensorFlow 1.15.5 on Python 3.7, to compare with: {INSTALL}'
        if os.environ.get('CI'):
            pytest.fail(message)
        pytest.skip(message)
    return path


def run(script, *args, cwd, timeout=HANG):
    """Runs the file `script` (a path) with TensorFlow 1.15 in cwd; its CompletedProcess (text).
    TensorFlow's start-up warnings are silenced, as tf1gan's commands silence TensorFlow 2's, and
    matplotlib is tests/tf115_stubs' (the oracle has none: only what scripts print is compared).
    TF2_BEHAVIOR is left out: importing TensorFlow 2 sets it to 1 in this process, and TF 1.15 would
    then run eagerly, with TensorFlow 2's behaviour."""
    env = {name: value for name, value in os.environ.items() if name != 'TF2_BEHAVIOR'}
    env.update(TF_CPP_MIN_LOG_LEVEL='3', PYTHONWARNINGS='ignore', PYTHONPATH=str(REPO / 'tests' / 'tf115_stubs'))
    return subprocess.run([require(), str(script), *map(str, args)], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=timeout)
