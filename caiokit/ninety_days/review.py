"""What must be fixed in a 90-day plan before it goes to the executive committee."""

from __future__ import annotations

from caiokit.i18n import N_, format_eur, format_percent, plain_number, text
from caiokit.ninety_days.choices import PLANNED_SHARE, Phase
from caiokit.ninety_days.plan import NinetyDayPlan, count_people

_CHECKS = {
    "ambition": N_(
        "No ambition yet: say in one or two sentences where AI should take the company in about three years."
    ),
    "no_stakeholders": N_(
        "The stakeholder map is empty: list at least the people who can make or break the programme."
    ),
    "clash": N_(
        "The portfolio's limits clash, so the plan only holds the use cases you made mandatory: {problem}"
    ),
    "empty_portfolio": N_(
        "The portfolio is empty: raise the budget or the capacity, or leave fewer use cases out."
    ),
    "prohibited": N_(
        "{id} {name} is a prohibited practice (EU AI Act Art. 5): take it out of the plan; no measure makes "
        "it lawful."
    ),
    "no_triage_note": N_(
        "{id} {name} is high-risk, but its triage note is empty: write down who does the AI Act duties, and "
        "by when, before it goes any further."
    ),
    "over_budget": N_("The portfolio's one-off cost, {cost}, exceeds the budget of {budget} by {over}."),
    "over_capacity": N_(
        "The portfolio needs {effort} person-months, more than the {capacity} it may take ({share} of what "
        "the team delivers in {quarters} quarters)."
    ),
    "unscheduled": N_(
        "{id} {name} is in the portfolio but not in the roadmap ({reason}): raise the capacity, or leave it out."
    ),
    "team_too_small": N_(
        "The roadmap plans {capacity} person-months a quarter, but {people} can deliver at most {team}: grow "
        "the team or lower the capacity."
    ),
    "no_quick_win": N_(
        "No quick win in the portfolio: add at least one high-value, high-feasibility use case to show "
        "results early."
    ),
    "untrained": N_(
        "The literacy plan gives the {audience} no training: Art. 4 of the EU AI Act asks providers and "
        "deployers to take measures that support the AI literacy of everyone who works with AI for them."
    ),
    "no_milestone": N_("{phase} has no milestone."),
}


def check_plan(plan: NinetyDayPlan) -> list[str]:
    """What must be fixed before the plan goes to the executive committee, in plain words ([] if nothing)."""
    problems = []
    names = dict(zip(plan.use_cases["id"], plan.use_cases["name"], strict=True))
    if not plan.ambition.strip():
        problems.append(text(_CHECKS["ambition"]))
    if plan.stakeholders.empty:
        problems.append(text(_CHECKS["no_stakeholders"]))
    if plan.portfolio_problem:
        problems.append(text(_CHECKS["clash"]).format(problem=_one_line(plan.portfolio_problem)))
    if not plan.selected:
        problems.append(text(_CHECKS["empty_portfolio"]))
    for use_case in plan.selected:
        tier = plan.tiers.get(use_case)
        if tier == "prohibited":
            problems.append(text(_CHECKS["prohibited"]).format(id=use_case, name=names[use_case]))
        elif tier == "high" and not plan.triage_notes.get(use_case, "").strip():
            problems.append(text(_CHECKS["no_triage_note"]).format(id=use_case, name=names[use_case]))
    cost = plan.totals["one_off_eur"]
    if cost > plan.budget_eur + 1e-6:
        problems.append(
            text(_CHECKS["over_budget"]).format(
                cost=format_eur(cost),
                budget=format_eur(plan.budget_eur),
                over=format_eur(cost - plan.budget_eur),
            )
        )
    room = plan.capacity_pm_per_quarter * plan.horizon_quarters * PLANNED_SHARE
    if plan.totals["effort_pm"] > room + 1e-9:
        problems.append(
            text(_CHECKS["over_capacity"]).format(
                effort=plain_number(plan.totals["effort_pm"]),
                capacity=plain_number(room),
                share=format_percent(PLANNED_SHARE),
                quarters=plan.horizon_quarters,
            )
        )
    table = plan.roadmap.table
    for row in table[~table["scheduled"]].itertuples(index=False):
        if plan.tiers.get(row.id) != "prohibited":
            problems.append(text(_CHECKS["unscheduled"]).format(id=row.id, name=row.name, reason=row.reason))
    if plan.capacity_pm_per_quarter > plan.team_capacity_pm_per_quarter + 1e-9:
        problems.append(
            text(_CHECKS["team_too_small"]).format(
                capacity=plain_number(plan.capacity_pm_per_quarter),
                people=count_people(plan.team_size),
                team=plain_number(plan.team_capacity_pm_per_quarter),
            )
        )
    if plan.selected and not plan.quick_wins:
        problems.append(text(_CHECKS["no_quick_win"]))
    for audience, hours in plan.literacy["hours_per_person"].items():
        if hours <= 0:
            problems.append(text(_CHECKS["untrained"]).format(audience=audience))
    for phase in Phase:
        if not plan.milestones.get(phase):
            problems.append(text(_CHECKS["no_milestone"]).format(phase=phase.label))
    return problems


def _one_line(message: str) -> str:
    """A portfolio error (a first line, maybe followed by '  - ' bullets) as one sentence."""
    lines = message.split("\n")
    bullets = [line.strip()[2:] for line in lines[1:] if line.strip().startswith("- ")]
    text = f"{lines[0].rstrip(':')}: {'; '.join(bullets)}" if bullets else lines[0]
    return text if text.endswith(".") else f"{text}."
