"""Shared fixtures: where the canonical MNIST files lie, and one parsed copy of them per session."""
import os
import pathlib

import pytest

REPO = pathlib.Path(__file__).resolve().parents[1]


def _mnist_dir():
    # CI and developers keep the md5-verified files in ../shared/mnist beside the checkout.
    return pathlib.Path(os.environ.get("TF1GAN_MNIST_DIR", REPO.parent / "shared" / "mnist"))


@pytest.fixture(scope="session")
def mnist_dir():
    path = _mnist_dir()
    if not (path / "train-images-idx3-ubyte.gz").exists():
        pytest.fail(f"canonical MNIST files not found in {path} (set TF1GAN_MNIST_DIR)")
    return path
