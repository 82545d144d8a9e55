"""Feedback packaged for upload back to Canvas or Moodle: one zip, one file per learner, named as the platform wants.

``nbgrader generate_feedback`` writes ``feedback/<learner>/<assignment>/<notebook>.html``. Learners who handed in
through a platform get it back through the platform, which recognises each file by the name its download
gave the learner's submission (read again from ``downloaded/<assignment>/extracted/``):

- Canvas, *Re-Upload Submissions*: ``<name>_<user id>_<submission id>_<notebook>_feedback.html``;
- Moodle, *Upload multiple feedback files in a zip*:
  ``<Full Name>_<participant id>_assignsubmission_file_/<notebook>_feedback.html``.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from caiokit.grading.gradebook import GradingError, open_gradebook
from caiokit.grading.lms_collect import (
    CANVAS_NAME,
    MOODLE_NAME,
    canvas_student,
    moodle_students,
    read_learners,
)
from caiokit.grading.outputs import default_output
from caiokit.learner_edition import COURSE_ID

PLATFORMS = ("canvas", "moodle")


@dataclass(frozen=True)
class FeedbackPackage:
    """The zip written, the learners in it, and those left out with the reason."""

    path: Path
    packaged: list[str]
    left_out: dict[str, str]


def _upload_prefixes(extracted: Path, platform: str, learners) -> dict[str, str]:
    """Learner id -> the name prefix their download had on the platform."""
    prefixes: dict[str, str] = {}
    for path in sorted(p for p in extracted.rglob("*") if p.is_file()):
        if platform == "canvas":
            match = CANVAS_NAME.fullmatch(path.name)
            student = canvas_student(match["user"], learners) if match else None
            if student:
                late = "_late" if match["late"] else ""
                prefixes[student] = f"{match['name']}{late}_{match['user']}_{match['submission']}_"
        else:
            match = MOODLE_NAME.search(path.relative_to(extracted).as_posix())
            found = moodle_students(match["name"], learners) if match else []
            if len(found) == 1:
                prefixes[found[0]] = f"{match['name']}_{match['participant']}_assignsubmission_file_/"
    return prefixes


def package_feedback(
    course_root: str | Path,
    assignment: str,
    platform: str,
    to: str | Path | None = None,
    course_id: str = COURSE_ID,
) -> FeedbackPackage:
    """Write one zip of every learner's feedback on ``assignment``, named for ``platform``."""
    course_root = Path(course_root)
    if platform not in PLATFORMS:
        raise GradingError(f"Unknown platform {platform!r}: choose one of {', '.join(PLATFORMS)}.")
    feedback_root = course_root / "feedback"
    with_feedback = sorted(p.parent.name for p in feedback_root.glob(f"*/{assignment}") if p.is_dir())
    if not with_feedback:
        raise GradingError(
            f"No feedback for {assignment!r} in {feedback_root}: run `nbgrader generate_feedback {assignment}` first."
        )
    extracted = course_root / "downloaded" / assignment / "extracted"
    if not extracted.is_dir():
        raise GradingError(
            f"No {extracted}: the feedback is named after the {platform} download, collected with "
            f"`nbgrader zip_collect {assignment}`."
        )
    with open_gradebook(course_root, "import the roster or grade the assignment first.") as gradebook:
        learners = read_learners(gradebook)
    prefixes = _upload_prefixes(extracted, platform, learners)
    destination = Path(to) if to else default_output(course_id, f"{assignment}_feedback_{platform}.zip")
    destination.parent.mkdir(parents=True, exist_ok=True)
    packaged, left_out = [], {}
    partial = destination.with_name(destination.name + ".partial")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for student in with_feedback:
            if student not in prefixes:
                left_out[student] = (
                    f"no {platform} download of theirs in {extracted}: they submitted through the exchange, "
                    f"so use `nbgrader release_feedback {assignment} --student={student}`"
                )
                continue
            for page in sorted((feedback_root / student / assignment).glob("*.html")):
                archive.write(page, f"{prefixes[student]}{page.stem}_feedback.html")
            packaged.append(student)
    partial.replace(destination)
    return FeedbackPackage(destination, packaged, left_out)
