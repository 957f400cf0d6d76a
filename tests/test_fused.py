"""--loop=fast for 9.1 and 9.2 (tf1gan.fused): one Session.run per iteration, the book loop's numbers."""
import ast
import os
import subprocess
import sys

import pytest
import tensorflow.compat.v1 as tf

import tf1gan  # noqa: F401
from tf1gan import cgan, fused, gan, run, seeding

MODULES = {'gan': gan, 'cgan': cgan}

# One seeded epoch of the book (550 iterations) in a fresh process: the first Session of a
# process fixes TensorFlow's thread pools, and with them how the kernels round, so both loops
# must start from the same clean state, as two runs of tf1gan.main do.
ONE_EPOCH = '''
import sys
import tf1gan
from tf1gan import listing, run
model, loop, data_dir, sample_dir = sys.argv[1:]
module = listing.load(model)
print(repr(run.run(model, module, dict(module.HPARAMS, total_epoch=1), seed=11, data_dir=data_dir,
                   sample_dir=sample_dir, loop=loop, log=lambda line: None)))
'''


def train(model, mnist_dir, out, loop, total_epoch, total_batch, resume=False):
    lines = []
    history = run.run(model, MODULES[model], dict(MODULES[model].HPARAMS, total_epoch=total_epoch), seed=11,
                      total_batch=total_batch, data_dir=str(mnist_dir), sample_dir=str(out / 'samples'),
                      checkpoint_dir=str(out / 'ckpt'), resume=resume, loop=loop, log=lines.append)
    return lines, history


@pytest.fixture(scope='module', params=['gan', 'cgan'])
def both_loops(request, mnist_dir, tmp_path_factory):
    """Per model and loop, (the losses of one full seeded book epoch, its sample folder)."""
    runs = {}
    for loop in ('book', 'fast'):
        out = tmp_path_factory.mktemp(f'{request.param}-{loop}')
        result = subprocess.run([sys.executable, '-c', ONE_EPOCH, request.param, loop, str(mnist_dir), str(out)],
                                capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stderr
        runs[loop] = ast.literal_eval(result.stdout.splitlines()[-1]), out
    return runs


def test_the_fast_loop_gives_the_book_loops_losses_bit_for_bit(both_loops):
    (book_history, _), (fast_history, _) = both_loops['book'], both_loops['fast']
    assert fast_history == book_history  # floats compared exactly, after a whole epoch


def test_the_fast_loop_draws_the_book_loops_pictures(both_loops):
    book, fast = both_loops['book'][1], both_loops['fast'][1]
    assert os.listdir(book) == ['000.png']
    assert (fast / '000.png').read_bytes() == (book / '000.png').read_bytes()


@pytest.mark.parametrize('model', ['gan', 'cgan'])
def test_a_book_loop_checkpoint_resumes_under_the_fast_loop_as_if_never_stopped(model, mnist_dir, tmp_path):
    whole, _ = train(model, mnist_dir, tmp_path / 'whole', 'book', total_epoch=3, total_batch=20)
    first, _ = train(model, mnist_dir, tmp_path / 'split', 'book', total_epoch=1, total_batch=20)
    rest, _ = train(model, mnist_dir, tmp_path / 'split', 'fast', total_epoch=3, total_batch=20, resume=True)
    assert first[:-1] + rest == whole  # first[-1] is the first run's '최적화 완료!'


@pytest.mark.parametrize('model', ['gan', 'cgan'])
def test_the_fused_step_adds_no_variables_to_the_books(model):
    hp = MODULES[model].HPARAMS
    with tf.Graph().as_default():
        seeding.seed_graph(0)
        MODULES[model].build(n_hidden=hp['n_hidden'], n_noise=hp['n_noise'], learning_rate=hp['learning_rate'])
        book = [(v.name, v.shape.as_list()) for v in tf.global_variables()]
    with tf.Graph().as_default():
        seeding.seed_graph(0)
        step = fused.FusedStep(MODULES[model], n_hidden=hp['n_hidden'], n_noise=hp['n_noise'],
                               learning_rate=hp['learning_rate'])
        assert [(v.name, v.shape.as_list()) for v in tf.global_variables()] == book
        assert step.after_D.vars_D == step.graph.vars_D and step.after_D.vars_G == step.graph.vars_G


def test_the_fused_steps_train_G_waits_for_train_D():
    hp = gan.HPARAMS
    with tf.Graph().as_default():
        seeding.seed_graph(0)
        step = fused.FusedStep(gan, n_hidden=hp['n_hidden'], n_noise=hp['n_noise'], learning_rate=hp['learning_rate'])
        assert step.graph.train_D in step.after_D.Z.op.control_inputs
