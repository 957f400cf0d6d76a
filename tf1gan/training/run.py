"""One training run, as one object: its folder, its settings, and everything it writes there.

main builds a Run (a new one, or one resumed) and hands it whole to the loop that trains its
listing (trainer(model).train(listing, run)); the loops ask the run where things go.
The folder's layout is tf1gan.runs.folders'.
"""
import math
import os
import sys
from typing import NamedTuple, Optional

from tf1gan import cli
from tf1gan.compat import input_data
from tf1gan.listings import registry
from tf1gan.training import progress
from tf1gan.runs import runlog, folders
from tf1gan.errors import InputError, UsageError


def trainer(model):
    """The module whose train(listing, run) trains `model`: keras_loop for the Keras listing (the DCGAN), train
    for the TF1 listings (imports TensorFlow)."""
    if registry.keras(model):
        from tf1gan.training import keras_loop
        return keras_loop
    from tf1gan.training import train as tf1_loop
    return tf1_loop


class Settings(NamedTuple):
    """What a run trains and how: the listing, its hyper-parameters, and the run's options."""
    model: str
    hparams: dict                        # the listing's HPARAMS, with the values asked for
    total_batch: Optional[int] = None    # 9.1, 9.2: iterations per epoch (None: the book's 550)
    keras_semantics: Optional[str] = None  # the DCGAN's BatchNorm behaviour (tf1gan.listings.dcgan)
    seed: Optional[int] = None
    loop: str = 'fast'
    eval_every: Optional[int] = None
    data_dir: str = './mnist/data/'
    source_url: str = input_data.DEFAULT_SOURCE_URL

    def recorded(self):
        """What run.json keeps (where MNIST lies is the machine's, not the run's)."""
        return dict(model=self.model, hparams=dict(self.hparams), total_batch=self.total_batch,
                    keras_semantics=self.keras_semantics, seed=self.seed, loop=self.loop,
                    eval_every=self.eval_every)


class Run:
    """A run's folder and what is written into it. `log(line)` prints a line into log.txt too;
    `progress` gives the loops their bars (tf1gan.training.progress: drawn on a terminal only);
    `restore` says whether the loop starts from the newest checkpoint."""

    def __init__(self, folder, settings, resumed=False, progress=progress.OFF):
        self.folder, self.settings, self.resumed, self.progress = folder, settings, resumed, progress
        self.length_note = ''  # a resumed run: how its length changed, for the "resuming" line
        self.kernels_asked = None  # a resumed run: how the reader asked for the library it is not trained with
        self.root = None  # set when tf1gan chose the folder's name (run.new without run_dir)
        self.restore = resumed  # continue from the newest checkpoint (train() says whether there is one)
        self.log = runlog.RunLog(folder, resume=resumed, held=True)

    @property
    def checkpoint_dir(self):
        return os.path.join(self.folder, 'checkpoints')

    @property
    def sample_dir(self):
        return os.path.join(self.folder, 'samples')

    def events(self, graph=None, resumed_at=None):
        """TensorBoard's writer for this run (tf1gan.training.summaries)."""
        from tf1gan.training import summaries
        return summaries.Summaries(self.folder, graph=graph, resumed_at=resumed_at if self.resumed else None)

    def evaluation(self, real_images, events, by_iteration=False):
        """--eval_every's judge (tf1gan.evaluation.periodic_eval), or None."""
        if not self.settings.eval_every:
            return None
        from tf1gan.evaluation import periodic_eval
        return periodic_eval.PeriodicEval(self.settings.eval_every, self.folder, real_images, events, by_iteration)

    def check_finite(self, step, loss_D, loss_G):
        """InputError (one line) if a step's losses are not finite: the run has diverged, and stops
        before that step is saved, so its newest checkpoint is the last good one."""
        if not (math.isfinite(loss_D) and math.isfinite(loss_G)):
            raise InputError(f'the losses of step {step} are not finite (D {loss_D}, G {loss_G}): training diverged '
                             '(a smaller --learning_rate may help); nothing after the last good checkpoint was saved')

    def record(self):
        return folders.read_record(self.folder)

    def set_state(self, state, **changes):
        record = self.record()
        record.update(changes, state=state)
        folders.write_record(self.folder, record)


def _refuse_taken(folder, settings, root):
    elsewhere = f'leave out --run_dir (a new run gets the next free folder, {folders.next_free(settings.model, root)})'
    try:
        record = folders.read_record(folder)
    except InputError:  # a run without a readable record: resuming it says what is wrong
        record = {}
    if record.get('state') == 'finished' and record['model'] in registry.REGISTRY and \
            isinstance(record['hparams'].get('total_epoch'), int):
        done = record['hparams']['total_epoch']
        step = 'iteration' if registry.keras(record['model']) else 'epoch'  # what its total_epoch counts
        return UsageError(f'{folder} already holds a finished run ({cli.count(done, step)}): '
                          f'train it further with --resume --run_dir={folder} --total_epoch=N, N > {done}, or '
                          f'{elsewhere}')
    return UsageError(f'{folder} already holds a run: add --resume to continue it, or {elsewhere}')


def new(settings, run_dir=None, root=folders.ROOT, progress=progress.OFF):
    """A new run: in run_dir (folders.folder_for), which must not hold a run yet, or in the next free
    runs/<model>, runs/<model>-2, ... Nothing is written until train() claims the folder."""
    if run_dir is None:
        this = Run(folders.next_free(settings.model, root), settings, progress=progress)
        this.root = root  # named by us: another free name is taken if a run started meanwhile claims this one
        return this
    folder = folders.folder_for(run_dir)
    if folders.holds_run(folder):
        raise _refuse_taken(folder, settings, root)
    return Run(folder, settings, progress=progress)


def _claim(run, kernels):
    """Writes a new run's run.json, if no other run has one there (two commands started at once get
    two folders, or the named one is refused). kernels: the library TensorFlow runs ('onednn', 'eigen')."""
    while True:
        os.makedirs(run.folder, exist_ok=True)
        if folders.create_record(run.folder, folders.new_record(run.settings, kernels)):
            return
        if run.root is None:
            raise _refuse_taken(run.folder, run.settings, folders.ROOT)
        run.folder = folders.next_free(run.settings.model, run.root)
        run.log.move(run.folder)


def resumed(model, asked, run_dir=None, root=folders.ROOT, progress=progress.OFF, flagfile_total_epoch=None):
    """The run to continue: run_dir, or the newest run of model. Its recorded settings stand;
    `asked` (settings given on the command line: a dict of Settings fields, hparams included
    by name) must agree with them, except total_epoch (train longer), loop, eval_every and
    where MNIST is. flagfile_total_epoch: a --total_epoch read from a flagfile, which does not
    change a resumed run's length (BUILD.md, "Resume"), only named in its line."""
    folder = resume_folder(model, run_dir, root)
    record = folders.check_hparams(folder, folders.read_record(folder))
    if folders.is_training(record):
        raise InputError(f'{folder} is being trained right now (process {record["pid"]}); wait for it, or stop it '
                         'first')
    hparams = dict(record['hparams'])
    differ = []
    for name, value in asked.items():
        saved, words = _recorded(record, name)
        if name in ('total_epoch', 'loop', 'eval_every', 'data_dir', 'source_url') or value == saved:
            continue
        differ.append(f'--{name}={value} ({words})')
    if differ:
        raise UsageError(f'{folder} is another run: ' + ', '.join(differ) +
                         '; leave these flags out to resume it with its own settings, or start a new run')
    length_note = ''
    if asked.get('total_epoch', hparams['total_epoch']) != hparams['total_epoch']:
        length_note = f' (it was to train to {hparams["total_epoch"]}: --total_epoch={asked["total_epoch"]} changes it)'
        hparams['total_epoch'] = asked['total_epoch']
    elif flagfile_total_epoch not in (None, hparams['total_epoch']):
        length_note = (f' (its own length: a flagfile\'s --total_epoch={flagfile_total_epoch} does not change a '
                       f'resumed run; give it on the command line to)')
    settings = Settings(model=record['model'], hparams=hparams, total_batch=record.get('total_batch'),
                        keras_semantics=record.get('keras_semantics'), seed=record.get('seed'),
                        loop=asked.get('loop', record.get('loop', 'fast')),
                        eval_every=asked.get('eval_every', record.get('eval_every')),
                        **{k: asked[k] for k in ('data_dir', 'source_url') if k in asked})
    this = Run(folder, settings, resumed=True, progress=progress)
    this.length_note = length_note
    return this


def resume_folder(model, run_dir=None, root=folders.ROOT):
    """The folder of the run --resume continues: run_dir, or the newest run of model (of any model, without one)."""
    models = [model] if model else list(registry.REGISTRY)
    return folders.newest(models, root) if run_dir is None else folders.find(run_dir, models, root)


def resume_kernels(model, run_dir, flag=None):
    """(folder, library, asked) for --resume, decided before TensorFlow is imported: the run's folder (run_dir,
    or the newest run of model), and the kernel library its run.json records, whatever the reader asks (flag:
    --kernels; else their TF_ENABLE_ONEDNN_OPTS), so that a seeded run resumed prints what it would have printed
    uninterrupted; asked names what was asked otherwise ('--kernels=eigen'), for the "resuming" line, else None.
    A run recorded without a library (tf1gan recorded none before): what the reader asks, else tf1gan's default
    (cli.choose_kernels). A run that cannot be found or read: (run_dir, flag, None), its error said by resumed()
    in its place among the others."""
    try:
        folder = resume_folder(model, run_dir)
        recorded = folders.read_record(folder).get('kernels')
    except InputError:
        return run_dir, flag, None
    if recorded not in cli.KERNELS:
        return folder, flag, None
    library, how = cli.asked_kernels(flag)
    return folder, recorded, (how if how is not None and library != recorded else None)


def _kernels_note(run, recorded, used):
    """The "resuming" line's words on the kernel library, if the run was trained with another, or asked for one."""
    if recorded not in cli.KERNELS:
        return ''
    trained = f'; it was trained with {cli.KERNEL_NAMES[recorded]}\'s kernels'
    if used != recorded:  # TensorFlow here cannot run the run's library
        return (f'{trained}, TensorFlow here runs {cli.KERNEL_NAMES[used]}\'s: its numbers can differ in the last '
                'digits from an uninterrupted run\'s')
    if run.kernels_asked:
        return f'{trained} and continues with them ({run.kernels_asked} is not used)'
    return ''


def _recorded(record, name):
    """(value, words) of setting `name` in a run's record, the words for a reader: what run.json leaves
    unset (None) is named as what the run does instead, never as None."""
    saved = record['hparams'].get(name) if name in record['hparams'] else record.get(name)
    if saved is not None:
        return saved, f'the run has {saved}'
    if name == 'seed':
        return None, 'the run has no seed: its draws were random'
    loop = trainer(record['model'])
    if name == 'total_batch' and name in getattr(loop, 'SETTINGS', ()):
        book = folders.book_total_batch(record['hparams'])
        return book, f'the run has the book\'s {book}'
    return None, f'{record["model"]} does not use --{name}'


def finished_steps(run):
    """How many steps (epochs; the DCGAN's iterations) the run's newest checkpoint has done."""
    from tf1gan.runs import checkpoint  # imports TensorFlow
    found = checkpoint.steps(run.checkpoint_dir)
    return found[-1] + 1 if found else 0


def train(run):
    """Trains the run's listing in its folder, recording its state in run.json; returns the losses.
    Once MNIST is there and the folder made, one line on stderr names the folder. A resumed run
    that has done all its steps already says so on stderr and changes nothing."""
    settings = run.settings
    module, loop = registry.load(settings.model), trainer(settings.model)
    folders.check_layout(run.folder)
    steps = getattr(loop, 'STEPS', 'steps')
    if run.resumed:
        from tf1gan.runs import checkpoint  # imports TensorFlow
        done = finished_steps(run)
        cut_short = [checkpoint.prefix(run.checkpoint_dir, step) for step in checkpoint.incomplete_steps(run.checkpoint_dir)]
        if done == 0 and checkpoint.steps(run.checkpoint_dir, weights_only=True):
            raise InputError(f'{run.folder} has no complete checkpoint to resume from ({", ".join(cut_short)}: each '
                             'lacks a file); starting again would write over their trained weights, which generate '
                             'and evaluate still read: nothing was changed (start a new run, or move those files '
                             'away to train this one again)')
        if cut_short:
            one = len(cut_short) == 1
            print(f'tf1gan: {", ".join(cut_short)} {"is" if one else "are"} incomplete (a save cut short, or a file of '
                  f'{"it" if one else "each"} lost); {"it is" if one else "they are"} not used', file=sys.stderr)
        if done >= settings.hparams['total_epoch']:
            trained = f'all {done} of its {steps}' if done > 1 else f'its {done} {steps[:-1]}'
            print(f'tf1gan: {run.folder} has finished {trained}: nothing to '
                  f'resume (add --total_epoch=N, N > {done}, to train it further)', file=sys.stderr)
            return []
        run.restore = done > 0
        if run.restore:
            checkpoint.verify(checkpoint.latest(run.checkpoint_dir))  # a damaged one: one line, nothing written
        else:
            print(f'tf1gan: {run.folder} was stopped before its first checkpoint: it starts again from the beginning',
                  file=sys.stderr)
    kernels, kernels_note = cli.kernels_in_use(), ''  # TensorFlow is imported (the listing imports it)
    if run.resumed:
        kernels_note = _kernels_note(run, run.record().get('kernels'), kernels)
    begun = False
    try:
        with run.log.tee():
            # Missing or damaged MNIST files are reported before the run folder is made; the
            # download lines, held until then, go into log.txt.
            input_data.maybe_download(settings.data_dir, settings.source_url)
            if run.resumed:
                run.set_state('running', hparams=settings.hparams, loop=settings.loop, eval_every=settings.eval_every,
                              kernels=kernels, pid=os.getpid())
            else:
                _claim(run, kernels)
            begun = True
            run.log.begin()
            print(f'tf1gan: resuming {run.folder} at {steps[:-1]} {done}, training to {settings.hparams["total_epoch"]}'
                  f'{run.length_note}{kernels_note}' if run.resumed else f'tf1gan: new run {run.folder}',
                  file=sys.stderr, flush=True)
            history = loop.train(module, run)
    except BaseException:
        if begun:
            run.set_state('interrupted')
        raise
    finally:
        run.log.close()
    run.set_state('finished')
    return history
