"""What every tf.contrib module of a script is made of: ContribModule, which maps the names TF 1.15's contrib had a
TF1 home for, and the one-line RemovedInTF2Error for any other (the runner prints it with the reader's file and line).
"""
import types

MIGRATE_URL = 'https://www.tensorflow.org/guide/migrate'


class RemovedInTF2Error(AttributeError):
    """A tf.contrib name TensorFlow 2 removed with no equal here; the message is one line."""


def removed(name):
    """RemovedInTF2Error for the dotted name (tf.contrib.x.y, or a use of one)."""
    return RemovedInTF2Error(f'{name} was removed in TensorFlow 2 (tf.contrib is gone) and has no '
                             f'equivalent in tf.compat.v1 or tf1gan; see {MIGRATE_URL}')


class ContribModule(types.ModuleType):
    """One module under tf.contrib: the names it maps; any other is RemovedInTF2Error naming it."""

    def __init__(self, name, names):
        super().__init__('tensorflow.' + name[len('tf.'):])
        self.__dict__.update(names)
        self.__dict__['_contrib_name'] = name

    def __getattr__(self, attr):  # only for names not in __dict__
        if attr.startswith('__'):
            raise AttributeError(attr)
        raise removed(f"{self.__dict__['_contrib_name']}.{attr}")


ESTIMATOR_REMOVED = ('TensorFlow removed the Estimator API in 2.16, and tf1gan cannot run Estimator code '
                     '(tf.estimator, tf.contrib.learn\'s estimators)')


def estimator_error(name):
    """RemovedInTF2Error for tf.estimator... or a tf.contrib.learn estimator."""
    return RemovedInTF2Error(f'{name}: {ESTIMATOR_REMOVED}')
