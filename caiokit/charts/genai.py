"""Figures of the generative-AI lesson: the sensitivity of a build/buy decision, a service's monthly cost."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from caiokit.genai.cost import BreakEven, MonthlyCost
from caiokit.i18n import _, format_eur, format_percent

HOLDS_COLOUR = "rgba(77, 146, 33, 0.45)"
WEIGHT_COLOUR = "#222222"


def decision_ranges(table: pd.DataFrame, labels: pd.Series, winner: str) -> go.Figure:
    """One bar per criterion: the range of its weight over which the decision holds, today's weight marked.

    ``table`` is ``caiokit.genai.build_buy.sensitivity(...)``; ``labels`` maps criterion ids to their labels.
    """
    names = [labels[c] for c in table.index]
    low = table["flip_below"].fillna(0.0)
    high = table["flip_above"].fillna(1.0)
    hover = [
        _("{criterion}: {winner} holds from {low} to {high}").format(
            criterion=name, winner=winner, low=format_percent(lo), high=format_percent(hi)
        )
        for name, lo, hi in zip(names, low, high, strict=True)
    ]
    figure = go.Figure(
        go.Bar(
            y=names,
            x=(high - low) * 100,
            base=low * 100,
            orientation="h",
            marker_color=HOLDS_COLOUR,
            hovertext=hover,
            hoverinfo="text",
            name=_("decision holds"),
        )
    )
    figure.add_trace(
        go.Scatter(
            y=names,
            x=table["weight"] * 100,
            mode="markers",
            marker={"symbol": "line-ns", "size": 22, "line": {"width": 3, "color": WEIGHT_COLOUR}},
            name=_("today's weight"),
            hoverinfo="skip",
        )
    )
    figure.update_layout(
        title=_("How far each weight can move before {winner} stops being the answer").format(winner=winner),
        xaxis={
            "range": [0, 100],
            "title": _("weight of the criterion (%), the others keeping their proportions"),
        },
        yaxis={"autorange": "reversed"},
        template="plotly_white",
        height=340,
        margin={"t": 60, "l": 200, "r": 20, "b": 50},
        legend={"orientation": "h", "y": -0.3},
    )
    return figure


def cost_against_value(cost: MonthlyCost, result: BreakEven) -> go.Figure:
    """Stacked bars of the monthly cost (small model, large model, review) beside the monthly value."""
    parts = (
        (_("small model"), cost.small_model_eur, "#67a9cf"),
        (_("large model"), cost.large_model_eur, "#2166ac"),
        (_("human review"), cost.review_eur, "#fc8d59"),
    )
    cost_label, value_label = _("cost per month"), _("value per month")
    figure = go.Figure(
        [
            go.Bar(x=[cost_label], y=[amount], name=name, marker_color=colour, hovertext=format_eur(amount))
            for name, amount, colour in parts
        ]
    )
    figure.add_trace(
        go.Bar(
            x=[value_label],
            y=[result.value_per_month_eur],
            name=value_label,
            marker_color="#4d9221",
            hovertext=format_eur(result.value_per_month_eur),
        )
    )
    figure.update_layout(
        barmode="stack",
        title=_("Cost and value per month (EUR)"),
        template="plotly_white",
        height=340,
        margin={"t": 60, "l": 60, "r": 20, "b": 40},
    )
    return figure
