"""A pytest plugin, loaded for every run (pyproject.toml: ``-p course_environment``), whatever paths are given.

It must not live in tests/conftest.py: that file is only read for tests under tests/, and a run such as
``python -m pytest notebooks/01_who_is_the_caio.ipynb`` would then write to the learner's real progress file.

It also sorts every test into its tier, the folder it is in under tests/ (a notebook's cells are in the
``lessons`` tier), as a marker: ``python -m pytest -m unit`` runs one tier, ``-m "not hub"`` leaves one out.
With pytest-xdist (pyproject.toml: ``-n auto --dist loadscope``) each test module, and each notebook, runs on
one worker: a notebook's cells in order in one kernel, a module's tests with the fixtures it makes once.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import pytest

from harness.ports import give_kernels_worker_ports

# nbgrader runs `alembic` by name: make this environment's bin directory come first on PATH.
os.environ["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
# No test may touch the learner's real progress file.
os.environ["CAIOKIT_PROGRESS"] = str(Path(tempfile.mkdtemp(prefix="caiokit-tests-")) / "progress.sqlite")
# Set by nbgrader while it validates or grades; nbgrader.utils.setenv does not restore them when a validation
# raises, and a kernel started later would then inherit them (every lesson check would raise CheckNotPassed).
NBGRADER_VARIABLES = ("NBGRADER_EXECUTION", "NBGRADER_VALIDATING")
for _variable in NBGRADER_VARIABLES:
    os.environ.pop(_variable, None)
give_kernels_worker_ports()

# The tiers, in the order collected. xdist's loadscope hands out the modules with the most tests first (its
# --loadscope-reorder, on by default), so this order only breaks ties between modules of equal size. Handing out
# the slow tiers first instead was measured (Dec 2026): 11 min 19 s against 10 min 47 s with xdist's order,
# as the hub, browser and grading modules then compete for the two cores at once. Within a tier, and a
# notebook, order is kept.
TIERS = ("hub", "browser", "assignments", "lessons", "unit")
_TESTS = Path(__file__).resolve().parent

_last_notebook: list[object] = [None]


def _tier(item: pytest.Item) -> str:
    if item.path.suffix == ".ipynb":
        return "lessons"
    try:
        folder = item.path.relative_to(_TESTS).parts[0]
    except ValueError:
        folder = ""
    return folder if folder in TIERS else "unit"


@pytest.hookimpl(optionalhook=True, tryfirst=True)
def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """``-n auto``: one worker per core, and one more. A good part of the suite waits rather than computes (on a
    browser drawing, a hub or a database starting, nbgrader's subprocesses), so a third worker on two cores
    fills the time the other two spend waiting; the lessons' and graders' timeouts leave room for it."""
    return (os.cpu_count() or 1) + 1


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        item.add_marker(_tier(item))
    items.sort(key=lambda item: TIERS.index(_tier(item)))


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    """Start each test without nbgrader's variables; give each notebook run by nbval a fresh progress file, as
    `caiokit.authoring` does when storing it."""
    for variable in NBGRADER_VARIABLES:
        os.environ.pop(variable, None)
    notebook = item.parent if item.path.suffix == ".ipynb" else None
    if notebook is not None and notebook is not _last_notebook[0]:
        _last_notebook[0] = notebook
        os.environ["CAIOKIT_PROGRESS"] = tempfile.mkdtemp(prefix="caiokit-nbval-") + "/progress.sqlite"
