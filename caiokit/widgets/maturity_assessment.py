"""The maturity self-assessment: one slider per statement, a radar chart, the level and the next three moves."""

from __future__ import annotations

from collections.abc import Mapping

import ipywidgets as widgets

from caiokit.charts import figure_output
from caiokit.charts.radar import radar
from caiokit.maturity import SCALE, assess, load_questions
from caiokit.widgets.tool import Tool, inline_markdown, rated_statements

_TITLE = "AI maturity by pillar (1 = Initial, 5 = Optimized)"


class MaturityAssessment(Tool):
    """Answer the questionnaire with sliders; the chart, level and moves follow every change."""

    title = "the maturity assessment"

    def __init__(self, answers: Mapping[str, int] | None = None):
        self.questions = load_questions()
        self.start = {**dict.fromkeys(self.questions["id"], 1), **dict(answers or {})}
        assess(self.start, self.questions)  # bad starting answers fail here, with a clear message
        self.sliders = {
            qid: widgets.IntSlider(
                value=self.start[qid],
                min=1,
                max=5,
                description=qid,
                continuous_update=False,
                style={"description_width": "50px"},
            )
            for qid in self.questions["id"]
        }
        self.chart = widgets.Output()
        self.level = widgets.HTML()
        self.moves = widgets.HTML()
        self.reset_button = widgets.Button(description="Reset", icon="undo")
        self.reset_button.on_click(lambda _: self.reset())
        self.figure = None
        self.result = None
        self._paused = False
        rows = rated_statements(self.questions, "pillar", "id", "statement", self.sliders, SCALE, "560px")
        rows.append(self.reset_button)
        for slider in self.sliders.values():
            slider.observe(lambda _: self.update(), names="value")
        self.widget = widgets.VBox(
            [widgets.VBox(rows), self.level, self.chart, widgets.HTML("<b>Next three moves</b>"), self.moves]
        )
        self.update()

    def answers(self) -> dict[str, int]:
        """The current answers, statement id -> 1..5."""
        return {qid: slider.value for qid, slider in self.sliders.items()}

    def update(self) -> None:
        """Assess the current answers and redraw the chart, the level and the moves."""
        if self._paused:
            return
        self.result = assess(self.answers())
        self.figure = radar(self.result.pillar_scores, title=_TITLE)
        self.chart.outputs = (figure_output(self.figure),)
        self.level.value = inline_markdown(
            f"Overall level: **{self.result.level}** (mean score {self.result.overall_score:.2f} of 5). "
            f"Weakest: {', '.join(self.result.weakest)}."
        )
        items = "".join(
            f"<li>{inline_markdown(f'**{move.pillar}** ({move.level}): {move.text}')}</li>"
            for move in self.result.moves
        )
        self.moves.value = f"<ol>{items}</ol>"

    def reset(self) -> None:
        """Put every slider back to its starting answer."""
        self._paused = True
        try:
            for qid, slider in self.sliders.items():
                slider.value = self.start[qid]
        finally:
            self._paused = False
        self.update()
