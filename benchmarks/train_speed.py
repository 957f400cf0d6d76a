"""Iterations per second of each listing's book loop and fast loop, side by side.

    python benchmarks/train_speed.py --source_url=../shared/mnist [--models=gan,cgan,cgan_cnn,dcgan]

For each model, the book loop (--loop=book: the listing's own loop) and the fast loop
(--loop=fast) train the book's hyper-parameters in this one process, in alternating rounds
(book, fast, book, fast, ...), each round after its own warm-up; the median round counts.
gan, cgan, cgan_cnn: `--iterations` per round of next_batch, get_noise and the training step(s),
exactly what a training run does per iteration. Two more loops take the fast loop apart:
"fast, drawn beforehand" feeds chunks drawn before the round (four, in turn) from a session
thread, as the fast loop does: the fast loop without its NumPy draws beside TensorFlow's
kernels; "fast, TensorFlow alone" feeds one chunk again and again from the main thread: the
fast loop's ceiling, its Session.runs and nothing else. Between the fast loop and its ceiling,
the first gap is the draws', the second the feeding of new chunks. dcgan: `--dcgan_iterations`
per round of gan_train (no pictures).

Also printed: the machine (its CPU's name, and which kernel library TensorFlow uses, oneDNN or Eigen), the
book's arithmetic of one iteration (GFLOP: the multiply-adds of every
dense and convolution layer, forward and backward, counted from the layer shapes; the fast
loop does the same iteration with less, the TF1 listings computing G's forward pass once), what
that makes per second, its share of this machine's float32 matmul peak (measured first: a
1024x1024 matmul loop inside one Session.run, the better of 1 and 2 threads), and the
process's peak RSS.
"""
import concurrent.futures
import resource
import statistics
import time

from absl import app, flags

import tf1gan  # noqa: F401
import tensorflow.compat.v1 as tf

from tf1gan.training import fused, train
from tf1gan.compat import input_data
from tf1gan.listings import registry

import matmul  # benchmarks/matmul.py, beside this script

flags.DEFINE_integer('iterations', 1100, 'gan, cgan, cgan_cnn: timed iterations per round (two epochs of the book).',
                     lower_bound=1)
flags.DEFINE_integer('dcgan_iterations', 20, 'dcgan: timed iterations per round.', lower_bound=1)
flags.DEFINE_integer('rounds', 3, 'Timed rounds of each loop, alternating.', lower_bound=1)
flags.DEFINE_list('models', list(registry.MODELS), 'Models to time.')
flags.DEFINE_string('data_dir', './mnist/data/', 'Where MNIST is kept.')
flags.DEFINE_string('source_url', input_data.DEFAULT_SOURCE_URL, 'Where missing MNIST files come from.')
FLAGS = flags.FLAGS


def forward_flop(op, batch_size):
    """Multiply-adds x 2 of a dense or convolution layer's op (MatMul, Conv2D, or Conv2DBackpropInput:
    conv2d_transpose), for a batch of batch_size: each kernel weight once per output position."""
    def shape(tensor):
        return [batch_size if d is None else d for d in tensor.shape.as_list()]
    if op.type == 'MatMul':
        rows, inner = shape(op.inputs[0])
        return 2 * rows * inner * shape(op.inputs[1])[1]
    kh, kw, k_in, k_out = shape(op.inputs[1])
    if op.type == 'Conv2D':
        b, h, w, _ = shape(op.outputs[0])  # an output pixel per kernel position
    else:
        b, h, w, _ = shape(op.inputs[2])  # conv2d_transpose: an input pixel per kernel position
    return 2 * b * h * w * kh * kw * k_in * k_out


def layer_flops(graph, variables, batch_size):
    """The forward multiply-adds x 2 of each layer of a network, in the listing's order: one op per
    kernel among `variables` (the first op that multiplies by it; D runs twice, on X and on G)."""
    kernels = {v.handle.op.name for v in variables}
    flops = {}
    for op in graph.get_operations():
        if op.type in ('MatMul', 'Conv2D', 'Conv2DBackpropInput') and not op.name.startswith('gradients'):
            weights = op.inputs[1].op
            if weights.type == 'ReadVariableOp' and weights.inputs[0].op.name in kernels:
                flops.setdefault(weights.inputs[0].op.name, forward_flop(op, batch_size))
    return list(flops.values())


def listing_gflop_per_iteration(graph, batch_size):
    """A TF1 listing's D step (forward through G and D twice, D's weight gradients, its input
    gradients but the first layer's) and G step (forward through G and D, input gradients back
    through D into G, G's weight gradients), counted layer by layer from the graph's shapes."""
    G = layer_flops(tf.get_default_graph(), graph.vars_G, batch_size)
    D = layer_flops(tf.get_default_graph(), graph.vars_D, batch_size)
    step_D = (sum(G) + 2 * sum(D)) + 2 * (sum(D) + sum(D[1:]))
    step_G = (sum(G) + sum(D)) + (sum(D) + sum(G) + sum(G[1:]))
    return (step_D + step_G) / 1e9


def keras_forward_flop(model):
    """Multiply-adds x 2 of one example through the Conv2D and Dense layers of a Keras model."""
    flop = 0
    for layer in model.layers:
        kind = type(layer).__name__
        if kind == 'Conv2D':
            kh, kw, cin, cout = layer.kernel.shape
            _, h, w, _ = layer.output_shape
            flop += 2 * h * w * cout * kh * kw * cin
        elif kind == 'Dense':
            flop += 2 * layer.kernel.shape[0] * layer.kernel.shape[1]
    return flop


def dcgan_gflop_per_iteration(models, batch_size):
    """D's two steps (forward, then weight and input gradients: about 3x forward each),
    predict (forward through G), the combined step (forward through G and D, gradients back
    through D's inputs and G: about 3x G's forward plus 2x D's)."""
    G, D = keras_forward_flop(models.generator), keras_forward_flop(models.discriminator)
    return batch_size * (2 * 3 * D + G + 3 * G + 2 * D) / 1e9


def timed_rounds(loops, iterations, warm_up):
    """{name: median iterations/s} of the loops (name -> run(n)), in alternating rounds."""
    for run in loops.values():
        run(warm_up)
    rates = {name: [] for name in loops}
    for _ in range(FLAGS.rounds):
        for name, run in loops.items():
            start = time.perf_counter()
            run(iterations)
            rates[name].append(iterations / (time.perf_counter() - start))
    return {name: statistics.median(values) for name, values in rates.items()}


def listing_loops(model):
    module = registry.load(model)
    hp = module.HPARAMS
    mnist = input_data.read_data_sets(FLAGS.data_dir, one_hot=True, source_url=FLAGS.source_url)
    build = dict(n_hidden=hp['n_hidden'], n_noise=hp['n_noise'], learning_rate=hp['learning_rate'])
    with tf.Graph().as_default():
        graph = registry.build_graph(module, **build)
        gflop = listing_gflop_per_iteration(graph, hp['batch_size'])
        book_sess = tf.Session()
        book_sess.run(tf.global_variables_initializer())
    with tf.Graph().as_default():
        fast = fused.FusedLoop(module, **build)
        fast_sess = tf.Session()
        fast_sess.run(tf.global_variables_initializer())
    def drawn_chunk():
        return fast.feed([(*mnist.train.next_batch(hp['batch_size']), module.get_noise(hp['batch_size'], hp['n_noise']))
                          for _ in range(fused.CHUNK)])
    one_chunk, drawn_chunks = drawn_chunk(), [drawn_chunk() for _ in range(4)]

    def drawn_beforehand(n):
        with concurrent.futures.ThreadPoolExecutor(max_workers=1) as session_thread:
            for k in range(n // fused.CHUNK):
                session_thread.submit(fast_sess.run, fast.fetches, drawn_chunks[k % len(drawn_chunks)]).result()

    def tensorflow_alone(n):
        for _ in range(n // fused.CHUNK):
            fast_sess.run(fast.fetches, one_chunk)

    loops = {
        'book': lambda n: train.run_epoch(book_sess, graph, module, mnist, hp['batch_size'], hp['n_noise'], n),
        'fast': lambda n: fused.run_epoch(fast_sess, fast, module, mnist, hp['batch_size'], hp['n_noise'], n),
        'fast, drawn beforehand': drawn_beforehand,
        'fast, TensorFlow alone': tensorflow_alone,
    }
    return loops, gflop, FLAGS.iterations, 50


def dcgan_loops():
    from tf1gan.listings import dcgan
    from tf1gan.training import keras_loop
    X_train = dcgan.load_X_train(FLAGS.data_dir, FLAGS.source_url)
    models = keras_loop.build(dcgan)
    hp = dcgan.HPARAMS

    def gan_train(fast):
        # Iterations 1..n: a picture is drawn at iteration 0 only (saving_interval is huge).
        return lambda n: keras_loop.gan_train(dcgan, models, X_train, n + 1, hp['batch_size'], saving_interval=10 ** 9,
                                         sample_dir='unused', n_noise=hp['n_noise'], log=lambda line: None,
                                         start=1, fast=fast)
    loops = {'book': gan_train(False), 'fast': gan_train(True)}
    return loops, dcgan_gflop_per_iteration(models, hp['batch_size']), FLAGS.dcgan_iterations, 3


def main(argv):
    del argv
    peak = matmul.peak_gflops()
    print(f'machine: {matmul.machine()}')
    print(f'float32 matmul peak of this machine: {peak:.0f} GFLOP/s')
    for model in FLAGS.models:
        loops, gflop, iterations, warm_up = dcgan_loops() if model == 'dcgan' else listing_loops(model)
        rates = timed_rounds(loops, iterations, warm_up)
        for name, rate in rates.items():
            print(f'{model} {name}: {rate:7.2f} iterations/s, {gflop:.3f} GFLOP each, {rate * gflop:5.1f} GFLOP/s '
                  f'= {100 * rate * gflop / peak:3.0f}% of the matmul peak')
        for name in rates:
            if name != 'book':
                print(f'{model} {name} / book: {rates[name] / rates["book"]:.2f}x '
                      f'(median of {FLAGS.rounds} rounds of {iterations} iterations each)')
        for name in ('fast', 'fast, drawn beforehand'):
            if name in rates and 'fast, TensorFlow alone' in rates:
                print(f'{model} {name}: {100 * rates[name] / rates["fast, TensorFlow alone"]:.0f}% of its ceiling '
                      f'(fast, TensorFlow alone)')
    print(f'peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB')


if __name__ == '__main__':
    app.run(main)
