"""The ADKAR diagnostic: score a group on Prosci's five elements and find where its change stalls.

ADKAR (Jeff Hiatt, Prosci) describes change as it happens in each person, in a fixed order: Awareness,
Desire, Knowledge, Ability, Reinforcement. The model's key idea is that change stalls at the first weak
element, the *barrier point*: training (Knowledge) is wasted on people who do not want the change
(Desire), however low their later scores. Conventions of the course: each element is scored 1 (absent)
to 5 (fully there); an element is weak when it scores below ``threshold`` (4 by default, so 3 or less).
An element is an :class:`Element`: its id is Prosci's English name of it, the same in every language
(case-study data such as ``first_users_adkar.csv`` store it), and its label is what a person reads. The
question, signs of weakness and advice per element are words, in ``caiokit/data/<lang>/adkar_advice.csv``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from caiokit import datafiles
from caiokit.errors import CaioKitError
from caiokit.i18n import N_, Category, _, listed
from caiokit.validation import is_number, is_real


class Element(Category):
    """One of ADKAR's five elements; its id is the model's English name, its label the name in the language in use."""

    AWARENESS = "Awareness", N_("Awareness")
    DESIRE = "Desire", N_("Desire")
    KNOWLEDGE = "Knowledge", N_("Knowledge")
    ABILITY = "Ability", N_("Ability")
    REINFORCEMENT = "Reinforcement", N_("Reinforcement")


ELEMENTS = tuple(Element)
SCORE_RANGE = (1, 5)
DEFAULT_THRESHOLD = 4.0


class AdkarError(CaioKitError):
    """ADKAR scores or a threshold are not usable; the message says which and why."""


def adkar_advice() -> pd.DataFrame:
    """The five elements in order (the index), each with its question, signs of weakness and advice."""
    advice = datafiles.table(datafiles.localized("adkar_advice.csv"))
    return advice.assign(element=advice["element"].map(Element)).set_index("element")


@dataclass(frozen=True)
class AdkarResult:
    """The diagnostic of one group: its scores, the weak elements, the barrier point and what to do."""

    scores: dict[Element, float]
    threshold: float
    weak: tuple[Element, ...]
    barrier: Element | None
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


def _labels(elements: tuple[Element, ...] | list[Element]) -> str:
    return ", ".join(element.label for element in elements)


def _canonical(scores: Mapping[str, float]) -> dict[Element, float]:
    """The scores by element, whether keyed by label (any case) or id; every problem in one error."""
    if not isinstance(scores, Mapping):
        raise AdkarError(
            _("scores should be a dict of element -> score, e.g. {example}, not a {kind}.").format(
                example=f"{{{Element.AWARENESS.label!r}: 4, ...}}", kind=type(scores).__name__
            )
        )
    problems = []
    canonical: dict[Element, float] = {}
    seen: set[Element] = set()
    low, high = SCORE_RANGE
    for key, value in scores.items():
        element = Element.parse(key)
        if element is None:
            problems.append(
                _("{key} is not an ADKAR element (use {elements})").format(
                    key=repr(key), elements=_labels(ELEMENTS)
                )
            )
            continue
        if element in seen:
            problems.append(_("{element} is given twice").format(element=element.label))
            continue
        seen.add(element)
        if not is_number(value, finite=False):
            problems.append(
                _("{element} is {value}, not a number from {low} to {high}").format(
                    element=element.label, value=repr(value), low=low, high=high
                )
            )
        elif not low <= value <= high:
            problems.append(
                _("{element} is {value}, outside {low} to {high}").format(
                    element=element.label, value=f"{value:g}", low=low, high=high
                )
            )
        else:
            canonical[element] = float(value)
    missing = [e for e in ELEMENTS if e not in seen]
    if missing:
        problems.append(_("no score for {elements}").format(elements=_labels(missing)))
    if problems:
        raise AdkarError(_("the ADKAR scores have problems: {problems}.").format(problems=listed(problems)))
    return canonical


def adkar_diagnostic(scores: Mapping[str, float], threshold: float = DEFAULT_THRESHOLD) -> AdkarResult:
    """Diagnose a group from its five scores (1-5): weak elements, the barrier point and its advice."""
    low, high = SCORE_RANGE
    if not is_real(threshold) or not low < threshold <= high:
        raise AdkarError(
            _(
                "threshold is {threshold}; it must be a number above {low} and at most {high} (4 flags 3 or less)."
            ).format(threshold=repr(threshold), low=low, high=high)
        )
    canonical = _canonical(scores)
    weak = tuple(e for e in ELEMENTS if canonical[e] < threshold)
    barrier = weak[0] if weak else None
    if barrier is None:
        advice = _(
            "No barrier point: every element is at or above the threshold. Keep reinforcing, and measure "
            "again after the next change to the tool or the team."
        )
    else:
        advice = str(adkar_advice().loc[barrier, "advice"])
    return AdkarResult(
        scores=canonical, threshold=float(threshold), weak=weak, barrier=barrier, advice=advice
    )
