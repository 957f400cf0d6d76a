"""python -m tf1gan.generate --checkpoint_dir=runs/cgan/checkpoints --digits=3,1,4,1,5 --output=digits.png

Draws from a trained model's newest checkpoint: for cgan the digits you ask for (--digits=all
--num=10: a 10x10 table, one row per digit), for gan and dcgan a grid of --num images.
"""
import sys

from absl import app, flags

import tf1gan  # noqa: F401  (selects Keras 2 before TensorFlow is imported)
from tf1gan import cli, errors

FLAGS = flags.FLAGS

flags.DEFINE_string('checkpoint_dir', None, 'The training run\'s checkpoint folder (runs/<model>/checkpoints).')
flags.DEFINE_enum('model', None, ['gan', 'cgan', 'dcgan'], 'Optional: refuse a checkpoint of any other model.')
flags.DEFINE_string('digits', None, "cgan only: the digits to draw, e.g. 3,1,4,1,5, or 'all' for every digit.")
flags.DEFINE_integer('num', 25, 'gan, dcgan: images in the grid; cgan with --digits=all: images per digit.',
                     lower_bound=1)
flags.DEFINE_integer('seed', None, 'Fix the noise, so the same picture is drawn again.', lower_bound=0)
flags.DEFINE_string('output', 'generated.png', 'The PNG to write (folders are made as needed).')
flags.mark_flag_as_required('checkpoint_dir')


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


def main(argv):
    if len(argv) > 1:
        raise app.UsageError(f'unexpected arguments: {" ".join(argv[1:])}')
    try:
        from tf1gan import draw, samples  # imports TensorFlow
        digits = parse_digits(FLAGS.digits) if FLAGS.digits is not None else None
        rows = draw.draw(FLAGS.checkpoint_dir, FLAGS.model, digits, FLAGS.num, FLAGS.seed)
        samples.save_rows(rows, FLAGS.output)
    except errors.InputError as e:
        print(f'tf1gan: {e}', file=sys.stderr)
        sys.exit(1)
    print(FLAGS.output)


if __name__ == '__main__':
    flags.register_validator('output', lambda v: cli.writable_folder(v.rpartition('/')[0] or '.'),
                             'expected a path in a folder that can be created and written')
    app.run(main, flags_parser=cli.parse_flags)
