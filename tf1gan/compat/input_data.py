"""The MNIST reader of TensorFlow 1.15, for the book's `input_data.read_data_sets(...)`.

A twin of `tensorflow.examples.tutorials.mnist.input_data` (a copy of
`tensorflow/contrib/learn/python/learn/datasets/mnist.py`), which left TensorFlow in 2.0:
same arrays, same batches in the same order, drawn from the legacy global `numpy.random`
exactly as TF 1.15 drew them. The behaviour reproduced is written down in
shared/design/input_data.md. Differences from TF 1.15, none of which changes a number:

- every file, present or downloaded, is checked against the canonical size and md5 (`FILES`);
  a bad file, a failed download or a broken file raises `MnistError`, one line naming the file;
- downloads go through a temporary file, so a failure leaves nothing half-written;
- `source_url` may also be a file:// URL or a plain local folder holding the four files.

TensorFlow is not imported here; its graph-level seed is read only if it is already loaded.
"""
import collections
import gzip
import hashlib
import http.client
import os
import re
import sys
import urllib.request
import zlib

import numpy

from tf1gan import files
from tf1gan.errors import InputError

# CVDF mirror of http://yann.lecun.com/exdb/mnist/
DEFAULT_SOURCE_URL = 'https://storage.googleapis.com/cvdf-datasets/mnist/'

TRAIN_IMAGES = 'train-images-idx3-ubyte.gz'
TRAIN_LABELS = 'train-labels-idx1-ubyte.gz'
TEST_IMAGES = 't10k-images-idx3-ubyte.gz'
TEST_LABELS = 't10k-labels-idx1-ubyte.gz'

# The canonical files: {filename: (bytes, md5)}.
FILES = {
    TRAIN_IMAGES: (9912422, 'f68b3c2dcbeaaa9fbdd348bbdeb94873'),
    TRAIN_LABELS: (28881, 'd53e105ee54ea40749a09fcbcd1e9432'),
    TEST_IMAGES: (1648877, '9fb629c4189551a2d022fa330f9573f3'),
    TEST_LABELS: (4542, 'ec29112dd5afa0611ce80d1b7f02629c'),
}

# tensorflow/python/framework/random_seed.py
DEFAULT_GRAPH_SEED = 87654321
_MAXINT32 = 2**31 - 1

_IMAGES_MAGIC = 2051
_LABELS_MAGIC = 2049

Datasets = collections.namedtuple('Datasets', ['train', 'validation', 'test'])


class MnistError(InputError):
    """An MNIST file is missing and cannot be fetched, is not the canonical file, or is broken.

    The message is one line naming the file and saying how to fix it.
    """


# ----------------------------------------------------------------------------- seeding

def _graph_seed():
    """The graph-level seed TF's get_seed would read, or None if TensorFlow is not loaded."""
    tf = sys.modules.get('tensorflow')
    if tf is None:
        return None
    if tf.executing_eagerly():  # as get_seed: eagerly, the global seed stands for the graph's
        from tensorflow.python.eager import context
        return context.global_seed()
    return tf.compat.v1.get_default_graph().seed


def _get_seed(op_seed):
    """(seed1, seed2) as TF 1.15's random_seed.get_seed(op_seed) returned them.

    With a graph seed and no op seed TF took the graph's last op id as seed2; DataSet never
    used that seed2 (it seeds NumPy with seed1 when op_seed is None), so it is None here.
    """
    graph_seed = _graph_seed()
    if graph_seed is None:
        if op_seed is None:
            return None, None
        return DEFAULT_GRAPH_SEED, op_seed % _MAXINT32
    seeds = graph_seed % _MAXINT32, None if op_seed is None else op_seed % _MAXINT32
    if seeds == (0, 0):  # TF avoided (0, 0), which its kernels read as "not seeded"
        return 0, _MAXINT32
    return seeds


def _image_dtype(dtype):
    """The numpy dtype for `dtype` (numpy dtype or type, name, or tf.DType): uint8 or float32."""
    try:
        np_dtype = numpy.dtype(getattr(dtype, 'as_numpy_dtype', dtype))
    except TypeError:
        np_dtype = None
    if np_dtype not in (numpy.dtype(numpy.uint8), numpy.dtype(numpy.float32)):
        raise TypeError('Invalid image dtype %r, expected uint8 or float32' % (dtype,))
    return np_dtype


# ----------------------------------------------------------------------------- DataSet

class DataSet(object):
    """TF 1.15's mnist DataSet: the images and labels of one split, and its batches."""

    def __init__(self, images, labels, fake_data=False, one_hot=False, dtype=numpy.float32,
                 reshape=True, seed=None):
        """one_hot is used only with fake_data. dtype uint8 keeps the bytes 0..255, float32
        scales them into [0, 1]. Seeds the global numpy.random as TF 1.15 did, on every
        construction: with seed=None and no graph seed, from OS entropy."""
        seed1, seed2 = _get_seed(seed)
        numpy.random.seed(seed1 if seed is None else seed2)
        dtype = _image_dtype(dtype)
        if fake_data:
            self._num_examples = 10000
            self.one_hot = one_hot
        else:
            assert images.shape[0] == labels.shape[0], (
                'images.shape: %s labels.shape: %s' % (images.shape, labels.shape))
            self._num_examples = images.shape[0]
            if reshape:  # (N, rows, cols, 1) -> (N, rows * cols)
                assert images.shape[3] == 1
                images = images.reshape(images.shape[0], images.shape[1] * images.shape[2])
            if dtype == numpy.float32:
                # A multiply by 1/255, not a division by 255: the two differ in the last bit
                # for about half of the byte values, and TF 1.15 multiplied. (In place on the
                # fresh astype copy: the same float32 ufunc loop, without a second array.)
                images = images.astype(numpy.float32)
                images = numpy.multiply(images, 1.0 / 255.0, out=images)
        self._images = images
        self._labels = labels
        self._epochs_completed = 0
        self._index_in_epoch = 0
        # Not in TF 1.15: where each row of `images` came from, so that a checkpoint can
        # store the reader's position as a permutation rather than the permuted images.
        self._order = numpy.arange(self._num_examples)

    def state(self):
        """The reader's position: what a checkpoint stores to resume next_batch exactly."""
        return dict(order=self._order.copy(), index_in_epoch=self._index_in_epoch,
                    epochs_completed=self._epochs_completed)

    def restore(self, state):
        """Puts a freshly read DataSet (file order) back at the position state() described."""
        order = numpy.asarray(state['order'])
        if order.shape != (self._num_examples,):
            raise ValueError('reader state is for %d examples, this DataSet has %d'
                             % (order.shape[0], self._num_examples))
        self._images = self._images[order]
        self._labels = self._labels[order]
        self._order = order
        self._index_in_epoch = int(state['index_in_epoch'])
        self._epochs_completed = int(state['epochs_completed'])

    @property
    def images(self):
        return self._images

    @property
    def labels(self):
        return self._labels

    @property
    def num_examples(self):
        return self._num_examples

    @property
    def epochs_completed(self):
        return self._epochs_completed

    def next_batch(self, batch_size, fake_data=False, shuffle=True):
        """The next `batch_size` examples; shuffles with the global numpy.random as TF 1.15."""
        if fake_data:  # the same all-ones image and label 0 every time (one_hot: [1, 0, ..., 0])
            fake_image = [1] * 784
            fake_label = [1] + [0] * 9 if self.one_hot else 0
            return [fake_image for _ in range(batch_size)], [fake_label for _ in range(batch_size)]
        start = self._index_in_epoch
        if self._epochs_completed == 0 and start == 0 and shuffle:  # the very first call only
            self._permute()
        if start + batch_size > self._num_examples:
            # Strictly greater: a batch that ends exactly at the end of the epoch is returned
            # whole, and the epoch turns over in the *next* call, whose tail part is empty. The
            # new epoch's shuffle is drawn lazily here, inside that call.
            self._epochs_completed += 1
            rest = self._num_examples - start
            images_rest = self._images[start:self._num_examples]
            labels_rest = self._labels[start:self._num_examples]
            if shuffle:
                self._permute()
            self._index_in_epoch = batch_size - rest
            end = self._index_in_epoch
            return (numpy.concatenate((images_rest, self._images[0:end]), axis=0),
                    numpy.concatenate((labels_rest, self._labels[0:end]), axis=0))
        self._index_in_epoch += batch_size
        end = self._index_in_epoch
        return self._images[start:end], self._labels[start:end]

    def _permute(self):
        perm = numpy.arange(self._num_examples)
        numpy.random.shuffle(perm)
        self._images = self._images[perm]
        self._labels = self._labels[perm]
        self._order = self._order[perm]


# ----------------------------------------------------------------------------- files

def _mismatch(filename, data):
    """None if data is the canonical `filename`, else 'expected ..., found ...' (md5 taken once)."""
    found = len(data), hashlib.md5(data).hexdigest()
    if found == FILES[filename]:
        return None
    return 'expected %d bytes, md5 %s, found %d bytes, md5 %s' % (FILES[filename] + found)


def _source(source_url, filename):
    """Where `filename` is fetched from: (url or path, is_url)."""
    source_url = os.fspath(source_url) if source_url else DEFAULT_SOURCE_URL
    if re.match(r'[A-Za-z][A-Za-z0-9+.-]*://', source_url):
        return source_url.rstrip('/') + '/' + filename, True
    return os.path.join(source_url, filename), False


def _fetch(filename, train_dir, source_url):
    """The bytes of `filename` from source_url (URL, file:// URL or local folder), verified."""
    source, is_url = _source(source_url, filename)
    try:
        if is_url:
            with urllib.request.urlopen(source, timeout=60) as response:
                data = response.read()
        else:
            with open(source, 'rb') as f:
                data = f.read()
    except (OSError, http.client.HTTPException, ValueError) as e:
        raise MnistError('%s is missing and could not be fetched from %s (%s); copy the four MNIST '
                         '.gz files into %s, or pass --source_url a folder or URL holding them' % (os.path.join(train_dir, filename), source,
                                           str(e).replace('\n', ' '), train_dir)) from None
    mismatch = _mismatch(filename, data)
    if mismatch:
        raise MnistError('%s is not the MNIST file %s: %s; it was not copied into %s (files fetched before '
                         'it stay there)' % (source, filename, mismatch, train_dir))
    return data


def _load(train_dir, filename, source_url):
    """(path, bytes) of a canonical MNIST file in train_dir, fetched first if it is missing.

    A file already there that is not the canonical one is an MnistError and is left as it is.
    """
    path = os.path.join(train_dir, filename)
    try:
        os.makedirs(train_dir, exist_ok=True)
    except OSError as e:
        raise MnistError('cannot create the MNIST folder %s (%s)' % (train_dir, e)) from None
    if not os.path.exists(path):
        data = _fetch(filename, train_dir, source_url)
        try:
            files.write_bytes_atomically(path, data)
        except OSError as e:
            raise MnistError('cannot write %s (%s)' % (path, e)) from None
        source, is_url = _source(source_url, filename)
        if is_url and not source.startswith('file:'):
            print('Successfully downloaded', filename, len(data), 'bytes.')  # TF 1.15's line, word for word
        else:
            print('Copied', filename, len(data), 'bytes from', source)  # nothing was downloaded
        return path, data
    try:
        with open(path, 'rb') as f:
            data = f.read()
    except OSError as e:
        raise MnistError('%s cannot be read (%s)' % (path, e)) from None
    mismatch = _mismatch(filename, data)
    if mismatch:
        raise MnistError('%s is not the MNIST file %s: %s; delete it so that it is downloaded '
                         'again, or copy a good copy there' % (path, filename, mismatch))
    return path, data


# ----------------------------------------------------------------------------- IDX parsing

def _parse_idx(data, name, magic, ndim):
    """The uint8 array in a gzipped IDX file: header big-endian uint32 magic, then the sizes."""
    try:
        raw = gzip.decompress(data)
    except (EOFError, OSError, zlib.error) as e:
        raise MnistError('%s is not a complete gzip file (%s)' % (name, e)) from None
    header = 4 * (1 + ndim)
    if len(raw) < header:
        raise MnistError('%s is truncated: %d bytes, shorter than the IDX header' % (name, len(raw)))
    fields = numpy.frombuffer(raw, dtype='>u4', count=1 + ndim)
    if fields[0] != magic:
        raise MnistError('Invalid magic number %d in MNIST %s file: %s (expected %d)'
                         % (fields[0], 'image' if magic == _IMAGES_MAGIC else 'label', name, magic))
    shape = tuple(int(n) for n in fields[1:])
    count = int(numpy.prod(shape))
    if len(raw) - header < count:
        raise MnistError('%s is truncated: %d bytes of data, expected %d'
                         % (name, len(raw) - header, count))
    return numpy.frombuffer(raw, dtype=numpy.uint8, count=count, offset=header).reshape(shape)


def _images(data, name):
    """(N, rows, cols, 1) uint8 images."""
    images = _parse_idx(data, name, _IMAGES_MAGIC, 3)
    return images.reshape(images.shape + (1,))


def dense_to_one_hot(labels_dense, num_classes):
    """(N, num_classes) float64 one-hot rows: TF 1.15's numpy.zeros default dtype, kept."""
    labels_one_hot = numpy.zeros((labels_dense.shape[0], num_classes))
    labels_one_hot[numpy.arange(labels_dense.shape[0]), labels_dense.ravel()] = 1
    return labels_one_hot


def _labels(data, name, one_hot=False, num_classes=10):
    """(N,) uint8 labels, or one-hot float64 rows."""
    labels = _parse_idx(data, name, _LABELS_MAGIC, 1)
    return dense_to_one_hot(labels, num_classes) if one_hot else labels


def extract_images(f):
    """(N, rows, cols, 1) uint8 images from an open gzipped IDX file (not checksummed)."""
    print('Extracting', f.name)
    return _images(f.read(), f.name)


def extract_labels(f, one_hot=False, num_classes=10):
    """uint8 labels, or float64 one-hot rows, from an open gzipped IDX file (not checksummed)."""
    print('Extracting', f.name)
    return _labels(f.read(), f.name, one_hot, num_classes)


# ----------------------------------------------------------------------------- readers

def read_data_sets(train_dir, fake_data=False, one_hot=False, dtype=numpy.float32, reshape=True,
                   validation_size=5000, seed=None, source_url=DEFAULT_SOURCE_URL):
    """Datasets(train, validation, test) of MNIST, as TF 1.15's reader returned them.

    Missing files are fetched from source_url into train_dir; every file is verified.
    """
    if fake_data:
        def fake():
            return DataSet([], [], fake_data=True, one_hot=one_hot, dtype=dtype, seed=seed)
        return Datasets(train=fake(), validation=fake(), test=fake())

    def extract(filename, parse, **kwargs):
        path, data = _load(train_dir, filename, source_url)
        print('Extracting', path)
        return parse(data, path, **kwargs)

    train_images = extract(TRAIN_IMAGES, _images)
    train_labels = extract(TRAIN_LABELS, _labels, one_hot=one_hot)
    test_images = extract(TEST_IMAGES, _images)
    test_labels = extract(TEST_LABELS, _labels, one_hot=one_hot)

    if not 0 <= validation_size <= len(train_images):
        raise ValueError('Validation size should be between 0 and {}. Received: {}.'
                         .format(len(train_images), validation_size))
    # In file order, unshuffled.
    validation_images = train_images[:validation_size]
    validation_labels = train_labels[:validation_size]
    train_images = train_images[validation_size:]
    train_labels = train_labels[validation_size:]

    # Each DataSet re-seeds numpy.random; the test set's seeding is the one that stays.
    options = dict(dtype=dtype, reshape=reshape, seed=seed)
    train = DataSet(train_images, train_labels, **options)
    validation = DataSet(validation_images, validation_labels, **options)
    test = DataSet(test_images, test_labels, **options)
    return Datasets(train=train, validation=validation, test=test)


def maybe_download(train_dir, source_url=DEFAULT_SOURCE_URL):
    """Fetches any missing file of the four and verifies all of them, without parsing.

    Lets a program report a bad or missing file before it starts anything heavier."""
    for filename in FILES:
        _load(train_dir, filename, source_url)


def load_mnist(split, train_dir, source_url=DEFAULT_SOURCE_URL):
    """(images uint8 (N, 28, 28), labels uint8 (N,)) of 'train' (60000) or 'test' (10000), in
    file order, as keras' mnist.load_data() returns them, read from (and if need be fetched
    into) train_dir. Unlike read_data_sets it touches no random generator."""
    image_file, label_file = {'train': (TRAIN_IMAGES, TRAIN_LABELS), 'test': (TEST_IMAGES, TEST_LABELS)}[split]
    path, data = _load(train_dir, image_file, source_url)
    images = _images(data, path)
    path, data = _load(train_dir, label_file, source_url)
    return images.reshape(images.shape[:3]).copy(), _labels(data, path)


def load_mnist_train_images(train_dir, source_url=DEFAULT_SOURCE_URL):
    """The 60000 training images, uint8 (60000, 28, 28), in file order: keras'
    mnist.load_data()[0][0], read from (and if need be fetched into) train_dir."""
    return load_mnist('train', train_dir, source_url)[0]
