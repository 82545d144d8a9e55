"""How far a learner has come: per-lesson completion derived from the progress records."""

from __future__ import annotations

import pandas as pd

from caiokit.curriculum import exercise_names, lessons
from caiokit.progress import Event, lesson_progress, tracker
from caiokit.quiz import load_bank


def completion_table(events: list[Event] | None = None) -> pd.DataFrame:
    """One row per available lesson: exercises attempted and passed, quiz answers, and a completion share.

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
                "passed": len(passed),
                "quiz_questions": len(questions),
                "quiz_correct": len(correct),
                "completion": (len(passed) + len(correct)) / total if total else 0.0,
            }
        )
    return pd.DataFrame(rows).set_index("lesson")
