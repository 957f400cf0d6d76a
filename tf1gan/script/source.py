"""A reader's script as tf1gan.script runs it: its source, with IPython magic lines skipped,
`--set NAME=VALUE` applied, compiled under the reader's own file name, every line where it was.

A source is one or more Cells (a .py file is one cell; a notebook's code cells are many).
"""
import ast
import os
import sys
from typing import NamedTuple

from tf1gan.errors import InputError

# What makes a script a TF1 graph-mode script, for mode='auto': any of these names used.
GRAPH_NAMES = frozenset({'placeholder', 'Session', 'InteractiveSession', 'global_variables_initializer',
                         'initialize_all_variables', 'variable_scope', 'get_variable', 'get_collection',
                         'Saver', 'read_data_sets'})
MODES = ('auto', 'graph', 'eager')


class Cell(NamedTuple):
    """Source text and the file name its code is compiled under (tracebacks show it)."""
    source: str
    filename: str


def is_magic(line):
    # `%matplotlib inline`, `%%time`, `!pip install ...`: IPython, not Python.
    return line.lstrip().startswith(('%', '!'))


def skip_magics(cell, note=None):
    """cell with each IPython magic line replaced by `pass` at its indentation (line numbers
    kept), noted once per line through note(text). Source that compiles is left as it is:
    a magic line is never valid Python, and a `%` that is valid Python is no magic."""
    note = note or (lambda text: print(f'tf1gan: {text}', file=sys.stderr))
    try:
        compile(cell.source, cell.filename, 'exec', dont_inherit=True)
        return cell
    except SyntaxError:
        pass
    lines = cell.source.splitlines(keepends=True)
    for number, line in enumerate(lines, 1):
        if is_magic(line):
            note(f'{cell.filename}, line {number}: skipped the IPython magic {line.strip()!r}')
            indent = line[:len(line) - len(line.lstrip())]
            lines[number - 1] = f'{indent}pass\n' if line.endswith('\n') else f'{indent}pass'
    return Cell(''.join(lines), cell.filename)


def _literal(node):
    """The Python value of a literal assignment's right side (100, 0.0002, -1, 'a', True), else
    raises ValueError."""
    value = ast.literal_eval(node)
    if isinstance(value, (bool, int, float, str)):
        return value
    raise ValueError(node)


def settable(tree):
    """{name: [Assign nodes]} of the top-level `NAME = <number, string or boolean>` of a module."""
    names = {}
    for node in tree.body:
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if len(targets) == 1 and isinstance(targets[0], ast.Name):
                try:
                    _literal(node.value)
                except ValueError:
                    continue
                names.setdefault(targets[0].id, []).append(node)
    return names


def parse_setting(setting):
    """'NAME=VALUE' -> (NAME, value): VALUE read as a Python number, boolean or string literal,
    and as a plain string otherwise (--set optimizer=adam)."""
    name, sep, text = setting.partition('=')
    if not sep or not name.strip().isidentifier():
        raise InputError(f'--set {setting!r}: expected NAME=VALUE, as in --set total_epoch=1')
    text = text.strip()
    try:
        value = _literal(ast.parse(text, mode='eval').body)
    except (SyntaxError, ValueError):
        value = text
    if text in ('true', 'false'):
        value = text == 'true'
    return name.strip(), value


def _kind(value):
    return 'a boolean' if isinstance(value, bool) else 'a number' if isinstance(value, (int, float)) else 'a string'


def apply_settings(cells, settings, script_name=None):
    """cells with every top-level `NAME = <literal>` of each setting's NAME given its value (each
    such assignment, in every cell). The literal's text alone is replaced, on its own line, so
    every other line and column stays where it was. InputError (one line) for a name that is
    no such assignment (listing the names that are) or a value of another kind than the
    script's (a string for a number). script_name names the script in messages (default: the first cell's)."""
    if not settings:
        return cells
    trees = [(cell, ast.parse(cell.source, cell.filename)) for cell in cells]
    found = {}
    for cell, tree in trees:
        for name, nodes in settable(tree).items():
            found.setdefault(name, []).extend((cell, node) for node in nodes)
    edits = {cell.filename: [] for cell in cells}
    script = script_name or cells[0].filename
    for name, value in settings:
        if name not in found:
            names = ', '.join(found) or 'none'
            raise InputError(f'--set {name}: {script} has no top-level assignment {name} = <number, '
                             f'string or boolean>; the names --set can change are: {names}')
        for cell, node in found[name]:
            old = _literal(node.value)
            if _kind(old) != _kind(value) and not (isinstance(old, float) and type(value) is int):
                raise InputError(f'--set {name}={value!r}: {name} is {_kind(old)} in {cell.filename} '
                                 f'(line {node.lineno}: {old!r}); expected {_kind(old)}')
            if node.value.lineno != node.value.end_lineno:
                raise InputError(f'--set {name}: the value of {name} in {cell.filename} (line '
                                 f'{node.lineno}) spans several lines; --set changes one-line values')
            edits[cell.filename].append((node.value, value))
    return [_replace(cell, edits[cell.filename]) for cell in cells]


def _replace(cell, edits):
    lines = cell.source.splitlines(keepends=True)
    # Right to left within a line, so earlier columns stay valid; columns are UTF-8 byte offsets.
    for node, value in sorted(edits, key=lambda e: (e[0].lineno, e[0].col_offset), reverse=True):
        raw = lines[node.lineno - 1].encode('utf-8')
        lines[node.lineno - 1] = (raw[:node.col_offset] + repr(value).encode('utf-8')
                                  + raw[node.end_col_offset:]).decode('utf-8')
    return Cell(''.join(lines), cell.filename)


def _names_and_keras(cells):
    """(every name the cells use or import, whether they import Keras)."""
    names, keras = set(), False
    for cell in cells:
        for node in ast.walk(ast.parse(cell.source, cell.filename)):
            if isinstance(node, ast.Attribute):
                names.add(node.attr)
                keras |= node.attr == 'keras'
            elif isinstance(node, ast.Name):
                names.add(node.id)
            elif isinstance(node, ast.alias):
                names.add(node.name.rsplit('.', 1)[-1])
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                modules = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or '']
                keras |= any(m.split('.')[0] == 'keras' or m.split('.')[:2] == ['tensorflow', 'keras']
                             for m in modules)
    return names, keras


def uses_graph_api(cells):
    """True if the cells use TF1's graph API: any of GRAPH_NAMES."""
    return bool(_names_and_keras(cells)[0] & GRAPH_NAMES)


def uses_graph_mode(cells):
    """mode='auto': graph mode (TF1) unless the script is Keras only. A script calling
    tf.enable_eager_execution() starts in a graph, as TF 1.x ran it until that call (which then
    switches to eager mode); one that uses any of GRAPH_NAMES (tf.placeholder, tf.Session, ...)
    runs in a graph, as TF 1.x ran everything; one that imports Keras (tensorflow.keras,
    tf.keras, keras) and uses none of them runs eagerly, as TensorFlow 2.x ran Keras; any
    other script runs in a graph."""
    names, keras = _names_and_keras(cells)
    return bool(names & (GRAPH_NAMES | {'enable_eager_execution'})) or not keras


def imported_modules(cells, folders, follow_sys_path=True):
    """The reader's modules the cells import, and those these import in turn, as Cells (for mode='auto',
    which reads a project whole): a module is one whose file lies in one of `folders` (the script's, or
    --reader_code's) or in a folder the code adds to sys.path in words a reading can follow
    (path_folders; unless follow_sys_path is False, as under --reader_code, which names them all), found
    as Python would find it there (a module, a package's __init__.py, a submodule, relative imports from a
    package's folder). A file that does not parse is left out: its import reports it, as Python does."""
    trees = [(ast.parse(cell.source, cell.filename), cell.filename) for cell in cells]
    modules, seen, searched = [], set(), 0
    folders = list(folders)
    while searched < len(trees):
        tree, filename = trees[searched]
        searched += 1
        added = [folder for folder in (path_folders(tree, filename, os.getcwd()) if follow_sys_path else ())
                 if folder not in folders]
        if added:  # sys.path is one for the run: look again in what was read, with the new folders too
            folders += added
            searched = 0
        for node in ast.walk(tree):
            for path in _module_files(node, filename, folders):
                if path in seen or not os.path.isfile(path):
                    continue
                seen.add(path)
                try:
                    with open(path, encoding='utf-8') as file:
                        text = file.read()
                    trees.append((ast.parse(text, path), path))
                except (OSError, UnicodeDecodeError, SyntaxError, ValueError):
                    continue
                modules.append(Cell(text, path))
    return modules


def path_folders(tree, filename, cwd):
    """The folders a module adds to sys.path (sys.path.append(F), sys.path.insert(i, F),
    sys.path.extend([F, ...])) where F is made of strings, __file__, os.getcwd(), os.path's join,
    dirname, abspath, realpath and normpath, and names the module's top level assigns such values
    (HERE = os.path.dirname(__file__)); relative ones taken from cwd. Other F are left out."""
    names = {'__file__': os.path.abspath(filename)}
    for statement in tree.body:
        if (isinstance(statement, ast.Assign) and len(statement.targets) == 1
                and isinstance(statement.targets[0], ast.Name)):
            names[statement.targets[0].id] = _path_value(statement.value, names, cwd)
    folders = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and _dotted(node.func.value) == 'sys.path'):
            continue
        method, args = node.func.attr, node.args
        if method == 'append' and len(args) == 1:
            values = [args[0]]
        elif method == 'insert' and len(args) == 2:
            values = [args[1]]
        elif method == 'extend' and len(args) == 1 and isinstance(args[0], (ast.List, ast.Tuple)):
            values = args[0].elts
        else:
            continue
        for value in values:
            folder = _path_value(value, names, cwd)
            if isinstance(folder, str):
                folders.append(os.path.realpath(os.path.join(cwd, folder)))
    return folders


_PATH_FUNCTIONS = {'os.path.join': os.path.join, 'os.path.dirname': os.path.dirname,
                   'os.path.normpath': os.path.normpath}
_FROM_CWD = ('os.path.abspath', 'os.path.realpath')  # of a relative path: from the folder the run starts in


def _path_value(node, names, cwd):
    """The string node stands for, or None where a reading cannot tell."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name):
        return names.get(node.id)
    if not isinstance(node, ast.Call) or node.keywords:
        return None
    function = _dotted(node.func)
    if function == 'os.getcwd' and not node.args:
        return cwd
    if function not in _PATH_FUNCTIONS and function not in _FROM_CWD:
        return None
    args = [_path_value(arg, names, cwd) for arg in node.args]
    if not args or None in args:
        return None
    if function in _FROM_CWD:
        return os.path.normpath(os.path.join(cwd, *args)) if len(args) == 1 else None
    try:
        return _PATH_FUNCTIONS[function](*args)
    except TypeError:
        return None


def _dotted(node):
    """'sys.path' for the expression sys.path; None for what is not a dotted name."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = _dotted(node.value)
        return base and f'{base}.{node.attr}'
    return None


def _module_files(node, filename, folders):
    """The files an import statement may load from the reader's folders (existing or not)."""
    if isinstance(node, ast.Import):
        imports = [(alias.name, folders) for alias in node.names]
    elif isinstance(node, ast.ImportFrom):
        bases = folders
        if node.level:  # relative: from the importing module's package folder, `level - 1` folders up
            base = os.path.dirname(os.path.abspath(filename))
            for _ in range(node.level - 1):
                base = os.path.dirname(base)
            bases = [base]
        module = node.module or ''
        imports = [((module + '.' if module else '') + alias.name, bases) for alias in node.names]
    else:
        return
    for dotted, bases in imports:
        parts = dotted.split('.')
        for base in bases:
            for i in range(1, len(parts) + 1):
                path = os.path.join(base, *parts[:i])
                yield path + '.py'
                yield os.path.join(path, '__init__.py')


def prepare(cells, settings=(), note=None):
    """The cells ready to compile: magics skipped, then settings applied."""
    return apply_settings([skip_magics(cell, note) for cell in cells], settings)
