"""matplotlib.pyplot for the oracle: every call does nothing (see matplotlib/__init__.py)."""
from unittest import mock


def subplots(*args, **kwargs):
    return mock.MagicMock(name='figure'), mock.MagicMock(name='axes')


def __getattr__(name):
    return mock.MagicMock(name=f'pyplot.{name}')
