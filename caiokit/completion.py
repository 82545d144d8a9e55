"""How far a learner has come: per-lesson completion from the progress records, and the certificate."""

from __future__ import annotations

import html
from datetime import date

import pandas as pd

from caiokit.curriculum import exercise_names, lessons
from caiokit.errors import CaioKitError
from caiokit.progress import Event, lesson_progress, tracker
from caiokit.quiz import load_bank


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
        f"{row.lesson} is not available yet" for row in lessons().itertuples() if row.status != "ready"
    ]
    for lesson, row in table.iterrows():
        if row.attempted < row.exercises:
            blockers.append(f"{lesson}: {row.exercises - row.attempted} exercise(s) not attempted yet")
        elif row.passed < PASS_SHARE * row.exercises:
            blockers.append(
                f"{lesson}: {row.passed} of {row.exercises} exercises passed; at least half are needed"
            )
    return blockers


def certificate_html(name: str, issued_on: date, table: pd.DataFrame | None = None) -> str:
    """A printable HTML certificate; raises CertificateError listing what is missing if not yet earned."""
    table = completion_table() if table is None else table
    if not name.strip():
        raise CertificateError("Type the name to print on the certificate.")
    blockers = certificate_blockers(table)
    if blockers:
        raise CertificateError("The certificate is not earned yet: " + "; ".join(blockers) + ".", blockers)
    minutes = int(lessons()["minutes"].sum())
    rows = "".join(
        f"<tr><td>{html.escape(row.title)}</td><td>{row.passed}/{row.exercises}</td></tr>"
        for row in table.itertuples()
    )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Certificate - {html.escape(name)}</title>
<style>body{{font-family:Georgia,serif;max-width:42em;margin:3em auto;text-align:center}}
table{{margin:1em auto;border-collapse:collapse}}td{{border-bottom:1px solid #ccc;padding:.3em 1em;text-align:left}}
@media print{{body{{margin:1em auto}}}}</style></head>
<body><h1>Certificate of completion</h1>
<p>This certifies that</p><h2>{html.escape(name.strip())}</h2>
<p>has completed <b>The Chief AI Officer course</b> ({len(table)} lessons, about {minutes // 60} hours),
attempting every exercise and passing at least half of them in each lesson.</p>
<table><tr><th>Lesson</th><th>Exercises passed</th></tr>{rows}</table>
<p>Issued on {issued_on:%d %B %Y}. Self-assessed: exercises were checked on the learner's own computer.</p>
</body></html>
"""
