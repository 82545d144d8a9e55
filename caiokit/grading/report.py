"""A class report for one assignment: how each question went, the hardest ones, the spread of scores.

nbgrader's formgrader shows one submission at a time; this reads the whole gradebook and answers the
instructor's first questions after grading: which questions did the class find hard, and how are the
scores spread? Output as DataFrames (for a notebook) and as one self-contained HTML file (no script,
no network: the histogram is inline SVG).
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from nbgrader.api import Gradebook, MissingEntry

from caiokit.grading.autograde import GradingError
from caiokit.grading.gradebook import gradebook_url


@dataclass(frozen=True)
class ClassReport:
    """Per-question statistics and per-student totals of one assignment."""

    assignment: str
    questions: pd.DataFrame
    students: pd.DataFrame

    def hardest(self, n: int = 3) -> pd.DataFrame:
        """The n questions with the lowest mean share of their points."""
        return self.questions.sort_values(["mean_share", "question"]).head(n)

    def histogram(self, bins: int = 10) -> pd.DataFrame:
        """Counts of students per band of the total score (as a share of the maximum)."""
        shares = self.students["share"].to_numpy()
        edges = np.linspace(0.0, 1.0, bins + 1)
        counts, _ = np.histogram(shares, bins=edges)
        return pd.DataFrame({"from": edges[:-1], "to": edges[1:], "students": counts})


def class_report(course_root: str | Path, assignment: str) -> ClassReport:
    """Read the gradebook of a course folder and summarise one assignment."""
    database = Path(course_root) / "gradebook.db"
    if not database.exists():
        raise GradingError(f"No gradebook at {database}: grade the assignment first.")
    question_rows, student_rows = [], []
    with Gradebook(gradebook_url(course_root)) as gradebook:
        try:
            record = gradebook.find_assignment(assignment)
        except MissingEntry as exc:
            raise GradingError(f"{assignment!r} is not in the gradebook.") from exc
        submissions = sorted(record.submissions, key=lambda s: s.student.id)
        if not submissions:
            raise GradingError(f"No graded submission of {assignment!r} yet: run the autograder first.")
        cells = [(nb.name, cell.name, cell.max_score) for nb in record.notebooks for cell in nb.grade_cells]
        scores: dict[str, list[float]] = {name: [] for _, name, _ in cells}
        for submission in submissions:
            for notebook in submission.notebooks:
                for grade in notebook.grades:
                    if not grade.needs_manual_grade:  # a written answer counts once the instructor graded it
                        scores[grade.name].append(grade.score)
            student_rows.append(
                {
                    "student": submission.student.id,
                    "score": submission.score,
                    "max_score": submission.max_score,
                }
            )
    for notebook, name, max_score in cells:
        graded = scores[name]
        values = np.array(graded, dtype=float)
        question_rows.append(
            {
                "question": name,
                "notebook": notebook,
                "points": max_score,
                "graded": len(graded),
                "mean": values.mean() if graded else np.nan,
                "std": values.std(ddof=0) if graded else np.nan,
                "mean_share": values.mean() / max_score if graded and max_score else np.nan,
                "full_marks_share": float(np.mean(values >= max_score - 1e-9)) if graded else np.nan,
            }
        )
    students = pd.DataFrame(student_rows)
    students["share"] = students["score"] / students["max_score"]
    return ClassReport(
        assignment, pd.DataFrame(question_rows).set_index("question"), students.set_index("student")
    )


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


def to_html(report: ClassReport) -> str:
    """The report as one self-contained HTML page."""
    questions = report.questions.reset_index()
    rows = "".join(
        f"<tr><td>{html.escape(q.question)}</td><td>{q.points:g}</td><td>{q.graded}</td><td>{q.mean:.2f}</td>"
        f"<td>{q.std:.2f}</td><td>{q.full_marks_share:.0%}</td></tr>"
        for q in questions.itertuples()
    )
    hardest = "".join(
        f"<li>{html.escape(name)}: {row.mean_share:.0%} of the points on average</li>"
        for name, row in report.hardest().iterrows()
    )
    totals = report.students["score"]
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Class report - {html.escape(report.assignment)}</title>
<style>body{{font-family:sans-serif;max-width:50em;margin:2em auto}}table{{border-collapse:collapse}}
td,th{{border-bottom:1px solid #ddd;padding:.25em .8em;text-align:right}}td:first-child{{text-align:left}}</style>
</head><body>
<h1>Class report: {html.escape(report.assignment)}</h1>
<p>{len(report.students)} submission(s); mean total {totals.mean():.2f} of {report.students["max_score"].max():g}
(median {totals.median():.2f}, lowest {totals.min():.2f}, highest {totals.max():.2f}).</p>
<h2>Hardest questions</h2><ol>{hardest}</ol>
<h2>Distribution of total scores</h2>{_svg_histogram(report)}
<h2>Per question</h2>
<table><tr><th>question</th><th>points</th><th>graded</th><th>mean</th><th>spread (sd)</th><th>full marks</th></tr>
{rows}</table>
<p>Manually graded questions count only once graded.</p>
</body></html>
"""
