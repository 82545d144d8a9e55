"""The work a plan of scheduled use cases puts on each role, quarter by quarter.

:func:`workload_from_plan` spreads each use case's effort evenly over its quarters, then splits it between
roles with the shares of its technique in the role mix (:func:`~caiokit.teams.roles.role_mix`).
The case study's plan, ten Alvera use cases over six quarters, is :func:`load_sample_plan`: its schedule in
``caiokit/data/sample_plan.csv``, the use cases' names in ``caiokit/data/<lang>/sample_plan.csv``.
"""

from __future__ import annotations

import math
import re
from typing import Any

import numpy as np
import pandas as pd

from caiokit import datafiles
from caiokit.i18n import N_, _, text
from caiokit.teams.errors import TeamError
from caiokit.teams.roles import Role, role, role_mix, unknown_roles
from caiokit.validation import is_blank, is_number

_PLAN_COLUMNS = ("id", "start_quarter", "end_quarter", "effort_pm", "technique")

_MESSAGES = {
    "not_frame": N_("{what} should be a pandas DataFrame, not a {kind}"),
    "the_plan": N_("the plan"),
    "the_mix": N_("the role mix"),
    "missing_columns": N_(
        "the plan lacks column(s) {columns}; it needs id, start_quarter, end_quarter, effort_pm and technique"
    ),
    "bad_quarter": N_("use case {id}: {value!r} is not a quarter; write it like '2027-Q3'"),
    "half_scheduled": N_(
        "use case {id}: it has a {present} but no {absent}; give both, or neither if it is not scheduled"
    ),
    "end_before_start": N_("use case {id}: it ends in {end}, before it starts in {start}"),
    "bad_effort": N_(
        "use case {id}: effort_pm should be a number of person-months, 0 or more, not {value!r}"
    ),
    "unknown_technique": N_("use case {id}: technique {value!r} has no role mix; use one of {allowed}"),
    "nothing_scheduled": N_(
        "no use case in the plan has a start and an end quarter, so there is no workload"
    ),
    "mix_unknown_roles": N_("the role mix has unknown role column(s) {roles}; known roles are {allowed}"),
    "mix_bad_share": N_("the role mix for {technique!r} has a share that is not a number from 0 to 1"),
    "mix_sum": N_("the shares for {technique!r} add up to {total:.3f}, not 1"),
}

_QUARTER = re.compile(r"\s*(?:(\d{4})\s*-?\s*Q([1-4])|Q([1-4])\s*-?\s*(\d{4}))\s*", flags=re.IGNORECASE)


def load_sample_plan() -> pd.DataFrame:
    """Ten Alvera use cases scheduled over six quarters, 2027-Q1 to 2028-Q2."""
    plan = datafiles.worded("sample_plan.csv", on="id", text=False)
    return plan[["id", "name", "technique", "effort_pm", "start_quarter", "end_quarter"]]


def not_frame(what: str, value: Any) -> TeamError:
    """The error for a table that is not a DataFrame (``what`` is a marked name such as 'the plan')."""
    return TeamError(text(_MESSAGES["not_frame"]).format(what=_(what), kind=type(value).__name__))


def _quarter_number(value: Any, use_case: str) -> int:
    match = _QUARTER.fullmatch(str(value))
    if match is None:
        raise TeamError(text(_MESSAGES["bad_quarter"]).format(id=use_case, value=value))
    year, quarter = (match.group(1), match.group(2)) if match.group(1) else (match.group(4), match.group(3))
    return int(year) * 4 + int(quarter) - 1


def _quarter_label(number: int) -> str:
    return f"{number // 4}-Q{number % 4 + 1}"


def _checked_mix(mix: pd.DataFrame) -> pd.DataFrame:
    if not isinstance(mix, pd.DataFrame):
        raise not_frame(_MESSAGES["the_mix"], mix)
    unknown = unknown_roles(mix.columns)
    if unknown:
        raise TeamError(
            text(_MESSAGES["mix_unknown_roles"]).format(
                roles=", ".join(unknown), allowed=", ".join(Role.labels())
            )
        )
    mix = mix.rename(columns=lambda name: role(name).value)
    for technique, shares in mix.iterrows():
        values = pd.to_numeric(shares, errors="coerce")
        if values.isna().any() or (values < 0).any() or (values > 1).any():
            raise TeamError(text(_MESSAGES["mix_bad_share"]).format(technique=technique))
        if not math.isclose(values.sum(), 1.0, abs_tol=1e-6):
            raise TeamError(text(_MESSAGES["mix_sum"]).format(technique=technique, total=values.sum()))
    return mix.astype(float)


def _scheduled(row: Any, techniques: dict[str, str], allowed: str) -> tuple[int, int, float, str] | None:
    """A plan row as (first quarter, last quarter, effort, technique), or None if it is not scheduled."""
    use_case = str(row.id)
    start_blank, end_blank = is_blank(row.start_quarter), is_blank(row.end_quarter)
    if start_blank and end_blank:
        return None
    if start_blank or end_blank:
        present, absent = (
            ("end_quarter", "start_quarter") if start_blank else ("start_quarter", "end_quarter")
        )
        raise TeamError(text(_MESSAGES["half_scheduled"]).format(id=use_case, present=present, absent=absent))
    start = _quarter_number(row.start_quarter, use_case)
    end = _quarter_number(row.end_quarter, use_case)
    if end < start:
        raise TeamError(
            text(_MESSAGES["end_before_start"]).format(
                id=use_case, start=_quarter_label(start), end=_quarter_label(end)
            )
        )
    effort = row.effort_pm
    if not is_number(effort) or effort < 0:
        raise TeamError(text(_MESSAGES["bad_effort"]).format(id=use_case, value=effort))
    technique = techniques.get(str(row.technique).strip().lower())
    if technique is None:
        raise TeamError(
            text(_MESSAGES["unknown_technique"]).format(id=use_case, value=row.technique, allowed=allowed)
        )
    return start, end, float(effort), technique


def workload_from_plan(plan: pd.DataFrame, mix: pd.DataFrame | None = None) -> pd.DataFrame:
    """Person-months needed per quarter (rows) and role (columns) to deliver a plan of scheduled use cases.

    The plan needs columns id, start_quarter, end_quarter (both included, like '2027-Q3'), effort_pm and
    technique. Rows with neither a start nor an end quarter are not scheduled and are left out. ``mix``
    defaults to :func:`~caiokit.teams.roles.role_mix`; its columns name roles by label or id, and the
    workload's columns are role ids.
    """
    if not isinstance(plan, pd.DataFrame):
        raise not_frame(_MESSAGES["the_plan"], plan)
    missing = [column for column in _PLAN_COLUMNS if column not in plan.columns]
    if missing:
        raise TeamError(text(_MESSAGES["missing_columns"]).format(columns=", ".join(missing)))
    shares = _checked_mix(role_mix() if mix is None else mix)
    techniques = {str(technique).lower(): technique for technique in shares.index}
    allowed = ", ".join(map(str, shares.index))
    rows = [
        scheduled
        for row in plan.itertuples(index=False)
        if (scheduled := _scheduled(row, techniques, allowed)) is not None
    ]
    if not rows:
        raise TeamError(text(_MESSAGES["nothing_scheduled"]))
    first = min(start for start, *_rest in rows)
    last = max(end for _start, end, *_rest in rows)
    demand = np.zeros((last - first + 1, len(shares.columns)))
    for start, end, effort, technique in rows:
        demand[start - first : end - first + 1] += (
            effort / (end - start + 1) * shares.loc[technique].to_numpy()
        )
    quarters = pd.Index([_quarter_label(number) for number in range(first, last + 1)], name="quarter")
    return pd.DataFrame(demand, index=quarters, columns=pd.Index(shares.columns, name="role"))
