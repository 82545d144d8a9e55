"""The curriculum map as data: lessons, the seed items the course must teach, and where each is taught.

Three tables ship in ``caiokit/data``: ``lessons.csv`` (one row per notebook), ``seed_items.csv`` (every
item of the source article, with its id and group) and ``curriculum.csv`` (seed id -> lesson, interactive
tool, checked exercise, and ``ready`` or ``planned``). What a person reads is in ``caiokit/data/<lang>/``,
joined on the seed id: each item's summary (``seed_items.csv``) and the heading of the lesson section that
teaches it (``curriculum.csv``), in the language of that lesson's notebooks. :func:`coverage` checks the map
against the notebooks on disk, so a test fails when an id is uncovered or a ready entry points at nothing.
"""

from __future__ import annotations

import importlib
import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from caiokit import datafiles
from caiokit.i18n import N_, _

STATUSES = ("ready", "planned")
# What the course map says a lesson covers when it teaches no seed item (lesson 00).
NO_SEED_ITEM = N_("how the course works")


def lessons() -> pd.DataFrame:
    """One row per lesson notebook: id, title, estimated minutes, tool, assignment, checks, quiz, status."""
    table = datafiles.table("lessons.csv")
    table["minutes"] = table["minutes"].astype(int)
    return table


def seed_items() -> pd.DataFrame:
    """Every item the course must teach: id, group (role, mission, skill, soft, principle, practice), summary.

    The ``practice`` group holds what the seed article predates and CAIOs are hired for in 2026 (an analysis
    of 27 job postings, Sep-Oct 2026); the other groups are the seed article's items.
    """
    return datafiles.worded("seed_items.csv", on="id")


def curriculum_map() -> pd.DataFrame:
    """Where each seed item is taught: lesson, section, tool, exercise, status."""
    table = datafiles.worded("curriculum.csv", on="seed_id")
    return table[["seed_id", "lesson", "section", "tool", "exercise", "status"]]


def course_map() -> pd.DataFrame:
    """The course at a glance, for learners: lesson, title, minutes, what it covers, tool, assignment, status."""
    table = lessons()
    covered = curriculum_map().groupby("lesson")["seed_id"].apply(", ".join)
    table["covers"] = table["lesson"].map(covered).fillna(_(NO_SEED_ITEM))
    table["assignment"] = table["assignment"].replace("", "-")
    return table[["lesson", "title", "minutes", "covers", "tool", "assignment", "status"]].set_index("lesson")


def exercise_names(checks_module: str) -> list[str]:
    """Names of the exercises a lesson's check module defines (``caiokit.checks.<module>``)."""
    from caiokit.exercises import Exercise

    module = importlib.import_module(f"caiokit.checks.{checks_module}")
    return [name for name, value in vars(module).items() if isinstance(value, Exercise)]


def _headings(notebook: Path) -> set[str]:
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    found = set()
    for cell in cells:
        if cell["cell_type"] != "markdown":
            continue
        for line in "".join(cell["source"]).splitlines():
            if line.startswith("#"):
                found.add(line.lstrip("#").strip())
    return found


@dataclass(frozen=True)
class Coverage:
    """The result of checking the map: what is wrong, and how much is still planned."""

    problems: tuple[str, ...]
    ready: int
    planned: int

    @property
    def ok(self) -> bool:
        """True when nothing is wrong (planned entries are allowed)."""
        return not self.problems


def coverage(notebooks_dir: str | Path) -> Coverage:
    """Check that every seed id is mapped and every ready entry points at a real notebook section and exercise."""
    notebooks_dir = Path(notebooks_dir)
    problems: list[str] = []
    lesson_table = lessons().set_index("lesson")
    mapping = curriculum_map()
    for seed_id in sorted(set(seed_items()["id"]) - set(mapping["seed_id"])):
        problems.append(f"seed item {seed_id} is not covered by any lesson")
    for seed_id in sorted(set(mapping["seed_id"]) - set(seed_items()["id"])):
        problems.append(f"curriculum.csv names {seed_id}, which is not a seed item")
    for row in mapping.itertuples(index=False):
        where = f"{row.seed_id} -> {row.lesson}"
        if row.status not in STATUSES:
            problems.append(f"{where}: status {row.status!r} should be one of {STATUSES}")
            continue
        if row.lesson not in lesson_table.index:
            problems.append(f"{where}: no such lesson in lessons.csv")
            continue
        if row.status == "planned":
            continue
        notebook = notebooks_dir / f"{row.lesson}.ipynb"
        if not notebook.exists():
            problems.append(f"{where}: notebook {notebook.name} is missing")
            continue
        if row.section not in _headings(notebook):
            problems.append(f"{where}: {notebook.name} has no section headed {row.section!r}")
        checks = lesson_table.loc[row.lesson, "checks"]
        if not checks or row.exercise not in exercise_names(checks):
            problems.append(f"{where}: exercise {row.exercise!r} not found in caiokit.checks.{checks or '?'}")
    for lesson, status in lesson_table["status"].items():
        if status not in STATUSES:
            problems.append(f"lesson {lesson}: status {status!r} should be one of {STATUSES}")
        elif status == "ready" and not (notebooks_dir / f"{lesson}.ipynb").exists():
            problems.append(f"lesson {lesson} is ready but its notebook {lesson}.ipynb is missing")
        elif status == "planned" and (mapping.loc[mapping["lesson"] == lesson, "status"] == "ready").any():
            problems.append(f"lesson {lesson} is planned but curriculum.csv has ready entries for it")
    counts = mapping["status"].value_counts()
    return Coverage(tuple(problems), int(counts.get("ready", 0)), int(counts.get("planned", 0)))
