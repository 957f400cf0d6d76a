"""tf.contrib.framework's arg_scope (also slim's), as TF 1.15 defined it
(tensorflow/contrib/framework/python/ops/arg_scope.py):

- one stack of scopes for the whole process, starting with the empty scope; a scope is a dict
  {function key: {argument: value}}, and an emptied stack gets the empty scope back when next asked;
- a function's key (arg_scope_func_key) is its `_key_op` attribute, else str(function)
  ('<function convolution2d at 0x...>'); add_arg_scope gives the wrapper the key of the function
  it wraps, so a scope holds the original function's key;
- arg_scope([f, g], **kwargs): a copy of the current scope in which each function's arguments are
  its outer ones updated by kwargs, pushed for the `with` block and yielded; arg_scope(scope_dict):
  a (shallow) copy of that dict, pushed and yielded (kwargs then: ValueError);
- a decorated function called in a scope gets the scope's arguments for its key, and the call's
  own keyword arguments over them; positional arguments pass as given, so a scope value for an
  argument also given positionally is Python's TypeError ("got multiple values");
- the errors are TF 1.15's, words and types: list_ops_or_scope neither list, tuple nor dict:
  TypeError; a function not decorated: ValueError with two arguments, the '%s' format and
  (module, name), as TF 1.15 raised it. TF 1.15 raised the latter inside its `try`, whose `finally`
  popped the stack all the same: the enclosing scope is dropped for the rest of its block. Kept;
- add_arg_scope registers the key of the function it wraps: the undecorated original counts as
  decorated too (has_arg_scope), since its key is the same.
- arg_scoped_arguments(f) is TF 1.15's _kwarg_names: co_varnames[-len(defaults):co_argcount],
  which counts back from the end of all the function's local names, not of its arguments; so for a
  function with local variables it is not the arguments that have defaults (TF 1.15's batch_norm: ()).
  contrib's own functions here give what TF 1.15's gave (contrib_arg_scope).
"""
import contextlib
import functools

__all__ = ['arg_scope', 'add_arg_scope', 'current_arg_scope', 'has_arg_scope', 'arg_scoped_arguments',
           'arg_scope_func_key']

_ARGSTACK = [{}]
_DECORATED_OPS = {}  # function key -> arg_scoped_arguments


def _get_arg_stack():
    if not _ARGSTACK:
        _ARGSTACK.append({})
    return _ARGSTACK


def current_arg_scope():
    """The innermost scope: {function key: {argument: value}}."""
    return _get_arg_stack()[-1]


def arg_scope_func_key(op):
    """The key of op in a scope: its `_key_op` (add_arg_scope's wrappers), else str(op)."""
    return getattr(op, '_key_op', str(op))


def _name_op(op):
    return (op.__module__, op.__name__)


def _kwarg_names(func):
    """TF 1.15's formula (see the module's docstring): counts back from the end of co_varnames."""
    kwargs_length = len(func.__defaults__) if func.__defaults__ else 0
    return func.__code__.co_varnames[-kwargs_length:func.__code__.co_argcount]


@contextlib.contextmanager
def arg_scope(list_ops_or_scope, **kwargs):
    """Default keyword arguments for the decorated functions of list_ops_or_scope (a list or tuple),
    or the scope dict given (an arg_scope's `as` value), for the `with` block; yields the scope."""
    if isinstance(list_ops_or_scope, dict):
        if kwargs:
            # TF 1.15's words, with the missing space of its two joined literals ('a' 'dictionary').
            raise ValueError('When attempting to re-use a scope by suppling adictionary, kwargs must be empty.')
        current_scope = list_ops_or_scope.copy()
        try:
            _get_arg_stack().append(current_scope)
            yield current_scope
        finally:
            _get_arg_stack().pop()
    else:
        if not isinstance(list_ops_or_scope, (list, tuple)):
            raise TypeError('list_ops_or_scope must either be a list/tuple or reused scope (i.e. dict)')
        try:
            current_scope = current_arg_scope().copy()
            for op in list_ops_or_scope:
                key = arg_scope_func_key(op)
                if not has_arg_scope(op):
                    raise ValueError('%s is not decorated with @add_arg_scope', _name_op(op))
                if key in current_scope:
                    current_kwargs = current_scope[key].copy()
                    current_kwargs.update(kwargs)
                    current_scope[key] = current_kwargs
                else:
                    current_scope[key] = kwargs.copy()
            _get_arg_stack().append(current_scope)
            yield current_scope
        finally:  # also when an undecorated function was refused (TF 1.15's: see the module's docstring)
            _get_arg_stack().pop()


def _decorate(func, kwarg_names):
    key = arg_scope_func_key(func)

    @functools.wraps(func)
    def func_with_args(*args, **kwargs):
        current_scope = current_arg_scope()
        current_args = kwargs
        if key in current_scope:
            current_args = current_scope[key].copy()
            current_args.update(kwargs)
        return func(*args, **current_args)

    _DECORATED_OPS[key] = kwarg_names
    func_with_args._key_op = key
    return func_with_args


def add_arg_scope(func):
    """func, callable with the arguments an enclosing arg_scope gives for it."""
    return _decorate(func, _kwarg_names(func))


def contrib_arg_scope(kwarg_names):
    """add_arg_scope for contrib's functions here: kwarg_names maps a function's name to the
    arg_scoped_arguments TF 1.15's formula gave for TF 1.15's own function (measured there)."""
    return lambda func: _decorate(func, kwarg_names[func.__name__])


def has_arg_scope(func):
    """Whether func's key is that of a function decorated with add_arg_scope."""
    return arg_scope_func_key(func) in _DECORATED_OPS


def arg_scoped_arguments(func):
    """The argument names recorded for func (see the module's docstring); AssertionError if not decorated."""
    assert has_arg_scope(func)
    return _DECORATED_OPS[arg_scope_func_key(func)]
