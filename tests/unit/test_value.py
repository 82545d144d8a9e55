"""Lesson 14 (value and the board): benefits tracking, stage gates, KPI tree, board pack, report, checks, tool."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from caiokit import case_study
from caiokit.benefits import (
    RAMP_UP,
    ActualsError,
    BenefitsError,
    check_actuals,
    cumulative_pnl,
    planned_benefits,
    portfolio_pnl,
    tracking,
)
from caiokit.board import board_pack, quarter_end, report_quarters
from caiokit.checks import value as checks
from caiokit.exercises import Status
from caiokit.kpi_tree import (
    KpiTreeError,
    NodeKind,
    check_tree,
    faulty_nodes,
    leaves,
    load_kpi_tree,
    path_to_objective,
    tree_problems,
)
from caiokit.quiz import load_bank
from caiokit.reports import markdown
from caiokit.reports.board_report import to_markdown, write_report
from caiokit.stage_gates import DEFAULT_RULES, Gate, GateError, GateRules, gate, gate_table

ALVERA = case_study.load("alvera")


@pytest.fixture
def plan():
    return planned_benefits(ALVERA.sample_plan, ALVERA.catalog)


def _one_use_case(benefit=400_000, one_off=90_000, yearly=20_000, start="2027-Q1", end="2027-Q3"):
    roadmap = pd.DataFrame({"id": ["X"], "start_quarter": [start], "end_quarter": [end]})
    catalog = pd.DataFrame(
        {
            "id": ["X"],
            "cost_one_off_eur": [one_off],
            "cost_yearly_eur": [yearly],
            "benefit_yearly_eur": [benefit],
        }
    )
    return planned_benefits(roadmap, catalog)


# --- benefits -----------------------------------------------------------------------------------------


def test_plan_spreads_build_then_ramps_up_benefit_after_go_live():
    plan = _one_use_case()
    assert list(plan["build_cost_eur"]) == [30_000] * 3 + [0] * 5
    assert list(plan["live"]) == [False] * 3 + [True] * 5
    full = 400_000 / 4
    assert list(plan["benefit_eur"]) == [0, 0, 0] + [share * full for share in RAMP_UP] + [full, full]
    assert list(plan["run_cost_eur"]) == [0, 0, 0] + [5_000] * 5


def test_plan_refuses_a_roadmap_outside_its_quarters_and_bad_ramps():
    with pytest.raises(BenefitsError, match="outside the plan's quarters"):
        _one_use_case(end="2030-Q1")
    roadmap = pd.DataFrame({"id": ["X"], "start_quarter": ["2027-Q1"], "end_quarter": ["2027-Q1"]})
    with pytest.raises(BenefitsError, match="ramp_up"):
        planned_benefits(roadmap, ALVERA.catalog.assign(id="X"), ramp_up=(0.5, 1.5))


def test_actuals_are_checked_row_by_row(plan):
    bad = pd.DataFrame(
        {
            "id": ["UC01", "UC99", "UC01"],
            "quarter": ["2027-Q1", "2027-Q1", "2031-Q1"],
            "benefit_eur": ["10", "x", "-1"],
            "run_cost_eur": ["0", "0", "0"],
            "build_cost_eur": ["0", "inf", "0"],
        }
    )
    with pytest.raises(ActualsError) as caught:
        check_actuals(bad, plan)
    text = str(caught.value)
    assert "row 3: UC99 is not a use case of the plan" in text
    assert "row 4: '2031-Q1' is not a quarter" in text
    assert "benefit_eur must be a number of 0 or more, not '-1'" in text
    assert "build_cost_eur must be a number of 0 or more, not 'inf'" in text
    twice = pd.concat([ALVERA.benefit_actuals.head(1)] * 2)
    with pytest.raises(ActualsError, match="appears twice"):
        check_actuals(twice, plan)


def test_tracking_adds_up_to_the_quarter_and_computes_realisation(plan):
    tracked = tracking(plan, ALVERA.benefit_actuals, "2028-Q2").set_index("id")
    chatbot = tracked.loc["UC01"]
    assert chatbot["live_quarters"] == 2
    assert chatbot["planned_benefit_eur"] == pytest.approx(650_000 / 4 * (0.25 + 0.5))
    assert chatbot["realisation"] == pytest.approx(
        chatbot["actual_benefit_eur"] / chatbot["planned_benefit_eur"]
    )
    assert math.isnan(tracked.loc["UC09", "realisation"])  # not live yet: nothing planned
    with pytest.raises(BenefitsError, match="not a quarter of the plan"):
        tracking(plan, ALVERA.benefit_actuals, "2029-Q1")


def test_portfolio_pnl_is_benefit_minus_costs_and_cumulates(plan):
    actuals = ALVERA.benefit_actuals
    pnl = portfolio_pnl(plan, actuals, "2028-Q1")
    assert list(pnl.index) == ["2027-Q1", "2027-Q2", "2027-Q3", "2027-Q4", "2028-Q1"]
    rows = actuals[actuals["quarter"] <= "2028-Q1"]
    expected = rows["benefit_eur"].sum() - rows["run_cost_eur"].sum() - rows["build_cost_eur"].sum()
    assert cumulative_pnl(plan, actuals, "2028-Q1") == pytest.approx(expected)
    assert pnl["actual_cumulative_eur"].iloc[-1] == pytest.approx(pnl["actual_pnl_eur"].sum())
    planned = plan[plan["quarter"] <= "2028-Q1"]
    assert cumulative_pnl(plan, actuals, "2028-Q1", kind="planned") == pytest.approx(
        planned["benefit_eur"].sum() - planned["run_cost_eur"].sum() - planned["build_cost_eur"].sum()
    )


# --- stage gates --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("realisation", "overrun", "live", "decision"),
    [
        (0.9, 1.0, 3, Gate.CONTINUE),
        (0.8, 1.2, 3, Gate.CONTINUE),  # the thresholds themselves pass
        (0.79, 1.0, 3, Gate.FIX),
        (0.9, 1.21, 1, Gate.FIX),
        (0.3, 1.0, 1, Gate.FIX),  # too early to stop after one live quarter
        (0.49, 1.0, 2, Gate.STOP),
        (0.3, 1.5, 4, Gate.STOP),  # stop comes before fix
        (math.nan, 1.1, 0, Gate.CONTINUE),
        (math.nan, 1.3, 0, Gate.FIX),
    ],
)
def test_gate_rules(realisation, overrun, live, decision):
    row = {"realisation": realisation, "build_overrun": overrun, "live_quarters": live}
    found, reason = gate(row)
    assert found is decision and reason


def test_gate_rules_refuse_inconsistent_thresholds():
    for bad in (
        {"stop_below": 0.9},
        {"max_build_overrun": 0.9},
        {"min_live_quarters": 0},
        {"continue_from": math.inf},
    ):
        with pytest.raises(GateError, match="gate thresholds"):
            GateRules(**bad)
    assert Gate.parse("Stop") is Gate.STOP and Gate.FIX.label == "fix"


def test_gate_table_on_alvera(plan):
    gates = gate_table(tracking(plan, ALVERA.benefit_actuals, "2028-Q2"), DEFAULT_RULES).set_index("id")
    assert gates.loc["UC33", "gate"] == "stop"
    assert gates.loc[["UC01", "UC27"], "gate"].tolist() == ["fix", "fix"]
    assert (gates["gate"] == "continue").sum() == 7


# --- KPI tree -----------------------------------------------------------------------------------------


def test_alvera_tree_holds_and_leads_to_the_objective():
    tree = load_kpi_tree()
    assert tree_problems(tree) == []
    assert check_tree(tree) is tree
    assert path_to_objective(tree, "K6") == ["K6", "K4", "K2", "K1"]
    assert set(leaves(tree)["kind"]) <= {NodeKind.PROCESS_METRIC, NodeKind.MODEL_METRIC}


def test_tree_problems_name_each_broken_rule():
    tree = load_kpi_tree()
    tree.loc[tree["id"] == "K9", "unit"] = ""
    tree.loc[tree["id"] == "K9", "owner"] = " "
    tree.loc[tree["id"] == "K6", "target"] = "high"
    tree.loc[tree["id"] == "K7", "parent"] = "K42"
    tree.loc[tree["id"] == "K8", "kind"] = "objective"  # an objective under a KPI
    problems = tree_problems(tree)
    assert "K9: a leaf needs a unit, or it cannot be measured" in problems
    assert "K9: a leaf needs an owner who answers for it" in problems
    assert "K6: a leaf needs a numeric target, not 'high'" in problems
    assert "K7: its parent K42 is not a node of the tree" in problems
    assert any(p.startswith("K8: a company objective cannot sit under a business KPI") for p in problems)
    assert faulty_nodes(tree) == {"K6", "K7", "K8", "K9"}
    with pytest.raises(KpiTreeError, match="has 5 problem"):
        check_tree(tree)


def test_tree_problems_find_loops_roots_and_bad_input():
    tree = load_kpi_tree()
    tree.loc[tree["id"] == "K2", "parent"] = "K4"  # K2 -> K4 -> K2
    problems = tree_problems(tree)
    assert "K2: following its parents comes back to it" in problems
    two_roots = load_kpi_tree()
    two_roots.loc[two_roots["id"] == "K3", "parent"] = ""
    assert any("exactly one root" in p and "K1, K3" in p for p in tree_problems(two_roots))
    leaf_kpi = load_kpi_tree()
    leaf_kpi.loc[leaf_kpi["id"] == "K9", "kind"] = "business_kpi"
    assert any("K9: a business KPI cannot sit under a process metric" in p for p in tree_problems(leaf_kpi))
    assert "columns" in tree_problems(pd.DataFrame({"id": ["K1"]}))[0]
    bad_kind = load_kpi_tree()
    bad_kind.loc[bad_kind["id"] == "K5", "kind"] = "vibe"
    assert any("K5: kind 'vibe'" in p for p in tree_problems(bad_kind))


# --- board pack and report ----------------------------------------------------------------------------


def test_board_pack_of_2028_q2():
    pack = board_pack("2028-Q2")
    assert report_quarters() == ("2027-Q1", "2027-Q2", "2027-Q3", "2027-Q4", "2028-Q1", "2028-Q2")
    assert list(pack.decisions["id"]) == ["UC33", "UC01", "UC27"]  # stop first, then fix
    assert set(pack.incidents["id"]) == {"I04", "I05"}
    assert (pack.calendar["date"] > pd.Timestamp("2028-06-30")).all()
    assert pack.totals["actual_cumulative_eur"] == pytest.approx(pack.pnl["actual_pnl_eur"].sum())
    with pytest.raises(BenefitsError, match="no actuals yet"):
        board_pack("2028-Q4")


def test_quarter_end():
    assert [quarter_end(q).isoformat() for q in ("2027-Q1", "2027-Q2", "2027-Q3", "2027-Q4")] == [
        "2027-03-31",
        "2027-06-30",
        "2027-09-30",
        "2027-12-31",
    ]


def test_board_report_has_its_five_sections_and_is_deterministic(tmp_path):
    text = to_markdown(board_pack("2028-Q2"))
    assert text == to_markdown(board_pack("2028-Q2"))
    for heading in (
        "Value delivered",
        "Portfolio status",
        "Risks and incidents",
        "Compliance calendar",
        "Decisions asked",
    ):
        assert heading in text
    assert "Approve stopping UC33" in text and "2 Aug 2028" in text
    quiet = to_markdown(board_pack("2027-Q1"))
    assert "*None: every use case is on plan.*" in quiet and "0 AI incidents in 2027-Q1." in quiet
    written = write_report(board_pack("2028-Q2"), tmp_path / "board.md")
    assert written.read_text(encoding="utf-8") == text
    with pytest.raises(BenefitsError, match="is a folder"):
        write_report(board_pack("2028-Q2"), tmp_path)
    assert markdown.cell("a|b") == "a\\|b"


# --- checks -------------------------------------------------------------------------------------------


def test_reference_answers_pass_and_typical_mistakes_teach():
    assert checks.q1.evaluate({"K10", "K7"}).status is Status.CORRECT
    partial = checks.q1.evaluate({"K10"})
    assert partial.status is not Status.CORRECT and "missing" in partial.message
    assert "K1" in checks.q1.options and checks.q1.evaluate({"K10", "K7", "K1"}).status is not Status.CORRECT
    assert checks.q2.evaluate(float(checks.q2.expected)).status is Status.CORRECT
    assert (
        checks.q2.evaluate(1.0).status is not Status.CORRECT
    )  # forgot the ramp-up: realisation looks perfect
    assert checks.q3.evaluate("fix").status is Status.CORRECT
    feedback = checks.q3.evaluate("continue")
    assert feedback.status is not Status.CORRECT and "build cost" in feedback.message
    assert checks.q4.evaluate(-2_224_000).status is Status.CORRECT
    assert checks.q4.evaluate(2_224_000).status is not Status.CORRECT  # the sign matters
    for exercise in (checks.q1, checks.q2, checks.q3, checks.q4):
        assert exercise.evaluate(...).status is Status.NOT_ATTEMPTED
        assert exercise.hints


def test_checks_follow_the_case_data(plan):
    assert checks.q4.expected == pytest.approx(cumulative_pnl(plan, ALVERA.benefit_actuals, "2028-Q1"))
    assert checks.q1.correct == frozenset(faulty_nodes(checks.DRAFT_TREE))


def test_quiz_bank_loads():
    bank = load_bank("14_value_and_the_board")
    assert len(bank.questions) == 6


# --- tool ---------------------------------------------------------------------------------------------


def test_board_report_widget_reacts_and_exports(tmp_path, monkeypatch):
    from caiokit.widgets import BoardReport

    tool = BoardReport()
    assert tool.quarter.value == "2028-Q2" and "stop 1" in tool.message.value
    tool.continue_from.value = 0.95
    assert "fix 4" in tool.message.value
    tool.quarter.value = "2027-Q1"
    assert "2027-Q1" in tool.markdown
    tool.path.value = str(tmp_path / "report.md")
    tool.export()
    assert (tmp_path / "report.md").read_text(encoding="utf-8") == tool.markdown
    tool.path.value = ""
    tool.export()
    assert "⚠" in tool.message.value
    monkeypatch.setenv("NBGRADER_EXECUTION", "validate")
    shown = []
    monkeypatch.setattr("caiokit.widgets.tool.display", shown.append)
    tool.show()
    assert shown == []
