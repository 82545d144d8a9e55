"""Figures of lesson 06 (ethics and compliance): tiers, the AI Act calendar, selection rates by group."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from caiokit.aiact import Tier, format_date
from caiokit.charts import TIER_COLOURS
from caiokit.fairness import FOUR_FIFTHS, FairnessReport
from caiokit.i18n import N_, _, format_number, format_percent, plain_number, text

GROUP_COLOURS = ("#2b8cbe", "#f16913", "#756bb1", "#31a354")
# The rows of the calendar chart, by the status of a date in the facts table: law checked against the Official
# Journal, law as secondary sources report it, and proposals that are not law.
STATUS_ROWS = {
    "verified": (N_("law"), "#08519c"),
    "reported": (N_("law, reported"), "#6baed6"),
    "proposed": (N_("proposed"), "#bdbdbd"),
}
_LAYOUT = {"template": "plotly_white", "margin": {"l": 60, "r": 30, "t": 60, "b": 50}}
_TEXT = {
    "tiers_title": N_("AI systems by EU AI Act tier"),
    "use_cases": N_("number of use cases"),
    "dates_title": N_("EU AI Act: when each part applies"),
    "group": N_("group {group}"),
    "four_fifths": N_("4/5 of the highest rate (US EEOC rule of thumb)"),
    "undefined": N_("undefined"),
    "rates_title": N_("Shortlisted at a score of {threshold} or more: gap {gap} pts, ratio {ratio}"),
    "selection_rate": N_("selection rate"),
    "ratio": N_("ratio"),
    "gap": N_("gap (share)"),
    "sweep_title": N_("How the gap and the ratio move with the threshold"),
    "score_threshold": N_("score threshold"),
    "sweep_axis": N_("ratio, and gap as a share"),
}


def tier_count_chart(counts: Mapping[str, int], title: str | None = None) -> go.Figure:
    """One bar per tier, most severe first, in the course's tier colours (counts by tier id)."""
    values = [int(counts.get(tier, 0)) for tier in Tier]
    figure = go.Figure(
        go.Bar(
            x=list(Tier.labels()),
            y=values,
            marker_color=[TIER_COLOURS[tier] for tier in Tier],
            text=values,
            textposition="outside",
        )
    )
    figure.update_layout(
        title=text(_TEXT["tiers_title"]) if title is None else title,
        yaxis_title=text(_TEXT["use_cases"]),
        height=340,
        **_LAYOUT,
    )
    return figure


def dates_chart(dates: pd.DataFrame) -> go.Figure:
    """The AI Act calendar on a time line, a row for each status that has dates: the law in blue (lighter when
    only secondary sources report it), proposals in grey; hover for what applies."""
    figure = go.Figure()
    for status, (row, colour) in STATUS_ROWS.items():
        rows = dates[dates["status"] == status]
        if rows.empty:
            continue
        figure.add_trace(
            go.Scatter(
                x=[day.strftime("%Y-%m-%d") for day in rows["date"]],
                y=[_(row)] * len(rows),
                mode="markers+text",
                marker={"size": 14, "color": colour, "symbol": "diamond"},
                text=[format_date(day.date()) for day in rows["date"]],
                # Alternate labels above and below, so that close dates do not overprint each other.
                textposition=["top center" if i % 2 == 0 else "bottom center" for i in range(len(rows))],
                hovertext=list(rows["applies"]),
                hoverinfo="text",
                name=_(row),
            )
        )
    figure.update_layout(
        title=text(_TEXT["dates_title"]),
        height=380,
        showlegend=False,
        yaxis={
            "categoryorder": "array",
            "categoryarray": [trace.name for trace in figure.data][::-1],
            "range": [-0.7, len(figure.data) - 0.3],
        },
        **_LAYOUT,
    )
    return figure


def selection_rate_chart(report: FairnessReport) -> go.Figure:
    """Selection rate per group as bars, with a dashed line at four-fifths of the highest rate."""
    groups = list(report.rates)
    rates = [report.rates[g] for g in groups]
    labels = [
        f"{format_percent(report.rates[g], 1)} ({report.selected[g]}/{report.applicants[g]})" for g in groups
    ]
    figure = go.Figure(
        go.Bar(
            x=[text(_TEXT["group"]).format(group=g) for g in groups],
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
            annotation_text=text(_TEXT["four_fifths"]),
            annotation_position="top right",
        )
    ratio = text(_TEXT["undefined"]) if report.ratio is None else format_number(report.ratio, 2)
    title = text(_TEXT["rates_title"]).format(
        threshold=plain_number(report.threshold), gap=format_number(report.gap * 100, 1), ratio=ratio
    )
    figure.update_layout(
        title=title,
        yaxis={"title": text(_TEXT["selection_rate"]), "tickformat": ".0%", "range": [0, 1.1]},
        height=360,
        **_LAYOUT,
    )
    return figure


def threshold_sweep_chart(sweep: pd.DataFrame, threshold: float | None = None) -> go.Figure:
    """Gap and ratio against the threshold, with the 0.8 line; a dotted line marks the current threshold."""
    figure = go.Figure()
    figure.add_trace(
        go.Scatter(
            x=list(sweep["threshold"]),
            y=list(sweep["ratio"]),
            mode="lines+markers",
            name=text(_TEXT["ratio"]),
        )
    )
    figure.add_trace(
        go.Scatter(
            x=list(sweep["threshold"]), y=list(sweep["gap"]), mode="lines+markers", name=text(_TEXT["gap"])
        )
    )
    figure.add_hline(y=FOUR_FIFTHS, line_dash="dash", line_color="#636363")
    if threshold is not None:
        figure.add_vline(x=threshold, line_dash="dot", line_color="#969696")
    figure.update_layout(
        title=text(_TEXT["sweep_title"]),
        xaxis_title=text(_TEXT["score_threshold"]),
        yaxis={"title": text(_TEXT["sweep_axis"]), "range": [0, 1.05]},
        height=360,
        **_LAYOUT,
    )
    return figure
