"""The command python -m tf1gan.script: flags, errors as Python reports them, pictures, notebooks."""
import json
import os
import subprocess
import sys
import textwrap

import pytest
from hang import HANG


def headless_env():
    env = dict(os.environ)
    for name in ('DISPLAY', 'WAYLAND_DISPLAY', 'MPLBACKEND'):
        env.pop(name, None)
    return env


def tf1gan_script(*args, cwd, env=None):
    """python -m tf1gan.script with args, in cwd, without a display; env: variables to add."""
    return subprocess.run([sys.executable, '-m', 'tf1gan.script', *map(str, args)], capture_output=True,
                          text=True, cwd=cwd, timeout=HANG, env={**headless_env(), **(env or {})})


def python(*args, cwd):
    return subprocess.run([sys.executable, *map(str, args)], capture_output=True, text=True, cwd=cwd, timeout=HANG)


def traceback_part(stderr):
    """From Python's 'Traceback' (or a SyntaxError's 'File' line) to the end: TensorFlow's own
    start-up log lines before it are not the reader's."""
    lines = stderr.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(('Traceback', '  File')))
    return lines[start:]


def tf1gan_frames(report):
    """The traceback lines of a report that show a frame of tf1gan's own code, found by the package's
    real folder: a clone's folder may itself be named tf1gan, and TensorFlow's frames lie under it."""
    import tf1gan
    package = os.path.realpath(os.path.dirname(tf1gan.__file__)) + os.sep
    return [line for line in report if line.strip().startswith('File "')
            and os.path.realpath(line.strip()[len('File "'):].split('"')[0]).startswith(package)]


def write(folder, name, text):
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding='utf-8')
    return path


def test_a_missing_script_is_one_line_and_exit_1(tmp_path):
    result = tf1gan_script('no_such.py', cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"tf1gan: can't open file '{tmp_path / 'no_such.py'}': [Errno 2] No such file or directory"]


def test_a_syntax_error_is_reported_as_python_reports_it(tmp_path):
    write(tmp_path, 'broken.py', '''\
        import tensorflow as tf
        x = (1,
        print(x
        ''')
    result = tf1gan_script('broken.py', cwd=tmp_path)
    assert result.returncode == 1 and result.stdout == ''
    assert traceback_part(result.stderr) == traceback_part(python('broken.py', cwd=tmp_path).stderr)


BUGGY = '''\
    def scale(values):
        return [v / 0 for v in values]

    print('before')
    scale([1, 2])
    '''


def test_an_exception_in_the_readers_code_shows_their_file_lines_and_frames_only(tmp_path):
    write(tmp_path, 'buggy.py', BUGGY)
    result = tf1gan_script('buggy.py', cwd=tmp_path)
    assert result.returncode == 1 and result.stdout == 'before\n'
    report = traceback_part(result.stderr)
    assert report == traceback_part(python('buggy.py', cwd=tmp_path).stderr)
    assert tf1gan_frames(report) == []
    assert report[-1] == 'ZeroDivisionError: division by zero'


def run_in_this_process(folder, name, source, capsys):
    """(status, stderr) of the runner on source, in this process (no TensorFlow start-up)."""
    from tf1gan.script import runner
    from tf1gan.script.source import Cell
    path = str(write(folder, name, source))
    status = runner.run([Cell(textwrap.dedent(source), path)], path, [path], note=lambda text: None)
    return status, capsys.readouterr().err


def test_an_error_inside_tensorflow_shows_the_readers_line_and_no_tf1gan_frame(tmp_path, capsys):
    status, stderr = run_in_this_process(tmp_path, 'feed.py', '''\
        import tensorflow as tf
        X = tf.placeholder(tf.float32, [None, 2])
        sess = tf.Session()
        sess.run(X * 2, feed_dict={X: [[1, 2, 3]]})
        ''', capsys)
    report = traceback_part(stderr)
    assert status == 1
    assert f'File "{tmp_path / "feed.py"}", line 4, in <module>' in '\n'.join(report) and 'ValueError' in report[-1]
    assert tf1gan_frames(report) == []


def test_a_tf_contrib_name_with_no_equal_is_one_line_naming_the_readers_line(tmp_path, capsys):
    status, stderr = run_in_this_process(tmp_path, 'old.py', '''\
        import tensorflow as tf

        kmeans = tf.contrib.factorization.KMeans(inputs=[[1.0]], num_clusters=1)
        ''', capsys)
    assert status == 1
    assert stderr.splitlines() == [
        f'tf1gan: {tmp_path / "old.py"}, line 3: tf.contrib.factorization was removed in TensorFlow 2 '
        '(tf.contrib is gone) and has no equivalent in tf.compat.v1 or tf1gan; see https://www.tensorflow.org/guide/migrate']


def test_a_bad_set_is_one_line_exit_2_and_nothing_runs(tmp_path):
    write(tmp_path, 'gan.py', '''\
        open('ran.txt', 'w').close()
        total_epoch = 100
        n_input = 28 * 28
        ''')
    result = tf1gan_script('--set', 'n_input=10', 'gan.py', cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f'tf1gan: --set n_input: {tmp_path / "gan.py"} has no top-level assignment n_input = <number, string or boolean>; '
        'the names --set can change are: total_epoch']
    assert not (tmp_path / 'ran.txt').exists()


def test_no_script_is_one_line_and_exit_2(tmp_path):
    result = tf1gan_script(cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        'tf1gan: expected the script or notebook to run: python -m tf1gan.script [flags] SCRIPT.py']


def test_a_bad_flag_is_one_line_and_exit_2(tmp_path):
    result = tf1gan_script('--mode=fast', 'gan.py', cwd=tmp_path)
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 2 and len(lines) == 1 and lines[0].startswith('tf1gan: ') and '--mode' in lines[0]


def test_help_says_how_graph_or_eager_mode_is_chosen_and_what_each_gives(tmp_path):
    result = tf1gan_script('--help', cwd=tmp_path)
    help_text = ' '.join(result.stdout.split())
    for text in ('--mode', 'auto: graph, unless the script (with the modules it imports from its folder', 'graph mode (TF1 scripts): `import tensorflow as tf` is TF1',
                 '`tensorflow` is TensorFlow 2 as installed', '--keras_semantics', '--set', '--seed',
                 '--figure_dir', '--source_url', '--data_dir'):
        assert text in help_text


def test_the_scripts_exit_status_and_arguments_are_its_own(tmp_path):
    write(tmp_path, 'exits.py', '''\
        import sys
        print(sys.argv)
        sys.exit(3)
        ''')
    result = tf1gan_script('exits.py', '--', 'one', cwd=tmp_path)
    assert result.returncode == 3 and result.stdout == "['exits.py', 'one']\n"


@pytest.fixture(scope='module')
def pictures(tmp_path_factory):
    folder = tmp_path_factory.mktemp('pictures')
    write(folder, 'draw.py', '''\
        import matplotlib.pyplot as plt
        %matplotlib inline

        plt.plot([1, 2, 3])
        plt.savefig('ch09/samples/000.png')
        plt.show()
        print('after show')
        ''')
    return folder, tf1gan_script('--figure_dir=shown', 'draw.py', cwd=folder)


def test_savefig_into_a_missing_folder_makes_it_with_one_note(pictures):
    folder, result = pictures
    assert (folder / 'ch09' / 'samples' / '000.png').exists()
    assert result.stderr.count('tf1gan: made the folder ch09/samples for ch09/samples/000.png') == 1


def test_plt_show_without_a_display_saves_the_figure_and_goes_on(pictures):
    folder, result = pictures
    assert result.returncode == 0 and result.stdout == 'after show\n'
    assert (folder / 'shown' / 'figure_001.png').exists()


def test_a_magic_line_is_skipped_with_one_note(pictures):
    folder, result = pictures
    assert result.stderr.count(f"tf1gan: {folder / 'draw.py'}, line 2: skipped the IPython magic '%matplotlib inline'") == 1


def notebook(path, cells):
    path.write_text(json.dumps({
        'nbformat': 4, 'nbformat_minor': 5, 'metadata': {},
        'cells': [{'cell_type': kind, 'metadata': {}, 'source': textwrap.dedent(source).splitlines(keepends=True),
                   **({'outputs': [], 'execution_count': None} if kind == 'code' else {})}
                  for kind, source in cells]}), encoding='utf-8')
    return path


@pytest.fixture(scope='module')
def notebook_run(tmp_path_factory):
    folder = tmp_path_factory.mktemp('notebook')
    notebook(folder / 'ch09.ipynb', [
        ('code', '''\
            import tensorflow as tf
            import matplotlib.pyplot as plt
            %matplotlib inline
            '''),
        ('markdown', '# 9.1 a heading'),
        ('code', '''\
            X = tf.placeholder(tf.float32, [None, 2])
            sess = tf.Session()
            print('doubled', sess.run(X * 2, feed_dict={X: [[1, 2]]}))
            '''),
        ('code', 'plt.plot([1, 2])\nplt.title("a line")\nprint("drawn")\n'),
        ('code', 'total = 41 + 1\ntotal\n'),
        ('code', 'print("last cell")\nundefined_name + 1\n'),
    ])
    return folder, tf1gan_script('--figure_dir=nb_figures', 'ch09.ipynb', cwd=folder)


def test_a_notebook_runs_its_code_cells_in_order_in_one_namespace(notebook_run):
    folder, result = notebook_run
    assert result.stdout.splitlines() == ['doubled [[2. 4.]]', 'drawn', '42', 'last cell']


def test_a_notebook_cells_open_figure_is_saved_as_a_numbered_png(notebook_run):
    folder, result = notebook_run
    assert sorted(os.listdir(folder / 'nb_figures')) == ['figure_001.png']
    assert 'tf1gan: saved the figure it would show as nb_figures/figure_001.png' in result.stderr


def test_a_notebook_error_names_the_notebook_cell_and_line(notebook_run):
    folder, result = notebook_run
    report = traceback_part(result.stderr)
    assert result.returncode == 1
    assert report == ['Traceback (most recent call last):',
                      f'  File "{folder / "ch09.ipynb"}, code cell 5", line 2, in <module>',
                      '    undefined_name + 1',
                      '    ^^^^^^^^^^^^^^',
                      "NameError: name 'undefined_name' is not defined"]


def test_import_tf1gan_stays_light():
    """Every command imports the package; the IPython extension's heavy parts load only on %load_ext."""
    code = 'import sys, tf1gan; print(sorted({"tensorflow", "IPython", "matplotlib"} & set(sys.modules)))'
    assert subprocess.run([sys.executable, '-c', code], capture_output=True, text=True).stdout == '[]\n'
    assert callable(__import__('tf1gan').load_ipython_extension)


@pytest.mark.parametrize('example, args, drawn', [
    ('mnist_mlp.py', ['--set', 'total_epoch=1'], os.path.join('results', 'mnist_mlp.png')),
    ('mnist_mlp.ipynb', ['--set', 'total_epoch=1'], os.path.join('figures', 'mnist_mlp', 'figure_001.png')),
])
def test_the_readmes_examples_run_and_draw_their_picture(example, args, drawn, tmp_path, mnist_dir):
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    result = tf1gan_script(*args, f'--source_url={mnist_dir}', os.path.join(repo, 'examples', example), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert 'Epoch: 0001 Avg. cost =' in result.stdout and '정확도: 0.9' in result.stdout
    assert (tmp_path / drawn).read_bytes().startswith(b'\x89PNG')
