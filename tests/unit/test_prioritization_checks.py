"""Exercises of lessons 03 and 04: each fed a right and a wrong answer; references follow the domain."""

from __future__ import annotations

import math

import pytest

from caiokit.catalog import load_catalog
from caiokit.checks import portfolio, prioritization
from caiokit.exercises import Exercise, Status
from caiokit.finance import npv, payback_period
from caiokit.i18n import speaking
from caiokit.portfolio import greedy_portfolio, select_portfolio
from caiokit.quiz import load_bank
from caiokit.scoring import Quadrant, quadrant, score


def status(exercise: Exercise, answer: object) -> Status:
    return exercise.evaluate(answer).status


def exercises_of(module) -> list[Exercise]:
    return [value for value in vars(module).values() if isinstance(value, Exercise)]


# Lesson 03 ------------------------------------------------------------------------------------------


def test_rice_by_hand():
    q1 = prioritization.q1
    assert status(q1, 60_000 * 2 * 0.8 / 8) is Status.CORRECT
    assert status(q1, 12_000) is Status.CORRECT
    wrong = q1.evaluate(60_000 * 2 * 80 / 8)
    assert wrong.status is Status.INCORRECT and "factor of 100" in wrong.message
    assert status(q1, 60_000 * 2 / 8) is Status.INCORRECT  # confidence left out
    assert status(q1, "12000") is Status.ERROR
    assert status(q1, ...) is Status.NOT_ATTEMPTED


def test_rice_by_hand_is_not_the_worked_example():
    assert prioritization.q1.expected != 400


def test_rice_function():
    q2 = prioritization.q2

    def right(reach, impact, confidence, effort):
        return reach * impact * confidence / effort

    def without_confidence(reach, impact, confidence, effort):
        return reach * impact / effort

    def blank(reach, impact, confidence, effort):
        return ...

    assert status(q2, right) is Status.CORRECT
    assert status(q2, without_confidence) is Status.INCORRECT
    assert status(q2, blank) is Status.NOT_ATTEMPTED
    assert status(q2, lambda reach, impact: 0) is Status.ERROR
    assert any(case.args == (500, 2, 0.8, 2) and case.expected == 400 for case in q2.cases)


def test_quadrants_follow_scoring_quadrant():
    q5 = prioritization.q5
    placed = quadrant(load_catalog()).set_index("id")["quadrant"]
    assert q5.correct == {use_case: placed[use_case] for use_case in prioritization.QUADRANT_CASES}
    names = load_catalog().set_index("id")["name"]
    right = {names[use_case]: place for use_case, place in q5.correct.items()}
    assert set(right.values()) == set(Quadrant) - {Quadrant.EXCLUDED}
    assert status(q5, right) is Status.CORRECT
    typed = {name: Quadrant(place).label for name, place in right.items()}
    assert typed["Email triage and routing"] == "quick win"
    assert status(q5, typed) is Status.CORRECT, "learners type the labels they read"
    assert status(q5, {name: f" {label.upper()} " for name, label in typed.items()}) is Status.CORRECT
    unknown = q5.evaluate(dict(typed, **{"Email triage and routing": "quick-win"}))
    assert unknown.status is Status.ERROR
    assert "use one of 'quick win', 'strategic bet', 'fill-in', 'avoid'" in unknown.message
    swapped = dict(right, **{"Visual quality inspection": "quick win"})
    feedback = q5.evaluate(swapped)
    assert feedback.status is Status.INCORRECT and "Visual quality inspection" in feedback.message
    assert status(q5, dict.fromkeys(right, ...)) is Status.NOT_ATTEMPTED


def test_the_quadrant_exercise_names_use_cases_as_the_french_catalog_does(progress_file):
    q5 = prioritization.q5
    with speaking("fr"):
        names = load_catalog().set_index("id")["name"]
        typed = {names[use_case]: Quadrant(place).label for use_case, place in q5.correct.items()}
        assert typed["Tri et routage des e-mails"] == "gain rapide"
        assert status(q5, typed) is Status.CORRECT
        by_id = {use_case: Quadrant(place).label for use_case, place in q5.correct.items()}
        assert status(q5, by_id) is Status.CORRECT, "an id names its use case too"
        feedback = q5.evaluate(dict(typed, **{"Contrôle qualité visuel": "gain rapide"}))
        assert feedback.status is Status.INCORRECT and "'Contrôle qualité visuel'" in feedback.message
        assert "Contrôle qualité visuel\u00a0: **pari stratégique**\u202f; " in str(q5.solution())


def test_cfo_ranking_follows_score():
    q3 = prioritization.q3
    catalog = load_catalog().set_index("id").loc[list(prioritization.RANKING_CASES)].reset_index()
    ranked = score(catalog, weights=prioritization.CFO_WEIGHTS).sort_values("rank")
    assert q3.reference == tuple(ranked["id"])
    assert status(q3, list(ranked["id"])) is Status.CORRECT
    by_rice = list(score(catalog, method="rice").sort_values("rank")["id"])
    assert by_rice != list(ranked["id"])
    assert status(q3, by_rice) is Status.INCORRECT
    assert status(q3, list(ranked["id"])[:4]) is Status.ERROR


def test_ranking_by_hand_matches_the_hint():
    """The five scores are simple enough to compute by hand, as the hint says."""
    catalog = load_catalog().set_index("id").loc[list(prioritization.RANKING_CASES)].reset_index()
    scores = score(catalog, weights=prioritization.CFO_WEIGHTS).set_index("id")["score"]
    assert scores.round(3).to_dict() == {"UC02": 0.25, "UC05": 0.5, "UC11": 1.0, "UC17": 0.875, "UC25": 0.375}


def test_excluded_case():
    q4 = prioritization.q4
    assert status(q4, prioritization.EXCLUDED_OPTION) is Status.CORRECT
    assert status(q4, "c") is Status.INCORRECT  # right use case, wrong reason
    assert status(q4, "a") is Status.INCORRECT
    assert status(q4, "z") is Status.ERROR
    prohibited = set(load_catalog().query("ai_act_tier == 'prohibited'")["id"])
    named = {key: text.split()[0] for key, text in prioritization.EXCLUSION_OPTIONS.items()}
    assert named[q4.correct] in prohibited
    assert {named[key] for key in ("a", "d", "e")}.isdisjoint(prohibited)


# Lesson 04 ------------------------------------------------------------------------------------------


def test_greedy_trap():
    q1 = portfolio.q1
    exact = select_portfolio(portfolio.TRAP_TABLE, portfolio.TRAP_BUDGET)
    greedy = greedy_portfolio(portfolio.TRAP_TABLE, portfolio.TRAP_BUDGET)
    assert exact.total_value > greedy.total_value, "the instance must trap greedy"
    assert q1.correct == frozenset(exact.selected)
    assert status(q1, set(exact.selected)) is Status.CORRECT
    feedback = q1.evaluate(set(greedy.selected))
    assert feedback.status is Status.INCORRECT and "'A' does not belong" in feedback.message
    assert status(q1, {"E"}) is Status.ERROR


def test_chatbot_npv():
    q3 = portfolio.q3
    flows = [-220_000, 650_000 / 2 - 90_000, 560_000, 560_000]
    by_hand = sum(cash / 1.08**year for year, cash in enumerate(flows))
    assert q3.expected == pytest.approx(by_hand)
    assert status(q3, by_hand) is Status.CORRECT
    assert status(q3, sum(flows)) is Status.INCORRECT  # not discounted
    discounted_from_year_1 = sum(cash / 1.08 ** (year + 1) for year, cash in enumerate(flows))
    assert status(q3, discounted_from_year_1) is Status.INCORRECT


def test_vision_payback():
    q4 = portfolio.q4
    assert q4.expected == payback_period(portfolio.VISION_ROLLOUT) == 3
    assert status(q4, 3) is Status.CORRECT
    assert status(q4, 2) is Status.INCORRECT  # the first year with a positive cash flow
    assert status(q4, payback_period(portfolio.VISION_ROLLOUT, fractional=True)) is Status.INCORRECT


def test_npv_function():
    q5 = portfolio.q5

    def right(cash_flows, rate):
        return sum(cash / (1 + rate) ** t for t, cash in enumerate(cash_flows))

    def discounts_year_0(cash_flows, rate):
        return sum(cash / (1 + rate) ** (t + 1) for t, cash in enumerate(cash_flows))

    def blank(cash_flows, rate):
        return ...

    assert status(q5, right) is Status.CORRECT
    assert status(q5, npv) is Status.CORRECT
    assert status(q5, discounts_year_0) is Status.INCORRECT
    assert status(q5, blank) is Status.NOT_ATTEMPTED
    assert status(q5, 42) is Status.ERROR


def test_roadmap_start():
    q2 = portfolio.q2
    assert q2.correct == "2028-Q2"
    assert status(q2, "2028-Q2") is Status.CORRECT
    assert status(q2, "2027-Q3") is Status.INCORRECT  # the dependency alone, capacity ignored
    assert status(q2, "2027-Q1") is Status.INCORRECT
    assert status(q2, "Q3") is Status.ERROR


# Both lessons ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("module", [prioritization, portfolio])
def test_every_exercise_is_tested_and_gives_hints_and_a_solution(module):
    found = exercises_of(module)
    assert len(found) >= 4
    assert {exercise.lesson for exercise in found} == {module.LESSON}
    for exercise in found:
        assert exercise.hints and str(exercise.solution())
        assert status(exercise, ...) is Status.NOT_ATTEMPTED


@pytest.mark.parametrize("module", [prioritization, portfolio])
def test_solutions_show_computed_values_not_nan(module):
    for exercise in exercises_of(module):
        assert "nan" not in str(exercise.solution()).lower().replace(",", " ").split()
        assert not math.isnan(getattr(exercise, "expected", 0.0))


@pytest.mark.parametrize("lesson", [prioritization.LESSON, portfolio.LESSON])
def test_quiz_banks_have_five_questions(lesson):
    bank = load_bank(lesson)
    assert bank.lesson == lesson and len(bank.questions) == 5
