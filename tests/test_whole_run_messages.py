"""What a failing whole run says (tests/whole_runs.py): the window, loss, mean and band; the collapsed
windows; the figure and its floor; and where the run was left. Fast: no training."""
import pathlib

import numpy as np

from tf1gan.evaluation import book_logs, collapse, comparison
from whole_runs import REPO, Run, band_failure, collapse_failure, command, floor_failure


def test_a_band_failure_names_each_window_and_loss_outside_with_the_runs_mean_the_band_and_where_things_are():
    [book] = book_logs.book_runs('cgan')
    run = book_logs.Losses(d=book.d, g=np.where(np.arange(100) // 10 == 3, book.g + 10, book.g))
    rows = comparison.compare(run, [book])
    message = band_failure(Run('cgan', 1, pathlib.Path('/scratch/cgan0')), rows,
                           pathlib.Path('/scratch/cgan0/run/compare_losses.png'))
    lines = message.splitlines()
    assert lines[0] == 'listing 9.2 (cgan), seed 1: 1 of 10 windows outside the book\'s band (mean ± 3 sd per 10 epochs):'
    assert lines[1].startswith("  epochs 30-39, G loss: the run's mean ") and 'is outside the book\'s band [' in lines[1]
    assert 'run folder: /scratch/cgan0/run (log.txt, checkpoints/)' in message
    assert lines[-1] == "compare's figure: /scratch/cgan0/run/compare_losses.png"


def test_a_collapse_failure_names_each_collapsed_window_with_its_mean_losses_and_where_the_run_is():
    windows = collapse.windows([(0.7, 1.3)] * 200 + [(0.001, 0.02)] * 100 + [(0.6, 1.1)])
    message = collapse_failure(Run('dcgan', 2, pathlib.Path('/scratch/dcgan0')), windows)
    assert message.splitlines()[:3] == [
        'the DCGAN (dcgan), seed 2: 1 of 4 windows of 100 iterations collapsed (mean d_loss under 0.01 and mean '
        'g_loss under 0.1):',
        '  iterations 200-299: mean d_loss 0.0010, mean g_loss 0.0200',
        'windows (C: collapsed): --C-']
    assert 'run folder: /scratch/dcgan0/run' in message


def test_a_floor_failure_names_the_figure_its_value_the_floor_the_checkpoint_and_where_the_run_is():
    scores = dict(mnist_score=8.51234, num_images=10000, source=dict(checkpoint='/scratch/cgan0/run/checkpoints/model.ckpt-99', seed=0))
    message = floor_failure(Run('cgan', 1, pathlib.Path('/scratch/cgan0')), scores, 'mnist_score', 'MNIST score', 9.2)
    assert message.startswith('listing 9.2 (cgan), seed 1: MNIST score 8.5123 is under the floor 9.2 (10000 images '
                              'from /scratch/cgan0/run/checkpoints/model.ckpt-99, seed 0); run folder: /scratch/cgan0/run')


def test_the_runs_are_the_readers_command_with_the_listings_flagfile_in_a_scratch_folder():
    folder, mnist = pathlib.Path('/scratch/cgan0'), pathlib.Path('/data/mnist')
    assert command('cgan', 3, folder, mnist)[1:] == [
        '-m', 'tf1gan.main', f'--flagfile={REPO}/flags/cgan.flags', '--seed=3', '--run_dir=/scratch/cgan0/run',
        '--source_url=/data/mnist', '--data_dir=/scratch/cgan0/mnist']
