"""oneDNN's kernels against Eigen's, for every listing and for a script, side by side on this machine.

    python benchmarks/kernel_libraries.py --source_url=../shared/mnist [--models=gan,cgan,cgan_cnn,dcgan]
        [--pairs=2] [--isa=AVX2]

TensorFlow picks its kernel library once per process, when it is imported (TF_ENABLE_ONEDNN_OPTS), so each
measurement is a process of its own: benchmarks/train_speed.py (the book loop, the fast loop and the fast loop's
Session.runs alone) with TF_ENABLE_ONEDNN_OPTS=0 (Eigen), then =1 (oneDNN), `--pairs` times, alternating, so that
the machine's drift falls on both alike; the median of each library's runs is printed, and oneDNN's against
Eigen's. `script` times a whole `python -m tf1gan.script --set total_epoch=1 examples/mnist_mlp.py` (start-up
included) the same way.

--isa=AVX2 runs both with ONEDNN_MAX_CPU_ISA=AVX2 (oneDNN's own setting: the instruction set it may use at most):
as on a CPU with AVX2 and no AVX-512, where TensorFlow leaves oneDNN off by default. Both, because TensorFlow's
Eigen path loads oneDNN too (its matrix products call oneDNN's sgemm: ONEDNN_VERBOSE=1 shows oneDNN starting with
TF_ENABLE_ONEDNN_OPTS=0), and that sgemm would otherwise use this CPU's AVX-512. Eigen's own code is compiled into
TensorFlow for any x86-64 CPU TensorFlow supports.
"""
import os
import pathlib
import re
import statistics
import subprocess
import sys
import time

from absl import app, flags

flags.DEFINE_list('models', ['gan', 'cgan', 'cgan_cnn', 'dcgan', 'script'], 'Listings to time, and `script`.')
flags.DEFINE_integer('pairs', 2, 'Runs of each library, alternating.', lower_bound=1)
flags.DEFINE_integer('iterations', 550, 'gan, cgan: timed iterations per round (train_speed.py --iterations).',
                     lower_bound=1)
flags.DEFINE_integer('cnn_iterations', 100, 'cgan_cnn: timed iterations per round.', lower_bound=1)
flags.DEFINE_integer('dcgan_iterations', 20, 'dcgan: timed iterations per round.', lower_bound=1)
flags.DEFINE_string('isa', None, 'ONEDNN_MAX_CPU_ISA for every run (AVX2: as on an AVX2-only CPU).')
flags.DEFINE_string('source_url', None, 'Where missing MNIST files come from (train_speed.py --source_url).')
FLAGS = flags.FLAGS

HERE = pathlib.Path(__file__).resolve().parent
RATE = re.compile(r'^(\w+) (book|fast|fast, TensorFlow alone): +([\d.]+) iterations/s')
LIBRARIES = {'Eigen': {'TF_ENABLE_ONEDNN_OPTS': '0'}, 'oneDNN': {'TF_ENABLE_ONEDNN_OPTS': '1'}}


def environment(library):
    env = dict(os.environ, **LIBRARIES[library])
    if FLAGS.isa:
        env['ONEDNN_MAX_CPU_ISA'] = FLAGS.isa
    return env


def listing_rates(model, library):
    """{loop: iterations/s} of train_speed.py for one model, in a process of its own."""
    iterations = {'cgan_cnn': FLAGS.cnn_iterations}.get(model, FLAGS.iterations)
    command = [sys.executable, str(HERE / 'train_speed.py'), f'--models={model}', f'--iterations={iterations}',
               f'--dcgan_iterations={FLAGS.dcgan_iterations}']
    if FLAGS.source_url:
        command.append(f'--source_url={FLAGS.source_url}')
    result = subprocess.run(command, capture_output=True, text=True, env=environment(library), check=True)
    machine = next(line for line in result.stdout.splitlines() if line.startswith('machine:'))
    rates = {match.group(2): float(match.group(3)) for match in map(RATE.match, result.stdout.splitlines()) if match}
    return rates, machine


def script_rates(library):
    """{'whole script': 1 / seconds} of examples/mnist_mlp.py's one epoch through tf1gan.script."""
    command = [sys.executable, '-m', 'tf1gan.script', '--set', 'total_epoch=1', 'examples/mnist_mlp.py']
    if FLAGS.source_url:
        command.insert(3, f'--source_url={FLAGS.source_url}')
    start = time.perf_counter()
    subprocess.run(command, capture_output=True, text=True, env=environment(library), check=True, cwd=HERE.parent)
    return {'whole script, runs/s': 1 / (time.perf_counter() - start)}, None


def main(argv):
    del argv
    for model in FLAGS.models:
        runs = {library: [] for library in LIBRARIES}
        for pair in range(FLAGS.pairs):
            for library in LIBRARIES:
                rates, machine = script_rates(library) if model == 'script' else listing_rates(model, library)
                runs[library].append(rates)
                if machine and pair == 0:
                    print(f'{model}, {library}: {machine}', flush=True)
        for loop in runs['Eigen'][0]:
            eigen = statistics.median(run[loop] for run in runs['Eigen'])
            onednn = statistics.median(run[loop] for run in runs['oneDNN'])
            isa = f' (ONEDNN_MAX_CPU_ISA={FLAGS.isa})' if FLAGS.isa else ''
            print(f'{model} {loop}{isa}: Eigen {eigen:8.3f}, oneDNN {onednn:8.3f}: {100 * (onednn / eigen - 1):+.0f}%',
                  flush=True)
        if 'fast, TensorFlow alone' in runs['Eigen'][0]:
            for library, library_runs in runs.items():
                share = statistics.median(run['fast'] / run['fast, TensorFlow alone'] for run in library_runs)
                print(f'{model} fast loop / its TensorFlow-alone ceiling, {library}: {100 * share:.0f}%', flush=True)


if __name__ == '__main__':
    app.run(main)
