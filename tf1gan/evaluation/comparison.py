"""A run put beside the book's printed losses (or beside another run): 10-epoch window means, the book's band,
the loss figure and the sample pictures side by side. The command is tf1gan.compare.

The band, for each loss (D, G) and each 10-epoch window w (epochs 10w to 10w+9): for each book
run r, m_r and s_r are the mean and the sample standard deviation (ddof=1) of the 10 losses the
run printed in that window; the band is [min over r of (m_r - 3 s_r), max over r of
(m_r + 3 s_r)]. A run is inside in window w if its own mean of those 10 epochs lies in the
band, ends included, for both D and G.

Why this band: each printed loss is that of the epoch's last batch, so s_r measures how much
one printed value wanders from epoch to epoch, and the book's runs differ from each other by
about that much: the window means of its two 9.1 runs lie up to 2.24 s_r apart (r either run).
k = 3 is the smallest whole k for which each of those two runs lies inside the band made from
the other one alone, so a run of the book's own code is not flagged even for 9.2, where the
band rests on one run.
"""
import os
import re
from typing import List, NamedTuple, Optional

import numpy as np

from tf1gan import cli, errors
from tf1gan.evaluation import book_logs
from tf1gan.listings import registry
from tf1gan.runs import folders, runlog, samples  # samples: matplotlib's Agg backend

import matplotlib.image as mpimg  # noqa: E402  (after samples: no screen needed)
import matplotlib.pyplot as plt  # noqa: E402

WINDOW = 10  # epochs per row of the table
BAND_K = 3.0  # band half-width, in standard deviations of the printed losses within a window
# The book's pictures, inside --book_dir (the "09 - GAN" folder of golbin/TensorFlow-Tutorials).
BOOK_SAMPLES = {'gan': 'samples', 'cgan': 'samples2'}
# The models whose runs print epoch lines (tf1gan.listings.registry: log_lines), so can be compared.
LOGGED = [model for model in registry.MODELS if registry.log_lines(model)]
SAMPLE_NAME = re.compile(r'(\d{3,})\.png')  # samples.epoch_path's names: 000.png, 009.png, ...


def window_means(values, window=WINDOW):
    """Means of values over its complete windows: epochs 0-9, 10-19, ... (a partial last one is left out)."""
    count = len(values) // window
    return np.asarray(values[:count * window], dtype=float).reshape(count, window).mean(axis=1)


def band(runs, k=BAND_K, window=WINDOW):
    """(low, high), one pair per complete window of the shortest run: for window w and each run r
    (per-epoch values of one loss), with m_r and s_r the mean and sample standard deviation
    (ddof=1) of r's values in w, low_w = min over r of (m_r - k s_r) and high_w = max over r of
    (m_r + k s_r)."""
    count = min(len(r) for r in runs) // window
    windows = np.array([np.asarray(r[:count * window], dtype=float).reshape(count, window) for r in runs])
    means, spreads = windows.mean(axis=2), windows.std(axis=2, ddof=1)
    return (means - k * spreads).min(axis=0), (means + k * spreads).max(axis=0)


class Reference(NamedTuple):
    """What a run is compared with: the book's printed runs of its listing, or another run (--against)."""
    name: str  # in the printed lines: "the book's listing 9.2 (1 run)", "runs/cgan (cgan)"
    short: str  # the table's columns and the plot's legend: 'book' or 'other'
    runs: List[book_logs.Losses]
    sample_dir: Optional[str] = None  # another run's pictures; the book's are in --book_dir


def book_reference(model):
    """The runs the book printed of the listing whose lines `model` prints."""
    books = book_logs.book_runs(registry.log_lines(model))
    return Reference(f'the book\'s listing {book_logs.LISTING[registry.log_lines(model)]} '
                     f'({cli.count(len(books), "run")})', 'book', books)


def run_reference(run_dir):
    """Another training run, taking the book's place (--against)."""
    model = folders.read_record(run_dir)['model']
    if registry.log_lines(model) is None:
        raise errors.UsageError(f'--against={run_dir} is a run of {model}, which prints no epoch lines: expected a '
                                f'run of {" or ".join(LOGGED)}')
    return Reference(f'{run_dir} ({model})', 'other', [book_logs.read_log(runlog.log_path(run_dir),
                                                                         registry.log_lines(model))],
                     os.path.join(run_dir, 'samples'))


class LossWindow(NamedTuple):
    """One loss (D or G) in one window: the run's mean, the book's mean, the book's band."""
    run: float
    book: float
    low: float
    high: float

    @property
    def inside(self):
        return bool(self.low <= self.run <= self.high)  # False for nan


class Row(NamedTuple):
    first_epoch: int
    d: LossWindow
    g: LossWindow

    @property
    def inside(self):
        return self.d.inside and self.g.inside

    def losses(self):
        return (('D', self.d), ('G', self.g))


def compare(run, books, k=BAND_K, window=WINDOW):
    """One Row per window that both the run (book_logs.Losses) and every book run completed."""
    rows = []
    for name in ('d', 'g'):
        run_values, book_values = getattr(run, name), [getattr(b, name) for b in books]
        low, high = band(book_values, k, window)
        count = min(len(low), len(run_values) // window)
        book_means = np.mean([window_means(v, window)[:count] for v in book_values], axis=0)
        rows.append([LossWindow(*values) for values in
                     zip(window_means(run_values, window)[:count], book_means, low, high)])
    return [Row(w * window, d, g) for w, (d, g) in enumerate(zip(*rows))]


def verdict(row):
    outside = [name for name, loss in row.losses() if not loss.inside]
    return f'outside ({", ".join(outside)})' if outside else 'inside'


def outside_lines(rows, window=WINDOW, reference='the book'):
    """One line per window and loss outside the band, in words: which window, which loss, the
    run's mean and the band."""
    return [f'epochs {row.first_epoch}-{row.first_epoch + window - 1}, {name} loss: the run\'s mean {loss.run:.4f} '
            f'is outside {reference}\'s band [{loss.low:.4f}, {loss.high:.4f}] ({reference}\'s mean: {loss.book:.4f})'
            for row in rows for name, loss in row.losses() if not loss.inside]


def format_table(rows, window=WINDOW, short='book'):
    """The table the command prints, one line per row after a header."""
    columns = ['D run', f'D {short}', 'D low', 'D high', 'G run', f'G {short}', 'G low', 'G high']
    lines = ['epochs   ' + ''.join(f'{c:>10}' for c in columns) + '  verdict']
    for row in rows:
        values = [*row.d, *row.g]
        epochs = f'{row.first_epoch}-{row.first_epoch + window - 1}'
        lines.append(f'{epochs:<9}' + ''.join(f'{v:>10.4f}' for v in values) + f'  {verdict(row)}')
    return lines


def plot_losses(run, reference, rows, model, path, window=WINDOW):
    """compare_losses.png: per loss, the reference's runs (grey: the book's, or --against's), its band
    (shaded), the run (orange) and the run's window means (green inside the band, red outside)."""
    books = reference.runs
    whose = 'book' if reference.short == 'book' else f"{reference.name}'s"
    fig, axes = plt.subplots(2, 1, sharex=True, figsize=(11, 8))
    edges = [row.first_epoch for row in rows] + [rows[-1].first_epoch + window]
    for ax, name, label in zip(axes, ('d', 'g'), ('D loss', 'G loss')):
        windows = [getattr(row, name) for row in rows]
        low, high = [w.low for w in windows], [w.high for w in windows]
        ax.fill_between(edges, low + low[-1:], high + high[-1:], step='post', color='tab:blue', alpha=0.15,
                        label=f'{whose} band (mean ± {BAND_K:g} sd per {window} epochs)')
        for i, (book, style) in enumerate(zip(books, ('-', '--'))):
            values = getattr(book, name)
            ax.plot(np.arange(len(values)), values, style, color='grey', lw=0.9,
                    label=f'book run {i + 1}' if reference.short == 'book' else reference.name)
        values = getattr(run, name)
        ax.plot(np.arange(len(values)), values, color='tab:orange', lw=1.2, label='this run')
        for inside, color in ((True, 'tab:green'), (False, 'tab:red')):
            chosen = [(row.first_epoch, w.run) for row, w in zip(rows, windows)
                      if w.inside == inside and np.isfinite(w.run)]
            if chosen:
                starts, means = zip(*chosen)
                ax.hlines(means, starts, np.add(starts, window), colors=color, lw=3,
                          label=f'this run, {window}-epoch mean ({"inside" if inside else "outside"})')
        ax.set_ylabel(label)
        ax.grid(alpha=0.3)
        ax.legend(fontsize=8, loc='best')
    axes[-1].set_xlabel('epoch (the loop\'s, from 0)')
    axes[0].set_title(f'{model}: this run against {reference.name}')
    samples.save_figure(fig, path, bbox_inches='tight')


def _sample_epochs(folder, what):
    try:
        names = os.listdir(folder)
    except OSError as e:
        raise errors.InputError(f'{folder}: cannot list it ({e.strerror}); expected a folder of {what}') from None
    return {int(m.group(1)) for m in map(SAMPLE_NAME.fullmatch, names) if m}


def _read_image(path):
    try:
        return mpimg.imread(path)
    except (OSError, ValueError, SyntaxError) as e:
        raise errors.InputError(f'{path} cannot be read as a PNG ({e.__class__.__name__})') from None


def sample_pairs(book_dir, sample_dir, model):
    """[(epoch, book picture, run picture)] for every epoch with an NNN.png in both folders."""
    book_samples = os.path.join(book_dir, BOOK_SAMPLES[model])
    if not os.path.isdir(book_dir):
        raise errors.InputError(f'--book_dir {book_dir}: not a folder; expected the book\'s pictures, '
                                'samples/ (9.1) and samples2/ (9.2) with NNN.png files')
    return picture_pairs(book_samples, f'the book\'s listing {book_logs.LISTING[model]} pictures (NNN.png)',
                         sample_dir, 'expected the sample pictures of a run of the same listing')


def picture_pairs(reference_samples, what, sample_dir, expected):
    """[(epoch, reference picture, run picture)] for every epoch with an NNN.png in both folders."""
    reference_epochs = _sample_epochs(reference_samples, what)
    run_epochs = _sample_epochs(sample_dir, 'the run\'s sample pictures (NNN.png; --sample_dir)')
    common = sorted(reference_epochs & run_epochs)
    if not common:
        raise errors.InputError(f'no epoch has a picture (NNN.png) in both {reference_samples} and {sample_dir}: '
                                f'{expected}')
    return [(epoch, _read_image(samples.epoch_path(reference_samples, epoch)),
             _read_image(samples.epoch_path(sample_dir, epoch))) for epoch in common]


def plot_samples(pairs, reference, sample_dir, path):
    """compare_samples.png: one row per epoch, the reference's picture (the book's) left and the run's right."""
    width, gap = 8.0, 0.1  # inches per picture, and between pictures (as a fraction of one)
    row_height = width * max(image.shape[0] / image.shape[1] for _, *images in pairs for image in images)
    height = len(pairs) * row_height * (1 + gap)
    fig, axes = plt.subplots(len(pairs), 2, figsize=(2 * width * (1 + gap), height), squeeze=False)
    fig.subplots_adjust(left=0, right=1, bottom=0, top=1, wspace=gap, hspace=gap)
    for (epoch, book_image, run_image), (left, right) in zip(pairs, axes):
        for ax, image in ((left, book_image), (right, run_image)):
            ax.imshow(image)
            ax.set_axis_off()
        left.text(-0.01, 0.5, f'epoch {epoch}', transform=left.transAxes, ha='right', va='center')
    axes[0][0].set_title(reference)
    axes[0][1].set_title(f'this run ({sample_dir})')
    samples.save_figure(fig, path, bbox_inches='tight')


def run_settings(run_dir, model):
    """(model, the run's settings that are not the book's) from the run's run.json; a folder holding
    only a log.txt needs --model and is taken to have the book's settings."""
    folders.check_layout(run_dir)  # a file is named as one
    if not os.path.exists(os.path.join(run_dir, folders.RECORD)):
        if model is None:
            raise errors.UsageError(f'{run_dir} has no {folders.RECORD}: give --model (gan or cgan)')
        return model, []
    record = folders.read_record(run_dir)
    if model is not None and record['model'] != model:
        raise errors.UsageError(f'{run_dir} is a run of {record["model"]}, not {model}')
    if record['model'] not in LOGGED:
        raise errors.UsageError(f'{run_dir} is a run of {record["model"]}, which prints no epoch lines: the book printed '
                                'losses of gan (9.1) and cgan (9.2) only')
    return record['model'], folders.differences_from_book(record)


def run_comparison(model, run_dir, output, book_dir, sample_dir, samples_output, against=None):
    """Everything the command does after its flags are read; returns the exit status (0 or 1)."""
    if book_dir is None and against is None and (sample_dir or samples_output):
        raise errors.UsageError('--sample_dir and --samples_output are used only with --book_dir or --against')
    if book_dir is not None and against is not None:
        raise errors.UsageError('--book_dir and --against: expected one of them (the book\'s pictures, or those of '
                                'the run --against names)')
    model, differ = run_settings(run_dir, model)
    if against is None and registry.log_lines(model) != model:
        raise errors.UsageError(f'{run_dir} is a run of {model}: the book printed losses of gan (9.1) and cgan (9.2) '
                                f'only; --against=<another run> puts it beside that run (a 9.2 run: '
                                f'--against={os.path.join(folders.ROOT, "cgan")})')
    log = runlog.log_path(run_dir)
    reference = book_reference(model) if against is None else run_reference(against)
    whose = 'the book' if against is None else against  # in the lines: "<whose>'s band"
    run, books = book_logs.read_log(log, registry.log_lines(model)), reference.runs
    if len(run.d) < WINDOW:
        raise errors.InputError(f'{log} holds {cli.count(len(run.d), "epoch")}: the comparison needs at least one '
                                f'full window of {WINDOW} (epochs 0-{WINDOW - 1})')
    output = cli.output_file(output or os.path.join(run_dir, 'compare_losses.png'), '--output', run_dir)
    pictures = book_dir is not None or against is not None
    if pictures:  # every picture is read before anything is written
        sample_dir = sample_dir or os.path.join(run_dir, 'samples')
        pairs = sample_pairs(book_dir, sample_dir, model) if against is None else picture_pairs(
            reference.sample_dir, f'the pictures of {reference.name} (NNN.png)', sample_dir,
            'expected runs that both drew pictures')
        samples_output = cli.output_file(samples_output or os.path.join(run_dir, 'compare_samples.png'),
                                         '--samples_output', run_dir)

    rows = compare(run, books)
    plot_losses(run, reference, rows, model, output)
    written = [output]
    if pictures:
        plot_samples(pairs, f'the book (listing {book_logs.LISTING[model]})' if against is None else reference.name,
                     sample_dir, samples_output)
        written.append(samples_output)

    print(f'{log} against {reference.name}, band: mean ± {BAND_K:g} sd per window')
    if differ:
        print(f'this run\'s settings are not the book\'s: {", ".join(differ)}')
    print('\n'.join(format_table(rows, short=reference.short)))
    compared = len(rows) * WINDOW
    if len(run.d) > compared:
        left = f'epoch {compared}' if len(run.d) == compared + 1 else f'epochs {compared}-{len(run.d) - 1}'
        print(f'{left}: not compared (not a full window, or past '
              f'{whose}\'s {cli.count(min(len(b.d) for b in books), "epoch")})')
    outside = [row for row in rows if not row.inside]
    caveat = f' (with settings that are not the book\'s: {", ".join(differ)})' if differ else ''
    print(f'{len(outside)} of {cli.count(len(rows), "window")} outside {whose}\'s band{caveat}' if outside
          else f'{"all" if len(rows) > 1 else "the"} {cli.count(len(rows), "window")} inside {whose}\'s band{caveat}')
    for path in written:
        print(f'wrote {path}')
    return 1 if outside else 0
