"""A class report for one assignment: how each question went, the hardest ones, the spread of scores.

nbgrader's formgrader shows one submission at a time; this reads the whole gradebook and answers the
instructor's first questions after grading: which questions did the class find hard, and how are the
scores spread? Output as DataFrames (for a notebook) and as one self-contained HTML file (no script,
no network: the histogram is inline SVG).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from nbgrader.api import MissingEntry

from caiokit.grading.gradebook import GradingError, open_gradebook

QUESTION_LABEL = re.compile(r"^q(\d+[a-z]?)_", re.IGNORECASE)


@dataclass(frozen=True)
class ClassReport:
    """Per-question statistics and per-learner totals of one assignment (``course``: its nbgrader course id)."""

    assignment: str
    course: str
    questions: pd.DataFrame
    students: pd.DataFrame

    def hardest(self, n: int = 3) -> pd.DataFrame:
        """The n questions with the lowest mean share of their points, among those fully graded."""
        complete = self.questions[self.questions["pending"] == 0]
        return complete.sort_values(["mean_share", "question"]).head(n)

    def incomplete(self) -> int:
        """How many submissions still have written answers to grade."""
        return int((self.students["pending"] > 0).sum())

    def histogram(self, bins: int = 10) -> pd.DataFrame:
        """Counts of students per band of the total score (as a share of the maximum)."""
        shares = self.students["share"].to_numpy()
        edges = np.linspace(0.0, 1.0, bins + 1)
        counts, _ = np.histogram(shares, bins=edges)
        return pd.DataFrame({"from": edges[:-1], "to": edges[1:], "students": counts})


def question_label(grade_id: str, position: int) -> str:
    """``q4a_growth_tests`` -> ``Q4a``; a grade id without a question number is labelled by its position."""
    match = QUESTION_LABEL.match(grade_id)
    return f"Q{match[1]}" if match else f"Q{position}"


def class_report(course_root: str | Path, assignment: str) -> ClassReport:
    """Read the gradebook of a course folder and summarise one assignment.

    A written answer still waiting for a grader counts as pending, never as 0: it is left out of its
    question's statistics, and the per-learner table says how many each learner has.
    """
    question_rows, student_rows = [], []
    with open_gradebook(course_root, "grade the assignment first.") as gradebook:
        try:
            record = gradebook.find_assignment(assignment)
        except MissingEntry as exc:
            raise GradingError(f"{assignment!r} is not in the gradebook.") from exc
        submissions = sorted(record.submissions, key=lambda s: s.student.id)
        if not submissions:
            raise GradingError(f"No graded submission of {assignment!r} yet: run the autograder first.")
        cells = [(nb.name, cell.name, cell.max_score) for nb in record.notebooks for cell in nb.grade_cells]
        scores: dict[str, list[float]] = {name: [] for _, name, _ in cells}
        pending: dict[str, int] = dict.fromkeys(scores, 0)
        for submission in submissions:
            waiting = 0
            for notebook in submission.notebooks:
                for grade in notebook.grades:
                    if grade.needs_manual_grade:
                        pending[grade.name] += 1
                        waiting += 1
                    else:
                        scores[grade.name].append(grade.score)
            student_rows.append(
                {
                    "student": submission.student.id,
                    "score": submission.score,
                    "auto": submission.code_score,
                    "manual": submission.written_score,
                    "pending": waiting,
                    "max_score": submission.max_score,
                }
            )
        course = record.course_id
    for position, (notebook, name, max_score) in enumerate(cells, start=1):
        graded = scores[name]
        values = np.array(graded, dtype=float)
        question_rows.append(
            {
                "grade_id": name,
                "question": question_label(name, position),
                "notebook": notebook,
                "points": max_score,
                "graded": len(graded),
                "pending": pending[name],
                "mean": values.mean() if graded else np.nan,
                "std": values.std(ddof=0) if graded else np.nan,
                "mean_share": values.mean() / max_score if graded and max_score else np.nan,
                "full_marks_share": float(np.mean(values >= max_score - 1e-9)) if graded else np.nan,
            }
        )
    students = pd.DataFrame(student_rows)
    students["share"] = students["score"] / students["max_score"]
    return ClassReport(
        assignment, course, pd.DataFrame(question_rows).set_index("grade_id"), students.set_index("student")
    )


def summary_line(report: ClassReport) -> str:
    """The mean total, and how many submissions it counts before all their written answers are graded."""
    totals = report.students["score"]
    line = (
        f"{len(report.students)} submission(s); mean total {totals.mean():.2f} of "
        f"{report.students['max_score'].max():g} (median {totals.median():.2f}, lowest {totals.min():.2f}, "
        f"highest {totals.max():.2f})"
    )
    incomplete = report.incomplete()
    if incomplete:
        line += (
            f"; {incomplete} of them incomplete, with {int(report.students['pending'].sum())} written "
            f"answer(s) still to grade, counted as 0 in these totals until graded"
        )
    return line + "."


def _svg_histogram(report: ClassReport, width: int = 480, height: int = 180) -> str:
    bands = report.histogram()
    tallest = max(int(bands["students"].max()), 1)
    bar_width = width / len(bands)
    bars = []
    for i, row in enumerate(bands.itertuples()):
        bar_height = (height - 30) * row.students / tallest
        x, y = i * bar_width, height - 20 - bar_height
        bars.append(
            f'<rect x="{x + 2:.1f}" y="{y:.1f}" width="{bar_width - 4:.1f}" height="{bar_height:.1f}" fill="#3b6ea5">'
            f"<title>{row._1:.0%}-{row.to:.0%}: {row.students} student(s)</title></rect>"
            f'<text x="{x + bar_width / 2:.1f}" y="{height - 5}" font-size="10" text-anchor="middle">{row._1:.0%}</text>'
        )
        if row.students:
            bars.append(
                f'<text x="{x + bar_width / 2:.1f}" y="{y - 3:.1f}" font-size="10" text-anchor="middle">{row.students}</text>'
            )
    return f'<svg width="{width}" height="{height}" role="img" aria-label="score histogram">{"".join(bars)}</svg>'


def _cell(value: object) -> str:
    if isinstance(value, float):
        return "" if np.isnan(value) else f"{value:.2f}"
    return html.escape(str(value))


def _table(frame: pd.DataFrame) -> str:
    header = "".join(f"<th>{html.escape(str(c))}</th>" for c in frame.columns)
    rows = "".join(
        "<tr>" + "".join(f"<td>{_cell(v)}</td>" for v in row) + "</tr>"
        for row in frame.itertuples(index=False)
    )
    return f"<table><tr>{header}</tr>{rows}</table>"


def question_table(report: ClassReport) -> pd.DataFrame:
    """The per-question table as shown: question label first, then the grade id."""
    shown = report.questions.reset_index()
    columns = ["question", "grade_id", "points", "graded", "pending", "mean", "std", "full_marks_share"]
    return shown[columns].rename(columns={"std": "spread (sd)", "full_marks_share": "full marks"})


def student_table(report: ClassReport) -> pd.DataFrame:
    """The per-learner table as shown: total, automatic and manual points, written answers pending."""
    shown = report.students.reset_index()
    return shown[["student", "score", "auto", "manual", "pending"]].rename(columns={"score": "total"})


def to_html(report: ClassReport) -> str:
    """The report as one self-contained HTML page."""
    hardest = "".join(
        f"<li>{html.escape(row.question)} ({html.escape(name)}): {row.mean_share:.0%} of the points on average</li>"
        for name, row in report.hardest().iterrows()
    )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Class report - {html.escape(report.assignment)}</title>
<style>body{{font-family:sans-serif;max-width:50em;margin:2em auto}}table{{border-collapse:collapse}}
td,th{{border-bottom:1px solid #ddd;padding:.25em .8em;text-align:right}}td:first-child{{text-align:left}}</style>
</head><body>
<h1>Class report: {html.escape(report.assignment)}</h1>
<p>{html.escape(summary_line(report))}</p>
<h2>Hardest questions</h2><ol>{hardest}</ol>
<p>Only questions with no written answer still to grade are ranked.</p>
<h2>Distribution of total scores</h2>{_svg_histogram(report)}
<h2>Per question</h2>
{_table(question_table(report))}
<p>Written answers still to grade are counted as pending, not as 0.</p>
<h2>Per learner</h2>
{_table(student_table(report))}
</body></html>
"""
