"""Run folders: one training run, one folder, holding everything that run writes.

    runs/cgan/              the first run of cgan; the next ones are cgan-2, cgan-3, ...
      run.json              the model, its settings, its kernel library and the run's state (running, finished,
                            interrupted)
      log.txt               every line the run printed (tf1gan.runs.runlog)
      samples/NNN.png       the book's pictures (its samples/NNN.png; the DCGAN's gan_mnist_<i>.png)
      checkpoints/          model.ckpt-<step>.* (tf1gan.runs.checkpoint)
      events.out.tfevents.* TensorBoard
      eval.jsonl, metrics.json, compare_losses.png, compare_samples.png, generated.png

Nothing in a run folder names the folder itself, so a run can be copied or moved and still be
resumed, drawn from, scored and compared. Whether a folder holds a run is decided from the
files in it (run.json, log.txt, checkpoint files), never from an index file.
"""
import json
import os
import re
import sys
import time

from tf1gan import files
from tf1gan.errors import InputError, UsageError

ROOT = 'runs'
RECORD = 'run.json'
STATES = ('running', 'finished', 'interrupted')
# What makes a run the same run: a resumed run may change anything else (train longer, another loop).
IDENTITY = ('model', 'hparams', 'total_batch', 'keras_semantics', 'seed')


def folder_for(run_dir):
    """--run_dir's folder: a bare name is a run under runs/ (--run_dir=cgan-lr: runs/cgan-lr), anything with
    a folder in it is a path (--run_dir=./cgan-lr, /data/runs/x)."""
    run_dir = os.fspath(run_dir)
    return os.path.join(ROOT, run_dir) if os.sep not in run_dir and run_dir not in ('.', '..') else run_dir


def holds_run(folder):
    """True if folder holds anything a run writes (its record, its log or a checkpoint)."""
    if not os.path.isdir(folder):
        return False
    names = set(os.listdir(folder))
    checkpoints = os.path.join(folder, 'checkpoints')
    return bool(names & {RECORD, 'log.txt'}) or (os.path.isdir(checkpoints) and bool(os.listdir(checkpoints)))


# What a run writes, and the kind of thing each must be.
LAYOUT = {'checkpoints': 'folder', 'samples': 'folder', 'log.txt': 'file', RECORD: 'file'}


def check_layout(folder):
    """InputError (one line) if the run folder, or a place inside it the run writes to, is the wrong
    kind of thing (a file where a folder must be, or the other way round): refused before training."""
    if os.path.exists(folder) and not os.path.isdir(folder):
        raise InputError(f'{folder} is a file; expected a run folder')
    for name, kind in LAYOUT.items():
        path = os.path.join(folder, name)
        if os.path.exists(path) and os.path.isdir(path) != (kind == 'folder'):
            raise InputError(f'{path} is a {"folder" if os.path.isdir(path) else "file"}; expected a {kind} '
                             f'(move it out of the way)')


def next_free(model, root=ROOT):
    """runs/<model>, or the first of runs/<model>-2, -3, ... that holds nothing yet."""
    folder, n = os.path.join(root, model), 1
    while os.path.exists(folder) and (not os.path.isdir(folder) or os.listdir(folder)):
        n += 1
        folder = os.path.join(root, f'{model}-{n}')
    return folder


def read_record(folder):
    """run.json of the run in folder, as a dict; InputError (one line) if there is none or it is not one."""
    path = os.path.join(folder, RECORD)
    if not os.path.exists(path):
        if os.path.exists(folder) and not os.path.isdir(folder):
            raise InputError(f'{folder} is a file; expected a run folder')
        if not os.path.isdir(folder):
            raise InputError(f'{folder} is not a run folder (no such folder)')
        raise InputError(f'{folder} holds no run ({RECORD} is missing)')
    try:
        with open(path, encoding='utf-8') as f:
            record = json.load(f)
    except (OSError, ValueError) as e:
        raise InputError(f'{path} cannot be read ({e})') from None
    if not (isinstance(record, dict) and isinstance(record.get('model'), str)
            and isinstance(record.get('hparams'), dict) and record.get('state') in STATES):
        raise InputError(f'{path} is not a tf1gan run record (expected an object with model, hparams and state)')
    return record


def check_hparams(folder, record):
    """InputError unless the record holds every hyper-parameter of its listing (imports the listing)."""
    from tf1gan.listings import registry
    missing = sorted(set(registry.load(record['model']).HPARAMS) - set(record['hparams']))
    if missing:
        raise InputError(f'{os.path.join(folder, RECORD)} lacks the hyper-parameter{"s" if len(missing) > 1 else ""} '
                         f'{", ".join(missing)} of {record["model"]}; expected a record as tf1gan.main writes it')
    return record


def write_record(folder, record):
    """Replaces run.json atomically: a kill leaves the old record or the new one."""
    files.write_bytes_atomically(os.path.join(folder, RECORD),
                                 (json.dumps(record, indent=1, sort_keys=True, ensure_ascii=False) + '\n').encode())


def create_record(folder, record):
    """Writes run.json only if there is none yet (exclusive creation); False if another run has one."""
    try:
        with open(os.path.join(folder, RECORD), 'x', encoding='utf-8') as f:
            f.write(json.dumps(record, indent=1, sort_keys=True, ensure_ascii=False) + '\n')
    except FileExistsError:
        return False
    return True


def is_training(record):
    """True if the record says a process of this machine is training the run now."""
    pid = record.get('pid')
    if record.get('state') != 'running' or not isinstance(pid, int) or pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def new_record(settings, kernels):
    """A new run's record: its settings, the listing's own hyper-parameters beside them (what the
    book used, for tf1gan.compare), TensorFlow's kernel library it trains with ('onednn' or 'eigen', which
    --resume keeps), its state and when it started."""
    from tf1gan.listings import registry
    return dict(settings.recorded(), listing_hparams=dict(registry.load(settings.model).HPARAMS), kernels=kernels,
                state='running', pid=os.getpid(), started=time.strftime('%Y-%m-%dT%H:%M:%S'),
                started_ns=time.time_ns())


def book_total_batch(hparams):
    """The iterations per epoch of the book's loop, 9.1.12's int(mnist.train.num_examples / batch_size): 550."""
    return 55000 // hparams['batch_size']


def differences_from_book(record):
    """['total_batch=50 (the book: 550)', ...]: the run's settings that are not its listing's."""
    book = record.get('listing_hparams', {})
    hparams = record['hparams']
    found = [f'{name}={hparams[name]} (the book: {book[name]})' for name in sorted(hparams)
             if name in book and hparams[name] != book[name]]
    if record.get('total_batch') is not None and 'batch_size' in hparams:
        book_batches = book_total_batch(hparams)
        if record['total_batch'] != book_batches:
            found.append(f'total_batch={record["total_batch"]} (the book: {book_batches})')
    return found


def runs_of(models, root=ROOT):
    """[(folder, record)] of the readable runs under root whose model is one of models."""
    found = []
    if os.path.isdir(root):
        for name in sorted(os.listdir(root)):
            folder = os.path.join(root, name)
            try:
                record = read_record(folder)
            except InputError:
                continue
            if record['model'] in models:
                found.append((folder, record))
    return found


def newest(models, root=ROOT, finished=False):
    """The folder of the most recently started run of one of models under root; InputError if none.
    finished=True (drawing, scoring, comparing): the newest finished run if there is one."""
    found = runs_of(models, root)
    if not found:
        raise InputError(f'no run of {" or ".join(models)} in {root}/: train one first '
                         f'(python -m tf1gan.main --model={models[0]}), or name one with --run_dir')
    if finished and any(record['state'] == 'finished' for _, record in found):
        found = [(folder, record) for folder, record in found if record['state'] == 'finished']
    return max(found, key=lambda item: (item[1].get('started_ns', 0), _natural(item[0])))[0]


def _natural(folder):
    """cgan-10 after cgan-9."""
    return [int(part) if part.isdigit() else part for part in re.split(r'(\d+)', os.path.basename(folder))]


def find(run_dir, models, root=ROOT):
    """The run a command works on: --run_dir (a run folder; its checkpoints/ folder is taken for the
    run, so the old --checkpoint_dir values still work), else the newest finished run of models (the
    newest of any state if none has finished), named in one line on stderr."""
    if run_dir is None:
        folder = newest(models, root, finished=True)
        record = read_record(folder)
        print(f'tf1gan: the newest {"finished " if record["state"] == "finished" else ""}run of '
              f'{" or ".join(models)}: {folder}' + ('' if record['state'] == 'finished' else
                                                   f' ({record["state"]}); --run_dir names another'),
              file=sys.stderr)
        return folder
    folder = folder_for(run_dir)
    if os.path.basename(os.path.normpath(folder)) == 'checkpoints' and not os.path.exists(os.path.join(folder, RECORD)):
        folder = os.path.dirname(os.path.normpath(folder))
    record = read_record(folder)
    if record['model'] not in models:
        raise UsageError(f'{folder} is a run of {record["model"]}; expected a run of {" or ".join(models)}')
    return folder
