"""TensorFlow's kernel library (tf1gan.cli's --kernels): oneDNN unless the reader says otherwise, recorded per run.

TensorFlow 2.21 reads TF_ENABLE_ONEDNN_OPTS once, when it is imported ('1' or 'true': oneDNN; '0' or 'false':
Eigen's kernels; unset or any other value: its choice by the CPU, tensorflow/core/util/port.cc), and says which
library it runs through IsMklEnabled. On a CPU where TensorFlow picks oneDNN itself (AVX-512 VNNI, as this
project's machine), an unset variable gives oneDNN whether tf1gan sets it or not: so these tests also watch the
value the variable has at the moment each command imports TensorFlow, which is the same on any CPU.
"""
import os
import shutil
import subprocess
import sys

import pytest

from hang import HANG
from tf1gan.runs import folders

VARIABLE = 'TF_ENABLE_ONEDNN_OPTS'

# Runs a module as `python -m` does, writing into the file argv[1] the value TF_ENABLE_ONEDNN_OPTS has when the
# module first imports TensorFlow ('<unset>' if it has none, nothing if TensorFlow is never imported).
WATCHED = r'''
import importlib.abc, os, runpy, sys

class Watch(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == 'tensorflow':
            with open(seen, 'w') as f:
                f.write(os.environ.get('TF_ENABLE_ONEDNN_OPTS', '<unset>'))
            sys.meta_path.remove(self)
        return None

sys.meta_path.insert(0, Watch())
seen, module, sys.argv = sys.argv[1], sys.argv[2], [sys.argv[2]] + sys.argv[3:]
runpy.run_module(module, run_name='__main__', alter_sys=True)
'''

# Prints which library TensorFlow runs, as a reader's TF1 script could.
LIBRARY_SCRIPT = ('from tensorflow.python.util import _pywrap_util_port\n'
                  "print('onednn' if _pywrap_util_port.IsMklEnabled() else 'eigen')\n")

# TensorFlow's own start-up line when oneDNN is on (port.cc), shown by --verbose.
ONEDNN_ON = 'oneDNN custom operations are on'


def environment(value=None):
    """This process's environment with TF_ENABLE_ONEDNN_OPTS unset (as a reader who never heard of it has it), or
    set to value."""
    env = {name: text for name, text in os.environ.items() if name != VARIABLE}
    if value is not None:
        env[VARIABLE] = value
    return env


def watched(module, *args, cwd, env_value=None):
    """(the finished process, the TF_ENABLE_ONEDNN_OPTS TensorFlow was imported under) of python -m module args."""
    seen = cwd / 'seen.txt'
    if seen.exists():
        seen.unlink()
    result = subprocess.run([sys.executable, '-c', WATCHED, str(seen), module, *args], capture_output=True, text=True,
                            cwd=cwd, env=environment(env_value), timeout=HANG)
    return result, seen.read_text() if seen.exists() else None


def train(folder, run_dir, mnist_dir, *args, env_value=None):
    return watched('tf1gan.main', '--model=gan', '--total_epoch=1', '--total_batch=1', '--seed=3',
                   f'--run_dir={run_dir}', f'--data_dir={mnist_dir}', *args, cwd=folder, env_value=env_value)


def recorded_kernels(folder):
    return folders.read_record(str(folder)).get('kernels')


@pytest.fixture(scope='module')
def default_run(tmp_path_factory, mnist_dir):
    """A one-iteration run of 9.1, started with TF_ENABLE_ONEDNN_OPTS unset and no --kernels."""
    folder = tmp_path_factory.mktemp('default')
    result, seen = train(folder, 'run', mnist_dir)
    assert result.returncode == 0, result.stderr
    return folder, seen


@pytest.mark.parametrize('command', ['main', 'generate', 'evaluate', 'script'])
def test_help_says_the_flag_wins_over_the_readers_variable(command, tmp_path):
    result = subprocess.run([sys.executable, '-m', f'tf1gan.{command}', '--help'], capture_output=True, text=True,
                            cwd=tmp_path, timeout=HANG)
    help_text = ' '.join(result.stdout.split())
    assert result.returncode == 0
    assert '--kernels: <onednn|eigen>' in help_text and 'The flag wins over TF_ENABLE_ONEDNN_OPTS.' in help_text


# ----------------------------------------------------------------------------- tf1gan.main, and its run.json

def test_a_run_imports_tensorflow_with_onednn_on_when_the_reader_set_nothing(default_run):
    folder, seen = default_run
    assert seen == '1'


def test_run_json_records_onednn_for_a_run_with_onednn_on(default_run):
    folder, _ = default_run
    assert recorded_kernels(folder / 'runs' / 'run') == 'onednn'


@pytest.mark.parametrize('args, env_value, imported_under, library', [
    (['--kernels=eigen'], None, '0', 'eigen'),
    ([], 'False', 'False', 'eigen'),  # the reader's own setting stands (TensorFlow reads true and false in any case)
    (['--kernels=onednn'], '0', '1', 'onednn'),  # the flag wins over the environment
])
def test_the_flag_chooses_else_the_readers_variable_and_run_json_records_what_tensorflow_ran(
        args, env_value, imported_under, library, tmp_path, mnist_dir):
    result, seen = train(tmp_path, 'run', mnist_dir, *args, env_value=env_value)
    assert result.returncode == 0, result.stderr
    assert seen == imported_under
    assert recorded_kernels(tmp_path / 'runs' / 'run') == library


# ----------------------------------------------------------------------------- --resume keeps the run's library

def resume(folder, mnist_dir, *args, env_value=None):
    return watched('tf1gan.main', '--resume', '--run_dir=run', '--total_epoch=2', f'--data_dir={mnist_dir}', *args,
                   cwd=folder, env_value=env_value)


@pytest.fixture(scope='module')
def trained_with_eigen(tmp_path_factory, mnist_dir):
    """A one-epoch run trained with Eigen's kernels, in <folder>/runs/run."""
    folder = tmp_path_factory.mktemp('eigen')
    result, _ = train(folder, 'run', mnist_dir, '--kernels=eigen')
    assert result.returncode == 0, result.stderr
    return folder


@pytest.fixture
def eigen_run(trained_with_eigen, tmp_path):
    """A copy of that run, in tmp_path/runs/run, for a test to resume."""
    shutil.copytree(trained_with_eigen / 'runs', tmp_path / 'runs')
    return tmp_path


def test_a_resumed_run_continues_with_the_library_it_was_trained_with(eigen_run, mnist_dir):
    result, seen = resume(eigen_run, mnist_dir)  # the reader set nothing: a new run would get oneDNN
    assert result.returncode == 0, result.stderr
    assert seen == '0' and recorded_kernels(eigen_run / 'runs' / 'run') == 'eigen'
    assert result.stderr.splitlines()[-1].startswith('tf1gan: resuming runs/run at epoch 1, training to 2')
    assert 'kernels' not in result.stderr  # nothing asked otherwise: nothing to say


@pytest.mark.parametrize('args, env_value, named', [
    (['--kernels=onednn'], None, '--kernels=onednn'),
    ([], 'true', 'TF_ENABLE_ONEDNN_OPTS=true'),
])
def test_asking_a_resumed_run_for_the_other_library_is_said_on_the_resuming_line_and_not_done(
        args, env_value, named, eigen_run, mnist_dir):
    result, seen = resume(eigen_run, mnist_dir, *args, env_value=env_value)
    assert result.returncode == 0, result.stderr
    assert seen == '0' and recorded_kernels(eigen_run / 'runs' / 'run') == 'eigen'
    assert result.stderr.splitlines()[-1] == (
        'tf1gan: resuming runs/run at epoch 1, training to 2 (it was to train to 1: --total_epoch=2 changes it); '
        f"it was trained with Eigen's kernels and continues with them ({named} is not used)")


def test_a_run_recorded_without_a_library_resumes_with_the_default_and_records_it(eigen_run, mnist_dir):
    """A run.json written before tf1gan recorded the library has no "kernels": the reader's choice, else oneDNN."""
    record = folders.read_record(str(eigen_run / 'runs' / 'run'))
    del record['kernels']
    folders.write_record(str(eigen_run / 'runs' / 'run'), record)
    result, seen = resume(eigen_run, mnist_dir)
    assert result.returncode == 0, result.stderr
    assert seen == '1' and recorded_kernels(eigen_run / 'runs' / 'run') == 'onednn'
    assert result.stderr.splitlines() == ['tf1gan: resuming runs/run at epoch 1, training to 2 (it was to train to 1: '
                                          '--total_epoch=2 changes it)']


def test_a_run_resumed_where_tensorflow_runs_another_library_says_its_numbers_can_differ(tmp_path, mnist_dir, capsys):
    """In this process TensorFlow is imported already (its library fixed): a run recorded with the other one is
    resumed all the same, and the resuming line says what that means; run.json records what ran."""
    from tensorflow.python.util import _pywrap_util_port
    from training import train as train_here
    here = 'onednn' if _pywrap_util_port.IsMklEnabled() else 'eigen'
    other = {'onednn': 'eigen', 'eigen': 'onednn'}[here]
    names = {'onednn': 'oneDNN', 'eigen': 'Eigen'}
    train_here('gan', tmp_path, 1, mnist_dir=mnist_dir, total_batch=1)
    record = folders.read_record(str(tmp_path))
    folders.write_record(str(tmp_path), dict(record, kernels=other))
    capsys.readouterr()
    train_here('gan', tmp_path, 2, mnist_dir=mnist_dir, resume=True)
    assert capsys.readouterr().err.splitlines()[-1] == (
        f'tf1gan: resuming {tmp_path} at epoch 1, training to 2 (it was to train to 1: --total_epoch=2 changes it); '
        f"it was trained with {names[other]}'s kernels, TensorFlow here runs {names[here]}'s: its numbers can differ "
        "in the last digits from an uninterrupted run's")
    assert recorded_kernels(tmp_path) == here


# ----------------------------------------------------------------------------- the other commands: no record

@pytest.mark.parametrize('args, imported_under, library', [([], '1', 'onednn'), (['--kernels=eigen'], '0', 'eigen')])
def test_tf1gan_script_uses_onednn_unless_told_otherwise(args, imported_under, library, tmp_path):
    (tmp_path / 'library.py').write_text(LIBRARY_SCRIPT)
    result, seen = watched('tf1gan.script', *args, 'library.py', cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert seen == imported_under and result.stdout.strip() == library


def drawing_commands(run_dir, mnist_dir):
    return {'generate': ['--num=1', f'--run_dir={run_dir}', '--output=drawn.png'],
            'evaluate': ['--reference=noise', '--num=2', f'--data_dir={mnist_dir}']}


@pytest.mark.slow  # the flag's path is cli's, which tf1gan.main's tests above take; README's command stays short
@pytest.mark.parametrize('command', ['generate', 'evaluate'])
def test_generate_and_evaluate_take_the_flag(command, default_run, mnist_dir):
    """--kernels=eigen reaches TensorFlow before its import (with oneDNN on by default here, TensorFlow's own
    start-up line says so when it is on; --verbose shows it)."""
    folder, _ = default_run
    own = drawing_commands(folder / 'runs' / 'run', mnist_dir)[command]
    result, seen = watched(f'tf1gan.{command}', *own, '--verbose', '--kernels=eigen', cwd=folder)
    assert result.returncode == 0, result.stderr
    assert seen == '0' and ONEDNN_ON not in result.stderr


def test_generate_uses_onednn_by_default(default_run, mnist_dir):
    folder, _ = default_run
    result, seen = watched('tf1gan.generate', *drawing_commands(folder / 'runs' / 'run', mnist_dir)['generate'],
                           '--verbose', cwd=folder)
    assert result.returncode == 0, result.stderr
    assert seen == '1' and ONEDNN_ON in result.stderr


@pytest.mark.parametrize('env_value, library', [(None, 'onednn'), pytest.param('0', 'eigen', marks=pytest.mark.slow)])
def test_the_ipython_extension_imports_tensorflow_with_onednn_unless_the_reader_set_the_variable(env_value, library,
                                                                                             tmp_path):
    pytest.importorskip('IPython', reason="IPython is the optional 'notebook' extra: pip install -e '.[notebook]'")
    session = ('from IPython.core.interactiveshell import InteractiveShell\n'
               'shell = InteractiveShell.instance()\n'
               "assert all(shell.run_cell(cell).success for cell in ['%load_ext tf1gan', 'x = 1'])\n"
               "import sys\nassert 'tensorflow' in sys.modules  # imported by the extension, at the cell of code\n"
               + LIBRARY_SCRIPT)
    result = subprocess.run([sys.executable, '-c', session], capture_output=True, text=True, cwd=tmp_path,
                            env=environment(env_value), timeout=HANG)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == library
