"""Where a DCGAN run's log sits in the d_loss ~ 0 / g_loss ~ 0.02 collapse, window by window.

    python benchmarks/dcgan_collapse.py dcgan-seed1.log [more.log.gz ...]

A log is what `python -m tf1gan.main --flagfile=flags/dcgan.flags` prints (gzipped or not). Per window of 100
iterations it takes the mean d_loss and g_loss; a window is collapsed ('C') when the mean
d_loss is under 0.01 and the mean g_loss under 0.1 (tf1gan.evaluation.collapse: the discriminator wins
every batch and the generator's loss has stopped moving), else '-'. Prints the window string,
the first collapsed window, every escape (a run of at least two non-collapsed windows after a
collapsed one) and the state of the last window.
"""
import re
import sys

from tf1gan.evaluation import collapse


def describe(path):
    states = collapse.states(collapse.windows(collapse.read_losses(path)))
    first = states.find('C')
    escapes = [m.start() * collapse.WINDOW for m in re.finditer(r'(?<=C)-{2,}', states)]
    return (f'{path}: {len(states)} windows  {states}\n'
            f'  first collapsed window: {"none" if first < 0 else first * collapse.WINDOW}; '
            f'escapes at: {escapes or "none"}; last window: {"collapsed" if states.endswith("C") else "not collapsed"}')


if __name__ == '__main__':
    for path in sys.argv[1:]:
        print(describe(path))
