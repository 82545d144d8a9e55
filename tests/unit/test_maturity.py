"""Maturity self-assessment: questionnaire data, scoring rule, moves, radar chart, widget, exercises q3-q4."""

from __future__ import annotations

import math

import pytest

from caiokit import case_study, datafiles
from caiokit.charts.radar import RadarChartError, radar
from caiokit.checks.strategy import q3, q4
from caiokit.exercises import Status
from caiokit.maturity import (
    Level,
    MaturityError,
    Pillar,
    assess,
    load_moves,
    load_questions,
    overall_level,
)
from caiokit.widgets.maturity_assessment import MaturityAssessment

ALVERA = case_study.load("alvera").maturity_answers  # lesson 02's self-assessment
PILLARS = Pillar.labels()


def answers_by_pillar(values: dict[Pillar, int]) -> dict[str, int]:
    """Every statement of a pillar gets that pillar's value (the table holds pillar ids)."""
    questions = load_questions()
    return {row.id: values[row.pillar] for row in questions.itertuples(index=False)}


# --- the data ---------------------------------------------------------------------------------------


def test_questionnaire_has_one_or_two_statements_per_pillar_in_pillar_order():
    questions = load_questions()
    counts = questions.groupby("pillar", sort=False).size()
    assert tuple(counts.index) == tuple(Pillar)
    assert counts.between(1, 2).all()
    assert questions["id"].is_unique


def test_every_statement_id_has_its_wording_and_the_wording_no_other_id():
    structure = datafiles.table("maturity_questions.csv")
    wording = datafiles.table(datafiles.localized("maturity_questions.csv"))
    assert list(structure["id"]) == list(wording["id"])
    assert set(structure["pillar"]) == {pillar.value for pillar in Pillar}
    assert all(load_questions()["statement"].str.strip())


def test_moves_table_has_exactly_one_move_per_pillar_and_level():
    moves = load_moves()
    assert len(moves) == len(Pillar) * len(Level)
    assert not moves.duplicated(["pillar", "level"]).any()
    assert set(moves["level"]) == {level.value for level in Level}


def test_level_names_are_mitres_five():
    assert Level.labels() == ("Initial", "Adopted", "Defined", "Managed", "Optimized")
    assert Level.parse("Developing") is None


def test_pillars_and_levels_are_read_by_label_or_id():
    assert Pillar.parse("Technology enablers") is Pillar.TECHNOLOGY is Pillar.parse("technology")
    assert Pillar.label_of("responsible_use") == "Ethical, equitable and responsible use"
    assert Level("managed").label == "Managed" and Level.parse(" OPTIMIZED ") is Level.OPTIMIZED


def test_a_questionnaire_file_may_name_pillars_by_id_or_label(tmp_path):
    questions = load_questions()
    labels = questions["pillar"].map(Pillar.label_of)
    mixed = questions.assign(pillar=labels.where(questions.index % 2 == 0, questions["pillar"]))
    assert set(mixed["pillar"]) > set(questions["pillar"])
    mixed.to_csv(tmp_path / "q.csv", index=False)
    assert load_questions(tmp_path / "q.csv").equals(questions)


def test_bad_questionnaire_files_list_every_problem(tmp_path):
    path = tmp_path / "q.csv"
    path.write_text(
        "id,pillar,statement\nA1,Data,One\nA1,Data,Two\nB1,Vibes,Three\n",
        encoding="utf-8",
    )
    with pytest.raises(MaturityError) as caught:
        load_questions(path)
    text = str(caught.value)
    assert "q.csv: statement id 'A1' appears more than once" in text
    assert "pillar 'Vibes' is not one of MITRE's six" in text
    assert "pillar 'Organization' has no statement" in text
    path.write_text("id,statement\nA1,One\n", encoding="utf-8")
    with pytest.raises(MaturityError, match=r"column\(s\) \['pillar'\] missing"):
        load_questions(path)


def test_bad_moves_files_are_refused(tmp_path):
    moves = load_moves()
    broken = moves.drop(index=0)
    broken.loc[len(moves)] = ["Data", "Initial", "A second move"]
    broken.loc[len(moves) + 1] = ["Data", "Developing", "A move at a level that does not exist"]
    path = tmp_path / "moves.csv"
    broken.to_csv(path, index=False)
    with pytest.raises(MaturityError) as caught:
        load_moves(path)
    problems = caught.value.problems
    assert (
        "moves.csv: level 'Developing' is not one of Initial, Adopted, Defined, Managed, Optimized"
        in problems
    )
    assert f"moves.csv: no move for pillar {PILLARS[0]!r} at level 'Initial'" in problems
    assert "moves.csv: more than one move for pillar 'Data' at level 'Initial'" in problems


# --- the rule -------------------------------------------------------------------------------------------


def test_alvera_by_hand():
    result = assess(ALVERA)
    # pillar means: (1+2)/2, (2+1)/2, (2+1)/2, (3+2)/2, (3+2)/2, (3+2)/2
    assert list(result.pillar_scores.values()) == [1.5, 1.5, 1.5, 2.5, 2.5, 2.5]
    assert result.overall_score == 2.0  # 12 / 6
    assert result.level == "Adopted" and result.level_number == 2 and result.level_id is Level.ADOPTED
    assert list(result.scores) == list(Pillar) and result.scores[Pillar.DATA] == 2.5
    assert [m.pillar_id for m in result.moves] == list(Pillar)[:3]
    assert {m.level_id for m in result.moves} == {Level.INITIAL}
    assert "level_id" not in repr(result) and "pillar_id" not in repr(result)  # the repr shows labels
    assert result.weakest == PILLARS[:3]
    assert [(m.pillar, m.level) for m in result.moves] == [(p, "Initial") for p in PILLARS[:3]]
    assert result.moves[1].text.startswith("Name an executive sponsor")
    assert result.pillar_levels["Data"] == "Adopted"


def test_all_threes_is_defined_and_ties_follow_questionnaire_order():
    result = assess(dict.fromkeys(ALVERA, 3))
    assert result.level == "Defined"
    assert result.weakest == PILLARS
    assert [m.pillar for m in result.moves] == list(PILLARS[:3])
    assert {m.level for m in result.moves} == {"Defined"}


def test_weakest_pillar_caps_the_level_at_one_above_it():
    scores = dict.fromkeys(Pillar, 5)
    scores[Pillar.RESPONSIBLE_USE] = 1
    result = assess(answers_by_pillar(scores))
    assert math.isclose(result.overall_score, 26 / 6, abs_tol=1e-4)  # mean 4.33 would say Managed
    assert result.level == "Adopted"  # but Initial + 1 is the ceiling
    assert result.weakest == ("Ethical, equitable and responsible use",)
    assert [(m.pillar, m.level) for m in result.moves] == [
        ("Ethical, equitable and responsible use", "Initial"),
        ("Strategy and resources", "Optimized"),
        ("Organization", "Optimized"),
    ]


def test_all_fives_is_optimized_and_all_ones_initial():
    assert assess(dict.fromkeys(ALVERA, 5)).level == "Optimized"
    assert assess(dict.fromkeys(ALVERA, 1)).level == "Initial"


@pytest.mark.parametrize(
    ("scores", "level"),
    [
        ({"a": 2.9, "b": 2.9, "c": 2.9}, Level.ADOPTED),
        ({"a": 3.0, "b": 3.0, "c": 3.0}, Level.DEFINED),
        ({"a": 4.0, "b": 4.0, "c": 2.5}, Level.DEFINED),  # mean 3.5 -> 3; weakest 2 -> cap 3
        ({"a": 5.0, "b": 5.0, "c": 2.0}, Level.DEFINED),  # mean 4 -> 4; weakest 2 -> cap 3
    ],
)
def test_overall_level_rule(scores, level):
    assert overall_level(scores) is level


def test_overall_level_needs_scores():
    with pytest.raises(MaturityError, match="no pillar scores"):
        overall_level({})


def test_markdown_report_names_level_and_moves():
    text = assess(ALVERA).to_markdown()
    assert "**Overall level: Adopted**" in text
    assert "| Data | 2.5 | Adopted |" in text
    assert text.count("\n1. ") == 1 and "\n3. **Organization**" in text


def test_results_and_the_widget_speak_through_the_catalogue(bracketed):
    result = assess(ALVERA)
    assert result.level == "[Adopted]" and result.weakest[0] == "[Ethical, equitable and responsible use]"
    assert result.level_number == 2 and result.pillar_levels["[Data]"] == "[Adopted]"
    assert "| [Pillar] | [Score] | [Level] |" in result.to_markdown()
    assert load_questions()["pillar"].iloc[0] == "responsible_use"  # ids do not go through the catalogue
    tool = MaturityAssessment(ALVERA)
    assert (
        tool.reset_button.description == "[Reset]" and "[Next three moves]" in tool.widget.children[3].value
    )
    assert tool.figure.layout.title.text.startswith("[AI maturity by pillar")


def test_whole_numbers_as_floats_are_accepted():
    assert assess({k: float(v) for k, v in ALVERA.items()}).level == "Adopted"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"STR1": 0}, "the answer to STR1 is 0: it should be a whole number from 1 to 5"),
        ({"STR1": 6}, "the answer to STR1 is 6"),
        ({"STR1": 2.5}, "the answer to STR1 is 2.5"),
        ({"STR1": "3"}, "the answer to STR1 is '3'"),
        ({"STR1": True}, "the answer to STR1 is True"),
        ({"STR1": float("nan")}, "the answer to STR1 is nan"),
        ({"STR1": ...}, "statement STR1 has no answer"),
        ({"STR 1": 3}, "'STR 1' is not a statement id; the ids are ERU1, ERU2"),
    ],
)
def test_bad_answers_are_explained(change, message):
    with pytest.raises(MaturityError) as caught:
        assess({**ALVERA, **change})
    assert any(message in problem for problem in caught.value.problems), caught.value.problems


def test_missing_answers_are_all_listed():
    partial = {k: v for k, v in ALVERA.items() if k not in ("DAT1", "PER2")}
    with pytest.raises(MaturityError) as caught:
        assess(partial)
    assert caught.value.problems == [
        "statement DAT1 has no answer: give it a whole number from 1 to 5",
        "statement PER2 has no answer: give it a whole number from 1 to 5",
    ]
    assert str(caught.value).startswith("2 problem(s)")


def test_answers_must_be_a_mapping():
    with pytest.raises(MaturityError, match="should be a dict"):
        assess([3] * 12)


# --- the radar chart ----------------------------------------------------------------------------------


def test_radar_closes_the_polygon_and_sets_the_scale():
    figure = radar({"a": 1, "b": 2, "c": 3}, title="Skills", max_value=4)
    (trace,) = figure.data
    assert list(trace.r) == [1, 2, 3, 1]
    assert list(trace.theta) == ["a", "b", "c", "a"]
    assert list(figure.layout.polar.radialaxis.range) == [0, 4]
    assert list(figure.layout.polar.radialaxis.tickvals) == [0, 1, 2, 3, 4]
    assert figure.layout.title.text == "Skills"
    assert figure.layout.showlegend is False


def test_radar_wraps_long_labels_and_draws_a_reference_under_the_scores():
    scores = dict.fromkeys(PILLARS, 2.0)
    figure = radar(scores, title="t", reference=dict.fromkeys(PILLARS, 3), names=("Now", "Goal"))
    reference, today = figure.data
    assert (reference.name, today.name) == ("Goal", "Now")
    assert reference.line.dash == "dash" and list(reference.r) == [3.0] * 7
    assert today.theta[0] == "Ethical, equitable and<br>responsible use"
    assert figure.layout.showlegend is True


@pytest.mark.parametrize("count", [3, 7, 9])
def test_radar_scale_runs_between_two_axes_clear_of_their_labels(count):
    figure = radar({f"axis {n}": 1 for n in range(count)}, title="t")
    polar = figure.layout.polar
    assert (polar.angularaxis.rotation, polar.angularaxis.direction) == (90, "clockwise")
    spokes = [90 - n * 360 / count for n in range(count)]  # where each axis and its label are drawn
    gaps = [abs((polar.radialaxis.angle - spoke + 180) % 360 - 180) for spoke in spokes]
    assert min(gaps) == pytest.approx(180 / count)  # halfway between the two nearest axes
    assert polar.radialaxis.tickangle == polar.radialaxis.angle  # turned back upright


@pytest.mark.parametrize(
    ("scores", "kwargs", "message"),
    [
        ({"a": 1, "b": 2}, {}, "at least 3 axes; 2 given"),
        ({"a": 1, "b": 2, "c": 6}, {}, "'c' is 6, outside 0 to 5"),
        ({"a": 1, "b": 2, "c": -1}, {}, "'c' is -1, outside 0 to 5"),
        ({"a": 1, "b": 2, "c": "high"}, {}, "'c' is 'high', not a number"),
        ({"a": 1, "b": 2, "c": 3}, {"max_value": 0}, "must be more than 0"),
        ({"a": 1, "b": 2, "c": 3}, {"reference": {"a": 1, "b": 2}}, "same axes"),
        ({"a": 1, "b": 2, "c": 3}, {"reference": {"a": 1, "b": 2, "c": 9}}, "reference: the value for 'c'"),
    ],
)
def test_radar_refuses_bad_scores(scores, kwargs, message):
    with pytest.raises(RadarChartError, match=message):
        radar(scores, title="t", **kwargs)


# --- the widget -------------------------------------------------------------------------------------------


def test_widget_starts_from_given_answers_and_follows_the_sliders():
    tool = MaturityAssessment(ALVERA)
    assert tool.answers() == ALVERA
    assert "<b>Adopted</b>" in tool.level.value and "mean score 2.00" in tool.level.value
    assert tool.moves.value.count("<li>") == 3 and "Name an executive sponsor" in tool.moves.value
    assert list(tool.figure.data[-1].r) == [1.5, 1.5, 1.5, 2.5, 2.5, 2.5, 1.5]
    (shown,) = tool.chart.outputs
    assert shown["data"]["application/vnd.plotly.v1+json"]["data"][0]["r"] == [
        1.5,
        1.5,
        1.5,
        2.5,
        2.5,
        2.5,
        1.5,
    ]
    for qid in tool.sliders:
        tool.sliders[qid].value = 3
    assert "<b>Defined</b>" in tool.level.value
    assert tool.result.level == "Defined" and list(tool.figure.data[-1].r) == [3.0] * 7
    tool.sliders["ERU1"].value = 1
    tool.sliders["ERU2"].value = 1
    assert tool.result.level == "Adopted"  # capped by the weakest pillar
    assert "Write one page of responsible-AI principles" in tool.moves.value


def test_widget_reset_restores_the_start():
    tool = MaturityAssessment(ALVERA)
    tool.sliders["TEC1"].value = 5
    assert tool.result.pillar_scores["Technology enablers"] == 3.5
    tool.reset_button.click()
    assert tool.answers() == ALVERA
    assert tool.result.pillar_scores["Technology enablers"] == 2.5


def test_widget_defaults_to_ones_and_refuses_bad_starting_answers():
    assert MaturityAssessment().result.level == "Initial"
    with pytest.raises(MaturityError, match="the answer to TEC1 is 7"):
        MaturityAssessment({"TEC1": 7})
    with pytest.raises(MaturityError, match="'XYZ' is not a statement id"):
        MaturityAssessment({"XYZ": 3})


# --- the exercises ------------------------------------------------------------------------------------------


def test_q3_mitre_levels():
    assert q3.evaluate({"Initial", "Adopted", "Defined", "Managed", "Optimized"}).passed
    wrong = q3.evaluate({"Initial", "Developing", "Defined", "Managed", "Optimized"})
    assert wrong.status is Status.INCORRECT
    assert "'Developing' does not belong" in wrong.message and "Adopted" in wrong.message
    assert "1 correct option is still missing" in wrong.message
    assert "MIT CISR" in q3.evaluate({"Initial", "Experiment"}).message
    assert q3.evaluate(...).status is Status.NOT_ATTEMPTED


def test_q4_cisr_arithmetic():
    assert q4.evaluate(274).passed
    assert q4.evaluate((0.31 + 0.07) * 721).passed
    assert q4.evaluate(0.07 * 721).status is Status.INCORRECT
    off = q4.evaluate(38 * 721)
    assert off.status is Status.INCORRECT and "factor of 100" in off.message
    assert q4.evaluate("274").status is Status.ERROR
