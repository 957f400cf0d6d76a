"""A stand-in for matplotlib under TensorFlow 1.15's Python (the oracle has none, and may not be
changed): the listings' pictures are not compared, only what they print; drawing does nothing."""
from unittest import mock


def use(*args, **kwargs):
    pass


def __getattr__(name):
    return mock.MagicMock(name=f'matplotlib.{name}')
