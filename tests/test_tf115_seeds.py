"""A seed means what it meant in TensorFlow 1.15: seeded TF1 scripts, run by real TF 1.15 (tests/tf115.py)
and by tf1gan.script, start from the same variables, bit for bit, and print the same numbers as far
as the kernels' rounding lets them (tf1gan.tf1_seeds; BUILD.md, "Seeds: TensorFlow 1.15's numbers").

All TF 1.15 runs of the default suite share one TensorFlow 1.15 process (tests/tf115_scripts.py).
The tolerances are measured: with the same weights, batches and noise, TF 2.21's kernels give a
first loss 1-2 float32 units in the last place (about 2e-7) apart from TF 1.15's; training then
amplifies that, about tenfold every 25 iterations of the listings (BUILD.md has the figures).
"""
import numpy as np
import pytest

import seeded_runs
import tf115
from test_compare import SEED
from test_script_listings import listing_9_1, listing_9_2

pytestmark = pytest.mark.tf115

# Two short epochs of the listings (55 iterations each), as tests/test_script_listings.py runs them.
SHORT = dict(total_epoch=2, batch_size=1000)
SCRIPTS = ('snippet', 'lecture_linear_regression', 'core_variables', 'layers_cnn', 'dropout_mlp', 'rnn_cells')
LISTINGS = {'9.1': listing_9_1, '9.2': listing_9_2}
MODELS = {'9.1': 'gan', '9.2': 'cgan'}
needs_listings = pytest.mark.skipif(not SEED.exists(), reason=f'needs the book chapter\'s text ({SEED})')


@pytest.fixture(scope='module')
def prepared(tmp_path_factory, mnist_dir):
    """{name: the prepared script}: tests/seeded/*.py and the seeded listings, each in its folder."""
    tf115.require()
    base = tmp_path_factory.mktemp('tf115_seeds')
    scripts = {name: seeded_runs.prepare(base / name, name + '.py', (seeded_runs.SEEDED / (name + '.py')).read_text(),
                                         None) for name in SCRIPTS}
    for number, listing in LISTINGS.items() if SEED.exists() else ():
        scripts[number] = seeded_runs.prepare(base / number, 'listing.py',
                                              seeded_runs.seeded_listing(listing(), **SHORT), mnist_dir)
    return scripts


@pytest.fixture(scope='module')
def tf115_printed(prepared):
    """{name: what TF 1.15 printed}, all in one TF 1.15 process."""
    printed = seeded_runs.run_tf115(list(prepared.values()))
    return {name: printed[script] for name, script in prepared.items()}


@pytest.fixture(scope='module')
def tf1gan_printed(prepared, tf115_printed):
    """{name: what tf1gan.script printed}, run when first asked for (after TF 1.15's, in the same folder)."""
    class Printed(dict):
        def __missing__(self, name):
            self[name] = seeded_runs.run_tf1gan(prepared[name])
            return self[name]
    return Printed()


def assert_same_initial_values(prepared, name, tf1gan_printed):
    tf1gan_printed[name]  # noqa: B018  (runs it)
    tf115_values = seeded_runs.initial_values(prepared[name].parent.with_name(name + '-tf115'))
    assert tf115_values, 'TF 1.15 made no variables'
    values = seeded_runs.initial_values(prepared[name].parent)
    assert sorted(values) == sorted(tf115_values)
    differ = [key for key in values if values[key].shape != tf115_values[key].shape
              or values[key].dtype != tf115_values[key].dtype or values[key].tobytes() != tf115_values[key].tobytes()]
    assert not differ, f'initial values not TF 1.15\'s bit for bit: {differ}'


@pytest.fixture(scope='module', autouse=True)
def keep_tf115_values(prepared, tf115_printed):
    """TF 1.15's initial_values.npz set aside (tf1gan.script's run writes its own in the same folder)."""
    for script in prepared.values():
        aside = script.parent.with_name(script.parent.name + '-tf115')
        aside.mkdir(exist_ok=True)
        (script.parent / 'initial_values.npz').rename(aside / 'initial_values.npz')


def test_the_issues_snippet_prints_tf115s_weights(tf115_printed, tf1gan_printed):
    assert tf115_printed['snippet'] == '[2.2086694] [-0.82041824]\n'
    assert tf1gan_printed['snippet'] == tf115_printed['snippet']


def test_a_variable_fetched_in_the_run_that_updates_it_reads_its_update_as_in_tf115(tf115_printed, tf1gan_printed):
    # sess.run([train, cost, W, b]): TF 1.15's RefVariables give W and b after that run's update.
    expected, printed = tf115_printed['lecture_linear_regression'], tf1gan_printed['lecture_linear_regression']
    assert printed.splitlines()[0] == expected.splitlines()[0]
    # 2,000 steps later, W, b and the cost agree to the kernels' rounding of values near 1 (1e-7 each step).
    np.testing.assert_allclose(seeded_runs.printed_numbers(printed), seeded_runs.printed_numbers(expected), rtol=0,
                               atol=1e-6)


def test_tf_variable_get_variable_its_initializers_and_tf_random_take_tf115s_seeds(prepared, tf115_printed,
                                                                                     tf1gan_printed):
    assert_same_initial_values(prepared, 'core_variables', tf1gan_printed)
    # The values drawn at run time (tf.random_normal, truncated_normal, random_uniform, random_shuffle) too.
    [expected] = [line for line in tf115_printed['core_variables'].splitlines() if line.startswith('noise ')]
    assert expected in tf1gan_printed['core_variables'].splitlines()


@pytest.mark.parametrize('name', ['layers_cnn', 'dropout_mlp', 'rnn_cells'])
def test_tf_layers_dropout_and_rnn_cells_make_tf115s_variables(prepared, tf115_printed, tf1gan_printed, name):
    """Names, shapes and dtypes; their values where the seeds are TF 1.15's: BUILD.md's table."""
    tf1gan_printed[name]  # noqa: B018  (runs it)
    expected = seeded_runs.initial_values(prepared[name].parent.with_name(name + '-tf115'))
    values = seeded_runs.initial_values(prepared[name].parent)
    assert {k: (v.shape, v.dtype) for k, v in values.items()} == {k: (v.shape, v.dtype) for k, v in expected.items()}


@needs_listings
@pytest.mark.parametrize('number', LISTINGS)
def test_the_seeded_listing_starts_from_tf115s_weights(prepared, tf1gan_printed, number):
    assert_same_initial_values(prepared, number, tf1gan_printed)


@needs_listings
@pytest.mark.parametrize('number', LISTINGS)
def test_the_seeded_listing_prints_tf115s_losses_to_their_last_printed_digit(tf115_printed, tf1gan_printed, number):
    """Two short epochs: the 4 digits the book prints, each at most one unit in the last place apart."""
    expected = seeded_runs.printed_values(tf115_printed[number])
    printed = seeded_runs.printed_values(tf1gan_printed[number])
    assert len(printed) == len(expected)
    for mine, theirs in zip(printed, expected):
        digits = len(theirs.partition('.')[2])
        assert abs(float(mine) - float(theirs)) <= 1.01 * 10 ** -digits if digits else mine == theirs, (mine, theirs)


@needs_listings
@pytest.mark.parametrize('number', LISTINGS)
def test_tf1gan_main_seed_starts_from_tf115s_weights(prepared, tf1gan_printed, number):
    """tf1gan.main --seed=1 builds the listing in a graph seeded by tf1gan.seeding, with resource
    variables (its fast loop needs them): its initial weights are those of TF 1.15's listing seeded."""
    import tensorflow.compat.v1 as tf

    from tf1gan import listing, seeding
    module = listing.load(MODELS[number])
    expected = seeded_runs.initial_values(prepared[number].parent.with_name(number + '-tf115'))
    with tf.Graph().as_default():
        seeding.seed_graph(1)
        module.build(**{key: module.HPARAMS[key] for key in ('n_hidden', 'n_noise', 'learning_rate')})
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            values = {v.op.name: sess.run(v) for v in tf.global_variables()}
    assert sorted(values) == sorted(expected)
    assert [key for key in values if values[key].tobytes() != expected[key].tobytes()] == []


@pytest.mark.slow
@needs_listings
@pytest.mark.parametrize('number', LISTINGS)
def test_the_seeded_listings_first_100_iterations_lose_what_tf115s_did(tmp_path, mnist_dir, number):
    """Every iteration's loss_val_D and loss_val_G (9 digits): 6 significant digits for the first 40
    iterations, 3 for all 100 (measured: 2.6e-7 and 2.2e-4 at most; BUILD.md)."""
    script = seeded_runs.prepare(tmp_path, 'listing.py', seeded_runs.seeded_listing(
        LISTINGS[number](), total_epoch=1, iterations=100), mnist_dir)
    expected = seeded_runs.run_tf115([script])[script]
    printed = seeded_runs.run_tf1gan(script)
    losses = [np.array([[float(v) for v in line.split()] for line in text.splitlines() if line[:1] in '-0123456789'])
              for text in (expected, printed)]
    assert losses[0].shape == losses[1].shape == (100, 2)
    np.testing.assert_allclose(losses[1][:40], losses[0][:40], rtol=1e-6)
    np.testing.assert_allclose(losses[1], losses[0], rtol=1e-3)
