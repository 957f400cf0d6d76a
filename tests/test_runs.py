"""Run folders (tf1gan.runs.folders, tf1gan.training.run): one run, one folder, never overwritten, movable, resumable."""
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys

import pytest

from tf1gan import errors
from tf1gan.listings import registry
from tf1gan.training import run
from tf1gan.runs import folders
from training import epoch_lines, tf1gan_command as tf1gan, train

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TINY = ['--model=cgan', '--total_epoch=2', '--total_batch=3', '--seed=4']


def fingerprint(folder):
    """{path: md5} of every file below folder."""
    found = {}
    for top, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(top, name)
            with open(path, 'rb') as f:
                found[os.path.relpath(path, folder)] = hashlib.md5(f.read()).hexdigest()
    return found


# ----------------------------------------------------------------------------- naming and finding runs

def test_a_bare_run_dir_is_a_folder_under_runs_and_a_path_is_taken_as_it_is():
    assert folders.folder_for('cgan-lr') == os.path.join('runs', 'cgan-lr')
    assert folders.folder_for('./cgan-lr') == './cgan-lr'
    assert folders.folder_for('/data/x') == '/data/x'


def test_new_runs_take_the_next_free_name(tmp_path):
    assert folders.next_free('cgan', tmp_path) == str(tmp_path / 'cgan')
    (tmp_path / 'cgan').mkdir()
    assert folders.next_free('cgan', tmp_path) == str(tmp_path / 'cgan')  # an empty folder holds nothing yet
    (tmp_path / 'cgan' / 'log.txt').write_text('')
    (tmp_path / 'cgan-2').mkdir()
    (tmp_path / 'cgan-2' / 'run.json').write_text('{}')
    assert folders.next_free('cgan', tmp_path) == str(tmp_path / 'cgan-3')


def test_whether_a_folder_holds_a_run_is_read_from_its_files(tmp_path):
    assert not folders.holds_run(tmp_path / 'missing')
    assert not folders.holds_run(tmp_path)
    (tmp_path / 'checkpoints').mkdir()
    assert not folders.holds_run(tmp_path)
    (tmp_path / 'checkpoints' / 'model.ckpt-0.index').write_bytes(b'')
    assert folders.holds_run(tmp_path)


@pytest.mark.parametrize('content, named', [
    ('[1, 2]', 'is not a tf1gan run record'),
    ('{"model": "cgan"}', 'is not a tf1gan run record'),
    ('{not json', 'cannot be read'),
])
def test_a_damaged_run_record_is_one_line_naming_it(content, named, tmp_path):
    (tmp_path / 'run.json').write_text(content)
    with pytest.raises(errors.InputError, match=named) as raised:
        folders.read_record(tmp_path)
    assert str(tmp_path / 'run.json') in str(raised.value) and '\n' not in str(raised.value)


# ----------------------------------------------------------------------------- the command, run after run

@pytest.fixture(scope='module')
def three_runs(mnist_dir, tmp_path_factory):
    """The same tiny training command run three times in one folder: (folder, results, fingerprints after each)."""
    cwd = tmp_path_factory.mktemp('three')
    args = TINY + [f'--data_dir={cwd / "mnist"}', f'--source_url={mnist_dir}']
    results, prints = [], []
    for _ in range(3):
        results.append(tf1gan('main', *args, cwd=cwd))
        prints.append(fingerprint(cwd / 'runs'))
    return cwd, args, results, prints


@pytest.mark.slow
def test_the_same_command_three_times_gives_three_runs_side_by_side(three_runs):
    cwd, _, results, _ = three_runs
    assert [r.returncode for r in results] == [0, 0, 0], results[-1].stderr
    assert sorted(os.listdir(cwd / 'runs')) == ['cgan', 'cgan-2', 'cgan-3']
    assert [r.stderr for r in results] == [f'tf1gan: new run {os.path.join("runs", name)}\n'
                                           for name in ('cgan', 'cgan-2', 'cgan-3')]
    for name in ('cgan', 'cgan-2', 'cgan-3'):
        folder = cwd / 'runs' / name
        assert sorted(os.listdir(folder / 'samples')) == ['000.png']
        assert json.loads((folder / 'run.json').read_text())['state'] == 'finished'
        assert len(epoch_lines((folder / 'log.txt').read_text().splitlines())) == 2


@pytest.mark.slow
def test_a_new_run_changes_no_file_of_the_runs_before_it(three_runs):
    _, _, _, prints = three_runs
    for before, after in zip(prints, prints[1:]):
        assert {path: md5 for path, md5 in after.items() if path in before} == before


@pytest.mark.slow
def test_a_named_folder_that_holds_a_run_is_refused_for_a_new_run_in_one_line(three_runs):
    cwd, args, _, _ = three_runs
    before = fingerprint(cwd / 'runs')
    result = tf1gan('main', *args, '--run_dir=cgan-2', cwd=cwd)
    assert result.returncode == 2  # bad usage: the command names a folder it cannot have
    taken = os.path.join("runs", "cgan-2")
    assert result.stderr.splitlines() == [f'tf1gan: {taken} already holds a finished run (2 epochs): train it '
                                          f'further with --resume --run_dir={taken} --total_epoch=N, N > 2, or leave '
                                          f'out --run_dir (a new run gets the next free folder, '
                                          f'{os.path.join("runs", "cgan-4")})']
    assert fingerprint(cwd / 'runs') == before


@pytest.mark.slow
def test_resuming_a_finished_run_says_so_in_one_line_and_changes_nothing(three_runs):
    cwd, args, _, _ = three_runs
    before = fingerprint(cwd / 'runs')
    result = tf1gan('main', *args, '--resume', cwd=cwd)  # the newest run of cgan: runs/cgan-3
    assert result.returncode == 0 and result.stdout == ''
    assert result.stderr.splitlines() == [f'tf1gan: {os.path.join("runs", "cgan-3")} has finished all 2 of its epochs: '
                                          'nothing to resume (add --total_epoch=N, N > 2, to train it further)']
    assert fingerprint(cwd / 'runs') == before


# ----------------------------------------------------------------------------- resuming, moving

@pytest.fixture(scope='module')
def uninterrupted(mnist_dir, tmp_path_factory):
    out = tmp_path_factory.mktemp('whole')
    lines, _ = train('gan', out, 4, mnist_dir=mnist_dir)
    return epoch_lines(lines)


@pytest.mark.parametrize('how', ['relative', 'absolute', 'index file lost'])
def test_a_moved_run_folder_resumes_exactly(how, uninterrupted, mnist_dir, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    first, _ = train('gan', tmp_path / 'before', 2, mnist_dir=mnist_dir)
    moved = tmp_path / 'elsewhere' / 'after'
    moved.parent.mkdir()
    shutil.move(tmp_path / 'before', moved)
    if how == 'index file lost':
        os.remove(moved / 'checkpoints' / 'checkpoint')
    folder = os.path.join('elsewhere', 'after') if how == 'relative' else moved
    rest, _ = train('gan', folder, 4, mnist_dir=mnist_dir, resume=True)
    assert epoch_lines(first) + epoch_lines(rest) == uninterrupted
    record = json.loads((moved / 'run.json').read_text())
    assert record['state'] == 'finished' and record['hparams']['total_epoch'] == 4  # extended from 2


@pytest.mark.slow
def test_a_moved_run_is_drawn_from_scored_and_compared(mnist_dir, tmp_path):
    train('gan', tmp_path / 'run', 1, mnist_dir=mnist_dir)
    shutil.move(tmp_path / 'run', tmp_path / 'moved')
    os.remove(tmp_path / 'moved' / 'checkpoints' / 'checkpoint')
    moved = str(tmp_path / 'moved')
    generated = tf1gan('generate', f'--run_dir={moved}', '--num=4', cwd=tmp_path)
    assert generated.returncode == 0, generated.stderr
    assert generated.stdout.strip() == os.path.join(moved, 'generated.png')
    scored = tf1gan('evaluate', f'--run_dir={moved}', '--num=20', f'--data_dir={mnist_dir}', cwd=tmp_path)
    assert scored.returncode == 0, scored.stderr
    assert json.loads((tmp_path / 'moved' / 'metrics.json').read_text())['source']['model'] == 'gan'
    compared = tf1gan('compare', f'--run_dir={moved}', cwd=tmp_path)
    assert 'holds 1 epoch:' in compared.stderr  # read from the moved folder (a run of 1 epoch is too short)


def test_resume_without_run_dir_continues_the_newest_run_of_the_model(mnist_dir, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    train('gan', os.path.join('runs', 'gan'), 1, mnist_dir=mnist_dir)
    train('gan', os.path.join('runs', 'gan-2'), 1, mnist_dir=mnist_dir)
    assert run.resumed('gan', {}).folder == os.path.join('runs', 'gan-2')


def test_resume_keeps_the_runs_own_settings_unless_told_otherwise(mnist_dir, tmp_path):
    train('cgan', tmp_path, 1, mnist_dir=mnist_dir, n_hidden=32)
    this = run.resumed('cgan', {'total_epoch': 2}, run_dir=str(tmp_path))
    assert this.settings.hparams['n_hidden'] == 32 and this.settings.hparams['total_epoch'] == 2
    assert this.settings.total_batch == 5 and this.settings.seed == 5


def test_resuming_a_finished_run_of_one_epoch_says_it_finished_its_1_epoch(mnist_dir, tmp_path, capsys):
    train('gan', tmp_path, 1, mnist_dir=mnist_dir)
    capsys.readouterr()
    _, history = train('gan', tmp_path, 1, mnist_dir=mnist_dir, resume=True)
    assert history == []
    assert capsys.readouterr().err == (f'tf1gan: {tmp_path} has finished its 1 epoch: nothing to resume '
                                       '(add --total_epoch=N, N > 1, to train it further)\n')


def recorded_run(folder, model, state='finished', **settings):
    """A run folder holding only the run.json tf1gan.main writes for model with its listing's settings (and
    settings): enough for what is checked before training."""
    os.makedirs(folder, exist_ok=True)
    recorded = run.Settings(model, dict(registry.load(model).HPARAMS), **settings).recorded()
    folders.write_record(folder, dict(recorded, state=state))
    return str(folder)


@pytest.mark.parametrize('model, asked, named', [
    ('cgan', {'total_batch': 50}, "--total_batch=50 (the run has the book's 550)"),
    ('cgan', {'seed': 3}, '--seed=3 (the run has no seed: its draws were random)'),
    ('gan', {'keras_semantics': 'tf_keras'}, '--keras_semantics=tf_keras (gan does not use --keras_semantics)'),
    ('dcgan', {'total_batch': 50}, '--total_batch=50 (dcgan does not use --total_batch)'),
])
def test_a_setting_a_resumed_run_left_unset_is_named_as_what_the_run_does_never_as_none(model, asked, named,
                                                                                        tmp_path):
    folder = recorded_run(tmp_path / 'run', model, keras_semantics='frozen_bn' if model == 'dcgan' else None)
    with pytest.raises(errors.UsageError) as raised:
        run.resumed(None, asked, run_dir=folder)
    assert f'is another run: {named}; leave these flags out' in str(raised.value)
    assert 'None' not in str(raised.value)


def test_resuming_with_the_books_total_batch_typed_out_resumes_the_run_that_left_it_unset(tmp_path):
    folder = recorded_run(tmp_path / 'run', 'cgan')
    assert run.resumed(None, {'total_batch': 550}, run_dir=folder).folder == folder


def test_a_new_run_named_into_a_finished_run_says_how_to_train_that_run_further(tmp_path):
    recorded_run(tmp_path / 'done', 'gan', total_batch=5)
    result = tf1gan('main', '--model=gan', '--run_dir=./done', cwd=tmp_path)
    assert result.returncode == 2 and result.stdout == ''
    assert result.stderr.splitlines() == ['tf1gan: ./done already holds a finished run (100 epochs): train it further '
                                          'with --resume --run_dir=./done --total_epoch=N, N > 100, or leave out '
                                          f'--run_dir (a new run gets the next free folder, {os.path.join("runs", "gan")})']


def test_a_new_run_named_into_an_interrupted_run_says_to_resume_it(tmp_path):
    recorded_run(tmp_path / 'stopped', 'gan', state='interrupted')
    result = tf1gan('main', '--model=gan', '--run_dir=./stopped', cwd=tmp_path)
    assert result.returncode == 2 and result.stdout == ''
    assert result.stderr.splitlines() == ['tf1gan: ./stopped already holds a run: add --resume to continue it, or '
                                          'leave out --run_dir (a new run gets the next free folder, '
                                          f'{os.path.join("runs", "gan")})']


def test_an_interrupted_run_is_recorded_as_interrupted(mnist_dir, tmp_path, monkeypatch):
    from tf1gan.runs import samples
    calls = []

    def interrupt(*args):
        calls.append(args)
        raise KeyboardInterrupt
    monkeypatch.setattr(samples, 'save_rows', interrupt)
    with pytest.raises(KeyboardInterrupt):
        train('gan', tmp_path, 2, mnist_dir=mnist_dir)
    assert calls and json.loads((tmp_path / 'run.json').read_text())['state'] == 'interrupted'


def test_a_run_stopped_before_its_first_checkpoint_starts_again_when_resumed(mnist_dir, tmp_path, monkeypatch):
    from tf1gan.runs import samples
    save_rows = samples.save_rows
    monkeypatch.setattr(samples, 'save_rows', lambda *args: (_ for _ in ()).throw(KeyboardInterrupt))
    with pytest.raises(KeyboardInterrupt):
        train('gan', tmp_path, 1, mnist_dir=mnist_dir)
    monkeypatch.setattr(samples, 'save_rows', save_rows)
    lines, history = train('gan', tmp_path, 1, mnist_dir=mnist_dir, resume=True)
    whole, whole_history = train('gan', tmp_path / 'whole', 1, mnist_dir=mnist_dir)
    assert epoch_lines(lines) == epoch_lines(whole) and history == whole_history


def test_a_run_whose_losses_turn_non_finite_stops_before_saving_that_epoch(mnist_dir, tmp_path):
    with pytest.raises(errors.InputError, match=r'the losses of step (\d+) are not finite') as raised:
        train('gan', tmp_path, 3, mnist_dir=mnist_dir, learning_rate=1e30)
    step = int(re.search(r'step (\d+)', str(raised.value)).group(1))
    saved = os.listdir(tmp_path / 'checkpoints') if (tmp_path / 'checkpoints').exists() else []
    assert not any(name.startswith(f'model.ckpt-{step}.') for name in saved)
    assert json.loads((tmp_path / 'run.json').read_text())['state'] == 'interrupted'


# ----------------------------------------------------------------------------- a fourth listing

def test_a_listing_registered_in_the_registry_trains_into_its_own_run_folder(mnist_dir, tmp_path, monkeypatch):
    monkeypatch.setitem(registry.REGISTRY, 'toy', registry.Entry('toy_listing', 'a test listing'))
    lines, history = train('toy', tmp_path / 'run', 2, mnist_dir=mnist_dir, total_batch=3)
    assert [line.split(' D ')[0] for line in lines] == ['toy epoch 0', 'toy epoch 1', '최적화 완료!']
    assert len(history) == 2
    assert os.listdir(tmp_path / 'run' / 'samples') == ['000.png']
    assert json.loads((tmp_path / 'run' / 'run.json').read_text())['model'] == 'toy'
    more, _ = train('toy', tmp_path / 'run', 3, mnist_dir=mnist_dir, resume=True)
    assert [line.split(' D ')[0] for line in more] == ['toy epoch 2', '최적화 완료!']


def test_two_runs_started_at_once_get_two_folders(mnist_dir, tmp_path):
    settings = run.Settings('gan', dict(registry.load('gan').HPARAMS, total_epoch=1), total_batch=2,
                            data_dir=str(mnist_dir), source_url=str(mnist_dir))
    first, second = run.new(settings, root=str(tmp_path)), run.new(settings, root=str(tmp_path))
    assert first.folder == second.folder  # both chose runs/gan before either began
    run.train(first)
    run.train(second)
    assert (first.folder, second.folder) == (str(tmp_path / 'gan'), str(tmp_path / 'gan-2'))
    assert len(epoch_lines((tmp_path / 'gan-2' / 'log.txt').read_text().splitlines())) == 1


def test_a_run_being_trained_is_not_resumed_by_a_second_command(mnist_dir, tmp_path):
    train('gan', tmp_path, 1, mnist_dir=mnist_dir)
    record = json.loads((tmp_path / 'run.json').read_text())
    busy = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)'])
    try:
        (tmp_path / 'run.json').write_text(json.dumps(dict(record, state='running', pid=busy.pid)))
        with pytest.raises(errors.InputError, match=f'is being trained right now .process {busy.pid}.'):
            run.resumed('gan', {'total_epoch': 2}, run_dir=str(tmp_path))
    finally:
        busy.kill()
        busy.wait()
    assert run.resumed('gan', {'total_epoch': 2}, run_dir=str(tmp_path)).folder == str(tmp_path)  # gone: resumable


@pytest.mark.parametrize('command', ['generate', 'compare', 'evaluate'])
def test_help_says_the_newest_finished_run_is_taken_and_names_no_folder_of_this_project(command, tmp_path):
    result = tf1gan(command, '--helpfull', cwd=tmp_path)
    text = ' '.join(result.stdout.split())
    assert result.returncode == 0 and 'the newest finished run of' in text and 'the newest run' not in text
    assert '../shared' not in text and 'shared/book' not in text
