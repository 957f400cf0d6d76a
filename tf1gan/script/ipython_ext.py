"""`%load_ext tf1gan` in IPython or Jupyter: the following cells see TensorFlow as TF1 scripts did.

The notebook's namespace gets tf1gan.tf1_view's `__import__` (`import tensorflow as tf` is
TF1, input_data is TF 1.15's reader, Keras is Keras 2), from the cell `%load_ext` is in on; so
do the modules the cells import from the notebook's folder (tf1gan.script.project); nothing
outside the reader's own code changes. The first cell that uses TF1's graph API (tf.placeholder,
tf.Session, ...: tf1gan.script.source.GRAPH_NAMES), or imports a module of the reader's that does,
enters a fresh default graph, which stays for the following cells; before that, cells run
eagerly, as TensorFlow 2 ran Keras. `%tf1gan_mode graph` or `%tf1gan_mode eager` chooses
instead. `plt.savefig` into a missing folder makes the folder.
IPython runs the magic lines itself (`%matplotlib inline`).

TensorFlow is imported before the first cell that is more than `%load_ext` and `%tf1gan_...`
lines, as the commands import it (tf1gan.cli.import_tensorflow): its start-up lines (oneDNN,
CUDA probing, cuInit's error), which it writes on file descriptor 2 and Jupyter's kernel puts
into the cell's output, go to /dev/null. `%tf1gan_verbose` before that cell shows them, and its
later log lines, as the commands' --verbose does. Its kernel library is the commands' default, oneDNN, unless
the kernel's environment sets TF_ENABLE_ONEDNN_OPTS (`%env TF_ENABLE_ONEDNN_OPTS=0` before that cell: Eigen's).
"""
import builtins
import os
import re
import sys
import tokenize

from tf1gan import cli
from tf1gan.script import figures, project, runner, source, tf1_view

# A cell of these lines alone does not import TensorFlow: it may still say %tf1gan_verbose.
SETUP_LINE = re.compile(r'\s*(%load_ext\b|%tf1gan_|#|$)')


class Extension:
    def __init__(self, shell):
        self.shell = shell
        self.views = None  # until start()
        self.import_ = builtins.__import__
        self.mode = 'auto'
        self.verbose = False
        self.builtins = {}
        self.figure_hooks = figures.Figures(None).hooks(headless=False)
        self.figure_hooks.__enter__()  # for the rest of the session
        shell.user_global_ns['__builtins__'] = self.builtins
        self.refresh_builtins()
        shell.events.register('pre_run_cell', self.pre_run_cell)
        shell.register_magic_function(self.tf1gan_mode, 'line')
        shell.register_magic_function(self.tf1gan_verbose, 'line')

    def start(self):
        """Imports TensorFlow (quietly unless %tf1gan_verbose) and makes the cells' TF1 view."""
        cli.import_tensorflow(self.verbose)
        self.views = tf1_view.Views()
        self.import_ = self.views.make_import()
        # The modules the cells import from the notebook's folder (and folders they add to sys.path)
        # import as the cells do, for the rest of the session (tf1gan.script.project).
        project.ReaderModules(self.builtins, os.getcwd(), on_import=self.module_imported).__enter__()
        self.graphs = runner.DefaultGraphs(self.views)
        if self.mode == 'graph':
            self.graphs.enter()

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
        if self.views is None and not all(SETUP_LINE.match(line) for line in info.raw_cell.splitlines()):
            self.start()
        self.refresh_builtins()
        if self.views is None or self.graphs.contexts or self.mode != 'auto':
            return
        cell = source.skip_magics(source.Cell(info.raw_cell, '<cell>'), note=lambda text: None)
        try:
            if source.uses_graph_api([cell]):
                self.graphs.enter()
        except SyntaxError:
            pass  # IPython reports it when it compiles the cell

    def module_imported(self, path):
        """A module of the reader's that uses TF1's graph API enters the graph, as a cell using it does."""
        if self.graphs.contexts or self.mode != 'auto':
            return
        try:
            with tokenize.open(path) as f:
                if source.uses_graph_api([source.Cell(f.read(), path)]):
                    self.graphs.enter()
        except (OSError, SyntaxError, UnicodeDecodeError):
            pass  # Python reports it when it imports the module

    def tf1gan_mode(self, line):
        """%tf1gan_mode graph|eager|auto: graph enters a fresh default graph for the following cells."""
        mode = line.strip()
        if mode not in source.MODES:
            print(f'tf1gan: %tf1gan_mode {mode}: expected one of {", ".join(source.MODES)}', file=sys.stderr)
            return
        self.mode = mode
        if self.views is not None:
            self.graphs.close()
            if mode == 'graph':
                self.graphs.enter()

    def tf1gan_verbose(self, line):
        """%tf1gan_verbose: TensorFlow's own log lines shown, as the commands' --verbose does; it must
        come before TensorFlow is imported (right after %load_ext tf1gan)."""
        if 'tensorflow' in sys.modules:
            print('tf1gan: %tf1gan_verbose: too late, TensorFlow is already imported and its log level set; '
                  'restart the kernel, then run `%load_ext tf1gan` and `%tf1gan_verbose` in a cell of their own',
                  file=sys.stderr)
            return
        self.verbose = True


def load(shell):
    if not getattr(shell, '_tf1gan_extension', None):
        shell._tf1gan_extension = Extension(shell)
        # The cell running `%load_ext tf1gan` (its later lines; `ipython file.ipy`, one cell) had its
        # pre_run_cell before the extension was there: it gets its graph-or-eager choice now.
        running = getattr(shell.displayhook, 'exec_result', None)
        if running is not None and running.info is not None:
            shell._tf1gan_extension.pre_run_cell(running.info)
