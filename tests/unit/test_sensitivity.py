"""Tests of caiokit.sensitivity: weight sampling and rank stability."""

import numpy as np
import pandas as pd
import pytest

from caiokit import sensitivity
from caiokit.catalog import load_catalog
from caiokit.errors import ScoringError
from caiokit.scoring import normalise_weights, score
from caiokit.sensitivity import Verdict, rank_stability, stability_k, stability_verdicts, weight_samples

WEIGHTS = {"benefit": 3, "reach": 1, "impact": 1, "confidence": 1, "data_readiness": 1, "effort": 2}


def test_weight_samples_sum_to_one_keep_zeros_and_centre_on_the_weights():
    samples = weight_samples(WEIGHTS, n_samples=4000, spread=0.2, seed=3)
    assert samples.shape == (4000, 7)
    assert np.allclose(samples.sum(axis=1), 1)
    assert (samples["complexity"] == 0).all()
    assert np.allclose(samples.mean(), normalise_weights(WEIGHTS), atol=0.01)
    assert samples["benefit"].std() > 0.02


def test_same_seed_same_result_other_seed_other_result():
    catalog = load_catalog()
    first = rank_stability(catalog, WEIGHTS, k=10, n_samples=300, seed=5)
    pd.testing.assert_frame_equal(first, rank_stability(catalog, WEIGHTS, k=10, n_samples=300, seed=5))
    other = rank_stability(catalog, WEIGHTS, k=10, n_samples=300, seed=6)
    assert not np.allclose(first["p_top_k"], other["p_top_k"])


def test_probabilities_are_shares_and_add_up_to_k():
    catalog = load_catalog()
    result = rank_stability(catalog, WEIGHTS, k=8, n_samples=500, spread=0.5)
    assert result["p_top_k"].between(0, 1).all()
    assert result["p_top_k"].sum() == pytest.approx(8)  # exactly k use cases are in the top k of every sample
    assert (result["best_rank"] <= result["rank"]).dropna().all()
    assert (result["rank"] <= result["worst_rank"]).dropna().all()
    assert result["mean_rank"].between(result["best_rank"], result["worst_rank"]).dropna().all()
    prohibited = result["excluded_reason"] != ""
    assert prohibited.sum() == 2 and (result.loc[prohibited, "p_top_k"] == 0).all()
    assert result.loc[prohibited, "rank"].isna().all()


def test_no_spread_gives_the_plain_ranking():
    catalog = load_catalog()
    result = rank_stability(catalog, WEIGHTS, k=5, n_samples=20, spread=0)
    ranked = result.dropna(subset=["rank"])
    assert (ranked["mean_rank"] == ranked["rank"]).all()
    assert ranked["p_top_k"].tolist() == [1.0 if rank <= 5 else 0.0 for rank in ranked["rank"]]


def test_matches_rescoring_sample_by_sample():
    catalog = load_catalog()
    samples = weight_samples(WEIGHTS, n_samples=30, spread=0.3, seed=9)
    ranks = np.array(
        [score(catalog, weights=row.to_dict())["rank"].to_numpy(dtype=float) for _, row in samples.iterrows()]
    )
    result = rank_stability(catalog, WEIGHTS, k=10, n_samples=30, spread=0.3, seed=9)
    assert np.allclose(result["p_top_k"], np.nan_to_num((ranks <= 10).mean(axis=0)))
    assert np.allclose(result["mean_rank"], ranks.mean(axis=0), equal_nan=True)


def test_working_in_chunks_changes_nothing(monkeypatch):
    catalog = load_catalog()
    whole = rank_stability(catalog, WEIGHTS, n_samples=50, seed=2)
    monkeypatch.setattr(sensitivity, "_CHUNK_CELLS", 100)  # 100 cells = 2 samples of 38 use cases a chunk
    pd.testing.assert_frame_equal(whole, rank_stability(catalog, WEIGHTS, n_samples=50, seed=2))


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"k": 0}, "k must be a whole number"),
        ({"n_samples": 2.5}, "n_samples must be a whole number"),
        ({"spread": -0.1}, "spread must be a number of 0 or more"),
    ],
)
def test_bad_arguments_are_refused(arguments, message):
    with pytest.raises(ScoringError, match=message):
        rank_stability(load_catalog(), WEIGHTS, **arguments)


def test_stability_verdicts_are_verdict_ids_cut_at_the_two_shares():
    # Shares on and just under each bar; the shares add up to k = 2 (rounded).
    stability = pd.DataFrame(
        {
            "id": ["A", "B", "C", "D", "E"],
            "name": ["on the safe bar", "just under it", "on the fragile bar", "just under it", "prohibited"],
            "rank": pd.array([1, 2, 3, 4, None], dtype="Int64"),
            "p_top_k": [0.8, 0.799, 0.2, 0.199, 0.0],
        }
    )
    verdicts = stability_verdicts(stability).set_index("id")["verdict"]
    assert verdicts.to_dict() == {
        "A": "safe_pick",
        "B": "depends_on_weights",
        "C": "depends_on_weights",
        "D": "unlikely",
        "E": "excluded",
    }
    assert verdicts["B"] == Verdict.DEPENDS_ON_WEIGHTS
    assert [Verdict.label_of(verdicts[use_case]) for use_case in "ABDE"] == [
        "safe pick",
        "depends on the weights",
        "unlikely",
        "excluded",
    ]
    assert stability_k(stability) == 2


@pytest.mark.parametrize("verdict", list(Verdict))
def test_a_verdict_is_found_from_its_label_or_its_id(verdict):
    assert Verdict.parse(verdict.label) is verdict
    assert Verdict.parse(verdict.value) is verdict
    assert Verdict(verdict.value) is verdict


def test_stability_verdicts_refuse_a_table_rank_stability_did_not_make():
    with pytest.raises(ScoringError, match=r"missing column\(s\): name, rank, p_top_k"):
        stability_verdicts(pd.DataFrame({"id": ["A"]}))
