"""Damaged files, wrong kinds of places and impossible settings: one line naming the thing, a non-zero
exit, and every file already written left byte for byte as it was."""
import os
import shutil

import pytest

from training import tf1gan_command as tf1gan, train

TRACEBACK = 'Traceback (most recent call last)'


def files(folder):
    """{path: bytes} of every file below folder (a folder itself shows as None)."""
    found = {}
    for top, dirs, names in os.walk(folder):
        for name in dirs:
            found[os.path.relpath(os.path.join(top, name), folder)] = None
        for name in names:
            with open(os.path.join(top, name), 'rb') as f:
                found[os.path.relpath(os.path.join(top, name), folder)] = f.read()
    return found


@pytest.fixture(scope='module')
def trained(mnist_dir, tmp_path_factory):
    """A seeded 3-epoch cgan run (2 iterations an epoch): checkpoints after epochs 0, 1 and 2."""
    out = tmp_path_factory.mktemp('trained') / 'run'
    train('cgan', out, 3, mnist_dir=mnist_dir, total_batch=2)
    return out


@pytest.fixture
def damaged_run(trained, tmp_path):
    """A copy of the trained run in tmp_path/run."""
    shutil.copytree(trained, tmp_path / 'run')
    return tmp_path / 'run'


def newest(run, suffix):
    return run / 'checkpoints' / f'model.ckpt-2{suffix}'


def truncate(path, size):
    with open(path, 'r+b') as f:
        f.truncate(size)


def zero(path):
    path.write_bytes(bytes(path.stat().st_size))


def flip_a_bit(path):
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x10
    path.write_bytes(bytes(data))


def replace_with_file(path):
    shutil.rmtree(path)
    path.write_text('not a folder')


def replace_with_folder(path):
    path.unlink()
    path.mkdir()


DAMAGE = {
    'data file truncated': (lambda run: truncate(newest(run, '.data-00000-of-00001'), 1000), 'model.ckpt-2 is damaged'),
    'index file truncated': (lambda run: truncate(newest(run, '.index'), 100), 'model.ckpt-2 is damaged'),
    'data file zeroed': (lambda run: zero(newest(run, '.data-00000-of-00001')), 'model.ckpt-2 is damaged'),
    'data file with a flipped bit': (lambda run: flip_a_bit(newest(run, '.data-00000-of-00001')),
                                     'model.ckpt-2 is damaged'),
    'resume file truncated': (lambda run: truncate(newest(run, '.resume.npz'), 200), 'model.ckpt-2 is damaged'),
    'run.json of the wrong shape': (lambda run: (run / 'run.json').write_text('[1, 2]'),
                                    'run.json is not a tf1gan run record'),
    'checkpoints is a file': (lambda run: replace_with_file(run / 'checkpoints'),
                              'checkpoints is a file; expected a folder'),
    'log.txt is a folder': (lambda run: replace_with_folder(run / 'log.txt'), 'log.txt is a folder; expected a file'),
}


@pytest.mark.parametrize('damage', DAMAGE)
def test_resuming_a_damaged_run_is_one_line_and_changes_nothing(damage, damaged_run, mnist_dir):
    make, named = DAMAGE[damage]
    make(damaged_run)
    before = files(damaged_run)
    result = tf1gan('main', '--resume', '--run_dir=./run', '--total_epoch=5', f'--data_dir={mnist_dir}',
                    cwd=damaged_run.parent)
    assert result.returncode == 1 and TRACEBACK not in result.stderr
    [line] = result.stderr.splitlines()
    assert line.startswith('tf1gan: ') and named in line
    assert files(damaged_run) == before


def test_a_damaged_newest_checkpoint_names_the_older_one_to_fall_back_on(damaged_run, mnist_dir):
    zero(newest(damaged_run, '.data-00000-of-00001'))
    result = tf1gan('main', '--resume', '--run_dir=./run', '--total_epoch=5', f'--data_dir={mnist_dir}',
                    cwd=damaged_run.parent)
    assert 'the older checkpoint model.ckpt-1 is complete: move model.ckpt-2.* out of' in result.stderr


def test_a_checkpoint_missing_its_resume_file_is_passed_over_with_a_notice(damaged_run, mnist_dir):
    os.remove(newest(damaged_run, '.resume.npz'))
    result = tf1gan('main', '--resume', '--run_dir=./run', f'--data_dir={mnist_dir}', cwd=damaged_run.parent)
    assert result.returncode == 0, result.stderr
    assert 'model.ckpt-2 is incomplete (a save cut short, or a file of it lost); it is not used' in result.stderr
    assert [line[:12] for line in result.stdout.splitlines() if line.startswith('Epoch')] == ['Epoch:  0002']


@pytest.mark.parametrize('command, args', [
    ('generate', ['--digits=1,2']),
    ('evaluate', ['--num=10', '--data_dir={mnist_dir}']),
])
def test_drawing_from_a_damaged_checkpoint_is_one_line_and_writes_nothing(command, args, damaged_run, mnist_dir):
    flip_a_bit(newest(damaged_run, '.data-00000-of-00001'))
    before = files(damaged_run)
    result = tf1gan(command, '--run_dir=./run', *(a.format(mnist_dir=mnist_dir) for a in args),
                    cwd=damaged_run.parent)
    assert result.returncode == 1 and TRACEBACK not in result.stderr
    [line] = result.stderr.splitlines()
    assert line.startswith('tf1gan: ') and 'model.ckpt-2 is damaged' in line
    assert files(damaged_run) == before


@pytest.mark.parametrize('command, args, named', [
    ('generate', ['--digits=1', '--output=out/'], 'is a folder; expected a file name'),
    ('evaluate', ['--num=10', '--output=.'], 'is a folder; expected a file name'),
    ('evaluate', ['--num=10', '--output=run/run.json'], "is the run's own run.json"),
])
def test_an_output_that_is_a_folder_or_the_runs_own_file_is_refused(command, args, named, damaged_run):
    before = files(damaged_run)
    result = tf1gan(command, '--run_dir=./run', *args, cwd=damaged_run.parent)
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert named in line
    assert files(damaged_run) == before


def test_generate_on_a_cgan_run_without_digits_says_to_give_them(damaged_run):
    result = tf1gan('generate', '--run_dir=./run', cwd=damaged_run.parent)
    assert result.returncode == 2
    assert result.stderr.splitlines() == ['tf1gan: ./run is a cgan run: give --digits (3,1,4 or all) to say which '
                                          'digits to draw']


@pytest.mark.slow
def test_a_noise_size_no_tensor_can_hold_is_one_line(tmp_path, mnist_dir):
    result = tf1gan('main', '--model=gan', '--n_noise=1000000000', '--total_epoch=1', '--total_batch=1',
                    f'--data_dir={mnist_dir}', cwd=tmp_path)
    assert result.returncode == 1 and TRACEBACK not in result.stderr
    assert result.stderr.splitlines()[-1].startswith('tf1gan: a setting makes a tensor larger than TensorFlow can hold')


@pytest.mark.parametrize('command, args, named', [
    ('generate', ['--num=100000000'], 'at most 10,000 images in one picture'),
    ('generate', ['--digits=all', '--num=1001'], 'at most 10,000 images in one picture'),
    ('evaluate', ['--num=100001'], '--num'),
])
def test_a_number_of_images_no_picture_or_machine_can_hold_is_refused_up_front(command, args, named, tmp_path):
    result = tf1gan(command, *args, cwd=tmp_path)
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert line.startswith('tf1gan: ') and named in line


def test_a_full_disk_is_one_line_whether_python_or_tensorflow_meets_it():
    import errno
    import tensorflow as tf
    from tf1gan import cli
    assert cli.environment_failure(OSError(errno.ENOSPC, 'No space left on device', 'runs/x/samples/009.png')) == \
        'runs/x/samples/009.png: No space left on device'
    saver_failed = tf.errors.ResourceExhaustedError(None, None, 'Graph execution error: ... No space left on device')
    assert cli.environment_failure(saver_failed) == 'no space left on the device: a file could not be written'
    assert cli.environment_failure(ValueError('a bug')) is None  # anything else keeps its traceback


@pytest.mark.parametrize('command, args, status, named', [
    ('main', ['--model=gan', '--run_dir='], 2, '--run_dir=: expected a folder'),
    ('main', ['--resume', '--run_dir=./run'], 1, 'run.json lacks the hyper-parameters'),
    ('generate', ['--run_dir=./run', '--digits=1'], 1, 'run.json lacks the hyper-parameters'),
    ('generate', ['--run_dir=./afile'], 1, './afile is a file; expected a run folder'),
    ('main', ['--model=gan', '--resume'], 1, 'no run of gan in runs/'),
    ('compare', ['--run_dir=./run'], 1, './run/log.txt not found'),
    ('main', ['--model=gan', '--run_dir=./' + 'x' * 300], 1, 'File name too long'),
])
def test_more_bad_input_is_one_line(command, args, status, named, tmp_path, mnist_dir):
    (tmp_path / 'afile').write_text('')
    (tmp_path / 'run').mkdir()
    (tmp_path / 'run' / 'run.json').write_text('{"model": "cgan", "hparams": {}, "state": "finished"}')
    before = files(tmp_path)
    result = tf1gan(command, *args, *([f'--data_dir={mnist_dir}'] if command == 'main' else []), cwd=tmp_path)
    assert result.returncode == status and TRACEBACK not in result.stderr
    [line] = result.stderr.splitlines()
    assert line.startswith('tf1gan: ') and named in line
    assert files(tmp_path) == before


# ----------------------------------------------------------------------------- resume: what it will do, or why not

@pytest.mark.parametrize('command, args, status, said', [
    ('main', ['--model=gan', '--run_dir=./afile'], 2,
     "--run_dir=./afile: ./afile is a file; expected a folder (a new one, or a run's)"),
    ('main', ['--resume', '--run_dir=afile/run'], 2,
     "--run_dir=afile/run: afile is a file; expected a folder (a new one, or a run's)"),
    ('generate', ['--run_dir=./run', '--digits=1', '--output=afile/x.png'], 2,
     '--output=afile/x.png: afile is a file; expected a path in a folder'),
    ('evaluate', ['--run_dir=./afile'], 1, './afile is a file; expected a run folder'),
    ('compare', ['--run_dir=./afile'], 1, './afile is a file; expected a run folder'),
    ('script', ['--figure_dir=afile', 'mine.py'], 2, '--figure_dir=afile: afile is a file; expected a folder'),
])
def test_a_file_where_a_folder_is_expected_is_named_as_a_file(command, args, status, said, tmp_path):
    (tmp_path / 'afile').write_text('')
    (tmp_path / 'run').mkdir()
    (tmp_path / 'run' / 'run.json').write_text('{"model": "cgan", "hparams": {}, "state": "finished"}')
    before = files(tmp_path)
    result = tf1gan(command, *args, cwd=tmp_path)
    assert result.returncode == status
    assert result.stderr.splitlines() == [f'tf1gan: {said}']
    assert files(tmp_path) == before


@pytest.mark.parametrize('command, args, said', [
    ('main', ['--model=gan', '--total_epoch=abc'], '--total_epoch=abc: expected a whole number (1 or more)'),
    ('main', ['--model=gan', '--total_batch=1.5'], '--total_batch=1.5: expected a whole number (1 or more)'),
    ('main', ['--model=gan', '--seed=-1'], '--seed=-1: expected a whole number (0 or more)'),
    ('main', ['--model=cgan', '--learning_rate=fast'], '--learning_rate=fast: expected a number'),
    ('generate', ['--num=many'], '--num=many: expected a whole number (1 or more)'),
    ('evaluate', ['--num=1'], '--num=1: expected a whole number (2 to 100,000)'),
    ('script', ['--seed=abc', 'mine.py'], '--seed=abc: expected a whole number (0 or more)'),
])
def test_a_number_flag_given_something_else_says_what_number_it_expected(command, args, said, tmp_path):
    result = tf1gan(command, *args, cwd=tmp_path)
    assert result.returncode == 2 and result.stdout == ''
    assert result.stderr.splitlines() == [f'tf1gan: {said}']


def remove(run, pattern):
    for path in (run / 'checkpoints').glob(pattern):
        path.unlink()


def test_resuming_a_run_whose_checkpoints_all_lost_their_resume_file_is_refused_and_changes_nothing(damaged_run,
                                                                                                      mnist_dir):
    remove(damaged_run, '*.resume.npz')  # the weights of epochs 0-2 stay
    before = files(damaged_run)
    result = tf1gan('main', '--resume', '--run_dir=./run', '--total_epoch=5', f'--data_dir={mnist_dir}',
                    cwd=damaged_run.parent)
    assert result.returncode == 1 and result.stdout == ''
    [line] = result.stderr.splitlines()
    assert line.startswith('tf1gan: ./run has no complete checkpoint to resume from')
    assert all(os.path.join('run', 'checkpoints', f'model.ckpt-{step}') in line for step in (0, 1, 2))
    assert 'generate and evaluate still read' in line and 'nothing was changed' in line
    assert files(damaged_run) == before


def test_generate_still_draws_from_weights_whose_resume_file_is_gone(damaged_run):
    remove(damaged_run, '*.resume.npz')
    result = tf1gan('generate', '--run_dir=./run', '--digits=7', '--output=seven.png', cwd=damaged_run.parent)
    assert result.returncode == 0, result.stderr
    assert (damaged_run.parent / 'seven.png').read_bytes().startswith(b'\x89PNG')


def test_resuming_names_the_run_the_epoch_it_starts_at_and_the_new_length(damaged_run, mnist_dir):
    result = tf1gan('main', '--resume', '--run_dir=./run', '--total_epoch=4', f'--data_dir={mnist_dir}',
                    cwd=damaged_run.parent)
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == ['tf1gan: resuming ./run at epoch 3, training to 4 (it was to train to 3: '
                                          '--total_epoch=4 changes it)']


def test_a_flagfiles_total_epoch_does_not_lengthen_a_resumed_run_and_the_line_says_so(damaged_run, mnist_dir):
    remove(damaged_run, 'model.ckpt-2*')  # stopped after epoch 1 of 3
    (damaged_run.parent / 'cgan.flags').write_text('--model=cgan\n--total_epoch=100\n', encoding='utf-8')
    result = tf1gan('main', '--flagfile=cgan.flags', '--resume', '--run_dir=./run', f'--data_dir={mnist_dir}',
                    cwd=damaged_run.parent)
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == ["tf1gan: resuming ./run at epoch 2, training to 3 (its own length: a "
                                          "flagfile's --total_epoch=100 does not change a resumed run; give it on "
                                          "the command line to)"]
    assert [line[:12] for line in result.stdout.splitlines() if line.startswith('Epoch')] == ['Epoch:  0002']
