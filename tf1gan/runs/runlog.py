"""<run_dir>/log.txt: every line a run prints, as printed, for tf1gan.compare and for reading later.

While a run trains, its standard output goes both to the terminal and to log.txt (tee()): the
MNIST reader's download and `Extracting` lines, the book's epoch lines, the closing line. Each
line is flushed as it is written, so a killed run's log holds what it printed. A resumed run
appends: an epoch or iteration printed again after a resume appears twice, and readers take
the last copy (for 9.1 and 9.2 the last copy is the one that was checkpointed).
"""
import contextlib
import os
import sys

LOG_NAME = 'log.txt'


def log_path(run_dir):
    return os.path.join(run_dir, LOG_NAME)


class _Tee:
    """A text stream writing to `terminal` and to the run's log."""

    def __init__(self, terminal, log):
        self.terminal, self.log = terminal, log

    def write(self, text):
        self.terminal.write(text)
        self.log.write(text)
        return len(text)

    def flush(self):
        self.terminal.flush()

    def __getattr__(self, name):  # isatty, encoding, fileno, ...: the terminal's
        return getattr(self.terminal, name)


class RunLog:
    """log(line) prints line and appends it to <run_dir>/log.txt; `with log.tee():` sends everything
    printed inside there too.

    A new run starts the file afresh and resume=True appends to it, both at the first line: a
    run refused before it prints leaves the file alone."""

    def __init__(self, run_dir, resume=False, held=False):
        self._path, self._mode, self._file = log_path(run_dir), 'a' if resume else 'w', None
        self._held = [] if held else None

    def move(self, run_dir):
        """The run's folder changed before it began (another run claimed the first): log there."""
        assert self._file is None, 'the log has begun'
        self._path = log_path(run_dir)

    def begin(self):
        """held=True keeps what is printed in memory until begin(): a run that fails before it
        starts (a bad MNIST file, say) leaves no log behind."""
        held, self._held = self._held or [], None
        for text in held:
            self.write(text)

    def write(self, text):
        if self._held is not None:
            self._held.append(text)
            return
        if self._file is None:
            os.makedirs(os.path.dirname(self._path) or '.', exist_ok=True)
            self._file = open(self._path, self._mode, encoding='utf-8')
        self._file.write(text)
        if '\n' in text:
            self._file.flush()

    @contextlib.contextmanager
    def tee(self):
        if isinstance(sys.stdout, _Tee) and sys.stdout.log is self:
            yield
            return
        terminal = sys.stdout
        sys.stdout = _Tee(terminal, self)
        try:
            yield
        finally:
            sys.stdout = terminal
            if self._file is not None:
                self._file.flush()

    def __call__(self, line):
        with self.tee():
            print(line, flush=True)

    def close(self):
        if self._file is not None:
            self._file.close()
            self._file = None
