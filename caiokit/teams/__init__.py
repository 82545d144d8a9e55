"""The AI team: its roles, how it is organised, what to build, buy or partner for, and how big it must be.

One module per concept, each with the rule a learner can redo by hand in its docstring:

- :mod:`~caiokit.teams.roles`: the roles (:class:`Role`), the stage from which each is needed, and how a use case's
  effort splits between them (the role mix);
- :mod:`~caiokit.teams.operating_model`: the three operating models, where each role sits under them, and
  the rule that recommends one;
- :mod:`~caiokit.teams.sourcing`: the build / buy / partner rule;
- :mod:`~caiokit.teams.recommendation`: what those two rules take and give;
- :mod:`~caiokit.teams.workload`: the work a plan of scheduled use cases puts on each role per quarter;
- :mod:`~caiokit.teams.sizing`: that work against the people of the team, and the shortages in plain words.

The names below are the package's API: ``from caiokit.teams import size_team``.
"""

from caiokit.teams.errors import TeamError
from caiokit.teams.operating_model import (
    FEW_SYSTEMS,
    OPERATING_MODEL_QUESTIONS,
    Home,
    OperatingModel,
    operating_model,
    operating_models,
    recommend_operating_model,
    role_homes,
)
from caiokit.teams.recommendation import Recommendation
from caiokit.teams.roles import Role, Stage, ai_roles, role, role_mix, unknown_roles
from caiokit.teams.sizing import (
    MAX_PM_PER_PERSON_PER_QUARTER,
    NO_SHORTAGE,
    headcount_for,
    role_shortages,
    shortage_messages,
    size_team,
    summarise_sizing,
)
from caiokit.teams.sourcing import (
    BUILD_BUY_PARTNER_CRITERIA,
    BUILD_BUY_PARTNER_WEIGHTS,
    Sourcing,
    build_buy_partner,
    build_buy_partner_weights,
)
from caiokit.teams.workload import load_sample_plan, workload_from_plan

__all__ = [
    "BUILD_BUY_PARTNER_CRITERIA",
    "BUILD_BUY_PARTNER_WEIGHTS",
    "FEW_SYSTEMS",
    "MAX_PM_PER_PERSON_PER_QUARTER",
    "NO_SHORTAGE",
    "OPERATING_MODEL_QUESTIONS",
    "Home",
    "OperatingModel",
    "Recommendation",
    "Role",
    "Sourcing",
    "Stage",
    "TeamError",
    "ai_roles",
    "build_buy_partner",
    "build_buy_partner_weights",
    "headcount_for",
    "load_sample_plan",
    "operating_model",
    "operating_models",
    "recommend_operating_model",
    "role",
    "role_homes",
    "role_mix",
    "role_shortages",
    "shortage_messages",
    "size_team",
    "summarise_sizing",
    "unknown_roles",
    "workload_from_plan",
]
