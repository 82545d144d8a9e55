"""The portfolio planner: choose use cases under a budget, compare exact and greedy, plan the quarters,
and see the money (NPV, ROI, payback).

Every number comes from ``portfolio``, ``roadmap`` and ``finance``; this module only wires
the controls to them and shows the results.
"""

from __future__ import annotations

import html
import math

import ipywidgets as widgets
import pandas as pd

from caiokit.catalog import use_catalog
from caiokit.charts import figure_output
from caiokit.charts.prioritization import quarterly_load_chart, roadmap_gantt
from caiokit.conventions import COURSE
from caiokit.errors import FinanceError, PortfolioError, RoadmapError
from caiokit.finance import TOTAL_ID, portfolio_finance
from caiokit.i18n import N_, _, format_eur, format_number, format_percent, labelled, text
from caiokit.portfolio import (
    PortfolioResult,
    compare_portfolios,
    greedy_portfolio,
    select_portfolio,
    value_gap,
)
from caiokit.roadmap import Roadmap, plan_roadmap, quarterly_load
from caiokit.widgets import html_table
from caiokit.widgets.portfolio_clash import clash_html
from caiokit.widgets.tool import Tool, inline_markdown

_TEXT = {
    "budget": N_("Budget, EUR"),
    "capacity": N_("Team, person-months"),
    "max_high_risk": N_("Max high-risk"),
    "mandatory": N_("Must include"),
    "excluded": N_("Leave out"),
    "per_quarter": N_("Team, pm per quarter"),
    "rate": N_("Discount rate"),
    "years": N_("Years of benefit"),
    "exact": N_("Exact (best combination)"),
    "greedy": N_("Greedy (best value per euro first)"),
    "gap_none": N_("Greedy finds the best combination here too: no value is lost."),
    "gap": N_(
        "Greedy leaves <b>{lost}</b> a year on the table: <b>{share}</b> less than the best combination."
    ),
    "nothing": N_("Nothing fits within these limits: raise the budget or the team capacity."),
    "only_one": N_("Bold: picked by only one of the two methods."),
    "all_scheduled": N_("Every chosen use case fits in the {count} quarters from {start}."),
    "unscheduled": N_("Left out of the plan:"),
    "no_finance": N_("Choose at least one use case to see the money."),
    "none_scheduled": N_(
        "The roadmap schedules none of the chosen use cases, so there is no money to count yet."
    ),
    "no_roadmap": N_("No roadmap, so no money to count: {error}"),
    "finance_note": N_(
        "Cash flows: the one-off cost in year 0, then the yearly benefit minus the running "
        "cost each year; NPV discounted at {rate} a year over {years} years. Only the use cases the "
        "Roadmap tab schedules are counted."
    ),
    "not_counted": N_("Not counted, because the roadmap leaves them out:"),
    "tabs": (N_("Exact vs greedy"), N_("Roadmap"), N_("Value")),
    "finance_columns": (
        N_("Use case"),
        N_("One-off cost"),
        N_("Net per year"),
        N_("ROI"),
        N_("NPV"),
        N_("Payback (years)"),
    ),
    "not_within": N_("not within the period"),
    "total": N_("Portfolio total"),
    "comparison_rows": (
        N_("Use cases"),
        N_("Yearly benefit"),
        N_("One-off cost"),
        N_("Effort, person-months"),
    ),
    "picked": N_("Use cases picked"),
}
_STYLE = {"description_width": "170px"}
_WIDE = {"width": "560px"}


def _left_out_html(heading: str, left_out: pd.DataFrame) -> str:
    """A heading and one bullet per use case the roadmap leaves out, with the reason."""
    items = "".join(
        f"<li>{labelled(html.escape(f'{row.id} {row.name}'), html.escape(row.reason))}</li>"
        for row in left_out.itertuples()
    )
    return f"<b>{heading}</b><ul>{items}</ul>"


class PortfolioPlanner(Tool):
    """Limits (budget, team, high-risk cap, must include, leave out) -> exact vs greedy portfolio, the exact
    one's roadmap by quarter, and the money of what that roadmap schedules.

    ``catalog`` defaults to the built-in catalog of Alvera Group SE's 40 candidate use cases. Any table with
    the required columns works, a subset of the catalog too.
    """

    title = N_("the portfolio planner")

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
            readout_format=",d", description=text(_TEXT["budget"]), style=_STYLE, layout=_WIDE,
            continuous_update=False,
        )  # fmt: skip
        self.capacity = widgets.FloatSlider(
            value=min(COURSE.default_capacity_pm, capacity_max), min=0.0, max=capacity_max, step=0.5,
            readout_format=".1f", description=text(_TEXT["capacity"]), style=_STYLE, layout=_WIDE,
            continuous_update=False,
        )  # fmt: skip
        self.max_high_risk = widgets.IntSlider(
            value=high_risk, min=0, max=max(high_risk, 1), description=text(_TEXT["max_high_risk"]),
            style=_STYLE, continuous_update=False,
        )  # fmt: skip
        self.mandatory = widgets.SelectMultiple(
            options=options,
            description=text(_TEXT["mandatory"]),
            rows=6,
            style=_STYLE,
            layout={"width": "420px"},
        )
        self.excluded = widgets.SelectMultiple(
            options=options,
            description=text(_TEXT["excluded"]),
            rows=6,
            style=_STYLE,
            layout={"width": "420px"},
        )
        # The team's pace cannot exceed the effort the portfolio may use in total: the slider runs up to the
        # team capacity above, not up to the whole catalog's effort (about 200 pm).
        self.pm_per_quarter = widgets.FloatSlider(
            value=min(COURSE.team_pm_per_quarter, self.capacity.value), min=0.5,
            max=max(self.capacity.value, 1.0), step=0.5,
            readout_format=".1f", description=text(_TEXT["per_quarter"]), style=_STYLE, layout=_WIDE,
            continuous_update=False,
        )  # fmt: skip
        self.rate = widgets.FloatSlider(
            value=COURSE.discount_rate, min=0.0, max=0.2, step=0.005, readout_format=".1%",
            description=text(_TEXT["rate"]), style=_STYLE, continuous_update=False,
        )  # fmt: skip
        self.years = widgets.IntSlider(
            value=COURSE.finance_years, min=1, max=10, description=text(_TEXT["years"]), style=_STYLE,
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
            control.observe(lambda _change: self.refresh(), names="value")
        self.pm_per_quarter.observe(lambda _change: self.update_roadmap(), names="value")
        for control in (self.rate, self.years):
            control.observe(lambda _change: self.update_finance(), names="value")

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
            titles=[_(title) for title in _TEXT["tabs"]],
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
                text(_TEXT["all_scheduled"]).format(count=COURSE.horizon_quarters, start=COURSE.start_quarter)
            )
        else:
            self.unscheduled.value = _left_out_html(text(_TEXT["unscheduled"]), left_out)
        self.update_finance()

    def update_finance(self) -> None:
        """Costs, benefits, ROI, NPV and payback of each use case the roadmap schedules, and in total; the
        chosen use cases it leaves out are named with the reason."""
        self.finance_note.value = inline_markdown(
            text(_TEXT["finance_note"]).format(
                rate=format_percent(self.rate.value, 1), years=self.years.value
            )
        )
        self.finance = None
        self.not_counted.value = ""
        if self.exact is None:
            self.finance_table.value = ""
            return
        if self.roadmap is None:
            self.finance_table.value = inline_markdown(
                text(_TEXT["no_roadmap"]).format(error=self.roadmap_error)
            )
            return
        left_out = self.roadmap.unscheduled
        if len(left_out):
            self.not_counted.value = _left_out_html(text(_TEXT["not_counted"]), left_out)
        try:
            self.finance = portfolio_finance(
                self.catalog, self.roadmap.scheduled_ids, rate=self.rate.value, years=self.years.value
            )
        except FinanceError:
            key = "none_scheduled" if self.exact.selected else "no_finance"
            self.finance_table.value = inline_markdown(_(_TEXT[key]))
            return
        header = [_(title) for title in _TEXT["finance_columns"]]
        rows = [html_table.row(header, header=True)]
        for row in self.finance.itertuples():
            total = row.id == TOTAL_ID
            payback = (
                text(_TEXT["not_within"])
                if math.isnan(row.payback_years)
                else format_number(row.payback_years, 1)
            )
            rows.append(
                html_table.row(
                    [
                        text(_TEXT["total"]) if total else html.escape(f"{row.id} {row.name}"),
                        format_eur(row.one_off_eur),
                        format_eur(row.yearly_net_eur),
                        "-" if math.isnan(row.roi) else format_percent(row.roi),
                        format_eur(row.npv_eur),
                        payback,
                    ],
                    bold=total,
                )
            )
        self.finance_table.value = html_table.table("".join(rows))

    def _comparison_html(self, exact: PortfolioResult, greedy: PortfolioResult) -> str:
        """Totals of both portfolios side by side, the gap, and which use cases each picks."""
        if not exact.selected:
            return inline_markdown(text(_TEXT["nothing"]))
        gap = value_gap(exact, greedy)
        rows = [html_table.row(["", text(_TEXT["exact"]), text(_TEXT["greedy"])], header=True)]
        figures = (
            lambda result: str(len(result.selected)),
            lambda result: format_eur(result.total_value),
            lambda result: format_eur(result.total_cost),
            lambda result: format_number(result.total_effort, 1),
        )
        for label, pick in zip(_TEXT["comparison_rows"], figures, strict=True):
            rows.append(html_table.row([_(label), pick(exact), pick(greedy)]))
        picks = compare_portfolios(exact, greedy)
        rows.append(html_table.row([f"<i>{text(_TEXT['picked'])}</i>", "", ""]))
        for item in picks.itertuples():
            only_one = item.in_exact != item.in_greedy
            rows.append(
                html_table.row(
                    [
                        html.escape(f"{item.id} {item.name}"),
                        "✓" if item.in_exact else "",
                        "✓" if item.in_greedy else "",
                    ],
                    bold=only_one,
                )
            )
        summary = (
            text(_TEXT["gap_none"])
            if gap <= 0
            else text(_TEXT["gap"]).format(
                lost=format_eur(exact.total_value - greedy.total_value), share=format_percent(gap, 1)
            )
        )
        return f"<p>{summary}</p>{html_table.table(''.join(rows))}<p><small>{text(_TEXT['only_one'])}</small></p>"
