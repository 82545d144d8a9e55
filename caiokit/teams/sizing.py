"""How big the AI team must be: the work of each quarter and role against what its people can do.

:func:`size_team` compares, per quarter and role, the work needed (demand) with what the team can do
(capacity = people x person-months per person per quarter); :func:`headcount_for` gives the people that
cover the busiest or the average quarter; the shortages come out in plain words.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from caiokit.conventions import COURSE
from caiokit.i18n import N_, _, format_number, text
from caiokit.teams.errors import TeamError
from caiokit.teams.roles import Role, role, unknown_roles
from caiokit.teams.workload import not_frame
from caiokit.validation import is_number

# A person works at most three months in a quarter.
MAX_PM_PER_PERSON_PER_QUARTER = 3.0
NO_SHORTAGE = N_("No shortage: the team covers the plan in every quarter.")
# Room for rounding: a gap smaller than this (in person-months) is no gap.
_SLACK = 1e-9
_COLUMNS = [
    "quarter",
    "role",
    "demand_pm",
    "capacity_pm",
    "gap_pm",
    "people",
    "people_needed",
    "gap_people",
    "short",
]

_MESSAGES = {
    "the_workload": N_("the workload"),
    "the_headcount": N_("the headcount"),
    "each_role": N_("each role"),
    "unknown_roles": N_("unknown role(s) in {what}: {roles}; known roles are {allowed}"),
    "bad_workload": N_(
        "the workload for {role} in {quarter} should be a number of person-months, 0 or more, not {value!r}"
    ),
    "empty_workload": N_("the workload has no quarter: one row per quarter is needed"),
    "bad_headcount": N_("the headcount for {role} should be a number of people, 0 or more, not {value!r}"),
    "role_twice": N_("the headcount names {role} twice, as {first!r} and {second!r}: give each role once"),
    "bad_pm": N_(
        "pm_per_person_per_quarter should be a number above 0 and at most 3 (a quarter has three months), "
        "not {value!r}"
    ),
    "bad_basis": N_("basis should be 'peak' or 'average', not {value!r}"),
    "short": N_("{quarter}: {roles} short by {amount}"),
    "short_once": N_("{roles}: short in {quarter}, by {amount}"),
    "short_often": N_("{roles}: short in {count} quarters, {first} to {last}, by up to {amount} ({peak})"),
    "less_than_a_tenth": N_("less than 0.1 people"),
    "one_person": N_("{people} person"),
    "people": N_("{people} people"),
}


def _check_roles(what: str, names: Any) -> None:
    unknown = unknown_roles(names)
    if unknown:
        raise TeamError(
            text(_MESSAGES["unknown_roles"]).format(
                what=_(what), roles=", ".join(unknown), allowed=", ".join(Role.labels())
            )
        )


def _checked_pm(pm_per_person_per_quarter: Any) -> float:
    value = pm_per_person_per_quarter
    if not is_number(value) or not 0 < value <= MAX_PM_PER_PERSON_PER_QUARTER:
        raise TeamError(text(_MESSAGES["bad_pm"]).format(value=value))
    return float(value)


def _checked_workload(workload: pd.DataFrame) -> pd.DataFrame:
    if not isinstance(workload, pd.DataFrame):
        raise not_frame(_MESSAGES["the_workload"], workload)
    if len(workload.index) == 0:
        raise TeamError(text(_MESSAGES["empty_workload"]))
    _check_roles(_MESSAGES["the_workload"], workload.columns)
    workload = workload.rename(columns=lambda name: role(name).value)
    for column in workload.columns:
        for quarter, value in workload[column].items():
            if not is_number(value) or value < 0:
                raise TeamError(
                    text(_MESSAGES["bad_workload"]).format(
                        role=Role.label_of(column), quarter=quarter, value=value
                    )
                )
    return workload.astype(float)


def _checked_headcount(headcount: Any) -> dict[str, float]:
    """People per role id, from a dict that names each role by its label or id."""
    if not isinstance(headcount, Mapping):
        raise TeamError(
            text(_MESSAGES["bad_headcount"]).format(role=text(_MESSAGES["each_role"]), value=headcount)
        )
    _check_roles(_MESSAGES["the_headcount"], headcount)
    people = {}
    named = {}
    for name, count in headcount.items():
        member = role(name)
        if member.value in named:
            raise TeamError(
                text(_MESSAGES["role_twice"]).format(
                    role=member.label, first=named[member.value], second=name
                )
            )
        named[member.value] = name
        if not is_number(count) or count < 0:
            raise TeamError(text(_MESSAGES["bad_headcount"]).format(role=member.label, value=count))
        people[member.value] = float(count)
    return people


def size_team(
    workload: pd.DataFrame,
    headcount: Mapping[str, float],
    pm_per_person_per_quarter: float = COURSE.pm_per_person_per_quarter,
) -> pd.DataFrame:
    """Per quarter and role: demand and capacity in person-months, the gap, and whether the role is short.

    ``workload`` has one row per quarter and one column per role (person-months); ``headcount`` gives the
    people per role (a role left out has nobody). Both name a role by its label or its id; the result holds
    ids (``Role.label_of`` gives what to show). Columns of the result: quarter, role, demand_pm,
    capacity_pm, gap_pm (demand - capacity: above 0 means short), people, people_needed (demand in
    full-time people), gap_people (gap in people) and short.
    """
    pm = _checked_pm(pm_per_person_per_quarter)
    demand = _checked_workload(workload)
    people = _checked_headcount(headcount)
    roles = [member.value for member in Role if member in demand.columns or member in people]
    demand = demand.reindex(columns=roles, fill_value=0.0)
    table = demand.rename_axis(index="quarter", columns="role").stack().rename("demand_pm").reset_index()
    table["quarter"] = table["quarter"].astype(str)
    table["people"] = table["role"].map(lambda column: people.get(column, 0.0))
    table["capacity_pm"] = table["people"] * pm
    table["gap_pm"] = table["demand_pm"] - table["capacity_pm"]
    table["people_needed"] = table["demand_pm"] / pm
    table["gap_people"] = table["gap_pm"] / pm
    table["short"] = table["gap_pm"] > _SLACK
    return table[_COLUMNS]


def _amount(people: float) -> str:
    rounded = round(people, 1)
    if rounded < 0.1:
        return text(_MESSAGES["less_than_a_tenth"])
    template = _MESSAGES["one_person"] if rounded == 1 else _MESSAGES["people"]
    return _(template).format(people=format_number(rounded, 1))


def shortage_messages(sized: pd.DataFrame) -> list[str]:
    """Each shortage in a :func:`size_team` table in plain words, e.g. '2027-Q3: ML engineers short by 1.5 people'."""
    short = sized[sized["short"]]
    return [
        text(_MESSAGES["short"]).format(
            quarter=row.quarter, roles=Role(row.role).plural, amount=_amount(row.gap_people)
        )
        for row in short.itertuples(index=False)
    ]


def role_shortages(sized: pd.DataFrame) -> list[str]:
    """One line per role short in some quarter: in how many quarters, from when to when, the worst gap.

    For example 'ML engineers: short in 4 quarters, 2027-Q1 to 2027-Q4, by up to 1.3 people (2027-Q3)'.
    """
    lines = []
    short = sized[sized["short"]]
    for column in sized["role"].unique():
        rows = short[short["role"] == column]
        if rows.empty:
            continue
        worst = rows.loc[rows["gap_people"].idxmax()]
        quarters = sorted(rows["quarter"])
        amount = _amount(worst.gap_people)
        roles = Role(column).plural
        if len(quarters) == 1:
            lines.append(
                text(_MESSAGES["short_once"]).format(roles=roles, quarter=quarters[0], amount=amount)
            )
            continue
        lines.append(
            text(_MESSAGES["short_often"]).format(
                roles=roles,
                count=len(quarters),
                first=quarters[0],
                last=quarters[-1],
                amount=amount,
                peak=worst.quarter,
            )
        )
    return lines


def headcount_for(
    workload: pd.DataFrame,
    pm_per_person_per_quarter: float = COURSE.pm_per_person_per_quarter,
    basis: str = "peak",
) -> dict[str, int]:
    """Whole people per role id to cover the busiest quarter (``peak``) or the average quarter (``average``)."""
    pm = _checked_pm(pm_per_person_per_quarter)
    demand = _checked_workload(workload)
    if basis not in ("peak", "average"):
        raise TeamError(text(_MESSAGES["bad_basis"]).format(value=basis))
    per_role = demand.max() if basis == "peak" else demand.mean()
    return {column: math.ceil(per_role[column] / pm - _SLACK) for column in demand.columns}


def summarise_sizing(sized: pd.DataFrame) -> dict[str, float]:
    """Totals over a :func:`size_team` table: person-months needed, available, covered, idle and short."""
    demand, capacity = sized["demand_pm"], sized["capacity_pm"]
    return {
        "demand_pm": float(demand.sum()),
        "capacity_pm": float(capacity.sum()),
        "covered_pm": float(np.minimum(demand, capacity).sum()),
        "idle_pm": float((capacity - demand).clip(lower=0).sum()),
        "short_pm": float((demand - capacity).clip(lower=0).sum()),
        "shortages": int(sized["short"].sum()),
    }
