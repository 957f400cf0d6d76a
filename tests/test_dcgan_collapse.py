"""tf1gan.evaluation.collapse and benchmarks/dcgan_collapse.py: reading a DCGAN log for the d_loss ~ 0 collapse."""
import importlib.util
import pathlib

import pytest

from tf1gan.evaluation import collapse

REPO = pathlib.Path(__file__).resolve().parents[1]
STUDY = REPO / 'docs' / 'dcgan-study'
SCRIPT = REPO / 'benchmarks' / 'dcgan_collapse.py'
spec = importlib.util.spec_from_file_location('dcgan_collapse', SCRIPT)
dcgan_collapse = importlib.util.module_from_spec(spec)
spec.loader.exec_module(dcgan_collapse)


def write_log(path, windows):
    """One line per iteration, in the listing's format; each window 100 iterations at (d, g)."""
    lines = [f'epoch:{w * 100 + i}  d_loss:{d:.4f}  g_loss:{g:.4f}'
             for w, (d, g) in enumerate(windows) for i in range(100)]
    path.write_text('\n'.join(['some noise on stdout'] + lines) + '\n')
    return str(path)


def test_the_reader_takes_every_iteration_line_in_order_and_nothing_else(tmp_path):
    log = write_log(tmp_path / 'a.log', [(0.5, 1.0)])
    assert collapse.read_losses(log) == [(0.5, 1.0)] * 100


def test_the_reader_reads_what_the_listing_prints():
    from tf1gan.listings import dcgan  # the listing's own log_line (imports TensorFlow, once)
    line = dcgan.log_line(4000, 0.50581, 1.34931)
    assert collapse.LINE.match(line).groups() == ('4000', '0.5058', '1.3493')


def test_window_means_are_taken_over_100_iterations_and_the_last_window_may_be_shorter():
    losses = [(0.5, 1.0)] * 100 + [(0.0, 0.02)] * 100 + [(0.3, 2.0)]
    assert collapse.windows(losses) == [(0, 99, 0.5, 1.0), (100, 199, 0.0, pytest.approx(0.02)), (200, 200, 0.3, 2.0)]


@pytest.mark.parametrize('d_loss, g_loss, expected', [
    (0.0099, 0.099, True), (0.01, 0.05, False), (0.005, 0.1, False), (0.7, 1.3, False)])
def test_a_window_is_collapsed_when_mean_d_loss_is_under_0_01_and_mean_g_loss_under_0_1(d_loss, g_loss, expected):
    assert collapse.Window(0, 99, d_loss, g_loss).collapsed is expected


def test_a_window_describes_itself_by_its_iterations_and_mean_losses():
    assert collapse.Window(1200, 1299, 0.00312, 0.0214).describe() == \
        'iterations 1200-1299: mean d_loss 0.0031, mean g_loss 0.0214'


def test_the_studys_collapsed_and_healthy_runs_read_as_the_study_reports():
    assert collapse.states(collapse.windows(collapse.read_losses(STUDY / 'tf_keras-seed3.log.gz'))) == '-' * 5 + 'C' * 36
    assert collapse.states(collapse.windows(collapse.read_losses(STUDY / 'frozen_bn-seed2.log.gz'))) == '-' * 41


def test_the_benchmark_describes_a_run_that_collapses_escapes_and_collapses_again(tmp_path):
    log = write_log(tmp_path / 'b.log', [(0.4, 1.0), (0.0, 0.02), (0.3, 2.0), (0.2, 1.5), (0.0, 0.01)])
    text = dcgan_collapse.describe(log)
    assert '-C--C' in text
    assert 'first collapsed window: 100; escapes at: [200]; last window: collapsed' in text


def test_one_lively_window_is_not_an_escape(tmp_path):
    log = write_log(tmp_path / 'c.log', [(0.0, 0.02), (0.3, 2.0), (0.0, 0.02)])
    assert 'escapes at: none' in dcgan_collapse.describe(log)
