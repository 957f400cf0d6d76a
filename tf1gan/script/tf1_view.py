"""What `import tensorflow` means inside a reader's script: TensorFlow 1.x as the books used it.

A script run by tf1gan.script gets its own `__import__` (make_import), which maps

    tensorflow, tensorflow.compat.v1          the TF1 API: tf.compat.v1, with the entries below
    tensorflow.examples.tutorials.mnist       tf1gan.input_data (read_data_sets honours --data_dir, --source_url)
    tensorflow.keras..., keras...             Keras 2 (tf_keras), whose `trainable` freezing the books rely on
    tensorflow.keras.datasets.mnist           load_data() from the local MNIST files, Keras' own arrays
    tensorflow.contrib...                     RemovedInTF2Error: one line naming what to use instead

and leaves every other import to Python. Only the script's own code calls this `__import__`:
tf1gan, tf_keras and every other library keep importing TensorFlow 2 as installed, and
sys.modules is never changed.
"""
import builtins
import importlib
import types

from tf1gan import input_data

KERAS_MNIST_DIR = './mnist/data/'

# tf.contrib left TensorFlow in 2.0; what a TF1 reader writes instead, where tf.compat.v1 has it.
CONTRIB_REPLACEMENTS = {
    'layers.xavier_initializer': 'tf.glorot_uniform_initializer()',
    'layers.xavier_initializer_conv2d': 'tf.glorot_uniform_initializer()',
    'layers.variance_scaling_initializer': 'tf.variance_scaling_initializer()',
    'layers.fully_connected': 'tf.layers.dense',
    'layers.flatten': 'tf.layers.flatten',
    'layers.conv2d': 'tf.layers.conv2d',
    'layers.conv2d_transpose': 'tf.layers.conv2d_transpose',
    'layers.batch_norm': 'tf.layers.batch_normalization',
    'layers.dropout': 'tf.layers.dropout',
    'rnn': 'tf.nn.rnn_cell (BasicRNNCell, BasicLSTMCell, MultiRNNCell, DropoutWrapper)',
    'learn.datasets.mnist': 'from tensorflow.examples.tutorials.mnist import input_data',
}


class RemovedInTF2Error(AttributeError):
    """An API TensorFlow 2 removed with no TF1 equivalent (tf.contrib); the message is one line."""


def contrib_error(path):
    """RemovedInTF2Error for tf.contrib.<path> ('' for tf.contrib itself)."""
    name = 'tf.contrib' + ('.' + path if path else '')
    for removed, instead in sorted(CONTRIB_REPLACEMENTS.items(), key=lambda item: -len(item[0])):
        if path == removed or path.startswith(removed + '.'):
            return RemovedInTF2Error(f'{name} was removed in TensorFlow 2 (tf.contrib is gone); use {instead}')
    return RemovedInTF2Error(f'{name} was removed in TensorFlow 2 (tf.contrib is gone) and has no '
                             'equivalent in tf.compat.v1; see https://www.tensorflow.org/guide/migrate')


class _Contrib:
    """tf.contrib and below: each attribute goes one level deeper until the name is one
    CONTRIB_REPLACEMENTS knows or two levels deep (tf.contrib.layers.xavier_initializer), then raises."""

    def __init__(self, path=''):
        self._path = path

    def __getattr__(self, name):
        path = f'{self._path}.{name}' if self._path else name
        if path in CONTRIB_REPLACEMENTS or path.count('.') >= 1:
            raise contrib_error(path)
        return _Contrib(path)

    def __call__(self, *args, **kwargs):
        raise contrib_error(self._path)


class ModuleView(types.ModuleType):
    """A module that is `target` with some attributes replaced. lazy={name: factory} makes a
    replacement on first use (Keras is imported only by scripts that ask for it)."""

    def __init__(self, name, target, overrides=None, lazy=None):
        super().__init__(name, getattr(target, '__doc__', None))
        self.__dict__.update(overrides or {})
        self.__dict__['_view_target'] = target
        self.__dict__['_view_lazy'] = dict(lazy or {})

    def __getattr__(self, name):  # only for names not in __dict__
        lazy = self.__dict__['_view_lazy']
        if name in lazy:
            value = lazy.pop(name)()
            setattr(self, name, value)
            return value
        return getattr(self.__dict__['_view_target'], name)

    def __dir__(self):
        return sorted(set(dir(self._view_target)) | set(self._view_lazy)
                      | {k for k in self.__dict__ if not k.startswith('_view_')})


class TF1View(ModuleView):
    """`tensorflow` as a TF 1.x script sees it: tf.compat.v1, but tf.contrib raises and
    tf.keras, tf.examples, tf.compat.v1 are the views below."""

    def __getattr__(self, name):
        if name == 'contrib':
            return _Contrib()
        return super().__getattr__(name)


class Views:
    """The script's modules: one TF1 view, one Keras view, one MNIST reader, for one run.

    data_dir replaces the folder the script gives read_data_sets (None: the script's own) and
    is where Keras' mnist.load_data() reads (None: ./mnist/data/); source_url is where missing
    MNIST files are fetched from (None: the reader's default, the CVDF mirror)."""

    def __init__(self, data_dir=None, source_url=None):
        self.data_dir = data_dir
        self.source_url = source_url
        import tensorflow as tf2

        from tf1gan import tf1_seeds  # imports TensorFlow
        self.tf2 = tf2
        self.input_data = ModuleView('tensorflow.examples.tutorials.mnist.input_data', input_data,
                                     {'read_data_sets': self.read_data_sets})
        mnist = ModuleView('tensorflow.examples.tutorials.mnist', types.ModuleType('mnist'),
                           {'input_data': self.input_data})
        tutorials = ModuleView('tensorflow.examples.tutorials', types.ModuleType('tutorials'), {'mnist': mnist})
        self.examples = ModuleView('tensorflow.examples', types.ModuleType('examples'), {'tutorials': tutorials})
        # tf.random_uniform makes TF 1.15's ops, for TF 1.15's seeds (tf1gan.tf1_seeds).
        random = ModuleView('tensorflow.random', tf2.compat.v1.random, {'uniform': tf1_seeds.random_uniform})
        self.tf = TF1View('tensorflow', tf2.compat.v1, {'examples': self.examples, 'random': random,
                                                        'random_uniform': tf1_seeds.random_uniform},
                          lazy={'keras': lambda: self.keras})
        self.compat = ModuleView('tensorflow.compat', tf2.compat, {'v1': self.tf})
        self.tf.compat = self.compat
        self._keras = None

    @property
    def keras(self):
        """Keras 2 (tf_keras), with datasets.mnist read from local files."""
        if self._keras is None:
            import tf_keras
            from tf_keras import datasets
            from tf_keras.datasets import mnist
            self.keras_mnist = ModuleView('tensorflow.keras.datasets.mnist', mnist, {'load_data': self.load_data})
            self.keras_datasets = ModuleView('tensorflow.keras.datasets', datasets, {'mnist': self.keras_mnist})
            self._keras = ModuleView('tensorflow.keras', tf_keras, {'datasets': self.keras_datasets})
        return self._keras

    def read_data_sets(self, train_dir, *args, source_url=None, **kwargs):
        """input_data.read_data_sets as the script calls it, from --data_dir and --source_url if given."""
        return input_data.read_data_sets(self.data_dir or train_dir, *args,
                                         source_url=self.source_url or source_url or input_data.DEFAULT_SOURCE_URL,
                                         **kwargs)

    def load_data(self, path='mnist.npz'):
        """Keras' mnist.load_data(): ((x_train, y_train), (x_test, y_test)), uint8, in file order,
        read from the MNIST .gz files in data_dir (fetched from source_url if missing) instead
        of ~/.keras/datasets/mnist.npz; the arrays are the same."""
        data_dir = self.data_dir or KERAS_MNIST_DIR
        source_url = self.source_url or input_data.DEFAULT_SOURCE_URL
        return (input_data.load_mnist('train', data_dir, source_url),
                input_data.load_mnist('test', data_dir, source_url))

    def module(self, name, fromlist=()):
        """The module `import name` (`from name import fromlist`) gives the script, or None for a
        name this view leaves alone."""
        parts = name.split('.')
        if parts[0] == 'keras':
            parts = ['tensorflow'] + parts
        elif parts[0] != 'tensorflow':
            return None
        if parts[1:2] == ['contrib']:
            raise contrib_error('.'.join(parts[2:] + list(fromlist or ())[:1]))
        if parts[1:3] == ['compat', 'v1']:
            parts = parts[:1] + parts[3:]
        if len(parts) == 1:
            return self.tf
        if parts[1:] == ['compat']:
            return self.compat
        if parts[1] == 'examples':
            return self._walk(self.examples, parts[2:], name)
        if parts[1] == 'keras':
            rest = parts[2:]
            if rest == ['datasets', 'mnist'] or rest == ['datasets']:
                return self._walk(self.keras, rest, name)
            return importlib.import_module('.'.join(['tf_keras'] + rest)) if rest else self.keras
        return None  # tensorflow.python..., tensorflow.compat.v2: TensorFlow 2 itself

    @staticmethod
    def _walk(module, parts, name):
        for part in parts:
            if not isinstance(module, ModuleView) or part not in module.__dict__:
                raise ModuleNotFoundError(f'No module named {name!r}', name=name)
            module = getattr(module, part)
        return module

    def make_import(self):
        """An `__import__` for the script's builtins: TensorFlow names through module(), the rest
        through Python's own."""
        real_import = builtins.__import__

        def __import__(name, globals=None, locals=None, fromlist=(), level=0):
            if level == 0:
                module = self.module(name, fromlist)
                if module is not None:
                    # `import tensorflow.keras.layers` binds the top name; `from X import Y` gets X.
                    return module if fromlist else self.module(name.split('.')[0])
            return real_import(name, globals, locals, fromlist, level)
        return __import__

    def builtins(self):
        """A builtins dict for the script's globals: Python's, with make_import()'s __import__."""
        return dict(vars(builtins), __import__=self.make_import())
