"""Incident tabletop exercises: a scenario played step by step, hour by hour, and its post-incident review.

A scenario (``incident_scenarios.csv``) names the use case involved, the moment Alvera became aware (hour 0)
and the facts that set its notification duties (:func:`caiokit.risk.deadlines.notification_deadlines`). Each
step (``incident_steps.csv``) happens a number of hours after awareness and offers options
(``incident_options.csv``): one is the good decision, and an option may fulfil a duty (``acts``). The words
(situations, decisions, feedback) are in ``caiokit/data/<lang>/``. :func:`review` judges a set of choices:
which decisions were wrong, and for each duty when it was done against when it was due.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from caiokit import datafiles
from caiokit.errors import CaioKitError
from caiokit.i18n import N_, Category, _
from caiokit.risk.deadlines import Deadline, Duty, due_by, notification_deadlines


class DutyStatus(Category):
    """Where a notification duty stands."""

    MET = "met", N_("done in time")
    LATE = "late", N_("done late")
    PENDING = "pending", N_("not done yet")
    MISSED = "missed", N_("missed")


class TabletopError(CaioKitError):
    """A scenario or a choice is unknown; the message lists the valid ones."""


@dataclass(frozen=True)
class Option:
    """One decision offered at a step."""

    id: str
    decision: str
    good: bool
    acts: Duty | None
    feedback: str


@dataclass(frozen=True)
class Step:
    """A moment of the scenario: hours after awareness, what happens, and the options."""

    number: int
    hour: int
    situation: str
    options: tuple[Option, ...]

    def option(self, option_id: str) -> Option:
        """The option with this id ('a', 'b'...)."""
        for option in self.options:
            if option.id == option_id:
                return option
        raise TabletopError(
            _("step {step} has no option {option}; choose one of {options}.").format(
                step=self.number, option=repr(option_id), options=", ".join(o.id for o in self.options)
            )
        )


@dataclass(frozen=True)
class Scenario:
    """A tabletop scenario with its steps and the deadlines its facts set."""

    id: str
    title: str
    summary: str
    use_case: str
    aware_at: dt.datetime
    steps: tuple[Step, ...]
    deadlines: tuple[Deadline, ...]

    def at(self, hour: float) -> dt.datetime:
        """The date and time ``hour`` hours after awareness."""
        return self.aware_at + dt.timedelta(hours=hour)


@dataclass(frozen=True)
class DutyOutcome:
    """A duty of the scenario: when it was due (by the tabletop's reading), when it was done, its status."""

    deadline: Deadline
    due: dt.datetime
    done_at: dt.datetime | None
    status: DutyStatus


@dataclass(frozen=True)
class Review:
    """The post-incident review of a set of choices: the wrong decisions and every duty's outcome."""

    scenario: Scenario
    decided: int
    good: int
    wrong: tuple[tuple[Step, Option], ...]
    duties: tuple[DutyOutcome, ...]

    @property
    def finished(self) -> bool:
        """True once every step is decided."""
        return self.decided == len(self.scenario.steps)


def scenario_ids() -> tuple[str, ...]:
    """The ids of the tabletop scenarios, in the table's order."""
    return tuple(datafiles.table("incident_scenarios.csv")["scenario"])


def load_scenario(scenario_id: str) -> Scenario:
    """A scenario with its steps, options and deadlines, in the language in use."""
    scenarios = datafiles.worded("incident_scenarios.csv", on="scenario").set_index("scenario")
    if scenario_id not in scenarios.index:
        raise TabletopError(
            _("{scenario} is not a scenario; choose one of {known}.").format(
                scenario=repr(scenario_id), known=", ".join(scenarios.index)
            )
        )
    row = scenarios.loc[scenario_id]
    aware_at = dt.datetime.fromisoformat(row["aware_at"])
    options = datafiles.worded("incident_options.csv", on=["scenario", "step", "option"])
    options = options[options["scenario"] == scenario_id]
    steps = datafiles.worded("incident_steps.csv", on=["scenario", "step"])
    steps = steps[steps["scenario"] == scenario_id]
    built = tuple(
        Step(
            number=int(step.step),
            hour=int(step.hour),
            situation=step.situation,
            options=tuple(
                Option(o.option, o.decision, o.good == "1", Duty(o.acts) if o.acts else None, o.feedback)
                for o in options[options["step"] == step.step].itertuples(index=False)
            ),
        )
        for step in steps.itertuples(index=False)
    )
    deadlines = notification_deadlines(
        aware_at,
        personal_data_breach=row["personal_data_breach"] == "1",
        high_risk_to_people=row["high_risk_to_people"] == "1",
        serious_incident=row["serious_incident"] or None,
        role=row["role"] or "provider",
    )
    return Scenario(scenario_id, row["title"], row["summary"], row["use_case"], aware_at, built, deadlines)


def review(scenario: Scenario, choices: Mapping[int, str], now_hour: float | None = None) -> Review:
    """Judge the choices made so far (step number -> option id), as seen ``now_hour`` hours after awareness.

    A duty done by its due time is met, after it late; a duty not done is pending while its due time is
    ahead of ``now_hour``, else missed. Without ``now_hour``, the scenario is over: nothing is pending.
    """
    numbers = {step.number for step in scenario.steps}
    unknown = sorted(set(choices) - numbers)
    if unknown:
        raise TabletopError(
            _("the scenario has no step {steps}; its steps are 1 to {last}.").format(
                steps=", ".join(map(str, unknown)), last=len(scenario.steps)
            )
        )
    chosen = [(step, step.option(choices[step.number])) for step in scenario.steps if step.number in choices]
    done: dict[Duty, dt.datetime] = {}
    for step, option in chosen:
        if option.acts is not None and option.acts not in done:
            done[option.acts] = scenario.at(step.hour)
    now = None if now_hour is None else scenario.at(now_hour)
    duties = []
    for deadline in scenario.deadlines:
        due = due_by(deadline, scenario.aware_at)
        done_at = done.get(deadline.duty)
        if done_at is not None:
            status = DutyStatus.MET if done_at <= due else DutyStatus.LATE
        elif now is not None and now <= due:
            status = DutyStatus.PENDING
        else:
            status = DutyStatus.MISSED
        duties.append(DutyOutcome(deadline, due, done_at, status))
    wrong = tuple((step, option) for step, option in chosen if not option.good)
    return Review(scenario, len(chosen), len(chosen) - len(wrong), wrong, tuple(duties))
