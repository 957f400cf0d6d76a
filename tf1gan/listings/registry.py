"""The registry of book listings, and what every listing hands back.

Each entry names a listing module, and whether it is a Keras listing:

- gan (9.1), cgan (9.2), cgan_cnn (9.2 더 해보기): TF1 graph listings, trained by tf1gan.training.train.
  Such a module provides HPARAMS (its section's hyper-parameters), build(n_hidden, n_noise,
  learning_rate) -> Graph, get_noise(batch_size, n_noise), log_line(epoch, loss_val_D,
  loss_val_G) and sample_rows(sess, graph, mnist, n_noise).
- dcgan (모두의 딥러닝): a Keras listing, trained by tf1gan.training.keras_loop. It provides HPARAMS,
  build(n_noise, keras_semantics) -> Models, load_X_train(data_dir, source_url), gan_train_step(models,
  X_train, batch_size, n_noise), log_line(i, d_loss, g_loss), sample_path(sample_dir, i) and
  sample_figure(generator, n_noise).

Adding a listing is its module and one register() line here: the command line (--model, the
hyper-parameter flags it uses) and the run folders follow from the registry.
"""
import collections
import importlib

# The handles of one TF1 listing's graph. Y is None for 9.1, which has no labels. training is
# None but for listings with batch normalization: a boolean placeholder the training steps feed
# True, left at its default (False) to draw.
Graph = collections.namedtuple('Graph', 'X Y Z G loss_D loss_G train_D train_G vars_D vars_G training',
                               defaults=(None,))

Entry = collections.namedtuple('Entry', 'module description log_lines conditional keras', defaults=(None, False, False))

REGISTRY = {}


def register(name, module, description, log_lines=None, conditional=False, keras=False):
    """Makes listing `module` (a dotted name) available as --model=name.
    log_lines: the book listing whose epoch lines it prints ('gan': 9.1's, 'cgan': 9.2's), for
    tf1gan.compare; None for a listing that prints none. conditional: G draws the digits it is
    given (Y), for tf1gan.generate --digits and tf1gan.evaluate. keras: a Keras listing (the DCGAN), not a TF1
    graph."""
    REGISTRY[name] = Entry(module, description, log_lines, conditional, keras)


register('gan', 'tf1gan.listings.gan', 'listing 9.1, the GAN', log_lines='gan')
register('cgan', 'tf1gan.listings.cgan', 'listing 9.2, the conditional GAN', log_lines='cgan',
         conditional=True)
register('cgan_cnn', 'tf1gan.listings.cgan_cnn', '9.2 더 해보기, the conditional GAN with CNNs',
         log_lines='cgan', conditional=True)
register('dcgan', 'tf1gan.listings.dcgan', '모두의 딥러닝 DCGAN', keras=True)

MODELS = tuple(REGISTRY)


def _entry(model):
    if model not in REGISTRY:
        raise ValueError(f'unknown model {model!r}: expected one of {", ".join(REGISTRY)}')
    return REGISTRY[model]


def log_lines(model):
    """The book listing whose epoch lines `model` prints ('gan' or 'cgan'), or None."""
    return _entry(model).log_lines


def load(model):
    """The module of the listing called `model`."""
    return importlib.import_module(_entry(model).module)


def conditional(model):
    """True if the listing called `model` draws the digits it is given (9.2 and its CNN version)."""
    return _entry(model).conditional


def build_graph(module, n_hidden, n_noise, learning_rate):
    """module.build(...) as TensorFlow 1.15 built it: its tf.conds as TF 1.15 made them, so a seeded
    graph gets TF 1.15's seeds (tf1gan.compat.tf1_seeds), as the same listing does under tf1gan.script."""
    from tf1gan.compat import tf1_seeds  # imports TensorFlow, which the registry alone does not need
    with tf1_seeds.tf115_control_flow():
        return module.build(n_hidden=n_hidden, n_noise=n_noise, learning_rate=learning_rate)


def keras(model):
    """True if the listing called `model` is a Keras listing (the DCGAN), False for a TF1 graph listing."""
    return _entry(model).keras
