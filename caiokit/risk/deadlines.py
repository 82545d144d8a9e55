"""When an incident must be notified, and to whom: deadlines as datetimes from the moment of awareness.

The rules, each a row of ``caiokit/data/facts.csv``:

- GDPR Art. 33(1): a personal-data breach is notified to the supervisory authority without undue delay and,
  where feasible, not later than 72 hours after the controller became aware of it (unless it is unlikely to
  result in a risk to people); fact ``gdpr_art33_breach_72h``.
- GDPR Art. 34(1): when the breach is likely to result in a high risk to people, they are told without undue
  delay (no fixed number of hours); fact ``gdpr_art34_data_subjects``.
- AI Act Art. 73(2): the provider of a high-risk system reports a serious incident immediately after
  establishing a causal link (or its reasonable likelihood), at the latest 15 days after becoming aware;
  Art. 73(3): 2 days for a widespread infringement or a serious and irreversible disruption of critical
  infrastructure; Art. 73(4): 10 days in case of a person's death. Facts ``aiact_art73_general_15_days``,
  ``aiact_art73_widespread_2_days``, ``aiact_art73_death_10_days``.
- AI Act Art. 26(5): a deployer that identifies a serious incident immediately informs the provider (no fixed
  period); fact ``aiact_art26_deployer_informs``.

:func:`notification_deadlines` is pure: the same awareness time and facts give the same deadlines, with no
clock read. It works with naive or time-zone aware datetimes alike and returns them in the same kind. A duty
with no fixed period ("without undue delay", "immediately") has ``latest=None``; the tabletop judges those
against :data:`PROMPT_HOURS`, a convention of the course, not a legal period.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from caiokit.errors import CaioKitError
from caiokit.i18n import N_, Category, _

GDPR_BREACH_HOURS = 72
AIACT_REPORT_DAYS = {"general": 15, "widespread": 2, "death": 10}
# A course convention for "without undue delay" and "immediately" in the tabletop: within a working day.
PROMPT_HOURS = 24


class Duty(Category):
    """A notification duty; its id names the article."""

    GDPR_AUTHORITY = "gdpr_art33", N_("notify the data protection authority (GDPR Art. 33)")
    GDPR_PEOPLE = "gdpr_art34", N_("tell the people affected (GDPR Art. 34)")
    AIACT_REPORT = "aiact_art73", N_("report to the market surveillance authority (AI Act Art. 73)")
    AIACT_INFORM_PROVIDER = "aiact_art26_5", N_("inform the system's provider (AI Act Art. 26(5))")


class SeriousIncident(Category):
    """The kind of serious incident under AI Act Art. 73, which sets the latest reporting date."""

    GENERAL = "general", N_("other serious incident")
    WIDESPREAD = "widespread", N_("widespread infringement or critical infrastructure")
    DEATH = "death", N_("death of a person")


class Role(Category):
    """The organisation's role for the AI system involved."""

    PROVIDER = "provider", N_("provider")
    DEPLOYER = "deployer", N_("deployer")


FACT_OF = {
    Duty.GDPR_AUTHORITY: "gdpr_art33_breach_72h",
    Duty.GDPR_PEOPLE: "gdpr_art34_data_subjects",
    Duty.AIACT_INFORM_PROVIDER: "aiact_art26_deployer_informs",
    SeriousIncident.GENERAL: "aiact_art73_general_15_days",
    SeriousIncident.WIDESPREAD: "aiact_art73_widespread_2_days",
    SeriousIncident.DEATH: "aiact_art73_death_10_days",
}


class DeadlineError(CaioKitError):
    """The facts of an incident cannot give deadlines; the message says which and why."""


@dataclass(frozen=True)
class Deadline:
    """One duty, when it falls due (None: without undue delay, no fixed period) and the fact behind it."""

    duty: Duty
    latest: dt.datetime | None
    fact: str


def notification_deadlines(
    aware_at: dt.datetime,
    *,
    personal_data_breach: bool = False,
    high_risk_to_people: bool = False,
    serious_incident: SeriousIncident | str | None = None,
    role: Role | str = Role.PROVIDER,
) -> tuple[Deadline, ...]:
    """The notification deadlines of an incident the organisation became aware of at ``aware_at``.

    ``personal_data_breach``: GDPR Art. 33 applies (72 hours); with ``high_risk_to_people`` also Art. 34.
    ``serious_incident``: an AI Act serious incident of a high-risk system, of the kind given; a provider
    reports it (Art. 73: 15, 2 or 10 days), a deployer informs the provider (Art. 26(5)). The deadlines come
    in that order: GDPR first, then the AI Act.
    """
    if not isinstance(aware_at, dt.datetime):
        raise DeadlineError(
            _("aware_at should be a datetime, e.g. datetime(2026, 12, 10, 16, 30), not a {kind}.").format(
                kind=type(aware_at).__name__
            )
        )
    if high_risk_to_people and not personal_data_breach:
        raise DeadlineError(
            _("high_risk_to_people is about a personal-data breach: set personal_data_breach=True as well.")
        )
    kind = _parsed(SeriousIncident, serious_incident, "serious_incident")
    who = _parsed(Role, role, "role")
    deadlines = []
    if personal_data_breach:
        latest = aware_at + dt.timedelta(hours=GDPR_BREACH_HOURS)
        deadlines.append(Deadline(Duty.GDPR_AUTHORITY, latest, FACT_OF[Duty.GDPR_AUTHORITY]))
        if high_risk_to_people:
            deadlines.append(Deadline(Duty.GDPR_PEOPLE, None, FACT_OF[Duty.GDPR_PEOPLE]))
    if kind is not None:
        if who is Role.DEPLOYER:
            duty = Duty.AIACT_INFORM_PROVIDER
            deadlines.append(Deadline(duty, None, FACT_OF[duty]))
        else:
            latest = aware_at + dt.timedelta(days=AIACT_REPORT_DAYS[kind.value])
            deadlines.append(Deadline(Duty.AIACT_REPORT, latest, FACT_OF[kind]))
    return tuple(deadlines)


def _parsed(kind: type[Category], value: object, name: str) -> Category | None:
    if value is None or value == "":
        return None
    found = kind.parse(value)
    if found is None:
        raise DeadlineError(
            _("{name} is {value}; use one of {choices}.").format(
                name=name, value=repr(value), choices=", ".join(repr(m.value) for m in kind)
            )
        )
    return found


def due_by(deadline: Deadline, aware_at: dt.datetime) -> dt.datetime:
    """The time by which the tabletop expects the duty done: its deadline, or PROMPT_HOURS after awareness."""
    return deadline.latest or aware_at + dt.timedelta(hours=PROMPT_HOURS)
