"""The libraries of the era that the tests compare with, each in a venv of its own on Python 3.7: TensorFlow 1.15
(tests/tf115.py) and SciPy 1.1 (tests/scipy11.py).

A test finds an oracle's Python at its environment variable, else at <venv>/bin/python of the checkout, which
.ci/run makes. Without it (a reader's machine) the test skips, saying how to install it; under CI (CI=true) it
fails instead, so that a broken install cannot pass as a skip. Nothing tf1gan runs for a reader needs them.
"""
import os
import pathlib
import subprocess
from typing import NamedTuple

import pytest
from hang import HANG

REPO = pathlib.Path(__file__).resolve().parents[1]


class Oracle(NamedTuple):
    what: str  # 'TensorFlow 1.15.5 on Python 3.7'
    variable: str  # the environment variable naming its Python
    venv: str  # the checkout's venv holding it
    packages: str  # what pip installs into the venv

    @property
    def install(self):
        return (f'python3.7 -m venv {self.venv} && {self.venv}/bin/pip install {self.packages} '
                f'(or set {self.variable} to such a Python)')

    def python(self):
        """The path of the oracle's Python, or None."""
        path = os.environ.get(self.variable) or str(REPO / self.venv / 'bin' / 'python')
        return path if os.path.exists(path) else None

    def require(self):
        """The oracle's Python; skips the test (fails it under CI) where there is none."""
        path = self.python()
        if path is None:
            message = f'needs {self.what}, to compare with: {self.install}'
            if os.environ.get('CI'):
                pytest.fail(message)
            pytest.skip(message)
        return path

    def run(self, script, *args, cwd, env, timeout=HANG):
        """Runs the file `script` (a path) with the oracle's Python in cwd, under env; its CompletedProcess (text)."""
        return subprocess.run([self.require(), str(script), *map(str, args)], cwd=cwd, env=env, capture_output=True,
                              text=True, timeout=timeout)
