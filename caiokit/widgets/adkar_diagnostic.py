"""The ADKAR diagnostic: five sliders, the barrier point and what to do about it."""

from __future__ import annotations

from collections.abc import Mapping

import ipywidgets as widgets

from caiokit.adkar import DEFAULT_THRESHOLD, ELEMENTS, SCORE_RANGE, adkar_advice, adkar_diagnostic
from caiokit.charts import figure_output
from caiokit.charts.change import adkar_profile
from caiokit.widgets.tool import Tool, inline_markdown


class AdkarDiagnostic(Tool):
    """Score a group on Awareness, Desire, Knowledge, Ability, Reinforcement and read its barrier point."""

    title = "the ADKAR diagnostic"

    def __init__(self, scores: Mapping[str, int] | None = None, threshold: int = int(DEFAULT_THRESHOLD)):
        start = adkar_diagnostic(scores).scores if scores is not None else dict.fromkeys(ELEMENTS, 3)
        questions = adkar_advice()["question"]
        style = {"description_width": "110px"}
        self.sliders = {
            element: widgets.IntSlider(
                value=int(start[element]),
                min=SCORE_RANGE[0],
                max=SCORE_RANGE[1],
                description=element,
                tooltip=questions[element],
                style=style,
            )
            for element in ELEMENTS
        }
        self.threshold = widgets.IntSlider(
            value=threshold, min=SCORE_RANGE[0] + 1, max=SCORE_RANGE[1], description="weak below", style=style
        )
        self.verdict = widgets.HTML()
        self.chart = widgets.Output()
        self.result = None
        self.figure = None
        for control in (*self.sliders.values(), self.threshold):
            control.observe(lambda _: self.refresh(), names="value")
        self.widget = widgets.VBox(
            [
                widgets.HTML("<h4>ADKAR diagnostic</h4>"),
                *self.sliders.values(),
                self.threshold,
                self.verdict,
                self.chart,
            ]
        )
        self.refresh()

    def refresh(self) -> None:
        """Diagnose the current scores and show the barrier point, its question and its advice."""
        scores = {element: slider.value for element, slider in self.sliders.items()}
        self.result = adkar_diagnostic(scores, threshold=self.threshold.value)
        if self.result.barrier is None:
            text = f"**No barrier point.** {self.result.advice}"
        else:
            question = adkar_advice().loc[self.result.barrier, "question"]
            later = [e for e in self.result.weak if e != self.result.barrier]
            text = (
                f"**Barrier point: {self.result.barrier}** ({question})\n**What to do:** {self.result.advice}"
            )
            if later:
                text += f"\n*Also weak, to work on once {self.result.barrier} is fixed: {', '.join(later)}.*"
        self.verdict.value = inline_markdown(text)
        self.figure = adkar_profile(self.result)
        self.chart.outputs = (figure_output(self.figure),)
