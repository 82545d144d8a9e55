"""How much an agent may do on its own: four autonomy levels and the rule that sets each action's level.

The rule, in order: an action that commits the company legally (``binding``) is for people only; one that
cannot be undone, reaches people outside the agent's own task (``external``), or spends more than the
spending limit needs a person's approval first; one that spends money within the limit is done and
reported to a person afterwards (a checkpoint after the fact); the rest (reading, reversible steps at no
cost) the agent does alone, logged. The limit is the company's choice; the course's example uses EUR 500.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from caiokit import datafiles
from caiokit.genai import GenAIError
from caiokit.i18n import N_, Category, _
from caiokit.validation import is_number

DEFAULT_LIMIT_EUR = 500.0


class Autonomy(Category):
    """What an agent may do with an action, from most to least freedom."""

    ACT_ALONE = "act_alone", N_("act alone, logged")
    ACT_THEN_REPORT = "act_then_report", N_("act, then report to a person")
    ASK_FIRST = "ask_first", N_("ask a person's approval first")
    HUMAN_ONLY = "human_only", N_("people only")


@dataclass(frozen=True)
class AgentAction:
    """An action an agent could take: what it spends and whether it can be undone, leaves its task or binds."""

    amount_eur: float = 0.0
    reversible: bool = True
    external: bool = False
    binding: bool = False

    def __post_init__(self):
        if not is_number(self.amount_eur) or self.amount_eur < 0:
            raise GenAIError(
                _("amount_eur must be a number of 0 or more, not {value!r}").format(value=self.amount_eur)
            )


def autonomy_level(action: AgentAction, limit_eur: float = DEFAULT_LIMIT_EUR) -> Autonomy:
    """The autonomy level the course's rule gives an action under a spending limit (see the module)."""
    if not is_number(limit_eur) or limit_eur < 0:
        raise GenAIError(
            _("the spending limit must be a number of 0 or more, not {value!r}").format(value=limit_eur)
        )
    if action.binding:
        return Autonomy.HUMAN_ONLY
    if not action.reversible or action.external or action.amount_eur > limit_eur:
        return Autonomy.ASK_FIRST
    if action.amount_eur > 0:
        return Autonomy.ACT_THEN_REPORT
    return Autonomy.ACT_ALONE


def service_desk_actions() -> pd.DataFrame:
    """Actions of an IT service-desk agent (Alvera's UC37), with their facts and labels, by action id."""
    frame = datafiles.worded("genai_agent_actions.csv", "action", text=False).set_index("action")
    for column in ("reversible", "external", "binding"):
        frame[column] = frame[column].astype(bool)
    return frame


def action_of(row: pd.Series) -> AgentAction:
    """The :class:`AgentAction` of a row of ``service_desk_actions``."""
    return AgentAction(
        float(row["amount_eur"]), bool(row["reversible"]), bool(row["external"]), bool(row["binding"])
    )


def autonomy_levels(actions: pd.DataFrame, limit_eur: float = DEFAULT_LIMIT_EUR) -> pd.Series:
    """The autonomy level of each action of a table like ``service_desk_actions``, by action id."""
    return pd.Series(
        {name: autonomy_level(action_of(row), limit_eur) for name, row in actions.iterrows()}, name="autonomy"
    )
