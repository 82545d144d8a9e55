"""Building a 90-day plan from the learner's choices and a catalog, with the course's domain functions."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

import pandas as pd

from caiokit import case_study
from caiokit.adkar import adkar_diagnostic
from caiokit.aiact import example_names as triage_example_names
from caiokit.aiact import examples as triage_examples
from caiokit.aiact import triage
from caiokit.catalog import dependencies, load_catalog, validate_catalog
from caiokit.errors import FinanceError, PortfolioError
from caiokit.finance import portfolio_finance
from caiokit.literacy import literacy_plan, plan_totals
from caiokit.maturity import assess
from caiokit.ninety_days.choices import (
    CASE_STUDY,
    DISCOUNT_RATE,
    FINANCE_YEARS,
    PLANNED_SHARE,
    PM_PER_PERSON_PER_QUARTER,
    CatalogSource,
    NinetyDayError,
    checked_choices,
    message,
    stakeholder_table,
    weights_for,
)
from caiokit.ninety_days.milestones import suggested_milestones
from caiokit.ninety_days.plan import NinetyDayPlan
from caiokit.portfolio import select_portfolio
from caiokit.roadmap import Roadmap, plan_roadmap
from caiokit.scoring import Quadrant, quadrant, score
from caiokit.stakeholders import engagement_order, place_stakeholders
from caiokit.strategy import company_objectives
from caiokit.teams import Role, TeamError, size_team, workload_from_plan
from caiokit.validation import is_whole


def split_headcount(people: int, workload: pd.DataFrame) -> dict[str, int]:
    """Whole people per role id, in proportion to each role's share of the work (largest remainders first).

    With no work planned, every role counts the same. Equal remainders go to the role listed first.
    """
    if not (is_whole(people) and people >= 0):
        raise NinetyDayError(message("bad_whole", key="headcount", low=0, value=people))
    roles = [member.value for member in Role]
    demand = {
        column: float(workload[column].sum()) if column in workload.columns else 0.0 for column in roles
    }
    if sum(demand.values()) <= 0:  # no work planned yet: spread the people evenly, in the roles' order
        demand = dict.fromkeys(roles, 1.0)
    total = sum(demand.values())
    quota = {column: demand[column] / total * int(people) for column in roles}
    split = {column: math.floor(quota[column] + 1e-9) for column in roles}
    left = int(people) - sum(split.values())
    by_remainder = sorted(roles, key=lambda column: (-(quota[column] - split[column]), roles.index(column)))
    for column in by_remainder[:left]:
        split[column] += 1
    return split


def plan_catalog(source: CatalogSource = None) -> pd.DataFrame:
    """The catalog a plan is built on: the case study's (``None``), or a table or CSV file, checked.

    A table goes through ``caiokit.catalog.validate_catalog``, a path or an open file through
    ``caiokit.catalog.load_catalog``: a malformed catalog raises their ``CatalogError``, listing every problem.
    """
    if source is None:
        return case_study.load(CASE_STUDY).catalog
    if isinstance(source, pd.DataFrame):
        return validate_catalog(source)
    return load_catalog(source)


def build_plan(choices: Mapping[str, Any] | None = None, catalog: CatalogSource = None) -> NinetyDayPlan:
    """The 90-day plan for the given choices (missing keys take their defaults; see ``explain_choices()``).

    ``catalog`` is the use cases to choose from: the case study's by default, or the learner's own (see
    ``plan_catalog``). Everything else about the company (its name, objectives, staff) is the case study's.
    """
    case = case_study.load(CASE_STUDY)
    catalog = case.catalog if catalog is None else plan_catalog(catalog)
    c = checked_choices(choices, case, catalog)
    company = str(case.company.get("name", ""))
    objectives = tuple((objective.id, objective.text) for objective in company_objectives(case.company))

    # Days 1-30: listen and assess.
    maturity = assess(c["maturity_answers"])
    stakeholders = stakeholder_table(c["stakeholders"])
    placed = (
        engagement_order(place_stakeholders(stakeholders)).reset_index(drop=True)
        if len(stakeholders)
        else stakeholders.assign(quadrant=[], quadrant_id=[], engagement=[], stance_label=[])
    )

    # Days 31-60: decide.
    preset, weights = weights_for(c["weights"])
    scored = score(catalog, weights=weights)
    scored["quadrant"] = quadrant(catalog, weights=weights)["quadrant"]
    capacity = float(c["capacity_pm_per_quarter"])
    horizon = int(c["horizon_quarters"])
    problem = ""
    try:
        portfolio = select_portfolio(
            scored,
            float(c["budget_eur"]),
            value="score",
            capacity_pm=capacity * horizon * PLANNED_SHARE,
            mandatory=c["mandatory"],
            excluded=c["excluded"],
            max_high_risk=c["max_high_risk"],
        )
        selected = portfolio.selected
    except PortfolioError as error:
        problem = str(error)
        closure = dependencies(catalog, transitive=True)
        wanted = set(c["mandatory"]) | {item for use_case in c["mandatory"] for item in closure[use_case]}
        selected = tuple(use_case for use_case in catalog["id"] if use_case in wanted)
    chosen = scored[scored["id"].isin(selected)].sort_values(["rank", "id"], na_position="last")
    selected = tuple(chosen["id"])
    use_cases = chosen[
        [
            "id",
            "name",
            "department",
            "technique",
            "data_readiness",
            "rank",
            "score",
            "quadrant",
            "ai_act_tier",
            "cost_one_off_eur",
            "cost_yearly_eur",
            "benefit_yearly_eur",
            "effort_pm",
            "time_to_value_months",
        ]
    ].reset_index(drop=True)
    totals = _totals(catalog, use_cases)
    tiers = dict(zip(use_cases["id"], use_cases["ai_act_tier"], strict=True))
    basis = _triage_basis(use_cases)
    notes = {key: note for key, note in c["triage_notes"].items() if key in tiers and note.strip()}

    # Days 61-90: launch (the roadmap comes first, because the team is sized on it).
    # Must-haves are planned first, then the others by rank.
    order = chosen.assign(priority=chosen["rank"].astype(float).mask(chosen["id"].isin(c["mandatory"]), 0.0))
    roadmap = plan_roadmap(
        order, capacity, start=c["start_quarter"], horizon_quarters=horizon, priority="priority"
    )
    workload = _workload(roadmap, use_cases)
    if isinstance(c["headcount"], Mapping):
        headcount = {member.value: int(c["headcount"].get(member, 0)) for member in Role}
    else:
        headcount = split_headcount(c["headcount"], workload)
    team = _team_table(workload, headcount)
    audiences = case.audiences["headcount"].to_dict()
    literacy = literacy_plan(audiences, c["literacy_hours"])
    adkar = None if c["adkar_scores"] is None else adkar_diagnostic(c["adkar_scores"])
    quick_wins = tuple(use_cases.loc[use_cases["quadrant"] == Quadrant.QUICK_WIN, "id"])

    plan = NinetyDayPlan(
        company=company,
        ambition=str(c["ambition"]).strip(),
        objectives=objectives,
        maturity=maturity,
        stakeholders=placed,
        weights_preset=preset,
        weights=weights,
        budget_eur=float(c["budget_eur"]),
        capacity_pm_per_quarter=capacity,
        horizon_quarters=horizon,
        selected=selected,
        use_cases=use_cases,
        portfolio_problem=problem,
        totals=totals,
        tiers=tiers,
        triage_basis=basis,
        triage_notes=notes,
        roadmap=roadmap,
        headcount=headcount,
        team=team,
        literacy=literacy,
        literacy_totals=plan_totals(literacy),
        adkar=adkar,
        quick_wins=quick_wins,
    )
    milestones = suggested_milestones(plan)
    for phase, extra in c["milestones"].items():
        milestones[phase] = milestones[phase] + tuple(str(item) for item in extra)
    return replace(plan, milestones=milestones)


def _totals(catalog: pd.DataFrame, use_cases: pd.DataFrame) -> dict[str, float]:
    """Money and effort of the chosen use cases: one-off, yearly running and benefit, NPV, payback."""
    totals = {
        "use_cases": float(len(use_cases)),
        "one_off_eur": float(use_cases["cost_one_off_eur"].sum()),
        "yearly_running_eur": float(use_cases["cost_yearly_eur"].sum()),
        "yearly_benefit_eur": float(use_cases["benefit_yearly_eur"].sum()),
        "effort_pm": float(use_cases["effort_pm"].sum()),
        "npv_eur": 0.0,
        "payback_years": math.nan,
    }
    try:
        money = portfolio_finance(catalog, use_cases["id"], rate=DISCOUNT_RATE, years=FINANCE_YEARS)
    except FinanceError:
        return totals
    total = money.iloc[-1]
    totals["npv_eur"] = float(total["npv_eur"])
    totals["payback_years"] = float(total["payback_years"])
    return totals


def _triage_basis(use_cases: pd.DataFrame) -> dict[str, str]:
    """Why each chosen use case is in its tier: the course's worked triage if there is one, else the catalog.

    A worked triage is about the use case with that id and that name, so a learner's own catalog that reuses
    an id for another use case gets none.
    """
    answers_of, names = triage_examples(), triage_example_names()
    basis = {}
    for use_case, name, tier in use_cases[["id", "name", "ai_act_tier"]].itertuples(index=False):
        result = triage(answers_of[use_case]) if names.get(use_case) == name else None
        if result is not None and result.tier == tier:
            basis[use_case] = result.reasons[0]
        else:
            basis[use_case] = message("catalog_tier", tier=tier)
    return basis


def _workload(roadmap: Roadmap, use_cases: pd.DataFrame) -> pd.DataFrame:
    """Person-months per quarter and role for the scheduled use cases (empty if none is scheduled)."""
    techniques = dict(zip(use_cases["id"], use_cases["technique"], strict=True))
    table = roadmap.table.assign(technique=roadmap.table["id"].map(techniques))
    try:
        return workload_from_plan(table[["id", "start_quarter", "end_quarter", "effort_pm", "technique"]])
    except TeamError:
        return pd.DataFrame(columns=[member.value for member in Role], dtype=float)


def _team_table(workload: pd.DataFrame, headcount: Mapping[str, int]) -> pd.DataFrame:
    """Per role id: people, people needed in the busiest quarter, quarters short and the largest gap in people."""
    roles = [member.value for member in Role]
    if workload.empty:
        sized = pd.DataFrame(columns=["role", "people_needed", "gap_people", "short"])
    else:
        sized = size_team(workload, headcount, PM_PER_PERSON_PER_QUARTER)
    grouped = sized.groupby("role")
    return pd.DataFrame(
        {
            "people": [int(headcount.get(column, 0)) for column in roles],
            "peak_need_people": [
                float(grouped["people_needed"].max().get(column, 0.0)) if len(sized) else 0.0
                for column in roles
            ],
            "quarters_short": [
                int(grouped["short"].sum().get(column, 0)) if len(sized) else 0 for column in roles
            ],
            "max_gap_people": [
                max(float(grouped["gap_people"].max().get(column, 0.0)), 0.0) if len(sized) else 0.0
                for column in roles
            ],
        },
        index=pd.Index(roles, name="role"),
    )
