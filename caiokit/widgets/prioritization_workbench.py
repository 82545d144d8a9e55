"""The prioritisation workbench: weigh the criteria, rank the use cases, pick a portfolio, test the ranking.

Every number comes from the domain modules (``scoring``, ``portfolio``, ``sensitivity``, ``briefing``);
this module only wires controls to them and shows the results.
"""

from __future__ import annotations

import html
import io
import math
import os
from pathlib import Path

import ipywidgets as widgets
import pandas as pd

from caiokit.briefing import (
    SAFE_SHARE,
    UNNAMED_COMPANY,
    VERDICTS,
    company_name,
    executive_summary,
    export_csv,
    format_eur,
    format_score,
    ranked,
    stability_verdicts,
)
from caiokit.catalog import load_catalog, outside_dependencies
from caiokit.charts import TIER_COLOURS, figure_output
from caiokit.charts.prioritization import stability_chart, value_feasibility_chart
from caiokit.conventions import COURSE
from caiokit.errors import CaioKitError, CatalogError, PortfolioError, ScoringError
from caiokit.finance import portfolio_finance
from caiokit.portfolio import PortfolioResult, select_portfolio
from caiokit.reports import markdown
from caiokit.scoring import (
    CRITERIA,
    DEFAULT_WEIGHTS,
    METHODS,
    RISK_MULTIPLIERS,
    explain_weights,
    quadrant,
    score,
)
from caiokit.sensitivity import rank_stability
from caiokit.widgets.layout import UPLOAD_CLASS
from caiokit.widgets.portfolio_planner import clash_html, use_catalog
from caiokit.widgets.tool import Tool, inline_markdown

STABILITY_SAMPLES = 500
STABILITY_K = 10
STABILITY_BARS = 15
DEFAULT_STEM = "alvera_priorities"
UPLOADED_STEM = "my_priorities"

_TEXT = {
    "method_labels": {
        "weighted": "Weighted criteria",
        "rice": "RICE",
        "ice": "ICE",
        "wsjf": "WSJF",
    },
    "method_notes": {
        "weighted": "Move the sliders: each criterion's share of the score is shown on its right.",
        "rice": "RICE = reach x impact x confidence / effort (person-months). No weights to set; the "
        "2x2 chart keeps the default weights for its axes.",
        "ice": "ICE = impact x confidence x ease, each from 1 to 10. No weights to set; the 2x2 chart "
        "keeps the default weights for its axes.",
        "wsjf": "WSJF = cost of delay / job size, on the scale 1, 2, 3, 5, 8, 13, 20. No weights to set; "
        "the 2x2 chart keeps the default weights for its axes.",
    },
    "criterion_labels": {
        "benefit": "Yearly benefit",
        "reach": "Reach",
        "impact": "Impact",
        "confidence": "Confidence",
        "data_readiness": "Data readiness",
        "complexity": "Complexity",
        "effort": "Effort",
    },
    "lower_better": " (less is better)",
    "risk_adjust": "Discount riskier use cases (EU AI Act tier: {factors})",
    "top_n": "Show top",
    "budget": "Budget, EUR",
    "capacity": "Team, person-months",
    "mandatory": "Must include",
    "stability_button": "How robust is this ranking?",
    "stability_weighted_only": "The robustness check shakes the weights of the criteria, so it only works "
    "for the **weighted** method. Choose 'Weighted criteria' in the Ranking tab, then click again.",
    "stability_stale": "The ranking changed since the last check: click the button again.",
    "stability_done": "**{safe}** use cases stay in the top {k} in at least {share} of {samples} random "
    "draws of the weights (safe picks); **{fragile}** depend on the weights; the others rarely make it.",
    "stem": "File name",
    "company": "Company",
    "export_button": "Save table and summary",
    "bad_stem": "Type a file name without a folder or extension, such as `alvera_priorities`.",
    "saved": "Saved **{csv}** (the ranked table) and **{md}** (the executive summary) in `{folder}`.",
    "not_saved": "Nothing was saved: {error}",
    "upload": "Upload a CSV",
    "upload_help": "Your own catalog: a CSV file with one row per use case (required columns: id, name, "
    "reach, impact, confidence, effort_pm, cost_one_off_eur, benefit_yearly_eur).",
    "loaded": "Loaded **{count}** use cases from {source}. Type your company's name in the Company "
    "field below, so the executive summary names it.",
    "outside": "Prerequisites outside this file:",
    "not_loaded": "<b>{source} was not loaded.</b> Fix {these} and upload it again; the previous catalog "
    "is still in use.",
    "stale_ranking": "{error}. The table still shows the ranking from the last usable weights.",
    "nothing_fits": "Nothing fits within {budget} and {capacity:g} person-months: raise the limits.",
    "portfolio": "<b>Portfolio ({method}):</b> {count} use cases, one-off cost {cost} of {budget}, "
    "effort {effort:g} of {capacity:g} person-months, yearly benefit <b>{value}</b>. Highlighted in the "
    "table and outlined in the chart.",
    "set_aside": "Set aside, never scored:",
}
# Borders and colours come from the course's stylesheet (classes caio-table, caio-selected, caio-error).
_CELL = "style='padding:2px 8px;text-align:{align}'"


def _cell(content: str, align: str = "left", css: str = "") -> str:
    """One table cell, with an optional CSS class."""
    klass = f" class='{css}'" if css else ""
    return f"<td{klass} {_CELL.format(align=align)}>{content}</td>"


class PrioritizationWorkbench(Tool):
    """Choose a scoring method and weights, see the ranking and the 2x2, pick a portfolio under a budget,
    test how robust the ranking is, load your own catalog and export an executive summary.

    ``catalog`` defaults to the built-in catalog of Alvera Group SE's 40 candidate use cases. Any table with
    the required columns works, a subset of the catalog too. The executive summary names the company in the
    Company field: Alvera's at first, cleared when the learner loads their own catalog.
    """

    title = "the prioritisation workbench"

    def __init__(self, catalog: pd.DataFrame | None = None):
        self.catalog = use_catalog(catalog)
        self.scored: pd.DataFrame | None = None
        self.points: pd.DataFrame | None = None
        self.portfolio: PortfolioResult | None = None
        self.stability: pd.DataFrame | None = None
        self.figure = None
        self.stability_figure = None
        self.error = ""
        self._stability_key: tuple | None = None
        self._catalog_version = 0
        self._holding = False
        wide = {"description_width": "150px"}

        self.method = widgets.Dropdown(
            options=[(_TEXT["method_labels"][name], name) for name in METHODS],
            value="weighted",
            description="Method",
            style=wide,
        )
        self.method_note = widgets.HTML()
        self.weight_sliders: dict[str, widgets.FloatSlider] = {}
        self.weight_labels: dict[str, widgets.HTML] = {}
        for name in CRITERIA:
            slider = widgets.FloatSlider(
                value=DEFAULT_WEIGHTS[name],
                min=0.0,
                max=1.0,
                step=0.05,
                readout_format=".2f",
                description=_TEXT["criterion_labels"][name],
                style=wide,
                continuous_update=False,
            )
            slider.add_class("caio-weight")
            slider.add_class(f"caio-weight-{name}")
            self.weight_sliders[name] = slider
            self.weight_labels[name] = widgets.HTML()
        self.weights_box = widgets.VBox(
            [widgets.HBox([self.weight_sliders[name], self.weight_labels[name]]) for name in CRITERIA]
        )
        self.risk_adjust = widgets.Checkbox(
            value=True,
            description=_TEXT["risk_adjust"].format(
                factors=", ".join(
                    f"{tier} x{factor:g}" for tier, factor in RISK_MULTIPLIERS.items() if factor != 1
                )
            ),
            indent=False,
            layout={"width": "auto"},
        )
        self.top_n = widgets.IntSlider(
            value=15, min=1, max=40, description=_TEXT["top_n"], style=wide, continuous_update=False
        )
        self.status = widgets.HTML()
        self.ranking = widgets.HTML()
        self.ranking.add_class("caio-ranking")
        self.excluded = widgets.HTML()
        self.chart = widgets.Output()

        self.budget = widgets.IntSlider(
            min=0, step=10_000, description=_TEXT["budget"], readout_format=",d", style=wide,
            layout={"width": "560px"}, continuous_update=False,
        )  # fmt: skip
        self.capacity = widgets.FloatSlider(
            min=0.0, step=0.5, description=_TEXT["capacity"], readout_format=".1f", style=wide,
            layout={"width": "560px"}, continuous_update=False,
        )  # fmt: skip
        self.mandatory = widgets.SelectMultiple(
            description=_TEXT["mandatory"], style=wide, rows=6, layout={"width": "560px"}
        )
        self.portfolio_summary = widgets.HTML()

        self.stability_button = widgets.Button(
            description=_TEXT["stability_button"], icon="random", layout={"width": "260px"}
        )
        self.stability_button.on_click(lambda _: self.check_stability())
        self.stability_message = widgets.HTML()
        self.stability_chart = widgets.Output()

        self.upload = widgets.FileUpload(
            accept=".csv,.xlsx", multiple=False, description=_TEXT["upload"], tooltip=_TEXT["upload"]
        )
        self.upload.add_class(UPLOAD_CLASS)  # its label is the tooltip: no count of files, always (0) here
        self.upload.observe(self._on_upload, names="value")
        self.upload_message = widgets.HTML()
        self.company = widgets.Text(
            value=company_name(), placeholder=UNNAMED_COMPANY, description=_TEXT["company"], style=wide
        )
        self.stem = widgets.Text(value=DEFAULT_STEM, description=_TEXT["stem"], style=wide)
        self.export_button = widgets.Button(description=_TEXT["export_button"], icon="download")
        self.export_button.on_click(lambda _: self.export())
        self.export_message = widgets.HTML()

        self._fit_controls(budget=COURSE.default_budget_eur, capacity=COURSE.default_capacity_pm)
        for control in (
            self.method,
            *self.weight_sliders.values(),
            self.risk_adjust,
            self.top_n,
            self.budget,
            self.capacity,
            self.mandatory,
        ):
            control.observe(lambda _: self.refresh(), names="value")

        ranking_tab = widgets.VBox(
            [
                self.method,
                self.method_note,
                self.weights_box,
                self.risk_adjust,
                self.top_n,
                self.status,
                self.ranking,
                self.excluded,
            ]
        )
        portfolio_tab = widgets.VBox([self.budget, self.capacity, self.mandatory, self.portfolio_summary])
        robustness_tab = widgets.VBox([self.stability_button, self.stability_message, self.stability_chart])
        files_tab = widgets.VBox(
            [
                widgets.HTML(f"<b>{_TEXT['upload_help']}</b>"),
                self.upload,
                self.upload_message,
                widgets.HTML("<hr>"),
                self.company,
                widgets.HBox([self.stem, self.export_button]),
                self.export_message,
            ]
        )
        self.tabs = widgets.Tab(
            children=[ranking_tab, widgets.VBox([self.chart]), portfolio_tab, robustness_tab, files_tab],
            titles=["Ranking", "Value vs feasibility", "Portfolio", "Robustness", "Your catalog & export"],
        )
        self.widget = widgets.VBox([self.tabs])
        self.widget.add_class("caio-prioritization-workbench")
        self.refresh()

    def weights(self) -> dict[str, float] | None:
        """The weights set on the sliders (None unless the method is weighted)."""
        if self.method.value != "weighted":
            return None
        return {name: slider.value for name, slider in self.weight_sliders.items()}

    def refresh(self) -> None:
        """Re-score, re-select the portfolio and redraw the table, the chart and the weights."""
        if self._holding:
            return
        method, weights = self.method.value, self.weights()
        self.weights_box.layout.display = "" if method == "weighted" else "none"
        self.method_note.value = inline_markdown(_TEXT["method_notes"][method])
        self.error = ""
        try:
            self.scored = score(self.catalog, method, weights, self.risk_adjust.value)
        except ScoringError as error:
            self.error = str(error)
        self._show_weights(weights)
        stale = _TEXT["stale_ranking"].format(error=self.error[:1].upper() + self.error[1:])
        self.status.value = f"<span class='caio-error'>{inline_markdown(stale)}</span>" if self.error else ""
        self._select_portfolio()
        self._show_ranking()
        self._show_chart(weights)
        if self.stability is not None and self._stability_key != self._ranking_key():
            self.stability = None
            self.stability_figure = None
            self.stability_chart.outputs = ()
            self.stability_message.value = inline_markdown(_TEXT["stability_stale"])

    def check_stability(self) -> None:
        """Run rank_stability on the current weights and draw the chance of each use case staying on top."""
        if self.method.value != "weighted":
            self.stability_message.value = inline_markdown(_TEXT["stability_weighted_only"])
            return
        try:
            self.stability = rank_stability(
                self.catalog,
                self.weights(),
                k=STABILITY_K,
                n_samples=STABILITY_SAMPLES,
                risk_adjust=self.risk_adjust.value,
            )
        except ScoringError as error:
            self.stability_message.value = inline_markdown(str(error))
            return
        self._stability_key = self._ranking_key()
        counts = stability_verdicts(self.stability)["verdict"].value_counts()
        self.stability_message.value = inline_markdown(
            _TEXT["stability_done"].format(
                safe=int(counts.get(VERDICTS[0], 0)),
                fragile=int(counts.get(VERDICTS[1], 0)),
                k=STABILITY_K,
                share=f"{SAFE_SHARE:.0%}",
                samples=STABILITY_SAMPLES,
            )
        )
        self.stability_figure = stability_chart(self.stability, top=STABILITY_BARS)
        self.stability_chart.outputs = (figure_output(self.stability_figure),)

    def load(self, source: str | os.PathLike | bytes | pd.DataFrame, name: str | None = None) -> bool:
        """Load a catalog from a CSV path, CSV bytes or a table; on problems, list them and keep the old one.

        The catalog is no longer the case study's, so the company name is cleared for the learner to type.
        """
        try:
            if isinstance(source, bytes | bytearray | memoryview):
                handle = io.BytesIO(bytes(source))
                handle.name = name or "the uploaded file"
                catalog = load_catalog(handle)
            elif isinstance(source, pd.DataFrame):
                catalog = use_catalog(source)
            else:
                catalog = load_catalog(source)
        except CatalogError as error:
            self.upload_message.value = self._problems_html(error)
            return False
        self.catalog = catalog
        self.company.value = ""
        if self.stem.value == DEFAULT_STEM:
            self.stem.value = UPLOADED_STEM
        self._catalog_version += 1  # so that refresh() below clears the robustness check
        self._fit_controls(budget=self.budget.value, capacity=self.capacity.value)
        self.refresh()
        source_name = name or (Path(source).name if isinstance(source, str | os.PathLike) else "the table")
        loaded = inline_markdown(_TEXT["loaded"].format(count=len(catalog), source=source_name))
        notes = "".join(f"<li>{html.escape(note)}</li>" for note in outside_dependencies(catalog))
        self.upload_message.value = loaded + (f"<br>{_TEXT['outside']}<ul>{notes}</ul>" if notes else "")
        return True

    def export(self) -> tuple[Path, Path] | None:
        """Write <stem>.csv (ranked table) and <stem>.md (executive summary) in the current folder."""
        stem = self.stem.value.strip()
        if not stem or any(mark in stem for mark in ("/", "\\", ":")) or stem.startswith(".") or "." in stem:
            self.export_message.value = inline_markdown(_TEXT["bad_stem"])
            return None
        folder = Path.cwd()
        finance = None
        if self.portfolio is not None and self.portfolio.selected:
            finance = portfolio_finance(
                self.catalog, self.portfolio.selected, COURSE.discount_rate, COURSE.finance_years
            )
        current = self.stability if self._stability_key == self._ranking_key() else None
        try:
            csv_path = export_csv(self.scored, folder / f"{stem}.csv")
            summary = executive_summary(
                self.scored,
                self.portfolio,
                current,
                finance,
                self.method.value,
                self.weights(),
                company=self.company.value,
                risk_adjusted=self.risk_adjust.value,
                rate=COURSE.discount_rate if finance is not None else None,
                years=COURSE.finance_years if finance is not None else None,
            )
            md_path = markdown.write(folder / f"{stem}.md", summary)
        except (CaioKitError, OSError) as error:
            self.export_message.value = inline_markdown(_TEXT["not_saved"].format(error=error))
            return None
        self.export_message.value = inline_markdown(
            _TEXT["saved"].format(csv=csv_path.name, md=md_path.name, folder=folder)
        )
        return csv_path, md_path

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
        """Fit the sliders' ranges and the mandatory list to the catalog, keeping values where possible."""
        self._holding = True
        try:
            total_cost = float(self.catalog["cost_one_off_eur"].sum())
            total_effort = float(self.catalog["effort_pm"].sum())
            self.budget.max = max(10_000, int(math.ceil(total_cost / 10_000) * 10_000))
            self.budget.value = min(int(budget), self.budget.max)
            self.capacity.max = max(1.0, math.ceil(total_effort))
            self.capacity.value = min(float(capacity), self.capacity.max)
            self.top_n.max = max(1, len(self.catalog))
            self.top_n.value = min(self.top_n.value, self.top_n.max)
            self.mandatory.value = ()
            self.mandatory.options = [
                (f"{use_case} {name}", str(use_case))
                for use_case, name in zip(self.catalog["id"], self.catalog["name"], strict=True)
            ]
        finally:
            self._holding = False

    def _select_portfolio(self) -> None:
        """The exact portfolio within the budget, capacity and must-include list, or the reason there is none."""
        try:
            self.portfolio = select_portfolio(
                self.catalog,
                self.budget.value,
                capacity_pm=self.capacity.value,
                mandatory=self.mandatory.value,
            )
        except PortfolioError as error:
            self.portfolio = None
            self.portfolio_summary.value = clash_html(str(error))
            return
        result = self.portfolio
        if not result.selected:
            self.portfolio_summary.value = inline_markdown(
                _TEXT["nothing_fits"].format(budget=format_eur(result.budget), capacity=self.capacity.value)
            )
            return
        names = self.catalog.set_index("id")["name"]
        items = "".join(
            f"<li>{html.escape(f'{use_case} {names[use_case]}')}</li>" for use_case in result.selected
        )
        self.portfolio_summary.value = (
            _TEXT["portfolio"].format(
                method="exact",
                count=len(result.selected),
                cost=format_eur(result.total_cost),
                budget=format_eur(result.budget),
                effort=round(result.total_effort, 1),
                capacity=self.capacity.value,
                value=format_eur(result.total_value),
            )
            + f"<ul>{items}</ul>"
        )

    def _show_weights(self, weights: dict[str, float] | None) -> None:
        """The normalised share of each criterion, beside its slider (explain_weights)."""
        if weights is None:
            return
        try:
            table = explain_weights(weights).set_index("criterion")
        except ScoringError:
            for label in self.weight_labels.values():
                label.value = "= -"
            return
        for name, label in self.weight_labels.items():
            note = _TEXT["lower_better"] if table.loc[name, "better"] == "lower" else ""
            label.value = f"= <b>{table.loc[name, 'weight']:.0%}</b>{note}"

    def _show_ranking(self) -> None:
        """The top N as an HTML table (portfolio rows highlighted) and the set-aside use cases below it."""
        method = self.method.value
        table = ranked(self.scored)
        chosen = set() if self.portfolio is None else set(self.portfolio.selected)
        head = "".join(
            f"<th {_CELL.format(align=align)}>{title}</th>"
            for title, align in (
                ("Rank", "right"),
                ("Id", "left"),
                ("Use case", "left"),
                ("Department", "left"),
                ("Score", "right"),
                ("EU AI Act tier", "left"),
                ("Portfolio", "center"),
            )
        )
        rows = []
        for _, row in table[table["rank"].notna()].head(self.top_n.value).iterrows():
            picked = row["id"] in chosen
            tier = str(row.get("ai_act_tier", "minimal"))
            dot = f"<span style='color:{TIER_COLOURS.get(tier, '#999')}'>●</span> {html.escape(tier)}"
            cells = (
                _cell(str(int(row["rank"])), "right"),
                _cell(html.escape(str(row["id"])), css="caio-rank-id"),
                _cell(html.escape(str(row["name"]))),
                _cell(html.escape(str(row.get("department", "")))),
                _cell(format_score(float(row["score"]), method), "right", "caio-rank-score"),
                _cell(dot),
                _cell("✓" if picked else "", "center"),
            )
            klass = "caio-rank-row caio-in-portfolio caio-selected" if picked else "caio-rank-row"
            rows.append(f"<tr class='{klass}'>{''.join(cells)}</tr>")
        self.ranking.value = (
            f"<table class='caio-table' style='border-collapse:collapse'><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>"
        )
        set_aside = table[table["rank"].isna()]
        self.excluded.value = (
            f"<p><b>{_TEXT['set_aside']}</b></p><ul>"
            + "".join(
                f"<li class='caio-excluded'>{html.escape(str(row['id']))} {html.escape(str(row['name']))}: "
                f"{html.escape(str(row['excluded_reason']))}</li>"
                for _, row in set_aside.iterrows()
            )
            + "</ul>"
            if len(set_aside)
            else ""
        )

    def _show_chart(self, weights: dict[str, float] | None) -> None:
        """The value vs feasibility bubble chart (axes from the weighted criteria, default weights otherwise)."""
        try:
            points = quadrant(self.catalog, weights)
        except ScoringError as error:
            self.points, self.figure = None, None
            self.chart.outputs = ({"output_type": "stream", "name": "stdout", "text": f"{error}\n"},)
            return
        self.points = points.assign(score=self.scored["score"], rank=self.scored["rank"])
        selected = () if self.portfolio is None else self.portfolio.selected
        self.figure = value_feasibility_chart(self.points, selected, self.method.value)
        self.chart.outputs = (figure_output(self.figure),)

    def _on_upload(self, change: dict) -> None:
        """Load the file just uploaded (FileUpload value: a tuple of dicts with name and content)."""
        files = change["new"]
        if not files:
            return
        uploaded = files[-1]
        self.load(bytes(uploaded["content"]), name=uploaded.get("name") or None)
        self.upload.value = ()  # so that the same file, once fixed, can be uploaded again

    def _problems_html(self, error: CatalogError) -> str:
        """A CatalogError as a heading and a bulleted list of every problem."""
        count = len(error.problems)
        these = "this problem" if count == 1 else f"these {count} problems"
        items = "".join(f"<li>{html.escape(problem)}</li>" for problem in error.problems)
        heading = _TEXT["not_loaded"].format(source=html.escape(error.source), these=these)
        return f"<div class='caio-upload-problems caio-error'>{heading}<ul>{items}</ul></div>"
