"""The stakeholder map: place people on an influence x interest grid and say how to engage each one.

Conventions of the course, stated once here:

- **influence** and **interest** are whole scores from 1 (very low) to 5 (very high); 3 or more counts as
  high (``HIGH_FROM``), so a stakeholder in doubt is engaged more rather than less.
- **stance** runs from -2 (strong opponent) to +2 (champion), whole numbers only.
- The four quadrants of the 2x2 are a :class:`Quadrant` (a stable id, a label in the language in use); the
  level of influence and interest of each is in ``caiokit/data/stakeholder_advice.csv``, its engagement
  style and advice are words, in ``caiokit/data/<lang>/stakeholder_advice.csv``.
- :func:`place_stakeholders` gives a table to read: its ``quadrant`` column is the quadrant's label, and
  ``quadrant_id`` the :class:`Quadrant` that code compares.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from caiokit import datafiles
from caiokit.errors import CaioKitError
from caiokit.i18n import N_, Category, _, labelled, listed
from caiokit.validation import is_number

HIGH_FROM = 3
SCORE_RANGE = (1, 5)
STANCE_RANGE = (-2, 2)
# A stance's label and advice by its score, translated where they are shown (``_(STANCES[stance])``).
STANCES = {
    -2: N_("strong opponent"),
    -1: N_("sceptic"),
    0: N_("neutral"),
    1: N_("supporter"),
    2: N_("champion"),
}
STANCE_ADVICE = {
    -2: N_(
        "Meet in person and listen first: learn what they fear to lose. Their objections often point to a real risk."
    ),
    -1: N_("Ask what would change their mind and let them test the tool; answer each concern with evidence."),
    0: N_("Show what is in it for them with an example from their own work."),
    1: N_("Keep them close and give them a visible role, such as testing or explaining the change to peers."),
    2: N_("Make them ambassadors, and make sure they do not oversell what the AI can do."),
}
REQUIRED_COLUMNS = ("name", "influence", "interest", "stance")


class Quadrant(Category):
    """Where a stakeholder sits in the influence x interest 2x2, in the order to engage them."""

    MANAGE_CLOSELY = "manage_closely", N_("manage closely")
    KEEP_SATISFIED = "keep_satisfied", N_("keep satisfied")
    KEEP_INFORMED = "keep_informed", N_("keep informed")
    MONITOR = "monitor", N_("monitor")


QUADRANTS = tuple(Quadrant)


class StakeholderError(CaioKitError):
    """A stakeholder table is not usable; the message lists every problem found."""


def stakeholder_advice() -> pd.DataFrame:
    """The four quadrants in order (the index): level of influence and interest, engagement style, advice."""
    advice = datafiles.worded("stakeholder_advice.csv", on="quadrant")
    return advice.assign(quadrant=advice["quadrant"].map(Quadrant)).set_index("quadrant")


def quadrant(influence: int, interest: int) -> Quadrant:
    """The quadrant of one stakeholder, from influence and interest scored 1-5."""
    for column, value in (("influence", influence), ("interest", interest)):
        problem = _score_problem(column, value, SCORE_RANGE)
        if problem:
            raise StakeholderError(problem)
    high_influence, high_interest = influence >= HIGH_FROM, interest >= HIGH_FROM
    if high_influence:
        return Quadrant.MANAGE_CLOSELY if high_interest else Quadrant.KEEP_SATISFIED
    return Quadrant.KEEP_INFORMED if high_interest else Quadrant.MONITOR


def _score_problem(column: str, value: Any, bounds: tuple[int, int]) -> str | None:
    """What is wrong with one score of a column ('influence is 6, outside 1 to 5'), or None."""
    low, high = bounds
    if not is_number(value, finite=False):
        problem = _("{column} is {value}, not a whole number from {low} to {high}")
        value = repr(value)
    elif not low <= value <= high:
        problem = _("{column} is {value}, outside {low} to {high}")
    elif value != int(value):
        problem = _("{column} is {value}, but must be a whole number from {low} to {high}")
    else:
        return None
    shown = value if isinstance(value, str) else f"{value:g}"
    return problem.format(column=column, value=shown, low=low, high=high)


def place_stakeholders(stakeholders: pd.DataFrame) -> pd.DataFrame:
    """A table of stakeholders with their quadrant (label and id), engagement, advice and stance (label, advice)."""
    if not isinstance(stakeholders, pd.DataFrame):
        raise StakeholderError(
            _("expected a DataFrame with columns {columns}, got a {kind}.").format(
                columns=", ".join(REQUIRED_COLUMNS), kind=type(stakeholders).__name__
            )
        )
    missing = [column for column in REQUIRED_COLUMNS if column not in stakeholders.columns]
    if missing:
        raise StakeholderError(
            _("column(s) {missing} missing; a stakeholder table needs {columns}.").format(
                missing=", ".join(map(repr, missing)), columns=", ".join(REQUIRED_COLUMNS)
            )
        )
    if stakeholders.empty:
        raise StakeholderError(_("the table has no stakeholders: add at least one row."))
    problems = []
    names = [str(name).strip() if isinstance(name, str) else "" for name in stakeholders["name"]]
    for position, (name, row) in enumerate(zip(names, stakeholders.itertuples(index=False), strict=True)):
        who = (
            _("row {row} ({name})").format(row=position + 1, name=name)
            if name
            else _("row {row}").format(row=position + 1)
        )
        if not name:
            problems.append(_("{who}: the name is empty").format(who=who))
        for column, bounds in (
            ("influence", SCORE_RANGE),
            ("interest", SCORE_RANGE),
            ("stance", STANCE_RANGE),
        ):
            problem = _score_problem(column, getattr(row, column), bounds)
            if problem:
                problems.append(labelled(who, problem))
    duplicates = sorted({name for name in names if name and names.count(name) > 1})
    if duplicates:
        problems.append(_("listed more than once: {names}").format(names=", ".join(duplicates)))
    if problems:
        raise StakeholderError(
            _("the stakeholder table has problems: {problems}.").format(problems=listed(problems))
        )
    advice = stakeholder_advice()
    placed = stakeholders.reset_index(drop=True).copy()
    placed["name"] = names
    for column in ("influence", "interest", "stance"):
        placed[column] = placed[column].astype(int)
    ids = [quadrant(i, j) for i, j in zip(placed["influence"], placed["interest"], strict=True)]
    placed["quadrant"] = [place.label for place in ids]
    placed["engagement"] = [advice.loc[place, "engagement"] for place in ids]
    placed["advice"] = [advice.loc[place, "advice"] for place in ids]
    placed["stance_label"] = [_(STANCES[stance]) for stance in placed["stance"]]
    placed["stance_advice"] = [_(STANCE_ADVICE[stance]) for stance in placed["stance"]]
    placed["quadrant_id"] = ids
    return placed


def engagement_order(placed: pd.DataFrame) -> pd.DataFrame:
    """Placed stakeholders in the order to engage them: by quadrant, opponents first, then by influence."""
    ranked = placed.assign(_quadrant=placed["quadrant_id"].map(QUADRANTS.index))
    ranked = ranked.sort_values(
        ["_quadrant", "stance", "influence"], ascending=[True, True, False], kind="stable"
    )
    return ranked.drop(columns="_quadrant")
