"""The progress dashboard: one bar per available lesson, and the completion certificate when earned."""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path

import ipywidgets as widgets
import pandas as pd

from caiokit.completion import CertificateError, certificate_blockers, completion_table
from caiokit.i18n import N_, _, format_percent, ngettext, text
from caiokit.progress import tracker
from caiokit.reports.certificate import certificate_html
from caiokit.tables import table_html
from caiokit.widgets.tool import Tool, inline_markdown

_TEXT = {
    "title": N_("<h4>Your progress</h4>"),
    "columns": (N_("lesson"), N_("progress"), N_("done"), N_("so far")),
    "not_opened": N_("not opened yet"),
    "detail": N_(
        "{passed}/{exercises} exercises passed, {attempts} · {correct}/{questions} quiz questions right"
    ),
    "refresh": N_("Refresh"),
    "certificate": N_("<b>Certificate</b>"),
    "name": N_("Name:"),
    "name_placeholder": N_("Your name, as it should be printed"),
    "make": N_("Make my certificate"),
    "earned": N_("Every lesson done: type your name and make your certificate."),
    "not_earned": N_(
        "Not earned yet: every exercise attempted and at least half passed, in every lesson. "
        "{count} thing(s) left, first: {first}."
    ),
    "refused": N_("<b>Not earned yet.</b> Still to do:"),
    "saved": N_("✔ Saved as <code>{path}</code>: open it from the file browser and print it."),
}
_BAR = (
    "<div class='caio-bar' role='progressbar' aria-valuemin='0' aria-valuemax='100' aria-valuenow='{percent}'>"
    "<span style='width:{percent}%'></span></div>"
)
# The certificate's file name, beside the notebook.
CERTIFICATE_FILE = N_("caio_course_certificate.html")


def _bar(share: float) -> str:
    """A progress bar drawn in HTML, its colours from the theme (classes caio-bar in the stylesheet)."""
    percent = round(100 * share)
    return _BAR.format(percent=percent)


def _status(row) -> str:
    """What a learner did in one lesson, short enough for one line."""
    if not (row.opened or row.attempts or row.quiz_answered):
        return text(_TEXT["not_opened"])
    attempts = ngettext("{count} attempt", "{count} attempts", row.attempts).format(count=row.attempts)
    return text(_TEXT["detail"]).format(
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
    lesson, bar, done, status = (_(column) for column in _TEXT["columns"])
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
    return table_html(shown, formatters={done: format_percent}, escape=False, nowrap=(status,))


class ProgressDashboard(Tool):
    """Per-lesson completion from the learner's progress file, a Refresh button, and the certificate."""

    title = N_("your progress dashboard")

    def __init__(self, certificate_path: str | Path | None = None):
        self.certificate_path = Path(certificate_path or _(CERTIFICATE_FILE))
        self.lessons = widgets.HTML()
        self.notice = widgets.HTML()
        self.refresh_button = widgets.Button(description=text(_TEXT["refresh"]), icon="refresh")
        self.refresh_button.on_click(lambda _button: self.refresh())
        self.name = widgets.Text(placeholder=text(_TEXT["name_placeholder"]), description=text(_TEXT["name"]))
        self.certificate_button = widgets.Button(description=text(_TEXT["make"]), icon="certificate")
        self.certificate_button.on_click(lambda _button: self.make_certificate())
        self.certificate_status = widgets.HTML()
        certificate = widgets.VBox(
            [
                widgets.HTML(text(_TEXT["certificate"])),
                widgets.HBox([self.name, self.certificate_button]),
                self.certificate_status,
            ]
        )
        self.widget = widgets.VBox(
            [widgets.HTML(text(_TEXT["title"])), self.lessons, self.notice, self.refresh_button, certificate]
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
            text(_TEXT["earned"])
            if not blockers
            else text(_TEXT["not_earned"]).format(count=len(blockers), first=inline_markdown(blockers[0]))
        )

    def make_certificate(self) -> None:
        """Write the certificate as HTML beside the notebook, or list what is still missing."""
        try:
            page = certificate_html(self.name.value, date.today(), self.table)
        except CertificateError as exc:
            if exc.blockers:
                items = "".join(f"<li>{inline_markdown(blocker)}</li>" for blocker in exc.blockers)
                self.certificate_status.value = f"{text(_TEXT['refused'])}<ul>{items}</ul>"
            else:
                self.certificate_status.value = inline_markdown(str(exc))
            return
        self.certificate_path.write_text(page, encoding="utf-8")
        self.certificate_status.value = text(_TEXT["saved"]).format(
            path=html.escape(str(self.certificate_path))
        )
