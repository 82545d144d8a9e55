"""Stage gates: continue, fix or stop a use case, decided from its figures to date by stated rules.

The rules (``GateRules``, thresholds you may change), applied to a row of ``caiokit.benefits.tracking``:

1. **Stop** a live use case that has had at least ``min_live_quarters`` live quarters and delivers less
   than ``stop_below`` of its planned benefit to date: it has had its chance, and money is better spent
   elsewhere.
2. **Fix** one whose build cost runs over ``max_build_overrun`` of plan, or, once live, whose realisation is
   below ``continue_from``: it needs a recovery plan before it gets more money.
3. **Continue** otherwise: it is on plan (a use case not live yet is judged on its build cost alone).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from caiokit.errors import CaioKitError
from caiokit.i18n import N_, Category, format_percent, text
from caiokit.validation import is_number


class Gate(Category):
    """The decision at a stage gate."""

    CONTINUE = "continue", N_("continue")
    FIX = "fix", N_("fix")
    STOP = "stop", N_("stop")


_REASONS = {
    "stop": N_("it delivers {realisation} of its planned benefit after {quarters} live quarters"),
    "overrun": N_("its build cost is {overrun} of plan"),
    "behind": N_("it delivers {realisation} of its planned benefit"),
    "on_plan": N_("on plan: {realisation} of its planned benefit"),
    "building": N_("not live yet; build cost {overrun} of plan"),
    "bad_rules": N_(
        "gate thresholds must be numbers with 0 < stop_below <= continue_from, max_build_overrun of 1 or "
        "more and min_live_quarters a whole number of 1 or more"
    ),
}


class GateError(CaioKitError):
    """The gate rules are inconsistent; the message says which condition they break."""


@dataclass(frozen=True)
class GateRules:
    """The thresholds of the stage gates (shares: 0.8 for 80%)."""

    continue_from: float = 0.8
    stop_below: float = 0.5
    min_live_quarters: int = 2
    max_build_overrun: float = 1.2

    def __post_init__(self) -> None:
        numbers = (self.continue_from, self.stop_below, self.max_build_overrun)
        if (
            not all(is_number(value) for value in numbers)
            or not 0 < self.stop_below <= self.continue_from
            or self.max_build_overrun < 1
            or isinstance(self.min_live_quarters, bool)
            or not isinstance(self.min_live_quarters, int)
            or self.min_live_quarters < 1
        ):
            raise GateError(text(_REASONS["bad_rules"]))


DEFAULT_RULES = GateRules()
"""The course's gate thresholds: continue from 80% of planned benefit, stop below 50% after two live
quarters, fix a build over 120% of its budget."""


def gate(row: pd.Series | dict, rules: GateRules = DEFAULT_RULES) -> tuple[Gate, str]:
    """The decision for one use case's figures to date, and the reason in a sentence."""
    realisation, overrun = row["realisation"], row["build_overrun"]
    live = int(row["live_quarters"])
    shown = {
        "realisation": "" if _missing(realisation) else format_percent(realisation),
        "overrun": format_percent(1.0 if _missing(overrun) else overrun),
        "quarters": live,
    }
    if live >= rules.min_live_quarters and not _missing(realisation) and realisation < rules.stop_below:
        return Gate.STOP, text(_REASONS["stop"]).format(**shown)
    if not _missing(overrun) and overrun > rules.max_build_overrun:
        return Gate.FIX, text(_REASONS["overrun"]).format(**shown)
    if _missing(realisation):
        return Gate.CONTINUE, text(_REASONS["building"]).format(**shown)
    if realisation < rules.continue_from:
        return Gate.FIX, text(_REASONS["behind"]).format(**shown)
    return Gate.CONTINUE, text(_REASONS["on_plan"]).format(**shown)


def gate_table(tracked: pd.DataFrame, rules: GateRules = DEFAULT_RULES) -> pd.DataFrame:
    """The tracking table with a ``gate`` (a Gate id) and a ``reason`` column."""
    decisions = [gate(row, rules) for _index, row in tracked.iterrows()]
    table = tracked.copy()
    table["gate"] = [str(decision) for decision, _reason in decisions]
    table["reason"] = [reason for _decision, reason in decisions]
    return table


def _missing(value: float) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))
