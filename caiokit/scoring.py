"""Score and rank use cases: weighted criteria, RICE, ICE, WSJF, and the value vs feasibility 2x2.

Conventions of the course, stated once here:

- **weighted**: each criterion is min-max normalised to 0-1 over the use cases being scored (the worst
  gets 0, the best 1; a criterion equal for all gets 0.5), turned round where lower is better
  (complexity, effort), and the score is the weighted sum with weights normalised to sum to 1.
- **rice** (Intercom): Reach x Impact x Confidence / Effort, straight from the catalog columns.
- **ice**: Impact x Confidence x Ease, each on 1-10, so scores run from 1 to 1000. The course uses the
  product (some sources take the average instead); ``ice_scale`` shows how catalog columns become 1-10.
- **wsjf** (SAFe): Cost of Delay / Job Size, Cost of Delay = business value + time criticality + risk
  reduction or opportunity enablement, all four on the modified Fibonacci scale; ``wsjf_scale`` shows
  how catalog columns are snapped to it.

Whatever the method, prohibited use cases (EU AI Act Art. 5) get no score and no rank, and with
``risk_adjust`` the score is multiplied by the tier's factor in ``RISK_MULTIPLIERS``. Rank 1 is the best;
equal scores are ranked by id.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from caiokit.aiact import Tier
from caiokit.catalog import ValueDriver, dependencies, require_columns
from caiokit.errors import ScoringError
from caiokit.i18n import N_, Category, _, format_number, text

Number = float | np.ndarray


@dataclass(frozen=True)
class Criterion:
    """A criterion of the weighted method: its catalog column, which way is better, its 2x2 axis."""

    column: str
    better: str  # "higher" or "lower"
    axis: str  # "value" or "feasibility"


CRITERIA = {
    "benefit": Criterion("benefit_yearly_eur", "higher", "value"),
    "reach": Criterion("reach", "higher", "value"),
    "impact": Criterion("impact", "higher", "value"),
    "confidence": Criterion("confidence", "higher", "value"),
    "data_readiness": Criterion("data_readiness", "higher", "feasibility"),
    "complexity": Criterion("complexity", "lower", "feasibility"),
    "effort": Criterion("effort_pm", "lower", "feasibility"),
}
DEFAULT_WEIGHTS = {
    "benefit": 0.30,
    "reach": 0.10,
    "impact": 0.15,
    "confidence": 0.10,
    "data_readiness": 0.10,
    "complexity": 0.10,
    "effort": 0.15,
}

# Share of the score a use case keeps, by EU AI Act tier. A high-risk system carries risk management,
# documentation, logging, human oversight and a conformity assessment (Arts 9-15, 43), which cost money
# and months; a transparency-tier system must tell people they deal with an AI or label its output
# (Art. 50), which costs little. Prohibited use cases are not discounted but excluded.
RISK_MULTIPLIERS = {"high": 0.7, "transparency": 0.9, "minimal": 1.0}


class Method(Category):
    """A scoring method (see the module's docstring); the label is written to carry on a sentence."""

    WEIGHTED = "weighted", N_("weighted criteria")
    RICE = "rice", N_("RICE")
    ICE = "ice", N_("ICE")
    WSJF = "wsjf", N_("WSJF")


METHODS = tuple(Method)
WSJF_SCALE = (1, 2, 3, 5, 8, 13, 20)
# ICE impact from the Intercom impact scale; ICE confidence is the confidence share x 10.
ICE_IMPACT = {3.0: 10, 2.0: 8, 1.0: 6, 0.5: 4, 0.25: 2}
# ICE ease from effort: up to 1 person-month is 10, up to 2 is 9, ... more than 24 is 1.
ICE_EASE_EFFORT_LIMITS = (1, 2, 3, 4, 6, 9, 12, 18, 24)


class Quadrant(Category):
    """Where a use case sits in the value x feasibility 2x2, or that it is excluded from it."""

    QUICK_WIN = "quick_win", N_("quick win")
    STRATEGIC_BET = "strategic_bet", N_("strategic bet")
    FILL_IN = "fill_in", N_("fill-in")
    AVOID = "avoid", N_("avoid")
    EXCLUDED = "excluded", N_("excluded")


# (high value, high feasibility) -> quadrant
QUADRANTS = {
    (True, True): Quadrant.QUICK_WIN,
    (True, False): Quadrant.STRATEGIC_BET,
    (False, True): Quadrant.FILL_IN,
    (False, False): Quadrant.AVOID,
}

EXCLUDED_REASON = N_("prohibited under EU AI Act Art. 5")
_MESSAGES = {
    "unknown_method": N_("unknown method '{method}': use one of {methods}"),
    "weights_not_weighted": N_("weights only apply to the weighted method, not to '{method}'"),
    "weights_not_mapping": N_("weights must be a dictionary such as {{'benefit': 3, 'effort': 1}}"),
    "unknown_criterion": N_("unknown criterion '{name}': use some of {names}"),
    "bad_weight": N_("the weight of '{name}' must be a number of 0 or more, not {value!r}"),
    "zero_weights": N_("at least one weight must be above 0"),
    "zero_axis": N_("give at least one {axis} criterion ({names}) a weight above 0"),
    "unknown_tier": N_("unknown EU AI Act tier(s) {tiers}: use one of {allowed}"),
    "negative": N_("{name} must be 0 or more, not {value!r}"),
    "not_positive": N_("{name} must be more than 0, not {value!r}"),
    "not_share": N_("confidence is a share between 0 and 1 (0.8 for 80%), not {value!r}"),
    "not_one_to_ten": N_("{name} must be between 1 and 10, not {value!r}"),
    "not_on_scale": N_("{name} must be one of {scale}, not {value!r}"),
    "not_scored": N_(
        "scored must be the table returned by caiokit.scoring.score(...); missing column(s): {columns}"
    ),
}
SCORED_COLUMNS = ("id", "name", "score", "rank", "excluded_reason")


def normalise_weights(weights: Mapping[str, float] | pd.Series | None = None) -> pd.Series:
    """Weights for every criterion, scaled to sum to 1; criteria not named get 0 (None: the defaults)."""
    if weights is None:
        weights = DEFAULT_WEIGHTS
    if isinstance(weights, pd.Series):
        weights = weights.to_dict()
    if not isinstance(weights, Mapping):
        raise ScoringError(text(_MESSAGES["weights_not_mapping"]))
    for name, value in weights.items():
        if name not in CRITERIA:
            raise ScoringError(
                text(_MESSAGES["unknown_criterion"]).format(name=name, names=", ".join(CRITERIA))
            )
        if isinstance(value, bool) or not isinstance(value, int | float | np.number) or not value >= 0:
            raise ScoringError(text(_MESSAGES["bad_weight"]).format(name=name, value=value))
    given = pd.Series({name: float(weights.get(name, 0.0)) for name in CRITERIA})
    if given.sum() <= 0 or not np.isfinite(given.sum()):
        raise ScoringError(text(_MESSAGES["zero_weights"]))
    return given / given.sum()


def explain_weights(weights: Mapping[str, float] | None = None) -> pd.DataFrame:
    """A table of the criteria: column used, which way is better, axis, weight given and normalised."""
    normalised = normalise_weights(weights)
    given = DEFAULT_WEIGHTS if weights is None else weights
    return pd.DataFrame(
        {
            "criterion": list(CRITERIA),
            "column": [criterion.column for criterion in CRITERIA.values()],
            "better": [criterion.better for criterion in CRITERIA.values()],
            "axis": [criterion.axis for criterion in CRITERIA.values()],
            "weight_given": [float(given.get(name, 0.0)) for name in CRITERIA],
            "weight": normalised.to_numpy(),
        }
    )


def criteria_matrix(catalog: pd.DataFrame) -> pd.DataFrame:
    """Every criterion min-max normalised to 0-1 over the rows given, 1 always the better end."""
    table = require_columns(catalog, [criterion.column for criterion in CRITERIA.values()])
    columns = {}
    for name, criterion in CRITERIA.items():
        values = table[criterion.column].to_numpy(dtype=float)
        low, high = (values.min(), values.max()) if len(values) else (0.0, 0.0)
        if high > low:
            scaled = (values - low) / (high - low)
            columns[name] = scaled if criterion.better == "higher" else 1.0 - scaled
        else:
            columns[name] = np.full(len(values), 0.5)
    return pd.DataFrame(columns, index=catalog.index)


def rank_scores(scores: np.ndarray, ids: Sequence[str]) -> np.ndarray:
    """Ranks (1 = highest score) along the last axis of a 1-D or 2-D array; equal scores ranked by id."""
    shape = np.shape(scores)
    by_id = np.argsort(np.asarray(ids, dtype=str), kind="stable")
    negated = -np.atleast_2d(np.asarray(scores, dtype=float))[:, by_id]
    order = np.argsort(negated, axis=-1)  # fast, but leaves equal scores in no set order
    ordered = np.take_along_axis(negated, order, axis=-1)
    tied = np.any(ordered[:, 1:] == ordered[:, :-1], axis=-1)
    if tied.any():  # sort those rows again, keeping equal scores in id order
        order[tied] = np.argsort(negated[tied], axis=-1, kind="stable")
    ranks = np.empty(negated.shape, dtype=np.int64)
    places = np.broadcast_to(np.arange(1, negated.shape[-1] + 1), negated.shape)
    np.put_along_axis(ranks, by_id[order], places, axis=-1)
    return ranks.reshape(shape)


def rice_score(reach: float, impact: float, confidence: float, effort: float) -> float:
    """RICE score of one use case: reach x impact x confidence / effort."""
    _check_at_least_zero("reach", reach)
    _check_at_least_zero("impact", impact)
    if not 0 <= confidence <= 1:
        raise ScoringError(text(_MESSAGES["not_share"]).format(value=confidence))
    if not effort > 0:
        raise ScoringError(text(_MESSAGES["not_positive"]).format(name="effort", value=effort))
    return float(_rice(reach, impact, confidence, effort))


def ice_score(impact: float, confidence: float, ease: float) -> float:
    """ICE score of one use case: impact x confidence x ease, each from 1 to 10 (the course's product)."""
    for name, value in (("impact", impact), ("confidence", confidence), ("ease", ease)):
        if not 1 <= value <= 10:
            raise ScoringError(text(_MESSAGES["not_one_to_ten"]).format(name=name, value=value))
    return float(_ice(impact, confidence, ease))


def wsjf_score(
    business_value: float, time_criticality: float, risk_reduction: float, job_size: float
) -> float:
    """WSJF of one use case: (business value + time criticality + risk reduction) / job size."""
    for name, value in (
        ("business_value", business_value),
        ("time_criticality", time_criticality),
        ("risk_reduction", risk_reduction),
        ("job_size", job_size),
    ):
        if value not in WSJF_SCALE:
            raise ScoringError(
                text(_MESSAGES["not_on_scale"]).format(name=name, scale=WSJF_SCALE, value=value)
            )
    return float(_wsjf(business_value, time_criticality, risk_reduction, job_size))


def ice_scale(catalog: pd.DataFrame) -> pd.DataFrame:
    """ICE inputs on 1-10 from catalog columns: impact by ICE_IMPACT, confidence x 10, ease from effort."""
    table = require_columns(catalog, ["impact", "confidence", "effort_pm"])
    limits = np.asarray(ICE_EASE_EFFORT_LIMITS, dtype=float)
    return pd.DataFrame(
        {
            "ice_impact": table["impact"].astype(float).map(ICE_IMPACT).to_numpy(dtype=float),
            "ice_confidence": np.round(table["confidence"].to_numpy(dtype=float) * 10),
            "ice_ease": 10.0 - np.searchsorted(limits, table["effort_pm"].to_numpy(dtype=float), side="left"),
        },
        index=catalog.index,
    )


def snap_to_scale(values: Sequence[float] | np.ndarray, scale: Sequence[float] = WSJF_SCALE) -> np.ndarray:
    """Relative values on a scale: smallest to the scale's first value, largest to its last, then nearest.

    Values are placed linearly between the scale's ends (1 and 20 for WSJF) and each is moved to the
    nearest scale value, the lower one on a tie. If all values are equal they all get the first value.
    """
    values = np.asarray(values, dtype=float)
    steps = np.asarray(scale, dtype=float)
    if len(values) == 0:
        return values
    low, high = values.min(), values.max()
    if high == low:
        return np.full(len(values), steps[0])
    placed = steps[0] + (values - low) / (high - low) * (steps[-1] - steps[0])
    return steps[np.argmin(np.abs(placed[:, None] - steps[None, :]), axis=1)]


def wsjf_scale(catalog: pd.DataFrame) -> pd.DataFrame:
    """WSJF inputs snapped to the Fibonacci scale (``snap_to_scale``) from catalog columns.

    Business value from the yearly benefit; time criticality from time to value (sooner is more
    urgent); risk reduction or opportunity enablement from how many use cases need this one, directly
    or not, plus one if its value driver is risk reduction; job size from effort.
    """
    table = require_columns(
        catalog,
        ["id", "benefit_yearly_eur", "time_to_value_months", "value_driver", "effort_pm", "depends_on"],
    )
    needed_by = Counter(
        prerequisite
        for prerequisites in dependencies(table, transitive=True).values()
        for prerequisite in prerequisites
    )
    enabling = np.array([needed_by[str(use_case)] for use_case in table["id"]], dtype=float)
    enabling += (table["value_driver"] == ValueDriver.RISK_REDUCTION).to_numpy(dtype=float)
    return pd.DataFrame(
        {
            "business_value": snap_to_scale(table["benefit_yearly_eur"].to_numpy(dtype=float)),
            "time_criticality": snap_to_scale(-table["time_to_value_months"].to_numpy(dtype=float)),
            "risk_reduction": snap_to_scale(enabling),
            "job_size": snap_to_scale(table["effort_pm"].to_numpy(dtype=float)),
        },
        index=catalog.index,
    )


def score(
    catalog: pd.DataFrame,
    method: str = "weighted",
    weights: Mapping[str, float] | None = None,
    risk_adjust: bool = True,
) -> pd.DataFrame:
    """A copy of the catalog with ``score``, ``rank`` (1 = best) and ``excluded_reason`` columns.

    ``method`` is one of ``METHODS`` (see the module's docstring); ``weights`` (weighted method only)
    maps criterion names in ``CRITERIA`` to numbers of 0 or more, normalised to sum to 1.
    """
    check_method(method, weights)
    eligible = eligible_rows(catalog)
    table = catalog[eligible]
    if method == "weighted":
        raw = criteria_matrix(table).to_numpy() @ normalise_weights(weights).to_numpy()
    elif method == "rice":
        rice = require_columns(table, ["reach", "impact", "confidence", "effort_pm"]).to_numpy(dtype=float)
        raw = _rice(*rice.T)
    elif method == "ice":
        raw = _ice(*ice_scale(table).to_numpy().T)
    else:
        raw = _wsjf(*wsjf_scale(table).to_numpy().T)
    if risk_adjust:
        raw = raw * risk_multipliers(table)
    scores = np.full(len(catalog), np.nan)
    scores[eligible] = raw
    ranks = np.zeros(len(catalog), dtype=np.int64)
    ranks[eligible] = rank_scores(raw, table["id"].astype(str).to_numpy())
    result = catalog.copy()
    result["score"] = scores
    result["rank"] = pd.arrays.IntegerArray(ranks, ~eligible)
    result["excluded_reason"] = np.where(eligible, "", _(EXCLUDED_REASON))
    return result


def check_method(method: str, weights: Mapping[str, float] | None = None) -> None:
    """Raise ScoringError unless ``method`` is one of ``METHODS`` and takes weights if some are given."""
    if method not in METHODS:
        raise ScoringError(
            text(_MESSAGES["unknown_method"]).format(method=method, methods=", ".join(METHODS))
        )
    if weights is not None and method != "weighted":
        raise ScoringError(text(_MESSAGES["weights_not_weighted"]).format(method=method))


def check_scored(scored: pd.DataFrame) -> None:
    """Raise ScoringError unless the table has the columns ``score`` adds."""
    missing = [column for column in SCORED_COLUMNS if column not in scored.columns]
    if missing:
        raise ScoringError(text(_MESSAGES["not_scored"]).format(columns=", ".join(missing)))


def ranked(scored: pd.DataFrame) -> pd.DataFrame:
    """The scored table best first: ranked use cases by rank, then the unranked ones in table order."""
    check_scored(scored)
    order = np.lexsort((np.arange(len(scored)), scored["rank"].fillna(len(scored) + 1).to_numpy(dtype=int)))
    return scored.iloc[order]


def format_score(value: float | None, method: str) -> str:
    """A score as the course prints it: 3 decimals for weighted, 2 for WSJF, whole numbers for large RICE and ICE."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    if method == "weighted":
        return format_number(value, 3)
    if method == "wsjf":
        return format_number(value, 2)
    return format_number(value) if abs(value) >= 10 else format_number(value, 2)


def eligible_rows(catalog: pd.DataFrame) -> np.ndarray:
    """A boolean mask of the use cases that may be scored: every one whose tier is not prohibited."""
    tiers = require_columns(catalog, ["ai_act_tier"])["ai_act_tier"]
    unknown = sorted(set(tiers.unique()) - set(Tier))
    if unknown:
        raise ScoringError(text(_MESSAGES["unknown_tier"]).format(tiers=unknown, allowed=", ".join(Tier)))
    return (tiers != Tier.PROHIBITED).to_numpy()


def risk_multipliers(catalog: pd.DataFrame) -> np.ndarray:
    """Each use case's factor from ``RISK_MULTIPLIERS`` (prohibited ones must be left out first)."""
    tiers = require_columns(catalog, ["ai_act_tier"])["ai_act_tier"]
    return tiers.map(RISK_MULTIPLIERS).to_numpy(dtype=float)


def quadrant(
    catalog: pd.DataFrame,
    weights: Mapping[str, float] | None = None,
    value_threshold: float | None = None,
    feasibility_threshold: float | None = None,
) -> pd.DataFrame:
    """A copy of the catalog with ``value``, ``feasibility`` (0-1) and its ``quadrant`` in the 2x2.

    The ``quadrant`` column holds :class:`Quadrant` ids (``Quadrant.label_of`` gives what a person reads).

    Each axis is the weighted mean of its normalised criteria (``CRITERIA``, with the weights of that
    axis rescaled to sum to 1). A use case is high on an axis when at or above the threshold, by
    default the median of the eligible use cases. Prohibited use cases are in no quadrant.
    """
    normalised = normalise_weights(weights)
    eligible = eligible_rows(catalog)
    matrix = criteria_matrix(catalog[eligible])
    result = catalog.copy()
    high = {}
    for axis, threshold in (("value", value_threshold), ("feasibility", feasibility_threshold)):
        names = [name for name, criterion in CRITERIA.items() if criterion.axis == axis]
        axis_weights = normalised[names]
        if axis_weights.sum() <= 0:
            raise ScoringError(text(_MESSAGES["zero_axis"]).format(axis=axis, names=", ".join(names)))
        values = matrix[names].to_numpy() @ (axis_weights / axis_weights.sum()).to_numpy()
        result[axis] = np.nan
        result.loc[eligible, axis] = values
        if threshold is None:
            threshold = float(np.median(values)) if len(values) else 0.0
        high[axis] = values >= threshold
    placed = [QUADRANTS[pair].value for pair in zip(high["value"], high["feasibility"], strict=True)]
    result["quadrant"] = Quadrant.EXCLUDED.value
    result.loc[eligible, "quadrant"] = placed
    return result


def _check_at_least_zero(name: str, value: float) -> None:
    """Raise ScoringError unless value is 0 or more."""
    if not value >= 0:
        raise ScoringError(text(_MESSAGES["negative"]).format(name=name, value=value))


def _rice(reach: Number, impact: Number, confidence: Number, effort: Number) -> Number:
    """RICE arithmetic, for numbers or arrays alike."""
    return reach * impact * confidence / effort


def _ice(impact: Number, confidence: Number, ease: Number) -> Number:
    """ICE arithmetic (the product), for numbers or arrays alike."""
    return impact * confidence * ease


def _wsjf(
    business_value: Number, time_criticality: Number, risk_reduction: Number, job_size: Number
) -> Number:
    """WSJF arithmetic, for numbers or arrays alike."""
    return (business_value + time_criticality + risk_reduction) / job_size
