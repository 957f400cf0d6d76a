"""What `import tensorflow` means inside a reader's script: TensorFlow as the script was written for.

A script run by tf1gan.script gets its own `__import__` (make_import), which maps

    tensorflow                                graph mode: the TF1 API, tf.compat.v1 with the entries below;
                                              eager mode: TensorFlow 2 as installed (EagerView), a name it
                                              lacks taken from the TF1 API (tf.set_random_seed, tf.train.AdamOptimizer)
    tensorflow.compat.v1                      the TF1 API in either mode
    tensorflow.examples.tutorials.mnist       tf1gan.compat.input_data (read_data_sets honours --data_dir, --source_url)
    tensorflow.keras..., keras...             Keras 2 (tf_keras), whose `trainable` freezing the books rely on
    tensorflow.keras.datasets.mnist           load_data() from the local MNIST files, Keras' own arrays
    tensorflow.contrib...                     tf1gan.script.contrib: TF 1.15's contrib names that have a TF1
                                              home; any other is RemovedInTF2Error, one line
    tensorflow.contrib.eager                  tf1gan.script.contrib_eager: TF 1.15's tfe names in TensorFlow 2
    tensorflow.contrib.learn                  its MNIST reader; its estimators, as tf.estimator: one line
    tf.app, tf.flags, absl.app, absl.flags    the script's own flags (tf1gan.script.script_flags)
    numpy                                     NumPy as installed with the names NumPy 1.x scripts used that NumPy
                                              removed (tf1gan.script.era_numpy); numpy.X is NumPy's own
    scipy, scipy.misc                         SciPy as installed, its misc with SciPy 1.1's imsave, imread,
                                              imresize, ... (tf1gan.script.era_scipy); scipy.X is SciPy's own

`tf.enable_eager_execution()` switches the script's `tensorflow` from the first to the second
(Views.enable_eager_execution; the runner leaves its graph).

and leaves every other import to Python. Only the script's own code calls this `__import__`:
tf1gan, tf_keras and every other library keep importing TensorFlow 2, NumPy and SciPy as
installed, and sys.modules is never changed.
"""
import builtins
import importlib
import sys
import types

from tf1gan.compat import input_data
from tf1gan.script import contrib
from tf1gan.script.contrib import RemovedInTF2Error, estimator_error  # the runner's one-line errors
from tf1gan.script.module_view import ModuleView

KERAS_MNIST_DIR = './mnist/data/'


def _refused_names(module, fromlist):
    """Raises the view's RemovedInTF2Error for a name of `from module import ...` that it refuses
    (`from tensorflow import estimator`), which Python would turn into an ImportError of its own."""
    for item in fromlist or ():
        if item != '*':
            try:
                getattr(module, item)
            except RemovedInTF2Error:
                raise
            except AttributeError:
                pass  # Python reports it as it does


def _python_import(name):
    """The module `name`, imported by Python's own import: its ModuleNotFoundError is the one Python gives."""
    builtins.__import__(name)
    return sys.modules[name]


class TF1View(ModuleView):
    """`tensorflow` as a TF 1.x script sees it in graph mode: tf.compat.v1, but tf.estimator raises
    and tf.contrib, tf.keras, tf.examples, tf.compat, tf.app, tf.flags are the views' own."""

    def __getattr__(self, name):
        if name == 'estimator':
            raise estimator_error('tf.estimator')
        return super().__getattr__(name)


class EagerView(ModuleView):
    """TensorFlow 2 as installed, for an eager script: a name TensorFlow 2 lacks is the TF1 view's
    (fallback), and a submodule both have is both (tf.train: Checkpoint and AdamOptimizer; tf.random:
    set_seed and set_random_seed), as TF 1.x's eager scripts used its one namespace."""

    def __init__(self, name, target, fallback, overrides=None, lazy=None):
        super().__init__(name, target, overrides, lazy)
        self.__dict__['_view_fallback'] = fallback

    def __getattr__(self, name):
        fallback = self.__dict__['_view_fallback']
        try:
            value = super().__getattr__(name)
        except AttributeError:
            return getattr(fallback, name)
        if isinstance(value, types.ModuleType) and not isinstance(value, ModuleView):
            older = getattr(fallback, name, None)
            if isinstance(older, types.ModuleType) and older is not value:
                value = EagerView(f'{self.__name__}.{name}', value, older)
        setattr(self, name, value)
        return value

    def __dir__(self):
        return sorted(set(super().__dir__()) | set(dir(self.__dict__['_view_fallback'])))


class ScriptTensorFlow(types.ModuleType):
    """The script's `tensorflow`: the TF1 view in graph mode, the eager view once eager (the mode
    can change while the script runs: tf.enable_eager_execution() after `import tensorflow as tf`)."""

    def __init__(self, views):
        super().__init__('tensorflow')
        self.__dict__['_views'] = views

    def __getattr__(self, name):
        return getattr(self.__dict__['_views'].current_tf, name)

    def __dir__(self):
        return dir(self.__dict__['_views'].current_tf)


class Views:
    """The script's modules for one run: the TF1 view, the eager view, Keras 2, the MNIST reader,
    the script's flags.

    data_dir replaces the folder the script gives read_data_sets (None: the script's own) and
    is where Keras' mnist.load_data() reads (None: ./mnist/data/); source_url is where missing
    MNIST files are fetched from (None: the reader's default, the CVDF mirror). eager: whether
    the script starts in eager mode; on_eager() is called when the script's
    tf.enable_eager_execution() switches a graph-mode run to eager; on_keras(tf_keras) when
    the script first imports Keras."""

    def __init__(self, data_dir=None, source_url=None, eager=False, on_eager=None, on_keras=None):
        self.data_dir = data_dir
        self.source_url = source_url
        self.eager = eager
        self.on_eager = on_eager
        self.on_keras = on_keras
        import tensorflow as tf2
        from tf1gan.compat import tf1_seeds  # imports TensorFlow
        from tf1gan.script import script_flags
        self.tf2 = tf2
        self.flags = script_flags.ScriptFlags(tf2.compat.v1.app)
        self.input_data = ModuleView('tensorflow.examples.tutorials.mnist.input_data', input_data,
                                     {'read_data_sets': self.read_data_sets})
        mnist = ModuleView('tensorflow.examples.tutorials.mnist', types.ModuleType('mnist'),
                           {'input_data': self.input_data})
        tutorials = ModuleView('tensorflow.examples.tutorials', types.ModuleType('tutorials'), {'mnist': mnist})
        self.examples = ModuleView('tensorflow.examples', types.ModuleType('examples'), {'tutorials': tutorials})
        self._contrib = None
        # tf.random_uniform makes TF 1.15's ops, for TF 1.15's seeds (tf1gan.compat.tf1_seeds); graph mode only.
        random = ModuleView('tensorflow.random', tf2.compat.v1.random, {'uniform': tf1_seeds.random_uniform})
        self.tf1 = TF1View('tensorflow', tf2.compat.v1,
                           dict(self._own_names(), random=random, random_uniform=tf1_seeds.random_uniform),
                           lazy={'keras': lambda: self.keras, 'contrib': lambda: self.contrib,
                                 'app': lambda: self.flags.tf_app, 'flags': lambda: self.flags.tf_flags})
        self.compat = ModuleView('tensorflow.compat', tf2.compat, {'v1': self.tf1})
        self.tf1.compat = self.compat
        self.tf = ScriptTensorFlow(self)
        self._eager_tf = None
        self._keras = None
        self._absl_view = None
        self._numpy = None
        self._scipy = None

    def _own_names(self):
        """What both views give in place of TensorFlow's own."""
        return {'examples': self.examples, 'enable_eager_execution': self.enable_eager_execution}

    @property
    def contrib(self):
        """tf.contrib (tf1gan.script.contrib), with tf.contrib.eager (tf1gan.script.contrib_eager), made on first use."""
        if self._contrib is None:
            from tf1gan.script import contrib_eager
            self._contrib = contrib.namespace(self.input_data, eager=contrib_eager.module(self))
        return self._contrib

    @property
    def eager_tf(self):
        """TensorFlow 2 as installed, with Keras 2 and the TF1 view's names it lacks."""
        if self._eager_tf is None:
            self._eager_tf = EagerView('tensorflow', self.tf2, self.tf1, dict(self._own_names(), compat=self.compat),
                                       lazy={'keras': lambda: self.keras, 'contrib': lambda: self.contrib})
        return self._eager_tf

    @property
    def current_tf(self):
        return self.eager_tf if self.eager else self.tf1

    def describe(self):
        """What the script's `tensorflow` is now, for messages."""
        return ('eager mode: TensorFlow 2, then its tf.compat.v1' if self.eager
                else 'graph mode: tf.compat.v1, TF 1.x\'s API in TensorFlow 2')

    def enable_eager_execution(self, config=None, device_policy=None, execution_mode=None):
        """The script's tf.enable_eager_execution(): eager mode, and TensorFlow 2, from now on."""
        if not self.eager:
            if self.on_eager is not None:
                self.on_eager()
            self.eager = True

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
            if self.on_keras is not None:
                self.on_keras(tf_keras)
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
        elif parts[0] == 'absl':
            return self._absl(parts[1:], fromlist)
        elif parts[0] in ('numpy', 'scipy'):
            return self._era(parts, name)
        elif parts[0] != 'tensorflow':
            return None
        if parts[1:2] == ['contrib']:
            return contrib.walk(self.contrib, parts[2:], fromlist)
        if parts[1:2] == ['estimator']:
            raise estimator_error('tensorflow.estimator')
        if parts[1:3] == ['compat', 'v1']:
            if len(parts) == 3:
                return self.tf1
            parts = parts[:1] + parts[3:]
        if len(parts) == 1:
            return self.tf
        if parts[1:] == ['compat']:
            return self.compat
        if parts[1] == 'examples':
            return self._walk(self.examples, parts[2:], name)
        if parts[1] in ('app', 'flags') and len(parts) == 2:
            return getattr(self.flags, 'tf_' + parts[1])
        if parts[1] == 'keras':
            rest = parts[2:]
            keras = self.keras  # on_keras runs before the script's first Keras class exists
            if rest == ['datasets', 'mnist'] or rest == ['datasets']:
                return self._walk(keras, rest, name)
            return importlib.import_module('.'.join(['tf_keras'] + rest)) if rest else keras
        return None  # tensorflow.python..., tensorflow.compat.v2: TensorFlow 2 itself

    def _absl(self, parts, fromlist=()):
        """absl.flags and absl.app: the script's own (script_flags); the rest of absl is absl's."""
        if parts in (['flags'], ['app']):
            return getattr(self.flags, 'absl_' + parts[0])
        if parts:
            return None
        for item in fromlist or ():
            if item not in ('flags', 'app'):
                importlib.import_module(f'absl.{item}')  # from absl import logging
        if self._absl_view is None:
            import absl
            self._absl_view = ModuleView('absl', absl, lazy={'flags': lambda: self.flags.absl_flags,
                                                             'app': lambda: self.flags.absl_app})
        return self._absl_view

    @property
    def numpy(self):
        """The script's numpy (tf1gan.script.era_numpy), made on first use."""
        if self._numpy is None:
            from tf1gan.script import era_numpy
            self._numpy = era_numpy.module()
        return self._numpy

    @property
    def scipy(self):
        """The script's scipy: SciPy as installed, its misc the era's (tf1gan.script.era_scipy). Without
        SciPy, Python's own ModuleNotFoundError, as the script would get without tf1gan."""
        if self._scipy is None:
            scipy = _python_import('scipy')
            from tf1gan.script import era_scipy
            self._scipy = ModuleView('scipy', scipy, lazy={'misc': era_scipy.misc})
        return self._scipy

    def _era(self, parts, name):
        """numpy, scipy and scipy.misc: the script's own; any other numpy.X or scipy.X is the library's,
        imported by Python (`import numpy.random` still binds the script's numpy)."""
        top = self.numpy if parts[0] == 'numpy' else self.scipy
        if len(parts) == 1:
            return top
        if parts == ['scipy', 'misc']:
            return top.misc
        return _python_import(name)

    @staticmethod
    def _walk(module, parts, name):
        for part in parts:
            if not isinstance(module, types.ModuleType) or part not in module.__dict__:
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
                    _refused_names(module, fromlist)
                    # `import tensorflow.keras.layers` binds the top name; `from X import Y` gets X.
                    return module if fromlist else self.module(name.split('.')[0])
            return real_import(name, globals, locals, fromlist, level)
        return __import__

    def builtins(self):
        """A builtins dict for the script's globals: Python's, with make_import()'s __import__."""
        return dict(vars(builtins), __import__=self.make_import())
