"""python scripts/train_classifier.py --source_url=../shared/mnist

Trains tf1gan's MNIST classifier (tf1gan/evaluation/classifier.py) on all 60,000 MNIST training images,
prints its accuracy on the 10,000 test images, and writes the package data that
tf1gan.evaluation.metrics and tf1gan.evaluate use:

- tf1gan/evaluation/data/mnist_classifier.weights.h5: the weights (HDF5, under 1 MB);
- tf1gan/evaluation/data/mnist_classifier.json: the test accuracy, seed, epochs and this command.

Both are written under temporary names, then renamed. Training is deterministic: the same
--seed on the same machine gives the same weights and the same test accuracy (seeded
initialisers, dropout and shuffling, and TensorFlow's op determinism).
"""
import json
import os
import shlex
import sys
import time

from absl import app, flags

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # run from a checkout

import tf1gan  # noqa: E402,F401  (selects Keras 2 before TensorFlow is imported)
from tf1gan import cli, errors, files  # noqa: E402
from tf1gan.compat import input_data

FLAGS = flags.FLAGS

flags.DEFINE_integer('seed', 1, 'Seeds the initial weights, dropout and the order of the batches.', lower_bound=0)
flags.DEFINE_integer('epochs', 6, 'Passes over the 60,000 training images.', lower_bound=1)
flags.DEFINE_integer('batch_size', 128, 'Images per step.', lower_bound=1)
flags.DEFINE_float('learning_rate', 0.001, 'Adam learning rate.')
flags.DEFINE_string('data_dir', './mnist/data/', 'Where MNIST is kept.')
flags.DEFINE_string('source_url', input_data.DEFAULT_SOURCE_URL,
                    'Where missing MNIST files are fetched from: a URL, a file:// URL or a local folder.')
flags.DEFINE_string('output_dir', None, 'Where the weights and the .json go (default: tf1gan/evaluation/data, the package '
                    'data that tf1gan.evaluation.classifier loads).')

flags.register_validator('learning_rate', lambda v: v > 0, 'expected a positive number')
flags.register_validator('output_dir', lambda v: v is None or cli.writable_folder(v),
                         'expected a folder that can be created and written')


def train(seed, epochs, batch_size, learning_rate, data_dir, source_url, log=print):
    """The trained model (uncompiled: its weights file then holds no optimizer state) and what
    it scores on the 10,000 test images: dict(test_accuracy, test_mnist_score)."""
    import tensorflow as tf
    import tf_keras
    from tf1gan.evaluation import classifier, metrics

    tf_keras.utils.set_random_seed(seed)  # Python, NumPy and TensorFlow's global seed
    tf.config.experimental.enable_op_determinism()
    train_images, train_labels = classifier.load_mnist('train', data_dir, source_url)
    test_images, test_labels = classifier.load_mnist('test', data_dir, source_url)
    model = classifier.build_model(seed)
    model.compile(optimizer=tf_keras.optimizers.Adam(learning_rate),
                  loss=tf_keras.losses.SparseCategoricalCrossentropy(from_logits=True), metrics=['accuracy'])
    model.fit(train_images, train_labels, batch_size=batch_size, epochs=epochs, shuffle=True, verbose=2)
    trained = classifier.build_model()
    trained.set_weights(model.get_weights())
    logits = trained.predict(test_images, batch_size=1000, verbose=0)
    correct = int((logits.argmax(axis=1) == test_labels).sum())
    scores = dict(test_accuracy=correct / len(test_labels), test_mnist_score=round(metrics.mnist_score(logits), 4))
    log(f'test accuracy: {scores["test_accuracy"]:.4f} ({correct} of {len(test_labels)}); '
        f'MNIST score of the test images: {scores["test_mnist_score"]:.4f}')
    return trained, scores


def main(argv):
    if len(argv) > 1:
        raise app.UsageError(f'unexpected arguments: {" ".join(argv[1:])}')
    from tf1gan.evaluation import classifier
    output_dir = FLAGS.output_dir or classifier.DATA_DIR
    started = time.time()
    try:
        model, scores = train(FLAGS.seed, FLAGS.epochs, FLAGS.batch_size, FLAGS.learning_rate,
                              FLAGS.data_dir, FLAGS.source_url)
    except errors.InputError as e:
        print(f'tf1gan: {e}', file=sys.stderr)
        sys.exit(1)
    os.makedirs(output_dir, exist_ok=True)
    weights = os.path.join(output_dir, os.path.basename(classifier.WEIGHTS))
    files.replace_atomically(weights, model.save_weights, suffix='.weights.h5')  # tf_keras's saving_lib format
    record = dict(scores, test_images=10000, train_images=60000, seed=FLAGS.seed, epochs=FLAGS.epochs,
                  batch_size=FLAGS.batch_size, learning_rate=FLAGS.learning_rate, features=classifier.FEATURES,
                  training_seconds=round(time.time() - started),
                  command=' '.join(['python', 'scripts/train_classifier.py'] + [shlex.quote(a) for a in sys.argv[1:]]))
    info = os.path.join(output_dir, os.path.basename(classifier.INFO))

    files.write_bytes_atomically(info, (json.dumps(record, indent=1, sort_keys=True) + '\n').encode())
    print(weights)
    print(info)


if __name__ == '__main__':
    app.run(main, flags_parser=cli.parse_flags)
