"""The stakeholder map: place people on an influence x interest grid and say how to engage each one.

Conventions of the course, stated once here:

- **influence** and **interest** are whole scores from 1 (very low) to 5 (very high); 3 or more counts as
  high (``HIGH_FROM``), so a stakeholder in doubt is engaged more rather than less.
- **stance** runs from -2 (strong opponent) to +2 (champion), whole numbers only.
- The four quadrants and their engagement advice are data, in ``caiokit/data/stakeholder_advice.csv``.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from caiokit import datafiles
from caiokit.errors import CaioKitError
from caiokit.validation import is_number

HIGH_FROM = 3
SCORE_RANGE = (1, 5)
STANCE_RANGE = (-2, 2)
STANCES = {
    -2: "strong opponent",
    -1: "sceptic",
    0: "neutral",
    1: "supporter",
    2: "champion",
}
STANCE_ADVICE = {
    -2: "Meet in person and listen first: learn what they fear to lose. Their objections often point to a real risk.",
    -1: "Ask what would change their mind and let them test the tool; answer each concern with evidence.",
    0: "Show what is in it for them with an example from their own work.",
    1: "Keep them close and give them a visible role, such as testing or explaining the change to peers.",
    2: "Make them ambassadors, and make sure they do not oversell what the AI can do.",
}
REQUIRED_COLUMNS = ("name", "influence", "interest", "stance")
QUADRANTS = ("manage closely", "keep satisfied", "keep informed", "monitor")


class StakeholderError(CaioKitError):
    """A stakeholder table is not usable; the message lists every problem found."""


def stakeholder_advice() -> pd.DataFrame:
    """The four quadrants with their influence and interest level, engagement style and advice."""
    return datafiles.table("stakeholder_advice.csv").set_index("quadrant")


def quadrant(influence: int, interest: int) -> str:
    """The quadrant of one stakeholder, from influence and interest scored 1-5."""
    for label, value in (("influence", influence), ("interest", interest)):
        problem = _score_problem(value, SCORE_RANGE)
        if problem:
            raise StakeholderError(f"{label} {problem}")
    high_influence, high_interest = influence >= HIGH_FROM, interest >= HIGH_FROM
    if high_influence:
        return "manage closely" if high_interest else "keep satisfied"
    return "keep informed" if high_interest else "monitor"


def _score_problem(value: Any, bounds: tuple[int, int]) -> str | None:
    low, high = bounds
    if not is_number(value, finite=False):
        return f"is {value!r}, not a whole number from {low} to {high}"
    if not low <= value <= high:
        return f"is {value:g}, outside {low} to {high}"
    if value != int(value):
        return f"is {value:g}, but must be a whole number from {low} to {high}"
    return None


def place_stakeholders(stakeholders: pd.DataFrame) -> pd.DataFrame:
    """Add quadrant, engagement, advice, stance label and stance advice to a table of stakeholders."""
    if not isinstance(stakeholders, pd.DataFrame):
        raise StakeholderError(
            f"expected a DataFrame with columns {', '.join(REQUIRED_COLUMNS)}, got a {type(stakeholders).__name__}."
        )
    missing = [column for column in REQUIRED_COLUMNS if column not in stakeholders.columns]
    if missing:
        raise StakeholderError(
            f"column(s) {', '.join(map(repr, missing))} missing; a stakeholder table needs {', '.join(REQUIRED_COLUMNS)}."
        )
    if stakeholders.empty:
        raise StakeholderError("the table has no stakeholders: add at least one row.")
    problems = []
    names = [str(name).strip() if isinstance(name, str) else "" for name in stakeholders["name"]]
    for position, (name, row) in enumerate(zip(names, stakeholders.itertuples(index=False), strict=True)):
        who = f"row {position + 1} ({name})" if name else f"row {position + 1}"
        if not name:
            problems.append(f"{who}: the name is empty")
        for column, bounds in (
            ("influence", SCORE_RANGE),
            ("interest", SCORE_RANGE),
            ("stance", STANCE_RANGE),
        ):
            problem = _score_problem(getattr(row, column), bounds)
            if problem:
                problems.append(f"{who}: {column} {problem}")
    duplicates = sorted({name for name in names if name and names.count(name) > 1})
    if duplicates:
        problems.append(f"listed more than once: {', '.join(duplicates)}")
    if problems:
        raise StakeholderError("the stakeholder table has problems: " + "; ".join(problems) + ".")
    advice = stakeholder_advice()
    placed = stakeholders.reset_index(drop=True).copy()
    placed["name"] = names
    for column in ("influence", "interest", "stance"):
        placed[column] = placed[column].astype(int)
    placed["quadrant"] = [
        quadrant(i, j) for i, j in zip(placed["influence"], placed["interest"], strict=True)
    ]
    placed["engagement"] = placed["quadrant"].map(advice["engagement"])
    placed["advice"] = placed["quadrant"].map(advice["advice"])
    placed["stance_label"] = placed["stance"].map(STANCES)
    placed["stance_advice"] = placed["stance"].map(STANCE_ADVICE)
    return placed


def engagement_order(placed: pd.DataFrame) -> pd.DataFrame:
    """Placed stakeholders in the order to engage them: by quadrant, opponents first, then by influence."""
    ranked = placed.assign(_quadrant=placed["quadrant"].map(QUADRANTS.index))
    ranked = ranked.sort_values(
        ["_quadrant", "stance", "influence"], ascending=[True, True, False], kind="stable"
    )
    return ranked.drop(columns="_quadrant")
