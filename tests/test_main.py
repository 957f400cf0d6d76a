"""The command line: python -m tf1gan.main."""
import os
import shutil
import subprocess
import sys

import pytest
from hang import HANG

FLAGS = ['model', 'keras_semantics', 'loop', 'run_dir', 'eval_every', 'resume', 'total_epoch', 'batch_size',
         'total_batch', 'learning_rate', 'n_hidden', 'n_noise', 'saving_interval', 'seed', 'data_dir', 'source_url',
         'verbose', 'kernels']


def tf1gan_main(*args, cwd=None):
    return subprocess.run([sys.executable, '-m', 'tf1gan.main', *args], capture_output=True, text=True,
                          cwd=cwd, timeout=HANG)


def test_helpfull_documents_every_flag():
    result = tf1gan_main('--helpfull')  # absl's help exits with status 1
    for name in FLAGS:
        assert f'--{name}' in result.stdout or f'--[no]{name}' in result.stdout


@pytest.mark.parametrize('command, shared', [
    ('main', ['verbose', 'kernels']),
    ('generate', ['verbose', 'kernels', 'run_dir', 'checkpoint_dir']),
    ('evaluate', ['verbose', 'kernels', 'run_dir', 'checkpoint_dir']),
    ('script', ['verbose', 'kernels']),
])
def test_each_commands_help_shows_the_flags_it_shares_with_the_others(command, shared, tmp_path):
    """--help (not only --helpfull) lists the flags a command takes from tf1gan.cli's define_* functions."""
    result = subprocess.run([sys.executable, '-m', f'tf1gan.{command}', '--help'], capture_output=True, text=True,
                            cwd=tmp_path, timeout=HANG)
    assert result.returncode == 0
    listed = result.stdout.splitlines()
    for name in shared:
        assert any(line.startswith((f'  --{name}:', f'  --[no]{name}:')) for line in listed), name


@pytest.mark.parametrize('args, named', [
    (['--model=wgan'], '--model'),
    ([], '--model'),
    (['--model=gan', '--total_epoch=0'], '--total_epoch'),
    (['--model=gan', '--total_epoch=-3'], '--total_epoch'),
    (['--model=cgan', '--batch_size=0'], '--batch_size'),
    (['--model=cgan', '--learning_rate=0'], '--learning_rate'),
    (['--model=cgan', '--total_epoch=ten'], '--total_epoch'),
    (['--model=gan', '--run_dir=/proc/tf1gan-run'], '--run_dir'),
    (['--model=gan', 'stray'], 'unexpected arguments: stray'),
    (['--model=dcgan', '--learning_rate=0.1', '--total_batch=3'], '--learning_rate, --total_batch: not used by'),
    (['--model=gan', '--keras_semantics=tf_keras'], '--keras_semantics: not used by --model=gan'),
    (['--model=cgan', '--learning_rate=inf'], '--learning_rate'),
    (['--model=cgan', '--learning_rate=nan'], '--learning_rate'),
    (['--model=cgan', '--learning_rate=1e300'], 'float32'),
    (['--model=cgan', '--batch_size=60000'], '--batch_size=60000 is larger than the 55,000 training images'),
    (['--model=dcgan', '--batch_size=60001'], '--batch_size=60001 is larger than the 60,000 training images'),
    (['--flagfile=flags/no-such.flags'], 'no-such.flags'),
])
def test_bad_flags_give_one_line_and_exit_2_before_training(args, named, tmp_path):
    result = tf1gan_main(*args, '--data_dir', str(tmp_path / 'mnist'))
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 2
    assert len(lines) == 1 and lines[0].startswith('tf1gan: ') and named in lines[0]
    assert result.stdout == ''
    assert not (tmp_path / 'mnist').exists()  # nothing was downloaded or trained


def test_a_flagfile_line_that_is_not_a_flag_is_named_with_its_file_and_line(tmp_path):
    flagfile = tmp_path / 'mine.flags'
    flagfile.write_text('# my settings\n--model=gan\ntotal_epoch=5\n')
    result = tf1gan_main(f'--flagfile={flagfile}', '--data_dir', str(tmp_path / 'mnist'))
    assert result.returncode == 2 and result.stdout == ''
    assert result.stderr.splitlines() == [f"tf1gan: {flagfile} line 3: 'total_epoch=5' is not a flag; "
                                          'expected --name=value']


def test_keras_semantics_choices_and_default_are_tf1gans_keras_semantics():
    # In a process of its own: tf1gan.main's flags and another command's cannot share absl's FLAGS.
    code = ('from absl import flags\n'
            'from tf1gan import main\n'
            'from tf1gan.compat import keras_semantics\n'
            'assert flags.FLAGS["keras_semantics"].parser.enum_values == list(keras_semantics.KERAS_SEMANTICS)\n'
            'assert flags.FLAGS["keras_semantics"].default == keras_semantics.DEFAULT_KERAS_SEMANTICS\n')
    result = subprocess.run([sys.executable, '-c', code], capture_output=True, text=True, timeout=HANG)
    assert result.returncode == 0, result.stderr


def test_flagfiles_hold_each_listings_settings():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    for model, expected in {
        'gan': ['--model=gan', '--total_epoch=100', '--batch_size=100', '--learning_rate=0.0002',
                '--n_hidden=256', '--n_noise=128'],
        'cgan': ['--model=cgan', '--total_epoch=100', '--batch_size=100', '--learning_rate=0.001',
                 '--n_hidden=256', '--n_noise=128'],
        'dcgan': ['--model=dcgan', '--total_epoch=4001', '--batch_size=32', '--saving_interval=200',
                  '--n_noise=100', '--keras_semantics=frozen_bn'],
    }.items():
        with open(os.path.join(root, 'flags', f'{model}.flags')) as f:
            lines = [line.strip() for line in f if line.strip() and not line.startswith('#')]
        assert lines == expected


def test_a_corrupted_mnist_file_is_named_with_its_md5_and_left_untouched(mnist_dir, tmp_path):
    data = tmp_path / 'data'
    shutil.copytree(mnist_dir, data)
    os.chmod(data, 0o755)
    bad = data / 't10k-labels-idx1-ubyte.gz'
    os.chmod(bad, 0o644)
    bad.write_bytes(bad.read_bytes()[:-10] + b'0123456789')  # same size, wrong bytes
    before = bad.read_bytes()
    result = tf1gan_main('--model=gan', '--total_epoch=1', '--total_batch=1', f'--data_dir={data}',
                         f'--run_dir={tmp_path / "run"}', f'--source_url={mnist_dir}')
    assert result.returncode == 1
    [line] = result.stderr.strip().splitlines()
    assert line.startswith('tf1gan: ') and 't10k-labels-idx1-ubyte.gz' in line
    assert 'ec29112dd5afa0611ce80d1b7f02629c' in line
    assert bad.read_bytes() == before
    assert not (tmp_path / 'run').exists()


def test_a_short_run_prints_the_books_lines_and_draws_its_first_picture_into_its_folder(mnist_dir, tmp_path):
    result = tf1gan_main('--flagfile=flags/cgan.flags', '--total_epoch=1', '--total_batch=5', '--seed=1',
                         f'--data_dir={tmp_path / "mnist"}', f'--source_url={mnist_dir}',
                         f'--run_dir={tmp_path / "run"}',
                         cwd=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    names = ('train-images-idx3-ubyte.gz', 'train-labels-idx1-ubyte.gz', 't10k-images-idx3-ubyte.gz',
             't10k-labels-idx1-ubyte.gz')
    assert [line for line in lines if line.startswith('Copied')] == [  # from a folder: nothing was downloaded
        f'Copied {name} {(mnist_dir / name).stat().st_size} bytes from {mnist_dir / name}' for name in names]
    assert [line for line in lines if line.startswith('Extracting')] == [
        f'Extracting {tmp_path / "mnist" / name}' for name in names]
    assert lines[-2].startswith('Epoch:  0000 D loss: ')
    assert lines[-1] == '최적화 완료!'
    assert os.listdir(tmp_path / 'run' / 'samples') == ['000.png']
    assert (tmp_path / 'run' / 'log.txt').read_text(encoding='utf-8').splitlines() == lines
    assert os.listdir(tmp_path / 'run' / 'checkpoints')
    assert result.stderr == f'tf1gan: new run {tmp_path / "run"}\n'  # nothing of TensorFlow's or absl's


@pytest.mark.slow
def test_a_dcgan_run_prints_its_lines_and_nothing_of_tensorflows_or_keras(mnist_dir, tmp_path):
    result = tf1gan_main('--model=dcgan', '--total_epoch=3', '--batch_size=8', '--saving_interval=2', '--seed=1',
                         f'--data_dir={mnist_dir}', f'--run_dir={tmp_path / "run"}', cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert [line.split()[0] for line in result.stdout.splitlines()] == ['epoch:0', 'epoch:1', 'epoch:2']
    assert result.stderr == f'tf1gan: new run {tmp_path / "run"}\n'
    assert sorted(os.listdir(tmp_path / 'run' / 'samples')) == ['gan_mnist_0.png', 'gan_mnist_2.png']


def test_verbose_shows_tensorflows_own_lines(mnist_dir, tmp_path):
    result = tf1gan_main('--model=gan', '--total_epoch=1', '--total_batch=1', '--verbose', f'--data_dir={mnist_dir}',
                         f'--run_dir={tmp_path / "run"}', cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert len(result.stderr.splitlines()) > 1


# Run from the parent of a clone named tf1gan: Python takes the clone's folder, on sys.path first, for a
# namespace package tf1gan, ahead of the installed package (tf1gan/cli.py runs the package's __init__.py then).

@pytest.fixture(scope='module')
def beside_a_folder_named_tf1gan(mnist_dir, tmp_path_factory):
    """A folder holding an empty folder named tf1gan, the environment without Keras 2 selected (this process
    selected it, importing tf1gan), and a 1-iteration cgan run trained there: (folder, environment, result)."""
    folder = tmp_path_factory.mktemp('parent')
    (folder / 'tf1gan').mkdir()
    env = {name: value for name, value in os.environ.items() if name != 'TF_USE_LEGACY_KERAS'}
    trained = subprocess.run([sys.executable, '-m', 'tf1gan.main', '--model=cgan', '--total_epoch=1',
                              '--total_batch=1', f'--data_dir={mnist_dir}', '--run_dir=./run'],
                             capture_output=True, text=True, cwd=folder, env=env, timeout=HANG)
    return folder, env, trained


def test_a_run_trains_with_keras_2_from_a_folder_holding_a_folder_named_tf1gan(beside_a_folder_named_tf1gan):
    _, _, trained = beside_a_folder_named_tf1gan
    assert trained.returncode == 0, trained.stderr
    # 9.2's tf.layers.dense raises under Keras 3: the run trained with Keras 2.
    assert trained.stdout.splitlines()[-2].startswith('Epoch:  0000 D loss: ')
    assert trained.stderr == 'tf1gan: new run ./run\n'


@pytest.mark.parametrize('command, args, status, printed', [
    ('generate', ['--run_dir=./run', '--digits=3'], 0, os.path.join('.', 'run', 'generated.png')),
    ('evaluate', ['--run_dir=./run', '--num=10', '--data_dir={mnist_dir}'], 0, 'wrote ./run/metrics.json'),
    ('compare', ['--run_dir=./run'], 1, 'tf1gan: ./run/log.txt holds 1 epoch: the comparison needs at least one '
                                        'full window of 10 (epochs 0-9)'),
    ('script', ['keras.py'], 0, 'TF_USE_LEGACY_KERAS=1, Keras 2'),
])
def test_every_command_runs_from_a_folder_holding_a_folder_named_tf1gan(command, args, status, printed,
                                                                        beside_a_folder_named_tf1gan, mnist_dir):
    folder, env, trained = beside_a_folder_named_tf1gan
    assert trained.returncode == 0, trained.stderr
    (folder / 'keras.py').write_text('import os\nimport tensorflow as tf\n'
                                     'print(f"TF_USE_LEGACY_KERAS={os.environ.get(\'TF_USE_LEGACY_KERAS\')}, '
                                     'Keras {tf.keras.__version__[0]}")\n')
    result = subprocess.run([sys.executable, '-m', f'tf1gan.{command}', *(a.format(mnist_dir=mnist_dir) for a in args)],
                            capture_output=True, text=True, cwd=folder, env=env, timeout=HANG)
    assert result.returncode == status, result.stderr
    assert printed in (result.stdout + result.stderr).splitlines()
