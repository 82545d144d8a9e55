"""The new CAIO's first 90 days as one plan: gathered from every tool of the course, then checked.

A plan has three phases of about 30 days each (``Phase``): listen and assess, decide, launch. It is
built from a small dict of the learner's choices (``default_choices()`` lists them) and a use-case catalog
(the case study's, or the learner's own: a table or a CSV file, checked as ``caiokit.catalog`` checks any
catalog) by calling the course's domain functions, in this order:

1. **listen and assess**: maturity self-assessment (``maturity.assess``), stakeholder map
   (``stakeholders.place_stakeholders``), the company's objectives and the learner's ambition;
2. **decide**: weighted scores with a weights preset (``scoring.score``), the value vs feasibility 2x2
   (``scoring.quadrant``), the portfolio with the highest total score within the one-off budget and the
   person-months the team delivers over the horizon (``portfolio.select_portfolio``), its money
   (``finance.portfolio_finance``), the EU AI Act tier of each chosen use case (the catalog's tier, with the
   reasons of ``aiact.triage`` where the course has a worked triage of that very use case), and the team:
   the AI team's headcount spread over the roles in proportion to the work (``split_headcount``), compared
   with the work quarter by quarter (``teams.size_team``);
3. **launch**: the roadmap (``roadmap.plan_roadmap``), the quick wins (chosen use cases in the 2x2's
   quick-win corner), the AI literacy plan (``literacy.literacy_plan``) and the first users' ADKAR barrier
   point (``adkar.adkar_diagnostic``).

Conventions of the course: a person delivers ``PM_PER_PERSON_PER_QUARTER`` person-months a quarter, and
the portfolio may use ``PLANNED_SHARE`` (80%) of the ``capacity_pm_per_quarter x horizon_quarters``
person-months the team delivers over the horizon, keeping the rest as a buffer.
``check_plan`` lists, in plain words, what must be fixed before the plan goes to the executive
committee. The document itself is written by ``caiokit.reports.ninety_day_plan``.
"""

from __future__ import annotations

import difflib
import math
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import IO, Any

import pandas as pd

from caiokit import case_study
from caiokit.adkar import AdkarResult, adkar_diagnostic
from caiokit.aiact import example_names as triage_example_names
from caiokit.aiact import examples as triage_examples
from caiokit.aiact import triage
from caiokit.case_study import CaseStudy
from caiokit.catalog import dependencies, load_catalog, validate_catalog
from caiokit.conventions import COURSE
from caiokit.errors import CaioKitError, FinanceError, PortfolioError
from caiokit.finance import portfolio_finance
from caiokit.i18n import N_, Category, _, format_eur, format_number, format_percent, ngettext, plain_number
from caiokit.literacy import literacy_plan, plan_totals
from caiokit.maturity import MaturityResult, assess
from caiokit.portfolio import select_portfolio
from caiokit.roadmap import Roadmap, plan_roadmap
from caiokit.scoring import DEFAULT_WEIGHTS, Quadrant, quadrant, score
from caiokit.stakeholders import HIGH_FROM, engagement_order, place_stakeholders
from caiokit.stakeholders import quadrant as stakeholder_quadrant
from caiokit.strategy import company_objectives
from caiokit.teams import Role, TeamError, role, size_team, unknown_roles, workload_from_plan
from caiokit.validation import is_number, is_whole


class Phase(Category):
    """One of the plan's three phases of about 30 days: the id keys the milestones, the label heads a section."""

    LISTEN = "listen", N_("Days 1-30: listen and assess")
    DECIDE = "decide", N_("Days 31-60: decide")
    LAUNCH = "launch", N_("Days 61-90: launch")


class WeightPreset(Category):
    """A set of weights for the weighted score that the course offers, or the learner's own ('custom')."""

    BALANCED = "balanced", N_("balanced")
    VALUE_FIRST = "value_first", N_("value first")
    FEASIBILITY_FIRST = "feasibility_first", N_("feasibility first")
    CUSTOM = "custom", N_("custom")


# The course's weight presets for the weighted score (criteria of caiokit.scoring.CRITERIA).
WEIGHT_PRESETS: dict[WeightPreset, dict[str, float]] = {
    WeightPreset.BALANCED: dict(DEFAULT_WEIGHTS),
    WeightPreset.VALUE_FIRST: {
        "benefit": 0.40,
        "reach": 0.10,
        "impact": 0.20,
        "confidence": 0.10,
        "data_readiness": 0.10,
        "complexity": 0.05,
        "effort": 0.05,
    },
    WeightPreset.FEASIBILITY_FIRST: {
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
# A catalog given to build_plan: a checked table, a table to check, a CSV file's path or an open CSV file.
CatalogSource = pd.DataFrame | str | os.PathLike | IO | None


def _defaults(case: CaseStudy) -> dict[str, Any]:
    """The default choices, new each time: the course's conventions, the case study's data, no ambition."""
    return {
        "ambition": "",
        "budget_eur": 1_000_000,
        "capacity_pm_per_quarter": COURSE.team_pm_per_quarter,
        "horizon_quarters": 4,
        "start_quarter": COURSE.start_quarter,
        "weights": WeightPreset.BALANCED,
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


# What each choice means, for the learner (shown by ``explain_choices``, which fills in {presets}).
CHOICE_MEANINGS = {
    "ambition": N_("Where AI should take the company in about three years, in one or two sentences."),
    "budget_eur": N_("One-off budget for the portfolio, in euros."),
    "capacity_pm_per_quarter": N_("Person-months of work the AI team delivers each quarter."),
    "horizon_quarters": N_("Number of quarters the roadmap and the portfolio cover."),
    "start_quarter": N_("First quarter of the roadmap, such as '2027-Q1'."),
    "weights": N_("A weights preset ({presets}) or a dict of criterion -> weight."),
    "headcount": N_(
        "People in the AI team: a whole number (spread over the roles by the work) or a dict role -> people."
    ),
    "mandatory": N_("Use case ids that must be in the portfolio."),
    "excluded": N_("Use case ids to leave out of the portfolio."),
    "max_high_risk": N_("Most high-risk use cases allowed in the portfolio (None: no limit)."),
    "triage_notes": N_("Use case id -> note on its AI Act triage and duties (required for high-risk ones)."),
    "maturity_answers": N_("Answers to the maturity questionnaire: statement id -> 1 to 5."),
    "stakeholders": N_("Stakeholders as (name, influence 1-5, interest 1-5, stance -2 to +2) rows."),
    "literacy_hours": N_("Training hours per person for the audiences you change (audience -> hours)."),
    "adkar_scores": N_("ADKAR scores (1-5) of the first users of AI, or None."),
    "milestones": N_("Your own milestones per phase: 'listen', 'decide' or 'launch' -> list of texts."),
}

_MESSAGES = {
    "not_mapping": N_(
        "choices should be a dict such as {{'budget_eur': 1_000_000, 'headcount': 4}}, not a {kind}."
    ),
    "unknown_choice": N_("'{key}' is not a choice of the plan{suggestion}. The choices are: {keys}."),
    "suggestion": N_(" (did you mean '{match}'?)"),
    "bad_number": N_("{key} should be a number of {low} or more, not {value!r}."),
    "bad_positive": N_("{key} should be a number above 0, not {value!r}."),
    "bad_whole": N_("{key} should be a whole number of {low} or more, not {value!r}."),
    "or_none": N_("Or None."),
    "headcount_of": N_("headcount of {role}"),
    "bad_preset": N_("'{value}' is not a weights preset; use one of {presets}, or a dict of weights."),
    "unknown_roles": N_("headcount: unknown role(s) {roles}; the roles are {allowed}."),
    "bad_ids": N_("{key} should be a list of use case ids such as ['UC02', 'UC40'], not {value!r}."),
    "unknown_ids": N_("{key}: {ids} not in the catalog."),
    "both": N_("{ids} both must be included and left out: choose one."),
    "bad_notes": N_(
        "triage_notes should be a dict of use case id -> note, such as {{'UC18': 'FRIA by June'}}."
    ),
    "bad_note_line": N_("line {line} of the triage notes, '{text}', should look like 'UC18: your note'."),
    "bad_stakeholders": N_(
        "stakeholders should be rows of (name, influence, interest, stance) or a table with these columns."
    ),
    "bad_milestones": N_("milestones should be a dict of phase -> list of texts; the phases are {phases}."),
    "catalog_tier": N_("catalog tier {tier}"),
}

_CHECKS = {
    "ambition": N_(
        "No ambition yet: say in one or two sentences where AI should take the company in about three years."
    ),
    "no_stakeholders": N_(
        "The stakeholder map is empty: list at least the people who can make or break the programme."
    ),
    "clash": N_(
        "The portfolio's limits clash, so the plan only holds the use cases you made mandatory: {problem}"
    ),
    "empty_portfolio": N_(
        "The portfolio is empty: raise the budget or the capacity, or leave fewer use cases out."
    ),
    "prohibited": N_(
        "{id} {name} is a prohibited practice (EU AI Act Art. 5): take it out of the plan; no measure makes "
        "it lawful."
    ),
    "no_triage_note": N_(
        "{id} {name} is high-risk, but its triage note is empty: write down who does the AI Act duties, and "
        "by when, before it goes any further."
    ),
    "over_budget": N_("The portfolio's one-off cost, {cost}, exceeds the budget of {budget} by {over}."),
    "over_capacity": N_(
        "The portfolio needs {effort} person-months, more than the {capacity} it may take ({share} of what "
        "the team delivers in {quarters} quarters)."
    ),
    "unscheduled": N_(
        "{id} {name} is in the portfolio but not in the roadmap ({reason}): raise the capacity, or leave it out."
    ),
    "team_too_small": N_(
        "The roadmap plans {capacity} person-months a quarter, but {people} can deliver at most {team}: grow "
        "the team or lower the capacity."
    ),
    "no_quick_win": N_(
        "No quick win in the portfolio: add at least one high-value, high-feasibility use case to show "
        "results early."
    ),
    "untrained": N_(
        "The literacy plan gives the {audience} no training: Art. 4 of the EU AI Act asks providers and "
        "deployers to take measures that support the AI literacy of everyone who works with AI for them."
    ),
    "no_milestone": N_("{phase} has no milestone."),
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
    weights_preset: WeightPreset
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
    milestones: dict[Phase, tuple[str, ...]] = field(default_factory=dict)

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
        return {str(column): float(gap) for column, gap in short["max_gap_people"].items()}

    def _repr_markdown_(self) -> str:
        # The report layer sits above this module, so it is imported when a plan is shown, not before.
        from caiokit.reports.ninety_day_plan import to_markdown

        return to_markdown(self)


def default_choices() -> dict[str, Any]:
    """A fresh copy of the default choices: Alvera Group's data from the earlier lessons, no ambition yet."""
    return _defaults(case_study.load(CASE_STUDY))


def explain_choices() -> pd.DataFrame:
    """Each choice of the plan, its default and what it means."""
    defaults = default_choices()
    presets = ", ".join(preset.label for preset in WEIGHT_PRESETS)
    return pd.DataFrame(
        {
            "choice": list(CHOICE_MEANINGS),
            "default": [_short(defaults[key]) for key in CHOICE_MEANINGS],
            "meaning": [_(meaning).format(presets=presets) for meaning in CHOICE_MEANINGS.values()],
        }
    ).set_index("choice")


def explain_presets() -> pd.DataFrame:
    """The course's weight presets side by side: a row per criterion, a column per preset."""
    return pd.DataFrame({preset.label: weights for preset, weights in WEIGHT_PRESETS.items()})


def weights_for(weights: str | Mapping[str, float]) -> tuple[WeightPreset, dict[str, float]]:
    """The preset (``WeightPreset.CUSTOM`` for a dict) and its weights, for a preset's id or label, or a dict."""
    if isinstance(weights, Mapping):
        return WeightPreset.CUSTOM, {str(key): value for key, value in weights.items()}
    preset = WeightPreset.parse(weights)
    if preset is None or preset not in WEIGHT_PRESETS:
        presets = ", ".join(repr(preset.label) for preset in WEIGHT_PRESETS)
        raise NinetyDayError(_(_MESSAGES["bad_preset"]).format(value=weights, presets=presets))
    return preset, dict(WEIGHT_PRESETS[preset])


def parse_notes(text: str) -> dict[str, str]:
    """Triage notes from text, one per line: 'UC18: FRIA with legal by June' (blank lines are skipped)."""
    notes: dict[str, str] = {}
    for number, raw in enumerate(str(text).splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        match = re.fullmatch(r"([A-Za-z]+\d+)\s*[:\-]\s*(.*)", line)
        if match is None:
            raise NinetyDayError(_(_MESSAGES["bad_note_line"]).format(line=number, text=line))
        notes[match.group(1).upper()] = match.group(2).strip()
    return notes


def split_headcount(people: int, workload: pd.DataFrame) -> dict[str, int]:
    """Whole people per role id, in proportion to each role's share of the work (largest remainders first).

    With no work planned, every role counts the same. Equal remainders go to the role listed first.
    """
    if not (is_whole(people) and people >= 0):
        raise NinetyDayError(_(_MESSAGES["bad_whole"]).format(key="headcount", low=0, value=people))
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
    c = _checked_choices(choices, case, catalog)
    company = str(case.company.get("name", ""))
    objectives = tuple((objective.id, objective.text) for objective in company_objectives(case.company))

    # Days 1-30: listen and assess.
    maturity = assess(c["maturity_answers"])
    stakeholders = _stakeholder_table(c["stakeholders"])
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
    milestones = _milestones(plan)
    for phase, extra in c["milestones"].items():
        milestones[phase] = milestones[phase] + tuple(str(item) for item in extra)
    return replace(plan, milestones=milestones)


def check_plan(plan: NinetyDayPlan) -> list[str]:
    """What must be fixed before the plan goes to the executive committee, in plain words ([] if nothing)."""
    problems = []
    names = dict(zip(plan.use_cases["id"], plan.use_cases["name"], strict=True))
    if not plan.ambition.strip():
        problems.append(_(_CHECKS["ambition"]))
    if plan.stakeholders.empty:
        problems.append(_(_CHECKS["no_stakeholders"]))
    if plan.portfolio_problem:
        problems.append(_(_CHECKS["clash"]).format(problem=_one_line(plan.portfolio_problem)))
    if not plan.selected:
        problems.append(_(_CHECKS["empty_portfolio"]))
    for use_case in plan.selected:
        tier = plan.tiers.get(use_case)
        if tier == "prohibited":
            problems.append(_(_CHECKS["prohibited"]).format(id=use_case, name=names[use_case]))
        elif tier == "high" and not plan.triage_notes.get(use_case, "").strip():
            problems.append(_(_CHECKS["no_triage_note"]).format(id=use_case, name=names[use_case]))
    cost = plan.totals["one_off_eur"]
    if cost > plan.budget_eur + 1e-6:
        problems.append(
            _(_CHECKS["over_budget"]).format(
                cost=format_eur(cost),
                budget=format_eur(plan.budget_eur),
                over=format_eur(cost - plan.budget_eur),
            )
        )
    room = plan.capacity_pm_per_quarter * plan.horizon_quarters * PLANNED_SHARE
    if plan.totals["effort_pm"] > room + 1e-9:
        problems.append(
            _(_CHECKS["over_capacity"]).format(
                effort=plain_number(plan.totals["effort_pm"]),
                capacity=plain_number(room),
                share=format_percent(PLANNED_SHARE),
                quarters=plan.horizon_quarters,
            )
        )
    table = plan.roadmap.table
    for row in table[~table["scheduled"]].itertuples(index=False):
        if plan.tiers.get(row.id) != "prohibited":
            problems.append(_(_CHECKS["unscheduled"]).format(id=row.id, name=row.name, reason=row.reason))
    if plan.capacity_pm_per_quarter > plan.team_capacity_pm_per_quarter + 1e-9:
        problems.append(
            _(_CHECKS["team_too_small"]).format(
                capacity=plain_number(plan.capacity_pm_per_quarter),
                people=count_people(plan.team_size),
                team=plain_number(plan.team_capacity_pm_per_quarter),
            )
        )
    if plan.selected and not plan.quick_wins:
        problems.append(_(_CHECKS["no_quick_win"]))
    for audience, hours in plan.literacy["hours_per_person"].items():
        if hours <= 0:
            problems.append(_(_CHECKS["untrained"]).format(audience=audience))
    for phase in Phase:
        if not plan.milestones.get(phase):
            problems.append(_(_CHECKS["no_milestone"]).format(phase=phase.label))
    return problems


def count_people(count: int) -> str:
    """A number of people, as a sentence says it: '1 person', '3 people'."""
    return ngettext("{count} person", "{count} people", count).format(count=count)


def quick_win_schedule(plan: NinetyDayPlan) -> list[tuple[str, str, str]]:
    """Each quick win: id, name, and when it should show results (the quarter its roadmap ends in)."""
    names = dict(zip(plan.use_cases["id"], plan.use_cases["name"], strict=True))
    ends = dict(zip(plan.roadmap.table["id"], plan.roadmap.table["end_quarter"], strict=True))
    return [
        (
            use_case,
            names[use_case],
            _("end of {quarter}").format(quarter=ends[use_case])
            if ends.get(use_case)
            else _("not in the roadmap"),
        )
        for use_case in plan.quick_wins
    ]


# --- building blocks ------------------------------------------------------------------------------


def _short(value: Any) -> str:
    """A default value in a few characters, for the table of choices."""
    if isinstance(value, Category):
        return repr(value.value)
    if isinstance(value, Mapping):
        return (
            ngettext("{count} entry", "{count} entries", len(value)).format(count=len(value))
            if value
            else "{}"
        )
    if isinstance(value, tuple | list):
        if value and isinstance(value[0], tuple):
            return ngettext("{count} row", "{count} rows", len(value)).format(count=len(value))
        return repr(list(value))
    return repr(value)


def _checked_choices(
    choices: Mapping[str, Any] | None, case: CaseStudy, catalog: pd.DataFrame
) -> dict[str, Any]:
    """The choices merged over the case study's defaults, checked for the problems this module can name best."""
    if choices is None:
        choices = {}
    if not isinstance(choices, Mapping):
        raise NinetyDayError(_(_MESSAGES["not_mapping"]).format(kind=type(choices).__name__))
    result = _defaults(case)
    for key, value in choices.items():
        if key not in result:
            close = difflib.get_close_matches(str(key), list(result), n=1)
            suggestion = _(_MESSAGES["suggestion"]).format(match=close[0]) if close else ""
            raise NinetyDayError(
                _(_MESSAGES["unknown_choice"]).format(key=key, suggestion=suggestion, keys=", ".join(result))
            )
        result[key] = value
    if not is_number(result["budget_eur"]) or result["budget_eur"] < 0:
        raise NinetyDayError(
            _(_MESSAGES["bad_number"]).format(key="budget_eur", low=0, value=result["budget_eur"])
        )
    if not is_number(result["capacity_pm_per_quarter"]) or result["capacity_pm_per_quarter"] <= 0:
        raise NinetyDayError(
            _(_MESSAGES["bad_positive"]).format(
                key="capacity_pm_per_quarter", value=result["capacity_pm_per_quarter"]
            )
        )
    horizon = result["horizon_quarters"]
    if not (is_whole(horizon) and horizon >= 1):
        raise NinetyDayError(_(_MESSAGES["bad_whole"]).format(key="horizon_quarters", low=1, value=horizon))
    most = result["max_high_risk"]
    if most is not None and not (is_whole(most) and most >= 0):
        raise NinetyDayError(
            _(_MESSAGES["bad_whole"]).format(key="max_high_risk", low=0, value=most)
            + " "
            + _(_MESSAGES["or_none"])
        )
    headcount = result["headcount"]
    if isinstance(headcount, Mapping):
        unknown = unknown_roles(headcount)
        if unknown:
            raise NinetyDayError(
                _(_MESSAGES["unknown_roles"]).format(
                    roles=", ".join(unknown), allowed=", ".join(Role.labels())
                )
            )
        for name, people in headcount.items():
            if not (is_whole(people) and people >= 0):
                key = _(_MESSAGES["headcount_of"]).format(role=role(name).label)
                raise NinetyDayError(_(_MESSAGES["bad_whole"]).format(key=key, low=0, value=people))
        result["headcount"] = {role(name).value: people for name, people in headcount.items()}
    elif not (is_whole(headcount) and headcount >= 0):
        raise NinetyDayError(_(_MESSAGES["bad_whole"]).format(key="headcount", low=0, value=headcount))
    known = set(catalog["id"])
    for key in ("mandatory", "excluded"):
        result[key] = _checked_ids(key, result[key], known)
    both = [use_case for use_case in result["mandatory"] if use_case in result["excluded"]]
    if both:
        raise NinetyDayError(_(_MESSAGES["both"]).format(ids=", ".join(both)))
    notes = result["triage_notes"]
    if isinstance(notes, str):
        notes = parse_notes(notes)
    if not isinstance(notes, Mapping) or not all(isinstance(note, str) for note in notes.values()):
        raise NinetyDayError(_(_MESSAGES["bad_notes"]))
    result["triage_notes"] = {str(key).strip().upper(): note for key, note in notes.items()}
    result["milestones"] = _checked_milestones(result["milestones"])
    return result


def _checked_milestones(milestones: Any) -> dict[Phase, Sequence[str]]:
    """The learner's milestones by phase (its id or label), each phase with a list of texts."""
    phases = {key: Phase.parse(key) for key in milestones} if isinstance(milestones, Mapping) else {}
    if (
        not isinstance(milestones, Mapping)
        or None in phases.values()
        or any(isinstance(items, str) or not isinstance(items, Sequence) for items in milestones.values())
    ):
        shown = ", ".join(repr(phase.value) for phase in Phase)
        raise NinetyDayError(_(_MESSAGES["bad_milestones"]).format(phases=shown))
    return {phases[key]: items for key, items in milestones.items()}


def _checked_ids(key: str, value: Any, known: set[str]) -> tuple[str, ...]:
    """A list of use case ids, each in the catalog, without repeats."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, Sequence | set | frozenset):
        raise NinetyDayError(_(_MESSAGES["bad_ids"]).format(key=key, value=value))
    ids = tuple(dict.fromkeys(str(item).strip().upper() for item in value))
    unknown = [use_case for use_case in ids if use_case not in known]
    if unknown:
        raise NinetyDayError(_(_MESSAGES["unknown_ids"]).format(key=key, ids=", ".join(unknown)))
    return ids


def _stakeholder_table(stakeholders: Any) -> pd.DataFrame:
    """Stakeholder rows as a table with name, influence, interest and stance."""
    columns = ["name", "influence", "interest", "stance"]
    if isinstance(stakeholders, pd.DataFrame):
        return stakeholders
    try:
        return pd.DataFrame(list(stakeholders), columns=columns)
    except (TypeError, ValueError):
        raise NinetyDayError(_(_MESSAGES["bad_stakeholders"])) from None


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
            basis[use_case] = _(_MESSAGES["catalog_tier"]).format(tier=tier)
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


def _one_line(message: str) -> str:
    """A portfolio error (a first line, maybe followed by '  - ' bullets) as one sentence."""
    lines = message.split("\n")
    bullets = [line.strip()[2:] for line in lines[1:] if line.strip().startswith("- ")]
    text = f"{lines[0].rstrip(':')}: {'; '.join(bullets)}" if bullets else lines[0]
    return text if text.endswith(".") else f"{text}."


def _milestones(plan: NinetyDayPlan) -> dict[Phase, tuple[str, ...]]:
    """The milestones each phase's results call for, in plain words."""
    listen = []
    # The stakeholders of high influence and high interest.
    close = plan.stakeholders[plan.stakeholders["quadrant_id"] == stakeholder_quadrant(HIGH_FROM, HIGH_FROM)]
    if len(close):
        listen.append(
            ngettext(
                "Meet the {count} stakeholder to manage closely one to one, opponents first: {names}.",
                "Meet the {count} stakeholders to manage closely one to one, opponents first: {names}.",
                len(close),
            ).format(count=len(close), names=", ".join(close["name"]))
        )
    # round() before format_number: see caiokit.reports.ninety_day_plan._totals_markdown.
    listen.append(
        _(
            "Run the maturity self-assessment with the executive committee (today: {level}, {score} of 5) and "
            "agree the next moves on the weakest pillars."
        ).format(level=plan.maturity.level, score=format_number(float(plan.maturity.overall_score), 2))
    )
    listen.append(_("Start the inventory of AI systems already in use, each with its EU AI Act tier."))

    decide = [
        _(
            "Agree the scoring weights ({preset}) with the executive committee and publish the ranking."
        ).format(preset=plan.weights_preset.label)
    ]
    if plan.selected:
        decide.append(
            ngettext(
                "Get the portfolio approved: {count} use case, {cost} one-off within a budget of {budget}.",
                "Get the portfolio approved: {count} use cases, {cost} one-off within a budget of {budget}.",
                len(plan.selected),
            ).format(
                count=len(plan.selected),
                cost=format_eur(plan.totals["one_off_eur"]),
                budget=format_eur(plan.budget_eur),
            )
        )
    counts = pd.Series(plan.tiers, dtype=str).value_counts()
    if len(counts):
        tiers = ", ".join(
            f"{counts[tier]} {tier}"
            for tier in ("prohibited", "high", "transparency", "minimal")
            if tier in counts
        )
        decide.append(
            _("Record the AI Act triage of every selected use case in the inventory ({tiers}).").format(
                tiers=tiers
            )
        )
    high = [use_case for use_case, tier in plan.tiers.items() if tier == "high"]
    if high:
        decide.append(
            _("Assign the high-risk deployer duties of {ids} before any use (Art. 26).").format(
                ids=", ".join(high)
            )
        )
    gaps = plan.team_gaps
    if gaps:
        decide.append(
            _(
                "Staff the team of {people}, and cover the gaps ({gaps} people at the peak) by hiring, "
                "borrowing from the business units, or a partner."
            ).format(
                people=count_people(plan.team_size),
                gaps="; ".join(
                    f"{Role.label_of(column)} {format_number(float(gap), 1)}" for column, gap in gaps.items()
                ),
            )
        )
    else:
        decide.append(_("Staff the team of {people}.").format(people=count_people(plan.team_size)))

    launch = []
    if plan.quick_wins:
        launch.append(
            _("Announce the quick wins and when each should show results: {wins}.").format(
                wins=", ".join(f"{use_case} ({when})" for use_case, _name, when in quick_win_schedule(plan))
            )
        )
    table = plan.roadmap.table
    first = table[table["scheduled"] & (table["start_index"] == 0)]
    if len(first):
        launch.append(
            _(
                "Launch the roadmap's first quarter ({quarter}), each use case with a sponsor, a success metric "
                "and its data access agreed: {ids}."
            ).format(quarter=plan.roadmap.quarters[0], ids=", ".join(sorted(first["id"])))
        )
    launch.append(
        _("Start AI literacy training, executives and managers first: {hours} hours in all.").format(
            hours=format_number(plan.literacy_totals["total_hours"])
        )
    )
    if plan.adkar is not None and plan.adkar.barrier is not None:
        launch.append(
            _("Work on the first users' barrier point, {barrier}, before the first rollout.").format(
                barrier=plan.adkar.barrier.label
            )
        )
    return {Phase.LISTEN: tuple(listen), Phase.DECIDE: tuple(decide), Phase.LAUNCH: tuple(launch)}
