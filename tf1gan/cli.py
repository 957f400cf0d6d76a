"""What the command-line entry points share: flag parsing that fails in one line, folder checks."""
import os
import sys
import tempfile

from absl import flags


def parse_flags(argv):
    """absl's parsing, with any bad flag reported as one line and exit status 2."""
    try:
        return flags.FLAGS(argv)
    except flags.Error as e:
        print(f'tf1gan: {e}', file=sys.stderr)
        sys.exit(2)


def writable_folder(path):
    """True if path is, or could be created as, a folder we may write in (tried, not guessed:
    root may 'access' folders such as /proc that refuse new files)."""
    path = os.path.abspath(path)
    while not os.path.exists(path):
        parent = os.path.dirname(path)
        if parent == path:
            return False
        path = parent
    try:
        os.rmdir(tempfile.mkdtemp(dir=path))
    except OSError:
        return False
    return True
