"""Shared test set-up: nbgrader's tools on PATH, and a throwaway progress file for everything."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# nbgrader runs `alembic` by name: make this environment's bin directory come first on PATH.
os.environ["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
# No test may touch the learner's real progress file.
_scratch = tempfile.mkdtemp(prefix="caiokit-tests-")
os.environ["CAIOKIT_PROGRESS"] = str(Path(_scratch) / "progress.sqlite")
os.environ.pop("NBGRADER_EXECUTION", None)

_last_notebook: list[object] = [None]


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    """Give each notebook run by nbval a fresh progress file, as `caiokit.authoring` does when storing it."""
    notebook = item.parent if item.path.suffix == ".ipynb" else None
    if notebook is not None and notebook is not _last_notebook[0]:
        _last_notebook[0] = notebook
        os.environ["CAIOKIT_PROGRESS"] = tempfile.mkdtemp(prefix="caiokit-nbval-") + "/progress.sqlite"


@pytest.fixture
def progress_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh, empty progress file location for one test."""
    path = tmp_path / "progress.sqlite"
    monkeypatch.setenv("CAIOKIT_PROGRESS", str(path))
    return path


@pytest.fixture
def notebook_namespace(progress_file: Path):
    """A dict standing in for a notebook's globals, bound to the exercises."""
    from caiokit import exercises

    namespace: dict[str, object] = {}
    exercises.bind(namespace)
    yield namespace
    exercises._namespace = None
