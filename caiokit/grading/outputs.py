"""Where instructors' commands write files that hold learners' grades, unless told otherwise.

Grades, reports and feedback packages are personal data: by default they go to
``~/caiokit-output/<course id>/``, outside the course's git work tree, so they are never committed by mistake.
"""

from __future__ import annotations

from pathlib import Path

OUTPUT_ROOT = Path("~/caiokit-output")


def default_output(course_id: str, file_name: str) -> Path:
    """The default path of an instructor's output file: ``~/caiokit-output/<course id>/<file_name>``."""
    return OUTPUT_ROOT.expanduser() / (course_id or "course") / file_name
