"""The milestones a plan's results call for, phase by phase, in plain words."""

from __future__ import annotations

import pandas as pd

from caiokit.aiact import Tier
from caiokit.catalog import Technique
from caiokit.i18n import _, format_eur, format_number, listed, ngettext
from caiokit.ninety_days.choices import Phase
from caiokit.ninety_days.plan import NinetyDayPlan, count_people, quick_win_schedule
from caiokit.stakeholders import HIGH_FROM
from caiokit.stakeholders import quadrant as stakeholder_quadrant
from caiokit.teams import Role

# A selected use case whose data readiness (1 to 5 in the catalog) is at most this waits on its data.
WEAK_DATA_READINESS = 3


def suggested_milestones(plan: NinetyDayPlan) -> dict[Phase, tuple[str, ...]]:
    """The milestones each phase's results call for, in plain words."""
    listen = []
    # The stakeholders of high influence and high interest.
    close = plan.stakeholders[plan.stakeholders["quadrant_id"] == stakeholder_quadrant(HIGH_FROM, HIGH_FROM)]
    if len(close):
        listen.append(
            ngettext(
                "Meet the {count} stakeholder to manage closely one to one, opponents first: {names}.",
                "Meet the {count} stakeholders to manage closely one to one, opponents first: {names}.",
                len(close),
            ).format(count=len(close), names=", ".join(close["name"]))
        )
    listen.append(
        _(
            "Run the maturity self-assessment with the executive committee (today: {level}, {score} of 5) and "
            "agree the next moves on the weakest pillars."
        ).format(level=plan.maturity.level, score=format_number(float(plan.maturity.overall_score), 2))
    )
    listen.append(_("Start the inventory of AI systems already in use, each with its EU AI Act tier."))
    chosen = plan.use_cases
    weak = sorted(chosen.loc[chosen["data_readiness"] <= WEAK_DATA_READINESS, "id"])
    if weak:
        listen.append(
            _(
                "Measure the data of {ids} (data readiness {limit} or less) against a quality SLA with their "
                "owners and stewards, and list what fixing each source unlocks (lesson 12's "
                "DataReadinessAssessment)."
            ).format(ids=", ".join(weak), limit=WEAK_DATA_READINESS)
        )

    decide = [
        _(
            "Agree the scoring weights ({preset}) with the executive committee and publish the ranking."
        ).format(preset=plan.weights_preset.label)
    ]
    if plan.selected:
        decide.append(
            ngettext(
                "Get the portfolio approved: {count} use case, {cost} one-off within a budget of {budget}.",
                "Get the portfolio approved: {count} use cases, {cost} one-off within a budget of {budget}.",
                len(plan.selected),
            ).format(
                count=len(plan.selected),
                cost=format_eur(plan.totals["one_off_eur"]),
                budget=format_eur(plan.budget_eur),
            )
        )
    counts = pd.Series(plan.tiers, dtype=str).value_counts()
    if len(counts):
        tiers = ", ".join(f"{counts[tier]} {tier.label}" for tier in Tier if tier in counts)
        decide.append(
            _("Record the AI Act triage of every selected use case in the inventory ({tiers}).").format(
                tiers=tiers
            )
        )
    high = [use_case for use_case, tier in plan.tiers.items() if tier == "high"]
    if high:
        decide.append(
            _("Assign the high-risk deployer duties of {ids} before any use (Art. 26).").format(
                ids=", ".join(high)
            )
        )
    generative = sorted(chosen.loc[chosen["technique"] == Technique.GENERATIVE_AI, "id"])
    if generative:
        decide.append(
            _(
                "Choose the pattern of each generative AI use case ({ids}), decide build, buy, partner or "
                "wait, and price it per month before signing with a provider (lesson 11's BuildBuyDecision "
                "and CostCalculator)."
            ).format(ids=", ".join(generative))
        )
    decide.append(
        _(
            "Open the AI risk register against a risk appetite the board approves, and rehearse incident "
            "response on a tabletop: 72 hours to notify a personal-data breach under GDPR Art. 33{high} "
            "(lesson 13's IncidentTabletop)."
        ).format(
            high=_(
                ", and at most 15 days to report a serious incident of a high-risk system under AI Act Art. 73"
            )
            if "high" in plan.tiers.values()
            else ""
        )
    )
    gaps = plan.team_gaps
    if gaps:
        decide.append(
            _(
                "Staff the team of {people}, and cover the gaps ({gaps} people at the peak) by hiring, "
                "borrowing from the business units, or a partner."
            ).format(
                people=count_people(plan.team_size),
                gaps=listed(
                    f"{Role.label_of(column)} {format_number(float(gap), 1)}" for column, gap in gaps.items()
                ),
            )
        )
    else:
        decide.append(_("Staff the team of {people}.").format(people=count_people(plan.team_size)))

    launch = []
    if plan.quick_wins:
        launch.append(
            _("Announce the quick wins and when each should show results: {wins}.").format(
                wins=", ".join(f"{use_case} ({when})" for use_case, _name, when in quick_win_schedule(plan))
            )
        )
    table = plan.roadmap.table
    first = table[table["scheduled"] & (table["start_index"] == 0)]
    if len(first):
        launch.append(
            _(
                "Launch the roadmap's first quarter ({quarter}), each use case with a sponsor, a success metric "
                "and its data access agreed: {ids}."
            ).format(quarter=plan.roadmap.quarters[0], ids=", ".join(sorted(first["id"])))
        )
    launch.append(
        _(
            "Agree the KPI tree of each launched use case, from the company objective down to its model "
            "metric, and send the board its first quarterly report at the end of {quarter} (lesson 14's "
            "BoardReport)."
        ).format(quarter=plan.roadmap.quarters[0])
    )
    launch.append(
        _("Start AI literacy training, executives and managers first: {hours} hours in all.").format(
            hours=format_number(plan.literacy_totals["total_hours"])
        )
    )
    if plan.adkar is not None and plan.adkar.barrier is not None:
        launch.append(
            _("Work on the first users' barrier point, {barrier}, before the first rollout.").format(
                barrier=plan.adkar.barrier.label
            )
        )
    return {Phase.LISTEN: tuple(listen), Phase.DECIDE: tuple(decide), Phase.LAUNCH: tuple(launch)}
