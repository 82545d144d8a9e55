"""Build, buy, partner or wait: weight sliders, the options' totals, and how far each weight can move."""

from __future__ import annotations

from collections.abc import Mapping

import ipywidgets as widgets
import pandas as pd

from caiokit.charts import figure_output
from caiokit.charts.genai import decision_ranges
from caiokit.genai.build_buy import (
    criteria,
    decision,
    default_weights,
    option_scores,
    sensitivity,
    weighted_totals,
)
from caiokit.i18n import N_, _, format_number, format_percent
from caiokit.widgets.html_table import row, table
from caiokit.widgets.tool import Tool, inline_markdown


class BuildBuyDecision(Tool):
    """Weigh the criteria of a build/buy/partner/wait decision and see how robust the answer is."""

    title = N_("the build, buy, partner or wait decision")

    def __init__(self, scores: pd.DataFrame | None = None, weights: Mapping[str, float] | None = None):
        self.scores = option_scores() if scores is None else scores
        start = default_weights() if weights is None else dict(weights)
        self.labels = criteria()["label"]
        questions = criteria()["question"]
        style = {"description_width": "200px"}
        self.sliders = {
            name: widgets.IntSlider(
                value=int(start[name]),
                min=0,
                max=100,
                description=self.labels.get(name, name),
                tooltip=questions.get(name, ""),
                style=style,
                layout={"width": "480px"},
            )
            for name in self.scores.columns
        }
        self.totals = widgets.HTML()
        self.verdict = widgets.HTML()
        self.chart = widgets.Output()
        self.result = None
        self.figure = None
        for slider in self.sliders.values():
            slider.observe(lambda _change: self.refresh(), names="value")
        self.widget = widgets.VBox(
            [
                widgets.HTML("<h4>{}</h4>".format(_("Build, buy, partner or wait"))),
                *self.sliders.values(),
                self.totals,
                self.verdict,
                self.chart,
            ]
        )
        self.refresh()

    def weights(self) -> dict[str, float]:
        """The weights the sliders show."""
        return {name: float(slider.value) for name, slider in self.sliders.items()}

    def refresh(self) -> None:
        """Recompute the totals, the decision and its sensitivity; flag the weight closest to flipping it."""
        weights = self.weights()
        if sum(weights.values()) == 0:
            self.verdict.value = inline_markdown(_("**Give at least one criterion a weight above 0.**"))
            self.result = None
            return
        totals = weighted_totals(self.scores, weights)
        winner = decision(self.scores, weights)
        self.result = sensitivity(self.scores, weights)
        head = row([_("option"), _("weighted score (1-5)")], header=True)
        body = "".join(
            row([option.label, format_number(round(total, 2))], bold=option == winner)
            for option, total in totals.items()
        )
        self.totals.value = table(head + body)
        margins = self.result["margin"].dropna()
        text = _("**Answer: {winner}.**").format(winner=winner.label)
        if not margins.empty:
            closest = margins.idxmin()
            flip = self.result.loc[closest]
            text += "\n" + _(
                "*Most fragile: {criterion}. Moving its weight from {weight} to {target} hands the answer to "
                "{rival}.*"
            ).format(
                criterion=self.labels.get(closest, closest),
                weight=format_percent(flip["weight"]),
                target=format_percent(flip["nearest_flip"], 1),
                rival=flip["takes_over"].label,
            )
        self.verdict.value = inline_markdown(text)
        self.figure = decision_ranges(self.result, self.labels, winner.label)
        self.chart.outputs = (figure_output(self.figure),)
