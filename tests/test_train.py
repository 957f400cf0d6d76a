"""The book's training loop (9.1.12, 9.2.9): log lines, pictures, seeds and the losses' shape."""
import json
import math
import os
import pathlib

import numpy as np
import pytest

import tf1gan  # noqa: F401
from tf1gan.runs import samples
from tf1gan.listings import cgan, gan
from training import train as train_run

pytestmark = pytest.mark.kernels  # compares numbers TensorFlow computes: CI runs it under both kernel libraries (BUILD.md)

GOLDEN = pathlib.Path(__file__).parent / 'golden'
MODULES = {'gan': gan, 'cgan': cgan}


def train(model, mnist_dir, out, seed, total_epoch, total_batch):
    """(lines, history) of a run in out; its pictures are in out/samples."""
    return train_run(model, out, total_epoch, mnist_dir=mnist_dir, seed=seed, total_batch=total_batch)


@pytest.fixture(scope='module', params=['gan', 'cgan'])
def seeded_twice(request, mnist_dir, tmp_path_factory):
    """Two runs of 2 epochs x 30 iterations with the same seed, each into its own folder."""
    runs = []
    for attempt in ('first', 'second'):
        out = tmp_path_factory.mktemp(f'{request.param}-{attempt}')
        lines, history = train(request.param, mnist_dir, out, seed=7, total_epoch=2, total_batch=30)
        runs.append((lines, history, out / 'samples'))
    return request.param, runs


def test_a_run_prints_one_line_per_epoch_then_the_books_last_line(seeded_twice):
    model, [(lines, _, _), _] = seeded_twice
    first_epoch = {'gan': 'Epoch:  0001 ', 'cgan': 'Epoch:  0000 '}[model]
    assert len(lines) == 3
    assert lines[0].startswith(first_epoch)
    assert lines[-1] == '최적화 완료!'


def test_same_seed_prints_identical_logs(seeded_twice):
    _, [(first, _, _), (second, _, _)] = seeded_twice
    assert first == second


def test_same_seed_draws_identical_pictures(seeded_twice):
    _, [(_, _, first), (_, _, second)] = seeded_twice
    assert sorted(os.listdir(first)) == ['000.png']
    assert (first / '000.png').read_bytes() == (second / '000.png').read_bytes()


def test_different_seeds_give_different_losses(seeded_twice, mnist_dir, tmp_path):
    model, [(_, history, _), _] = seeded_twice
    _, other = train(model, mnist_dir, tmp_path, seed=8, total_epoch=1, total_batch=30)
    assert other[0] != history[0]


def test_sample_epochs_are_the_books_eleven():
    assert [e for e in range(100) if samples.is_sample_epoch(e)] == [0, 9, 19, 29, 39, 49, 59, 69, 79, 89, 99]
    assert samples.epoch_path('samples/cgan', 9) == os.path.join('samples/cgan', '009.png')


@pytest.mark.parametrize('model', ['gan', 'cgan'])
def test_first_iterations_match_the_golden_losses(model, mnist_dir, tmp_path):
    """Pins the first 5 x 10 iterations of a seeded run on this TensorFlow version.

    Regenerate with TF1GAN_REGEN_GOLDEN=1 after a deliberate change. The tolerance allows for
    a CPU whose oneDNN kernels round differently; a changed batch order, noise or graph
    moves these values by far more."""
    _, history = train(model, mnist_dir, tmp_path, seed=2026, total_epoch=5, total_batch=10)
    path = GOLDEN / f'{model}_seed2026.json'
    if os.environ.get('TF1GAN_REGEN_GOLDEN'):
        path.write_text(json.dumps({'seed': 2026, 'total_batch': 10, 'losses': history}, indent=1) + '\n')
    golden = json.loads(path.read_text())['losses']
    np.testing.assert_allclose(history, golden, rtol=1e-3)


def test_gan_prints_maximised_objectives_so_both_losses_are_negative(mnist_dir, tmp_path):
    # 9.1.10: loss_D = mean(log D(x) + log(1 - D(G(z)))) and loss_G = mean(log D(G(z))) are
    # maximised, so the book prints negative values (epoch 1: D -0.45, G -2.07).
    _, history = train('gan', mnist_dir, tmp_path, seed=3, total_epoch=1, total_batch=550)
    [(loss_D, loss_G)] = history
    assert math.isfinite(loss_D) and math.isfinite(loss_G)
    assert -1.5 < loss_D < 0
    assert -6 < loss_G < -0.5


def test_cgan_prints_cross_entropies_with_g_far_above_d_early_on(mnist_dir, tmp_path):
    # 9.2.6-9.2.7: cross-entropies, so positive; the book's epoch 0 is D 0.01216, G 7.923.
    _, history = train('cgan', mnist_dir, tmp_path, seed=3, total_epoch=1, total_batch=550)
    [(loss_D, loss_G)] = history
    assert math.isfinite(loss_D) and math.isfinite(loss_G)
    assert 0 < loss_D < 0.2
    assert loss_G > 3 and loss_G > 20 * loss_D
