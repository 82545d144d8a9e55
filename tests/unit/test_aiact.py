"""EU AI Act triage, obligations, dates and fines; the lesson 06 exercises on them; the triage widget."""

from __future__ import annotations

import datetime as dt
import math
import re
from importlib import resources

import pandas as pd
import pytest

from caiokit import aiact, datafiles, facts
from caiokit.aiact import (
    AIActError,
    AnswerError,
    Role,
    Tier,
    ViolationError,
    default_answers,
    examples,
    fine_table,
    key_dates,
    max_fine,
    obligations,
    questions,
    rules,
    tier_table,
    triage,
)
from caiokit.checks.compliance import DEPLOYER_OPTIONS, SYSTEMS, q1, q2, q3
from caiokit.errors import CaioKitError
from caiokit.exercises import Status
from caiokit.i18n import speaking
from caiokit.progress import ProgressStore
from caiokit.tables import aligned

# --- the rules as data ---------------------------------------------------------------------------


def test_rules_hold_the_ten_prohibited_practices_and_the_eight_annex_iii_areas():
    prohibited = rules("prohibited")
    letters = ["a", "b", "ba", "bb", "c", "d", "e", "f", "g", "h"]
    assert [basis.split(",")[0] for basis in prohibited["basis"]] == [f"Art. 5(1)({x})" for x in letters]
    assert set(prohibited["tier"]) == {"prohibited"}
    annex_iii = rules("annex_iii")
    assert list(annex_iii["basis"]) == [f"Art. 6(2), Annex III point {n}" for n in range(1, 9)]
    assert set(annex_iii["tier"]) == {"high"}
    assert set(rules("transparency")["basis"]) == {"Art. 50(1)", "Art. 50(2)", "Art. 50(3)", "Art. 50(4)"}
    assert rules()["basis"].str.len().min() > 0 and set(rules()["tier"]) <= set(Tier)


def test_rules_of_an_unknown_kind_are_refused():
    with pytest.raises(AIActError, match="annex_iii"):
        rules("annex_iv")


def test_tiers_match_the_catalog_column():
    assert tuple(tier_table().index) == tuple(Tier) == ("prohibited", "high", "transparency", "minimal")
    with (resources.files("caiokit") / "data" / "catalog.csv").open(encoding="utf-8") as handle:
        catalog = pd.read_csv(handle)
    assert set(catalog["ai_act_tier"]) <= set(Tier)


def test_tiers_and_roles_are_ids_with_labels():
    assert Tier("high") is Tier.HIGH and Tier.HIGH == "high" and Tier.HIGH.label == "high"
    assert Tier.parse(" Prohibited ") is Tier.PROHIBITED and Role.parse("DEPLOYER") is Role.DEPLOYER
    assert tier_table().loc[Tier.TRANSPARENCY, "label"] == "Transparency risk (often called limited risk)"
    result = triage({"role": "both", "interacts_with_people": True})
    assert result.tier is Tier.TRANSPARENCY and list(result.obligations) == [Role.PROVIDER, Role.DEPLOYER]
    assert "so the provider has a transparency duty" in result.reasons[0]
    shown = repr(result)
    assert shown.startswith("TriageResult(tier='transparency', reasons=['Art. 50(1)")
    assert "obligations={'provider': [" in shown and "<Role" not in shown


PROSE_KEYS = {"label", "text", "basis", "meaning", "name", "obligation"}


def _keys(value):
    if isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _keys(item)
    elif isinstance(value, list):
        for item in value:
            yield from _keys(item)


def test_the_rules_hold_ids_and_numbers_and_their_words_have_the_same_ids():
    neutral, words = datafiles.document("aiact_rules.json"), datafiles.document("en/aiact_rules.json")
    assert not PROSE_KEYS & set(_keys(neutral)), "words a person reads belong in data/<lang>/aiact_rules.json"
    assert set(words["tiers"]) == set(Tier)
    assert set(words["rules"]) == {rule["id"] for rule in neutral["rules"]}
    assert set(words["art_6_3_conditions"]) == set(neutral["art_6_3_conditions"])
    assert set(words["questions"]) == {question["key"] for question in neutral["questions"]}
    for question in neutral["questions"]:
        if "options" in question:
            assert list(words["questions"][question["key"]]["options"]) == question["options"]
    assert set(words["examples"]) == {example["catalog_id"] for example in neutral["examples"]}
    assert set(words["fines"]) == set(neutral["fines"])
    assert {tier: set(duties) for tier, duties in words["obligations"].items()} == {
        tier: set(Role) for tier in Tier
    }


def test_a_rule_without_its_words_is_named(monkeypatch):
    real = datafiles.document

    def without_social_scoring(name):
        data = real(name)
        if name == datafiles.localized(aiact.RULES_FILE):
            del data["rules"]["social_scoring"]
        return data

    monkeypatch.setattr(datafiles, "document", without_social_scoring)
    aiact._merged.cache_clear()
    try:
        with pytest.raises(AIActError, match="en/aiact_rules.json: no rules entry for 'social_scoring'"):
            rules()
    finally:
        aiact._merged.cache_clear()


def test_questions_are_data_with_valid_defaults():
    keys = [q.key for q in questions()]
    assert len(keys) == len(set(keys)) == 12
    for question in questions():
        assert question.kind in ("bool", "choice")
        if question.kind == "choice":
            assert question.default in question.option_ids
    prohibited = next(q for q in questions() if q.key == "prohibited_practice")
    assert prohibited.option_ids[0] == "none" and len(prohibited.option_ids) == 11
    assert triage(default_answers()).tier == "minimal"


# --- triage ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answers", "tier"),
    [
        ({}, "minimal"),
        ({"prohibited_practice": "social_scoring"}, "prohibited"),
        (
            {"prohibited_practice": "non_consensual_intimate_content", "generates_synthetic_content": True},
            "prohibited",
        ),
        ({"prohibited_practice": "child_sexual_abuse_material"}, "prohibited"),
        ({"prohibited_practice": "emotion_at_work_or_school", "interacts_with_people": True}, "prohibited"),
        ({"annex_iii_area": "employment", "profiles_people": True}, "high"),
        ({"annex_iii_area": "essential_services"}, "high"),
        ({"annex_i_product": True}, "high"),
        ({"annex_i_product": True, "art_6_3_condition": "narrow_procedural_task"}, "high"),
        ({"interacts_with_people": True}, "transparency"),
        ({"deepfake": True}, "transparency"),
        ({"public_interest_text": True}, "transparency"),
        ({"emotion_recognition": True}, "high"),
        ({"profiles_people": True}, "minimal"),
        ({"art_6_3_condition": "preparatory_task"}, "minimal"),
    ],
)
def test_triage_tier(answers, tier):
    assert triage(answers).tier == tier


def test_art_6_3_exception_applies_without_profiling_and_never_with_it():
    parser = {"role": "both", "annex_iii_area": "employment", "art_6_3_condition": "narrow_procedural_task"}
    result = triage(parser)
    assert result.tier == "minimal"
    assert any("Art. 6(3)(a)" in r and "Art. 6(4)" in r for r in result.reasons)
    assert any("Art. 6(4)" in duty for duty in result.obligations["provider"])
    assert any("Art. 6(3)" in duty for duty in result.obligations["deployer"])
    ranker = triage({**parser, "profiles_people": True})
    assert ranker.tier == "high"
    assert any("always high-risk" in r for r in ranker.reasons)
    assert not any("Art. 6(4)" in duty for duty in ranker.obligations["provider"])


def test_exception_leaves_transparency_duties_in_place():
    result = triage(
        {
            "annex_iii_area": "education",
            "art_6_3_condition": "improves_human_work",
            "interacts_with_people": True,
        }
    )
    assert result.tier == "transparency"


def test_prohibited_result_cites_the_article_and_only_stop_duties():
    result = triage({"role": "both", "prohibited_practice": "face_scraping"})
    assert result.tier == "prohibited"
    assert result.reasons[0].startswith("Art. 5(1)(e):")
    assert set(result.obligations) == {"provider", "deployer"}
    assert all("Art. 5" in duties[0] for duties in result.obligations.values())
    assert [d.date for d in result.key_dates] == [dt.date(2025, 2, 2), dt.date(2025, 8, 2)]
    assert "banned in the EU from 2 Feb 2025" in result.reasons[0]


@pytest.mark.parametrize(
    ("practice", "basis"),
    [("non_consensual_intimate_content", "Art. 5(1)(ba)"), ("child_sexual_abuse_material", "Art. 5(1)(bb)")],
)
def test_a_nudification_app_and_a_csam_generator_are_banned_from_2_dec_2026(practice, basis):
    result = triage(
        {"role": "provider", "prohibited_practice": practice, "generates_synthetic_content": True}
    )
    assert result.tier == "prohibited"
    assert result.reasons[0].startswith(basis) and "from 2 Dec 2026" in result.reasons[0]
    assert [d.date for d in result.key_dates] == [dt.date(2026, 12, 2)]
    assert result.obligations["provider"] == obligations("prohibited", "provider")


def test_high_risk_duties_depend_on_the_role():
    deployer = triage({"role": "deployer", "annex_iii_area": "employment", "profiles_people": True})
    assert list(deployer.obligations) == ["deployer"]
    assert deployer.obligations["deployer"] == obligations("high", "deployer")
    assert any("six months" in d for d in deployer.obligations["deployer"])
    provider = triage({"role": "provider", "annex_iii_area": "employment"})
    assert any("Art. 43" in d for d in provider.obligations["provider"])
    assert any("Art. 48" in d for d in provider.obligations["provider"])


def test_fundamental_rights_impact_assessment_for_credit_scoring_deployers_only():
    credit = {"role": "deployer", "annex_iii_area": "essential_services", "profiles_people": True}
    assert not any("Art. 27" in d for d in triage(credit).obligations["deployer"])
    with_fria = triage({**credit, "fria_context": True})
    assert any("Art. 27" in d for d in with_fria.obligations["deployer"])
    assert any(r.startswith("Art. 27") for r in with_fria.reasons)
    assert "deployer" not in triage({**credit, "role": "provider", "fria_context": True}).obligations
    infrastructure = {"annex_iii_area": "critical_infrastructure", "fria_context": True}
    assert not any("Art. 27" in d for d in triage(infrastructure).obligations["deployer"])


def test_transparency_duties_go_to_the_right_role():
    answers = {"interacts_with_people": True, "deepfake": True}
    both = triage({**answers, "role": "both"})
    assert any("Art. 50(1)" in d for d in both.obligations["provider"])
    assert any("Art. 50(4)" in d for d in both.obligations["deployer"])
    assert not any("Art. 50(4)" in d for d in both.obligations["provider"])
    deployer = triage({**answers, "role": "deployer"})
    assert not any("Art. 50(1)" in d for d in deployer.obligations["deployer"])
    assert any("provider has a transparency duty" in r for r in deployer.reasons)


def test_high_risk_with_a_chatbot_keeps_both_sets_of_duties():
    result = triage({"role": "provider", "annex_iii_area": "education", "interacts_with_people": True})
    assert result.tier == "high"
    assert any("on top of" in r for r in result.reasons)
    assert any("Art. 50(1)" in d for d in result.obligations["provider"])
    assert any("Art. 9" in d for d in result.obligations["provider"])


def test_emotion_recognition_outside_work_is_annex_iii_biometrics_with_a_notice():
    result = triage({"role": "deployer", "emotion_recognition": True})
    assert result.tier == "high"
    assert any("Annex III point 1" in r for r in result.reasons)
    assert any("Art. 50(3)" in d for d in result.obligations["deployer"])


def test_key_dates_follow_the_tier_as_amended_by_the_digital_omnibus():
    annex_iii = [d.date for d in triage({"annex_iii_area": "employment"}).key_dates]
    assert annex_iii == [dt.date(2025, 2, 2), dt.date(2026, 8, 3), dt.date(2027, 12, 2)]
    annex_i = [d.date for d in triage({"annex_i_product": True}).key_dates]
    assert annex_i == [dt.date(2025, 2, 2), dt.date(2026, 8, 3), dt.date(2028, 8, 2)]
    chatbot = [d.date for d in triage({"interacts_with_people": True}).key_dates]
    assert dt.date(2026, 8, 2) in chatbot and dt.date(2026, 12, 2) in chatbot
    minimal = [d.date for d in triage({}).key_dates]
    assert minimal == [dt.date(2025, 2, 2), dt.date(2026, 8, 3)]


@pytest.fixture
def proposed_date(monkeypatch):
    """A calendar with one proposed (not yet law) date for Annex III, as when the law next moves."""
    row = {
        "id": "test_proposal",
        "topic": "aiact_calendar",
        "statement": "Annex III obligations would apply from this date",
        "value": "2029-01-01",
        "source": "a test proposal",
        "as_of": "2026-12-02",
        "status": "proposed",
        "scope": "high_annex_iii",
    }
    calendar = [*facts.calendar(), row]
    monkeypatch.setattr(aiact.facts, "calendar", lambda: calendar)
    aiact._dates.cache_clear()
    yield dt.date(2029, 1, 1)
    monkeypatch.undo()
    aiact._dates.cache_clear()


def test_proposed_dates_are_shown_only_on_request_and_flagged(proposed_date):
    annex_iii = {"annex_iii_area": "employment"}
    assert proposed_date not in [d.date for d in triage(annex_iii).key_dates]
    proposed = [d for d in triage(annex_iii, include_proposed=True).key_dates if d.proposed]
    assert [d.date for d in proposed] == [proposed_date]
    assert "PROPOSED" in str(proposed[0])


def test_result_renders_as_markdown():
    text = triage({"role": "both", "interacts_with_people": True})._repr_markdown_()
    assert text.startswith("**Tier: Transparency risk")
    assert "**What the provider must do**" in text and "**What the deployer must do**" in text
    assert "2 Aug 2026" in text


def test_examples_agree_with_alvera_catalog():
    catalog = datafiles.worded("catalog.csv", on="id").set_index("id")
    assert len(examples()) >= 6
    names = aiact.example_names()
    assert list(names) == list(examples()) and names["UC27"] == catalog.loc["UC27", "name"]
    for catalog_id, answers in examples().items():
        assert triage(answers).tier == catalog.loc[catalog_id, "ai_act_tier"], catalog_id


def test_unknown_answer_key_is_a_clear_error():
    with pytest.raises(AnswerError, match=r"'annex_3_area' is not a question.*did you mean 'annex_iii_area'"):
        triage({"annex_3_area": "employment"})
    assert issubclass(AnswerError, CaioKitError)


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ({"deepfake": "yes"}, "should be True or False"),
        ({"deepfake": 1}, "should be True or False"),
        ({"role": "user"}, "'provider', 'deployer', 'both'"),
        ({"annex_iii_area": "hiring"}, "'employment'"),
        ({"prohibited_practice": True}, "should be one of"),
    ],
)
def test_bad_answer_values_are_clear_errors(answers, message):
    with pytest.raises(AnswerError, match=message):
        triage(answers)


def test_answers_must_be_a_mapping():
    with pytest.raises(AnswerError, match="should be a dict"):
        triage(["role", "deployer"])


def test_choice_answers_tolerate_case_and_spaces():
    assert triage({"role": " Provider ", "annex_iii_area": "Employment"}).obligations.keys() == {"provider"}


# --- obligations ----------------------------------------------------------------------------------


def test_obligations_per_tier_and_role():
    assert any("Art. 26" in d for d in obligations("high", "deployer"))
    assert not any("Art. 26" in d for d in obligations("high", "provider"))
    assert all(
        any("Art. 4" in d for d in obligations(tier, role))
        for tier in tuple(Tier)[1:]
        for role in ("provider", "deployer")
    )
    with pytest.raises(AIActError, match="'limited' is not a tier"):
        obligations("limited", "provider")
    with pytest.raises(AIActError, match="'user' is not a role"):
        obligations("high", "user")


def test_obligations_returns_a_copy():
    obligations("high", "provider").append("tampered")
    assert "tampered" not in obligations("high", "provider")


# --- dates ----------------------------------------------------------------------------------------


def test_key_dates_are_the_calendar_rows_of_the_facts_table():
    table = key_dates()
    rows = facts.calendar()
    assert [d.date().isoformat() for d in table["date"]] == sorted(row["value"] for row in rows)
    assert set(table["status"]) <= {"verified", "reported"}
    assert pd.Timestamp("2024-08-01") in set(table["date"])
    assert pd.Timestamp("2024-08-02") not in set(table["date"])
    assert table["date"].is_monotonic_increasing
    assert set(table.columns) >= {"date", "applies", "status", "source"}


def test_calendar_of_the_lesson_keeps_each_date_on_one_line():
    shown = aligned(key_dates(include_proposed=True)[["date", "applies", "status"]])._repr_html_()
    date_cells = [cell for cell in shown.split("<td ")[1:] if re.match(r"[^>]*>\d{4}-\d\d-\d\d<", cell)]
    assert len(date_cells) == len(key_dates(include_proposed=True))
    assert all("white-space:nowrap" in cell.split(">")[0] for cell in date_cells)


def test_proposed_dates_are_left_out_of_the_calendar_by_default(proposed_date):
    assert pd.Timestamp(proposed_date) not in set(key_dates()["date"])
    everything = key_dates(include_proposed=True)
    assert list(everything[everything["status"] == "proposed"]["date"]) == [pd.Timestamp(proposed_date)]


# --- fines ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("turnover", "violation", "sme", "expected"),
    [
        (780e6, "prohibited", False, 54_600_000),
        (780e6, "obligations", False, 23_400_000),
        (780e6, "misleading_information", False, 7_800_000),
        (100e6, "prohibited", False, 35_000_000),
        (100e6, "misleading_information", False, 7_500_000),
        (20e6, "prohibited", True, 1_400_000),
        (20e6, "obligations", True, 600_000),
        (20e6, "misleading_information", True, 200_000),
        (1e9, "prohibited", True, 35_000_000),
        (780e6, "gpai", False, 23_400_000),
        (20e6, "gpai", True, 15_000_000),
        (0, "obligations", False, 15_000_000),
        (0, "obligations", True, 0),
    ],
)
def test_max_fine(turnover, violation, sme, expected):
    assert max_fine(turnover, violation, sme=sme) == pytest.approx(expected)


def test_fine_table_lists_every_violation():
    table = fine_table(780e6)
    assert list(table.index) == ["prohibited", "obligations", "misleading_information", "gpai"]
    assert table.loc["misleading_information", "turnover_share"] == 0.01
    assert table.loc["prohibited", "ceiling_eur"] == pytest.approx(54.6e6)


def test_unknown_violation_is_a_clear_error():
    with pytest.raises(ViolationError, match="'serious' is not a type of violation.*'prohibited'"):
        max_fine(1e6, "serious")
    assert issubclass(ViolationError, CaioKitError)


@pytest.mark.parametrize("turnover", [-1, "780M", math.nan, math.inf, True, None])
def test_bad_turnover_is_refused(turnover):
    with pytest.raises(AIActError, match="turnover"):
        max_fine(turnover, "prohibited")


def test_sme_flag_must_be_boolean():
    with pytest.raises(AIActError, match="sme should be True"):
        max_fine(1e6, "prohibited", sme="yes")


def test_calendar_scope_problems_are_reported(monkeypatch):
    bad = {**facts.calendar()[0], "scope": "annex_xx"}
    monkeypatch.setattr(aiact.facts, "calendar", lambda: [bad])
    aiact._dates.cache_clear()
    try:
        with pytest.raises(AIActError, match="annex_xx"):
            key_dates()
    finally:
        monkeypatch.undo()
        aiact._dates.cache_clear()
    assert len(key_dates()) >= 7


# --- exercises ------------------------------------------------------------------------------------


def test_q1_tiers_of_a_dozen_systems():
    assert len(SYSTEMS) == 12 and set(SYSTEMS.values()) == set(Tier)
    assert q1.evaluate(dict(SYSTEMS)).status is Status.CORRECT
    wrong = dict(SYSTEMS)
    social = next(s for s in SYSTEMS if "social-media" in s)
    wrong[social] = "high"
    feedback = q1.evaluate(wrong)
    assert feedback.status is Status.INCORRECT and "11 of 12" in feedback.message
    assert q1.evaluate({s: ... for s in SYSTEMS}).status is Status.NOT_ATTEMPTED
    assert q1.evaluate({**SYSTEMS, next(iter(SYSTEMS)): "limited"}).status is Status.ERROR


def test_q1_takes_the_tiers_as_a_learner_types_them():
    typed = {system: tier.label.upper() for system, tier in SYSTEMS.items()}
    assert q1.evaluate(typed).status is Status.CORRECT
    feedback = q1.evaluate({**typed, next(iter(SYSTEMS)): "limited"})
    assert "use one of 'prohibited', 'high', 'transparency', 'minimal'" in feedback.message


def test_tier_chart_counts_by_id_and_shows_the_labels():
    from caiokit.charts.compliance import tier_count_chart

    figure = tier_count_chart(pd.Series({"minimal": 1, "high": 2}))
    assert list(figure.data[0].x) == list(Tier.labels()) and list(figure.data[0].y) == [0, 2, 0, 1]
    assert figure.layout.title.text == "AI systems by EU AI Act tier"
    assert tier_count_chart({}, title="Mine").layout.title.text == "Mine"


def test_the_calendar_chart_shows_every_date_on_the_row_of_its_status():
    from caiokit.charts.compliance import STATUS_ROWS, dates_chart

    calendar = key_dates(include_proposed=True)
    figure = dates_chart(calendar)
    shown = sorted(day for trace in figure.data for day in trace.x)
    assert shown == sorted(day.strftime("%Y-%m-%d") for day in calendar["date"]), "a date is missing"
    for trace in figure.data:
        status = next(status for status, (row, _colour) in STATUS_ROWS.items() if row == trace.name)
        assert len(trace.x) == (calendar["status"] == status).sum()
    assert set(calendar["status"]) <= set(STATUS_ROWS), "a status the chart has no row for"


def test_q1_reference_agrees_with_triage():
    answers = {
        "Ranks incoming job applications": {"annex_iii_area": "employment", "profiles_people": True},
        "Answers shoppers' questions": {"interacts_with_people": True},
        "Moves junk e-mail": {},
        "Reads call-centre agents' emotions": {"prohibited_practice": "emotion_at_work_or_school"},
        "Decides whether a consumer may pay": {
            "annex_iii_area": "essential_services",
            "profiles_people": True,
        },
        "A retailer rates customers": {"prohibited_practice": "social_scoring"},
        "Forecasts next month's demand": {},
        "Creates photo-realistic kitchen scenes": {"generates_synthetic_content": True, "deepfake": True},
        "Watches learners through their webcam": {"annex_iii_area": "education"},
        "Builds a face-recognition database": {"prohibited_practice": "face_scraping"},
        "Spots scratches and dents": {},
        "Recommends which warehouse staff to promote": {
            "annex_iii_area": "employment",
            "profiles_people": True,
        },
    }
    for system, tier in SYSTEMS.items():
        key = next(k for k in answers if system.startswith(k))
        assert triage(answers[key]).tier == tier, system


def test_q2_deployer_duties():
    assert q2.evaluate(set(DEPLOYER_OPTIONS[:5])).status is Status.CORRECT
    feedback = q2.evaluate(set(DEPLOYER_OPTIONS[:4]) | {DEPLOYER_OPTIONS[5]})
    assert feedback.status is Status.INCORRECT and "provider" in feedback.message
    assert "1 correct option is still missing" in feedback.message


def test_q3_fine_ceiling_for_alvera():
    assert q3.evaluate(23.4).status is Status.CORRECT
    assert q3.evaluate(max_fine(780e6, "obligations") / 1e6).status is Status.CORRECT
    assert q3.evaluate(15).status is Status.INCORRECT
    assert q3.evaluate(54.6).status is Status.INCORRECT
    assert q3.evaluate("23.4").status is Status.ERROR


# --- the widget -----------------------------------------------------------------------------------


def test_triage_widget_follows_the_answers(progress_file, proposed_date):
    from caiokit.widgets.aiact_triage import AIActTriage

    tool = AIActTriage()
    assert tool.result.tier == "minimal" and "Minimal risk" in tool.output.value
    tool.controls["annex_iii_area"].value = "employment"
    tool.controls["profiles_people"].value = True
    assert tool.result.tier == "high"
    assert "Art. 26" in tool.output.value and "#d7301f" in tool.output.value
    assert "PROPOSED" not in tool.output.value
    tool.include_proposed.value = True
    assert "PROPOSED" in tool.output.value and "1 Jan 2029" in tool.output.value
    assert "2 Dec 2027" in tool.output.value
    tool.controls["prohibited_practice"].value = "social_scoring"
    assert tool.result.tier == "prohibited" and "Art. 5(1)(c)" in tool.output.value
    tool.reset_button.click()
    assert tool.result.tier == "minimal" and tool.controls["annex_iii_area"].value == "none"


def test_triage_widget_loads_examples_and_answers(progress_file):
    from caiokit.widgets.aiact_triage import AIActTriage

    tool = AIActTriage({"role": "provider", "interacts_with_people": True})
    assert tool.result.tier == "transparency" and "What the provider must do" in tool.output.value
    tool.example.value = "UC18"
    assert tool.example.label == "UC18 Instant credit check for instalment payments"
    assert tool.result.tier == "high" and "Art. 27" in tool.output.value
    assert tool.answers()["role"] == "deployer"
    with pytest.raises(AnswerError):
        tool.set_answers({"colour": "red"})
    assert tool.result.tier == "high"


def test_triage_widget_shows_a_prohibited_result_was_re_evaluated(progress_file):
    from caiokit.widgets.aiact_triage import AIActTriage

    tool = AIActTriage()
    assert "Re-evaluated" not in tool.output.value
    tool.example.value = "UC07"
    before = tool.output.value
    assert tool.result.tier == "prohibited"
    assert "Re-evaluated with 1 other answer(s) changed from the defaults: the prohibited practice" in before
    tool.controls["interacts_with_people"].value = True
    assert tool.result.tier == "prohibited" and tool.output.value != before
    assert "Re-evaluated with 2 other answer(s)" in tool.output.value
    tool.include_proposed.value = True
    assert "2 other answer(s) changed from the defaults, proposed dates included:" in tool.output.value
    tool.controls["prohibited_practice"].value = "none"
    assert tool.result.tier != "prohibited" and "Re-evaluated" not in tool.output.value


def test_exercise_widget_answers_q2(progress_file):
    from caiokit.widgets import ExerciseWidget

    form = ExerciseWidget(q2)
    for box in form.control:
        box.value = box.description in DEPLOYER_OPTIONS[:5]
    form.check_button.click()
    assert "Correct" in form.feedback.value
    statuses = [e.status for e in ProgressStore(progress_file).events() if e.kind == "attempt"]
    assert statuses == ["correct"]


def test_a_language_whose_calendar_lacks_a_date_is_told_which_fact_it_lacks(monkeypatch):
    rows = facts.calendar()
    short = pd.DataFrame({"id": [row["id"] for row in rows[1:]], "applies": ["texte"] * (len(rows) - 1)})
    monkeypatch.setattr(aiact.datafiles, "table", lambda name: short)
    with pytest.raises(aiact.AIActError, match=f"no text for the AI Act calendar facts {rows[0]['id']} "):
        aiact._applies(rows, "fr")


def test_the_calendar_is_worded_in_the_language_in_use_with_the_same_dates():
    english = aiact.key_dates(include_proposed=True)
    with speaking("fr"):
        french = aiact.key_dates(include_proposed=True)
    assert list(french["date"]) == list(english["date"])
    assert french.loc[0, "applies"].startswith("Publication du règlement (UE) 2024/1689")
    assert english.loc[0, "applies"] == "Regulation (EU) 2024/1689 is published in the Official Journal"
