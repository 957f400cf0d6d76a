"""`import numpy` in a reader's script: NumPy as installed, plus the names NumPy 1.x scripts used that NumPy removed.

The era's TF1 projects (2016-2019) ran on NumPy 1.11-1.17 and wrote `dtype=np.float`, `np.asscalar(x)`,
`np.reshape(a, newshape=...)`. ERA_NAMES below is the plain table of what the script's numpy adds: each name with
its NumPy 1.x value and the first NumPy release without it, found by importing NumPy 1.18.5, 1.22.4, 1.23.5,
1.24.4, 1.25.2, 1.26.4, 2.0.2, 2.1.3, 2.2.6, 2.3.5 and 2.4.6 (BUILD.md, "The era's NumPy and SciPy in reader
code"); its meaning is NumPy 1.18's (numpy/core/fromnumeric.py, numpy/lib/function_base.py,
numpy/lib/histograms.py, numpy/lib/type_check.py and the 1.20.0 release notes' table of builtin aliases),
which tests/test_era_numpy.py checks against NumPy 1.18 itself.

module() makes the script's numpy: a plain module whose __dict__ is a copy of numpy's with ERA_NAMES added, so
that `np.zeros` in a training loop is one dict lookup as on numpy itself. A name the copy lacks is asked of numpy
once and kept: `np.linalg` loads as on numpy, and a name neither has (`np.no_such_thing`) is NumPy's own
AttributeError. numpy itself is never changed: tf1gan and every library see NumPy as installed.
"""
import builtins
import math
import types
import warnings

import numpy

_MISSING = object()


def asscalar(a):
    """np.asscalar (NumPy <= 1.22, deprecated in 1.16; numpy/lib/type_check.py): `a.item()`."""
    return a.item()


def alen(a):
    """np.alen (NumPy <= 1.22, numpy/core/fromnumeric.py): the length of the first dimension, 1 for a scalar."""
    try:
        return len(a)
    except TypeError:
        return len(numpy.array(a, ndmin=1))


def asfarray(a, dtype=numpy.float64):
    """np.asfarray (NumPy <= 1.26, numpy/lib/type_check.py): `a` as an array of an inexact dtype; a dtype that
    is not inexact (an integer one) becomes float64."""
    if not numpy.issubdtype(dtype, numpy.inexact):
        dtype = numpy.float64
    return numpy.asarray(a, dtype=dtype)


def msort(a):
    """np.msort (NumPy <= 1.26, numpy/lib/function_base.py): a copy sorted along the first axis."""
    b = numpy.array(a, subok=True, copy=True)
    b.sort(0)
    return b


def in1d(ar1, ar2, assume_unique=False, invert=False):
    """np.in1d (NumPy <= 2.3, numpy/lib/arraysetops.py): for each element of `ar1`, flattened, whether it is
    in `ar2`; a 1-D boolean array (np.isin keeps ar1's shape)."""
    return numpy.isin(numpy.asarray(ar1).ravel(), ar2, assume_unique=assume_unique, invert=invert)


def reshape(a, newshape=_MISSING, order='C', *, shape=_MISSING, copy=None):
    """np.reshape as NumPy 1.x declared it, `reshape(a, newshape, order='C')` (numpy/core/fromnumeric.py), so
    `np.reshape(a=x, newshape=(2, 3))` works; NumPy 2's `shape=` and `copy=` too. (ndarray.reshape never took
    newshape=: NumPy 1.18 refuses it, TypeError, as NumPy 2 does.)"""
    if (newshape is _MISSING) == (shape is _MISSING):
        raise TypeError("reshape() takes the new shape once: as newshape (NumPy 1.x's name) or as shape")
    extra = {} if copy is None else {'copy': copy}
    return numpy.reshape(a, shape if newshape is _MISSING else newshape, order=order, **extra)


def histogram(a, bins=10, range=None, normed=None, weights=None, density=None):
    """np.histogram as NumPy 1.x declared it, with `normed` fourth (numpy/lib/histograms.py, 1.18): density
    wins over normed; normed=True divides the counts by their sum times the bins' widths (a density for equal
    bins, as it always was)."""
    if density is not None or not normed:
        return numpy.histogram(a, bins, range, density=density, weights=weights)
    n, edges = numpy.histogram(a, bins, range, weights=weights)
    widths = numpy.array(numpy.diff(edges), float)
    return n / (n * widths).sum(), edges


# name: (what it was in NumPy 1.x, the first NumPy release without it). np.bool and np.long came back in 2.0 as
# NumPy's scalar types; the script's are NumPy 1.x's Python builtins (BUILD.md says why).
ERA_NAMES = {
    # builtin aliases, deprecated in 1.20 (its release notes' table: np.long is int, np.unicode is str)
    'bool': (builtins.bool, '1.24'),
    'int': (builtins.int, '1.24'),
    'float': (builtins.float, '1.24'),
    'complex': (builtins.complex, '1.24'),
    'object': (builtins.object, '1.24'),
    'str': (builtins.str, '1.24'),
    'long': (builtins.int, '1.24'),
    'unicode': (builtins.str, '1.24'),
    # modules NumPy happened to expose
    'warnings': (warnings, '1.24'),
    'math': (math, '2.0'),
    # functions
    'asscalar': (asscalar, '1.23'),
    'alen': (alen, '1.23'),
    'histogram': (histogram, '1.24 (normed=)'),
    'product': (numpy.prod, '2.0'),
    'cumproduct': (numpy.cumprod, '2.0'),
    'alltrue': (numpy.all, '2.0'),
    'sometrue': (numpy.any, '2.0'),
    'round_': (numpy.round, '2.0'),
    'asfarray': (asfarray, '2.0'),
    'msort': (msort, '2.0'),
    'mat': (numpy.asmatrix, '2.0'),
    'row_stack': (numpy.vstack, 'deprecated in 2.0'),
    'in1d': (in1d, '2.4'),
    'trapz': (getattr(numpy, 'trapezoid', None) or getattr(numpy, 'trapz'), '2.4'),  # trapezoid: NumPy >= 2.0
    'reshape': (reshape, '2.4 (newshape=)'),
    # scalar types' other names
    'float_': (numpy.float64, '2.0'),
    'complex_': (numpy.complex128, '2.0'),
    'cfloat': (numpy.complex128, '2.0'),
    'singlecomplex': (numpy.complex64, '2.0'),
    'longfloat': (numpy.longdouble, '2.0'),
    'longcomplex': (numpy.clongdouble, '2.0'),
    'clongfloat': (numpy.clongdouble, '2.0'),
    'string_': (numpy.bytes_, '2.0'),
    'unicode_': (numpy.str_, '2.0'),
    'int0': (numpy.intp, '2.0'),
    'uint0': (numpy.uintp, '2.0'),
    'bool8': (numpy.bool_, '2.0'),
    'object0': (numpy.object_, '2.0'),
    'str0': (numpy.str_, '2.0'),
    'bytes0': (numpy.bytes_, '2.0'),
    'void0': (numpy.void, '2.0'),
    # constants
    'NaN': (numpy.nan, '2.0'),
    'NAN': (numpy.nan, '2.0'),
    'Inf': (numpy.inf, '2.0'),
    'Infinity': (numpy.inf, '2.0'),
    'infty': (numpy.inf, '2.0'),
    'PINF': (numpy.inf, '2.0'),
    'NINF': (-numpy.inf, '2.0'),
    'PZERO': (0.0, '2.0'),
    'NZERO': (-0.0, '2.0'),
    # warnings and errors, since 2.0 in numpy.exceptions only (which NumPy 1.25 added)
    **{name: (getattr(numpy.exceptions, name), '2.0')
       for name in ('AxisError', 'ComplexWarning', 'VisibleDeprecationWarning', 'RankWarning', 'TooHardError',
                    'ModuleDeprecationWarning')},
}

# `from numpy import *` in NumPy 1.18 (its numpy.__all__) gave every table name but these, which would have hidden
# Python's builtins (and `warnings`, never listed).
_NOT_STARRED = ('bool', 'int', 'float', 'complex', 'object', 'str', 'long', 'unicode', 'warnings')


def module():
    """The script's numpy: a copy of numpy's namespace with ERA_NAMES, its own from then on (numpy is untouched)."""
    view = types.ModuleType('numpy')
    view.__dict__.update(vars(numpy))
    view.__dict__.update({name: value for name, (value, _) in ERA_NAMES.items()})
    own_all = [name for name in numpy.__all__ if name not in _NOT_STARRED]  # NumPy 2's np.bool and np.long
    view.__dict__['__all__'] = own_all + [name for name in ERA_NAMES if name not in _NOT_STARRED + tuple(own_all)]
    view.__dict__['__dir__'] = lambda: sorted(set(numpy.__dir__()) | set(ERA_NAMES))

    def __getattr__(name):
        """A name the copy lacks: numpy's (a submodule imported since, or numpy's own __getattr__ loading it
        or raising NumPy's AttributeError), kept in the copy for the next time."""
        value = getattr(numpy, name)
        view.__dict__[name] = value
        return value

    view.__dict__['__getattr__'] = __getattr__
    return view
