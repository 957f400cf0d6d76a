"""--keras_semantics for a reader's Keras script: what freezing a compiled model that holds
BatchNormalization (`discriminator.trainable = False` after `discriminator.compile`, as the
DCGAN of 모두의 딥러닝 does) means, applied with tf1gan.compat.keras_semantics as tf1gan.main applies it
to its DCGAN, and said in one note.

While Freezing.hooks() is active, setting `trainable = False` on a compiled tf_keras model holding
BatchNormalization layers gives them the behaviour --keras_semantics names (keras_semantics.freeze_compiled:
as if applied before that model's compile, which is where tf1gan.main applies it).
"""
import contextlib
import os
import sys
import weakref

NOTES = {
    'tf_keras': ('its BatchNormalization uses batch statistics in {name}\'s own train_on_batch but its moving '
                 'statistics inside the model that holds it frozen (Keras 2 as tf.keras behaves, the code as '
                 'written; the DCGAN of 모두의 딥러닝 collapses so); --keras_semantics=frozen_bn (BUILD.md) or '
                 'standalone_keras changes it'),
    'frozen_bn': ('its BatchNormalization layers are frozen from the start (--keras_semantics=frozen_bn, the '
                  'default: initial statistics in every step, which draws digits in the DCGAN of 모두의 딥러닝); '
                  '--keras_semantics=tf_keras runs the code as Keras 2 does'),
    'standalone_keras': ('its BatchNormalization uses batch statistics in every training step, as standalone '
                         'Keras 2.x did (--keras_semantics=standalone_keras); --keras_semantics=tf_keras runs the '
                         'code as Keras 2 does'),
}


TF_KERAS_DIR = os.sep + 'tf_keras' + os.sep


def _callers_frame():
    """The frame of the code that set `trainable` (the reader's line), outside tf_keras and this file."""
    frame = sys._getframe(2)
    while frame.f_back is not None and TF_KERAS_DIR in frame.f_code.co_filename:
        frame = frame.f_back
    return frame


class Freezing:
    """keras_semantics for one run; note(text) says once what the first freeze means; used is True
    once a compiled model holding BatchNormalization has been frozen."""

    def __init__(self, keras_semantics, note):
        self.keras_semantics = keras_semantics
        self.note = note
        self.used = False

    @contextlib.contextmanager
    def hooks(self, tf_keras):
        from tf1gan.compat import keras_semantics
        from tf_keras.src.engine import base_layer, training
        trainable = base_layer.Layer.trainable
        freezing = self
        frozen = weakref.WeakSet()  # the models given keras_semantics

        def set_trainable(layer, value):
            trainable.fset(layer, value)
            # Once per model: train_on_batch sets the compiled trainable state and back around every step,
            # and applied again there, frozen_bn would have the model traced again every step.
            if (not value and isinstance(layer, training.Model) and layer not in frozen
                    and getattr(layer, '_is_compiled', False) and keras_semantics.batch_norm_layers(layer)):
                frozen.add(layer)
                keras_semantics.freeze_compiled(layer, freezing.keras_semantics)
                if not freezing.used:
                    caller = _callers_frame()
                    freezing.note(f'{caller.f_code.co_filename}, line {caller.f_lineno}: froze the compiled model '
                                  f'{layer.name!r}, which holds BatchNormalization: '
                                  + NOTES[freezing.keras_semantics].format(name=layer.name))
                freezing.used = True

        base_layer.Layer.trainable = property(trainable.fget, set_trainable, doc=trainable.__doc__)
        try:
            yield
        finally:
            base_layer.Layer.trainable = trainable
