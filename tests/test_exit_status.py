"""One exit status convention for every command (README, "Exit status"): 0 done, 1 a failure or bad data
(a missing or damaged file, a diverged run), 2 bad usage (a flag, or a command the run it names
contradicts); a stopped training run 130 for Ctrl-C and 143 for SIGTERM, as the shell reports a
process a signal killed. The flag errors of each command are tested beside it (test_main,
test_compare, test_script, ...); here the kinds each command has, side by side."""
import json
import os
import signal
import subprocess
import sys

import pytest

from tf1gan.listings import registry
from training import tf1gan_command as tf1gan
from hang import HANG


def fake_run(folder, model):
    """A run folder whose run.json records model (with its listing's settings) and no checkpoint: enough
    for the checks each command makes before it loads anything."""
    folder.mkdir(parents=True)
    record = dict(model=model, hparams=dict(registry.load(model).HPARAMS), state='finished')
    (folder / 'run.json').write_text(json.dumps(record), encoding='utf-8')
    return folder


@pytest.mark.parametrize('command, args, status, named', [
    ('main', ['--model=gan', '--run_dir=./gan'], 2, 'already holds a finished run'),
    ('main', ['--model=cgan', '--resume', '--run_dir=./gan'], 2, 'is a run of gan; expected a run of cgan'),
    ('generate', ['--run_dir=./gan', '--digits=3'], 2, '--digits draws chosen digits and needs a run of cgan or cgan_cnn'),
    ('generate', ['--run_dir=./cgan'], 2, 'give --digits'),
    ('generate', ['--run_dir=./none'], 1, 'no such folder'),
    ('generate', ['--run_dir=./cgan', '--digits=3'], 1, 'no checkpoint in'),
    ('evaluate', ['--run_dir=./cgan', '--num=15'], 2, 'not a multiple of 10'),
    ('evaluate', ['--run_dir=./none'], 1, 'no such folder'),
    ('compare', ['--run_dir=./dcgan'], 2, 'the book printed losses of gan (9.1) and cgan (9.2) only'),
    ('compare', ['--run_dir=./gan'], 1, 'log.txt'),
])
def test_each_command_exits_2_for_bad_usage_and_1_for_what_is_missing(command, args, status, named, tmp_path,
                                                                       mnist_dir):
    for model in ('gan', 'cgan', 'dcgan'):
        fake_run(tmp_path / model, model)
    result = tf1gan(command, *args, *([f'--data_dir={mnist_dir}'] if command in ('main', 'evaluate') else []),
                    cwd=tmp_path)
    assert result.returncode == status, result.stderr
    [line] = result.stderr.splitlines()
    assert line.startswith('tf1gan: ') and named in line


def test_a_readers_script_exits_with_the_status_it_gives_as_python_would(tmp_path):
    (tmp_path / 'mine.py').write_text('import sys\nsys.exit(3)\n', encoding='utf-8')
    result = tf1gan('script', 'mine.py', cwd=tmp_path)
    assert result.returncode == 3 == subprocess.run([sys.executable, 'mine.py'], cwd=tmp_path).returncode


@pytest.mark.parametrize('signum, status, said', [(signal.SIGINT, 130, 'interrupted'),
                                                  (signal.SIGTERM, 143, 'stopped by SIGTERM')])
def test_a_stopped_run_exits_128_plus_the_signal_and_can_be_resumed(signum, status, said, tmp_path, mnist_dir):
    process = subprocess.Popen([sys.executable, '-m', 'tf1gan.main', '--model=gan', '--total_epoch=10000',
                                '--total_batch=2', f'--data_dir={mnist_dir}', '--run_dir=./run'],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=tmp_path,
                               env=dict(os.environ, PYTHONUNBUFFERED='1'),
                               # As from a terminal: a shell's background job (CI may be one) ignores SIGINT,
                               # and Python then keeps ignoring it.
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        for line in process.stdout:
            if line.split()[:2] == ['Epoch:', '0001']:  # the second epoch's line: the run is training
                process.send_signal(signum)
                break
        _, stderr = process.communicate(timeout=HANG)
    finally:
        process.kill()
    assert process.returncode == status
    assert stderr.splitlines()[-1] == f'tf1gan: {said}; continue it with --resume --run_dir=./run'
    assert json.loads((tmp_path / 'run' / 'run.json').read_text(encoding='utf-8'))['state'] == 'interrupted'
