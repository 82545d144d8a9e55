"""Lesson 01_who_is_the_caio: the roles domain, its exercises, its quiz bank and the responsibility sorter."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from caiokit import datafiles
from caiokit.checks import caio_role
from caiokit.checks.caio_role import (
    FEDERAL_STATEMENTS,
    FLAVOURS,
    NEW_RESPONSIBILITIES,
    SYMPTOMS,
    q1,
    q2,
    q3,
    q4,
    q5,
)
from caiokit.exercises import Status
from caiokit.quiz import grade, load_bank
from caiokit.roles import (
    ROLES,
    ItemFeedback,
    RolesError,
    load_responsibilities,
    normalise_role,
    roles_table,
    score,
    sort_feedback,
)
from caiokit.widgets.responsibility_sorter import ResponsibilitySorter

ROOT = Path(__file__).resolve().parents[2]
FIRST = "Present the AI investment plan to the executive committee and report each quarter on what it has delivered"
LAPTOPS = "Choose the laptop models and the mobile-phone plan for the sales force"


def names(role: str, text: str) -> bool:
    return re.search(rf"\b{role}\b", text) is not None


# --- domain -------------------------------------------------------------------------------------------


def test_four_roles_each_with_a_description():
    assert list(ROLES) == ["CAIO", "CIO", "CTO", "CDO"]
    table = roles_table()
    assert list(table.index) == ["CAIO", "CIO", "CTO", "CDO"]
    assert table.loc["CIO", "title"] == "Chief Information Officer"
    assert all(len(text) > 30 for text in table["owns"])


def test_built_in_responsibilities_join_owners_and_wording_on_their_ids():
    owners = datafiles.table("responsibilities.csv")
    wording = datafiles.table(datafiles.localized("responsibilities.csv"))
    assert list(owners.columns) == ["id", "owner"]
    assert list(wording.columns) == ["id", "responsibility", "why"]
    assert list(owners["id"]) == list(wording["id"]) and owners["id"].is_unique
    table = load_responsibilities()
    assert list(table.columns) == ["responsibility", "owner", "why"]
    assert list(table["owner"]) == list(owners["owner"])


def test_role_texts_are_read_in_the_language_in_use(bracketed, progress_file):
    role = ROLES["CTO"]
    assert role.marked_title == "Chief Technology Officer"
    assert role.title == "[Chief Technology Officer]" and role.remit.startswith("[owns")
    assert list(roles_table().columns) == ["[title]", "[owns]"]
    feedback = sort_feedback({FIRST: "CIO"})[0]
    assert feedback.message.startswith("[Not the CIO: the CIO [runs the company's own information systems]. ")
    sorter = ResponsibilitySorter()
    assert sorter.check_button.description == "[Check]" and sorter.no_choice == "[(choose)]"
    assert caio_role.q1.hint().body == f"[{caio_role.q1.hints[0]}]"  # hints are translated when shown


def test_normalise_role_accepts_any_case_and_rejects_others():
    assert normalise_role(" caio ") == "CAIO"
    assert normalise_role("Cdo") == "CDO"
    with pytest.raises(RolesError, match="'CFO' is not a role here; use one of 'CAIO', 'CIO', 'CTO', 'CDO'"):
        normalise_role("CFO")
    with pytest.raises(RolesError):
        normalise_role(None)


def test_built_in_responsibilities():
    table = load_responsibilities()
    assert list(table.columns) == ["responsibility", "owner", "why"]
    assert len(table) == 14
    assert table["owner"].value_counts().to_dict() == {"CAIO": 5, "CIO": 3, "CTO": 3, "CDO": 3}
    assert table.loc[0, "responsibility"] == FIRST and table.loc[0, "owner"] == "CAIO"
    for why in table["why"]:
        assert not any(names(role, why) for role in ROLES), why


def test_lesson_items_differ_from_the_assignment():
    """The lesson must not give away assignment 01's answers: none of its sentences is reused."""
    assignment = (ROOT / "release" / "01_caio_role" / "01_caio_role.ipynb").read_text(encoding="utf-8")
    for item in [*load_responsibilities()["responsibility"], *NEW_RESPONSIBILITIES]:
        assert item not in assignment
    assert not set(NEW_RESPONSIBILITIES) & set(load_responsibilities()["responsibility"])


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "mine.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_csv_of_ones_own_loads(tmp_path):
    path = write(tmp_path, "responsibility,owner,why,extra\nRun payroll IT,CIO,Internal systems.,x\n")
    table = load_responsibilities(path)
    assert list(table.columns) == ["responsibility", "owner", "why"] and len(table) == 1


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("responsibility,owner\nA,CIO\n", "column(s) 'why' missing"),
        (
            "responsibility,owner,why\nA,CFO,Because.\n",
            "line 2: owner 'CFO' is not one of CAIO, CIO, CTO, CDO",
        ),
        ("responsibility,owner,why\nA,CIO,The CIO does it.\n", "line 2: the 'why' names CIO"),
        ("responsibility,owner,why\nA,CIO,\n", "line 2: empty responsibility or why"),
        ("responsibility,owner,why\nA,CIO,x.\nA,CTO,y.\n", "duplicate responsibilities: 'A'"),
    ],
)
def test_a_bad_csv_is_refused_with_the_reason(tmp_path, text, message):
    with pytest.raises(RolesError, match=re.escape(message)):
        load_responsibilities(write(tmp_path, text))


def test_a_missing_file_is_refused(tmp_path):
    with pytest.raises(RolesError, match="cannot read"):
        load_responsibilities(tmp_path / "nowhere.csv")


def test_sort_feedback_right_and_wrong():
    feedback = sort_feedback({LAPTOPS: "cio", FIRST: "CTO"})
    assert [item.responsibility for item in feedback] == [FIRST, LAPTOPS]  # the table's order
    wrong, right = feedback
    assert right == ItemFeedback(
        LAPTOPS,
        "CIO",
        True,
        "Right. This is equipment and connectivity for the company's own staff, with no AI decision in it.",
    )
    assert right.mark == "✔" and wrong.mark == "✘"
    assert not wrong.correct and wrong.chosen == "CTO"
    assert wrong.message.startswith(
        "Not the CTO: the CTO owns the technology inside the products the company sells. This is about"
    )
    assert score(feedback) == 1


def test_a_wrong_answer_never_names_the_right_role():
    table = load_responsibilities()
    for row in table.itertuples():
        for role in ROLES:
            if role == row.owner:
                continue
            (item,) = sort_feedback({row.responsibility: role})
            assert not item.correct
            assert names(role, item.message) and not names(row.owner, item.message), item.message


def test_a_full_right_sorting_scores_everything():
    table = load_responsibilities()
    feedback = sort_feedback(dict(zip(table["responsibility"], table["owner"], strict=True)))
    assert score(feedback) == 14 and all(item.correct for item in feedback)
    assert sort_feedback({}) == []


def test_sort_feedback_with_a_table_of_ones_own():
    table = pd.DataFrame({"responsibility": ["A", "B"], "owner": ["CDO", "CAIO"], "why": ["x.", "y."]})
    feedback = sort_feedback({"B": "CAIO", "A": "CIO"}, table)
    assert [(i.responsibility, i.correct) for i in feedback] == [("A", False), ("B", True)]


def test_sort_feedback_bad_input():
    with pytest.raises(RolesError, match="Did you mean 'Choose the laptop models"):
        sort_feedback({"Choose the laptop model and the phone plan for the sales force": "CIO"})
    with pytest.raises(RolesError, match="'Bake bread' is not one of the responsibilities. Copy"):
        sort_feedback({"Bake bread": "CIO"})
    with pytest.raises(RolesError, match="'HR' is not a role here"):
        sort_feedback({LAPTOPS: "HR"})
    with pytest.raises(RolesError, match="not a list"):
        sort_feedback([LAPTOPS])


# --- exercises ----------------------------------------------------------------------------------------


def test_exercises_belong_to_the_lesson():
    assert caio_role.LESSON == "01_who_is_the_caio"
    assert {q.lesson for q in (q1, q2, q3, q4, q5)} == {"01_who_is_the_caio"}
    assert len({type(q) for q in (q1, q2, q3, q4, q5)}) == 4


def test_q1_mapping_of_symptoms():
    right = dict(zip(SYMPTOMS, ["developers", "HR", "data scientists", "executives"], strict=True))
    assert q1.evaluate(right).status is Status.CORRECT
    swapped = dict(right, **{SYMPTOMS[0]: "data scientists", SYMPTOMS[2]: "developers"})
    feedback = q1.evaluate(swapped)
    assert feedback.status is Status.INCORRECT and "2 of 4 right" in feedback.message
    assert q1.evaluate(dict.fromkeys(SYMPTOMS, ...)).status is Status.NOT_ATTEMPTED


def test_q1_players_are_categories_named_by_label_or_id():
    assert q1.categories == tuple(caio_role.Player)
    assert set(q1.correct.values()) == set(caio_role.Player)
    typed = dict(zip(SYMPTOMS, ["Developers", "hr", "data_scientists", " executives "], strict=True))
    assert q1.evaluate(typed).status is Status.CORRECT
    unknown = q1.evaluate(dict(typed, **{SYMPTOMS[0]: "engineers"}))
    assert unknown.status is Status.ERROR
    assert "use one of 'data scientists', 'executives', 'developers', 'HR'" in unknown.message


def test_q2_mapping():
    right = dict(zip(NEW_RESPONSIBILITIES, ["CAIO", "CIO", "CTO", "CDO", "CAIO"], strict=True))
    assert q2.evaluate(right).status is Status.CORRECT
    wrong = dict(right, **{NEW_RESPONSIBILITIES[2]: "CAIO"})
    feedback = q2.evaluate(wrong)
    assert feedback.status is Status.INCORRECT and "4 of 5 right" in feedback.message
    assert q2.evaluate(dict.fromkeys(NEW_RESPONSIBILITIES, ...)).status is Status.NOT_ATTEMPTED
    assert q2.evaluate(dict(right, **{NEW_RESPONSIBILITIES[0]: "CFO"})).status is Status.ERROR


def test_q3_choice():
    assert q3.evaluate("transformation-facing").status is Status.CORRECT
    feedback = q3.evaluate("product-facing")
    assert feedback.status is Status.INCORRECT and "sells transport" in feedback.message
    assert q3.evaluate(FLAVOURS[2]).status is Status.INCORRECT
    assert q3.evaluate(...).status is Status.NOT_ATTEMPTED


def test_q4_set():
    assert q4.evaluate(set(FEDERAL_STATEMENTS[:3])).status is Status.CORRECT
    feedback = q4.evaluate({FEDERAL_STATEMENTS[0], FEDERAL_STATEMENTS[5]})
    assert feedback.status is Status.INCORRECT
    assert (
        "ordered OMB to revise" in feedback.message
        and "2 correct options are still missing" in feedback.message
    )
    assert q4.evaluate({"EO 14110 is still in force."}).status is Status.ERROR


def test_q5_number():
    assert q5.evaluate(37).status is Status.CORRECT
    assert q5.evaluate(250 * 0.26 * 0.57).status is Status.CORRECT
    assert "too high" in q5.evaluate(65).message  # forgot the 57%
    assert "too high" in q5.evaluate(250 * 0.57).message
    assert "factor of 100" in q5.evaluate(3705).message
    assert q5.evaluate("37").status is Status.ERROR


def test_solutions_and_hints_exist():
    for exercise in (q1, q2, q3, q4, q5):
        assert exercise.hints and exercise.solution().body


# --- quiz bank ----------------------------------------------------------------------------------------


def test_quiz_bank():
    bank = load_bank("01_who_is_the_caio")
    assert bank.lesson == "01_who_is_the_caio" and 4 <= len(bank.questions) <= 6
    assert {q.type for q in bank.questions} == {"single", "multiple", "matching"}
    by_id = {q.id: q for q in bank.questions}
    revoked = {option.text: option.id for option in by_id["who_revoked"].options}
    assert grade(by_id["who_revoked"], revoked["Executive Order 14148, 20 January 2025"]).correct
    verdict = grade(by_id["who_revoked"], revoked["Executive Order 14179, 23 January 2025"])
    assert not verdict.correct and "common error" in verdict.message
    findings = by_id["ibm_findings"]
    assert grade(findings, set(findings.answers)).correct
    wrong = next(
        option.id for option in findings.options if option.text == "76% of organisations have a CAIO"
    )
    assert not grade(findings, {wrong}).correct
    clock = by_id["m25_21_clock"]
    assert grade(clock, dict(clock.pairs)).correct
    item = next(item for item in clock.items if item.text == "Designate a Chief AI Officer")
    assert next(t.text for t in clock.targets if t.id == clock.pairs[item.id]) == "60 days"


# --- widget -------------------------------------------------------------------------------------------


def test_sorter_marks_each_item_and_scores(progress_file):
    sorter = ResponsibilitySorter()
    assert len(sorter.dropdowns) == 14 and sorter.dropdowns[FIRST].options[1:] == tuple(ROLES)
    sorter.check_button.click()
    assert sorter.score.value == "<b>Score: 0 / 14</b> (14 not sorted yet)"
    assert "choose a role" in sorter.marks[FIRST].value

    sorter.dropdowns[FIRST].value = "CDO"
    sorter.dropdowns[LAPTOPS].value = "CIO"
    sorter.check_button.click()
    assert sorter.score.value == "<b>Score: 1 / 14</b> (12 not sorted yet)"
    assert "✔" in sorter.marks[LAPTOPS].value
    wrong = sorter.marks[FIRST].value
    assert "✘" in wrong and "Not the CDO: the CDO manages data as a company asset" in wrong
    assert not names("CAIO", wrong)

    table = sorter.table
    for item, owner in zip(table["responsibility"], table["owner"], strict=True):
        sorter.dropdowns[item].value = owner
    sorter.check_button.click()
    assert sorter.score.value == "<b>Score: 14 / 14</b>"
    assert all("✔" in mark.value for mark in sorter.marks.values())

    sorter.reset_button.click()
    assert sorter.assignment() == {} and sorter.score.value == ""
    assert all(mark.value == "" for mark in sorter.marks.values())


def test_sorter_on_a_table_of_ones_own():
    table = pd.DataFrame({"responsibility": ["A", "B"], "owner": ["CDO", "CAIO"], "why": ["x.", "y."]})
    sorter = ResponsibilitySorter(table)
    sorter.dropdowns["A"].value = "CDO"
    sorter.check_button.click()
    assert sorter.score.value == "<b>Score: 1 / 2</b> (1 not sorted yet)"
