"""How far a learner has come: per-lesson completion from the progress records, and what the certificate needs.

The certificate itself is written by :mod:`caiokit.reports.certificate`.
"""

from __future__ import annotations

import pandas as pd

from caiokit.curriculum import exercise_names, lessons
from caiokit.errors import CaioKitError
from caiokit.i18n import N_, text
from caiokit.progress import Event, lesson_progress, tracker
from caiokit.quiz import load_bank

_MESSAGES = {
    "not_available": N_("{lesson} is not available yet"),
    "not_attempted": N_("{lesson}: {count} exercise(s) not attempted yet"),
    "too_few": N_("{lesson}: {passed} of {count} exercises passed; at least half are needed"),
}


class CertificateError(CaioKitError):
    """The certificate cannot be issued yet (or no name was given); ``blockers`` lists what is missing."""

    def __init__(self, message: str, blockers: list[str] | None = None):
        super().__init__(message)
        self.blockers = tuple(blockers or ())


def completion_table(events: list[Event] | None = None) -> pd.DataFrame:
    """One row per available lesson: exercises attempted and passed, answers checked, quiz answers, and a
    completion share.

    Completion counts each exercise and quiz question once, as done when it has been answered
    correctly; it is 0 for a lesson never opened.
    """
    progress = lesson_progress(tracker().events() if events is None else events)
    rows = []
    for lesson in lessons().itertuples(index=False):
        if lesson.status != "ready":
            continue
        exercises = set(exercise_names(lesson.checks)) if lesson.checks else set()
        questions = {q.id for q in load_bank(lesson.quiz).questions} if lesson.quiz else set()
        done = progress.get(lesson.lesson)
        passed = done.passed & exercises if done else set()
        correct = done.quiz_correct & questions if done else set()
        total = len(exercises) + len(questions)
        rows.append(
            {
                "lesson": lesson.lesson,
                "title": lesson.title,
                "opened": bool(done and done.opened),
                "exercises": len(exercises),
                "attempted": len(done.attempted & exercises) if done else 0,
                "attempts": sum(done.attempts[name] for name in exercises) if done else 0,
                "passed": len(passed),
                "quiz_questions": len(questions),
                "quiz_answered": len(done.quiz_answered & questions) if done else 0,
                "quiz_correct": len(correct),
                "completion": (len(passed) + len(correct)) / total if total else 0.0,
            }
        )
    return pd.DataFrame(rows).set_index("lesson")


PASS_SHARE = 0.5


def certificate_blockers(table: pd.DataFrame | None = None) -> list[str]:
    """What still stands between the learner and the certificate; empty when it can be issued.

    The rule, after Elements of AI: in every lesson of the course, every exercise attempted and at least
    half of them passed.
    """
    table = completion_table() if table is None else table
    blockers = [
        text(_MESSAGES["not_available"]).format(lesson=row.lesson)
        for row in lessons().itertuples()
        if row.status != "ready"
    ]
    for lesson, row in table.iterrows():
        if row.attempted < row.exercises:
            left = row.exercises - row.attempted
            blockers.append(text(_MESSAGES["not_attempted"]).format(lesson=lesson, count=left))
        elif row.passed < PASS_SHARE * row.exercises:
            blockers.append(
                text(_MESSAGES["too_few"]).format(lesson=lesson, passed=row.passed, count=row.exercises)
            )
    return blockers
