"""A reader's project: every module the script imports from the reader's own folders sees what the script sees.

The era's GAN code is several files (main.py, model.py, ops.py, utils.py) importing each other (`from ops
import *`, `import model`, packages of the project with relative imports inside). Python imports those
sibling modules itself; ReaderModules, on sys.meta_path while the script runs, finds them as Python does
(PathFinder, the same file, one module object in sys.modules) and gives each, before its code runs, the
script's builtins: its `import tensorflow` is the script's (TF1 in graph mode, tf.contrib, ...), as the
main file's is.

The reader's folders are, by default, the script's folder and every folder the script adds to sys.path;
`folders` given, exactly those. Never the reader's code, wherever it lies: Python's own library, the
installed packages (site-packages, any folder under the running Python's prefix, a virtual environment
inside the project included) and tf1gan itself. Everything else keeps importing as it did.
"""
import importlib.machinery
import os
import site
import sys
import sysconfig
import types

PACKAGE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # tf1gan/


def _folder(path):
    return os.path.join(os.path.realpath(path or os.curdir), '')  # '' on sys.path is the current folder


def folders_before_the_run(script_folder, folders=None):
    """The reader's folders known before the script runs: `folders` if given (--reader_code), else the script's."""
    return (_folder(script_folder),) if folders is None else tuple(_folder(folder) for folder in folders)


def _never_the_readers():
    """The folders whose modules are never the reader's code: Python's library, installed packages, tf1gan."""
    paths = [sys.prefix, sys.exec_prefix, sys.base_prefix, sys.base_exec_prefix, PACKAGE_DIR,
             *sysconfig.get_paths().values(), *site.getsitepackages()]
    if site.ENABLE_USER_SITE:
        paths.append(site.getusersitepackages())
    return tuple(_folder(path) for path in paths if path)


class _ReaderLoader(importlib.machinery.SourceFileLoader):
    """Python's loader of a .py file, whose module starts with the script's builtins (its `__import__`);
    Python's own exec_module runs the code, so a traceback shows the reader's frames only, as Python's does."""

    def __init__(self, fullname, path, builtins):
        super().__init__(fullname, path)
        self.builtins = builtins

    def create_module(self, spec):
        module = types.ModuleType(spec.name)
        module.__builtins__ = self.builtins  # exec() uses a namespace's own __builtins__
        return module


class ReaderModules:
    """The finder of the reader's modules, for one run (a context manager putting it on sys.meta_path).

    builtins: the script's builtins dict. script_folder: the script's folder (a notebook's, for a notebook).
    folders: the reader's folders instead of the default (the script's, and what the script adds to
    sys.path). on_import(path): called with each reader's file about to run. files: the reader's files
    imported so far, for error reports."""

    def __init__(self, builtins, script_folder, folders=None, on_import=None):
        self.builtins = builtins
        self.on_import = on_import
        self.given = folders is not None
        self.folders = folders_before_the_run(script_folder, folders)
        self.never = _never_the_readers()
        self.files = set()
        self.path_at_start = None

    def __enter__(self):
        self.path_at_start = set(sys.path)
        # Before PathFinder, after the importers of built-in and frozen modules.
        position = next((i for i, finder in enumerate(sys.meta_path) if finder is importlib.machinery.PathFinder),
                        len(sys.meta_path))
        sys.meta_path.insert(position, self)
        return self

    def __exit__(self, *exc):
        if self in sys.meta_path:
            sys.meta_path.remove(self)

    def reader_folders(self):
        if self.given:
            return self.folders
        added = [_folder(entry) for entry in sys.path if isinstance(entry, str) and entry not in self.path_at_start]
        return (*self.folders, *added)

    def is_readers(self, path):
        """Whether the file at path is the reader's code."""
        path = os.path.realpath(path)
        return (any(path.startswith(folder) for folder in self.reader_folders())
                and not any(path.startswith(folder) for folder in self.never))

    def find_spec(self, fullname, path=None, target=None):
        spec = importlib.machinery.PathFinder.find_spec(fullname, path, target)
        if (spec is None or type(spec.loader) is not importlib.machinery.SourceFileLoader
                or not self.is_readers(spec.origin)):
            return None  # Python's own import, as without tf1gan
        spec.loader = _ReaderLoader(fullname, spec.origin, self.builtins)
        self.files.add(spec.origin)
        if self.on_import is not None:
            self.on_import(spec.origin)
        return spec

    def invalidate_caches(self):
        pass  # PathFinder's own are invalidated by importlib.invalidate_caches()
