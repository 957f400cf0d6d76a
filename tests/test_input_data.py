"""tf1gan.compat.input_data: TF 1.15's MNIST reader, same numbers in the same order (see
shared/design/input_data.md). Expected values are computed here independently: a small IDX
reader for the files, and the permutations drawn straight from numpy.random."""
import functools
import gzip
import hashlib
import http.server
import os
import shutil
import struct
import subprocess
import sys
import threading

import numpy as np
import pytest

from tf1gan.compat import input_data
from tf1gan.compat.input_data import DataSet, MnistError, read_data_sets

NAMES = ['train-images-idx3-ubyte.gz', 'train-labels-idx1-ubyte.gz',
         't10k-images-idx3-ubyte.gz', 't10k-labels-idx1-ubyte.gz']
MD5 = {'train-images-idx3-ubyte.gz': 'f68b3c2dcbeaaa9fbdd348bbdeb94873',
       'train-labels-idx1-ubyte.gz': 'd53e105ee54ea40749a09fcbcd1e9432',
       't10k-images-idx3-ubyte.gz': '9fb629c4189551a2d022fa330f9573f3',
       't10k-labels-idx1-ubyte.gz': 'ec29112dd5afa0611ce80d1b7f02629c'}


def idx(path):
    """An IDX file's array, read without tf1gan."""
    with gzip.open(path, 'rb') as f:
        raw = f.read()
    ndim = raw[3]
    dims = struct.unpack('>%dI' % ndim, raw[4:4 + 4 * ndim])
    return np.frombuffer(raw, np.uint8, offset=4 + 4 * ndim).reshape(dims)


def scaled(images):
    """TF 1.15's float32 images: astype, then multiply by 1/255."""
    return np.multiply(images.reshape(len(images), -1).astype(np.float32), 1.0 / 255.0)


def permutations(seed, count, n=55000, draw_between=False):
    """The first `count` permutations of arange(n) that numpy.random draws after seed(seed)."""
    np.random.seed(seed)
    perms = []
    for _ in range(count):
        perm = np.arange(n)
        np.random.shuffle(perm)
        perms.append(perm)
        if draw_between:
            np.random.random()
    return perms


def seeded_like(seed):
    """True if the global generator is in the state np.random.seed(seed) leaves (checked by drawing)."""
    drawn = np.random.random(4)
    np.random.seed(seed)
    return np.array_equal(drawn, np.random.random(4))


def one_line(error):
    return '\n' not in str(error.value)


@pytest.fixture(scope='session')
def files(mnist_dir):
    """The four files' arrays, in file order."""
    return {name: idx(mnist_dir / name) for name in NAMES}


@pytest.fixture(scope='session')
def scaled_train(files):
    """The 60000 training images as TF 1.15's float32 reader made them, in file order."""
    return scaled(files[NAMES[0]])


@pytest.fixture(scope='session')
def mnist(mnist_dir):
    """The book's read. Shared: never call next_batch on it."""
    return read_data_sets(str(mnist_dir), one_hot=True)


@pytest.fixture(scope='session')
def raw_mnist(mnist_dir):
    """uint8 images kept (N, 28, 28, 1), labels not one-hot. Shared: never call next_batch on it."""
    return read_data_sets(str(mnist_dir), dtype=np.uint8, reshape=False)


@pytest.fixture
def train(files):
    """A fresh 55000-example training DataSet (uint8, flat) for next_batch to consume."""
    return DataSet(files[NAMES[0]][5000:, :, :, None], files[NAMES[1]][5000:], dtype=np.uint8)


@pytest.fixture
def flat_train(files):
    """(images, labels) of the training split, flat, in file order."""
    return files[NAMES[0]][5000:].reshape(55000, 784), files[NAMES[1]][5000:]


@pytest.fixture
def no_tensorflow(monkeypatch):
    """TensorFlow not loaded, so there is no graph-level seed (whatever other tests imported)."""
    monkeypatch.delitem(sys.modules, 'tensorflow', raising=False)


@pytest.fixture
def copied(tmp_path, mnist_dir):
    """A writable train_dir holding copies of the four files."""
    data = tmp_path / 'data'
    data.mkdir()
    for name in NAMES:
        shutil.copy(mnist_dir / name, data / name)
    return data


def small_dataset(**kwargs):
    return DataSet(np.zeros((10, 28, 28, 1), np.uint8), np.zeros(10, np.uint8), **kwargs)


# ----------------------------------------------------------------------------- the split

def test_splits_have_55000_5000_10000_examples(mnist):
    assert (mnist.train.num_examples, mnist.validation.num_examples, mnist.test.num_examples) == (
        55000, 5000, 10000)
    assert mnist.train.images.shape == (55000, 784)


def test_validation_is_the_first_5000_of_the_file_and_train_the_rest(mnist, files, scaled_train):
    labels = files[NAMES[1]]
    assert np.array_equal(mnist.validation.images, scaled_train[:5000])
    assert np.array_equal(mnist.validation.labels.argmax(1), labels[:5000])
    assert np.array_equal(mnist.train.images, scaled_train[5000:])
    assert np.array_equal(mnist.train.labels.argmax(1), labels[5000:])


def test_the_test_set_is_in_file_order(mnist, files):
    assert list(mnist.test.labels[:10].argmax(1)) == [7, 2, 1, 0, 4, 1, 4, 9, 5, 9]
    assert np.array_equal(mnist.test.images, scaled(files[NAMES[2]]))


@pytest.mark.parametrize('size', [-1, 60001])
def test_validation_size_outside_0_to_60000_is_a_ValueError(mnist_dir, size):
    with pytest.raises(ValueError, match='Validation size should be between 0 and 60000') as e:
        read_data_sets(str(mnist_dir), validation_size=size)
    assert not isinstance(e.value, MnistError)


# ----------------------------------------------------------------------------- values

def test_float32_images_are_multiplied_by_1_over_255_not_divided(mnist, files, scaled_train):
    assert mnist.train.images.dtype == np.float32
    assert np.array_equal(mnist.train.images.view(np.uint32), scaled_train[5000:].view(np.uint32))
    divided = files[NAMES[0]][5000:6000].reshape(1000, 784).astype(np.float32) / 255.0
    assert not np.array_equal(mnist.train.images[:1000], divided)


def test_multiply_and_divide_differ_for_about_half_the_byte_values():
    values = np.arange(256, dtype=np.uint8)
    images = DataSet(values.reshape(1, 16, 16, 1), np.zeros(1), seed=0).images[0]
    assert np.array_equal(images, np.multiply(values.astype(np.float32), 1.0 / 255.0))
    assert 100 < np.count_nonzero(images != values.astype(np.float32) / 255.0) < 156


def test_one_hot_labels_are_float64_rows(mnist, files):
    assert mnist.train.labels.dtype == np.float64
    assert np.array_equal(mnist.train.labels, np.eye(10)[files[NAMES[1]][5000:]])
    assert mnist.test.labels.shape == (10000, 10)


def test_without_one_hot_labels_are_the_uint8_digits(raw_mnist, files):
    assert raw_mnist.train.labels.dtype == np.uint8
    assert np.array_equal(raw_mnist.train.labels, files[NAMES[1]][5000:])


def test_uint8_dtype_keeps_the_raw_bytes(raw_mnist, files):
    assert raw_mnist.train.images.dtype == np.uint8
    assert np.array_equal(raw_mnist.train.images[..., 0], files[NAMES[0]][5000:])


def test_reshape_false_keeps_n_28_28_1(raw_mnist):
    assert raw_mnist.train.images.shape == (55000, 28, 28, 1)
    assert raw_mnist.test.images.shape == (10000, 28, 28, 1)


def test_dtype_may_be_a_tf_dtype_like_object():
    class UInt8Like:  # what tf.uint8 offers
        as_numpy_dtype = np.uint8

    assert small_dataset(dtype=UInt8Like(), seed=0).images.dtype == np.uint8


@pytest.mark.parametrize('dtype', [np.float64, np.int32, None, 'no such type'])
def test_other_dtypes_are_a_TypeError(dtype):
    with pytest.raises(TypeError, match='expected uint8 or float32'):
        small_dataset(dtype=dtype, seed=0)


# ----------------------------------------------------------------------------- next_batch

def test_the_first_call_shuffles_with_the_global_generator(train, flat_train):
    images, labels = flat_train
    np.random.seed(7)
    batch_images, batch_labels = train.next_batch(100)
    (perm,) = permutations(7, 1)
    assert np.array_equal(batch_images, images[perm[:100]])
    assert np.array_equal(batch_labels, labels[perm[:100]])
    assert np.array_equal(train.images, images[perm])  # the DataSet now holds the permuted array


def test_later_calls_walk_the_same_permutation(train, flat_train):
    np.random.seed(7)
    train.next_batch(100)
    batch_images, _ = train.next_batch(100)
    (perm,) = permutations(7, 1)
    assert np.array_equal(batch_images, flat_train[0][perm[100:200]])


def test_the_551st_batch_of_100_starts_epoch_1_with_a_new_permutation(train, flat_train):
    np.random.seed(7)
    for _ in range(550):
        train.next_batch(100)
    assert train.epochs_completed == 0  # 550 * 100 == 55000: not yet past the end
    batch_images, batch_labels = train.next_batch(100)
    first, second = permutations(7, 2)
    assert train.epochs_completed == 1
    assert np.array_equal(batch_images, flat_train[0][first][second[:100]])
    assert np.array_equal(batch_labels, flat_train[1][first][second[:100]])


def test_the_new_epoch_is_shuffled_lazily_inside_the_wrapping_call(train, flat_train):
    np.random.seed(7)
    for _ in range(550):
        train.next_batch(100)
    np.random.random()  # a draw between batch 550 and 551 (the training loop's noise)
    batch_images, _ = train.next_batch(100)
    first, second = permutations(7, 2, draw_between=True)
    assert np.array_equal(batch_images, flat_train[0][first][second[:100]])
    eager_first, eager_second = permutations(7, 2)
    assert not np.array_equal(batch_images, flat_train[0][eager_first][eager_second[:100]])


def test_a_restored_reader_continues_with_the_same_batches(train, files):
    # Not TF 1.15's: what a checkpoint stores to resume a run exactly (issue: exact resume).
    np.random.seed(7)
    for _ in range(600):  # into the second epoch
        train.next_batch(100)
    state, rng = train.state(), np.random.get_state()
    expected = [train.next_batch(100) for _ in range(600)]
    fresh = DataSet(files[NAMES[0]][5000:, :, :, None], files[NAMES[1]][5000:], dtype=np.uint8)
    fresh.restore(state)
    np.random.set_state(rng)
    resumed = [fresh.next_batch(100) for _ in range(600)]
    assert fresh.epochs_completed == train.epochs_completed == 2
    assert all(np.array_equal(a[0], b[0]) and np.array_equal(a[1], b[1]) for a, b in zip(expected, resumed))


def test_a_reader_state_for_another_size_is_a_ValueError(train):
    with pytest.raises(ValueError, match='55000'):
        small_dataset().restore(train.state())


def test_a_batch_size_that_does_not_divide_joins_the_tail_and_the_new_head(train, flat_train):
    np.random.seed(7)
    for _ in range(429):  # 429 * 128 = 54912: 88 examples left
        train.next_batch(128)
    wrapped, _ = train.next_batch(128)
    following, _ = train.next_batch(128)
    first, second = permutations(7, 2)
    old, new = flat_train[0][first], flat_train[0][first][second]
    assert train.epochs_completed == 1
    assert np.array_equal(wrapped, np.concatenate([old[54912:], new[:40]]))
    assert np.array_equal(following, new[40:168])


def test_shuffle_false_reads_in_order_and_draws_nothing(train, flat_train):
    state = np.random.get_state()[1].copy()
    for _ in range(550):
        train.next_batch(100, shuffle=False)
    wrapped, _ = train.next_batch(100, shuffle=False)
    assert np.array_equal(wrapped, flat_train[0][:100])
    assert train.epochs_completed == 1
    assert np.array_equal(np.random.get_state()[1], state)


# ----------------------------------------------------------------------------- seeding

def test_read_with_seed_leaves_numpy_seeded_with_it_and_batches_follow(mnist_dir, no_tensorflow):
    mnist = read_data_sets(str(mnist_dir), one_hot=True, seed=1234)
    images = mnist.train.images
    batch_images, _ = mnist.train.next_batch(100)  # draws from the state the test set's seeding left
    (perm,) = permutations(1234, 1)
    assert np.array_equal(batch_images, images[perm[:100]])


def test_each_dataset_reseeds_numpy(no_tensorflow):
    small_dataset(seed=5)
    np.random.random(100)
    small_dataset(seed=5)
    assert seeded_like(5)


def test_the_seed_is_taken_modulo_2_31_minus_1(no_tensorflow):
    small_dataset(seed=2**31 - 1 + 42)
    assert seeded_like(42)


def test_seed_0_without_graph_seed_is_seed_0(no_tensorflow):
    small_dataset(seed=0)  # (DEFAULT_GRAPH_SEED, 0) is not (0, 0)
    assert seeded_like(0)


def test_seed_none_without_graph_seed_reseeds_from_entropy(tmp_path, no_tensorflow):
    draws = []
    for _ in range(2):
        np.random.seed(0)
        read_data_sets(str(tmp_path), fake_data=True)
        draws.append(np.random.random(4))
    assert not np.array_equal(*draws)


@pytest.fixture(scope='module')
def tf():
    import tf1gan  # noqa: F401  (Keras 2, before TensorFlow)
    import tensorflow
    return tensorflow


def test_a_graph_seed_seeds_numpy_when_seed_is_none(tf, mnist_dir):
    with tf.Graph().as_default():
        tf.compat.v1.set_random_seed(777)
        read_data_sets(str(mnist_dir), one_hot=True)
    assert seeded_like(777)


def test_a_graph_seed_is_taken_modulo_2_31_minus_1(tf):
    with tf.Graph().as_default():
        tf.compat.v1.set_random_seed(2**31 - 1 + 9)
        small_dataset()
    assert seeded_like(9)


def test_with_a_graph_seed_an_explicit_seed_wins(tf):
    with tf.Graph().as_default():
        tf.compat.v1.set_random_seed(777)
        small_dataset(seed=5)
    assert seeded_like(5)


def test_graph_seed_0_and_seed_0_become_2_31_minus_1(tf):
    with tf.Graph().as_default():
        tf.compat.v1.set_random_seed(0)
        small_dataset(seed=0)  # TF avoided (0, 0): (0, 2**31 - 1)
        assert seeded_like(2**31 - 1)
        small_dataset()
        assert seeded_like(0)


def test_eagerly_the_global_seed_stands_for_the_graph_seed(tf):
    tf.random.set_seed(31)
    try:
        small_dataset()
    finally:
        tf.random.set_seed(None)
    assert seeded_like(31)


def test_importing_the_reader_does_not_import_tensorflow():
    code = 'import sys, tf1gan.compat.input_data; sys.exit("tensorflow" in sys.modules)'
    assert subprocess.run([sys.executable, '-c', code]).returncode == 0


# ----------------------------------------------------------------------------- fake data

def test_fake_data_reads_nothing_and_has_10000_examples(tmp_path):
    mnist = read_data_sets(str(tmp_path / 'nowhere'), fake_data=True, seed=0)
    assert [d.num_examples for d in mnist] == [10000, 10000, 10000]
    assert not (tmp_path / 'nowhere').exists()


def test_fake_batches_are_ones_with_label_0(tmp_path):
    one_hot = read_data_sets(str(tmp_path), fake_data=True, one_hot=True, seed=0)
    dense = read_data_sets(str(tmp_path), fake_data=True, seed=0)
    assert one_hot.train.next_batch(3, fake_data=True) == ([[1] * 784] * 3, [[1] + [0] * 9] * 3)
    assert dense.test.next_batch(2, fake_data=True) == ([[1] * 784] * 2, [0, 0])


# ----------------------------------------------------------------------------- files

def test_prints_extracting_for_the_four_files_in_order(mnist_dir, capsys):
    read_data_sets(str(mnist_dir), one_hot=True)
    lines = capsys.readouterr().out.splitlines()
    assert lines == ['Extracting ' + os.path.join(str(mnist_dir), name) for name in NAMES]


def test_missing_files_are_fetched_from_a_local_folder_and_said_to_be_copied(tmp_path, mnist_dir, mnist, capsys):
    data = tmp_path / 'new' / 'data'
    fetched = read_data_sets(str(data), one_hot=True, source_url=str(mnist_dir))
    copied = [line for line in capsys.readouterr().out.splitlines() if not line.startswith('Extracting')]
    assert copied == [f'Copied {n} {(mnist_dir / n).stat().st_size} bytes from {mnist_dir / n}' for n in NAMES]
    assert sorted(os.listdir(data)) == sorted(NAMES)
    assert all((data / n).read_bytes() == (mnist_dir / n).read_bytes() for n in NAMES)
    assert np.array_equal(fetched.test.labels, mnist.test.labels)


def test_a_missing_file_is_fetched_from_a_file_url(copied, mnist_dir, mnist):
    (copied / NAMES[3]).unlink()
    fetched = read_data_sets(str(copied), one_hot=True, source_url=mnist_dir.as_uri() + '/')
    assert sorted(os.listdir(copied)) == sorted(NAMES)  # no temporary file left behind
    assert np.array_equal(fetched.test.labels, mnist.test.labels)


def test_a_missing_file_is_fetched_over_http_with_tf_1_15s_line(copied, mnist_dir, mnist, capsys):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(mnist_dir))
    handler.log_message = lambda *args: None
    with http.server.ThreadingHTTPServer(('127.0.0.1', 0), handler) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            (copied / NAMES[1]).unlink()
            url = 'http://127.0.0.1:%d/' % server.server_address[1]
            fetched = read_data_sets(str(copied), one_hot=True, source_url=url)
        finally:
            server.shutdown()
    assert (copied / NAMES[1]).read_bytes() == (mnist_dir / NAMES[1]).read_bytes()
    assert np.array_equal(fetched.train.labels, mnist.train.labels)
    # TF 1.15's maybe_download: print('Successfully downloaded', filename, size, 'bytes.')
    assert f'Successfully downloaded {NAMES[1]} {(mnist_dir / NAMES[1]).stat().st_size} bytes.' in capsys.readouterr().out


def test_a_missing_file_with_an_unreachable_source_is_an_MnistError(tmp_path):
    empty = tmp_path / 'empty'
    empty.mkdir()
    data = tmp_path / 'data'
    with pytest.raises(MnistError) as e:
        read_data_sets(str(data), source_url=empty.as_uri() + '/')
    assert NAMES[0] in str(e.value) and empty.as_uri() in str(e.value) and 'copy' in str(e.value)
    assert '(source_url=)' not in str(e.value) and 'pass --source_url a folder or URL holding them' in str(e.value)
    assert one_line(e)
    assert os.listdir(data) == []


def test_a_wrong_download_is_an_MnistError_and_writes_nothing(tmp_path):
    source = tmp_path / 'source'
    source.mkdir()
    (source / NAMES[0]).write_bytes(b'not mnist')
    data = tmp_path / 'data'
    with pytest.raises(MnistError) as e:
        read_data_sets(str(data), source_url=str(source))
    assert MD5[NAMES[0]] in str(e.value) and one_line(e)
    assert os.listdir(data) == []


def test_a_file_with_the_wrong_md5_is_an_MnistError_and_is_left_alone(copied):
    path = copied / NAMES[0]
    bad = bytearray(path.read_bytes())
    bad[5000000] ^= 0xFF  # same size, one byte changed
    path.write_bytes(bad)
    with pytest.raises(MnistError) as e:
        read_data_sets(str(copied))
    message = str(e.value)
    assert str(path) in message and MD5[NAMES[0]] in message and '9912422' in message
    assert hashlib.md5(bad).hexdigest() in message and 'delete' in message and one_line(e)
    assert path.read_bytes() == bad


def test_maybe_download_verifies_every_file_without_parsing(copied):
    path = copied / NAMES[3]
    path.write_bytes(path.read_bytes()[:-1])
    with pytest.raises(MnistError, match=NAMES[3]):
        input_data.maybe_download(str(copied))


def test_a_truncated_file_is_an_MnistError_and_is_left_alone(copied):
    path = copied / NAMES[2]
    short = path.read_bytes()[:1000]
    path.write_bytes(short)
    with pytest.raises(MnistError) as e:
        read_data_sets(str(copied))
    assert str(path) in str(e.value) and '1648877' in str(e.value) and one_line(e)
    assert path.read_bytes() == short


def write_idx(path, magic, dims, payload):
    path.write_bytes(gzip.compress(struct.pack('>%dI' % (1 + len(dims)), magic, *dims) + payload))


def test_a_wrong_magic_number_is_an_MnistError_naming_the_file(tmp_path):
    path = tmp_path / 'labels.gz'
    write_idx(path, 2051, [3], bytes([1, 2, 3]))
    with open(path, 'rb') as f, pytest.raises(MnistError, match='Invalid magic number 2051') as e:
        input_data.extract_labels(f)
    assert str(path) in str(e.value) and one_line(e)


def test_truncated_idx_data_is_an_MnistError_naming_the_file(tmp_path):
    path = tmp_path / 'images.gz'
    write_idx(path, 2051, [2, 28, 28], bytes(100))
    with open(path, 'rb') as f, pytest.raises(MnistError, match='truncated') as e:
        input_data.extract_images(f)
    assert str(path) in str(e.value) and one_line(e)


def test_a_truncated_gzip_stream_is_an_MnistError_naming_the_file(tmp_path, mnist_dir):
    path = tmp_path / 'labels.gz'
    path.write_bytes((mnist_dir / NAMES[3]).read_bytes()[:2000])
    with open(path, 'rb') as f, pytest.raises(MnistError, match='gzip') as e:
        input_data.extract_labels(f)
    assert str(path) in str(e.value) and one_line(e)


def test_extract_reads_small_idx_files(tmp_path):
    path = tmp_path / 'images.gz'
    write_idx(path, 2051, [2, 2, 3], bytes(range(12)))
    with open(path, 'rb') as f:
        images = input_data.extract_images(f)
    assert images.shape == (2, 2, 3, 1) and images.dtype == np.uint8
    assert list(images.ravel()) == list(range(12))


# ----------------------------------------------------------------------------- keras' view

def test_load_mnist_train_images_is_the_training_file_as_keras_returns_it(mnist_dir, files):
    images = input_data.load_mnist_train_images(str(mnist_dir))
    assert images.shape == (60000, 28, 28) and images.dtype == np.uint8
    assert np.array_equal(images, files[NAMES[0]])
