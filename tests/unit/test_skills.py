"""Lesson 09 (leadership and growth): skills self-assessment, development plan, checks, quiz, widget."""

from __future__ import annotations

import pandas as pd
import pytest

from caiokit import datafiles
from caiokit.catalog import use_case_name
from caiokit.checks import leadership as checks
from caiokit.curriculum import lessons
from caiokit.exercises import Status
from caiokit.i18n import speaking
from caiokit.quiz import grade, load_bank
from caiokit.reports.skills_plan import EXAMPLE_FILE, NO_GAP, plan_to_markdown, write_plan
from caiokit.skills import (
    MAX_WEEKS,
    PLAN_COLUMNS,
    Skill,
    SkillsError,
    SkillsResult,
    assess_skills,
    development_plan,
    load_actions,
    load_skills,
)
from caiokit.strategy import Horizon
from caiokit.widgets.skills_assessment import SkillsAssessment

# The profile of the lesson's example: Alvera's head of customer-service operations, promoted to CAIO.
NEW_CAIO = {
    "tech1": 2,
    "tech2": 1,
    "tech3": 3,
    "steer1": 3,
    "steer2": 4,
    "steer3": 3,
    "biz1": 5,
    "biz2": 4,
    "lead1": 3,
    "lead2": 4,
    "lead3": 5,
    "cur1": 2,
    "cur2": 3,
    "emp1": 5,
    "emp2": 4,
    "vis1": 3,
    "vis2": 2,
    "vis3": 2,
}


def all_rated(value):
    return dict.fromkeys(load_skills()["statement_id"], value)


def write_csv(tmp_path, name, rows, columns):
    path = tmp_path / name
    pd.DataFrame(rows, columns=columns).to_csv(path, index=False)
    return path


# --- data -------------------------------------------------------------------------------------------


def test_skills_table_covers_the_seven_seed_skills_with_two_or_three_statements():
    skills = load_skills()
    assert list(dict.fromkeys(skills["skill_id"])) == list(Skill)
    assert list(dict.fromkeys(skills["skill"])) == list(Skill.labels())
    counts = skills.groupby("skill_id").size()
    assert counts.between(2, 3).all() and len(skills) == 18
    assert skills["statement_id"].is_unique
    assert set(NEW_CAIO) == set(skills["statement_id"])


def test_actions_table_has_three_steps_per_skill_pointing_at_real_lessons():
    actions = load_actions()
    assert list(dict.fromkeys(actions["skill_id"])) == list(Skill)
    assert (actions.groupby("skill_id")["step"].apply(list) == [[1, 2, 3]] * 7).all()
    assert set(actions["lesson"]) <= set(lessons()["lesson"])
    assert actions["hours"].dtype == float and (actions["hours"] > 0).all()


@pytest.mark.parametrize(
    ("name", "key"),
    [("caio_skills.csv", ["statement_id"]), ("development_actions.csv", ["skill_id", "step"])],
)
def test_each_built_in_row_has_its_wording_and_each_wording_its_row(name, key):
    structure, wording = datafiles.table(name), datafiles.table(datafiles.localized(name))
    assert structure[key].values.tolist() == wording[key].values.tolist()
    assert not set(structure.columns) - set(key) & set(wording.columns)  # ids and numbers here, text there


def test_skills_are_categories_read_by_label_or_id():
    assert Skill.parse("Empathy and listening") is Skill.EMPATHY is Skill("soft.empathy")
    assert Skill.label_of("skill.tech") == "AI technologies"
    result = assess_skills(NEW_CAIO)
    assert result.names == {skill.value: skill.label for skill in Skill}
    assert set(result.gaps) <= set(Skill)


SKILL_COLUMNS = ["skill_id", "skill", "statement_id", "statement"]


@pytest.mark.parametrize(
    ("rows", "columns", "message"),
    [
        ([("skill.tech", "AI", "t1")], ["skill_id", "skill", "statement_id"], "'statement'] missing"),
        ([("skill.tech", "AI", "t1", "")], SKILL_COLUMNS, "row 2 has an empty cell"),
        ([("skill.magic", "Magic", "m1", "x")], SKILL_COLUMNS, "'skill.magic' is not one of"),
        ([("skill.tech", "AI", "t1", "x")], SKILL_COLUMNS, "skill 'soft.vision' has no statement"),
    ],
)
def test_load_skills_rejects_malformed_tables(tmp_path, rows, columns, message):
    with pytest.raises(SkillsError, match=message):
        load_skills(write_csv(tmp_path, "skills.csv", rows, columns))


def test_load_skills_lists_counts_names_and_duplicates(tmp_path):
    table = load_skills()
    table.loc[0, "statement_id"] = "tech2"  # duplicate id
    table.loc[3, "skill"] = "Steering"  # a second name for skill.steering
    table = table[table["skill_id"] != "soft.curiosity"]
    table = pd.concat(
        [table, table[table["statement_id"] == "emp1"].assign(statement_id="cur1")], ignore_index=True
    )
    table.loc[table["statement_id"] == "cur1", "skill_id"] = "soft.curiosity"
    with pytest.raises(SkillsError) as caught:
        load_skills(write_csv(tmp_path, "skills.csv", table.values.tolist(), SKILL_COLUMNS))
    message = str(caught.value)
    assert "statement id 'tech2' appears more than once" in message
    assert "skill 'skill.steering' has more than one name" in message
    assert "skill 'soft.curiosity' has 1 statement(s); give it 2 or 3" in message


ACTION_COLUMNS = ["skill_id", "step", "action", "lesson", "hours"]


def test_load_actions_reports_every_bad_cell(tmp_path):
    rows = load_actions().astype({"step": str, "hours": str}).values.tolist()
    rows[0][1] = "first"
    rows[1][4] = "-2"
    rows[2][3] = "Lesson 8"
    with pytest.raises(SkillsError) as caught:
        load_actions(write_csv(tmp_path, "actions.csv", rows, ACTION_COLUMNS))
    message = str(caught.value)
    assert "row 2: step 'first' should be a whole number" in message
    assert "row 3: hours '-2' should be a number above 0" in message
    assert "row 4: lesson 'Lesson 8' should be a lesson id" in message


def test_load_actions_rejects_a_repeated_step_and_a_skill_without_action(tmp_path):
    actions = load_actions()
    actions = actions[actions["skill_id"] != "soft.empathy"]
    actions.loc[1, "step"] = 1
    with pytest.raises(SkillsError) as caught:
        load_actions(write_csv(tmp_path, "actions.csv", actions.values.tolist(), ACTION_COLUMNS))
    message = str(caught.value)
    assert "skill 'skill.tech' has step 1 more than once" in message
    assert "skill 'soft.empathy' has no action" in message


# --- assessment -------------------------------------------------------------------------------------


def test_assess_the_lesson_example_by_hand():
    result = assess_skills(NEW_CAIO)
    assert result.scores == {
        "skill.tech": 2.0,  # (2 + 1 + 3) / 3
        "skill.steering": 3.3333,  # (3 + 4 + 3) / 3
        "skill.business": 4.5,
        "skill.leadership": 4.0,
        "soft.curiosity": 2.5,
        "soft.empathy": 4.5,
        "soft.vision": 2.3333,
    }
    assert result.strengths == ("skill.business", "soft.empathy", "skill.leadership")
    assert result.gaps == ("skill.tech", "soft.vision", "soft.curiosity")
    assert result.named_scores()["Vision and pragmatism"] == 2.3333
    assert (
        "Gaps to work on** (below 4): AI technologies (2.0), Vision and pragmatism (2.3)" in result.summary()
    )
    assert "| Strategy and steering | 3.3 |" in result._repr_markdown_()


def test_ties_follow_the_table_order_and_lists_are_capped_at_three():
    flat = assess_skills(all_rated(3))
    assert flat.strengths == () and flat.gaps == ("skill.tech", "skill.steering", "skill.business")
    top = assess_skills(all_rated(5))
    assert top.gaps == () and top.strengths == ("skill.tech", "skill.steering", "skill.business")


def test_target_moves_the_line_between_strengths_and_gaps():
    result = assess_skills(NEW_CAIO, target=2.5)
    assert result.gaps == ("skill.tech", "soft.vision")
    assert result.strengths == ("skill.business", "soft.empathy", "skill.leadership")
    assert result.target == 2.5
    with pytest.raises(SkillsError, match="target is 6"):
        assess_skills(NEW_CAIO, target=6)


def test_whole_numbers_given_as_floats_are_accepted():
    assert assess_skills({key: float(value) for key, value in NEW_CAIO.items()}) == assess_skills(NEW_CAIO)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (0, "the rating of tech1 is 0: it should be a whole number from 1 to 5"),
        (6, "the rating of tech1 is 6"),
        (2.5, "the rating of tech1 is 2.5"),
        ("4", "the rating of tech1 is '4'"),
        (True, "the rating of tech1 is True"),
        (float("nan"), "the rating of tech1 is nan"),
        (None, "statement tech1 has no rating"),
        (..., "statement tech1 has no rating"),
    ],
)
def test_bad_ratings_are_explained(value, message):
    with pytest.raises(SkillsError) as caught:
        assess_skills({**NEW_CAIO, "tech1": value})
    assert str(caught.value).startswith(message)


def test_every_problem_is_listed_at_once():
    ratings = {key: value for key, value in NEW_CAIO.items() if key not in ("biz1", "vis3")}
    ratings["leadership"] = 5
    with pytest.raises(SkillsError) as caught:
        assess_skills(ratings)
    assert len(caught.value.problems) == 3
    assert str(caught.value).startswith("3 problems with the skills self-assessment")
    assert "'leadership' is not a statement id" in str(caught.value)


def test_ratings_must_be_a_mapping():
    with pytest.raises(SkillsError, match="should be a dict"):
        assess_skills([3] * 18)


# --- plan -------------------------------------------------------------------------------------------


def test_plan_alternates_between_gaps_and_spreads_the_weeks():
    plan = development_plan(assess_skills(NEW_CAIO))
    assert list(plan.columns) == list(PLAN_COLUMNS)
    assert list(plan["week"]) == [1, 2, 3, 5, 6, 7, 9, 10, 11]  # i * 12 // 9 + 1
    assert list(plan["skill"]) == ["AI technologies", "Vision and pragmatism", "Curiosity"] * 3
    assert plan["hours"].sum() == 22  # technologies 3+2+3, vision 2+2+2, curiosity 4+2+2
    assert plan.loc[0, "lesson"] == "08_ai_technologies_for_leaders"
    assert plan.loc[1, "action"].startswith("Write your AI ambition")


@pytest.mark.parametrize(
    ("weeks", "expected"),
    [(4, [1, 1, 1, 2, 2, 3, 3, 4, 4]), (1, [1] * 9), (52, [1, 6, 12, 18, 24, 29, 35, 41, 47])],
)
def test_plan_fits_any_number_of_weeks(weeks, expected):
    assert list(development_plan(assess_skills(NEW_CAIO), weeks)["week"]) == expected


def test_uneven_action_lists_still_alternate():
    actions = load_actions()
    actions = actions[~((actions["skill_id"] == "soft.vision") & (actions["step"] > 1))]
    plan = development_plan(assess_skills(NEW_CAIO), 7, actions)
    assert list(plan["skill"]) == [
        "AI technologies",
        "Vision and pragmatism",
        "Curiosity",
        "AI technologies",
        "Curiosity",
        "AI technologies",
        "Curiosity",
    ]
    assert list(plan["week"]) == [1, 2, 3, 4, 5, 6, 7]


def test_no_gap_gives_an_empty_plan_and_says_so():
    plan = development_plan(assess_skills(all_rated(4)))
    assert plan.empty and list(plan.columns) == list(PLAN_COLUMNS)
    assert str(NO_GAP) in plan_to_markdown(plan)
    assert "`caiokit/data/en/development_actions.csv`" in str(NO_GAP)


@pytest.mark.parametrize("weeks", [0, MAX_WEEKS + 1, 2.5, True, "12"])
def test_plan_rejects_bad_weeks(weeks):
    with pytest.raises(SkillsError, match="weeks is"):
        development_plan(assess_skills(NEW_CAIO), weeks)


def test_plan_needs_an_assessment_result():
    with pytest.raises(SkillsError, match="not a dict"):
        development_plan(NEW_CAIO)


def test_plan_to_markdown_holds_table_total_and_profile():
    result = assess_skills(NEW_CAIO)
    text = plan_to_markdown(development_plan(result), result)
    assert text.startswith("# My development plan as a CAIO\n\n**Strengths**")
    assert "| Week | Skill | Action | Lesson to revisit | Hours |" in text
    assert "| 1 | AI technologies | Re-run the three live demos" in text
    assert text.rstrip().endswith("**Total**: 9 actions, 22 hours, from week 1 to week 11.")
    assert "**Strengths**" not in plan_to_markdown(development_plan(result))


def test_plan_to_markdown_escapes_pipes_and_checks_its_input():
    plan = pd.DataFrame(
        [(1, "Vision", "Choose A | B", "09_leadership_and_growth", 1.5)], columns=PLAN_COLUMNS
    )
    assert "| Choose A \\| B |" in plan_to_markdown(plan)
    with pytest.raises(SkillsError, match="not a list"):
        plan_to_markdown([])
    with pytest.raises(SkillsError, match=r"lacks column\(s\) \['hours'\]"):
        plan_to_markdown(plan.drop(columns="hours"))


def test_the_plan_page_and_the_widget_speak_through_the_catalogue(bracketed):
    result = assess_skills(NEW_CAIO)
    assert result.names["skill.tech"] == "[AI technologies]"
    text = plan_to_markdown(development_plan(result), result)
    assert text.startswith("[# My development plan as a CAIO]\n\n[**Strengths**")
    assert "| [Week] | [Skill] | [Action] | [Lesson to revisit] | [Hours] |" in text
    tool = SkillsAssessment(NEW_CAIO)
    assert tool.path.value == "[my_development_plan.md]"
    assert [trace.name for trace in tool.figure.data] == ["[Target]", "[You]"]


def test_write_plan_to_a_file(tmp_path):
    result = assess_skills(NEW_CAIO)
    plan = development_plan(result)
    target = write_plan(plan, tmp_path / "plan.md", result)
    assert target.read_text(encoding="utf-8") == plan_to_markdown(plan, result)


@pytest.mark.parametrize(
    ("path", "message"),
    [(" ", "give a file name"), ("{tmp}", "is a folder"), ("{tmp}/missing/plan.md", "does not exist")],
)
def test_write_plan_refuses_bad_paths(tmp_path, path, message):
    plan = development_plan(assess_skills(NEW_CAIO))
    with pytest.raises(SkillsError, match=message):
        write_plan(plan, path.format(tmp=tmp_path))


# --- exercises and quiz -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("exercise", "right", "wrong"),
    [
        (checks.q1, "b", "a"),
        (checks.q1, "B", "c"),
        (checks.q4, "b", "d"),
        (checks.q3, set(checks.MEMO_ITEMS[:4]), set(checks.MEMO_ITEMS[:3]) | {checks.MEMO_ITEMS[6]}),
    ],
)
def test_exercises_accept_the_right_answer_and_refuse_a_wrong_one(exercise, right, wrong):
    assert exercise.evaluate(right).status is Status.CORRECT
    assert exercise.evaluate(wrong).status is Status.INCORRECT
    assert exercise.evaluate(...).status is Status.NOT_ATTEMPTED


def test_wrong_choices_say_why():
    assert "proposal is not law" in checks.q1.evaluate("c").message
    assert "sounds evasive" in checks.q4.evaluate("d").message
    feedback = checks.q3.evaluate(set(checks.MEMO_ITEMS[:3]) | {checks.MEMO_ITEMS[7]})
    assert (
        "nobody can keep it" in feedback.message and "1 correct option is still missing" in feedback.message
    )


def test_q2_horizons():
    right = {use_case_name(use_case): horizon for use_case, horizon in checks.q2.correct.items()}
    assert checks.q2.categories == tuple(Horizon) == ("now", "next", "later")
    assert checks.q2.evaluate(right).status is Status.CORRECT
    wrong = {**right, "Factory sensor data platform": "later", "Visual quality inspection": "now"}
    feedback = checks.q2.evaluate(wrong)
    assert feedback.status is Status.INCORRECT
    assert "7 of 9 right" in feedback.message and "'Factory sensor data platform'" in feedback.message
    assert checks.q2.evaluate(dict.fromkeys(right, ...)).status is Status.NOT_ATTEMPTED
    assert checks.q2.evaluate({**right, "Visual quality inspection": "soon"}).status is Status.ERROR


@pytest.mark.parametrize("language", ["en", "fr"])
def test_q2_items_are_named_as_the_catalog_of_the_lesson_names_them(language):
    from caiokit.catalog import load_catalog

    with speaking(language):
        names = load_catalog().set_index("id")["name"]
        typed = {names[use_case]: horizon for use_case, horizon in checks.q2.correct.items()}
        assert checks.q2.evaluate(typed).status is Status.CORRECT
        moved = {**typed, names["UC27"]: "now"}
        assert f"'{names['UC27']}'" in checks.q2.evaluate(moved).message


def test_q3_can_be_answered_with_the_exercise_widget(progress_file):
    from caiokit.widgets import ExerciseWidget

    form = ExerciseWidget(checks.q3)
    for box in form.control:
        box.value = box.description in checks.MEMO_ITEMS[:4]
    form.check_button.click()
    assert "Correct" in form.feedback.value


def test_quiz_bank_loads_and_its_answers_grade_right():
    bank = load_bank("09_leadership_and_growth")
    assert bank.lesson == checks.LESSON and 4 <= len(bank.questions) <= 6
    for question in bank.questions:
        response = {
            "single": lambda q: next(iter(q.answers)),
            "multiple": lambda q: set(q.answers),
            "matching": lambda q: dict(q.pairs),
        }[question.type](question)
        assert grade(question, response).correct, question.id
    insiders = next(q for q in bank.questions if q.id == "insiders")
    assert grade(insiders, next(o.id for o in insiders.options if o.text == "26%")).correct is False


# --- widget -----------------------------------------------------------------------------------------


def test_widget_starts_from_given_ratings_and_follows_the_sliders():
    tool = SkillsAssessment(NEW_CAIO)
    assert tool.result == assess_skills(NEW_CAIO)
    assert tool.path.value == EXAMPLE_FILE == "my_development_plan.md"
    assert "Gaps to work on</b> (below 4): AI technologies (2.0)" in tool.summary.value
    assert tool.plan_table.value.count("<tr") == 10  # header + 9 actions
    assert len(tool.chart.outputs) == 1
    assert [trace.name for trace in tool.figure.data] == ["Target", "You"]
    for sid in ("tech1", "tech2", "tech3"):
        tool.sliders[sid].value = 5
    assert tool.result.scores["skill.tech"] == 5.0
    assert "skill.tech" in tool.result.strengths and "skill.tech" not in tool.result.gaps
    assert list(tool.figure.data[1].r[:1]) == [5.0]
    tool.weeks.value = 4
    assert list(tool.plan["week"]) == [1, 1, 1, 2, 2, 3, 3, 4, 4]


def test_widget_plan_table_aligns_each_header_with_its_cells(alignments):
    header, *rows = alignments(SkillsAssessment(NEW_CAIO).plan_table.value)
    assert header == ["right", "left", "left", "left", "right"]  # week, skill, action, lesson, hours
    assert len(rows) == 9 and all(row == header for row in rows)


def test_widget_reset_and_a_profile_without_gaps():
    tool = SkillsAssessment(NEW_CAIO, weeks=8)
    for slider in tool.sliders.values():
        slider.value = 5
    assert tool.plan.empty and "no gap to close" in tool.plan_table.value
    tool.weeks.value = 20
    tool.reset_button.click()
    assert tool.ratings() == NEW_CAIO and tool.weeks.value == 8
    assert tool.result == assess_skills(NEW_CAIO)


def test_widget_defaults_to_threes_and_refuses_bad_starting_values():
    assert set(SkillsAssessment().ratings().values()) == {3}
    with pytest.raises(SkillsError, match="the rating of lead1 is 9"):
        SkillsAssessment({"lead1": 9})
    with pytest.raises(SkillsError, match="weeks is 0"):
        SkillsAssessment(weeks=0)


def test_widget_exports_the_plan_and_reports_bad_paths(tmp_path):
    tool = SkillsAssessment(NEW_CAIO)
    tool.path.value = str(tmp_path / "mine.md")
    tool.export_button.click()
    written = (tmp_path / "mine.md").read_text(encoding="utf-8")
    assert written == plan_to_markdown(tool.plan, tool.result)
    assert "Written to" in tool.feedback.value
    tool.path.value = str(tmp_path / "missing" / "mine.md")
    tool.export_button.click()
    assert tool.feedback.value.startswith("⚠") and "does not exist" in tool.feedback.value
    tool.sliders["vis1"].value = 5
    assert tool.feedback.value == ""


def test_skills_result_is_a_plain_dataclass():
    result = SkillsResult({"skill.tech": 3.0}, {"skill.tech": "AI technologies"}, (), ("skill.tech",))
    assert result.target == 4.0 and result.named_scores() == {"AI technologies": 3.0}
