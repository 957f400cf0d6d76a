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


SMALLEST = 3  # inches: a picture of one digit or a few is drawn at least this wide (300 px)


def save_rows(rows, path, titles=None, row_titles=None, cmap=None, smallest=0):
    """One figure of len(rows) rows of images, saved as the listings save it: 9.1.13 and 9.2.10 a tile
    of an inch, in matplotlib's default colours (cmap: the DCGAN's 'gray'). For tf1gan.generate: each
    tile titled with titles[r][i] and each row with row_titles[r] on its left, if given, and the
    picture at least `smallest` inches wide or high (SMALLEST: one digit drawn large enough to see)."""
    columns = max(len(row) for row in rows)
    inches = max(1, smallest / max(columns, len(rows)))  # a tile's side
    fig, ax = plt.subplots(len(rows), columns, figsize=(columns * inches, len(rows) * inches), squeeze=False)
    for r, row in enumerate(rows):
        for i in range(columns):
            ax[r][i].set_axis_off()
            if i < len(row):
                ax[r][i].imshow(np.reshape(row[i], (28, 28)), cmap=cmap)
                if titles is not None:
                    ax[r][i].set_title(str(titles[r][i]), fontsize=8 * inches)
        if row_titles is not None:
            ax[r][0].text(-0.15, 0.5, str(row_titles[r]), transform=ax[r][0].transAxes, ha='right', va='center',
                          fontsize=8 * inches)
    save_figure(fig, path, bbox_inches='tight')


def save_figure(fig, path, **savefig_kwargs):
    """Saves and closes fig. The folders are made as needed, and the picture is written under a
    temporary name and renamed into place, so an interrupted run never leaves half a PNG."""
    os.makedirs(os.path.dirname(path) or '.', exist_ok=True)
    try:
        files.replace_atomically(path, lambda tmp: fig.savefig(tmp, format='png', **savefig_kwargs))
    finally:
        plt.close(fig)
