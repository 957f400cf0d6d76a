"""Running a reader's script, or a notebook's code cells, as `__main__`, with its own TensorFlow.

The cells run, in order, in one fresh `__main__` module whose `__builtins__` carry
tf1gan.script.tf1_view's `__import__`: the script's `import tensorflow` is its own, nobody else's. In
graph mode it is TF1 and the cells run inside a fresh `tf.Graph().as_default()` (TF1's default
graph, for this script only); in eager mode it is TensorFlow 2, which runs eagerly, as TF 2.x ran
Keras. The script's tf.enable_eager_execution() leaves graph mode for eager mode. `--seed` seeds
the graph, op determinism, NumPy and Python's `random` as tf1gan.main does (tf1gan.compat.seeding).
`--keras_semantics` is what freezing a compiled Keras model holding BatchNormalization means
(tf1gan.script.keras_freezing).

Errors come out as Python reports them for the reader's file: their frames, none of tf1gan's. A
name the script's TensorFlow lacks (tf.estimator, tf.contrib..., tf.nn.no_such_op) is one line
naming the reader's file and line.
"""
import ast
import contextlib
import os
import sys
import traceback
import types

from tf1gan.compat.keras_semantics import DEFAULT_KERAS_SEMANTICS
from tf1gan.script import figures, source, tf1_view, tf_logging
from tf1gan.script import project as project_modules

MODULE_WRAPPER = os.path.join('tensorflow', 'python', 'util', 'module_wrapper.py')
PACKAGE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__))) + os.sep  # tf1gan/, this file's parent's


def _drop_tf1gan_frames(report, seen=None):
    """Removes tf1gan's own frames from a TracebackException and the exceptions chained to it."""
    seen = seen if seen is not None else set()
    if report is None or id(report) in seen:
        return
    seen.add(id(report))
    report.stack = traceback.StackSummary.from_list(
        [frame for frame in report.stack if not frame.filename.startswith(PACKAGE_DIR)])
    for chained in (report.__cause__, report.__context__, *(getattr(report, 'exceptions', None) or ())):
        _drop_tf1gan_frames(chained, seen)


def missing_name(error):
    """'tf.nn.no_such_op' for an AttributeError on a module of the script's TensorFlow, else None."""
    module = getattr(error, 'obj', None)
    module_name = getattr(module, '__name__', None)
    if not isinstance(module, types.ModuleType) or not isinstance(module_name, str) or error.name is None:
        return None
    for prefix in ('tensorflow._api.v2.compat.v1', 'tensorflow._api.v2', 'tensorflow'):
        if module_name == prefix or module_name.startswith(prefix + '.'):
            return 'tf' + module_name[len(prefix):] + '.' + error.name
    return None


def report_exception(error, file=None, reader_files=(), views=None):
    """Prints error as Python would for the reader's script: Traceback, the reader's frames (and
    those of libraries they called), the exception. tf.contrib, tf.estimator and any other name the
    script's TensorFlow lacks, asked for on a line of reader_files, are one line naming the place."""
    file = file or sys.stderr
    report = traceback.TracebackException(type(error), error, error.__traceback__)
    _drop_tf1gan_frames(report)
    if isinstance(error, tf1_view.RemovedInTF2Error) and report.stack:
        frame = report.stack[-1]
        print(f'tf1gan: {frame.filename}, line {frame.lineno}: {error}', file=file)
        return
    name = missing_name(error) if isinstance(error, AttributeError) else None
    readers = [i for i, frame in enumerate(report.stack) if frame.filename in reader_files]
    # Asked for on the reader's line: after it, only TensorFlow's module wrapper (its attribute lookup).
    if name and readers and all(frame.filename.endswith(MODULE_WRAPPER) for frame in report.stack[readers[-1] + 1:]):
        frame = report.stack[readers[-1]]
        seen = f' (the script\'s TensorFlow: {views.describe()})' if views else ''
        print(f'tf1gan: {frame.filename}, line {frame.lineno}: {name} does not exist in TensorFlow 2.21{seen}',
              file=file)
        return
    print(''.join(report.format()), end='', file=file)


def compile_cell(cell, display_last=False):
    """The code objects of cell, compiled under its file name. display_last: a last expression
    statement is compiled as the interactive prompt does, so its value is printed (a notebook)."""
    tree = ast.parse(cell.source, cell.filename)
    if display_last and tree.body and isinstance(tree.body[-1], ast.Expr):
        last = ast.Interactive(body=[tree.body.pop()])
        return [compile(tree, cell.filename, 'exec', dont_inherit=True),
                compile(last, cell.filename, 'single', dont_inherit=True)]
    return [compile(tree, cell.filename, 'exec', dont_inherit=True)]


def main_module(path, views):
    """A fresh `__main__` for the script at path, importing through views."""
    module = types.ModuleType('__main__')
    module.__file__ = path
    module.__builtins__ = views.builtins()
    return module


@contextlib.contextmanager
def as_main(module, argv, path):
    """sys.modules['__main__'], sys.argv and sys.path[0] as `python path` would set them."""
    saved = sys.modules.get('__main__'), sys.argv[:], sys.path[:]
    sys.modules['__main__'] = module
    sys.argv[:] = argv
    sys.path.insert(0, os.path.dirname(os.path.abspath(path)))
    try:
        yield
    finally:
        sys.modules['__main__'] = saved[0]
        sys.argv[:] = saved[1]
        sys.path[:] = saved[2]


class DefaultGraphs:
    """TF1's graph mode for one script: a fresh default graph, entered for it alone. The
    script's tf.reset_default_graph() enters another fresh graph (TensorFlow's own refuses
    inside a graph context), with the same graph-level seed. Every graph of the script's (its own
    `tf.Graph()` too) is TF 1.15's from its first `as_default()`: RefVariables, TF 1.15's seed rule,
    and the --seed."""

    def __init__(self, views, seed=None):
        self.views = views
        self.seed = seed
        self.contexts = []
        self.graph_class = None

    def enter(self):
        from tf1gan.compat import tf1_seeds
        if not self.contexts:
            # TF 1.15's tf.cond and tf.while_loop (Switch/Merge, not TF 2's If/While over function
            # graphs), which RefVariables need inside a cond: tf.layers.batch_normalization with
            # training= a placeholder assigns its moving averages there. Left by close(), last.
            control_flow = tf1_seeds.tf115_control_flow()
            control_flow.__enter__()
            self.contexts.append(control_flow)
            threads = threads_in_graph_mode()
            threads.__enter__()
            self.contexts.append(threads)
            self.graph_class = tf1_graph_class(self.tf1_defaults)
            self.views.tf1.Graph = self.graph_class
        context = self.graph_class().as_default()
        context.__enter__()
        self.contexts.append(context)
        self.views.tf1.reset_default_graph = self.enter

    def tf1_defaults(self, graph):
        """TF 1.15's defaults in `graph`, the default graph: RefVariables (a fetch of a variable updated
        in the same run reads the update, as lecture scripts print it), its seed rule
        (tf1gan.compat.tf1_seeds) and the --seed."""
        import tensorflow as tf
        from tf1gan.compat import tf1_seeds
        tf.compat.v1.get_variable_scope().set_use_resource(False)
        tf1_seeds.use_tf1_seeds(graph)
        if self.seed is not None:
            tf.compat.v1.set_random_seed(self.seed)

    def close(self):
        while self.contexts:
            self.contexts.pop().__exit__(None, None, None)
        for name in ('reset_default_graph', 'Graph'):
            self.views.tf1.__dict__.pop(name, None)  # TensorFlow's own again


@contextlib.contextmanager
def threads_in_graph_mode():
    """The threads started meanwhile (tf.train.Supervisor's, QueueRunners', the script's own) begin in
    graph mode, as every thread of TF 1.15 did: TensorFlow 2 starts a thread eager (its
    context.default_execution_mode, which tf.compat.v1.disable_eager_execution sets for good)."""
    from tensorflow.python.eager import context
    # This thread's own mode is read from the default the first time it is asked for, then kept:
    # asked for now, this thread stays TensorFlow 2's (eager once the script leaves its graphs).
    context.context().executing_eagerly()
    saved = context.default_execution_mode
    context.default_execution_mode = context.GRAPH_MODE
    try:
        yield
    finally:
        context.default_execution_mode = saved


def tf1_graph_class(tf1_defaults):
    """The script's tf.Graph: TensorFlow's, with tf1_defaults(graph) called the first time the graph
    is made the default (inside it), so that a graph the script makes is TF 1.15's as the runner's is."""
    import tensorflow as tf

    class Graph(tf.Graph):
        __doc__ = tf.Graph.__doc__
        _tf1_defaults_set = False

        @contextlib.contextmanager
        def as_default(self):
            with super().as_default() as graph:
                if not self._tf1_defaults_set:
                    self._tf1_defaults_set = True
                    tf1_defaults(self)
                yield graph

    Graph.__module__ = tf.Graph.__module__
    return Graph


@contextlib.contextmanager
def tensorflow_mode(graph, seed, views):
    """Graph mode (DefaultGraphs) or TensorFlow 2's eager mode for the run, seeded as tf1gan.main
    seeds (in graph mode, inside the graph: its graph-level seed). The script's
    tf.enable_eager_execution() in graph mode leaves the graph for eager mode, as TF 1.15 did at
    program start-up (and refused, ValueError, once the graph held operations)."""
    from tf1gan.compat import seeding  # imports TensorFlow
    views.eager = not graph
    if not graph:
        seeding.seed_graph(seed)
        yield
        return
    graphs = DefaultGraphs(views, seed)

    def leave_the_graph():
        import tensorflow as tf
        if tf.compat.v1.get_default_graph().get_operations():
            raise ValueError('tf.enable_eager_execution must be called at program startup.')  # TF 1.15's words
        graphs.close()
        seeding.seed_graph(seed)

    views.on_eager = leave_the_graph
    graphs.enter()
    seeding.seed_graph(seed)
    try:
        yield
    finally:
        graphs.close()


def run(cells, path, argv, mode='auto', seed=None, settings=(), data_dir=None, source_url=None,
        figure_dir='figures', notebook=False, note=None, keras_semantics=None, reader_code=None):
    """Runs the cells of the script (or notebook) at path; returns the exit status Python would
    give (0, 1 for an exception, SystemExit's code). A bad setting raises InputError before
    anything runs. Notebook cells print their last expression's value, and the figures a cell
    leaves open are saved into figure_dir as Jupyter would have shown them. keras_semantics:
    what freezing a compiled Keras model holding BatchNormalization means (None: the default,
    with no note when the script has no use for it; given: a note if the script has none)."""
    note = note or (lambda text: print(f'tf1gan: {text}', file=sys.stderr))
    try:
        cells = [source.skip_magics(cell, note) for cell in cells]
        for cell in cells:
            compile(cell.source, cell.filename, 'exec', dont_inherit=True)
    except SyntaxError as error:
        print(''.join(traceback.format_exception_only(type(error), error)), end='', file=sys.stderr)
        return 1
    cells = source.apply_settings(cells, settings, script_name=path)
    graph = {'graph': True, 'eager': False}.get(mode)
    if graph is None:  # the script's own cells, and the modules it imports from the reader's folders
        folders = project_modules.folders_before_the_run(os.path.dirname(path), reader_code)
        graph = source.uses_graph_mode(
            cells + source.imported_modules(cells, folders, follow_sys_path=reader_code is None))

    from tf1gan.script import keras_freezing
    freezing = keras_freezing.Freezing(keras_semantics or DEFAULT_KERAS_SEMANTICS, note)
    with contextlib.ExitStack() as keras_hooks:
        views = tf1_view.Views(data_dir=data_dir, source_url=source_url,
                               on_keras=lambda tf_keras: keras_hooks.enter_context(freezing.hooks(tf_keras)))
        views.flags.on_app_run = tf_logging.absl_lines_too
        with tf_logging.tf1_lines():
            status = _run_cells(cells, path, argv, views, reader_code, graph, seed, figure_dir, notebook, note)
    if keras_semantics and not freezing.used:
        note(f'--keras_semantics={keras_semantics} changed nothing: {path} froze no compiled Keras model '
             'holding BatchNormalization')
    return status


def _run_cells(cells, path, argv, views, reader_code, graph, seed, figure_dir, notebook, note):
    module = main_module(path, views)
    # The modules the script imports from the reader's folders import as the script does.
    project = project_modules.ReaderModules(module.__builtins__, os.path.dirname(path), reader_code)
    pictures = figures.Figures(figure_dir, note)
    headless = notebook or not figures.has_display()
    try:
        with as_main(module, argv, path), project, pictures.hooks(headless), tensorflow_mode(graph, seed, views):
            for cell in cells:
                for code in compile_cell(cell, display_last=notebook):
                    exec(code, module.__dict__)
                if notebook:
                    pictures.save_open()
    except SystemExit as exit:
        return exit.code if isinstance(exit.code, int) else (0 if exit.code is None else _print_exit(exit.code))
    except KeyboardInterrupt as error:
        report_exception(error)
        return 130
    except BaseException as error:  # noqa: B036  (the reader's code: reported as Python would)
        report_exception(error, reader_files={cell.filename for cell in cells} | project.files, views=views)
        return 1
    finally:
        sys.stdout.flush()
    return 0


def _print_exit(message):
    # sys.exit('message'): Python prints it to stderr and exits with status 1.
    print(message, file=sys.stderr)
    return 1
