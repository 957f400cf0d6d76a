"""Checkpoints, exact resume, and drawing chosen digits from a trained model."""
import os
import signal
import subprocess
import sys
import time

import numpy as np
import pytest

import tf1gan  # noqa: F401
from tf1gan.runs import checkpoint, draw
from tf1gan import errors
from training import epoch_lines, train as train_run
from hang import HANG

pytestmark = pytest.mark.kernels  # compares numbers TensorFlow computes: CI runs it under both kernel libraries (BUILD.md)

MODELS = ('gan', 'cgan', 'cgan_cnn')
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def train(model, mnist_dir, out, total_epoch, resume=False, total_batch=5, **hparams):
    lines, _ = train_run(model, out, total_epoch, mnist_dir=mnist_dir, resume=resume, total_batch=total_batch,
                         **hparams)
    return epoch_lines(lines)


def pictures(folder):
    return {name: (folder / name).read_bytes() for name in sorted(os.listdir(folder))}


@pytest.fixture(scope='module')
def trained(mnist_dir, tmp_path_factory):
    """Per model, a seeded 10-epoch run (5 iterations an epoch) with checkpoints: (folder, lines)."""
    runs = {}
    for model in MODELS:
        out = tmp_path_factory.mktemp(model)
        runs[model] = out, train(model, mnist_dir, out, total_epoch=10)
    return runs


@pytest.fixture(params=MODELS)
def uninterrupted(request, trained):
    return (request.param, *trained[request.param])


def test_a_stopped_and_resumed_run_repeats_the_uninterrupted_one(uninterrupted, mnist_dir, tmp_path):
    model, out, lines = uninterrupted
    first = train(model, mnist_dir, tmp_path, total_epoch=4)
    second = train(model, mnist_dir, tmp_path, total_epoch=10, resume=True)
    assert first + second == lines
    assert pictures(tmp_path / 'samples') == pictures(out / 'samples')  # 000.png and 009.png


def test_only_the_last_three_checkpoints_are_kept(uninterrupted):
    _, out, _ = uninterrupted
    names = sorted(os.listdir(out / 'checkpoints'))
    assert [n for n in names if n.endswith('.index')] == [f'model.ckpt-{e}.index' for e in (7, 8, 9)]
    assert [n for n in names if n.endswith(checkpoint.RESUME_SUFFIX)] == [
        f'model.ckpt-{e}{checkpoint.RESUME_SUFFIX}' for e in (7, 8, 9)]


def test_a_new_run_refuses_a_folder_that_holds_a_run(uninterrupted, mnist_dir):
    model, out, _ = uninterrupted
    before = pictures(out / 'checkpoints')
    with pytest.raises(errors.InputError, match='already holds a finished run .10 epochs.: train it further with --resume'):
        train(model, mnist_dir, out, total_epoch=10)
    assert pictures(out / 'checkpoints') == before


def test_resume_refuses_other_hyper_parameters(uninterrupted, mnist_dir):
    model, out, _ = uninterrupted
    with pytest.raises(errors.InputError, match=r'--n_hidden=128 \(the run has 256\)'):
        train(model, mnist_dir, out, total_epoch=12, resume=True, n_hidden=128)


def test_resume_refuses_a_run_of_another_model(uninterrupted, mnist_dir):
    model, out, _ = uninterrupted
    other = 'gan' if model == 'cgan' else 'cgan'
    with pytest.raises(errors.InputError, match=f'is a run of {model}; expected a run of {other}'):
        train(other, mnist_dir, out, total_epoch=12, resume=True)


def test_resume_of_a_folder_without_a_run_says_so(mnist_dir, tmp_path):
    with pytest.raises(errors.InputError, match='holds no run'):
        train('cgan', mnist_dir, tmp_path, total_epoch=2, resume=True)


@pytest.mark.slow
def test_a_run_killed_while_checkpointing_resumes_to_the_same_log(mnist_dir, tmp_path):
    """SIGKILL twice at arbitrary instants of a run that is mostly writing checkpoints (one
    iteration an epoch); each resume must find a loadable checkpoint, and the three pieces
    must print the uninterrupted run's lines, in order, none twice. The one line a kill may
    take is the one whose checkpoint it let commit but not print (an instant's window)."""
    args = [sys.executable, '-m', 'tf1gan.main', '--model=cgan', '--seed=5', '--total_epoch=60', '--total_batch=1',
            f'--data_dir={mnist_dir}', f'--run_dir={tmp_path / "run"}']
    printed, killed_after = [], []
    for attempt, kill_after in enumerate([8, 25, None]):
        process = subprocess.Popen(args + (['--resume'] if attempt else []), stdout=subprocess.PIPE,
                                   stderr=subprocess.DEVNULL, text=True, cwd=ROOT)
        for line in process.stdout:
            if line.startswith('Epoch'):
                printed.append(line.rstrip('\n'))
                if kill_after is not None and len(printed) >= kill_after:
                    time.sleep(np.random.uniform(0, 0.05))  # somewhere inside the next epoch's save
                    process.send_signal(signal.SIGKILL)
                    break
        process.wait(timeout=HANG)
        printed += [line.rstrip('\n') for line in process.stdout if line.startswith('Epoch')]
        killed_after.append(len(printed))
    expected = train('cgan', mnist_dir, tmp_path / 'reference', total_epoch=60, total_batch=1)
    missing = [i for i, line in enumerate(expected) if line not in printed]
    assert [line for line in expected if line in printed] == printed  # in order, none twice
    # A missing line's place in what was printed is where a piece was killed.
    assert all(i - missing.index(i) in killed_after[:2] for i in missing)


def train_dcgan(mnist_dir, out, total_epoch, resume=False, loop='fast'):
    hparams = {} if resume else dict(batch_size=8, saving_interval=2)
    return train_run('dcgan', out, total_epoch, mnist_dir=mnist_dir, resume=resume, loop=loop, **hparams)[0]


@pytest.fixture(scope='module')
def dcgan_trained(mnist_dir, tmp_path_factory):
    """A seeded 7-iteration DCGAN run (batch 8), a picture and checkpoint every 2: (folder, lines)."""
    out = tmp_path_factory.mktemp('dcgan')
    return out, train_dcgan(mnist_dir, out, total_epoch=7)


@pytest.mark.slow
def test_a_resumed_dcgan_continues_after_its_newest_checkpoint_as_if_never_stopped(dcgan_trained, mnist_dir,
                                                                                     tmp_path):
    out, lines = dcgan_trained
    first = train_dcgan(mnist_dir, tmp_path, total_epoch=6)  # checkpoints after iterations 0, 2, 4
    second = train_dcgan(mnist_dir, tmp_path, total_epoch=7, resume=True)
    assert first == lines[:6]
    assert second == lines[5:]  # from iteration 5: the one after the newest checkpoint
    assert pictures(tmp_path / 'samples') == pictures(out / 'samples')


@pytest.mark.slow
def test_a_book_loop_dcgan_checkpoint_resumes_under_the_fast_loop_as_if_never_stopped(dcgan_trained, mnist_dir,
                                                                                     tmp_path):
    _, lines = dcgan_trained
    first = train_dcgan(mnist_dir, tmp_path, total_epoch=6, loop='book')
    second = train_dcgan(mnist_dir, tmp_path, total_epoch=7, resume=True, loop='fast')
    assert first + second[1:] == lines


def test_generate_draws_a_grid_for_dcgan(dcgan_trained):
    out, _ = dcgan_trained
    rows = draw.draw(str(out), num=9)
    assert [r.shape for r in rows] == [(3, 784)] * 3
    assert 0 <= min(r.min() for r in rows) and max(r.max() for r in rows) <= 1


@pytest.mark.parametrize('model', ['cgan', 'cgan_cnn'])
def test_generate_draws_one_row_of_the_asked_digits(trained, model):
    out, _ = trained[model]
    [row] = draw.draw(str(out), digits=[3, 1, 4, 1, 5])
    assert row.shape == (5, 784) and 0 <= row.min() and row.max() <= 1


@pytest.mark.parametrize('model', ['cgan', 'cgan_cnn'])
def test_generate_all_draws_ten_rows_of_num(trained, model):
    out, _ = trained[model]
    rows = draw.draw(str(out), digits='all', num=10)
    assert [r.shape for r in rows] == [(10, 784)] * 10


def test_generate_asks_the_generator_for_each_rows_digit():
    labels = draw.labels_for('all', 3)
    assert [row.argmax(axis=1).tolist() for row in labels] == [[d] * 3 for d in range(10)]
    assert draw.labels_for([3, 1, 4], 99)[0].argmax(axis=1).tolist() == [3, 1, 4]


def test_generate_draws_a_grid_for_gan(trained):
    out, _ = trained['gan']
    rows = draw.draw(str(out), num=25)
    assert [r.shape for r in rows] == [(5, 784)] * 5


def test_generate_refuses_digits_for_a_gan_checkpoint(trained):
    out, _ = trained['gan']
    with pytest.raises(draw.UsageError, match='needs a run of cgan or cgan_cnn'):
        draw.draw(str(out), digits=[3])


@pytest.mark.parametrize('args, message', [
    (['--digits=3,10'], 'expected digits 0-9'),
    (['--digits=three'], 'expected digits 0-9'),
    (['--num=0'], '--num'),
])
def test_generate_rejects_bad_flags_in_one_line(args, message, tmp_path):
    result = subprocess.run([sys.executable, '-m', 'tf1gan.generate', f'--run_dir={tmp_path}', *args],
                            capture_output=True, text=True, timeout=HANG)
    assert result.returncode == 2
    [line] = result.stderr.strip().splitlines()
    assert message in line


def test_generate_writes_the_png_it_names(trained, tmp_path):
    out, _ = trained['cgan']
    target = tmp_path / 'pictures' / 'pi.png'
    result = subprocess.run([sys.executable, '-m', 'tf1gan.generate', f'--run_dir={out}',
                             '--digits=3,1,4,1,5', f'--output={target}'], capture_output=True, text=True, timeout=HANG)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(target)
    assert target.read_bytes().startswith(b'\x89PNG')


@pytest.fixture
def drawn_figure(monkeypatch):
    """The matplotlib figure tf1gan.generate saves, kept instead of written."""
    from tf1gan import generate
    from tf1gan.runs import samples
    kept = []
    monkeypatch.setattr(samples, 'save_figure', lambda fig, path, **kwargs: kept.append(fig))
    return lambda *args: (generate.save_picture(*args), kept[-1])[1]


def test_generate_titles_each_tile_with_the_digit_asked_for(drawn_figure):
    fig = drawn_figure([np.zeros((5, 784))], 'pi.png', 'cgan', [3, 1, 4, 1, 5])
    assert [ax.get_title() for ax in fig.axes] == ['3', '1', '4', '1', '5']


def test_generate_all_names_each_rows_digit_on_its_left(drawn_figure):
    fig = drawn_figure([np.zeros((2, 784))] * 10, 'table.png', 'cgan', 'all')
    assert [[t.get_text() for t in ax.texts] for ax in fig.axes[::2]] == [[str(d)] for d in range(10)]


def test_generate_draws_one_digit_at_least_three_inches_wide(drawn_figure):
    fig = drawn_figure([np.zeros((1, 784))], 'seven.png', 'cgan', [7])
    assert fig.get_size_inches().min() >= 3  # 300 px at matplotlib's 100 dpi


@pytest.mark.parametrize('model, cmap', [('dcgan', 'gray'), ('gan', 'viridis')])
def test_generate_draws_in_the_colours_of_the_models_listing(drawn_figure, model, cmap):
    # The DCGAN listing's imshow(..., cmap='gray'); 9.1.13's imshow with matplotlib's default colours.
    fig = drawn_figure([np.zeros((2, 784))] * 2, 'grid.png', model, None)
    assert {ax.images[0].get_cmap().name for ax in fig.axes} == {cmap}
