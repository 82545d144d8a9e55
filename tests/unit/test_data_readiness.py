"""Lesson 12 (data strategy and governance): quality against the SLA, readiness, fixes, DPIA and FRIA, checks, tool."""

from __future__ import annotations

import pytest

from caiokit.catalog import load_catalog
from caiokit.checks import data_governance as checks
from caiokit.data_readiness import (
    DIMENSIONS,
    Assessment,
    DataReadinessError,
    Dimension,
    alvera_assessments,
    best_fix,
    blocked_use_cases,
    breached_dimensions,
    breaches,
    data_sources,
    fix_ranking,
    fix_unlocks,
    impact_assessments,
    quality_sla,
    readiness,
    unfit_sources,
    use_case_sources,
)
from caiokit.exercises import Status
from caiokit.finance import portfolio_finance
from caiokit.quiz import load_bank
from caiokit.widgets import tool
from caiokit.widgets.data_readiness import DataReadinessAssessment

CATALOG = load_catalog()
SOURCES = data_sources()
NEEDS = use_case_sources()


# --- case data ---------------------------------------------------------------------------------------


def test_every_source_has_words_an_owner_a_steward_and_six_scores():
    assert list(SOURCES.index) == [f"DS{i:02d}" for i in range(1, 12)]
    assert SOURCES[["name", "owner", "steward"]].ne("").all().all()
    assert set(DIMENSIONS) <= set(SOURCES.columns)
    assert SOURCES["personal_data"].dtype == bool


def test_the_sla_covers_every_dimension_with_a_share():
    sla = quality_sla()
    assert list(sla.index) == list(DIMENSIONS)
    assert ((sla > 0) & (sla <= 1)).all()


def test_every_need_names_a_catalog_use_case_and_a_known_source():
    assert set(NEEDS) <= set(CATALOG["id"])
    assert {source for ids in NEEDS.values() for source in ids} <= set(SOURCES.index)


# --- quality against the SLA -------------------------------------------------------------------------


def test_a_share_below_the_agreed_one_is_a_breach_and_an_equal_one_is_not():
    table = breaches(SOURCES)
    assert table.at["DS07", Dimension.COMPLETENESS] and table.at["DS07", Dimension.TIMELINESS]
    assert SOURCES.at["DS09", Dimension.ACCURACY] == quality_sla()[Dimension.ACCURACY]
    assert not table.loc["DS09"].any()
    assert breached_dimensions("DS07", SOURCES) == (Dimension.COMPLETENESS, Dimension.TIMELINESS)
    assert breached_dimensions("DS01", SOURCES) == (Dimension.COMPLETENESS, Dimension.UNIQUENESS)


def test_unfit_sources_leave_out_the_fixed_ones():
    assert unfit_sources(SOURCES) == {"DS01", "DS03", "DS04", "DS06", "DS07", "DS08"}
    assert unfit_sources(SOURCES, fixed=["DS07"]) == {"DS01", "DS03", "DS04", "DS06", "DS08"}
    with pytest.raises(DataReadinessError, match="not data sources: DS99"):
        unfit_sources(SOURCES, fixed=["DS99"])


def test_bad_scores_and_a_bad_sla_are_all_reported_at_once():
    bad = SOURCES.copy()
    bad.loc["DS01", Dimension.ACCURACY] = 1.5
    bad = bad.drop(columns=[Dimension.VALIDITY])
    sla = quality_sla().copy()
    sla[Dimension.TIMELINESS] = float("nan")
    with pytest.raises(DataReadinessError) as error:
        breaches(bad, sla)
    assert len(error.value.problems) == 3
    assert "DS01: accuracy must be a share from 0 to 1" in str(error.value)
    assert "no validity column" in str(error.value)


def test_an_unknown_source_is_a_clear_error():
    with pytest.raises(DataReadinessError, match="'DS42' is not a data source"):
        breached_dimensions("DS42", SOURCES)


# --- readiness and fixes -----------------------------------------------------------------------------


def test_a_use_case_is_blocked_by_any_one_weak_source():
    table = readiness(CATALOG, NEEDS, SOURCES)
    assert len(table) == len(CATALOG)
    assert table.at["UC09", "blocking"] == ("DS01", "DS03", "DS04")
    assert table.at["UC02", "ready"] and not table.at["UC01", "ready"]
    assert table.at["UC36", "sources"] == () and table.at["UC36", "ready"]  # needs no registered source
    assert "UC01" in blocked_use_cases(table) and "UC02" not in blocked_use_cases(table)


def test_readiness_refuses_unknown_sources_and_use_cases():
    with pytest.raises(DataReadinessError) as error:
        readiness(CATALOG, {"UC01": ("DS77",), "UC99": ("DS01",)}, SOURCES)
    assert "DS77" in str(error.value) and "UC99" in str(error.value)


def test_fixing_a_source_unlocks_only_the_use_cases_it_alone_blocks():
    gain = fix_unlocks("DS07", CATALOG, NEEDS, SOURCES)
    assert gain["unlocked"] == ("UC27", "UC28", "UC29")  # UC25 and UC31 need another weak source
    expected = portfolio_finance(CATALOG, ["UC27", "UC28", "UC29"])
    assert gain["npv_eur"] == pytest.approx(expected["npv_eur"].iloc[-1])
    assert gain["benefit_yearly_eur"] == 1_300_000 + 850_000 + 520_000


def test_a_fix_that_unlocks_nothing_is_worth_nothing():
    gain = fix_unlocks("DS04", CATALOG, NEEDS, SOURCES)
    assert gain == {"fixed": ("DS04",), "unlocked": (), "benefit_yearly_eur": 0.0, "npv_eur": 0.0}


def test_a_prohibited_use_case_is_never_unlocked_value():
    gain = fix_unlocks("DS01", CATALOG, NEEDS, SOURCES)
    assert "UC07" not in gain["unlocked"]  # social-media trust score: prohibited
    assert "UC07" in fix_ranking(CATALOG, NEEDS, SOURCES).at["DS01", "blocks"]


def test_two_fixes_together_unlock_what_neither_does_alone():
    alone = set(fix_unlocks("DS04", CATALOG, NEEDS, SOURCES)["unlocked"])
    alone |= set(fix_unlocks("DS08", CATALOG, NEEDS, SOURCES)["unlocked"])
    together = set(fix_unlocks(["DS04", "DS08"], CATALOG, NEEDS, SOURCES)["unlocked"])
    assert together - alone == {"UC13"}


def test_the_best_fix_is_not_the_source_that_blocks_the_most():
    ranking = fix_ranking(CATALOG, NEEDS, SOURCES)
    assert ranking.index[0] == best_fix(CATALOG, NEEDS, SOURCES) == "DS07"
    assert len(ranking.at["DS08", "blocks"]) > len(ranking.at["DS07", "blocks"])
    assert list(ranking["npv_eur"]) == sorted(ranking["npv_eur"], reverse=True)


def test_with_every_source_fit_there_is_nothing_to_fix():
    sla = quality_sla() * 0
    assert best_fix(CATALOG, NEEDS, SOURCES, sla) is None
    assert readiness(CATALOG, NEEDS, SOURCES, sla)["ready"].all()


# --- DPIA and FRIA -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("personal", "risky", "tier", "deployer", "expected"),
    [
        (True, True, "high", True, Assessment.BOTH),
        (True, True, "high", False, Assessment.DPIA),
        (False, False, "high", True, Assessment.FRIA),
        (True, False, "minimal", True, Assessment.NEITHER),
        (False, True, "minimal", False, Assessment.NEITHER),
        (True, True, "High", False, Assessment.DPIA),
    ],
)
def test_impact_assessments(personal, risky, tier, deployer, expected):
    assert impact_assessments(personal, risky, tier, deployer) is expected


def test_impact_assessments_refuse_bad_input():
    with pytest.raises(DataReadinessError) as error:
        impact_assessments("yes", True, "extreme", True)
    assert len(error.value.problems) == 2
    assert "'extreme' is not a risk tier" in str(error.value)


def test_alvera_assessments():
    assert alvera_assessments(CATALOG) == {
        "UC18": Assessment.BOTH,
        "UC21": Assessment.NEITHER,
        "UC22": Assessment.DPIA,
        "UC24": Assessment.DPIA,
        "UC32": Assessment.NEITHER,
    }


# --- checks ------------------------------------------------------------------------------------------


def test_q1_sensor_breaches():
    assert checks.q1.evaluate(["completeness", "timeliness"]).status is Status.CORRECT
    assert checks.q1.evaluate(["timeliness"]).status is Status.INCORRECT
    assert checks.q1.evaluate(["completeness", "timeliness", "consistency"]).status is Status.INCORRECT
    assert checks.q1.evaluate(...).status is Status.NOT_ATTEMPTED


def test_q2_blocked_use_cases():
    assert checks.q2.evaluate(["UC01", "UC09", "UC22", "UC28", "UC32"]).status is Status.CORRECT
    wrong = checks.q2.evaluate(["UC01", "UC02", "UC09", "UC22", "UC28", "UC32"])
    assert wrong.status is Status.INCORRECT and "UC02 needs DS02" in wrong.message
    assert checks.q2.evaluate(...).status is Status.NOT_ATTEMPTED


def test_q3_best_fix():
    assert checks.q3.evaluate("DS07").status is Status.CORRECT
    wrong = checks.q3.evaluate("DS08")
    assert wrong.status is Status.INCORRECT and "less than DS07" in wrong.message
    assert checks.q3.evaluate(...).status is Status.NOT_ATTEMPTED


def test_q4_pair_npv():
    expected = fix_unlocks(["DS04", "DS08"], CATALOG, NEEDS, SOURCES)["npv_eur"]
    assert checks.q4.evaluate(expected).status is Status.CORRECT
    single = fix_unlocks("DS08", CATALOG, NEEDS, SOURCES)["npv_eur"]
    assert checks.q4.evaluate(single).status is Status.INCORRECT
    assert checks.q4.evaluate(...).status is Status.NOT_ATTEMPTED


def test_q5_assessments():
    right = {
        "UC18": "DPIA and FRIA",
        "UC21": "neither",
        "UC22": "DPIA only",
        "UC24": "dpia",
        "UC32": "Neither",
    }
    assert checks.q5.evaluate(right).status is Status.CORRECT
    wrong = checks.q5.evaluate({**right, "UC22": "DPIA and FRIA"})
    assert wrong.status is Status.INCORRECT and "UC22" in wrong.message
    assert checks.q5.evaluate(dict.fromkeys(right, ...)).status is Status.NOT_ATTEMPTED


def test_every_check_has_hints_and_a_solution():
    for exercise in (checks.q1, checks.q2, checks.q3, checks.q4, checks.q5):
        assert exercise.hints and str(exercise._solution)


def test_the_quiz_has_six_questions():
    assert len(load_bank(checks.LESSON).questions) == 6


# --- the tool ----------------------------------------------------------------------------------------


def test_the_tool_recomputes_when_a_source_is_fixed():
    assessment = DataReadinessAssessment()
    assert "18 of 40 use cases are ready" in assessment.verdict.value
    assert "UC28 Predictive maintenance of presses" in assessment.blocked.value
    assert assessment.quality.value.count("caio-error") == int(breaches(SOURCES).sum().sum())
    assessment.fixes["DS07"].value = True
    assert assessment.fixed() == ("DS07",)
    assert "21 of 40 use cases are ready" in assessment.verdict.value
    assert "unlocks 3 use cases" in assessment.verdict.value
    assert "UC28 Predictive" not in assessment.blocked.value
    assert assessment.result["unlocked"] == ("UC27", "UC28", "UC29")


def test_the_tool_stays_silent_under_nbgrader(monkeypatch):
    shown = []
    monkeypatch.setattr(tool, "display", shown.append)
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    DataReadinessAssessment().show()
    assert shown == []
    monkeypatch.delenv("NBGRADER_EXECUTION")
    DataReadinessAssessment().show()
    assert len(shown) == 1
