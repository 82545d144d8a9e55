"""Figures of the culture and change lesson: stakeholder grid, ADKAR profile, literacy hours."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from caiokit.adkar import ELEMENTS, AdkarResult
from caiokit.i18n import N_, _, format_number
from caiokit.stakeholders import HIGH_FROM, SCORE_RANGE, STANCES, Quadrant

# From red (strong opponent) to green (champion).
STANCE_COLOURS = {-2: "#b2182b", -1: "#ef8a62", 0: "#999999", 1: "#67a9cf", 2: "#1a9850"}
LOW_EDGE, HIGH_EDGE = SCORE_RANGE[0] - 0.8, SCORE_RANGE[1] + 0.9  # room for names and quadrant labels
SPLIT = HIGH_FROM - 0.5
SAME_SPOT_SHIFT = 0.3
QUADRANT_BOXES = {
    # quadrant: (x0, x1, y0, y1) on interest (x) and influence (y)
    Quadrant.KEEP_SATISFIED: (LOW_EDGE, SPLIT, SPLIT, HIGH_EDGE),
    Quadrant.MANAGE_CLOSELY: (SPLIT, HIGH_EDGE, SPLIT, HIGH_EDGE),
    Quadrant.MONITOR: (LOW_EDGE, SPLIT, LOW_EDGE, SPLIT),
    Quadrant.KEEP_INFORMED: (SPLIT, HIGH_EDGE, LOW_EDGE, SPLIT),
}
QUADRANT_FILL = {
    Quadrant.MANAGE_CLOSELY: "rgba(215, 48, 31, 0.10)",
    Quadrant.KEEP_SATISFIED: "rgba(252, 141, 89, 0.10)",
    Quadrant.KEEP_INFORMED: "rgba(103, 169, 207, 0.12)",
    Quadrant.MONITOR: "rgba(153, 153, 153, 0.08)",
}
ADKAR_COLOURS = {"barrier": "#d7301f", "weak": "#fc8d59", "ok": "#4d9221"}
# What each ADKAR bar says of its element, by the status that also picks its colour.
ADKAR_STATUS = {"barrier": N_("barrier"), "weak": N_("weak"), "ok": N_("ok")}


def stakeholder_grid(placed: pd.DataFrame) -> go.Figure:
    """Influence x interest grid of placed stakeholders (from ``place_stakeholders``), quadrants labelled."""
    figure = go.Figure()
    for place, (x0, x1, y0, y1) in QUADRANT_BOXES.items():
        figure.add_shape(
            type="rect", x0=x0, x1=x1, y0=y0, y1=y1, line_width=0, fillcolor=QUADRANT_FILL[place]
        )
        top = y1 == HIGH_EDGE
        figure.add_annotation(
            x=(x0 + x1) / 2,
            y=y1 - 0.1 if top else y0 + 0.1,
            yanchor="top" if top else "bottom",
            text=f"<b>{place.label}</b>",
            showarrow=False,
            font={"size": 13},
        )
    # Stakeholders on the same spot are spread sideways, their names alternately above and below.
    cell = placed.groupby(["interest", "influence"])
    rank, size = cell.cumcount(), cell["name"].transform("size")
    spread = placed.assign(
        x=placed["interest"] + (rank - (size - 1) / 2) * SAME_SPOT_SHIFT,
        label_position=["bottom center" if r % 2 else "top center" for r in rank],
    )
    hover = _("%{text}<br>interest %{customdata[1]}, influence %{y}<br>%{customdata[0]}")
    for stance, label in STANCES.items():
        group = spread[spread["stance"] == stance]
        if group.empty:
            continue
        figure.add_trace(
            go.Scatter(
                x=group["x"],
                y=group["influence"],
                mode="markers+text",
                text=group["name"],
                textposition=list(group["label_position"]),
                name=_(label),
                marker={"size": 14, "color": STANCE_COLOURS[stance], "line": {"width": 1, "color": "white"}},
                customdata=group[["quadrant", "interest"]],
                hovertemplate=hover + "<extra></extra>",
            )
        )
    axis = {"range": [LOW_EDGE, HIGH_EDGE], "tickvals": list(range(SCORE_RANGE[0], SCORE_RANGE[1] + 1))}
    figure.update_layout(
        title=_("Stakeholder map: influence x interest (colour = stance)"),
        xaxis={**axis, "title": _("interest in the AI programme (1-5)")},
        yaxis={**axis, "title": _("influence on its success (1-5)")},
        legend_title_text=_("stance"),
        template="plotly_white",
        height=520,
        margin={"t": 60, "l": 60, "r": 20, "b": 60},
    )
    return figure


def adkar_profile(result: AdkarResult) -> go.Figure:
    """Bars of the five ADKAR scores in order, the barrier point in red, the threshold as a line."""
    status = ["barrier" if e == result.barrier else "weak" if e in result.weak else "ok" for e in ELEMENTS]
    figure = go.Figure(
        go.Bar(
            x=[element.label for element in ELEMENTS],
            y=[result.scores[e] for e in ELEMENTS],
            marker_color=[ADKAR_COLOURS[s] for s in status],
            text=[_(ADKAR_STATUS[s]) for s in status],
            textposition="outside",
            hovertemplate="%{x}: %{y}<extra></extra>",
        )
    )
    figure.add_hline(y=result.threshold, line_dash="dash")
    figure.update_layout(
        title=_("ADKAR profile (dashed line: weak below {threshold})").format(
            threshold=f"{result.threshold:g}"
        ),
        yaxis={"range": [0, 5.8], "dtick": 1, "title": _("score (1-5)")},
        template="plotly_white",
        height=380,
        margin={"t": 60, "l": 60, "r": 20, "b": 40},
        showlegend=False,
    )
    return figure


def literacy_hours(plan: pd.DataFrame) -> go.Figure:
    """Total training hours per audience of a plan from ``literacy_plan``."""
    figure = go.Figure(
        go.Bar(
            x=list(plan.index),
            y=plan["total_hours"],
            text=[_("{hours} h").format(hours=format_number(hours)) for hours in plan["total_hours"]],
            textposition="outside",
            customdata=plan[["headcount", "hours_per_person"]],
            hovertemplate=_("%{x}: %{customdata[0]} people x %{customdata[1]} h = %{y:,.0f} h")
            + "<extra></extra>",
            marker_color="#3182bd",
        )
    )
    figure.update_layout(
        title=_("Training hours by audience"),
        yaxis={"title": _("total hours"), "rangemode": "tozero"},
        template="plotly_white",
        height=380,
        margin={"t": 60, "l": 60, "r": 20, "b": 40},
    )
    return figure
