"""Quiz question banks and their grading, with no widget: banks are JSON data in ``caiokit/data/<lang>/quizzes``,
one folder per language (``en/quizzes/00_start_here.json``).

A bank is ``{"title": ..., "lesson": ..., "questions": [...]}``; each question has an ``id``, a ``type``
(``single``, ``multiple`` or ``matching``), a ``prompt`` and an ``explanation`` shown after answering.

What is right is written with ids, never with the words a learner reads, so that a translated copy of a bank
(same ids, other texts) grades exactly as the English one:

- ``single`` and ``multiple`` have ``options``, a list of ``{"id": "a", "text": "..."}`` in the order shown;
  ``single`` names its right option in ``answer`` (``"a"``), ``multiple`` its right options in ``answers``
  (``["a", "c"]``); ``feedback`` may map a wrong option's id to the reason it is wrong (``{"b": "..."}``);
- ``matching`` has ``items``, a list of ``{"id": "high_high", "text": "High value, high feasibility",
  "match": "quick_win"}`` in the order shown, and ``targets``, a list of ``{"id": "quick_win", "text": "quick
  win"}``. Several items may match one target, and a target that no item matches is a distractor. Targets are
  shown sorted by their text, so that their order gives nothing away.

Ids are short and never change: options are ``a``, ``b``, ...; items and targets are snake_case words that
say what they stand for. A response is written with ids too: an option id (single), a collection of option
ids (multiple), a dict item id -> target id (matching).

A bank in another language (``fr/quizzes/00_start_here.json``) is a copy of the English one with other words and the
same ids, answers, feedback keys and matches; :func:`structure_differences` lists anything else that differs.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from caiokit import datafiles
from caiokit.errors import MalformedBankError, QuizBankError
from caiokit.i18n import _, listed, ngettext

QUESTION_TYPES = ("single", "multiple", "matching")


@dataclass(frozen=True)
class Choice:
    """An option, a matching item or a matching target: a stable id and the text a learner reads."""

    id: str
    text: str


@dataclass(frozen=True)
class Question:
    """One quiz question, whatever its type; what is right is written with the ids of its choices.

    ``answers`` holds the right option ids, ``pairs`` maps each item id to the id of the target it matches,
    ``feedback`` maps a wrong option's id to the reason it is wrong. ``targets`` are sorted by their text.
    """

    id: str
    type: str
    prompt: str
    explanation: str
    options: tuple[Choice, ...] = ()
    answers: frozenset[str] = frozenset()
    items: tuple[Choice, ...] = ()
    targets: tuple[Choice, ...] = ()
    pairs: dict[str, str] = field(default_factory=dict)
    feedback: dict[str, str] = field(default_factory=dict)


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
        problems.append(_("{where}: missing '{key}'").format(where=where, key=key))
    return raw.get(key)


def _choices(raw: dict[str, Any], key: str, where: str, problems: list[str]) -> list[dict[str, Any]]:
    """The entries of the list ``raw[key]`` (options, items or targets) that have an id and a text."""
    entries = raw.get(key, [])
    if not isinstance(entries, list):
        problems.append(_("{where}: '{key}' should be a list").format(where=where, key=key))
        return []
    kept = []
    for number, entry in enumerate(entries, start=1):
        if (
            isinstance(entry, dict)
            and isinstance(entry.get("id"), str)
            and entry["id"]
            and isinstance(entry.get("text"), str)
        ):
            kept.append(entry)
        else:
            problems.append(
                _(
                    "{where}: entry {number} of '{key}' should be an object with an 'id' and a 'text', not {entry}"
                ).format(where=where, number=number, key=key, entry=repr(entry))
            )
    ids = [entry["id"] for entry in kept]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        problems.append(
            _("{where}: duplicate ids in '{key}': {ids}").format(where=where, key=key, ids=duplicates)
        )
    return kept


def _answers(
    raw: dict[str, Any], kind: str, options: set[str], where: str, problems: list[str]
) -> frozenset[str]:
    """The ids of the right options of a single or multiple question."""
    if kind == "single":
        answer = _require(raw, "answer", where, problems)
        if answer is not None and (not isinstance(answer, str) or answer not in options):
            problems.append(
                _("{where}: answer {answer} is not among its options").format(
                    where=where, answer=repr(answer)
                )
            )
        return frozenset([answer]) if isinstance(answer, str) else frozenset()
    answers = _require(raw, "answers", where, problems)
    if answers is None:
        return frozenset()
    if not isinstance(answers, list) or not all(isinstance(answer, str) for answer in answers):
        problems.append(_("{where}: 'answers' should be a list of option ids").format(where=where))
        return frozenset()
    unknown = sorted(set(answers) - options)
    if unknown:
        problems.append(
            _("{where}: some answers are not among its options: {ids}").format(where=where, ids=unknown)
        )
    return frozenset(answers)


def _pairs(items: list[dict[str, Any]], targets: set[str], where: str, problems: list[str]) -> dict[str, str]:
    """Each matching item's id -> the id of the target it matches."""
    if len(items) < 2:
        problems.append(_("{where}: a matching question needs at least two items").format(where=where))
    pairs = {}
    for item in items:
        match = item.get("match")
        if isinstance(match, str) and match in targets:
            pairs[item["id"]] = match
        elif "match" not in item:
            problems.append(
                _("{where}: item {item} has no 'match'").format(where=where, item=repr(item["id"]))
            )
        else:
            problems.append(
                _("{where}: item {item} matches {match}, which is not among its targets").format(
                    where=where, item=repr(item["id"]), match=repr(match)
                )
            )
    return pairs


def _parse_question(raw: Any, index: int, problems: list[str]) -> Question | None:
    where = _("question {number}").format(number=index + 1)
    if not isinstance(raw, dict):
        problems.append(
            _("{where}: should be an object, not {kind}").format(where=where, kind=type(raw).__name__)
        )
        return None
    qid = raw.get("id", f"#{index + 1}")
    where = _("question {id}").format(id=repr(qid))
    kind = _require(raw, "type", where, problems)
    prompt = _require(raw, "prompt", where, problems)
    explanation = _require(raw, "explanation", where, problems)
    if kind not in QUESTION_TYPES:
        problems.append(
            _("{where}: type {kind} is not one of {types}").format(
                where=where, kind=repr(kind), types=", ".join(QUESTION_TYPES)
            )
        )
        return None
    options = _choices(raw, "options", where, problems)
    items = _choices(raw, "items", where, problems)
    targets = _choices(raw, "targets", where, problems)
    option_ids = {option["id"] for option in options}
    if kind == "matching":
        answers = frozenset()
        pairs = _pairs(items, {target["id"] for target in targets}, where, problems)
    else:
        answers = _answers(raw, kind, option_ids, where, problems)
        pairs = {}
        if len(options) < 2:
            problems.append(_("{where}: needs at least two options").format(where=where))
    feedback = dict(raw.get("feedback", {}))
    unknown_feedback = set(feedback) - option_ids
    if unknown_feedback:
        problems.append(
            # TRANSLATORS: English keeps "option(s)" for one option and for several; write each form of yours.
            ngettext(
                "{where}: feedback for unknown option(s) {ids}",
                "{where}: feedback for unknown option(s) {ids}",
                len(unknown_feedback),
            ).format(where=where, ids=sorted(unknown_feedback))
        )
    return Question(
        id=str(qid),
        type=kind,
        prompt=str(prompt),
        explanation=str(explanation),
        options=tuple(Choice(option["id"], option["text"]) for option in options),
        answers=answers,
        items=tuple(Choice(item["id"], item["text"]) for item in items),
        targets=tuple(sorted((Choice(t["id"], t["text"]) for t in targets), key=lambda target: target.text)),
        pairs=pairs,
        feedback=feedback,
    )


def parse_bank(data: Any, source: str) -> Bank:
    """Validate a bank's parsed JSON; raise one MalformedBankError that lists every problem."""
    problems: list[str] = []
    if not isinstance(data, dict):
        raise QuizBankError(
            _("{source}: a quiz bank should be a JSON object with 'title', 'lesson' and 'questions'.").format(
                source=source
            )
        )
    title = _require(data, "title", source, problems)
    lesson = _require(data, "lesson", source, problems)
    raw_questions = _require(data, "questions", source, problems) or []
    questions = [q for i, raw in enumerate(raw_questions) if (q := _parse_question(raw, i, problems))]
    ids = [q.id for q in questions]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        problems.append(_("{source}: duplicate question ids {ids}").format(source=source, ids=duplicates))
    if problems:
        raise MalformedBankError(source, problems)
    return Bank(title=str(title), lesson=str(lesson), questions=tuple(questions))


def load_bank(name_or_path: str | Path) -> Bank:
    """Load a bank by name (``"00_start_here"``, in the language in use) or from a JSON file path."""
    path = Path(name_or_path)
    if path.suffix == ".json":
        source = str(path)
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise QuizBankError(
                _("Cannot read the quiz bank {source}: {error}").format(source=source, error=exc)
            ) from exc
    else:
        source = _("quiz bank {name}").format(name=repr(name_or_path))
        resource = datafiles.path(datafiles.localized(f"quizzes/{name_or_path}.json"))
        if not resource.is_file():
            raise QuizBankError(
                _("There is no {source}; available: {names}.").format(
                    source=source, names=", ".join(bank_names())
                )
            )
        text = resource.read_text(encoding="utf-8")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise QuizBankError(
            _("{source} is not valid JSON: {error} at line {line}, column {column}.").format(
                source=source, error=exc.msg, line=exc.lineno, column=exc.colno
            )
        ) from exc
    return parse_bank(data, source)


def bank_names() -> list[str]:
    """Names of the banks shipped with caiokit in the language in use."""
    folder = datafiles.path(datafiles.localized("quizzes"))
    return sorted(
        entry.name.removesuffix(".json") for entry in folder.iterdir() if entry.name.endswith(".json")
    )


def _structure(question: Question) -> dict[str, object]:
    """What grading a question depends on, with none of its words."""
    return {
        "type": question.type,
        "options": [option.id for option in question.options],
        "answers": sorted(question.answers),
        "feedback": sorted(question.feedback),
        "items": [(item.id, question.pairs[item.id]) for item in question.items],
        "targets": sorted(target.id for target in question.targets),
    }


def structure_differences(bank: Bank, reference: Bank) -> list[str]:
    """What a translated bank changes from ``reference`` (the English bank) besides words; [] if nothing."""
    differences = []
    if bank.lesson != reference.lesson:
        differences.append(f"lesson {bank.lesson!r}, not {reference.lesson!r}")
    ids, reference_ids = [q.id for q in bank.questions], [q.id for q in reference.questions]
    if ids != reference_ids:
        differences.append(f"question ids {ids}, not {reference_ids}")
    expected = {q.id: _structure(q) for q in reference.questions}
    for question in bank.questions:
        if question.id in expected:
            found = _structure(question)
            differences += [
                f"question {question.id!r}: {key} {value}, not {expected[question.id][key]}"
                for key, value in found.items()
                if value != expected[question.id][key]
            ]
    return differences


def _texts(choices: tuple[Choice, ...]) -> dict[str, str]:
    return {choice.id: choice.text for choice in choices}


def grade(question: Question, response: Any) -> Verdict:
    """Grade a response: an option id (single), a collection of option ids (multiple) or a dict item id ->
    target id (matching)."""
    if question.type == "single":
        if response in (None, ""):
            return Verdict(False, _("Pick an option first."), question.explanation, answered=False)
        if response in question.answers:
            return Verdict(True, _("Right."), question.explanation)
        return Verdict(False, question.feedback.get(response, _("Not this one.")), question.explanation)
    if question.type == "multiple":
        chosen = set(response or ())
        if not chosen:
            return Verdict(False, _("Tick at least one option."), question.explanation, answered=False)
        if chosen == question.answers:
            return Verdict(True, _("Right: all of them, and only them."), question.explanation)
        texts = _texts(question.options)
        wrong = sorted(chosen - question.answers, key=list(texts).index)
        missed = len(question.answers - chosen)
        parts = [
            _("{option}: {reason}").format(
                option=repr(texts[option]), reason=question.feedback.get(option, _("does not belong."))
            )
            for option in wrong
        ]
        if missed:
            # TRANSLATORS: English keeps "option(s)" for one option and for several; write each form of yours.
            parts.append(
                ngettext(
                    "{count} right option(s) not ticked.", "{count} right option(s) not ticked.", missed
                ).format(count=missed)
            )
        return Verdict(False, " ".join(parts), question.explanation)
    matches = dict(response or {})
    unanswered = [item for item in question.pairs if not matches.get(item)]
    if len(unanswered) == len(question.pairs):
        return Verdict(False, _("Match at least one item."), question.explanation, answered=False)
    wrong = [item for item, target in question.pairs.items() if matches.get(item) and matches[item] != target]
    if not wrong and not unanswered:
        return Verdict(True, _("Right: every pair matches."), question.explanation)
    total = len(question.pairs)
    message = ngettext("{right} of {total} pair right.", "{right} of {total} pairs right.", total).format(
        right=total - len(wrong) - len(unanswered), total=total
    )
    if wrong:
        texts = _texts(question.items)
        message += " " + _("Look again at: {items}.").format(
            items=listed(repr(texts[item]) for item in wrong)
        )
    return Verdict(False, message, question.explanation)
