"""Runs TF1 scripts one after the other in one TensorFlow 1.15 process (tests/tf115.py's Python):
one TensorFlow start-up for all of them. Python 3.7, no dependency but TensorFlow 1.15.

    python tf115_scripts.py SCRIPT FOLDER OUTPUT [SCRIPT FOLDER OUTPUT ...]

Each SCRIPT runs as `python SCRIPT` would, as __main__, in FOLDER, in a fresh default graph, its
stdout written to OUTPUT; an exception is printed to stderr and ends the whole run with status 1.
"""
import contextlib
import os
import runpy
import sys

import tensorflow as tf

for script, folder, output in zip(*[iter(sys.argv[1:])] * 3):
    os.chdir(folder)
    tf.reset_default_graph()
    sys.argv = [script]
    with open(output, 'w', encoding='utf-8') as out, contextlib.redirect_stdout(out):
        runpy.run_path(script, run_name='__main__')
