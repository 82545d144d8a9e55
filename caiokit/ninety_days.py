"""The new CAIO's first 90 days as one plan: gathered from every tool of the course, checked, exported.

A plan has three phases of about 30 days each (``PHASES``): listen and assess, decide, launch. It is
built from a small dict of the learner's choices (``default_choices()`` lists them) by calling the
course's domain functions, in this order:

1. **listen and assess**: maturity self-assessment (``maturity.assess``), stakeholder map
   (``stakeholders.place_stakeholders``), the company's objectives and the learner's ambition;
2. **decide**: weighted scores with a weights preset (``scoring.score``), the value vs feasibility 2x2
   (``scoring.quadrant``), the portfolio with the highest total score within the one-off budget and the
   person-months the team delivers over the horizon (``portfolio.select_portfolio``), its money
   (``finance.portfolio_finance``), the EU AI Act tier of each chosen use case (the catalog's tier, with the
   reasons of ``aiact.triage`` where the course has a worked triage), and the team: the AI team's
   headcount spread over the roles in proportion to the work (``split_headcount``), compared with the
   work quarter by quarter (``teams.size_team``);
3. **launch**: the roadmap (``roadmap.plan_roadmap``), the quick wins (chosen use cases in the 2x2's
   quick-win corner), the AI literacy plan (``literacy.literacy_plan``) and the first users' ADKAR barrier
   point (``adkar.adkar_diagnostic``).

Conventions of the course: a person delivers ``PM_PER_PERSON_PER_QUARTER`` person-months a quarter, and
the portfolio may use ``PLANNED_SHARE`` (80%) of the ``capacity_pm_per_quarter x horizon_quarters``
person-months the team delivers over the horizon, keeping the rest as a buffer.
``check_plan`` lists, in plain words, what must be fixed before the plan goes to the executive
committee; ``to_markdown`` writes the whole plan as one Markdown document, with no date or clock in it.
"""

from __future__ import annotations

import difflib
import math
import numbers
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pandas as pd

from caiokit import case_study
from caiokit.adkar import AdkarResult, adkar_diagnostic
from caiokit.aiact import examples as triage_examples
from caiokit.aiact import obligations, triage
from caiokit.case_study import CaseStudy
from caiokit.catalog import dependencies
from caiokit.conventions import COURSE
from caiokit.errors import CaioKitError, FinanceError, PortfolioError
from caiokit.finance import portfolio_finance
from caiokit.i18n import lower_first
from caiokit.literacy import literacy_plan, plan_totals
from caiokit.maturity import MaturityResult, assess
from caiokit.portfolio import select_portfolio
from caiokit.reports import markdown
from caiokit.roadmap import Roadmap, plan_roadmap, quarterly_load
from caiokit.roles import ROLES
from caiokit.scoring import DEFAULT_WEIGHTS, Quadrant, explain_weights, quadrant, score
from caiokit.stakeholders import engagement_order, place_stakeholders
from caiokit.strategy import company_objectives
from caiokit.teams import TeamError, role_names, size_team, workload_from_plan
from caiokit.validation import is_number

PHASES = {
    "listen": "Days 1-30: listen and assess",
    "decide": "Days 31-60: decide",
    "launch": "Days 61-90: launch",
}

# The course's weight presets for the weighted score (criteria of caiokit.scoring.CRITERIA).
WEIGHT_PRESETS: dict[str, dict[str, float]] = {
    "balanced": dict(DEFAULT_WEIGHTS),
    "value first": {
        "benefit": 0.40,
        "reach": 0.10,
        "impact": 0.20,
        "confidence": 0.10,
        "data_readiness": 0.10,
        "complexity": 0.05,
        "effort": 0.05,
    },
    "feasibility first": {
        "benefit": 0.15,
        "reach": 0.05,
        "impact": 0.10,
        "confidence": 0.10,
        "data_readiness": 0.20,
        "complexity": 0.20,
        "effort": 0.20,
    },
}

# The course's conventions (caiokit.conventions), by the names this module and its callers use.
PM_PER_PERSON_PER_QUARTER = COURSE.pm_per_person_per_quarter
PLANNED_SHARE = COURSE.planned_share
DISCOUNT_RATE = COURSE.discount_rate
FINANCE_YEARS = COURSE.finance_years
# The plan is Alvera Group's: its lesson data are the defaults.
CASE_STUDY = "alvera"


def _defaults(case: CaseStudy) -> dict[str, Any]:
    """The default choices, new each time: the course's conventions, the case study's data, no ambition."""
    return {
        "ambition": "",
        "budget_eur": 1_000_000,
        "capacity_pm_per_quarter": COURSE.team_pm_per_quarter,
        "horizon_quarters": 4,
        "start_quarter": COURSE.start_quarter,
        "weights": "balanced",
        "headcount": 3,
        "mandatory": (),
        "excluded": (),
        "max_high_risk": None,
        "triage_notes": {},
        "maturity_answers": case.maturity_answers,
        "stakeholders": tuple(
            case.stakeholders[["name", "influence", "interest", "stance"]].itertuples(index=False, name=None)
        ),
        "literacy_hours": {},
        "adkar_scores": case.first_users_adkar,
        "milestones": {},
    }


# What each choice means, for the learner (shown by ``explain_choices``).
CHOICE_MEANINGS = {
    "ambition": "Where AI should take the company in about three years, in one or two sentences.",
    "budget_eur": "One-off budget for the portfolio, in euros.",
    "capacity_pm_per_quarter": "Person-months of work the AI team delivers each quarter.",
    "horizon_quarters": "Number of quarters the roadmap and the portfolio cover.",
    "start_quarter": "First quarter of the roadmap, such as '2027-Q1'.",
    "weights": f"A weights preset ({', '.join(WEIGHT_PRESETS)}) or a dict of criterion -> weight.",
    "headcount": "People in the AI team: a whole number (spread over the roles by the work) or a dict role -> people.",
    "mandatory": "Use case ids that must be in the portfolio.",
    "excluded": "Use case ids to leave out of the portfolio.",
    "max_high_risk": "Most high-risk use cases allowed in the portfolio (None: no limit).",
    "triage_notes": "Use case id -> note on its AI Act triage and duties (required for high-risk ones).",
    "maturity_answers": "Answers to the maturity questionnaire: statement id -> 1 to 5.",
    "stakeholders": "Stakeholders as (name, influence 1-5, interest 1-5, stance -2 to +2) rows.",
    "literacy_hours": "Training hours per person for the audiences you change (audience -> hours).",
    "adkar_scores": "ADKAR scores (1-5) of the first users of AI, or None.",
    "milestones": "Your own milestones per phase: 'listen', 'decide' or 'launch' -> list of texts.",
}

_MESSAGES = {
    "not_mapping": "choices should be a dict such as {{'budget_eur': 1_000_000, 'headcount': 4}}, not a {kind}.",
    "unknown_choice": "'{key}' is not a choice of the plan{suggestion}. The choices are: {keys}.",
    "suggestion": " (did you mean '{match}'?)",
    "bad_number": "{key} should be a number of {low} or more, not {value!r}.",
    "bad_positive": "{key} should be a number above 0, not {value!r}.",
    "bad_whole": "{key} should be a whole number of {low} or more, not {value!r}.",
    "bad_preset": "'{value}' is not a weights preset; use one of {presets}, or a dict of weights.",
    "unknown_roles": "headcount: unknown role(s) {roles}; the roles are {allowed}.",
    "bad_ids": "{key} should be a list of use case ids such as ['UC02', 'UC40'], not {value!r}.",
    "unknown_ids": "{key}: {ids} not in the catalog.",
    "both": "{ids} both must be included and left out: choose one.",
    "bad_notes": "triage_notes should be a dict of use case id -> note, such as {{'UC18': 'FRIA by June'}}.",
    "bad_note_line": "line {line} of the triage notes, '{text}', should look like 'UC18: your note'.",
    "bad_stakeholders": "stakeholders should be rows of (name, influence, interest, stance) or a table with these columns.",
    "bad_milestones": "milestones should be a dict of phase -> list of texts; the phases are {phases}.",
}

_CHECKS = {
    "ambition": "No ambition yet: say in one or two sentences where AI should take the company in about three years.",
    "no_stakeholders": "The stakeholder map is empty: list at least the people who can make or break the programme.",
    "clash": "The portfolio's limits clash, so the plan only holds the use cases you made mandatory: {problem}",
    "empty_portfolio": "The portfolio is empty: raise the budget or the capacity, or leave fewer use cases out.",
    "prohibited": "{id} {name} is a prohibited practice (EU AI Act Art. 5): take it out of the plan; no measure makes it lawful.",
    "no_triage_note": "{id} {name} is high-risk, but its triage note is empty: write down who does the AI Act duties, and by when, before it goes any further.",
    "over_budget": "The portfolio's one-off cost, EUR {cost:,.0f}, exceeds the budget of EUR {budget:,.0f} by EUR {over:,.0f}.",
    "over_capacity": "The portfolio needs {effort:g} person-months, more than the {capacity:g} it may take ({share:.0%} of what the team delivers in {quarters} quarters).",
    "unscheduled": "{id} {name} is in the portfolio but not in the roadmap ({reason}): raise the capacity, or leave it out.",
    "team_too_small": "The roadmap plans {capacity:g} person-months a quarter, but {people} can deliver at most {team:g}: grow the team or lower the capacity.",
    "no_quick_win": "No quick win in the portfolio: add at least one high-value, high-feasibility use case to show results early.",
    "untrained": "The literacy plan gives the {audience} no training: Art. 4 of the EU AI Act asks providers and deployers to take measures that support the AI literacy of everyone who works with AI for them.",
    "no_milestone": "{phase} has no milestone.",
}

_DOC = {
    "title": "# My first 90 days as Chief AI Officer: {company}",
    "none": "*None.*",
    "to_complete": "*To be completed.*",
    "clean": "None: the plan holds together.",
}


class NinetyDayError(CaioKitError):
    """The learner's choices for the 90-day plan, or its export path, cannot be used; the message says why."""


@dataclass(frozen=True, eq=False)
class NinetyDayPlan:
    """Everything the new CAIO decided for the first 90 days, gathered from the course's tools."""

    company: str
    ambition: str
    objectives: tuple[tuple[str, str], ...]
    maturity: MaturityResult
    stakeholders: pd.DataFrame
    weights_preset: str
    weights: dict[str, float]
    budget_eur: float
    capacity_pm_per_quarter: float
    horizon_quarters: int
    selected: tuple[str, ...]
    use_cases: pd.DataFrame
    portfolio_problem: str
    totals: dict[str, float]
    tiers: dict[str, str]
    triage_basis: dict[str, str]
    triage_notes: dict[str, str]
    roadmap: Roadmap
    headcount: dict[str, int]
    team: pd.DataFrame
    literacy: pd.DataFrame
    literacy_totals: dict[str, float]
    adkar: AdkarResult | None
    quick_wins: tuple[str, ...]
    milestones: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def team_size(self) -> int:
        """People in the AI team."""
        return int(sum(self.headcount.values()))

    @property
    def team_capacity_pm_per_quarter(self) -> float:
        """Person-months the team can deliver in a quarter."""
        return self.team_size * PM_PER_PERSON_PER_QUARTER

    @property
    def team_gaps(self) -> dict[str, float]:
        """Roles short in at least one quarter, with the largest gap in people."""
        short = self.team[self.team["max_gap_people"] > 0]
        return {str(role): float(gap) for role, gap in short["max_gap_people"].items()}

    def _repr_markdown_(self) -> str:
        return to_markdown(self)


def default_choices() -> dict[str, Any]:
    """A fresh copy of the default choices: Alvera Group's data from the earlier lessons, no ambition yet."""
    return _defaults(case_study.load(CASE_STUDY))


def explain_choices() -> pd.DataFrame:
    """Each choice of the plan, its default and what it means."""
    defaults = default_choices()
    return pd.DataFrame(
        {
            "choice": list(CHOICE_MEANINGS),
            "default": [_short(defaults[key]) for key in CHOICE_MEANINGS],
            "meaning": list(CHOICE_MEANINGS.values()),
        }
    ).set_index("choice")


def weights_for(weights: str | Mapping[str, float]) -> tuple[str, dict[str, float]]:
    """The preset's name (or 'custom') and its weights, for a preset name or a dict of weights."""
    if isinstance(weights, str):
        name = weights.strip().lower()
        if name not in WEIGHT_PRESETS:
            raise NinetyDayError(
                _MESSAGES["bad_preset"].format(
                    value=weights, presets=", ".join(repr(p) for p in WEIGHT_PRESETS)
                )
            )
        return name, dict(WEIGHT_PRESETS[name])
    if not isinstance(weights, Mapping):
        raise NinetyDayError(
            _MESSAGES["bad_preset"].format(value=weights, presets=", ".join(repr(p) for p in WEIGHT_PRESETS))
        )
    return "custom", {str(key): value for key, value in weights.items()}


def parse_notes(text: str) -> dict[str, str]:
    """Triage notes from text, one per line: 'UC18: FRIA with legal by June' (blank lines are skipped)."""
    notes: dict[str, str] = {}
    for number, raw in enumerate(str(text).splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        match = re.fullmatch(r"([A-Za-z]+\d+)\s*[:\-]\s*(.*)", line)
        if match is None:
            raise NinetyDayError(_MESSAGES["bad_note_line"].format(line=number, text=line))
        notes[match.group(1).upper()] = match.group(2).strip()
    return notes


def split_headcount(people: int, workload: pd.DataFrame) -> dict[str, int]:
    """Whole people per role, in proportion to each role's share of the work (largest remainders first).

    With no work planned, every role counts the same. Equal remainders go to the role listed first.
    """
    if isinstance(people, bool) or not isinstance(people, numbers.Integral) or people < 0:
        raise NinetyDayError(_MESSAGES["bad_whole"].format(key="headcount", low=0, value=people))
    roles = role_names()
    demand = {role: float(workload[role].sum()) if role in workload.columns else 0.0 for role in roles}
    if sum(demand.values()) <= 0:  # no work planned yet: spread the people evenly, in the roles' order
        demand = dict.fromkeys(roles, 1.0)
    total = sum(demand.values())
    quota = {role: demand[role] / total * int(people) for role in roles}
    split = {role: math.floor(quota[role] + 1e-9) for role in roles}
    left = int(people) - sum(split.values())
    by_remainder = sorted(roles, key=lambda role: (-(quota[role] - split[role]), roles.index(role)))
    for role in by_remainder[:left]:
        split[role] += 1
    return split


def build_plan(choices: Mapping[str, Any] | None = None) -> NinetyDayPlan:
    """The 90-day plan for the given choices (missing keys take their defaults; see ``explain_choices()``)."""
    case = case_study.load(CASE_STUDY)
    c = _checked_choices(choices, case)
    catalog = case.catalog
    company = str(case.company.get("name", ""))
    objectives = tuple((objective.id, objective.text) for objective in company_objectives(case.company))

    # Days 1-30: listen and assess.
    maturity = assess(c["maturity_answers"])
    stakeholders = _stakeholder_table(c["stakeholders"])
    placed = (
        engagement_order(place_stakeholders(stakeholders)).reset_index(drop=True)
        if len(stakeholders)
        else stakeholders.assign(quadrant=[], engagement=[], stance_label=[])
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
    basis = _triage_basis(tiers)
    notes = {key: note for key, note in c["triage_notes"].items() if key in tiers and note.strip()}

    # Days 61-90: launch (the roadmap comes first, because the team is sized on it).
    # Must-haves are planned first, then the others by rank.
    order = chosen.assign(priority=chosen["rank"].astype(float).mask(chosen["id"].isin(c["mandatory"]), 0.0))
    roadmap = plan_roadmap(
        order, capacity, start=c["start_quarter"], horizon_quarters=horizon, priority="priority"
    )
    workload = _workload(roadmap, use_cases)
    if isinstance(c["headcount"], Mapping):
        headcount = {role: int(c["headcount"].get(role, 0)) for role in role_names()}
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
    milestones = _milestones(plan)
    for phase, extra in c["milestones"].items():
        milestones[phase] = milestones[phase] + tuple(str(item) for item in extra)
    return replace(plan, milestones=milestones)


def check_plan(plan: NinetyDayPlan) -> list[str]:
    """What must be fixed before the plan goes to the executive committee, in plain words ([] if nothing)."""
    problems = []
    names = dict(zip(plan.use_cases["id"], plan.use_cases["name"], strict=True))
    if not plan.ambition.strip():
        problems.append(_CHECKS["ambition"])
    if plan.stakeholders.empty:
        problems.append(_CHECKS["no_stakeholders"])
    if plan.portfolio_problem:
        problems.append(_CHECKS["clash"].format(problem=_one_line(plan.portfolio_problem)))
    if not plan.selected:
        problems.append(_CHECKS["empty_portfolio"])
    for use_case in plan.selected:
        tier = plan.tiers.get(use_case)
        if tier == "prohibited":
            problems.append(_CHECKS["prohibited"].format(id=use_case, name=names[use_case]))
        elif tier == "high" and not plan.triage_notes.get(use_case, "").strip():
            problems.append(_CHECKS["no_triage_note"].format(id=use_case, name=names[use_case]))
    cost = plan.totals["one_off_eur"]
    if cost > plan.budget_eur + 1e-6:
        problems.append(
            _CHECKS["over_budget"].format(cost=cost, budget=plan.budget_eur, over=cost - plan.budget_eur)
        )
    room = plan.capacity_pm_per_quarter * plan.horizon_quarters * PLANNED_SHARE
    if plan.totals["effort_pm"] > room + 1e-9:
        problems.append(
            _CHECKS["over_capacity"].format(
                effort=plan.totals["effort_pm"],
                capacity=room,
                share=PLANNED_SHARE,
                quarters=plan.horizon_quarters,
            )
        )
    table = plan.roadmap.table
    for row in table[~table["scheduled"]].itertuples(index=False):
        if plan.tiers.get(row.id) != "prohibited":
            problems.append(_CHECKS["unscheduled"].format(id=row.id, name=row.name, reason=row.reason))
    if plan.capacity_pm_per_quarter > plan.team_capacity_pm_per_quarter + 1e-9:
        problems.append(
            _CHECKS["team_too_small"].format(
                capacity=plan.capacity_pm_per_quarter,
                people=_people(plan.team_size),
                team=plan.team_capacity_pm_per_quarter,
            )
        )
    if plan.selected and not plan.quick_wins:
        problems.append(_CHECKS["no_quick_win"])
    for audience, hours in plan.literacy["hours_per_person"].items():
        if hours <= 0:
            problems.append(_CHECKS["untrained"].format(audience=audience))
    for phase, title in PHASES.items():
        if not plan.milestones.get(phase):
            problems.append(_CHECKS["no_milestone"].format(phase=title))
    return problems


def to_markdown(plan: NinetyDayPlan) -> str:
    """The whole plan as one Markdown document: a section per phase, then the open points."""
    problems = check_plan(plan)
    parts = [
        _DOC["title"].format(company=plan.company),
        f"**Ambition.** {plan.ambition or _DOC['to_complete']}",
        f"**The role.** The {ROLES['CAIO'].title} {lower_first(ROLES['CAIO'].description)}",
        "**Business objectives.**\n\n" + markdown.bullets(f"{key}: {text}" for key, text in plan.objectives),
        f"**Limits.** One-off budget EUR {plan.budget_eur:,.0f}; the AI team delivers "
        f"{plan.capacity_pm_per_quarter:g} person-months a quarter over {plan.horizon_quarters} quarters "
        f"from {plan.roadmap.quarters[0]}; {_people(plan.team_size)} in the AI team.",
        f"## {PHASES['listen']}",
        "### AI maturity today",
        plan.maturity.to_markdown(),
        "### Stakeholder map",
        _stakeholder_markdown(plan.stakeholders),
        "### Milestones",
        markdown.bullets(plan.milestones.get("listen", ()), empty=_DOC["none"]),
        f"## {PHASES['decide']}",
        "### Prioritised use cases and budget",
        _weights_markdown(plan),
        _use_case_markdown(plan),
        _totals_markdown(plan),
        "### EU AI Act triage of the selected use cases",
        _triage_markdown(plan),
        "### Team",
        _team_markdown(plan),
        "### Milestones",
        markdown.bullets(plan.milestones.get("decide", ()), empty=_DOC["none"]),
        f"## {PHASES['launch']}",
        "### Roadmap",
        _roadmap_markdown(plan),
        "### Quick wins",
        _quick_wins_markdown(plan),
        "### AI literacy plan",
        _literacy_markdown(plan),
        "### Change: the first users",
        _adkar_markdown(plan.adkar),
        "### Milestones",
        markdown.bullets(plan.milestones.get("launch", ()), empty=_DOC["none"]),
        "## Open points",
        markdown.bullets(problems, empty=_DOC["clean"]),
    ]
    return "\n\n".join(part.strip() for part in parts) + "\n"


def write_plan(plan: NinetyDayPlan, path: str | os.PathLike) -> Path:
    """Write the plan as Markdown to ``path`` (overwriting it) and return the path written."""
    return markdown.write(path, to_markdown(plan), example="my_90_day_plan.md", error=NinetyDayError)


# --- building blocks ------------------------------------------------------------------------------


def _short(value: Any) -> str:
    """A default value in a few characters, for the table of choices."""
    if isinstance(value, Mapping):
        return f"{len(value)} entries" if value else "{}"
    if isinstance(value, tuple | list):
        return f"{len(value)} rows" if value and isinstance(value[0], tuple) else repr(list(value))
    return repr(value)


def _checked_choices(choices: Mapping[str, Any] | None, case: CaseStudy) -> dict[str, Any]:
    """The choices merged over the case study's defaults, checked for the problems this module can name best."""
    if choices is None:
        choices = {}
    if not isinstance(choices, Mapping):
        raise NinetyDayError(_MESSAGES["not_mapping"].format(kind=type(choices).__name__))
    result = _defaults(case)
    for key, value in choices.items():
        if key not in result:
            close = difflib.get_close_matches(str(key), list(result), n=1)
            suggestion = _MESSAGES["suggestion"].format(match=close[0]) if close else ""
            raise NinetyDayError(
                _MESSAGES["unknown_choice"].format(key=key, suggestion=suggestion, keys=", ".join(result))
            )
        result[key] = value
    if not is_number(result["budget_eur"]) or result["budget_eur"] < 0:
        raise NinetyDayError(
            _MESSAGES["bad_number"].format(key="budget_eur", low=0, value=result["budget_eur"])
        )
    if not is_number(result["capacity_pm_per_quarter"]) or result["capacity_pm_per_quarter"] <= 0:
        raise NinetyDayError(
            _MESSAGES["bad_positive"].format(
                key="capacity_pm_per_quarter", value=result["capacity_pm_per_quarter"]
            )
        )
    horizon = result["horizon_quarters"]
    if isinstance(horizon, bool) or not isinstance(horizon, numbers.Integral) or horizon < 1:
        raise NinetyDayError(_MESSAGES["bad_whole"].format(key="horizon_quarters", low=1, value=horizon))
    most = result["max_high_risk"]
    if most is not None and (isinstance(most, bool) or not isinstance(most, numbers.Integral) or most < 0):
        raise NinetyDayError(
            _MESSAGES["bad_whole"].format(key="max_high_risk", low=0, value=most) + " Or None."
        )
    headcount = result["headcount"]
    if isinstance(headcount, Mapping):
        unknown = [str(role) for role in headcount if role not in role_names()]
        if unknown:
            raise NinetyDayError(
                _MESSAGES["unknown_roles"].format(roles=", ".join(unknown), allowed=", ".join(role_names()))
            )
        for role, people in headcount.items():
            if isinstance(people, bool) or not isinstance(people, numbers.Integral) or people < 0:
                raise NinetyDayError(
                    _MESSAGES["bad_whole"].format(key=f"headcount of {role}", low=0, value=people)
                )
    elif isinstance(headcount, bool) or not isinstance(headcount, numbers.Integral) or headcount < 0:
        raise NinetyDayError(_MESSAGES["bad_whole"].format(key="headcount", low=0, value=headcount))
    known = set(case.catalog["id"])
    for key in ("mandatory", "excluded"):
        result[key] = _checked_ids(key, result[key], known)
    both = [use_case for use_case in result["mandatory"] if use_case in result["excluded"]]
    if both:
        raise NinetyDayError(_MESSAGES["both"].format(ids=", ".join(both)))
    notes = result["triage_notes"]
    if isinstance(notes, str):
        notes = parse_notes(notes)
    if not isinstance(notes, Mapping) or not all(isinstance(note, str) for note in notes.values()):
        raise NinetyDayError(_MESSAGES["bad_notes"])
    result["triage_notes"] = {str(key).strip().upper(): note for key, note in notes.items()}
    milestones = result["milestones"]
    if not isinstance(milestones, Mapping) or not set(milestones) <= set(PHASES):
        raise NinetyDayError(_MESSAGES["bad_milestones"].format(phases=", ".join(map(repr, PHASES))))
    if any(isinstance(items, str) or not isinstance(items, Sequence) for items in milestones.values()):
        raise NinetyDayError(_MESSAGES["bad_milestones"].format(phases=", ".join(map(repr, PHASES))))
    return result


def _checked_ids(key: str, value: Any, known: set[str]) -> tuple[str, ...]:
    """A list of use case ids, each in the catalog, without repeats."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, Sequence | set | frozenset):
        raise NinetyDayError(_MESSAGES["bad_ids"].format(key=key, value=value))
    ids = tuple(dict.fromkeys(str(item).strip().upper() for item in value))
    unknown = [use_case for use_case in ids if use_case not in known]
    if unknown:
        raise NinetyDayError(_MESSAGES["unknown_ids"].format(key=key, ids=", ".join(unknown)))
    return ids


def _stakeholder_table(stakeholders: Any) -> pd.DataFrame:
    """Stakeholder rows as a table with name, influence, interest and stance."""
    columns = ["name", "influence", "interest", "stance"]
    if isinstance(stakeholders, pd.DataFrame):
        return stakeholders
    try:
        return pd.DataFrame(list(stakeholders), columns=columns)
    except (TypeError, ValueError):
        raise NinetyDayError(_MESSAGES["bad_stakeholders"]) from None


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


def _triage_basis(tiers: Mapping[str, str]) -> dict[str, str]:
    """Why each chosen use case is in its tier: the course's worked triage if there is one, else the catalog."""
    worked = {name.split(" ", 1)[0]: answers for name, answers in triage_examples().items()}
    basis = {}
    for use_case, tier in tiers.items():
        if use_case in worked:
            result = triage(worked[use_case])
            basis[use_case] = result.reasons[0] if result.tier == tier else f"catalog tier {tier}"
        else:
            basis[use_case] = f"catalog tier {tier}"
    return basis


def _workload(roadmap: Roadmap, use_cases: pd.DataFrame) -> pd.DataFrame:
    """Person-months per quarter and role for the scheduled use cases (empty if none is scheduled)."""
    techniques = dict(zip(use_cases["id"], use_cases["technique"], strict=True))
    table = roadmap.table.assign(technique=roadmap.table["id"].map(techniques))
    try:
        return workload_from_plan(table[["id", "start_quarter", "end_quarter", "effort_pm", "technique"]])
    except TeamError:
        return pd.DataFrame(columns=list(role_names()), dtype=float)


def _team_table(workload: pd.DataFrame, headcount: Mapping[str, int]) -> pd.DataFrame:
    """Per role: people, people needed in the busiest quarter, quarters short and the largest gap in people."""
    roles = list(role_names())
    if workload.empty:
        sized = pd.DataFrame(columns=["role", "people_needed", "gap_people", "short"])
    else:
        sized = size_team(workload, headcount, PM_PER_PERSON_PER_QUARTER)
    grouped = sized.groupby("role")
    return pd.DataFrame(
        {
            "people": [int(headcount.get(role, 0)) for role in roles],
            "peak_need_people": [
                float(grouped["people_needed"].max().get(role, 0.0)) if len(sized) else 0.0 for role in roles
            ],
            "quarters_short": [
                int(grouped["short"].sum().get(role, 0)) if len(sized) else 0 for role in roles
            ],
            "max_gap_people": [
                max(float(grouped["gap_people"].max().get(role, 0.0)), 0.0) if len(sized) else 0.0
                for role in roles
            ],
        },
        index=pd.Index(roles, name="role"),
    )


def _one_line(message: str) -> str:
    """A portfolio error (a first line, maybe followed by '  - ' bullets) as one sentence."""
    lines = message.split("\n")
    bullets = [line.strip()[2:] for line in lines[1:] if line.strip().startswith("- ")]
    text = f"{lines[0].rstrip(':')}: {'; '.join(bullets)}" if bullets else lines[0]
    return text if text.endswith(".") else f"{text}."


def _people(count: int) -> str:
    return f"{count} {'person' if count == 1 else 'people'}"


def _milestones(plan: NinetyDayPlan) -> dict[str, tuple[str, ...]]:
    """The milestones each phase's results call for, in plain words."""
    listen = []
    close = plan.stakeholders[plan.stakeholders["quadrant"] == "manage closely"]
    if len(close):
        listen.append(
            f"Meet the {len(close)} stakeholders to manage closely one to one, opponents first: "
            f"{', '.join(close['name'])}."
        )
    listen.append(
        f"Run the maturity self-assessment with the executive committee (today: {plan.maturity.level}, "
        f"{plan.maturity.overall_score:.2f} of 5) and agree the next moves on the weakest pillars."
    )
    listen.append("Start the inventory of AI systems already in use, each with its EU AI Act tier.")

    decide = [
        f"Agree the scoring weights ({plan.weights_preset}) with the executive committee and publish the ranking."
    ]
    if plan.selected:
        decide.append(
            f"Get the portfolio approved: {len(plan.selected)} use cases, EUR {plan.totals['one_off_eur']:,.0f} "
            f"one-off within a budget of EUR {plan.budget_eur:,.0f}."
        )
    counts = pd.Series(plan.tiers, dtype=str).value_counts()
    if len(counts):
        tiers = ", ".join(
            f"{counts[tier]} {tier}"
            for tier in ("prohibited", "high", "transparency", "minimal")
            if tier in counts
        )
        decide.append(f"Record the AI Act triage of every selected use case in the inventory ({tiers}).")
    high = [use_case for use_case, tier in plan.tiers.items() if tier == "high"]
    if high:
        decide.append(f"Assign the high-risk deployer duties of {', '.join(high)} before any use (Art. 26).")
    gaps = plan.team_gaps
    if gaps:
        decide.append(
            f"Staff the team of {_people(plan.team_size)}, and cover the gaps "
            f"({'; '.join(f'{role} {gap:.1f}' for role, gap in gaps.items())} people at the peak) by hiring, "
            "borrowing from the business units, or a partner."
        )
    else:
        decide.append(f"Staff the team of {_people(plan.team_size)}.")

    launch = []
    if plan.quick_wins:
        launch.append(
            "Announce the quick wins and when each should show results: "
            + ", ".join(f"{use_case} ({when})" for use_case, _, when in _quick_win_rows(plan))
            + "."
        )
    table = plan.roadmap.table
    first = table[table["scheduled"] & (table["start_index"] == 0)]
    if len(first):
        launch.append(
            f"Launch the roadmap's first quarter ({plan.roadmap.quarters[0]}), each use case with a sponsor, "
            f"a success metric and its data access agreed: {', '.join(sorted(first['id']))}."
        )
    launch.append(
        f"Start AI literacy training, executives and managers first: "
        f"{plan.literacy_totals['total_hours']:,.0f} hours in all."
    )
    if plan.adkar is not None and plan.adkar.barrier is not None:
        launch.append(
            f"Work on the first users' barrier point, {plan.adkar.barrier}, before the first rollout."
        )
    return {"listen": tuple(listen), "decide": tuple(decide), "launch": tuple(launch)}


def _stakeholder_markdown(placed: pd.DataFrame) -> str:
    rows = [
        (row.name, row.quadrant, row.stance_label, row.engagement) for row in placed.itertuples(index=False)
    ]
    return markdown.table(("Stakeholder", "Quadrant", "Stance", "Engagement"), rows, empty=_DOC["none"])


def _weights_markdown(plan: NinetyDayPlan) -> str:
    table = explain_weights(plan.weights)
    shown = ", ".join(
        f"{row.criterion} {row.weight:.0%}" for row in table.itertuples(index=False) if row.weight > 0
    )
    return (
        f"Weights ({plan.weights_preset}): {shown}. The portfolio is the combination with the highest total "
        "score within the budget and the team's person-months; prohibited use cases are never chosen."
    )


def _use_case_markdown(plan: NinetyDayPlan) -> str:
    rows = [
        (
            "-" if pd.isna(row.rank) else int(row.rank),
            row.id,
            row.name,
            Quadrant.label_of(row.quadrant),
            f"{row.cost_one_off_eur:,.0f}",
            f"{row.benefit_yearly_eur:,.0f}",
            f"{row.effort_pm:g}",
        )
        for row in plan.use_cases.itertuples(index=False)
    ]
    return markdown.table(
        ("Rank", "Id", "Use case", "2x2", "One-off EUR", "Benefit EUR/year", "Effort pm"),
        rows,
        empty=_DOC["none"],
    )


def _totals_markdown(plan: NinetyDayPlan) -> str:
    t = plan.totals
    payback = "no payback" if math.isnan(t["payback_years"]) else f"payback in {t['payback_years']:.1f} years"
    text = (
        f"**Totals.** {int(t['use_cases'])} use cases; one-off EUR {t['one_off_eur']:,.0f} of a budget of "
        f"EUR {plan.budget_eur:,.0f}; {t['effort_pm']:g} person-months; yearly benefit EUR "
        f"{t['yearly_benefit_eur']:,.0f} for EUR {t['yearly_running_eur']:,.0f} of yearly running cost; "
        f"NPV EUR {t['npv_eur']:,.0f} at {DISCOUNT_RATE:.0%} over {FINANCE_YEARS} years, {payback}."
    )
    if plan.portfolio_problem:
        text += f"\n\n**The limits clash.** {plan.portfolio_problem}"
    return text


def _triage_markdown(plan: NinetyDayPlan) -> str:
    names = dict(zip(plan.use_cases["id"], plan.use_cases["name"], strict=True))
    rows = [
        (use_case, names[use_case], tier, plan.triage_basis[use_case], plan.triage_notes.get(use_case, ""))
        for use_case, tier in plan.tiers.items()
    ]
    text = markdown.table(("Id", "Use case", "Tier", "Why", "Note"), rows, empty=_DOC["none"])
    if "high" in plan.tiers.values():
        duties = markdown.bullets(obligations("high", "deployer"))
        text += f"\n\nAs deployer of a high-risk system, Alvera must:\n\n{duties}"
    return text


def _team_markdown(plan: NinetyDayPlan) -> str:
    rows = [
        (
            role,
            int(row.people),
            f"{row.peak_need_people:.1f}",
            int(row.quarters_short),
            f"{row.max_gap_people:.1f}",
        )
        for role, row in plan.team.iterrows()
        if row.people > 0 or row.peak_need_people > 0
    ]
    text = (
        f"{_people(plan.team_size)}, delivering up to {plan.team_capacity_pm_per_quarter:g} person-months a "
        f"quarter at {PM_PER_PERSON_PER_QUARTER:g} per person.\n\n"
    )
    text += markdown.table(
        ("Role", "People", "Needed at peak", "Quarters short", "Largest gap (people)"),
        rows,
        empty=_DOC["none"],
    )
    return text


def _roadmap_markdown(plan: NinetyDayPlan) -> str:
    table = plan.roadmap.table
    rows = [
        (row.id, row.name, row.start_quarter, row.end_quarter)
        for row in table[table["scheduled"]].sort_values(["start_index", "id"]).itertuples(index=False)
    ]
    text = markdown.table(("Id", "Use case", "Start", "End"), rows, empty=_DOC["none"])
    load = quarterly_load(plan.roadmap)
    text += "\n\nLoad per quarter: " + "; ".join(
        f"{quarter} {row.load_pm:g} of {row.capacity_pm:g} pm" for quarter, row in load.iterrows()
    )
    left = table[~table["scheduled"]]
    if len(left):
        text += "\n\nNot in the roadmap:\n\n" + markdown.bullets(
            f"{row.id} {row.name}: {row.reason}" for row in left.itertuples(index=False)
        )
    return text


def _quick_win_rows(plan: NinetyDayPlan) -> list[tuple[str, str, str]]:
    """Each quick win: id, name, and when it should show results (the quarter its roadmap ends in)."""
    names = dict(zip(plan.use_cases["id"], plan.use_cases["name"], strict=True))
    ends = dict(zip(plan.roadmap.table["id"], plan.roadmap.table["end_quarter"], strict=True))
    return [
        (
            use_case,
            names[use_case],
            f"end of {ends[use_case]}" if ends.get(use_case) else "not in the roadmap",
        )
        for use_case in plan.quick_wins
    ]


def _quick_wins_markdown(plan: NinetyDayPlan) -> str:
    rows = _quick_win_rows(plan)
    return markdown.bullets(
        (f"{use_case} {name} ({when})" for use_case, name, when in rows), empty=_DOC["none"]
    )


def _literacy_markdown(plan: NinetyDayPlan) -> str:
    rows = [
        (audience, f"{int(row.headcount):,}", f"{row.hours_per_person:g}", f"{row.total_hours:,.0f}")
        for audience, row in plan.literacy.iterrows()
    ]
    t = plan.literacy_totals
    return (
        markdown.table(("Audience", "People", "Hours each", "Total hours"), rows, empty=_DOC["none"])
        + f"\n\n{t['total_hours']:,.0f} hours for {int(t['headcount']):,} people, EUR {t['cost_eur']:,.0f} "
        "of working time."
    )


def _adkar_markdown(adkar: AdkarResult | None) -> str:
    if adkar is None:
        return _DOC["to_complete"]
    if adkar.barrier is None:
        return adkar.advice
    return f"Barrier point: **{adkar.barrier}**. {adkar.advice}"
