"""slim.utils' named outputs, as TF 1.15 defined them (tensorflow/contrib/layers/python/layers/utils.py):
a layer given outputs_collections appends its scope's name to its output's `aliases` and adds the
output to those collections; convert_collection_to_dict turns such a collection into the
{alias: tensor} end points the era's models returned."""
from collections import OrderedDict

import tensorflow as tf

v1 = tf.compat.v1


def append_tensor_alias(tensor, alias):
    """tensor, with alias (less a trailing '/') appended to its `aliases` list."""
    if alias[-1] == '/':
        alias = alias[:-1]
    if hasattr(tensor, 'aliases'):
        tensor.aliases.append(alias)
    else:
        tensor.aliases = [alias]
    return tensor


def collect_named_outputs(collections, alias, outputs):
    """outputs, aliased and added to collections (a name or a list of names) unless that is empty."""
    if collections:
        append_tensor_alias(outputs, alias)
        v1.add_to_collections(collections, outputs)
    return outputs


def get_tensor_aliases(tensor):
    """tensor's aliases, else its op's name (its own name if it is not its op's first output)."""
    if hasattr(tensor, 'aliases'):
        return tensor.aliases
    return [tensor.op.name] if tensor.name[-2:] == ':0' else [tensor.name]


def gather_tensors_aliases(tensors):
    """The aliases of all of tensors, in order."""
    return [alias for tensor in tensors for alias in get_tensor_aliases(tensor)]


def convert_collection_to_dict(collection, clear_collection=False):
    """OrderedDict {alias: tensor} of the collection's tensors (emptying it if clear_collection)."""
    output = OrderedDict((alias, tensor) for tensor in v1.get_collection(collection)
                         for alias in get_tensor_aliases(tensor))
    if clear_collection:
        v1.get_default_graph().clear_collection(collection)
    return output
