"""Choosing and contracting a model provider: a weighted scorecard and the clauses a CAIO insists on.

The scorecard reuses the weighted mean of ``caiokit.genai.build_buy`` over a table of providers x criteria.
The clauses are in ``caiokit/data/genai_clauses.csv`` (``required`` 1 or 0) with their words in the
language's table; ``missing_clauses`` lists the required ones a draft contract does not have.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd

from caiokit import datafiles
from caiokit.genai import GenAIError
from caiokit.genai.build_buy import weighted_totals
from caiokit.i18n import _


def clauses() -> pd.DataFrame:
    """Every clause: whether it is required, its label and why it matters, by clause id."""
    frame = datafiles.worded("genai_clauses.csv", "clause", text=False).set_index("clause")
    frame["required"] = frame["required"].astype(bool)
    return frame


def required_clauses() -> tuple[str, ...]:
    """The ids of the required clauses, in the table's order."""
    table = clauses()
    return tuple(table.index[table["required"]])


def missing_clauses(draft: Iterable[str]) -> tuple[str, ...]:
    """The required clauses (ids) a draft contract lacks, in the table's order; refuses unknown clause ids."""
    if isinstance(draft, str):
        raise GenAIError(_("give the draft's clauses as a list of clause ids, not one string"))
    present = set(draft)
    unknown = sorted(present - set(clauses().index))
    if unknown:
        raise GenAIError(
            _("unknown clause ids: {ids}; use those of clauses()").format(ids=", ".join(unknown))
        )
    return tuple(clause for clause in required_clauses() if clause not in present)


def providers() -> pd.DataFrame:
    """Three fictional providers scored 1-5 on the scorecard's criteria, with their labels, by provider id."""
    return datafiles.worded("genai_providers.csv", "provider", text=False).set_index("provider")


def provider_weights() -> dict[str, float]:
    """The scorecard's default weights, in percent, by criterion."""
    table = datafiles.table("genai_provider_weights.csv", text=False)
    return dict(zip(table["criterion"], table["weight"].astype(float), strict=True))


def provider_scorecard(weights: Mapping[str, float] | None = None) -> pd.Series:
    """Each provider's weighted score (1 to 5), best first, with the default or the given weights."""
    scores = providers()[list(provider_weights())]
    return weighted_totals(scores, provider_weights() if weights is None else weights)
