"""How many iterations of the seeded book listings keep TensorFlow 1.15's losses to 5 significant
digits: tf1gan.script and tf1gan.main against TF 1.15, and TF 1.15 against itself on one thread.

    python benchmarks/tf115_iterations.py --tf115_python=<TF 1.15's python> --mnist=<folder of the .gz files> \
        --chapter=<the book chapter's text> [--iterations=100]

Each listing (9.1, 9.2) is seeded as a reader seeds it (`tf.set_random_seed(1); np.random.seed(1)`) and
prints every iteration's loss_val_D and loss_val_G with 9 digits (tests/seeded_runs.py): run by TF 1.15
as the book ran it (its Session on the machine's cores), by TF 1.15 with a Session of one thread, by
`tf1gan.script`, and, recorded from its book loop, by `tf1gan.main --seed=1 --loop=book` (this process).
Every run against the first: the largest relative difference of an iteration's two losses over the
first 50 and the first 100 iterations, and the first iteration where it reaches 1e-5 (5 significant
digits kept before it). TF 1.15 against itself says how far any change of rounding carries: one thread
sums in another order than two.
"""
import argparse
import os
import pathlib
import sys
import tempfile

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / 'tests'))
import seeded_runs  # noqa: E402
from tf115_agreement import listing  # noqa: E402  (beside this script)

LISTINGS = {'9.1': ('gan', '# 9.1.1\nimport tensorflow', "print('최적화 완료!')"),
            '9.2': ('cgan', 'import tensorflow', 'ch09/samples4/')}


def summary(losses, reference):
    differences = seeded_runs.relative_differences(losses, reference)
    reached = (differences >= 1e-5).nonzero()[0]
    return (f'{differences[:50].max():.1e} | {differences[:100].max():.1e} | '
            f'{reached[0] if len(reached) else "none of " + str(len(differences))}')


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--tf115_python', required=True)
    parser.add_argument('--mnist', required=True)
    parser.add_argument('--chapter', required=True)
    parser.add_argument('--iterations', type=int, default=100)
    args = parser.parse_args()
    os.environ['TF1GAN_TF115_PYTHON'] = os.path.abspath(args.tf115_python)
    base = pathlib.Path(tempfile.mkdtemp(prefix='tf115_iterations-'))
    print('| listing | run | largest relative difference from TF 1.15, iterations 0-49 | 0-99 | '
          'first iteration at 1e-5 or more |')
    print('| --- | --- | --- | --- | --- |')
    for number, (model, start, marker) in LISTINGS.items():
        text = listing(args.chapter, start, marker)
        scripts = {threads: seeded_runs.prepare(
            base / f'{number}-{threads}', 'listing.py',
            seeded_runs.seeded_listing(text, total_epoch=1, iterations=args.iterations, one_thread=threads == 'one'),
            args.mnist) for threads in ('cores', 'one')}
        # One TF 1.15 process each: the first Session of a process makes the thread pools every later one uses.
        printed = {threads: seeded_runs.run_tf115([script])[script] for threads, script in scripts.items()}
        tf115 = seeded_runs.iteration_losses(printed['cores'])
        runs = {'TF 1.15, one thread': seeded_runs.iteration_losses(printed['one']),
                'tf1gan.script': seeded_runs.iteration_losses(seeded_runs.run_tf1gan(scripts['cores'])),
                'tf1gan.main --seed=1 --loop=book': seeded_runs.main_iteration_losses(
                    model, base / f'{number}-main', args.mnist, args.iterations)}
        for name, losses in runs.items():
            print(f'| {number} | {name} | {summary(losses, tf115)} |', flush=True)


if __name__ == '__main__':
    main()
