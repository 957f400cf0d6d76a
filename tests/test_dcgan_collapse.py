"""benchmarks/dcgan_collapse.py: reading a DCGAN log for the d_loss ~ 0 collapse."""
import importlib.util
import pathlib

import pytest

SCRIPT = pathlib.Path(__file__).resolve().parents[1] / 'benchmarks' / 'dcgan_collapse.py'
spec = importlib.util.spec_from_file_location('dcgan_collapse', SCRIPT)
dcgan_collapse = importlib.util.module_from_spec(spec)
spec.loader.exec_module(dcgan_collapse)


def write_log(path, windows):
    """One line per iteration, in the listing's format; each window 100 iterations at (d, g)."""
    lines = [f'epoch:{w * 100 + i}  d_loss:{d:.4f}  g_loss:{g:.4f}'
             for w, (d, g) in enumerate(windows) for i in range(100)]
    path.write_text('\n'.join(['some noise on stdout'] + lines) + '\n')
    return str(path)


def test_window_means_are_taken_over_100_iterations(tmp_path):
    log = write_log(tmp_path / 'a.log', [(0.5, 1.0), (0.0, 0.02)])
    assert dcgan_collapse.windows(log) == [(0, 0.5, 1.0), (100, 0.0, pytest.approx(0.02))]


def test_a_run_that_collapses_escapes_and_collapses_again_is_described(tmp_path):
    log = write_log(tmp_path / 'b.log', [(0.4, 1.0), (0.0, 0.02), (0.3, 2.0), (0.2, 1.5), (0.0, 0.01)])
    text = dcgan_collapse.describe(log)
    assert '-C--C' in text
    assert 'first collapsed window: 100; escapes at: [200]; last window: collapsed' in text


def test_one_lively_window_is_not_an_escape(tmp_path):
    log = write_log(tmp_path / 'c.log', [(0.0, 0.02), (0.3, 2.0), (0.0, 0.02)])
    assert 'escapes at: none' in dcgan_collapse.describe(log)
