"""Figures of lesson 06 (ethics and compliance): tiers, the AI Act calendar, selection rates by group."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from caiokit.aiact import TIERS, format_date
from caiokit.charts import TIER_COLOURS
from caiokit.fairness import FOUR_FIFTHS, FairnessReport

GROUP_COLOURS = ("#2b8cbe", "#f16913", "#756bb1", "#31a354")
STATUS_COLOURS = {"in force": "#08519c", "proposed": "#bdbdbd"}
_LAYOUT = {"template": "plotly_white", "margin": {"l": 60, "r": 30, "t": 60, "b": 50}}


def tier_count_chart(counts: Mapping[str, int], title: str = "AI systems by EU AI Act tier") -> go.Figure:
    """One bar per tier, most severe first, in the course's tier colours."""
    values = [int(counts.get(tier, 0)) for tier in TIERS]
    figure = go.Figure(
        go.Bar(
            x=list(TIERS),
            y=values,
            marker_color=[TIER_COLOURS[tier] for tier in TIERS],
            text=values,
            textposition="outside",
        )
    )
    figure.update_layout(title=title, yaxis_title="number of use cases", height=340, **_LAYOUT)
    return figure


def dates_chart(dates: pd.DataFrame) -> go.Figure:
    """The AI Act calendar on a time line: dates in force in blue, proposed ones in grey (hover for details)."""
    figure = go.Figure()
    for status, colour in STATUS_COLOURS.items():
        rows = dates[dates["status"] == status]
        if rows.empty:
            continue
        figure.add_trace(
            go.Scatter(
                x=[day.strftime("%Y-%m-%d") for day in rows["date"]],
                y=[status] * len(rows),
                mode="markers+text",
                marker={"size": 14, "color": colour, "symbol": "diamond"},
                text=[format_date(day.date()) for day in rows["date"]],
                # Alternate labels above and below, so that close dates do not overprint each other.
                textposition=["top center" if i % 2 == 0 else "bottom center" for i in range(len(rows))],
                hovertext=list(rows["applies"]),
                hoverinfo="text",
                name=status,
            )
        )
    figure.update_layout(
        title="EU AI Act: when each part applies",
        height=300,
        showlegend=False,
        yaxis={"categoryorder": "array", "categoryarray": list(STATUS_COLOURS)[::-1], "range": [-0.7, 1.7]},
        **_LAYOUT,
    )
    return figure


def selection_rate_chart(report: FairnessReport) -> go.Figure:
    """Selection rate per group as bars, with a dashed line at four-fifths of the highest rate."""
    groups = list(report.rates)
    rates = [report.rates[g] for g in groups]
    labels = [f"{report.rates[g]:.1%} ({report.selected[g]}/{report.applicants[g]})" for g in groups]
    figure = go.Figure(
        go.Bar(
            x=[f"group {g}" for g in groups],
            y=rates,
            marker_color=[GROUP_COLOURS[i % len(GROUP_COLOURS)] for i in range(len(groups))],
            text=labels,
            textposition="inside",
            insidetextfont={"color": "white"},
        )
    )
    if max(rates) > 0:
        figure.add_hline(
            y=FOUR_FIFTHS * max(rates),
            line_dash="dash",
            line_color="#636363",
            annotation_text="4/5 of the highest rate (US EEOC rule of thumb)",
            annotation_position="top right",
        )
    ratio = "undefined" if report.ratio is None else f"{report.ratio:.2f}"
    figure.update_layout(
        title=f"Shortlisted at a score of {report.threshold:g} or more: gap {report.gap * 100:.1f} pts, ratio {ratio}",
        yaxis={"title": "selection rate", "tickformat": ".0%", "range": [0, 1.1]},
        height=360,
        **_LAYOUT,
    )
    return figure


def threshold_sweep_chart(sweep: pd.DataFrame, threshold: float | None = None) -> go.Figure:
    """Gap and ratio against the threshold, with the 0.8 line; a dotted line marks the current threshold."""
    figure = go.Figure()
    figure.add_trace(
        go.Scatter(x=list(sweep["threshold"]), y=list(sweep["ratio"]), mode="lines+markers", name="ratio")
    )
    figure.add_trace(
        go.Scatter(x=list(sweep["threshold"]), y=list(sweep["gap"]), mode="lines+markers", name="gap (share)")
    )
    figure.add_hline(y=FOUR_FIFTHS, line_dash="dash", line_color="#636363")
    if threshold is not None:
        figure.add_vline(x=threshold, line_dash="dot", line_color="#969696")
    figure.update_layout(
        title="How the gap and the ratio move with the threshold",
        xaxis_title="score threshold",
        yaxis={"title": "ratio, and gap as a share", "range": [0, 1.05]},
        height=360,
        **_LAYOUT,
    )
    return figure
