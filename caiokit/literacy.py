"""The AI literacy plan: who learns what, for how many hours, at what cost in working time.

Conventions of the course, stated once here:

- Staff are split into audiences (executives, managers, AI practitioners, AI users, all staff); each
  person is counted once, in the most demanding audience they belong to, and that audience's curriculum
  covers the basics too.
- The curriculum per audience is data, in ``caiokit/data/literacy_modules.csv``, in priority order. With
  fewer hours than the full curriculum, a person takes the modules that fit, in that order; with more, the
  extra hours are practice on their own tasks.
- The cost is the working time spent in training, at one loaded hourly rate for everyone
  (``DEFAULT_HOURLY_RATE_EUR``, an assumption of the course: change it to your company's figure).
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from caiokit import datafiles
from caiokit.errors import CaioKitError
from caiokit.validation import is_number

DEFAULT_HOURLY_RATE_EUR = 50.0


class LiteracyError(CaioKitError):
    """A literacy plan's audiences, headcounts, hours or rate are not usable; the message says which."""


def literacy_modules() -> pd.DataFrame:
    """The curriculum: one row per module, with its audience and hours, in priority order per audience."""
    return datafiles.table("literacy_modules.csv", text=False)


def audiences() -> tuple[str, ...]:
    """The audiences the curriculum knows, in the order of the modules table."""
    return tuple(dict.fromkeys(literacy_modules()["audience"]))


def curriculum_hours() -> dict[str, float]:
    """Hours of the full curriculum per person, for each audience."""
    totals = literacy_modules().groupby("audience", sort=False)["hours"].sum()
    return {audience: float(hours) for audience, hours in totals.items()}


def alvera_audiences() -> pd.DataFrame:
    """Alvera Group's ~3,200 staff split by audience: headcount and who they are."""
    return datafiles.table("alvera_audiences.csv", text=False).set_index("audience")


def _canonical_keys(values: Mapping[str, object], what: str) -> dict[str, object]:
    if not isinstance(values, Mapping):
        raise LiteracyError(
            f"{what} should be a dict of audience -> value, e.g. {{'managers': 240}}, not a {type(values).__name__}."
        )
    known = {audience.lower(): audience for audience in audiences()}
    canonical: dict[str, object] = {}
    for key, value in values.items():
        audience = known.get(str(key).strip().lower())
        if audience is None:
            raise LiteracyError(
                f"{what}: unknown audience {key!r}; the curriculum has {', '.join(map(repr, audiences()))}."
            )
        if audience in canonical:
            raise LiteracyError(f"{what}: audience {audience!r} is given twice.")
        canonical[audience] = value
    return canonical


def curriculum_for(audience: str, hours: float) -> tuple[list[str], int]:
    """The modules one person of an audience takes in ``hours``, and how many modules are left out."""
    audience = next(iter(_canonical_keys({audience: hours}, "audience")))
    if not is_number(hours) or hours < 0:
        raise LiteracyError(f"hours for {audience!r} is {hours!r}; it must be a number of 0 or more.")
    modules = literacy_modules().query("audience == @audience")
    taken, left = [], float(hours)
    for module in modules.itertuples(index=False):
        if module.hours <= left + 1e-9:
            taken.append(f"{module.module} ({module.hours:g} h)")
            left -= module.hours
    left_out = len(modules) - len(taken)
    if left > 1e-9:
        taken.append(f"practice on own tasks ({left:g} h)")
    return taken, left_out


def literacy_plan(
    headcount_by_audience: Mapping[str, int],
    hours_by_audience: Mapping[str, float] | None = None,
    hourly_rate_eur: float = DEFAULT_HOURLY_RATE_EUR,
) -> pd.DataFrame:
    """The plan per audience: headcount, hours per person, total hours, cost and curriculum.

    ``hours_by_audience`` overrides the curriculum's hours for the audiences it names; the others keep
    their full curriculum.
    """
    headcounts = _canonical_keys(headcount_by_audience, "headcount_by_audience")
    if not headcounts:
        raise LiteracyError("headcount_by_audience is empty: give at least one audience and its headcount.")
    for audience, count in headcounts.items():
        if not is_number(count) or count < 0 or count != int(count):
            raise LiteracyError(
                f"headcount of {audience!r} is {count!r}; it must be a whole number of 0 or more."
            )
    hours = curriculum_hours()
    overrides = _canonical_keys(hours_by_audience or {}, "hours_by_audience")
    for audience, value in overrides.items():
        if audience not in headcounts:
            raise LiteracyError(
                f"hours_by_audience gives hours for {audience!r}, which has no headcount: add it to headcount_by_audience."
            )
        if not is_number(value) or value < 0:
            raise LiteracyError(f"hours for {audience!r} is {value!r}; it must be a number of 0 or more.")
        hours[audience] = float(value)
    if not is_number(hourly_rate_eur) or hourly_rate_eur < 0:
        raise LiteracyError(f"hourly_rate_eur is {hourly_rate_eur!r}; it must be a number of 0 or more.")
    rows = []
    for audience in audiences():
        if audience not in headcounts:
            continue
        modules, left_out = curriculum_for(audience, hours[audience])
        total = int(headcounts[audience]) * hours[audience]
        rows.append(
            {
                "audience": audience,
                "headcount": int(headcounts[audience]),
                "hours_per_person": hours[audience],
                "total_hours": total,
                "cost_eur": total * float(hourly_rate_eur),
                "curriculum": "; ".join(modules),
                "modules_left_out": left_out,
            }
        )
    return pd.DataFrame(rows).set_index("audience")


def plan_totals(plan: pd.DataFrame) -> dict[str, float]:
    """Totals of a plan from :func:`literacy_plan`: headcount, hours, cost and hours per head."""
    headcount = int(plan["headcount"].sum())
    total_hours = float(plan["total_hours"].sum())
    return {
        "headcount": headcount,
        "total_hours": total_hours,
        "cost_eur": float(plan["cost_eur"].sum()),
        "hours_per_head": total_hours / headcount if headcount else 0.0,
    }
