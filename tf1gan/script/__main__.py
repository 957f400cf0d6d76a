"""python -m tf1gan.script: the command of tf1gan/script/command.py, whose docstring and flags its --help shows."""
import sys

from absl import flags

from tf1gan.script import command

sys.modules[__name__].__doc__ = command.__doc__
flags.adopt_module_key_flags(command)
command.run()
