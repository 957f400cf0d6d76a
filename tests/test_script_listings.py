"""Proof that the books' own listings run unchanged through python -m tf1gan.script: taken verbatim
from the books' printed texts (tests/book_texts.py), run with a short --set, and printing what tf1gan.main's book loop prints."""
import json
import os
import re
import signal
import subprocess
import sys
import time

import pytest

import book_texts
from hang import HANG
from test_script import headless_env, notebook
from tf1gan.evaluation import book_logs

SEED, DCGAN_SEED = book_texts.CH09, book_texts.DCGAN
DCGAN_LINE = re.compile(r'epoch:(\d+)  d_loss:(\d+\.\d{4})  g_loss:(\d+\.\d{4})')

pytestmark = [pytest.mark.kernels, pytest.mark.skipif(not (SEED.exists() and DCGAN_SEED.exists()),
                                reason=book_texts.TEXTS_NEEDED.format(f'{SEED.name} and {DCGAN_SEED.name}'))]


def python_blocks(text, fence):
    return re.findall(rf'{re.escape(fence)}\n(.*?)```', text, re.S)


def listing_9_1():
    """9.1.14 전체 코드, as printed."""
    [listing] = [b for b in python_blocks(SEED.read_text(encoding='utf-8'), '```python')
                 if b.startswith('# 9.1.1\nimport tensorflow') and "print('최적화 완료!')" in b]
    return listing


def listing_9_2():
    """9.2.11 전체 코드, as printed (with its `%matplotlib inline`)."""
    [listing] = [b for b in python_blocks(SEED.read_text(encoding='utf-8'), '```python')
                 if b.startswith('import tensorflow') and 'ch09/samples4/' in b]
    return listing


def listing_dcgan():
    """The whole DCGAN of 모두의 딥러닝 ("GAN 모델 만들기"), as printed."""
    [listing] = python_blocks(DCGAN_SEED.read_text(encoding='utf-8'), '**GAN 모델 만들기**\n\n```')
    return listing


def command(module, *args, cwd, timeout=HANG):
    return subprocess.run([sys.executable, '-m', module, *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, timeout=timeout, env=headless_env())


def run_listing(folder, name, listing, *args):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(listing, encoding='utf-8')
    result = command('tf1gan.script', *args, name, cwd=folder)
    assert result.returncode == 0, result.stderr
    return result


# Two short epochs of 55 iterations each (batch_size=1000; the listings compute
# total_batch = int(mnist.train.num_examples / batch_size)), the reader's epoch turning over between them.
SHORT = ('--set', 'total_epoch=2', '--set', 'batch_size=1000', '--seed=1')
MAIN_SHORT = ('--total_epoch=2', '--batch_size=1000', '--seed=1', '--loop=book')


def script_and_main(folder, name, listing, model, mnist_dir):
    """The listing run by the command, then tf1gan.main in the same folder, where the script has
    fetched MNIST into the listing's ./mnist/data/ (tf1gan.main's default too)."""
    script = run_listing(folder, name, listing, *SHORT, f'--source_url={mnist_dir}')
    main = command('tf1gan.main', f'--model={model}', *MAIN_SHORT, cwd=folder)
    assert main.returncode == 0, main.stderr
    return script, main


def after_download(stdout):
    """The printed lines but the reader's 'Successfully downloaded' or 'Copied' ones (a run that fetches MNIST)."""
    return [line for line in stdout.splitlines() if not line.startswith(('Successfully downloaded ', 'Copied '))]


@pytest.fixture(scope='module')
def runs_9_2(tmp_path_factory, mnist_dir):
    folder = tmp_path_factory.mktemp('listing_9_2')
    return (folder, *script_and_main(folder, 'ch09_2.py', listing_9_2(), 'cgan', mnist_dir))


def test_listing_9_2_runs_unchanged_and_prints_the_books_lines(runs_9_2):
    folder, script, main = runs_9_2
    lines = script.stdout.splitlines()
    assert [book_logs.EPOCH_LINE.fullmatch(line) is not None for line in lines[-3:]] == [True, True, False]
    assert lines[-3].startswith('Epoch:  0000 ') and lines[-2].startswith('Epoch:  0001 ')
    assert lines[-1] == '최적화 완료!'


def test_listing_9_2_writes_its_picture_into_the_folder_it_names(runs_9_2):
    folder, script, main = runs_9_2
    assert os.listdir(folder / 'ch09' / 'samples4') == ['000.png']
    assert 'skipped the IPython magic \'%matplotlib inline\'' in script.stderr


def test_seeded_listing_9_2_prints_exactly_what_tf1gan_main_prints(runs_9_2):
    folder, script, main = runs_9_2
    assert after_download(script.stdout) == main.stdout.splitlines()  # 'Extracting' lines, epochs, '최적화 완료!'
    assert len(main.stdout.splitlines()) == 7


def test_listing_9_1_runs_unchanged_and_writes_its_picture_into_the_folder_it_names(tmp_path, mnist_dir):
    script = run_listing(tmp_path, 'ch09_1.py', listing_9_1(), *SHORT, f'--source_url={mnist_dir}')
    lines = script.stdout.splitlines()
    assert lines[-3].startswith('Epoch:  0001 D loss: -') and lines[-2].startswith('Epoch:  0002 D loss: -')
    assert book_logs.EPOCH_LINE.fullmatch(lines[-2]) and lines[-1] == '최적화 완료!'
    assert os.listdir(tmp_path / 'ch09' / 'samples2') == ['000.png']


@pytest.mark.slow  # the same proof as 9.2's, which the default suite runs
def test_seeded_listing_9_1_prints_exactly_what_tf1gan_main_prints(tmp_path, mnist_dir):
    script, main = script_and_main(tmp_path, 'ch09_1.py', listing_9_1(), 'gan', mnist_dir)
    assert after_download(script.stdout) == main.stdout.splitlines() and len(main.stdout.splitlines()) == 7


def test_a_notebook_holding_listing_9_2_prints_what_the_script_prints(runs_9_2, tmp_path, mnist_dir):
    folder, script, main = runs_9_2
    # One cell per section of the listing, as the book's notebook has them.
    cells = re.split(r'\n(?=# 9\.2\.\d+\n)', listing_9_2())
    assert len(cells) == 10  # the imports and options, then 9.2.1 ... 9.2.10
    notebook(tmp_path / 'ch09_2.ipynb', [('code', cell) for cell in cells])
    result = command('tf1gan.script', *SHORT, f'--source_url={mnist_dir}', 'ch09_2.ipynb', cwd=tmp_path)
    assert "ch09_2.ipynb, code cell 1, line 3: skipped the IPython magic '%matplotlib inline'" in result.stderr
    assert result.returncode == 0, result.stderr
    assert result.stdout == script.stdout
    assert os.listdir(tmp_path / 'ch09' / 'samples4') == ['000.png']


def test_a_reader_modified_9_1_runs(tmp_path, mnist_dir):
    """더 해보기: another hidden layer in the generator, and uniform noise."""
    listing = listing_9_1()
    changes = [
        ('G_W2 = tf.Variable(tf.random_normal([n_hidden, n_input], stddev=0.01))',
         'G_W15 = tf.Variable(tf.random_normal([n_hidden, n_hidden], stddev=0.01))\n'
         'G_b15 = tf.Variable(tf.zeros([n_hidden]))\n'
         'G_W2 = tf.Variable(tf.random_normal([n_hidden, n_input], stddev=0.01))'),
        ('    output = tf.nn.sigmoid(tf.matmul(hidden, G_W2) + G_b2)',
         '    hidden = tf.nn.relu(tf.matmul(hidden, G_W15) + G_b15)\n'
         '    output = tf.nn.sigmoid(tf.matmul(hidden, G_W2) + G_b2)'),
        ('G_var_list = [G_W1, G_b1, G_W2, G_b2]', 'G_var_list = [G_W1, G_b1, G_W15, G_b15, G_W2, G_b2]'),
        ('np.random.normal(size=(batch_size, n_noise))', 'np.random.uniform(-1., 1., size=(batch_size, n_noise))'),
    ]
    for old, new in changes:
        assert listing.count(old) == 1
        listing = listing.replace(old, new)
    result = run_listing(tmp_path, 'my_gan.py', listing, '--set', 'total_epoch=1', '--set', 'batch_size=1000',
                         f'--source_url={mnist_dir}')
    assert book_logs.EPOCH_LINE.fullmatch(result.stdout.splitlines()[-2])
    assert (tmp_path / 'ch09' / 'samples2' / '000.png').exists()


def test_the_dcgan_listing_runs_unchanged_prints_its_iterations_and_writes_its_first_picture(tmp_path, mnist_dir):
    """gan_train(4001, 32, 200) is a call, not an assignment: the listing runs as printed, and is
    stopped after its first iterations."""
    (tmp_path / 'dcgan.py').write_text(listing_dcgan(), encoding='utf-8')
    process = subprocess.Popen([sys.executable, '-m', 'tf1gan.script', '--seed=2', f'--source_url={mnist_dir}',
                                'dcgan.py'], cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                               text=True, env=dict(headless_env(), PYTHONUNBUFFERED='1'))
    lines, deadline = [], time.monotonic() + HANG
    try:
        while len(lines) < 4 and time.monotonic() < deadline:
            line = process.stdout.readline()
            if not line:
                break
            if DCGAN_LINE.fullmatch(line.rstrip('\n')):
                lines.append(DCGAN_LINE.fullmatch(line.rstrip('\n')).groups())
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()
    assert [int(i) for i, d, g in lines] == [0, 1, 2, 3]
    assert (tmp_path / 'gan_images' / 'gan_mnist_0.png').exists()  # saved after iteration 0
    assert float(lines[-1][1]) < float(lines[0][1])  # D learns (seed 2: 1.8180 -> below 0.2)


DCGAN_ITERATIONS = 3


def run_dcgan_short(folder, mnist_dir, *flags):
    """The DCGAN listing with its one call shortened to gan_train(3, 32, 200), run with --seed=2 and flags:
    (stdout's iteration lines, stdout)."""
    listing = listing_dcgan()
    assert listing.count('gan_train(4001, 32, 200)') == 1
    result = run_listing(folder, 'dcgan.py', listing.replace('gan_train(4001, 32, 200)',
                                                             f'gan_train({DCGAN_ITERATIONS}, 32, 200)'),
                         '--seed=2', f'--source_url={mnist_dir}', *flags)
    return [line for line in result.stdout.splitlines() if DCGAN_LINE.fullmatch(line)], result


@pytest.fixture(scope='module')
def dcgan_short(tmp_path_factory, mnist_dir):
    """The shortened listing as printed on Keras 2: --keras_semantics=tf_keras."""
    folder = tmp_path_factory.mktemp('dcgan_short')
    lines, result = run_dcgan_short(folder, mnist_dir, '--keras_semantics=tf_keras')
    return folder, lines, result.stdout


def tf1gans_dcgan_lines(folder, keras_semantics):
    """tf1gan.listings.dcgan's listing, as tf1gan.main's DCGAN run calls it (seed, data, models, loop), with the
    models built as the listing builds them (not keras_loop.build's, whose Dropout masks a checkpoint saves), so
    that D's masks are drawn as the listing draws them."""
    code = ('import tf1gan\n'
            'from tf1gan.compat import seeding\n'
            'from tf1gan.listings import dcgan\n'
            'from tf1gan.training import keras_loop\n'
            'seeding.seed_graph(2)\n'
            'X_train = dcgan.load_X_train("mnist/data")\n'
            f'models = dcgan.build(n_noise=100, keras_semantics="{keras_semantics}")\n'
            f'keras_loop.gan_train(dcgan, models, X_train, {DCGAN_ITERATIONS}, 32, 200, "tf1gan_samples", n_noise=100)\n')
    result = subprocess.run([sys.executable, '-c', code], capture_output=True, text=True, cwd=folder, timeout=HANG)
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def test_the_dcgan_listing_is_tf1gans_dcgan_once_the_checkpointable_dropout_masks_are_taken_out(dcgan_short):
    """tf1gan.main builds D under keras_loop.dropout_from_a_generator (masks from a tf.random.Generator that
    checkpoints save); the listing draws them from stateful random ops. Without that, the two
    are one computation: the same lines, bit for bit (BUILD.md)."""
    folder, script_lines, stdout = dcgan_short
    assert tf1gans_dcgan_lines(folder, 'tf_keras') == script_lines and len(script_lines) == DCGAN_ITERATIONS


@pytest.mark.slow  # a second run of the listing; the default suite runs it as printed and under tf_keras
def test_the_dcgan_listing_under_the_default_frozen_bn_is_tf1gans_frozen_bn_dcgan_and_says_so(dcgan_short, tmp_path,
                                                                                          mnist_dir):
    """The command's default --keras_semantics=frozen_bn, applied once when the listing freezes D after its
    compile, makes it tf1gan.main's frozen_bn DCGAN (without the checkpointable masks: the same lines, bit for
    bit), other lines than tf_keras's; one note names the line and the flag that gives the listing as printed."""
    script_lines, result = run_dcgan_short(tmp_path, mnist_dir)
    assert script_lines == tf1gans_dcgan_lines(tmp_path, 'frozen_bn') and script_lines != dcgan_short[1]
    notes = [line for line in result.stderr.splitlines() if 'BatchNormalization' in line]
    assert len(notes) == 1 and "dcgan.py, line " in notes[0] and '--keras_semantics=tf_keras' in notes[0]


@pytest.mark.slow
def test_tf1gan_mains_dcgan_differs_from_the_listing_only_by_its_dropout_masks(dcgan_short):
    folder, script_lines, stdout = dcgan_short
    main = command('tf1gan.main', '--model=dcgan', '--keras_semantics=tf_keras', '--loop=book', '--seed=2',
                   f'--total_epoch={DCGAN_ITERATIONS}', '--data_dir=mnist/data', cwd=folder)
    main_lines = [line for line in main.stdout.splitlines() if DCGAN_LINE.fullmatch(line)]
    assert len(main_lines) == DCGAN_ITERATIONS and main_lines != script_lines


def test_the_dcgan_listings_predict_prints_tf_keras_2_21s_progress_bar(dcgan_short):
    """Not the book's output: Keras' predict() printed no progress bar in 2020 (verbose=0 then);
    tf_keras 2.21, which the listing runs on, defaults to verbose='auto'. tf1gan.main passes 0."""
    folder, script_lines, stdout = dcgan_short
    assert stdout.count('1/1 [==============================]') >= DCGAN_ITERATIONS


FREEZING_CHECK = '''\
from tensorflow.keras.layers import Input, Dense
from tensorflow.keras.models import Sequential, Model
import numpy as np

discriminator = Sequential([Input(shape=(4,)), Dense(1, activation='sigmoid')])
discriminator.compile(loss='binary_crossentropy', optimizer='adam')
discriminator.trainable = False

generator = Sequential([Input(shape=(2,)), Dense(4)])
ginput = Input(shape=(2,))
gan = Model(ginput, discriminator(generator(ginput)))
gan.compile(loss='binary_crossentropy', optimizer='adam')

before = discriminator.get_weights()[0].copy()
discriminator.train_on_batch(np.random.normal(size=(8, 4)), np.ones((8, 1)))
after_own_step = discriminator.get_weights()[0].copy()
gan.train_on_batch(np.random.normal(size=(8, 2)), np.ones((8, 1)))
after_gan_step = discriminator.get_weights()[0].copy()
print('D learns in its own step:', not np.array_equal(before, after_own_step))
print('D is frozen inside gan:', np.array_equal(after_own_step, after_gan_step))
'''


def test_keras_2_freezing_holds_under_the_command_and_not_under_keras_3(tmp_path):
    result = run_listing(tmp_path, 'freezing.py', FREEZING_CHECK)
    assert result.stdout.splitlines() == ['D learns in its own step: True', 'D is frozen inside gan: True']
    keras_3_env = {k: v for k, v in headless_env().items() if k != 'TF_USE_LEGACY_KERAS'}
    keras_3 = subprocess.run([sys.executable, 'freezing.py'], capture_output=True, text=True, cwd=tmp_path,
                             timeout=HANG, env=keras_3_env)
    assert keras_3.returncode == 0, keras_3.stderr
    assert 'D learns in its own step: False' in keras_3.stdout.splitlines()


def test_the_dcgan_listing_runs_eagerly_and_9_2_in_a_graph():
    from tf1gan.script import source as script_source
    from tf1gan.script.source import Cell
    assert not script_source.uses_graph_mode([Cell(listing_dcgan(), 'dcgan.py')])
    assert script_source.uses_graph_mode(script_source.prepare([Cell(listing_9_2(), 'c.py')], note=print))


def test_the_listings_taken_from_the_seed_are_the_whole_programs():
    assert listing_9_1().count('\n') > 100 and listing_9_2().count('\n') > 100
    assert listing_dcgan().rstrip().splitlines()[-1].startswith('gan_train(4001, 32, 200)')
    assert json.dumps(listing_9_2()).count('%matplotlib inline') == 1
