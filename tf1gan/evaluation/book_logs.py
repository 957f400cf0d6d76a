"""The losses of chapter 9, per epoch: a reader for logs in the book's two formats, and the runs
the book printed (tf1gan/evaluation/data/book_*.log).

    Epoch:  0001 D loss: -0.1399 G loss: -3.0402    listing 9.1: epoch + 1, '{:.4f}'
    Epoch:  0000 D loss: 0.01216 G loss: 7.923      listing 9.2: epoch, '{:.4}'

Both are read into arrays indexed by the 0-based epoch (the `epoch` of the listings' loop).
Every other line is ignored ('최적화 완료!', 'Extracting ...', the data files' '#' line).
"""
import importlib.resources
import re
from typing import NamedTuple

import numpy as np

from tf1gan.errors import InputError

# The epoch the listing prints for the loop's epoch 0: 9.1 prints `epoch + 1`, 9.2 `epoch`.
FIRST_PRINTED_EPOCH = {'gan': 1, 'cgan': 0}
LISTING = {'gan': '9.1', 'cgan': '9.2'}
EXAMPLE_LINE = {'gan': 'Epoch:  0001 D loss: -0.1399 G loss: -3.0402',
                'cgan': 'Epoch:  0000 D loss: 0.01216 G loss: 7.923'}

# The runs the book printed, in tf1gan/evaluation/data: two of 9.1 and one of 9.2 (none of the DCGAN).
BOOK_LOGS = {'gan': ('book_gan_run1.log', 'book_gan_run2.log'), 'cgan': ('book_cgan.log',)}

# What '{:.4f}' and '{:.4}' print for a float: 0.01216, -3.0402, 1.9, 1.234e-05, nan, -inf.
_NUMBER = r'-?(?:\d+(?:\.\d+)?(?:e[-+]\d+)?|nan|inf)'
# ' '.join(['Epoch: ', '%04d' % epoch, 'D loss: ...', 'G loss: ...']): two spaces after 'Epoch:'.
EPOCH_LINE = re.compile(rf'Epoch:  (\d{{4,}}) D loss: ({_NUMBER}) G loss: ({_NUMBER})')


class Losses(NamedTuple):
    """One run's printed losses; d[e] and g[e] are those printed after the loop's epoch e."""
    d: np.ndarray
    g: np.ndarray


def check_model(model):
    if model not in FIRST_PRINTED_EPOCH:
        raise InputError(f'model {model!r}: expected gan (listing 9.1) or cgan (listing 9.2); '
                         'the book printed no losses for any other model')


def parse_log(text, model, name='the log'):
    """The epoch lines of text, in model's format, as Losses. An epoch printed more than once (a
    resumed run prints again the epochs after its checkpoint) counts as its last copy. Raises
    InputError, naming `name`, for a log without epoch lines or with an epoch missing."""
    check_model(model)
    first = FIRST_PRINTED_EPOCH[model]
    losses = {}
    for line in text.splitlines():
        match = EPOCH_LINE.fullmatch(line.strip())
        if match:
            printed, d, g = match.groups()
            if int(printed) < first:
                raise InputError(f'{name} prints epoch {printed}, but listing {LISTING[model]} numbers '
                                 f'epochs from {first:04d}: is it a log of another model?')
            losses[int(printed) - first] = (float(d), float(g))
    if not losses:
        raise InputError(f'{name} holds no epoch lines: expected lines like '
                         f"'{EXAMPLE_LINE[model]}' (listing {LISTING[model]})")
    missing = sorted(set(range(max(losses) + 1)) - set(losses))
    if missing:
        hint = ': is it a log of another model?' if missing[0] == 0 else ''
        raise InputError(f'{name} has no line for epoch {missing[0] + first:04d}: expected every epoch '
                         f'from {first:04d} on, numbered as listing {LISTING[model]} prints them{hint}')
    values = np.array([losses[epoch] for epoch in range(len(losses))])
    return Losses(d=values[:, 0], g=values[:, 1])


def read_log(path, model):
    """parse_log of the file at path; InputError if it cannot be read as UTF-8 text."""
    try:
        with open(path, encoding='utf-8') as f:
            text = f.read()
    except FileNotFoundError:
        raise InputError(f'{path} not found: expected the log.txt a training run writes') from None
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f'{path} cannot be read as UTF-8 text ({e.__class__.__name__}): '
                         'expected the log.txt a training run writes') from None
    return parse_log(text, model, name=str(path))


def book_runs(model):
    """The runs the book printed for model: two for 'gan' (listing 9.1), one for 'cgan' (9.2)."""
    check_model(model)
    data = importlib.resources.files('tf1gan.evaluation') / 'data'
    return [parse_log(data.joinpath(name).read_text(encoding='utf-8'), model, name=name)
            for name in BOOK_LOGS[model]]
