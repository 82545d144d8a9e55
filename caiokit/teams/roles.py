"""The roles of an AI team: what each does, the stage from which it is needed, and how work splits between them.

``caiokit/data/ai_roles.csv`` holds each role's stage and home under hub-and-spoke, and
``caiokit/data/<lang>/ai_roles.csv`` what the role does and its typical skills, joined on the role.
``caiokit/data/role_mix.csv`` is the course's assumption of how a use case's effort splits between the
roles, by technique.
"""

from __future__ import annotations

import pandas as pd

from caiokit import datafiles
from caiokit.i18n import N_, Category


class Stage(Category):
    """How far an AI programme has come; a role is needed from one stage on."""

    PILOT = "pilot", N_("pilot")
    PRODUCTION = "production", N_("production")
    SCALE = "scale", N_("scale")


def ai_roles() -> pd.DataFrame:
    """The roles of an AI team: what they do, typical skills, the stage from which they are needed."""
    roles = datafiles.worded("ai_roles.csv", on="role")
    return roles[["role", "what_they_do", "typical_skills", "needed_from", "home_in_hub_and_spoke"]]


def role_names() -> tuple[str, ...]:
    """The role names, in the course's order."""
    return tuple(datafiles.table("ai_roles.csv")["role"])


def role_mix() -> pd.DataFrame:
    """Share of a use case's effort per role (columns), by technique (index); each row adds up to 1."""
    return datafiles.table("role_mix.csv", text=False).set_index("technique")
