"""The literacy planner: hours per audience in, the plan table, its total and its cost out."""

from __future__ import annotations

from collections.abc import Mapping

import ipywidgets as widgets

from caiokit.charts import figure_output
from caiokit.charts.change import literacy_hours
from caiokit.errors import CaioKitError
from caiokit.i18n import N_, _, format_eur, format_number, plain_number
from caiokit.literacy import (
    DEFAULT_HOURLY_RATE_EUR,
    audiences,
    by_audience,
    curriculum_hours,
    literacy_plan,
    plan_totals,
)
from caiokit.tables import table_html
from caiokit.widgets.tool import Tool, inline_markdown

MAX_HOURS = 80.0
# The plan's columns as the table heads them, translated where shown.
_COLUMN_HEADS = {
    "headcount": N_("headcount"),
    "hours_per_person": N_("hours / person"),
    "total_hours": N_("total hours"),
    "cost_eur": N_("cost (EUR)"),
    "curriculum": N_("curriculum"),
    "modules_left_out": N_("modules left out"),
}


class LiteracyPlanner(Tool):
    """Set the training hours per person for each audience; read the plan, its hours and its cost."""

    title = N_("the AI literacy planner")

    def __init__(self, headcount: Mapping[str, int], hourly_rate_eur: float = DEFAULT_HOURLY_RATE_EUR):
        self.headcount = dict(headcount)
        self._defaults = curriculum_hours()
        literacy_plan(self.headcount, hourly_rate_eur=hourly_rate_eur)  # refuses unusable input at once
        counts = by_audience(self.headcount, "headcount")
        style = {"description_width": "170px"}
        self.hours = {
            audience: widgets.FloatSlider(
                value=self._defaults[audience],
                min=0.0,
                max=MAX_HOURS,
                step=0.5,
                description=f"{audience.label} ({format_number(counts[audience])})",
                style=style,
                layout={"width": "540px"},
            )
            for audience in audiences()
            if audience in counts
        }
        self.rate = widgets.BoundedFloatText(
            value=hourly_rate_eur, min=0.0, max=1000.0, step=5.0, description=_("EUR per hour"), style=style
        )
        self.reset_button = widgets.Button(
            description=_("Reset to curriculum"), icon="undo", layout={"width": "auto"}
        )
        self.reset_button.on_click(lambda _click: self.reset())
        self.table = widgets.HTML()
        self.total = widgets.HTML()
        self.chart = widgets.Output()
        self.plan = None
        self.figure = None
        for control in (*self.hours.values(), self.rate):
            control.observe(lambda _change: self.refresh(), names="value")
        heading = "<h4>{}</h4><i>{}</i>".format(
            _("AI literacy planner"), _("Hours of training per person, by audience")
        )
        self.widget = widgets.VBox(
            [
                widgets.HTML(heading),
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
            _(
                "**Total: {hours} hours** for {people} people ({hours_per_head} h per head), costing **{cost}** "
                "of working time at EUR {rate} per hour."
            ).format(
                hours=format_number(totals["total_hours"]),
                people=format_number(totals["headcount"]),
                hours_per_head=format_number(totals["hours_per_head"], 1),
                cost=format_eur(totals["cost_eur"]),
                rate=plain_number(self.rate.value),
            )
        )
        heads = {column: _(head) for column, head in _COLUMN_HEADS.items()}
        shown = self.plan.rename(columns=heads).rename_axis(_("audience"))
        self.table.value = table_html(
            shown,
            formatters={heads[column]: format_number for column in ("headcount", "total_hours", "cost_eur")},
            index=True,
        )
        self.figure = literacy_hours(self.plan)
        self.chart.outputs = (figure_output(self.figure),)
