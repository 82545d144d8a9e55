"""Radar (spider) chart of scores on a common scale: maturity pillars, skills, or any self-assessment."""

from __future__ import annotations

import math
import textwrap
from collections.abc import Mapping

import plotly.graph_objects as go

from caiokit.errors import CaioKitError
from caiokit.i18n import N_, _, text
from caiokit.validation import is_number

LABEL_WIDTH = 22
# The first axis points up; axes follow clockwise.
FIRST_AXIS_DEGREES = 90
SCORE_COLOUR = "#1f78b4"
REFERENCE_COLOUR = "#ff7f00"
# The two outlines' default names, translated where drawn.
TODAY, TARGET = N_("Today"), N_("Target")

_MESSAGES = {
    "not_number": N_("{what}: the value for {axis!r} is {value!r}, not a number."),
    "out_of_range": N_("{what}: the value for {axis!r} is {value}, outside 0 to {max_value}."),
    "max_value": N_("max_value is {max_value}: it must be more than 0."),
    "axes": N_("a radar chart needs at least 3 axes; {count} given."),
    "reference": N_("the reference must have exactly the same axes as the scores."),
}


class RadarChartError(CaioKitError):
    """Scores that cannot be drawn on a radar chart; the message says which and why."""


def _wrap(label: str) -> str:
    return "<br>".join(textwrap.wrap(label, LABEL_WIDTH)) or label


def _checked(scores: Mapping[str, float], max_value: float, what: str) -> list[float]:
    values = []
    for axis, value in scores.items():
        if not is_number(value, finite=False):
            raise RadarChartError(text(_MESSAGES["not_number"]).format(what=what, axis=axis, value=value))
        if not 0 <= value <= max_value:
            raise RadarChartError(
                text(_MESSAGES["out_of_range"]).format(what=what, axis=axis, value=value, max_value=max_value)
            )
        values.append(float(value))
    return values


def radar(
    scores: Mapping[str, float],
    title: str,
    max_value: float = 5,
    reference: Mapping[str, float] | None = None,
    names: tuple[str, str] | None = None,
) -> go.Figure:
    """A radar chart of ``scores`` (axis -> value from 0 to max_value), optionally over a ``reference`` outline.

    ``names`` are the two outlines' names in the legend, "Today" and "Target" unless given.
    """
    names = (_(TODAY), _(TARGET)) if names is None else names
    if max_value <= 0:
        raise RadarChartError(text(_MESSAGES["max_value"]).format(max_value=max_value))
    if len(scores) < 3:
        raise RadarChartError(text(_MESSAGES["axes"]).format(count=len(scores)))
    axes = list(scores)
    labels = [_wrap(axis) for axis in axes]
    figure = go.Figure()
    if reference is not None:
        if set(reference) != set(axes):
            raise RadarChartError(text(_MESSAGES["reference"]))
        target = _checked({axis: reference[axis] for axis in axes}, max_value, "reference")
        figure.add_trace(
            go.Scatterpolar(
                r=[*target, target[0]],
                theta=[*labels, labels[0]],
                name=names[1],
                mode="lines",
                line={"color": REFERENCE_COLOUR, "dash": "dash"},
                hovertemplate="%{theta}: %{r:.1f}<extra>" + names[1] + "</extra>",
            )
        )
    values = _checked(scores, max_value, "scores")
    figure.add_trace(
        go.Scatterpolar(
            r=[*values, values[0]],
            theta=[*labels, labels[0]],
            name=names[0],
            fill="toself",
            mode="lines+markers",
            line={"color": SCORE_COLOUR},
            hovertemplate="%{theta}: %{r:.1f}<extra>" + names[0] + "</extra>",
        )
    )
    # The scale (0, 1, 2 ...) runs halfway between the first two axes: on an axis, its top figure would sit
    # on that axis's label. Plotly turns the figures with their axis; a tick angle as large turns them upright.
    between_axes = FIRST_AXIS_DEGREES - 180 / len(axes)
    figure.update_layout(
        title=title,
        polar={
            "radialaxis": {
                "range": [0, max_value],
                "tickvals": list(range(0, math.floor(max_value) + 1)),
                "angle": between_axes,
                "tickangle": between_axes,
            },
            "angularaxis": {"rotation": FIRST_AXIS_DEGREES, "direction": "clockwise"},
        },
        showlegend=reference is not None,
        height=460,
        margin={"l": 90, "r": 90, "t": 80, "b": 50},
    )
    return figure
