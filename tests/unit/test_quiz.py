"""Quiz banks: every shipped bank is valid, malformed banks are explained, answers are graded, every language grades
like English."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from caiokit.errors import QuizBankError
from caiokit.i18n import LANGUAGES, SOURCE_LANGUAGE
from caiokit.quiz import bank_names, grade, load_bank, parse_bank, structure_differences

DATA = Path(__file__).resolve().parents[2] / "caiokit" / "data"


@pytest.mark.parametrize("name", bank_names())
def test_every_shipped_bank_loads(name):
    bank = load_bank(name)
    assert bank.questions and bank.lesson == name


def bank(*questions):
    return {"title": "T", "lesson": "00", "questions": list(questions)}


def options(*texts):
    return [{"id": chr(ord("a") + i), "text": text} for i, text in enumerate(texts)]


SINGLE = {
    "id": "s",
    "type": "single",
    "prompt": "P",
    "options": options("x", "y"),
    "answer": "a",
    "explanation": "E",
    "feedback": {"b": "y is about IT"},
}
MULTIPLE = {
    "id": "m",
    "type": "multiple",
    "prompt": "P",
    "options": options("x", "y", "z"),
    "answers": ["a", "b"],
    "explanation": "E",
}
MATCHING = {
    "id": "p",
    "type": "matching",
    "prompt": "P",
    "items": [
        {"id": "first", "text": "A", "match": "one"},
        {"id": "second", "text": "B", "match": "two"},
        {"id": "third", "text": "C", "match": "three"},
    ],
    "targets": [{"id": "two", "text": "2"}, {"id": "one", "text": "1"}, {"id": "three", "text": "3"}],
    "explanation": "E",
}


def test_grading_single():
    question = parse_bank(bank(SINGLE), "t").questions[0]
    assert [(option.id, option.text) for option in question.options] == [("a", "x"), ("b", "y")]
    assert grade(question, "a").correct
    verdict = grade(question, "b")
    assert not verdict.correct and verdict.message == "y is about IT"
    assert grade(question, "c").message == "Not this one."
    assert not grade(question, None).answered


def test_grading_multiple_names_the_wrong_options_by_their_text():
    question = parse_bank(bank(MULTIPLE), "t").questions[0]
    assert grade(question, ["b", "a"]).correct
    verdict = grade(question, ["a", "c"])
    assert not verdict.correct and verdict.message == "'z': does not belong. 1 right option(s) not ticked."
    assert not grade(question, []).answered


def test_grading_matching_names_the_wrong_items_by_their_text():
    question = parse_bank(bank(MATCHING), "t").questions[0]
    assert [target.text for target in question.targets] == ["1", "2", "3"]  # their order gives nothing away
    assert question.pairs == {"first": "one", "second": "two", "third": "three"}
    assert grade(question, {"first": "one", "second": "two", "third": "three"}).correct
    verdict = grade(question, {"first": "one", "second": "three"})
    assert not verdict.correct and verdict.message == "1 of 3 pairs right. Look again at: 'B'."
    assert not grade(question, {}).answered


def test_a_target_no_item_matches_is_a_distractor():
    distractor = {**MATCHING, "targets": [*MATCHING["targets"], {"id": "four", "text": "4"}]}
    question = parse_bank(bank(distractor), "t").questions[0]
    assert [target.id for target in question.targets] == ["one", "two", "three", "four"]
    assert not grade(question, {"first": "four", "second": "two", "third": "three"}).correct


def problems_of(*questions) -> str:
    with pytest.raises(QuizBankError) as caught:
        parse_bank(bank(*questions), "bank.json")
    return str(caught.value)


def test_every_problem_of_a_bank_is_listed():
    message = problems_of(
        {**SINGLE, "id": "a", "answer": "w"},
        {"id": "b", "type": "essay", "prompt": "P", "explanation": "E"},
        {**MULTIPLE, "id": "a", "answers": ["a", "q"]},
        {"id": "c", "type": "matching", "prompt": "P", "items": MATCHING["items"][:1], "targets": []},
        "not a question",
    )
    assert message.startswith("bank.json has 8 problem(s):\n  - ")
    for expected in (
        "question 'a': answer 'w' is not among its options",
        "type 'essay'",
        "question 'a': some answers are not among its options: ['q']",
        "question 'c': a matching question needs at least two items",
        "question 'c': item 'first' matches 'one', which is not among its targets",
        "question 'c': missing 'explanation'",
        "question 5: should be an object",
        "duplicate question ids ['a']",
    ):
        assert expected in message


def test_options_need_unique_ids_and_texts():
    message = problems_of(
        {**SINGLE, "options": [{"id": "a", "text": "x"}, {"id": "a", "text": "y"}, {"id": "b", "text": "z"}]},
        {**MULTIPLE, "options": ["x", "y", {"id": "c"}]},
    )
    assert "question 's': duplicate ids in 'options': ['a']" in message
    assert (
        "question 'm': entry 1 of 'options' should be an object with an 'id' and a 'text', not 'x'" in message
    )
    assert "entry 3 of 'options' should be an object with an 'id' and a 'text', not {'id': 'c'}" in message
    assert "question 'm': some answers are not among its options: ['a', 'b']" in message


def test_feedback_and_answers_are_option_ids():
    message = problems_of(
        {**SINGLE, "feedback": {"y": "written with the text, not the id"}},
        {**MULTIPLE, "answers": "ab"},
    )
    assert "question 's': feedback for unknown option(s) ['y']" in message
    assert "question 'm': 'answers' should be a list of option ids" in message


def test_matching_items_point_at_known_targets_by_id():
    items = [
        {"id": "first", "text": "A", "match": "1"},
        {"id": "first", "text": "B", "match": "two"},
        {"id": "third", "text": "C"},
    ]
    message = problems_of({**MATCHING, "items": items})
    assert "question 'p': item 'first' matches '1', which is not among its targets" in message
    assert "question 'p': duplicate ids in 'items': ['first']" in message
    assert "question 'p': item 'third' has no 'match'" in message


def test_messages_go_through_the_catalogue_when_shown(bracketed):
    multiple = parse_bank(bank(MULTIPLE), "t").questions[0]
    assert grade(multiple, ["a", "c"]).message == "['z': [does not belong.]] [1 right option(s) not ticked.]"
    matching = parse_bank(bank(MATCHING), "t").questions[0]
    assert grade(matching, {"first": "two"}).message == "[0 of 3 pairs right.] [Look again at: 'A'.]"
    assert problems_of({**SINGLE, "answer": "w"}) == (
        "[bank.json has 1 problem(s)]:\n  - [[question 's']: answer 'w' is not among its options]"
    )
    with pytest.raises(QuizBankError, match=r"^\[There is no \[quiz bank 'nothing'\]; available: 00_start"):
        load_bank("nothing")


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


# --- languages ------------------------------------------------------------------------------------------------


def test_every_language_the_course_is_offered_in_has_every_bank():
    english = sorted(path.name for path in (DATA / SOURCE_LANGUAGE / "quizzes").glob("*.json"))
    assert english and english == [f"{name}.json" for name in bank_names()]
    for code in LANGUAGES:
        assert sorted(path.name for path in (DATA / code / "quizzes").glob("*.json")) == english, code


@pytest.mark.parametrize(
    "path", sorted(DATA.glob("*/quizzes/*.json")), ids=lambda path: f"{path.parent.parent.name}/{path.stem}"
)
def test_every_bank_of_every_language_grades_like_the_english_one(path):
    """A translation changes words only: same questions, option ids, answers, feedback keys and matches."""
    english = load_bank(DATA / SOURCE_LANGUAGE / "quizzes" / path.name)
    assert structure_differences(load_bank(path), english) == []


def test_structure_differences_ignore_words_and_name_everything_else():
    english = json.loads(
        (DATA / SOURCE_LANGUAGE / "quizzes" / "03_use_case_prioritization.json").read_text(encoding="utf-8")
    )
    reworded = copy.deepcopy(english)
    for question in reworded["questions"]:
        question["prompt"] = question["prompt"].upper()
        for choice in question.get("options", []) + question.get("items", []) + question.get("targets", []):
            choice["text"] = choice["text"].upper()
        question["feedback"] = {key: reason.upper() for key, reason in question.get("feedback", {}).items()}
    reference = parse_bank(english, "en")
    assert structure_differences(parse_bank(reworded, "fr"), reference) == []

    altered = copy.deepcopy(reworded)
    first, rice, wsjf, quadrants, scoring = altered["questions"]
    first["options"].pop()  # option f and its feedback left out
    del first["feedback"]["f"]
    rice["answer"] = "b"
    quadrants["items"][0]["match"], quadrants["items"][1]["match"] = "strategic_bet", "quick_win"
    quadrants["targets"][0]["id"] = "avoided"
    quadrants["items"][3]["match"] = "avoided"
    altered["questions"] = [first, rice, quadrants, wsjf, scoring]
    assert structure_differences(parse_bank(altered, "fr"), reference) == [
        "question ids ['first_project', 'rice_confidence', 'quadrants', 'wsjf_scale', 'social_scoring'], not "
        "['first_project', 'rice_confidence', 'wsjf_scale', 'quadrants', 'social_scoring']",
        "question 'first_project': options ['a', 'b', 'c', 'd', 'e'], not ['a', 'b', 'c', 'd', 'e', 'f']",
        "question 'first_project': feedback ['e'], not ['e', 'f']",
        "question 'rice_confidence': answers ['b'], not ['a']",
        "question 'quadrants': items [('high_value_high_feasibility', 'strategic_bet'), "
        "('high_value_low_feasibility', 'quick_win'), ('low_value_high_feasibility', 'fill_in'), "
        "('low_value_low_feasibility', 'avoided')], not [('high_value_high_feasibility', 'quick_win'), "
        "('high_value_low_feasibility', 'strategic_bet'), ('low_value_high_feasibility', 'fill_in'), "
        "('low_value_low_feasibility', 'avoid')]",
        "question 'quadrants': targets ['avoided', 'fill_in', 'quick_win', 'strategic_bet'], not "
        "['avoid', 'fill_in', 'quick_win', 'strategic_bet']",
    ]
    assert structure_differences(parse_bank({**reworded, "lesson": "04"}, "fr"), reference) == [
        "lesson '04', not '03_use_case_prioritization'"
    ]
