"""Fixtures shared by the tests (the environment itself is set by the plugin tests/course_environment.py)."""

from __future__ import annotations

from pathlib import Path

import pytest


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
