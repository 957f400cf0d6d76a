"""How many of the values a seeded TF1 script prints are TensorFlow 1.15's: for each script, the
number of leading printed values identical (as printed) to TF 1.15's, through tf1gan.script.

    python benchmarks/tf115_agreement.py --tf115_python=<TF 1.15's python> --mnist=<folder of the .gz files> \
        [--chapter=<the book chapter's text, for the 9.1 and 9.2 listings>] [--python=<another tf1gan's python>]

The scripts are tests/seeded/*.py and, with --chapter, the book's 9.1 and 9.2 listings seeded
(`tf.set_random_seed(1); np.random.seed(1)`) with total_epoch=2, batch_size=1000, as
tests/test_tf115_seeds.py runs them. --python runs another checkout's tf1gan (say, the one before
TF 1.15's seeds) on the same scripts; BUILD.md's table gives both.
"""
import argparse
import os
import pathlib
import re
import sys
import tempfile

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / 'tests'))
import seeded_runs  # noqa: E402


def listing(chapter, start, marker):
    blocks = re.findall(r'```python\n(.*?)```', pathlib.Path(chapter).read_text(encoding='utf-8'), re.S)
    [text] = [b for b in blocks if b.startswith(start) and marker in b]
    return text


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--tf115_python', required=True)
    parser.add_argument('--mnist', required=True)
    parser.add_argument('--chapter')
    parser.add_argument('--python', default=sys.executable)
    args = parser.parse_args()
    os.environ['TF1GAN_TF115_PYTHON'] = os.path.abspath(args.tf115_python)

    base = pathlib.Path(tempfile.mkdtemp(prefix='tf115_agreement-'))
    scripts = {path.stem: seeded_runs.prepare(base / path.stem, path.name, path.read_text(), None)
               for path in sorted(seeded_runs.SEEDED.glob('*.py'))}
    if args.chapter:
        for name, start, marker in [('listing 9.1', '# 9.1.1\nimport tensorflow', "print('최적화 완료!')"),
                                    ('listing 9.2', 'import tensorflow', 'ch09/samples4/')]:
            text = seeded_runs.seeded_listing(listing(args.chapter, start, marker), total_epoch=2, batch_size=1000)
            scripts[name] = seeded_runs.prepare(base / name.replace(' ', '_'), 'listing.py', text, args.mnist)
    expected = seeded_runs.run_tf115(list(scripts.values()))
    print('| script | values printed (TF 1.15) | leading values identical |')
    print('| --- | --- | --- |')
    for name, script in scripts.items():
        printed = seeded_runs.run_tf1gan(script, '--source_url=' + args.mnist, python=args.python)
        print(f'| {name} | {len(seeded_runs.printed_values(expected[script]))} | '
              f'{seeded_runs.leading_identical(expected[script], printed)} |', flush=True)


if __name__ == '__main__':
    main()
