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
import numbers
import os
import textwrap
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from caiokit.errors import CaioKitError
from caiokit.progress import tracker
from caiokit.validation import is_real

# Set by nbgrader's Validator (not by autograding) while it runs a notebook.
VALIDATING_VARIABLE = "NBGRADER_VALIDATING"
TRACEBACK_WIDTH = 80
_SIGNIFICANT_DIGITS = 4


class Status(Enum):
    """The four outcomes of a check."""

    CORRECT = "correct"
    INCORRECT = "incorrect"
    NOT_ATTEMPTED = "not_attempted"
    ERROR = "error"


_TEXT = {
    "percentage": "It looks like a percentage: give a fraction between 0 and 1, such as {fraction} for {value}%.",
    "factor": "It is off by a factor of {factor}: check the units (percent vs fraction, months vs years, "
    "quarters).",
    "try_hint": "Try `hint()`.",
}
# Ratios between a wrong answer and the right one that point at a unit: percent, thousands, months, quarters.
_UNIT_FACTORS = (100, 1000, 12, 4)

_BADGES = {
    Status.CORRECT: "✔ Correct",
    Status.INCORRECT: "✘ Not yet",
    Status.NOT_ATTEMPTED: "✎ Not attempted",
    Status.ERROR: "⚠ Your answer could not be checked",
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
        text = f"{_BADGES[self.status]}: {self.message}"
        return text + (f"\n\nNote: {self.note}" if self.note else "")

    def _repr_markdown_(self) -> str:
        text = f"**{_BADGES[self.status]}**: {self.message}"
        return text + (f"\n\n*Note: {self.note}*" if self.note else "")


@dataclass(frozen=True)
class Guidance:
    """A hint or a solution, displayed as Markdown in a notebook."""

    title: str
    body: str

    def __str__(self) -> str:
        return f"{self.title}: {self.body}"

    def _repr_markdown_(self) -> str:
        return f"**{self.title}**: {self.body}"


class CheckNotPassed(CaioKitError):
    """Raised by ``check()`` while nbgrader validates a lesson, when the answer does not pass yet."""

    def __init__(self, exercise: Exercise, feedback: Feedback):
        self.exercise = exercise
        self.feedback = feedback
        super().__init__(
            f"Exercise {exercise.name} of {exercise.lesson} is not passed yet.\n{feedback}\n"
            f"This lesson is not graded, so no credit is at stake: run `{exercise.name}.check()` in the "
            f"lesson for feedback and `{exercise.name}.hint()` for a hint."
        )

    def _render_traceback_(self) -> list[str]:
        """The lines IPython shows instead of the whole stack: the message alone, wrapped."""
        return [
            line
            for paragraph in str(self).split("\n")
            for line in (textwrap.wrap(paragraph, TRACEBACK_WIDTH) or [""])
        ]


def plain_number(value: float) -> str:
    """A number as people write it: thousands separators, no scientific notation, only useful decimals."""
    if isinstance(value, numbers.Integral):
        return f"{int(value):,}"
    value = float(value)
    if not math.isfinite(value):
        return str(value)
    if value == 0:
        return "0"
    if value.is_integer():
        return f"{value:,.0f}"
    decimals = max(2, _SIGNIFICANT_DIGITS - 1 - math.floor(math.log10(abs(value))))
    return f"{value:,.{decimals}f}".rstrip("0").rstrip(".")


_namespace: dict[str, Any] | None = None


def bind(namespace: dict[str, Any], lesson: str | None = None) -> None:
    """Let the exercises read the learner's variables (pass ``globals()``); record the lesson as opened."""
    global _namespace
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
        hints: Sequence[str],
        solution: str,
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
                f"set `{self.variable}` to your answer (it is still `...`), run that cell, then check again.",
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
                f"there is no variable `{self.variable}` yet: run the cell that defines it, then check again.",
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
        label = f"Hint {index + 1} of {len(self.hints)}" if len(self.hints) > 1 else "Hint"
        return Guidance(label, self.hints[index])

    def solution(self) -> Guidance:
        """The reference answer with its reasoning (recorded as viewed)."""
        tracker().record(self.lesson, "solution", self.name)
        return Guidance("Solution", self._solution)


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
            quoted = " Remove the quotes around it." if isinstance(answer, str) else ""
            return Feedback(
                Status.ERROR, f"`{self.variable}` should be a number, but it is a {_kind(answer)}.{quoted}"
            )
        value = float(answer)
        if math.isnan(value) or math.isinf(value):
            return Feedback(Status.INCORRECT, f"`{self.variable}` is {value}: check for a division by zero.")
        if math.isclose(value, self.expected, rel_tol=self.rel_tol, abs_tol=self.abs_tol):
            return Feedback(Status.CORRECT, f"{plain_number(value)}{self.unit} is right.")
        message = f"{plain_number(value)}{self.unit} is too {'high' if value > self.expected else 'low'}."
        if self.fraction and 1 < value <= 100:
            # A share typed as a percentage: the unit-factor test catches only the right share times 100.
            note = _TEXT["percentage"].format(value=plain_number(value), fraction=plain_number(value / 100))
        else:
            note = self._unit_factor_note(value)
        return Feedback(
            Status.INCORRECT, " ".join(part for part in (message, note, _TEXT["try_hint"]) if part)
        )

    def _unit_factor_note(self, value: float) -> str:
        """A note when the answer is the right one in another unit (x or / 100, 1000, 12 or 4), else ''."""
        if not (self.expected and value):
            return ""
        ratio = value / self.expected
        for factor in _UNIT_FACTORS:
            if math.isclose(ratio, factor, rel_tol=0.02) or math.isclose(ratio, 1 / factor, rel_tol=0.02):
                return _TEXT["factor"].format(factor=factor)
        return ""


class ChoiceExercise(Exercise):
    """One option among several; each wrong option can carry its own explanation."""

    def __init__(
        self,
        *args: Any,
        options: Sequence[str],
        correct: str,
        explanations: Mapping[str, str] | None = None,
        **kwargs: Any,
    ):
        super().__init__(*args, **kwargs)
        if correct not in options:
            raise ValueError(f"exercise {self.name}: the correct option is not among the options")
        self.options = tuple(options)
        self.correct = correct
        self.explanations = dict(explanations or {})

    def _judge(self, answer: Any) -> Feedback:
        if not isinstance(answer, str):
            return Feedback(
                Status.ERROR, f"`{self.variable}` should be one option as a string, e.g. {self.options[0]!r}."
            )
        chosen = answer.strip()
        matches = [option for option in self.options if option.lower() == chosen.lower()]
        if not matches:
            listed = ", ".join(repr(option) for option in self.options)
            return Feedback(Status.ERROR, f"{answer!r} is not one of the options: {listed}.")
        if matches[0] == self.correct:
            return Feedback(
                Status.CORRECT, self.explanations.get(self.correct, f"{self.correct!r} is right.")
            )
        reason = self.explanations.get(matches[0], "That option does not fit best.")
        return Feedback(Status.INCORRECT, f"Not {matches[0]!r}. {reason}")


class SetExercise(Exercise):
    """Several options to pick together; feedback counts what is missing and explains what is wrong."""

    def __init__(
        self,
        *args: Any,
        options: Sequence[str],
        correct: Iterable[str],
        explanations: Mapping[str, str] | None = None,
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
                f"`{self.variable}` should be a set of options, e.g. {{{self.options[0]!r}, ...}}.",
            )
        chosen = set(answer)
        unknown = sorted(str(item) for item in chosen - set(self.options))
        if unknown:
            return Feedback(
                Status.ERROR,
                f"not among the options: {', '.join(map(repr, unknown))}. Copy the options exactly.",
            )
        if chosen == self.correct:
            return Feedback(Status.CORRECT, f"all {len(self.correct)} right, and nothing extra.")
        parts = []
        wrong = sorted(chosen - self.correct, key=self.options.index)
        for item in wrong:
            parts.append(f"{item!r} does not belong: {self.explanations.get(item, 'look at it again.')}")
        missing = len(self.correct - chosen)
        if missing:
            parts.append(f"{missing} correct option{'s are' if missing > 1 else ' is'} still missing.")
        return Feedback(Status.INCORRECT, " ".join(parts))


class MappingExercise(Exercise):
    """Sort items into categories (a dict item -> category); feedback names the misplaced items only."""

    def __init__(self, *args: Any, correct: Mapping[str, str], categories: Sequence[str], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.correct = dict(correct)
        self.categories = tuple(categories)
        if not set(self.correct.values()) <= set(self.categories):
            raise ValueError(f"exercise {self.name}: a reference category is not among the categories")

    def _judge(self, answer: Any) -> Feedback:
        if not isinstance(answer, Mapping):
            return Feedback(
                Status.ERROR, f"`{self.variable}` should be a dict mapping each item to a category."
            )
        missing = [item for item in self.correct if _not_answered(answer.get(item, _MISSING))]
        unknown_items = [item for item in answer if item not in self.correct]
        bad_values = sorted(
            {str(v) for v in answer.values() if not _not_answered(v) and v not in self.categories}
        )
        if unknown_items:
            return Feedback(
                Status.ERROR,
                f"unknown item(s): {', '.join(map(repr, unknown_items))}. Copy the item texts exactly.",
            )
        if bad_values:
            allowed = ", ".join(map(repr, self.categories))
            return Feedback(
                Status.ERROR, f"{', '.join(map(repr, bad_values))} is not a category; use one of {allowed}."
            )
        if len(missing) == len(self.correct):
            return Feedback(Status.NOT_ATTEMPTED, "no item has a category yet.")
        wrong = [
            item
            for item, category in self.correct.items()
            if item not in missing and answer[item] != category
        ]
        right = len(self.correct) - len(wrong) - len(missing)
        if not wrong and not missing:
            return Feedback(Status.CORRECT, f"all {len(self.correct)} items are in the right place.")
        message = f"{right} of {len(self.correct)} right."
        if wrong:
            message += " Look again at: " + "; ".join(repr(item) for item in wrong) + "."
        if missing:
            message += f" {len(missing)} item(s) still have no category."
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
            return Feedback(Status.ERROR, f"`{self.variable}` should be a list of the items, best first.")
        order = list(answer)
        unknown = [item for item in order if item not in self.reference]
        duplicates = sorted({str(item) for item in order if order.count(item) > 1})
        missing = [item for item in self.reference if item not in order]
        if unknown or duplicates or missing:
            problems = []
            if unknown:
                problems.append("unknown: " + ", ".join(map(repr, unknown)))
            if duplicates:
                problems.append("listed twice: " + ", ".join(map(repr, duplicates)))
            if missing:
                problems.append(f"{len(missing)} item(s) left out")
            return Feedback(
                Status.ERROR, "the ranking must list every item exactly once (" + "; ".join(problems) + ")."
            )
        tau = kendall_tau(order, self.reference)
        shared_top = len(set(order[: self.top_k]) & set(self.reference[: self.top_k]))
        if tau >= self.min_tau - 1e-12:
            return Feedback(
                Status.CORRECT, f"your ranking agrees with the reference (Kendall tau {tau:.2f})."
            )
        displacement = {item: order.index(item) - self.reference.index(item) for item in order}
        worst = max(order, key=lambda item: (abs(displacement[item]), -order.index(item)))
        direction = "too high" if displacement[worst] < 0 else "too low"
        return Feedback(
            Status.INCORRECT,
            f"Kendall tau {tau:.2f} (1 would be full agreement); {shared_top} of your top {self.top_k} "
            f"belong there. The biggest gap: {worst!r} is ranked {direction}.",
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
                f"`{self.variable}` should be a function (defined with `def`), not a {_kind(answer)}.",
            )
        for case in self.cases:
            call = f"{self.variable}({case.describe()})"
            try:
                result = answer(*case.args, **case.kwargs)
            except NotImplementedError:
                return Feedback(
                    Status.NOT_ATTEMPTED,
                    f"`{self.variable}` still raises NotImplementedError: write its body.",
                )
            except TypeError as exc:
                if self._signature_mismatch(answer, case):
                    return Feedback(
                        Status.ERROR,
                        f"`{call}` cannot be called: {exc}. Keep the parameters given in the exercise.",
                    )
                return Feedback(Status.ERROR, f"`{call}` raised TypeError: {exc}.")
            except Exception as exc:  # the learner's code may raise anything; we report it, we do not crash
                return Feedback(Status.ERROR, f"`{call}` raised {type(exc).__name__}: {exc}.")
            if result is Ellipsis or (result is None and case.expected is not None):
                if result is None:
                    return Feedback(Status.INCORRECT, f"`{call}` returned None: did you forget `return`?")
                return Feedback(
                    Status.NOT_ATTEMPTED, f"`{self.variable}` still returns `...`: write its body."
                )
            same = (
                self.compare(result, case.expected)
                if self.compare
                else _same(result, case.expected, self.rel_tol)
            )
            if not same:
                shown = plain_number(result) if is_real(result) else repr(result)
                return Feedback(
                    Status.INCORRECT, f"`{call}` returned {shown}, which is not right. Try `hint()`."
                )
        return Feedback(
            Status.CORRECT, f"your function gives the right result on all {len(self.cases)} test cases."
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
