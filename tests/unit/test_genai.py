"""Lesson 11 (generative AI and agents): patterns, build/buy sensitivity, cost, contracts, agents, checks, tools."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pandas as pd
import pytest

from caiokit import datafiles
from caiokit.checks import genai as checks
from caiokit.exercises import Status
from caiokit.genai import GenAIError
from caiokit.genai.agents import (
    DEFAULT_LIMIT_EUR,
    AgentAction,
    Autonomy,
    autonomy_level,
    autonomy_levels,
    service_desk_actions,
)
from caiokit.genai.build_buy import (
    Option,
    criteria,
    decision,
    default_weights,
    flip_point,
    normalised,
    option_scores,
    sensitivity,
    weighted_totals,
)
from caiokit.genai.contracts import clauses, missing_clauses, provider_scorecard, required_clauses
from caiokit.genai.cost import (
    MonthlyCost,
    Usage,
    break_even,
    model_tiers,
    monthly_cost,
    usage_of,
    use_case_break_even,
)
from caiokit.genai.patterns import TRAITS, Pattern, choose_pattern, pattern_profiles, patterns_for_use_cases
from caiokit.widgets import tool
from caiokit.widgets.build_buy_decision import BuildBuyDecision
from caiokit.widgets.cost_calculator import CostCalculator

ROOT = Path(__file__).resolve().parents[2]
NO = dict.fromkeys(TRAITS, False)


# Patterns


@pytest.mark.parametrize(
    ("traits", "expected"),
    [
        ({}, Pattern.NO_AI),
        ({"fixed_rules": True, "acts_in_systems": True}, Pattern.RULES),
        ({"acts_in_systems": True, "generates_text": True}, Pattern.AGENT),
        ({"generates_text": True, "internal_knowledge": True, "house_style_examples": True}, Pattern.RAG),
        ({"generates_text": True, "house_style_examples": True}, Pattern.FINE_TUNING),
        ({"generates_text": True}, Pattern.PROMPTING),
        ({"predicts_from_history": True}, Pattern.CLASSIC_ML),
    ],
)
def test_the_pattern_rule_takes_the_simplest_fit(traits, expected):
    assert choose_pattern({**NO, **traits}) is expected


def test_the_pattern_rule_refuses_missing_or_non_boolean_traits():
    with pytest.raises(GenAIError, match="acts_in_systems"):
        choose_pattern({name: False for name in TRAITS if name != "acts_in_systems"})
    with pytest.raises(GenAIError, match="True or False: generates_text"):
        choose_pattern({**NO, "generates_text": "yes"})


def test_catalog_use_cases_get_their_pattern_and_every_pattern_has_words():
    patterns = patterns_for_use_cases()
    assert patterns["UC23"] is Pattern.RAG and patterns["UC37"] is Pattern.AGENT
    assert set(patterns.index) <= set(datafiles.table("catalog.csv")["id"])
    profiles = pattern_profiles()
    assert list(profiles.index) == [p.value for p in Pattern]
    assert profiles.map(str.strip).astype(bool).all().all()


# Build, buy, partner, wait


def test_default_decision_and_totals():
    scores, weights = option_scores(), default_weights()
    totals = weighted_totals(scores, weights)
    assert list(totals.index) == [Option.BUY, Option.PARTNER, Option.BUILD, Option.WAIT]
    assert totals[Option.BUY] == pytest.approx(3.6)
    assert decision(scores, weights) is Option.BUY
    assert sum(weights.values()) == 100 and set(weights) == set(criteria().index) == set(scores.columns)


def test_flip_point_is_where_the_rival_ties():
    scores, weights = option_scores(), default_weights()
    flip = flip_point(scores, weights, "control_of_data")
    assert flip.option_above is Option.BUILD and flip.below is None
    others = {k: v for k, v in weights.items() if k != "control_of_data"}
    rest = sum(others.values())
    at = {**{k: v / rest * (1 - flip.above) for k, v in others.items()}, "control_of_data": flip.above}
    totals = weighted_totals(scores, at)
    assert totals[Option.BUILD] == pytest.approx(totals[Option.BUY])
    nudged = {**at, "control_of_data": flip.above + 0.001}
    assert decision(scores, nudged) is Option.BUILD
    assert decision(scores, {**at, "control_of_data": flip.above - 0.001}) is Option.BUY


def test_sensitivity_has_a_row_per_criterion_and_none_when_the_answer_never_flips():
    table = sensitivity(option_scores(), default_weights())
    assert list(table.index) == list(option_scores().columns)
    assert table.loc["skills_available", "margin"] is None or pd.isna(table.loc["skills_available", "margin"])
    assert table["margin"].dropna().min() == pytest.approx(table.loc["control_of_data", "margin"])
    assert table.loc["time_to_value", "takes_over"] is Option.BUILD
    control = flip_point(option_scores(), default_weights(), "control_of_data")
    assert table.loc["control_of_data", "nearest_flip"] == control.nearest == control.above


def test_a_tie_today_is_a_flip_at_distance_zero():
    scores = pd.DataFrame({"a": [5, 1], "b": [1, 5]}, index=[Option.BUILD, Option.BUY])
    flip = flip_point(scores, {"a": 50, "b": 50}, "a")
    assert flip.margin == 0 and flip.takes_over is Option.BUY


@pytest.mark.parametrize(
    ("weights", "message"),
    [
        ({**default_weights(), "price": 3}, "unknown criteria: price"),
        ({**default_weights(), "total_cost": -1}, "total_cost"),
        ({**default_weights(), "total_cost": math.nan}, "total_cost"),
        (dict.fromkeys(default_weights(), 0), "above 0"),
    ],
)
def test_bad_weights_are_refused(weights, message):
    with pytest.raises(GenAIError, match=message):
        normalised(weights, option_scores())


def test_bad_scores_and_criteria_are_refused():
    scores = option_scores()
    scores.loc[Option.WAIT, "total_cost"] = 7
    with pytest.raises(GenAIError, match="wait/total_cost"):
        weighted_totals(scores, default_weights())
    with pytest.raises(GenAIError, match="unknown criterion 'price'"):
        flip_point(option_scores(), default_weights(), "price")


# Cost


def test_monthly_cost_by_hand():
    usage = Usage(1000, 2000, 500, cached_share=0.5, small_share=0.0, review_share=0.1, review_minutes=6)
    cost = monthly_cost(usage)
    large = model_tiers().loc["large"]
    per_request = (
        1000 * large["eur_per_million_in"] + 1000 * large["eur_per_million_cached_in"]
    ) / 1e6 + 500 * large["eur_per_million_out"] / 1e6
    assert cost.large_model_eur == pytest.approx(1000 * per_request) and cost.small_model_eur == 0
    assert cost.review_eur == pytest.approx(1000 * 0.1 * 6 / 60 * 50)
    assert cost.total_eur == pytest.approx(cost.model_eur + cost.review_eur)


def test_tiering_and_caching_lower_the_model_cost():
    base = Usage(10_000, 3000, 400)
    assert monthly_cost(Usage(10_000, 3000, 400, small_share=0.8)).model_eur < monthly_cost(base).model_eur
    assert monthly_cost(Usage(10_000, 3000, 400, cached_share=0.8)).model_eur < monthly_cost(base).model_eur


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"requests_per_month": -1}, "requests_per_month"),
        ({"tokens_in": math.inf}, "tokens_in"),
        ({"cached_share": 30}, "share from 0 to 1"),
        ({"review_minutes": "3"}, "review_minutes"),
    ],
)
def test_bad_usage_is_refused(values, message):
    with pytest.raises(GenAIError, match=message):
        Usage(**{"requests_per_month": 100, "tokens_in": 10, "tokens_out": 10, **values})


def test_break_even():
    cost = MonthlyCost(100.0, 200.0, 700.0)
    result = break_even(24_000, cost, 10_000)
    assert result.value_per_month_eur == 2000 and result.net_per_month_eur == 1000 and result.months == 10
    assert break_even(6_000, cost, 10_000).months is None
    with pytest.raises(GenAIError, match="one_off_eur"):
        break_even(6_000, cost, -1)
    with pytest.raises(GenAIError, match="UC99"):
        use_case_break_even("UC99")
    with pytest.raises(GenAIError, match="no usage figures for UC01"):
        usage_of("UC01")


def test_prices_are_dated_course_assumptions():
    tiers = model_tiers()
    assert set(tiers.index) == {"small", "large"}
    assert tiers["as_of"].map(lambda d: len(str(d)) == 10).all()
    assert tiers["note"].str.contains("course assumption").all()
    assert (tiers["eur_per_million_out"] > tiers["eur_per_million_in"]).all()
    assert (tiers["eur_per_million_cached_in"] < tiers["eur_per_million_in"]).all()


# Contracts and providers


def test_missing_clauses():
    assert missing_clauses(required_clauses()) == ()
    assert missing_clauses([]) == required_clauses()
    assert "gpai_documentation" in missing_clauses(["data_use"])
    with pytest.raises(GenAIError, match="not one string"):
        missing_clauses("data_use")
    with pytest.raises(GenAIError, match="unknown clause ids: nda"):
        missing_clauses(["nda"])
    assert clauses()["why"].str.len().gt(20).all()
    assert "Art. 53" in clauses().loc["gpai_documentation", "why"]


def test_provider_scorecard_reuses_the_weighted_mean():
    card = provider_scorecard()
    assert card.index[0] == "provider_b"
    only_quality = provider_scorecard(
        {"model_quality": 1, "price": 0, "eu_data_residency": 0, "contract_terms": 0, "portability": 0}
    )
    assert only_quality.index[0] == "provider_a"


# Agents


@pytest.mark.parametrize(
    ("action", "expected"),
    [
        (AgentAction(), Autonomy.ACT_ALONE),
        (AgentAction(amount_eur=500), Autonomy.ACT_THEN_REPORT),
        (AgentAction(amount_eur=500.01), Autonomy.ASK_FIRST),
        (AgentAction(reversible=False), Autonomy.ASK_FIRST),
        (AgentAction(external=True), Autonomy.ASK_FIRST),
        (AgentAction(binding=True), Autonomy.HUMAN_ONLY),
    ],
)
def test_autonomy_rule(action, expected):
    assert autonomy_level(action) is expected


def test_autonomy_refuses_bad_amounts_and_limits():
    with pytest.raises(GenAIError, match="amount_eur"):
        AgentAction(amount_eur=-5)
    with pytest.raises(GenAIError, match="spending limit"):
        autonomy_level(AgentAction(), limit_eur=math.nan)


def test_service_desk_actions_cover_every_level():
    levels = autonomy_levels(service_desk_actions())
    assert set(levels) == set(Autonomy)
    assert autonomy_levels(service_desk_actions(), limit_eur=2000)["order_laptop"] is Autonomy.ACT_THEN_REPORT


# Checks


def _answers():
    return {
        "q1": "rag",
        "q2": 100 * flip_point(option_scores(), default_weights(), "control_of_data").above,
        "q3": monthly_cost(usage_of("UC37")).total_eur,
        "q4": set(missing_clauses(checks.DRAFT_CONTRACT)),
        "q5": {k: v.value for k, v in autonomy_levels(service_desk_actions()).items()},
    }


@pytest.mark.parametrize("name", ["q1", "q2", "q3", "q4", "q5"])
def test_reference_answers_pass_and_blanks_are_not_attempted(name):
    exercise = getattr(checks, name)
    assert exercise.evaluate(_answers()[name]).status is Status.CORRECT
    assert exercise.evaluate(...).status is Status.NOT_ATTEMPTED
    assert str(exercise.solution()) and str(exercise.hint())


def test_typical_wrong_answers_get_teaching_feedback():
    feedback = checks.q1.evaluate("fine-tuning")
    assert feedback.status is Status.INCORRECT and "style" in feedback.message
    assert checks.q2.evaluate(20).status is Status.INCORRECT
    assert checks.q2.evaluate(33).status is Status.CORRECT
    model_only = monthly_cost(usage_of("UC37")).model_eur
    assert checks.q3.evaluate(model_only).status is Status.INCORRECT
    wrong = checks.q4.evaluate({"data_use", "exit_portability"})
    assert wrong.status is Status.INCORRECT and "already has it" in wrong.message
    answer = _answers()["q5"] | {"email_all_staff": "act_alone"}
    feedback = checks.q5.evaluate(answer)
    assert feedback.status is Status.INCORRECT and "email_all_staff" in feedback.message


def test_quiz_figures_follow_the_code():
    bank = json.loads(datafiles.path("en/quizzes/11_genai_and_agents.json").read_text(encoding="utf-8"))
    flip = flip_point(option_scores(), default_weights(), "control_of_data")
    points = round(100 * (flip.above - flip.weight))
    prompt = next(q for q in bank["questions"] if q["id"] == "flip_meaning")["prompt"]
    assert f"about {points} points" in prompt
    cost = monthly_cost(usage_of("UC37"))
    assert cost.review_eur > cost.large_model_eur > cost.small_model_eur  # the quiz's answer on cost drivers
    assert 10 <= cost.model_eur < 100  # "tens of euros a month"


# Tools


def test_build_buy_decision_reacts_and_flags_the_fragile_weight():
    tool_ = BuildBuyDecision()
    assert "Answer: buy" in tool_.verdict.value and "control" not in tool_.verdict.value.split("Most")[0]
    assert len(tool_.figure.data) == 2
    tool_.sliders["control_of_data"].value = 60
    assert "Answer: build" in tool_.verdict.value
    for slider in tool_.sliders.values():
        slider.value = 0
    assert "at least one criterion" in tool_.verdict.value


def test_cost_calculator_reacts_to_usage_and_use_case():
    calc = CostCalculator("UC37")
    before = calc.cost.total_eur
    calc.sliders["review_share"].value = 0.0
    assert calc.cost.total_eur < before and calc.cost.review_eur == 0
    calc.use_case.value = "UC23"
    assert calc.sliders["requests_per_month"].value == usage_of("UC23").requests_per_month
    assert calc.cost.total_eur == pytest.approx(monthly_cost(usage_of("UC23")).total_eur)
    calc.sliders["review_share"].value = 1.0
    calc.sliders["review_minutes"].value = 15.0
    assert "never" in calc.summary.value


def test_tools_stay_silent_under_nbgrader(monkeypatch):
    shown = []
    monkeypatch.setattr(tool, "display", shown.append)
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    BuildBuyDecision().show()
    CostCalculator().show()
    assert shown == []
    monkeypatch.delenv("NBGRADER_EXECUTION")
    BuildBuyDecision().show()
    assert len(shown) == 1


def test_amounts_written_in_words_follow_the_numbers():
    for row in service_desk_actions().to_dict("records"):
        written = [float(amount.replace(",", "")) for amount in re.findall(r"EUR ([\d,]+)", row["label"])]
        assert written == ([row["amount_eur"]] if row["amount_eur"] else [])
    limit = f"EUR {DEFAULT_LIMIT_EUR:,.0f}"
    bank = datafiles.path("en/quizzes/11_genai_and_agents.json").read_text(encoding="utf-8")
    notebook = (ROOT / "notebooks" / "11_genai_and_agents.ipynb").read_text(encoding="utf-8")
    assert limit in bank and limit in notebook and limit in str(checks.q5.hints[0])
