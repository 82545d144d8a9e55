"""How stable is a weighted ranking when the weights move a little? Monte Carlo over weight vectors.

Weights are uncertain: nobody knows whether benefit deserves 30% or 35%. ``rank_stability`` draws many
weight vectors around the chosen ones, re-scores every use case with each (the weighted method of
``caiokit.scoring``), and reports how often each use case lands in the top k and its average rank.
``stability_verdicts`` turns those chances into a :class:`Verdict`: a use case in the top k in at least
``SAFE_SHARE`` of the draws is a *safe pick*; between ``FRAGILE_SHARE`` and ``SAFE_SHARE`` its place
*depends on the weights*; below, it is *unlikely* to make the top k; a prohibited one is *excluded*.

Sampling rule: each weight is multiplied by ``exp(spread * z)`` with ``z`` drawn from a standard normal
distribution, independently per criterion and per sample, and the weights are then rescaled to sum to
1. With ``spread=0.2`` a weight typically moves by about 20% either way; a weight of 0 stays 0.

No loop over use cases or samples: all scores come from one matrix product, normalised criteria
(use cases x criteria) times sampled weights (criteria x samples), then one sort per sample.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from caiokit.catalog import require_columns
from caiokit.errors import ScoringError
from caiokit.i18n import N_, Category, _, text
from caiokit.scoring import (
    CRITERIA,
    EXCLUDED_REASON,
    criteria_matrix,
    eligible_rows,
    normalise_weights,
    rank_scores,
    risk_multipliers,
    score,
)

# Samples are scored and ranked in blocks of at most this many scores (samples x use cases), so that
# memory stays small on big tables.
_CHUNK_CELLS = 2_000_000

SAFE_SHARE = 0.8
FRAGILE_SHARE = 0.2

_MESSAGES = {
    "whole": N_("{name} must be a whole number of 1 or more, not {value!r}"),
    "spread": N_("spread must be a number of 0 or more, not {value!r}"),
    "not_stability": N_(
        "stability must be the table returned by caiokit.sensitivity.rank_stability(...); "
        "missing column(s): {columns}"
    ),
}


class Verdict(Category):
    """How safe a use case's place in the top k is when the weights move (see ``stability_verdicts``)."""

    SAFE_PICK = "safe_pick", N_("safe pick")
    DEPENDS_ON_WEIGHTS = "depends_on_weights", N_("depends on the weights")
    UNLIKELY = "unlikely", N_("unlikely")
    EXCLUDED = "excluded", N_("excluded")


def weight_samples(
    weights: Mapping[str, float] | None = None, n_samples: int = 1000, spread: float = 0.2, seed: int = 0
) -> pd.DataFrame:
    """Weight vectors drawn around the given weights (one row per sample, each summing to 1)."""
    _check_whole("n_samples", n_samples)
    if isinstance(spread, bool) or not isinstance(spread, int | float) or not spread >= 0:
        raise ScoringError(text(_MESSAGES["spread"]).format(value=spread))
    base = normalise_weights(weights).to_numpy()
    noise = np.exp(spread * np.random.default_rng(seed).standard_normal((n_samples, len(base))))
    drawn = base * noise
    return pd.DataFrame(drawn / drawn.sum(axis=1, keepdims=True), columns=list(CRITERIA))


def rank_stability(
    catalog: pd.DataFrame,
    weights: Mapping[str, float] | None = None,
    k: int = 10,
    n_samples: int = 1000,
    spread: float = 0.2,
    seed: int = 0,
    risk_adjust: bool = True,
) -> pd.DataFrame:
    """Per use case: rank with the given weights, chance of being in the top k, mean and range of rank.

    Returns one row per use case, in the catalog's order: ``id``, ``name``, ``rank`` (with the weights
    as given), ``p_top_k``, ``mean_rank``, ``best_rank``, ``worst_rank`` over the samples, and
    ``excluded_reason``; prohibited use cases have no rank and a top-k probability of 0.
    """
    _check_whole("k", k)
    samples = weight_samples(weights, n_samples, spread, seed).to_numpy()
    eligible = eligible_rows(catalog)
    table = catalog[eligible]
    ids = table["id"].astype(str).to_numpy()
    criteria = criteria_matrix(table).to_numpy()
    factors = risk_multipliers(table) if risk_adjust else np.ones(len(table))
    in_top = np.zeros(len(table))
    rank_sum = np.zeros(len(table))
    best = np.full(len(table), len(table), dtype=np.int64)
    worst = np.ones(len(table), dtype=np.int64)
    step = max(1, _CHUNK_CELLS // max(1, len(table)))
    for start in range(0, n_samples, step):
        ranks = rank_scores(samples[start : start + step] @ criteria.T * factors, ids)
        in_top += (ranks <= k).sum(axis=0)
        rank_sum += ranks.sum(axis=0)
        best = np.minimum(best, ranks.min(axis=0))
        worst = np.maximum(worst, ranks.max(axis=0))
    result = require_columns(catalog, ["id", "name"])
    result["rank"] = score(catalog, "weighted", weights, risk_adjust)["rank"]
    result["p_top_k"] = 0.0
    result.loc[eligible, "p_top_k"] = in_top / n_samples
    result["mean_rank"] = np.nan
    result.loc[eligible, "mean_rank"] = rank_sum / n_samples
    for column, values in (("best_rank", best), ("worst_rank", worst)):
        ranks = np.zeros(len(result), dtype=np.int64)
        ranks[eligible] = values
        result[column] = pd.arrays.IntegerArray(ranks, ~eligible)
    result["excluded_reason"] = np.where(eligible, "", _(EXCLUDED_REASON))
    return result


def stability_verdicts(stability: pd.DataFrame) -> pd.DataFrame:
    """The rank_stability table with a ``verdict`` column: the id of each use case's :class:`Verdict`."""
    missing = [column for column in ("id", "name", "rank", "p_top_k") if column not in stability.columns]
    if missing:
        raise ScoringError(text(_MESSAGES["not_stability"]).format(columns=", ".join(missing)))
    share = stability["p_top_k"].to_numpy(dtype=float)
    verdict = np.select(
        [stability["rank"].isna().to_numpy(), share >= SAFE_SHARE, share >= FRAGILE_SHARE],
        [Verdict.EXCLUDED.value, Verdict.SAFE_PICK.value, Verdict.DEPENDS_ON_WEIGHTS.value],
        Verdict.UNLIKELY.value,
    )
    return stability.assign(verdict=verdict)


def stability_k(stability: pd.DataFrame) -> int:
    """The k of a rank_stability table: each draw puts exactly k use cases in the top k, so the shares add to k.

    (If k was larger than the number of ranked use cases, that number is returned.)
    """
    return round(float(stability["p_top_k"].sum()))


def _check_whole(name: str, value: int) -> None:
    """Raise ScoringError unless value is a whole number of 1 or more."""
    if isinstance(value, bool) or not isinstance(value, int | np.integer) or value < 1:
        raise ScoringError(text(_MESSAGES["whole"]).format(name=name, value=value))
