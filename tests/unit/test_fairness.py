"""Selection rates, gap and ratio; the bundled screening data; exercise q4; the fairness widget and charts."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from caiokit.checks.compliance import q4
from caiokit.exercises import Status
from caiokit.fairness import (
    COLUMNS,
    DEFAULT_THRESHOLD,
    FairnessError,
    fairness_report,
    load_hiring_screening,
    selection_gap,
    selection_rates,
    selection_ratio,
    threshold_sweep,
)

SMALL = pd.DataFrame(
    {
        "applicant_id": ["a1", "a2", "a3", "a4", "b1", "b2", "b3", "b4", "b5"],
        "group": ["A", "A", "A", "A", "B", "B", "B", "B", "B"],
        "years_experience": [1, 2, 3, 4, 1, 2, 3, 4, 5],
        "score": [80, 70, 50, 40, 75, 55, 45, 30, 20],
        "shortlisted": [1, 1, 0, 0, 1, 0, 0, 0, 0],
    }
)


def test_bundled_data_is_synthetic_screening_of_200_applicants():
    data = load_hiring_screening()
    assert tuple(data.columns) == COLUMNS
    assert len(data) == 200 and data["applicant_id"].is_unique
    assert set(data["group"]) == {"A", "B"}
    assert data["score"].between(0, 100).all()
    assert (data["shortlisted"] == (data["score"] >= DEFAULT_THRESHOLD).astype(int)).all()


def test_selection_rates_by_hand():
    rates = selection_rates(SMALL, 60)
    assert rates.to_dict() == {"A": 0.5, "B": 0.2}
    assert selection_rates(SMALL).to_dict() == {"A": 0.5, "B": 0.2}
    assert selection_rates(SMALL, 50).to_dict() == {"A": 0.75, "B": 0.4}
    assert selection_rates(SMALL, 0).to_dict() == {"A": 1.0, "B": 1.0}


def test_gap_and_ratio_by_hand():
    assert selection_gap({"A": 0.5, "B": 0.2}) == pytest.approx(0.3)
    assert selection_ratio({"A": 0.5, "B": 0.2}) == pytest.approx(0.4)
    assert selection_ratio({"B": 0.2, "A": 0.5, "C": 0.25}) == pytest.approx(0.4)
    assert selection_ratio(pd.Series({"A": 0.3, "B": 0.3})) == 1.0


def test_report_on_the_small_table():
    report = fairness_report(SMALL, 60)
    assert report.applicants == {"A": 4, "B": 5} and report.selected == {"A": 2, "B": 1}
    assert report.gap == pytest.approx(0.3) and report.ratio == pytest.approx(0.4)
    assert report.below_four_fifths and report.favoured == "A"
    assert "2 of 4 shortlisted (50.0%)" in report.summary() and "ratio 0.40" in report.summary()
    equal = fairness_report(SMALL, 0)
    assert equal.ratio == 1.0 and not equal.below_four_fifths and "not flagged" in equal.summary()


def test_report_on_the_bundled_data_at_the_default_threshold():
    report = fairness_report()
    assert report.threshold == 60
    assert report.applicants == {"A": 112, "B": 88}
    assert report.selected == {"A": 39, "B": 18}
    assert report.ratio == pytest.approx((18 / 88) / (39 / 112))
    assert report.below_four_fifths


def test_nobody_selected_leaves_the_ratio_undefined():
    report = fairness_report(SMALL, 100)
    assert report.ratio is None and not report.below_four_fifths and report.gap == 0
    assert "undefined" in report.summary()
    with pytest.raises(FairnessError, match="lower the threshold"):
        selection_ratio({"A": 0.0, "B": 0.0})


def test_sweep_has_one_row_per_threshold():
    sweep = threshold_sweep(SMALL, [0, 60, 100])
    assert list(sweep["threshold"]) == [0, 60, 100]
    assert sweep.loc[1, "rate_A"] == 0.5 and sweep.loc[1, "ratio"] == pytest.approx(0.4)
    assert math.isnan(sweep.loc[2, "ratio"])


@pytest.mark.parametrize("threshold", [-1, 101, "60", math.nan, True])
def test_bad_threshold_is_refused(threshold):
    with pytest.raises(FairnessError, match="threshold"):
        selection_rates(SMALL, threshold)


def test_bad_data_is_refused():
    with pytest.raises(FairnessError, match="no column 'score'"):
        selection_rates(SMALL.drop(columns="score"), 50)
    with pytest.raises(FairnessError, match="no rows"):
        selection_rates(SMALL.iloc[0:0], 50)
    with pytest.raises(FairnessError, match="numbers only"):
        selection_rates(SMALL.assign(score="high"), 50)


@pytest.mark.parametrize(
    ("rates", "message"),
    [
        ({"A": 0.5}, "at least two groups"),
        ({"A": 0.5, "B": 1.5}, "from 0 to 1"),
        ({"A": "x", "B": 0.1}, "'A'"),
    ],
)
def test_bad_rates_are_refused(rates, message):
    with pytest.raises(FairnessError, match=message):
        selection_gap(rates)


def test_q4_impact_ratio():
    def right(rates):
        return min(rates.values()) / max(rates.values())

    def first_over_second(rates):
        values = list(rates.values())
        return values[1] / values[0]

    def blank(rates):
        return ...

    assert q4.evaluate(right).status is Status.CORRECT
    assert q4.evaluate(first_over_second).status is Status.INCORRECT
    assert q4.evaluate(blank).status is Status.NOT_ATTEMPTED
    assert q4.evaluate(0.8).status is Status.ERROR


def test_charts_are_built_from_the_report():
    from caiokit.charts.compliance import selection_rate_chart, threshold_sweep_chart

    figure = selection_rate_chart(fairness_report(SMALL, 60))
    assert list(figure.data[0].y) == [0.5, 0.2]
    assert figure.layout.shapes[0].y0 == pytest.approx(0.4)
    assert "ratio 0.40" in figure.layout.title.text
    assert not selection_rate_chart(fairness_report(SMALL, 100)).layout.shapes
    sweep = threshold_sweep_chart(threshold_sweep(SMALL, [0, 60]), threshold=60)
    assert [trace.name for trace in sweep.data] == ["ratio", "gap (share)"]


def test_fairness_widget_follows_the_slider(progress_file):
    from caiokit.widgets.fairness_demo import FairnessDemo

    demo = FairnessDemo(SMALL)
    assert demo.report.threshold == 60 and "ratio 0.40" in demo.summary.value
    assert list(demo.figure.data[0].y) == [0.5, 0.2]
    demo.threshold.value = 50
    assert demo.report.rates == {"A": 0.75, "B": 0.4}
    assert "3 of 4 shortlisted" in demo.summary.value
    assert list(demo.figure.data[0].y) == [0.75, 0.4]
    assert len(demo.chart.outputs) == 1
    assert demo.chart.outputs[0]["data"]["application/vnd.plotly.v1+json"]["data"][0]["y"] == [0.75, 0.4]
    demo.threshold.value = 100
    assert demo.report.ratio is None and "undefined" in demo.summary.value
