"""A Jupyter notebook (.ipynb) read as the code cells tf1gan.script runs, in order.

Each code cell is compiled under the name '<notebook>, code cell <n>' (n counts code cells from 1,
markdown cells left out: "code cell" says so, where Jupyter numbers no cell),
and its text is put in linecache, so a traceback names the notebook, the cell and the line,
and shows the line.
"""
import json
import linecache

from tf1gan.errors import InputError
from tf1gan.script.source import Cell


def cell_name(path, number):
    return f'{path}, code cell {number}'


def read_cells(path):
    """The code cells of the notebook at path, as Cells."""
    try:
        with open(path, encoding='utf-8') as f:
            notebook = json.load(f)
        raw_cells = notebook['cells']
    except (UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError) as e:
        raise InputError(f'{path} is not a Jupyter notebook ({e.__class__.__name__}): expected the JSON of '
                         'an .ipynb file with a "cells" list') from None
    cells = []
    for raw in raw_cells:
        if raw.get('cell_type') != 'code':
            continue
        source = raw.get('source', '')
        source = ''.join(source) if isinstance(source, list) else source
        name = cell_name(path, len(cells) + 1)
        lines = source.splitlines(keepends=True)
        linecache.cache[name] = (len(source), None, lines, name)  # no mtime: never checked against a file
        cells.append(Cell(source, name))
    return cells
