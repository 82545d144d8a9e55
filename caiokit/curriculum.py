"""The curriculum map as data: lessons, the seed items the course must teach, and where each is taught.

Three tables ship in ``caiokit/data``: ``lessons.csv`` (one row per lesson), ``seed_items.csv`` (every
item of the source article, with its id and group) and ``curriculum.csv`` (seed id -> lesson, interactive
tool, checked exercise, and ``ready`` or ``planned``). What a person reads is in ``caiokit/data/<lang>/``,
joined on the ids: each lesson's title and the name of its notebook in that language (``lessons.csv``), each
item's summary (``seed_items.csv``) and the heading of the lesson section that teaches it
(``curriculum.csv``), in the language of that lesson's notebooks.

Each language has its edition of every lesson: the English notebooks are in ``notebooks/``, another
language's in ``notebooks/<lang>/`` (:func:`notebook_path`, :func:`edition`); the lesson id is the same in
every edition, so progress and the facts table do not depend on the language. Each language has its edition of
the graded assignments too, as nbgrader assignments of their own (:func:`assignment_folders`: the English
``02_prioritization`` is ``02_priorisation`` in French, from ``caiokit/data/fr/assignments.csv``).
:func:`coverage` checks the map against the notebooks on disk, so a test fails when an id is uncovered or a
ready entry points at nothing.
"""

from __future__ import annotations

import importlib
import json
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import pandas as pd

from caiokit import datafiles
from caiokit.errors import CaioKitError
from caiokit.i18n import LANGUAGES, N_, SOURCE_LANGUAGE, _
from caiokit.i18n import language as language_in_use

STATUSES = ("ready", "planned")
# What the course map says a lesson covers when it teaches no seed item (lesson 00).
NO_SEED_ITEM = N_("how the course works")


def lessons() -> pd.DataFrame:
    """One row per lesson: id, title and notebook name (in the language in use), estimated minutes, tool,
    assignment, checks, quiz, status."""
    table = datafiles.worded("lessons.csv", on="lesson")
    table["minutes"] = table["minutes"].astype(int)
    return table


def edition_folder(language: str) -> PurePosixPath:
    """Where a language's lesson notebooks are, relative to ``notebooks/``: English at the top, others below."""
    return PurePosixPath("." if language == SOURCE_LANGUAGE else language)


def notebook_names(language: str) -> dict[str, str]:
    """Lesson id -> the name of its notebook (no suffix) in ``language``; empty for a language with no edition."""
    name = f"{language}/lessons.csv"
    if not datafiles.path(name).is_file():
        return {}
    table = datafiles.table(name)
    return dict(zip(table["lesson"], table["notebook"], strict=True))


def notebook_path(lesson: str, language: str) -> PurePosixPath:
    """A lesson's notebook in a language, relative to ``notebooks/`` ('03_use_case_prioritization.ipynb')."""
    return edition_folder(language) / f"{notebook_names(language)[lesson]}.ipynb"


class EditionError(CaioKitError):
    """A notebook or an assignment that is no edition of any lesson or assignment of the course."""


def assignment_folders(language: str) -> dict[str, str]:
    """Assignment id -> its nbgrader assignment in ``language`` (``caiokit/data/<lang>/assignments.csv``), the
    name of its folder under ``source/`` and ``release/`` and of its notebook (in English, the id itself);
    empty for a language with no edition."""
    name = f"{language}/assignments.csv"
    if not datafiles.path(name).is_file():
        return {}
    table = datafiles.table(name)
    return dict(zip(table["assignment"], table["folder"], strict=True))


def assignment_edition(folder: str) -> tuple[str, str]:
    """The assignment id and the language of an nbgrader assignment ('02_priorisation' -> ('02_prioritization',
    'fr'))."""
    for language in LANGUAGES:
        by_folder = {name: assignment for assignment, name in assignment_folders(language).items()}
        if folder in by_folder:
            return by_folder[folder], language
    raise EditionError(
        f"{folder} is no assignment of the course (caiokit/data/lessons.csv, <lang>/assignments.csv)."
    )


def edition(path: str | Path) -> tuple[str, str]:
    """The lesson and the language of a lesson notebook, from its folder and its name."""
    path = Path(path)
    language = path.parent.name if path.parent.name in LANGUAGES else SOURCE_LANGUAGE
    by_name = {name: lesson for lesson, name in notebook_names(language).items()}
    if path.stem not in by_name:
        raise EditionError(
            f"{path.name} is no lesson of the {language!r} edition: its notebooks are "
            f"{', '.join(sorted(by_name)) or 'none yet'} (caiokit/data/{language}/lessons.csv)."
        )
    return by_name[path.stem], language


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
    folders = assignment_folders(language_in_use())
    table["assignment"] = table["assignment"].map(lambda name: folders.get(name, name)).replace("", "-")
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


def coverage(notebooks_dir: str | Path, *, in_translation: bool = False) -> Coverage:
    """Check that every seed id is mapped and every ready entry points at a real notebook section and exercise,
    in the edition of the language in use (``notebooks_dir``: ``notebooks`` or ``notebooks/<lang>``).

    ``in_translation``: the edition is still being translated, so a lesson it does not have yet is no problem;
    the lessons it has are checked in full."""
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
        notebook = notebooks_dir / f"{lesson_table.loc[row.lesson, 'notebook']}.ipynb"
        if not notebook.exists():
            if not in_translation:
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
        elif (
            status == "ready"
            and not in_translation
            and not (notebooks_dir / f"{lesson_table.loc[lesson, 'notebook']}.ipynb").exists()
        ):
            problems.append(
                f"lesson {lesson} is ready but its notebook {lesson_table.loc[lesson, 'notebook']}.ipynb is missing"
            )
        elif status == "planned" and (mapping.loc[mapping["lesson"] == lesson, "status"] == "ready").any():
            problems.append(f"lesson {lesson} is planned but curriculum.csv has ready entries for it")
    counts = mapping["status"].value_counts()
    return Coverage(tuple(problems), int(counts.get("ready", 0)), int(counts.get("planned", 0)))
