"""What `import tensorflow` means inside a reader's script: TensorFlow 1.x as the books used it.

A script run by tf1gan.script gets its own `__import__` (make_import), which maps

    tensorflow, tensorflow.compat.v1          the TF1 API: tf.compat.v1, with the entries below
    tensorflow.examples.tutorials.mnist       tf1gan.input_data (read_data_sets honours --data_dir, --source_url)
    tensorflow.keras..., keras...             Keras 2 (tf_keras), whose `trainable` freezing the books rely on
    tensorflow.keras.datasets.mnist           load_data() from the local MNIST files, Keras' own arrays
    tensorflow.contrib...                     tf1gan.script.contrib: TF 1.15's contrib names that have a TF1
                                              home; any other is RemovedInTF2Error, one line

and leaves every other import to Python. Only the script's own code calls this `__import__`:
tf1gan, tf_keras and every other library keep importing TensorFlow 2 as installed, and
sys.modules is never changed.
"""
import builtins
import importlib
import types

from tf1gan import input_data
from tf1gan.script import contrib
from tf1gan.script.contrib import RemovedInTF2Error  # noqa: F401  (the runner's one-line errors)

KERAS_MNIST_DIR = './mnist/data/'

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


class Views:
    """The script's modules: one TF1 view, one Keras view, one MNIST reader, for one run.

    data_dir replaces the folder the script gives read_data_sets (None: the script's own) and
    is where Keras' mnist.load_data() reads (None: ./mnist/data/); source_url is where missing
    MNIST files are fetched from (None: the reader's default, the CVDF mirror)."""

    def __init__(self, data_dir=None, source_url=None):
        self.data_dir = data_dir
        self.source_url = source_url
        import tensorflow as tf2
        self.tf2 = tf2
        self.input_data = ModuleView('tensorflow.examples.tutorials.mnist.input_data', input_data,
                                     {'read_data_sets': self.read_data_sets})
        mnist = ModuleView('tensorflow.examples.tutorials.mnist', types.ModuleType('mnist'),
                           {'input_data': self.input_data})
        tutorials = ModuleView('tensorflow.examples.tutorials', types.ModuleType('tutorials'), {'mnist': mnist})
        self.examples = ModuleView('tensorflow.examples', types.ModuleType('examples'), {'tutorials': tutorials})
        self.tf = ModuleView('tensorflow', tf2.compat.v1, {'examples': self.examples},
                             lazy={'keras': lambda: self.keras, 'contrib': lambda: contrib.namespace(self.input_data)})
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
            return contrib.walk(self.tf.contrib, parts[2:], fromlist)
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
