"""SciPy 1.1 itself, the oracle for scipy.misc's image helpers (tests/test_era_scipy.py).

SciPy 1.1.0, the last release with scipy.misc.imsave and its kin on Python 3 wheels of the era, runs on
Python 3.7 with the NumPy and Pillow of its time. The tests find it at $TF1GAN_SCIPY11_PYTHON, else
`.venv-scipy11/bin/python` of the checkout, which .ci/run makes:

    python3.7 -m venv .venv-scipy11 && .venv-scipy11/bin/pip install scipy==1.1.0 'numpy<1.17' Pillow==6.2.2

Without it the tests marked `scipy11` skip, saying so, or fail under CI (tests/oracles.py).
"""
import os

from oracles import Oracle

ORACLE = Oracle('SciPy 1.1.0 on Python 3.7', 'TF1GAN_SCIPY11_PYTHON', '.venv-scipy11',
                "scipy==1.1.0 'numpy<1.17' Pillow==6.2.2")
INSTALL, python, require = ORACLE.install, ORACLE.python, ORACLE.require


def run(script, *args, cwd):
    """Runs the file `script` (a path) with SciPy 1.1 in cwd, SciPy's DeprecationWarnings silenced; its
    CompletedProcess (text)."""
    env = dict(os.environ, PYTHONWARNINGS='ignore')
    return ORACLE.run(script, *args, cwd=cwd, env=env)
