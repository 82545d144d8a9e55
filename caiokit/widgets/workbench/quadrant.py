"""The Value vs feasibility tab: the 2x2 bubble chart of the use cases, the portfolio outlined."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import ipywidgets as widgets
import pandas as pd

from caiokit.charts import figure_output
from caiokit.charts.prioritization import value_feasibility_chart
from caiokit.errors import ScoringError
from caiokit.scoring import quadrant


class QuadrantTab:
    """The value vs feasibility chart; ``points`` and ``figure`` are what it last drew (None after an error)."""

    def __init__(self) -> None:
        self.points: pd.DataFrame | None = None
        self.figure = None
        self.chart = widgets.Output()
        self.widget = widgets.VBox([self.chart])

    def show(
        self,
        catalog: pd.DataFrame,
        scored: pd.DataFrame,
        weights: Mapping[str, float] | None,
        selected: Iterable[str],
        method: str,
    ) -> None:
        """Draw the chart: axes from the weighted criteria (default weights for other methods)."""
        try:
            points = quadrant(catalog, weights)
        except ScoringError as error:
            self.points, self.figure = None, None
            self.chart.outputs = ({"output_type": "stream", "name": "stdout", "text": f"{error}\n"},)
            return
        self.points = points.assign(score=scored["score"], rank=scored["rank"])
        self.figure = value_feasibility_chart(self.points, selected, method)
        self.chart.outputs = (figure_output(self.figure),)
