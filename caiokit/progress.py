"""The learner's progress: lessons opened, exercises attempted and passed, quiz answers, in SQLite.

The file lives at ``~/.caiokit/progress.sqlite`` unless the environment variable ``CAIOKIT_PROGRESS``
names another path. Every record is one row appended in its own transaction, so two notebooks open at
the same time never overwrite each other's records: SQLite serialises the writers and a busy timeout
makes the second one wait instead of failing.

A file that is damaged or belongs to another program is never reset silently: opening it raises
:class:`ProgressFileError` with the way out, and :func:`recover` moves the damaged file aside (it is
kept, not deleted) so a new one can start. Notebooks use :class:`Tracker`, which never raises.
"""

from __future__ import annotations

import os
import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from caiokit.errors import ProgressFileError
from caiokit.i18n import N_, _

ENV_VAR = "CAIOKIT_PROGRESS"
# "CAI1" in ASCII: marks a SQLite file as caiokit's, so a foreign database is recognised.
APPLICATION_ID = 0x43414931
SCHEMA_VERSION = 1
KINDS = ("opened", "attempt", "hint", "solution", "quiz")
STATUSES = ("correct", "incorrect", "not_attempted", "error")
BUSY_TIMEOUT_S = 30.0

_SCHEMA = (
    f"PRAGMA application_id = {APPLICATION_ID}",
    f"PRAGMA user_version = {SCHEMA_VERSION}",
    """CREATE TABLE IF NOT EXISTS events (
        id INTEGER PRIMARY KEY,
        lesson TEXT NOT NULL,
        kind TEXT NOT NULL,
        item TEXT NOT NULL,
        status TEXT,
        at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now'))
    )""",
    "CREATE INDEX IF NOT EXISTS events_by_lesson ON events (lesson, kind, item)",
)


def default_path() -> Path:
    """The progress file in use: $CAIOKIT_PROGRESS if set, else ~/.caiokit/progress.sqlite."""
    configured = os.environ.get(ENV_VAR)
    return Path(configured).expanduser() if configured else Path.home() / ".caiokit" / "progress.sqlite"


_MESSAGES = {
    "way_out": N_(
        "Your notebooks still work; only progress tracking is paused. To keep the old file and start a new "
        "one, run:\n    import caiokit.progress; caiokit.progress.recover()\n"
        "(it renames {name} to {name}.damaged-N in the same folder), or set the environment "
        "variable {variable} to another file path."
    ),
    "cannot_open": N_(
        "Cannot open the progress file {path}: {error}. Check that the folder exists and is "
        "writable, or set {variable} to a file in a folder you can write to."
    ),
    "foreign": N_(
        "{path} is a SQLite database of another program, not a caiokit progress file. "
        "It was left untouched. Set {variable} to another path, or move that file away."
    ),
    "newer": N_(
        "{path} was written by a newer caiokit (format {version}); upgrade caiokit "
        "with `python -m pip install -r requirements.txt` to read it."
    ),
    "no_table": N_("{path} is damaged: its table of records is missing."),
    "not_database": N_("{path} is damaged or not a database ({error})."),
    "not_saved": N_("Could not save progress to {path} ({error})."),
    "damaged": N_("{path} is damaged ({error})."),
    "nothing_to_recover": N_("There is no progress file at {path}: nothing to recover."),
}


def _message(key: str, **values: object) -> str:
    return _(_MESSAGES[key]).format(variable=ENV_VAR, **values)


def _damaged(key: str, path: Path, **values: object) -> str:
    """A message that the file is damaged, followed by the way out."""
    return _message(key, path=path, **values) + " " + _message("way_out", name=path.name)


@dataclass(frozen=True)
class Event:
    """One record of the progress file."""

    lesson: str
    kind: str
    item: str
    status: str | None = None


class ProgressStore:
    """Read and append progress records in one SQLite file."""

    def __init__(self, path: str | Path | None = None):
        self.path = Path(path).expanduser() if path is not None else default_path()
        self._ensure_schema()

    def _connect(self) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        except (OSError, sqlite3.Error) as exc:
            raise ProgressFileError(_message("cannot_open", path=self.path, error=exc)) from exc
        return connection

    def _ensure_schema(self) -> None:
        connection = self._connect()
        try:
            app_id = connection.execute("PRAGMA application_id").fetchone()[0]
            tables = {
                row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            if app_id == 0 and not tables:
                connection.execute("BEGIN IMMEDIATE")
                # A second writer may have initialised the file while we waited for the lock.
                if connection.execute("PRAGMA application_id").fetchone()[0] == 0:
                    for statement in _SCHEMA:
                        connection.execute(statement)
                connection.execute("COMMIT")
            elif app_id != APPLICATION_ID:
                raise ProgressFileError(_message("foreign", path=self.path))
            else:
                version = connection.execute("PRAGMA user_version").fetchone()[0]
                if version > SCHEMA_VERSION:
                    raise ProgressFileError(_message("newer", path=self.path, version=version))
                if "events" not in tables:
                    raise ProgressFileError(_damaged("no_table", self.path))
        except sqlite3.DatabaseError as exc:
            raise ProgressFileError(_damaged("not_database", self.path, error=exc)) from exc
        finally:
            connection.close()

    def record(self, event: Event) -> None:
        """Append one event; waits for another writer instead of failing."""
        if event.kind not in KINDS:
            raise ValueError(f"unknown progress kind {event.kind!r}; expected one of {', '.join(KINDS)}")
        if event.status is not None and event.status not in STATUSES:
            raise ValueError(f"unknown status {event.status!r}; expected one of {', '.join(STATUSES)}")
        connection = self._connect()
        try:
            connection.execute(
                "INSERT INTO events (lesson, kind, item, status) VALUES (?, ?, ?, ?)",
                (event.lesson, event.kind, event.item, event.status),
            )
        except sqlite3.DatabaseError as exc:
            raise ProgressFileError(_damaged("not_saved", self.path, error=exc)) from exc
        finally:
            connection.close()

    def events(self, lesson: str | None = None) -> list[Event]:
        """Every event recorded, oldest first, optionally for one lesson."""
        query = "SELECT lesson, kind, item, status FROM events"
        params: tuple[str, ...] = ()
        if lesson is not None:
            query += " WHERE lesson = ?"
            params = (lesson,)
        connection = self._connect()
        try:
            rows = connection.execute(query + " ORDER BY id", params).fetchall()
        except sqlite3.DatabaseError as exc:
            raise ProgressFileError(_damaged("damaged", self.path, error=exc)) from exc
        finally:
            connection.close()
        return [Event(*row) for row in rows]


@dataclass
class LessonProgress:
    """What a learner has done in one lesson, derived from the events.

    ``attempts`` counts, per exercise, the answers checked (a check of a blank answer is not an attempt).
    """

    opened: bool = False
    attempted: set[str] = field(default_factory=set)
    attempts: Counter[str] = field(default_factory=Counter)
    passed: set[str] = field(default_factory=set)
    quiz_answered: set[str] = field(default_factory=set)
    quiz_correct: set[str] = field(default_factory=set)


def lesson_progress(events: list[Event]) -> dict[str, LessonProgress]:
    """Fold events into per-lesson progress; an item passed once stays passed."""
    progress: dict[str, LessonProgress] = {}
    for event in events:
        lesson = progress.setdefault(event.lesson, LessonProgress())
        if event.kind == "opened":
            lesson.opened = True
        elif event.kind == "attempt" and event.status != "not_attempted":
            lesson.attempted.add(event.item)
            lesson.attempts[event.item] += 1
            if event.status == "correct":
                lesson.passed.add(event.item)
        elif event.kind == "quiz":
            lesson.quiz_answered.add(event.item)
            if event.status == "correct":
                lesson.quiz_correct.add(event.item)
    return progress


def recover(path: str | Path | None = None) -> Path:
    """Move a damaged progress file aside (kept as <name>.damaged-N) and start a new one; return the kept copy."""
    target = Path(path).expanduser() if path is not None else default_path()
    if not target.exists():
        raise ProgressFileError(_message("nothing_to_recover", path=target))
    n = 1
    while (kept := target.with_name(f"{target.name}.damaged-{n}")).exists():
        n += 1
    target.rename(kept)
    for suffix in ("-journal", "-wal", "-shm"):
        companion = target.with_name(target.name + suffix)
        if companion.exists():
            companion.rename(kept.with_name(kept.name + suffix))
    ProgressStore(target)
    return kept


class Tracker:
    """The notebooks' access to progress: never raises, remembers the first problem to report it once."""

    def __init__(self, path: str | Path | None = None):
        self._path = path
        self._store: ProgressStore | None = None
        self.problem: str | None = None
        self._reported = False

    def _get_store(self) -> ProgressStore | None:
        if self._store is None and self.problem is None:
            try:
                self._store = ProgressStore(self._path)
            except ProgressFileError as exc:
                self.problem = str(exc)
        return self._store

    def record(self, lesson: str, kind: str, item: str, status: str | None = None) -> None:
        """Record an event if the progress file is usable; otherwise remember why not."""
        store = self._get_store()
        if store is None:
            return
        try:
            store.record(Event(lesson, kind, item, status))
        except ProgressFileError as exc:
            self.problem = str(exc)
            self._store = None

    def events(self) -> list[Event]:
        """All events, or none if the file cannot be read."""
        store = self._get_store()
        if store is None:
            return []
        try:
            return store.events()
        except ProgressFileError as exc:
            self.problem = str(exc)
            return []

    def unreported_problem(self) -> str | None:
        """The problem message the first time it is asked for, then None (so it is shown once)."""
        if self.problem is None or self._reported:
            return None
        self._reported = True
        return self.problem


_tracker: Tracker | None = None


def tracker() -> Tracker:
    """The process-wide tracker, following $CAIOKIT_PROGRESS if it changes."""
    global _tracker
    if _tracker is None or _tracker._path != default_path():
        _tracker = Tracker(default_path())
    return _tracker
