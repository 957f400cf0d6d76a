"""What a run leaves beside its pictures: <run_dir>/log.txt, TensorBoard events, a terminal progress bar."""
import glob
import io
import json

import pytest
import tensorflow.compat.v1 as tf

import tf1gan  # noqa: F401
from tf1gan import progress, runlog, summaries
from training import train


def events(run_dir):
    return summaries.read_events(str(run_dir))


def train_cgan(mnist_dir, out, total_epoch, resume=False, eval_every=None):
    options = dict(eval_every=eval_every) if eval_every else {}
    return train('cgan', out, total_epoch, mnist_dir=mnist_dir, seed=3, resume=resume, **options)


@pytest.fixture(scope='module')
def cgan_run(mnist_dir, tmp_path_factory):
    out = tmp_path_factory.mktemp('cgan-run')
    lines, history = train_cgan(mnist_dir, out, total_epoch=10)
    return out, lines, history


def test_tensorboard_gets_the_printed_losses_of_every_epoch(cgan_run):
    out, _, history = cgan_run
    scalars = [(step, tag, value) for step, tag, value in events(out) if tag.startswith('loss/')]
    expected = [(epoch, tag, pytest.approx(value)) for epoch, (d, g) in enumerate(history)
                for tag, value in (('loss/D', d), ('loss/G', g))]
    assert scalars == expected


def test_tensorboard_gets_the_sample_pictures_at_the_books_epochs(cgan_run):
    out, _, _ = cgan_run
    assert [(step, tag) for step, tag, value in events(out) if value == 'image'] == [(0, 'samples'), (9, 'samples')]


def test_tensorboard_gets_the_books_graph(cgan_run):
    out, _, _ = cgan_run
    [path] = glob.glob(str(out / 'events.out.tfevents.*'))
    graph_events = [e for e in tf.train.summary_iterator(path) if e.HasField('graph_def')]
    graph = tf.GraphDef.FromString(graph_events[0].graph_def)
    names = {node.name for node in graph.node}
    assert {'discriminator/dense/kernel', 'generator/dense/kernel'} <= names


@pytest.fixture(scope='module')
def evaluated_cgan_run(mnist_dir, tmp_path_factory):
    out = tmp_path_factory.mktemp('cgan-evaluated')
    lines, _ = train_cgan(mnist_dir, out, total_epoch=10, eval_every=10)
    return out, lines


def test_eval_every_10_judges_the_generator_at_the_books_sample_epochs(evaluated_cgan_run):
    out, _ = evaluated_cgan_run
    records = [json.loads(line) for line in (out / 'eval.jsonl').read_text().splitlines()]
    assert [r['step'] for r in records] == [0, 9]
    for record in records:
        assert record['num_images'] == 1000 and sum(record['class_histogram']) == 1000
        assert 1 <= record['mnist_score'] <= 10 and record['frechet_distance'] > 0
        assert 0 <= record['conditional_accuracy'] <= 1


def test_eval_every_shows_its_figures_in_tensorboard(evaluated_cgan_run):
    out, _ = evaluated_cgan_run
    tags = {(step, tag) for step, tag, _ in events(out)}
    assert {(0, 'eval/mnist_score'), (9, 'eval/frechet_distance'), (9, 'eval/conditional_accuracy')} <= tags


def test_eval_every_leaves_the_printed_lines_as_they_were(evaluated_cgan_run, cgan_run):
    assert evaluated_cgan_run[1] == cgan_run[1]


def test_a_resumed_run_tells_tensorboard_where_it_restarted(mnist_dir, tmp_path):
    train_cgan(mnist_dir, tmp_path, total_epoch=2)
    train_cgan(mnist_dir, tmp_path, total_epoch=3, resume=True)
    assert (2, 'session_log', tf.SessionLog.START) in events(tmp_path)


def test_the_run_log_holds_each_printed_line(tmp_path, capsys):
    log = runlog.RunLog(str(tmp_path))
    log('Epoch:  0000 D loss: 0.01216 G loss: 7.923')
    log('최적화 완료!')
    printed = capsys.readouterr().out.splitlines()
    assert printed == ['Epoch:  0000 D loss: 0.01216 G loss: 7.923', '최적화 완료!']
    assert (tmp_path / 'log.txt').read_text(encoding='utf-8').splitlines() == printed


def test_a_new_run_starts_the_log_afresh_and_a_resumed_one_appends(tmp_path):
    runlog.RunLog(str(tmp_path))('old run')
    runlog.RunLog(str(tmp_path))('new run')
    runlog.RunLog(str(tmp_path), resume=True)('resumed')
    assert (tmp_path / 'log.txt').read_text().splitlines() == ['new run', 'resumed']


def test_a_run_that_prints_nothing_leaves_the_old_log_alone(tmp_path):
    runlog.RunLog(str(tmp_path))('old run')
    runlog.RunLog(str(tmp_path))  # refused before its first line, say
    assert (tmp_path / 'log.txt').read_text().splitlines() == ['old run']


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_the_progress_bar_yields_every_iteration_and_erases_itself_on_a_terminal():
    terminal = Terminal()
    assert list(progress.Progress(terminal).epoch(550)) == list(range(550))
    drawn = terminal.getvalue()
    assert drawn.count('\r') > 50 and '/550' in drawn
    assert drawn.endswith('\r\033[K')


def test_the_progress_bar_draws_nothing_off_a_terminal():
    piped = io.StringIO()
    assert list(progress.Progress(piped).epoch(550)) == list(range(550))
    assert piped.getvalue() == ''
