"""The ADKAR diagnostic: score a group on Prosci's five elements and find where its change stalls.

ADKAR (Jeff Hiatt, Prosci) describes change as it happens in each person, in a fixed order: Awareness,
Desire, Knowledge, Ability, Reinforcement. The model's key idea is that change stalls at the first weak
element, the *barrier point*: training (Knowledge) is wasted on people who do not want the change
(Desire), however low their later scores. Conventions of the course: each element is scored 1 (absent)
to 5 (fully there); an element is weak when it scores below ``threshold`` (4 by default, so 3 or less).
The advice per element is data, in ``caiokit/data/adkar_advice.csv``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from caiokit import datafiles
from caiokit.errors import CaioKitError
from caiokit.validation import is_number, is_real

ELEMENTS = ("Awareness", "Desire", "Knowledge", "Ability", "Reinforcement")
SCORE_RANGE = (1, 5)
DEFAULT_THRESHOLD = 4.0


class AdkarError(CaioKitError):
    """ADKAR scores or a threshold are not usable; the message says which and why."""


def adkar_advice() -> pd.DataFrame:
    """The five elements in order, each with its question, signs of weakness and advice."""
    return datafiles.table("adkar_advice.csv").set_index("element")


@dataclass(frozen=True)
class AdkarResult:
    """The diagnostic of one group: its scores, the weak elements, the barrier point and what to do."""

    scores: dict[str, float]
    threshold: float
    weak: tuple[str, ...]
    barrier: str | None
    advice: str

    def table(self) -> pd.DataFrame:
        """One row per element, in ADKAR order: score, weak or not, barrier or not, question, advice."""
        advice = adkar_advice()
        return pd.DataFrame(
            {
                "score": [self.scores[e] for e in ELEMENTS],
                "weak": [e in self.weak for e in ELEMENTS],
                "barrier": [e == self.barrier for e in ELEMENTS],
                "question": [advice.loc[e, "question"] for e in ELEMENTS],
                "advice": [advice.loc[e, "advice"] for e in ELEMENTS],
            },
            index=pd.Index(ELEMENTS, name="element"),
        )


def _canonical(scores: Mapping[str, float]) -> dict[str, float]:
    if not isinstance(scores, Mapping):
        raise AdkarError(
            f"scores should be a dict of element -> score, e.g. {{'Awareness': 4, ...}}, not a {type(scores).__name__}."
        )
    by_lower = {element.lower(): element for element in ELEMENTS}
    problems = []
    canonical: dict[str, float] = {}
    seen: set[str] = set()
    for key, value in scores.items():
        element = by_lower.get(str(key).strip().lower())
        if element is None:
            problems.append(f"{key!r} is not an ADKAR element (use {', '.join(ELEMENTS)})")
            continue
        if element in seen:
            problems.append(f"{element} is given twice")
            continue
        seen.add(element)
        low, high = SCORE_RANGE
        if not is_number(value, finite=False):
            problems.append(f"{element} is {value!r}, not a number from {low} to {high}")
        elif not low <= value <= high:
            problems.append(f"{element} is {value:g}, outside {low} to {high}")
        else:
            canonical[element] = float(value)
    missing = [e for e in ELEMENTS if e not in seen]
    if missing:
        problems.append(f"no score for {', '.join(missing)}")
    if problems:
        raise AdkarError("the ADKAR scores have problems: " + "; ".join(problems) + ".")
    return canonical


def adkar_diagnostic(scores: Mapping[str, float], threshold: float = DEFAULT_THRESHOLD) -> AdkarResult:
    """Diagnose a group from its five scores (1-5): weak elements, the barrier point and its advice."""
    low, high = SCORE_RANGE
    if not is_real(threshold) or not low < threshold <= high:
        raise AdkarError(
            f"threshold is {threshold!r}; it must be a number above {low} and at most {high} (4 flags 3 or less)."
        )
    canonical = _canonical(scores)
    weak = tuple(e for e in ELEMENTS if canonical[e] < threshold)
    barrier = weak[0] if weak else None
    if barrier is None:
        advice = (
            "No barrier point: every element is at or above the threshold. Keep reinforcing, and measure "
            "again after the next change to the tool or the team."
        )
    else:
        advice = str(adkar_advice().loc[barrier, "advice"])
    return AdkarResult(
        scores=canonical, threshold=float(threshold), weak=weak, barrier=barrier, advice=advice
    )
