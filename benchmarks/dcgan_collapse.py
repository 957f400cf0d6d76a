"""Where a DCGAN run's log sits in the d_loss ~ 0 / g_loss ~ 0.02 collapse, window by window.

    python benchmarks/dcgan_collapse.py dcgan-seed1.log [more.log.gz ...]

A log is what `python -m tf1gan.main --flagfile=flags/dcgan.flags` prints (gzipped or not). Per window of 100
iterations it takes the mean d_loss and g_loss; a window is collapsed ('C') when the mean
d_loss is under 0.01 and the mean g_loss under 0.1 (the discriminator wins every batch and
the generator's loss has stopped moving), else '-'. Prints the window string, the first
collapsed window, every escape (a run of at least two non-collapsed windows after a
collapsed one) and the state of the last window.
"""
import gzip
import re
import sys

LINE = re.compile(r'^epoch:(\d+)\s+d_loss:([\d.]+)\s+g_loss:([\d.]+)$')
WINDOW = 100


def windows(path):
    """[(first iteration, mean d_loss, mean g_loss)] of each window of the log at path."""
    with (gzip.open if path.endswith('.gz') else open)(path, 'rt', encoding='utf-8') as lines:
        losses = [(float(m.group(2)), float(m.group(3))) for m in map(LINE.match, lines) if m]
    return [(start, sum(d for d, _ in chunk) / len(chunk), sum(g for _, g in chunk) / len(chunk))
            for start in range(0, len(losses), WINDOW) for chunk in [losses[start:start + WINDOW]]]


def collapsed(d_loss, g_loss):
    return d_loss < 0.01 and g_loss < 0.1


def describe(path):
    states = ''.join('C' if collapsed(d, g) else '-' for _, d, g in windows(path))
    first = states.find('C')
    escapes = [m.start() * WINDOW for m in re.finditer(r'(?<=C)-{2,}', states)]
    return (f'{path}: {len(states)} windows  {states}\n'
            f'  first collapsed window: {"none" if first < 0 else first * WINDOW}; '
            f'escapes at: {escapes or "none"}; last window: {"collapsed" if states.endswith("C") else "not collapsed"}')


if __name__ == '__main__':
    for path in sys.argv[1:]:
        print(describe(path))
