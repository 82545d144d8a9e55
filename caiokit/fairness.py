"""Group fairness of a selection: selection rate per group, the gap between groups, and their ratio.

A selection rate is the share of a group's applicants who are selected (here: shortlisted because their
score reaches a threshold). Two summaries compare groups: the **gap** (highest rate minus lowest, in
percentage points) and the **ratio** (lowest rate divided by highest). The US Equal Employment Opportunity
Commission's *four-fifths* rule of thumb flags a ratio below 0.8 as evidence of adverse impact (Uniform
Guidelines on Employee Selection Procedures, 29 CFR 1607.4(D)); it is a US screening heuristic, not an EU
legal test.

The bundled data, ``caiokit/data/hiring_screening.csv``, is synthetic: 200 applicants to Alvera Group, each
with a group (A or B, a protected characteristic recorded only to audit the screening), years of
experience, a model score from 0 to 100 and whether they were shortlisted at the current threshold of 60.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

from caiokit import datafiles
from caiokit.errors import CaioKitError
from caiokit.i18n import N_, format_number, format_percent, listed, plain_number, text
from caiokit.validation import is_number, is_real

DEFAULT_THRESHOLD = 60
FOUR_FIFTHS = 0.8
COLUMNS = ("applicant_id", "group", "years_experience", "score", "shortlisted")


class FairnessError(CaioKitError):
    """Data, a threshold or selection rates given to a fairness function are not usable."""


_TEXT = {
    "missing_column": N_("the data has no column '{column}' (columns found: {found})."),
    "empty": N_("the data has no rows: there is nobody to select."),
    "bad_threshold": N_("the threshold should be a number between 0 and 100, not {value!r}."),
    "bad_scores": N_("column '{column}' should hold numbers only."),
    "few_groups": N_("selection rates need at least two groups to compare; got {count}."),
    "bad_rate": N_("the selection rate of group {group!r} is {rate!r}; a rate is a number from 0 to 1."),
    "no_one_selected": N_("no group has anyone selected, so the ratio is undefined: lower the threshold."),
    "group": N_("group {group}: {selected} of {applicants} shortlisted ({rate})"),
    "at_threshold": N_("At a threshold of {threshold}: {groups}."),
    "nobody": N_("Nobody is shortlisted, so the ratio is undefined."),
    "flagged": N_("below 0.8: the US four-fifths rule of thumb would flag possible adverse impact"),
    "not_flagged": N_("at or above 0.8: not flagged by the US four-fifths rule of thumb"),
    "gap_ratio": N_("Gap {gap} percentage points; ratio {ratio}, {flag}."),
}


def load_hiring_screening() -> pd.DataFrame:
    """The bundled synthetic screening data: 200 applicants, their group, experience, score and shortlist flag."""
    return datafiles.table("hiring_screening.csv", text=False, dtype={"group": str})


def _check_threshold(threshold: float) -> float:
    if not is_number(threshold) or not 0 <= threshold <= 100:
        raise FairnessError(text(_TEXT["bad_threshold"]).format(value=threshold))
    return float(threshold)


def _require(data: pd.DataFrame, columns: Iterable[str]) -> None:
    for column in columns:
        if column not in data.columns:
            raise FairnessError(
                text(_TEXT["missing_column"]).format(column=column, found=", ".join(map(str, data.columns)))
            )
    if data.empty:
        raise FairnessError(text(_TEXT["empty"]))


def selection_rates(
    data: pd.DataFrame, threshold: float | None = None, group: str = "group", score: str = "score"
) -> pd.Series:
    """Share selected in each group: score >= threshold, or the ``shortlisted`` column when threshold is None."""
    if threshold is None:
        _require(data, (group, "shortlisted"))
        selected = data["shortlisted"].astype(bool)
    else:
        limit = _check_threshold(threshold)
        _require(data, (group, score))
        if not pd.api.types.is_numeric_dtype(data[score]):
            raise FairnessError(text(_TEXT["bad_scores"]).format(column=score))
        selected = data[score] >= limit
    rates = selected.groupby(data[group].astype(str)).mean().astype(float)
    rates.name = "selection_rate"
    return rates.sort_index()


def _checked_rates(rates: Mapping[str, float] | pd.Series) -> dict[str, float]:
    values = dict(rates.items())
    if len(values) < 2:
        raise FairnessError(text(_TEXT["few_groups"]).format(count=len(values)))
    for name, rate in values.items():
        if not is_real(rate) or not 0 <= rate <= 1:
            raise FairnessError(text(_TEXT["bad_rate"]).format(group=name, rate=rate))
    return {str(name): float(rate) for name, rate in values.items()}


def selection_gap(rates: Mapping[str, float] | pd.Series) -> float:
    """Highest selection rate minus lowest (0.15 means 15 percentage points)."""
    values = _checked_rates(rates).values()
    return max(values) - min(values)


def selection_ratio(rates: Mapping[str, float] | pd.Series) -> float:
    """Lowest selection rate divided by highest (1 means equal rates); undefined when nobody is selected."""
    values = _checked_rates(rates).values()
    if max(values) == 0:
        raise FairnessError(text(_TEXT["no_one_selected"]))
    return min(values) / max(values)


@dataclass(frozen=True)
class FairnessReport:
    """Selection at one threshold: per-group counts and rates, the gap, the ratio and the four-fifths flag."""

    threshold: float
    applicants: dict[str, int]
    selected: dict[str, int]
    rates: dict[str, float]
    gap: float
    ratio: float | None
    below_four_fifths: bool

    @property
    def favoured(self) -> str:
        """The group with the highest selection rate."""
        return max(self.rates, key=self.rates.__getitem__)

    def summary(self) -> str:
        """The report in two plain sentences."""
        parts = [
            text(_TEXT["group"]).format(
                group=g,
                selected=self.selected[g],
                applicants=self.applicants[g],
                rate=format_percent(self.rates[g], 1),
            )
            for g in self.rates
        ]
        sentence = text(_TEXT["at_threshold"]).format(
            threshold=plain_number(self.threshold), groups=listed(parts)
        )
        if self.ratio is None:
            return sentence + " " + text(_TEXT["nobody"])
        flag = text(_TEXT["flagged"]) if self.below_four_fifths else text(_TEXT["not_flagged"])
        gap_ratio = text(_TEXT["gap_ratio"]).format(
            gap=format_number(self.gap * 100, 1), ratio=format_number(self.ratio, 2), flag=flag
        )
        return sentence + " " + gap_ratio

    def _repr_markdown_(self) -> str:
        return self.summary()


def fairness_report(data: pd.DataFrame | None = None, threshold: float = DEFAULT_THRESHOLD) -> FairnessReport:
    """Who is shortlisted at a score threshold, per group, with the gap, the ratio and the four-fifths flag."""
    data = load_hiring_screening() if data is None else data
    rates = selection_rates(data, threshold)
    limit = _check_threshold(threshold)
    groups = data["group"].astype(str)
    applicants = groups.value_counts().sort_index()
    selected = (data["score"] >= limit).groupby(groups).sum().sort_index()
    try:
        ratio: float | None = selection_ratio(rates)
    except FairnessError:
        ratio = None
    return FairnessReport(
        threshold=limit,
        applicants={g: int(n) for g, n in applicants.items()},
        selected={g: int(n) for g, n in selected.items()},
        rates={g: float(r) for g, r in rates.items()},
        gap=selection_gap(rates),
        ratio=ratio,
        below_four_fifths=ratio is not None and ratio < FOUR_FIFTHS,
    )


def threshold_sweep(
    data: pd.DataFrame | None = None, thresholds: Iterable[float] = range(30, 85, 5)
) -> pd.DataFrame:
    """Selection rates, gap and ratio for a series of thresholds, one row each (ratio NaN when undefined)."""
    data = load_hiring_screening() if data is None else data
    rows = []
    for threshold in thresholds:
        report = fairness_report(data, threshold)
        row = {"threshold": report.threshold}
        row.update({f"rate_{g}": r for g, r in report.rates.items()})
        row.update(gap=report.gap, ratio=math.nan if report.ratio is None else report.ratio)
        rows.append(row)
    return pd.DataFrame(rows)
