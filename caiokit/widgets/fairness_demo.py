"""Move a score threshold and watch who gets shortlisted: selection rates per group, the gap and the ratio."""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd
import plotly.graph_objects as go

from caiokit.charts import figure_output
from caiokit.charts.compliance import selection_rate_chart
from caiokit.fairness import DEFAULT_THRESHOLD, FairnessReport, fairness_report, load_hiring_screening
from caiokit.i18n import N_, _
from caiokit.widgets.tool import Tool, inline_markdown


class FairnessDemo(Tool):
    """A threshold slider over screening data; the summary and a bar chart follow every move."""

    title = N_("the fairness demo")

    def __init__(self, data: pd.DataFrame | None = None, threshold: int = DEFAULT_THRESHOLD):
        self.data = load_hiring_screening() if data is None else data
        self.threshold = widgets.IntSlider(
            value=threshold,
            min=0,
            max=100,
            step=1,
            description=_("Threshold:"),
            continuous_update=False,
            layout={"width": "420px"},
        )
        self.summary = widgets.HTML()
        self.chart = widgets.Output()
        self.report: FairnessReport | None = None
        self.figure: go.Figure | None = None
        self.threshold.observe(lambda _: self.update(), names="value")
        heading = _("Fairness of a screening threshold")
        explanation = _(
            "Applicants with a score at or above the threshold are shortlisted. Move the slider and compare the groups."
        )
        intro = widgets.HTML(f"<h4>{heading}</h4>{explanation}")
        self.widget = widgets.VBox([intro, self.threshold, self.summary, self.chart])
        self.update()

    def update(self) -> None:
        """Recompute the report at the slider's threshold and redraw the summary and the chart."""
        self.report = fairness_report(self.data, self.threshold.value)
        self.summary.value = inline_markdown(self.report.summary())
        self.figure = selection_rate_chart(self.report)
        self.chart.outputs = (figure_output(self.figure),)
