"""tf.contrib.training.HParams and parse_values, as TF 1.15 defined them
(tensorflow/contrib/training/python/training/hparam.py): a set of named hyper-parameters, each typed
by its first value, overridden from a `name=value,...` string (a command-line flag), a dict or JSON.

What TF 1.15 did, kept here (tests/test_hparam.py states each against TF 1.15 itself):
- HParams(**kwargs) adds each in order; a name that is an attribute of the object (`parse`, `values`)
  is 'Hyperparameter name is reserved'; a list value makes a list parameter, typed by its first element,
  and an empty list is refused.
- parse('a=1,b=[2,3],c=x'): a value in TF 1.15's syntax for the parameter's type (int('1'), float, a
  bool as true/True/false/False or an integer, a string as it is, a list in brackets, split at
  commas and spaces); an unknown name, a name given twice, a malformed clause: ValueError, in TF 1.15's
  words. `a[1]=3` parses to {1: 3}, which no parameter takes (TF 1.15's set_hparam refuses a dict).
- set_hparam casts as TF 1.15 did: an int to a float parameter (float(3)), never a float to an int,
  a number to a string, or anything but a bool to a bool; a None-typed parameter takes anything.
- str: 'a=1,b=[2, 3]' in the order added; repr: HParams([sorted (name, value) pairs]); to_json,
  parse_json, values(), get(key, default) with TF 1.15's check of the default's type.
The protocol buffer form (hparam_def=, to_proto, from_proto: TF 1.15's HParamDef, for MetaGraph
collections) is not here: one line.
"""
import json
import numbers
import re

from tf1gan.script.contrib.base import RemovedInTF2Error

# One clause of parse()'s string: name, an optional [index], '=', then one value or a [list], then a
# comma or the end.
_CLAUSE = re.compile(r'(?P<name>[a-zA-Z][\w.]*)(\[\s*(?P<index>\d+)\s*\])?\s*=\s*'
                     r'((?P<val>[^,\[]*)|\[(?P<vals>[^\]]*)\])($|,\s*)')


def _parse_fail(name, var_type, value, values):
    raise ValueError(f"Could not parse hparam '{name}' of type '{var_type.__name__}' with value '{value}' in {values}")


def _reuse_fail(name, values):
    raise ValueError(f"Multiple assignments to variable '{name}' in {values}")


def _bool_parser(name, values):
    def parse_bool(value):
        if value in ('true', 'True'):
            return True
        if value in ('false', 'False'):
            return False
        try:
            return bool(int(value))
        except ValueError:
            _parse_fail(name, bool, value, values)
    return parse_bool


def parse_values(values, type_map, ignore_unknown=False):
    """{name: value, [values] or {index: value}} of the `name=value` clauses in values, each parsed
    with type_map[name]; ValueError for what TF 1.15 refused."""
    results = {}
    position = 0
    while position < len(values):
        match = _CLAUSE.match(values, position)
        if not match:
            raise ValueError(f'Malformed hyperparameter value: {values[position:]}')
        position = match.end()
        clause = match.groupdict()
        name = clause['name']
        if name not in type_map:
            if ignore_unknown:
                continue
            raise ValueError(f'Unknown hyperparameter type for {name}')
        var_type = type_map[name]
        parse = _bool_parser(name, values) if var_type == bool else var_type
        if clause['val'] is not None:
            try:
                value = parse(clause['val'])
            except ValueError:
                _parse_fail(name, var_type, clause['val'], values)
            if not clause['index']:
                if name in results:
                    _reuse_fail(name, values)
                results[name] = value
            else:
                if name in results and not isinstance(results[name], dict):
                    _reuse_fail(name, values)
                indexed = results.setdefault(name, {})
                index = int(clause['index'])
                if index in indexed:
                    _reuse_fail(f'{name}[{index}]', values)
                indexed[index] = value
        elif clause['vals'] is not None:
            if clause['index'] is not None:
                raise ValueError('Assignment of a list to a list index.')
            if name in results:
                _reuse_fail(name, values)
            try:
                results[name] = [parse(element) for element in re.split('[ ,]', clause['vals']) if element]
            except ValueError:
                _parse_fail(name, var_type, clause['vals'], values)
        else:
            _parse_fail(name, var_type, '', values)
    return results


def _cast(name, param_type, value):
    """value as param_type where TF 1.15 allowed it; ValueError where it did not."""
    if type(value) == param_type:  # noqa: E721  (isinstance(True, int) holds; TF 1.15 compared types)
        return value
    if issubclass(param_type, type(None)):
        return value
    failure = ValueError(f"Could not cast hparam '{name}' of type '{param_type}' from value {value!r}")
    if issubclass(param_type, (str, bytes)) and not isinstance(value, (str, bytes)):
        raise failure
    if issubclass(param_type, bool) != isinstance(value, bool):
        raise failure
    if issubclass(param_type, numbers.Integral) and not isinstance(value, numbers.Integral):
        raise failure
    if issubclass(param_type, numbers.Number) and not isinstance(value, numbers.Number):
        raise failure
    return param_type(value)


class HParams:
    """Named hyper-parameters as attributes (hparams.learning_rate), typed by their first values."""

    _HAS_DYNAMIC_ATTRIBUTES = True

    def __init__(self, hparam_def=None, model_structure=None, **kwargs):
        self._hparam_types = {}  # name: (type, or its elements' type; whether a list)
        self._model_structure = model_structure
        if hparam_def:
            raise RemovedInTF2Error('tf.contrib.training.HParams(hparam_def=...): TF 1.15\'s HParamDef protocol '
                                    'buffer is gone with tf.contrib; give the values as keywords')
        for name, value in kwargs.items():
            self.add_hparam(name, value)

    def add_hparam(self, name, value):
        if getattr(self, name, None) is not None:
            raise ValueError(f'Hyperparameter name is reserved: {name}')
        if isinstance(value, (list, tuple)):
            if not value:
                raise ValueError(f'Multi-valued hyperparameters cannot be empty: {name}')
            self._hparam_types[name] = (type(value[0]), True)
        else:
            self._hparam_types[name] = (type(value), False)
        setattr(self, name, value)

    def set_hparam(self, name, value):
        param_type, is_list = self._hparam_types[name]
        if isinstance(value, list):
            if not is_list:
                raise ValueError(f'Must not pass a list for single-valued parameter: {name}')
            setattr(self, name, [_cast(name, param_type, element) for element in value])
        else:
            if is_list:
                raise ValueError(f'Must pass a list for multi-valued parameter: {name}.')
            setattr(self, name, _cast(name, param_type, value))

    def del_hparam(self, name):
        if hasattr(self, name):
            delattr(self, name)
            del self._hparam_types[name]

    def parse(self, values):
        """Overrides the values named in `values` ('a=1,b=[2,3]'); self."""
        type_map = {name: param_type for name, (param_type, _) in self._hparam_types.items()}
        return self.override_from_dict(parse_values(values, type_map))

    def override_from_dict(self, values_dict):
        for name, value in values_dict.items():
            self.set_hparam(name, value)
        return self

    def set_from_map(self, values_map):
        """TF 1.15's deprecated name of override_from_dict."""
        return self.override_from_dict(values_dict=values_map)

    def set_model_structure(self, model_structure):
        self._model_structure = model_structure

    def get_model_structure(self):
        return self._model_structure

    def to_json(self, indent=None, separators=None, sort_keys=False):
        return json.dumps(self.values(), indent=indent, separators=separators, sort_keys=sort_keys)

    def parse_json(self, values_json):
        return self.override_from_dict(json.loads(values_json))

    def values(self):
        return {name: getattr(self, name) for name in self._hparam_types}

    def get(self, key, default=None):
        """The value of key, or default if there is none; a default of another type is TF 1.15's ValueError."""
        if key not in self._hparam_types:
            return default
        if default is not None:
            param_type, is_list = self._hparam_types[key]
            type_name = f'list<{param_type}>' if is_list else str(param_type)
            failure = f"Hparam '{key}' of type '{type_name}' is incompatible with default={default}"
            if is_list != isinstance(default, list):
                raise ValueError(failure)
            try:
                for value in (default if is_list else [default]):
                    _cast(key, param_type, value)
            except ValueError as e:
                raise ValueError(f'{failure}. {e}') from None
        return getattr(self, key)

    def __contains__(self, key):
        return key in self._hparam_types

    def __str__(self):
        return ','.join(f'{name}={value}' for name, value in self.values().items())

    def __repr__(self):
        return f'{type(self).__name__}({sorted(self.values().items())})'

    def to_proto(self, export_scope=None):
        raise RemovedInTF2Error('tf.contrib.training.HParams.to_proto: TF 1.15\'s HParamDef protocol buffer is '
                                'gone with tf.contrib; use to_json')

    @staticmethod
    def from_proto(hparam_def, import_scope=None):
        raise RemovedInTF2Error('tf.contrib.training.HParams.from_proto: TF 1.15\'s HParamDef protocol buffer '
                                'is gone with tf.contrib; use parse_json')
