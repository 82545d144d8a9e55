"""``nbgrader zip_collect`` for the names Canvas and Moodle give to downloaded submissions.

nbgrader's collector matches one regular expression and files each match under whatever student id it finds.
These collectors know each platform's names, map them to the learners of the roster imported into the
gradebook, and log, for each file they do not collect, why and what to do. Use one with
``nbgrader zip_collect ASSIGNMENT --collector=caiokit.grading.lms_collect.CanvasCollector`` (or
``MoodleCollector``). Everything is checked before nbgrader copies anything: a download that would replace a
submission already in ``submitted/`` stops the command, unless ``--force`` is given.

Canvas ("Download Submissions"): ``<name>_<user id>_<submission id>_<file>``, ``<name>_late_<user id>_...``
for late work, and ``<file>-1.ipynb``, ``-2`` ... for a learner's later attempts (the highest is collected).
The user id is matched to the roster's ``lms_user_id``. Canvas's names say that work was late, not when it
was handed in: Canvas's own late policy applies to it when the grades are imported.

Moodle ("Download all submissions"): ``<Full Name>_<participant id>_assignsubmission_file_/<file>`` (in
folders) or ``<Full Name>_<participant id>_assignsubmission_file_<file>``; the full name is matched to the
roster's first and last names.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from nbgrader.api import Gradebook
from nbgrader.plugins import FileNameCollectorPlugin

CANVAS_NAME = re.compile(
    r"(?P<name>[a-z0-9]+)(?P<late>_late)?_(?P<user>\d+)_(?P<submission>\d+)_(?P<file>.+?)(?:-(?P<attempt>\d+))?(?P<ext>\.[A-Za-z0-9]+)$"
)
MOODLE_NAME = re.compile(
    r"(?P<name>[^/]+?)_(?P<participant>\d+)_assignsubmission_(?P<kind>[a-z]+)_/?(?P<file>[^/]*)$"
)


Learners = list[tuple[str, str, str, str | None]]  # (id, first name, last name, lms_user_id)


def _normal(name: str) -> str:
    """A name compared without case, accents or repeated spaces."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return " ".join(plain.lower().split())


def read_learners(gradebook: Gradebook) -> Learners:
    """(id, first name, last name, lms_user_id) of every learner in the gradebook."""
    return [(s.id, s.first_name or "", s.last_name or "", s.lms_user_id) for s in gradebook.students]


def canvas_student(user_id: str, learners: Learners) -> str | None:
    """The roster id of the learner whose lms_user_id is this Canvas user id."""
    return next((sid for sid, _, _, lms in learners if lms and lms == user_id), None)


def moodle_students(full_name: str, learners: Learners) -> list[str]:
    """The roster ids of the learners with this full name (case, accents and spacing ignored)."""
    wanted = _normal(full_name)
    return [sid for sid, first, last, _ in learners if _normal(f"{first} {last}") == wanted]


class _RosterCollector(FileNameCollectorPlugin):
    """Shared steps: the roster from the gradebook, the assignment's notebooks, one reason per skipped file."""

    platform = ""
    other = ""

    _learners: Learners | None = None

    def _roster(self) -> Learners:
        """The learners of the gradebook, read once."""
        if self._learners is None:
            app = self.parent
            with Gradebook(app.coursedir.db_url, app.coursedir.course_id) as gradebook:
                self._learners = read_learners(gradebook)
        return self._learners

    def _notebooks(self) -> set[str]:
        app = self.parent
        released = Path(
            app.coursedir.format_path(app.coursedir.release_directory, ".", app.coursedir.assignment_id)
        )
        return {p.name for p in released.glob("*.ipynb")}

    def _skip(self, path: str, reason: str) -> None:
        self.log.warning("NOT COLLECTED %s: %s", Path(path).name, reason)

    def _check_not_overwriting(self, student_id: str) -> None:
        app = self.parent
        folder = Path(
            app.coursedir.format_path(
                app.coursedir.submitted_directory, student_id, app.coursedir.assignment_id
            )
        )
        if not app.force and folder.is_dir() and any(folder.iterdir()):
            app.fail(
                f"{folder} already holds a submission of {student_id}: nothing was copied. Re-run with --force "
                f"to replace it with the {self.platform} download."
            )

    def _accept(self, path: str, student_id: str, file_name: str) -> dict | None:
        notebooks = self._notebooks()
        if file_name not in notebooks:
            self._skip(
                path,
                f"{file_name!r} is not a notebook of {self.parent.coursedir.assignment_id} "
                f"({', '.join(sorted(notebooks))}): was it uploaded to the wrong assignment?",
            )
            return None
        self._check_not_overwriting(student_id)
        return {"student_id": student_id, "file_id": file_name}

    def collect(self, submitted_file: str) -> dict | None:
        """Collect one extracted file: its learner and notebook, or None after logging why not."""
        if not submitted_file.endswith(".ipynb") and not MOODLE_NAME.search(submitted_file):
            self._skip(submitted_file, f"not a notebook ({Path(submitted_file).suffix or 'no extension'})")
            return None
        return self._collect(submitted_file)

    def _collect(self, submitted_file: str) -> dict | None:
        raise NotImplementedError


class CanvasCollector(_RosterCollector):
    """Canvas download names, matched to the roster's ``lms_user_id``."""

    platform = "Canvas"

    def _collect(self, submitted_file: str) -> dict | None:
        path = Path(submitted_file)
        match = CANVAS_NAME.fullmatch(path.name)
        if match is None:
            looks_moodle = MOODLE_NAME.search(submitted_file) is not None
            self._skip(
                submitted_file,
                "not named as Canvas names downloads (name_userid_submissionid_file.ipynb)"
                + (": it looks like a Moodle download, use MoodleCollector" if looks_moodle else ""),
            )
            return None
        student_id = canvas_student(match["user"], self._roster())
        if student_id is None:
            self._skip(
                submitted_file,
                f"Canvas user {match['user']} ({match['name']}) is not on the roster: add their Canvas id as "
                "lms_user_id in roster.csv and import it again",
            )
            return None
        attempt = int(match["attempt"] or 0)
        for sibling in path.parent.iterdir():
            other = CANVAS_NAME.fullmatch(sibling.name)
            same = other is not None and (other["user"], other["file"]) == (match["user"], match["file"])
            if same and int(other["attempt"] or 0) > attempt:
                self._skip(submitted_file, f"an earlier attempt: {sibling.name} is newer and is collected")
                return None
        if match["late"]:
            self.log.warning(
                "LATE in Canvas: %s (%s); Canvas's late policy applies when grades are imported",
                student_id,
                path.name,
            )
        return self._accept(submitted_file, student_id, match["file"] + match["ext"])


class MoodleCollector(_RosterCollector):
    """Moodle download names, matched to the roster's first and last names."""

    platform = "Moodle"

    def _collect(self, submitted_file: str) -> dict | None:
        relative = submitted_file.replace("\\", "/")
        match = MOODLE_NAME.search(relative)
        if match is None:
            looks_canvas = CANVAS_NAME.fullmatch(Path(submitted_file).name) is not None
            self._skip(
                submitted_file,
                "not named as Moodle names downloads (Full Name_participant_assignsubmission_file_/file.ipynb)"
                + (": it looks like a Canvas download, use CanvasCollector" if looks_canvas else ""),
            )
            return None
        if match["kind"] != "file":
            self._skip(submitted_file, f"a Moodle {match['kind']} submission, not an uploaded file")
            return None
        found = moodle_students(match["name"], self._roster())
        if len(found) != 1:
            self._skip(
                submitted_file,
                f"{match['name']!r} is not on the roster (check first_name and last_name in roster.csv)"
                if not found
                else f"{match['name']!r} is the name of {len(found)} learners on the roster ({', '.join(found)}): "
                "file this one by hand",
            )
            return None
        return self._accept(submitted_file, found[0], match["file"])
