"""Build, buy, partner or wait: options scored on weighted criteria, and how far a weight can move.

Each option (rows) has a score from 1 to 5 on each criterion (columns); weights are any non-negative numbers,
rescaled to sum to 1. An option's total is the weighted mean of its scores; the best total is the decision.

Sensitivity: ``flip_points`` moves one criterion's weight from 0 to 1 while the other weights keep their
proportions to each other, so every total is a straight line in that weight. For each criterion it gives the
nearest weight, below and above the current one, at which another option overtakes the winner, and which
option it is: the distance to those points is how far a weight must move to change the answer. The lines
meet where the winner's and a rival's totals are equal; the first meeting on each side is the flip.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from caiokit import datafiles
from caiokit.genai import GenAIError
from caiokit.i18n import N_, Category, _, listed
from caiokit.validation import is_number

SCORE_RANGE = (1, 5)


class Option(Category):
    """The four answers to "how do we get this capability?"."""

    BUILD = "build", N_("build")
    BUY = "buy", N_("buy")
    PARTNER = "partner", N_("partner")
    WAIT = "wait", N_("wait")


@dataclass(frozen=True)
class Flip:
    """Where the decision changes when one criterion's weight moves (shares of 1; None: it never does)."""

    criterion: str
    weight: float
    below: float | None
    option_below: Option | None
    above: float | None
    option_above: Option | None

    @property
    def nearest(self) -> float | None:
        """The flip point nearer to today's weight (above on a tie; None if the decision never changes)."""
        points = [point for point in (self.above, self.below) if point is not None]
        return min(points, key=lambda point: abs(point - self.weight)) if points else None

    @property
    def margin(self) -> float | None:
        """The smallest move of this weight, up or down, that changes the decision."""
        return None if self.nearest is None else abs(self.nearest - self.weight)

    @property
    def takes_over(self) -> Option | None:
        """The option that wins at the nearer flip point (None if the decision never changes)."""
        if self.nearest is None:
            return None
        return self.option_above if self.nearest == self.above else self.option_below


def criteria() -> pd.DataFrame:
    """The course's criteria with their default weights (percent), labels and questions, by criterion id."""
    return datafiles.worded("genai_criteria.csv", "criterion", text=False).set_index("criterion")


def default_weights() -> dict[str, float]:
    """The default weight of each criterion, in percent."""
    return {name: float(weight) for name, weight in criteria()["weight"].items()}


def option_scores(name: str = "genai_options_uc03.csv") -> pd.DataFrame:
    """A packaged options table (Alvera's agent reply assistant, UC03, by default): options x criteria."""
    frame = datafiles.table(name, text=False).set_index("option")
    frame.index = [Option(value) for value in frame.index]
    return frame


def normalised(weights: Mapping[str, float], scores: pd.DataFrame) -> pd.Series:
    """The weights as shares of 1, in the order of the scores' columns; refuses missing or negative weights."""
    problems = [
        _("weight of {criterion!r} must be a number of 0 or more, not {value!r}").format(
            criterion=name, value=weights.get(name)
        )
        for name in scores.columns
        if not is_number(weights.get(name)) or weights[name] < 0
    ]
    unknown = sorted(set(weights) - set(scores.columns))
    if unknown:
        problems.append(_("unknown criteria: {names}").format(names=", ".join(unknown)))
    if problems:
        raise GenAIError(listed(problems))
    series = pd.Series({name: float(weights[name]) for name in scores.columns})
    if series.sum() == 0:
        raise GenAIError(_("at least one weight must be above 0"))
    return series / series.sum()


def _check_scores(scores: pd.DataFrame) -> None:
    low, high = SCORE_RANGE
    bad = [
        f"{option}/{criterion}"
        for option, row in scores.iterrows()
        for criterion, value in row.items()
        if not is_number(value) or not low <= value <= high
    ]
    if bad:
        raise GenAIError(
            _("scores must be numbers from {low} to {high}; check {cells}").format(
                low=low, high=high, cells=", ".join(bad)
            )
        )


def weighted_totals(scores: pd.DataFrame, weights: Mapping[str, float]) -> pd.Series:
    """Each option's weighted mean score (1 to 5), best first."""
    _check_scores(scores)
    shares = normalised(weights, scores)
    return (scores[shares.index] @ shares).sort_values(ascending=False, kind="stable")


def decision(scores: pd.DataFrame, weights: Mapping[str, float]) -> Option:
    """The option with the best weighted total (the first in the table's order on a tie)."""
    return weighted_totals(scores, weights).index[0]


def _lines(scores: pd.DataFrame, shares: pd.Series, criterion: str) -> tuple[pd.Series, pd.Series]:
    """Each option's total as ``slope * t + intercept`` when the criterion's weight is ``t``."""
    others = shares.drop(criterion)
    if others.sum() == 0:
        rest = pd.Series(0.0, index=scores.index)
    else:
        rest = scores[others.index] @ (others / others.sum())
    return scores[criterion] - rest, rest


def flip_point(scores: pd.DataFrame, weights: Mapping[str, float], criterion: str) -> Flip:
    """Where, moving only ``criterion``'s weight, another option overtakes today's decision (see module)."""
    _check_scores(scores)
    shares = normalised(weights, scores)
    if criterion not in shares.index:
        raise GenAIError(
            _("unknown criterion {name!r}: use one of {names}").format(
                name=criterion, names=", ".join(shares.index)
            )
        )
    weight = round(float(shares[criterion]), 12)
    winner = decision(scores, weights)
    slope, intercept = _lines(scores, shares, criterion)
    below: tuple[float, Option] | None = None
    above: tuple[float, Option] | None = None
    for rival in scores.index.drop(winner):
        gap_slope = slope[winner] - slope[rival]
        gap_at_zero = intercept[winner] - intercept[rival]
        if gap_slope == 0:
            continue
        meet = round(-gap_at_zero / gap_slope, 12)  # no rounding noise: a tie today is a flip at distance 0
        if not 0 < meet < 1:
            continue
        if meet <= weight and (below is None or meet > below[0]):
            below = (meet, rival)
        if meet > weight and (above is None or meet < above[0]):
            above = (meet, rival)
    return Flip(
        criterion,
        weight,
        below[0] if below else None,
        below[1] if below else None,
        above[0] if above else None,
        above[1] if above else None,
    )


def sensitivity(scores: pd.DataFrame, weights: Mapping[str, float]) -> pd.DataFrame:
    """One row per criterion: its weight, the flip points below and above, the nearer one, its distance, who wins there."""
    rows = [flip_point(scores, weights, name) for name in scores.columns]
    return pd.DataFrame(
        {
            "weight": [f.weight for f in rows],
            "flip_below": [f.below for f in rows],
            "option_below": [f.option_below for f in rows],
            "flip_above": [f.above for f in rows],
            "option_above": [f.option_above for f in rows],
            "nearest_flip": [f.nearest for f in rows],
            "margin": [f.margin for f in rows],
            "takes_over": [f.takes_over for f in rows],
        },
        index=pd.Index([f.criterion for f in rows], name="criterion"),
    )
