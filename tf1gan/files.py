"""Writing a file so that a reader, or a kill, never sees half of it."""
import os
import tempfile


def replace_atomically(path, write, suffix=''):
    """write(tmp) into a new temporary file beside path, then rename it onto path: a failure or
    a kill leaves the old file (or none), never half a new one. The temporary name is unique
    (two writers cannot collide), hidden, and ends with suffix, for writers that choose a format
    by the name's ending (tf_keras: '.weights.h5'). The folder must exist."""
    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path) or '.', prefix='.' + os.path.basename(path) + '.',
                               suffix='.part' + suffix)
    os.close(fd)
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
