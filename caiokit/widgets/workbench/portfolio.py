"""The Portfolio tab: the budget, the team's capacity and the must-haves, and the best portfolio within them."""

from __future__ import annotations

import html
import math

import ipywidgets as widgets
import pandas as pd

from caiokit.errors import PortfolioError
from caiokit.i18n import _, format_eur, plain_number
from caiokit.portfolio import PortfolioResult, select_portfolio
from caiokit.widgets.portfolio_clash import clash_html
from caiokit.widgets.tool import inline_markdown
from caiokit.widgets.workbench import WIDE


class PortfolioTab:
    """Budget, capacity and must-include sliders; the exact portfolio within them, or why there is none."""

    def __init__(self) -> None:
        self.budget = widgets.IntSlider(
            min=0, step=10_000, description=_("Budget, EUR"), readout_format=",d", style=WIDE,
            layout={"width": "560px"}, continuous_update=False,
        )  # fmt: skip
        self.capacity = widgets.FloatSlider(
            min=0.0, step=0.5, description=_("Team, person-months"), readout_format=".1f", style=WIDE,
            layout={"width": "560px"}, continuous_update=False,
        )  # fmt: skip
        self.mandatory = widgets.SelectMultiple(
            description=_("Must include"), style=WIDE, rows=6, layout={"width": "560px"}
        )
        self.portfolio_summary = widgets.HTML()
        self.widget = widgets.VBox([self.budget, self.capacity, self.mandatory, self.portfolio_summary])

    @property
    def controls(self) -> tuple[widgets.Widget, ...]:
        """The limits whose change re-selects the portfolio."""
        return (self.budget, self.capacity, self.mandatory)

    def fit(self, catalog: pd.DataFrame, budget: float, capacity: float) -> None:
        """Fit the sliders' ranges and the must-include list to the catalog, keeping values where possible."""
        total_cost = float(catalog["cost_one_off_eur"].sum())
        total_effort = float(catalog["effort_pm"].sum())
        self.budget.max = max(10_000, int(math.ceil(total_cost / 10_000) * 10_000))
        self.budget.value = min(int(budget), self.budget.max)
        self.capacity.max = max(1.0, math.ceil(total_effort))
        self.capacity.value = min(float(capacity), self.capacity.max)
        self.mandatory.value = ()
        self.mandatory.options = [
            (f"{use_case} {name}", str(use_case))
            for use_case, name in zip(catalog["id"], catalog["name"], strict=True)
        ]

    def select(self, catalog: pd.DataFrame) -> PortfolioResult | None:
        """The exact portfolio within the limits, shown with its totals; None (and why) if the limits clash."""
        try:
            result = select_portfolio(
                catalog, self.budget.value, capacity_pm=self.capacity.value, mandatory=self.mandatory.value
            )
        except PortfolioError as error:
            self.portfolio_summary.value = clash_html(str(error))
            return None
        capacity = plain_number(self.capacity.value)
        if not result.selected:
            self.portfolio_summary.value = inline_markdown(
                _("Nothing fits within {budget} and {capacity} person-months: raise the limits.").format(
                    budget=format_eur(result.budget), capacity=capacity
                )
            )
            return result
        names = catalog.set_index("id")["name"]
        items = "".join(
            f"<li>{html.escape(f'{use_case} {names[use_case]}')}</li>" for use_case in result.selected
        )
        self.portfolio_summary.value = (
            _(
                "<b>Portfolio ({method}):</b> {count} use cases, one-off cost {cost} of {budget}, "
                "effort {effort} of {capacity} person-months, yearly benefit <b>{value}</b>. Highlighted in "
                "the table and outlined in the chart."
            ).format(
                method=_("exact"),
                count=len(result.selected),
                cost=format_eur(result.total_cost),
                budget=format_eur(result.budget),
                effort=plain_number(round(result.total_effort, 1)),
                capacity=capacity,
                value=format_eur(result.total_value),
            )
            + f"<ul>{items}</ul>"
        )
        return result
