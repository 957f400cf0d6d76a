"""Comparing a run with the book: tf1gan.evaluation.book_logs (the book's logs, and reading logs) and
python -m tf1gan.compare (the band, the table, the pictures, the exit status)."""
import json
import math
import os
import pathlib
import re
import subprocess
import sys

import numpy as np
import pytest

import book_texts
from tf1gan.evaluation import book_logs, comparison
from tf1gan.runs import samples
from tf1gan.errors import InputError
from hang import HANG

REPO = pathlib.Path(__file__).resolve().parents[1]
SEED, BOOK_PICTURES = book_texts.CH09, book_texts.PICTURES


def log_lines(model, losses):
    """What the listing prints for these (D, G) losses, epoch after epoch."""
    from tf1gan.listings import cgan, gan  # the listings' own log_line (imports TensorFlow, once)
    module = {'gan': gan, 'cgan': cgan}[model]
    return [module.log_line(epoch, d, g) for epoch, (d, g) in enumerate(losses)]


def write_run(run_dir, model, losses, tail=('최적화 완료!',)):
    run_dir.mkdir(parents=True, exist_ok=True)
    (run_dir / 'log.txt').write_text('\n'.join(log_lines(model, losses) + list(tail)) + '\n', encoding='utf-8')
    return run_dir


def book_losses(model, run=0):
    book = book_logs.book_runs(model)[run]
    return list(zip(book.d, book.g))


def tf1gan_compare(*args, cwd=None):
    return subprocess.run([sys.executable, '-m', 'tf1gan.compare', *args], capture_output=True, text=True,
                          cwd=cwd, timeout=HANG)


# Reading logs.

@pytest.mark.parametrize('model', ['gan', 'cgan'])
def test_the_parser_reads_what_each_listing_prints_indexed_by_the_loops_epoch(model):
    printed = [(-0.13994, -3.04021), (0.0121634, 7.9231), (1.234e-05, 12345.678), (-2.5, 0.0)]
    losses = book_logs.parse_log('\n'.join(log_lines(model, printed)), model)
    assert np.allclose(losses.d, [d for d, _ in printed], rtol=1e-3, atol=1e-4)
    assert np.allclose(losses.g, [g for _, g in printed], rtol=1e-3, atol=1e-4)


def test_the_parser_reads_nan_and_inf_as_printed():
    losses = book_logs.parse_log('Epoch:  0001 D loss: nan G loss: -inf', 'gan')
    assert math.isnan(losses.d[0]) and losses.g[0] == -math.inf


def test_9_1_prints_epoch_plus_1_and_9_2_prints_epoch():
    assert book_logs.parse_log('Epoch:  0001 D loss: -0.1399 G loss: -3.0402', 'gan').d.tolist() == [-0.1399]
    assert book_logs.parse_log('Epoch:  0000 D loss: 0.01216 G loss: 7.923', 'cgan').g.tolist() == [7.923]


def test_lines_that_are_not_epoch_lines_are_ignored():
    text = ('# a comment\nExtracting ./mnist/data/train-images-idx3-ubyte.gz\n'
            'Epoch:  0000 D loss: 0.01216 G loss: 7.923\nepoch:0  d_loss:0.6931  g_loss:0.6904\n'
            'Epoch: 0001 D loss: 1 G loss: 2\n최적화 완료!\n')
    assert book_logs.parse_log(text, 'cgan').d.tolist() == [0.01216]


def test_an_epoch_printed_again_counts_as_its_last_copy():
    text = ('Epoch:  0000 D loss: 0.5 G loss: 1.5\nEpoch:  0001 D loss: 9.0 G loss: 9.0\n'
            'Epoch:  0001 D loss: 0.25 G loss: 2.5\n최적화 완료!\n')
    losses = book_logs.parse_log(text, 'cgan')
    assert losses.d.tolist() == [0.5, 0.25] and losses.g.tolist() == [1.5, 2.5]


@pytest.mark.parametrize('text, model, named', [
    ('최적화 완료!\n', 'gan', 'no epoch lines'),
    ('Epoch:  0000 D loss: 0.5 G loss: 1.5\nEpoch:  0002 D loss: 0.5 G loss: 1.5\n', 'cgan', 'epoch 0001'),
    ('Epoch:  0000 D loss: 0.5 G loss: 1.5\n', 'gan', 'another model'),
    ('Epoch:  0001 D loss: -0.5 G loss: -1.5\n', 'cgan', 'another model'),
])
def test_a_log_without_epochs_with_a_gap_or_of_the_other_listing_is_an_input_error(text, model, named):
    with pytest.raises(InputError, match=named):
        book_logs.parse_log(text, model)


# The book's logs.

@pytest.mark.parametrize('name, model', [('book_gan_run1.log', 'gan'), ('book_gan_run2.log', 'gan'),
                                         ('book_cgan.log', 'cgan')])
def test_each_packaged_book_log_names_its_source_and_holds_100_epochs_as_printed(name, model):
    text = (REPO / 'tf1gan' / 'evaluation' / 'data' / name).read_text(encoding='utf-8')
    first, *lines = text.splitlines()
    assert first.startswith('# 골빈해커의 3분 딥러닝 텐서플로맛, ch. 9, listing ' + book_logs.LISTING[model])
    losses = book_logs.parse_log(text, model)
    assert len(losses.d) == len(losses.g) == 100
    assert lines == log_lines(model, zip(losses.d, losses.g))  # exactly the listing's format


def test_the_packaged_logs_hold_the_values_the_book_printed():
    run1, run2 = book_logs.book_runs('gan')
    [cgan] = book_logs.book_runs('cgan')
    assert (run1.d[0], run1.g[0], run1.d[99], run1.g[99]) == (-0.1399, -3.0402, -0.5310, -1.9507)
    assert (run2.d[0], run2.g[0], run2.d[99], run2.g[99]) == (-0.4525, -2.0736, -0.7709, -1.5756)
    assert (cgan.d[0], cgan.g[0], cgan.d[1], cgan.d[99], cgan.g[99]) == (0.01216, 7.923, 0.009068, 0.6957, 1.951)


@pytest.mark.skipif(not SEED.exists(), reason=book_texts.TEXTS_NEEDED.format(SEED.name))
def test_the_packaged_logs_are_the_seed_texts_epoch_lines_in_order():
    seed_lines = [line.strip() for line in SEED.read_text(encoding='utf-8').splitlines()
                  if book_logs.EPOCH_LINE.fullmatch(line.strip())]
    packaged = [line for name in ('book_gan_run1.log', 'book_gan_run2.log', 'book_cgan.log')
                for line in (REPO / 'tf1gan' / 'evaluation' / 'data' / name).read_text(encoding='utf-8').splitlines()[1:]]
    assert packaged == seed_lines


def test_the_book_printed_two_runs_of_9_1_and_one_of_9_2_and_none_of_the_dcgan():
    assert len(book_logs.book_runs('gan')) == 2 and len(book_logs.book_runs('cgan')) == 1
    with pytest.raises(InputError, match='dcgan'):
        book_logs.book_runs('dcgan')


# The band.

def test_the_band_spans_the_widest_of_each_runs_window_mean_plus_minus_k_sample_sd():
    spread = math.sqrt(10 / 9)  # sd (ddof=1) of five 0s and five 2s
    run_a = [0.0, 2.0] * 5 + [12.0] * 10
    run_b = [1.0] * 10 + [4.0, 8.0] * 5
    low, high = comparison.band([run_a, run_b], k=2)
    assert low == pytest.approx([1 - 2 * spread, 6 - 2 * 2 * spread])
    assert high == pytest.approx([1 + 2 * spread, 12.0])


def test_the_band_has_one_window_per_ten_epochs_of_the_shortest_run():
    low, high = comparison.band([np.zeros(100), np.zeros(35)])
    assert len(low) == len(high) == 3


def test_window_means_leave_out_a_partial_last_window():
    assert comparison.window_means(np.arange(25)).tolist() == [4.5, 14.5]


def each_book_gan_run_is_inside_the_band_of_the_other(k):
    run1, run2 = book_logs.book_runs('gan')
    for mine, other in ((run1, run2), (run2, run1)):
        for name in ('d', 'g'):
            low, high = comparison.band([getattr(other, name)], k=k)
            means = comparison.window_means(getattr(mine, name))
            if not np.all((low <= means) & (means <= high)):
                return False
    return True


def test_k_3_is_the_smallest_whole_k_that_holds_each_book_gan_run_inside_the_others_band():
    assert comparison.BAND_K == 3
    assert each_book_gan_run_is_inside_the_band_of_the_other(3)
    assert not each_book_gan_run_is_inside_the_band_of_the_other(2)


# Comparing.

def test_a_run_equal_to_a_book_run_is_inside_every_window():
    rows = comparison.compare(book_logs.book_runs('cgan')[0], book_logs.book_runs('cgan'))
    assert [row.first_epoch for row in rows] == list(range(0, 100, 10))
    assert all(row.inside for row in rows)


def test_a_nan_window_mean_is_outside():
    [book] = book_logs.book_runs('cgan')
    run = book_logs.Losses(d=np.where(np.arange(100) == 5, np.nan, book.d), g=book.g)
    rows = comparison.compare(run, [book])
    assert [row.inside for row in rows] == [False] + [True] * 9
    assert comparison.verdict(rows[0]) == 'outside (D)'


def test_each_window_and_loss_outside_the_band_is_named_with_the_runs_mean_and_the_band():
    [book] = book_logs.book_runs('cgan')
    run = book_logs.Losses(d=book.d, g=np.where(np.arange(100) // 10 == 3, book.g + 10, book.g))
    rows = comparison.compare(run, [book])
    g = rows[3].g
    assert comparison.outside_lines(rows) == [
        f"epochs 30-39, G loss: the run's mean {g.run:.4f} is outside the book's band "
        f"[{g.low:.4f}, {g.high:.4f}] (the book's mean: {g.book:.4f})"]


def test_a_run_inside_every_window_has_no_outside_lines():
    assert comparison.outside_lines(comparison.compare(book_logs.book_runs('cgan')[0], book_logs.book_runs('cgan'))) == []


def test_the_table_has_one_row_per_window_the_run_completed(tmp_path, capsys):
    run_dir = write_run(tmp_path / 'run', 'gan', book_losses('gan')[:35])
    status = comparison.run_comparison('gan', str(run_dir), None, None, None, None)
    out = capsys.readouterr().out
    assert status == 0
    assert [line.split()[0] for line in out.splitlines() if re.match(r'\d+-\d+ ', line)] == ['0-9', '10-19', '20-29']
    assert 'epochs 30-34: not compared' in out


def test_the_loss_plot_is_a_png_in_the_run_dir_by_default(tmp_path):
    run_dir = write_run(tmp_path / 'run', 'gan', book_losses('gan', run=1))
    assert comparison.run_comparison('gan', str(run_dir), None, None, None, None) == 0
    assert (run_dir / 'compare_losses.png').read_bytes().startswith(b'\x89PNG')


def test_the_picture_comparison_pairs_the_epochs_present_in_both_folders(tmp_path):
    book_dir, run_samples = tmp_path / 'book', tmp_path / 'samples'
    for epoch in (0, 9, 19):  # stand-ins for the book's pictures, drawn here
        samples.save_rows([np.zeros((10, 784))], samples.epoch_path(str(book_dir / 'samples'), epoch))
    for epoch in (0, 19, 29):
        samples.save_rows([np.ones((10, 784))], samples.epoch_path(str(run_samples), epoch))
    pairs = comparison.sample_pairs(str(book_dir), str(run_samples), 'gan')
    assert [epoch for epoch, _, _ in pairs] == [0, 19]


@pytest.mark.skipif(not BOOK_PICTURES.exists(), reason=book_texts.PICTURES_NEEDED)
@pytest.mark.parametrize('model', ['gan', 'cgan'])
def test_the_picture_comparison_puts_the_books_pictures_beside_the_runs(model, tmp_path):
    rows = 1 if model == 'gan' else 2
    run_dir = write_run(tmp_path / 'run', model, book_losses(model))
    for epoch in (0, 9, 99):  # the run's pictures are in <run_dir>/samples by default
        samples.save_rows([np.random.rand(10, 784)] * rows, samples.epoch_path(str(run_dir / 'samples'), epoch))
    comparison.run_comparison(model, str(run_dir), None, str(BOOK_PICTURES), None, None)
    picture = (run_dir / 'compare_samples.png').read_bytes()
    assert picture.startswith(b'\x89PNG')


def test_an_unreadable_picture_is_an_input_error(tmp_path):
    (tmp_path / 'book' / 'samples2').mkdir(parents=True)
    (tmp_path / 'book' / 'samples2' / '009.png').write_bytes(b'not a png')
    samples.save_rows([np.zeros((10, 784))] * 2, samples.epoch_path(str(tmp_path / 'run'), 9))
    with pytest.raises(InputError, match='009.png'):
        comparison.sample_pairs(str(tmp_path / 'book'), str(tmp_path / 'run'), 'cgan')


@pytest.mark.parametrize('setup, named', [
    (lambda run: None, 'log.txt not found'),
    (lambda run: (run / 'log.txt').write_text('최적화 완료!\n'), 'no epoch lines'),
    (lambda run: (run / 'log.txt').write_bytes(b'\xff\xfe\x00binary'), 'UTF-8'),
    (lambda run: write_run(run, 'gan', book_losses('gan')[:7]), 'holds 7 epochs'),
])
def test_a_missing_empty_undecodable_or_short_log_is_an_input_error(setup, named, tmp_path):
    run_dir = tmp_path / 'run'
    run_dir.mkdir()
    setup(run_dir)
    with pytest.raises(InputError, match=named):
        comparison.run_comparison('gan', str(run_dir), None, None, None, None)
    assert not (run_dir / 'compare_losses.png').exists()


@pytest.mark.parametrize('book_dir, sample_dir, named', [
    ('no-such-book', 'samples', '--book_dir'),
    ('book', 'no-such-samples', 'no-such-samples'),
    (None, 'samples', 'only with --book_dir'),
])
def test_a_wrong_picture_folder_is_an_input_error_and_nothing_is_written(book_dir, sample_dir, named, tmp_path):
    (tmp_path / 'book' / 'samples').mkdir(parents=True)
    (tmp_path / 'samples').mkdir()
    run_dir = write_run(tmp_path / 'run', 'gan', book_losses('gan'))
    with pytest.raises(InputError, match=named):
        comparison.run_comparison('gan', str(run_dir), None, book_dir and str(tmp_path / book_dir),
                               str(tmp_path / sample_dir), None)
    assert not (run_dir / 'compare_losses.png').exists()


# The command.

def test_the_command_exits_0_for_a_run_equal_to_a_book_run_and_writes_its_plots(tmp_path):
    run_dir = write_run(tmp_path / 'run', 'gan', book_losses('gan'))
    result = tf1gan_compare('--model=gan', f'--run_dir={run_dir}', f'--output={tmp_path / "out" / "losses.png"}')
    assert result.returncode == 0, result.stderr
    assert 'all 10 windows inside' in result.stdout
    assert (tmp_path / 'out' / 'losses.png').read_bytes().startswith(b'\x89PNG')


def test_the_command_exits_1_for_a_clearly_different_run(tmp_path):
    # The book's 9.2 run with D's and G's losses swapped: far outside in every window.
    run_dir = write_run(tmp_path / 'run', 'cgan', [(g, d) for d, g in book_losses('cgan')])
    result = tf1gan_compare('--model=cgan', f'--run_dir={run_dir}')
    assert result.returncode == 1, result.stderr
    assert result.stdout.count('outside (D, G)') == 10
    assert (run_dir / 'compare_losses.png').exists()


@pytest.mark.parametrize('args, named, status', [
    (['--model=dcgan'], 'DCGAN', 2),
    (['--model=gan', '--bogus'], 'bogus', 2),
    (['--model=gan', '--sample_dir=samples'], 'only with --book_dir', 2),
    (['--model=gan', '--run_dir=no-such-run'], 'no-such-run/log.txt', 1),
])
def test_the_command_exits_2_for_bad_usage_and_1_for_a_missing_file_with_one_line(args, named, status, tmp_path):
    run_dir = write_run(tmp_path / 'run', 'gan', book_losses('gan'))
    result = tf1gan_compare(f'--run_dir={run_dir}', *args, cwd=tmp_path)
    lines = result.stderr.strip().splitlines()
    assert result.returncode == status
    assert len(lines) == 1 and lines[0].startswith('tf1gan: ') and named in lines[0]
    assert result.stdout == ''


def write_record(run_dir, model, **changes):
    """A run.json as tf1gan.main writes it, with the listing's settings but for `changes`."""
    hparams = dict(total_epoch=100, batch_size=100, learning_rate=0.0002 if model == 'gan' else 0.001,
                   n_hidden=256, n_noise=128)
    record = dict(model=model, hparams=dict(hparams, **changes), listing_hparams=hparams, total_batch=None,
                  keras_semantics=None, seed=1, loop='fast', eval_every=None, state='finished')
    if 'total_batch' in changes:
        record['total_batch'] = record['hparams'].pop('total_batch')
    (run_dir / 'run.json').write_text(json.dumps(record))


def test_the_command_reads_the_model_from_run_json_and_names_settings_that_are_not_the_books(tmp_path):
    run_dir = write_run(tmp_path / 'run', 'cgan', book_losses('cgan'))
    write_record(run_dir, 'cgan', total_batch=50, learning_rate=0.01)
    result = tf1gan_compare(f'--run_dir={run_dir}')
    assert result.returncode == 0, result.stderr
    differ = 'learning_rate=0.01 (the book: 0.001), total_batch=50 (the book: 550)'
    assert f"this run's settings are not the book's: {differ}" in result.stdout
    assert f"all 10 windows inside the book's band (with settings that are not the book's: {differ})" in result.stdout


def test_a_run_with_the_books_settings_is_compared_without_a_caveat(tmp_path):
    run_dir = write_run(tmp_path / 'run', 'gan', book_losses('gan'))
    write_record(run_dir, 'gan')
    result = tf1gan_compare(f'--run_dir={run_dir}')
    assert "all 10 windows inside the book's band\n" in result.stdout and 'not the book' not in result.stdout


def test_without_run_dir_the_newest_finished_run_of_the_model_is_compared_and_named(tmp_path):
    for name, model, started, state in (('cgan', 'cgan', 1, 'finished'), ('gan', 'gan', 4, 'finished'),
                                        ('cgan-2', 'cgan', 2, 'finished'), ('cgan-3', 'cgan', 3, 'interrupted')):
        run_dir = write_run(tmp_path / 'runs' / name, model, book_losses(model))
        write_record(run_dir, model)
        record = json.loads((run_dir / 'run.json').read_text())
        (run_dir / 'run.json').write_text(json.dumps(dict(record, started_ns=started, state=state)))
    result = tf1gan_compare('--model=cgan', cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f'{os.path.join("runs", "cgan-2", "log.txt")} against')
    assert result.stderr == f'tf1gan: the newest finished run of cgan: {os.path.join("runs", "cgan-2")}\n'


def test_a_log_of_one_epoch_is_said_to_hold_1_epoch(tmp_path):
    run_dir = write_run(tmp_path / 'run', 'gan', book_losses('gan')[:1])
    write_record(run_dir, 'gan', total_epoch=1)
    result = tf1gan_compare(f'--run_dir={run_dir}')
    assert result.returncode == 1 and result.stdout == ''
    assert result.stderr.splitlines() == [f'tf1gan: {run_dir / "log.txt"} holds 1 epoch: the comparison needs at '
                                          'least one full window of 10 (epochs 0-9)']


def test_one_epoch_past_the_last_window_is_named_as_one_epoch(tmp_path):
    run_dir = write_run(tmp_path / 'run', 'gan', book_losses('gan')[:11])
    result = tf1gan_compare('--model=gan', f'--run_dir={run_dir}')
    assert result.returncode == 0, result.stderr
    assert "epoch 10: not compared (not a full window, or past the book's 100 epochs)\n" in result.stdout


def test_compare_never_writes_over_the_runs_own_log(tmp_path):
    run_dir = write_run(tmp_path / 'run', 'gan', book_losses('gan'))
    before = (run_dir / 'log.txt').read_bytes()
    result = tf1gan_compare('--model=gan', f'--run_dir={run_dir}', f'--output={run_dir / "log.txt"}')
    assert result.returncode == 2 and "is the run's own log.txt" in result.stderr
    assert (run_dir / 'log.txt').read_bytes() == before


def test_the_compare_module_does_not_import_tensorflow():
    code = 'import sys, tf1gan.compare; print("tensorflow" in sys.modules)'
    result = subprocess.run([sys.executable, '-c', code], capture_output=True, text=True, timeout=HANG)
    assert result.stdout.strip() == 'False', result.stderr


# --against: a run of which the book printed nothing (9.2's CNN exercise) beside another run.

def runs_of_cgan_and_cgan_cnn(folder, cnn_losses):
    """runs/cgan (the book's 9.2 losses) and runs/cgan_cnn (cnn_losses), each with a run.json and the
    pictures of epochs 0 and 9."""
    for name, losses in (('cgan', book_losses('cgan')), ('cgan_cnn', cnn_losses)):
        run_dir = write_run(folder / 'runs' / name, 'cgan', losses)  # cgan_cnn prints 9.2's lines
        write_record(run_dir, name, total_epoch=len(losses))
        for epoch in (0, 9):
            samples.save_rows([np.zeros((10, 784)), np.ones((10, 784))], samples.epoch_path(run_dir / 'samples', epoch))


def test_a_run_the_book_printed_no_losses_of_is_refused_in_one_line_that_names_against(tmp_path):
    runs_of_cgan_and_cgan_cnn(tmp_path, book_losses('cgan')[:10])
    result = tf1gan_compare('--run_dir=cgan_cnn', cwd=tmp_path)
    assert result.returncode == 2 and result.stdout == ''
    [line] = result.stderr.splitlines()
    assert 'is a run of cgan_cnn: the book printed losses of gan (9.1) and cgan (9.2) only' in line
    assert f'--against={os.path.join("runs", "cgan")}' in line


def test_against_compares_a_run_with_another_runs_losses_and_pictures(tmp_path):
    runs_of_cgan_and_cgan_cnn(tmp_path, book_losses('cgan')[:10])
    result = tf1gan_compare('--run_dir=cgan_cnn', '--against=cgan', cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    cnn, dense = os.path.join('runs', 'cgan_cnn'), os.path.join('runs', 'cgan')
    assert result.stdout.startswith(f'{os.path.join(cnn, "log.txt")} against {dense} (cgan), band:')
    assert 'D other' in result.stdout and f"the 1 window inside {dense}'s band" in result.stdout
    for picture in ('compare_losses.png', 'compare_samples.png'):
        assert (tmp_path / cnn / picture).read_bytes().startswith(b'\x89PNG')


def test_against_says_when_a_run_leaves_the_other_runs_band(tmp_path):
    runs_of_cgan_and_cgan_cnn(tmp_path, [(g, d) for d, g in book_losses('cgan')[:10]])
    result = tf1gan_compare('--run_dir=cgan_cnn', '--against=cgan', cwd=tmp_path)
    assert result.returncode == 1
    assert f"1 of 1 window outside {os.path.join('runs', 'cgan')}'s band" in result.stdout


def test_against_and_book_dir_together_are_refused_in_one_line(tmp_path):
    runs_of_cgan_and_cgan_cnn(tmp_path, book_losses('cgan')[:10])
    result = tf1gan_compare('--run_dir=cgan_cnn', '--against=cgan', '--book_dir=.', cwd=tmp_path)
    assert result.returncode == 2 and len(result.stderr.splitlines()) == 1
    assert '--book_dir and --against' in result.stderr
