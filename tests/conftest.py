"""Shared fixtures: where the canonical MNIST files lie, given or fetched the reader's way.

$TF1GAN_MNIST_DIR, a folder holding the four MNIST .gz files, if set; else the reader's way,
`./mnist/data/` of the checkout, where `python -m tf1gan.main` keeps MNIST too: missing files are
downloaded once from the book's mirror. Every file is md5-checked (tf1gan.compat.input_data). (This
project's own offline machines and CI keep a copy beside the checkout, taken when it is there.)
"""
import os
import pathlib

import pytest

from tf1gan import cli

# The tests' own TensorFlow runs the kernel library tf1gan's commands run (oneDNN, unless TF_ENABLE_ONEDNN_OPTS says
# otherwise: tf1gan.cli.choose_kernels), so that numbers computed in a test and by a command it starts agree on any
# CPU, whichever TensorFlow would pick for it (BUILD.md, "Kernel libraries"). Set before any test imports TensorFlow.
cli.choose_kernels()

REPO = pathlib.Path(__file__).resolve().parents[1]
OFFLINE_MNIST = REPO.parent / "shared" / "mnist"  # this project's machines and CI
READERS_MNIST = REPO / "mnist" / "data"


def _mnist_dir():
    if "TF1GAN_MNIST_DIR" in os.environ:
        return pathlib.Path(os.environ["TF1GAN_MNIST_DIR"])
    return OFFLINE_MNIST if OFFLINE_MNIST.is_dir() else READERS_MNIST


@pytest.fixture(scope="session")
def mnist_dir():
    path = _mnist_dir()
    from tf1gan import errors
    from tf1gan.compat import input_data
    try:
        # Verifies every file (size, md5); fetches what is missing, which only the reader's folder may lack.
        input_data.maybe_download(str(path), input_data.DEFAULT_SOURCE_URL)
    except errors.InputError as e:
        pytest.fail(f"MNIST is needed and not usable: {e} (or set TF1GAN_MNIST_DIR to a folder holding the four "
                    "MNIST .gz files: train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz, "
                    "t10k-labels-idx1-ubyte.gz)")
    return path


# Two test processes (pytest-xdist, --dist=loadfile, --no-loadscope-reorder) take whole files in the order
# collected: the longest first, so that neither process ends the run alone with a long one. The slow suite's
# four whole runs come first (one file each, so that two train side by side); then README's command's files
# by their measured time in one process (BUILD.md, "Measured on this project's 2-core machines"), from
# test_script_listings.py's 171 s down to test_contrib.py's 26 s; the rest, shorter, keep their order.
LONGEST_FIRST = ('test_whole_run_cgan.py', 'test_whole_run_gan.py', 'test_whole_run_dcgan.py',
                 'test_whole_run_cgan_cnn.py', 'test_script_listings.py', 'test_bad_input.py', 'test_dcgan.py',
                 'test_corpus.py', 'test_exit_status.py', 'test_main.py', 'test_tf115_seeds.py', 'test_cgan_cnn.py',
                 'test_script.py',
                 'test_evaluate.py', 'test_kernels.py', 'test_checkpoint.py', 'test_train.py', 'test_fused.py',
                 'test_runs.py',
                 'test_run_outputs.py', 'test_contrib.py')


def pytest_collection_modifyitems(items):
    rank = {name: i for i, name in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))  # stable: the others keep their order
