"""`import scipy.misc` in a reader's script: SciPy as installed, plus the scipy.misc names SciPy removed.

The era's GAN projects saved their sample grids with `scipy.misc.imsave` and loaded images with
`scipy.misc.imread` / `imresize`. SciPy deprecated these image helpers in 1.0 and removed them in 1.3, with the
misc aliases of scipy.special's functions; 1.15 removed the rest of scipy.misc (derivative, face, ...), and the
SciPy of today keeps an empty scipy.misc that warns on import (SciPy 2.0 is to drop it). ERA_MISC below is the
plain table of what the script's scipy.misc holds: each name, what it is, and the first SciPy release without it.

The image helpers are SciPy 1.1's (scipy/misc/pilutil.py of v1.1.0), re-written on Pillow as SciPy did, and
checked against SciPy 1.1 itself by tests/test_era_scipy.py: a float image is byte-scaled from its own min and
max to 0..255 (toimage, through bytescale); a uint8 one is kept as it is; imresize gives uint8; imread with
flatten=True gives float32 grey (Pillow's mode 'F'). SciPy 1.1 wrapped each in a DeprecationWarning; these
are quiet. derivative and central_diff_weights are SciPy 1.1's (scipy/misc/common.py); the names SciPy moved are
taken from where they went, on first use.
"""
import importlib
import types
import warnings

import numpy
from PIL import Image, ImageFilter

from tf1gan.script.module_view import ModuleView

# Pillow's resampling filters by SciPy 1.1's names (pilutil.py: imresize, imrotate).
_RESAMPLE = {'nearest': 0, 'lanczos': 1, 'bilinear': 2, 'bicubic': 3, 'cubic': 3}
_ERRSTR = 'Mode is unknown or incompatible with input array shape.'  # SciPy 1.1's words, as each error below


def bytescale(data, cmin=None, cmax=None, high=255, low=0):
    """SciPy 1.1's bytescale: uint8 data as it is; other data scaled from cmin..cmax (its own min and max
    by default) to low..high, clipped, rounded half up."""
    if data.dtype == numpy.uint8:
        return data
    if high > 255:
        raise ValueError('`high` should be less than or equal to 255.')
    if low < 0:
        raise ValueError('`low` should be greater than or equal to 0.')
    if high < low:
        raise ValueError('`high` should be greater than or equal to `low`.')
    if cmin is None:
        cmin = data.min()
    if cmax is None:
        cmax = data.max()
    cscale = cmax - cmin
    if cscale < 0:
        raise ValueError('`cmax` should be larger than `cmin`.')
    elif cscale == 0:
        cscale = 1
    scale = float(high - low) / cscale
    bytedata = (data - cmin) * scale + low
    return (bytedata.clip(low, high) + 0.5).astype(numpy.uint8)


def toimage(arr, high=255, low=0, cmin=None, cmax=None, pal=None, mode=None, channel_axis=None):
    """SciPy 1.1's toimage: a 2-D array as an 'L' image (byte-scaled), 'P' with pal or mode='P', 'F' as
    float32, 'I' scaled into uint32, '1' thresholded at high; a 3-D array with 3 or 4 channels (along
    channel_axis, else the first axis of length 3, else of 4) as 'RGB' / 'RGBA' (or mode), byte-scaled."""
    data = numpy.asarray(arr)
    if numpy.iscomplexobj(data):
        raise ValueError('Cannot convert a complex-valued array.')
    shape = list(data.shape)
    valid = len(shape) == 2 or (len(shape) == 3 and (3 in shape or 4 in shape))
    if not valid:
        raise ValueError("'arr' does not have a suitable array shape for any mode.")
    if len(shape) == 2:
        return _image_2d(data, (shape[1], shape[0]), high, low, cmin, cmax, pal, mode)

    if channel_axis is None:
        if 3 in shape:
            ca = shape.index(3)
        elif 4 in shape:
            ca = shape.index(4)
        else:
            raise ValueError('Could not find channel dimension.')
    else:
        ca = channel_axis
    numch = shape[ca]
    if numch not in (3, 4) or ca not in (0, 1, 2):  # SciPy 1.1 failed on a negative axis (UnboundLocalError)
        raise ValueError('Channel axis dimension is not valid.')
    bytedata = bytescale(data, high=high, low=low, cmin=cmin, cmax=cmax)
    order = {2: (0, 1, 2), 1: (0, 2, 1), 0: (1, 2, 0)}[ca]  # to rows, columns, channels
    pixels = numpy.transpose(bytedata, order)
    size = (pixels.shape[1], pixels.shape[0])
    if mode is None:
        mode = 'RGB' if numch == 3 else 'RGBA'
    if mode not in ('RGB', 'RGBA', 'YCbCr', 'CMYK'):
        raise ValueError(_ERRSTR)
    if (mode in ('RGB', 'YCbCr') and numch != 3) or (mode in ('RGBA', 'CMYK') and numch != 4):
        raise ValueError('Invalid array shape for mode.')
    return Image.frombytes(mode, size, pixels.tobytes())


def _image_2d(data, size, high, low, cmin, cmax, pal, mode):
    """toimage of a 2-D array; size is (width, height)."""
    if mode == 'F':
        return Image.frombytes('F', size, data.astype(numpy.float32).tobytes())
    if mode in (None, 'L', 'P'):
        image = Image.frombytes('L', size, bytescale(data, high=high, low=low, cmin=cmin, cmax=cmax).tobytes())
        if pal is not None:
            image.putpalette(numpy.asarray(pal, dtype=numpy.uint8).tobytes())  # the image becomes 'P'
        elif mode == 'P':  # a grey palette
            grey = numpy.arange(0, 256, 1, dtype=numpy.uint8)[:, numpy.newaxis] * numpy.ones((3,), dtype=numpy.uint8)
            image.putpalette(grey.tobytes())
        return image
    if mode == '1':  # SciPy 1.1 handed Pillow one byte per pixel where '1' packs eight: kept as it was
        return Image.frombytes('1', size, (data > high).tobytes())
    if cmin is None:
        cmin = numpy.amin(numpy.ravel(data))
    if cmax is None:
        cmax = numpy.amax(numpy.ravel(data))
    data = (data * 1.0 - cmin) * (high - low) / (cmax - cmin) + low
    if mode == 'I':
        return Image.frombytes('I', size, data.astype(numpy.uint32).tobytes())
    raise ValueError(_ERRSTR)


def fromimage(im, flatten=False, mode=None):
    """SciPy 1.1's fromimage: the image's pixels as a new array, rows by columns (by channels); converted to
    mode first if given; a palette image ('P') as RGB (RGBA if it has transparency); flatten=True as
    float32 grey (mode 'F'); a 1-bit image as uint8 0/255 (mode 'L')."""
    if not isinstance(im, Image.Image):
        raise TypeError('Input is not a PIL image.')
    if mode is not None:
        if mode != im.mode:
            im = im.convert(mode)
    elif im.mode == 'P':
        im = im.convert('RGBA' if 'transparency' in im.info else 'RGB')
    if flatten:
        im = im.convert('F')
    elif im.mode == '1':
        im = im.convert('L')
    return numpy.array(im)


def imread(name, flatten=False, mode=None):
    """SciPy 1.1's imread: the image file (a name or a file object) as fromimage gives it."""
    with Image.open(name) as im:
        return fromimage(im, flatten=flatten, mode=mode)


def imsave(name, arr, format=None):
    """SciPy 1.1's imsave: toimage(arr, channel_axis=2) saved to name (a file name, or a file object with
    format); the format is the file name's extension unless given."""
    im = toimage(arr, channel_axis=2)
    if format is None:
        im.save(name)
    else:
        im.save(name, format)


def imresize(arr, size, interp='bilinear', mode=None):
    """SciPy 1.1's imresize: toimage(arr, mode=mode) resized by Pillow, as an array (uint8 for the default
    modes). size: an int is a percentage, a float a fraction, a tuple (height, width)."""
    im = toimage(arr, mode=mode)
    if numpy.issubdtype(type(size), numpy.signedinteger):
        size = tuple(int(side) for side in (numpy.array(im.size) * (size / 100.0)).astype(int))
    elif numpy.issubdtype(type(size), numpy.floating):
        size = tuple(int(side) for side in (numpy.array(im.size) * size).astype(int))
    else:
        size = (size[1], size[0])
    return fromimage(im.resize(size, resample=_RESAMPLE[interp]))


def imrotate(arr, angle, interp='bilinear'):
    """SciPy 1.1's imrotate: toimage(arr) turned counter-clockwise by angle degrees, same size, as an array."""
    im = toimage(numpy.asarray(arr))
    return fromimage(im.rotate(angle, resample=_RESAMPLE[interp]))


_FILTERS = {'blur': ImageFilter.BLUR, 'contour': ImageFilter.CONTOUR, 'detail': ImageFilter.DETAIL,
            'edge_enhance': ImageFilter.EDGE_ENHANCE, 'edge_enhance_more': ImageFilter.EDGE_ENHANCE_MORE,
            'emboss': ImageFilter.EMBOSS, 'find_edges': ImageFilter.FIND_EDGES, 'smooth': ImageFilter.SMOOTH,
            'smooth_more': ImageFilter.SMOOTH_MORE, 'sharpen': ImageFilter.SHARPEN}


def imfilter(arr, ftype):
    """SciPy 1.1's imfilter: one of Pillow's filters by name on toimage(arr), as an array."""
    im = toimage(arr)
    if ftype not in _FILTERS:
        raise ValueError('Unknown filter type.')
    return fromimage(im.filter(_FILTERS[ftype]))


def central_diff_weights(Np, ndiv=1):
    """SciPy 1.1's central_diff_weights (scipy/misc/common.py): the weights of an Np-point central
    difference for the ndiv-th derivative, from the inverse of the points' Vandermonde matrix."""
    if Np < ndiv + 1:
        raise ValueError('Number of points must be at least the derivative order + 1.')
    if Np % 2 == 0:
        raise ValueError('The number of points must be odd.')
    from scipy import linalg
    ho = Np >> 1
    x = numpy.arange(-ho, ho + 1.0)[:, numpy.newaxis]
    X = numpy.hstack([x ** k for k in range(Np)])
    return numpy.prod(numpy.arange(1, ndiv + 1), axis=0) * linalg.inv(X)[ndiv]


# SciPy 1.1's precomputed central-difference weights (scipy/misc/common.py): {(n, order): (numerators, divisor)}.
_WEIGHTS = {
    (1, 3): ([-1, 0, 1], 2.0), (1, 5): ([1, -8, 0, 8, -1], 12.0), (1, 7): ([-1, 9, -45, 0, 45, -9, 1], 60.0),
    (1, 9): ([3, -32, 168, -672, 0, 672, -168, 32, -3], 840.0),
    (2, 3): ([1, -2.0, 1], 1.0), (2, 5): ([-1, 16, -30, 16, -1], 12.0),
    (2, 7): ([2, -27, 270, -490, 270, -27, 2], 180.0),
    (2, 9): ([-9, 128, -1008, 8064, -14350, 8064, -1008, 128, -9], 5040.0),
}


def derivative(func, x0, dx=1.0, n=1, args=(), order=3):
    """SciPy 1.1's derivative: the n-th derivative of func at x0 by an order-point central difference of
    spacing dx."""
    if order < n + 1:
        raise ValueError("'order' (the number of points used to compute the derivative), "
                         "must be at least the derivative order 'n' + 1.")
    if order % 2 == 0:
        raise ValueError("'order' (the number of points used to compute the derivative) must be odd.")
    if (n, order) in _WEIGHTS:
        numerators, divisor = _WEIGHTS[(n, order)]
        weights = numpy.array(numerators) / divisor
    else:
        weights = central_diff_weights(order, n)
    val = 0.0
    ho = order >> 1
    for k in range(order):
        val += weights[k] * func(x0 + (k - ho) * dx, *args)
    return val / numpy.prod((dx,) * n, axis=0)


# name: (what the script's scipy.misc gives, the first SciPy release whose scipy.misc lacks it). A 'module:name'
# string is where SciPy moved it, imported on first use.
ERA_MISC = {
    'bytescale': (bytescale, '1.3'),
    'fromimage': (fromimage, '1.3'),
    'toimage': (toimage, '1.3'),
    'imread': (imread, '1.3'),
    'imsave': (imsave, '1.3'),
    'imresize': (imresize, '1.3'),
    'imrotate': (imrotate, '1.3'),
    'imfilter': (imfilter, '1.3'),
    'comb': ('scipy.special:comb', '1.3'),
    'factorial': ('scipy.special:factorial', '1.3'),
    'factorial2': ('scipy.special:factorial2', '1.3'),
    'factorialk': ('scipy.special:factorialk', '1.3'),
    'logsumexp': ('scipy.special:logsumexp', '1.3'),
    'pade': ('scipy.interpolate:pade', '1.3'),
    'info': ('numpy:info', '1.3'),
    'derivative': (derivative, '1.15'),
    'central_diff_weights': (central_diff_weights, '1.15'),
    # scipy.datasets fetches these files on first use (pooch, and the network); SciPy 1.1 shipped them
    'face': ('scipy.datasets:face', '1.15'),
    'ascent': ('scipy.datasets:ascent', '1.15'),
    'electrocardiogram': ('scipy.datasets:electrocardiogram', '1.15'),
}


def _moved(where):
    module, name = where.split(':')
    return lambda: getattr(importlib.import_module(module), name)


def misc():
    """The script's scipy.misc: SciPy's own if it still has one (imported without its warning that it is
    deprecated: the script's scipy.misc stays), with ERA_MISC's names it lacks."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter('ignore', DeprecationWarning)
            installed = importlib.import_module('scipy.misc')
    except ModuleNotFoundError:  # SciPy 2.0 and later
        installed = types.ModuleType('scipy.misc')
    missing = {name: value for name, (value, _) in ERA_MISC.items() if name not in vars(installed)}
    return ModuleView('scipy.misc', installed,
                       {name: value for name, value in missing.items() if not isinstance(value, str)},
                       lazy={name: _moved(value) for name, value in missing.items() if isinstance(value, str)})
