"""What a run leaves beside its pictures: <run_dir>/log.txt, TensorBoard events, a terminal progress bar."""
import glob
import io
import json
import types

import pytest
import tensorflow.compat.v1 as tf
import tqdm.std

import tf1gan  # noqa: F401
from tf1gan.training import progress, summaries
from tf1gan.runs import runlog
from training import train
from hang import HANG


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


def frames(drawn):
    """The bar's successive frames: what each '\\r' redraws."""
    return [frame.strip() for frame in drawn.split('\r') if frame.strip()]


def test_the_epoch_bar_counts_trained_iterations_up_to_its_total_and_erases_itself():
    terminal = Terminal()
    with progress.Progress(terminal, lines=io.StringIO()).epoch(2, 100, 550) as bar:
        for _ in range(11):
            bar.trained(50)
    drawn = frames(terminal.getvalue())
    assert drawn[0].startswith('epoch 3/100') and ' 0/550 iterations' in drawn[0]
    assert ' 550/550 iterations' in drawn[-1] and '00:00 left (run ' in drawn[-1]
    assert terminal.getvalue().endswith('\r')  # erased: a line of blanks, the cursor back at its start


def test_an_epochs_bar_starts_at_the_last_epochs_rate_not_at_an_unknown_one():
    terminal = Terminal()
    bars = progress.Progress(terminal, lines=io.StringIO())
    with bars.epoch(0, 100, 550) as bar:
        for _ in range(11):
            bar.trained(50)
    starts = len(terminal.getvalue())
    with bars.epoch(1, 100, 550) as bar:
        bar.trained(50)
    first = frames(terminal.getvalue()[starts:])[0]
    assert first.startswith('epoch 2/100') and ' 0/550 iterations' in first
    assert '?' not in first  # the rate, the epoch's time left and the run's


def frames_on_a_held_clock(monkeypatch, epoch, total_epoch, chunks, seconds_each):
    """The frames of epoch `epoch`'s bar (of 550 iterations) with `chunks` chunks of 50 trained, each
    `seconds_each` after the last on a clock the test holds (tqdm's and progress's)."""
    seconds = [1000.0]
    clock = lambda: seconds[0]
    monkeypatch.setattr(tqdm.std, 'time', clock)
    monkeypatch.setattr(progress, 'time', types.SimpleNamespace(perf_counter=clock))
    terminal = Terminal()
    with progress.Progress(terminal, lines=io.StringIO()).epoch(epoch, total_epoch, 550) as bar:
        for _ in range(chunks):
            seconds[0] += seconds_each
            bar.trained(50)
    return frames(terminal.getvalue())


def test_the_rate_drawn_is_the_trained_iterations_per_second(monkeypatch):
    """A chunk of 50 trained every 0.25 s is drawn as 200 iterations a second, and the run's time
    left is its 97 later epochs of 550 at that rate (266.75 s)."""
    last = frames_on_a_held_clock(monkeypatch, 2, 100, chunks=11, seconds_each=0.25)[-1]
    assert ' 550/550 iterations, 200.00it/s, 00:00 left (run 04:26)' in last


def test_an_epochs_bar_keeps_a_tenth_of_an_80_column_terminal_for_the_bar_itself(monkeypatch):
    """The text beside the bar (here the CNN exercise's: epoch 10/100 of 550 at 20.00it/s, 41 minutes left
    for the run) leaves the bar itself at least 10 of the 79 columns tqdm draws on."""
    frame = frames_on_a_held_clock(monkeypatch, 9, 100, chunks=5, seconds_each=2.5)[-1]
    text = ' 250/550 iterations, 20.00it/s, 00:15 left (run 41:30)'
    assert frame.startswith('epoch 10/100 ') and frame.endswith(text)
    assert len(frame) == progress.DEFAULT_COLUMNS - 1
    assert len(frame) - len('epoch 10/100 ') - len(text) >= 10


def test_the_dcgan_bar_counts_the_runs_iterations_from_where_it_resumed():
    terminal = Terminal()
    with progress.Progress(terminal, lines=io.StringIO()).iterations(1200, 1203) as bar:
        for _ in range(3):
            bar.trained()
    drawn = frames(terminal.getvalue())
    assert drawn[0].startswith('iteration 1200/1203') and drawn[-1].startswith('iteration 1203/1203')


def test_the_progress_bar_draws_nothing_off_a_terminal():
    piped = io.StringIO()
    bars = progress.Progress(piped)
    for bar in (bars.epoch(0, 1, 550), bars.iterations(0, 4001)):
        with bar:
            bar.trained(550)
            with bar.above():
                pass
    assert piped.getvalue() == ''


def test_a_terminal_that_reports_no_width_gets_the_bar_80_columns_wide():
    """A pseudo-terminal of size 0x0 (tqdm reads -1 columns there, and drew nothing): the bar is drawn as on a
    terminal 80 columns wide."""
    import fcntl
    import os
    import pty
    import select
    import struct
    import termios
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack('HHHH', 0, 0, 0, 0))
    assert os.get_terminal_size(slave) == (0, 0)
    try:
        with open(slave, 'w', encoding='utf-8', closefd=False) as terminal:
            with progress.Progress(terminal, lines=io.StringIO()).epoch(2, 100, 550) as bar:
                for _ in range(11):
                    bar.trained(50)
        drawn = b''
        while select.select([master], [], [], 1)[0]:
            drawn += os.read(master, 4096)
    finally:
        os.close(master)
        os.close(slave)
    drawn = frames(drawn.decode())
    assert drawn[0].startswith('epoch 3/100') and ' 550/550 iterations' in drawn[-1]
    assert max(len(frame) for frame in drawn) == progress.DEFAULT_COLUMNS - 1  # tqdm leaves the last column free


@pytest.mark.slow  # a real run on a pseudo-terminal: in the slow suite, beside the whole runs
def test_a_terminal_run_moves_each_epochs_bar_a_trained_chunk_at_a_time(tmp_path, mnist_dir):
    """A real run with its stderr on a pseudo-terminal and its stdout in a file: each epoch's bar
    moves a chunk at a time as the chunks are trained, reaches its total and always shows a rate;
    stdout and log.txt hold the book's lines only. (What the rate is, is pinned on a clock the
    test holds, above: read off a terminal under load, a wall-clock rate says more of the machine.)"""
    import os
    import pty
    import fcntl
    import re
    import struct
    import subprocess
    import sys
    import termios
    from tf1gan.training import fused
    iterations = 8 * fused.CHUNK
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack('HHHH', 24, 100, 0, 0))  # a terminal 100 columns wide
    with open(tmp_path / 'stdout.txt', 'w') as stdout:
        process = subprocess.Popen([sys.executable, '-m', 'tf1gan.main', '--model=gan', '--total_epoch=2',
                                    f'--total_batch={iterations}', f'--data_dir={mnist_dir}', '--run_dir=./run'],
                                   stdout=stdout, stderr=slave, cwd=tmp_path)
    os.close(slave)
    received = []
    pending = ''
    while True:
        try:
            data = os.read(master, 4096).decode(errors='replace')
        except OSError:  # the run has exited and closed the terminal
            break
        if not data:
            break
        *complete, pending = (pending + data).split('\r')
        received += [frame.strip() for frame in complete if frame.strip()]
    os.close(master)
    assert process.wait(timeout=HANG) == 0
    bar = re.compile(r'epoch (\d)/2 .* (\d+)/(\d+) iterations, ([\d.?]+)it/s')
    drawn = [bar.match(frame).groups() for frame in received if bar.match(frame)]
    for epoch in ('1', '2'):
        counts = [int(n) for e, n, total, _ in drawn if e == epoch]
        assert counts[-1] == iterations and counts == sorted(counts)
        assert all(n % fused.CHUNK == 0 for n in counts)  # whole chunks, trained
    assert all(rate != '?' for e, n, total, rate in drawn if e == '2')  # from the first epoch's, then its own
    for written in (tmp_path / 'stdout.txt', tmp_path / 'run' / 'log.txt'):
        text = written.read_text(encoding='utf-8')
        assert '\r' not in text and 'iterations' not in text and text.count('Epoch:') == 2
