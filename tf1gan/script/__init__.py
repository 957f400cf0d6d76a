"""The runner: `python -m tf1gan.script SCRIPT.py` runs a reader's own TF 1.x script or notebook unchanged.

command.py     the command (flags, reading the file, exit statuses); __main__.py starts it
source.py      the source as it is compiled (magic lines, --set, graph or eager)
tf1_view.py    what the script's `import tensorflow` gives it (graph mode: TF1; eager mode: TensorFlow 2)
contrib_eager.py  its `tfe = tf.contrib.eager`
script_flags.py   its own tf.app.flags / absl.flags and tf.app.run() / absl.app.run()
keras_freezing.py --keras_semantics: what freezing a compiled Keras model holding BatchNormalization means
runner.py      running the compiled cells as `__main__`, and its errors as Python shows them
notebook.py    an .ipynb file's code cells
figures.py     plt.show() and inline figures saved as PNG files
ipython_ext.py `%load_ext tf1gan` in IPython or Jupyter

Importing this package imports nothing else: the command's flags are defined by command.py alone.
"""
