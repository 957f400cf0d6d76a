"""What every book listing hands back, and where each listing lives.

A listing module (gan, cgan) provides HPARAMS (its section's hyper-parameters),
build(n_hidden, n_noise, learning_rate) -> Graph, get_noise(batch_size, n_noise),
log_line(epoch, loss_val_D, loss_val_G) and sample_rows(sess, graph, mnist, n_noise).
"""
import collections
import importlib

# The handles of one listing's graph. Y is None for 9.1, which has no labels.
Graph = collections.namedtuple('Graph', 'X Y Z G loss_D loss_G train_D train_G vars_D vars_G')

MODELS = ('gan', 'cgan', 'dcgan')


def load(model):
    """The module of the listing called `model` (one of MODELS)."""
    if model not in MODELS:
        raise ValueError(f'unknown model {model!r}: expected one of {", ".join(MODELS)}')
    return importlib.import_module(f'tf1gan.{model}')
