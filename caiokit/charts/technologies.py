"""Figures of lesson 08: confusion matrices, misread digits, model weights, and the threshold trade-off."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from caiokit.i18n import N_, _, format_number, text

COST_COLOUR = "#b2182b"
PRECISION_COLOUR = "#2166ac"
RECALL_COLOUR = "#e08214"
MARK_COLOUR = "#444444"
TITLE_CHAR_PX = 9
CHART_SIDE_PX = 30
_TEXT = {
    "cell": N_("actual %{y}, predicted %{x}: %{z}"),
    "predicted": N_("predicted"),
    "actual": N_("actual"),
    "no_mistakes": N_("No mistakes to show"),
    "digit": N_("written {actual}, read {predicted}"),
    "drivers_title": N_("What the failure model pays attention to"),
    "weight": N_("weight (right: toward failure, left: away from it)"),
    "threshold_at": N_("threshold {threshold}"),
    "total_cost": N_("total cost"),
    "cost_at": N_("threshold %{x:.2f}: EUR %{y:,.0f}"),
    "cheapest": N_("cheapest"),
    "cheapest_at": N_("cheapest: threshold %{x:.2f}, EUR %{y:,.0f}"),
    "cost_title": N_("Cost of mistakes by threshold"),
    "cost_axis": N_("threshold (flag a machine when its score is at least this)"),
    "eur": N_("EUR"),
    "precision": N_("precision"),
    "recall": N_("recall"),
    "share_at": N_("threshold %{{x:.2f}}: {measure} %{{y:.0%}}"),
    "pr_title": N_("Precision and recall by threshold"),
    "threshold": N_("threshold"),
    "share": N_("share"),
}
_NO_TRACE_NAME = "<extra></extra>"  # plotly: no trace name beside the hover text


def confusion_chart(confusion: pd.DataFrame, title: str) -> go.Figure:
    """A confusion matrix as a heatmap: actual classes down, predicted across, counts written in the cells."""
    labels_x = [str(c) for c in confusion.columns]
    labels_y = [str(i) for i in confusion.index]
    figure = go.Figure(
        go.Heatmap(
            z=confusion.to_numpy(),
            x=labels_x,
            y=labels_y,
            text=confusion.to_numpy(),
            texttemplate="%{text}",
            colorscale="Blues",
            showscale=False,
            hovertemplate=text(_TEXT["cell"]) + _NO_TRACE_NAME,
        )
    )
    size = 110 + 45 * len(labels_x)
    # Wide enough for the title on one line (plotly's 17 px title font, about TITLE_CHAR_PX a character).
    title_width = 2 * CHART_SIDE_PX + TITLE_CHAR_PX * len(title)
    figure.update_layout(
        title=title,
        xaxis_title=text(_TEXT["predicted"]),
        yaxis_title=text(_TEXT["actual"]),
        yaxis_autorange="reversed",
        width=max(360, size + 120, title_width),
        height=max(300, size),
        margin={"l": 100, "r": 20, "t": 50, "b": 60},
    )
    return figure


def digit_gallery(images: np.ndarray, actual: Sequence[int], predicted: Sequence[int]) -> go.Figure:
    """Small handwritten-digit images side by side, each titled with what was written and what the model read."""
    count = len(images)
    if count == 0:
        return go.Figure().update_layout(title=text(_TEXT["no_mistakes"]), height=120)
    titles = [
        text(_TEXT["digit"]).format(actual=a, predicted=p) for a, p in zip(actual, predicted, strict=True)
    ]
    figure = make_subplots(rows=1, cols=count, subplot_titles=titles, horizontal_spacing=0.02)
    for column, image in enumerate(images, start=1):
        figure.add_trace(
            go.Heatmap(z=np.asarray(image), colorscale="Greys", showscale=False, hoverinfo="skip"),
            row=1,
            col=column,
        )
    figure.update_xaxes(showticklabels=False, constrain="domain")
    for column in range(1, count + 1):
        anchor = "x" if column == 1 else f"x{column}"
        figure.update_yaxes(showticklabels=False, autorange="reversed", scaleanchor=anchor, row=1, col=column)
    figure.update_annotations(font_size=11)
    figure.update_layout(height=190, width=max(360, 125 * count), margin={"l": 10, "r": 10, "t": 40, "b": 10})
    return figure


def drivers_chart(drivers: pd.DataFrame) -> go.Figure:
    """Horizontal bars of a model's weights: right pushes toward failure, left away from it."""
    ordered = drivers.iloc[::-1]
    colours = [COST_COLOUR if w > 0 else PRECISION_COLOUR for w in ordered["weight"]]
    figure = go.Figure(
        go.Bar(
            x=ordered["weight"],
            y=ordered["input"],
            orientation="h",
            marker_color=colours,
            hovertemplate="%{y}: %{x}" + _NO_TRACE_NAME,
        )
    )
    figure.update_layout(
        title=text(_TEXT["drivers_title"]),
        xaxis_title=text(_TEXT["weight"]),
        height=320,
        margin={"l": 220, "r": 20, "t": 50, "b": 50},
    )
    return figure


def _mark(figure: go.Figure, threshold: float) -> None:
    figure.add_vline(
        x=threshold,
        line_dash="dash",
        line_color=MARK_COLOUR,
        annotation_text=text(_TEXT["threshold_at"]).format(threshold=format_number(threshold, 2)),
        annotation_position="top right",
    )


def cost_curve(table: pd.DataFrame, threshold: float, best: float | None = None) -> go.Figure:
    """Total cost of mistakes for every threshold of a trade-off table, the current one marked by a dashed line."""
    figure = go.Figure(
        go.Scatter(
            x=table["threshold"],
            y=table["total_cost"],
            mode="lines",
            line_color=COST_COLOUR,
            name=text(_TEXT["total_cost"]),
            hovertemplate=text(_TEXT["cost_at"]) + _NO_TRACE_NAME,
        )
    )
    if best is not None:
        lowest = table.loc[np.isclose(table["threshold"], best), "total_cost"]
        if not lowest.empty:
            figure.add_trace(
                go.Scatter(
                    x=[best],
                    y=[float(lowest.iloc[0])],
                    mode="markers",
                    marker={"size": 11, "color": COST_COLOUR, "symbol": "star"},
                    name=text(_TEXT["cheapest"]),
                    hovertemplate=text(_TEXT["cheapest_at"]) + _NO_TRACE_NAME,
                )
            )
    _mark(figure, threshold)
    figure.update_layout(
        title=text(_TEXT["cost_title"]),
        xaxis_title=text(_TEXT["cost_axis"]),
        yaxis_title=text(_TEXT["eur"]),
        yaxis_rangemode="tozero",
        xaxis_range=[0, 1],
        height=340,
        showlegend=False,
        margin={"l": 70, "r": 20, "t": 50, "b": 50},
    )
    return figure


def precision_recall_chart(table: pd.DataFrame, threshold: float | None = None) -> go.Figure:
    """Precision and recall for every threshold of a trade-off table: raising one lowers the other."""
    figure = go.Figure()
    for column, colour in (("precision", PRECISION_COLOUR), ("recall", RECALL_COLOUR)):
        figure.add_trace(
            go.Scatter(
                x=table["threshold"],
                y=table[column],
                mode="lines",
                name=_(_TEXT[column]),
                line_color=colour,
                hovertemplate=text(_TEXT["share_at"]).format(measure=_(_TEXT[column])) + _NO_TRACE_NAME,
            )
        )
    if threshold is not None:
        _mark(figure, threshold)
    figure.update_layout(
        title=text(_TEXT["pr_title"]),
        xaxis_title=text(_TEXT["threshold"]),
        yaxis_title=text(_TEXT["share"]),
        yaxis_tickformat=".0%",
        xaxis_range=[0, 1],
        yaxis_range=[0, 1.05],
        height=340,
        margin={"l": 70, "r": 20, "t": 50, "b": 50},
    )
    return figure
