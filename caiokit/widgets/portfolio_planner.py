"""The portfolio planner: choose use cases under a budget, compare exact and greedy, plan the quarters,
and see the money (NPV, ROI, payback).

Every number comes from ``portfolio``, ``roadmap``, ``finance`` and ``briefing``; this module only wires
the controls to them and shows the results.
"""

from __future__ import annotations

import html
import math

import ipywidgets as widgets
import pandas as pd

from caiokit.briefing import compare_portfolios, format_eur, value_gap
from caiokit.catalog import OPTIONAL_DEFAULTS, REQUIRED_COLUMNS, load_catalog, require_columns
from caiokit.charts import figure_output
from caiokit.charts.prioritization import quarterly_load_chart, roadmap_gantt
from caiokit.conventions import COURSE
from caiokit.errors import FinanceError, PortfolioError, RoadmapError
from caiokit.finance import portfolio_finance
from caiokit.portfolio import PortfolioResult, greedy_portfolio, select_portfolio
from caiokit.roadmap import Roadmap, plan_roadmap, quarterly_load
from caiokit.widgets.tool import Tool, inline_markdown

_TEXT = {
    "budget": "Budget, EUR",
    "capacity": "Team, person-months",
    "max_high_risk": "Max high-risk",
    "mandatory": "Must include",
    "excluded": "Leave out",
    "per_quarter": "Team, pm per quarter",
    "rate": "Discount rate",
    "years": "Years of benefit",
    "clash": "No portfolio is possible:",
    "exact": "Exact (best combination)",
    "greedy": "Greedy (best value per euro first)",
    "gap_none": "Greedy finds the best combination here too: no value is lost.",
    "gap": "Greedy leaves <b>{lost}</b> a year on the table: <b>{share:.1%}</b> less than the best combination.",
    "nothing": "Nothing fits within these limits: raise the budget or the team capacity.",
    "only_one": "Bold: picked by only one of the two methods.",
    "all_scheduled": "Every chosen use case fits in the {count} quarters from {start}.",
    "unscheduled": "Left out of the plan:",
    "no_finance": "Choose at least one use case to see the money.",
    "none_scheduled": "The roadmap schedules none of the chosen use cases, so there is no money to count yet.",
    "no_roadmap": "No roadmap, so no money to count: {error}",
    "finance_note": "Cash flows: the one-off cost in year 0, then the yearly benefit minus the running "
    "cost each year; NPV discounted at {rate:.1%} a year over {years} years. Only the use cases the "
    "Roadmap tab schedules are counted.",
    "not_counted": "Not counted, because the roadmap leaves them out:",
}
_STYLE = {"description_width": "170px"}
_WIDE = {"width": "560px"}
# Borders and colours come from the course's stylesheet (classes caio-table, caio-error).
_CELL = "style='padding:2px 8px;text-align:{align}'"


def use_catalog(catalog: pd.DataFrame | None) -> pd.DataFrame:
    """The built-in catalog, or the table given with its optional columns filled in (a subset is fine).

    The table is not re-validated, so that a subset whose prerequisites lie outside it can be planned.
    """
    if catalog is None:
        return load_catalog()
    complete = require_columns(catalog, [*REQUIRED_COLUMNS, *OPTIONAL_DEFAULTS])
    missing = [column for column in complete.columns if column not in catalog.columns]
    return catalog.assign(**{column: complete[column] for column in missing}).reset_index(drop=True)


def clash_html(message: str) -> str:
    """A PortfolioError message in plain HTML: its first line, then one bullet per clashing limit."""
    lines = message.split("\n")
    bullets = [line.strip()[2:] for line in lines[1:] if line.strip().startswith("- ")]
    text = html.escape(lines[0])
    text = text[0].upper() + text[1:] if text else text
    items = "".join(f"<li>{html.escape(item)}</li>" for item in bullets)
    return (
        f"<div class='caio-portfolio-error caio-error'><b>{_TEXT['clash']}</b> {text}"
        + (f"<ul>{items}</ul>" if items else "")
        + "</div>"
    )


def _left_out_html(heading: str, left_out: pd.DataFrame) -> str:
    """A heading and one bullet per use case the roadmap leaves out, with the reason."""
    items = "".join(
        f"<li>{html.escape(f'{row.id} {row.name}')}: {html.escape(row.reason)}</li>"
        for row in left_out.itertuples()
    )
    return f"<b>{heading}</b><ul>{items}</ul>"


def _row(cells: list[str], header: bool = False, bold: bool = False) -> str:
    """One HTML table row; the first cell left-aligned, the others right-aligned."""
    tag = "th" if header else "td"
    style = " style='font-weight:bold'" if bold else ""
    return (
        f"<tr{style}>"
        + "".join(
            f"<{tag} {_CELL.format(align='left' if index == 0 else 'right')}>{cell}</{tag}>"
            for index, cell in enumerate(cells)
        )
        + "</tr>"
    )


class PortfolioPlanner(Tool):
    """Limits (budget, team, high-risk cap, must include, leave out) -> exact vs greedy portfolio, the exact
    one's roadmap by quarter, and the money of what that roadmap schedules.

    ``catalog`` defaults to the built-in catalog of Alvera Group SE's 40 candidate use cases. Any table with
    the required columns works, a subset of the catalog too.
    """

    title = "the portfolio planner"

    def __init__(self, catalog: pd.DataFrame | None = None):
        self.catalog = use_catalog(catalog)
        self.exact: PortfolioResult | None = None
        self.greedy: PortfolioResult | None = None
        self.roadmap: Roadmap | None = None
        self.finance: pd.DataFrame | None = None
        self.gantt_figure = None
        self.load_figure = None
        self.error = ""
        self.roadmap_error = ""
        total_cost = float(self.catalog["cost_one_off_eur"].sum())
        total_effort = float(self.catalog["effort_pm"].sum())
        high_risk = int((self.catalog["ai_act_tier"] == "high").sum())
        options = [
            (f"{use_case} {name}", str(use_case))
            for use_case, name in zip(self.catalog["id"], self.catalog["name"], strict=True)
        ]
        budget_max = max(10_000, int(math.ceil(total_cost / 10_000) * 10_000))
        capacity_max = max(1.0, float(math.ceil(total_effort)))

        self.budget = widgets.IntSlider(
            value=min(COURSE.default_budget_eur, budget_max), min=0, max=budget_max, step=10_000,
            readout_format=",d", description=_TEXT["budget"], style=_STYLE, layout=_WIDE,
            continuous_update=False,
        )  # fmt: skip
        self.capacity = widgets.FloatSlider(
            value=min(COURSE.default_capacity_pm, capacity_max), min=0.0, max=capacity_max, step=0.5,
            readout_format=".1f", description=_TEXT["capacity"], style=_STYLE, layout=_WIDE,
            continuous_update=False,
        )  # fmt: skip
        self.max_high_risk = widgets.IntSlider(
            value=high_risk, min=0, max=max(high_risk, 1), description=_TEXT["max_high_risk"],
            style=_STYLE, continuous_update=False,
        )  # fmt: skip
        self.mandatory = widgets.SelectMultiple(
            options=options, description=_TEXT["mandatory"], rows=6, style=_STYLE, layout={"width": "420px"}
        )
        self.excluded = widgets.SelectMultiple(
            options=options, description=_TEXT["excluded"], rows=6, style=_STYLE, layout={"width": "420px"}
        )
        # The team's pace cannot exceed the effort the portfolio may use in total: the slider runs up to the
        # team capacity above, not up to the whole catalog's effort (about 200 pm).
        self.pm_per_quarter = widgets.FloatSlider(
            value=min(COURSE.team_pm_per_quarter, self.capacity.value), min=0.5,
            max=max(self.capacity.value, 1.0), step=0.5,
            readout_format=".1f", description=_TEXT["per_quarter"], style=_STYLE, layout=_WIDE,
            continuous_update=False,
        )  # fmt: skip
        self.rate = widgets.FloatSlider(
            value=COURSE.discount_rate, min=0.0, max=0.2, step=0.005, readout_format=".1%",
            description=_TEXT["rate"], style=_STYLE, continuous_update=False,
        )  # fmt: skip
        self.years = widgets.IntSlider(
            value=COURSE.finance_years, min=1, max=10, description=_TEXT["years"], style=_STYLE,
            continuous_update=False,
        )  # fmt: skip

        self.message = widgets.HTML()
        self.comparison = widgets.HTML()
        self.comparison.add_class("caio-portfolio-comparison")
        self.roadmap_chart = widgets.Output()
        self.unscheduled = widgets.HTML()
        self.finance_note = widgets.HTML()
        self.not_counted = widgets.HTML()
        self.finance_table = widgets.HTML()
        self.finance_table.add_class("caio-finance")

        self.capacity.observe(
            lambda change: setattr(self.pm_per_quarter, "max", max(change.new, 1.0)), "value"
        )
        for control in (self.budget, self.capacity, self.max_high_risk, self.mandatory, self.excluded):
            control.observe(lambda _: self.refresh(), names="value")
        self.pm_per_quarter.observe(lambda _: self.update_roadmap(), names="value")
        for control in (self.rate, self.years):
            control.observe(lambda _: self.update_finance(), names="value")

        limits = widgets.VBox(
            [
                self.budget,
                self.capacity,
                self.max_high_risk,
                widgets.HBox([self.mandatory, self.excluded]),
                self.message,
            ]
        )
        self.tabs = widgets.Tab(
            children=[
                widgets.VBox([self.comparison]),
                widgets.VBox([self.pm_per_quarter, self.roadmap_chart, self.unscheduled]),
                widgets.VBox(
                    [
                        widgets.HBox([self.rate, self.years]),
                        self.finance_note,
                        self.finance_table,
                        self.not_counted,
                    ]
                ),
            ],
            titles=["Exact vs greedy", "Roadmap", "Value"],
        )
        self.widget = widgets.VBox([limits, self.tabs])
        self.widget.add_class("caio-portfolio-planner")
        self.refresh()

    def refresh(self) -> None:
        """Choose both portfolios within the limits, then redo the roadmap and the finance table."""
        limits = {
            "budget": self.budget.value,
            "capacity_pm": self.capacity.value,
            "max_high_risk": self.max_high_risk.value,
            "mandatory": self.mandatory.value,
            "excluded": self.excluded.value,
        }
        try:
            self.exact = select_portfolio(self.catalog, **limits)
            self.greedy = greedy_portfolio(self.catalog, **limits)
        except PortfolioError as error:
            self.exact = self.greedy = None
            self.error = str(error)
            self.message.value = clash_html(self.error)
            self.comparison.value = ""
        else:
            self.error = ""
            self.message.value = ""
            self.comparison.value = self._comparison_html(self.exact, self.greedy)
        self.update_roadmap()

    def update_roadmap(self) -> None:
        """Plan the exact portfolio quarter by quarter, draw the Gantt chart and the team's load, then redo
        the finance table, which counts only what the roadmap schedules."""
        self.roadmap_chart.outputs = ()
        self.roadmap_error = ""
        if self.exact is None:
            self.roadmap, self.gantt_figure, self.load_figure = None, None, None
            self.unscheduled.value = ""
            self.update_finance()
            return
        try:
            self.roadmap = plan_roadmap(
                self.exact,
                self.pm_per_quarter.value,
                start=COURSE.start_quarter,
                horizon_quarters=COURSE.horizon_quarters,
            )
        except RoadmapError as error:
            self.roadmap, self.gantt_figure, self.load_figure = None, None, None
            self.roadmap_error = str(error)
            self.unscheduled.value = inline_markdown(self.roadmap_error)
            self.update_finance()
            return
        tiers = dict(zip(self.catalog["id"].astype(str), self.catalog["ai_act_tier"], strict=True))
        self.gantt_figure = roadmap_gantt(self.roadmap, tiers)
        self.load_figure = (
            quarterly_load_chart(quarterly_load(self.roadmap)) if len(self.roadmap.table) else None
        )
        figures = [self.gantt_figure] + ([self.load_figure] if self.load_figure is not None else [])
        self.roadmap_chart.outputs = tuple(figure_output(figure) for figure in figures)
        left_out = self.roadmap.unscheduled
        if left_out.empty:
            self.unscheduled.value = inline_markdown(
                _TEXT["all_scheduled"].format(count=COURSE.horizon_quarters, start=COURSE.start_quarter)
            )
        else:
            self.unscheduled.value = _left_out_html(_TEXT["unscheduled"], left_out)
        self.update_finance()

    def update_finance(self) -> None:
        """Costs, benefits, ROI, NPV and payback of each use case the roadmap schedules, and in total; the
        chosen use cases it leaves out are named with the reason."""
        self.finance_note.value = inline_markdown(
            _TEXT["finance_note"].format(rate=self.rate.value, years=self.years.value)
        )
        self.finance = None
        self.not_counted.value = ""
        if self.exact is None:
            self.finance_table.value = ""
            return
        if self.roadmap is None:
            self.finance_table.value = inline_markdown(_TEXT["no_roadmap"].format(error=self.roadmap_error))
            return
        left_out = self.roadmap.unscheduled
        if len(left_out):
            self.not_counted.value = _left_out_html(_TEXT["not_counted"], left_out)
        try:
            self.finance = portfolio_finance(
                self.catalog, self.roadmap.scheduled_ids, rate=self.rate.value, years=self.years.value
            )
        except FinanceError:
            key = "none_scheduled" if self.exact.selected else "no_finance"
            self.finance_table.value = inline_markdown(_TEXT[key])
            return
        header = ["Use case", "One-off cost", "Net per year", "ROI", "NPV", "Payback (years)"]
        rows = [_row(header, header=True)]
        for row in self.finance.itertuples():
            total = row.id == "total"
            payback = "not within the period" if math.isnan(row.payback_years) else f"{row.payback_years:.1f}"
            rows.append(
                _row(
                    [
                        "Portfolio total" if total else html.escape(f"{row.id} {row.name}"),
                        format_eur(row.one_off_eur),
                        format_eur(row.yearly_net_eur),
                        "-" if math.isnan(row.roi) else f"{row.roi:.0%}",
                        format_eur(row.npv_eur),
                        payback,
                    ],
                    bold=total,
                )
            )
        self.finance_table.value = (
            f"<table class='caio-table' style='border-collapse:collapse'>{''.join(rows)}</table>"
        )

    def _comparison_html(self, exact: PortfolioResult, greedy: PortfolioResult) -> str:
        """Totals of both portfolios side by side, the gap, and which use cases each picks."""
        if not exact.selected:
            return inline_markdown(_TEXT["nothing"])
        gap = value_gap(exact, greedy)
        rows = [_row(["", _TEXT["exact"], _TEXT["greedy"]], header=True)]
        for label, pick in (
            ("Use cases", lambda result: str(len(result.selected))),
            ("Yearly benefit", lambda result: format_eur(result.total_value)),
            ("One-off cost", lambda result: format_eur(result.total_cost)),
            ("Effort, person-months", lambda result: f"{result.total_effort:,.1f}"),
        ):
            rows.append(_row([label, pick(exact), pick(greedy)]))
        picks = compare_portfolios(exact, greedy)
        rows.append(_row(["<i>Use cases picked</i>", "", ""]))
        for item in picks.itertuples():
            only_one = item.in_exact != item.in_greedy
            rows.append(
                _row(
                    [
                        html.escape(f"{item.id} {item.name}"),
                        "✓" if item.in_exact else "",
                        "✓" if item.in_greedy else "",
                    ],
                    bold=only_one,
                )
            )
        summary = (
            _TEXT["gap_none"]
            if gap <= 0
            else _TEXT["gap"].format(lost=format_eur(exact.total_value - greedy.total_value), share=gap)
        )
        return (
            f"<p>{summary}</p><table class='caio-table' style='border-collapse:collapse'>{''.join(rows)}</table>"
            f"<p><small>{_TEXT['only_one']}</small></p>"
        )
