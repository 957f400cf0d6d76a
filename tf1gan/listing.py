"""The registry of book listings, and what every listing hands back.

Each entry names a listing module and the module whose train(listing, run) trains it:

- gan (9.1), cgan (9.2): TF1 graph listings, trained by tf1gan.train. Such a module provides
  HPARAMS (its section's hyper-parameters), build(n_hidden, n_noise, learning_rate) -> Graph,
  get_noise(batch_size, n_noise), log_line(epoch, loss_val_D, loss_val_G) and
  sample_rows(sess, graph, mnist, n_noise).
- dcgan (모두의 딥러닝): a Keras listing that trains itself (tf1gan.listings.dcgan.train).

Adding a listing is its module and one register() line here: the command line (--model, the
hyper-parameter flags it uses) and the run folders follow from the registry.
"""
import collections
import importlib

# The handles of one TF1 listing's graph. Y is None for 9.1, which has no labels.
Graph = collections.namedtuple('Graph', 'X Y Z G loss_D loss_G train_D train_G vars_D vars_G')

Entry = collections.namedtuple('Entry', 'module trainer description')

REGISTRY = {}


def register(name, module, trainer, description):
    """Makes listing `module` (a dotted name) available as --model=name, trained by trainer.train."""
    REGISTRY[name] = Entry(module, trainer, description)


register('gan', 'tf1gan.listings.gan', 'tf1gan.train', 'listing 9.1, the GAN')
register('cgan', 'tf1gan.listings.cgan', 'tf1gan.train', 'listing 9.2, the conditional GAN')
register('dcgan', 'tf1gan.listings.dcgan', 'tf1gan.listings.dcgan', '모두의 딥러닝 DCGAN')

MODELS = tuple(REGISTRY)


def _entry(model):
    if model not in REGISTRY:
        raise ValueError(f'unknown model {model!r}: expected one of {", ".join(REGISTRY)}')
    return REGISTRY[model]


def load(model):
    """The module of the listing called `model`."""
    return importlib.import_module(_entry(model).module)


def trainer(model):
    """The module whose train(listing, run) trains `model`."""
    return importlib.import_module(_entry(model).trainer)
