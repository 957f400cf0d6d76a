"""The corpus of TF 1.x-era scripts (tests/corpus/, cases in tests/corpus.py): each runs unchanged through
python -m tf1gan.script and prints what it learned (a cost that falls, an accuracy above chance), or is
the one line the README promises (tf.estimator)."""
import json
import os
import shutil
import subprocess
import sys

import pytest

import corpus
from hang import HANG


def headless_env(mnist_dir):
    env = {name: value for name, value in os.environ.items() if name not in ('DISPLAY', 'WAYLAND_DISPLAY', 'MPLBACKEND')}
    return dict(env, TF1GAN_MNIST_DIR=str(mnist_dir))


def cases():
    return [pytest.param(case, id=case.script) for case in corpus.CASES]


@pytest.fixture(scope='session')
def corpus_results(tmp_path_factory, mnist_dir):
    """Every runnable case, run through the command's own code in one worker process (tests/corpus.py)."""
    folder = tmp_path_factory.mktemp('corpus')
    out = folder / 'results.json'
    worker = subprocess.run([sys.executable, corpus.__file__, str(out)], cwd=folder, env=headless_env(mnist_dir),
                            capture_output=True, text=True, timeout=HANG)
    assert worker.returncode == 0, worker.stderr[-3000:]
    return json.loads(out.read_text(encoding='utf-8'))


def test_the_corpus_has_at_least_40_scripts_each_with_its_case():
    scripts = sorted(path.name for path in corpus.CORPUS.glob('*.py'))
    assert scripts == sorted(case.script for case in corpus.CASES) and len(scripts) >= 40


@pytest.mark.parametrize('case', cases())
def test_the_corpus_script_runs_unchanged_and_prints_what_it_learned(case, corpus_results):
    result = corpus_results[case.script]
    assert result['status'] == case.status, result['stderr'][-3000:]
    for check in case.checks:
        check(result)


# One script of each kind, as a real process (the default suite runs every script through the same command
# code in one worker process): graph mode with tf.contrib, flags, eager-era tfe, a TF 2.x Keras script, a
# Saver script run twice, a queue reader, an RNN, and the one-line Estimator refusal.
IN_THEIR_OWN_PROCESS = ('mnist_mlp_xavier_contrib.py', 'app_flags_tf_app_run.py', 'eager_linear_regression_tfe.py',
                        'keras_tf2_cnn_seed.py', 'saver_resume_global_step.py', 'queue_shuffle_batch.py',
                        'rnn_mnist_contrib.py', 'estimator_dnn_classifier.py')


@pytest.mark.slow
@pytest.mark.parametrize('case', [param for param in cases() if param.id in IN_THEIR_OWN_PROCESS])
def test_the_corpus_script_runs_as_its_own_python_m_tf1gan_script_process(case, tmp_path, mnist_dir):
    shutil.copy(corpus.CORPUS / case.script, tmp_path / case.script)
    for _ in range(case.runs):
        process = subprocess.run([sys.executable, '-m', 'tf1gan.script', *corpus.command_line(case, mnist_dir)],
                                 cwd=tmp_path, env=headless_env(mnist_dir), capture_output=True, text=True,
                                 timeout=HANG)
    result = {'status': process.returncode, 'stdout': process.stdout, 'stderr': process.stderr,
              'files': corpus.files_in(tmp_path)}
    assert result['status'] == case.status, result['stderr'][-3000:]
    for check in case.checks:
        check(result)
