"""The AI team: its roles, how it is organised, what to build, buy or partner for, and how big it must be.

Four tables ship in ``caiokit/data``: ``ai_roles.csv`` (what each role does, its skills, the stage from
which it is needed), ``operating_models.csv`` (centralised CoE, hub-and-spoke, federated), ``role_mix.csv``
(the course's assumption of how a use case's effort splits between roles, by technique) and
``sample_plan.csv`` (ten Alvera use cases scheduled over six quarters).

The rules below are the course's own simplifications, written so a learner can redo them by hand:

- :func:`recommend_operating_model` answers in this order: a single business unit, or fewer than
  ``FEW_SYSTEMS`` AI systems in production, gives a **centralised CoE**; units that have their own AI
  staff, run independently and plan no high-risk use give **federated**; anything else gives
  **hub-and-spoke**.
- :func:`build_buy_partner` scores each criterion from 1 (low) to 5 (high), centres it (score - 3, so
  -2 to +2), multiplies it by the weight in ``BUILD_BUY_PARTNER_WEIGHTS`` (-1, 0 or +1) and adds up per
  option. The highest total wins; a tie goes to the option that commits least: buy, then partner, then build.
- :func:`workload_from_plan` spreads each use case's effort evenly over its quarters, then splits it
  between roles with the shares of its technique in ``role_mix.csv``.
- :func:`size_team` compares, per quarter and role, the work needed (demand) with what the team can do
  (capacity = people x person-months per person per quarter).
"""

from __future__ import annotations

import math
import numbers
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from caiokit import datafiles
from caiokit.conventions import COURSE
from caiokit.errors import CaioKitError
from caiokit.validation import is_blank, is_number


class TeamError(CaioKitError):
    """A plan, workload, headcount or set of answers cannot be used to design the team; the message says why."""


STAGES = ("pilot", "production", "scale")
OPERATING_MODELS = ("centralised CoE", "hub-and-spoke", "federated")
CENTRAL, UNITS = "central team", "business units"
# Below this many AI systems in production, the course recommends starting with a centralised CoE.
FEW_SYSTEMS = 3
# A person works at most three months in a quarter.
MAX_PM_PER_PERSON_PER_QUARTER = 3.0
NO_SHORTAGE = "No shortage: the team covers the plan in every quarter."
# Room for rounding: a gap smaller than this (in person-months) is no gap.
_SLACK = 1e-9

OPERATING_MODEL_QUESTIONS = {
    "systems_in_production": "How many AI systems does the company run in production today? (a whole number)",
    "business_units": "How many business units or departments want AI use cases? (a whole number, 1 or more)",
    "units_have_ai_staff": "Do most of these units already employ their own data or AI specialists? (True/False)",
    "units_run_independently": "Do the units run largely on their own: own budget, own IT, own markets? (True/False)",
    "high_risk_uses": "Are some planned uses high-risk under the EU AI Act, or otherwise in need of strict common controls? (True/False)",
}

BUILD_BUY_PARTNER_CRITERIA = {
    "strategic_differentiation": "Strategic differentiation: how much it sets the company apart (1 not at all, 5 a lot)",
    "in_house_skills": "In-house skills: how well the current team could build it (1 not at all, 5 fully)",
    "time_pressure": "Time pressure: how soon it is needed (1 no hurry, 5 very urgent)",
    "data_sensitivity": "Data sensitivity: how sensitive the data it uses is (1 public, 5 highly sensitive)",
    "market_maturity": "Market maturity: how good the products on the market are (1 none fit, 5 many mature ones)",
}
OPTIONS = ("build", "buy", "partner")
# Tie-break: the option that commits least comes first.
_TIE_ORDER = ("buy", "partner", "build")
BUILD_BUY_PARTNER_WEIGHTS = {
    "strategic_differentiation": {"build": 1, "buy": -1, "partner": 0},
    "in_house_skills": {"build": 1, "buy": 0, "partner": -1},
    "time_pressure": {"build": -1, "buy": 1, "partner": 0},
    "data_sensitivity": {"build": 1, "buy": -1, "partner": 0},
    "market_maturity": {"build": -1, "buy": 1, "partner": -1},
}

_REASONS = {
    ("strategic_differentiation", "build"): "it sets the company apart, so the know-how is worth owning",
    ("strategic_differentiation", "buy"): "it does not set the company apart, so a standard product will do",
    ("in_house_skills", "build"): "the skills to build it are already in the team",
    (
        "in_house_skills",
        "partner",
    ): "the skills are missing in-house; a partner brings them and can pass them on",
    ("time_pressure", "build"): "there is time to build it properly",
    ("time_pressure", "buy"): "it is needed soon, and buying is the fastest route",
    ("data_sensitivity", "build"): "the data is sensitive and safer kept in-house",
    ("data_sensitivity", "buy"): "the data is not sensitive, so a vendor's service is acceptable",
    ("market_maturity", "build"): "no mature product on the market fits",
    ("market_maturity", "buy"): "mature products already exist on the market",
    ("market_maturity", "partner"): "no mature product fits, so it has to be developed with a specialist",
}

_MESSAGES = {
    "tie": "no criterion leans clearly either way; the tie goes to the option that commits least ({choice})",
    "one_unit": "a single business unit: there is nowhere to spread specialists to, so keep them together",
    "few_systems": "{systems} in production yet (fewer than {few}): scarce skills, common methods and a first platform are best built in one place. Plan to move to hub-and-spoke once several systems run",
    "federated": "the units already have their own specialists and run independently, and no high-risk use calls for strict common controls",
    "hub": "{count} systems in production across {units} units: a central hub keeps the platform, standards and governance, while specialists embedded in the units stay close to the business",
    "hub_no_staff": "most units have no AI specialists of their own yet, so the hub has to supply and train them",
    "hub_dependent": "the units do not run independently, so a shared platform and backlog avoid duplicated work",
    "hub_high_risk": "high-risk uses need common controls that a purely federated model struggles to enforce",
    "missing_answers": "answers are missing for: {keys}. The questions: {questions}",
    "unknown_answers": "unknown question(s): {keys}; the questions are {allowed}",
    "not_count": "'{key}' should be a whole number{minimum}, not {value!r}",
    "not_bool": "'{key}' should be True or False, not {value!r}",
    "missing_criteria": "scores are missing for: {keys} (each from 1 to 5)",
    "unknown_criteria": "unknown criterion/criteria: {keys}; the criteria are {allowed}",
    "bad_score": "'{key}' should be a whole number from 1 to 5, not {value!r}",
    "unknown_model": "{value!r} is not an operating model; use one of {allowed}",
    "not_frame": "{what} should be a pandas DataFrame, not a {kind}",
    "missing_columns": "the plan lacks column(s) {columns}; it needs id, start_quarter, end_quarter, effort_pm and technique",
    "bad_quarter": "use case {id}: {value!r} is not a quarter; write it like '2027-Q3'",
    "half_scheduled": "use case {id}: it has a {present} but no {absent}; give both, or neither if it is not scheduled",
    "end_before_start": "use case {id}: it ends in {end}, before it starts in {start}",
    "bad_effort": "use case {id}: effort_pm should be a number of person-months, 0 or more, not {value!r}",
    "unknown_technique": "use case {id}: technique {value!r} has no role mix; use one of {allowed}",
    "nothing_scheduled": "no use case in the plan has a start and an end quarter, so there is no workload",
    "mix_unknown_roles": "the role mix has unknown role column(s) {roles}; known roles are {allowed}",
    "mix_bad_share": "the role mix for {technique!r} has a share that is not a number from 0 to 1",
    "mix_sum": "the shares for {technique!r} add up to {total:.3f}, not 1",
    "unknown_roles": "unknown role(s) in {what}: {roles}; known roles are {allowed}",
    "bad_workload": "the workload for {role} in {quarter} should be a number of person-months, 0 or more, not {value!r}",
    "empty_workload": "the workload has no quarter: one row per quarter is needed",
    "bad_headcount": "the headcount for {role} should be a number of people, 0 or more, not {value!r}",
    "bad_pm": "pm_per_person_per_quarter should be a number above 0 and at most 3 (a quarter has three months), not {value!r}",
    "bad_basis": "basis should be 'peak' or 'average', not {value!r}",
    "short": "{quarter}: {roles} short by {amount}",
    "short_once": "{roles}: short in {quarter}, by {amount}",
    "short_often": "{roles}: short in {count} quarters, {first} to {last}, by up to {amount} ({peak})",
}


@dataclass(frozen=True)
class Recommendation:
    """A recommended option, the reasons for it in plain words, and each option's score when there is one."""

    choice: str
    reasons: tuple[str, ...]
    scores: dict[str, int] = field(default_factory=dict)

    def __str__(self) -> str:
        lines = [f"Recommendation: {self.choice}"] + [f"- {reason}" for reason in self.reasons]
        if self.scores:
            lines.append(
                "Scores: " + ", ".join(f"{option} {value:+d}" for option, value in self.scores.items())
            )
        return "\n".join(lines)

    def _repr_markdown_(self) -> str:
        text = f"**Recommendation: {self.choice}**\n\n" + "\n".join(f"- {reason}" for reason in self.reasons)
        if self.scores:
            text += "\n\nScores: " + ", ".join(
                f"{option} {value:+d}" for option, value in self.scores.items()
            )
        return text


def ai_roles() -> pd.DataFrame:
    """The roles of an AI team: what they do, typical skills, the stage from which they are needed."""
    return datafiles.table("ai_roles.csv", text=False)


def role_names() -> tuple[str, ...]:
    """The role names, in the course's order."""
    return tuple(ai_roles()["role"])


def operating_models() -> pd.DataFrame:
    """The three operating models: how each works, its strengths, weaknesses and when it fits."""
    return datafiles.table("operating_models.csv", text=False)


def role_mix() -> pd.DataFrame:
    """Share of a use case's effort per role (columns), by technique (index); each row adds up to 1."""
    return datafiles.table("role_mix.csv", text=False).set_index("technique")


def load_sample_plan() -> pd.DataFrame:
    """Ten Alvera use cases scheduled over six quarters, 2027-Q1 to 2028-Q2."""
    return datafiles.table("sample_plan.csv", text=False)


def role_homes(model: str) -> dict[str, str]:
    """Where each role sits under an operating model: in the central team or in the business units.

    Centralised CoE: everyone in the central team except domain experts, who stay in their units.
    Federated: everyone in the units. Hub-and-spoke: as the ``home_in_hub_and_spoke`` column says.
    """
    if model not in OPERATING_MODELS:
        raise TeamError(_MESSAGES["unknown_model"].format(value=model, allowed=", ".join(OPERATING_MODELS)))
    roles = ai_roles()
    if model == "centralised CoE":
        return {role: UNITS if role == "domain expert" else CENTRAL for role in roles["role"]}
    if model == "federated":
        return dict.fromkeys(roles["role"], UNITS)
    return {
        role: CENTRAL if home == "hub" else UNITS
        for role, home in zip(roles["role"], roles["home_in_hub_and_spoke"], strict=True)
    }


def _is_whole(value: Any) -> bool:
    return isinstance(value, numbers.Integral) and not isinstance(value, bool)


def _check_keys(
    given: Mapping[str, Any], expected: Mapping[str, str], missing_key: str, unknown_key: str
) -> None:
    unknown = [key for key in given if key not in expected]
    if unknown:
        raise TeamError(
            _MESSAGES[unknown_key].format(keys=", ".join(map(repr, unknown)), allowed=", ".join(expected))
        )
    missing = [key for key in expected if key not in given]
    if missing:
        questions = " ".join(f"{key}: {expected[key]}" for key in missing)
        raise TeamError(_MESSAGES[missing_key].format(keys=", ".join(missing), questions=questions))


def recommend_operating_model(answers: Mapping[str, Any]) -> Recommendation:
    """The operating model the course's rule gives for the answers to ``OPERATING_MODEL_QUESTIONS``."""
    _check_keys(answers, OPERATING_MODEL_QUESTIONS, "missing_answers", "unknown_answers")
    for key, minimum in (("systems_in_production", 0), ("business_units", 1)):
        value = answers[key]
        if not _is_whole(value) or value < minimum:
            suffix = " of 1 or more" if minimum else " of 0 or more"
            raise TeamError(_MESSAGES["not_count"].format(key=key, minimum=suffix, value=value))
    for key in ("units_have_ai_staff", "units_run_independently", "high_risk_uses"):
        if not isinstance(answers[key], bool | np.bool_):
            raise TeamError(_MESSAGES["not_bool"].format(key=key, value=answers[key]))
    systems, units = answers["systems_in_production"], answers["business_units"]
    if units == 1:
        return Recommendation("centralised CoE", (_sentence(_MESSAGES["one_unit"]),))
    if systems < FEW_SYSTEMS:
        return Recommendation(
            "centralised CoE",
            (_sentence(_MESSAGES["few_systems"].format(systems=_systems(systems), few=FEW_SYSTEMS)),),
        )
    staffed, independent, risky = (
        answers["units_have_ai_staff"],
        answers["units_run_independently"],
        answers["high_risk_uses"],
    )
    if staffed and independent and not risky:
        return Recommendation("federated", (_sentence(_MESSAGES["federated"]),))
    reasons = [_MESSAGES["hub"].format(count=systems, units=units)]
    if not staffed:
        reasons.append(_MESSAGES["hub_no_staff"])
    if not independent:
        reasons.append(_MESSAGES["hub_dependent"])
    if risky:
        reasons.append(_MESSAGES["hub_high_risk"])
    return Recommendation("hub-and-spoke", tuple(_sentence(reason) for reason in reasons))


def build_buy_partner_weights() -> pd.DataFrame:
    """The weights of the build / buy / partner rule, one row per criterion."""
    return pd.DataFrame.from_dict(BUILD_BUY_PARTNER_WEIGHTS, orient="index")[list(OPTIONS)].rename_axis(
        "criterion"
    )


def build_buy_partner(criteria: Mapping[str, int]) -> Recommendation:
    """Build, buy or partner for a capability scored 1-5 on ``BUILD_BUY_PARTNER_CRITERIA``, with reasons."""
    _check_keys(criteria, BUILD_BUY_PARTNER_CRITERIA, "missing_criteria", "unknown_criteria")
    for key, value in criteria.items():
        if not _is_whole(value) or not 1 <= value <= 5:
            raise TeamError(_MESSAGES["bad_score"].format(key=key, value=value))
    contributions = {
        option: {
            key: weights[option] * (criteria[key] - 3) for key, weights in BUILD_BUY_PARTNER_WEIGHTS.items()
        }
        for option in OPTIONS
    }
    scores = {option: sum(parts.values()) for option, parts in contributions.items()}
    best = max(scores.values())
    choice = next(option for option in _TIE_ORDER if scores[option] == best)
    pushing = sorted(
        (key for key, part in contributions[choice].items() if part > 0),
        key=lambda key: -contributions[choice][key],
    )
    reasons = []
    for key in pushing:
        label = BUILD_BUY_PARTNER_CRITERIA[key].split(":")[0].lower()
        reasons.append(_sentence(f"{_REASONS[(key, choice)]} ({label} {criteria[key]}/5)"))
    if sum(value == best for value in scores.values()) > 1:
        reasons.append(_sentence(_MESSAGES["tie"].format(choice=choice)))
    return Recommendation(choice, tuple(reasons), scores)


_QUARTER = re.compile(r"\s*(?:(\d{4})\s*-?\s*Q([1-4])|Q([1-4])\s*-?\s*(\d{4}))\s*", flags=re.IGNORECASE)


def _quarter_number(value: Any, use_case: str) -> int:
    match = _QUARTER.fullmatch(str(value))
    if match is None:
        raise TeamError(_MESSAGES["bad_quarter"].format(id=use_case, value=value))
    year, quarter = (match.group(1), match.group(2)) if match.group(1) else (match.group(4), match.group(3))
    return int(year) * 4 + int(quarter) - 1


def _quarter_label(number: int) -> str:
    return f"{number // 4}-Q{number % 4 + 1}"


def _systems(count: int) -> str:
    return "no AI system" if count == 0 else f"only {count} AI system{'s' if count > 1 else ''}"


def _sentence(text: str) -> str:
    return f"{text[0].upper()}{text[1:]}."


def _checked_mix(mix: pd.DataFrame) -> pd.DataFrame:
    if not isinstance(mix, pd.DataFrame):
        raise TeamError(_MESSAGES["not_frame"].format(what="the role mix", kind=type(mix).__name__))
    known = role_names()
    unknown = [str(role) for role in mix.columns if role not in known]
    if unknown:
        raise TeamError(
            _MESSAGES["mix_unknown_roles"].format(roles=", ".join(unknown), allowed=", ".join(known))
        )
    for technique, shares in mix.iterrows():
        values = pd.to_numeric(shares, errors="coerce")
        if values.isna().any() or (values < 0).any() or (values > 1).any():
            raise TeamError(_MESSAGES["mix_bad_share"].format(technique=technique))
        if not math.isclose(values.sum(), 1.0, abs_tol=1e-6):
            raise TeamError(_MESSAGES["mix_sum"].format(technique=technique, total=values.sum()))
    return mix.astype(float)


def workload_from_plan(plan: pd.DataFrame, mix: pd.DataFrame | None = None) -> pd.DataFrame:
    """Person-months needed per quarter (rows) and role (columns) to deliver a plan of scheduled use cases.

    The plan needs columns id, start_quarter, end_quarter (both included, like '2027-Q3'), effort_pm and
    technique. Rows with neither a start nor an end quarter are not scheduled and are left out. ``mix``
    defaults to :func:`role_mix`.
    """
    if not isinstance(plan, pd.DataFrame):
        raise TeamError(_MESSAGES["not_frame"].format(what="the plan", kind=type(plan).__name__))
    required = ("id", "start_quarter", "end_quarter", "effort_pm", "technique")
    missing = [column for column in required if column not in plan.columns]
    if missing:
        raise TeamError(_MESSAGES["missing_columns"].format(columns=", ".join(missing)))
    shares = _checked_mix(role_mix() if mix is None else mix)
    techniques = {str(technique).lower(): technique for technique in shares.index}
    rows = []
    for row in plan.itertuples(index=False):
        use_case = str(row.id)
        start_blank, end_blank = is_blank(row.start_quarter), is_blank(row.end_quarter)
        if start_blank and end_blank:
            continue
        if start_blank or end_blank:
            present, absent = (
                ("end_quarter", "start_quarter") if start_blank else ("start_quarter", "end_quarter")
            )
            raise TeamError(_MESSAGES["half_scheduled"].format(id=use_case, present=present, absent=absent))
        start = _quarter_number(row.start_quarter, use_case)
        end = _quarter_number(row.end_quarter, use_case)
        if end < start:
            raise TeamError(
                _MESSAGES["end_before_start"].format(
                    id=use_case, start=_quarter_label(start), end=_quarter_label(end)
                )
            )
        effort = row.effort_pm
        if not is_number(effort) or effort < 0:
            raise TeamError(_MESSAGES["bad_effort"].format(id=use_case, value=effort))
        technique = techniques.get(str(row.technique).strip().lower())
        if technique is None:
            allowed = ", ".join(map(str, shares.index))
            raise TeamError(
                _MESSAGES["unknown_technique"].format(id=use_case, value=row.technique, allowed=allowed)
            )
        rows.append((start, end, float(effort), technique))
    if not rows:
        raise TeamError(_MESSAGES["nothing_scheduled"])
    first = min(start for start, *_ in rows)
    last = max(end for _, end, *_ in rows)
    demand = np.zeros((last - first + 1, len(shares.columns)))
    for start, end, effort, technique in rows:
        demand[start - first : end - first + 1] += (
            effort / (end - start + 1) * shares.loc[technique].to_numpy()
        )
    quarters = pd.Index([_quarter_label(number) for number in range(first, last + 1)], name="quarter")
    return pd.DataFrame(demand, index=quarters, columns=pd.Index(shares.columns, name="role"))


def _checked_pm(pm_per_person_per_quarter: Any) -> float:
    value = pm_per_person_per_quarter
    if not is_number(value) or not 0 < value <= MAX_PM_PER_PERSON_PER_QUARTER:
        raise TeamError(_MESSAGES["bad_pm"].format(value=value))
    return float(value)


def _checked_workload(workload: pd.DataFrame) -> pd.DataFrame:
    if not isinstance(workload, pd.DataFrame):
        raise TeamError(_MESSAGES["not_frame"].format(what="the workload", kind=type(workload).__name__))
    if len(workload.index) == 0:
        raise TeamError(_MESSAGES["empty_workload"])
    known = role_names()
    unknown = [str(role) for role in workload.columns if role not in known]
    if unknown:
        raise TeamError(
            _MESSAGES["unknown_roles"].format(
                what="the workload", roles=", ".join(unknown), allowed=", ".join(known)
            )
        )
    for role in workload.columns:
        for quarter, value in workload[role].items():
            if not is_number(value) or value < 0:
                raise TeamError(_MESSAGES["bad_workload"].format(role=role, quarter=quarter, value=value))
    return workload.astype(float)


def size_team(
    workload: pd.DataFrame,
    headcount: Mapping[str, float],
    pm_per_person_per_quarter: float = COURSE.pm_per_person_per_quarter,
) -> pd.DataFrame:
    """Per quarter and role: demand and capacity in person-months, the gap, and whether the role is short.

    ``workload`` has one row per quarter and one column per role (person-months); ``headcount`` gives the
    people per role (a role left out has nobody). Columns of the result: quarter, role, demand_pm,
    capacity_pm, gap_pm (demand - capacity: above 0 means short), people, people_needed (demand in
    full-time people), gap_people (gap in people) and short.
    """
    pm = _checked_pm(pm_per_person_per_quarter)
    demand = _checked_workload(workload)
    if not isinstance(headcount, Mapping):
        raise TeamError(_MESSAGES["bad_headcount"].format(role="each role", value=headcount))
    known = role_names()
    unknown = [str(role) for role in headcount if role not in known]
    if unknown:
        raise TeamError(
            _MESSAGES["unknown_roles"].format(
                what="the headcount", roles=", ".join(unknown), allowed=", ".join(known)
            )
        )
    for role, people in headcount.items():
        if not is_number(people) or people < 0:
            raise TeamError(_MESSAGES["bad_headcount"].format(role=role, value=people))
    roles = [role for role in known if role in demand.columns or role in headcount]
    demand = demand.reindex(columns=roles, fill_value=0.0)
    table = demand.rename_axis(index="quarter", columns="role").stack().rename("demand_pm").reset_index()
    table["quarter"] = table["quarter"].astype(str)
    table["people"] = table["role"].map(lambda role: float(headcount.get(role, 0.0)))
    table["capacity_pm"] = table["people"] * pm
    table["gap_pm"] = table["demand_pm"] - table["capacity_pm"]
    table["people_needed"] = table["demand_pm"] / pm
    table["gap_people"] = table["gap_pm"] / pm
    table["short"] = table["gap_pm"] > _SLACK
    columns = [
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
    return table[columns]


def _amount(people: float) -> str:
    rounded = round(people, 1)
    if rounded < 0.1:
        return "less than 0.1 people"
    return f"{rounded:.1f} {'person' if rounded == 1 else 'people'}"


def shortage_messages(sized: pd.DataFrame) -> list[str]:
    """Each shortage in a :func:`size_team` table in plain words, e.g. '2027-Q3: ML engineers short by 1.5 people'."""
    short = sized[sized["short"]]
    return [
        _MESSAGES["short"].format(quarter=row.quarter, roles=f"{row.role}s", amount=_amount(row.gap_people))
        for row in short.itertuples(index=False)
    ]


def role_shortages(sized: pd.DataFrame) -> list[str]:
    """One line per role short in some quarter: in how many quarters, from when to when, the worst gap.

    For example 'ML engineers: short in 4 quarters, 2027-Q1 to 2027-Q4, by up to 1.3 people (2027-Q3)'.
    """
    lines = []
    short = sized[sized["short"]]
    for role in sized["role"].unique():
        rows = short[short["role"] == role]
        if rows.empty:
            continue
        worst = rows.loc[rows["gap_people"].idxmax()]
        quarters = sorted(rows["quarter"])
        if len(quarters) == 1:
            lines.append(
                _MESSAGES["short_once"].format(
                    roles=f"{role}s", quarter=quarters[0], amount=_amount(worst.gap_people)
                )
            )
            continue
        lines.append(
            _MESSAGES["short_often"].format(
                roles=f"{role}s",
                count=len(quarters),
                first=quarters[0],
                last=quarters[-1],
                amount=_amount(worst.gap_people),
                peak=worst.quarter,
            )
        )
    return lines


def headcount_for(
    workload: pd.DataFrame,
    pm_per_person_per_quarter: float = COURSE.pm_per_person_per_quarter,
    basis: str = "peak",
) -> dict[str, int]:
    """Whole people per role to cover the busiest quarter (``peak``) or the average quarter (``average``)."""
    pm = _checked_pm(pm_per_person_per_quarter)
    demand = _checked_workload(workload)
    if basis not in ("peak", "average"):
        raise TeamError(_MESSAGES["bad_basis"].format(value=basis))
    per_role = demand.max() if basis == "peak" else demand.mean()
    return {str(role): math.ceil(per_role[role] / pm - _SLACK) for role in demand.columns}


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
