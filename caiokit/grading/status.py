"""Where each learner of the roster stands on one assignment: submitted, late, autograded, written answers waiting.

Read from the course directory after ``nbgrader collect`` (or ``zip_collect``): ``submitted/`` for who handed
in and when (``timestamp.txt``), the gradebook for the due date, the autograde results, the written answers
still to grade and the score after the late penalty. A learner who did not submit is shown as such, never
as an empty score, and a submission from someone who is not on the roster is flagged.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from nbgrader.api import MissingEntry
from nbgrader.utils import parse_utc

from caiokit.grading.autograde import submitted_students
from caiokit.grading.gradebook import GradingError, open_gradebook
from caiokit.grading.roster import read_roster

NOT_SUBMITTED = "NOT SUBMITTED"


@dataclass(frozen=True)
class ClassStatus:
    """One row per learner (roster first, then anyone else who submitted) and a one-paragraph summary."""

    assignment: str
    table: pd.DataFrame

    def summary(self) -> str:
        """Counts an instructor checks first."""
        t = self.table
        on_roster = t[t["on_roster"]]
        handed_in = t[t["submitted"] != NOT_SUBMITTED]
        lines = [
            f"{self.assignment}: {len(on_roster)} learner(s) on the roster; "
            f"{int((on_roster['submitted'] != NOT_SUBMITTED).sum())} submitted, "
            f"{int((on_roster['submitted'] == NOT_SUBMITTED).sum())} not submitted; "
            f"{int(handed_in['late'].str.startswith('late').sum())} late; "
            f"{int((handed_in['autograded'] == 'yes').sum())} autograded, "
            f"{int((handed_in['autograded'] == 'no').sum())} not yet; "
            f"{int(handed_in['written_to_grade'].sum())} written answer(s) to grade."
        ]
        strangers = t[~t["on_roster"]]
        if len(strangers):
            lines.append(
                f"NOT ON THE ROSTER: {', '.join(strangers.index)} submitted but is not on the roster: "
                "check the id, or add them to roster.csv and import it again."
            )
        return "\n".join(lines)


def _lateness(seconds: float | None) -> str:
    if seconds is None:
        return "no time recorded"
    if seconds <= 0:
        return "on time"
    days, rest = divmod(int(seconds), 86_400)
    hours, rest = divmod(rest, 3_600)
    return f"late by {days} d {hours} h {rest // 60} min" if days else f"late by {hours} h {rest // 60} min"


def class_status(course_root: str | Path, assignment: str, roster: str | Path | None = None) -> ClassStatus:
    """The status of every learner on one assignment; ``roster`` defaults to ``roster.csv`` in the course."""
    course_root = Path(course_root)
    roster_path = Path(roster) if roster is not None else course_root / "roster.csv"
    learners = read_roster(roster_path)
    handed_in = set(submitted_students(course_root, assignment))
    names = {learner.id: learner.full_name for learner in learners}
    order = [learner.id for learner in learners] + sorted(handed_in - set(names))
    rows = []
    with open_gradebook(course_root, f"run `nbgrader generate_assignment {assignment}` first.") as gradebook:
        try:
            duedate = gradebook.find_assignment(assignment).duedate
        except MissingEntry as exc:
            raise GradingError(f"{assignment!r} is not in the gradebook.") from exc
        for student in order:
            row = {"learner": student, "name": names.get(student, ""), "on_roster": student in names}
            if student not in handed_in:
                rows.append({**row, "submitted": NOT_SUBMITTED, "late": "-", "autograded": "-",
                             "written_to_grade": 0, "score": "-"})  # fmt: skip
                continue
            stamp_file = course_root / "submitted" / student / assignment / "timestamp.txt"
            stamp = (
                parse_utc(stamp_file.read_text(encoding="utf-8").strip()) if stamp_file.is_file() else None
            )
            seconds = None if stamp is None or duedate is None else (stamp - duedate).total_seconds()
            graded = (course_root / "autograded" / student / assignment).is_dir()
            written, score = 0, "-"
            try:
                submission = gradebook.find_submission(assignment, student)
            except MissingEntry:
                graded = False
            else:
                written = sum(1 for nb in submission.notebooks for g in nb.grades if g.needs_manual_grade)
                penalty = submission.late_submission_penalty
                score = (
                    f"{max(0.0, submission.score - penalty):g} / {submission.max_score:g}" if graded else "-"
                )
            rows.append({
                **row,
                "submitted": f"{stamp:%Y-%m-%d %H:%M} UTC" if stamp else "yes (no time recorded)",
                "late": "no due date" if duedate is None and stamp is not None else _lateness(seconds),
                "autograded": "yes" if graded else "no",
                "written_to_grade": written,
                "score": score,
            })  # fmt: skip
    return ClassStatus(assignment, pd.DataFrame(rows).set_index("learner"))
