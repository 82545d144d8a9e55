"""Tests of caiokit.scoring: the four methods, ranking, risk adjustment, weights and the 2x2."""

import numpy as np
import pandas as pd
import pytest

from caiokit.catalog import load_catalog, validate_catalog
from caiokit.errors import CatalogError, ScoringError
from caiokit.scoring import (
    CRITERIA,
    DEFAULT_WEIGHTS,
    RISK_MULTIPLIERS,
    Quadrant,
    check_scored,
    explain_weights,
    format_score,
    ice_scale,
    ice_score,
    normalise_weights,
    quadrant,
    rank_scores,
    ranked,
    rice_score,
    score,
    snap_to_scale,
    wsjf_scale,
    wsjf_score,
)


def catalog(**columns):
    """A small checked catalog: the given columns, the other required ones filled with plain values."""
    size = len(next(iter(columns.values())))
    base = {
        "id": [f"UC{i + 1}" for i in range(size)],
        "name": [f"case {i + 1}" for i in range(size)],
        "reach": [100] * size,
        "impact": [1] * size,
        "confidence": [1.0] * size,
        "effort_pm": [1] * size,
        "cost_one_off_eur": [1000] * size,
        "benefit_yearly_eur": [1000] * size,
    }
    return validate_catalog(pd.DataFrame(base | columns))


RICE_CASES = dict(
    reach=[500, 100, 1000, 10**6],
    impact=[2, 3, 0.25, 3],
    confidence=[0.8, 1.0, 0.5, 1.0],
    effort_pm=[2, 1, 0.5, 1],
    ai_act_tier=["minimal", "high", "transparency", "prohibited"],
)


# --- one use case at a time -----------------------------------------------------------------------


def test_rice_worked_example_from_the_references():
    assert rice_score(500, 2, 0.8, 2) == pytest.approx(400)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ((500, 2, 80, 2), "share between 0 and 1"),
        ((500, 2, 0.8, 0), "effort must be more than 0"),
        ((-1, 2, 0.8, 2), "reach must be 0 or more"),
    ],
)
def test_rice_refuses_bad_input(arguments, message):
    with pytest.raises(ScoringError, match=message):
        rice_score(*arguments)


def test_ice_is_the_product_of_three_scores():
    assert ice_score(8, 5, 10) == 400
    with pytest.raises(ScoringError, match="ease must be between 1 and 10"):
        ice_score(8, 5, 11)


def test_wsjf_is_cost_of_delay_over_job_size():
    assert wsjf_score(8, 5, 3, 2) == 8.0
    with pytest.raises(ScoringError, match="job_size must be one of"):
        wsjf_score(8, 5, 3, 4)


# --- whole catalogs -------------------------------------------------------------------------------


def test_rice_scores_with_and_without_risk_adjustment():
    cases = catalog(**RICE_CASES)
    plain = score(cases, "rice", risk_adjust=False)
    assert plain["score"].iloc[:3].tolist() == pytest.approx([400, 300, 250])
    adjusted = score(cases, "rice")
    assert adjusted["score"].iloc[:3].tolist() == pytest.approx([400, 300 * 0.7, 250 * 0.9])
    assert adjusted["rank"].iloc[:3].tolist() == [1, 3, 2]
    assert plain["rank"].iloc[:3].tolist() == [1, 2, 3]


def test_prohibited_use_cases_are_excluded_whatever_their_score():
    for method in ("weighted", "rice", "ice", "wsjf"):
        result = score(catalog(**RICE_CASES), method)
        assert np.isnan(result["score"].iloc[3]) and pd.isna(result["rank"].iloc[3])
        assert result["excluded_reason"].tolist() == ["", "", "", "prohibited under EU AI Act Art. 5"]
        assert sorted(result["rank"].dropna()) == [1, 2, 3]


def test_score_returns_a_copy():
    cases = catalog(**RICE_CASES)
    score(cases, "rice")
    assert "score" not in cases.columns


def test_weighted_score_is_the_weighted_sum_of_min_max_criteria():
    cases = catalog(benefit_yearly_eur=[100, 300, 200], effort_pm=[1, 3, 5])
    result = score(cases, weights={"benefit": 1, "effort": 1})
    # benefit -> 0, 1, 0.5; effort (lower is better) -> 1, 0.5, 0; equal weights
    assert result["score"].tolist() == pytest.approx([0.5, 0.75, 0.25])
    assert result["rank"].tolist() == [2, 1, 3]


def test_a_criterion_equal_for_all_counts_as_half():
    result = score(catalog(benefit_yearly_eur=[5, 5]), weights={"benefit": 1})
    assert result["score"].tolist() == [0.5, 0.5]


def test_equal_scores_are_ranked_by_id():
    cases = catalog(effort_pm=[2, 2, 1])
    cases["id"] = ["UC9", "UC10", "UC1"]
    result = score(cases, "rice")
    assert result["rank"].tolist() == [3, 2, 1]  # UC1 best; then "UC10" < "UC9" as text


def test_ice_scale_maps_catalog_columns_to_one_to_ten():
    scaled = ice_scale(
        catalog(impact=[2, 3, 0.25, 1], confidence=[0.8, 1.0, 0.5, 0.8], effort_pm=[2, 1, 30, 1.5])
    )
    assert scaled["ice_impact"].tolist() == [8, 10, 2, 6]
    assert scaled["ice_confidence"].tolist() == [8, 10, 5, 8]
    assert scaled["ice_ease"].tolist() == [9, 10, 1, 9]
    result = score(catalog(impact=[2, 3], confidence=[0.8, 1.0], effort_pm=[2, 1]), "ice")
    assert result["score"].tolist() == [8 * 8 * 9, 1000]


def test_snap_to_scale_places_values_between_the_ends():
    assert snap_to_scale([0, 100, 30, 50]).tolist() == [1, 20, 8, 8]  # 30 -> 6.7 -> 8; 50 -> 10.5, tie -> 8
    assert snap_to_scale([7, 7]).tolist() == [1, 1]


def test_wsjf_scale_and_score_by_hand():
    cases = catalog(
        benefit_yearly_eur=[0, 100, 50],
        time_to_value_months=[12, 2, 7],
        effort_pm=[1, 11, 6],
        value_driver=["cost", "cost", "risk reduction"],
        depends_on=["", "UC1", "UC2"],
    )
    scaled = wsjf_scale(cases)
    assert scaled["business_value"].tolist() == [1, 20, 8]
    assert scaled["time_criticality"].tolist() == [1, 20, 8]
    # needed by two, by one, by none but risk reduction: 2, 1, 1 -> 20, 1, 1
    assert scaled["risk_reduction"].tolist() == [20, 1, 1]
    assert scaled["job_size"].tolist() == [1, 20, 8]
    result = score(cases, "wsjf")
    assert result["score"].tolist() == pytest.approx([22 / 1, 41 / 20, 17 / 8])


def test_normalised_weights_sum_to_one_and_unnamed_criteria_get_zero():
    weights = normalise_weights({"benefit": 2, "effort": 2})
    assert weights.sum() == pytest.approx(1)
    assert weights["benefit"] == weights["effort"] == 0.5
    assert (weights.drop(["benefit", "effort"]) == 0).all()
    assert normalise_weights().to_dict() == pytest.approx(DEFAULT_WEIGHTS)
    assert normalise_weights(normalise_weights({"reach": np.int64(1)})).to_dict()["reach"] == 1


@pytest.mark.parametrize(
    ("weights", "message"),
    [
        ({"beauty": 1}, "unknown criterion 'beauty'"),
        ({"benefit": -1}, "must be a number of 0 or more"),
        ({"benefit": "high"}, "must be a number of 0 or more"),
        ({"benefit": 0}, "at least one weight"),
        ([0.5, 0.5], "must be a dictionary"),
    ],
)
def test_bad_weights_are_refused(weights, message):
    with pytest.raises(ScoringError, match=message):
        normalise_weights(weights)


def test_explain_weights_shows_given_and_normalised():
    table = explain_weights({"benefit": 3, "complexity": 1})
    row = table.set_index("criterion").loc["complexity"]
    assert (row["column"], row["better"], row["axis"]) == ("complexity", "lower", "feasibility")
    assert (row["weight_given"], row["weight"]) == (1, 0.25)
    assert list(table["criterion"]) == list(CRITERIA)


def test_method_and_input_errors():
    cases = catalog(**RICE_CASES)
    with pytest.raises(ScoringError, match="unknown method 'moscow'"):
        score(cases, "moscow")
    with pytest.raises(ScoringError, match="only apply to the weighted method"):
        score(cases, "rice", weights={"benefit": 1})
    with pytest.raises(CatalogError, match="column 'effort_pm' is missing"):
        score(cases.drop(columns="effort_pm"), "rice")
    odd = cases.assign(ai_act_tier=["minimal", "limited risk", "minimal", "minimal"])
    with pytest.raises(ScoringError) as caught:
        score(odd, "rice")
    assert str(caught.value) == (
        "unknown EU AI Act tier(s) ['limited risk']: use one of prohibited, high, transparency, minimal"
    )


def test_risk_multipliers_discount_the_riskier_tiers_more():
    assert RISK_MULTIPLIERS["minimal"] == 1 > RISK_MULTIPLIERS["transparency"] > RISK_MULTIPLIERS["high"] > 0


def test_rank_scores_matrix_matches_one_row_at_a_time():
    scores = np.random.default_rng(1).integers(0, 4, size=(5, 12)).astype(float)
    ids = [f"id{i:02d}" for i in range(12)][::-1]
    ranks = rank_scores(scores, ids)
    for row in range(5):
        assert ranks[row].tolist() == rank_scores(scores[row], ids).tolist()
        order = sorted(range(12), key=lambda i: (-scores[row, i], ids[i]))
        assert [order.index(i) + 1 for i in range(12)] == ranks[row].tolist()


def test_built_in_catalog_ranks_are_a_permutation():
    result = score(load_catalog())
    ranked = result["rank"].dropna().astype(int)
    assert sorted(ranked) == list(range(1, len(ranked) + 1))
    assert len(ranked) == len(result) - (result["ai_act_tier"] == "prohibited").sum()


# --- value vs feasibility -------------------------------------------------------------------------


def test_quadrants_with_median_and_given_thresholds():
    cases = catalog(
        benefit_yearly_eur=[100, 300, 200, 100, 900],
        effort_pm=[1, 3, 5, 5, 1],
        ai_act_tier=["minimal", "minimal", "minimal", "minimal", "prohibited"],
    )
    weights = {"benefit": 1, "effort": 1}
    result = quadrant(cases, weights)
    assert result["value"].iloc[:4].tolist() == pytest.approx([0, 1, 0.5, 0])
    assert result["feasibility"].iloc[:4].tolist() == pytest.approx([1, 0.5, 0, 0])
    assert result["quadrant"].tolist() == ["fill_in", "quick_win", "strategic_bet", "avoid", "excluded"]
    strict = quadrant(cases, weights, value_threshold=0.9, feasibility_threshold=0.9)
    assert strict["quadrant"].tolist() == ["fill_in", "strategic_bet", "avoid", "avoid", "excluded"]
    assert [Quadrant.label_of(place) for place in strict["quadrant"]][:2] == ["fill-in", "strategic bet"]


def test_quadrant_needs_a_weight_on_each_axis():
    with pytest.raises(ScoringError, match="feasibility criterion"):
        quadrant(catalog(benefit_yearly_eur=[1, 2]), {"benefit": 1})


def test_ranked_puts_the_best_first_and_unranked_last():
    # RICE, risk-adjusted: UC1 400, UC2 300 x 0.7 = 210, UC3 250 x 0.9 = 225, UC4 prohibited.
    table = ranked(score(catalog(**RICE_CASES), "rice"))
    assert table["id"].tolist() == ["UC1", "UC3", "UC2", "UC4"]
    assert table["score"].tolist()[:3] == pytest.approx([400, 225, 210])


def test_a_table_score_did_not_make_is_refused_with_the_missing_columns():
    with pytest.raises(ScoringError, match=r"missing column\(s\): score, rank, excluded_reason"):
        check_scored(catalog(**RICE_CASES))
    with pytest.raises(ScoringError, match="returned by caiokit.scoring.score"):
        ranked(catalog(**RICE_CASES))


@pytest.mark.parametrize(
    ("value", "method", "text"),
    [
        (0.66812, "weighted", "0.668"),
        (120000.0, "rice", "120,000"),
        (7.5, "rice", "7.50"),
        (240.0, "ice", "240"),
        (4.333, "wsjf", "4.33"),
        (float("nan"), "weighted", "-"),
        (None, "rice", "-"),
    ],
)
def test_format_score(value, method, text):
    assert format_score(value, method) == text
