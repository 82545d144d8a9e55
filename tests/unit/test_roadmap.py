"""Tests of caiokit.roadmap: durations, order, capacity, unscheduled use cases and quarterly load."""

import numpy as np
import pandas as pd
import pytest

from caiokit.catalog import load_catalog
from caiokit.errors import RoadmapError
from caiokit.portfolio import select_portfolio
from caiokit.roadmap import plan_roadmap, quarter_labels, quarterly_load


def plan_table(effort, ttv, depends_on=None, tiers=None):
    """A minimal table for roadmap questions: ids A, B, C ... and the given columns."""
    size = len(effort)
    return pd.DataFrame(
        {
            "id": [chr(ord("A") + i) for i in range(size)],
            "name": [f"case {i}" for i in range(size)],
            "effort_pm": effort,
            "time_to_value_months": ttv,
            "depends_on": depends_on or [""] * size,
            "ai_act_tier": tiers or ["minimal"] * size,
        }
    )


def check_plan(roadmap, items):
    """Assert that prerequisites end before their followers start and capacity is never exceeded."""
    plan = roadmap.table.set_index("id")
    for use_case, needs in zip(items["id"], items["depends_on"], strict=True):
        for prerequisite in filter(None, needs.split(";")):
            if plan.loc[use_case, "scheduled"]:
                assert plan.loc[prerequisite, "scheduled"]
                assert plan.loc[prerequisite, "end_index"] < plan.loc[use_case, "start_index"]
    load = quarterly_load(roadmap)
    assert (load["load_pm"] <= roadmap.capacity_pm_per_quarter + 1e-9).all()
    scheduled = plan[plan["scheduled"]]
    assert load["load_pm"].sum() == pytest.approx(scheduled["effort_pm"].sum())
    assert (plan.loc[~plan["scheduled"], "reason"] != "").all()
    assert (scheduled["end_index"] - scheduled["start_index"] + 1 == scheduled["duration_quarters"]).all()


def test_small_plan_by_hand():
    items = plan_table(effort=[6, 2, 4], ttv=[3, 6, 3], depends_on=["", "A", ""])
    roadmap = plan_roadmap(items, capacity_pm_per_quarter=4)
    plan = roadmap.table.set_index("id")
    # A: max(ceil(3/3), ceil(6/4)) = 2 quarters at 3 pm; B after A, 2 quarters at 1 pm; C needs a free 4 pm
    assert plan["duration_quarters"].tolist() == [2, 2, 1]
    assert plan["effort_per_quarter"].tolist() == [3, 1, 4]
    assert plan["start_quarter"].tolist() == ["2027-Q1", "2027-Q3", "2028-Q1"]
    assert plan["end_quarter"].tolist() == ["2027-Q2", "2027-Q4", "2028-Q1"]
    load = quarterly_load(roadmap)
    assert load["load_pm"].tolist() == [3, 3, 1, 1, 4, 0, 0, 0]
    assert load["use_cases"].tolist() == [1, 1, 1, 1, 1, 0, 0, 0]
    assert load.loc["2027-Q3", "free_pm"] == 3 and load.loc["2028-Q1", "utilisation"] == 1
    check_plan(roadmap, items)


def test_prerequisites_are_planned_as_early_as_their_most_urgent_follower():
    items = plan_table(effort=[2, 2, 2], ttv=[3, 3, 3], depends_on=["C", "", ""])
    plan = plan_roadmap(items, capacity_pm_per_quarter=2).table.set_index("id")
    assert plan["start_index"].to_dict() == {"A": 1, "B": 2, "C": 0}


def test_priority_column_orders_the_plan():
    items = plan_table(effort=[2, 2], ttv=[3, 3]).assign(rank=[2, 1])
    plan = plan_roadmap(items, capacity_pm_per_quarter=2, priority="rank").table.set_index("id")
    assert plan["start_index"].to_dict() == {"A": 1, "B": 0}


def test_unscheduled_use_cases_say_why():
    items = plan_table(
        effort=[1, 1, 3, 1, 3, 4, 1],
        ttv=[30, 3, 9, 3, 3, 3, 1],
        depends_on=["", "A", "", "C", "", "", ""],
        tiers=["minimal"] * 6 + ["prohibited"],
    )
    roadmap = plan_roadmap(items, capacity_pm_per_quarter=4, start="2027-Q2", horizon_quarters=3)
    reasons = dict(zip(roadmap.table["id"], roadmap.table["reason"], strict=True))
    assert reasons["A"] == "needs 10 quarters, more than the 3-quarter horizon"
    assert reasons["B"] == "waits for A, which is not scheduled"
    assert reasons["D"] == "its prerequisites end in 2027-Q4, too late to finish within the horizon"
    assert reasons["F"] == "not enough free capacity to fit it within the horizon"
    assert reasons["G"] == "prohibited under EU AI Act Art. 5"
    assert roadmap.unscheduled["id"].tolist() == ["A", "B", "D", "F", "G"]
    assert roadmap.quarters == ("2027-Q2", "2027-Q3", "2027-Q4")
    check_plan(roadmap, items)


def test_a_portfolio_plans_only_its_selected_use_cases():
    catalog = load_catalog()
    portfolio = select_portfolio(catalog, budget=1_000_000)
    roadmap = plan_roadmap(portfolio, capacity_pm_per_quarter=10)
    assert tuple(roadmap.table["id"]) == portfolio.selected
    check_plan(roadmap, catalog[catalog["id"].isin(portfolio.selected)])


def test_whole_catalog_and_random_tables_keep_order_and_capacity():
    catalog = load_catalog()
    check_plan(plan_roadmap(catalog, capacity_pm_per_quarter=15, horizon_quarters=8), catalog)
    rng = np.random.default_rng(11)
    for _ in range(20):
        size = 25
        depends_on = [
            ";".join(sorted({chr(65 + int(j)) for j in rng.integers(0, i, rng.integers(0, 3))})) if i else ""
            for i in range(size)
        ]
        items = plan_table(
            effort=rng.uniform(0.5, 12, size).round(1).tolist(),
            ttv=rng.integers(1, 13, size).tolist(),
            depends_on=depends_on,
        ).sample(frac=1, random_state=int(rng.integers(0, 1000)))
        check_plan(plan_roadmap(items, capacity_pm_per_quarter=float(rng.integers(3, 12))), items)


def test_quarter_labels_roll_over_the_year():
    assert quarter_labels("2027-Q3", 4) == ("2027-Q3", "2027-Q4", "2028-Q1", "2028-Q2")
    assert quarter_labels("2028 q1", 1) == ("2028-Q1",)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"start": "Q1 2027"}, "start must be a quarter such as '2027-Q1'"),
        ({"start": "2027-Q5"}, "start must be a quarter"),
        ({"horizon_quarters": 0}, "horizon_quarters must be a whole number"),
        ({"capacity_pm_per_quarter": 0}, "capacity_pm_per_quarter must be a number above 0"),
        ({"priority": "score"}, "priority column 'score' is not in the table"),
    ],
)
def test_bad_arguments_are_refused(arguments, message):
    with pytest.raises(RoadmapError, match=message):
        plan_roadmap(plan_table(effort=[1], ttv=[3]), **({"capacity_pm_per_quarter": 4} | arguments))


def test_an_empty_selection_gives_an_empty_plan_and_load():
    roadmap = plan_roadmap(select_portfolio(load_catalog(), 0).items.query("selected"), 6)
    assert roadmap.table.empty and roadmap.table["scheduled"].dtype == bool
    assert quarterly_load(roadmap)["load_pm"].sum() == 0
