"""Benefits tracking: what a roadmap planned each quarter, what came in, and the portfolio's P&L.

The plan of a use case, quarter by quarter, follows simple rules that a learner can redo by hand:

- **Build**: its one-off cost (``cost_one_off_eur``) is spent evenly over the quarters it is built, from
  ``start_quarter`` to ``end_quarter`` of the roadmap.
- **Go-live**: it goes live the quarter after ``end_quarter``. From then on it costs a quarter of its yearly
  running cost (``cost_yearly_eur / 4``) every quarter.
- **Ramp-up**: its benefit ramps up over its first live quarters, a share of a quarter of the yearly benefit
  each (``RAMP_UP``: 25%, 50%, 75%), then the full quarter (``benefit_yearly_eur / 4``). Lesson 04 counted
  half a year of benefit in the first year; the quarters say the same, one step at a time.

Actuals are a table of one row per use case and quarter with the benefit, running cost and build cost that
came in. The P&L of a quarter is benefit minus running cost minus build cost; the cumulative P&L adds the
quarters up to that one. Realisation is the actual benefit to date over the planned benefit to date.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from caiokit.catalog import require_columns
from caiokit.conventions import COURSE
from caiokit.errors import CaioKitError, ProblemsError
from caiokit.i18n import N_, text
from caiokit.roadmap import quarter_labels
from caiokit.validation import is_number

RAMP_UP = (0.25, 0.5, 0.75)
"""Share of the full quarterly benefit in a use case's first, second and third live quarter."""

AMOUNTS = ("benefit_eur", "run_cost_eur", "build_cost_eur")
"""The money columns of a plan or actuals table, in EUR per quarter."""

ACTUAL_COLUMNS = ("id", "quarter", *AMOUNTS)

_MESSAGES = {
    "unknown_quarter": N_("{quarter!r} is not a quarter of the plan ({first} to {last})"),
    "bad_ramp": N_("ramp_up must be shares between 0 and 1, not {value!r}"),
    "outside": N_("{id}: its roadmap runs {start} to {end}, outside the plan's quarters {first} to {last}"),
    "not_planned": N_("row {row}: {id} is not a use case of the plan"),
    "bad_actual_quarter": N_("row {row}: {quarter!r} is not a quarter of the plan"),
    "bad_amount": N_("row {row}: {column} must be a number of 0 or more, not {value!r}"),
    "twice": N_("row {row}: {id} in {quarter} appears twice"),
}


class BenefitsError(CaioKitError):
    """A plan or a quarter asked for does not fit the rules; the message says what to change."""


class ActualsError(BenefitsError, ProblemsError):
    """An actuals table is malformed; ``problems`` lists every row at fault."""


def plan_quarters(start: str = COURSE.start_quarter, count: int = COURSE.horizon_quarters) -> tuple[str, ...]:
    """The quarters a benefits plan covers: the roadmap's, from start."""
    return quarter_labels(start, count)


def planned_benefits(
    roadmap: pd.DataFrame,
    catalog: pd.DataFrame,
    quarters: Sequence[str] | None = None,
    ramp_up: Sequence[float] = RAMP_UP,
) -> pd.DataFrame:
    """One row per use case of the roadmap and quarter: the planned benefit, running and build cost.

    ``roadmap`` has ``id``, ``start_quarter`` and ``end_quarter`` (like ``caiokit.teams.load_sample_plan()``
    or the scheduled rows of ``caiokit.roadmap.plan_roadmap(...).table``); ``catalog`` the money columns.
    """
    quarters = tuple(quarters or plan_quarters())
    shares = list(ramp_up)
    if any(not is_number(share) or not 0 <= share <= 1 for share in shares):
        raise BenefitsError(text(_MESSAGES["bad_ramp"]).format(value=ramp_up))
    plan = require_columns(roadmap, ["id", "start_quarter", "end_quarter"])
    money = require_columns(catalog, ["id", "cost_one_off_eur", "cost_yearly_eur", "benefit_yearly_eur"])
    money = money.set_index(money["id"].astype(str))
    position = {quarter: index for index, quarter in enumerate(quarters)}
    rows = []
    for item in plan.itertuples(index=False):
        use_case = str(item.id)
        first, last = position.get(item.start_quarter), position.get(item.end_quarter)
        if first is None or last is None:
            raise BenefitsError(
                text(_MESSAGES["outside"]).format(
                    id=use_case,
                    start=item.start_quarter,
                    end=item.end_quarter,
                    first=quarters[0],
                    last=quarters[-1],
                )
            )
        figures = money.loc[use_case]
        build = float(figures["cost_one_off_eur"]) / (last - first + 1)
        for index, quarter in enumerate(quarters):
            live = index - last - 1  # 0 in the first live quarter
            share = 0.0 if live < 0 else (shares[live] if live < len(shares) else 1.0)
            rows.append(
                {
                    "id": use_case,
                    "quarter": quarter,
                    "live": live >= 0,
                    "benefit_eur": share * float(figures["benefit_yearly_eur"]) / 4,
                    "run_cost_eur": float(figures["cost_yearly_eur"]) / 4 if live >= 0 else 0.0,
                    "build_cost_eur": build if first <= index <= last else 0.0,
                }
            )
    return pd.DataFrame(rows)


def check_actuals(actuals: pd.DataFrame, plan: pd.DataFrame, source: str = "actuals") -> pd.DataFrame:
    """The actuals as numbers, or ActualsError listing every row that is not a planned use case and quarter."""
    table = require_columns(actuals, list(ACTUAL_COLUMNS))
    use_cases, quarters = set(plan["id"]), set(plan["quarter"])
    problems, seen = [], set()
    for row, item in enumerate(table.to_dict("records"), start=2):
        if item["id"] not in use_cases:
            problems.append(text(_MESSAGES["not_planned"]).format(row=row, id=item["id"]))
        if item["quarter"] not in quarters:
            problems.append(text(_MESSAGES["bad_actual_quarter"]).format(row=row, quarter=item["quarter"]))
        if (item["id"], item["quarter"]) in seen:
            problems.append(text(_MESSAGES["twice"]).format(row=row, id=item["id"], quarter=item["quarter"]))
        seen.add((item["id"], item["quarter"]))
        for column in AMOUNTS:
            value = pd.to_numeric(item[column], errors="coerce")
            if not is_number(value) or value < 0:
                problems.append(
                    text(_MESSAGES["bad_amount"]).format(row=row, column=column, value=item[column])
                )
    if problems:
        raise ActualsError(source, problems)
    return table[list(ACTUAL_COLUMNS)].astype(dict.fromkeys(AMOUNTS, float))


def tracking(plan: pd.DataFrame, actuals: pd.DataFrame, quarter: str) -> pd.DataFrame:
    """Per use case, to the end of ``quarter``: planned and actual benefit and costs, and the realisation.

    ``live_quarters`` counts the quarters the use case was planned live; ``realisation`` is actual benefit
    over planned benefit to date (NaN before any benefit was planned), ``build_overrun`` the actual build
    cost over the planned one (NaN if none was planned).
    """
    to_date = _to_date(plan, quarter)
    actual = check_actuals(actuals, plan)
    actual = actual[actual["quarter"].isin(to_date["quarter"].unique())]
    planned = to_date.groupby("id", sort=False).agg(
        live_quarters=("live", "sum"), **{f"planned_{c}": (c, "sum") for c in AMOUNTS}
    )
    done = actual.groupby("id").agg(**{f"actual_{c}": (c, "sum") for c in AMOUNTS})
    table = planned.join(done).fillna(0.0)
    table["live_quarters"] = table["live_quarters"].astype(int)
    table["realisation"] = _ratio(table["actual_benefit_eur"], table["planned_benefit_eur"])
    table["build_overrun"] = _ratio(table["actual_build_cost_eur"], table["planned_build_cost_eur"])
    return table.reset_index()


def portfolio_pnl(plan: pd.DataFrame, actuals: pd.DataFrame, quarter: str | None = None) -> pd.DataFrame:
    """Per quarter up to ``quarter`` (default: all): planned and actual benefit, costs, P&L and cumulative P&L."""
    to_date = _to_date(plan, quarter or plan["quarter"].iloc[-1])
    order = list(dict.fromkeys(to_date["quarter"]))
    actual = check_actuals(actuals, plan)
    table = pd.DataFrame(index=pd.Index(order, name="quarter"))
    for kind, frame in (("planned", to_date), ("actual", actual[actual["quarter"].isin(order)])):
        sums = frame.groupby("quarter")[list(AMOUNTS)].sum().reindex(order, fill_value=0.0)
        for column in AMOUNTS:
            table[f"{kind}_{column}"] = sums[column].astype(float)
        table[f"{kind}_pnl_eur"] = sums["benefit_eur"] - sums["run_cost_eur"] - sums["build_cost_eur"]
        table[f"{kind}_cumulative_eur"] = table[f"{kind}_pnl_eur"].cumsum()
    return table


def cumulative_pnl(plan: pd.DataFrame, actuals: pd.DataFrame, quarter: str, kind: str = "actual") -> float:
    """The portfolio's cumulative P&L at the end of ``quarter``, ``actual`` or ``planned``."""
    return float(portfolio_pnl(plan, actuals, quarter)[f"{kind}_cumulative_eur"].iloc[-1])


def _to_date(plan: pd.DataFrame, quarter: str) -> pd.DataFrame:
    order = list(dict.fromkeys(plan["quarter"]))
    if quarter not in order:
        raise BenefitsError(
            text(_MESSAGES["unknown_quarter"]).format(quarter=quarter, first=order[0], last=order[-1])
        )
    return plan[plan["quarter"].isin(order[: order.index(quarter) + 1])]


def _ratio(numerator: pd.Series, denominator: pd.Series) -> pd.Series:
    return pd.Series(
        np.where(denominator > 0, numerator / denominator.where(denominator > 0, 1.0), np.nan),
        index=numerator.index,
    )
