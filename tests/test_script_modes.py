"""What the script's `tensorflow` is in graph and in eager mode, its own flags, tf.estimator and missing
names as one line, and --keras_semantics (tf1gan/script/tf1_view.py, script_flags.py, contrib_eager.py,
keras_freezing.py, runner.py)."""
import subprocess
import sys
import textwrap

import pytest

import tf1gan  # noqa: F401  (Keras 2 before TensorFlow)
from tf1gan.script import runner, tf1_view
from tf1gan.script.source import Cell
from hang import HANG


def run_script(folder, source, name='script.py', args=(), **options):
    """(status, stdout, stderr, notes) of the runner on source, in this process."""
    path = folder / name
    path.write_text(textwrap.dedent(source), encoding='utf-8')
    notes = []
    import contextlib
    import io
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = runner.run([Cell(path.read_text(encoding='utf-8'), str(path))], str(path), [str(path), *args],
                            note=notes.append, **options)
    return status, out.getvalue(), err.getvalue(), notes


def tf1gan_script(*args, cwd):
    return subprocess.run([sys.executable, '-m', 'tf1gan.script', *map(str, args)], capture_output=True,
                          text=True, cwd=cwd, timeout=HANG)


def test_eager_mode_tensorflow_is_tensorflow_2_and_answers_the_tf1_names_it_lacks():
    import tensorflow as tf
    import tf_keras
    views = tf1_view.Views(eager=True)
    eager = views.tf
    assert eager.random.set_seed is tf.random.set_seed  # TensorFlow 2's
    assert eager.random.set_random_seed is tf.compat.v1.random.set_random_seed  # TF1's, which TF 2 lacks
    assert eager.set_random_seed is tf.compat.v1.set_random_seed
    assert eager.train.Checkpoint is tf.train.Checkpoint and eager.train.AdamOptimizer is tf.compat.v1.train.AdamOptimizer
    assert eager.GradientTape is tf.GradientTape and eager.Session is tf.compat.v1.Session
    assert eager.keras.layers.Dense is tf_keras.layers.Dense  # Keras 2 in both modes
    assert eager.compat.v1 is views.tf1


def test_enable_eager_execution_after_import_gives_tensorflow_2_eagerly_from_then_on(tmp_path):
    status, out, err, notes = run_script(tmp_path, '''\
        import tensorflow as tf
        print(tf.executing_eagerly(), hasattr(tf.random, 'set_seed'))
        tf.enable_eager_execution()
        print(tf.executing_eagerly(), tf.random.set_seed is tf.compat.v2.random.set_seed)
        print(float(tf.constant(2.0) * 3))
        ''', mode='graph')
    assert (status, out.splitlines()) == (0, ['False False', 'True True', '6.0'])


def test_enable_eager_execution_after_graph_operations_is_tf_1_15s_value_error(tmp_path):
    # TF 1.15, ops.enable_eager_execution_internal: "tf.enable_eager_execution must be called at program startup."
    status, out, err, notes = run_script(tmp_path, '''\
        import tensorflow as tf
        x = tf.constant(1)
        tf.enable_eager_execution()
        ''', mode='graph')
    assert status == 1 and err.splitlines()[-1] == 'ValueError: tf.enable_eager_execution must be called at program startup.'


def test_a_script_calling_enable_eager_execution_is_in_a_graph_until_the_call_as_in_tf_1_x(tmp_path):
    status, out, err, notes = run_script(tmp_path, '''\
        import tensorflow as tf
        print(tf.executing_eagerly())
        tf.enable_eager_execution()
        print(tf.executing_eagerly())
        ''')
    assert (status, out) == (0, 'False\nTrue\n')


def test_every_form_of_importing_tf_contrib_eager_gives_tensorflow_2s_names(tmp_path):
    import tensorflow as tf
    from tensorflow.python.eager import backprop
    views = tf1_view.Views(eager=True)
    names = {'__builtins__': views.builtins(), '__name__': '__main__'}
    exec('import tensorflow as tf\nimport tensorflow.contrib.eager as tfe\n'
         'from tensorflow.contrib import eager as tfe2\ntfe3 = tf.contrib.eager\n', names)
    tfe = names['tfe']
    assert tfe is names['tfe2'] is names['tfe3']
    # TF 1.15's tfe.py: Variable = ResourceVariable, implicit_gradients = backprop.implicit_grad, ...
    assert tfe.Variable is tf.Variable and tfe.GradientTape is tf.GradientTape
    assert tfe.implicit_gradients is backprop.implicit_grad
    assert tfe.implicit_value_and_gradients is backprop.implicit_val_and_grad
    assert tfe.gradients_function is backprop.gradients_function
    iterator = tfe.Iterator(tf.data.Dataset.range(3))
    assert [int(next(iterator)), int(iterator.next()), int(iterator.get_next())] == [0, 1, 2]


def test_a_tfe_name_with_no_equal_is_one_line_naming_the_readers_line(tmp_path):
    status, out, err, notes = run_script(tmp_path, '''\
        import tensorflow as tf
        tf.enable_eager_execution()
        net = tf.contrib.eager.Network()
        ''')
    assert status == 1 and err.splitlines() == [
        f'tf1gan: {tmp_path / "script.py"}, line 3: tf.contrib.eager.Network was removed in TensorFlow 2 '
        '(tf.contrib is gone) and has no equivalent in tf.compat.v1 or tf1gan; see https://www.tensorflow.org/guide/migrate']


FLAGS_SCRIPT = '''\
    """My script."""
    import tensorflow as tf
    tf.app.flags.DEFINE_integer('seed', 7, 'the seed')
    tf.app.flags.DEFINE_string('data_dir', 'data', 'where the data is')
    FLAGS = tf.app.flags.FLAGS

    def main(argv):
        print('seed', FLAGS.seed, 'data_dir', FLAGS.data_dir, 'argv', argv[1:])

    if __name__ == '__main__':
        tf.app.run()
    '''


def test_a_scripts_tf_app_flags_are_its_own_beside_tf1gan_scripts_seed_and_data_dir(tmp_path):
    (tmp_path / 'flags.py').write_text(textwrap.dedent(FLAGS_SCRIPT), encoding='utf-8')
    result = tf1gan_script('--seed=1', '--data_dir=mnist', 'flags.py', '--', '--seed=3', cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, "seed 3 data_dir data argv []\n"), result.stderr


def test_tf_app_run_gives_main_the_flags_it_does_not_know_and_the_positional_arguments(tmp_path):
    # TF 1.15's app.run parses with known_only=True (_parse_flags_tolerate_undef): main gets the rest.
    status, out, err, notes = run_script(tmp_path, FLAGS_SCRIPT, args=('--seed=4', 'input.txt', '--other=1'))
    assert (status, out) == (0, "seed 4 data_dir data argv ['input.txt', '--other=1']\n")


def test_a_scripts_help_after_dashdash_lists_its_own_flags_only(tmp_path):
    (tmp_path / 'flags.py').write_text(textwrap.dedent(FLAGS_SCRIPT), encoding='utf-8')
    result = tf1gan_script('flags.py', '--', '--help', cwd=tmp_path)
    assert result.returncode == 0 and result.stdout.startswith('My script.\n')
    assert '--seed: the seed' in result.stdout and '--data_dir: where the data is' in result.stdout
    for ours in ('--keras_semantics', '--figure_dir', '--source_url', '--set'):
        assert ours not in result.stdout


def test_absl_app_run_is_strict_about_an_unknown_flag_as_absl_is(tmp_path):
    status, out, err, notes = run_script(tmp_path, '''\
        from absl import app, flags
        flags.DEFINE_integer('steps', 1, 'steps')

        def main(argv):
            print('ran')

        app.run(main)
        ''', args=('--stpes=3',))
    assert status == 1 and out == ''
    assert err.splitlines()[0].startswith('FATAL Flags parsing error: Unknown command line flag \'stpes\'')


def test_tf_estimator_is_one_line_naming_the_readers_line(tmp_path):
    status, out, err, notes = run_script(tmp_path, '''\
        import tensorflow as tf
        from tensorflow import estimator
        ''')
    assert status == 1 and err.splitlines() == [
        f'tf1gan: {tmp_path / "script.py"}, line 2: tf.estimator: TensorFlow removed the Estimator API '
        'in 2.16, and tf1gan cannot run Estimator code (tf.estimator, tf.contrib.learn\'s estimators)']


def test_a_name_tensorflow_lacks_is_one_line_naming_the_readers_line_and_the_name(tmp_path):
    status, out, err, notes = run_script(tmp_path, '''\
        import tensorflow as tf

        loss = tf.nn.softmax_cross_entropy_with_logits_v3(labels=[1.0], logits=[1.0])
        ''')
    assert status == 1 and err.splitlines() == [
        f'tf1gan: {tmp_path / "script.py"}, line 3: tf.nn.softmax_cross_entropy_with_logits_v3 does not exist in '
        'TensorFlow 2.21 (the script\'s TensorFlow: graph mode: tf.compat.v1, TF 1.x\'s API in TensorFlow 2)']


def test_an_attribute_error_of_the_readers_own_objects_keeps_its_traceback(tmp_path):
    status, out, err, notes = run_script(tmp_path, '''\
        class Model:
            pass
        Model().fit()
        ''')
    assert status == 1 and err.splitlines()[0] == 'Traceback (most recent call last):'
    assert err.splitlines()[-1] == "AttributeError: 'Model' object has no attribute 'fit'"


FREEZING = '''\
    import numpy as np
    import tensorflow as tf
    from tensorflow.keras.models import Sequential
    from tensorflow.keras.layers import Dense, BatchNormalization
    tf.random.set_seed(3)
    d = Sequential([Dense(4, input_dim=3), BatchNormalization(), Dense(1, activation='sigmoid')])
    d.compile(loss='binary_crossentropy', optimizer='adam')
    d.trainable = False
    d.train_on_batch(np.random.RandomState(0).rand(8, 3), np.ones((8, 1)))
    print(d.layers[1].moving_mean.numpy().tolist())
    '''


@pytest.mark.parametrize('semantics, moves', [('tf_keras', True), ('standalone_keras', True), ('frozen_bn', False)])
def test_freezing_a_compiled_model_holding_batchnorm_is_one_note_and_the_semantics_chosen(tmp_path, semantics, moves):
    """D's own train_on_batch after `d.trainable = False`: under tf_keras and standalone_keras its BatchNorm
    is in training mode there (its moving mean moves); frozen_bn keeps the initial statistics."""
    status, out, err, notes = run_script(tmp_path, FREEZING, keras_semantics=semantics)
    assert status == 0, err
    moving_mean = eval(out)
    assert (moving_mean != [0.0] * 4) == moves
    assert len(notes) == 1 and notes[0].startswith(f'{tmp_path / "script.py"}, line 8: froze the compiled model')
    assert f'--keras_semantics={"frozen_bn" if semantics == "tf_keras" else "tf_keras"}' in notes[0]


def test_the_default_keras_semantics_is_frozen_bn(tmp_path):
    status, out, err, notes = run_script(tmp_path, FREEZING)
    assert status == 0 and eval(out) == [0.0] * 4 and 'frozen_bn, the default' in notes[0]


@pytest.mark.parametrize('semantics', ['frozen_bn', 'standalone_keras'])
def test_a_frozen_model_keeps_its_traced_step_from_one_train_on_batch_to_the_next(tmp_path, semantics):
    """The semantics is given once, at the script's freeze: train_on_batch's own setting of the compiled
    trainable state and back (trainable = False again) does not reset D's step, which would be traced anew
    at every step (1.5 s of CPU per DCGAN iteration where tf_keras takes 0.3; BUILD.md)."""
    status, out, err, notes = run_script(tmp_path, FREEZING.rstrip(' ') + (
        '    step = d.train_function\n'
        '    d.train_on_batch(np.random.RandomState(1).rand(8, 3), np.ones((8, 1)))\n'
        '    print(step is not None and d.train_function is step)\n'), keras_semantics=semantics)
    assert status == 0, err
    assert out.splitlines()[-1] == 'True' and len(notes) == 1


def test_a_keras_semantics_the_script_has_no_use_for_is_one_note(tmp_path):
    status, out, err, notes = run_script(tmp_path, 'import tensorflow as tf\nprint(1)\n', keras_semantics='tf_keras')
    assert (status, out) == (0, '1\n')
    assert notes == [f'--keras_semantics=tf_keras changed nothing: {tmp_path / "script.py"} froze no compiled '
                     'Keras model holding BatchNormalization']


def test_a_script_that_does_not_freeze_gets_no_note_by_default(tmp_path):
    assert run_script(tmp_path, 'import tensorflow as tf\n')[3] == []


OWN_GRAPH = '''\
    import tensorflow as tf
    graph = tf.Graph()
    with graph.as_default():
        tf.set_random_seed(7)
        v = tf.get_variable('v', [3])
        w = tf.Variable(tf.random_normal([2]), name='w')
        with tf.Session(graph=graph) as sess:
            sess.run(tf.global_variables_initializer())
            print(type(v).__name__, type(w).__name__, v.dtype.name, isinstance(graph, tf.Graph))
            print(sess.run(v).tolist(), sess.run(w).tolist())
    '''


@pytest.mark.tf115
def test_a_graph_the_script_makes_has_tf_1_15s_variables_and_seeds_as_the_default_graph_does(tmp_path):
    """TF 1.15: a tf.Graph() made the default holds RefVariables (dtype float32_ref) and draws its
    graph-seeded initial values by TF 1.15's op-seed rule: the same numbers as TF 1.15 itself."""
    import tf115
    (tmp_path / 'own_graph.py').write_text(textwrap.dedent(OWN_GRAPH), encoding='utf-8')
    theirs = tf115.run(tmp_path / 'own_graph.py', cwd=tmp_path)
    assert theirs.returncode == 0, theirs.stderr[-2000:]
    ours = tf1gan_script('own_graph.py', cwd=tmp_path)
    assert ours.returncode == 0, ours.stderr[-2000:]
    assert ours.stdout.splitlines()[0] == 'RefVariable RefVariable float32_ref True'
    assert ours.stdout == theirs.stdout


def test_a_thread_a_graph_mode_script_starts_runs_in_graph_mode_as_in_tf_1_x(tmp_path):
    """tf.train.Supervisor's and QueueRunners' threads, and the script's own, are not eager."""
    status, out, err, _ = run_script(tmp_path, '''\
        import threading
        import tensorflow as tf
        seen = []
        thread = threading.Thread(target=lambda: seen.append(tf.executing_eagerly()))
        thread.start()
        thread.join()
        print(seen, tf.executing_eagerly())
        ''')
    assert (status, out) == (0, '[False] False\n'), err


TF_LOGGING = '''\
    import tensorflow as tf
    tf.logging.set_verbosity(tf.logging.INFO)
    tf.logging.info('before run %d', 1)

    def main(_):
        tf.logging.info('inside main')
        tf.logging.error('an error')

    tf.app.run()
    '''


def absl_line_shape(line):
    """An absl-format line with its date, time and thread id taken out: 'I l.py:5] text'."""
    import re
    return re.sub(r'^([IWEF])\d{4} \d\d:\d\d:\d\d\.\d+ +\d+ ', r'\1 ', line)


def test_tf_logging_prints_tf_1_15s_lines_and_absls_too_once_the_scripts_app_runs(tmp_path):
    """TF 1.15's tf_logging gave the 'tensorflow' logger its own stderr handler in Python's BASIC_FORMAT
    ('INFO:tensorflow:...'); under tf.app.run, absl's handler on the root logger printed each line again in
    absl's format."""
    (tmp_path / 'logs.py').write_text(textwrap.dedent(TF_LOGGING), encoding='utf-8')
    result = tf1gan_script('logs.py', cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert [absl_line_shape(line) for line in result.stderr.splitlines()] == [
        'INFO:tensorflow:before run 1',
        'INFO:tensorflow:inside main', 'I logs.py:6] inside main',
        'ERROR:tensorflow:an error', 'E logs.py:7] an error']


@pytest.mark.tf115
def test_tf_logging_lines_are_those_tf_1_15_printed(tmp_path):
    import tf115
    (tmp_path / 'logs.py').write_text(textwrap.dedent(TF_LOGGING), encoding='utf-8')
    theirs = tf115.run(tmp_path / 'logs.py', cwd=tmp_path)
    ours = tf1gan_script('logs.py', cwd=tmp_path)
    assert theirs.returncode == ours.returncode == 0, theirs.stderr + ours.stderr
    # TF 1.15's own deprecation warnings for tf.logging's names aside (tf1gan keeps TensorFlow's own lines quiet)
    kept = [absl_line_shape(line) for line in theirs.stderr.splitlines() if line and 'is deprecated' not in line]
    assert [absl_line_shape(line) for line in ours.stderr.splitlines()] == kept


DEPRECATED_USES = '''\
    import tensorflow as tf
    tf.logging.set_verbosity(tf.logging.INFO)
    x = tf.placeholder(tf.float32, [None, 3])
    y = tf.layers.dense(x, 2)
    image, = tf.train.slice_input_producer([tf.zeros([4, 3])])
    tf.logging.info('built')
    '''


@pytest.mark.parametrize('verbose', [False, True])
def test_tensorflow_2s_deprecation_notices_show_only_with_verbose_even_at_the_scripts_info_level(tmp_path, verbose):
    """tf.layers' UserWarning (Python's, on the script's line) and TensorFlow's 'is deprecated' log lines
    (slice_input_producer's) are TensorFlow 2.21's own lines: off unless --verbose, as its other ones."""
    (tmp_path / 'old_api.py').write_text(textwrap.dedent(DEPRECATED_USES), encoding='utf-8')
    result = tf1gan_script(*(['--verbose'] if verbose else []), 'old_api.py', cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert 'INFO:tensorflow:built' in result.stderr.splitlines()
    assert ('`tf.layers.dense` is deprecated' in result.stderr) == verbose
    assert ('slice_input_producer (from tensorflow.python.training.input) is deprecated' in result.stderr) == verbose
