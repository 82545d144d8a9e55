"""Figures of the AI-team lesson: the workload a plan puts on each role, and where the team falls short."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from caiokit.i18n import _
from caiokit.teams import Role, role

# One colour per role, in the order of the roles (caiokit.teams.Role).
ROLE_PALETTE = ("#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#666666")
# Blue where people are spare, white where capacity matches demand, red where the team is short.
GAP_COLOURSCALE = [[0.0, "#2166ac"], [0.5, "#f7f7f7"], [1.0, "#b2182b"]]


def workload_figure(workload: pd.DataFrame) -> go.Figure:
    """Stacked bars: person-months of work per quarter, split by role (columns name roles by id or label)."""
    colours = dict(zip(Role, ROLE_PALETTE, strict=True))
    figure = go.Figure()
    for column in workload.columns:
        member = role(column)
        figure.add_bar(
            x=list(workload.index),
            y=workload[column].round(2).tolist(),
            name=member.label,
            marker_color=colours[member],
            hovertemplate="%{x}<br>"
            + _("{role}: {months} person-months").format(role=member.label, months="%{y:.1f}")
            + "<extra></extra>",
        )
    figure.update_layout(
        barmode="stack",
        title=_("Work the plan needs, by role"),
        xaxis_title=_("quarter"),
        yaxis_title=_("person-months"),
        legend_title=_("role"),
        height=420,
        margin={"t": 60, "b": 40},
    )
    return figure


def gap_heatmap(sized: pd.DataFrame) -> go.Figure:
    """Heatmap of people short (+, red) or spare (-, blue) per role and quarter, from ``size_team``."""
    grid = sized.pivot(index="role", columns="quarter", values="gap_people")
    grid = grid.reindex(
        index=list(dict.fromkeys(sized["role"])), columns=list(dict.fromkeys(sized["quarter"]))
    )
    values = grid.round(2)
    limit = max(1.0, float(values.abs().to_numpy().max()))
    labels = [[f"{value:+.1f}" if abs(value) >= 0.05 else "0" for value in row] for row in values.to_numpy()]
    figure = go.Figure(
        go.Heatmap(
            z=values.to_numpy().tolist(),
            x=list(grid.columns),
            y=[Role.label_of(column) for column in grid.index],
            text=labels,
            texttemplate="%{text}",
            colorscale=GAP_COLOURSCALE,
            zmin=-limit,
            zmax=limit,
            colorbar={"title": {"text": _("people")}},
            hovertemplate=_("{quarter}, {role}: {people} people").format(
                quarter="%{x}", role="%{y}", people="%{z:+.2f}"
            )
            + "<extra></extra>",
        )
    )
    figure.update_layout(
        title=_("People short (+) or spare (-) per quarter and role"),
        yaxis={"autorange": "reversed"},
        height=380,
        margin={"t": 60, "b": 40},
    )
    return figure
