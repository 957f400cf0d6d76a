"""The pictures of a reader's script or notebook, on a machine that may have no screen.

While hooks() is active:
- `plt.savefig('ch09/samples/000.png')` (any Figure.savefig) into a folder that does not
  exist yet makes the folder, with one note, instead of raising after an epoch of training;
- `plt.show()` on a backend with no window (Agg: no display, or a notebook run from the
  command line) saves each open figure as <figure_dir>/figure_001.png, 002, ... and closes
  it, as Jupyter's inline backend shows and closes them; save_open() does the same at the
  end of a notebook cell.
"""
import contextlib
import os
import sys


def has_display():
    """False on a Linux machine without X11 or Wayland (a server, CI), where only Agg can draw."""
    if not sys.platform.startswith('linux'):
        return True
    return bool(os.environ.get('DISPLAY') or os.environ.get('WAYLAND_DISPLAY'))


def _note(text):
    print(f'tf1gan: {text}', file=sys.stderr)


class Figures:
    def __init__(self, figure_dir, note=_note):
        self.figure_dir = figure_dir
        self.note = note
        self.saved = []

    def save_open(self):
        """Saves every open pyplot figure as the next numbered PNG in figure_dir and closes it."""
        import matplotlib.pyplot as plt
        for number in plt.get_fignums():
            figure = plt.figure(number)
            path = os.path.join(self.figure_dir, 'figure_%03d.png' % (len(self.saved) + 1))
            os.makedirs(self.figure_dir, exist_ok=True)
            figure.savefig(path)
            plt.close(figure)
            self.saved.append(path)
            self.note(f'saved the figure it would show as {path}')

    @contextlib.contextmanager
    def hooks(self, headless):
        """Figure.savefig makes missing folders; with headless=True (Agg is the backend),
        plt.show() saves the open figures. Both are put back on exit."""
        import matplotlib
        if headless:
            matplotlib.use('Agg')
        import matplotlib.figure
        import matplotlib.pyplot as plt
        savefig, show = matplotlib.figure.Figure.savefig, plt.show
        note = self.note

        def savefig_into_a_new_folder(figure, fname, *args, **kwargs):
            if isinstance(fname, (str, os.PathLike)):
                folder = os.path.dirname(os.fspath(fname))
                if folder and not os.path.isdir(folder):
                    os.makedirs(folder, exist_ok=True)
                    note(f'made the folder {folder} for {os.fspath(fname)}')
            return savefig(figure, fname, *args, **kwargs)

        def show_as_files(*args, **kwargs):
            self.save_open()

        matplotlib.figure.Figure.savefig = savefig_into_a_new_folder
        if headless:
            plt.show = show_as_files
        try:
            yield self
        finally:
            matplotlib.figure.Figure.savefig = savefig
            plt.show = show
