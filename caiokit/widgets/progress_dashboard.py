"""The progress dashboard: one bar per available lesson, refreshed on demand."""

from __future__ import annotations

import ipywidgets as widgets

from caiokit.completion import completion_table
from caiokit.progress import tracker
from caiokit.widgets.tool import Tool, inline_markdown


class ProgressDashboard(Tool):
    """Per-lesson completion from the learner's progress file, with a Refresh button."""

    def __init__(self):
        self.rows = widgets.VBox()
        self.notice = widgets.HTML()
        self.refresh_button = widgets.Button(description="Refresh", icon="refresh")
        self.refresh_button.on_click(lambda _: self.refresh())
        self.widget = widgets.VBox(
            [widgets.HTML("<h4>Your progress</h4>"), self.rows, self.notice, self.refresh_button]
        )
        self.refresh()

    def refresh(self) -> None:
        """Re-read the progress file and redraw the bars."""
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
