"""A reader's own flags: `tf.app.flags` / `tf.flags` / `absl.flags` and `tf.app.run()` / `absl.app.run(main)`
inside a script run by tf1gan.script, on a FlagValues of the script's own.

tf1gan.script's flags (--seed, --data_dir, ...) live in absl's global FLAGS; the script's DEFINE_*
calls go to another FlagValues, so a script may define --seed too. Its flags are parsed from its
own argv (the arguments after `--`), its --help lists them alone, and main(argv) gets what TF 1.15
gave it: tf.app.run parsed with known_only=True (TF 1.15's tensorflow/python/platform/app.py,
_parse_flags_tolerate_undef), so main sees argv[0], the flags it does not know and the positional
arguments; absl.app.run parses strictly (an unknown flag: absl's FATAL line, exit 1). As TF 1.15's
tf.flags.FLAGS (platform/flags.py, _FlagValuesWrapper), reading a flag of tf.flags.FLAGS before
any parse parses sys.argv, and tf.flags' DEFINE_* accept the old keywords flag_name,
default_value and docstring.
"""
import functools
import inspect
import sys

from absl import app as absl_app
from absl import flags as absl_flags
from absl.flags import _helpers

from tf1gan.script.module_view import ModuleView

_helpers.disclaim_module_ids.add(id(sys.modules[__name__]))  # a flag is the script's, not this module's

HELP_ARGS = ('--help', '-help', '-h', '-?', '--helpshort', '--helpfull')
_OLD_KEYWORDS = {'flag_name': 'name', 'default_value': 'default', 'docstring': 'help'}  # TF 1.15's tf.flags


class ImplicitlyParsedFlags:
    """TF 1.15's tf.flags.FLAGS: the FlagValues, which parses sys.argv on the first read of a flag."""

    def __init__(self, flag_values):
        self.__dict__['_flag_values'] = flag_values

    def __getattr__(self, name):
        values = self.__dict__['_flag_values']
        if not values.is_parsed() and not name.startswith('_'):
            values(sys.argv)
        return getattr(values, name)

    def __setattr__(self, name, value):
        setattr(self.__dict__['_flag_values'], name, value)

    def __getitem__(self, name):
        return self.__dict__['_flag_values'][name]

    def __contains__(self, name):
        return name in self.__dict__['_flag_values']

    def __iter__(self):
        return iter(self.__dict__['_flag_values'])

    def __call__(self, *args, **kwargs):
        return self.__dict__['_flag_values'](*args, **kwargs)


class ScriptFlags:
    """The script's flags for one run: `absl.flags`, `tf.flags` (also tf.app.flags), `absl.app` and
    `tf.app` as the script sees them, each made on first use."""

    def __init__(self, tf_app=None, on_app_run=None):
        self.values = absl_flags.FlagValues()
        self._tf_app = tf_app  # TF's own tf.compat.v1.app, for its other names
        self._modules = {}
        self.on_app_run = on_app_run  # called as the script's tf.app.run or absl.app.run starts

    def _module(self, key, make):
        if key not in self._modules:
            self._modules[key] = make()
        return self._modules[key]

    def _flags_module(self, name, flags_object, old_keywords):
        overrides = {'FLAGS': flags_object}
        for attr in dir(absl_flags):
            function = getattr(absl_flags, attr)
            if callable(function) and not isinstance(function, type) and not attr.startswith('_'):
                try:
                    parameters = inspect.signature(function).parameters
                except (TypeError, ValueError):
                    continue
                if 'flag_values' in parameters:
                    overrides[attr] = self._bound(function, old_keywords)
        return ModuleView(name, absl_flags, overrides)

    def _bound(self, function, old_keywords):
        values = self.values

        @functools.wraps(function)
        def on_the_scripts_flags(*args, **kwargs):
            if old_keywords:
                for old, new in _OLD_KEYWORDS.items():
                    if old in kwargs:
                        kwargs[new] = kwargs.pop(old)
            if kwargs.get('flag_values') in (None, absl_flags.FLAGS):
                kwargs['flag_values'] = values
            return function(*args, **kwargs)
        return on_the_scripts_flags

    @property
    def absl_flags(self):
        return self._module('absl.flags', lambda: self._flags_module('absl.flags', self.values, False))

    @property
    def tf_flags(self):
        return self._module('tf.flags', lambda: self._flags_module(
            'tensorflow.flags', ImplicitlyParsedFlags(self.values), True))

    @property
    def absl_app(self):
        return self._module('absl.app', lambda: ModuleView('absl.app', absl_app, {
            'run': self.absl_run, 'usage': self.usage, 'parse_flags_with_usage': self.parse_with_usage}))

    @property
    def tf_app(self):
        return self._module('tf.app', lambda: ModuleView('tensorflow.app', self._tf_app, {
            'run': self.tf_run, 'flags': self.tf_flags}))

    def usage(self, shorthelp=False, writeto_stdout=False, detailed_error=None, exitcode=None):
        """absl.app.usage for the script: its docstring, then its own flags."""
        main = sys.modules.get('__main__')
        doc = (getattr(main, '__doc__', None) or f'\nUSAGE: {sys.argv[0]} [flags]\n').rstrip('\n')
        text = self.values.get_help(include_special_flags=False).strip('\n')
        out = sys.stdout if writeto_stdout else sys.stderr
        print(doc, file=out)
        if text:
            print(f'\nflags:\n\n{text}', file=out)
        if detailed_error is not None:
            print(f'\n{detailed_error}', file=out)
        if exitcode is not None:
            sys.exit(exitcode)

    def parse_with_usage(self, argv, known_only=False):
        """The script's flags parsed from argv, as absl.app.run parses them: --help prints the
        script's usage and exits 0; a bad flag is absl's FATAL line and exit 1. Returns the rest of argv."""
        flags_part = argv[1:argv.index('--')] if '--' in argv[1:] else argv[1:]
        if any(arg in HELP_ARGS for arg in flags_part):
            self.usage(writeto_stdout=True, exitcode=0)
        try:
            return self.values(argv, known_only=known_only)
        except absl_flags.Error as error:
            print(f'FATAL Flags parsing error: {error}', file=sys.stderr)
            print('Pass --helpshort or --helpfull to see help on flags.', file=sys.stderr)
            sys.exit(1)

    def absl_run(self, main, argv=None, flags_parser=None):
        """absl.app.run(main): the script's flags from argv (sys.argv), then sys.exit(main(rest))."""
        argv = sys.argv if argv is None else argv
        self._app_runs()
        rest = flags_parser(argv) if flags_parser else self.parse_with_usage(argv)
        sys.exit(main(rest))

    def tf_run(self, main=None, argv=None):
        """tf.app.run(): main (default: the script's own main) with argv parsed known_only, as TF 1.15."""
        main = main or sys.modules['__main__'].main
        argv = sys.argv if argv is None else argv
        self._app_runs()
        sys.exit(main(self.parse_with_usage(argv, known_only=True)))

    def _app_runs(self):
        if self.on_app_run is not None:
            self.on_app_run()
