"""The 90-day plan as the document the new CAIO takes to the executive committee, and the file it goes to.

``to_markdown`` writes one Markdown document: the company's ambition, objectives and limits, a section per
phase of the plan (``caiokit.ninety_days.Phase``) with its tables and milestones, then the open points that
``check_plan`` lists. It holds no date or clock, so the same plan always gives the same text.
``write_plan`` saves it to a file. Every table goes through ``caiokit.reports.markdown``, so a name with a
'|' in it stays in its cell.
"""

from __future__ import annotations

import math
import os
from pathlib import Path

import pandas as pd

from caiokit.adkar import AdkarResult
from caiokit.aiact import obligations
from caiokit.i18n import (
    N_,
    _,
    format_eur,
    format_number,
    format_percent,
    labelled,
    listed,
    lower_first,
    ngettext,
    plain_number,
    text,
)
from caiokit.ninety_days import (
    DISCOUNT_RATE,
    FINANCE_YEARS,
    PM_PER_PERSON_PER_QUARTER,
    NinetyDayError,
    NinetyDayPlan,
    Phase,
    check_plan,
    count_people,
    quick_win_schedule,
)
from caiokit.reports import markdown
from caiokit.roadmap import quarterly_load
from caiokit.roles import ROLES
from caiokit.scoring import Quadrant, explain_weights
from caiokit.teams import Role

# The file name an export suggests, in the language in use.
EXAMPLE_PATH = N_("my_90_day_plan.md")

_DOC = {
    "none": N_("*None.*"),
    "to_complete": N_("*To be completed.*"),
    "clean": N_("None: the plan holds together."),
}


def to_markdown(plan: NinetyDayPlan) -> str:
    """The whole plan as one Markdown document: a section per phase, then the open points."""
    none = text(_DOC["none"])
    caio = ROLES["CAIO"]
    parts = [
        _("# My first 90 days as Chief AI Officer: {company}").format(company=plan.company),
        _("**Ambition.** {ambition}").format(ambition=plan.ambition or text(_DOC["to_complete"])),
        _("**The role.** The {title} {description}").format(
            title=caio.title, description=lower_first(caio.description)
        ),
        _("**Business objectives.**")
        + "\n\n"
        + markdown.bullets(labelled(key, said) for key, said in plan.objectives),
        _(
            "**Limits.** One-off budget {budget}; the AI team delivers {capacity} person-months a quarter "
            "over {quarters} quarters from {start}; {people} in the AI team."
        ).format(
            budget=format_eur(plan.budget_eur),
            capacity=plain_number(plan.capacity_pm_per_quarter),
            quarters=plan.horizon_quarters,
            start=plan.roadmap.quarters[0],
            people=count_people(plan.team_size),
        ),
        f"## {Phase.LISTEN.label}",
        "### " + _("AI maturity today"),
        plan.maturity.to_markdown(),
        "### " + _("Stakeholder map"),
        _stakeholder_markdown(plan.stakeholders),
        *_milestones_markdown(plan, Phase.LISTEN),
        f"## {Phase.DECIDE.label}",
        "### " + _("Prioritised use cases and budget"),
        _weights_markdown(plan),
        _use_case_markdown(plan),
        _totals_markdown(plan),
        "### " + _("EU AI Act triage of the selected use cases"),
        _triage_markdown(plan),
        "### " + _("Team"),
        _team_markdown(plan),
        *_milestones_markdown(plan, Phase.DECIDE),
        f"## {Phase.LAUNCH.label}",
        "### " + _("Roadmap"),
        _roadmap_markdown(plan),
        "### " + _("Quick wins"),
        markdown.bullets(
            (f"{use_case} {name} ({when})" for use_case, name, when in quick_win_schedule(plan)), empty=none
        ),
        "### " + _("AI literacy plan"),
        _literacy_markdown(plan),
        "### " + _("Change: the first users"),
        _adkar_markdown(plan.adkar),
        *_milestones_markdown(plan, Phase.LAUNCH),
        "## " + _("Open points"),
        markdown.bullets(check_plan(plan), empty=text(_DOC["clean"])),
    ]
    return "\n\n".join(part.strip() for part in parts) + "\n"


def write_plan(plan: NinetyDayPlan, path: str | os.PathLike) -> Path:
    """Write the plan as Markdown to ``path`` (overwriting it) and return the path written."""
    return markdown.write(path, to_markdown(plan), example=_(EXAMPLE_PATH), error=NinetyDayError)


def _milestones_markdown(plan: NinetyDayPlan, phase: Phase) -> tuple[str, str]:
    """A phase's milestones: their heading, then one bullet each."""
    items = plan.milestones.get(phase, ())
    return "### " + _("Milestones"), markdown.bullets(items, empty=text(_DOC["none"]))


def _stakeholder_markdown(placed: pd.DataFrame) -> str:
    rows = [
        (row.name, row.quadrant, row.stance_label, row.engagement) for row in placed.itertuples(index=False)
    ]
    header = (_("Stakeholder"), _("Quadrant"), _("Stance"), _("Engagement"))
    return markdown.table(header, rows, empty=text(_DOC["none"]))


def _weights_markdown(plan: NinetyDayPlan) -> str:
    table = explain_weights(plan.weights)
    shown = ", ".join(
        f"{row.criterion} {format_percent(row.weight)}"
        for row in table.itertuples(index=False)
        if row.weight > 0
    )
    return _(
        "Weights ({preset}): {weights}. The portfolio is the combination with the highest total score within "
        "the budget and the team's person-months; prohibited use cases are never chosen."
    ).format(preset=plan.weights_preset.label, weights=shown)


def _use_case_markdown(plan: NinetyDayPlan) -> str:
    rows = [
        (
            "-" if pd.isna(row.rank) else int(row.rank),
            row.id,
            row.name,
            Quadrant.label_of(row.quadrant),
            format_number(row.cost_one_off_eur),
            format_number(row.benefit_yearly_eur),
            plain_number(row.effort_pm),
        )
        for row in plan.use_cases.itertuples(index=False)
    ]
    header = (
        _("Rank"),
        _("Id"),
        _("Use case"),
        _("2x2"),
        _("One-off EUR"),
        _("Benefit EUR/year"),
        _("Effort pm"),
    )
    return markdown.table(header, rows, empty=text(_DOC["none"]))


def _totals_markdown(plan: NinetyDayPlan) -> str:
    t = plan.totals
    # Numbers with decimals are rounded by Python first, as they always were: Babel alone would round the
    # shortest decimal text half to even (0.45 to 0.4, where Python's exact binary value gives 0.5).
    if math.isnan(t["payback_years"]):
        payback = _("no payback")
    else:
        payback = _("payback in {years} years").format(years=format_number(float(t["payback_years"]), 1))
    count = int(t["use_cases"])
    text = ngettext(
        "**Totals.** {count} use case; one-off {one_off} of a budget of {budget}; {effort} person-months; "
        "yearly benefit {benefit} for {running} of yearly running cost; NPV {npv} at {rate} over {years} "
        "years, {payback}.",
        "**Totals.** {count} use cases; one-off {one_off} of a budget of {budget}; {effort} person-months; "
        "yearly benefit {benefit} for {running} of yearly running cost; NPV {npv} at {rate} over {years} "
        "years, {payback}.",
        count,
    ).format(
        count=count,
        one_off=format_eur(t["one_off_eur"]),
        budget=format_eur(plan.budget_eur),
        effort=plain_number(t["effort_pm"]),
        benefit=format_eur(t["yearly_benefit_eur"]),
        running=format_eur(t["yearly_running_eur"]),
        npv=format_eur(t["npv_eur"]),
        rate=format_percent(DISCOUNT_RATE),
        years=FINANCE_YEARS,
        payback=payback,
    )
    if plan.portfolio_problem:
        text += "\n\n" + _("**The limits clash.** {problem}").format(problem=plan.portfolio_problem)
    return text


def _triage_markdown(plan: NinetyDayPlan) -> str:
    names = dict(zip(plan.use_cases["id"], plan.use_cases["name"], strict=True))
    rows = [
        (use_case, names[use_case], tier, plan.triage_basis[use_case], plan.triage_notes.get(use_case, ""))
        for use_case, tier in plan.tiers.items()
    ]
    header = (_("Id"), _("Use case"), _("Tier"), _("Why"), _("Note"))
    section = markdown.table(header, rows, empty=text(_DOC["none"]))
    if "high" in plan.tiers.values():
        duties = markdown.bullets(obligations("high", "deployer"))
        intro = _("As deployer of a high-risk system, {company} must:").format(company=plan.company)
        section += f"\n\n{intro}\n\n{duties}"
    return section


def _team_markdown(plan: NinetyDayPlan) -> str:
    rows = [
        (
            Role.label_of(role),
            int(row.people),
            format_number(float(row.peak_need_people), 1),
            int(row.quarters_short),
            format_number(float(row.max_gap_people), 1),
        )
        for role, row in plan.team.iterrows()
        if row.people > 0 or row.peak_need_people > 0
    ]
    section = _("{people}, delivering up to {capacity} person-months a quarter at {each} per person.").format(
        people=count_people(plan.team_size),
        capacity=plain_number(plan.team_capacity_pm_per_quarter),
        each=plain_number(PM_PER_PERSON_PER_QUARTER),
    )
    header = (_("Role"), _("People"), _("Needed at peak"), _("Quarters short"), _("Largest gap (people)"))
    return section + "\n\n" + markdown.table(header, rows, empty=text(_DOC["none"]))


def _roadmap_markdown(plan: NinetyDayPlan) -> str:
    table = plan.roadmap.table
    rows = [
        (row.id, row.name, row.start_quarter, row.end_quarter)
        for row in table[table["scheduled"]].sort_values(["start_index", "id"]).itertuples(index=False)
    ]
    section = markdown.table((_("Id"), _("Use case"), _("Start"), _("End")), rows, empty=text(_DOC["none"]))
    load = listed(
        _("{quarter} {load} of {capacity} pm").format(
            quarter=quarter, load=plain_number(row.load_pm), capacity=plain_number(row.capacity_pm)
        )
        for quarter, row in quarterly_load(plan.roadmap).iterrows()
    )
    section += "\n\n" + _("Load per quarter: {load}").format(load=load)
    left = table[~table["scheduled"]]
    if len(left):
        section += (
            "\n\n"
            + _("Not in the roadmap:")
            + "\n\n"
            + markdown.bullets(f"{row.id} {row.name}: {row.reason}" for row in left.itertuples(index=False))
        )
    return section


def _literacy_markdown(plan: NinetyDayPlan) -> str:
    rows = [
        (
            audience,
            format_number(row.headcount),
            plain_number(row.hours_per_person),
            format_number(row.total_hours),
        )
        for audience, row in plan.literacy.iterrows()
    ]
    t = plan.literacy_totals
    header = (_("Audience"), _("People"), _("Hours each"), _("Total hours"))
    total = _("{hours} hours for {people} people, {cost} of working time.").format(
        hours=format_number(t["total_hours"]),
        people=format_number(t["headcount"]),
        cost=format_eur(t["cost_eur"]),
    )
    return markdown.table(header, rows, empty=text(_DOC["none"])) + "\n\n" + total


def _adkar_markdown(adkar: AdkarResult | None) -> str:
    if adkar is None:
        return text(_DOC["to_complete"])
    if adkar.barrier is None:
        return adkar.advice
    return _("Barrier point: **{barrier}**. {advice}").format(
        barrier=adkar.barrier.label, advice=adkar.advice
    )
