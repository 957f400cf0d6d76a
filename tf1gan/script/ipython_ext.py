"""`%load_ext tf1gan` in IPython or Jupyter: the following cells see TensorFlow as TF1 scripts did.

The notebook's namespace gets tf1gan.tf1_view's `__import__` (`import tensorflow as tf` is
TF1, input_data is TF 1.15's reader, Keras is Keras 2), from the cell `%load_ext` is in on;
nothing outside the notebook's own cells changes. The first cell that uses TF1's graph API (tf.placeholder, tf.Session, ...:
tf1gan.script.source.GRAPH_NAMES) enters a fresh default graph, which stays for the following
cells; before that, cells run eagerly, as TensorFlow 2 ran Keras. `%tf1gan_mode graph` or
`%tf1gan_mode eager` chooses instead. `plt.savefig` into a missing folder makes the folder.
IPython runs the magic lines itself (`%matplotlib inline`).
"""
import builtins
import sys

from tf1gan.script import figures, runner, source, tf1_view


class Extension:
    def __init__(self, shell):
        self.shell = shell
        self.views = tf1_view.Views()
        self.import_ = self.views.make_import()
        self.graphs = runner.DefaultGraphs(self.views)
        self.mode = 'auto'
        self.builtins = {}
        self.figure_hooks = figures.Figures(None).hooks(headless=False)
        self.figure_hooks.__enter__()  # for the rest of the session
        shell.user_global_ns['__builtins__'] = self.builtins
        self.refresh_builtins()
        shell.events.register('pre_run_cell', self.pre_run_cell)
        shell.register_magic_function(self.tf1gan_mode, 'line')

    def refresh_builtins(self):
        # What IPython's builtin trap puts into the builtins module while a cell runs (get_ipython;
        # exit and quit it hides), then the script's __import__.
        from IPython.core.builtin_trap import HideBuiltin
        self.builtins.clear()
        self.builtins.update(vars(builtins))
        for name, value in self.shell.builtin_trap.auto_builtins.items():
            if value is HideBuiltin:
                self.builtins.pop(name, None)
            else:
                self.builtins[name] = value
        self.builtins['__import__'] = self.import_

    def pre_run_cell(self, info):
        self.refresh_builtins()
        if not self.graphs.contexts and self.mode == 'auto':
            cell = source.skip_magics(source.Cell(info.raw_cell, '<cell>'), note=lambda text: None)
            try:
                if source.uses_graph_api([cell]):
                    self.graphs.enter()
            except SyntaxError:
                pass  # IPython reports it when it compiles the cell

    def tf1gan_mode(self, line):
        """%tf1gan_mode graph|eager|auto: graph enters a fresh default graph for the following cells."""
        mode = line.strip()
        if mode not in source.MODES:
            print(f'tf1gan: %tf1gan_mode {mode}: expected one of {", ".join(source.MODES)}', file=sys.stderr)
            return
        self.graphs.close()
        self.mode = mode
        if mode == 'graph':
            self.graphs.enter()


def load(shell):
    if not getattr(shell, '_tf1gan_extension', None):
        shell._tf1gan_extension = Extension(shell)
        # The cell running `%load_ext tf1gan` (its later lines; `ipython file.ipy`, one cell) had its
        # pre_run_cell before the extension was there: it gets its graph-or-eager choice now.
        running = getattr(shell.displayhook, 'exec_result', None)
        if running is not None and running.info is not None:
            shell._tf1gan_extension.pre_run_cell(running.info)
