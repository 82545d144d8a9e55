"""What a generative-AI service costs per month, against the value of its use case.

Model cost = requests x (tokens in x price in + tokens out x price out), prices per million tokens, for the
share of requests each model tier handles (model tiering: the small model takes ``small_share``, the large
one the rest). A share ``cached_share`` of the input tokens is read from the provider's prompt cache at the
cached price. Human review = requests x ``review_share`` x minutes per review / 60 x hourly rate. Prices are
the course's dated assumptions (``caiokit/data/genai_model_tiers.csv``), never a vendor's price list.

Break-even compares the monthly value (the catalog's yearly benefit / 12) with the monthly cost: the net
gain per month, and the months needed to earn back the one-off cost (None if the service never pays back).
"""

from __future__ import annotations

from dataclasses import dataclass, fields

import pandas as pd

from caiokit import datafiles
from caiokit.catalog import load_catalog
from caiokit.genai import GenAIError
from caiokit.i18n import _, listed
from caiokit.validation import is_number

MILLION = 1_000_000
SHARES = ("cached_share", "small_share", "review_share")


@dataclass(frozen=True)
class Usage:
    """How a service is used in a month, and how much of it people review."""

    requests_per_month: float
    tokens_in: float
    tokens_out: float
    cached_share: float = 0.0
    small_share: float = 0.0
    review_share: float = 0.0
    review_minutes: float = 0.0
    hourly_rate_eur: float = 50.0

    def __post_init__(self):
        problems = []
        for field in fields(self):
            value = getattr(self, field.name)
            if not is_number(value) or value < 0:
                problems.append(
                    _("{name} must be a number of 0 or more, not {value!r}").format(
                        name=field.name, value=value
                    )
                )
            elif field.name in SHARES and value > 1:
                problems.append(
                    _("{name} is a share from 0 to 1, not {value!r} (write 0.3 for 30%)").format(
                        name=field.name, value=value
                    )
                )
        if problems:
            raise GenAIError(listed(problems))


@dataclass(frozen=True)
class MonthlyCost:
    """A service's cost per month, by part, in EUR."""

    small_model_eur: float
    large_model_eur: float
    review_eur: float

    @property
    def model_eur(self) -> float:
        """What the models cost."""
        return self.small_model_eur + self.large_model_eur

    @property
    def total_eur(self) -> float:
        """Models and human review together."""
        return self.model_eur + self.review_eur


def model_tiers() -> pd.DataFrame:
    """The course's assumed prices per million tokens for a small and a large model, dated, by tier id."""
    return datafiles.worded("genai_model_tiers.csv", "tier", text=False).set_index("tier")


def use_case_usage() -> pd.DataFrame:
    """The assumed monthly usage of some of Alvera's use cases (``caiokit/data/genai_usage.csv``), by id."""
    return datafiles.table("genai_usage.csv", text=False).set_index("id")


def usage_of(use_case: str) -> Usage:
    """The usage of one use case of ``use_case_usage``."""
    table = use_case_usage()
    if use_case not in table.index:
        raise GenAIError(
            _("no usage figures for {id}; use one of {ids}").format(id=use_case, ids=", ".join(table.index))
        )
    return Usage(**{k: float(v) for k, v in table.loc[use_case].items()})


def _per_request(tier: pd.Series, usage: Usage) -> float:
    fresh = usage.tokens_in * (1 - usage.cached_share) * tier["eur_per_million_in"]
    cached = usage.tokens_in * usage.cached_share * tier["eur_per_million_cached_in"]
    return float(fresh + cached + usage.tokens_out * tier["eur_per_million_out"]) / MILLION


def monthly_cost(usage: Usage, tiers: pd.DataFrame | None = None) -> MonthlyCost:
    """The cost per month of a service used as ``usage`` says, at the given (or the course's) prices."""
    tiers = model_tiers() if tiers is None else tiers
    small = usage.requests_per_month * usage.small_share * _per_request(tiers.loc["small"], usage)
    large = usage.requests_per_month * (1 - usage.small_share) * _per_request(tiers.loc["large"], usage)
    review_hours = usage.requests_per_month * usage.review_share * usage.review_minutes / 60
    return MonthlyCost(small, large, review_hours * usage.hourly_rate_eur)


@dataclass(frozen=True)
class BreakEven:
    """A service's monthly value against its monthly cost, and when the one-off cost is earned back."""

    value_per_month_eur: float
    cost_per_month_eur: float
    one_off_eur: float

    @property
    def net_per_month_eur(self) -> float:
        """Value minus running cost, per month."""
        return self.value_per_month_eur - self.cost_per_month_eur

    @property
    def months(self) -> float | None:
        """Months to earn back the one-off cost (None if the net gain is not positive)."""
        if self.net_per_month_eur <= 0:
            return None
        return self.one_off_eur / self.net_per_month_eur


def break_even(value_per_year_eur: float, cost: MonthlyCost, one_off_eur: float = 0.0) -> BreakEven:
    """Monthly value (yearly value / 12) against a monthly cost, with the one-off cost to earn back."""
    for name, value in (("value_per_year_eur", value_per_year_eur), ("one_off_eur", one_off_eur)):
        if not is_number(value) or value < 0:
            raise GenAIError(
                _("{name} must be a number of 0 or more, not {value!r}").format(name=name, value=value)
            )
    return BreakEven(value_per_year_eur / 12, cost.total_eur, one_off_eur)


def use_case_break_even(
    use_case: str, usage: Usage | None = None, catalog: pd.DataFrame | None = None
) -> BreakEven:
    """A catalog use case's yearly benefit and one-off cost against its service's monthly cost."""
    catalog = load_catalog() if catalog is None else catalog
    rows = catalog[catalog["id"] == use_case]
    if rows.empty:
        raise GenAIError(_("{id} is not in the catalog").format(id=use_case))
    cost = monthly_cost(usage_of(use_case) if usage is None else usage)
    first = rows.iloc[0]
    return break_even(float(first["benefit_yearly_eur"]), cost, float(first["cost_one_off_eur"]))
