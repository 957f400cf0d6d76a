"""python -m tf1gan.generate --digits=3,1,4,1,5 --output=pi.png

Draws from a trained run's newest checkpoint: for cgan and cgan_cnn the digits you ask for
(--digits=all --num=10: a 10x10 table, one row per digit), for gan and dcgan a grid of --num images. The run
is --run_dir, or else the newest finished run of --model (or of any model).
"""
import os
import sys

from absl import flags

import tf1gan  # noqa: F401  (selects Keras 2 before TensorFlow is imported)
from tf1gan import cli, errors
from tf1gan.listings import registry
from tf1gan.runs import folders

FLAGS = flags.FLAGS

cli.define_run_dir('draw from')
flags.DEFINE_enum('model', None, list(registry.MODELS),
                  'Without --run_dir: draw from the newest finished run of this model (the newest of any state if '
                  'none has finished). With it: refuse a run of another model.')
flags.DEFINE_string('digits', None, "cgan and cgan_cnn only: the digits to draw, e.g. 3,1,4,1,5, or 'all' for "
                    "every digit.")
flags.DEFINE_integer('num', 25, 'gan, dcgan: images in the grid; cgan, cgan_cnn with --digits=all: images per digit.',
                     lower_bound=1)
flags.DEFINE_integer('seed', None, 'Fix the noise, so the same picture is drawn again.', lower_bound=0)
flags.DEFINE_string('output', None, 'The PNG to write (folders are made as needed). Default: <run_dir>/generated.png.')
cli.define_verbose()
cli.define_kernels()


def parse_digits(text):
    """'3,1,4' -> [3, 1, 4]; 'all' -> 'all'; anything else -> None."""
    if text == 'all':
        return text
    try:
        digits = [int(part) for part in text.split(',')]
    except ValueError:
        return None
    return digits if all(0 <= d <= 9 for d in digits) else None


flags.register_validator('digits', lambda v: v is None or parse_digits(v) is not None,
                         "expected digits 0-9 separated by commas (3,1,4,1,5), or 'all'")
MAX_IMAGES = 10000  # one picture: a 100 x 100 grid at most (and well inside any machine's memory)
flags.register_multi_flags_validator(['num', 'digits'],
                                     lambda v: v['num'] * (10 if v['digits'] == 'all' else 1) <= MAX_IMAGES,
                                     f'expected at most {MAX_IMAGES:,} images in one picture (--num, times 10 with '
                                     '--digits=all)')


def save_picture(rows, output, model, digits):
    """The drawn rows as a PNG: each tile (--digits=3,1,4) or row (--digits=all) says the digit asked
    for, a few digits are drawn large enough to see, and the DCGAN in grey, as its listing draws."""
    from tf1gan.runs import samples
    samples.save_rows(rows, output, titles=[digits] if isinstance(digits, list) else None,
                      row_titles=range(10) if digits == 'all' else None, cmap='gray' if model == 'dcgan' else None,
                      smallest=samples.SMALLEST)


def main(argv):
    try:
        run_dir = folders.find(cli.run_dir_flag(), [FLAGS.model] if FLAGS.model else list(registry.MODELS))
        output = cli.output_file(FLAGS.output or os.path.join(run_dir, 'generated.png'), '--output', run_dir)
        cli.import_tensorflow(FLAGS.verbose, FLAGS.kernels)
        from tf1gan.runs import draw  # imports TensorFlow
        digits = parse_digits(FLAGS.digits) if FLAGS.digits is not None else None
        rows = draw.draw(run_dir, FLAGS.model, digits, FLAGS.num, FLAGS.seed)
        save_picture(rows, output, folders.read_record(run_dir)['model'], digits)
    except errors.InputError as e:
        print(f'tf1gan: {e}', file=sys.stderr)
        sys.exit(e.status)
    print(output)


if __name__ == '__main__':
    cli.run(main)
