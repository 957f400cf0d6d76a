"""python -m tf1gan.evaluate [--run_dir=runs/cgan] [--num=10000] [--seed=0] [--output=<run_dir>/metrics.json]

Scores a trained run without looking at its pictures: draws --num images from its newest
checkpoint (cgan: --num/10 of each digit) and has tf1gan's MNIST classifier judge them:

- MNIST score (TF-GAN's): 1 (one class, or nothing recognisable) to 10 (confident, all ten
  digits equally often); the MNIST test set itself scores 9.72 (recorded, with the
  classifier's test accuracy, in tf1gan/evaluation/data/mnist_classifier.json);
- Frechet distance between the classifier's penultimate-layer features of the images and of
  the 10,000 MNIST test images (0: indistinguishable), and the same over its 10 logits
  (TF-GAN's mnist_frechet_distance);
- how many images the classifier calls each digit, and for cgan the fraction that are the
  digit asked for (conditional accuracy), overall and per digit.

--reference=real|train|noise scores images that are not generated, for the scale: `real`
draws --num of the test images themselves (at --num=10000 all of them: Frechet distance 0
by construction, and the floor a perfect generator would reach at smaller --num), `train`
the first --num training images (real digits outside the reference set, though the classifier
was trained on them), `noise` --num images of uniform random pixels.

A summary of the figures goes to stdout; all of them go as JSON into <run_dir>/metrics.json
(--output; for --reference, only if --output is given), whose path is printed last. Figures depend on --num: compare runs at the same --num.
The scoring itself is tf1gan.evaluation.scoring's.
"""
import json
import os
import sys

from absl import flags

import tf1gan  # noqa: F401  (selects Keras 2 before TensorFlow is imported)
from tf1gan import cli, errors, files
from tf1gan.compat import input_data
from tf1gan.evaluation import scoring
from tf1gan.evaluation.scoring import REFERENCES
from tf1gan.listings import registry
from tf1gan.runs import folders

FLAGS = flags.FLAGS


def _write_atomically(path, text):
    os.makedirs(os.path.dirname(path) or '.', exist_ok=True)
    files.write_bytes_atomically(path, text.encode())


def define_flags():
    """The command's flags; defined only when it runs, so that a process that imports tf1gan.main's flags (the
    tests) can import this module too."""
    cli.define_run_dir('score')
    flags.DEFINE_enum('model', None, list(registry.MODELS),
                      'Without --run_dir: score the newest finished run of this model (the newest of any state if none '
                      'has finished). With it: refuse a run of another model.')
    flags.DEFINE_enum('reference', None, list(REFERENCES),
                      'Instead of a run, score reference images: real (--num MNIST test images), train '
                      '(the first --num training images) or noise (uniform random pixels).')
    flags.DEFINE_integer('num', 10000, 'Images to draw and score (cgan, cgan_cnn: a multiple of 10, --num/10 of each digit), '
                         'at most 100,000 (ten times the MNIST test set the figures compare with).',
                         lower_bound=2, upper_bound=100000)
    flags.DEFINE_integer('seed', 0, 'Fixes the noise the generator draws from (and the reference images picked).',
                         lower_bound=0)
    flags.DEFINE_string('output', None, 'Write the figures as JSON here (folders are made as needed). Default: '
                        '<run_dir>/metrics.json; with --reference, no file unless given.')
    flags.DEFINE_string('data_dir', './mnist/data/', 'Where MNIST is kept (the test images are the reference).')
    flags.DEFINE_string('source_url', input_data.DEFAULT_SOURCE_URL,
                        'Where missing MNIST files are fetched from: a URL, a file:// URL or a local folder '
                        'holding the four .gz files.')
    cli.define_verbose()
    cli.define_kernels()
    flags.register_multi_flags_validator(
        ['run_dir', 'checkpoint_dir', 'model', 'reference'],
        lambda v: v['reference'] is None or (v['run_dir'] is None and v['checkpoint_dir'] is None and v['model'] is None),
        'expected either a run (--run_dir, --model, or neither: the newest run) or --reference, not both')


def main(argv):
    try:
        run_dir = None
        if not FLAGS.reference:
            run_dir = folders.find(cli.run_dir_flag(), [FLAGS.model] if FLAGS.model else list(registry.MODELS))
        output = FLAGS.output or (os.path.join(run_dir, 'metrics.json') if run_dir else None)
        if output:
            cli.output_file(output, '--output', run_dir)
        cli.import_tensorflow(FLAGS.verbose, FLAGS.kernels)
        if FLAGS.reference:
            result = scoring.evaluate_reference(FLAGS.reference, FLAGS.num, FLAGS.seed, FLAGS.data_dir, FLAGS.source_url)
        else:
            result = scoring.evaluate_run(run_dir, FLAGS.num, FLAGS.seed, FLAGS.data_dir, FLAGS.source_url)
    except errors.InputError as e:
        print(f'tf1gan: {e}', file=sys.stderr)
        sys.exit(e.status)
    print(scoring.summary(result))
    if output:
        _write_atomically(output, json.dumps(result, indent=1) + '\n')
        print(f'wrote {output}')


if __name__ == '__main__':
    define_flags()
    cli.run(main)
