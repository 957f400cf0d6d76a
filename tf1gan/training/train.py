"""The training loop of 9.1.12 and 9.2.9, shared by both listings.

Per epoch: `total_batch` iterations of next_batch, get_noise, one Session.run of train_D and
one of train_G; then the listing's log line, and at the sample epochs its picture. The
order of NumPy draws (batch shuffles, noise, sample noise) is the book's, so a seeded run
draws the same numbers as the book's script would have.

Two loops run an epoch: 'book', the listing's loop line for line (run_epoch below), and
'fast' (tf1gan.training.fused), the same iterations in one Session.run each, with the same losses
bit for bit. Everything around the epochs (pictures, checkpoints, log lines) is shared.
"""
import tensorflow.compat.v1 as tf

from tf1gan.runs import checkpoint, samples
from tf1gan.compat import input_data, seeding
from tf1gan.evaluation import periodic_eval
from tf1gan.training import progress
from tf1gan.listings.registry import build_graph

LOOPS = ('fast', 'book')
SETTINGS = ('total_batch',)  # the run settings this loop reads, besides the listing's HPARAMS
STEPS = 'epochs'  # what a run's total_epoch counts
TRAINING_IMAGES = 55000  # mnist.train: the reader keeps the first 5,000 of 60,000 for validation


def feed(graph, **values):
    """The feed_dict of the placeholders this graph has (9.1 has no Y; only listings with batch
    normalization have `training`)."""
    return {getattr(graph, name): value for name, value in values.items() if getattr(graph, name) is not None}


def run_epoch(sess, graph, listing, mnist, batch_size, n_noise, total_batch, bar=progress.NO_BAR):
    """One epoch of the book's loop; returns the last iteration's (loss_val_D, loss_val_G).
    bar.trained() counts each iteration trained (tf1gan.training.progress)."""
    loss_val_D, loss_val_G = 0, 0
    for i in range(total_batch):
        batch_xs, batch_ys = mnist.train.next_batch(batch_size)
        noise = listing.get_noise(batch_size, n_noise)

        _, loss_val_D = sess.run([graph.train_D, graph.loss_D],
                                 feed_dict=feed(graph, X=batch_xs, Y=batch_ys, Z=noise, training=True))
        _, loss_val_G = sess.run([graph.train_G, graph.loss_G], feed_dict=feed(graph, Y=batch_ys, Z=noise, training=True))
        bar.trained()
    return loss_val_D, loss_val_G


def eval_images(sess, graph, listing, n_noise, num=periodic_eval.NUM):
    """(num images of G, the labels they were drawn for or None) for --eval_every: 9.2 draws
    each digit num/10 times; the noise is the listing's, from periodic_eval's fixed seed."""
    labels = periodic_eval.digits_to_draw(num) if graph.Y is not None else None
    noise = periodic_eval.noise(listing.get_noise, num, n_noise)
    return sess.run(graph.G, feed_dict=feed(graph, Y=labels, Z=noise)), labels


def train(listing, run):
    """Trains a TF1 listing (gan, cgan) as the book does, in the run's folder (tf1gan.training.run.Run).

    Builds the listing's graph in a new graph seeded by the run's seed, reads MNIST as 9.1.1
    does, and trains settings.hparams['total_epoch'] epochs of total_batch iterations
    (default: the book's int(mnist.train.num_examples / batch_size)). After every epoch a
    checkpoint; a resumed run continues from the newest one (of either loop). Pictures, events
    and --eval_every's figures go into the run's folder. Returns the per-epoch
    (loss_val_D, loss_val_G)."""
    settings = run.settings
    with tf.Graph().as_default():
        seeding.seed_graph(settings.seed)
        # 9.1.1: read after the seed, so the reader seeds NumPy from it as TF 1.15 did.
        mnist = input_data.read_data_sets(settings.data_dir, one_hot=True, source_url=settings.source_url)
        return _train(listing, run, mnist, **settings.hparams)


def _train(listing, run, mnist, total_epoch, batch_size, n_hidden, n_noise, learning_rate):
    loop, total_batch = run.settings.loop, run.settings.total_batch
    if loop == 'fast':
        from tf1gan.training import fused
        fast = fused.FusedLoop(listing, n_hidden=n_hidden, n_noise=n_noise, learning_rate=learning_rate)
        graph = fast.graph
        epoch_loop = lambda n, bar: fused.run_epoch(sess, fast, listing, mnist, batch_size, n_noise, n, bar)  # noqa: E731
    elif loop == 'book':
        graph = build_graph(listing, n_hidden=n_hidden, n_noise=n_noise, learning_rate=learning_rate)
        epoch_loop = lambda n, bar: run_epoch(sess, graph, listing, mnist, batch_size, n_noise, n, bar)  # noqa: E731
    else:
        raise ValueError(f'unknown loop {loop!r}: expected one of {", ".join(LOOPS)}')
    checkpoints = checkpoint.Checkpoints(run.checkpoint_dir)

    sess = tf.Session()
    sess.run(tf.global_variables_initializer())
    start_epoch = checkpoints.restore(sess, mnist.train) if run.restore else 0

    if total_batch is None:
        total_batch = int(mnist.train.num_examples / batch_size)

    events = run.events(graph=sess.graph, resumed_at=start_epoch)
    evaluation = run.evaluation(mnist.test.images, events)

    history = []
    with sess:
        for epoch in range(start_epoch, total_epoch):
            with run.progress.epoch(epoch, total_epoch, total_batch) as bar:
                loss_val_D, loss_val_G = epoch_loop(total_batch, bar)
            run.check_finite(epoch, loss_val_D, loss_val_G)  # before its checkpoint: the last saved one is good
            history.append((float(loss_val_D), float(loss_val_G)))

            if samples.is_sample_epoch(epoch):
                rows = listing.sample_rows(sess, graph, mnist, n_noise)
                samples.save_rows(rows, samples.epoch_path(run.sample_dir, epoch))
                events.picture(epoch, samples.epoch_path(run.sample_dir, epoch))
            # The book prints before drawing its picture; printing right after the checkpoint
            # means every printed epoch is saved, so a killed and resumed run repeats no line.
            checkpoints.save(sess, epoch, mnist.train)
            run.log(listing.log_line(epoch, loss_val_D, loss_val_G))
            events.losses(epoch, loss_val_D, loss_val_G)
            if evaluation and evaluation.due(epoch):  # after the line: a saved epoch is a printed one
                evaluation.log(epoch, *eval_images(sess, graph, listing, n_noise))
            events.flush()
            checkpoints.prune()

    events.close()
    run.log('최적화 완료!')
    return history
