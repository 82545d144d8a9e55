"""The course's nbgrader gradebook: where it is, and one harmless nbgrader warning kept out of the log.

Where: the database the course's ``nbgrader_config.py`` names in ``CourseDirectory.db_url`` (a PostgreSQL
server for a large class), else nbgrader's default, ``gradebook.db`` in the course folder. Every command of
``python -m caiokit.grading`` opens the gradebook through :func:`open_gradebook`, so it reads and writes the
same database as nbgrader and the Formgrader.

With SQLAlchemy 2, nbgrader's ``Gradebook.add_submission`` builds a submission's rows before adding them
to the session, so SQLAlchemy warns ``SAWarning: Object of type <SubmittedAssignment> not in session, add
operation along 'Assignment.submissions' will not proceed`` (and the same for its notebooks, grades and
comments) on every first grading of a learner. The rows are added a moment later through the
submission, and the grades are saved (the grading tests check every score), so the warning means nothing
to an instructor. :func:`quiet_harmless_warnings` ignores exactly that message; nbgrader_config.py calls it
for every nbgrader command, and ``python -m caiokit.grading`` for its own process.
"""

from __future__ import annotations

import shutil
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from nbgrader.api import Base, Gradebook
from nbgrader.coursedir import CourseDirectory
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SAWarning
from traitlets.config import Config
from traitlets.config.loader import PyFileConfigLoader

from caiokit.errors import CaioKitError

NOT_IN_SESSION = r"Object of type <\w+> not in session, \w+ operation along '\w+\.\w+' will not proceed"


class GradingError(CaioKitError):
    """The grading run cannot start (no such assignment, no gradebook entry...)."""


def gradebook_url(course_root: str | Path) -> str:
    """The SQLAlchemy URL of the gradebook of a course folder: its configured ``db_url``, or gradebook.db."""
    course_root = Path(course_root).resolve()
    config = Config()
    if (course_root / "nbgrader_config.py").is_file():
        config = PyFileConfigLoader("nbgrader_config.py", path=str(course_root)).load_config()
    return CourseDirectory(config=config, root=str(course_root)).db_url


def sqlite_file(url: str) -> Path | None:
    """The file of a SQLite gradebook URL; None for a database server such as PostgreSQL."""
    parsed = make_url(url)
    return Path(parsed.database) if parsed.get_backend_name() == "sqlite" and parsed.database else None


@contextmanager
def open_gradebook(course_root: str | Path, missing: str) -> Iterator[Gradebook]:
    """The course's gradebook, open; ``missing`` says what to do when it is a SQLite file not yet created.

    nbgrader would quietly create an empty gradebook.db in its place, which then answers every question
    with "not in the gradebook".
    """
    url = gradebook_url(course_root)
    database = sqlite_file(url)
    if database is not None and not database.is_file():
        raise GradingError(f"No gradebook at {database}: {missing}")
    with Gradebook(url) as gradebook:
        yield gradebook


def sqlite_url(database: Path) -> str:
    """The SQLAlchemy URL of a SQLite gradebook file."""
    return f"sqlite:///{database}"


def copy_to_sqlite(url: str, target: Path) -> None:
    """Copy a whole gradebook (SQLite file or database server) into a new SQLite file ``target``.

    The parallel grader gives each batch such a copy to grade into, then copies the grades back itself.
    """
    database = sqlite_file(url)
    if database is not None:
        shutil.copy(database, target)
        return
    with Gradebook(sqlite_url(target)):  # nbgrader creates its tables and records its schema version
        pass
    source, copy = create_engine(url), create_engine(sqlite_url(target))
    tables = Base.metadata.sorted_tables  # parents before the rows that refer to them
    try:
        with source.connect() as reading, copy.begin() as writing:
            for table in reversed(tables):  # the course row nbgrader made for the new file
                writing.execute(table.delete())
            for table in tables:
                rows = [dict(row) for row in reading.execute(table.select()).mappings()]
                if rows:
                    writing.execute(table.insert(), rows)
    finally:
        source.dispose()
        copy.dispose()


def quiet_harmless_warnings() -> None:
    """Ignore nbgrader's harmless "not in session" SAWarning (see the module's docstring), and nothing else."""
    warnings.filterwarnings("ignore", message=NOT_IN_SESSION, category=SAWarning)
