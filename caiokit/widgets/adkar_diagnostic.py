"""The ADKAR diagnostic: five sliders, the barrier point and what to do about it."""

from __future__ import annotations

from collections.abc import Mapping

import ipywidgets as widgets

from caiokit.adkar import DEFAULT_THRESHOLD, ELEMENTS, SCORE_RANGE, adkar_advice, adkar_diagnostic
from caiokit.charts import figure_output
from caiokit.charts.change import adkar_profile
from caiokit.i18n import N_, _
from caiokit.widgets.tool import Tool, inline_markdown


class AdkarDiagnostic(Tool):
    """Score a group on Awareness, Desire, Knowledge, Ability, Reinforcement and read its barrier point."""

    title = N_("the ADKAR diagnostic")

    def __init__(self, scores: Mapping[str, int] | None = None, threshold: int = int(DEFAULT_THRESHOLD)):
        start = adkar_diagnostic(scores).scores if scores is not None else dict.fromkeys(ELEMENTS, 3)
        questions = adkar_advice()["question"]
        style = {"description_width": "110px"}
        self.sliders = {
            element: widgets.IntSlider(
                value=int(start[element]),
                min=SCORE_RANGE[0],
                max=SCORE_RANGE[1],
                description=element.label,
                tooltip=questions[element],
                style=style,
            )
            for element in ELEMENTS
        }
        self.threshold = widgets.IntSlider(
            value=threshold,
            min=SCORE_RANGE[0] + 1,
            max=SCORE_RANGE[1],
            description=_("weak below"),
            style=style,
        )
        self.verdict = widgets.HTML()
        self.chart = widgets.Output()
        self.result = None
        self.figure = None
        for control in (*self.sliders.values(), self.threshold):
            control.observe(lambda _change: self.refresh(), names="value")
        self.widget = widgets.VBox(
            [
                widgets.HTML("<h4>{}</h4>".format(_("ADKAR diagnostic"))),
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
        barrier = self.result.barrier
        if barrier is None:
            text = _("**No barrier point.** {advice}").format(advice=self.result.advice)
        else:
            text = _("**Barrier point: {element}** ({question})\n**What to do:** {advice}").format(
                element=barrier.label,
                question=adkar_advice().loc[barrier, "question"],
                advice=self.result.advice,
            )
            later = [e.label for e in self.result.weak if e != barrier]
            if later:
                text += "\n" + _("*Also weak, to work on once {element} is fixed: {elements}.*").format(
                    element=barrier.label, elements=", ".join(later)
                )
        self.verdict.value = inline_markdown(text)
        self.figure = adkar_profile(self.result)
        self.chart.outputs = (figure_output(self.figure),)
