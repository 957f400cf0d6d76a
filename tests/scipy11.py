"""SciPy 1.1 itself, the oracle for scipy.misc's image helpers (tests/test_era_scipy.py).

SciPy 1.1.0, the last release with scipy.misc.imsave and its kin on Python 3 wheels of the era, runs on
Python 3.7 with the NumPy and Pillow of its time. The tests find it at $TF1GAN_SCIPY11_PYTHON, else
`.venv-scipy11/bin/python` of the checkout, which .ci/run makes:

    python3.7 -m venv .venv-scipy11 && .venv-scipy11/bin/pip install scipy==1.1.0 'numpy<1.17' Pillow==6.2.2

Without it (a reader's machine) the tests marked `scipy11` skip, saying so; under CI (CI=true) they fail
instead, so that a broken install cannot pass as a skip. Nothing tf1gan runs for a reader needs it.
"""
import os
import pathlib
import subprocess

import pytest
from hang import HANG

REPO = pathlib.Path(__file__).resolve().parents[1]
INSTALL = ("python3.7 -m venv .venv-scipy11 && .venv-scipy11/bin/pip install scipy==1.1.0 'numpy<1.17' "
           "Pillow==6.2.2 (or set TF1GAN_SCIPY11_PYTHON to such a Python)")


def python():
    """The path of a Python running SciPy 1.1, or None."""
    path = os.environ.get('TF1GAN_SCIPY11_PYTHON') or str(REPO / '.venv-scipy11' / 'bin' / 'python')
    return path if os.path.exists(path) else None


def require():
    """The oracle's Python; skips the test (fails it under CI) where there is none."""
    path = python()
    if path is None:
        message = f'needs SciPy 1.1.0 on Python 3.7, to compare with: {INSTALL}'
        if os.environ.get('CI'):
            pytest.fail(message)
        pytest.skip(message)
    return path


def run(script, *args, cwd):
    """Runs the file `script` (a path) with SciPy 1.1 in cwd, SciPy's DeprecationWarnings silenced; its
    CompletedProcess (text)."""
    env = dict(os.environ, PYTHONWARNINGS='ignore')
    return subprocess.run([require(), str(script), *map(str, args)], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=HANG)
