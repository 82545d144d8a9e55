"""The progress dashboard: one bar per available lesson, and the completion certificate when earned."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import ipywidgets as widgets

from caiokit.completion import CertificateError, certificate_blockers, certificate_html, completion_table
from caiokit.progress import tracker
from caiokit.widgets.tool import Tool, inline_markdown


class ProgressDashboard(Tool):
    """Per-lesson completion from the learner's progress file, a Refresh button, and the certificate."""

    title = "your progress dashboard"

    def __init__(self, certificate_path: str | Path = "caio_course_certificate.html"):
        self.certificate_path = Path(certificate_path)
        self.rows = widgets.VBox()
        self.notice = widgets.HTML()
        self.refresh_button = widgets.Button(description="Refresh", icon="refresh")
        self.refresh_button.on_click(lambda _: self.refresh())
        self.name = widgets.Text(placeholder="Your name, as it should be printed", description="Name:")
        self.certificate_button = widgets.Button(description="Make my certificate", icon="certificate")
        self.certificate_button.on_click(lambda _: self.make_certificate())
        self.certificate_status = widgets.HTML()
        certificate = widgets.VBox(
            [
                widgets.HTML("<b>Certificate</b>"),
                widgets.HBox([self.name, self.certificate_button]),
                self.certificate_status,
            ]
        )
        self.widget = widgets.VBox(
            [widgets.HTML("<h4>Your progress</h4>"), self.rows, self.notice, self.refresh_button, certificate]
        )
        self.refresh()

    def refresh(self) -> None:
        """Re-read the progress file and redraw the bars and the certificate status."""
        self.table = completion_table()
        lines = []
        for lesson, row in self.table.iterrows():
            bar = widgets.FloatProgress(value=row.completion, min=0.0, max=1.0, layout={"width": "200px"})
            detail = (
                f"{row.passed}/{row.exercises} exercises passed, "
                f"{row.quiz_correct}/{row.quiz_questions} quiz questions right"
                + ("" if row.opened else " (not opened yet)")
            )
            label = widgets.HTML(f"<b>{lesson}</b> {inline_markdown(row.title)}", layout={"width": "380px"})
            lines.append(widgets.HBox([label, bar, widgets.HTML(f"{row.completion:.0%} · {detail}")]))
        self.rows.children = lines
        problem = tracker().problem
        self.notice.value = f"<i>{inline_markdown(problem)}</i>" if problem else ""
        blockers = certificate_blockers(self.table)
        self.certificate_status.value = (
            "Every lesson done: type your name and make your certificate."
            if not blockers
            else f"Not earned yet: every exercise attempted and at least half passed, in every lesson. "
            f"{len(blockers)} thing(s) left, first: {inline_markdown(blockers[0])}."
        )

    def make_certificate(self) -> None:
        """Write the certificate as HTML beside the notebook, or say what is still missing."""
        try:
            page = certificate_html(self.name.value, date.today(), self.table)
        except CertificateError as exc:
            self.certificate_status.value = inline_markdown(str(exc))
            return
        self.certificate_path.write_text(page, encoding="utf-8")
        self.certificate_status.value = (
            f"✔ Saved as <code>{self.certificate_path}</code>: open it from the file browser and print it."
        )
