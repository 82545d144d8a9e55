"""A 90-day plan as built: everything the new CAIO decided, and what the plan's readers ask of it."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from caiokit.adkar import AdkarResult
from caiokit.i18n import _, ngettext
from caiokit.maturity import MaturityResult
from caiokit.ninety_days.choices import PM_PER_PERSON_PER_QUARTER, Phase, WeightPreset
from caiokit.roadmap import Roadmap


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
