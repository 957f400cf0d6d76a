"""What `import tensorflow` gives a reader's script, and that it is the script's alone (tf1gan.tf1_view)."""
import sys

import numpy as np
import pytest

import tf1gan  # noqa: F401  (Keras 2 before TensorFlow)
from tf1gan.compat import input_data
from tf1gan.script import tf1_view

pytestmark = pytest.mark.kernels  # compares numbers TensorFlow computes: CI runs it under both kernel libraries (BUILD.md)


@pytest.fixture
def views(mnist_dir, tmp_path):
    return tf1_view.Views(data_dir=str(tmp_path / 'mnist'), source_url=str(mnist_dir))


def run(views, code):
    """The names the code defines, run with the script's builtins."""
    namespace = {'__builtins__': views.builtins(), '__name__': '__main__'}
    exec(code, namespace)
    return namespace


def test_import_tensorflow_is_tf_compat_v1():
    import tensorflow as tf
    names = run(tf1_view.Views(), 'import tensorflow as tf\nimport tensorflow.compat.v1 as v1\n')
    for api in ('placeholder', 'Session', 'random_normal', 'log', 'layers', 'variable_scope', 'get_collection',
                'global_variables_initializer'):
        assert getattr(names['tf'], api) is getattr(tf.compat.v1, api) is getattr(names['v1'], api)
    assert names['tf'].train.AdamOptimizer is tf.compat.v1.train.AdamOptimizer
    assert names['tf'].compat.v1 is names['v1']


def test_tensorflow_compat_v2_stays_tensorflow_2():
    import tensorflow as tf
    names = run(tf1_view.Views(), 'import tensorflow.compat.v2 as tf2\nfrom tensorflow.compat import v2\n')
    assert names['tf2'] is tf.compat.v2 and names['v2'] is tf.compat.v2


def test_every_form_of_importing_the_mnist_reader_gives_tf1gans(views):
    names = run(views, 'from tensorflow.examples.tutorials.mnist import input_data\n'
                       'import tensorflow.examples.tutorials.mnist.input_data as by_path\n'
                       'import tensorflow.examples.tutorials.mnist.input_data\n'
                       'deep = tensorflow.examples.tutorials.mnist.input_data\n')
    assert names['input_data'] is names['by_path'] is names['deep'] is views.input_data
    assert names['input_data'].DataSet is input_data.DataSet


@pytest.mark.parametrize('reader', ['from tensorflow.examples.tutorials.mnist import input_data\n',
                                    'import tensorflow as tf\ninput_data = tf.contrib.learn.datasets.mnist\n'])
def test_read_data_sets_reads_from_data_dir_and_source_url(views, tmp_path, capsys, reader):
    names = run(views, reader + 'mnist = input_data.read_data_sets("./nowhere/", one_hot=True)\n')
    assert names['mnist'].train.images.shape == (55000, 784)
    assert (tmp_path / 'mnist' / input_data.TRAIN_IMAGES).exists()
    assert 'nowhere' not in capsys.readouterr().out


def test_a_module_that_is_not_there_is_still_a_module_not_found_error():
    with pytest.raises(ModuleNotFoundError):
        run(tf1_view.Views(), 'from tensorflow.examples.tutorials.cifar import input_data\n')


def test_tensorflow_keras_and_keras_are_keras_2():
    import tf_keras
    names = run(tf1_view.Views(), 'from tensorflow.keras.layers import Dense\n'
                                  'from tensorflow.keras import models\n'
                                  'import tensorflow as tf\n'
                                  'import keras\n'
                                  'from keras.layers import Dropout\n')
    assert names['Dense'] is tf_keras.layers.Dense and names['Dropout'] is tf_keras.layers.Dropout
    assert names['models'] is tf_keras.models
    assert names['tf'].keras.layers is tf_keras.layers and names['keras'].Sequential is tf_keras.Sequential


def test_keras_mnist_load_data_gives_keras_arrays_from_the_local_files(views):
    names = run(views, 'from tensorflow.keras.datasets import mnist\n'
                       '(x_train, y_train), (x_test, y_test) = mnist.load_data()\n'
                       'import tensorflow as tf\n'
                       'same = tf.keras.datasets.mnist is mnist\n')
    assert names['same']
    # keras' mnist.npz: uint8 images (N, 28, 28) and uint8 labels, in the files' order.
    assert names['x_train'].shape == (60000, 28, 28) and names['x_train'].dtype == np.uint8
    assert names['y_train'].dtype == np.uint8 and list(names['y_train'][:5]) == [5, 0, 4, 1, 9]
    assert names['x_test'].shape == (10000, 28, 28) and list(names['y_test'][:5]) == [7, 2, 1, 0, 4]
    # The same pixels as TF 1.15's reader reads (bytes, in file order: validation then train).
    sets = input_data.read_data_sets(views.data_dir, dtype=np.uint8, reshape=False, source_url=views.source_url)
    assert np.array_equal(names['x_train'][5000:], sets.train.images[..., 0])
    assert np.array_equal(names['x_test'], sets.test.images[..., 0])


@pytest.mark.parametrize('code, named', [
    ('import tensorflow as tf\ntf.contrib.factorization.KMeans\n', 'tf.contrib.factorization'),
    ('import tensorflow as tf\ncell = tf.contrib.rnn.LayerNormBasicLSTMCell(10)\n',
     'tf.contrib.rnn.LayerNormBasicLSTMCell'),
    ('from tensorflow.contrib.slim import nets\n', 'tf.contrib.slim.nets'),
    ('import tensorflow.contrib.slim as slim\nslim.metrics.streaming_accuracy\n', 'tf.contrib.slim.metrics'),
    ('import tensorflow as tf\ntf.contrib.training.bucket_by_sequence_length\n',
     'tf.contrib.training.bucket_by_sequence_length'),
    ('import tensorflow.contrib.tensor_forest as forest\n', 'tf.contrib.tensor_forest'),
    ('from tensorflow.contrib.layers import optimize_loss\n', 'tf.contrib.layers.optimize_loss'),
    ('import tensorflow as tf\ntf.contrib.layers.batch_norm(tf.zeros([2, 3, 4]))\n',
     'tf.contrib.layers.batch_norm with an input of rank 3'),
])
def test_a_tf_contrib_name_with_no_equal_is_one_line_naming_it(code, named):
    with pytest.raises(tf1_view.RemovedInTF2Error) as error:
        run(tf1_view.Views(), code)
    message = str(error.value)
    assert '\n' not in message and message.startswith(named + ' was removed') and 'guide/migrate' in message


@pytest.mark.parametrize('code', [
    'import tensorflow as tf\nfound = tf.contrib.layers.fully_connected\n',
    'from tensorflow.contrib.layers import fully_connected as found\n',
    'import tensorflow.contrib.layers as layers\nfound = layers.fully_connected\n',
    'from tensorflow.contrib import layers\nfound = layers.fully_connected\n',
    'import tensorflow.contrib.slim as slim\nfound = slim.fully_connected\n',
    'from tensorflow.contrib import slim\nfound = slim.layers.fully_connected\n',
    'from tensorflow.contrib.slim import fully_connected as found\n',
    'from tensorflow.contrib.layers.python.layers import layers\nfound = layers.fully_connected\n',
    'from tensorflow.contrib.layers.python.layers import fully_connected as found\n',
])
def test_every_form_of_importing_a_contrib_name_gives_the_same(code):
    views = tf1_view.Views()
    assert run(views, code)['found'] is views.tf.contrib.layers.fully_connected


@pytest.mark.parametrize('code', [
    'import tensorflow as tf\nfound = tf.contrib.framework.arg_scope\n',
    'import tensorflow.contrib.slim as slim\nfound = slim.arg_scope\n',
    'from tensorflow.contrib.framework.python.ops import arg_scope as found\n',
])
def test_every_form_of_importing_arg_scope_gives_the_same(code):
    views = tf1_view.Views()
    assert run(views, code)['found'] is views.tf.contrib.framework.arg_scope


def test_everyone_else_keeps_tensorflow_2(tmp_path, monkeypatch):
    (tmp_path / 'helper.py').write_text('import tensorflow as tf\nHAS_PLACEHOLDER = hasattr(tf, "placeholder")\n')
    monkeypatch.syspath_prepend(str(tmp_path))
    names = run(tf1_view.Views(), 'import tensorflow as tf\nimport helper\nfrom tensorflow.keras.layers import Dense\n')
    assert hasattr(names['tf'], 'placeholder')
    # The view alone is the script's own __import__: a module it imports keeps TensorFlow 2 (the runner's
    # tf1gan.script.project is what gives the modules of the reader's folders the view: test_script_project.py).
    assert names['helper'].HAS_PLACEHOLDER is False
    tensorflow = sys.modules['tensorflow']
    assert not hasattr(tensorflow, 'placeholder') and tensorflow is not names['tf']
    import tf_keras.src.backend
    from tf1gan.listings import cgan
    assert tf_keras.src.backend.tf is tensorflow.compat.v2  # tf-keras itself: TensorFlow 2's API
    assert cgan.tf is tensorflow.compat.v1  # tf1gan's listings import tf.compat.v1 explicitly
    import builtins
    assert builtins.__import__ is not names['__builtins__']['__import__']
