"""The literacy planner: hours per audience in, the plan table, its total and its cost out."""

from __future__ import annotations

from collections.abc import Mapping

import ipywidgets as widgets

from caiokit.charts import figure_output
from caiokit.charts.change import literacy_hours
from caiokit.errors import CaioKitError
from caiokit.literacy import DEFAULT_HOURLY_RATE_EUR, curriculum_hours, literacy_plan, plan_totals
from caiokit.tables import table_html
from caiokit.widgets.tool import Tool, inline_markdown

MAX_HOURS = 80.0


class LiteracyPlanner(Tool):
    """Set the training hours per person for each audience; read the plan, its hours and its cost."""

    title = "the AI literacy planner"

    def __init__(self, headcount: Mapping[str, int], hourly_rate_eur: float = DEFAULT_HOURLY_RATE_EUR):
        self.headcount = dict(headcount)
        self._defaults = curriculum_hours()
        start = literacy_plan(self.headcount, hourly_rate_eur=hourly_rate_eur)
        style = {"description_width": "170px"}
        self.hours = {
            audience: widgets.FloatSlider(
                value=self._defaults[audience],
                min=0.0,
                max=MAX_HOURS,
                step=0.5,
                description=f"{audience} ({count:,})",
                style=style,
                layout={"width": "540px"},
            )
            for audience, count in start["headcount"].items()
        }
        self.rate = widgets.BoundedFloatText(
            value=hourly_rate_eur, min=0.0, max=1000.0, step=5.0, description="EUR per hour", style=style
        )
        self.reset_button = widgets.Button(
            description="Reset to curriculum", icon="undo", layout={"width": "auto"}
        )
        self.reset_button.on_click(lambda _: self.reset())
        self.table = widgets.HTML()
        self.total = widgets.HTML()
        self.chart = widgets.Output()
        self.plan = None
        self.figure = None
        for control in (*self.hours.values(), self.rate):
            control.observe(lambda _: self.refresh(), names="value")
        self.widget = widgets.VBox(
            [
                widgets.HTML("<h4>AI literacy planner</h4><i>Hours of training per person, by audience</i>"),
                *self.hours.values(),
                widgets.HBox([self.rate, self.reset_button]),
                self.total,
                self.table,
                self.chart,
            ]
        )
        self.refresh()

    def reset(self) -> None:
        """Put every audience back to its full curriculum's hours."""
        for audience, slider in self.hours.items():
            slider.value = self._defaults[audience]

    def refresh(self) -> None:
        """Recompute the plan and redraw its table, total and chart."""
        try:
            self.plan = literacy_plan(
                self.headcount,
                {audience: slider.value for audience, slider in self.hours.items()},
                hourly_rate_eur=self.rate.value,
            )
        except CaioKitError as error:
            self.total.value = f"⚠ {inline_markdown(str(error))}"
            return
        totals = plan_totals(self.plan)
        self.total.value = inline_markdown(
            f"**Total: {totals['total_hours']:,.0f} hours** for {totals['headcount']:,} people "
            f"({totals['hours_per_head']:.1f} h per head), costing **EUR {totals['cost_eur']:,.0f}** "
            f"of working time at EUR {self.rate.value:g} per hour."
        )
        shown = self.plan.rename(
            columns={
                "hours_per_person": "hours / person",
                "total_hours": "total hours",
                "cost_eur": "cost (EUR)",
                "modules_left_out": "modules left out",
            }
        )
        self.table.value = table_html(
            shown,
            formatters={
                "headcount": "{:,}".format,
                "total hours": "{:,.0f}".format,
                "cost (EUR)": "{:,.0f}".format,
            },
            index=True,
        )
        self.figure = literacy_hours(self.plan)
        self.chart.outputs = (figure_output(self.figure),)
