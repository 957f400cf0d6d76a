"""The era's NumPy and scipy.misc names, exercised the same way in two places (tests/test_era_numpy.py,
tests/test_era_scipy.py): in the reader's view of tf1gan.script (the modules handed to numpy_cases and
misc_cases), and in NumPy 1.18 / SciPy 1.1 themselves (`python era_cases.py numpy|scipy FOLDER` run by the
oracle's Python 3.7, which prints the same cases as JSON). Python 3.7 code, for that reason.

Each case records what a name is or gives, as plain JSON: a type by what it stands for (a Python builtin, a
dtype, an exception and its bases), a float by its repr, an array by dtype, shape and values, a PIL image by
mode, size and pixels, an exception by its type.
"""
import json
import os
import sys
import types


def plain(value):
    """value as JSON-able data that is equal in NumPy 1.18 and 2.x exactly when the value is the same."""
    import numpy
    if isinstance(value, BaseException):
        return {'raises': type(value).__name__}
    if isinstance(value, types.ModuleType):
        return {'module': value.__name__}
    if isinstance(value, type):
        if value.__module__ == 'builtins' and not issubclass(value, BaseException):
            return {'builtin': value.__name__}
        if issubclass(value, BaseException):
            return {'exception': value.__name__, 'bases': [base.__name__ for base in value.__mro__[1:]
                                                          if base.__module__ == 'builtins']}
        if issubclass(value, numpy.matrix):
            return {'class': 'matrix'}
        return {'scalar type': numpy.dtype(value).str}
    if hasattr(value, 'getpixel'):  # a PIL image
        return {'image': value.mode, 'size': list(value.size), 'pixels': plain(numpy.array(value))}
    if isinstance(value, numpy.matrix):
        return {'matrix': plain(numpy.asarray(value))}
    if isinstance(value, numpy.ndarray):
        return {'dtype': value.dtype.str, 'shape': list(value.shape), 'values': value.tolist()}
    if isinstance(value, numpy.generic):
        return {'numpy scalar': numpy.dtype(type(value)).str, 'value': value.item()}
    if isinstance(value, (tuple, list)):
        return [plain(item) for item in value]
    if isinstance(value, float):
        return {'float': repr(value)}
    return {type(value).__name__: value}


def attempt(call):
    try:
        return plain(call())
    except Exception as error:  # noqa: BLE001  (an error is part of what a case records)
        return plain(error)


def numpy_cases(np):
    """{case: what it gives} for the era names of ERA_NAMES (tf1gan/script/era_numpy.py) in the numpy `np`."""
    names = ['bool', 'int', 'float', 'complex', 'object', 'str', 'long', 'unicode', 'warnings', 'math',
             'float_', 'complex_', 'cfloat', 'singlecomplex', 'longfloat', 'longcomplex', 'clongfloat', 'string_',
             'unicode_', 'int0', 'uint0', 'bool8', 'object0', 'str0', 'bytes0', 'void0',
             'NaN', 'NAN', 'Inf', 'Infinity', 'infty', 'PINF', 'NINF', 'PZERO', 'NZERO', 'AxisError',
             'ComplexWarning', 'VisibleDeprecationWarning', 'RankWarning', 'TooHardError', 'ModuleDeprecationWarning']
    cases = {name: attempt(lambda: getattr(np, name)) for name in names}
    a = np.arange(6)
    calls = {
        'asscalar(array([24]))': lambda: np.asscalar(np.array([24])),
        'asscalar(array([[2.5]]))': lambda: np.asscalar(np.array([[2.5]], dtype=np.float32)),
        'asscalar(3)': lambda: np.asscalar(3),
        'alen(3x2)': lambda: np.alen(np.zeros((3, 2))),
        'alen(5)': lambda: np.alen(5),
        'histogram normed= equal bins': lambda: np.histogram([1, 2, 2, 3, 3, 3], bins=3, normed=True),
        'histogram normed= unequal bins': lambda: np.histogram([1, 2, 2, 3, 7], bins=[0, 1, 2, 4, 8], normed=True),
        'histogram normed fourth': lambda: np.histogram([1, 2, 2, 3], 4, None, True),
        'histogram density wins': lambda: np.histogram([1, 2, 2, 3, 7], bins=[0, 1, 2, 4, 8], normed=True,
                                                       density=True),
        'histogram': lambda: np.histogram([1, 2, 2, 3], 2),
        'product': lambda: np.product([[1, 2], [3, 4]], axis=0),
        'cumproduct': lambda: np.cumproduct([1, 2, 3, 4]),
        'alltrue': lambda: np.alltrue([[True, False], [True, True]], axis=0),
        'sometrue': lambda: np.sometrue([0, 0, 1]),
        'round_': lambda: np.round_([1.25, 2.5, -0.5], 1),
        'round_ halves': lambda: np.round_([0.5, 1.5, 2.5]),
        'asfarray int': lambda: np.asfarray([2, 3]),
        'asfarray dtype int8': lambda: np.asfarray([2, 3], dtype='int8'),
        'asfarray float32': lambda: np.asfarray(np.array([2, 3], dtype=np.float32)),
        'msort': lambda: np.msort([[3, 1], [1, 2], [2, 0]]),
        'mat': lambda: np.mat([[1, 2], [3, 4]]),
        'mat type': lambda: type(np.mat('1 2; 3 4')),
        'row_stack': lambda: np.row_stack(([1, 2], [3, 4])),
        'in1d': lambda: np.in1d([[0, 1], [2, 5]], [0, 2]),
        'in1d invert': lambda: np.in1d([0, 1, 2, 5, 0], [0, 2], invert=True),
        'trapz': lambda: np.trapz([1, 2, 3], dx=2),
        'trapz x': lambda: np.trapz([1, 2, 3], x=[0, 1, 3]),
        'reshape newshape=': lambda: np.reshape(a, newshape=(2, 3)),
        'reshape a= newshape=': lambda: np.reshape(a=a, newshape=(3, 2), order='F'),
        'reshape positional': lambda: np.reshape(a, (3, -1)),
        'ndarray.reshape newshape=': lambda: a.reshape(newshape=(2, 3)),
        'float(3)': lambda: np.float(3),
        'int(2.7)': lambda: np.int(2.7),
        'long(2 ** 70)': lambda: np.long(2 ** 70),
        'bool(0)': lambda: np.bool(0),
        'isinstance(True, bool)': lambda: isinstance(True, np.bool),
        'zeros dtype=int': lambda: np.zeros(2, dtype=np.int),
        'zeros dtype=long': lambda: np.zeros(2, dtype=np.long),
        'zeros dtype=bool': lambda: np.zeros(2, dtype=np.bool),
        'zeros dtype=object': lambda: np.zeros(2, dtype=np.object).dtype.str,
        'array dtype=str': lambda: np.array([1, 22], dtype=np.str),
        'array dtype=unicode': lambda: np.array(['ab'], dtype=np.unicode),
        'math.factorial(5)': lambda: np.math.factorial(5),
    }
    cases.update({name: attempt(call) for name, call in calls.items()})
    return cases


def misc_cases(misc, folder):
    """{case: what it gives} for SciPy 1.1's scipy.misc names in the scipy.misc `misc`; files go to folder."""
    import numpy as np
    from PIL import Image
    grid = np.linspace(-1.0, 2.0, 35).reshape(5, 7)
    rgb = (np.arange(4 * 6 * 3).reshape(4, 6, 3) * 7 % 256).astype(np.uint8)
    ints = np.arange(12, dtype=np.int64).reshape(3, 4) * 300 - 1000
    path = os.path.join(folder, 'palette.png')
    palette_image = Image.frombytes('L', (4, 3), bytes(range(0, 240, 20)))
    palette_image.putpalette(bytes(range(256)) * 3)
    palette_image.info['transparency'] = 0
    palette_image.save(path, transparency=0)
    colour_path = os.path.join(folder, 'colour.png')
    Image.frombytes('RGB', (6, 4), rgb.tobytes()).save(colour_path)

    def saved(name, arr, **kwargs):
        target = os.path.join(folder, name)
        misc.imsave(target, arr, **kwargs)
        with Image.open(target) as im:
            return im.copy()

    calls = {
        'bytescale float': lambda: misc.bytescale(grid),
        'bytescale high low': lambda: misc.bytescale(grid, high=200, low=100),
        'bytescale cmin cmax': lambda: misc.bytescale(grid, cmin=0, cmax=1),
        'bytescale float32': lambda: misc.bytescale(grid.astype(np.float32)),
        'bytescale ints': lambda: misc.bytescale(ints),
        'bytescale uint8 kept': lambda: misc.bytescale(rgb, high=10),
        'bytescale constant': lambda: misc.bytescale(np.full((2, 2), 7.0)),
        'bytescale high 256': lambda: misc.bytescale(grid, high=256),
        'toimage float': lambda: misc.toimage(grid),
        'toimage cmin cmax': lambda: misc.toimage(grid, cmin=-2, cmax=2),
        'toimage F': lambda: misc.toimage(grid, mode='F'),
        'toimage I': lambda: misc.toimage(ints, mode='I'),
        'toimage P': lambda: misc.toimage(grid, mode='P'),
        'toimage pal': lambda: misc.toimage(grid, pal=np.tile(np.arange(256)[:, None] // 2, (1, 3))),
        'toimage 1': lambda: misc.toimage(grid, mode='1', high=0.5),
        'toimage rgb': lambda: misc.toimage(rgb),
        'toimage rgb floats': lambda: misc.toimage(rgb.astype(float) / 255),
        'toimage channels first': lambda: misc.toimage(np.transpose(rgb, (2, 0, 1))),
        'toimage channel axis 1': lambda: misc.toimage(np.transpose(rgb, (0, 2, 1)), channel_axis=1),
        'toimage rgba': lambda: misc.toimage(np.concatenate([rgb, rgb[..., :1]], axis=2)),
        'toimage ycbcr': lambda: misc.toimage(rgb, mode='YCbCr'),
        'toimage bad shape': lambda: misc.toimage(np.zeros((2, 2, 2))),
        'toimage complex': lambda: misc.toimage(np.zeros((2, 2), complex)),
        'toimage bad mode': lambda: misc.toimage(rgb, mode='L'),
        'fromimage palette': lambda: misc.fromimage(Image.open(path)),
        'fromimage flatten': lambda: misc.fromimage(Image.open(colour_path), flatten=True),
        'fromimage mode L': lambda: misc.fromimage(Image.open(colour_path), mode='L'),
        'fromimage 1-bit': lambda: misc.fromimage(Image.new('1', (3, 2), 1)),
        'fromimage not an image': lambda: misc.fromimage(rgb),
        'imsave float grid': lambda: saved('grid.png', grid),
        'imsave rgb': lambda: saved('rgb.png', rgb),
        'imsave rgb floats': lambda: saved('rgbf.png', rgb / 255.0),
        'imsave format': lambda: saved('grid.bin', grid, format='png'),
        'imread palette': lambda: misc.imread(path),
        'imread flatten': lambda: misc.imread(colour_path, flatten=True),
        'imread mode L': lambda: misc.imread(colour_path, mode='L'),
        'imread mode RGBA': lambda: misc.imread(colour_path, mode='RGBA'),
        'imread flatten mode L': lambda: misc.imread(colour_path, flatten=True, mode='L'),
        'imread grid': lambda: misc.imread(os.path.join(folder, 'grid.png')),
        'imresize tuple': lambda: misc.imresize(grid, (10, 3)),
        'imresize percent': lambda: misc.imresize(grid, 200),
        'imresize fraction': lambda: misc.imresize(rgb, 0.5),
        'imresize nearest': lambda: misc.imresize(rgb, (8, 12), interp='nearest'),
        'imresize bicubic': lambda: misc.imresize(rgb, (7, 5), interp='bicubic'),
        'imresize lanczos': lambda: misc.imresize(grid, (3, 9), interp='lanczos'),
        'imresize mode F': lambda: misc.imresize(grid, (4, 4), mode='F'),
        'imrotate': lambda: misc.imrotate(grid, 90),
        'imrotate rgb 30': lambda: misc.imrotate(rgb, 30, interp='nearest'),
        'imfilter blur': lambda: misc.imfilter(rgb, 'blur'),
        'imfilter find_edges': lambda: misc.imfilter(grid, 'find_edges'),
        'imfilter unknown': lambda: misc.imfilter(grid, 'no_such_filter'),
        'derivative': lambda: round(misc.derivative(lambda x: x ** 3 + x ** 2, 1.0, dx=1e-6), 6),
        'derivative n=2 order=5': lambda: round(misc.derivative(lambda x: x ** 4, 2.0, dx=1e-2, n=2, order=5), 6),
        'derivative n=3 order=7': lambda: round(misc.derivative(lambda x: x ** 4, 1.0, dx=1e-2, n=3, order=7), 6),
        'derivative even order': lambda: misc.derivative(lambda x: x, 1.0, order=4),
        'central_diff_weights(5)': lambda: np.round(misc.central_diff_weights(5), 10),
        'central_diff_weights(7, 3)': lambda: np.round(misc.central_diff_weights(7, 3), 10),
        'comb(5, 2)': lambda: misc.comb(5, 2),
        'comb exact': lambda: misc.comb(40, 20, exact=True),
        'factorial(5)': lambda: misc.factorial(5),
        'factorial2(7)': lambda: misc.factorial2(7, exact=True),
        'logsumexp': lambda: round(misc.logsumexp([1.0, 2.0, 3.0]), 12),
    }
    return {name: attempt(call) for name, call in calls.items()}


if __name__ == '__main__':
    import warnings
    warnings.simplefilter('ignore')
    if sys.argv[1] == 'numpy':
        import numpy
        print(json.dumps(numpy_cases(numpy)))
    else:
        from scipy import misc
        print(json.dumps(misc_cases(misc, sys.argv[2])))
