"""From a model's scores to a decision: the confusion counts, precision, recall and business cost of a threshold.

A yes/no model gives each case a score between 0 and 1. A case is *flagged* when its score is at or above
the threshold. Against what really happened, each case is then a true positive (flagged, and it was a
"yes"), a false positive (flagged, but a "no": a false alarm), a false negative (not flagged, but a "yes":
a miss) or a true negative. The business cost counts only the mistakes: each false alarm costs
``cost_fp`` and each miss ``cost_fn`` (EUR), while cases handled right cost nothing extra.

Precision = TP / (TP + FP): of the cases flagged, the share that were real. It is undefined (NaN) when
nothing is flagged. Recall = TP / (TP + FN): of the real cases, the share that were flagged. It is
undefined (NaN) when there is no real case.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from caiokit.errors import CaioKitError
from caiokit.i18n import N_, text
from caiokit.validation import is_real

DEFAULT_GRID = tuple(round(i / 100, 2) for i in range(101))

_MESSAGES = {
    "empty": N_("y_true and scores are empty: give at least one case."),
    "lengths": N_("y_true has {n_true} values but scores has {n_scores}: give one score per case."),
    "labels": N_("y_true must hold only 0 (no) and 1 (yes), found {values}."),
    "scores": N_("scores must be numbers between 0 and 1, found {value!r}."),
    "threshold": N_(
        "threshold must be a number between 0 and 1 (0.3 flags every case scoring 0.3 or more), not {value!r}."
    ),
    "cost": N_("{name} must be an amount in EUR of 0 or more, not {value!r}."),
    "count": N_("{name} must be a whole number of 0 or more, not {value!r}."),
    "grid": N_("thresholds must be a non-empty list of numbers between 0 and 1."),
}


class ThresholdError(CaioKitError):
    """Labels, scores, threshold or costs are not usable; the message says which and how to fix it."""


@dataclass(frozen=True)
class ThresholdOutcome:
    """What a threshold does on labelled cases: the four counts, precision, recall and the cost of mistakes."""

    threshold: float
    tp: int
    fp: int
    tn: int
    fn: int
    precision: float
    recall: float
    cost_fp: float
    cost_fn: float
    total_cost: float

    @property
    def flagged(self) -> int:
        """How many cases the threshold flags (true and false positives)."""
        return self.tp + self.fp


def _count(name: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < 0:
        raise ThresholdError(text(_MESSAGES["count"]).format(name=name, value=value))
    return int(value)


def precision(tp: int, fp: int) -> float:
    """Share of flagged cases that were real: TP / (TP + FP); NaN when nothing is flagged."""
    tp, fp = _count("tp", tp), _count("fp", fp)
    return tp / (tp + fp) if tp + fp else math.nan


def recall(tp: int, fn: int) -> float:
    """Share of real cases that were flagged: TP / (TP + FN); NaN when there is no real case."""
    tp, fn = _count("tp", tp), _count("fn", fn)
    return tp / (tp + fn) if tp + fn else math.nan


def _cost(name: str, value: object) -> float:
    if not is_real(value) or not 0 <= value < math.inf:
        raise ThresholdError(text(_MESSAGES["cost"]).format(name=name, value=value))
    return float(value)


def _threshold(value: object) -> float:
    if not is_real(value) or not 0 <= value <= 1:
        raise ThresholdError(text(_MESSAGES["threshold"]).format(value=value))
    return float(value)


def _cases(y_true: Sequence[int], scores: Sequence[float]) -> tuple[np.ndarray, np.ndarray]:
    truth = np.asarray(y_true)
    values = np.asarray(scores)
    if truth.size == 0 and values.size == 0:
        raise ThresholdError(text(_MESSAGES["empty"]))
    if truth.shape != values.shape or truth.ndim != 1:
        raise ThresholdError(text(_MESSAGES["lengths"]).format(n_true=truth.size, n_scores=values.size))
    labels = set(truth.tolist())
    if not labels <= {0, 1}:
        raise ThresholdError(text(_MESSAGES["labels"]).format(values=sorted(map(str, labels))))
    if values.dtype.kind not in "iuf":
        raise ThresholdError(text(_MESSAGES["scores"]).format(value=values[0]))
    outside = values[~((values >= 0) & (values <= 1))]
    if outside.size:
        raise ThresholdError(text(_MESSAGES["scores"]).format(value=float(outside[0])))
    return truth.astype(bool), values.astype(float)


def _outcome(truth: np.ndarray, values: np.ndarray, threshold: float, cost_fp: float, cost_fn: float):
    flagged = values >= threshold
    tp = int(np.sum(flagged & truth))
    fp = int(np.sum(flagged & ~truth))
    fn = int(np.sum(~flagged & truth))
    tn = int(np.sum(~flagged & ~truth))
    return ThresholdOutcome(
        threshold=threshold,
        tp=tp,
        fp=fp,
        tn=tn,
        fn=fn,
        precision=precision(tp, fp),
        recall=recall(tp, fn),
        cost_fp=cost_fp,
        cost_fn=cost_fn,
        total_cost=fp * cost_fp + fn * cost_fn,
    )


def threshold_tradeoff(
    y_true: Sequence[int], scores: Sequence[float], threshold: float, cost_fp: float, cost_fn: float
) -> ThresholdOutcome:
    """Flag every case scoring ``threshold`` or more; count TP, FP, TN, FN and the cost of the mistakes."""
    truth, values = _cases(y_true, scores)
    return _outcome(
        truth, values, _threshold(threshold), _cost("cost_fp", cost_fp), _cost("cost_fn", cost_fn)
    )


def _grid(thresholds: Sequence[float] | None) -> list[float]:
    if thresholds is None:
        return list(DEFAULT_GRID)
    try:
        grid = [_threshold(t) for t in thresholds]
    except (ThresholdError, TypeError) as exc:
        raise ThresholdError(text(_MESSAGES["grid"])) from exc
    if not grid:
        raise ThresholdError(text(_MESSAGES["grid"]))
    return grid


def tradeoff_table(
    y_true: Sequence[int],
    scores: Sequence[float],
    cost_fp: float,
    cost_fn: float,
    thresholds: Sequence[float] | None = None,
) -> pd.DataFrame:
    """One row per threshold (0, 0.01, ..., 1 by default): counts, precision, recall and total cost."""
    truth, values = _cases(y_true, scores)
    cost_fp, cost_fn = _cost("cost_fp", cost_fp), _cost("cost_fn", cost_fn)
    rows = [_outcome(truth, values, t, cost_fp, cost_fn) for t in _grid(thresholds)]
    table = pd.DataFrame([vars(row) for row in rows])
    return table.drop(columns=["cost_fp", "cost_fn"])


def best_threshold(
    y_true: Sequence[int],
    scores: Sequence[float],
    cost_fp: float,
    cost_fn: float,
    thresholds: Sequence[float] | None = None,
) -> ThresholdOutcome:
    """The threshold of the grid with the lowest total cost (the lowest such threshold if several tie)."""
    truth, values = _cases(y_true, scores)
    cost_fp, cost_fn = _cost("cost_fp", cost_fp), _cost("cost_fn", cost_fn)
    outcomes = [_outcome(truth, values, t, cost_fp, cost_fn) for t in sorted(_grid(thresholds))]
    return min(outcomes, key=lambda o: o.total_cost)
