"""slim.model_analyzer, as TF 1.15 defined it (tensorflow/contrib/slim/python/slim/model_analyzer.py):
analyze_vars prints each variable's name, type and shape, its size and bytes, and the totals, and
returns (total size, total bytes); analyze_ops prints each operation's outputs and returns their
total size. The lines are TF 1.15's, print()'s spacing included; an unknown dimension is '?', as
TF 1.15's Dimension(None) printed, and a RefVariable's type is TF 1.15's `float32_ref`."""


def tensor_description(var):
    """'(float32 5x5x1x64)': the dtype's name and the dimensions, 'x' between them."""
    return '(' + var.dtype.name + ' ' + 'x'.join('?' if size is None else str(size) for size in var.get_shape()) + ')'


def analyze_ops(graph, print_info=False):
    """The number of elements of all outputs of graph's operations (an unknown shape counts 0),
    printed op by op (`name \t-> (type shape), ... [size]`) if print_info."""
    if print_info:
        print('---------')
        print('Operations: name -> (type shapes) [size]')
        print('---------')
    total_size = 0
    for op in graph.get_operations():
        op_size = 0
        shapes = []
        for output in op.outputs:
            output_size = output.get_shape().num_elements() or 0
            if output.get_shape():  # false for an unknown rank only: it is not described
                shapes.append(tensor_description(output))
            op_size += output_size
        if print_info:
            print(op.name, '\t->', ', '.join(shapes), '[' + str(op_size) + ']')
        total_size += op_size
    return total_size


def analyze_vars(variables, print_info=False):
    """(total elements, total bytes) of variables, printed variable by variable if print_info."""
    if print_info:
        print('---------')
        print('Variables: name (type shape) [size]')
        print('---------')
    total_size = 0
    total_bytes = 0
    for var in variables:
        var_size = var.get_shape().num_elements() or 0  # an unknown or empty shape counts 0
        var_bytes = var_size * var.dtype.size
        total_size += var_size
        total_bytes += var_bytes
        if print_info:
            print(var.name, tensor_description(var), '[%d, bytes: %d]' % (var_size, var_bytes))
    if print_info:
        print('Total size of variables: %d' % total_size)
        print('Total bytes of variables: %d' % total_bytes)
    return total_size, total_bytes
