"""--loop=fast for 9.1 and 9.2: the book's training iteration in one Session.run, the same numbers faster.

The book (9.1.12, 9.2.9) runs two Session.runs per iteration: train_D with loss_D, then
train_G with loss_G, G's step seeing D's updated weights. Here both happen in one run:

- The listing's own build() is called a second time, inside `tf.variable_creator_scope`,
  which hands the second copy the first copy's variables (weights and Adam slots, in the
  order they were made) instead of new ones, and inside `tf.control_dependencies` on
  train_D, so that every op of the copy, and so its train_G, runs after D's update. The
  copy's train_G is therefore the book's train_G, one run earlier. Checkpoints are the
  same files either way: no variable is added.
- Each iteration's next_batch and get_noise are called in the book's order, in this thread,
  while the previous iteration's Session.run is still running in another (TensorFlow lets
  go of the GIL), so NumPy's draws overlap the math instead of waiting for it.
- The session keeps TensorFlow's default threads, as the book's `tf.Session()` does: the
  matmul kernels split their sums by thread count, so another count would round
  differently (one thread per op changes the losses from the first epoch on).

The losses are bit for bit the book loop's (tests/test_fused.py compares whole epochs in
fresh processes, since the first Session of a process fixes its thread pools); BUILD.md
gives the speed, and why it is not much more.
"""
import concurrent.futures

import tensorflow.compat.v1 as tf

from tf1gan import train


class FusedStep:
    """The book's graph and its copy that trains G after D, in the default graph.

    `graph` is the book's Graph (samples and checkpoints use it as the book loop does);
    `after_D` is the copy, whose train_G and loss_G read D's updated weights."""

    def __init__(self, listing, n_hidden, n_noise, learning_rate):
        made = []

        def remember(next_creator, **kwargs):
            variable = next_creator(**kwargs)
            made.append(variable)
            return variable

        with tf.variable_creator_scope(remember):
            self.graph = listing.build(n_hidden=n_hidden, n_noise=n_noise, learning_rate=learning_rate)

        book_variables = iter(made)

        def reuse(next_creator, **kwargs):
            variable = next(book_variables, None)
            if variable is None:
                raise AssertionError('the second build made more variables than the first')
            return variable

        # A scope of its own, so that tf.layers (9.2) asks for new names rather than reusing the
        # book's, and the creator above answers with the book's variables.
        with tf.variable_scope('after_train_D'), tf.variable_creator_scope(reuse), \
                tf.control_dependencies([self.graph.train_D, self.graph.loss_D]):
            self.after_D = listing.build(n_hidden=n_hidden, n_noise=n_noise, learning_rate=learning_rate)
        if next(book_variables, None) is not None:
            raise AssertionError('the second build made fewer variables than the first')

        self.fetches = [self.graph.train_D, self.graph.loss_D, self.after_D.train_G, self.after_D.loss_G]

    def feed(self, batch_xs, batch_ys, noise):
        """The feed_dict of both copies: the book feeds X, Y, Z to D's run and Y, Z to G's."""
        feed_dict = train.feed(self.graph, X=batch_xs, Y=batch_ys, Z=noise)
        feed_dict.update(train.feed(self.after_D, Y=batch_ys, Z=noise))
        return feed_dict


def run_epoch(sess, step, listing, mnist, batch_size, n_noise, total_batch, progress=range):
    """One epoch, as train.run_epoch; returns the last iteration's (loss_val_D, loss_val_G)."""
    loss_val_D, loss_val_G = 0, 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as session_thread:
        running = None
        for i in progress(total_batch):
            batch_xs, batch_ys = mnist.train.next_batch(batch_size)
            noise = listing.get_noise(batch_size, n_noise)
            feed_dict = step.feed(batch_xs, batch_ys, noise)

            if running is not None:
                running.result()  # one iteration at a time: G's weights must be updated first
            running = session_thread.submit(sess.run, step.fetches, feed_dict=feed_dict)
        if running is not None:
            _, loss_val_D, _, loss_val_G = running.result()
    return loss_val_D, loss_val_G
