"""The book's sample pictures: rows of 28x28 images, drawn as 9.1.13 and 9.2.10 draw them."""
import os

import matplotlib

matplotlib.use('Agg')  # no screen needed; set before pyplot is imported
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from tf1gan import files  # noqa: E402


def epoch_path(sample_dir, epoch):
    """samples/<model>/000.png, 009.png, ...: the book's `str(epoch).zfill(3)` names."""
    return os.path.join(sample_dir, '{}.png'.format(str(epoch).zfill(3)))


def is_sample_epoch(epoch):
    # 9.1.13: the first epoch, then every tenth.
    return epoch == 0 or (epoch + 1) % 10 == 0


def save_rows(rows, path):
    """One figure of len(rows) rows of ten images each, saved as the listings save it."""
    sample_size = len(rows[0])
    fig, ax = plt.subplots(len(rows), sample_size, figsize=(sample_size, len(rows)), squeeze=False)

    for r, row in enumerate(rows):
        for i in range(sample_size):
            ax[r][i].set_axis_off()
            ax[r][i].imshow(np.reshape(row[i], (28, 28)))

    save_figure(fig, path, bbox_inches='tight')


def save_figure(fig, path, **savefig_kwargs):
    """Saves and closes fig. The folders are made as needed, and the picture is written under a
    temporary name and renamed into place, so an interrupted run never leaves half a PNG."""
    os.makedirs(os.path.dirname(path) or '.', exist_ok=True)
    try:
        files.replace_atomically(path, lambda tmp: fig.savefig(tmp, format='png', **savefig_kwargs))
    finally:
        plt.close(fig)
