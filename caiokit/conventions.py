"""The course's conventions: the assumptions every lesson, tool and check shares unless told otherwise.

They are written here once. A function that uses one takes it as a default argument
(``rate: float = COURSE.discount_rate``), so a learner can pass their company's figure instead; a widget
starts its control at it; a check computes its reference answer with it. Change a value here and the
tools and checks follow; the lessons' prose, which quotes some of these values, does not.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Conventions:
    """The numbers the course assumes for money, time and people."""

    discount_rate: float = 0.08
    """Yearly rate for NPV: a round figure close to a European company's cost of capital, and easy to
    redo by hand (divide by 1.08, 1.08 ** 2...)."""

    finance_years: int = 3
    """Years of benefit counted after the one-off cost: the span of the AI strategy's ambition (about
    three years), short enough that distant, uncertain benefits cannot carry a weak use case."""

    pm_per_person_per_quarter: float = 3.0
    """Person-months one person delivers in a quarter: full time, the quarter's three months. Time for
    surprises and for running what is live is kept by ``planned_share``, not taken off each person."""

    planned_share: float = 0.8
    """Share of the team's person-months a portfolio may take: the rest is a buffer for surprises and for
    running what is already live, and it lets the roadmap fit work that spans several quarters."""

    start_quarter: str = "2027-Q1"
    """First quarter of a roadmap: the one after the course's present (December 2026), when the new
    CAIO's first plan starts."""

    horizon_quarters: int = 8
    """Quarters a roadmap covers: two years, the case study's first wave (2027-2028), long enough for
    the slowest use cases to show value."""

    default_budget_eur: int = 1_500_000
    """One-off budget the planners start from: under a third of what the whole catalog would cost
    (about EUR 5 million), so that the learner has to choose."""

    default_capacity_pm: float = 30.0
    """Person-months of work the planners' portfolio may use in all, to start with: about a seventh of
    the whole catalog's effort, so that people, not only money, limit the choice."""

    team_pm_per_quarter: float = 8.0
    """Person-months of work a roadmap plans each quarter, to start with: the case study's AI team of
    three delivers at most nine (``pm_per_person_per_quarter`` each), and eight leaves a little slack."""


COURSE = Conventions()
"""The conventions in force: every default in caiokit comes from this instance."""
