"""The threshold explorer: move the decision threshold and the price of each mistake, see counts, rates and cost."""

from __future__ import annotations

import math
from collections.abc import Sequence

import ipywidgets as widgets

from caiokit.charts import figure_output
from caiokit.charts.technologies import cost_curve
from caiokit.thresholds import ThresholdOutcome, best_threshold, threshold_tradeoff, tradeoff_table
from caiokit.widgets.tool import Tool, inline_markdown

_TEXT = {
    "threshold": "Threshold",
    "cost_fp": "False alarm, EUR",
    "cost_fn": "Missed case, EUR",
    "best": "Go to the cheapest threshold",
    "undefined_precision": "n/a (nothing flagged)",
    "undefined_recall": "n/a (no real case)",
}


def _share(value: float, undefined: str) -> str:
    return undefined if math.isnan(value) else f"{value:.0%}"


def _eur(value: float) -> str:
    return f"EUR {value:,.0f}"


class ThresholdExplorer(Tool):
    """Sliders for the threshold and the cost of a false alarm and of a miss; the four counts, precision,
    recall, total cost, and the cost curve with the current threshold marked.

    ``y_true`` holds what really happened (1 yes, 0 no) and ``scores`` the model's score for each case.
    ``flagged_means`` and ``missed_means`` say in business words what a false alarm and a miss are.
    """

    title = "the threshold explorer"

    def __init__(
        self,
        y_true: Sequence[int],
        scores: Sequence[float],
        cost_fp: float = 80,
        cost_fn: float = 500,
        threshold: float = 0.5,
        flagged_means: str = "an unneeded technician visit",
        missed_means: str = "a breakdown at the customer's home",
    ):
        threshold_tradeoff(y_true, scores, threshold, cost_fp, cost_fn)  # raises a clear error on bad input
        self.y_true = y_true
        self.scores = scores
        self.flagged_means = inline_markdown(flagged_means)
        self.missed_means = inline_markdown(missed_means)
        style = {"description_width": "130px"}
        layout = {"width": "480px"}
        self.threshold = widgets.FloatSlider(
            value=threshold,
            min=0.0,
            max=1.0,
            step=0.01,
            readout_format=".2f",
            description=_TEXT["threshold"],
            style=style,
            layout=layout,
            continuous_update=False,
        )
        self.cost_fp = widgets.IntSlider(
            value=round(cost_fp),
            min=0,
            max=max(1000, 2 * round(cost_fp)),
            step=10,
            description=_TEXT["cost_fp"],
            style=style,
            layout=layout,
            continuous_update=False,
        )
        self.cost_fn = widgets.IntSlider(
            value=round(cost_fn),
            min=0,
            max=max(3000, 2 * round(cost_fn)),
            step=50,
            description=_TEXT["cost_fn"],
            style=style,
            layout=layout,
            continuous_update=False,
        )
        self.best_button = widgets.Button(
            description=_TEXT["best"], icon="bullseye", layout={"width": "260px"}
        )
        self.best_button.on_click(lambda _: self.go_to_cheapest())
        self.summary = widgets.HTML()
        self.chart = widgets.Output()
        self.outcome: ThresholdOutcome | None = None
        self.best: ThresholdOutcome | None = None
        self.figure = None
        for slider in (self.threshold, self.cost_fp, self.cost_fn):
            slider.observe(lambda _: self.update(), names="value")
        controls = widgets.VBox([self.threshold, self.cost_fp, self.cost_fn, self.best_button])
        self.widget = widgets.VBox([widgets.HBox([controls, self.summary]), self.chart])
        self.update()

    def go_to_cheapest(self) -> None:
        """Move the threshold slider to the threshold with the lowest total cost at the current prices."""
        self.threshold.value = best_threshold(
            self.y_true, self.scores, self.cost_fp.value, self.cost_fn.value
        ).threshold

    def update(self) -> None:
        """Recompute the outcome of the current threshold and prices, then redraw the summary and the chart."""
        prices = (self.cost_fp.value, self.cost_fn.value)
        self.outcome = threshold_tradeoff(self.y_true, self.scores, self.threshold.value, *prices)
        self.best = best_threshold(self.y_true, self.scores, *prices)
        self.summary.value = self._summary_html(self.outcome, self.best)
        self.figure = cost_curve(
            tradeoff_table(self.y_true, self.scores, *prices), self.threshold.value, self.best.threshold
        )
        self.chart.outputs = (figure_output(self.figure),)

    def _summary_html(self, o: ThresholdOutcome, best: ThresholdOutcome) -> str:
        cell = "style='border:1px solid #ccc;padding:4px 8px;text-align:center'"
        table = (
            "<table style='border-collapse:collapse'>"
            f"<tr><td></td><th {cell}>flagged</th><th {cell}>not flagged</th></tr>"
            f"<tr><th {cell}>really yes</th><td {cell}>true positives: {o.tp}</td>"
            f"<td {cell}><b>misses: {o.fn}</b><br><small>{self.missed_means}</small></td></tr>"
            f"<tr><th {cell}>really no</th><td {cell}><b>false alarms: {o.fp}</b><br>"
            f"<small>{self.flagged_means}</small></td><td {cell}>true negatives: {o.tn}</td></tr>"
            "</table>"
        )
        return (
            f"<div style='margin-left:16px'>{table}"
            f"<p><b>Precision {_share(o.precision, _TEXT['undefined_precision'])}</b>: of the {o.flagged} "
            f"flagged, the share that were real.<br>"
            f"<b>Recall {_share(o.recall, _TEXT['undefined_recall'])}</b>: of the {o.tp + o.fn} real cases, "
            f"the share that were flagged.<br>"
            f"<b>Cost of mistakes {_eur(o.total_cost)}</b> = {o.fp} x {_eur(o.cost_fp)} + "
            f"{o.fn} x {_eur(o.cost_fn)}<br>"
            f"Cheapest at these prices: threshold {best.threshold:.2f}, {_eur(best.total_cost)}.</p></div>"
        )
