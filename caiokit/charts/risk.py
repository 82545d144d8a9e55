"""Figures of the risk lesson: the risk register's heat map, each risk against its category's appetite."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from caiokit.i18n import N_, _
from caiokit.risk.register import SCALE

# Cells by score (likelihood x impact); markers by whether the risk is above its category's appetite.
CELL_COLOURS = ((4, "#d9f0d3"), (9, "#fee8c8"), (16, "#fdbb84"), (25, "#ef6548"))
MARKER_COLOURS = {True: "#b30000", False: "#1a9850"}
MARKER_LEGEND = {True: N_("above appetite"), False: N_("within appetite")}
SPREAD = 0.18  # how far risks that share a cell are moved apart


def _cell_colour(score: int) -> str:
    return next(colour for top, colour in CELL_COLOURS if score <= top)


def risk_heatmap(assessed: pd.DataFrame, residual: bool = False) -> go.Figure:
    """Likelihood x impact grid of an assessed register (from ``assess``), before or after treatment."""
    low, high = SCALE
    figure = go.Figure()
    for likelihood in range(low, high + 1):
        for impact in range(low, high + 1):
            figure.add_shape(
                type="rect",
                x0=impact - 0.5,
                x1=impact + 0.5,
                y0=likelihood - 0.5,
                y1=likelihood + 0.5,
                line={"color": "white", "width": 2},
                fillcolor=_cell_colour(likelihood * impact),
                layer="below",
            )
    prefix = "residual_" if residual else ""
    exceeds = assessed[f"{prefix}exceeds"]
    seen: dict[tuple[int, int], int] = {}
    xs, ys = [], []
    for row in assessed.itertuples(index=False):
        spot = (getattr(row, f"{prefix}impact"), getattr(row, f"{prefix}likelihood"))
        shift = seen.get(spot, 0)
        seen[spot] = shift + 1
        xs.append(spot[0] + SPREAD * (shift % 3 - 1) * (shift > 0))
        ys.append(spot[1] - SPREAD * (shift // 3 + (shift > 0)) * (shift > 0))
    frame = assessed.assign(x=xs, y=ys, above=exceeds)
    for above in (True, False):
        part = frame[frame["above"] == above]
        figure.add_trace(
            go.Scatter(
                x=part["x"],
                y=part["y"],
                mode="markers+text",
                text=part["id"],
                textposition="top center",
                marker={"size": 14, "color": MARKER_COLOURS[above], "line": {"color": "white", "width": 1}},
                name=_(MARKER_LEGEND[above]),
                customdata=part[["risk", f"{prefix}score", "appetite"]].values,
                hovertemplate="%{text}: %{customdata[0]}<br>"
                + _("score {score}, appetite {appetite}").format(
                    score="%{customdata[1]}", appetite="%{customdata[2]}"
                )
                + "<extra></extra>",
            )
        )
    title = _("Residual risks after treatment") if residual else _("Risks before treatment")
    figure.update_layout(
        title=title,
        xaxis={"title": _("impact"), "range": [low - 0.5, high + 0.5], "dtick": 1},
        yaxis={"title": _("likelihood"), "range": [low - 0.5, high + 0.5], "dtick": 1},
        height=460,
        legend={"orientation": "h", "y": -0.2},
        margin={"t": 50, "l": 60, "r": 20, "b": 40},
    )
    return figure
