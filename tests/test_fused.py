"""--loop=fast for 9.1, 9.2 and its CNN version (tf1gan.training.fused): the book's iterations in an in-graph loop, the book
loop's numbers."""
import ast
import os
import subprocess
import sys

import pytest
import tensorflow.compat.v1 as tf

import tf1gan  # noqa: F401
from tf1gan.training import fused
from tf1gan.listings import registry
from tf1gan.compat import seeding
from tf1gan.listings import cgan, cgan_cnn, gan
from hang import HANG
from training import train as train_run

pytestmark = pytest.mark.kernels  # compares numbers TensorFlow computes: CI runs it under both kernel libraries (BUILD.md)

MODULES = {'gan': gan, 'cgan': cgan, 'cgan_cnn': cgan_cnn}

# One seeded epoch of the book (550 iterations) in a fresh process: the first Session of a
# process fixes TensorFlow's thread pools, and with them how the kernels round, so both loops
# must start from the same clean state, as two runs of tf1gan.main do.
ONE_EPOCH = '''
import contextlib, io, sys
import tf1gan
from tf1gan.listings import registry
from tf1gan.training import run
model, loop, data_dir, out = sys.argv[1:]
module = registry.load(model)
settings = run.Settings(model, dict(module.HPARAMS, total_epoch=1), seed=11, loop=loop, data_dir=data_dir,
                        source_url=data_dir)
with contextlib.redirect_stdout(io.StringIO()):
    history = run.train(run.new(settings, out))
print(repr(history))
'''


def train(model, mnist_dir, out, loop, total_epoch, total_batch, resume=False):
    return train_run(model, out, total_epoch, mnist_dir=mnist_dir, seed=11, total_batch=total_batch, loop=loop,
                     resume=resume)


@pytest.fixture(scope='module', params=['gan', 'cgan'])
def both_loops(request, mnist_dir, tmp_path_factory):
    """Per model and loop, (the losses of one full seeded book epoch, its sample folder)."""
    runs = {}
    for loop in ('book', 'fast'):
        out = tmp_path_factory.mktemp(f'{request.param}-{loop}')
        result = subprocess.run([sys.executable, '-c', ONE_EPOCH, request.param, loop, str(mnist_dir), str(out)],
                                capture_output=True, text=True, timeout=HANG)
        assert result.returncode == 0, result.stderr
        runs[loop] = ast.literal_eval(result.stdout.splitlines()[-1]), out
    return runs


@pytest.mark.slow
def test_the_fast_loop_gives_the_book_loops_losses_bit_for_bit(both_loops):
    (book_history, _), (fast_history, _) = both_loops['book'], both_loops['fast']
    assert fast_history == book_history  # floats compared exactly, after a whole epoch


@pytest.mark.slow
def test_the_fast_loop_draws_the_book_loops_pictures(both_loops):
    book, fast = both_loops['book'][1] / 'samples', both_loops['fast'][1] / 'samples'
    assert os.listdir(book) == ['000.png']
    assert (fast / '000.png').read_bytes() == (book / '000.png').read_bytes()


@pytest.mark.parametrize('model', ['gan', 'cgan', 'cgan_cnn'])
def test_epochs_that_end_inside_a_chunk_give_the_book_loops_losses(model, mnist_dir, tmp_path):
    # One process, so both loops share its thread pools; a whole chunk, then 23 iterations.
    total_batch = fused.CHUNK + 23
    _, book_history = train(model, mnist_dir, tmp_path / 'book', 'book', total_epoch=2, total_batch=total_batch)
    _, fast_history = train(model, mnist_dir, tmp_path / 'fast', 'fast', total_epoch=2, total_batch=total_batch)
    assert fast_history == book_history


@pytest.mark.parametrize('model', ['gan', 'cgan', 'cgan_cnn'])
def test_a_book_loop_checkpoint_resumes_under_the_fast_loop_as_if_never_stopped(model, mnist_dir, tmp_path):
    whole, _ = train(model, mnist_dir, tmp_path / 'whole', 'book', total_epoch=3, total_batch=20)
    first, _ = train(model, mnist_dir, tmp_path / 'split', 'book', total_epoch=1, total_batch=20)
    rest, _ = train(model, mnist_dir, tmp_path / 'split', 'fast', total_epoch=3, total_batch=20, resume=True)
    assert first[:-1] + rest == whole  # first[-1] is the first run's '최적화 완료!'


def build(make, model):
    """make(listing, n_hidden, n_noise, learning_rate) with the listing's hyper-parameters, seeded."""
    hp = MODULES[model].HPARAMS
    seeding.seed_graph(0)
    return make(MODULES[model], n_hidden=hp['n_hidden'], n_noise=hp['n_noise'], learning_rate=hp['learning_rate'])


def book_graph(module, **hparams):
    return registry.build_graph(module, **hparams)


@pytest.mark.parametrize('model', ['gan', 'cgan'])
def test_the_fused_loop_adds_no_variables_to_the_books(model):
    with tf.Graph().as_default():
        build(book_graph, model)
        book = [(v.name, v.shape.as_list()) for v in tf.global_variables()]
    with tf.Graph().as_default():
        build(fused.FusedLoop, model)
        assert [(v.name, v.shape.as_list()) for v in tf.global_variables()] == book


def iteration(model):
    """(the book's Graph, the nodes of its fused iteration by name)."""
    with tf.Graph().as_default():
        book = build(book_graph, model)
        return book, {node.name: node for node in fused.iteration_graph_def(tf.get_default_graph(), book).node}


@pytest.mark.parametrize('model', ['gan', 'cgan'])
def test_in_the_fused_iteration_every_op_of_train_Gs_run_that_reads_Ds_variables_waits_for_train_D(model):
    book, nodes = iteration(model)
    D_handles = {v.handle.op.name for v in book.vars_D}
    readers = [node for name, node in nodes.items() if name.startswith(fused.AFTER_TRAIN_D)
               and D_handles & {i.split(':')[0] for i in node.input}]
    assert readers
    for node in readers:
        assert {'^' + book.train_D.name, '^' + book.loss_D.op.name} <= set(node.input)


@pytest.mark.parametrize('model', ['gan', 'cgan'])
def test_the_fused_iteration_computes_Gs_forward_pass_once_for_both_runs(model):
    book, nodes = iteration(model)
    assert book.G.op.name in nodes
    assert fused.AFTER_TRAIN_D + book.G.op.name not in nodes
    assert fused.AFTER_TRAIN_D + book.train_G.name in nodes and fused.AFTER_TRAIN_D + book.loss_G.op.name in nodes


def test_a_stateful_op_that_both_runs_would_share_is_refused():
    with tf.Graph().as_default():
        book = build(book_graph, 'gan')
        noisy_G = book.G + tf.random.normal(tf.shape(book.G))  # drawn again in the book's second run
        graph = book._replace(loss_D=book.loss_D + tf.reduce_mean(noisy_G), loss_G=book.loss_G + tf.reduce_mean(noisy_G))
        with pytest.raises(ValueError, match='holds state'):
            fused.iteration_graph_def(tf.get_default_graph(), graph)
