"""Lesson 13 (AI risk, security and incidents): register and appetite, OWASP exposure, model tiers,
notification deadlines, the tabletop, its checks, chart and widget."""

from __future__ import annotations

import datetime as dt

import pytest

from caiokit.charts.risk import risk_heatmap
from caiokit.checks import risk as checks
from caiokit.exercises import Status
from caiokit.quiz import load_bank
from caiokit.risk.deadlines import (
    PROMPT_HOURS,
    DeadlineError,
    Duty,
    SeriousIncident,
    due_by,
    notification_deadlines,
)
from caiokit.risk.model_risk import ModelRiskError, alvera_inventory, model_tier, tier_points
from caiokit.risk.owasp import Entry, Feature, OwaspError, exposed_entries, pilot_design
from caiokit.risk.register import (
    RegisterError,
    Verdict,
    above_appetite,
    alvera_appetite,
    alvera_register,
    assess,
)
from caiokit.risk.tabletop import DutyStatus, TabletopError, load_scenario, review, scenario_ids
from caiokit.widgets.incident_tabletop import IncidentTabletop

AWARE = dt.datetime(2026, 12, 10, 16, 30)

# --- deadlines ------------------------------------------------------------------------------------


def test_gdpr_gives_72_hours_and_art34_has_no_fixed_period():
    art33, art34 = notification_deadlines(AWARE, personal_data_breach=True, high_risk_to_people=True)
    assert art33.duty is Duty.GDPR_AUTHORITY and art33.latest == dt.datetime(2026, 12, 13, 16, 30)
    assert art34.duty is Duty.GDPR_PEOPLE and art34.latest is None
    assert due_by(art34, AWARE) == AWARE + dt.timedelta(hours=PROMPT_HOURS)
    assert art33.fact == "gdpr_art33_breach_72h"


@pytest.mark.parametrize(("kind", "days"), [("general", 15), ("widespread", 2), ("death", 10)])
def test_ai_act_art73_periods_by_kind(kind, days):
    (report,) = notification_deadlines(AWARE, serious_incident=kind)
    assert report.duty is Duty.AIACT_REPORT
    assert report.latest - AWARE == dt.timedelta(days=days)


def test_a_deployer_informs_the_provider_and_time_zones_are_kept():
    aware = AWARE.replace(tzinfo=dt.UTC)
    (inform,) = notification_deadlines(aware, serious_incident=SeriousIncident.DEATH, role="deployer")
    assert inform.duty is Duty.AIACT_INFORM_PROVIDER and inform.latest is None
    (report,) = notification_deadlines(aware, serious_incident="death")
    assert report.latest.tzinfo is dt.UTC


def test_no_incident_facts_no_deadlines_and_bad_input_is_explained():
    assert notification_deadlines(AWARE) == ()
    with pytest.raises(DeadlineError, match="datetime"):
        notification_deadlines("2026-12-10", personal_data_breach=True)
    with pytest.raises(DeadlineError, match="personal_data_breach=True"):
        notification_deadlines(AWARE, high_risk_to_people=True)
    with pytest.raises(DeadlineError, match="'general'"):
        notification_deadlines(AWARE, serious_incident="fatal")


# --- register and appetite ------------------------------------------------------------------------


def test_alveras_register_against_the_appetite():
    assessed = assess(alvera_register(), alvera_appetite()).set_index("id")
    assert assessed.loc["R01", "score"] == 12 and assessed.loc["R01", "verdict"] is Verdict.TREATED
    assert assessed.loc["R04", "verdict"] is Verdict.ACCEPTED_ABOVE
    assert assessed.loc["R02", "verdict"] is Verdict.WITHIN
    assert above_appetite(alvera_register(), alvera_appetite()) == ("R01", "R03", "R04", "R05", "R09")


def test_a_treated_risk_still_above_appetite_goes_back_to_the_board():
    register = alvera_register()
    register.loc[register["id"] == "R01", "residual_likelihood"] = 3
    assessed = assess(register, alvera_appetite()).set_index("id")
    assert assessed.loc["R01", "verdict"] is Verdict.STILL_ABOVE


def test_register_problems_are_listed_together():
    register = alvera_register()
    register.loc[0, "likelihood"] = 7
    register.loc[1, "category"] = "reputation"
    register.loc[2, "treatment"] = "ignore"
    with pytest.raises(RegisterError) as error:
        assess(register, alvera_appetite())
    assert len(error.value.problems) == 3
    with pytest.raises(RegisterError, match="no appetite"):
        assess(alvera_register(), {"privacy": 6})
    with pytest.raises(RegisterError, match="missing"):
        assess(alvera_register().drop(columns="impact"), alvera_appetite())


# --- OWASP and model risk -------------------------------------------------------------------------


def test_the_chatbot_pilot_exposure_and_a_design_change():
    design = pilot_design("UC01")
    exposed = exposed_entries(design)
    assert Entry.LLM06 not in exposed and Entry.LLM01 in exposed and len(exposed) == 7
    assert Entry.LLM06 in exposed_entries([*design, Feature.ACTS_WITH_TOOLS])
    assert exposed_entries("user_text") == (Entry.LLM01, Entry.LLM10)
    with pytest.raises(OwaspError, match="not a design feature"):
        exposed_entries(["telepathy"])
    with pytest.raises(OwaspError, match="UC01"):
        pilot_design("UC99")


def test_model_tiers_and_inventory():
    assert model_tier(3, 2, human_review=False, affects_people=True) == 1
    assert model_tier(3, 1, human_review=True, affects_people=False) == 2
    assert model_tier(1, 1, human_review=True, affects_people=False) == 3
    assert tier_points(2, 2, False, False) == 5
    with pytest.raises(ModelRiskError, match="materiality"):
        model_tier(4, 1, True, True)
    inventory = alvera_inventory().set_index("use_case")
    assert inventory.loc["UC18", "tier"] == 1 and bool(inventory.loc["UC18", "overdue"])
    assert not inventory.loc["UC22", "overdue"]
    assert bool(inventory.loc["UC38", "overdue"])  # never validated


# --- tabletop -------------------------------------------------------------------------------------


def test_the_good_path_meets_every_deadline():
    for scenario_id in scenario_ids():
        scenario = load_scenario(scenario_id)
        result = review(
            scenario, {step.number: next(o.id for o in step.options if o.good) for step in scenario.steps}
        )
        assert result.finished and not result.wrong
        assert all(outcome.status is DutyStatus.MET for outcome in result.duties)


def test_a_skipped_notification_is_pending_then_missed():
    scenario = load_scenario("chatbot_leak")
    choices = {1: "a", 2: "a", 3: "b"}
    during = review(scenario, choices, now_hour=20)
    assert [o.status for o in during.duties] == [DutyStatus.PENDING, DutyStatus.PENDING]
    after = review(scenario, choices)
    assert after.duties[0].status is DutyStatus.MISSED and after.good == 2
    assert after.wrong[0][0].number == 3


def test_tabletop_errors_name_the_valid_choices():
    scenario = load_scenario("credit_harm")
    with pytest.raises(TabletopError, match="a, b, c"):
        review(scenario, {1: "z"})
    with pytest.raises(TabletopError, match="1 to 6"):
        review(scenario, {9: "a"})
    with pytest.raises(TabletopError, match="chatbot_leak"):
        load_scenario("fire")


# --- checks ---------------------------------------------------------------------------------------


def test_reference_answers_pass_and_typical_mistakes_teach():
    assert checks.q1.evaluate(set(checks.q1.correct)).status is Status.CORRECT
    wrong = checks.q1.evaluate({"R01", "R03", "R05", "R09", "R06"})
    assert wrong.status is Status.INCORRECT and "within the board's 12" in wrong.message
    assert checks.q4.evaluate(dict(checks.DEADLINE_DUTIES)).status is Status.CORRECT
    swapped = dict(checks.DEADLINE_DUTIES)
    first, second = list(swapped)[1:3]
    swapped[first], swapped[second] = swapped[second], swapped[first]
    assert checks.q4.evaluate(swapped).status is Status.INCORRECT
    assert checks.q2.evaluate(set(checks.q2.correct)).status is Status.CORRECT
    greedy = checks.q2.evaluate(set(checks.OWASP_OPTIONS))
    assert "Excessive agency" in greedy.message
    assert checks.q3.evaluate("Tier 2").status is Status.CORRECT
    assert "human" not in checks.q3.evaluate("Tier 3").message
    assert "credit manager" in checks.q3.evaluate("tier 1").message


@pytest.mark.parametrize("exercise", [checks.q1, checks.q2, checks.q3, checks.q4])
def test_a_blank_answer_is_not_attempted(exercise):
    assert exercise.evaluate(...).status is Status.NOT_ATTEMPTED
    assert exercise.hints and str(exercise.solution())


def test_the_quiz_bank_loads():
    assert len(load_bank("13_ai_risk_security_incidents").questions) == 6


# --- chart and widget -----------------------------------------------------------------------------


def test_heatmap_marks_risks_above_and_within():
    assessed = assess(alvera_register(), alvera_appetite())
    figure = risk_heatmap(assessed)
    above, within = figure.data
    assert len(above.x) == 5 and len(within.x) == 5
    assert len(risk_heatmap(assessed, residual=True).data[0].x) == 1  # only R04, accepted above appetite


def test_tabletop_widget_plays_to_the_review_and_restarts(monkeypatch):
    tool = IncidentTabletop("chatbot_leak")
    assert "72 h left" in tool.clock.value
    for option in "aabaaa":
        tool.decide(option)
    assert tool.finished and tool.decide_button.disabled
    assert "5 good decisions out of 6" in tool.feedback.value
    assert "done in time" in tool.feedback.value
    tool.choice_of_scenario.value = "credit_harm"
    assert not tool.choices and "Step 1 of 6" in tool.situation.value
    monkeypatch.setenv("NBGRADER_EXECUTION", "validate")
    assert tool.show() is None
