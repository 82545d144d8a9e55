"""An AI risk register: each risk scored likelihood x impact, and compared with the board's risk appetite.

Conventions of the course: likelihood and impact are each scored 1 (rare, minor) to 5 (almost certain,
severe), so a score is 1 to 25. The board sets its appetite as the highest score it accepts per category of
risk (``risk_appetite.csv``): a risk above it must be treated (avoided, reduced or transferred), never merely
accepted, and its residual score (after treatment) must come within the appetite, or the risk goes back to
the board. Alvera's register is ``risk_register.csv``, with each risk's words in ``en/risk_register.csv``.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from caiokit import datafiles
from caiokit.errors import ProblemsError
from caiokit.i18n import N_, NP_, Category, _
from caiokit.validation import is_whole

SCALE = (1, 5)
SCORED = ("likelihood", "impact", "residual_likelihood", "residual_impact")
COLUMNS = ("id", "category", "likelihood", "impact", "treatment", "residual_likelihood", "residual_impact")


class RiskCategory(Category):
    """A category of risk, for which the board sets an appetite."""

    PRIVACY = "privacy", N_("privacy")
    SECURITY = "security", N_("security")
    FUNDAMENTAL_RIGHTS = "fundamental_rights", N_("fundamental rights")
    FINANCIAL = "financial", N_("financial")
    OPERATIONAL = "operational", N_("operational")


class Treatment(Category):
    """What is done about a risk."""

    AVOID = "avoid", NP_("risk treatment", "avoid")
    REDUCE = "reduce", N_("reduce")
    TRANSFER = "transfer", N_("transfer")
    ACCEPT = "accept", N_("accept")


class Verdict(Category):
    """What the register says of a risk once compared with the appetite."""

    WITHIN = "within", N_("within appetite")
    TREATED = "treated", N_("above appetite, treated to within it")
    ACCEPTED_ABOVE = "accepted_above", N_("above appetite but accepted: treat it or ask the board")
    STILL_ABOVE = "still_above", N_("still above appetite after treatment: back to the board")


class RegisterError(ProblemsError):
    """A risk register or an appetite has problems; ``problems`` lists each."""

    headline = N_("{what} has {count} problem(s)")


def alvera_register() -> pd.DataFrame:
    """Alvera's AI risk register, one row per risk with its words (``risk``)."""
    frame = datafiles.worded("risk_register.csv", on="id")
    for column in SCORED:
        frame[column] = frame[column].astype(int)
    return frame


def alvera_appetite() -> dict[RiskCategory, int]:
    """The highest score Alvera's board accepts, per category of risk."""
    frame = datafiles.table("risk_appetite.csv")
    return {RiskCategory(row.category): int(row.max_score) for row in frame.itertuples(index=False)}


def _problems(register: pd.DataFrame, appetite: Mapping[str, int]) -> list[str]:
    problems = []
    missing = [c for c in COLUMNS if c not in register.columns]
    if missing:
        return [_("column(s) {columns} missing").format(columns=", ".join(missing))]
    low, high = SCALE
    for row in register.itertuples(index=False):
        for column in SCORED:
            value = getattr(row, column)
            if not is_whole(value) or not low <= value <= high:
                problems.append(
                    _("{risk}: {column} is {value}, not a whole number from {low} to {high}").format(
                        risk=row.id, column=column, value=repr(value), low=low, high=high
                    )
                )
        if RiskCategory.parse(row.category) is None:
            problems.append(
                _("{risk}: {category} is not a category ({categories})").format(
                    risk=row.id, category=repr(row.category), categories=", ".join(RiskCategory)
                )
            )
        elif RiskCategory.parse(row.category) not in appetite:
            problems.append(
                _("{risk}: the board set no appetite for {category}").format(
                    risk=row.id, category=row.category
                )
            )
        if Treatment.parse(row.treatment) is None:
            problems.append(
                _("{risk}: {treatment} is not a treatment ({treatments})").format(
                    risk=row.id, treatment=repr(row.treatment), treatments=", ".join(Treatment)
                )
            )
    for category, limit in appetite.items():
        if not is_whole(limit) or not 1 <= limit <= high * high:
            problems.append(
                _("the appetite for {category} is {limit}, not a whole score from 1 to {top}").format(
                    category=category, limit=repr(limit), top=high * high
                )
            )
    return problems


def assess(register: pd.DataFrame, appetite: Mapping[str, int]) -> pd.DataFrame:
    """The register with its scores (likelihood x impact, before and after treatment) against the appetite.

    Adds ``score``, ``appetite``, ``exceeds`` (the score is above the appetite), ``residual_score``,
    ``residual_exceeds`` and ``verdict`` (a :class:`Verdict`), in the register's order.
    """
    limits = {RiskCategory.parse(k): v for k, v in appetite.items() if RiskCategory.parse(k) is not None}
    problems = _problems(register, limits)
    if problems:
        raise RegisterError(_("the risk register"), problems)
    out = register.copy()
    out["score"] = out["likelihood"] * out["impact"]
    out["appetite"] = out["category"].map(lambda c: limits[RiskCategory.parse(c)])
    out["exceeds"] = out["score"] > out["appetite"]
    out["residual_score"] = out["residual_likelihood"] * out["residual_impact"]
    out["residual_exceeds"] = out["residual_score"] > out["appetite"]
    out["verdict"] = [_verdict(row) for row in out.itertuples(index=False)]
    return out


def _verdict(row) -> Verdict:
    if not row.exceeds:
        return Verdict.WITHIN
    if Treatment.parse(row.treatment) is Treatment.ACCEPT:
        return Verdict.ACCEPTED_ABOVE
    return Verdict.STILL_ABOVE if row.residual_exceeds else Verdict.TREATED


def above_appetite(register: pd.DataFrame, appetite: Mapping[str, int]) -> tuple[str, ...]:
    """The ids of the risks whose score (before treatment) is above the board's appetite for their category."""
    assessed = assess(register, appetite)
    return tuple(assessed.loc[assessed["exceeds"], "id"])
