"""The threshold explorer: move the decision threshold and the price of each mistake, see counts, rates and cost."""

from __future__ import annotations

import math
from collections.abc import Sequence

import ipywidgets as widgets

from caiokit.charts import figure_output
from caiokit.charts.technologies import cost_curve
from caiokit.i18n import N_, _, format_eur, format_number, format_percent, labelled, text
from caiokit.thresholds import ThresholdOutcome, best_threshold, threshold_tradeoff, tradeoff_table
from caiokit.widgets.tool import Tool, inline_markdown

_TEXT = {
    "title": N_("the threshold explorer"),
    "threshold": N_("Threshold"),
    "cost_fp": N_("False alarm, EUR"),
    "cost_fn": N_("Missed case, EUR"),
    "best": N_("Go to the cheapest threshold"),
    "undefined_precision": N_("n/a (nothing flagged)"),
    "undefined_recall": N_("n/a (no real case)"),
    "flagged_means": N_("an unneeded technician visit"),
    "missed_means": N_("a breakdown at the customer's home"),
    "flagged": N_("flagged"),
    "not_flagged": N_("not flagged"),
    "really_yes": N_("really yes"),
    "really_no": N_("really no"),
    "tp": N_("true positives: {count}"),
    "fn": N_("misses: {count}"),
    "fp": N_("false alarms: {count}"),
    "tn": N_("true negatives: {count}"),
    "precision": N_("Precision {share}"),
    "precision_means": N_("of the {count} flagged, the share that were real."),
    "recall": N_("Recall {share}"),
    "recall_means": N_("of the {count} real cases, the share that were flagged."),
    "cost": N_("Cost of mistakes {cost}"),
    "cheapest": N_("Cheapest at these prices: threshold {threshold}, {cost}."),
}
_CELL = "<{tag} style='border:1px solid #ccc;padding:4px 8px;text-align:center'>{content}</{tag}>"


def _share(value: float, undefined: str) -> str:
    return _(undefined) if math.isnan(value) else format_percent(value)


class ThresholdExplorer(Tool):
    """Sliders for the threshold and the cost of a false alarm and of a miss; the four counts, precision,
    recall, total cost, and the cost curve with the current threshold marked.

    ``y_true`` holds what really happened (1 yes, 0 no) and ``scores`` the model's score for each case.
    ``flagged_means`` and ``missed_means`` say in business words what a false alarm and a miss are.
    """

    title = _TEXT["title"]

    def __init__(
        self,
        y_true: Sequence[int],
        scores: Sequence[float],
        cost_fp: float = 80,
        cost_fn: float = 500,
        threshold: float = 0.5,
        flagged_means: str | None = None,
        missed_means: str | None = None,
    ):
        threshold_tradeoff(y_true, scores, threshold, cost_fp, cost_fn)  # raises a clear error on bad input
        self.y_true = y_true
        self.scores = scores
        self.flagged_means = inline_markdown(
            text(_TEXT["flagged_means"]) if flagged_means is None else flagged_means
        )
        self.missed_means = inline_markdown(
            text(_TEXT["missed_means"]) if missed_means is None else missed_means
        )
        style = {"description_width": "130px"}
        layout = {"width": "480px"}
        self.threshold = widgets.FloatSlider(
            value=threshold,
            min=0.0,
            max=1.0,
            step=0.01,
            readout_format=".2f",
            description=text(_TEXT["threshold"]),
            style=style,
            layout=layout,
            continuous_update=False,
        )
        self.cost_fp = widgets.IntSlider(
            value=round(cost_fp),
            min=0,
            max=max(1000, 2 * round(cost_fp)),
            step=10,
            description=text(_TEXT["cost_fp"]),
            style=style,
            layout=layout,
            continuous_update=False,
        )
        self.cost_fn = widgets.IntSlider(
            value=round(cost_fn),
            min=0,
            max=max(3000, 2 * round(cost_fn)),
            step=50,
            description=text(_TEXT["cost_fn"]),
            style=style,
            layout=layout,
            continuous_update=False,
        )
        self.best_button = widgets.Button(
            description=text(_TEXT["best"]), icon="bullseye", layout={"width": "260px"}
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
        def cell(tag: str, content: str) -> str:
            return _CELL.format(tag=tag, content=content)

        def bold(key: str, count: int, means: str) -> str:
            return f"<b>{_(_TEXT[key]).format(count=count)}</b><br><small>{means}</small>"

        table = (
            "<table style='border-collapse:collapse'>"
            f"<tr><td></td>{cell('th', text(_TEXT['flagged']))}{cell('th', text(_TEXT['not_flagged']))}</tr>"
            f"<tr>{cell('th', text(_TEXT['really_yes']))}{cell('td', text(_TEXT['tp']).format(count=o.tp))}"
            f"{cell('td', bold('fn', o.fn, self.missed_means))}</tr>"
            f"<tr>{cell('th', text(_TEXT['really_no']))}{cell('td', bold('fp', o.fp, self.flagged_means))}"
            f"{cell('td', text(_TEXT['tn']).format(count=o.tn))}</tr>"
            "</table>"
        )
        precision = text(_TEXT["precision"]).format(share=_share(o.precision, _TEXT["undefined_precision"]))
        recall = text(_TEXT["recall"]).format(share=_share(o.recall, _TEXT["undefined_recall"]))
        cost = text(_TEXT["cost"]).format(cost=format_eur(o.total_cost))
        sum_of_mistakes = f"{o.fp} x {format_eur(o.cost_fp)} + {o.fn} x {format_eur(o.cost_fn)}"
        cheapest = text(_TEXT["cheapest"]).format(
            threshold=format_number(best.threshold, 2), cost=format_eur(best.total_cost)
        )
        return (
            f"<div style='margin-left:16px'>{table}"
            f"<p>{labelled(f'<b>{precision}</b>', text(_TEXT['precision_means']).format(count=o.flagged))}<br>"
            f"{labelled(f'<b>{recall}</b>', text(_TEXT['recall_means']).format(count=o.tp + o.fn))}<br>"
            f"<b>{cost}</b> = {sum_of_mistakes}<br>"
            f"{cheapest}</p></div>"
        )
