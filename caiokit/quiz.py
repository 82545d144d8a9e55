"""Quiz question banks and their grading, with no widget: banks are JSON data in ``caiokit/data/quizzes``.

A bank is ``{"title": ..., "lesson": ..., "questions": [...]}``; each question has an ``id``, a ``type``
(``single``, ``multiple`` or ``matching``), a ``prompt`` and an ``explanation`` shown after answering.
``single`` has ``options`` and ``answer``; ``multiple`` has ``options`` and ``answers``; ``matching``
has ``pairs`` (left -> right). ``feedback`` may map a wrong option to the reason it is wrong.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from caiokit import datafiles
from caiokit.errors import MalformedBankError, QuizBankError

QUESTION_TYPES = ("single", "multiple", "matching")


@dataclass(frozen=True)
class Question:
    """One quiz question, whatever its type."""

    id: str
    type: str
    prompt: str
    explanation: str
    options: tuple[str, ...] = ()
    answers: frozenset[str] = frozenset()
    pairs: dict[str, str] = field(default_factory=dict)
    feedback: dict[str, str] = field(default_factory=dict)

    @property
    def targets(self) -> tuple[str, ...]:
        """For a matching question, the right-hand choices, sorted so their order gives nothing away."""
        return tuple(sorted(set(self.pairs.values())))


@dataclass(frozen=True)
class Bank:
    """A titled list of questions for one lesson."""

    title: str
    lesson: str
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class Verdict:
    """The grading of one response: right or not, a specific message, and the explanation."""

    correct: bool
    message: str
    explanation: str
    answered: bool = True


def _require(raw: dict[str, Any], key: str, where: str, problems: list[str]) -> Any:
    if key not in raw:
        problems.append(f"{where}: missing '{key}'")
    return raw.get(key)


def _parse_question(raw: Any, index: int, problems: list[str]) -> Question | None:
    where = f"question {index + 1}"
    if not isinstance(raw, dict):
        problems.append(f"{where}: should be an object, not {type(raw).__name__}")
        return None
    qid = raw.get("id", f"#{index + 1}")
    where = f"question {qid!r}"
    kind = _require(raw, "type", where, problems)
    prompt = _require(raw, "prompt", where, problems)
    explanation = _require(raw, "explanation", where, problems)
    if kind not in QUESTION_TYPES:
        problems.append(f"{where}: type {kind!r} is not one of {', '.join(QUESTION_TYPES)}")
        return None
    options = tuple(raw.get("options", ()))
    feedback = dict(raw.get("feedback", {}))
    if kind == "single":
        answer = _require(raw, "answer", where, problems)
        if answer is not None and answer not in options:
            problems.append(f"{where}: answer {answer!r} is not among its options")
        answers = frozenset([answer]) if answer is not None else frozenset()
    elif kind == "multiple":
        answers = frozenset(_require(raw, "answers", where, problems) or ())
        if not answers <= set(options):
            problems.append(f"{where}: some answers are not among its options")
    else:
        answers = frozenset()
    pairs = dict(raw.get("pairs", {}))
    if kind == "matching" and len(pairs) < 2:
        problems.append(f"{where}: a matching question needs at least two pairs")
    if kind != "matching" and len(options) < 2:
        problems.append(f"{where}: needs at least two options")
    unknown_feedback = set(feedback) - set(options)
    if unknown_feedback:
        problems.append(f"{where}: feedback for unknown option(s) {sorted(unknown_feedback)}")
    return Question(
        id=str(qid),
        type=kind,
        prompt=str(prompt),
        explanation=str(explanation),
        options=options,
        answers=answers,
        pairs=pairs,
        feedback=feedback,
    )


def parse_bank(data: Any, source: str) -> Bank:
    """Validate a bank's parsed JSON; raise one MalformedBankError that lists every problem."""
    problems: list[str] = []
    if not isinstance(data, dict):
        raise QuizBankError(
            f"{source}: a quiz bank should be a JSON object with 'title', 'lesson' and 'questions'."
        )
    title = _require(data, "title", source, problems)
    lesson = _require(data, "lesson", source, problems)
    raw_questions = _require(data, "questions", source, problems) or []
    questions = [q for i, raw in enumerate(raw_questions) if (q := _parse_question(raw, i, problems))]
    ids = [q.id for q in questions]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        problems.append(f"{source}: duplicate question ids {duplicates}")
    if problems:
        raise MalformedBankError(source, problems)
    return Bank(title=str(title), lesson=str(lesson), questions=tuple(questions))


def load_bank(name_or_path: str | Path) -> Bank:
    """Load a bank by name (e.g. ``"00_start_here"``, from the package) or from a JSON file path."""
    path = Path(name_or_path)
    if path.suffix == ".json":
        source = str(path)
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise QuizBankError(f"Cannot read the quiz bank {source}: {exc}") from exc
    else:
        source = f"quiz bank {name_or_path!r}"
        resource = datafiles.path(f"quizzes/{name_or_path}.json")
        if not resource.is_file():
            raise QuizBankError(f"There is no {source}; available: {', '.join(bank_names())}.")
        text = resource.read_text(encoding="utf-8")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise QuizBankError(
            f"{source} is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}."
        ) from exc
    return parse_bank(data, source)


def bank_names() -> list[str]:
    """Names of the banks shipped with caiokit."""
    folder = datafiles.path("quizzes")
    return sorted(
        entry.name.removesuffix(".json") for entry in folder.iterdir() if entry.name.endswith(".json")
    )


def grade(question: Question, response: Any) -> Verdict:
    """Grade a response: a string (single), a collection (multiple) or a dict left -> right (matching)."""
    if question.type == "single":
        if response in (None, ""):
            return Verdict(False, "Pick an option first.", question.explanation, answered=False)
        if response in question.answers:
            return Verdict(True, "Right.", question.explanation)
        return Verdict(False, question.feedback.get(response, "Not this one."), question.explanation)
    if question.type == "multiple":
        chosen = set(response or ())
        if not chosen:
            return Verdict(False, "Tick at least one option.", question.explanation, answered=False)
        if chosen == question.answers:
            return Verdict(True, "Right: all of them, and only them.", question.explanation)
        wrong = sorted(chosen - question.answers, key=question.options.index)
        missed = len(question.answers - chosen)
        parts = [f"{option!r}: {question.feedback.get(option, 'does not belong.')}" for option in wrong]
        if missed:
            parts.append(f"{missed} right option(s) not ticked.")
        return Verdict(False, " ".join(parts), question.explanation)
    matches = dict(response or {})
    unanswered = [left for left in question.pairs if not matches.get(left)]
    if len(unanswered) == len(question.pairs):
        return Verdict(False, "Match at least one item.", question.explanation, answered=False)
    wrong = [left for left, right in question.pairs.items() if matches.get(left) and matches[left] != right]
    if not wrong and not unanswered:
        return Verdict(True, "Right: every pair matches.", question.explanation)
    message = f"{len(question.pairs) - len(wrong) - len(unanswered)} of {len(question.pairs)} pairs right."
    if wrong:
        message += " Look again at: " + "; ".join(repr(left) for left in wrong) + "."
    return Verdict(False, message, question.explanation)
