"""--keras_semantics: how a frozen Keras 2 discriminator's BatchNormalization behaves
(`discriminator.trainable = False` after `discriminator.compile`), shared by tf1gan.main's DCGAN
(tf1gan.listings.dcgan) and a reader's Keras script under tf1gan.script. BUILD.md, "The DCGAN:
what a reader should expect", gives the study behind the three and the default.

'tf_keras': the code as written, with tf.keras's semantics (TensorFlow 2.0 and later):
    D's BatchNorm uses batch statistics in D's own step but, D being frozen, its moving
    statistics inside the combined model, so G is trained against another function than the one D fits.
'standalone_keras': D's BatchNorm as in standalone Keras 2.x, where the DCGAN of 모두의 딥러닝
    descends from (eriklindernoren/Keras-GAN): a frozen BatchNorm still uses the batch's
    statistics in a training step, so D is the same function in both steps.
'frozen_bn': D's BatchNorm layers frozen as if before D's compile, so they use their initial
    statistics (mean 0, variance 1) in every step, D's own included.
"""
import functools

KERAS_SEMANTICS = ('tf_keras', 'standalone_keras', 'frozen_bn')
# The behaviour that draws the seed's published pictures (3 of 3 seeded runs; tf_keras collapsed in 3 of 3).
DEFAULT_KERAS_SEMANTICS = 'frozen_bn'


@functools.lru_cache(maxsize=None)
def standalone_keras_batch_normalization():
    """The class StandaloneKerasBatchNormalization, made on first use: this module's names are read
    by the commands' flags before TensorFlow and tf_keras are imported."""
    import tf_keras
    from tf_keras.layers import BatchNormalization

    class StandaloneKerasBatchNormalization(BatchNormalization):
        """BatchNormalization whose mode follows the training flag alone, as in standalone Keras 2.x.
        Since TensorFlow 2.0 a layer with trainable=False runs in inference mode instead; this
        undoes exactly that override (tf_keras's BatchNormalizationBase._get_training_value)."""

        def _get_training_value(self, training=None):
            if training is None:
                training = tf_keras.backend.learning_phase()
            return bool(training) if isinstance(training, int) else training

    return StandaloneKerasBatchNormalization


def batch_norm_layers(model):
    """The BatchNormalization layers of model and of the models inside it."""
    from tf_keras.layers import BatchNormalization
    return [layer for layer in model._flatten_layers() if isinstance(layer, BatchNormalization)]


def apply(layers, keras_semantics):
    """Gives the BatchNormalization layers among layers the behaviour keras_semantics names
    (tf_keras: their own). Before the discriminator's compile; after it, see freeze_compiled."""
    if keras_semantics not in KERAS_SEMANTICS:
        raise ValueError(f'unknown keras_semantics {keras_semantics!r}: expected one of '
                         f'{", ".join(KERAS_SEMANTICS)}')
    from tf_keras.layers import BatchNormalization
    for layer in layers:
        if isinstance(layer, BatchNormalization):
            if keras_semantics == 'frozen_bn':
                layer.trainable = False
            elif keras_semantics == 'standalone_keras':
                layer.__class__ = standalone_keras_batch_normalization()  # same state, other mode rule


def freeze_compiled(model, keras_semantics):
    """apply() on a model that is already compiled and not yet trained, as if it had been applied
    before its compile: frozen_bn also freezes the BatchNorm layers in the trainable state the
    model was compiled with, which its own train_on_batch restores (RespectCompiledTrainableState)."""
    layers = batch_norm_layers(model)
    apply(layers, keras_semantics)
    compiled = getattr(model, '_compiled_trainable_state', None)
    if keras_semantics == 'frozen_bn' and compiled is not None:
        for layer in layers:
            compiled[layer] = False
    if keras_semantics != 'tf_keras' and getattr(model, 'train_function', None) is not None:
        model.train_function = None  # traced again with the new mode (tf_keras changes nothing: left as it is)
    return layers
