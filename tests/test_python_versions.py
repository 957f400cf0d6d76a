"""tf1gan on each Python that TensorFlow 2.21 supports (3.10 to 3.13): README's install line in a new venv of that
Python, then a seeded one-epoch run, which prints the line this Python prints.

Marked `pythons`: out of README's test command (each install fetches TensorFlow), run by CI (`-m pythons`) on every
landing. A version this machine lacks is skipped, saying so; `pyenv install 3.13` (or a python3.13 on PATH) adds it.
"""
import glob
import os
import pathlib
import re
import shutil
import subprocess
import sys

import pytest

from hang import HANG

REPO = pathlib.Path(__file__).resolve().parents[1]
SUPPORTED = ('3.10', '3.11', '3.12', '3.13')  # TensorFlow 2.21's wheels
SEEDED_EPOCH = ('--model=cgan', '--total_epoch=1', '--total_batch=5', '--seed=1')
EPOCH_LINE = re.compile(r'Epoch:\s+\d{4} D loss: \S+ G loss: \S+')

pytestmark = pytest.mark.pythons


def find_python(version):
    """A Python of that version on this machine (pyenv's, else pythonX.Y on PATH), or None."""
    root = os.environ.get('PYENV_ROOT', os.path.expanduser('~/.pyenv'))
    candidates = sorted(glob.glob(os.path.join(root, 'versions', f'{version}.*', 'bin', 'python')))
    candidates.append(shutil.which(f'python{version}'))
    for python in filter(None, candidates):
        found = subprocess.run([python, '-c', 'import sys; print("%d.%d" % sys.version_info[:2])'],
                               capture_output=True, text=True, timeout=HANG)
        if found.stdout.strip() == version:
            return python
    return None


def seeded_epoch_line(python, folder, mnist_dir):
    result = subprocess.run([python, '-m', 'tf1gan.main', *SEEDED_EPOCH, f'--source_url={mnist_dir}',
                             f'--data_dir={folder / "mnist"}', f'--run_dir={folder / "run"}'],
                            capture_output=True, text=True, cwd=folder, timeout=HANG)
    assert result.returncode == 0, result.stderr
    return [line for line in result.stdout.splitlines() if EPOCH_LINE.fullmatch(line)]


@pytest.fixture(scope='module')
def this_pythons_line(tmp_path_factory, mnist_dir):
    return seeded_epoch_line(sys.executable, tmp_path_factory.mktemp('this_python'), mnist_dir)


@pytest.mark.parametrize('version', SUPPORTED)
def test_readmes_install_on_python_prints_this_pythons_seeded_line(version, this_pythons_line, tmp_path, mnist_dir):
    if version == '%d.%d' % sys.version_info[:2]:
        pytest.skip(f'Python {version} runs these tests: README\'s install and its line are this venv\'s')
    python = find_python(version)
    if python is None:
        pytest.skip(f'no Python {version} on this machine (pyenv install {version}, or python{version} on PATH)')
    venv = tmp_path / 'venv'
    subprocess.run([python, '-m', 'venv', str(venv)], check=True, timeout=HANG)
    install = subprocess.run([str(venv / 'bin' / 'pip'), 'install', '-q', '-e', str(REPO)], capture_output=True,
                             text=True, timeout=HANG)
    assert install.returncode == 0, install.stderr[-2000:]
    line = seeded_epoch_line(str(venv / 'bin' / 'python'), tmp_path, mnist_dir)
    assert line == this_pythons_line and len(line) == 1
