"""The corpus of TF 1.x-era scripts in tests/corpus/: what each is run with, and what its output must show.

Each script is written as the 2016-2019 tutorials wrote them and is run unchanged, shortened
only with `--set` (a top-level literal) and the MNIST folder. `python tests/corpus.py OUT.json
[NAME ...]` runs the cases through tf1gan.script's own command code, in this one process (a
fresh `__main__` module and graph per script, as the command makes them), and writes each one's
exit status, stdout and stderr; tests/test_corpus.py checks them. The flags of tf1gan.main and
tf1gan.script cannot live in one process, hence this worker process.
"""
import contextlib
import io
import json
import os
import pathlib
import re
import sys
from typing import Callable, NamedTuple, Tuple

CORPUS = pathlib.Path(__file__).resolve().parent / 'corpus'

NUMBER = r'([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)'


def values_after(word, text):
    """Every number printed right after `word` (case-insensitive; '=', ':' and spaces between)."""
    return [float(v) for v in re.findall(re.escape(word) + r'\s*[=:]?\s*' + NUMBER, text, re.IGNORECASE)]


def falls(word, by=None):
    """The first and the last value printed after word: the last is lower (a cost that falls). With `by`,
    the value at that index instead of the last: a GAN's d_loss falls as D learns, then rises and falls
    again as G catches up, so where it ends is the two networks' race, not whether D learned."""
    def check(result):
        values = values_after(word, result['stdout'])
        index = -1 if by is None else by
        assert len(values) > max(index, 1), f'expected more "{word}" values in: {result["stdout"]!r}'
        assert values[index] < values[0], f'{word}: {values[0]} -> {values[index]} (index {index}) in {values}'
    check.__doc__ = f'{word} falls' + ('' if by is None else f' within its first {by + 1} values')
    return check


def above(word, threshold):
    """The last value printed after word is above threshold (an accuracy above chance)."""
    def check(result):
        values = values_after(word, result['stdout'])
        assert values and values[-1] > threshold, f'{word}: {values} (expected above {threshold})'
    check.__doc__ = f'{word} > {threshold}'
    return check


def prints(*lines):
    """Each of lines is a line of stdout."""
    def check(result):
        for line in lines:
            assert line in result['stdout'].splitlines(), f'{line!r} not in {result["stdout"]!r}'
    check.__doc__ = 'prints ' + ', '.join(map(repr, lines))
    return check


def wrote(*paths):
    """Each of paths (relative to the script's folder) is a file the run wrote."""
    def check(result):
        missing = [path for path in paths if path not in result['files']]
        assert not missing, f'not written: {missing}; the folder holds {result["files"]}'
    check.__doc__ = 'writes ' + ', '.join(paths)
    return check


def says(text):
    """stderr has a line holding text (a tf1gan note)."""
    def check(result):
        assert any(text in line for line in result['stderr'].splitlines()), result['stderr']
    check.__doc__ = f'says {text!r}'
    return check


def one_line(*parts):
    """Exit status 1 and stderr one `tf1gan:` line holding each of parts (no traceback)."""
    def check(result):
        lines = [line for line in result['stderr'].splitlines() if line.strip()]
        assert result['status'] == 1 and len(lines) == 1 and lines[0].startswith('tf1gan: '), result['stderr']
        for part in parts:
            assert part in lines[0], lines[0]
    check.__doc__ = 'one line: ' + ', '.join(parts)
    return check


class Case(NamedTuple):
    script: str
    checks: Tuple[Callable, ...]
    flags: Tuple[str, ...] = ()  # tf1gan.script's flags ({mnist} is the MNIST folder)
    args: Tuple[str, ...] = ()  # the script's own, after --
    status: int = 0
    runs: int = 1  # run again in the same folder (a Saver script resuming): the checks see the last run


MNIST = ('--data_dir={mnist}',)

CASES = [
    Case('hello_constant.py', (prints("b'Hello, TensorFlow!'", '42'),)),
    Case('linear_regression_feed.py', (falls('cost'),)),
    Case('linear_regression_epochs.py', (falls('cost='),), ('--set', 'training_epochs=200')),
    Case('logistic_regression_feed.py', (falls('cost'), above('Accuracy', 0.8))),
    Case('softmax_classifier.py', (falls('cost'), above('Accuracy', 0.9))),
    Case('mnist_softmax.py', (above('accuracy', 0.8),), MNIST),
    Case('xor_tensorboard.py', (falls('cost'), above('Accuracy', 0.99), prints('events written')),
         ('--set', 'steps=2001')),
    Case('mnist_mlp_glorot_dropout.py', (falls('cost ='), above('Accuracy', 0.8)), MNIST + ('--set', 'training_epochs=2', '--set', 'batch_size=1000')),
    Case('mnist_mlp_keep_prob.py', (falls('cost'), above('accuracy', 0.8)), MNIST + ('--set', 'steps=300')),
    Case('mnist_mlp_xavier_contrib.py', (falls('cost ='), above('Accuracy', 0.8)), MNIST + ('--set', 'training_epochs=2', '--set', 'batch_size=1000')),
    Case('cnn_tf_nn.py', (above('Accuracy', 0.6),), MNIST + ('--set', 'steps=120')),
    Case('cnn_tf_layers.py', (above('Accuracy', 0.6),), MNIST + ('--set', 'steps=120')),
    Case('cnn_contrib_layers.py', (above('Accuracy', 0.6),), MNIST + ('--set', 'steps=120')),
    Case('batch_norm_tf_layers.py', (above('Accuracy', 0.6),), MNIST + ('--set', 'steps=150')),
    Case('batch_norm_contrib.py', (above('Accuracy', 0.6),), MNIST + ('--set', 'steps=150')),
    Case('rnn_mnist_static.py', (falls('Loss='), above('Accuracy', 0.3)), MNIST + ('--set', 'training_steps=120')),
    Case('rnn_mnist_dynamic_gru.py', (falls('loss'), above('accuracy', 0.3)), MNIST + ('--set', 'training_steps=120')),
    Case('rnn_mnist_contrib.py', (falls('Loss='), above('Accuracy', 0.3)), MNIST + ('--set', 'training_steps=120')),
    Case('char_rnn_sentence.py', (falls('loss'), above('accuracy', 0.5))),
    Case('char_rnn_hihello_contrib.py', (falls('loss'), prints('Prediction str: ihello'))),
    Case('bidirectional_rnn_contrib.py', (falls('loss'),)),
    Case('seq2seq_words.py', (falls('cost ='), prints('word -> 단어')), ('--set', 'total_epoch=150')),
    Case('seq2seq_sequence_loss_contrib.py', (falls('loss'),)),
    Case('autoencoder_mnist.py', (falls('Avg. cost ='),), MNIST + ('--set', 'training_epoch=2', '--set', 'batch_size=1000')),
    Case('autoencoder_weights_dict.py', (falls('cost='),), MNIST + ('--set', 'num_steps=200')),
    Case('gan_mnist.py', (falls('D loss:'),), MNIST + ('--set', 'total_epoch=1', '--set', 'batch_size=1000')),
    Case('word2vec_skipgram.py', (falls('loss:'),), ('--set', 'training_steps=300')),
    Case('embedding_classifier.py', (falls('loss'), above('accuracy', 0.9))),
    Case('queue_string_input_producer.py', (falls('cost'),)),
    Case('queue_shuffle_batch.py', (above('accuracy', 0.9),)),
    Case('slim_learning_train.py', (above('Accuracy', 0.85), says('INFO:tensorflow:global step 300: loss = '),
                                    wrote('train_logs/model.ckpt-300.index', 'train_logs/checkpoint')), MNIST),
    Case('tf_data_one_shot_iterator.py', (falls('loss'),)),
    Case('saver_save_restore.py', (prints('restored W equals saved W: True'),)),
    Case('saver_resume_global_step.py', (prints('Restored from checkpoint', 'global_step: 20'),), runs=2),
    Case('variable_scope_reuse.py', (prints('shared: True', 'conv1/weights:0'),)),
    Case('learning_rate_decay.py', (falls('cost'), prints('learning rate decayed: True'))),
    Case('global_step_contrib_framework.py', (prints('global_step: 10'),)),
    Case('keras_in_a_session.py', (falls('loss'),)),
    Case('app_flags_tf_app_run.py', (prints('seed=5 data_dir=data learning_rate=0.1', "argv=['app_flags_tf_app_run.py', 'extra']"),),
         args=('--seed=5', '--data_dir=data', 'extra')),
    Case('absl_flags_app_run.py', (prints('steps: 3 name: corpus', "argv: ['absl_flags_app_run.py']"),),
         args=('--steps=3',)),
    Case('tf_flags_implicit_parse.py', (prints('batch_size = 16 (old keywords)'),), args=('--batch_size=16',)),
    Case('eager_basics.py', (prints('executing eagerly: True', 'a * b = 6', '[[2. 3.]]'),)),
    Case('eager_linear_regression_tfe.py', (falls('cost='),), ('--set', 'num_steps=200')),
    Case('eager_logistic_regression_mnist.py', (falls('loss='), above('accuracy', 0.7)), MNIST + ('--set', 'num_steps=200')),
    Case('eager_gradient_tape_model.py', (falls('loss'),)),
    Case('eager_gradients_function.py', (prints('d/dx x^2 at 3.0 = 6.0', 'value and gradient: 9.0 6.0'),)),
    Case('eager_enabled_after_import.py', (prints('before: graph', 'after: eager', 'seed set: 3 (1,)'),)),
    Case('keras_tf2_mnist_mlp.py', (above('test accuracy', 0.85),), MNIST),
    Case('keras_tf2_cnn_seed.py', (above('accuracy', 0.6),), MNIST),
    Case('keras_tf2_dcgan_seed.py', (falls('d_loss:', by=10), says('--keras_semantics=frozen_bn, the default'),
                                     wrote('gan_images/gan_mnist_0.png', 'gan_images/gan_mnist_40.png')), MNIST),
    Case('contrib_learn_mnist.py', (above('accuracy', 0.8),), MNIST),
    Case('estimator_dnn_classifier.py', (one_line('estimator_dnn_classifier.py, line 15', 'tf.estimator',
                                                  'removed the Estimator API in 2.16'),), status=1),
    Case('contrib_learn_estimator.py', (one_line('contrib_learn_estimator.py, line 8',
                                                 'tf.contrib.learn.infer_real_valued_columns_from_input',
                                                 'Estimator API in 2.16'),), status=1),
]


def command_line(case, mnist_dir):
    """tf1gan.script's arguments for case: its flags, the script, its own arguments after --."""
    flags = [flag.format(mnist=mnist_dir) for flag in case.flags]
    return [*flags, case.script, *(['--', *case.args] if case.args else [])]


def run_in_this_process(case, folder, mnist_dir):
    """{'status', 'stdout', 'stderr', 'files'} of `python -m tf1gan.script` on case, run through its own
    command code in this process, in folder (a copy of the script beside it, as a reader has it)."""
    from absl import flags
    from tf1gan.script import command
    folder.mkdir(parents=True, exist_ok=True)
    (folder / case.script).write_bytes((CORPUS / case.script).read_bytes())
    flags.FLAGS.unparse_flags()
    argv = flags.FLAGS(['tf1gan.script', *command_line(case, mnist_dir)])
    stdout, stderr, cwd = io.StringIO(), io.StringIO(), os.getcwd()
    os.chdir(folder)
    try:
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            try:
                command.main(argv)
                status = 0
            except SystemExit as exit:
                status = exit.code
    finally:
        os.chdir(cwd)
    return {'status': status, 'stdout': stdout.getvalue(), 'stderr': stderr.getvalue(), 'files': files_in(folder)}


def files_in(folder):
    """The files under folder, as paths relative to it (what a run wrote, and the script)."""
    return sorted(str(path.relative_to(folder)) for path in folder.rglob('*') if path.is_file())


def main(out, names=()):
    import tf1gan  # noqa: F401
    mnist_dir = os.environ['TF1GAN_MNIST_DIR']
    from tf1gan import cli
    cli.import_tensorflow()
    results = {}
    for case in CASES:
        if names and case.script not in names:
            continue
        folder = pathlib.Path(os.path.dirname(os.path.abspath(out))) / case.script.replace('.py', '')
        for _ in range(case.runs):
            results[case.script] = run_in_this_process(case, folder, mnist_dir)
    with open(out, 'w', encoding='utf-8') as f:
        json.dump(results, f)


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2:])
