"""TensorBoard events of a run, TF1 style: a `tf.summary.FileWriter` in the run's folder.

    tensorboard --logdir=runs

Scalars 'loss/D' and 'loss/G' at every epoch (9.1, 9.2) or iteration (the DCGAN), the values
the log line prints; the sample pictures, as drawn into samples/, under 'samples'; the
book's graph for 9.1 and 9.2; and any evaluation figures (tf1gan.evaluate) under 'eval/'.
A resumed run marks its first step with SessionLog.START, so TensorBoard drops what the
killed run had written after its checkpoint.
"""
import glob
import os

import matplotlib.image as mpimg
import tensorflow.compat.v1 as tf


class Summaries:
    def __init__(self, run_dir, graph=None, resumed_at=None):
        # FileWriter is a TF1 object and refuses eager mode (the DCGAN's); it needs no session,
        # only to be made outside eager execution.
        with tf.Graph().as_default():
            self._writer = tf.summary.FileWriter(run_dir, graph=graph)
        if resumed_at is not None:
            self._writer.add_session_log(tf.SessionLog(status=tf.SessionLog.START), resumed_at)

    def scalars(self, step, **values):
        """One scalar per keyword (tag: value) at step."""
        self._writer.add_summary(tf.Summary(value=[tf.Summary.Value(tag=tag, simple_value=float(value))
                                                   for tag, value in values.items()]), step)

    def losses(self, step, loss_D, loss_G):
        self.scalars(step, **{'loss/D': loss_D, 'loss/G': loss_G})

    def picture(self, step, png_path, tag='samples'):
        """The PNG at png_path, as written by tf1gan.runs.samples, shown under tag at step."""
        height, width = mpimg.imread(png_path).shape[:2]
        with open(png_path, 'rb') as f:
            image = tf.Summary.Image(height=height, width=width, colorspace=4, encoded_image_string=f.read())
        self._writer.add_summary(tf.Summary(value=[tf.Summary.Value(tag=tag, image=image)]), step)

    def flush(self):
        self._writer.flush()

    def close(self):
        self._writer.close()


def read_events(run_dir):
    """[(step, tag, value)] of every summary in run_dir's event files, oldest file first: value
    is a float, or 'image' for a picture; a resume's mark is (step, 'session_log', status)."""
    found = []
    for path in sorted(glob.glob(os.path.join(run_dir, 'events.out.tfevents.*'))):
        for event in tf.train.summary_iterator(path):
            for value in event.summary.value:
                found.append((event.step, value.tag,
                              value.simple_value if value.HasField('simple_value') else 'image'))
            if event.HasField('session_log'):
                found.append((event.step, 'session_log', event.session_log.status))
    return found
