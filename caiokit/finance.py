"""Money side of a use case: cash flows, NPV, ROI and payback, for one use case or a portfolio.

Conventions: cash flows are yearly and the first element is year 0, today, not discounted.
NPV = sum of CF_t / (1 + rate)^t. ROI = (benefits - costs) / costs. Payback is the first year in
which the cumulative cash flow is no longer negative (optionally with the fraction of that year, if
the cash comes in evenly over it). A use case's cash flows are minus its one-off cost in year 0, then
its yearly benefit minus its yearly cost in each following year, full benefit from year 1.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from caiokit.catalog import require_columns
from caiokit.conventions import COURSE
from caiokit.errors import FinanceError
from caiokit.i18n import N_, text
from caiokit.validation import is_number

# The id of the row of a portfolio_finance table that adds up the others.
TOTAL_ID = "total"
_MESSAGES = {
    "no_flows": N_("cash_flows must be a non-empty list of yearly amounts, year 0 first"),
    "bad_flow": N_("cash flow of year {year} must be a number, not {value!r}"),
    "bad_rate": N_("rate must be a number above -1 (0.08 for 8%), not {value!r}"),
    "bad_amount": N_("{name} must be a number of 0 or more, not {value!r}"),
    "zero_costs": N_("costs must be above 0 to compute a return on them"),
    "bad_years": N_("years must be a whole number of 1 or more, not {value!r}"),
    "no_ids": N_("choose at least one use case"),
    "unknown_ids": N_("not in the table: {ids}"),
    "total_name": N_("portfolio"),
}


def npv(cash_flows: Sequence[float], rate: float) -> float:
    """Net present value of yearly cash flows, the first one in year 0 (not discounted)."""
    flows = _check_flows(cash_flows)
    if not is_number(rate) or not rate > -1:
        raise FinanceError(text(_MESSAGES["bad_rate"]).format(value=rate))
    return float(np.sum(flows / (1.0 + rate) ** np.arange(len(flows))))


def roi(benefits: float | Iterable[float], costs: float | Iterable[float]) -> float:
    """Return on investment: (benefits - costs) / costs, each a number or a list of amounts to add up."""
    total_benefits = _total("benefits", benefits)
    total_costs = _total("costs", costs)
    if total_costs == 0:
        raise FinanceError(text(_MESSAGES["zero_costs"]))
    return (total_benefits - total_costs) / total_costs


def payback_period(cash_flows: Sequence[float], fractional: bool = False) -> float | None:
    """First year whose cumulative cash flow is no longer negative, None if never.

    With ``fractional``, the year is interpolated: a payback reached halfway through year 3 is 2.5.
    """
    flows = _check_flows(cash_flows)
    cumulative = np.cumsum(flows)
    reached = np.flatnonzero(cumulative >= 0)
    if len(reached) == 0:
        return None
    year = int(reached[0])
    if not fractional or year == 0:
        return year
    return year - 1 + float(-cumulative[year - 1] / flows[year])


def use_case_cash_flows(row: Mapping[str, Any], years: int = COURSE.finance_years) -> list[float]:
    """Yearly cash flows of one catalog row: year 0 the one-off cost, then benefit minus running cost."""
    _check_years(years)
    one_off = _total("cost_one_off_eur", row["cost_one_off_eur"])
    yearly = _total("benefit_yearly_eur", row["benefit_yearly_eur"]) - _total(
        "cost_yearly_eur", row.get("cost_yearly_eur", 0.0)
    )
    return [-one_off] + [yearly] * years


def portfolio_finance(
    catalog: pd.DataFrame,
    ids: Iterable[str],
    rate: float = COURSE.discount_rate,
    years: int = COURSE.finance_years,
) -> pd.DataFrame:
    """Per chosen use case and in total: costs, benefits, ROI, NPV and payback over the given years.

    ROI is over the whole period (benefits and costs of every year, undiscounted; empty when nothing is
    spent); the total row's NPV and payback come from the summed cash flows of all chosen use cases.
    """
    _check_years(years)
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        raise FinanceError(text(_MESSAGES["no_ids"]))
    table = require_columns(
        catalog, ["id", "name", "cost_one_off_eur", "cost_yearly_eur", "benefit_yearly_eur"]
    )
    table = table.set_index(table["id"].astype(str))
    unknown = [use_case for use_case in wanted if use_case not in table.index]
    if unknown:
        raise FinanceError(text(_MESSAGES["unknown_ids"]).format(ids=", ".join(unknown)))
    rows = []
    all_flows = np.zeros(years + 1)
    for use_case in wanted:
        item = table.loc[use_case]
        flows = use_case_cash_flows(item, years)
        all_flows += flows
        benefits = item["benefit_yearly_eur"] * years
        costs = item["cost_one_off_eur"] + item["cost_yearly_eur"] * years
        rows.append(_finance_row(use_case, item["name"], flows, benefits, costs, rate))
    total_benefits = sum(row["benefit_eur"] for row in rows)
    total_costs = sum(row["cost_eur"] for row in rows)
    rows.append(
        _finance_row(
            TOTAL_ID,
            text(_MESSAGES["total_name"]),
            list(all_flows),
            total_benefits,
            total_costs,
            rate,
        )
    )
    return pd.DataFrame(rows)


def _finance_row(
    use_case: str, name: str, flows: list[float], benefits: float, costs: float, rate: float
) -> dict[str, Any]:
    """One line of the portfolio finance table (no payback within the years shows as NaN)."""
    payback = payback_period(flows, fractional=True)
    return {
        "id": use_case,
        "name": name,
        "one_off_eur": -flows[0],
        "yearly_net_eur": flows[1],
        "benefit_eur": benefits,
        "cost_eur": costs,
        "roi": roi(benefits, costs) if costs > 0 else math.nan,
        "npv_eur": npv(flows, rate),
        "payback_years": math.nan if payback is None else payback,
    }


def _check_flows(cash_flows: Sequence[float]) -> np.ndarray:
    """Cash flows as a float array, or FinanceError if empty or not all numbers."""
    if isinstance(cash_flows, str | bytes) or not isinstance(cash_flows, Sequence | np.ndarray | pd.Series):
        raise FinanceError(text(_MESSAGES["no_flows"]))
    if len(cash_flows) == 0:
        raise FinanceError(text(_MESSAGES["no_flows"]))
    for year, value in enumerate(cash_flows):
        if not is_number(value):
            raise FinanceError(text(_MESSAGES["bad_flow"]).format(year=year, value=value))
    return np.asarray(cash_flows, dtype=float)


def _total(name: str, amounts: float | Iterable[float]) -> float:
    """The sum of one amount or of a list of amounts, each a number of 0 or more."""
    single = isinstance(amounts, numbers.Number | str)
    values = [amounts] if single else list(amounts)
    for value in values:
        if not is_number(value) or not value >= 0:
            raise FinanceError(text(_MESSAGES["bad_amount"]).format(name=name, value=value))
    return float(sum(values))


def _check_years(years: int) -> None:
    """Raise FinanceError unless years is a whole number of 1 or more."""
    if isinstance(years, bool) or not isinstance(years, int) or years < 1:
        raise FinanceError(text(_MESSAGES["bad_years"]).format(value=years))
