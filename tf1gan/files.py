"""Writing a file so that a reader, or a kill, never sees half of it."""
import os


def replace_atomically(path, write, suffix=''):
    """write(tmp) into a temporary file beside path, then rename it onto path: a failure or a
    kill leaves the old file (or none), never half a new one. The temporary name is hidden,
    carries the process id (two processes cannot collide) and ends with suffix, for writers
    that choose a format by the name's ending (tf_keras: '.weights.h5'). The writer creates
    the file, so it gets the usual permissions. The folder must exist."""
    tmp = os.path.join(os.path.dirname(path), f'.{os.path.basename(path)}.{os.getpid()}.part{suffix}')
    try:
        write(tmp)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def write_bytes_atomically(path, data):
    def write(tmp):
        with open(tmp, 'wb') as f:
            f.write(data)
    replace_atomically(path, write)
