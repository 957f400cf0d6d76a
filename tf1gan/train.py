"""The training loop of 9.1.12 and 9.2.9, shared by both listings.

Per epoch: `total_batch` iterations of next_batch, get_noise, one Session.run of train_D and
one of train_G; then the listing's log line, and at the sample epochs its picture. The
order of NumPy draws (batch shuffles, noise, sample noise) is the book's, so a seeded run
draws the same numbers as the book's script would have.

Two loops run an epoch: 'book', the listing's loop line for line (run_epoch below), and
'fast' (tf1gan.fused), the same iterations in one Session.run each, with the same losses
bit for bit. Everything around the epochs (pictures, checkpoints, log lines) is shared.
"""
import tensorflow.compat.v1 as tf

from tf1gan import checkpoint, periodic_eval, samples, summaries

LOOPS = ('fast', 'book')


def feed(graph, **values):
    """The feed_dict of the placeholders this graph has (9.1 has no Y)."""
    return {getattr(graph, name): value for name, value in values.items() if getattr(graph, name) is not None}


def run_epoch(sess, graph, listing, mnist, batch_size, n_noise, total_batch, progress=range):
    """One epoch of the book's loop; returns the last iteration's (loss_val_D, loss_val_G).
    progress(total_batch) yields the iterations (range, or tf1gan.progress drawing a bar)."""
    loss_val_D, loss_val_G = 0, 0
    for i in progress(total_batch):
        batch_xs, batch_ys = mnist.train.next_batch(batch_size)
        noise = listing.get_noise(batch_size, n_noise)

        _, loss_val_D = sess.run([graph.train_D, graph.loss_D], feed_dict=feed(graph, X=batch_xs, Y=batch_ys, Z=noise))
        _, loss_val_G = sess.run([graph.train_G, graph.loss_G], feed_dict=feed(graph, Y=batch_ys, Z=noise))
    return loss_val_D, loss_val_G


def eval_images(sess, graph, listing, n_noise, num=periodic_eval.NUM):
    """(num images of G, the labels they were drawn for or None) for --eval_every: 9.2 draws
    each digit num/10 times; the noise is the listing's, from periodic_eval's fixed seed."""
    labels = periodic_eval.digits_to_draw(num) if graph.Y is not None else None
    noise = periodic_eval.noise(listing.get_noise, num, n_noise)
    return sess.run(graph.G, feed_dict=feed(graph, Y=labels, Z=noise)), labels


def train(listing, mnist, sample_dir, total_epoch, batch_size, n_hidden, n_noise, learning_rate,
          total_batch=None, checkpoint_dir=None, resume=False, log=print, loop='fast', run_dir=None,
          progress=range, eval_every=None):
    """Builds the listing's graph in the default graph and trains it as the book does.

    total_batch defaults to the book's int(num_examples / batch_size); a smaller value makes
    short runs for tests. With checkpoint_dir, a checkpoint is written after every epoch, and
    resume=True continues from the newest one (a checkpoint of either loop). loop is one of
    LOOPS. With run_dir, TensorBoard events go there (tf1gan.summaries), and with eval_every
    too, the figures of tf1gan.periodic_eval. progress(total_batch) yields each epoch's
    iterations (tf1gan.progress.Progress().epoch draws a bar). Returns the per-epoch
    (loss_val_D, loss_val_G)."""
    if eval_every and not run_dir:
        raise ValueError('eval_every writes into run_dir: give both')
    if loop == 'fast':
        from tf1gan import fused
        fast = fused.FusedLoop(listing, n_hidden=n_hidden, n_noise=n_noise, learning_rate=learning_rate)
        graph = fast.graph
        epoch_loop = lambda n: fused.run_epoch(sess, fast, listing, mnist, batch_size, n_noise, n, progress)  # noqa: E731
    elif loop == 'book':
        graph = listing.build(n_hidden=n_hidden, n_noise=n_noise, learning_rate=learning_rate)
        epoch_loop = lambda n: run_epoch(sess, graph, listing, mnist, batch_size, n_noise, n, progress)  # noqa: E731
    else:
        raise ValueError(f'unknown loop {loop!r}: expected one of {", ".join(LOOPS)}')
    checkpoints = checkpoint.Checkpoints(checkpoint_dir) if checkpoint_dir else None

    sess = tf.Session()
    sess.run(tf.global_variables_initializer())
    start_epoch = checkpoints.restore(sess, mnist.train) if resume else 0

    if total_batch is None:
        total_batch = int(mnist.train.num_examples / batch_size)

    events = summaries.Summaries(run_dir, graph=sess.graph, resumed_at=start_epoch if resume else None) \
        if run_dir else None
    evaluation = periodic_eval.PeriodicEval(eval_every, run_dir, mnist.test.images, events) if eval_every else None

    history = []
    with sess:
        for epoch in range(start_epoch, total_epoch):
            loss_val_D, loss_val_G = epoch_loop(total_batch)
            history.append((float(loss_val_D), float(loss_val_G)))

            if samples.is_sample_epoch(epoch):
                rows = listing.sample_rows(sess, graph, mnist, n_noise)
                samples.save_rows(rows, samples.epoch_path(sample_dir, epoch))
                if events:
                    events.picture(epoch, samples.epoch_path(sample_dir, epoch))
            # The book prints before drawing its picture; printing right after the checkpoint
            # means every printed epoch is saved, so a killed and resumed run repeats no line.
            if checkpoints:
                checkpoints.save(sess, epoch, mnist.train)
            log(listing.log_line(epoch, loss_val_D, loss_val_G))
            if events:
                events.losses(epoch, loss_val_D, loss_val_G)
            if evaluation and evaluation.due(epoch):  # after the line: a saved epoch is a printed one
                evaluation.log(epoch, *eval_images(sess, graph, listing, n_noise))
            if events:
                events.flush()
            if checkpoints:
                checkpoints.prune()

    if events:
        events.close()
    log('최적화 완료!')
    return history
