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

The package, one module per concern: ``choices`` (phases, presets, defaults, the checks of the learner's
choices), ``plan`` (the plan as built), ``build`` (``build_plan``), ``milestones`` (what each phase's results
call for) and ``review`` (``check_plan``).
"""

from caiokit.ninety_days.build import build_plan, plan_catalog, split_headcount
from caiokit.ninety_days.choices import (
    CASE_STUDY,
    CHOICE_MEANINGS,
    DISCOUNT_RATE,
    FINANCE_YEARS,
    PLANNED_SHARE,
    PM_PER_PERSON_PER_QUARTER,
    WEIGHT_PRESETS,
    CatalogSource,
    NinetyDayError,
    Phase,
    WeightPreset,
    default_choices,
    explain_choices,
    explain_presets,
    parse_notes,
    weights_for,
)
from caiokit.ninety_days.plan import NinetyDayPlan, count_people, quick_win_schedule
from caiokit.ninety_days.review import check_plan

__all__ = [
    "CASE_STUDY",
    "CHOICE_MEANINGS",
    "DISCOUNT_RATE",
    "FINANCE_YEARS",
    "PLANNED_SHARE",
    "PM_PER_PERSON_PER_QUARTER",
    "WEIGHT_PRESETS",
    "CatalogSource",
    "NinetyDayError",
    "NinetyDayPlan",
    "Phase",
    "WeightPreset",
    "build_plan",
    "check_plan",
    "count_people",
    "default_choices",
    "explain_choices",
    "explain_presets",
    "parse_notes",
    "plan_catalog",
    "quick_win_schedule",
    "split_headcount",
    "weights_for",
]
