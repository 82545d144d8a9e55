"""How the AI team is organised: the three operating models, where each role sits, and the course's rule.

:func:`recommend_operating_model` answers in this order: a single business unit, or fewer than
``FEW_SYSTEMS`` AI systems in production, gives a **centralised CoE**; units that have their own AI staff,
run independently and plan no high-risk use give **federated**; anything else gives **hub-and-spoke**.

``caiokit/data/<lang>/operating_models.csv`` says how each model works, its strengths, weaknesses and when
it fits, one row per :class:`OperatingModel` id.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from caiokit import datafiles
from caiokit.i18n import N_, Category, _, ngettext, text
from caiokit.teams.errors import TeamError
from caiokit.teams.recommendation import Recommendation, check_keys, reason
from caiokit.teams.roles import Role, ai_roles
from caiokit.validation import is_whole


class OperatingModel(Category):
    """How the AI team is organised across the company."""

    CENTRALISED = "centralised_coe", N_("centralised CoE")
    HUB_AND_SPOKE = "hub_and_spoke", N_("hub-and-spoke")
    FEDERATED = "federated", N_("federated")


class Home(Category):
    """Where a role sits under an operating model."""

    CENTRAL = "central", N_("central team")
    UNITS = "units", N_("business units")


# Below this many AI systems in production, the course recommends starting with a centralised CoE.
FEW_SYSTEMS = 3

OPERATING_MODEL_QUESTIONS = {
    "systems_in_production": N_(
        "How many AI systems does the company run in production today? (a whole number)"
    ),
    "business_units": N_(
        "How many business units or departments want AI use cases? (a whole number, 1 or more)"
    ),
    "units_have_ai_staff": N_(
        "Do most of these units already employ their own data or AI specialists? (True/False)"
    ),
    "units_run_independently": N_(
        "Do the units run largely on their own: own budget, own IT, own markets? (True/False)"
    ),
    "high_risk_uses": N_(
        "Are some planned uses high-risk under the EU AI Act, or otherwise in need of strict common "
        "controls? (True/False)"
    ),
}

_MESSAGES = {
    "one_unit": N_(
        "a single business unit: there is nowhere to spread specialists to, so keep them together"
    ),
    "few_systems": N_(
        "{systems} in production yet (fewer than {few}): scarce skills, common methods and a first platform "
        "are best built in one place. Plan to move to hub-and-spoke once several systems run"
    ),
    "federated": N_(
        "the units already have their own specialists and run independently, and no high-risk use calls "
        "for strict common controls"
    ),
    "hub": N_(
        "{count} systems in production across {units} units: a central hub keeps the platform, standards "
        "and governance, while specialists embedded in the units stay close to the business"
    ),
    "hub_no_staff": N_(
        "most units have no AI specialists of their own yet, so the hub has to supply and train them"
    ),
    "hub_dependent": N_(
        "the units do not run independently, so a shared platform and backlog avoid duplicated work"
    ),
    "hub_high_risk": N_(
        "high-risk uses need common controls that a purely federated model struggles to enforce"
    ),
    "missing_answers": N_("answers are missing for: {keys}. The questions: {questions}"),
    "unknown_answers": N_("unknown question(s): {keys}; the questions are {allowed}"),
    "not_count": N_("'{key}' should be a whole number of {minimum} or more, not {value!r}"),
    "not_bool": N_("'{key}' should be True or False, not {value!r}"),
    "unknown_model": N_("{value!r} is not an operating model; use one of {allowed}"),
}


def operating_models() -> pd.DataFrame:
    """The three operating models (``model`` holds their ids): how each works, strengths, weaknesses, fit."""
    return datafiles.table(datafiles.localized("operating_models.csv"))


def operating_model(model: str) -> OperatingModel:
    """The operating model named by ``model``: a member, its id, or its label in the language in use."""
    found = OperatingModel.parse(model)
    if found is None:
        allowed = ", ".join(OperatingModel.labels())
        raise TeamError(text(_MESSAGES["unknown_model"]).format(value=model, allowed=allowed))
    return found


def role_homes(model: str) -> dict[str, Home]:
    """Where each role (by id) sits under an operating model (named as :func:`operating_model` reads it).

    Centralised CoE: everyone in the central team except domain experts, who stay in their units.
    Federated: everyone in the units. Hub-and-spoke: as the ``home_in_hub_and_spoke`` column says.
    """
    chosen = operating_model(model)
    roles = ai_roles()
    if chosen is OperatingModel.CENTRALISED:
        return {role: Home.UNITS if role == Role.DOMAIN_EXPERT else Home.CENTRAL for role in roles["role"]}
    if chosen is OperatingModel.FEDERATED:
        return dict.fromkeys(roles["role"], Home.UNITS)
    return {
        role: Home.CENTRAL if home == "hub" else Home.UNITS
        for role, home in zip(roles["role"], roles["home_in_hub_and_spoke"], strict=True)
    }


def _systems(count: int) -> str:
    if count == 0:
        return _("no AI system")
    return ngettext("only {count} AI system", "only {count} AI systems", count).format(count=count)


def _checked(answers: Mapping[str, Any]) -> None:
    check_keys(answers, OPERATING_MODEL_QUESTIONS, _MESSAGES["missing_answers"], _MESSAGES["unknown_answers"])
    for key, minimum in (("systems_in_production", 0), ("business_units", 1)):
        value = answers[key]
        if not is_whole(value) or value < minimum:
            raise TeamError(text(_MESSAGES["not_count"]).format(key=key, minimum=minimum, value=value))
    for key in ("units_have_ai_staff", "units_run_independently", "high_risk_uses"):
        if not isinstance(answers[key], bool | np.bool_):
            raise TeamError(text(_MESSAGES["not_bool"]).format(key=key, value=answers[key]))


def recommend_operating_model(answers: Mapping[str, Any]) -> Recommendation:
    """The operating model the course's rule gives for the answers to ``OPERATING_MODEL_QUESTIONS``."""
    _checked(answers)
    systems, units = answers["systems_in_production"], answers["business_units"]
    if units == 1:
        return Recommendation(OperatingModel.CENTRALISED, (reason(text(_MESSAGES["one_unit"])),))
    if systems < FEW_SYSTEMS:
        few = text(_MESSAGES["few_systems"]).format(systems=_systems(systems), few=FEW_SYSTEMS)
        return Recommendation(OperatingModel.CENTRALISED, (reason(few),))
    staffed, independent, risky = (
        answers["units_have_ai_staff"],
        answers["units_run_independently"],
        answers["high_risk_uses"],
    )
    if staffed and independent and not risky:
        return Recommendation(OperatingModel.FEDERATED, (reason(text(_MESSAGES["federated"])),))
    reasons = [text(_MESSAGES["hub"]).format(count=systems, units=units)]
    if not staffed:
        reasons.append(text(_MESSAGES["hub_no_staff"]))
    if not independent:
        reasons.append(text(_MESSAGES["hub_dependent"]))
    if risky:
        reasons.append(text(_MESSAGES["hub_high_risk"]))
    return Recommendation(OperatingModel.HUB_AND_SPOKE, tuple(reason(why) for why in reasons))
