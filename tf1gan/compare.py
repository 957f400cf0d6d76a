"""python -m tf1gan.compare --model=cgan [--run_dir=runs/cgan] [--book_dir="TensorFlow-Tutorials/09 - GAN"]
   python -m tf1gan.compare --run_dir=runs/cgan_cnn --against=runs/cgan

Compares a training run of listing 9.1 (--model=gan) or 9.2 (--model=cgan) with the runs the
book printed (two of 9.1, one of 9.2; the book printed no DCGAN losses), or any run that prints
epoch lines (cgan_cnn, of which the book printed nothing) with another run, --against, in the
same way, that run taking the book's place (its pictures too, without --book_dir). It reads the
run's <run_dir>/log.txt and
  - writes <run_dir>/compare_losses.png (--output): the run's D and G losses per epoch over the
    book's runs, the book's band shaded, the run's 10-epoch means marked inside or outside it;
  - prints one row per 10-epoch window the run completed (epochs 0-9, 10-19, ...; epochs are
    the loop's, from 0, though 9.1 prints epoch + 1): the run's mean D and G loss, the book's
    mean (over its runs), the band's low and high, and whether the run is inside;
  - with --book_dir (the book's pictures: samples/NNN.png for 9.1, samples2/NNN.png for 9.2),
    writes <run_dir>/compare_samples.png (--samples_output): for every epoch with a picture
    in both, the book's on the left and the run's (<sample_dir>/NNN.png) on the right.
Exit status: 0 if every window's D and G means lie inside the band, 1 if any lies outside,
2 for bad input (one line on stderr).

The band, and why it is this band: tf1gan.evaluation.comparison.
"""
import sys

from absl import flags

from tf1gan import cli, errors
from tf1gan.evaluation import comparison
from tf1gan.runs import folders

FLAGS = flags.FLAGS


def define_flags():
    """The command's flags; defined only when it runs, so that a process that imports tf1gan.main's or
    tf1gan.generate's flags (the tests) can import this module too."""
    flags.DEFINE_string('model', None, 'gan (listing 9.1) or cgan (listing 9.2); cgan_cnn with --against. Without '
                        '--run_dir: compare the newest finished run of this model (the newest of any state if none '
                        'has finished). Default: the model the run\'s run.json names.')
    flags.DEFINE_string('run_dir', None, 'The training run\'s folder, holding the log.txt it wrote (runs/cgan, or a '
                        'bare name under runs/). Default: the newest finished run of --model (or of gan and cgan).')
    flags.DEFINE_string('against', None,
                        'Another run\'s folder (runs/cgan, or a bare name under runs/) to compare with instead of '
                        'the book: its losses make the band, its pictures sit beside the run\'s. For runs the '
                        'book printed no losses of (cgan_cnn: --against=runs/cgan puts it beside a 9.2 run).')
    flags.DEFINE_string('output', None, 'The loss plot to write (default: <run_dir>/compare_losses.png).')
    flags.DEFINE_string('book_dir', None,
                        'Optional: the book\'s pictures, a folder holding samples/NNN.png (9.1) and samples2/NNN.png '
                        '(9.2), as the "09 - GAN" folder of the book\'s repository golbin/TensorFlow-Tutorials does. '
                        'Given: the sample pictures are compared too.')
    flags.DEFINE_string('sample_dir', None,
                        'With --book_dir: the run\'s sample pictures, NNN.png (default: <run_dir>/samples).')
    flags.DEFINE_string('samples_output', None,
                        'With --book_dir: the picture comparison to write (default: <run_dir>/compare_samples.png).')
    flags.register_validator('model', lambda v: v is None or v in comparison.LOGGED,
                             f'expected gan (listing 9.1) or cgan (listing 9.2), or with --against {", ".join(comparison.LOGGED)}: '
                             'the book printed no losses of any other model, and the DCGAN prints no epoch lines')
    flags.register_validator('against', lambda v: v is None or v.strip() != '', 'expected a run\'s folder')


def main(argv):
    try:
        if len(argv) > 1:
            raise errors.UsageError(f'unexpected arguments: {" ".join(argv[1:])}')
        run_dir = folders.folder_for(FLAGS.run_dir) if FLAGS.run_dir else folders.find(None, [FLAGS.model] if FLAGS.model
                                                                                  else ['gan', 'cgan'])
        against = folders.folder_for(FLAGS.against) if FLAGS.against else None
        status = comparison.run_comparison(FLAGS.model, run_dir, FLAGS.output, FLAGS.book_dir, FLAGS.sample_dir,
                                FLAGS.samples_output, against)
    except errors.InputError as e:
        print(f'tf1gan: {e}', file=sys.stderr)
        sys.exit(e.status)
    sys.exit(status)


if __name__ == '__main__':
    define_flags()
    cli.run(main)
