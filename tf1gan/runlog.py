"""<run_dir>/log.txt: every line a run prints, as printed, for tf1gan.compare and for reading later.

Each line is printed, then appended and flushed, so a killed run's log holds what it printed.
A resumed run appends: an epoch or iteration printed again after a resume appears twice, and
readers take the last copy (for 9.1 and 9.2 the last copy is the one that was checkpointed).
"""
import os

LOG_NAME = 'log.txt'


def log_path(run_dir):
    return os.path.join(run_dir, LOG_NAME)


class RunLog:
    """A callable `log(line)`: prints line and appends it to <run_dir>/log.txt.

    A new run starts the file afresh and resume=True appends to it, both at the first line: a
    run refused before it prints (say, into another run's checkpoints) leaves the file alone."""

    def __init__(self, run_dir, resume=False):
        self._path, self._mode, self._file = log_path(run_dir), 'a' if resume else 'w', None

    def __call__(self, line):
        print(line, flush=True)
        if self._file is None:
            os.makedirs(os.path.dirname(self._path) or '.', exist_ok=True)
            self._file = open(self._path, self._mode, encoding='utf-8')
        self._file.write(line + '\n')
        self._file.flush()
