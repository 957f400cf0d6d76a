"""`import scipy.misc` in a reader's script: SciPy as installed, with SciPy 1.1's image helpers (tf1gan.script.era_scipy)."""
import json
import pathlib
import sys
import textwrap
import warnings

import numpy
import pytest
from PIL import Image

import era_cases
import scipy11
from test_script import tf1gan_script, write
from tf1gan.script import era_scipy, tf1_view

scipy = pytest.importorskip('scipy')  # the `test` extra installs it (pyproject.toml)


def run(code, views=None):
    """The names the code defines, run with a script's builtins."""
    namespace = {'__builtins__': (views or tf1_view.Views()).builtins(), '__name__': '__main__'}
    exec(textwrap.dedent(code), namespace)
    return namespace


@pytest.fixture(scope='module')
def misc():
    return run('import scipy.misc\n')['scipy'].misc


def pixels(path):
    with Image.open(path) as image:
        return image.mode, numpy.array(image)


def test_imsave_of_a_float_grid_byte_scales_it_from_its_own_min_and_max(misc, tmp_path):
    # SciPy 1.1: imsave -> toimage -> bytescale: (x - min) * 255 / (max - min), clipped, + 0.5, to uint8.
    grid = numpy.array([[-1.0, -0.5], [0.0, 1.0], [0.25, 0.6]])
    misc.imsave(tmp_path / 'grid.png', grid)
    mode, saved = pixels(tmp_path / 'grid.png')
    assert mode == 'L'
    assert saved.tolist() == [[0, 64], [128, 255], [159, 204]]  # e.g. (0.25 + 1) * 127.5 + 0.5 = 159.875


def test_imsave_keeps_a_uint8_image_as_it_is(misc, tmp_path):
    # bytescale returns uint8 data unchanged: a dark uint8 image stays dark.
    rgb = numpy.zeros((2, 3, 3), numpy.uint8)
    rgb[0, 0] = (10, 20, 30)
    misc.imsave(tmp_path / 'dark.png', rgb)
    mode, saved = pixels(tmp_path / 'dark.png')
    assert mode == 'RGB' and numpy.array_equal(saved, rgb)


def test_imresize_gives_uint8_of_the_size_asked_for(misc):
    # size: a tuple is (height, width), an int a percentage, a float a fraction; the result is uint8.
    image = numpy.linspace(0.0, 1.0, 24).reshape(4, 6)
    assert misc.imresize(image, (8, 3)).shape == (8, 3) and misc.imresize(image, (8, 3)).dtype == numpy.uint8
    assert misc.imresize(image, 50).shape == (2, 3) and misc.imresize(image, 1.5).shape == (6, 9)
    assert misc.imresize(numpy.zeros((4, 6, 3)), (2, 2)).shape == (2, 2, 3)


def test_imread_flatten_gives_float32_grey_by_the_itu_r_601_2_luma(misc, tmp_path):
    # SciPy 1.1's imread docs: flatten=True converts with mode 'F', L = R * 299/1000 + G * 587/1000 + B * 114/1000.
    rgb = numpy.array([[[255, 0, 0], [0, 255, 0]], [[0, 0, 255], [100, 150, 200]]], numpy.uint8)
    Image.fromarray(rgb).save(tmp_path / 'colour.png')
    grey = misc.imread(tmp_path / 'colour.png', flatten=True)
    assert grey.dtype == numpy.float32 and grey.shape == (2, 2)
    assert grey.ravel().tolist() == pytest.approx([76.245, 149.685, 29.07, 100 * 0.299 + 150 * 0.587 + 200 * 0.114],
                                                  abs=1e-3)
    colour = misc.imread(tmp_path / 'colour.png')
    assert colour.dtype == numpy.uint8 and numpy.array_equal(colour, rgb)


def test_imread_of_a_palette_image_gives_its_colours(misc, tmp_path):
    # fromimage: mode 'P' becomes RGB, not the palette's indices.
    image = Image.new('P', (2, 1))
    image.putpalette([0, 0, 0, 10, 20, 30] + [0] * 762)
    image.putpixel((1, 0), 1)
    image.save(tmp_path / 'palette.png')
    assert misc.imread(tmp_path / 'palette.png').tolist() == [[[0, 0, 0], [10, 20, 30]]]


def test_scipy_1_1s_misc_aliases_are_where_scipy_moved_them(misc):
    import scipy.special
    assert misc.logsumexp is scipy.special.logsumexp and misc.comb is scipy.special.comb
    assert misc.factorial is scipy.special.factorial


def test_derivative_is_scipy_1_1s_central_difference(misc):
    # SciPy 1.1's docstring: derivative(x**3 + x**2, 1.0, dx=1e-6) = 4.9999999999217337.
    assert misc.derivative(lambda x: x ** 3 + x ** 2, 1.0, dx=1e-6) == pytest.approx(4.9999999999217337, abs=1e-9)
    assert misc.central_diff_weights(3).tolist() == pytest.approx([-0.5, 0.0, 0.5])


@pytest.mark.scipy11
def test_each_scipy_misc_name_gives_what_scipy_1_1_gave(tmp_path, misc):
    """tests/era_cases.py calls each name (arrays, images, files) in SciPy 1.1 itself and in the script's
    scipy.misc: they agree, but where Pillow or scipy.special changed since (below)."""
    (tmp_path / 'scipy11').mkdir()
    (tmp_path / 'ours').mkdir()
    done = scipy11.run(pathlib.Path(era_cases.__file__), 'scipy', tmp_path / 'scipy11', cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    scipy_1_1 = json.loads(done.stdout)
    ours = json.loads(json.dumps(era_cases.misc_cases(misc, str(tmp_path / 'ours'))))
    # Colour to mode 'L': Pillow 7.0 rounds where the era's Pillow (6.2.2 here) truncated
    # (python-pillow/Pillow#4320), so a grey level may be one higher; 'F' (flatten) is unchanged.
    for case in ('fromimage mode L', 'imread mode L', 'imread flatten mode L'):
        theirs, mine = numpy.array(scipy_1_1.pop(case)['values']), numpy.array(ours.pop(case)['values'])
        assert set(numpy.unique(mine - theirs)) <= {0, 1}
    # scipy.special.factorial(5): a 0-d array in SciPy 1.1, a NumPy float64 since; the same 120.0.
    assert scipy_1_1.pop('factorial(5)')['values'] == ours.pop('factorial(5)')['value'] == 120.0
    assert {case: ours[case] for case in scipy_1_1 if ours[case] != scipy_1_1[case]} == {}
    assert set(ours) == set(scipy_1_1)


def test_the_comparison_with_scipy_1_1_covers_every_name_of_the_table(misc, tmp_path):
    checked = set(era_cases.misc_cases(misc, str(tmp_path)))
    uncovered = {name for name in era_scipy.ERA_MISC if not any(name in case for case in checked)}
    assert uncovered == {'pade', 'info', 'face', 'ascent', 'electrocardiogram', 'factorialk'}  # moved, not rewritten


@pytest.mark.parametrize('code', [
    'import scipy.misc\nfound = scipy.misc\n',
    'import scipy.misc as found\n',
    'from scipy import misc as found\n',
    'import scipy\nfound = scipy.misc\n',
    'import scipy.misc\nimport scipy.ndimage\nfound = scipy.misc\n',
])
def test_every_form_of_importing_scipy_misc_gives_the_scripts(code):
    views = tf1_view.Views()
    found = run(code, views)['found']
    assert found is views.scipy.misc and found.imsave is era_scipy.imsave


def test_from_scipy_misc_import_gives_the_era_functions():
    names = run('from scipy.misc import imsave, imread, imresize, toimage, bytescale, fromimage, logsumexp\n')
    assert names['imsave'] is era_scipy.imsave and names['bytescale'] is era_scipy.bytescale
    import scipy.special
    assert names['logsumexp'] is scipy.special.logsumexp


def test_scipys_other_modules_are_scipys_own():
    import scipy.ndimage
    names = run('import scipy.ndimage\nfrom scipy import ndimage\nfrom scipy.special import expit\n'
                'import scipy.special as special\n')
    assert names['ndimage'] is scipy.ndimage and names['scipy'].ndimage is scipy.ndimage
    assert names['special'] is sys.modules['scipy.special'] and names['expit'] is names['special'].expit


def test_import_scipy_misc_warns_nothing():
    # SciPy 1.17's scipy.misc warns that it will be removed in 2.0; the script's scipy.misc stays.
    with warnings.catch_warnings():
        warnings.simplefilter('error')
        run('import scipy.misc\nfrom scipy.misc import imsave\n')


def test_without_scipy_import_scipy_misc_is_pythons_own_error(monkeypatch):
    # A reader without SciPy: what Python gives without tf1gan (here, SciPy hidden through sys.modules).
    monkeypatch.setitem(sys.modules, 'scipy', None)
    with pytest.raises(ModuleNotFoundError) as plain:
        exec('import scipy.misc\n', {})
    with pytest.raises(ModuleNotFoundError) as ours:
        run('import scipy.misc\n')
    assert str(ours.value) == str(plain.value) and ours.value.name == plain.value.name == 'scipy'


def test_scipy_misc_in_this_process_is_scipys_own_after_a_script_used_the_eras():
    run('import scipy.misc\nscipy.misc.imsave\n')
    with warnings.catch_warnings():
        warnings.simplefilter('ignore', DeprecationWarning)
        import scipy.misc
    assert not hasattr(scipy.misc, 'imsave') and not hasattr(scipy.misc, 'bytescale')


def test_a_gan_script_saving_its_samples_with_scipy_misc_runs_through_the_command(tmp_path):
    write(tmp_path, 'samples.py', '''\
        import numpy as np
        import scipy.misc
        import tensorflow as tf

        z = tf.placeholder(tf.float32, [None, 4])
        G = tf.layers.dense(z, 28 * 28, activation=tf.nn.tanh)
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            samples = sess.run(G, feed_dict={z: np.random.uniform(-1, 1, size=(4, 4))})
        grid = np.vstack([np.hstack(samples[:2].reshape(2, 28, 28)), np.hstack(samples[2:].reshape(2, 28, 28))])
        scipy.misc.imsave('samples/000.png', grid)
        image = scipy.misc.imread('samples/000.png')
        print(image.shape, image.dtype, image.min(), image.max())
        ''')
    (tmp_path / 'samples').mkdir()
    result = tf1gan_script('samples.py', cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == '(56, 56) uint8 0 255\n'  # byte-scaled from the samples' own min and max
