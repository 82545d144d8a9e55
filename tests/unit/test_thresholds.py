"""Tests of caiokit.thresholds, the threshold charts, the ThresholdExplorer widget and exercises q2-q4 of lesson 08."""

import math

import numpy as np
import pytest

from caiokit.charts.technologies import cost_curve, precision_recall_chart
from caiokit.checks.technologies import q2, q3, q4
from caiokit.exercises import Status
from caiokit.ml_demos import failure_demo
from caiokit.thresholds import (
    DEFAULT_GRID,
    ThresholdError,
    best_threshold,
    precision,
    recall,
    threshold_tradeoff,
    tradeoff_table,
)
from caiokit.widgets.threshold_explorer import ThresholdExplorer

# Six cases worked out by hand: flagged at 0.5 are cases 0, 2 and 4; cases 0, 1 and 4 are real.
Y = [1, 1, 0, 0, 1, 0]
S = [0.9, 0.4, 0.6, 0.2, 0.7, 0.1]


def test_precision_and_recall_by_hand():
    assert precision(60, 20) == 0.75
    assert recall(60, 40) == 0.6
    assert precision(0, 5) == 0.0
    assert math.isnan(precision(0, 0)) and math.isnan(recall(0, 0))


@pytest.mark.parametrize("args", [(-1, 2), (1.5, 1), (True, 1), ("3", 1)])
def test_precision_rejects_counts_that_are_not_whole_numbers(args):
    with pytest.raises(ThresholdError, match="whole number"):
        precision(*args)


def test_tradeoff_at_one_threshold_by_hand():
    outcome = threshold_tradeoff(Y, S, threshold=0.5, cost_fp=100, cost_fn=300)
    assert (outcome.tp, outcome.fp, outcome.tn, outcome.fn) == (2, 1, 2, 1)
    assert outcome.precision == pytest.approx(2 / 3) and outcome.recall == pytest.approx(2 / 3)
    assert outcome.total_cost == 1 * 100 + 1 * 300
    assert outcome.flagged == 3


def test_a_score_equal_to_the_threshold_is_flagged():
    outcome = threshold_tradeoff([1, 0], [0.5, 0.49], threshold=0.5, cost_fp=1, cost_fn=1)
    assert (outcome.tp, outcome.fp, outcome.tn, outcome.fn) == (1, 0, 1, 0)


def test_the_two_strategies_without_a_model():
    flag_all = threshold_tradeoff(Y, S, threshold=0.0, cost_fp=100, cost_fn=300)
    flag_none = threshold_tradeoff(Y, S, threshold=1.0, cost_fp=100, cost_fn=300)
    assert (flag_all.fp, flag_all.fn, flag_all.total_cost, flag_all.recall) == (3, 0, 300, 1.0)
    assert (flag_none.fp, flag_none.fn, flag_none.total_cost) == (0, 3, 900)
    assert math.isnan(flag_none.precision)


def test_recall_is_undefined_without_a_real_case():
    outcome = threshold_tradeoff([0, 0], [0.2, 0.8], threshold=0.5, cost_fp=10, cost_fn=10)
    assert math.isnan(outcome.recall) and outcome.precision == 0.0


def test_inputs_may_be_numpy_arrays_or_booleans():
    outcome = threshold_tradeoff(np.array([True, False]), np.array([0.7, 0.7]), 0.5, 1, 1)
    assert (outcome.tp, outcome.fp) == (1, 1)


@pytest.mark.parametrize(
    "y_true, scores, threshold, cost_fp, cost_fn, message",
    [
        ([], [], 0.5, 1, 1, "empty"),
        ([1, 0], [0.5], 0.5, 1, 1, "one score per case"),
        ([1, 2], [0.5, 0.5], 0.5, 1, 1, "only 0"),
        (["yes", "no"], [0.5, 0.5], 0.5, 1, 1, "only 0"),
        ([1, 0], [0.5, 1.5], 0.5, 1, 1, "between 0 and 1"),
        ([1, 0], [0.5, float("nan")], 0.5, 1, 1, "between 0 and 1"),
        ([1, 0], ["high", "low"], 0.5, 1, 1, "between 0 and 1"),
        ([1, 0], [0.5, 0.5], 1.2, 1, 1, "threshold"),
        ([1, 0], [0.5, 0.5], True, 1, 1, "threshold"),
        ([1, 0], [0.5, 0.5], 0.5, -80, 1, "cost_fp"),
        ([1, 0], [0.5, 0.5], 0.5, 1, "500", "cost_fn"),
        ([1, 0], [0.5, 0.5], 0.5, 1, math.inf, "cost_fn"),
    ],
)
def test_bad_input_gets_a_message_a_learner_can_act_on(y_true, scores, threshold, cost_fp, cost_fn, message):
    with pytest.raises(ThresholdError, match=message):
        threshold_tradeoff(y_true, scores, threshold, cost_fp, cost_fn)


def test_tradeoff_table_has_one_row_per_threshold():
    table = tradeoff_table(Y, S, cost_fp=100, cost_fn=300)
    assert len(table) == len(DEFAULT_GRID) == 101
    assert list(table.columns) == [
        "threshold",
        "tp",
        "fp",
        "tn",
        "fn",
        "precision",
        "recall",
        "total_cost",
    ]
    flagged = table["tp"] + table["fp"]
    assert flagged.is_monotonic_decreasing
    assert (table[["tp", "fp", "tn", "fn"]].sum(axis=1) == len(Y)).all()
    custom = tradeoff_table(Y, S, 100, 300, thresholds=[0.3, 0.5])
    assert list(custom["total_cost"]) == [100, 400]


@pytest.mark.parametrize("grid", [[], [0.2, 1.4], ["low"], 0.5])
def test_a_bad_grid_is_refused(grid):
    with pytest.raises(ThresholdError, match="thresholds"):
        tradeoff_table(Y, S, 100, 300, thresholds=grid)


def test_best_threshold_by_hand_and_the_lowest_of_ties():
    assert best_threshold(Y, S, 100, 300, thresholds=[1.0, 0.5, 0.3, 0.0]).threshold == 0.3
    # On the default grid every threshold in (0.2, 0.4] costs 100; the lowest of them wins.
    best = best_threshold(Y, S, 100, 300)
    assert best.threshold == 0.21 and best.total_cost == 100
    # Free misses: flagging nothing is cheapest, first reached above the highest negative score.
    assert best_threshold(Y, S, 100, 0).threshold == 0.61


def test_lesson_claims_about_the_failure_model_thresholds():
    failures = failure_demo()
    default = threshold_tradeoff(failures.y_true, failures.scores, 0.5, 80, 500)
    best = best_threshold(failures.y_true, failures.scores, 80, 500)
    assert best.threshold < 0.3 and best.total_cost < 0.8 * default.total_cost
    flag_all = threshold_tradeoff(failures.y_true, failures.scores, 0.0, 80, 500)
    flag_none = threshold_tradeoff(failures.y_true, failures.scores, 1.0, 80, 500)
    assert best.total_cost < min(flag_all.total_cost, flag_none.total_cost)
    dearer_misses = best_threshold(failures.y_true, failures.scores, 80, 1500)
    dearer_visits = best_threshold(failures.y_true, failures.scores, 300, 500)
    assert dearer_misses.threshold < best.threshold < dearer_visits.threshold
    assert failures.y_true.sum() < 30


def test_threshold_charts_mark_the_threshold_and_the_cheapest_point():
    table = tradeoff_table(Y, S, 100, 300)
    figure = cost_curve(table, threshold=0.5, best=0.21)
    assert figure.layout.shapes[0].x0 == 0.5
    assert list(figure.data[1].x) == [0.21] and list(figure.data[1].y) == [100]
    assert len(cost_curve(table, threshold=0.5).data) == 1
    chart = precision_recall_chart(table, threshold=0.3)
    assert [trace.name for trace in chart.data] == ["precision", "recall"]


def test_explorer_shows_counts_rates_and_cost(progress_file):
    explorer = ThresholdExplorer(Y, S, cost_fp=100, cost_fn=300)
    assert explorer.outcome.total_cost == 400
    assert "Cost of mistakes EUR 400</b> = 1 x EUR 100 + 1 x EUR 300" in explorer.summary.value
    assert "false alarms: 1" in explorer.summary.value and "misses: 1" in explorer.summary.value
    assert "Precision 67%" in explorer.summary.value
    assert "threshold 0.21, EUR 100" in explorer.summary.value
    (output,) = explorer.chart.outputs
    assert output["data"]["application/vnd.plotly.v1+json"]["layout"]["shapes"][0]["x0"] == 0.5


def test_explorer_says_what_each_mistake_means(progress_file):
    explorer = ThresholdExplorer(Y, S)
    assert "an unneeded technician visit" in explorer.summary.value
    assert "a breakdown at the customer's home" in explorer.summary.value
    own = ThresholdExplorer(Y, S, flagged_means="a wasted call", missed_means="a lost **customer**")
    assert "a wasted call" in own.summary.value and "a lost <b>customer</b>" in own.summary.value


def test_explorer_follows_its_sliders_and_button(progress_file):
    explorer = ThresholdExplorer(Y, S, cost_fp=100, cost_fn=300)
    explorer.threshold.value = 0.3
    assert explorer.outcome.total_cost == 100 and "EUR 100" in explorer.summary.value
    assert explorer.figure.layout.shapes[0].x0 == 0.3
    explorer.threshold.value = 0.95
    assert "n/a (nothing flagged)" in explorer.summary.value
    explorer.best_button.click()
    assert explorer.threshold.value == pytest.approx(0.21)
    explorer.cost_fn.value = 0
    explorer.best_button.click()
    assert explorer.threshold.value == pytest.approx(0.61) and explorer.outcome.total_cost == 0
    assert len(explorer.chart.outputs) == 1


def test_explorer_widens_a_slider_for_a_large_price_and_refuses_bad_data():
    explorer = ThresholdExplorer(Y, S, cost_fp=1500, cost_fn=4000)
    assert explorer.cost_fp.value == 1500 and explorer.cost_fp.max >= 1500
    assert explorer.cost_fn.value == 4000 and explorer.cost_fn.max >= 4000
    with pytest.raises(ThresholdError, match="one score per case"):
        ThresholdExplorer([1, 0, 1], [0.2, 0.3])


def test_q2_precision(notebook_namespace):
    assert q2.evaluate(0.75).status is Status.CORRECT
    assert q2.evaluate(60 / 80).status is Status.CORRECT
    wrong = q2.evaluate(0.6)
    assert wrong.status is Status.INCORRECT and "too low" in wrong.message
    for percent in (q2.evaluate(75), q2.evaluate(45)):  # the right share and a wrong one, as percentages
        assert percent.status is Status.INCORRECT and "looks like a percentage" in percent.message
    assert q2.evaluate(...).status is Status.NOT_ATTEMPTED
    notebook_namespace["precision_answer"] = "0.75"
    assert q2.check().status is Status.ERROR


def test_q3_recall(notebook_namespace):
    assert q3.evaluate(0.6).status is Status.CORRECT
    assert q3.evaluate(60 / 80).status is Status.INCORRECT
    assert q3.evaluate(60 / 1000).status is Status.INCORRECT
    assert "looks like a percentage" in q3.evaluate(40).message
    notebook_namespace["recall_answer"] = 0.6
    assert q3.check().passed


def test_q4_threshold_move(notebook_namespace):
    assert q4.evaluate("a").status is Status.CORRECT
    wrong = q4.evaluate("b")
    assert wrong.status is Status.INCORRECT and "dearer" in wrong.message
    assert q4.evaluate("e").status is Status.ERROR
    assert "a" in str(q4.solution())
