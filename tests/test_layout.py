"""The package's layout (README, "What is where"): each part a folder, the parts in layers, every import going down.

A part is a folder of tf1gan (tf1gan/compat, tf1gan/listings, ...) or one of the modules at its top level. The
layers, from the bottom: what every part shares; what TensorFlow 1.15 and Keras 2 did; the listings and the runner
of a reader's script; a run's folder; the judging of a run; the training of a run; the commands. A module may
import its own part and the parts of lower layers, never a part of its own layer or of a higher one, and no
module imports itself back through others. Every import counts: those inside functions too.
"""
import ast
import pathlib

import pytest

PACKAGE = pathlib.Path(__file__).resolve().parents[1] / 'tf1gan'

LAYERS = (
    ('tf1gan.errors', 'tf1gan.files', 'tf1gan.cli'),
    ('tf1gan.compat',),
    ('tf1gan.listings', 'tf1gan.script'),
    ('tf1gan.runs',),
    ('tf1gan.evaluation',),
    ('tf1gan.training',),
    ('tf1gan', 'tf1gan.main', 'tf1gan.generate', 'tf1gan.compare', 'tf1gan.evaluate'),
)
LAYER = {part: level for level, parts in enumerate(LAYERS) for part in parts}
COMMANDS = LAYERS[-1][1:]


def modules():
    """{dotted name: path} of every module of the package."""
    found = {}
    for path in PACKAGE.rglob('*.py'):
        parts = path.relative_to(PACKAGE.parent).with_suffix('').parts
        found['.'.join(parts[:-1] if parts[-1] == '__init__' else parts)] = path
    return found


MODULES = modules()


def imports(name, path):
    """The tf1gan modules that module `name` imports, anywhere in it."""
    package = name if path.name == '__init__.py' else name.rpartition('.')[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ''
            if node.level:
                base = '.'.join(package.split('.')[:len(package.split('.')) - node.level + 1] + ([base] if base else []))
            for alias in node.names:  # `from tf1gan import cli` imports the module tf1gan.cli
                found.add(f'{base}.{alias.name}' if f'{base}.{alias.name}' in MODULES else base)
    # Not the package itself: every module of it runs tf1gan/__init__.py first (it selects Keras 2), so `import
    # tf1gan` adds nothing to the order in which modules are imported.
    return {module for module in found if module in MODULES and module not in (name, 'tf1gan')}


GRAPH = {name: imports(name, path) for name, path in MODULES.items()}


def part(module):
    """The part a module belongs to: its folder under tf1gan, or itself at the top."""
    pieces = module.split('.')
    return '.'.join(pieces[:2]) if len(pieces) > 2 or f'{module}.__init__' in MODULES or \
        MODULES[module].name == '__init__.py' else module


def test_every_module_belongs_to_a_layered_part():
    assert {part(module) for module in MODULES} - set(LAYER) == set()


def test_the_top_level_holds_only_the_commands_and_what_every_part_shares():
    top = {path.stem for path in PACKAGE.glob('*.py')} - {'__init__'}
    assert top == {name.rpartition('.')[2] for name in COMMANDS + LAYERS[0]}


@pytest.mark.parametrize('importer', sorted(GRAPH))
def test_a_module_imports_only_its_own_part_and_lower_layers(importer):
    upward = [f'{importer} imports {imported}' for imported in sorted(GRAPH[importer])
              if part(imported) != part(importer) and LAYER[part(imported)] >= LAYER[part(importer)]]
    assert upward == []


def test_no_import_circle():
    circles, state = [], {}

    def visit(module, path):
        state[module] = 'open'
        for imported in sorted(GRAPH[module]):
            if state.get(imported) == 'open':
                circles.append(' -> '.join(path[path.index(imported):] + [imported]))
            elif imported not in state:
                visit(imported, path + [imported])
        state[module] = 'done'

    for module in sorted(GRAPH):
        if module not in state:
            visit(module, [module])
    assert circles == []


def test_the_checker_sees_imports_inside_functions_and_relative_ones(tmp_path):
    module = tmp_path / 'example.py'
    module.write_text('def f():\n    from tf1gan.training import run\n    from ..runs import draw\n')
    assert imports('tf1gan.evaluation.example', module) == {'tf1gan.training.run', 'tf1gan.runs.draw'}
