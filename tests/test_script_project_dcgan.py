"""The Done-when of a reader's GAN project: tests/projects/dcgan_mnist, four files in the shape of the era's DCGAN
projects (main.py with tf.app.flags, model.py, ops.py with tf.contrib.slim and @slim.add_arg_scope, utils.py
with np.float, slim.model_analyzer and scipy.misc.imsave), trains unchanged through python -m tf1gan.script
on MNIST and writes its sample grids and its checkpoint."""
import gzip
import pathlib
import re
import shutil

import numpy as np
import pytest
from PIL import Image

from test_script import tf1gan_script

PROJECT = pathlib.Path(__file__).parent / 'projects' / 'dcgan_mnist'
ITERATIONS, BATCH = 10, 64
LOG_LINE = re.compile(r'Epoch: \[ 0\] \[ {3}(\d)/ {2}10\] time: \d+\.\d{4}, d_loss: (\d+\.\d{8}), g_loss: (\d+\.\d{8})$')


@pytest.fixture(scope='module')
def trained(tmp_path_factory, mnist_dir):
    pytest.importorskip('scipy', reason="the project imports scipy.misc, which the reader installs (the test extra has it)")
    folder = tmp_path_factory.mktemp('project') / 'dcgan_mnist'
    shutil.copytree(PROJECT, folder, ignore=shutil.ignore_patterns('__pycache__'))
    data = folder / 'data' / 'mnist'
    data.mkdir(parents=True)
    # The era's projects read the unpacked ubyte files (np.fromfile).
    with gzip.open(mnist_dir / 'train-images-idx3-ubyte.gz') as packed:
        (data / 'train-images-idx3-ubyte').write_bytes(packed.read())
    result = tf1gan_script('main.py', '--', f'--train_size={ITERATIONS * BATCH}', f'--batch_size={BATCH}',
                           '--sample_every=5', cwd=folder)
    return folder, result


def test_the_project_trains_unchanged_and_prints_its_log_line_every_iteration(trained):
    folder, result = trained
    assert result.returncode == 0, result.stderr
    lines = [LOG_LINE.match(line) for line in result.stdout.splitlines() if line.startswith('Epoch:')]
    assert [int(line.group(1)) for line in lines if line] == list(range(ITERATIONS)), result.stdout
    losses = np.array([[float(line.group(2)), float(line.group(3))] for line in lines])
    assert np.isfinite(losses).all() and (losses > 0).all()


def test_slims_model_analyzer_lists_the_projects_variables_with_slims_names(trained):
    folder, result = trained
    # slim's layers name their variables <scope>/weights and <scope>/biases, and a normalizer_fn=slim.batch_norm
    # its own inside the layer's scope, BatchNorm/beta and BatchNorm/gamma (TF 1.15's contrib/layers/layers.py).
    for name in ('generator/g_h0_lin/weights:0', 'generator/g_h0_lin/BatchNorm/gamma:0',
                 'generator/g_h1/weights:0',
                 'generator/g_h2/biases:0', 'discriminator/d_h0_conv/weights:0',
                 'discriminator/d_h1_conv/bn/beta:0', 'discriminator/d_h2_lin/weights:0'):
        assert name in result.stdout, name
    assert 'Total size of variables:' in result.stdout


def test_the_sample_grids_are_written_where_the_project_says_as_8x8_grey_pictures(trained):
    folder, result = trained
    assert sorted(path.name for path in (folder / 'samples').iterdir()) == ['train_00_0004.png', 'train_00_0009.png']
    picture = Image.open(folder / 'samples' / 'train_00_0009.png')
    # scipy.misc.imsave of a 2-D float array: an 8-bit grey picture, byte-scaled from the array's own minimum and
    # maximum to 0..255 (SciPy 1.1's toimage/bytescale).
    assert picture.mode == 'L' and picture.size == (8 * 28, 8 * 28)
    pixels = np.asarray(picture)
    assert pixels.min() == 0 and pixels.max() == 255


def test_the_projects_checkpoint_is_saved(trained):
    folder, result = trained
    assert (folder / 'checkpoint' / f'DCGAN.model-{ITERATIONS + 1}.index').exists()
