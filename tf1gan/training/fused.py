"""--loop=fast for 9.1 and 9.2: the book's iterations in an in-graph loop, the same numbers faster.

The book (9.1.12, 9.2.9) runs two Session.runs per iteration: train_D with loss_D, then
train_G with loss_G, G's step seeing D's updated weights. Here a `tf.while_loop` runs many
iterations in one Session.run, and each iteration is the book's own graph, imported:

- `iteration_graph_def` takes the listing's built graph and keeps what the two runs need.
  What train_G's run computes from variables train_D writes (D's weights and its Adam
  state), and everything computed from that, is copied and made to wait for train_D, as
  the second run waits for the first. The rest of train_G's run, G's forward pass from Z,
  is the same op as in train_D's run, over the same inputs (train_D writes none of G's
  variables), so it is computed once and feeds both: the book computes it twice, with the
  same result.
- The loop body imports that GraphDef with the book's placeholders mapped to this
  iteration's slice of the fed batches, and the book's variables mapped to themselves: no
  variable is added, so checkpoints of either loop resume under the other (tested).
- NumPy draws each iteration's next_batch and get_noise in the book's order, a chunk of
  CHUNK iterations at a time; the next chunk is drawn while TensorFlow runs the current
  one in another thread (it lets go of the GIL).
- The session keeps TensorFlow's default threads, as the book's `tf.Session()` does: the
  matmul kernels split their sums by thread count, so another count would round
  differently.

The losses are bit for bit the book loop's (tests/test_fused.py compares whole epochs in
fresh processes, since the first Session of a process fixes its thread pools); BUILD.md
gives the speed.
"""
import concurrent.futures

import numpy as np
import tensorflow.compat.v1 as tf

from tf1gan.training import progress
from tf1gan.listings.registry import build_graph

# Iterations per Session.run: the progress bar moves a chunk at a time, when it is trained.
CHUNK = 50

# The prefix of the copied ops, the ones that run after train_D.
AFTER_TRAIN_D = 'after_train_D/'


def _input_names(node):
    """The names of the nodes `node` reads, data and control inputs alike."""
    return [name.lstrip('^').split(':')[0] for name in node.input]


def _needed(nodes, fetches):
    """The names of the nodes that computing `fetches` (node names) runs."""
    needed, todo = set(), list(fetches)
    while todo:
        name = todo.pop()
        if name not in needed:
            needed.add(name)
            todo.extend(_input_names(nodes[name]))
    return needed


def _renamed(input_name, copied):
    """An input (`name`, `name:port` or `^name`) of a copied node, pointing at the copy of a copied node."""
    name = input_name.lstrip('^').split(':')[0]
    return input_name.replace(name, AFTER_TRAIN_D + name, 1) if name in copied else input_name


def iteration_graph_def(graph, book):
    """A GraphDef of one book iteration: train_D's run, then train_G's, for the loop's body.

    Its nodes: everything train_D and loss_D need, under their own names; and everything
    train_G and loss_G need that reads a variable train_D writes (one train_D's run hands to
    an op other than a plain read: Adam's updates and assignments), directly or through other
    nodes, copied under AFTER_TRAIN_D, the copies that read such a variable waiting for
    train_D and loss_D. The rest of train_G's run is shared with train_D's, which is only the
    book's arithmetic if it holds no state of its own: checked. The book's placeholders and
    variables are left out: the body maps them to its batches and to the book's variables."""
    graph_def = graph.as_graph_def()
    nodes = {node.name: node for node in graph_def.node}
    run_D = [book.train_D.name, book.loss_D.op.name]
    in_run_D = _needed(nodes, run_D)
    in_run_G = _needed(nodes, [book.train_G.name, book.loss_G.op.name])
    written = {handle for name in in_run_D if nodes[name].op != 'ReadVariableOp'
               for handle in _input_names(nodes[name]) if nodes[handle].op == 'VarHandleOp'}

    after_D = {}

    def runs_after_D(name):
        if name not in after_D:
            after_D[name] = any(i in written or runs_after_D(i) for i in _input_names(nodes[name]))
        return after_D[name]

    copied = {name for name in in_run_G if runs_after_D(name)}
    for name in (in_run_D & in_run_G) - copied:
        if graph.get_operation_by_name(name).op_def.is_stateful and nodes[name].op not in (
                'ReadVariableOp', 'VarHandleOp'):
            raise ValueError(f'{name} ({nodes[name].op}) holds state: train_G cannot share it with train_D')

    iteration = tf.GraphDef(versions=graph_def.versions, library=graph_def.library)
    iteration.node.extend(nodes[name] for name in sorted(in_run_D | (in_run_G - copied))
                          if nodes[name].op not in ('VarHandleOp', 'Placeholder'))
    for name in sorted(copied):
        node = iteration.node.add()
        node.CopyFrom(nodes[name])
        node.name = AFTER_TRAIN_D + name
        node.input[:] = [_renamed(i, copied) for i in nodes[name].input]
        if any(i in written for i in _input_names(nodes[name])):
            node.input.extend('^' + fetch for fetch in run_D)
    _colocate_within(iteration, copied)
    return iteration


def _colocate_within(iteration, copied):
    """Colocation with a copied node means with its copy, and with a variable, nothing here:
    TensorFlow places an op that uses a variable with it anyway."""
    names = {node.name for node in iteration.node}
    for node in iteration.node:
        if '_class' in node.attr:
            locations = [_renamed(loc.decode()[len('loc:@'):], copied if node.name.startswith(AFTER_TRAIN_D) else ())
                         for loc in node.attr['_class'].list.s]
            node.attr['_class'].list.s[:] = [b'loc:@' + loc.encode() for loc in locations if loc in names]
            if not node.attr['_class'].list.s:
                del node.attr['_class']


class FusedLoop:
    """The book's graph, and a loop over fed batches that trains it as the book loop does.

    `graph` is the book's Graph (samples and checkpoints use it as the book loop does). Each
    Session.run of `fetches` with `feed(draws)` runs the iterations of `draws`, a list of
    (batch_xs, batch_ys, noise), and hands back the last one's (loss_val_D, loss_val_G)."""

    def __init__(self, listing, n_hidden, n_noise, learning_rate):
        self.graph = book = build_graph(listing, n_hidden=n_hidden, n_noise=n_noise, learning_rate=learning_rate)
        iteration = iteration_graph_def(tf.get_default_graph(), book)
        handles = [op.outputs[0] for op in tf.get_default_graph().get_operations() if op.type == 'VarHandleOp']
        fetch_names = [book.train_D.name, book.loss_D.name, AFTER_TRAIN_D + book.train_G.name,
                       AFTER_TRAIN_D + book.loss_G.name]

        with tf.name_scope('fast_loop'):
            # Every iteration's batches: [iteration, batch, ...] (9.1 has no Y).
            self.batches = {name: tf.placeholder(tf.float32, [None] + getattr(book, name).shape.as_list())
                            for name in 'XYZ' if getattr(book, name) is not None}

            def body(i, loss_D, loss_G):
                input_map = {getattr(book, name).name: batch[i] for name, batch in self.batches.items()}
                if book.training is not None:  # batch normalization: both steps train, as the book loop feeds
                    input_map[book.training.name] = tf.constant(True)
                # tf.identity brings each variable's handle into the body's function graph.
                input_map.update({handle.name: tf.identity(handle) for handle in handles})
                train_D, loss_D, train_G, loss_G = tf.import_graph_def(
                    iteration, input_map=input_map, return_elements=fetch_names, name='iteration')
                with tf.control_dependencies([train_D, train_G]):
                    return i + 1, tf.identity(loss_D), tf.identity(loss_G)

            # parallel_iterations=1: an iteration starts when the previous one has finished.
            _, loss_D, loss_G = tf.while_loop(
                lambda i, loss_D, loss_G: i < tf.shape(self.batches['Z'])[0], body,
                [tf.constant(0), tf.constant(0.), tf.constant(0.)], parallel_iterations=1)
        self.fetches = [loss_D, loss_G]

    def feed(self, draws):
        """The feed_dict of the iterations `draws` ([(batch_xs, batch_ys, noise)]). NumPy
        rounds the float64 noise to float32 as the book's feed_dict does."""
        columns = dict(zip('XYZ', zip(*draws)))
        return {batch: np.asarray(columns[name], dtype=np.float32) for name, batch in self.batches.items()}


def run_epoch(sess, loop, listing, mnist, batch_size, n_noise, total_batch, bar=progress.NO_BAR):
    """One epoch, as train.run_epoch; returns the last iteration's (loss_val_D, loss_val_G).
    bar.trained(n) counts a chunk's n iterations once its Session.run has returned."""
    loss_val_D, loss_val_G = 0, 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as session_thread:
        running, draws = None, []
        for drawn in range(1, total_batch + 1):
            batch_xs, batch_ys = mnist.train.next_batch(batch_size)
            draws.append((batch_xs, batch_ys, listing.get_noise(batch_size, n_noise)))
            if len(draws) == CHUNK or drawn == total_batch:
                feed_dict = loop.feed(draws)
                if running is not None:
                    running.result()  # one chunk at a time: its first iteration needs the last one's weights
                    bar.trained(CHUNK)  # every chunk but the last is CHUNK long
                running = session_thread.submit(sess.run, loop.fetches, feed_dict=feed_dict)
                draws = []
        if running is not None:
            loss_val_D, loss_val_G = running.result()
            bar.trained(total_batch - (total_batch - 1) // CHUNK * CHUNK)
    return loss_val_D, loss_val_G
