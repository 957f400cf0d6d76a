"""`tf.logging` in a reader's script, printed as TensorFlow 1.15 printed it.

TF 1.15's tf_logging.get_logger gave the 'tensorflow' logger a handler of its own, on stderr, in
Python's BASIC_FORMAT (`INFO:tensorflow:global step 2: loss = 0.3232`), as the root logger had none
under `python script.py`. Once the script's `tf.app.run()` or `absl.app.run(main)` ran, absl's
handler on the root logger printed each line once more in absl's format (`I1208 00:11:23.701121 ...
train.py:5] ...`): TF 1.15 printed both. tf1gan's own commands run under absl, so without this a
script's lines came in absl's format alone. The logger's level is left as it is: tf1gan's (errors
only, unless --verbose) until the script sets its own (`tf.logging.set_verbosity(tf.logging.INFO)`).
"""
import contextlib
import logging
import sys

LOGGER = 'tensorflow'


class _StderrHandler(logging.StreamHandler):
    """A StreamHandler writing to sys.stderr as it is at each line (the script, or a test, may replace it)."""

    def __init__(self):
        super().__init__()
        self.setFormatter(logging.Formatter(logging.BASIC_FORMAT))

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, value):
        pass


@contextlib.contextmanager
def tf1_lines():
    """While a script runs: its tf.logging lines in TF 1.15's format, on stderr, and not in absl's."""
    logger = logging.getLogger(LOGGER)
    handler = _StderrHandler()
    saved = logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.propagate = saved


def absl_lines_too():
    """The script's app.run has started: its tf.logging lines in absl's format too, as in TF 1.15."""
    logging.getLogger(LOGGER).propagate = True
