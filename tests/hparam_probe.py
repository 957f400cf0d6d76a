"""A TF 1.x script using tf.contrib.training.HParams, run unchanged by TensorFlow 1.15 and by `python -m
tf1gan.script` (tests/test_hparam.py): each line is one use and what it gave (a value, or the error's
type and words), and the two must print the same lines.
"""
import tensorflow as tf
from tensorflow.contrib.training import HParams


def show(what, call):
    try:
        result = call()
    except Exception as e:  # noqa: B902  the probe records any error
        result = '%s: %s' % (type(e).__name__, e)
    print('%s -> %r' % (what, result))


def fresh():
    return HParams(learning_rate=0.0002, batch_size=64, layers=[256, 128], scope='gan', use_bn=True,
                   ratios=[0.5, 1.5], names=['d', 'g'], nothing=None, dims=(3, 4))


hp = fresh()
show('str', lambda: str(hp))
show('repr', lambda: repr(hp))
show('values', lambda: hp.values())
show('attribute', lambda: (hp.learning_rate, hp.batch_size, hp.layers, hp.dims))
show('contains', lambda: ('batch_size' in hp, 'epochs' in hp))
show('get', lambda: (hp.get('batch_size'), hp.get('epochs'), hp.get('epochs', 7), hp.get('batch_size', 3)))
show('get float default for int', lambda: hp.get('batch_size', 3.5))
show('get list default for scalar', lambda: hp.get('batch_size', [3]))
show('get int default for float', lambda: hp.get('learning_rate', 1))
show('get str default for bool', lambda: hp.get('use_bn', 'yes'))
show('to_json', lambda: hp.to_json(sort_keys=True))
show('to_json indent', lambda: hp.to_json(indent=1, separators=(',', ':')))

for name, value in [('learning_rate', 3), ('learning_rate', True), ('learning_rate', '0.1'), ('batch_size', 3.0),
                    ('batch_size', 32), ('batch_size', False), ('scope', 5), ('scope', b'bytes'), ('use_bn', 1),
                    ('use_bn', False), ('nothing', 'anything'), ('layers', [1, 2, 3]), ('layers', 5),
                    ('batch_size', [1]), ('ratios', [1, 2]), ('names', ['x', 3]), ('epochs', 3)]:
    hp = fresh()
    show('set_hparam %s %r' % (name, value), lambda: (hp.set_hparam(name, value), getattr(hp, name))[1])

for values in ['learning_rate=0.1,batch_size=32', 'learning_rate=1e-3', 'batch_size=1.5', 'batch_size=-3',
               'use_bn=false', 'use_bn=True', 'use_bn=0', 'use_bn=2', 'use_bn=yes', 'scope=my gan',
               'scope=a b , batch_size = 7', 'layers=[1,2,3]', 'layers=[1 2  3]', 'layers=[]', 'ratios=[1,2.5]',
               'names=[a,b,c]', 'layers=5', 'batch_size=[5]', 'layers[1]=5', 'layers[0]=[1,2]', 'epochs=3',
               'batch_size=1,batch_size=2', 'batch_size=', 'batch_size', '=3', 'batch_size=1;scope=x',
               'learning_rate=0.1,', 'nothing=3', 'dims=[5,6]']:
    hp = fresh()
    show('parse %r' % values, lambda: hp.parse(values).values())

hp = fresh()
show('parse_json', lambda: hp.parse_json('{"learning_rate": 0.5, "layers": [1, 2], "scope": "x"}').values())
show('parse_json unknown', lambda: fresh().parse_json('{"epochs": 1}'))
show('parse_json int for float', lambda: fresh().parse_json('{"learning_rate": 1}').learning_rate)
show('override_from_dict', lambda: fresh().override_from_dict({'batch_size': 16, 'names': ['e']}).values())
show('set_from_map', lambda: fresh().set_from_map({'batch_size': 8}).batch_size)
show('parse_values', lambda: tf.contrib.training.parse_values('a=1,b=[2,3],c[2]=4', {'a': int, 'b': int, 'c': float}))
show('parse_values unknown ignored', lambda: tf.contrib.training.parse_values('a=1,z=2', {'a': int}, ignore_unknown=True))
show('parse_values twice indexed', lambda: tf.contrib.training.parse_values('c[2]=4,c[2]=5', {'c': int}))
show('parse_values scalar then indexed', lambda: tf.contrib.training.parse_values('c=4,c[2]=5', {'c': int}))

hp = fresh()
show('add_hparam', lambda: (hp.add_hparam('epochs', 25), hp.epochs, str(hp))[1:])
show('add_hparam existing', lambda: hp.add_hparam('batch_size', 1))
show('add_hparam reserved', lambda: hp.add_hparam('parse', 1))
show('add_hparam empty list', lambda: hp.add_hparam('empty', []))
show('reserved keyword', lambda: HParams(values=3))
show('del_hparam', lambda: (hp.del_hparam('scope'), hp.del_hparam('not_there'), 'scope' in hp, str(hp))[2:])
show('model structure', lambda: (HParams(model_structure='s', a=1).get_model_structure(), hp.get_model_structure()))
show('empty', lambda: (str(HParams()), repr(HParams()), HParams().values()))
