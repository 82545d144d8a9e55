"""The quarterly board report: one page of Markdown from a :class:`caiokit.board.BoardPack`.

Five sections, in the order a board reads them: value delivered (the quarter's and the cumulative P&L,
planned against actual), portfolio status (each use case's realisation and stage gate), risks and
incidents, the compliance calendar of the coming months, and the decisions asked. The text holds no
clock: the same pack always gives the same page. Tables go through ``caiokit.reports.markdown``.
"""

from __future__ import annotations

import math
import os
from pathlib import Path

from caiokit.aiact import format_date
from caiokit.benefits import BenefitsError
from caiokit.board import BoardPack, IncidentKind, Severity
from caiokit.i18n import N_, _, format_eur, format_percent, listed, ngettext
from caiokit.reports import markdown
from caiokit.stage_gates import Gate

# The file name an export suggests, in the language in use.
EXAMPLE_PATH = N_("board_report.md")

_DECISION = {
    Gate.STOP: N_("Approve stopping {id} {name}: {reason}; its running cost ends and its team moves on."),
    Gate.FIX: N_("Approve a recovery plan for {id} {name} before more money goes in: {reason}."),
}


def to_markdown(pack: BoardPack) -> str:
    """The one-page board report of the pack's quarter."""
    parts = [
        _("# AI portfolio: board report, {quarter}").format(quarter=pack.quarter),
        _("**{company}.** Figures to the end of {quarter}, planned against actual.").format(
            company=pack.company, quarter=pack.quarter
        ),
        "## " + _("1. Value delivered"),
        _value_markdown(pack),
        "## " + _("2. Portfolio status"),
        _status_markdown(pack),
        "## " + _("3. Risks and incidents"),
        _incidents_markdown(pack),
        "## " + _("4. Compliance calendar"),
        _calendar_markdown(pack),
        "## " + _("5. Decisions asked"),
        _decisions_markdown(pack),
    ]
    return "\n\n".join(part.strip() for part in parts) + "\n"


def write_report(pack: BoardPack, path: str | os.PathLike) -> Path:
    """Write the board report as Markdown to ``path`` (overwriting it) and return the path written."""
    return markdown.write(path, to_markdown(pack), example=_(EXAMPLE_PATH), error=BenefitsError)


def _value_markdown(pack: BoardPack) -> str:
    quarter = pack.pnl.iloc[-1]
    totals = pack.totals
    realised = (
        totals["actual_benefit_eur"] / totals["planned_benefit_eur"]
        if totals["planned_benefit_eur"]
        else math.nan
    )
    text = _(
        "In {quarter} the portfolio brought in {benefit} of benefit (plan {planned_benefit}) for {costs} of "
        "running and build costs (plan {planned_costs}): a P&L of {pnl} against {planned_pnl} planned. Since "
        "the start, benefits are {realised} of plan and the cumulative P&L is {cumulative} (plan "
        "{planned_cumulative})."
    ).format(
        quarter=pack.quarter,
        benefit=format_eur(quarter["actual_benefit_eur"]),
        planned_benefit=format_eur(quarter["planned_benefit_eur"]),
        costs=format_eur(quarter["actual_run_cost_eur"] + quarter["actual_build_cost_eur"]),
        planned_costs=format_eur(quarter["planned_run_cost_eur"] + quarter["planned_build_cost_eur"]),
        pnl=format_eur(quarter["actual_pnl_eur"]),
        planned_pnl=format_eur(quarter["planned_pnl_eur"]),
        realised="-" if math.isnan(realised) else format_percent(realised),
        cumulative=format_eur(totals["actual_cumulative_eur"]),
        planned_cumulative=format_eur(totals["planned_cumulative_eur"]),
    )
    rows = [
        (
            label,
            format_eur(row.planned_pnl_eur),
            format_eur(row.actual_pnl_eur),
            format_eur(row.planned_cumulative_eur),
            format_eur(row.actual_cumulative_eur),
        )
        for label, row in pack.pnl.iterrows()
    ]
    header = (
        _("Quarter"),
        _("P&L planned"),
        _("P&L actual"),
        _("Cumulative planned"),
        _("Cumulative actual"),
    )
    return text + "\n\n" + markdown.table(header, rows)


def _status_markdown(pack: BoardPack) -> str:
    rows = [
        (
            row.id,
            row.name,
            format_eur(row.actual_benefit_eur),
            "-" if math.isnan(row.realisation) else format_percent(row.realisation),
            "-" if math.isnan(row.build_overrun) else format_percent(row.build_overrun),
            Gate.label_of(row.gate),
            row.reason,
        )
        for row in pack.use_cases.itertuples(index=False)
    ]
    header = (
        _("Id"),
        _("Use case"),
        _("Benefit to date"),
        _("Of plan"),
        _("Build cost of plan"),
        _("Gate"),
        _("Why"),
    )
    counts = pack.use_cases["gate"].value_counts()
    summary = listed(f"{gate.label} {int(counts.get(gate.value, 0))}" for gate in Gate)
    return _("Stage gates: {summary}.").format(summary=summary) + "\n\n" + markdown.table(header, rows)


def _incidents_markdown(pack: BoardPack) -> str:
    count = len(pack.incidents)
    text = ngettext("{count} AI incident in {quarter}.", "{count} AI incidents in {quarter}.", count).format(
        count=count, quarter=pack.quarter
    )
    rows = [
        (
            row.id,
            f"{row.use_case} {row.name}",
            IncidentKind.label_of(row.kind),
            Severity.label_of(row.severity),
        )
        for row in pack.incidents.itertuples(index=False)
    ]
    header = (_("Incident"), _("Use case"), _("What happened"), _("Severity"))
    return text + "\n\n" + markdown.table(header, rows, empty="")


def _calendar_markdown(pack: BoardPack) -> str:
    items = [
        f"{format_date(row.date.date())}: {row.applies}" for row in pack.calendar.itertuples(index=False)
    ]
    return markdown.bullets(items, empty=_("*No EU AI Act date in the next twelve months.*"))


def _decisions_markdown(pack: BoardPack) -> str:
    items = [
        _(_DECISION[Gate(row.gate)]).format(id=row.id, name=row.name, reason=row.reason)
        for row in pack.decisions.itertuples(index=False)
    ]
    return markdown.bullets(items, empty=_("*None: every use case is on plan.*"))
