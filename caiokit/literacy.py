"""The AI literacy plan: who learns what, for how many hours, at what cost in working time.

Conventions of the course, stated once here:

- Staff are split into audiences (:class:`Audience`: executives, managers, AI practitioners, AI users, all
  staff); each person is counted once, in the most demanding audience they belong to, and that audience's
  curriculum covers the basics too. Functions take an audience as an :class:`Audience`, its id or its label
  in the language in use, whatever the case.
- The curriculum per audience is data, in priority order: which module is for whom and for how many hours
  in ``caiokit/data/literacy_modules.csv``, the modules' names in ``caiokit/data/<lang>/literacy_modules.csv``.
  With fewer hours than the full curriculum, a person takes the modules that fit, in that order; with more,
  the extra hours are practice on their own tasks.
- The cost is the working time spent in training, at one loaded hourly rate for everyone
  (``DEFAULT_HOURLY_RATE_EUR``, an assumption of the course: change it to your company's figure).
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from caiokit import datafiles
from caiokit.errors import CaioKitError
from caiokit.i18n import N_, Category, _, listed
from caiokit.validation import is_number

DEFAULT_HOURLY_RATE_EUR = 50.0


class Audience(Category):
    """A group of staff with a curriculum of its own."""

    EXECUTIVES = "executives", N_("executives")
    MANAGERS = "managers", N_("managers")
    AI_PRACTITIONERS = "ai_practitioners", N_("AI practitioners")
    AI_USERS = "ai_users", N_("AI users")
    ALL_STAFF = "all_staff", N_("all staff")


class LiteracyError(CaioKitError):
    """A literacy plan's audiences, headcounts, hours or rate are not usable; the message says which."""


def literacy_modules() -> pd.DataFrame:
    """The curriculum: one row per module, with its audience and hours, in priority order per audience."""
    merged = datafiles.worded("literacy_modules.csv", on="id", text=False)
    return merged.assign(audience=merged["audience"].map(Audience))[["audience", "module", "hours"]]


def audiences() -> tuple[Audience, ...]:
    """The audiences the curriculum knows, in the order of the modules table."""
    return tuple(dict.fromkeys(literacy_modules()["audience"]))


def curriculum_hours() -> dict[Audience, float]:
    """Hours of the full curriculum per person, for each audience."""
    totals = literacy_modules().groupby("audience", sort=False)["hours"].sum()
    return {Audience(audience): float(hours) for audience, hours in totals.items()}


def alvera_audiences() -> pd.DataFrame:
    """Alvera Group's ~3,200 staff by audience (the index): headcount and who they are."""
    merged = datafiles.worded("alvera_audiences.csv", on="audience", text=False)
    return merged.assign(audience=merged["audience"].map(Audience)).set_index("audience")


def by_audience(values: Mapping[object, object], what: str) -> dict[Audience, object]:
    """``values`` keyed by :class:`Audience`, from keys that name one (member, id or label, any case).

    ``what`` names the argument in the message of the :class:`LiteracyError` raised for an unknown or
    repeated audience.
    """
    if not isinstance(values, Mapping):
        raise LiteracyError(
            _("{what} should be a dict of audience -> value, e.g. {example}, not a {kind}.").format(
                what=what, example=f"{{{Audience.MANAGERS.label!r}: 240}}", kind=type(values).__name__
            )
        )
    known = audiences()
    canonical: dict[Audience, object] = {}
    for key, value in values.items():
        audience = Audience.parse(key)
        if audience not in known:
            raise LiteracyError(
                _("{what}: unknown audience {key}; the curriculum has {audiences}.").format(
                    what=what, key=repr(key), audiences=", ".join(repr(a.label) for a in known)
                )
            )
        if audience in canonical:
            raise LiteracyError(
                _("{what}: audience {audience} is given twice.").format(
                    what=what, audience=repr(audience.label)
                )
            )
        canonical[audience] = value
    return canonical


def _hours_problem(audience: Audience, hours: object) -> str | None:
    if not is_number(hours) or hours < 0:
        return _("hours for {audience} is {hours}; it must be a number of 0 or more.").format(
            audience=repr(audience.label), hours=repr(hours)
        )
    return None


def curriculum_for(audience: Audience | str, hours: float) -> tuple[list[str], int]:
    """The modules one person of an audience takes in ``hours``, and how many modules are left out."""
    chosen = next(iter(by_audience({audience: hours}, "audience")))
    problem = _hours_problem(chosen, hours)
    if problem:
        raise LiteracyError(problem)
    modules = literacy_modules()
    modules = modules[modules["audience"] == chosen]
    taken, left = [], float(hours)
    for module in modules.itertuples(index=False):
        if module.hours <= left + 1e-9:
            taken.append(_("{module} ({hours} h)").format(module=module.module, hours=f"{module.hours:g}"))
            left -= module.hours
    left_out = len(modules) - len(taken)
    if left > 1e-9:
        taken.append(_("practice on own tasks ({hours} h)").format(hours=f"{left:g}"))
    return taken, left_out


def literacy_plan(
    headcount_by_audience: Mapping[object, int],
    hours_by_audience: Mapping[object, float] | None = None,
    hourly_rate_eur: float = DEFAULT_HOURLY_RATE_EUR,
) -> pd.DataFrame:
    """The plan to read, by audience label: headcount, hours per person, total hours, cost and curriculum.

    ``hours_by_audience`` overrides the curriculum's hours for the audiences it names; the others keep
    their full curriculum.
    """
    headcounts = by_audience(headcount_by_audience, "headcount_by_audience")
    if not headcounts:
        raise LiteracyError(
            _("headcount_by_audience is empty: give at least one audience and its headcount.")
        )
    for audience, count in headcounts.items():
        if not is_number(count) or count < 0 or count != int(count):
            raise LiteracyError(
                _("headcount of {audience} is {count}; it must be a whole number of 0 or more.").format(
                    audience=repr(audience.label), count=repr(count)
                )
            )
    hours = curriculum_hours()
    overrides = by_audience(hours_by_audience or {}, "hours_by_audience")
    for audience, value in overrides.items():
        if audience not in headcounts:
            raise LiteracyError(
                _(
                    "hours_by_audience gives hours for {audience}, which has no headcount: add it to "
                    "headcount_by_audience."
                ).format(audience=repr(audience.label))
            )
        problem = _hours_problem(audience, value)
        if problem:
            raise LiteracyError(problem)
        hours[audience] = float(value)
    if not is_number(hourly_rate_eur) or hourly_rate_eur < 0:
        raise LiteracyError(
            _("hourly_rate_eur is {rate}; it must be a number of 0 or more.").format(
                rate=repr(hourly_rate_eur)
            )
        )
    rows = []
    for audience in audiences():
        if audience not in headcounts:
            continue
        modules, left_out = curriculum_for(audience, hours[audience])
        total = int(headcounts[audience]) * hours[audience]
        rows.append(
            {
                "audience": audience.label,
                "headcount": int(headcounts[audience]),
                "hours_per_person": hours[audience],
                "total_hours": total,
                "cost_eur": total * float(hourly_rate_eur),
                "curriculum": listed(modules),
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
