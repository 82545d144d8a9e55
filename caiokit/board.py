"""The quarterly board pack: the figures behind the one-page report, for one quarter of the case study.

``board_pack(quarter)`` gathers, to the end of that quarter: the portfolio's P&L per quarter, planned and
actual (``caiokit.benefits``); each use case's figures to date and its stage gate (``caiokit.stage_gates``);
the incidents of the quarter; the AI Act dates of the next ``lookahead_months`` months from the facts table
(``caiokit.aiact.key_dates``); and the decisions the board is asked for: one per use case whose gate is not
*continue*. ``caiokit.reports.board_report`` writes it as Markdown.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from caiokit import aiact, case_study
from caiokit.benefits import BenefitsError, planned_benefits, portfolio_pnl, tracking
from caiokit.i18n import N_, Category, _
from caiokit.stage_gates import DEFAULT_RULES, Gate, GateRules, gate_table


class IncidentKind(Category):
    """What went wrong in an AI incident, as the board log records it."""

    WRONG_ANSWER = "wrong_answer", N_("wrong or harmful answer")
    DATA_EXPOSURE = "data_exposure", N_("personal data exposed")
    OUTAGE = "outage", N_("service outage")
    COMPLAINT = "complaint", N_("customer or staff complaint")


class Severity(Category):
    """How bad an incident was."""

    MINOR = "minor", N_("minor")
    MAJOR = "major", N_("major")
    SERIOUS = "serious", N_("serious")


@dataclass(frozen=True, eq=False)
class BoardPack:
    """Everything the quarterly board report shows, as tables."""

    company: str
    quarter: str
    pnl: pd.DataFrame
    use_cases: pd.DataFrame
    incidents: pd.DataFrame
    calendar: pd.DataFrame
    decisions: pd.DataFrame

    @property
    def totals(self) -> pd.Series:
        """The portfolio's figures to date: the sums of the P&L table, and the cumulative P&L."""
        sums = self.pnl.sum()
        sums["planned_cumulative_eur"] = self.pnl["planned_cumulative_eur"].iloc[-1]
        sums["actual_cumulative_eur"] = self.pnl["actual_cumulative_eur"].iloc[-1]
        return sums


def report_quarters(case: case_study.CaseStudy | None = None) -> tuple[str, ...]:
    """The quarters with actuals, oldest first: the ones a board report can be written for."""
    case = case or case_study.load("alvera")
    return tuple(sorted(set(case.benefit_actuals["quarter"])))


def quarter_end(quarter: str) -> dt.date:
    """The last day of a quarter such as '2028-Q2' (30 June 2028)."""
    year, number = int(quarter[:4]), int(quarter[-1])
    first_of_next = dt.date(year + number // 4, number % 4 * 3 + 1, 1)
    return first_of_next - dt.timedelta(days=1)


def board_pack(
    quarter: str,
    case: case_study.CaseStudy | None = None,
    rules: GateRules = DEFAULT_RULES,
    lookahead_months: int = 12,
) -> BoardPack:
    """The board pack of the case study's sample roadmap at the end of ``quarter``."""
    case = case or case_study.load("alvera")
    if quarter not in report_quarters(case):
        known = report_quarters(case)
        raise BenefitsError(
            _("{quarter!r} has no actuals yet: choose a quarter from {first} to {last}").format(
                quarter=quarter, first=known[0], last=known[-1]
            )
        )
    plan = planned_benefits(case.sample_plan, case.catalog)
    actuals = case.benefit_actuals
    names = dict(zip(case.sample_plan["id"], case.sample_plan["name"], strict=True))
    gates = gate_table(tracking(plan, actuals, quarter), rules)
    gates.insert(1, "name", gates["id"].map(names))
    incidents = case.incidents[case.incidents["quarter"] == quarter].copy()
    incidents["name"] = incidents["use_case"].map(names)
    end = pd.Timestamp(quarter_end(quarter))
    dates = aiact.key_dates()
    upcoming = dates[(dates["date"] > end) & (dates["date"] <= end + pd.DateOffset(months=lookahead_months))]
    decisions = gates.loc[gates["gate"] != Gate.CONTINUE, ["id", "name", "gate", "reason"]]
    order = {Gate.STOP.value: 0, Gate.FIX.value: 1}
    decisions = decisions.sort_values("gate", key=lambda column: column.map(order), kind="stable")
    return BoardPack(
        company=case.company["name"],
        quarter=quarter,
        pnl=portfolio_pnl(plan, actuals, quarter),
        use_cases=gates,
        incidents=incidents.reset_index(drop=True),
        calendar=upcoming.reset_index(drop=True),
        decisions=decisions.reset_index(drop=True),
    )
