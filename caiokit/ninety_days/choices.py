"""The learner's choices for a 90-day plan: the phases, the weight presets, the defaults (the case study's data
and the course's conventions), what each choice means, and the checks of what the learner gives."""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Mapping, Sequence
from typing import IO, Any

import pandas as pd

from caiokit import case_study
from caiokit.case_study import CaseStudy
from caiokit.conventions import COURSE
from caiokit.errors import CaioKitError
from caiokit.i18n import N_, Category, _, ngettext, text
from caiokit.scoring import DEFAULT_WEIGHTS
from caiokit.teams import Role, role, unknown_roles
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


def message(name: str, **values: Any) -> str:
    """One of this package's messages (``_MESSAGES``), in the language in use, filled in."""
    return _(_MESSAGES[name]).format(**values)


class NinetyDayError(CaioKitError):
    """The learner's choices for the 90-day plan, or its export path, cannot be used; the message says why."""


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
        raise NinetyDayError(text(_MESSAGES["bad_preset"]).format(value=weights, presets=presets))
    return preset, dict(WEIGHT_PRESETS[preset])


def parse_notes(notes_text: str) -> dict[str, str]:
    """Triage notes from text, one per line: 'UC18: FRIA with legal by June' (blank lines are skipped)."""
    notes: dict[str, str] = {}
    for number, raw in enumerate(str(notes_text).splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        match = re.fullmatch(r"([A-Za-z]+\d+)\s*[:\-]\s*(.*)", line)
        if match is None:
            raise NinetyDayError(text(_MESSAGES["bad_note_line"]).format(line=number, text=line))
        notes[match.group(1).upper()] = match.group(2).strip()
    return notes


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


def checked_choices(
    choices: Mapping[str, Any] | None, case: CaseStudy, catalog: pd.DataFrame
) -> dict[str, Any]:
    """The choices merged over the case study's defaults, checked for the problems this module can name best."""
    if choices is None:
        choices = {}
    if not isinstance(choices, Mapping):
        raise NinetyDayError(text(_MESSAGES["not_mapping"]).format(kind=type(choices).__name__))
    result = _defaults(case)
    for key, value in choices.items():
        if key not in result:
            close = difflib.get_close_matches(str(key), list(result), n=1)
            suggestion = text(_MESSAGES["suggestion"]).format(match=close[0]) if close else ""
            raise NinetyDayError(
                text(_MESSAGES["unknown_choice"]).format(
                    key=key, suggestion=suggestion, keys=", ".join(result)
                )
            )
        result[key] = value
    if not is_number(result["budget_eur"]) or result["budget_eur"] < 0:
        raise NinetyDayError(
            text(_MESSAGES["bad_number"]).format(key="budget_eur", low=0, value=result["budget_eur"])
        )
    if not is_number(result["capacity_pm_per_quarter"]) or result["capacity_pm_per_quarter"] <= 0:
        raise NinetyDayError(
            text(_MESSAGES["bad_positive"]).format(
                key="capacity_pm_per_quarter", value=result["capacity_pm_per_quarter"]
            )
        )
    horizon = result["horizon_quarters"]
    if not (is_whole(horizon) and horizon >= 1):
        raise NinetyDayError(
            text(_MESSAGES["bad_whole"]).format(key="horizon_quarters", low=1, value=horizon)
        )
    most = result["max_high_risk"]
    if most is not None and not (is_whole(most) and most >= 0):
        raise NinetyDayError(
            text(_MESSAGES["bad_whole"]).format(key="max_high_risk", low=0, value=most)
            + " "
            + text(_MESSAGES["or_none"])
        )
    headcount = result["headcount"]
    if isinstance(headcount, Mapping):
        unknown = unknown_roles(headcount)
        if unknown:
            raise NinetyDayError(
                text(_MESSAGES["unknown_roles"]).format(
                    roles=", ".join(unknown), allowed=", ".join(Role.labels())
                )
            )
        for name, people in headcount.items():
            if not (is_whole(people) and people >= 0):
                key = text(_MESSAGES["headcount_of"]).format(role=role(name).label)
                raise NinetyDayError(text(_MESSAGES["bad_whole"]).format(key=key, low=0, value=people))
        result["headcount"] = {role(name).value: people for name, people in headcount.items()}
    elif not (is_whole(headcount) and headcount >= 0):
        raise NinetyDayError(text(_MESSAGES["bad_whole"]).format(key="headcount", low=0, value=headcount))
    known = set(catalog["id"])
    for key in ("mandatory", "excluded"):
        result[key] = _checked_ids(key, result[key], known)
    both = [use_case for use_case in result["mandatory"] if use_case in result["excluded"]]
    if both:
        raise NinetyDayError(text(_MESSAGES["both"]).format(ids=", ".join(both)))
    notes = result["triage_notes"]
    if isinstance(notes, str):
        notes = parse_notes(notes)
    if not isinstance(notes, Mapping) or not all(isinstance(note, str) for note in notes.values()):
        raise NinetyDayError(text(_MESSAGES["bad_notes"]))
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
        raise NinetyDayError(text(_MESSAGES["bad_milestones"]).format(phases=shown))
    return {phases[key]: items for key, items in milestones.items()}


def _checked_ids(key: str, value: Any, known: set[str]) -> tuple[str, ...]:
    """A list of use case ids, each in the catalog, without repeats."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, Sequence | set | frozenset):
        raise NinetyDayError(text(_MESSAGES["bad_ids"]).format(key=key, value=value))
    ids = tuple(dict.fromkeys(str(item).strip().upper() for item in value))
    unknown = [use_case for use_case in ids if use_case not in known]
    if unknown:
        raise NinetyDayError(text(_MESSAGES["unknown_ids"]).format(key=key, ids=", ".join(unknown)))
    return ids


def stakeholder_table(stakeholders: Any) -> pd.DataFrame:
    """Stakeholder rows as a table with name, influence, interest and stance."""
    columns = ["name", "influence", "interest", "stance"]
    if isinstance(stakeholders, pd.DataFrame):
        return stakeholders
    try:
        return pd.DataFrame(list(stakeholders), columns=columns)
    except (TypeError, ValueError):
        raise NinetyDayError(text(_MESSAGES["bad_stakeholders"])) from None
