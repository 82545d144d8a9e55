"""Exercises of 10_capstone_first_90_days: the order of the first 90 days, a must-have's cost, a draft for the board.

The reference answer of q2 and the figures its hints and solution quote come from the domain (the built-in
catalog and ``build_plan``), so that they follow the data and the conventions. Building a plan solves a
portfolio, too slow for the lesson's setup cell that imports this module: the plans are built the first
time a figure is needed, and kept.
"""

from collections.abc import Callable
from functools import cache
from typing import Any

import pandas as pd

from caiokit.catalog import load_catalog
from caiokit.exercises import NumberExercise, RankingExercise, SetExercise
from caiokit.i18n import N_, format_eur, lazy, plain_number
from caiokit.ninety_days import NinetyDayPlan, build_plan

LESSON = "10_capstone_first_90_days"

FIRST_90_DAYS = (
    N_("Listen to the key stakeholders and assess AI maturity"),
    N_("Score and rank the candidate use cases"),
    N_("Choose a portfolio within the budget and the team's capacity"),
    N_("Triage the chosen use cases under the AI Act and size the team for them"),
    N_("Get the executive committee's approval for the plan"),
    N_("Launch the quick wins and the first literacy sessions"),
)
FIRST_90_DAYS_SHUFFLED = tuple(FIRST_90_DAYS[i] for i in (3, 5, 1, 4, 0, 2))

q1 = RankingExercise(
    LESSON,
    "q1",
    "first_90_days_order",
    reference=FIRST_90_DAYS,
    top_k=3,
    hints=[
        N_(
            "Each action needs the result of the one before it: what must you know before you can rank, "
            "what must be ranked before you can choose, what must be chosen before you can triage it?"
        ),
        N_(
            "The plan goes to the executive committee once it is complete (portfolio, triage, team), and "
            "nothing is launched before the committee approves it."
        ),
    ],
    solution=N_(
        "Listen and assess (days 1-30); score and rank; choose the portfolio; triage what was chosen and size "
        "the team for it (days 31-60); get the plan approved; launch the quick wins and the literacy "
        "training (days 61-90). Each step uses the previous one's result: the ranking needs the weights "
        "you agreed while listening, the triage and the team need the chosen use cases."
    ),
)

# q2: the default plan with UC18 made a must-have.
MUST_HAVE = "UC18"


@cache
def _plan(*mandatory: str) -> NinetyDayPlan:
    """The default plan with these must-haves, built once."""
    return build_plan({"mandatory": list(mandatory)})


@cache
def _catalog() -> pd.DataFrame:
    """The built-in catalog by use case id, read once."""
    return load_catalog().set_index("id")


def _cost(*use_cases: str) -> str:
    """The one-off cost of these use cases of the built-in catalog, in euros."""
    return format_eur(float(_catalog().loc[list(use_cases), "cost_one_off_eur"].sum()))


def _effort(use_case: str) -> str:
    """The person-months one use case of the built-in catalog takes."""
    return plain_number(float(_catalog().loc[use_case, "effort_pm"]))


def _with_must_have() -> float:
    return _plan(MUST_HAVE).totals["one_off_eur"]


def _pushed_out() -> tuple[str, ...]:
    """The default portfolio's use cases that make room for the must-have."""
    return tuple(sorted(set(_plan().selected) - set(_plan(MUST_HAVE).selected)))


class _PlanNumberExercise(NumberExercise):
    """A number whose reference is read from a 90-day plan when it is first needed, not at import."""

    def __init__(self, *args: Any, reference: Callable[[], float], **kwargs: Any):
        self._reference = reference
        super().__init__(*args, expected=0.0, **kwargs)

    @property
    def expected(self) -> float:
        """The reference answer, from the plan."""
        return float(self._reference())

    @expected.setter
    def expected(self, value: float) -> None:
        # NumberExercise stores the number it is given; this exercise reads its own from the plan.
        pass


q2 = _PlanNumberExercise(
    LESSON,
    "q2",
    "one_off_with_uc18",
    reference=_with_must_have,
    rel_tol=0.001,
    unit=" EUR",
    hints=[
        N_(
            'Build the plan with UC18 as a must-have: `build_plan({"mandatory": ["UC18"]})` keeps every other '
            'choice at its default; read its `totals["one_off_eur"]`.'
        ),
        lazy(
            "UC18 alone costs {cost}, but the total does not rise by that much: UC18 needs {effort} of the "
            "portfolio's person-months, so cheaper use cases have to leave the portfolio to make room.",
            cost=lambda: _cost(MUST_HAVE),
            effort=lambda: _effort(MUST_HAVE),
        ),
    ],
    solution=lazy(
        '{answer}: `build_plan({{"mandatory": ["UC18"]}}).totals["one_off_eur"]`. The default plan costs '
        "{default}; UC18 adds {cost} but its {effort} person-months push out parcel routing (UC35), "
        "cash-flow forecasting (UC19) and supplier risk monitoring (UC34), {pushed} together. The team's "
        "capacity, not the budget, is what limits the plan.",
        answer=lambda: format_eur(_with_must_have()),
        default=lambda: format_eur(_plan().totals["one_off_eur"]),
        cost=lambda: _cost(MUST_HAVE),
        effort=lambda: _effort(MUST_HAVE),
        pushed=lambda: _cost(*_pushed_out()),
    ),
)

# A draft plan a colleague prepared: default choices, UC18 made a must-have, 10 person-months a quarter.
BOARD_DRAFT = {"mandatory": ["UC18"], "capacity_pm_per_quarter": 10.0}
BOARD_OPTIONS = (
    N_("No ambition is written yet"),
    N_("UC18, the instant credit check, is high-risk and has no triage note"),
    N_("The roadmap plans 10 person-months a quarter, but the team of 3 delivers at most 9"),
    N_("EUR 285,000 of the one-off budget is left unspent"),
    N_("Alvera's AI maturity is only Adopted"),
    N_("The works council is a sceptic that must be managed closely"),
    N_("Demand forecasting (UC32), ranked 3rd, is not in the portfolio"),
)

q3 = SetExercise(
    LESSON,
    "q3",
    "board_issues",
    options=BOARD_OPTIONS,
    correct=BOARD_OPTIONS[:3],
    explanations={
        BOARD_OPTIONS[3]: N_(
            "a budget the plan does not use up is no inconsistency: here the team's capacity, not money, "
            "limits the plan. Tell the committee, and keep the rest as a reserve or release it."
        ),
        BOARD_OPTIONS[4]: N_(
            "that is the starting point the plan responds to, not a flaw in it: its first moves target the "
            "weakest pillars."
        ),
        BOARD_OPTIONS[5]: N_(
            "that is a fact the plan acts on (a one-to-one meeting in the first 30 days), not something to "
            "fix before the board sees it."
        ),
        BOARD_OPTIONS[6]: N_(
            "the portfolio maximises the total score within the limits, so a high rank does not guarantee a "
            "place. Be ready to explain it, but it is not an error."
        ),
    },
    hints=[
        N_(
            "An issue to fix is something missing or contradictory in the plan itself: a required part left "
            "empty, a legal duty not addressed, or two numbers that cannot both be true."
        ),
        N_(
            "Three statements are such issues; the other four describe the situation or a consequence of the "
            "limits, which the plan can state and explain."
        ),
    ],
    solution=N_(
        "The empty ambition, the missing triage note for the high-risk credit check (UC18), and a roadmap "
        "that asks 10 person-months a quarter of a team that delivers 9. `check_plan(build_plan(BOARD_DRAFT))` "
        "lists exactly these three. Unspent budget, today's maturity, a sceptical works council and a "
        "high-ranked use case left out are facts to explain, not errors to fix."
    ),
)
