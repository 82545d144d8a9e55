"""The course's nbgrader gradebook: where it is, and one harmless nbgrader warning kept out of the log.

With SQLAlchemy 2, nbgrader's ``Gradebook.add_submission`` builds a submission's rows before adding them
to the session, so SQLAlchemy warns ``SAWarning: Object of type <SubmittedAssignment> not in session, add
operation along 'Assignment.submissions' will not proceed`` (and the same for its notebooks, grades and
comments) on every first grading of a learner. The rows are added a moment later through the
submission, and the grades are saved (the grading tests check every score), so the warning means nothing
to an instructor. :func:`quiet_harmless_warnings` ignores exactly that message; nbgrader_config.py calls it
for every nbgrader command, and ``python -m caiokit.grading`` for its own process.
"""

from __future__ import annotations

import warnings
from pathlib import Path

from sqlalchemy.exc import SAWarning

NOT_IN_SESSION = r"Object of type <\w+> not in session, \w+ operation along '\w+\.\w+' will not proceed"


def gradebook_url(course_root: Path) -> str:
    """The SQLAlchemy URL of a course folder's gradebook.db."""
    return f"sqlite:///{Path(course_root) / 'gradebook.db'}"


def quiet_harmless_warnings() -> None:
    """Ignore nbgrader's harmless "not in session" SAWarning (see the module's docstring), and nothing else."""
    warnings.filterwarnings("ignore", message=NOT_IN_SESSION, category=SAWarning)
