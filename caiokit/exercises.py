"""Checked exercises for the lesson notebooks: ``q1.check()``, ``q1.hint()``, ``q1.solution()``.

An exercise reads one variable from the learner's notebook (bound with :func:`bind`), compares it with a
reference kept here, in the package, and answers with :class:`Feedback`: correct, incorrect, not
attempted, or error. Feedback explains what is off and never shows the expected value; only
``solution()`` does, on request.

A learner leaves an answer blank with ``...`` (Ellipsis): that, a missing variable, or a function that
raises ``NotImplementedError`` counts as "not attempted", not as wrong.

Lessons are not graded, but nbgrader's Validate button runs them: while it does, a check that does not
pass raises :class:`CheckNotPassed`, so that Validate lists the exercises still open instead of
reporting success (``caiokit.lesson_validation`` marks the check cells it looks at).
"""

from __future__ import annotations

import inspect
import math
import os
import textwrap
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from caiokit.errors import CaioKitError
from caiokit.i18n import (
    N_,
    SOURCE_LANGUAGE,
    Category,
    Message,
    _,
    as_typed,
    format_number,
    labelled,
    listed,
    ngettext,
    plain_number,
    speaking,
    text,
    use_language,
)
from caiokit.progress import tracker
from caiokit.validation import is_real

# Set by nbgrader's Validator (not by autograding) while it runs a notebook.
VALIDATING_VARIABLE = "NBGRADER_VALIDATING"
TRACEBACK_WIDTH = 80


class Status(Enum):
    """The four outcomes of a check."""

    CORRECT = "correct"
    INCORRECT = "incorrect"
    NOT_ATTEMPTED = "not_attempted"
    ERROR = "error"


# A text given to an exercise (hint, solution, explanation, option label) is marked with N_ or built with
# lazy(...) where the exercise is defined, and translated here when it is shown.
Text = str | Message

_TEXT = {
    "percentage": N_(
        "It looks like a percentage: give a fraction between 0 and 1, such as {fraction} for {value}%."
    ),
    "factor": N_(
        "It is off by a factor of {factor}: check the units (percent vs fraction, months vs years, quarters)."
    ),
    "try_hint": N_("Try `hint()`."),
}
# Ratios between a wrong answer and the right one that point at a unit: percent, thousands, months, quarters.
_UNIT_FACTORS = (100, 1000, 12, 4)

_BADGES = {
    Status.CORRECT: N_("✔ Correct"),
    Status.INCORRECT: N_("✘ Not yet"),
    Status.NOT_ATTEMPTED: N_("✎ Not attempted"),
    Status.ERROR: N_("⚠ Your answer could not be checked"),
}


@dataclass(frozen=True)
class Feedback:
    """The result of checking one answer: a status and a message that teaches."""

    status: Status
    message: str
    note: str | None = None

    @property
    def passed(self) -> bool:
        """True when the answer is correct."""
        return self.status is Status.CORRECT

    def __str__(self) -> str:
        shown = labelled(_(_BADGES[self.status]), self.message)
        return shown + ("\n\n" + _("Note: {note}").format(note=self.note) if self.note else "")

    def _repr_markdown_(self) -> str:
        shown = labelled(f"**{_(_BADGES[self.status])}**", self.message)
        return shown + ("\n\n*" + _("Note: {note}").format(note=self.note) + "*" if self.note else "")


@dataclass(frozen=True)
class Guidance:
    """A hint or a solution, displayed as Markdown in a notebook."""

    title: str
    body: str

    def __str__(self) -> str:
        return labelled(self.title, self.body)

    def _repr_markdown_(self) -> str:
        return labelled(f"**{self.title}**", self.body)


class CheckNotPassed(CaioKitError):
    """Raised by ``check()`` while nbgrader validates a lesson, when the answer does not pass yet."""

    def __init__(self, exercise: Exercise, feedback: Feedback):
        self.exercise = exercise
        self.feedback = feedback
        super().__init__(
            _(
                "Exercise {name} of {lesson} is not passed yet.\n{feedback}\nThis lesson is not graded, so "
                "no credit is at stake: run `{name}.check()` in the lesson for feedback and `{name}.hint()` "
                "for a hint."
            ).format(name=exercise.name, lesson=exercise.lesson, feedback=feedback)
        )

    def _render_traceback_(self) -> list[str]:
        """The lines IPython shows instead of the whole stack: the message alone, wrapped."""
        return [
            line
            for paragraph in str(self).split("\n")
            for line in (textwrap.wrap(paragraph, TRACEBACK_WIDTH) or [""])
        ]


_namespace: dict[str, Any] | None = None


def bind(namespace: dict[str, Any], lesson: str | None = None, language: str | None = None) -> None:
    """Let the exercises read the learner's variables (pass ``globals()``); record the lesson as opened.

    ``language`` ("en", ...) chooses the language of everything the course shows from then on.
    """
    global _namespace
    if language is not None:
        use_language(language)
    _namespace = namespace
    if lesson is not None:
        tracker().record(lesson, "opened", lesson)


_MISSING = object()


def _not_answered(value: Any) -> bool:
    """True while the learner has left the answer as ``...`` or not defined it at all."""
    return value is Ellipsis or value is _MISSING


def _kind(value: Any) -> str:
    return type(value).__name__


class Exercise:
    """One checked question. Subclasses say how an answer is judged in :meth:`evaluate`."""

    def __init__(
        self,
        lesson: str,
        name: str,
        variable: str,
        hints: Sequence[Text],
        solution: Text,
    ):
        if not hints:
            raise ValueError(f"exercise {name} needs at least one hint")
        self.lesson = lesson
        self.name = name
        self.variable = variable
        self.hints = tuple(hints)
        self._solution = solution
        self._hints_shown = 0

    def evaluate(self, answer: Any) -> Feedback:
        """Judge an answer; pure, so it can be tested and reused by widgets."""
        if _not_answered(answer):
            return Feedback(
                Status.NOT_ATTEMPTED,
                _(
                    "set `{variable}` to your answer (it is still `...`), run that cell, then check again."
                ).format(variable=self.variable),
            )
        return self._judge(answer)

    def _judge(self, answer: Any) -> Feedback:
        raise NotImplementedError

    def learner_answer(self) -> Any:
        """The learner's current answer, read from the bound notebook namespace."""
        if _namespace is None:
            return _MISSING
        return _namespace.get(self.variable, _MISSING)

    def check(self) -> Feedback:
        """Check the learner's answer, record the attempt, and return the feedback.

        While nbgrader validates the notebook, an answer that does not pass raises CheckNotPassed instead.
        """
        answer = self.learner_answer()
        if answer is _MISSING:
            feedback = Feedback(
                Status.NOT_ATTEMPTED,
                _(
                    "there is no variable `{variable}` yet: run the cell that defines it, then check again."
                ).format(variable=self.variable),
            )
        else:
            feedback = self.evaluate(answer)
        feedback = self.record(feedback)
        if os.environ.get(VALIDATING_VARIABLE) and not feedback.passed:
            raise CheckNotPassed(self, feedback)
        return feedback

    def record(self, feedback: Feedback) -> Feedback:
        """Save the outcome to the progress file; attach, once, a note if progress cannot be saved."""
        progress = tracker()
        progress.record(self.lesson, "attempt", self.name, feedback.status.value)
        problem = progress.unreported_problem()
        if problem is None:
            return feedback
        return Feedback(feedback.status, feedback.message, note=problem)

    def hint(self) -> Guidance:
        """The next hint (each call goes one step further, then repeats the last)."""
        index = min(self._hints_shown, len(self.hints) - 1)
        self._hints_shown += 1
        tracker().record(self.lesson, "hint", self.name)
        count = len(self.hints)
        label = (
            _("Hint {number} of {count}").format(number=index + 1, count=count) if count > 1 else _("Hint")
        )
        return Guidance(label, text(self.hints[index]))

    def solution(self) -> Guidance:
        """The reference answer with its reasoning (recorded as viewed)."""
        tracker().record(self.lesson, "solution", self.name)
        return Guidance(_("Solution"), text(self._solution))


class NumberExercise(Exercise):
    """A number, right within a relative tolerance (and an absolute one for values near zero).

    ``fraction=True`` says the answer is a share between 0 and 1: an answer between 1 and 100 then gets a
    note that it looks like a percentage, whatever its value.
    """

    def __init__(
        self,
        *args: Any,
        expected: float,
        rel_tol: float = 0.01,
        abs_tol: float = 1e-9,
        unit: str = "",
        fraction: bool = False,
        **kwargs: Any,
    ):
        super().__init__(*args, **kwargs)
        self.expected = float(expected)
        self.rel_tol = rel_tol
        self.abs_tol = abs_tol
        self.unit = unit
        self.fraction = fraction
        if fraction and not 0 <= self.expected <= 1:
            raise ValueError(f"exercise {self.name}: a fraction is between 0 and 1, not {expected}")

    def _judge(self, answer: Any) -> Feedback:
        if not is_real(answer):
            message = _("`{variable}` should be a number, but it is a {kind}.")
            if isinstance(answer, str):
                message += " " + _("Remove the quotes around it.")
            return Feedback(Status.ERROR, message.format(variable=self.variable, kind=_kind(answer)))
        value = float(answer)
        if math.isnan(value) or math.isinf(value):
            return Feedback(
                Status.INCORRECT,
                _("`{variable}` is {value}: check for a division by zero.").format(
                    variable=self.variable, value=value
                ),
            )
        shown = f"{plain_number(value)}{self.unit}"
        if math.isclose(value, self.expected, rel_tol=self.rel_tol, abs_tol=self.abs_tol):
            return Feedback(Status.CORRECT, _("{value} is right.").format(value=shown))
        too = _("{value} is too high.") if value > self.expected else _("{value} is too low.")
        message = too.format(value=shown)
        if self.fraction and 1 < value <= 100:
            # A share typed as a percentage: the unit-factor test catches only the right share times 100.
            note = text(_TEXT["percentage"]).format(
                value=plain_number(value), fraction=plain_number(value / 100)
            )
        else:
            note = self._unit_factor_note(value)
        return Feedback(
            Status.INCORRECT, " ".join(part for part in (message, note, text(_TEXT["try_hint"])) if part)
        )

    def _unit_factor_note(self, value: float) -> str:
        """A note when the answer is the right one in another unit (x or / 100, 1000, 12 or 4), else ''."""
        if not (self.expected and value):
            return ""
        ratio = value / self.expected
        for factor in _UNIT_FACTORS:
            if math.isclose(ratio, factor, rel_tol=0.02) or math.isclose(ratio, 1 / factor, rel_tol=0.02):
                return text(_TEXT["factor"]).format(factor=factor)
        return ""


def shown_text(option: str | Category) -> str:
    """What a person reads for an option, an item or a category, in the language in use: a Category's label,
    a plain string's translation (a check marks its options with ``N_``; an unmarked text is shown as it is)."""
    return option.label if isinstance(option, Category) else _(option)


def _named(
    typed: Any,
    choices: Iterable[str],
    *,
    any_case: bool = False,
    named_by: Callable[[str], str] | None = None,
) -> str | None:
    """The choice (an option, an item) a learner's value names: its text in the language in use or in English,
    the course's source language, exactly (or whatever the case); None if it names none. With ``named_by``
    (a choice is an id, ``named_by`` its name in the language in use), the id or its name in either language."""
    if not isinstance(typed, str):
        return None

    def fold(text: str) -> str:
        text = as_typed(text)
        return text.casefold() if any_case else text

    def names(choice: str) -> tuple[str, ...]:
        if named_by is None:
            return choice, _(choice)
        with speaking(SOURCE_LANGUAGE):
            english = named_by(choice)
        return choice, named_by(choice), english

    wanted = fold(typed.strip() if any_case else typed)
    return next((choice for choice in choices if wanted in map(fold, names(choice))), None)


class ChoiceExercise(Exercise):
    """One option among several; each wrong option can carry its own explanation.

    Options are plain strings, which the learner types in any case, or the members of a
    :class:`~caiokit.i18n.Category` (``options=OperatingModel``), which the learner names by their label
    in the language in use or by their id; feedback shows labels, ``correct`` and ``explanations`` use ids.
    """

    def __init__(
        self,
        *args: Any,
        options: Iterable[str | Category],
        correct: str | Category,
        explanations: Mapping[str, Text] | None = None,
        **kwargs: Any,
    ):
        super().__init__(*args, **kwargs)
        self.options = tuple(options)
        if correct not in self.options:
            raise ValueError(f"exercise {self.name}: the correct option is not among the options")
        self.correct = self.options[self.options.index(correct)]
        self.explanations = dict(explanations or {})

    def _option(self, answer: str) -> str | Category | None:
        """The option an answer names, or None if it names none."""
        kind = type(self.options[0])
        if issubclass(kind, Category):
            chosen = kind.parse(answer)
            return chosen if chosen in self.options else None
        return _named(answer, self.options, any_case=True)

    def _judge(self, answer: Any) -> Feedback:
        if not isinstance(answer, str):
            return Feedback(
                Status.ERROR,
                _("`{variable}` should be one option as a string, e.g. {example}.").format(
                    variable=self.variable, example=repr(shown_text(self.options[0]))
                ),
            )
        chosen = self._option(answer)
        if chosen is None:
            listed = ", ".join(repr(shown_text(option)) for option in self.options)
            return Feedback(
                Status.ERROR,
                _("{answer} is not one of the options: {options}.").format(
                    answer=repr(answer), options=listed
                ),
            )
        if chosen == self.correct:
            if self.correct in self.explanations:
                return Feedback(Status.CORRECT, text(self.explanations[self.correct]))
            return Feedback(
                Status.CORRECT, _("{option} is right.").format(option=repr(shown_text(self.correct)))
            )
        reason = (
            text(self.explanations[chosen])
            if chosen in self.explanations
            else _("That option does not fit best.")
        )
        return Feedback(
            Status.INCORRECT,
            _("Not {option}. {reason}").format(option=repr(shown_text(chosen)), reason=reason),
        )


class SetExercise(Exercise):
    """Several options to pick together; feedback counts what is missing and explains what is wrong."""

    def __init__(
        self,
        *args: Any,
        options: Sequence[str],
        correct: Iterable[str],
        explanations: Mapping[str, Text] | None = None,
        **kwargs: Any,
    ):
        super().__init__(*args, **kwargs)
        self.options = tuple(options)
        self.correct = frozenset(correct)
        if not self.correct <= set(self.options):
            raise ValueError(f"exercise {self.name}: a correct option is not among the options")
        self.explanations = dict(explanations or {})

    def _judge(self, answer: Any) -> Feedback:
        if isinstance(answer, str) or not isinstance(answer, Iterable):
            return Feedback(
                Status.ERROR,
                _("`{variable}` should be a set of options, e.g. {example}.").format(
                    variable=self.variable, example=f"{{{shown_text(self.options[0])!r}, ...}}"
                ),
            )
        named = {item: _named(item, self.options) for item in answer}
        unknown = sorted(str(item) for item, option in named.items() if option is None)
        if unknown:
            return Feedback(
                Status.ERROR,
                _("not among the options: {items}. Copy the options exactly.").format(
                    items=", ".join(map(repr, unknown))
                ),
            )
        chosen = set(named.values())
        if chosen == self.correct:
            return Feedback(
                Status.CORRECT, _("all {count} right, and nothing extra.").format(count=len(self.correct))
            )
        parts = []
        wrong = sorted(chosen - self.correct, key=self.options.index)
        for item in wrong:
            reason = text(self.explanations[item]) if item in self.explanations else _("look at it again.")
            parts.append(
                _("{item} does not belong: {reason}").format(item=repr(shown_text(item)), reason=reason)
            )
        missing = len(self.correct - chosen)
        if missing:
            parts.append(
                ngettext(
                    "{count} correct option is still missing.",
                    "{count} correct options are still missing.",
                    missing,
                ).format(count=missing)
            )
        return Feedback(Status.INCORRECT, " ".join(parts))


class MappingExercise(Exercise):
    """Sort items into categories (a dict item -> category); feedback names the misplaced items only.

    Categories are plain strings, matched exactly, or members of a :class:`~caiokit.i18n.Category`, which
    the learner names by their label in the language in use (or their id), whatever the case.

    Items are texts marked with ``N_``, or ids named by ``named_by`` (``named_by=use_case_name``: the learner
    writes a use case's name as the catalog of the language in use spells it, in English, or its id).
    """

    def __init__(
        self,
        *args: Any,
        correct: Mapping[str, str],
        categories: Sequence[str | Category],
        named_by: Callable[[str], str] | None = None,
        **kwargs: Any,
    ):
        super().__init__(*args, **kwargs)
        self.correct = dict(correct)
        self.categories = tuple(categories)
        self.named_by = named_by
        if not set(self.correct.values()) <= set(self.categories):
            raise ValueError(f"exercise {self.name}: a reference category is not among the categories")

    def item_text(self, item: str) -> str:
        """What a person reads for an item, in the language in use."""
        return shown_text(item) if self.named_by is None else self.named_by(item)

    def _category(self, value: Any) -> Any:
        """The category a learner's value names, or _MISSING if it names none."""
        kind = type(self.categories[0])
        chosen = kind.parse(value) if issubclass(kind, Category) else _named(value, self.categories)
        return chosen if chosen is not None and chosen in self.categories else _MISSING

    def _shown(self) -> list[str]:
        return [shown_text(category) for category in self.categories]

    def _judge(self, answer: Any) -> Feedback:
        if not isinstance(answer, Mapping):
            return Feedback(
                Status.ERROR,
                _("`{variable}` should be a dict mapping each item to a category.").format(
                    variable=self.variable
                ),
            )
        given = {_named(item, self.correct, named_by=self.named_by): value for item, value in answer.items()}
        unknown_items = [
            item for item in answer if _named(item, self.correct, named_by=self.named_by) is None
        ]
        missing = [item for item in self.correct if _not_answered(given.get(item, _MISSING))]
        bad_values = sorted(
            {str(v) for v in answer.values() if not _not_answered(v) and self._category(v) is _MISSING}
        )
        if unknown_items:
            return Feedback(
                Status.ERROR,
                _("unknown item(s): {items}. Copy the item texts exactly.").format(
                    items=", ".join(map(repr, unknown_items))
                ),
            )
        if bad_values:
            return Feedback(
                Status.ERROR,
                _("{values} is not a category; use one of {allowed}.").format(
                    values=", ".join(map(repr, bad_values)), allowed=", ".join(map(repr, self._shown()))
                ),
            )
        if len(missing) == len(self.correct):
            return Feedback(Status.NOT_ATTEMPTED, _("no item has a category yet."))
        wrong = [
            item
            for item, category in self.correct.items()
            if item not in missing and self._category(given[item]) != category
        ]
        right = len(self.correct) - len(wrong) - len(missing)
        if not wrong and not missing:
            return Feedback(
                Status.CORRECT, _("all {count} items are in the right place.").format(count=len(self.correct))
            )
        message = _("{right} of {count} right.").format(right=right, count=len(self.correct))
        if wrong:
            message += " " + _("Look again at: {items}.").format(
                items=listed(repr(self.item_text(item)) for item in wrong)
            )
        if missing:
            message += " " + _("{count} item(s) still have no category.").format(count=len(missing))
        return Feedback(Status.INCORRECT, message)


def kendall_tau(order: Sequence[str], reference: Sequence[str]) -> float:
    """Kendall's tau between two orderings of the same items: 1 identical, -1 reversed."""
    position = {item: i for i, item in enumerate(order)}
    n = len(reference)
    if n < 2:
        return 1.0
    concordant = discordant = 0
    for i in range(n):
        for j in range(i + 1, n):
            if position[reference[i]] < position[reference[j]]:
                concordant += 1
            else:
                discordant += 1
    return (concordant - discordant) / (n * (n - 1) / 2)


class RankingExercise(Exercise):
    """An ordering of items, judged by Kendall's tau and by agreement on the top k."""

    def __init__(
        self, *args: Any, reference: Sequence[str], top_k: int = 3, min_tau: float = 1.0, **kwargs: Any
    ):
        super().__init__(*args, **kwargs)
        self.reference = tuple(reference)
        self.top_k = min(top_k, len(self.reference))
        self.min_tau = min_tau

    def _judge(self, answer: Any) -> Feedback:
        if isinstance(answer, str) or not isinstance(answer, Sequence):
            return Feedback(
                Status.ERROR,
                _("`{variable}` should be a list of the items, best first.").format(variable=self.variable),
            )
        order = [_named(item, self.reference) or item for item in answer]
        unknown = [item for item in order if item not in self.reference]
        duplicates = sorted({str(item) for item in order if order.count(item) > 1})
        missing = [item for item in self.reference if item not in order]
        if unknown or duplicates or missing:
            problems = []
            if unknown:
                problems.append(_("unknown: {items}").format(items=", ".join(map(repr, unknown))))
            if duplicates:
                problems.append(_("listed twice: {items}").format(items=", ".join(map(repr, duplicates))))
            if missing:
                problems.append(_("{count} item(s) left out").format(count=len(missing)))
            return Feedback(
                Status.ERROR,
                _("the ranking must list every item exactly once ({problems}).").format(
                    problems=listed(problems)
                ),
            )
        tau = kendall_tau(order, self.reference)
        shared_top = len(set(order[: self.top_k]) & set(self.reference[: self.top_k]))
        if tau >= self.min_tau - 1e-12:
            return Feedback(
                Status.CORRECT,
                _("your ranking agrees with the reference (Kendall tau {tau}).").format(
                    tau=format_number(tau, 2)
                ),
            )
        displacement = {item: order.index(item) - self.reference.index(item) for item in order}
        worst = max(order, key=lambda item: (abs(displacement[item]), -order.index(item)))
        gap = (
            _("The biggest gap: {item} is ranked too high.")
            if displacement[worst] < 0
            else _("The biggest gap: {item} is ranked too low.")
        )
        return Feedback(
            Status.INCORRECT,
            _(
                "Kendall tau {tau} (1 would be full agreement); {shared} of your top {top} belong there."
            ).format(tau=format_number(tau, 2), shared=shared_top, top=self.top_k)
            + " "
            + gap.format(item=repr(shown_text(worst))),
        )


@dataclass(frozen=True)
class Case:
    """One input for a code exercise and the value the function should return."""

    args: tuple = ()
    kwargs: dict = field(default_factory=dict)
    expected: Any = None

    def describe(self) -> str:
        """The call, as the learner would write it."""
        parts = [repr(a) for a in self.args] + [f"{k}={v!r}" for k, v in self.kwargs.items()]
        return ", ".join(parts)


def _same(result: Any, expected: Any, rel_tol: float) -> bool:
    if is_real(expected):
        return is_real(result) and math.isclose(float(result), float(expected), rel_tol=rel_tol, abs_tol=1e-9)
    return result == expected


class FunctionExercise(Exercise):
    """A function the learner writes, run on several cases; failures name the input, not the expected output."""

    def __init__(
        self,
        *args: Any,
        cases: Sequence[Case],
        rel_tol: float = 1e-6,
        compare: Callable[[Any, Any], bool] | None = None,
        **kwargs: Any,
    ):
        super().__init__(*args, **kwargs)
        if not cases:
            raise ValueError(f"exercise {self.name} needs at least one case")
        self.cases = tuple(cases)
        self.rel_tol = rel_tol
        self.compare = compare

    def _judge(self, answer: Any) -> Feedback:
        if not callable(answer):
            return Feedback(
                Status.ERROR,
                _("`{variable}` should be a function (defined with `def`), not a {kind}.").format(
                    variable=self.variable, kind=_kind(answer)
                ),
            )
        for case in self.cases:
            call = f"{self.variable}({case.describe()})"
            try:
                result = answer(*case.args, **case.kwargs)
            except NotImplementedError:
                return Feedback(
                    Status.NOT_ATTEMPTED,
                    _("`{variable}` still raises NotImplementedError: write its body.").format(
                        variable=self.variable
                    ),
                )
            except TypeError as exc:
                if self._signature_mismatch(answer, case):
                    return Feedback(
                        Status.ERROR,
                        _(
                            "`{call}` cannot be called: {error}. Keep the parameters given in the exercise."
                        ).format(call=call, error=exc),
                    )
                return Feedback(
                    Status.ERROR, _("`{call}` raised TypeError: {error}.").format(call=call, error=exc)
                )
            except Exception as exc:  # the learner's code may raise anything; we report it, we do not crash
                return Feedback(
                    Status.ERROR,
                    _("`{call}` raised {name}: {error}.").format(
                        call=call, name=type(exc).__name__, error=exc
                    ),
                )
            if result is Ellipsis or (result is None and case.expected is not None):
                if result is None:
                    return Feedback(
                        Status.INCORRECT,
                        _("`{call}` returned None: did you forget `return`?").format(call=call),
                    )
                return Feedback(
                    Status.NOT_ATTEMPTED,
                    _("`{variable}` still returns `...`: write its body.").format(variable=self.variable),
                )
            same = (
                self.compare(result, case.expected)
                if self.compare
                else _same(result, case.expected, self.rel_tol)
            )
            if not same:
                shown = plain_number(result) if is_real(result) else repr(result)
                return Feedback(
                    Status.INCORRECT,
                    _("`{call}` returned {result}, which is not right.").format(call=call, result=shown)
                    + " "
                    + text(_TEXT["try_hint"]),
                )
        return Feedback(
            Status.CORRECT,
            _("your function gives the right result on all {count} test cases.").format(
                count=len(self.cases)
            ),
        )

    @staticmethod
    def _signature_mismatch(function: Callable, case: Case) -> bool:
        try:
            inspect.signature(function).bind(*case.args, **case.kwargs)
        except TypeError:
            return True
        except ValueError:
            return False
        return False
