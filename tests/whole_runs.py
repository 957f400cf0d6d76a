"""Whole runs, the book's settings and the default loop, seeded: the shape of each listing's losses
from the first epoch to the last, and how good its last checkpoint's digits are. What the four
slow files tests/test_whole_run_{cgan,gan,dcgan,cgan_cnn}.py share (one file each, so that pytest's
two processes train two listings side by side):

    python -m pytest -m slow tests/test_whole_run_cgan.py      (.ci/run runs all four; BUILD.md gives their time)

9.1 and 9.2 train 100 epochs (flags/gan.flags, flags/cgan.flags): every 10-epoch window of D's and
G's printed losses lies inside the book's band, judged by tf1gan.compare's own code. The DCGAN
trains the first 1,001 of the book's 4,001 iterations (flags/dcgan.flags, --total_epoch=1001: all
4,001 take longer than 9.1 and 9.2 together, more than CI has; the listing's Keras 2 semantics
collapsed by iteration 500 in 2 of the study's 3 seeds, BUILD.md): no 100-iteration window shows
the d_loss ~ 0 collapse (tf1gan.evaluation.collapse). 9.2 with CNNs trains the first 3 of its 10 epochs
(flags/cgan_cnn.flags, --total_epoch=3); the book printed no losses of it. The last checkpoint of
each is scored by tf1gan.evaluate (10,000 images, its default seed) against floors (and for the
CNNs a Fréchet distance ceiling) set from seeds 1-3 (BUILD.md, "Whole runs on every landing").

Each listing trains once per session, through `python -m tf1gan.main` in its own folder under
pytest's temporary folder; that folder (the run's log.txt and checkpoints/, compare's figure, the
command's stdout and stderr) stays after the session, and every failure message names it.
tests/test_whole_run_messages.py checks those messages.
"""
import json
import pathlib
import subprocess
import sys
from typing import NamedTuple

import pytest

from tf1gan.evaluation import book_logs, collapse, comparison
from tf1gan.listings import registry
from hang import HANG

REPO = pathlib.Path(__file__).resolve().parents[1]
SEED = 1
# What each listing's run must print: the book's 100 epochs (9.1, 9.2), the first 1,001 of its 4,001 iterations
# (DCGAN), set by the flags typed after the listing's flagfile.
# 9.2 with CNNs: the first 3 of its 10 epochs (its whole run would take 7-20 minutes more of CI, by the day).
DCGAN_ITERATIONS = 1001
CNN_EPOCHS = 3
PRINTED = {'gan': 100, 'cgan': 100, 'cgan_cnn': CNN_EPOCHS, 'dcgan': DCGAN_ITERATIONS}
AFTER_THE_FLAGFILE = {'dcgan': [f'--total_epoch={DCGAN_ITERATIONS}'], 'cgan_cnn': [f'--total_epoch={CNN_EPOCHS}']}
TIMEOUT = HANG  # seconds per training run: only against a hang (each takes 3-18 minutes, BUILD.md)
NAMES = {'gan': 'listing 9.1 (gan)', 'cgan': 'listing 9.2 (cgan)', 'cgan_cnn': '9.2 with CNNs (cgan_cnn)',
         'dcgan': 'the DCGAN (dcgan)'}

# The lowest of seeds 1-3 that trained like the book (9.2's seed 2 never trains: D wins from the first epoch),
# less the larger of twice their range and 3% of it, rounded down. The DCGAN's seeds are too far apart at
# iteration 1,000 for that rule (2.906 to 4.714: twice the range is more than the lowest); its floor is what
# a run that trains must beat there, the highest score of runs that did not train (1.71, the study's collapsed
# tf_keras runs), rounded up. The Fréchet distance's ceiling (9.2 with CNNs), by the same rule upside down: the
# highest of the seeds plus the larger of twice their range and 3% of it, rounded up. BUILD.md, "Whole runs on
# every landing", gives each seed's figures and the commands that measure them.
MNIST_SCORE_FLOOR = {'gan': 5.1, 'cgan': 9.3, 'cgan_cnn': 9.1, 'dcgan': 2.0}
CONDITIONAL_ACCURACY_FLOOR = {'cgan': 0.95, 'cgan_cnn': 0.94}
CNN_FRECHET_CEILING = 4.2


class Run(NamedTuple):
    model: str
    seed: int
    folder: pathlib.Path  # the command's working folder: stdout.txt, stderr.txt, mnist/, samples/

    @property
    def run_dir(self):  # --run_dir: log.txt and checkpoints/
        return self.folder / 'run'

    def where(self):
        return (f'run folder: {self.run_dir} (log.txt, checkpoints/); the command\'s output: '
                f'{self.folder}/stdout.txt, stderr.txt')


def command(model, seed, folder, mnist_dir):
    return [sys.executable, '-m', 'tf1gan.main', f'--flagfile={REPO / "flags" / f"{model}.flags"}', f'--seed={seed}',
            f'--run_dir={folder / "run"}', f'--source_url={mnist_dir}', f'--data_dir={folder / "mnist"}',
            *AFTER_THE_FLAGFILE.get(model, [])]


def printed_iterations(run):
    """How many epochs (9.1, 9.2) or iterations (DCGAN) the run's log.txt holds."""
    log = run.run_dir / 'log.txt'
    return len(collapse.read_losses(log) if run.model == 'dcgan' else
               book_logs.read_log(log, registry.log_lines(run.model)).d)


def train(model, tmp_path_factory, mnist_dir):
    """The listing's whole run, trained once (a failure fails every test that asks for it)."""
    run = Run(model, SEED, tmp_path_factory.mktemp(model))
    with open(run.folder / 'stdout.txt', 'w') as out, open(run.folder / 'stderr.txt', 'w') as err:
        try:
            result = subprocess.run(command(model, SEED, run.folder, mnist_dir), cwd=run.folder, stdout=out,
                                    stderr=err, timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            pytest.fail(f'{NAMES[model]}, seed {SEED}: still training after {TIMEOUT} s; {run.where()}')
    if result.returncode != 0:
        tail = (run.folder / 'stderr.txt').read_text(errors='replace').strip().splitlines()[-5:]
        pytest.fail(f'{NAMES[model]}, seed {SEED}: the run exited with status {result.returncode}; '
                    f'{run.where()}; its last lines on stderr:\n' + '\n'.join(tail))
    printed = printed_iterations(run)
    if printed != PRINTED[model]:
        pytest.fail(f'{NAMES[model]}, seed {SEED}: the run printed {printed} '
                    f'{"iterations" if model == "dcgan" else "epochs"}, expected {PRINTED[model]}; {run.where()}')
    return run


def score(run, mnist_dir):
    """tf1gan.evaluate's figures of the run's last checkpoint (10,000 images, its default seed),
    also written to metrics.json in the run folder, as tf1gan.evaluate writes them."""
    from tf1gan.evaluation import scoring  # imports TensorFlow
    scores = scoring.evaluate_run(str(run.run_dir), data_dir=str(run.folder / 'mnist'), source_url=str(mnist_dir))
    (run.run_dir / 'metrics.json').write_text(json.dumps(scores, indent=1))
    return scores


# ----------------------------------------------------------------------------- what failures say

def band_failure(run, rows, figure):
    outside = [row for row in rows if not row.inside]
    return '\n'.join([f'{NAMES[run.model]}, seed {run.seed}: {len(outside)} of {len(rows)} windows outside the '
                      f'book\'s band (mean ± {comparison.BAND_K:g} sd per {comparison.WINDOW} epochs):',
                      *('  ' + line for line in comparison.outside_lines(rows)),
                      *comparison.format_table(rows),
                      run.where(), f'compare\'s figure: {figure}'])


def collapse_failure(run, windows):
    collapsed = [w for w in windows if w.collapsed]
    return '\n'.join([f'{NAMES[run.model]}, seed {run.seed}: {len(collapsed)} of {len(windows)} windows of '
                      f'{collapse.WINDOW} iterations collapsed (mean d_loss under {collapse.D_LOSS_UNDER:g} and '
                      f'mean g_loss under {collapse.G_LOSS_UNDER:g}):',
                      *('  ' + w.describe() for w in collapsed),
                      f'windows (C: collapsed): {collapse.states(windows)}',
                      run.where()])


def floor_failure(run, scores, key, label, floor, which='under the floor'):
    return (f'{NAMES[run.model]}, seed {run.seed}: {label} {scores[key]:.4f} is {which} {floor:g} '
            f'({scores["num_images"]} images from {scores["source"]["checkpoint"]}, seed {scores["source"]["seed"]}); '
            f'{run.where()}')


# ----------------------------------------------------------------------------- the checks

def assert_inside_the_books_band(run):
    losses, reference = book_logs.read_log(run.run_dir / 'log.txt', run.model), comparison.book_reference(run.model)
    rows = comparison.compare(losses, reference.runs)
    figure = run.run_dir / 'compare_losses.png'
    comparison.plot_losses(losses, reference, rows, run.model, str(figure))
    assert all(row.inside for row in rows), band_failure(run, rows, figure)


def assert_above_floor(run, scores, key, label, floor):
    assert scores[key] >= floor, floor_failure(run, scores, key, label, floor)


def assert_under_ceiling(run, scores, key, label, ceiling):
    assert scores[key] <= ceiling, floor_failure(run, scores, key, label, ceiling, which='over the ceiling')


def whole_run_fixtures(model):
    """The fixtures <model>_run (the listing's whole run, trained once per session) and
    <model>_scores (its last checkpoint's figures)."""
    @pytest.fixture(scope='module', name=f'{model}_run')
    def run(tmp_path_factory, mnist_dir):
        return train(model, tmp_path_factory, mnist_dir)

    @pytest.fixture(scope='module', name=f'{model}_scores')
    def scores(request, mnist_dir):
        return score(request.getfixturevalue(f'{model}_run'), mnist_dir)

    return run, scores

