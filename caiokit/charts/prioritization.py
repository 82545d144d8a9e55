"""Figures of lessons 03 and 04 (prioritisation, portfolio, roadmap): the 2x2 bubble chart, rank stability,
the roadmap Gantt chart and the team's load per quarter."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from caiokit.aiact import Tier
from caiokit.charts import TIER_COLOURS
from caiokit.i18n import _, format_percent, plain_number
from caiokit.roadmap import Roadmap
from caiokit.scoring import QUADRANTS, format_score
from caiokit.sensitivity import FRAGILE_SHARE, SAFE_SHARE, Verdict, stability_k, stability_verdicts

VERDICT_COLOURS = {
    Verdict.SAFE_PICK: "#1a9850",
    Verdict.DEPENDS_ON_WEIGHTS: "#fdae61",
    Verdict.UNLIKELY: "#bdbdbd",
}
SELECTED_OUTLINE = "#111111"
_LAYOUT = {"template": "plotly_white", "margin": {"l": 60, "r": 30, "t": 70, "b": 50}}
_LARGEST_BUBBLE = 46  # diameter in pixels of the most expensive use case


def value_feasibility_chart(
    points: pd.DataFrame,
    selected: Iterable[str] = (),
    method: str = "weighted",
    value_threshold: float | None = None,
    feasibility_threshold: float | None = None,
) -> go.Figure:
    """The value vs feasibility 2x2: one bubble per use case, sized by one-off cost, coloured by AI Act tier.

    ``points`` is the table of ``scoring.quadrant`` (columns ``value``, ``feasibility``, ``quadrant``)
    with the ``score`` and ``rank`` of the current method added; use cases in ``selected`` get a thick
    outline. The quadrant lines sit at the thresholds, by default the medians, as in ``quadrant``.
    """
    shown = points[points["value"].notna()]
    chosen = set(selected)
    thresholds = {
        "value": value_threshold if value_threshold is not None else _median(shown["value"]),
        "feasibility": (
            feasibility_threshold if feasibility_threshold is not None else _median(shown["feasibility"])
        ),
    }
    largest = float(shown["cost_one_off_eur"].max()) if len(shown) else 0.0
    traces = []
    for tier in Tier:
        rows = shown[shown["ai_act_tier"] == tier]
        if rows.empty:
            continue
        # Chosen ones last: the legend draws its symbol like the first point, which should not be outlined.
        rows = rows.iloc[np.argsort(rows["id"].isin(chosen).to_numpy(), kind="stable")]
        picked = rows["id"].isin(chosen).to_numpy()
        scores = rows["score"] if "score" in rows.columns else pd.Series(np.nan, index=rows.index)
        ranks = rows["rank"] if "rank" in rows.columns else pd.Series(pd.NA, index=rows.index)
        traces.append(
            {
                "type": "scatter",
                "x": rows["feasibility"].round(4).tolist(),
                "y": rows["value"].round(4).tolist(),
                "mode": "markers",
                "name": tier.label,
                "marker": {
                    "size": rows["cost_one_off_eur"].tolist(),
                    "sizemode": "area",
                    "sizeref": 2.0 * largest / _LARGEST_BUBBLE**2 if largest > 0 else 1.0,
                    "sizemin": 5,
                    "color": TIER_COLOURS[tier],
                    "opacity": 0.8,
                    "line": {
                        "color": [SELECTED_OUTLINE if flag else "#ffffff" for flag in picked],
                        "width": [3 if flag else 1 for flag in picked],
                    },
                },
                "customdata": [
                    [
                        str(use_case),
                        str(name),
                        format_score(float(value), method),
                        "-" if pd.isna(rank) else str(int(rank)),
                        float(cost),
                        _("in the portfolio") if flag else _("not in the portfolio"),
                    ]
                    for use_case, name, value, rank, cost, flag in zip(
                        rows["id"], rows["name"], scores, ranks, rows["cost_one_off_eur"], picked, strict=True
                    )
                ],
                "hovertemplate": _(
                    "<b>%{customdata[1]}</b> (%{customdata[0]})<br>score %{customdata[2]}, "
                    "rank %{customdata[3]}<br>one-off cost EUR %{customdata[4]:,.0f}<br>%{customdata[5]}"
                    "<extra></extra>"
                ),
            }
        )
    shapes = [
        _horizontal_line(thresholds["value"], "#969696", "dash"),
        _vertical_line(thresholds["feasibility"], "#969696", "dash"),
    ]
    annotations = [
        {
            "x": 1.04 if high_feasibility else -0.04,
            "y": 1.07 if high_value else -0.07,
            "xanchor": "right" if high_feasibility else "left",
            "text": f"<b>{place.label}</b>",
            "showarrow": False,
            "font": {"color": "#636363"},
        }
        for (high_value, high_feasibility), place in QUADRANTS.items()
    ]
    # Built in one go: plotly validates each update, and this chart is redrawn on every slider move.
    return go.Figure(
        data=traces,
        layout={
            "title": _("Value vs feasibility (bubble size: one-off cost; thick outline: in the portfolio)"),
            "xaxis": {
                "title": _("feasibility (0 = hardest, 1 = easiest)"),
                "range": [-0.06, 1.06],
                "zeroline": False,
            },
            "yaxis": {"title": _("value (0 = lowest, 1 = highest)"), "range": [-0.1, 1.1], "zeroline": False},
            "legend": {"title": {"text": _("EU AI Act tier")}},
            "shapes": shapes,
            "annotations": annotations,
            "height": 520,
            **_LAYOUT,
        },
    )


def stability_chart(stability: pd.DataFrame, top: int = 15) -> go.Figure:
    """Chance of staying in the top k for the best-ranked use cases, one bar each, coloured by verdict."""
    table = stability_verdicts(stability)
    k = stability_k(table)
    table = table[table["rank"].notna()].sort_values("rank", kind="stable").head(top)
    labels = [
        f"{rank}. {use_case} {name}"
        for rank, use_case, name in zip(table["rank"], table["id"], table["name"], strict=True)
    ]
    bars = {
        "type": "bar",
        "x": table["p_top_k"].round(4).tolist(),
        "y": labels,
        "orientation": "h",
        "marker": {"color": [VERDICT_COLOURS[verdict] for verdict in table["verdict"]]},
        "text": [format_percent(share) for share in table["p_top_k"]],
        "textposition": "outside",
        "customdata": [
            [Verdict.label_of(verdict), round(float(mean), 1), int(best), int(worst)]
            for verdict, mean, best, worst in zip(
                table["verdict"], table["mean_rank"], table["best_rank"], table["worst_rank"], strict=True
            )
        ],
        "hovertemplate": _(
            "%{y}<br>%{customdata[0]}<br>mean rank %{customdata[1]}, from %{customdata[2]} to %{customdata[3]}"
            "<extra></extra>"
        ),
    }
    safe = _("{share}: {verdict}").format(share=format_percent(SAFE_SHARE), verdict=Verdict.SAFE_PICK.label)
    marks = ((SAFE_SHARE, safe), (FRAGILE_SHARE, format_percent(FRAGILE_SHARE)))
    return go.Figure(
        data=[bars],
        layout={
            "title": _("How often each use case stays in the top {k} when the weights move").format(k=k),
            "xaxis": {
                "title": _("share of weight draws in the top {k}").format(k=k),
                "range": [0, 1.15],
                "tickformat": ".0%",
            },
            "yaxis": {"categoryorder": "array", "categoryarray": labels, "autorange": "reversed"},
            "shapes": [_vertical_line(share, "#636363", "dash") for share, _ in marks],
            "annotations": [
                {"x": share, "y": 1.0, "yref": "paper", "yanchor": "bottom", "text": text, "showarrow": False}
                for share, text in marks
            ],
            "height": max(320, 28 * len(labels) + 140),
            "showlegend": False,
            **_LAYOUT,
        },
    )


def roadmap_gantt(roadmap: Roadmap, tiers: Mapping[str, str] | None = None) -> go.Figure:
    """The roadmap as a Gantt chart by quarter: one bar per scheduled use case, coloured by AI Act tier."""
    plan = roadmap.table[roadmap.table["scheduled"].astype(bool)]  # an empty plan's column is not boolean
    tiers = tiers or {}
    quarters = list(roadmap.quarters)
    labels = [f"{use_case} {name}" for use_case, name in zip(plan["id"], plan["name"], strict=True)]
    traces = []
    for tier in Tier:
        rows = plan[[tiers.get(str(use_case), Tier.MINIMAL) == tier for use_case in plan["id"]]]
        if rows.empty:
            continue
        traces.append(
            {
                "type": "bar",
                "x": rows["duration_quarters"].astype(int).tolist(),
                "base": rows["start_index"].astype(int).tolist(),
                "y": [f"{use_case} {name}" for use_case, name in zip(rows["id"], rows["name"], strict=True)],
                "orientation": "h",
                "name": tier.label,
                "marker": {"color": TIER_COLOURS[tier]},
                "customdata": [
                    [first, last, round(float(per_quarter), 2), round(float(effort), 2)]
                    for first, last, per_quarter, effort in zip(
                        rows["start_quarter"],
                        rows["end_quarter"],
                        rows["effort_per_quarter"],
                        rows["effort_pm"],
                        strict=True,
                    )
                ],
                "hovertemplate": _(
                    "%{y}<br>%{customdata[0]} to %{customdata[1]}<br>"
                    "%{customdata[2]} person-months per quarter (%{customdata[3]} in all)<extra></extra>"
                ),
            }
        )
    annotations = []
    if plan.empty:
        annotations.append(
            {
                "text": _("Nothing scheduled: choose use cases or give the team more capacity"),
                "x": 0.5,
                "y": 0.5,
                "xref": "paper",
                "yref": "paper",
                "showarrow": False,
            }
        )
    left_out = len(roadmap.table) - len(plan)
    title = _("Roadmap: {count} use cases scheduled at {capacity} person-months per quarter").format(
        count=len(plan), capacity=plain_number(roadmap.capacity_pm_per_quarter)
    ) + (_(" ({count} left out)").format(count=left_out) if left_out else "")
    return go.Figure(
        data=traces,
        layout={
            "title": title,
            "barmode": "overlay",
            "xaxis": {
                "range": [0, len(quarters)],
                "tickmode": "array",
                "tickvals": [index + 0.5 for index in range(len(quarters))],
                "ticktext": quarters,
                "showgrid": False,
            },
            "yaxis": {"categoryorder": "array", "categoryarray": labels, "autorange": "reversed"},
            "shapes": [_vertical_line(boundary, "#e0e0e0") for boundary in range(1, len(quarters))],
            "annotations": annotations,
            "legend": {"title": {"text": _("EU AI Act tier")}},
            "height": max(300, 30 * len(labels) + 140),
            **_LAYOUT,
        },
    )


def quarterly_load_chart(load: pd.DataFrame) -> go.Figure:
    """Person-months planned per quarter as bars, with the team's capacity as a dashed line."""
    bars = {
        "type": "bar",
        "x": list(load.index),
        "y": load["load_pm"].round(2).tolist(),
        "marker": {"color": "#2b8cbe"},
        "text": [format_percent(share) for share in load["utilisation"]],
        "textposition": "outside",
        "hovertemplate": _("%{x}: %{y} person-months planned<extra></extra>"),
    }
    capacity = float(load["capacity_pm"].iloc[0]) if len(load) else None
    return go.Figure(
        data=[bars],
        layout={
            "title": _("Team load per quarter (label: share of capacity used)"),
            "yaxis": {"title": _("person-months"), "rangemode": "tozero"},
            "margin": {**_LAYOUT["margin"], "t": 80},
            "shapes": [] if capacity is None else [_horizontal_line(capacity, "#636363", "dash")],
            "annotations": []
            if capacity is None
            else [
                {
                    "x": 1,
                    "xref": "paper",
                    "xanchor": "right",
                    "y": capacity,
                    "yanchor": "bottom",
                    "text": _("capacity"),
                    "showarrow": False,
                }
            ],
            "height": 300,
            "showlegend": False,
            "template": _LAYOUT["template"],
        },
    )


def _vertical_line(x: float, colour: str, dash: str = "solid") -> dict:
    """A vertical line across the plot at x (a layout shape)."""
    return {
        "type": "line",
        "xref": "x",
        "x0": x,
        "x1": x,
        "yref": "y domain",
        "y0": 0,
        "y1": 1,
        "line": {"color": colour, "dash": dash, "width": 1},
        "layer": "below",
    }


def _horizontal_line(y: float, colour: str, dash: str = "solid") -> dict:
    """A horizontal line across the plot at y (a layout shape)."""
    return {
        "type": "line",
        "xref": "x domain",
        "x0": 0,
        "x1": 1,
        "yref": "y",
        "y0": y,
        "y1": y,
        "line": {"color": colour, "dash": dash, "width": 1},
        "layer": "below",
    }


def _median(values: pd.Series) -> float:
    """The median of the values shown, 0 if there are none (the default threshold of scoring.quadrant)."""
    return float(np.median(values.to_numpy(dtype=float))) if len(values) else 0.0
