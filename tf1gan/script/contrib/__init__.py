"""tf.contrib inside a reader's script: TF 1.15 contrib's names that have a TF1 home, with contrib's
own defaults, variable names and maths (each checked against TensorFlow 1.15 by tests/test_contrib.py):

    tf.contrib.layers      initializers, regularizers (initializers.py, regularizers.py),
                           fully_connected, conv2d, conv2d_transpose, pools, flatten, dropout,
                           batch_norm, layer_norm, embed_sequence, one_hot_encoding, repeat, stack
                           (layers.py), taking an arg_scope where TF 1.15's did
    tf.contrib.rnn         TensorFlow's own cells and static RNNs, which contrib re-exported, and
                           OutputProjectionWrapper (rnn.py)
    tf.contrib.seq2seq     sequence_loss (seq2seq.py)
    tf.contrib.legacy_seq2seq  rnn_decoder, sequence_loss_by_example, sequence_loss (legacy_seq2seq.py)
    tf.contrib.framework   the global step and variable helpers (framework.py), arg_scope,
                           add_arg_scope, current_arg_scope, has_arg_scope, arg_scoped_arguments
                           (arg_scope.py)
    tf.contrib.losses      contrib's losses, logits first, and get_total_loss (losses.py)
    tf.contrib.training    create_train_op, its gradient helpers and train (training.py);
                           HParams and parse_values (hparam.py)
    tf.contrib.slim        the above gathered as TF 1.15's slim did, with slim.losses,
                           slim.model_analyzer (model_analyzer.py), slim.utils (utils.py),
                           slim.learning (training.py): slim.py
    tf.contrib.learn       datasets.mnist: the script's MNIST reader (tensorflow.examples.tutorials.mnist's);
                           its estimators are one line (TensorFlow removed the Estimator API in 2.16)
    tf.contrib.eager       tfe: TF 1.15's eager names that TensorFlow 2 keeps (tf1gan/script/contrib_eager.py)

The packages the names lived in, tensorflow.contrib.framework.python.ops and
tensorflow.contrib.layers.python.layers (and their modules variables, arg_scope, layers,
initializers, regularizers, utils), give the same objects. Any other name (slim.nets,
factorization, tensor_forest, the contrib-only cells, ...) is RemovedInTF2Error: one line, which
the runner prints with the reader's file and line.
"""
import types

from tf1gan.script.contrib.base import ContribModule, RemovedInTF2Error, estimator_error, removed  # noqa: F401


def _public(module):
    """The functions module defines (not those it imports), by name."""
    return {name: value for name, value in vars(module).items()
            if not name.startswith('_') and isinstance(value, types.FunctionType)
            and value.__module__ == module.__name__}


def _named(module, names):
    return {name: getattr(module, name) for name in names}


LAYERS = ('fully_connected', 'convolution', 'convolution2d', 'conv2d', 'convolution2d_transpose', 'conv2d_transpose',
          'max_pool2d', 'avg_pool2d', 'flatten', 'dropout', 'batch_norm', 'layer_norm', 'embed_sequence',
          'one_hot_encoding', 'repeat', 'stack', 'linear', 'relu', 'relu6')
ARG_SCOPE = ('arg_scope', 'add_arg_scope', 'current_arg_scope', 'has_arg_scope', 'arg_scoped_arguments')


class ContribLearn(ContribModule):
    """tf.contrib.learn: its MNIST reader; any other name is its Estimator library: one line."""

    def __getattr__(self, attr):
        if attr.startswith('__'):
            raise AttributeError(attr)
        raise estimator_error(f'tf.contrib.learn.{attr}')


def _learn(mnist_reader):
    """tf.contrib.learn: only datasets.mnist (also at learn.python.learn.datasets.mnist), the given reader."""
    def datasets(prefix):
        return ContribModule(f'{prefix}.datasets', {'mnist': mnist_reader})
    return ContribLearn('tf.contrib.learn', {
        'datasets': datasets('tf.contrib.learn'),
        'python': ContribModule('tf.contrib.learn.python', {
            'learn': ContribModule('tf.contrib.learn.python.learn', {
                'datasets': datasets('tf.contrib.learn.python.learn')})})})


def _python_package(prefix, package, modules, exported):
    """<prefix>.python.<package>, which the era's code imported from (`from tensorflow.contrib.framework.python.ops
    import arg_scope, add_arg_scope`, `from tensorflow.contrib.layers.python.layers import initializers`): in TF
    1.15 it had the modules ({module: its names}) and re-exported the names of those `exported` lists."""
    name = f'{prefix}.python.{package}'
    submodules = {module: ContribModule(f'{name}.{module}', names) for module, names in modules.items()}
    names = {key: value for module in exported for key, value in modules[module].items()}
    return ContribModule(f'{prefix}.python', {package: ContribModule(name, {**submodules, **names})})


def namespace(mnist_reader, eager):
    """tf.contrib for one script; mnist_reader is the module its tensorflow.examples...input_data is,
    eager its tf.contrib.eager (tf1gan.script.contrib_eager)."""
    from tf1gan.script.contrib import (arg_scope, framework, hparam, initializers, layers, legacy_seq2seq, losses,
                                       regularizers, rnn, seq2seq, slim, training, utils)
    layer_names, initializer_names = _named(layers, LAYERS), _public(initializers)
    regularizer_names, variable_names = _public(regularizers), _named(framework, framework.NAMES)
    losses_module = ContribModule('tf.contrib.losses', _public(losses))
    training_names = _named(training, training.TRAINING_NAMES)
    hparam_names = _named(hparam, ('HParams', 'parse_values'))
    layer_modules = {'layers': layer_names, 'initializers': initializer_names, 'regularizers': regularizer_names,
                     'utils': _public(utils)}
    return ContribModule('tf.contrib', {
        'layers': ContribModule('tf.contrib.layers', {
            **initializer_names, **regularizer_names, **layer_names,
            'python': _python_package('tf.contrib.layers', 'layers', layer_modules,
                                      ('layers', 'initializers', 'regularizers'))}),
        'rnn': ContribModule('tf.contrib.rnn', rnn.names()),
        'seq2seq': ContribModule('tf.contrib.seq2seq', {'sequence_loss': seq2seq.sequence_loss}),
        'legacy_seq2seq': ContribModule('tf.contrib.legacy_seq2seq', _public(legacy_seq2seq)),
        'framework': ContribModule('tf.contrib.framework', {
            **variable_names, **_named(arg_scope, ARG_SCOPE),
            'python': _python_package('tf.contrib.framework', 'ops', {
                'variables': variable_names, 'arg_scope': _named(arg_scope, arg_scope.__all__)},
                ('variables', 'arg_scope'))}),
        'losses': losses_module,
        'slim': slim.module(layer_names, initializer_names, regularizer_names, variable_names, losses_module,
                            ContribModule('tf.contrib.slim.learning', training.SLIM_LEARNING)),
        'training': ContribModule('tf.contrib.training', {
            **training_names, **hparam_names,
            'python': _python_package('tf.contrib.training', 'training',
                                      {'training': training_names, 'hparam': hparam_names}, ())}),
        'learn': _learn(mnist_reader),
        'eager': eager,
    })


def walk(contrib, parts, fromlist=()):
    """The module `import tensorflow.contrib.<parts>` (`from ... import fromlist`) gives; a name
    tf.contrib does not have raises RemovedInTF2Error here, inside the import."""
    module = contrib
    for part in parts:
        module = getattr(module, part)
    for name in fromlist or ():
        if name != '*':
            getattr(module, name)
    return module
