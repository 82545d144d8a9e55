"""The progress dashboard: one bar per available lesson, and the completion certificate when earned."""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path

import ipywidgets as widgets
import pandas as pd

from caiokit.completion import CertificateError, certificate_blockers, certificate_html, completion_table
from caiokit.progress import tracker
from caiokit.tables import table_html
from caiokit.widgets.tool import Tool, inline_markdown

_TEXT = {
    "title": "<h4>Your progress</h4>",
    "columns": ("lesson", "progress", "done", "so far"),
    "not_opened": "not opened yet",
    "detail": "{passed}/{exercises} exercises passed, {attempts} · {correct}/{questions} quiz questions right",
    "attempt": "{count} attempt",
    "attempts": "{count} attempts",
    "refresh": "Refresh",
    "certificate": "<b>Certificate</b>",
    "name": "Name:",
    "name_placeholder": "Your name, as it should be printed",
    "make": "Make my certificate",
    "earned": "Every lesson done: type your name and make your certificate.",
    "not_earned": "Not earned yet: every exercise attempted and at least half passed, in every lesson. "
    "{count} thing(s) left, first: {first}.",
    "refused": "<b>Not earned yet.</b> Still to do:",
    "saved": "✔ Saved as <code>{path}</code>: open it from the file browser and print it.",
}


def _bar(share: float) -> str:
    """A progress bar drawn in HTML, its colours from the theme (classes caio-bar in the stylesheet)."""
    percent = round(100 * share)
    return (
        f"<div class='caio-bar' role='progressbar' aria-valuemin='0' aria-valuemax='100' "
        f"aria-valuenow='{percent}'><span style='width:{percent}%'></span></div>"
    )


def _status(row) -> str:
    """What a learner did in one lesson, short enough for one line."""
    if not (row.opened or row.attempts or row.quiz_answered):
        return _TEXT["not_opened"]
    attempts = _TEXT["attempt" if row.attempts == 1 else "attempts"].format(count=row.attempts)
    return _TEXT["detail"].format(
        passed=row.passed,
        exercises=row.exercises,
        attempts=attempts,
        correct=row.quiz_correct,
        questions=row.quiz_questions,
    )


def progress_html(table: pd.DataFrame) -> str:
    """The per-lesson table of :func:`caiokit.completion.completion_table`: one row, one bar per lesson.

    The lessons, bars and statuses are cells of one table, so every bar starts at the same place.
    """
    lesson, bar, done, status = _TEXT["columns"]
    shown = pd.DataFrame(
        {
            lesson: [
                f"<b>{html.escape(name)}</b> {inline_markdown(row.title)}" for name, row in table.iterrows()
            ],
            bar: [_bar(share) for share in table["completion"]],
            done: table["completion"].to_numpy(),
            status: [html.escape(_status(row)) for row in table.itertuples()],
        }
    )
    return table_html(shown, formatters={done: "{:.0%}".format}, escape=False, nowrap=(status,))


class ProgressDashboard(Tool):
    """Per-lesson completion from the learner's progress file, a Refresh button, and the certificate."""

    title = "your progress dashboard"

    def __init__(self, certificate_path: str | Path = "caio_course_certificate.html"):
        self.certificate_path = Path(certificate_path)
        self.lessons = widgets.HTML()
        self.notice = widgets.HTML()
        self.refresh_button = widgets.Button(description=_TEXT["refresh"], icon="refresh")
        self.refresh_button.on_click(lambda _: self.refresh())
        self.name = widgets.Text(placeholder=_TEXT["name_placeholder"], description=_TEXT["name"])
        self.certificate_button = widgets.Button(description=_TEXT["make"], icon="certificate")
        self.certificate_button.on_click(lambda _: self.make_certificate())
        self.certificate_status = widgets.HTML()
        certificate = widgets.VBox(
            [
                widgets.HTML(_TEXT["certificate"]),
                widgets.HBox([self.name, self.certificate_button]),
                self.certificate_status,
            ]
        )
        self.widget = widgets.VBox(
            [widgets.HTML(_TEXT["title"]), self.lessons, self.notice, self.refresh_button, certificate]
        )
        self.refresh()

    def refresh(self) -> None:
        """Re-read the progress file and redraw the table of lessons and the certificate status."""
        self.table = completion_table()
        self.lessons.value = progress_html(self.table)
        problem = tracker().problem
        self.notice.value = f"<i>{inline_markdown(problem)}</i>" if problem else ""
        blockers = certificate_blockers(self.table)
        self.certificate_status.value = (
            _TEXT["earned"]
            if not blockers
            else _TEXT["not_earned"].format(count=len(blockers), first=inline_markdown(blockers[0]))
        )

    def make_certificate(self) -> None:
        """Write the certificate as HTML beside the notebook, or list what is still missing."""
        try:
            page = certificate_html(self.name.value, date.today(), self.table)
        except CertificateError as exc:
            if exc.blockers:
                items = "".join(f"<li>{inline_markdown(blocker)}</li>" for blocker in exc.blockers)
                self.certificate_status.value = f"{_TEXT['refused']}<ul>{items}</ul>"
            else:
                self.certificate_status.value = inline_markdown(str(exc))
            return
        self.certificate_path.write_text(page, encoding="utf-8")
        self.certificate_status.value = _TEXT["saved"].format(path=html.escape(str(self.certificate_path)))
