"""Figures of the AI-team lesson: the workload a plan puts on each role, and where the team falls short."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

# One colour per role, in the order of caiokit/data/ai_roles.csv.
ROLE_COLOURS = {
    "data scientist": "#1b9e77",
    "ML engineer": "#d95f02",
    "data engineer": "#7570b3",
    "MLOps engineer": "#e7298a",
    "AI product manager": "#66a61e",
    "data analyst": "#e6ab02",
    "AI governance lead": "#a6761d",
    "domain expert": "#666666",
}
# Blue where people are spare, white where capacity matches demand, red where the team is short.
GAP_COLOURSCALE = [[0.0, "#2166ac"], [0.5, "#f7f7f7"], [1.0, "#b2182b"]]


def workload_figure(workload: pd.DataFrame) -> go.Figure:
    """Stacked bars: person-months of work per quarter, split by role."""
    figure = go.Figure()
    for role in workload.columns:
        figure.add_bar(
            x=list(workload.index),
            y=workload[role].round(2).tolist(),
            name=str(role),
            marker_color=ROLE_COLOURS.get(str(role)),
            hovertemplate="%{x}<br>" + str(role) + ": %{y:.1f} person-months<extra></extra>",
        )
    figure.update_layout(
        barmode="stack",
        title="Work the plan needs, by role",
        xaxis_title="quarter",
        yaxis_title="person-months",
        legend_title="role",
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
            y=list(grid.index),
            text=labels,
            texttemplate="%{text}",
            colorscale=GAP_COLOURSCALE,
            zmin=-limit,
            zmax=limit,
            colorbar={"title": {"text": "people"}},
            hovertemplate="%{x}, %{y}: %{z:+.2f} people<extra></extra>",
        )
    )
    figure.update_layout(
        title="People short (+) or spare (-) per quarter and role",
        yaxis={"autorange": "reversed"},
        height=380,
        margin={"t": 60, "b": 40},
    )
    return figure
