"""The maturity self-assessment: one slider per statement, a radar chart, the level and the next three moves."""

from __future__ import annotations

from collections.abc import Mapping

import ipywidgets as widgets

from caiokit.charts import figure_output
from caiokit.charts.radar import radar
from caiokit.i18n import N_, _, text
from caiokit.maturity import SCALE, Pillar, assess, load_questions
from caiokit.widgets.tool import Tool, inline_markdown, rated_statements

_TEXT = {
    "chart": N_("AI maturity by pillar (1 = Initial, 5 = Optimized)"),
    "level": N_("Overall level: **{level}** (mean score {score} of 5). Weakest: {weakest}."),
    "move": N_("**{pillar}** ({level}): {move}"),
    "moves": N_("Next three moves"),
}


class MaturityAssessment(Tool):
    """Answer the questionnaire with sliders; the chart, level and moves follow every change."""

    title = N_("the maturity assessment")

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
        self.reset_button = widgets.Button(description=_("Reset"), icon="undo")
        self.reset_button.on_click(lambda _: self.reset())
        self.figure = None
        self.result = None
        self._paused = False
        shown = self.questions.assign(pillar=self.questions["pillar"].map(Pillar.label_of))
        scale = {n: _(label) for n, label in SCALE.items()}
        rows = rated_statements(shown, "pillar", "id", "statement", self.sliders, scale, "560px")
        rows.append(self.reset_button)
        for slider in self.sliders.values():
            slider.observe(lambda _: self.update(), names="value")
        self.widget = widgets.VBox(
            [
                widgets.VBox(rows),
                self.level,
                self.chart,
                widgets.HTML(f"<b>{text(_TEXT['moves'])}</b>"),
                self.moves,
            ]
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
        self.figure = radar(self.result.pillar_scores, title=text(_TEXT["chart"]))
        self.chart.outputs = (figure_output(self.figure),)
        self.level.value = inline_markdown(
            text(_TEXT["level"]).format(
                level=self.result.level,
                score=f"{self.result.overall_score:.2f}",
                weakest=", ".join(self.result.weakest),
            )
        )
        move = text(_TEXT["move"])
        items = "".join(
            f"<li>{inline_markdown(move.format(pillar=m.pillar, level=m.level, move=m.text))}</li>"
            for m in self.result.moves
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
