"""Lesson 07 (culture and change): stakeholder map, ADKAR diagnostic, literacy plan, checks, widgets."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from caiokit import case_study, datafiles
from caiokit.adkar import ELEMENTS, AdkarError, Element, adkar_advice, adkar_diagnostic
from caiokit.charts import figure_output
from caiokit.charts.change import (
    ADKAR_COLOURS,
    adkar_profile,
    literacy_hours,
    stakeholder_grid,
)
from caiokit.checks import change as checks
from caiokit.exercises import Status
from caiokit.literacy import (
    DEFAULT_HOURLY_RATE_EUR,
    Audience,
    LiteracyError,
    alvera_audiences,
    audiences,
    curriculum_for,
    curriculum_hours,
    literacy_modules,
    literacy_plan,
    plan_totals,
)
from caiokit.quiz import load_bank
from caiokit.stakeholders import (
    QUADRANTS,
    STANCES,
    Quadrant,
    StakeholderError,
    engagement_order,
    place_stakeholders,
    quadrant,
    stakeholder_advice,
)
from caiokit.widgets.adkar_diagnostic import AdkarDiagnostic
from caiokit.widgets.literacy_planner import LiteracyPlanner
from caiokit.widgets.stakeholder_map import StakeholderMap

ALVERA = case_study.load("alvera")
ALVERA_HEADCOUNT = ALVERA.audiences["headcount"].to_dict()


def people(*rows):
    return pd.DataFrame(rows, columns=["name", "influence", "interest", "stance"])


# --- stakeholders -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("influence", "interest", "expected"),
    [
        (5, 5, Quadrant.MANAGE_CLOSELY),
        (3, 3, Quadrant.MANAGE_CLOSELY),
        (5, 1, Quadrant.KEEP_SATISFIED),
        (3, 2, Quadrant.KEEP_SATISFIED),
        (1, 5, Quadrant.KEEP_INFORMED),
        (2, 3, Quadrant.KEEP_INFORMED),
        (2, 2, Quadrant.MONITOR),
        (1, 1, Quadrant.MONITOR),
    ],
)
def test_quadrant_splits_at_three(influence, interest, expected):
    assert quadrant(influence, interest) is expected


@pytest.mark.parametrize(("influence", "interest"), [(0, 3), (6, 3), (3, 3.5), ("high", 3), (True, 3)])
def test_quadrant_rejects_bad_scores(influence, interest):
    with pytest.raises(StakeholderError, match="whole number|outside"):
        quadrant(influence, interest)


def test_stakeholder_advice_table_covers_the_four_quadrants():
    advice = stakeholder_advice()
    assert tuple(advice.index) == QUADRANTS and all(isinstance(place, Quadrant) for place in advice.index)
    assert advice.loc[Quadrant.KEEP_SATISFIED, "influence"] == "high"
    assert advice.loc[Quadrant.KEEP_SATISFIED, "interest"] == "low"
    assert advice.loc[Quadrant.KEEP_SATISFIED, "engagement"] == "consult"
    assert advice["advice"].str.len().min() > 40


def test_place_stakeholders_adds_quadrant_advice_and_stance():
    placed = place_stakeholders(
        people(("CFO", 5, 2, 0), (" Agents ", 2, 5, -1), ("CEO", 5, 4, 2), ("Hub", 1, 1, 1))
    )
    assert list(placed["name"]) == ["CFO", "Agents", "CEO", "Hub"]
    assert list(placed["quadrant"]) == ["keep satisfied", "keep informed", "manage closely", "monitor"]
    assert list(placed["engagement"]) == ["consult", "inform and involve", "partner", "monitor"]
    assert list(placed["quadrant_id"]) == [
        Quadrant.KEEP_SATISFIED,
        Quadrant.KEEP_INFORMED,
        Quadrant.MANAGE_CLOSELY,
        Quadrant.MONITOR,
    ]
    assert placed.loc[0, "advice"] == stakeholder_advice().loc[Quadrant.KEEP_SATISFIED, "advice"]
    assert list(placed["stance_label"]) == ["neutral", "sceptic", "champion", "supporter"]
    assert placed["stance_advice"].notna().all()


def test_the_quadrants_levels_and_words_share_their_ids():
    levels = datafiles.table("stakeholder_advice.csv")
    words = datafiles.table(datafiles.localized("stakeholder_advice.csv"))
    assert list(levels["quadrant"]) == list(words["quadrant"]) == [place.value for place in QUADRANTS]
    assert list(levels.columns) == ["quadrant", "influence", "interest"]
    assert list(words.columns) == ["quadrant", "engagement", "advice"]


def test_placed_stakeholders_read_in_the_language_in_use(bracketed):
    placed = place_stakeholders(people(("CFO", 5, 2, -1)))
    assert placed.loc[0, "quadrant"] == "[keep satisfied]" and placed.loc[0, "stance_label"] == "[sceptic]"
    assert placed.loc[0, "quadrant_id"] is Quadrant.KEEP_SATISFIED
    assert placed.loc[0, "stance_advice"].startswith("[Ask what would change their mind")
    figure = stakeholder_grid(placed)
    assert "<b>[keep satisfied]</b>" in {annotation.text for annotation in figure.layout.annotations}
    assert figure.data[0].name == "[sceptic]" and list(figure.data[0].customdata[0]) == [
        "[keep satisfied]",
        2,
    ]
    tool = StakeholderMap(people(("CFO", 5, 2, -1)))
    assert "<b>[keep satisfied]</b>" in tool.advice.value and "-1 [sceptic]" in tool.scores.value
    assert tool.influence.description == "[influence]" and tool.stance.options[0][0] == "-2 [strong opponent]"
    with pytest.raises(StakeholderError, match=r"^\[the stakeholder table has problems"):
        place_stakeholders(people(("CFO", 6, 2, 0)))


def test_place_stakeholders_accepts_float_columns_holding_whole_numbers():
    table = people(("CFO", 5.0, 2.0, 0.0))
    placed = place_stakeholders(table)
    assert placed.loc[0, "quadrant"] == "keep satisfied" and placed.loc[0, "stance"] == 0


def test_place_stakeholders_lists_every_problem_at_once():
    bad = people(("CFO", 6, 2, 0), ("", 3, 3, 3), ("CEO", 3, 3, 0.5), ("CEO", 3, 3, 0))
    with pytest.raises(StakeholderError) as caught:
        place_stakeholders(bad)
    message = str(caught.value)
    assert "row 1 (CFO): influence is 6, outside 1 to 5" in message
    assert "row 2: the name is empty" in message
    assert "row 2: stance is 3, outside -2 to 2" in message
    assert "row 3 (CEO): stance is 0.5, but must be a whole number" in message
    assert "listed more than once: CEO" in message


@pytest.mark.parametrize(
    ("table", "message"),
    [
        (pd.DataFrame({"name": ["CFO"], "influence": [5]}), "'interest', 'stance' missing"),
        (people(), "no stakeholders"),
        ([("CFO", 5, 2, 0)], "expected a DataFrame"),
        (people(("CFO", "high", 2, 0)), "not a whole number"),
        (people(("CFO", float("nan"), 2, 0)), "not a whole number"),
    ],
)
def test_place_stakeholders_rejects_bad_tables(table, message):
    with pytest.raises(StakeholderError, match=message):
        place_stakeholders(table)


def test_engagement_order_puts_quadrants_then_opponents_then_influence_first():
    placed = place_stakeholders(
        people(
            ("Hub", 1, 1, 0),
            ("CFO", 5, 2, 0),
            ("CIO", 3, 3, 1),
            ("CEO", 5, 4, 1),
            ("Works council", 4, 4, -2),
        )
    )
    assert list(engagement_order(placed)["name"]) == ["Works council", "CEO", "CIO", "CFO", "Hub"]
    assert list(engagement_order(placed).columns) == list(placed.columns)


# --- ADKAR ------------------------------------------------------------------------------------------


def scores(a, d, k, ab, r):
    """Scores keyed by Element, in ADKAR order."""
    return dict(zip(ELEMENTS, (a, d, k, ab, r), strict=True))


def test_barrier_is_the_first_weak_element_not_the_lowest():
    result = adkar_diagnostic(scores(4, 2, 1, 1, 2))
    assert result.barrier is Element.DESIRE
    assert result.weak == (Element.DESIRE, Element.KNOWLEDGE, Element.ABILITY, Element.REINFORCEMENT)
    assert result.advice == adkar_advice().loc[Element.DESIRE, "advice"]


def test_barrier_with_the_default_threshold_flags_three_or_less():
    assert adkar_diagnostic(scores(5, 4, 3, 2, 1)).barrier is Element.KNOWLEDGE
    assert adkar_diagnostic(scores(4, 4, 4, 4, 3)).barrier is Element.REINFORCEMENT


def test_no_barrier_when_every_element_reaches_the_threshold():
    result = adkar_diagnostic(scores(4, 4, 5, 4, 4))
    assert result.barrier is None and result.weak == ()
    assert result.advice.startswith("No barrier point")


def test_threshold_moves_the_barrier():
    profile = scores(3, 2, 4, 4, 4)
    assert adkar_diagnostic(profile).barrier is Element.AWARENESS
    assert adkar_diagnostic(profile, threshold=3).barrier is Element.DESIRE
    assert adkar_diagnostic(profile, threshold=2).barrier is None


def test_adkar_keys_are_labels_in_any_case_or_ids_and_table_is_in_order():
    result = adkar_diagnostic(
        {"awareness": 5, "DESIRE": 4, " Knowledge ": 3, "Ability": 4, Element.REINFORCEMENT: 4}
    )
    table = result.table()
    assert list(table.index) == list(ELEMENTS)
    assert list(table["score"]) == [5, 4, 3, 4, 4]
    assert list(table["barrier"]) == [False, False, True, False, False]
    assert list(table["weak"]) == [False, False, True, False, False]
    assert table.loc[Element.KNOWLEDGE, "question"] == adkar_advice().loc[Element.KNOWLEDGE, "question"]
    assert result.barrier is Element.KNOWLEDGE and result.scores[Element.AWARENESS] == 5


def test_an_element_is_the_models_english_name_with_a_label_to_translate(bracketed):
    assert [element.value for element in ELEMENTS] == [
        "Awareness",
        "Desire",
        "Knowledge",
        "Ability",
        "Reinforcement",
    ]
    assert Element("Desire") is Element.DESIRE and Element.DESIRE.label == "[Desire]"
    assert Element.parse("[desire]") is Element.DESIRE and Element.parse(" DESIRE ") is Element.DESIRE
    result = adkar_diagnostic({f"[{element.value}]": 3 for element in ELEMENTS})
    assert result.barrier is Element.AWARENESS
    tool = AdkarDiagnostic(scores(5, 4, 3, 2, 1))
    assert [slider.description for slider in tool.sliders.values()] == [f"[{e.value}]" for e in ELEMENTS]
    assert tool.verdict.value.startswith("[<b>Barrier point: [Knowledge]</b>")
    assert "once [Knowledge] is fixed: [Ability], [Reinforcement]" in tool.verdict.value
    assert list(tool.figure.data[0].x) == [f"[{e.value}]" for e in ELEMENTS]
    assert list(tool.figure.data[0].text) == ["[ok]", "[ok]", "[barrier]", "[weak]", "[weak]"]


def test_adkar_advice_table_has_the_five_elements_in_order():
    advice = adkar_advice()
    assert tuple(advice.index) == ELEMENTS and all(isinstance(e, Element) for e in advice.index)
    assert set(advice.columns) == {"question", "weak_signs", "advice"}


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ({**scores(4, 4, 4, 4, 4), Element.AWARENESS: 6}, "Awareness is 6, outside 1 to 5"),
        ({**scores(4, 4, 4, 4, 4), Element.DESIRE: 0}, "Desire is 0, outside 1 to 5"),
        ({**scores(4, 4, 4, 4, 4), Element.ABILITY: "high"}, "Ability is 'high', not a number"),
        ({**scores(4, 4, 4, 4, 4), Element.ABILITY: True}, "Ability is True, not a number"),
        ({**scores(4, 4, 4, 4, 4), "Motivation": 3}, "'Motivation' is not an ADKAR element"),
        ({**scores(4, 4, 4, 4, 4), "AWARENESS ": 3}, "Awareness is given twice"),  # label and id
        ({"Awareness": 4, "Desire": 4}, "no score for Knowledge, Ability, Reinforcement"),
        ([4, 4, 4, 4, 4], "should be a dict"),
    ],
)
def test_adkar_rejects_bad_scores(given, message):
    with pytest.raises(AdkarError, match=message):
        adkar_diagnostic(given)


@pytest.mark.parametrize("threshold", [1, 6, "4", True])
def test_adkar_rejects_bad_thresholds(threshold):
    with pytest.raises(AdkarError, match="threshold"):
        adkar_diagnostic(scores(4, 4, 4, 4, 4), threshold=threshold)


# --- literacy plan ----------------------------------------------------------------------------------


def test_curriculum_hours_follow_the_orders_of_magnitude():
    hours = curriculum_hours()
    assert hours["executives"] == 4.0 and hours["managers"] == 12.0
    assert hours == {
        Audience.EXECUTIVES: 4,
        Audience.MANAGERS: 12,
        Audience.AI_PRACTITIONERS: 40,
        Audience.AI_USERS: 6,
        Audience.ALL_STAFF: 2,
    }
    assert audiences() == tuple(hours)


def test_alvera_audiences_add_up_to_the_company():
    table = alvera_audiences()
    assert table["headcount"].sum() == ALVERA.company["employees"] == 3200
    assert set(table.index) <= set(literacy_modules()["audience"])


def test_audiences_have_stable_ids_and_the_tables_share_them():
    assert [audience.value for audience in audiences()] == [
        "executives",
        "managers",
        "ai_practitioners",
        "ai_users",
        "all_staff",
    ]
    assert Audience("ai_users") is Audience.AI_USERS and Audience.AI_USERS.label == "AI users"
    modules, names = (
        datafiles.table("literacy_modules.csv"),
        datafiles.table(datafiles.localized("literacy_modules.csv")),
    )
    assert list(modules.columns) == ["id", "audience", "hours"] and list(names.columns) == ["id", "module"]
    assert modules["id"].is_unique and list(modules["id"]) == list(names["id"])
    assert list(literacy_modules().columns) == ["audience", "module", "hours"]
    headcount = datafiles.table("alvera_audiences.csv")
    assert list(headcount["audience"]) == list(
        datafiles.table(datafiles.localized("alvera_audiences.csv"))["audience"]
    )
    table = alvera_audiences()
    assert list(table.index) == list(audiences()) and list(table.columns) == ["headcount", "who"]
    assert table.loc[Audience.AI_USERS, "headcount"] == 520


def test_an_audience_is_named_by_member_id_or_label_in_any_case():
    plan = literacy_plan({Audience.EXECUTIVES: 14, "ai_users": 520, " Managers ": 240}, {"AI USERS": 8})
    assert list(plan.index) == ["executives", "managers", "AI users"]
    assert plan.loc["AI users", "hours_per_person"] == 8
    assert curriculum_for(Audience.ALL_STAFF, 1.5) == curriculum_for("all_staff", 1.5)
    with pytest.raises(LiteracyError, match="given twice"):
        literacy_plan({"ai_users": 1, "AI users": 2})


def test_the_plan_reads_in_the_language_in_use(bracketed):
    plan = literacy_plan({"ai_users": 520}, {"ai_users": 7})
    assert list(plan.index) == ["[AI users]"]
    assert plan.iloc[0]["curriculum"].endswith("[; ][practice on own tasks (1 h)]")  # the separator too
    assert list(literacy_hours(plan).data[0].x) == ["[AI users]"]
    tool = LiteracyPlanner({"ai_users": 520})
    assert tool.hours[Audience.AI_USERS].description == "[AI users] (520)"
    assert "[hours / person]" in tool.table.value and "[audience]" in tool.table.value
    with pytest.raises(LiteracyError, match=r"^\[headcount_by_audience: unknown audience 'interns'"):
        literacy_plan({"interns": 3})


def test_literacy_plan_for_alvera_by_hand():
    plan = literacy_plan(ALVERA_HEADCOUNT)
    # 14 x 4 + 240 x 12 + 26 x 40 + 520 x 6 + 2400 x 2
    assert list(plan["total_hours"]) == [56, 2880, 1040, 3120, 4800]
    assert list(plan.index) == [audience.label for audience in audiences()]  # the plan is a table to read
    totals = plan_totals(plan)
    assert totals == {
        "headcount": 3200,
        "total_hours": 11896.0,
        "cost_eur": 11896 * DEFAULT_HOURLY_RATE_EUR,
        "hours_per_head": 11896 / 3200,
    }
    assert plan.loc["executives", "modules_left_out"] == 0
    assert plan.loc["executives", "curriculum"].startswith(
        "What AI can and cannot do for our business (1.5 h)"
    )


def test_literacy_plan_overrides_hours_and_rate():
    plan = literacy_plan(ALVERA_HEADCOUNT, {"ai users": 10}, hourly_rate_eur=40)
    assert plan.loc["AI users", "hours_per_person"] == 10
    assert plan_totals(plan)["total_hours"] == 13976
    assert plan.loc["managers", "cost_eur"] == 240 * 12 * 40
    assert plan.loc["AI users", "curriculum"].endswith("practice on own tasks (4 h)")


def test_literacy_plan_keeps_only_the_audiences_given():
    plan = literacy_plan({"managers": 10, "executives": 2})
    assert list(plan.index) == ["executives", "managers"]
    assert plan_totals(plan)["total_hours"] == 2 * 4 + 10 * 12


def test_curriculum_for_fewer_hours_takes_modules_in_order_that_fit():
    modules, left_out = curriculum_for("executives", 2.5)
    assert modules == [
        "What AI can and cannot do for our business (1.5 h)",
        "Accountability, risk and the EU AI Act for leaders (1 h)",
    ]
    assert left_out == 1
    assert curriculum_for("all staff", 0) == ([], 3)


def test_plan_totals_of_an_empty_headcount():
    plan = literacy_plan({"managers": 0})
    assert plan_totals(plan) == {"headcount": 0, "total_hours": 0.0, "cost_eur": 0.0, "hours_per_head": 0.0}


@pytest.mark.parametrize(
    ("headcount", "hours", "rate", "message"),
    [
        ({"interns": 10}, None, 50, "unknown audience 'interns'"),
        ({}, None, 50, "is empty"),
        (["managers"], None, 50, "should be a dict"),
        ({"managers": -1}, None, 50, "whole number of 0 or more"),
        ({"managers": 2.5}, None, 50, "whole number of 0 or more"),
        ({"managers": "240"}, None, 50, "whole number of 0 or more"),
        ({"managers": 1, "Managers": 2}, None, 50, "given twice"),
        ({"managers": 10}, {"executives": 4}, 50, "has no headcount"),
        ({"managers": 10}, {"managers": -2}, 50, "number of 0 or more"),
        ({"managers": 10}, {"bosses": 2}, 50, "unknown audience 'bosses'"),
        ({"managers": 10}, None, -5, "hourly_rate_eur"),
        ({"managers": 10}, None, math.nan, "hourly_rate_eur"),
    ],
)
def test_literacy_plan_rejects_bad_input(headcount, hours, rate, message):
    with pytest.raises(LiteracyError, match=message):
        literacy_plan(headcount, hours, hourly_rate_eur=rate)


def test_curriculum_for_rejects_bad_input():
    with pytest.raises(LiteracyError, match="unknown audience"):
        curriculum_for("interns", 2)
    with pytest.raises(LiteracyError, match="0 or more"):
        curriculum_for("managers", -1)


@pytest.mark.parametrize(
    ("headcount", "hours", "rate", "message"),
    [
        ({"AI users": 520}, {"AI users": math.inf}, 50, "hours for 'AI users' is inf"),
        ({"AI users": math.inf}, None, 50, "headcount of 'AI users' is inf"),
        ({"AI users": 520}, None, math.inf, "hourly_rate_eur is inf"),
    ],
)
def test_literacy_plan_refuses_infinity_like_nan(headcount, hours, rate, message):
    # Infinite hours once gave total_hours = cost_eur = inf, and an infinite headcount an OverflowError.
    with pytest.raises(LiteracyError, match=message):
        literacy_plan(headcount, hours, hourly_rate_eur=rate)


# --- charts -----------------------------------------------------------------------------------------


def test_stakeholder_grid_labels_the_quadrants_and_colours_by_stance():
    figure = stakeholder_grid(place_stakeholders(people(("CFO", 5, 2, 0), ("Agents", 2, 5, -1))))
    labels = {annotation.text for annotation in figure.layout.annotations}
    assert labels == {f"<b>{place.label}</b>" for place in QUADRANTS}
    assert len(figure.layout.shapes) == 4
    assert [trace.name for trace in figure.data] == [STANCES[-1], STANCES[0]]
    assert list(figure.data[0].x) == [5] and list(figure.data[0].y) == [2]


def test_stakeholder_grid_spreads_people_on_the_same_spot():
    figure = stakeholder_grid(place_stakeholders(people(("A", 3, 3, 0), ("B", 3, 3, 0), ("C", 4, 3, 0))))
    (trace,) = figure.data
    assert list(trace.x) == [2.85, 3.15, 3.0]
    assert list(trace.textposition) == ["top center", "bottom center", "top center"]


def test_adkar_profile_marks_the_barrier_in_red():
    figure = adkar_profile(adkar_diagnostic(scores(5, 4, 3, 2, 1)))
    colours = list(figure.data[0].marker.color)
    assert colours[2] == ADKAR_COLOURS["barrier"] and colours[3] == ADKAR_COLOURS["weak"]
    assert colours[0] == ADKAR_COLOURS["ok"]


def test_literacy_hours_and_figure_output():
    figure = literacy_hours(literacy_plan(ALVERA_HEADCOUNT))
    assert list(figure.data[0].text) == ["56 h", "2,880 h", "1,040 h", "3,120 h", "4,800 h"]
    output = figure_output(figure)
    assert output["output_type"] == "display_data"
    assert list(output["data"]) == ["application/vnd.plotly.v1+json"]


# --- exercises --------------------------------------------------------------------------------------


def test_q1_literacy_total():
    assert checks.q1.evaluate(13976).status is Status.CORRECT
    wrong = checks.q1.evaluate(11896)
    assert wrong.status is Status.INCORRECT and "too low" in wrong.message
    assert checks.q1.evaluate(...).status is Status.NOT_ATTEMPTED


def test_q2_kotter_order():
    assert checks.q2.evaluate(list(checks.KOTTER_STEPS)).status is Status.CORRECT
    swapped = list(checks.KOTTER_STEPS)
    swapped[5], swapped[6] = swapped[6], swapped[5]
    assert checks.q2.evaluate(swapped).status is Status.INCORRECT
    assert checks.q2.evaluate(list(checks.KOTTER_SHUFFLED)).status is Status.INCORRECT
    assert sorted(checks.KOTTER_SHUFFLED) == sorted(checks.KOTTER_STEPS)


def test_q3_barrier_point():
    assert checks.q3.evaluate("desire").status is Status.CORRECT
    wrong = checks.q3.evaluate("Knowledge")
    assert wrong.status is Status.INCORRECT and "first weak element" in wrong.message
    # The exercise's story (the case study's first users) and the domain function agree.
    assert adkar_diagnostic(ALVERA.first_users_adkar).barrier.label == checks.q3.correct


def test_q4_quadrants_follow_the_domain_rule_and_accept_labels():
    expected = {
        "CFO": Quadrant.KEEP_SATISFIED,
        "Head of customer service": Quadrant.MANAGE_CLOSELY,
        "Customer-service agents": Quadrant.KEEP_INFORMED,
        "Works council": Quadrant.MANAGE_CLOSELY,
        "Poznań maintenance technicians": Quadrant.MONITOR,
        "Retail-partner account managers": Quadrant.MONITOR,
    }
    assert checks.q4.correct == expected
    assert checks.q4.evaluate(expected).status is Status.CORRECT
    typed = {name: f" {place.label.upper()} " for name, place in expected.items()}
    assert checks.q4.evaluate(typed).status is Status.CORRECT  # the learner types labels, in any case
    wrong = dict(expected, CFO="manage closely")
    feedback = checks.q4.evaluate(wrong)
    assert feedback.status is Status.INCORRECT and "'CFO'" in feedback.message
    assert checks.q4.evaluate(dict.fromkeys(expected, ...)).status is Status.NOT_ATTEMPTED


def test_q5_listening_replies():
    assert checks.q5.evaluate(set(checks.LISTENING_REPLIES[:3])).status is Status.CORRECT
    wrong = checks.q5.evaluate({*checks.LISTENING_REPLIES[:2], "Promise that no job will ever change"})
    assert wrong.status is Status.INCORRECT and "promise you cannot keep" in wrong.message


def test_quiz_bank_loads():
    bank = load_bank("07_culture_and_change")
    assert bank.lesson == checks.LESSON
    assert 4 <= len(bank.questions) <= 6


# --- widgets ----------------------------------------------------------------------------------------


def test_stakeholder_map_places_redraws_and_advises():
    tool = StakeholderMap(people(("CFO", 5, 2, 0), ("Agents", 2, 5, -1)))
    assert list(tool.placed["quadrant"]) == ["keep satisfied", "keep informed"]
    assert len(tool.chart.outputs) == 1
    assert "Agents" in tool.advice.value and "sceptic" in tool.advice.value
    assert tool.chosen()["name"] == "CFO" and tool.influence.value == 5 and tool.interest.value == 2
    tool.choose("Agents")
    assert (tool.name.value, tool.influence.value, tool.stance.value) == ("Agents", 2, -1)
    tool.influence.value = 4
    assert tool.placed.loc[1, "quadrant"] == "manage closely"
    assert tool.advice.value.index("Agents") < tool.advice.value.index("CFO")  # manage closely first
    tool.choose("CFO")
    assert tool.influence.value == 5  # the controls show the chosen stakeholder, not the last edited
    tool.stance.value = -2
    assert tool.placed.loc[0, "stance_label"] == "strong opponent"
    assert list(tool.table()["influence"]) == [5, 4]


def test_stakeholder_map_shows_everyones_scores_with_the_chosen_one_highlighted():
    tool = StakeholderMap(people(("CFO", 5, 2, 0), ("Works council", 4, 4, -1)))
    rows = tool.scores.value.split("<tr")[2:]
    assert "CFO" in rows[0] and "caio-selected" in rows[0] and "caio-selected" not in rows[1]
    assert "Works council" in rows[1] and "-1 sceptic" in rows[1]
    tool.choose("Works council")
    rows = tool.scores.value.split("<tr")[2:]
    assert "caio-selected" in rows[1] and "caio-selected" not in rows[0]
    with pytest.raises(KeyError, match="no stakeholder named 'CEO'.*CFO, Works council"):
        tool.choose("CEO")


def test_stakeholder_map_add_and_remove():
    tool = StakeholderMap(people(("CFO", 5, 2, 0)))
    tool.add_button.click()
    assert "Type a name" in tool.message.value and len(tool.people) == 1
    tool.new_name.value = "Works council"
    tool.add_button.click()
    assert list(tool.table()["name"]) == ["CFO", "Works council"]
    assert tool.placed.loc[1, "quadrant"] == "manage closely" and tool.new_name.value == ""
    assert tool.chosen()["name"] == "Works council" and tool.influence.value == 3  # the new one, to adjust
    tool.choose("CFO")
    tool.remove_button.click()
    assert list(tool.placed["name"]) == ["Works council"] and tool.name.value == "Works council"
    tool.remove_button.click()
    assert tool.placed is None and "empty" in tool.message.value and tool.chart.outputs == ()
    assert tool.chooser.value is None and tool.influence.disabled and tool.remove_button.disabled


def test_stakeholder_map_starts_empty_or_refuses_a_bad_table():
    tool = StakeholderMap()
    assert tool.people == [] and "empty" in tool.message.value and tool.name.disabled
    tool.new_name.value = "CEO"
    tool.add_button.click()
    assert not tool.name.disabled and list(tool.placed["name"]) == ["CEO"]
    with pytest.raises(StakeholderError, match="'stance' missing"):
        StakeholderMap(pd.DataFrame({"name": ["CFO"], "influence": [5], "interest": [2]}))


def test_stakeholder_map_shows_problems_instead_of_failing():
    tool = StakeholderMap(people(("CFO", 5, 2, 0), ("CEO", 5, 4, 2)))
    tool.choose("CEO")
    tool.name.value = "CFO"
    assert "listed more than once: CFO" in tool.message.value
    assert tool.placed is None and tool.chart.outputs == () and tool.advice.value == ""
    assert [label for label, _ in tool.chooser.options] == ["CFO", "CFO"] and tool.chooser.value == 1
    tool.name.value = "CEO"
    assert tool.message.value == "" and len(tool.placed) == 2
    assert [label for label, _ in tool.chooser.options] == ["CFO", "CEO"]


def test_adkar_diagnostic_widget():
    tool = AdkarDiagnostic(scores(5, 4, 3, 2, 1))
    assert "Barrier point: Knowledge" in tool.verdict.value
    assert "Ability, Reinforcement" in tool.verdict.value
    tool.sliders[Element.DESIRE].value = 2
    assert tool.result.barrier is Element.DESIRE and "Listen before you argue" in tool.verdict.value
    for slider in tool.sliders.values():
        slider.value = 5
    assert "No barrier point" in tool.verdict.value
    tool.sliders[Element.AWARENESS].value = 4
    tool.threshold.value = 5
    assert tool.result.barrier is Element.AWARENESS
    assert len(tool.chart.outputs) == 1


def test_adkar_diagnostic_widget_defaults_and_bad_scores():
    tool = AdkarDiagnostic()
    assert all(slider.value == 3 for slider in tool.sliders.values())
    assert tool.result.barrier is Element.AWARENESS
    with pytest.raises(AdkarError):
        AdkarDiagnostic({"Awareness": 9})


def test_literacy_planner_widget():
    tool = LiteracyPlanner(ALVERA_HEADCOUNT)
    assert "Total: 11,896 hours" in tool.total.value and "EUR 594,800" in tool.total.value
    tool.hours[Audience.AI_USERS].value = 10
    assert "Total: 13,976 hours" in tool.total.value
    assert tool.plan.loc["AI users", "total_hours"] == 5200
    tool.rate.value = 0
    assert "<b>EUR 0</b> of working time" in tool.total.value
    tool.hours[Audience.EXECUTIVES].value = 2.5
    assert tool.plan.loc["executives", "modules_left_out"] == 1
    assert "modules left out" in tool.table.value
    tool.reset_button.click()
    assert plan_totals(tool.plan)["total_hours"] == 11896 and tool.hours[Audience.EXECUTIVES].value == 4
    assert len(tool.chart.outputs) == 1


def test_literacy_planner_table_aligns_each_header_with_its_cells(alignments):
    tool = LiteracyPlanner(ALVERA_HEADCOUNT)
    header, *rows = alignments(tool.table.value)
    # audience, headcount, hours / person, total hours, cost (EUR), curriculum, modules left out
    assert header == ["left", "right", "right", "right", "right", "left", "right"]
    assert rows and all(row == header for row in rows)
    assert tool.table.value.count("<thead>") == 1 and tool.table.value.count("<tr>") == len(rows) + 1


def test_literacy_planner_rejects_unknown_audiences():
    with pytest.raises(LiteracyError, match="unknown audience 'interns'"):
        LiteracyPlanner({"interns": 3})
