"""Benchmark of the prioritisation tools against plain-Python versions of the same work.

Run from the repository's root: ``python benchmarks/bench_prioritization.py``. It times, best of a few
repeats, (a) weighted scoring and ranking, (b) rank stability under weight sampling, (c) exact
portfolio selection with milp, each against a baseline, checks that both give the same answer (for
(c): milp is never worse than greedy, and equals brute force on a tiny catalog), and prints a table.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable

import numpy as np
import pandas as pd

from caiokit.portfolio import greedy_portfolio, select_portfolio
from caiokit.scoring import CRITERIA, RISK_MULTIPLIERS, score
from caiokit.sensitivity import rank_stability, weight_samples

WEIGHTS = {
    "benefit": 3,
    "reach": 1,
    "impact": 2,
    "confidence": 1,
    "data_readiness": 1,
    "complexity": 1,
    "effort": 2,
}
REPEATS = 3


def synthetic_catalog(size: int, seed: int = 0) -> pd.DataFrame:
    """A random but plausible catalog of the given size; one use case in ten needs an earlier one."""
    rng = np.random.default_rng(seed)
    ids = [f"S{index:05d}" for index in range(size)]
    depends_on = [
        ids[int(rng.integers(0, index))] if index > 0 and rng.random() < 0.1 else "" for index in range(size)
    ]
    return pd.DataFrame(
        {
            "id": ids,
            "name": [f"synthetic use case {index}" for index in range(size)],
            "reach": rng.integers(10, 100_000, size),
            "impact": rng.choice([3, 2, 1, 0.5, 0.25], size),
            "confidence": rng.choice([1.0, 0.8, 0.5], size),
            "effort_pm": rng.uniform(0.5, 24, size).round(1),
            "cost_one_off_eur": rng.integers(10, 500, size) * 1000.0,
            "cost_yearly_eur": rng.integers(5, 100, size) * 1000.0,
            "benefit_yearly_eur": rng.integers(0, 1500, size) * 1000.0,
            "data_readiness": rng.integers(1, 6, size),
            "complexity": rng.integers(1, 6, size),
            "time_to_value_months": rng.integers(1, 19, size).astype(float),
            "ai_act_tier": rng.choice(
                ["minimal", "transparency", "high", "prohibited"], size, p=[0.7, 0.15, 0.14, 0.01]
            ),
            "depends_on": depends_on,
        }
    )


def best_time(task: Callable[[], object]) -> tuple[float, object]:
    """The shortest of REPEATS runs in seconds, and the task's result."""
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        result = task()
        times.append(time.perf_counter() - start)
    return min(times), result


def eligible_records(catalog: pd.DataFrame) -> list[dict]:
    """The catalog's rows as dictionaries, prohibited use cases left out."""
    return [row for row in catalog.to_dict("records") if row["ai_act_tier"] != "prohibited"]


def loop_normalised(rows: list[dict]) -> dict[str, list[float]]:
    """Each criterion min-max normalised to 0-1 (1 the better end), one value at a time."""
    scaled = {}
    for name, criterion in CRITERIA.items():
        values = [row[criterion.column] for row in rows]
        low, high = min(values), max(values)
        if high == low:
            scaled[name] = [0.5] * len(values)
        elif criterion.better == "higher":
            scaled[name] = [(value - low) / (high - low) for value in values]
        else:
            scaled[name] = [(high - value) / (high - low) for value in values]
    return scaled


def loop_scores(
    rows: list[dict], scaled: dict[str, list[float]], weights: dict[str, float]
) -> dict[str, float]:
    """Weighted, risk-adjusted score of each use case, one multiplication at a time."""
    total = sum(weights.values())
    return {
        row["id"]: sum(weights.get(name, 0.0) / total * scaled[name][index] for name in CRITERIA)
        * RISK_MULTIPLIERS[row["ai_act_tier"]]
        for index, row in enumerate(rows)
    }


def loop_ranks(scores: dict[str, float]) -> dict[str, int]:
    """Ranks from scores by sorting: best first, equal scores by id."""
    ordered = sorted(scores, key=lambda use_case: (-scores[use_case], use_case))
    return {use_case: place + 1 for place, use_case in enumerate(ordered)}


def loop_ranking(catalog: pd.DataFrame, weights: dict[str, float]) -> tuple[dict, dict]:
    """Scores and ranks of the weighted method in plain Python."""
    rows = eligible_records(catalog)
    scores = loop_scores(rows, loop_normalised(rows), weights)
    return scores, loop_ranks(scores)


def loop_stability(catalog: pd.DataFrame, samples: pd.DataFrame, k: int) -> tuple[dict, dict]:
    """Top-k share and mean rank over weight samples, rescoring in plain Python for each sample."""
    rows = eligible_records(catalog)
    scaled = loop_normalised(rows)
    in_top = dict.fromkeys((row["id"] for row in rows), 0)
    rank_sum = dict(in_top)
    for weights in samples.to_dict("records"):
        for use_case, rank in loop_ranks(loop_scores(rows, scaled, weights)).items():
            in_top[use_case] += rank <= k
            rank_sum[use_case] += rank
    count = len(samples)
    return {key: value / count for key, value in in_top.items()}, {
        key: value / count for key, value in rank_sum.items()
    }


def brute_force_value(catalog: pd.DataFrame, budget: float, capacity_pm: float) -> float:
    """The best total value of any subset within budget, capacity and dependencies (tiny catalogs only)."""
    rows = eligible_records(catalog)
    best = 0.0
    for size in range(len(rows) + 1):
        for subset in itertools.combinations(rows, size):
            chosen = {row["id"] for row in subset}
            if (
                sum(row["cost_one_off_eur"] for row in subset) <= budget
                and sum(row["effort_pm"] for row in subset) <= capacity_pm
                and all(row["depends_on"] in ("", *chosen) for row in subset)
            ):
                best = max(best, sum(row["benefit_yearly_eur"] for row in subset))
    return best


def portfolio_limits(catalog: pd.DataFrame) -> dict[str, float]:
    """Budget and capacity for a synthetic catalog: a quarter of all costs, a third of all effort."""
    return {
        "budget": float(catalog["cost_one_off_eur"].sum() / 4),
        "capacity_pm": float(catalog["effort_pm"].sum() / 3),
    }


def main() -> None:
    """Run every benchmark and print the table."""
    lines = []

    catalog = synthetic_catalog(10_000, seed=1)
    fast, scored = best_time(lambda: score(catalog, weights=WEIGHTS))
    slow, (scores, ranks) = best_time(lambda: loop_ranking(catalog, WEIGHTS))
    ranked = scored.dropna(subset=["rank"]).set_index("id")
    assert np.allclose(ranked["score"], [scores[use_case] for use_case in ranked.index])
    assert ranked["rank"].tolist() == [ranks[use_case] for use_case in ranked.index]
    lines.append(("(a) weighted score + rank, 10,000 use cases", fast, slow, "same scores and ranks"))

    catalog = synthetic_catalog(1_000, seed=2)
    samples = weight_samples(WEIGHTS, n_samples=1000, spread=0.2, seed=0)
    fast, stability = best_time(lambda: rank_stability(catalog, WEIGHTS, k=10, n_samples=1000, seed=0))
    slow, (shares, mean_ranks) = best_time(lambda: loop_stability(catalog, samples, k=10))
    stable = stability.dropna(subset=["rank"]).set_index("id")
    assert np.allclose(stable["p_top_k"], [shares[use_case] for use_case in stable.index])
    assert np.allclose(stable["mean_rank"], [mean_ranks[use_case] for use_case in stable.index])
    lines.append(
        ("(b) rank stability, 1,000 samples x 1,000 use cases", fast, slow, "same top-k shares, mean ranks")
    )

    catalog = synthetic_catalog(10_000, seed=2)
    fast, stability = best_time(lambda: rank_stability(catalog, WEIGHTS, k=10, n_samples=1000, seed=0))
    assert np.isclose(stability["p_top_k"].sum(), 10)
    lines.append(
        ("(b) rank stability, 1,000 samples x 10,000 use cases", fast, None, "top-k shares sum to k")
    )

    for size in (200, 1_000):
        catalog = synthetic_catalog(size, seed=3)
        limits = portfolio_limits(catalog)
        fast, exact = best_time(lambda catalog=catalog, limits=limits: select_portfolio(catalog, **limits))
        slow, greedy = best_time(lambda catalog=catalog, limits=limits: greedy_portfolio(catalog, **limits))
        for result in (exact, greedy):
            assert (
                result.total_cost <= limits["budget"] and result.total_effort <= limits["capacity_pm"] + 1e-6
            )
        assert exact.total_value >= greedy.total_value
        gap = 1 - greedy.total_value / exact.total_value
        lines.append(
            (
                f"(c) milp vs greedy portfolio, {size:,} candidates",
                fast,
                slow,
                f"greedy {gap:.2%} below optimum",
            )
        )

    catalog = synthetic_catalog(14, seed=4)
    limits = portfolio_limits(catalog)
    fast, exact = best_time(lambda: select_portfolio(catalog, **limits))
    slow, best = best_time(lambda: brute_force_value(catalog, **limits))
    assert exact.total_value == best
    lines.append(("(c) milp vs brute force, 14 candidates", fast, slow, "same optimum"))

    print(f"numpy {np.__version__}, pandas {pd.__version__}; best of {REPEATS} runs; times in seconds")
    print(f"{'task':<56} {'fast':>9} {'baseline':>9} {'ratio':>8}  check")
    for task, fast, slow, check in lines:
        baseline, ratio = ("-", "-") if slow is None else (f"{slow:.4f}", f"{slow / fast:.3g}x")
        print(f"{task:<56} {fast:>9.4f} {baseline:>9} {ratio:>8}  {check}")


if __name__ == "__main__":
    main()
