"""The class roster: read and check a CSV of learners, then import it into the gradebook in one go.

``nbgrader db student import`` writes row by row and takes a repeated id as an update, so a file with a
mistake half-way is half imported. Here the whole file is checked first; only a file without any problem is
written, in one transaction. Columns: ``id`` (the learner's nbgrader id, used in folder names),
``first_name``, ``last_name``, ``email``, and optionally ``lms_user_id`` (the learner's id on Canvas, the
number in Canvas download names and the ``ID`` column of its gradebook).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from nbgrader.api import Gradebook, Student

from caiokit.errors import CaioKitError
from caiokit.grading.gradebook import gradebook_url

REQUIRED = ("id", "first_name", "last_name", "email")
OPTIONAL = ("lms_user_id",)
# nbgrader puts ids in folder names and in exchange names joined with "+".
ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@-]*")


class RosterError(CaioKitError):
    """A roster file cannot be imported; the message names the file and each row at fault."""


@dataclass(frozen=True)
class Learner:
    """One row of the roster."""

    id: str
    first_name: str
    last_name: str
    email: str
    lms_user_id: str | None = None

    @property
    def full_name(self) -> str:
        """First and last name, as learning platforms print them."""
        return f"{self.first_name} {self.last_name}".strip()


def read_roster(path: str | Path) -> list[Learner]:
    """Read and check a roster CSV; raise RosterError listing every problem, with its row."""
    path = Path(path)
    if not path.is_file():
        raise RosterError(f"{path}: no such file.")
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        columns = [c.strip() for c in reader.fieldnames or []]
        missing = [c for c in REQUIRED if c not in columns]
        if missing:
            raise RosterError(
                f"{path}: row 1 (the header) has no column {', '.join(repr(c) for c in missing)}; "
                f"it has {', '.join(repr(c) for c in columns) or 'nothing'}. Needed: {', '.join(REQUIRED)}."
            )
        reader.fieldnames = columns
        problems, learners, first_row = [], [], {}
        lms_first_row: dict[str, int] = {}
        for row_number, row in enumerate(reader, start=2):
            values = {k: (row.get(k) or "").strip() for k in (*REQUIRED, *OPTIONAL)}
            learner_id = values["id"]
            if not learner_id:
                problems.append(f"row {row_number}: the id is empty")
                continue
            if not ID_PATTERN.fullmatch(learner_id):
                problems.append(
                    f"row {row_number}: id {learner_id!r} may use only letters, digits and . _ @ - "
                    "(it becomes a folder name)"
                )
            if learner_id in first_row:
                problems.append(
                    f"row {row_number}: id {learner_id!r} is already on row {first_row[learner_id]}"
                )
                continue
            first_row[learner_id] = row_number
            lms = values["lms_user_id"] or None
            if lms is not None:
                if lms in lms_first_row:
                    problems.append(
                        f"row {row_number}: lms_user_id {lms!r} is already on row {lms_first_row[lms]}"
                    )
                lms_first_row[lms] = row_number
            learners.append(
                Learner(learner_id, values["first_name"], values["last_name"], values["email"], lms)
            )
    if problems:
        raise RosterError(
            f"{path} was not imported ({len(problems)} problem(s)); fix them and import again:\n"
            + "\n".join(f"  - {p}" for p in problems)
        )
    if not learners:
        raise RosterError(f"{path}: the file has a header but no learner.")
    return learners


def import_roster(course_root: str | Path, path: str | Path) -> tuple[int, int]:
    """Check a roster, then add or update its learners in the gradebook in one transaction: (added, updated)."""
    learners = read_roster(path)
    added = updated = 0
    with Gradebook(gradebook_url(course_root)) as gradebook:
        known = {s.id: s for s in gradebook.db.query(Student).all()}
        try:
            for learner in learners:
                fields = {
                    "first_name": learner.first_name or None,
                    "last_name": learner.last_name or None,
                    "email": learner.email or None,
                    "lms_user_id": learner.lms_user_id,
                }
                if learner.id in known:
                    for name, value in fields.items():
                        setattr(known[learner.id], name, value)
                    updated += 1
                else:
                    gradebook.db.add(Student(id=learner.id, **fields))
                    added += 1
            gradebook.db.commit()
        except Exception:
            gradebook.db.rollback()
            raise
    return added, updated
