"""The Ranking tab: the scoring method, the weights of the criteria, and the top of the ranking."""

from __future__ import annotations

import html

import ipywidgets as widgets
import pandas as pd

from caiokit.charts import TIER_COLOURS
from caiokit.errors import ScoringError
from caiokit.i18n import N_, _, format_percent, upper_first
from caiokit.scoring import (
    CRITERIA,
    DEFAULT_WEIGHTS,
    RISK_MULTIPLIERS,
    Method,
    explain_weights,
    format_score,
    ranked,
)
from caiokit.widgets.html_table import cell
from caiokit.widgets.html_table import table as table_html
from caiokit.widgets.tool import inline_markdown
from caiokit.widgets.workbench import WIDE

_METHOD_NOTES = {
    "weighted": N_("Move the sliders: each criterion's share of the score is shown on its right."),
    "rice": N_(
        "RICE = reach x impact x confidence / effort (person-months). No weights to set; the "
        "2x2 chart keeps the default weights for its axes."
    ),
    "ice": N_(
        "ICE = impact x confidence x ease, each from 1 to 10. No weights to set; the 2x2 chart "
        "keeps the default weights for its axes."
    ),
    "wsjf": N_(
        "WSJF = cost of delay / job size, on the scale 1, 2, 3, 5, 8, 13, 20. No weights to set; "
        "the 2x2 chart keeps the default weights for its axes."
    ),
}
CRITERION_LABELS = {
    "benefit": N_("Yearly benefit"),
    "reach": N_("Reach"),
    "impact": N_("Impact"),
    "confidence": N_("Confidence"),
    "data_readiness": N_("Data readiness"),
    "complexity": N_("Complexity"),
    "effort": N_("Effort"),
}
# The columns of the ranked table: title and alignment.
_COLUMNS = (
    (N_("Rank"), "right"),
    (N_("Id"), "left"),
    (N_("Use case"), "left"),
    (N_("Department"), "left"),
    (N_("Score"), "right"),
    (N_("EU AI Act tier"), "left"),
    (N_("Portfolio"), "center"),
)


class RankingTab:
    """Method, weights, risk adjustment and how many to show; the ranked table and what was set aside."""

    def __init__(self) -> None:
        self.method = widgets.Dropdown(
            options=[(upper_first(method.label), method.value) for method in Method],
            value="weighted",
            description=_("Method"),
            style=WIDE,
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
                description=_(CRITERION_LABELS[name]),
                style=WIDE,
                continuous_update=False,
            )
            slider.add_class("caio-weight")
            slider.add_class(f"caio-weight-{name}")
            self.weight_sliders[name] = slider
            self.weight_labels[name] = widgets.HTML()
        self.weights_box = widgets.VBox(
            [widgets.HBox([self.weight_sliders[name], self.weight_labels[name]]) for name in CRITERIA]
        )
        factors = ", ".join(f"{tier} x{factor:g}" for tier, factor in RISK_MULTIPLIERS.items() if factor != 1)
        self.risk_adjust = widgets.Checkbox(
            value=True,
            description=_("Discount riskier use cases (EU AI Act tier: {factors})").format(factors=factors),
            indent=False,
            layout={"width": "auto"},
        )
        self.top_n = widgets.IntSlider(
            value=15, min=1, max=40, description=_("Show top"), style=WIDE, continuous_update=False
        )
        self.status = widgets.HTML()
        self.ranking = widgets.HTML()
        self.ranking.add_class("caio-ranking")
        self.excluded = widgets.HTML()
        self.widget = widgets.VBox(
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

    @property
    def controls(self) -> tuple[widgets.Widget, ...]:
        """The controls whose change re-ranks the use cases."""
        return (self.method, *self.weight_sliders.values(), self.risk_adjust, self.top_n)

    def weights(self) -> dict[str, float] | None:
        """The weights set on the sliders (None unless the method is weighted)."""
        if self.method.value != "weighted":
            return None
        return {name: slider.value for name, slider in self.weight_sliders.items()}

    def fit(self, count: int) -> None:
        """Let the 'Show top' slider run up to the number of use cases in the catalog."""
        self.top_n.max = max(1, count)
        self.top_n.value = min(self.top_n.value, self.top_n.max)

    def show_method(self, error: str) -> None:
        """The method's note, the weights (weighted method only) with their shares, and a scoring error."""
        method, weights = self.method.value, self.weights()
        self.weights_box.layout.display = "" if method == "weighted" else "none"
        self.method_note.value = inline_markdown(_(_METHOD_NOTES[method]))
        self._show_weights(weights)
        stale = _("{error}. The table still shows the ranking from the last usable weights.").format(
            error=error[:1].upper() + error[1:]
        )
        self.status.value = f"<span class='caio-error'>{inline_markdown(stale)}</span>" if error else ""

    def show_ranking(self, scored: pd.DataFrame, chosen: set[str]) -> None:
        """The top N as an HTML table (portfolio rows highlighted) and the set-aside use cases below it."""
        method = self.method.value
        table = ranked(scored)
        head = "".join(cell(_(title), align, header=True) for title, align in _COLUMNS)
        rows = []
        for _index, row in table[table["rank"].notna()].head(self.top_n.value).iterrows():
            picked = row["id"] in chosen
            tier = str(row.get("ai_act_tier", "minimal"))
            dot = f"<span style='color:{TIER_COLOURS.get(tier, '#999')}'>●</span> {html.escape(tier)}"
            cells = (
                cell(str(int(row["rank"])), "right"),
                cell(html.escape(str(row["id"])), css="caio-rank-id"),
                cell(html.escape(str(row["name"]))),
                cell(html.escape(str(row.get("department", "")))),
                cell(format_score(float(row["score"]), method), "right", "caio-rank-score"),
                cell(dot),
                cell("✓" if picked else "", "center"),
            )
            klass = "caio-rank-row caio-in-portfolio caio-selected" if picked else "caio-rank-row"
            rows.append(f"<tr class='{klass}'>{''.join(cells)}</tr>")
        self.ranking.value = table_html(f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody>")
        set_aside = table[table["rank"].isna()]
        self.excluded.value = (
            f"<p><b>{_('Set aside, never scored:')}</b></p><ul>"
            + "".join(
                f"<li class='caio-excluded'>{html.escape(str(row['id']))} {html.escape(str(row['name']))}: "
                f"{html.escape(str(row['excluded_reason']))}</li>"
                for _index, row in set_aside.iterrows()
            )
            + "</ul>"
            if len(set_aside)
            else ""
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
            note = _(" (less is better)") if table.loc[name, "better"] == "lower" else ""
            label.value = f"= <b>{format_percent(table.loc[name, 'weight'])}</b>{note}"
