"""A run's progress bar on the terminal, and nothing anywhere else.

Drawn with tqdm on stderr, only when stderr is a terminal: a log piped to a file, log.txt and a
redirected stdout hold the book's lines only. 9.1 and 9.2 get one bar an epoch,

    epoch 3/100 ██████▌          330/550 iterations, 141.2it/s, 00:01 left (run 04:05)

and the DCGAN, whose `epoch` counts iterations, one for the run:

    iteration 1200/4001 ███▌         16.3it/s, run 02:52 left

The loops count the iterations they have *trained* (bar.trained(n); the fast loop a chunk once
its Session.run has returned), the rate is tqdm's smoothed one (an exponential moving average;
until an epoch's first iterations are trained, the last whole epoch's), and the bar is drawn at
its total before it is erased, so it never stops short of it.
"""
import contextlib
import sys
import time

import tqdm

# The epoch's time left, then the run's: short enough to leave the bar at least 10 columns of an 80-column terminal.
EPOCH_FORMAT = '{desc} {bar} {n_fmt}/{total_fmt} iterations, {rate_fmt}, {remaining} left (run {run_left})'
RUN_FORMAT = '{desc} {n_fmt}/{total_fmt} {bar} {rate_fmt}, run {remaining} left'
DEFAULT_COLUMNS = 80  # the width of a terminal that reports none (a pseudo-terminal of size 0x0)


class Progress:
    """The bars of one run, on stream (stderr) if it is a terminal; off one, bars that draw nothing."""

    def __init__(self, stream=None, lines=None, enabled=None):
        self.stream = stream if stream is not None else sys.stderr
        self.lines = lines if lines is not None else sys.stdout  # where the loop's own lines go
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self._epoch_seconds = None  # the last whole epoch's wall time, checkpoints and pictures included
        self._epoch_began = None

    def epoch(self, epoch, total_epoch, iterations):
        """The bar of epoch `epoch` (0-based, as the book prints it) of total_epoch, of `iterations`."""
        if not self.enabled:
            return NO_BAR
        now = time.perf_counter()
        if self._epoch_began is not None:
            self._epoch_seconds = now - self._epoch_began
        self._epoch_began = now
        later = total_epoch - epoch - 1  # epochs after this one: as long as the last whole one, or at this rate
        # Until this epoch's first iterations are trained, its rate is the last whole epoch's.
        last_rate = iterations / self._epoch_seconds if self._epoch_seconds else None
        return Bar(self, iterations, f'epoch {epoch + 1}/{total_epoch}', EPOCH_FORMAT,
                   later=lambda rate: later * (self._epoch_seconds or iterations / rate), last_rate=last_rate)

    def iterations(self, start, total):
        """One bar for a run of `total` iterations (the DCGAN), `start` of them trained before."""
        if not self.enabled:
            return NO_BAR
        return Bar(self, total, 'iteration', RUN_FORMAT, initial=start)


class _Tqdm(tqdm.tqdm):
    """tqdm with {run_left}: the time left for the run, from the rate drawn beside it. later(rate):
    the seconds the run's later epochs take."""

    def __init__(self, *args, later=None, last_rate=None, **kwargs):
        self.later = later
        self.last_rate = last_rate
        super().__init__(*args, **kwargs)

    # The terminal's size as tqdm reads it, for a terminal that reports none (0x0, which tqdm reads as -1 columns
    # and -1 rows and then draws nothing; or no size at all): drawn as on one DEFAULT_COLUMNS wide.
    @property
    def ncols(self):
        return self._ncols

    @ncols.setter
    def ncols(self, value):
        self._ncols = value if value and value > 0 else DEFAULT_COLUMNS - 1  # tqdm leaves the last column free

    @property
    def nrows(self):
        return self._nrows

    @nrows.setter
    def nrows(self, value):
        self._nrows = value if value and value > 0 else None  # tqdm's own default

    @property
    def format_dict(self):
        drawn = super().format_dict
        if not drawn['rate'] and self.n == drawn['initial'] and self.last_rate:
            drawn['rate'] = self.last_rate
        if self.later is not None:
            rate = drawn['rate'] or ((self.n - drawn['initial']) / drawn['elapsed'] if drawn['elapsed'] else None)
            left = (self.total - self.n) / rate + self.later(rate) if rate else None  # the rate tqdm draws
            drawn['run_left'] = self.format_interval(left) if left is not None else '?'
        return drawn


class Bar:
    def __init__(self, progress, total, desc, bar_format, initial=0, later=None, last_rate=None):
        self.progress = progress
        self.bar = _Tqdm(total=total, initial=initial, desc=desc, bar_format=bar_format, file=progress.stream,
                         leave=False, dynamic_ncols=True, smoothing=0.3, mininterval=0.2, later=later,
                         last_rate=last_rate)

    def trained(self, n=1):
        """n more iterations are trained."""
        self.bar.update(n)

    @contextlib.contextmanager
    def above(self):
        """Prints the loop's line above the bar: the bar is taken off the terminal while it is written."""
        shared = self.progress.lines.isatty()
        if shared:
            self.bar.clear()
        yield
        if shared:
            self.progress.lines.flush()
            self.bar.refresh()

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        if exc_info[0] is None:
            self.bar.refresh()  # drawn at its total, however recently it was last drawn
        self.bar.close()  # leave=False: erased


class _NoBar:
    """Off a terminal: counts nothing, draws nothing."""

    def trained(self, n=1):
        pass

    @contextlib.contextmanager
    def above(self):
        yield

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        pass


NO_BAR = _NoBar()
OFF = Progress(enabled=False)  # a run trained without a bar (tests, benchmarks)
