"""Tests of caiokit.portfolio: exact and greedy selection, their limits, and clashing limits."""

import numpy as np
import pandas as pd
import pytest

from caiokit.catalog import load_catalog, validate_catalog
from caiokit.errors import PortfolioError
from caiokit.portfolio import (
    PortfolioResult,
    compare_portfolios,
    greedy_portfolio,
    select_portfolio,
    value_gap,
)


def table(costs, values, efforts=None, tiers=None, depends_on=None):
    """A minimal table for portfolio questions: ids A, B, C ... and the given columns."""
    size = len(costs)
    return pd.DataFrame(
        {
            "id": [chr(ord("A") + i) for i in range(size)],
            "name": [f"case {i}" for i in range(size)],
            "cost_one_off_eur": costs,
            "benefit_yearly_eur": values,
            "effort_pm": efforts or [1] * size,
            "ai_act_tier": tiers or ["minimal"] * size,
            "depends_on": depends_on or [""] * size,
        }
    )


def test_greedy_misses_the_optimum_on_the_references_counterexample():
    items = table(costs=[6, 5, 5], values=[7, 5, 5])
    greedy = greedy_portfolio(items, budget=10)
    exact = select_portfolio(items, budget=10)
    assert (greedy.total_value, greedy.selected) == (7, ("A",))
    assert (exact.total_value, exact.selected) == (10, ("B", "C"))
    assert exact.method == "milp" and greedy.method == "greedy"
    assert isinstance(exact, PortfolioResult) and exact.total_cost == 10


def random_instance(rng, size):
    """A random portfolio question with every kind of limit, and the keyword arguments to ask it."""
    depends_on = [
        "" if i == 0 or rng.random() < 0.6 else chr(ord("A") + int(rng.integers(0, i))) for i in range(size)
    ]
    tiers = rng.choice(["minimal", "minimal", "high", "prohibited"], size, p=[0.45, 0.2, 0.3, 0.05]).tolist()
    items = table(
        costs=rng.integers(1, 11, size).tolist(),
        values=rng.integers(0, 21, size).tolist(),
        efforts=rng.integers(1, 6, size).tolist(),
        tiers=tiers,
        depends_on=depends_on,
    )
    ids = items["id"].tolist()
    limits = {
        "budget": float(rng.integers(5, 35)),
        "capacity_pm": None if rng.random() < 0.3 else float(rng.integers(3, 15)),
        "max_high_risk": None if rng.random() < 0.5 else int(rng.integers(0, 3)),
        "mandatory": [ids[int(rng.integers(0, size))]] if rng.random() < 0.4 else [],
        "excluded": [ids[int(rng.integers(0, size))]] if rng.random() < 0.3 else [],
    }
    if set(limits["mandatory"]) & set(limits["excluded"]):
        limits["excluded"] = []
    return items, limits


def feasible(items, limits, chosen):
    """True if the chosen ids meet every limit of the question."""
    rows = items.set_index("id")
    picked = rows.loc[list(chosen)]
    return (
        picked["cost_one_off_eur"].sum() <= limits["budget"]
        and (limits["capacity_pm"] is None or picked["effort_pm"].sum() <= limits["capacity_pm"])
        and (
            limits["max_high_risk"] is None
            or (picked["ai_act_tier"] == "high").sum() <= limits["max_high_risk"]
        )
        and set(limits["mandatory"]) <= set(chosen)
        and not set(limits["excluded"]) & set(chosen)
        and "prohibited" not in set(picked["ai_act_tier"])
        and all(rows.loc[use_case, "depends_on"] in ("", *chosen) for use_case in chosen)
    )


def brute_force_best(items, limits):
    """The highest total value over every feasible subset (all 2^n checked at once), None if none is."""
    ids = items["id"].tolist()
    size = len(ids)
    subsets = (np.arange(2**size)[:, None] >> np.arange(size)) & 1 == 1
    ok = subsets @ items["cost_one_off_eur"].to_numpy() <= limits["budget"]
    if limits["capacity_pm"] is not None:
        ok &= subsets @ items["effort_pm"].to_numpy() <= limits["capacity_pm"]
    if limits["max_high_risk"] is not None:
        ok &= subsets @ (items["ai_act_tier"] == "high").to_numpy(dtype=int) <= limits["max_high_risk"]
    ok &= ~subsets[:, (items["ai_act_tier"] == "prohibited").to_numpy()].any(axis=1)
    for use_case in limits["mandatory"]:
        ok &= subsets[:, ids.index(use_case)]
    for use_case in limits["excluded"]:
        ok &= ~subsets[:, ids.index(use_case)]
    for child, parent in enumerate(items["depends_on"]):
        if parent:
            ok &= ~subsets[:, child] | subsets[:, ids.index(parent)]
    if not ok.any():
        return None
    return (subsets[ok] @ items["benefit_yearly_eur"].to_numpy()).max()


def test_milp_matches_brute_force_on_small_random_questions():
    rng = np.random.default_rng(2024)
    checked = infeasible = 0
    for _ in range(60):
        items, limits = random_instance(rng, 10)
        best = brute_force_best(items, limits)
        if best is None:
            with pytest.raises(PortfolioError):
                select_portfolio(items, **limits)
            with pytest.raises(PortfolioError):
                greedy_portfolio(items, **limits)
            infeasible += 1
            continue
        exact = select_portfolio(items, **limits)
        greedy = greedy_portfolio(items, **limits)
        assert exact.total_value == best
        assert feasible(items, limits, exact.selected)
        assert feasible(items, limits, greedy.selected)
        assert greedy.total_value <= best
        checked += 1
    assert checked >= 40 and infeasible >= 1


def test_dependencies_are_respected_unless_switched_off():
    items = table(costs=[5, 1], values=[0, 10], depends_on=["", "A"])
    assert select_portfolio(items, budget=5).selected == ()
    assert select_portfolio(items, budget=6).selected == ("A", "B")
    assert greedy_portfolio(items, budget=6).selected == ("A", "B")
    assert select_portfolio(items, budget=5, respect_dependencies=False).selected == ("B",)


def test_greedy_brings_missing_prerequisites_along():
    items = table(costs=[4, 1, 5], values=[4, 10, 4], depends_on=["", "A", ""])
    # B has the best value per cost; it comes with A, its prerequisite, as the bundle fits
    assert greedy_portfolio(items, budget=5).selected == ("A", "B")


def test_capacity_and_high_risk_ceiling_bind():
    items = table(costs=[1, 1, 1], values=[10, 9, 8], efforts=[5, 3, 3], tiers=["high", "high", "minimal"])
    assert select_portfolio(items, budget=10, capacity_pm=6).selected == ("B", "C")
    assert select_portfolio(items, budget=10, max_high_risk=1).selected == ("A", "C")
    assert select_portfolio(items, budget=10, max_high_risk=0).total_effort == 3


def test_prohibited_use_cases_are_never_chosen():
    items = table(costs=[1, 1], values=[10**9, 1], tiers=["prohibited", "minimal"])
    for choose in (select_portfolio, greedy_portfolio):
        result = choose(items, budget=100)
        assert result.selected == ("B",)
        assert result.items.loc[0, "reason"] == "prohibited under EU AI Act Art. 5"


def test_mandatory_excluded_and_reasons_per_item():
    items = table(costs=[2, 2, 2, 2, 9], values=[1, 5, 5, 1, 1], depends_on=["", "A", "", "C", ""])
    result = select_portfolio(items, budget=np.int64(6), mandatory="B", excluded=["C"])
    assert result.selected == ("A", "B")
    reasons = dict(zip(result.items["id"], result.items["reason"], strict=True))
    assert reasons["A"] == "prerequisite of a mandatory use case"
    assert reasons["B"] == "mandatory"
    assert reasons["C"] == "excluded"
    assert reasons["D"] == "needs C, which cannot be chosen"
    assert reasons["E"] == "not in the best combination within the limits"
    assert result.items["selected"].tolist() == [True, True, False, False, False]
    ids = dict(zip(result.items["id"], result.items["reason_id"], strict=True))
    assert ids == {"A": "prerequisite", "B": "mandatory", "C": "excluded", "D": "blocked", "E": "not_best"}


def test_reason_ids_of_prohibited_chosen_and_greedy_left_out():
    items = table(costs=[1, 1, 5], values=[10**9, 5, 1], tiers=["prohibited", "minimal", "minimal"])
    result = greedy_portfolio(items, budget=2)
    assert result.items["reason_id"].tolist() == ["prohibited", "chosen", "not_reached"]
    assert result.items["reason"].tolist()[1:] == [
        "chosen",
        "did not fit when its turn came in value-per-cost order",
    ]


@pytest.mark.parametrize(
    ("limits", "messages"),
    [
        (
            {"budget": 3, "mandatory": ["D"]},
            ["the mandatory use cases (D) and their prerequisites (C) cost 4, more than the budget of 3"],
        ),
        (
            {"budget": 10, "mandatory": ["D"], "excluded": ["C"]},
            ["D is mandatory but needs C, which is excluded"],
        ),
        ({"budget": 10, "mandatory": ["E"]}, ["E is mandatory but prohibited under EU AI Act Art. 5"]),
        ({"budget": 10, "mandatory": ["F"]}, ["F is mandatory but needs E, which is prohibited"]),
        ({"budget": 10, "mandatory": ["A"], "excluded": ["A"]}, ["A is both mandatory and excluded"]),
        ({"budget": 10, "mandatory": ["Z"]}, ["mandatory use case 'Z' is not in the table"]),
        ({"budget": -1}, ["the budget must be a number of 0 or more, not -1"]),
        (
            {"budget": 10, "mandatory": ["A", "B"], "capacity_pm": 3, "max_high_risk": 1},
            [
                "these limits cannot all hold",
                "the mandatory use cases (A, B) need 4.0 person-months, more than the capacity of 3.0",
                "the mandatory use cases (A, B) include 2 high-risk ones, more than the maximum of 1",
            ],
        ),
    ],
)
def test_clashing_limits_are_explained_before_solving(limits, messages):
    items = table(
        costs=[2, 2, 2, 2, 1, 1],
        values=[1, 1, 1, 1, 1, 1],
        efforts=[2, 2, 1, 1, 1, 1],
        tiers=["high", "high", "minimal", "minimal", "prohibited", "minimal"],
        depends_on=["", "", "", "C", "", "E"],
    )
    for choose in (select_portfolio, greedy_portfolio):
        with pytest.raises(PortfolioError) as caught:
            choose(items, **limits)
        for message in messages:
            assert message in str(caught.value)


def test_built_in_catalog_portfolio_stays_within_its_limits():
    catalog = load_catalog()
    result = select_portfolio(catalog, budget=1_500_000, capacity_pm=50, max_high_risk=1)
    chosen = catalog[catalog["id"].isin(result.selected)]
    assert result.total_cost == chosen["cost_one_off_eur"].sum() <= 1_500_000
    assert result.total_effort == chosen["effort_pm"].sum() <= 50
    assert (chosen["ai_act_tier"] == "high").sum() <= 1
    assert "prohibited" not in set(chosen["ai_act_tier"])
    for needs in chosen["depends_on"]:
        assert all(prerequisite in result.selected for prerequisite in needs.split(";") if prerequisite)
    assert (
        result.total_value
        >= greedy_portfolio(catalog, budget=1_500_000, capacity_pm=50, max_high_risk=1).total_value
    )


def test_greedy_gap_on_the_references_counterexample():
    items = validate_catalog(
        pd.DataFrame(
            {
                "id": ["A", "B", "C"],
                "name": ["six", "five", "five again"],
                "reach": [1, 1, 1],
                "impact": [1, 1, 1],
                "confidence": [1.0, 1.0, 1.0],
                "effort_pm": [1, 1, 1],
                "cost_one_off_eur": [6, 5, 5],
                "benefit_yearly_eur": [7, 5, 5],
            }
        )
    )
    exact, greedy = select_portfolio(items, 10), greedy_portfolio(items, 10)
    assert value_gap(exact, greedy) == pytest.approx(0.3)  # (10 - 7) / 10
    table = compare_portfolios(exact, greedy)
    assert table[["id", "in_exact", "in_greedy"]].values.tolist() == [
        ["A", False, True],
        ["B", True, False],
        ["C", True, False],
    ]
    assert table["value"].tolist() == [7, 5, 5] and table["cost"].tolist() == [6, 5, 5]
    assert value_gap(select_portfolio(items, 0), greedy_portfolio(items, 0)) == 0.0
