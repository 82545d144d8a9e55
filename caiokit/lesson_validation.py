"""Make nbgrader's Validate button tell the truth on a lesson notebook.

Lessons are not graded: their exercises check in place (``q1.check()``). JupyterLab still offers
nbgrader's Validate button on them, and Validate only looks at cells nbgrader knows as tests; with none, it
reports success whatever the answers. :func:`mark_checks` marks each lesson cell that runs an exercise's
check as a test cell worth 0 points, and ``Exercise.check()`` raises while nbgrader validates and the answer
does not pass: Validate then lists the exercises still open, and passes once they all pass.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Iterable

import nbformat

import caiokit.checks
from caiokit.exercises import Exercise

SCHEMA_VERSION = 3


def grade_id(lesson: str, index: int) -> str:
    """The nbgrader grade id of a lesson's index-th check cell (from 1)."""
    return f"{lesson}-check-{index}"


def exercise_names(lesson: str) -> set[str]:
    """The names under which caiokit.checks defines the exercises of a lesson (``q1``, ``q2`` ...)."""
    names = set()
    for module_info in pkgutil.iter_modules(caiokit.checks.__path__):
        module = importlib.import_module(f"caiokit.checks.{module_info.name}")
        names |= {
            name
            for name, value in vars(module).items()
            if isinstance(value, Exercise) and value.lesson == lesson
        }
    return names


def calls_check(source: str, names: Iterable[str]) -> bool:
    """True when a cell's code calls ``.check()`` on one of the named exercises."""
    alternatives = "|".join(re.escape(name) for name in sorted(names))
    return bool(alternatives) and re.search(rf"\b(?:{alternatives})\.check\(\s*\)", source) is not None


def _marks(lesson: str, index: int) -> dict:
    """nbgrader's metadata of a test cell worth nothing, which the learner may still edit."""
    return {
        "grade": True,
        "solution": False,
        "locked": False,
        "task": False,
        "points": 0,
        "grade_id": grade_id(lesson, index),
        "schema_version": SCHEMA_VERSION,
    }


def mark_checks(notebook: nbformat.NotebookNode, lesson: str) -> int:
    """Mark every code cell that checks an exercise of the lesson as a 0-point nbgrader test cell.

    Marks left from an earlier run on cells that no longer check are removed, so running it again changes
    nothing. Returns the number of check cells.
    """
    names = exercise_names(lesson)
    prefix = grade_id(lesson, 0)[:-1]
    count = 0
    for cell in notebook.cells:
        if cell.cell_type == "code" and calls_check(cell.source, names):
            count += 1
            cell.metadata["nbgrader"] = _marks(lesson, count)
        elif str(cell.metadata.get("nbgrader", {}).get("grade_id", "")).startswith(prefix):
            del cell.metadata["nbgrader"]
    return count
