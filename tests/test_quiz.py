"""Quiz banks: every shipped bank is valid, malformed banks are explained, answers are graded."""

from __future__ import annotations

import json

import pytest

from caiokit.errors import QuizBankError
from caiokit.quiz import bank_names, grade, load_bank, parse_bank


@pytest.mark.parametrize("name", bank_names())
def test_every_shipped_bank_loads(name):
    bank = load_bank(name)
    assert bank.questions and bank.lesson == name


def bank(*questions):
    return {"title": "T", "lesson": "00", "questions": list(questions)}


SINGLE = {
    "id": "s",
    "type": "single",
    "prompt": "P",
    "options": ["x", "y"],
    "answer": "x",
    "explanation": "E",
    "feedback": {"y": "y is about IT"},
}
MULTIPLE = {
    "id": "m",
    "type": "multiple",
    "prompt": "P",
    "options": ["x", "y", "z"],
    "answers": ["x", "y"],
    "explanation": "E",
}
MATCHING = {
    "id": "p",
    "type": "matching",
    "prompt": "P",
    "pairs": {"a": "1", "b": "2", "c": "3"},
    "explanation": "E",
}


def test_grading_single():
    question = parse_bank(bank(SINGLE), "t").questions[0]
    assert grade(question, "x").correct
    verdict = grade(question, "y")
    assert not verdict.correct and verdict.message == "y is about IT"
    assert not grade(question, None).answered


def test_grading_multiple():
    question = parse_bank(bank(MULTIPLE), "t").questions[0]
    assert grade(question, ["y", "x"]).correct
    verdict = grade(question, ["x", "z"])
    assert (
        not verdict.correct and "'z'" in verdict.message and "1 right option(s) not ticked" in verdict.message
    )
    assert not grade(question, []).answered


def test_grading_matching():
    question = parse_bank(bank(MATCHING), "t").questions[0]
    assert question.targets == ("1", "2", "3")
    assert grade(question, {"a": "1", "b": "2", "c": "3"}).correct
    verdict = grade(question, {"a": "1", "b": "3"})
    assert not verdict.correct and verdict.message == "1 of 3 pairs right. Look again at: 'b'."
    assert not grade(question, {}).answered


def test_every_problem_of_a_bank_is_listed():
    broken = bank(
        {
            "id": "a",
            "type": "single",
            "prompt": "P",
            "options": ["x", "y"],
            "answer": "w",
            "explanation": "E",
        },
        {"id": "b", "type": "essay", "prompt": "P", "explanation": "E"},
        {
            "id": "a",
            "type": "multiple",
            "prompt": "P",
            "options": ["x", "y"],
            "answers": ["q"],
            "explanation": "E",
        },
        {"id": "c", "type": "matching", "prompt": "P", "pairs": {"only": "one"}},
        "not a question",
    )
    with pytest.raises(QuizBankError) as caught:
        parse_bank(broken, "bank.json")
    message = str(caught.value)
    for expected in (
        "answer 'w' is not among its options",
        "type 'essay'",
        "some answers are not among",
        "at least two pairs",
        "missing 'explanation'",
        "question 5: should be an object",
        "duplicate question ids ['a']",
    ):
        assert expected in message


def test_invalid_json_names_line_and_column(tmp_path):
    path = tmp_path / "bank.json"
    path.write_text('{"title": "T",\n "lesson": }', encoding="utf-8")
    with pytest.raises(QuizBankError, match="not valid JSON: .* line 2"):
        load_bank(path)


def test_unknown_bank_lists_the_available_ones():
    with pytest.raises(QuizBankError, match="available: 00_start_here"):
        load_bank("no_such_lesson")


def test_bank_from_a_file(tmp_path):
    path = tmp_path / "mine.json"
    path.write_text(json.dumps(bank(SINGLE, MULTIPLE)), encoding="utf-8")
    assert [q.id for q in load_bank(path).questions] == ["s", "m"]
