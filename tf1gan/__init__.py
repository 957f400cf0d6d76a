"""tf1gan: the GAN chapter of "골빈해커의 3분 딥러닝 텐서플로맛" (ch. 9) and the Keras DCGAN of
"모두의 딥러닝", runnable on TensorFlow 2.21.

Importing the package makes TensorFlow use Keras 2 (tf-keras): `tf.compat.v1.layers.dense`
(listing 9.2) and the DCGAN's `trainable` freezing only behave as in the books under Keras 2.
This must happen before TensorFlow itself is imported, so it is done here, first.
"""
import os

os.environ.setdefault("TF_USE_LEGACY_KERAS", "1")
# TensorFlow's C++ log level: tf1gan's default unless the reader set one (the commands' --verbose and
# quiet mode leave a reader's own setting alone). The mark tells child processes the level is ours.
USER_SET_LOG_LEVEL = "TF_CPP_MIN_LOG_LEVEL" in os.environ and "TF1GAN_DEFAULT_LOG_LEVEL" not in os.environ
if not USER_SET_LOG_LEVEL:
    os.environ["TF_CPP_MIN_LOG_LEVEL"] = os.environ["TF1GAN_DEFAULT_LOG_LEVEL"] = "2"


def load_ipython_extension(ipython):
    """`%load_ext tf1gan`: the following cells run as a TF1 script does under tf1gan.script."""
    from tf1gan.script import ipython_ext  # imported only here: `import tf1gan` stays light
    ipython_ext.load(ipython)
