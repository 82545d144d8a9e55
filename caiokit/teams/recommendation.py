"""What a rule of the AI-team lesson takes and gives: answers to its named questions, and a recommendation.

The operating-model rule and the build / buy / partner rule both read a dict of answers keyed by their
questions, refuse a missing or an unknown key with the question to answer, and recommend one option
(a :class:`~caiokit.i18n.Category` member) with its reasons in plain words.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from caiokit.i18n import Category, _, labelled
from caiokit.teams.errors import TeamError


@dataclass(frozen=True, repr=False)
class Recommendation:
    """A recommended option, the reasons for it in plain words, and each option's score when there is one.

    Every way it is shown, its ``repr`` too, names the options by their labels.
    """

    choice: Category
    reasons: tuple[str, ...]
    scores: dict[Category, int] = field(default_factory=dict)

    def __repr__(self) -> str:
        scores = {option.label: value for option, value in self.scores.items()}
        return f"Recommendation(choice={self.choice.label!r}, reasons={self.reasons!r}, scores={scores!r})"

    def _scores(self) -> str:
        listed = ", ".join(f"{option.label} {value:+d}" for option, value in self.scores.items())
        return _("Scores: {scores}").format(scores=listed)

    def __str__(self) -> str:
        lines = [_("Recommendation: {choice}").format(choice=self.choice.label)]
        lines += [f"- {reason}" for reason in self.reasons]
        if self.scores:
            lines.append(self._scores())
        return "\n".join(lines)

    def _repr_markdown_(self) -> str:
        headline = _("Recommendation: {choice}").format(choice=self.choice.label)
        shown = f"**{headline}**\n\n" + "\n".join(f"- {reason}" for reason in self.reasons)
        return shown + ("\n\n" + self._scores() if self.scores else "")


def reason(text: str) -> str:
    """A reason as a sentence: first letter in upper case, a full stop at the end."""
    return f"{text[0].upper()}{text[1:]}."


def check_keys(given: Mapping[str, Any], questions: Mapping[str, str], missing: str, unknown: str) -> None:
    """Refuse answers with a key that is not a question (``unknown``) or a question left out (``missing``).

    ``missing`` and ``unknown`` are marked messages with the fields ``keys`` and ``questions`` or ``allowed``.
    """
    unknown_keys = [key for key in given if key not in questions]
    if unknown_keys:
        raise TeamError(
            _(unknown).format(keys=", ".join(map(repr, unknown_keys)), allowed=", ".join(questions))
        )
    missing_keys = [key for key in questions if key not in given]
    if missing_keys:
        asked = " ".join(labelled(key, _(questions[key])) for key in missing_keys)
        raise TeamError(_(missing).format(keys=", ".join(missing_keys), questions=asked))
