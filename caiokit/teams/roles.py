"""The roles of an AI team: what each does, the stage from which it is needed, and how work splits between them.

A role is a :class:`Role`: its id is what files store and code compares, its label (and its plural, for
sentences about several people) is what a person reads. ``caiokit/data/ai_roles.csv`` holds each role's
stage and home under hub-and-spoke, and ``caiokit/data/<lang>/ai_roles.csv`` what the role does and its
typical skills, joined on the role's id. ``caiokit/data/role_mix.csv`` is the course's assumption of how a
use case's effort splits between the roles (one column per role id), by technique.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from caiokit import datafiles
from caiokit.i18n import N_, Category, _, text
from caiokit.teams.errors import TeamError


class Stage(Category):
    """How far an AI programme has come; a role is needed from one stage on."""

    PILOT = "pilot", N_("pilot")
    PRODUCTION = "production", N_("production")
    SCALE = "scale", N_("scale")


class Role(Category):
    """A role of the AI team, in the course's order."""

    DATA_SCIENTIST = "data_scientist", N_("data scientist")
    ML_ENGINEER = "ml_engineer", N_("ML engineer")
    DATA_ENGINEER = "data_engineer", N_("data engineer")
    MLOPS_ENGINEER = "mlops_engineer", N_("MLOps engineer")
    AI_PRODUCT_MANAGER = "ai_product_manager", N_("AI product manager")
    DATA_ANALYST = "data_analyst", N_("data analyst")
    AI_GOVERNANCE_LEAD = "ai_governance_lead", N_("AI governance lead")
    DOMAIN_EXPERT = "domain_expert", N_("domain expert")

    @property
    def plural(self) -> str:
        """The label for several people of the role ('ML engineers'), in the language in use."""
        return text(_PLURALS[self])


# Each role's label in the plural: a sentence such as "ML engineers short by 1.5 people" needs it.
_PLURALS = {
    Role.DATA_SCIENTIST: N_("data scientists"),
    Role.ML_ENGINEER: N_("ML engineers"),
    Role.DATA_ENGINEER: N_("data engineers"),
    Role.MLOPS_ENGINEER: N_("MLOps engineers"),
    Role.AI_PRODUCT_MANAGER: N_("AI product managers"),
    Role.DATA_ANALYST: N_("data analysts"),
    Role.AI_GOVERNANCE_LEAD: N_("AI governance leads"),
    Role.DOMAIN_EXPERT: N_("domain experts"),
}

_UNKNOWN_ROLE = N_("{value!r} is not a role of the AI team; use one of {allowed}")


def role(name: object) -> Role:
    """The role ``name`` names: a member, its id, or its label in the language in use, whatever the case."""
    found = Role.parse(name)
    if found is None:
        raise TeamError(_(_UNKNOWN_ROLE).format(value=name, allowed=", ".join(Role.labels())))
    return found


def ai_roles() -> pd.DataFrame:
    """The roles of an AI team (``role`` holds their ids): what they do, typical skills, stage, hub-and-spoke home."""
    roles = datafiles.worded("ai_roles.csv", on="role")
    return roles[["role", "what_they_do", "typical_skills", "needed_from", "home_in_hub_and_spoke"]]


def role_mix() -> pd.DataFrame:
    """Share of a use case's effort per role (columns: role ids), by technique (index); each row adds up to 1."""
    return datafiles.table("role_mix.csv", text=False).set_index("technique")


def unknown_roles(names: Iterable[object]) -> list[str]:
    """The names that are neither the label (in the language in use) nor the id of a role."""
    return [str(name) for name in names if Role.parse(name) is None]
