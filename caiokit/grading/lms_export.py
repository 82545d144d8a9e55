"""Grade export in the CSV layouts Canvas and Moodle import, as nbgrader export plugins.

``nbgrader export --exporter=caiokit.grading.lms_export.CanvasExporter`` (or ``MoodleExporter``) writes one
row per learner of the gradebook and one column per assignment, the late penalty taken off. A learner who
did not submit an assignment gets an empty cell, which both platforms read as "no grade" (not 0); a blank
submission gets 0. Without ``--to``, the file goes to ``~/caiokit-output/<course id>/``, outside the course's
git work tree (grades are personal data).

Canvas (Grades > Import): ``Student, ID, SIS User ID, SIS Login ID, Section``, then the assignments, with a
"Points Possible" row as Canvas's own export has. ``ID`` is the roster's ``lms_user_id`` (Canvas user id), the
SIS User ID the nbgrader id, the SIS Login ID the e-mail. Moodle (Grades > Import > CSV file): ``Email address``
(map it to the user field "Email address"), then one column per assignment, named for its grade item.
"""

from __future__ import annotations

import csv
from pathlib import Path

from nbgrader.api import Gradebook, MissingEntry
from nbgrader.plugins import ExportPlugin
from traitlets import Dict

from caiokit.grading.outputs import default_output


class _LmsExporter(ExportPlugin):
    """One row per learner, one column per assignment; what differs per platform is the identity columns."""

    file_name = ""
    columns = Dict(
        {},
        help="Column name to write for an assignment (nbgrader name -> grade item name); default: its name.",
    ).tag(config=True)

    def identity_header(self) -> list[str]:
        raise NotImplementedError

    def identity(self, student) -> list[str]:
        raise NotImplementedError

    def extra_rows(self, assignments) -> list[list[str]]:
        """Rows written after the header (Canvas's "Points Possible")."""
        return []

    def _destination(self) -> Path:
        if self.to:
            return Path(self.to)
        course_id = self.parent.coursedir.course_id if self.parent is not None else ""
        return default_output(course_id, self.file_name)

    def _refuse_unknown_options(self) -> None:
        name = type(self).__name__
        unknown = sorted(set(self.config.get(name, {})) - set(self.class_trait_names(config=True)))
        if unknown:
            known = ", ".join(f"--{name}.{t}" for t in sorted(self.class_trait_names(config=True)))
            self.parent.fail(
                f"Unknown option(s) {', '.join(f'--{name}.{u}' for u in unknown)}; the options are {known}. Nothing was written."
            )

    def export(self, gradebook: Gradebook) -> None:
        """Write the CSV file (see the module's docstring)."""
        self._refuse_unknown_options()
        unknown = set(self.assignment) - {a.name for a in gradebook.assignments}
        if unknown:
            self.parent.fail(f"No such assignment in the gradebook: {', '.join(sorted(unknown))}")
        assignments = [a for a in gradebook.assignments if not self.assignment or a.name in self.assignment]
        students = [s for s in gradebook.students if not self.student or s.id in self.student]
        destination = self._destination()
        destination.parent.mkdir(parents=True, exist_ok=True)
        pending = []
        rows = []
        for student in sorted(
            students, key=lambda s: ((s.last_name or "").lower(), (s.first_name or "").lower(), s.id)
        ):
            cells = []
            for assignment in assignments:
                try:
                    submission = gradebook.find_submission(assignment.name, student.id)
                except MissingEntry:
                    cells.append("")
                    continue
                if submission.needs_manual_grade:
                    pending.append(f"{student.id} ({assignment.name})")
                cells.append(f"{max(0.0, submission.score - submission.late_submission_penalty):g}")
            rows.append(self.identity(student) + cells)
        with destination.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(self.identity_header() + [self.columns.get(a.name, a.name) for a in assignments])
            writer.writerows(self.extra_rows(assignments))
            writer.writerows(rows)
        self.log.info(
            "Wrote %d learner(s) x %d assignment(s) to %s", len(rows), len(assignments), destination
        )
        if pending:
            shown = ", ".join(pending[:10]) + (f" and {len(pending) - 10} more" if len(pending) > 10 else "")
            self.log.warning(
                "Not final: %d submission(s) still have written answers to grade: %s", len(pending), shown
            )
        print(f"written: {destination}")


class CanvasExporter(_LmsExporter):
    """Canvas gradebook import CSV."""

    file_name = "canvas_grades.csv"

    def identity_header(self) -> list[str]:
        return ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]

    def identity(self, student) -> list[str]:
        name = ", ".join(part for part in (student.last_name, student.first_name) if part) or student.id
        return [name, student.lms_user_id or "", student.id, student.email or "", ""]

    def extra_rows(self, assignments) -> list[list[str]]:
        return [["    Points Possible", "", "", "", ""] + [f"{a.max_score:g}" for a in assignments]]


class MoodleExporter(_LmsExporter):
    """Moodle grade import CSV, learners identified by e-mail address."""

    file_name = "moodle_grades.csv"

    def identity_header(self) -> list[str]:
        return ["Email address", "First name", "Last name"]

    def identity(self, student) -> list[str]:
        return [student.email or "", student.first_name or "", student.last_name or ""]

    def export(self, gradebook: Gradebook) -> None:
        """Refuse learners without an e-mail address: Moodle could not match their row."""
        self._refuse_unknown_options()
        students = [s for s in gradebook.students if not self.student or s.id in self.student]
        missing = sorted(s.id for s in students if not s.email)
        if missing:
            self.parent.fail(
                "Moodle matches grades by e-mail address, and these learners have none in the gradebook: "
                f"{', '.join(missing)}. Add their email in roster.csv and import it again "
                "(python -m caiokit.grading roster import roster.csv); nothing was written."
            )
        super().export(gradebook)
