"""--eval_every=N: tf1gan.evaluate's figures (tf1gan.evaluation.scoring), logged while a run trains.

At every due step (gan, cgan: epoch 0 and every N-th epoch after, so N=10 gives the book's
sample epochs; dcgan: every N-th iteration from 0, as its pictures), NUM images are drawn from
the generator as it then is, always from the same noise (seed 0), and judged against the
10,000 MNIST test images: MNIST score, Frechet distance, the predicted-digit histogram and,
for cgan, conditional accuracy. Each step's figures are appended as one JSON line to
<run_dir>/eval.jsonl and shown in TensorBoard under eval/. The noise is drawn with NumPy's
global generator set aside (seeding.numpy_aside), so a run prints the same lines with or
without --eval_every. The printed log itself stays the book's.
"""
import json
import os

import numpy as np

from tf1gan.compat import seeding
from tf1gan.evaluation import scoring

NUM = 1000  # images per evaluation: about a second of the classifier's time
NOISE_SEED = 0
FILE_NAME = 'eval.jsonl'


def digits_to_draw(num=NUM):
    """One-hot labels asking for each digit num/10 times (cgan)."""
    return np.eye(10)[np.repeat(np.arange(10), num // 10)]


def noise(get_noise, num, n_noise):
    """get_noise(num, n_noise), the same numbers every time, NumPy's own stream left as it was."""
    with seeding.numpy_aside(NOISE_SEED):
        return get_noise(num, n_noise)


class PeriodicEval:
    def __init__(self, every, run_dir, real_images, events=None, by_iteration=False):
        self.every, self.real_images, self.events, self.by_iteration = every, real_images, events, by_iteration
        self.path = os.path.join(run_dir, FILE_NAME)

    def due(self, step):
        if self.by_iteration:
            return step % self.every == 0
        return step == 0 or (step + 1) % self.every == 0

    def log(self, step, images, labels=None, value_range=(0.0, 1.0)):
        """Judges images (drawn for labels, if given) and records the figures at step."""
        result = scoring.evaluate_images(images, labels, real_images=self.real_images, value_range=value_range)
        os.makedirs(os.path.dirname(self.path) or '.', exist_ok=True)
        with open(self.path, 'a') as f:
            f.write(json.dumps(dict(step=step, **result)) + '\n')
        if self.events:
            scalars = {f'eval/{name}': result[name] for name in ('mnist_score', 'frechet_distance',
                                                                 'conditional_accuracy') if result[name] is not None}
            self.events.scalars(step, **scalars)
        return result
