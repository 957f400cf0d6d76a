"""What the command-line entry points share: flag parsing that fails in one line, folder checks."""
import os
import re
import sys
import tempfile
import warnings

from absl import app, flags

import tf1gan

# The flags the define_* functions below make are their caller's own (in its --help, as the flags it defines itself):
# absl keys a flag to the module calling DEFINE, and this module disclaims that.
flags.disclaim_key_flags()


def _run_the_package_init():
    """Run from a folder holding a folder named tf1gan (the parent of a clone named tf1gan), Python takes
    that folder for a namespace package tf1gan, ahead of the installed one, and tf1gan/__init__.py (Keras 2,
    the log level) never runs: it is run here, into that module, which then looks in this package only."""
    here = os.path.dirname(os.path.abspath(__file__))
    tf1gan.__file__, tf1gan.__path__ = os.path.join(here, '__init__.py'), [here]
    with open(tf1gan.__file__, encoding='utf-8') as f:
        exec(compile(f.read(), tf1gan.__file__, 'exec'), tf1gan.__dict__)


if getattr(tf1gan, '__file__', None) is None:  # every command imports this module before TensorFlow
    _run_the_package_init()


def parse_flags(argv):
    """absl's parsing, with any bad flag (or flagfile line that is no flag) reported as one line and
    exit status 2. --help (and --helpfull, --helpshort) exits 0, done, where absl's exits 1."""
    try:
        _check_flagfiles(argv)
        return flags.FLAGS(argv)
    except flags.Error as e:
        print(f'tf1gan: {_in_words(e)}', file=sys.stderr)
        sys.exit(2)
    except SystemExit as e:
        if e.code == 1 and any(arg.split('=')[0] in HELP_FLAGS for arg in argv[1:]):
            sys.exit(0)
        raise


def _in_words(error):
    """absl's flag error as the line to print: "--name=value: ..." (without absl's "flag "), and for a number
    flag whose value is no number of its kind, or outside its bounds, what was expected in words."""
    message = str(error).removeprefix('flag ')
    cause = error.__context__  # the parser's own error, absl's message ends with it: "--name=value: <cause>"
    name = re.match(r'--(\w+)=', message)
    if not (isinstance(cause, (ValueError, OverflowError)) and name and name.group(1) in flags.FLAGS
            and message.endswith(f': {cause}')):
        return message
    parser = flags.FLAGS[name.group(1)].parser
    if not isinstance(parser, (flags.IntegerParser, flags.FloatParser)):
        return message
    low, high = parser.lower_bound, parser.upper_bound
    bound = (f' ({low:,} to {high:,})' if low is not None and high is not None else f' ({low:,} or more)'
             if low is not None else f' ({high:,} or less)' if high is not None else '')
    kind = 'a whole number' if isinstance(parser, flags.IntegerParser) else 'a number'
    return f'{message[:-len(f": {cause}")]}: expected {kind}{bound}'


HELP_FLAGS = ('--help', '-help', '-h', '-?', '--helpshort', '--helpfull', '--helpxml')


def _check_flagfiles(argv):
    """flags.Error naming the file and line of a flagfile line that is not a flag (absl would take
    it for a stray argument)."""
    for arg in argv[1:]:
        if not arg.startswith('--flagfile='):
            continue
        path = arg[len('--flagfile='):]
        try:
            with open(path, encoding='utf-8') as f:
                lines = f.read().splitlines()
        except (OSError, UnicodeDecodeError):
            continue  # absl says what is wrong with the file itself
        for number, line in enumerate(lines, 1):
            text = line.strip()
            if text and not text.startswith(('#', '//', '-')):
                raise flags.Error(f'{path} line {number}: {text!r} is not a flag; expected --name=value')


def count(n, noun):
    """'1 epoch', '2 epochs': a number and its noun, for the lines a reader sees."""
    return f'{n} {noun}' if n == 1 else f'{n} {noun}s'


def file_in_the_way(path):
    """The file that stops path being a folder (path itself, or a folder above it that is a file), or None."""
    while not os.path.exists(path) and os.path.dirname(path) not in ('', path):
        path = os.path.dirname(path)
    return path if os.path.exists(path) and not os.path.isdir(path) else None


def folder_flag(expected, folder=lambda value: value):
    """A flag validator's checker for a folder the command writes in (folder(value)): a file in the way is
    named ('runs/x is a file; expected <expected>'); a folder that cannot be made or written fails with
    the validator's own message."""
    def check(value):
        if value is None:
            return True
        file = file_in_the_way(folder(value))
        if file is not None:
            raise flags.ValidationError(f'{file} is a file; expected {expected}')
        return writable_folder(folder(value))
    return check


def writable_folder(path):
    """True if path is, or could be created as, a folder we may write in (tried, not guessed:
    root may 'access' folders such as /proc that refuse new files)."""
    path = os.path.abspath(path)
    while not os.path.exists(path):
        parent = os.path.dirname(path)
        if parent == path:
            return False
        path = parent
    try:
        os.rmdir(tempfile.mkdtemp(dir=path))
    except OSError:
        return False
    return True


def define_verbose():
    flags.DEFINE_bool('verbose', False,
                      'Show TensorFlow\'s and absl\'s own log lines (start-up, checkpoint notices, deprecations). '
                      'Off: the terminal shows the listing\'s lines and tf1gan\'s one-line notices only.')


# TensorFlow's two kernel libraries (BUILD.md, "Kernel libraries"), and the TF_ENABLE_ONEDNN_OPTS value that picks
# each. TensorFlow 2.21 reads that variable once, when it is imported (tensorflow/core/util/port.cc IsMklEnabled,
# through tsl's ReadBoolFromEnvVar: '1' or 'true' on, '0' or 'false' off, in any case; any other value, or none,
# leaves its DefaultOneDnnPolicy: on Linux, oneDNN only on CPUs with AVX512_VNNI, AVX512_BF16, AVX_VNNI or AMX).
KERNELS = {'onednn': '1', 'eigen': '0'}
KERNEL_NAMES = {'onednn': 'oneDNN', 'eigen': 'Eigen'}
DEFAULT_KERNELS = 'onednn'  # faster for every listing on an AVX2-only AMD EPYC, where TensorFlow picks Eigen (BUILD.md)
ONEDNN_VARIABLE = 'TF_ENABLE_ONEDNN_OPTS'


def define_kernels(more=''):
    """--kernels, its help ending with `more` (what else the command does with it)."""
    flags.DEFINE_enum('kernels', None, list(KERNELS),
                      'TensorFlow\'s kernel library for products and convolutions: onednn or eigen. They round '
                      'differently: with the same seed, the numbers (losses, pixels) can differ in their last digits '
                      'between the two. '
                      f'Default: oneDNN (faster: BUILD.md), unless {ONEDNN_VARIABLE} is set in the environment (0 or '
                      'false: Eigen; 1 or true: oneDNN; any other value: TensorFlow\'s choice for the CPU). The flag '
                      f'wins over {ONEDNN_VARIABLE}.' + (f' {more}' if more else ''))


def asked_kernels(flag=None):
    """(library, how) the reader asked for: the flag's ('eigen', '--kernels=eigen'), else TF_ENABLE_ONEDNN_OPTS's as
    TensorFlow reads it ('onednn', 'TF_ENABLE_ONEDNN_OPTS=1'; a value it does not read: None, named all the same),
    else (None, None)."""
    if flag is not None:
        return flag, f'--kernels={flag}'
    value = os.environ.get(ONEDNN_VARIABLE)
    if value is None:
        return None, None
    library = {'1': 'onednn', 'true': 'onednn', '0': 'eigen', 'false': 'eigen'}.get(value.lower())
    return library, f'{ONEDNN_VARIABLE}={value}'


def choose_kernels(kernels=None):
    """Sets TF_ENABLE_ONEDNN_OPTS for TensorFlow's import: to `kernels` ('onednn' or 'eigen') if given, else to
    oneDNN's unless the reader set it (their value stands, whatever it is). Too late once TensorFlow is imported
    (it has read the variable): then nothing changes."""
    if 'tensorflow' in sys.modules:
        return
    if kernels is not None:
        os.environ[ONEDNN_VARIABLE] = KERNELS[kernels]
    else:
        os.environ.setdefault(ONEDNN_VARIABLE, KERNELS[DEFAULT_KERNELS])


def kernels_in_use():
    """'onednn' or 'eigen': the library TensorFlow (imported) says it runs (IsMklEnabled, port.cc)."""
    from tensorflow.python.util import _pywrap_util_port
    return 'onednn' if _pywrap_util_port.IsMklEnabled() else 'eigen'


def import_tensorflow(verbose=False, kernels=None):
    """Imports TensorFlow and tf_keras for a command, with the kernel library `kernels` (choose_kernels: None is
    the reader's TF_ENABLE_ONEDNN_OPTS, else oneDNN). Unless verbose, the lines they print while
    starting up (oneDNN, CUDA probing, 'All log messages before absl::InitializeLog()': written
    to the process's stderr before any log level applies) are sent to /dev/null, and their
    later log lines and Python warnings are kept to errors."""
    choose_kernels(kernels)
    if verbose:
        if not tf1gan.USER_SET_LOG_LEVEL:
            os.environ['TF_CPP_MIN_LOG_LEVEL'] = '0'
        import tensorflow  # noqa: F401
        return
    if not tf1gan.USER_SET_LOG_LEVEL:
        os.environ['TF_CPP_MIN_LOG_LEVEL'] = '3'  # its C++ errors too (Grappler's 'remapper failed' in the DCGAN)
    sys.stderr.flush()
    saved, null = os.dup(2), os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 2)
    try:
        import tensorflow as tf
        import tf_keras  # noqa: F401
        tf.config.list_physical_devices()  # device probing logs once, here
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(null)
    from absl import logging
    logging.set_verbosity(logging.ERROR)
    tf.get_logger().setLevel('ERROR')
    warnings.filterwarnings('ignore', module=r'(tensorflow|tf_keras|keras)(\.|$)')
    # TensorFlow 2.21's deprecation notices, which a reader's script raising tf.logging to INFO would otherwise
    # show (its `tf.layers` warnings are Python's, made on the script's own line): --verbose shows both.
    warnings.filterwarnings('ignore', message=r'`tf\.layers\.\w+` is deprecated', category=UserWarning)
    from tensorflow.python.util import deprecation
    deprecation._PRINT_DEPRECATION_WARNINGS = False


def run(main):
    """app.run(main) for a tf1gan command: bad flags, stray arguments and any app.UsageError that
    main raises are one line on stderr and exit status 2 (absl would print the whole usage); a
    failure of the machine (environment_failure) is one line and exit status 1."""
    def guarded(argv):
        try:
            if len(argv) > 1:
                raise app.UsageError(f'unexpected arguments: {" ".join(argv[1:])} (every setting is a --flag)')
            return main(argv)
        except app.UsageError as e:
            print(f'tf1gan: {e}', file=sys.stderr)
            sys.exit(2)
        except Exception as e:  # noqa: BLE001  (the machine's failures are one line; anything else is a bug)
            line = environment_failure(e)
            if line is None:
                raise
            print(f'tf1gan: {line}', file=sys.stderr)
            sys.exit(1)
    app.run(guarded, flags_parser=parse_flags)


def define_run_dir(verb):
    """--run_dir (and its old name, --checkpoint_dir) for a command that works on a trained run."""
    flags.DEFINE_string('run_dir', None, f'The training run to {verb}: its folder (runs/cgan, runs/cgan-2, or a bare '
                        'name under runs/; a copied or moved run folder works too). Default: the newest finished run (the newest '
                        'of any state if none has finished).')
    flags.DEFINE_string('checkpoint_dir', None, 'The old name of --run_dir: a run folder or its checkpoints/ folder.')
    flags.register_multi_flags_validator(['run_dir', 'checkpoint_dir'],
                                         lambda v: v['run_dir'] is None or v['checkpoint_dir'] is None,
                                         'give --run_dir or --checkpoint_dir, not both')


def run_dir_flag():
    return flags.FLAGS.run_dir if flags.FLAGS.run_dir is not None else flags.FLAGS.checkpoint_dir


def output_file(path, flag, run_dir=None):
    """path, if a file can be written there: a usage error (one line, exit status 2) if it names a
    folder, lies in a folder that cannot be made or written, or is one of the run's own inputs (its
    log, its record)."""
    if path.endswith(os.sep) or os.path.isdir(path):
        raise app.UsageError(f'{flag}={path} is a folder; expected a file name (say {os.path.join(path, "out.png")})')
    file = file_in_the_way(os.path.dirname(path) or '.')
    if file is not None:
        raise app.UsageError(f'{flag}={path}: {file} is a file; expected a path in a folder')
    if not writable_folder(os.path.dirname(path) or '.'):
        raise app.UsageError(f'{flag}={path}: cannot be written; expected a path in a folder that can be created '
                             'and written')
    if run_dir is not None and os.path.realpath(path) in {os.path.realpath(os.path.join(run_dir, name))
                                                          for name in ('log.txt', 'run.json')}:
        raise app.UsageError(f'{flag}={path} is the run\'s own {os.path.basename(path)}; choose another file')
    return path


def environment_failure(error):
    """One line for a failure of the machine rather than of tf1gan (a full disk, a file where a
    folder must be, memory a setting asks for), or None for anything else."""
    if isinstance(error, OSError) and error.strerror:
        where = f'{error.filename}: ' if error.filename else ''
        return f'{where}{error.strerror}'
    if isinstance(error, MemoryError):
        return 'out of memory: a setting asks for more than this machine has (--batch_size, --n_noise, --num?)'
    if 'tensorflow' in sys.modules:
        import tensorflow as tf
        if isinstance(error, tf.errors.OpError):
            if 'No space left on device' in error.message:
                return 'no space left on the device: a file could not be written'
            if isinstance(error, tf.errors.ResourceExhaustedError):
                return 'out of memory: a setting asks for more than this machine has (--batch_size, --n_noise, --num?)'
            if isinstance(error, tf.errors.InvalidArgumentError) and 'Cannot parse tensor from proto' in error.message:
                return ('a setting makes a tensor larger than TensorFlow can hold (2 GB a tensor): '
                        '--n_noise, --n_hidden or --batch_size is too large')
    return None
