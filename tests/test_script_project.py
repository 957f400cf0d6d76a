"""A reader's project under python -m tf1gan.script: every module the script imports from the reader's own
folders sees what the script sees; libraries and tf1gan do not (tf1gan/script/project.py)."""
import json
import sys
import textwrap

from test_script import tf1gan_frames, tf1gan_script, traceback_part


def project(folder, files):
    """Writes {relative path: source} under folder; returns folder."""
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding='utf-8')
    return folder


def report(result):
    """The JSON the project's main.py printed last."""
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


OPS = '''\
    import tensorflow as tf

    def linear(x, size, name):
        with tf.variable_scope(name):
            w = tf.get_variable('w', [x.get_shape()[-1], size])
            return tf.matmul(x, w)
    '''

FOUR_FILES = {
    'ops.py': OPS,
    'model.py': '''\
        import tensorflow as tf
        from ops import *
        import utils

        FLAGS = tf.app.flags.FLAGS

        class GAN:
            def __init__(self):
                self.Z = tf.placeholder(tf.float32, [None, FLAGS.z_dim])
                with tf.variable_scope('generator'):
                    self.G = linear(self.Z, 4, 'h0')
                self.names = utils.names()
        ''',
    'utils.py': '''\
        import tensorflow as tf

        def names():
            return [v.name for v in tf.global_variables()]
        ''',
    'main.py': '''\
        import json
        import sys
        import tensorflow as tf
        import model
        import ops
        import utils

        flags = tf.app.flags
        flags.DEFINE_integer('z_dim', 3, 'noise size')

        def main(_):
            gan = model.GAN()
            print(json.dumps({
                'names': gan.names,
                'placeholder_in_ops': hasattr(ops.tf, 'placeholder'),
                'one_utils': sys.modules['utils'] is utils and model.utils is utils,
                'z_dim': gan.Z.get_shape().as_list(),
                'tensorflow_in_sys_modules_is_2': not hasattr(sys.modules['tensorflow'], 'placeholder'),
            }))

        if __name__ == '__main__':
            tf.app.run()
        ''',
}


def test_the_modules_of_a_four_file_project_see_tf1_as_its_main_file_does(tmp_path):
    folder = project(tmp_path / 'gan', FOUR_FILES)
    seen = report(tf1gan_script('main.py', '--', '--z_dim=5', cwd=folder))
    assert seen['names'] == ['generator/h0/w:0']  # ops.py's tf.variable_scope and tf.get_variable: TF1's
    assert seen['placeholder_in_ops'] is True
    assert seen['z_dim'] == [None, 5]  # model.py reads main.py's flag through tf.app.flags.FLAGS


def test_a_module_imported_by_two_modules_is_one_module_object(tmp_path):
    folder = project(tmp_path / 'gan', FOUR_FILES)
    assert report(tf1gan_script('main.py', cwd=folder))['one_utils'] is True


def test_outside_the_readers_modules_tensorflow_stays_tensorflow_2(tmp_path):
    folder = project(tmp_path / 'gan', FOUR_FILES)
    assert report(tf1gan_script('main.py', cwd=folder))['tensorflow_in_sys_modules_is_2'] is True


def test_a_package_of_the_project_with_relative_imports_sees_tf1(tmp_path):
    folder = project(tmp_path / 'gan', {
        'ops.py': OPS,
        'nets/__init__.py': '',
        'nets/names.py': "SCOPE = 'generator'\n",
        'nets/dcgan.py': '''\
            import tensorflow as tf
            from .names import SCOPE
            from . import names
            import ops

            def generator(z):
                with tf.variable_scope(SCOPE):
                    return ops.linear(z, 4, 'h0'), names.SCOPE
            ''',
        'main.py': '''\
            import json
            import tensorflow as tf
            from nets.dcgan import generator
            G, scope = generator(tf.placeholder(tf.float32, [None, 3]))
            print(json.dumps([v.name for v in tf.global_variables()] + [scope]))
            ''',
    })
    assert report(tf1gan_script('main.py', cwd=folder)) == ['generator/h0/w:0', 'generator']


KERAS_MAIN = '''\
    import json
    import tensorflow as tf
    from tensorflow.keras import layers
    import model
    print(json.dumps(model.mode()))
    '''


def test_mode_auto_reads_the_whole_project_a_keras_main_importing_a_graph_module_runs_in_a_graph(tmp_path):
    folder = project(tmp_path / 'gan', {'main.py': KERAS_MAIN, 'nets/__init__.py': 'from .d import *\n', 'model.py': '''\
        import tensorflow as tf
        from nets import d

        def mode():
            return 'eager' if tf.executing_eagerly() else d.build()
        ''', 'nets/d.py': '''\
        import tensorflow as tf

        def build():
            tf.placeholder(tf.float32, [None, 2])
            return 'graph'
        '''})
    assert report(tf1gan_script('main.py', cwd=folder)) == 'graph'


def test_mode_auto_runs_a_keras_only_project_eagerly(tmp_path):
    folder = project(tmp_path / 'gan', {'main.py': KERAS_MAIN, 'model.py': '''\
        import tensorflow as tf

        def mode():
            return 'eager' if tf.executing_eagerly() else 'graph'
        '''})
    assert report(tf1gan_script('main.py', cwd=folder)) == 'eager'


def test_mode_auto_reads_a_module_found_through_a_folder_the_script_adds_to_sys_path(tmp_path):
    project(tmp_path, {'app/main.py': '''\
        import sys, os
        sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'lib'))
        import json
        from tensorflow.keras import layers
        import model
        print(json.dumps(model.mode()))
        ''', 'lib/model.py': '''\
        import tensorflow as tf

        def mode():
            if tf.executing_eagerly():
                return 'eager'
            tf.placeholder(tf.float32, [None, 2])
            return 'graph'
        '''})
    assert report(tf1gan_script('app/main.py', cwd=tmp_path)) == 'graph'


def test_a_folder_the_script_adds_to_sys_path_holds_the_readers_code(tmp_path):
    project(tmp_path, {'lib/ops.py': OPS, 'app/main.py': '''\
        import json, os, sys
        sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'lib'))
        import ops
        print(json.dumps(hasattr(ops.tf, 'placeholder')))
        '''})
    assert report(tf1gan_script('app/main.py', cwd=tmp_path)) is True


LIBRARY_USER = '''\
    import json
    import helper
    print(json.dumps(hasattr(helper.tf, 'placeholder')))
    '''


def test_a_module_from_elsewhere_on_pythons_path_is_a_librarys_and_keeps_tensorflow_2(tmp_path):
    project(tmp_path, {'library/helper.py': 'import tensorflow as tf\n', 'app/main.py': LIBRARY_USER})
    result = tf1gan_script('app/main.py', cwd=tmp_path, env={'PYTHONPATH': str(tmp_path / 'library')})
    assert report(result) is False


def test_reader_code_names_the_folders_of_the_readers_code(tmp_path):
    project(tmp_path, {'library/helper.py': 'import tensorflow as tf\n', 'app/main.py': LIBRARY_USER})
    result = tf1gan_script(f'--reader_code={tmp_path / "library"}', 'app/main.py', cwd=tmp_path,
                           env={'PYTHONPATH': str(tmp_path / 'library')})
    assert report(result) is True


def test_reader_code_that_is_no_folder_is_one_line_and_exit_2(tmp_path):
    project(tmp_path, {'main.py': 'print(1)\n'})
    result = tf1gan_script('--reader_code=no_such_folder', 'main.py', cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "tf1gan: --reader_code=['no_such_folder']: expected folders that exist"]


def test_a_syntax_error_in_a_module_of_the_project_is_reported_as_python_reports_it(tmp_path):
    folder = project(tmp_path, {'ops.py': 'def linear(:\n    pass\n', 'main.py': 'import tensorflow as tf\nimport ops\n'})
    result = tf1gan_script('main.py', cwd=folder)
    python = __import__('subprocess').run([sys.executable, 'main.py'], capture_output=True, text=True, cwd=folder)
    assert result.returncode == python.returncode == 1
    assert traceback_part(result.stderr) == traceback_part(python.stderr)


def test_an_error_in_a_module_of_the_project_shows_the_readers_frames_only(tmp_path):
    folder = project(tmp_path, {'ops.py': 'import tensorflow as tf\n\ndef boom():\n    return 1 / 0\n',
                                'main.py': 'import ops\nops.boom()\n'})
    result = tf1gan_script('main.py', cwd=folder)
    frames = [line.strip() for line in traceback_part(result.stderr) if line.strip().startswith('File ')]
    assert result.returncode == 1
    assert frames == [f'File "{folder / "main.py"}", line 2, in <module>', f'File "{folder / "ops.py"}", line 4, in boom']
    assert result.stderr.strip().endswith('ZeroDivisionError: division by zero')


def test_a_refused_tf_contrib_name_in_a_module_of_the_project_is_one_line_naming_its_file_and_line(tmp_path):
    folder = project(tmp_path, {'utils.py': 'import numpy as np\nimport tensorflow.contrib.nope as nope\n',
                                'main.py': 'import tensorflow as tf\nfrom utils import *\n'})
    result = tf1gan_script('main.py', cwd=folder)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f'tf1gan: {folder / "utils.py"}, line 2: tf.contrib.nope was removed in TensorFlow 2 (tf.contrib is gone) '
        'and has no equivalent in tf.compat.v1 or tf1gan; see https://www.tensorflow.org/guide/migrate']


def test_a_name_tensorflow_lacks_in_a_module_of_the_project_is_one_line_naming_its_file_and_line(tmp_path):
    folder = project(tmp_path, {'ops.py': 'import tensorflow as tf\n\ndef bad():\n    return tf.nn.no_such_op(1)\n',
                                'main.py': 'import ops\nops.bad()\n'})
    result = tf1gan_script('main.py', cwd=folder)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(
        f'tf1gan: {folder / "ops.py"}, line 4: tf.nn.no_such_op does not exist in TensorFlow 2.21'), lines
    assert not tf1gan_frames(lines)
