"""A per-epoch progress bar on the terminal, and nothing anywhere else.

It is drawn on stderr only when stderr is a terminal, redrawn in place with '\\r' about a
hundred times an epoch, and erased before the epoch's line is printed: a log piped to a file
or read by tf1gan.compare holds the book's lines only.
"""
import sys
import time

WIDTH = 30


class Progress:
    def __init__(self, stream=None):
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = self.stream.isatty()

    def epoch(self, iterations):
        """Yields 0 .. iterations - 1 (the loop's `range(total_batch)`), drawing the bar as it goes."""
        if not self.enabled:
            yield from range(iterations)
            return
        every = max(1, iterations // 100)
        start = time.perf_counter()
        for i in range(iterations):
            if i % every == 0:
                self._draw(i, iterations, time.perf_counter() - start)
            yield i
        self.clear()

    def _draw(self, done, total, elapsed):
        filled = WIDTH * done // total
        rate = f'{done / elapsed:.0f} it/s' if elapsed > 0 and done else ''
        self.stream.write(f'\repoch [{"#" * filled}{"." * (WIDTH - filled)}] {done}/{total} {rate}')
        self.stream.flush()

    def clear(self):
        if self.enabled:
            self.stream.write('\r\033[K')
            self.stream.flush()
