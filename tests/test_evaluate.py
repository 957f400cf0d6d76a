"""The shipped MNIST classifier, scoring images with it (tf1gan.evaluation.scoring), and the command."""
import json
import os
import random
import shutil
import subprocess
import sys

import numpy as np
import pytest

import tf1gan  # noqa: F401
from tf1gan.evaluation import classifier
from tf1gan import errors
from tf1gan.evaluation import scoring
from training import train
from hang import HANG

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def tf1gan_evaluate(*args):
    return subprocess.run([sys.executable, '-m', 'tf1gan.evaluate', *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=HANG)


# ----------------------------------------------------------------------------- fixtures

@pytest.fixture(scope='module')
def test_set(mnist_dir):
    """The 10,000 MNIST test images [N, 28, 28, 1] in [0, 1] and their digits."""
    return classifier.load_mnist('test', str(mnist_dir), str(mnist_dir))


@pytest.fixture(scope='module')
def checkpoints(mnist_dir, tmp_path_factory):
    """Per model (gan, cgan, cgan_cnn), the folder of a seeded 1-epoch run of 5 iterations."""
    folders = {}
    for name in ('gan', 'cgan', 'cgan_cnn'):
        out = tmp_path_factory.mktemp(name)
        train(name, out, 1, mnist_dir=mnist_dir, seed=3)
        folders[name] = str(out)
    return folders


# ----------------------------------------------------------------------------- the classifier

def test_shipped_classifier_reaches_its_recorded_accuracy_on_the_first_2000_test_images(test_set):
    images, digits = test_set
    accuracy = (classifier.load().predict(images[:2000]) == digits[:2000]).mean()
    assert accuracy >= classifier.info()['test_accuracy'] - 0.01


def test_shipped_classifier_was_recorded_at_99_percent_or_better_with_its_seed_and_command():
    recorded = classifier.info()
    assert recorded['test_accuracy'] >= 0.99
    assert recorded['command'].startswith('python scripts/train_classifier.py')
    assert {'seed', 'epochs', 'test_mnist_score'} <= set(recorded)


def test_shipped_weights_are_a_few_megabytes_at_most():
    assert os.path.getsize(classifier.WEIGHTS) < 3 * 2 ** 20


def test_classifier_takes_flat_square_and_channel_images_alike(test_set):
    images = test_set[0][:50]
    flat = classifier.logits(images.reshape(50, 784))
    np.testing.assert_array_equal(classifier.logits(images.reshape(50, 28, 28)), flat)
    np.testing.assert_array_equal(classifier.logits(images), flat)


def test_value_range_maps_tanh_images_onto_the_unit_range(test_set):
    images = test_set[0][:50]
    np.testing.assert_allclose(classifier.features(2 * images - 1, value_range=(-1, 1)), classifier.features(images),
                               atol=1e-5)


def test_features_are_the_penultimate_layers_units_and_probabilities_sum_to_1(test_set):
    images = test_set[0][:20]
    assert classifier.features(images).shape == (20, classifier.FEATURES)
    np.testing.assert_allclose(classifier.predict_proba(images).sum(axis=1), 1)


def test_classifier_refuses_images_of_another_shape():
    with pytest.raises(ValueError, match='expected images shaped'):
        classifier.logits(np.zeros((4, 32, 32)))


def test_load_mnist_gives_the_readers_test_images_and_leaves_numpys_generator_alone(mnist_dir, test_set):
    from tf1gan.compat import input_data
    reader = input_data.read_data_sets(str(mnist_dir), source_url=str(mnist_dir))
    np.random.seed(11)
    state = np.random.get_state()[1].copy()
    images, digits = classifier.load_mnist('test', str(mnist_dir), str(mnist_dir))
    assert (np.random.get_state()[1] == state).all()
    np.testing.assert_array_equal(images.reshape(-1, 784), reader.test.images)
    np.testing.assert_array_equal(digits, test_set[1])


# ----------------------------------------------------------------------------- evaluate_images

def test_real_test_images_score_high_and_noise_scores_low(test_set):
    real_images = test_set[0]
    real = scoring.evaluate_images(real_images[:1000], real_images=real_images)
    noise = scoring.evaluate_images(np.random.default_rng(0).uniform(0, 1, (1000, 784)), real_images=real_images)
    assert real['mnist_score'] > 9 and noise['mnist_score'] < 2
    assert real['frechet_distance'] < 5 < 100 < noise['frechet_distance']


def test_evaluate_images_gives_conditional_accuracy_only_with_labels(test_set):
    images, digits = test_set
    without = scoring.evaluate_images(images[:100])
    with_labels = scoring.evaluate_images(images[:100], digits[:100])
    assert without['conditional_accuracy'] is None and without['frechet_distance'] is None
    assert with_labels['conditional_accuracy'] >= 0.97
    assert sum(with_labels['class_histogram']) == 100


def test_evaluate_images_inside_a_tf1_graph_adds_nothing_to_it_and_draws_from_no_random_stream(test_set):
    import tensorflow as tf2
    import tensorflow.compat.v1 as tf
    images = test_set[0][:100]
    with tf.Graph().as_default() as graph:
        tf.placeholder(tf.float32, [None, 784])
        ops = len(graph.get_operations())
        np.random.seed(5), random.seed(5)
        expected = np.random.uniform(size=3), random.random()
        np.random.seed(5), random.seed(5)
        with tf.Session():
            classifier.Classifier(classifier.WEIGHTS).logits(images)  # a fresh load, too
            scoring.evaluate_images(images, real_images=test_set[0])
        assert (np.random.uniform(size=3) == expected[0]).all() and random.random() == expected[1]
        assert len(graph.get_operations()) == ops
    tf2.random.set_seed(5)
    first, second = tf2.random.uniform([3]), tf2.random.uniform([3])
    tf2.random.set_seed(5)
    assert (tf2.random.uniform([3]).numpy() == first.numpy()).all()
    classifier.Classifier(classifier.WEIGHTS).logits(images)
    assert (tf2.random.uniform([3]).numpy() == second.numpy()).all()


# ----------------------------------------------------------------------------- checkpoints

@pytest.mark.parametrize('conditional', ['cgan', 'cgan_cnn'])
def test_a_conditional_gan_is_scored_on_equal_numbers_of_each_digit(checkpoints, mnist_dir, conditional):
    result = scoring.evaluate_run(checkpoints[conditional], num=50, data_dir=str(mnist_dir),
                                   source_url=str(mnist_dir))
    images, digits, model = scoring.draw_images(checkpoints[conditional], 50, seed=0)
    assert model == conditional and images.shape == (50, 784)
    assert np.bincount(digits).tolist() == [5] * 10
    assert result['num_images'] == 50 and sum(result['class_histogram']) == 50
    assert 0 <= result['conditional_accuracy'] <= 1 and len(result['conditional_accuracy_per_digit']) == 10
    assert result['source']['model'] == conditional and result['reference_images'] == 10000


def test_a_gan_is_scored_without_conditional_accuracy(checkpoints, mnist_dir):
    result = scoring.evaluate_run(checkpoints['gan'], num=30, data_dir=str(mnist_dir),
                                          source_url=str(mnist_dir))
    assert result['num_images'] == 30 and result['conditional_accuracy'] is None
    assert result['frechet_distance'] > 0


def test_the_same_seed_draws_and_scores_the_same_images(checkpoints):
    first, second = (scoring.draw_images(checkpoints['gan'], 20, seed=4)[0] for _ in range(2))
    np.testing.assert_array_equal(first, second)


def test_a_cgan_refuses_a_num_that_is_not_a_multiple_of_10(checkpoints):
    with pytest.raises(errors.InputError, match='--num=15 is not a multiple of 10'):
        scoring.draw_images(checkpoints['cgan'], 15)


def test_reference_real_refuses_more_images_than_the_test_set_has(mnist_dir):
    with pytest.raises(errors.InputError, match='10000 images; --num=10001'):
        scoring.reference_images('real', 10001, 0, str(mnist_dir), str(mnist_dir))


# ----------------------------------------------------------------------------- the command

@pytest.mark.parametrize('args, named', [
    (['--reference=noise', '--num=0'], '--num'),
    (['--reference=noise', '--num=ten'], '--num'),
    (['--reference=fake'], '--reference'),
    (['--reference=noise', '--checkpoint_dir=runs/cgan/checkpoints'], 'or --reference, not both'),
    (['--reference=noise', '--run_dir=runs/cgan'], 'or --reference, not both'),
    (['--reference=noise', '--output=/proc/tf1gan/metrics.json'], '--output'),
])
def test_bad_flags_give_one_line_and_exit_2(args, named):
    result = tf1gan_evaluate(*args)
    assert result.returncode == 2 and result.stdout == ''
    [line] = result.stderr.strip().splitlines()
    assert line.startswith('tf1gan: ') and named in line


def test_a_folder_that_holds_no_run_gives_one_line_and_exit_1(tmp_path, mnist_dir):
    result = tf1gan_evaluate(f'--run_dir={tmp_path}', f'--data_dir={mnist_dir}')
    assert result.returncode == 1 and result.stdout == ''
    assert result.stderr.strip().splitlines() == [f'tf1gan: {tmp_path} holds no run (run.json is missing)']


def test_a_run_without_a_checkpoint_gives_one_line_and_exit_1(checkpoints, mnist_dir, tmp_path):
    (tmp_path / 'run').mkdir()
    shutil.copy(os.path.join(checkpoints['gan'], 'run.json'), tmp_path / 'run')
    result = tf1gan_evaluate(f'--run_dir={tmp_path / "run"}', f'--data_dir={mnist_dir}')
    assert result.returncode == 1 and result.stdout == ''
    [line] = result.stderr.strip().splitlines()
    assert line.startswith(f'tf1gan: no checkpoint in {tmp_path / "run" / "checkpoints"}')


def test_the_command_prints_its_figures_and_writes_them_as_json_into_the_run(checkpoints, mnist_dir):
    result = tf1gan_evaluate(f'--run_dir={checkpoints["cgan"]}', '--num=20', f'--data_dir={mnist_dir}')
    assert result.returncode == 0, result.stderr
    target = os.path.join(checkpoints['cgan'], 'metrics.json')
    written = json.loads(open(target).read())
    assert written['num_images'] == 20 and written['source']['model'] == 'cgan'
    assert 'MNIST score' in result.stdout and 'conditional accuracy' in result.stdout
    assert result.stdout.strip().splitlines()[-1] == f'wrote {target}'
    assert result.stderr == ''


def test_the_old_checkpoint_dir_flag_names_the_run_through_its_checkpoints_folder(checkpoints, mnist_dir, tmp_path):
    target = tmp_path / 'out' / 'metrics.json'
    result = tf1gan_evaluate(f'--checkpoint_dir={checkpoints["gan"]}/checkpoints', '--num=20',
                             f'--data_dir={mnist_dir}', f'--output={target}')
    assert result.returncode == 0, result.stderr
    assert json.loads(target.read_text())['source']['model'] == 'gan'


def test_the_command_prints_only_the_summary_of_reference_images_without_output(mnist_dir):
    result = tf1gan_evaluate('--reference=noise', '--num=50', f'--data_dir={mnist_dir}')
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith('reference images: noise: 50 images, seed 0\nMNIST score: 1.')


@pytest.mark.slow
def test_training_the_classifier_twice_with_one_seed_gives_the_same_accuracy_and_weights(mnist_dir, tmp_path):
    recorded = []
    for attempt in ('a', 'b'):
        out = tmp_path / attempt
        result = subprocess.run([sys.executable, 'scripts/train_classifier.py', '--epochs=1', '--seed=1',
                                 f'--data_dir={mnist_dir}', f'--output_dir={out}'], capture_output=True, text=True,
                                cwd=ROOT, timeout=HANG)
        assert result.returncode == 0, result.stderr
        info = json.loads((out / 'mnist_classifier.json').read_text())
        recorded.append((info['test_accuracy'], (out / 'mnist_classifier.weights.h5').read_bytes()))
    assert recorded[0] == recorded[1]
