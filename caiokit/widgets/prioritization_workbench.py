"""The prioritisation workbench: weigh the criteria, rank the use cases, pick a portfolio, test the ranking.

The tabs are in ``caiokit.widgets.workbench``, one class each; this module puts them together and keeps them
in step: a change of method, weights or limits re-scores the catalog, re-selects the portfolio and redraws
every tab.
"""

from __future__ import annotations

import os
from pathlib import Path

import ipywidgets as widgets
import pandas as pd

from caiokit.catalog import use_catalog
from caiokit.conventions import COURSE
from caiokit.errors import ScoringError
from caiokit.i18n import N_, _
from caiokit.portfolio import PortfolioResult
from caiokit.scoring import score
from caiokit.widgets.tool import Tool
from caiokit.widgets.workbench.catalog import CatalogTab
from caiokit.widgets.workbench.portfolio import PortfolioTab
from caiokit.widgets.workbench.quadrant import QuadrantTab
from caiokit.widgets.workbench.ranking import RankingTab
from caiokit.widgets.workbench.robustness import RobustnessTab

_TAB_TITLES = (
    N_("Ranking"),
    N_("Value vs feasibility"),
    N_("Portfolio"),
    N_("Robustness"),
    N_("Your catalog & export"),
)


class PrioritizationWorkbench(Tool):
    """Choose a scoring method and weights, see the ranking and the 2x2, pick a portfolio under a budget,
    test how robust the ranking is, load your own catalog and export an executive summary.

    ``catalog`` defaults to the built-in catalog of Alvera Group SE's 40 candidate use cases. Any table with
    the required columns works, a subset of the catalog too. The executive summary names the company in the
    Company field: Alvera's at first, cleared when the learner loads their own catalog.

    The tabs are ``ranking_tab``, ``quadrant_tab``, ``portfolio_tab``, ``robustness_tab`` and ``catalog_tab``;
    the controls that re-rank (``method``, ``weight_sliders``, ``risk_adjust``, ``top_n``, ``budget``,
    ``capacity``, ``mandatory``) are also attributes of the workbench, for a test or a script to set.
    """

    title = N_("the prioritisation workbench")

    def __init__(self, catalog: pd.DataFrame | None = None):
        self.catalog = use_catalog(catalog)
        self.scored: pd.DataFrame | None = None
        self.portfolio: PortfolioResult | None = None
        self.error = ""
        self._catalog_version = 0
        self._holding = False
        self.ranking_tab = RankingTab()
        self.quadrant_tab = QuadrantTab()
        self.portfolio_tab = PortfolioTab()
        self.robustness_tab = RobustnessTab()
        self.catalog_tab = CatalogTab(on_file=lambda content, name: self.load(content, name=name))
        ranking, limits = self.ranking_tab, self.portfolio_tab
        self.method, self.weight_sliders, self.risk_adjust, self.top_n = (
            ranking.method, ranking.weight_sliders, ranking.risk_adjust, ranking.top_n,
        )  # fmt: skip
        self.budget, self.capacity, self.mandatory = limits.budget, limits.capacity, limits.mandatory
        self.robustness_tab.stability_button.on_click(lambda _button: self.check_stability())
        self.catalog_tab.export_button.on_click(lambda _button: self.export())

        self._fit_controls(budget=COURSE.default_budget_eur, capacity=COURSE.default_capacity_pm)
        for control in (*ranking.controls, *limits.controls):
            control.observe(lambda _change: self.refresh(), names="value")
        tabs = (
            self.ranking_tab,
            self.quadrant_tab,
            self.portfolio_tab,
            self.robustness_tab,
            self.catalog_tab,
        )
        self.tabs = widgets.Tab(
            children=[tab.widget for tab in tabs], titles=[_(title) for title in _TAB_TITLES]
        )
        self.widget = widgets.VBox([self.tabs])
        self.widget.add_class("caio-prioritization-workbench")
        self.refresh()

    def weights(self) -> dict[str, float] | None:
        """The weights set on the sliders (None unless the method is weighted)."""
        return self.ranking_tab.weights()

    def refresh(self) -> None:
        """Re-score, re-select the portfolio and redraw the table, the chart and the weights."""
        if self._holding:
            return
        method, weights = self.method.value, self.weights()
        self.error = ""
        try:
            self.scored = score(self.catalog, method, weights, self.risk_adjust.value)
        except ScoringError as error:
            self.error = str(error)
        self.ranking_tab.show_method(self.error)
        self.portfolio = self.portfolio_tab.select(self.catalog)
        selected = () if self.portfolio is None else self.portfolio.selected
        self.ranking_tab.show_ranking(self.scored, set(selected))
        self.quadrant_tab.show(self.catalog, self.scored, weights, selected, method)
        self.robustness_tab.clear_if_stale(self._ranking_key())

    def check_stability(self) -> None:
        """Run the robustness check on the current weights (the Robustness tab's button)."""
        self.robustness_tab.check(
            self.catalog, self.method.value, self.weights(), self.risk_adjust.value, self._ranking_key()
        )

    def load(self, source: str | os.PathLike | bytes | pd.DataFrame, name: str | None = None) -> bool:
        """Load a catalog from a CSV path, CSV bytes or a table; on problems, list them and keep the old one.

        The catalog is no longer the case study's, so the company name is cleared for the learner to type.
        """
        catalog = self.catalog_tab.read(source, name)
        if catalog is None:
            return False
        self.catalog = catalog
        self._catalog_version += 1  # so that refresh() below clears the robustness check
        self._fit_controls(budget=self.budget.value, capacity=self.capacity.value)
        self.refresh()
        source_name = name or (Path(source).name if isinstance(source, str | os.PathLike) else _("the table"))
        self.catalog_tab.show_loaded(catalog, source_name)
        return True

    def export(self) -> tuple[Path, Path] | None:
        """Write <stem>.csv (ranked table) and <stem>.md (executive summary) in the current folder."""
        return self.catalog_tab.export(
            self.catalog,
            self.scored,
            self.portfolio,
            self.robustness_tab.current(self._ranking_key()),
            self.method.value,
            self.weights(),
            self.risk_adjust.value,
        )

    def _ranking_key(self) -> tuple:
        """What the robustness check depends on: the catalog, method, weights and risk adjustment."""
        weights = self.weights()
        return (
            self._catalog_version,
            self.method.value,
            None if weights is None else tuple(weights.values()),
            self.risk_adjust.value,
        )

    def _fit_controls(self, budget: float, capacity: float) -> None:
        """Fit the sliders' ranges and the must-include list to the catalog, keeping values where possible."""
        self._holding = True
        try:
            self.portfolio_tab.fit(self.catalog, budget, capacity)
            self.ranking_tab.fit(len(self.catalog))
        finally:
            self._holding = False
