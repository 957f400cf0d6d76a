"""tf.contrib.training.HParams (tf1gan/script/contrib/hparam.py) behaves as TensorFlow 1.15's.

First facts of TF 1.15's hparam.py, each stated and checked on tf1gan's; then tests/hparam_probe.py, a TF1
script of 75 uses (values, casts, parse strings, errors), run by TensorFlow 1.15 and by `python -m
tf1gan.script`: the lines must be the same.
"""
import pathlib

import pytest

import tf115
from tf1gan.script.contrib.base import RemovedInTF2Error
from tf1gan.script.contrib.hparam import HParams, parse_values

PROBE = pathlib.Path(__file__).with_name('hparam_probe.py')


def test_a_parameter_is_typed_by_its_first_value_and_parse_reads_that_type():
    hparams = HParams(learning_rate=0.0002, batch_size=64, layers=[256, 128], use_bn=True)
    hparams.parse('learning_rate=1e-3,batch_size=32,layers=[1 2,3],use_bn=false')
    assert hparams.values() == {'learning_rate': 0.001, 'batch_size': 32, 'layers': [1, 2, 3], 'use_bn': False}


def test_an_int_casts_to_a_float_parameter_but_a_float_never_to_an_int_one():
    hparams = HParams(learning_rate=0.1, batch_size=64)
    assert hparams.set_hparam('learning_rate', 3) is None and hparams.learning_rate == 3.0
    with pytest.raises(ValueError, match="Could not cast hparam 'batch_size' of type '<class 'int'>' from value 3.0"):
        hparams.set_hparam('batch_size', 3.0)


def test_str_keeps_the_order_added_and_repr_sorts():
    hparams = HParams(b=1, a=[2, 3])
    assert (str(hparams), repr(hparams)) == ('b=1,a=[2, 3]', "HParams([('a', [2, 3]), ('b', 1)])")


def test_a_name_given_twice_or_unknown_is_tf_1_15s_value_error():
    with pytest.raises(ValueError, match="Multiple assignments to variable 'a' in a=1,a=2"):
        parse_values('a=1,a=2', {'a': int})
    with pytest.raises(ValueError, match='Unknown hyperparameter type for z'):
        HParams(a=1).parse('z=2')


def test_a_method_name_is_reserved():
    with pytest.raises(ValueError, match='Hyperparameter name is reserved: values'):
        HParams(values=3)


def test_the_protocol_buffer_form_is_one_line():
    with pytest.raises(RemovedInTF2Error, match='HParamDef'):
        HParams(a=1).to_proto()


@pytest.mark.tf115
def test_a_script_using_hparams_prints_what_it_printed_under_tf115(tmp_path):
    theirs, ours = tf115.run_both(PROBE, cwd=tmp_path)
    assert len(theirs.stdout.splitlines()) == 75
    assert ours.stdout.splitlines() == theirs.stdout.splitlines()
