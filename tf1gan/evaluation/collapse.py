"""The DCGAN's d_loss ~ 0 collapse, read from what its listing prints, window by window.

    epoch:0  d_loss:0.7035  g_loss:0.5554      (one line per iteration: dcgan.log_line)

A window is 100 iterations (0-99, 100-199, ...; the last one may be shorter). It is collapsed
when its mean d_loss is under 0.01 and its mean g_loss under 0.1: the discriminator wins every
batch and the generator's loss has stopped moving (BUILD.md, "The DCGAN: what a reader should
expect"). benchmarks/dcgan_collapse.py and the whole-run tests both judge runs by this.
"""
import gzip
import re
from typing import NamedTuple

LINE = re.compile(r'^epoch:(\d+)\s+d_loss:([\d.]+)\s+g_loss:([\d.]+)$')
WINDOW = 100  # iterations
D_LOSS_UNDER = 0.01
G_LOSS_UNDER = 0.1


def collapsed(d_loss, g_loss):
    return d_loss < D_LOSS_UNDER and g_loss < G_LOSS_UNDER


class Window(NamedTuple):
    first_iteration: int
    last_iteration: int
    d_loss: float  # mean over the window
    g_loss: float

    @property
    def collapsed(self):
        return collapsed(self.d_loss, self.g_loss)

    def describe(self):
        return (f'iterations {self.first_iteration}-{self.last_iteration}: mean d_loss {self.d_loss:.4f}, '
                f'mean g_loss {self.g_loss:.4f}')


def read_losses(path):
    """[(d_loss, g_loss)] of every iteration line of the log at path (gzipped if it ends in .gz),
    in order; other lines are left out."""
    with (gzip.open if str(path).endswith('.gz') else open)(path, 'rt', encoding='utf-8') as lines:
        return [(float(m.group(2)), float(m.group(3))) for m in map(LINE.match, lines) if m]


def windows(losses):
    """[Window] of the per-iteration (d_loss, g_loss) losses."""
    return [Window(start, start + len(chunk) - 1, sum(d for d, _ in chunk) / len(chunk),
                   sum(g for _, g in chunk) / len(chunk))
            for start in range(0, len(losses), WINDOW) for chunk in [losses[start:start + WINDOW]]]


def states(windows):
    """One character per window: 'C' collapsed, '-' not."""
    return ''.join('C' if w.collapsed else '-' for w in windows)
