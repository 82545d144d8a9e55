"""Tests of caiokit.finance: NPV, ROI, payback and cash flows of use cases and portfolios."""

import math
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pandas as pd
import pytest

from caiokit.catalog import load_catalog
from caiokit.errors import FinanceError
from caiokit.finance import npv, payback_period, portfolio_finance, roi, use_case_cash_flows


def test_npv_by_hand():
    # -100 + 60 / 1.1 + 60 / 1.21 = -100 + 54.5454... + 49.5867... = 4.1322...
    assert npv([-100, 60, 60], 0.1) == pytest.approx(4.132231, abs=1e-6)
    assert npv([-100, 60, 60], 0) == 20
    assert npv([250], 0.5) == 250  # year 0 is not discounted
    assert npv(np.array([0.0, 110.0]), 0.1) == pytest.approx(100)
    assert npv((-100, 50, 50, 50), -0.5) == pytest.approx(-100 + 100 + 200 + 400)


@pytest.mark.parametrize(
    ("flows", "rate", "message"),
    [
        ([], 0.1, "non-empty list"),
        ("100", 0.1, "non-empty list"),
        ([-100, "50"], 0.1, "cash flow of year 1 must be a number"),
        ([-100, math.nan], 0.1, "cash flow of year 1 must be a number"),
        ([-100, 50], -1, "rate must be a number above -1"),
        ([-100, 50], "8%", "rate must be a number above -1"),
    ],
)
def test_npv_refuses_bad_input(flows, rate, message):
    with pytest.raises(FinanceError, match=message):
        npv(flows, rate)


def test_roi_by_hand():
    assert roi(150, 100) == 0.5
    assert roi([100, 100, 100], [200, 50]) == pytest.approx(0.2)
    assert roi(0, 80) == -1
    with pytest.raises(FinanceError, match="costs must be above 0"):
        roi(100, 0)
    with pytest.raises(FinanceError, match="benefits must be a number of 0 or more"):
        roi(-5, 10)


def test_payback_is_the_first_year_no_longer_negative():
    assert payback_period([-100, 40, 40, 40]) == 3
    assert payback_period([-100, 40, 40, 40], fractional=True) == pytest.approx(2.5)
    assert payback_period([-100, 50, 50]) == 2  # cumulative 0 is no longer negative
    assert payback_period([-100, 50, 50], fractional=True) == 2
    assert payback_period([0, 10]) == 0 and payback_period([5], fractional=True) == 0
    assert payback_period([-100, 30, 30, 30]) is None
    assert payback_period([-100, 150, -200, 300]) == 1  # the first time counts
    with pytest.raises(FinanceError):
        payback_period([])


def test_use_case_cash_flows_by_hand():
    row = {"cost_one_off_eur": 100, "cost_yearly_eur": 10, "benefit_yearly_eur": 50}
    assert use_case_cash_flows(row) == [-100, 40, 40, 40]
    assert use_case_cash_flows(row, years=1) == [-100, 40]
    assert use_case_cash_flows({"cost_one_off_eur": 100, "benefit_yearly_eur": 50}, years=2) == [-100, 50, 50]
    with pytest.raises(FinanceError, match="years must be a whole number"):
        use_case_cash_flows(row, years=0)


def test_portfolio_finance_by_hand():
    catalog = pd.DataFrame(
        {
            "id": ["A", "B", "C"],
            "name": ["alpha", "beta", "gamma"],
            "cost_one_off_eur": [100.0, 300.0, 1.0],
            "cost_yearly_eur": [10.0, 0.0, 1.0],
            "benefit_yearly_eur": [50.0, 100.0, 1.0],
        }
    )
    table = portfolio_finance(catalog, ["A", "B"], rate=0.1, years=2).set_index("id")
    assert table.loc["A", ["one_off_eur", "yearly_net_eur", "benefit_eur", "cost_eur"]].tolist() == [
        100,
        40,
        100,
        120,
    ]
    assert table.loc["A", "roi"] == pytest.approx(-20 / 120)
    assert table.loc["A", "npv_eur"] == pytest.approx(-100 + 40 / 1.1 + 40 / 1.21)
    assert np.isnan(table.loc["A", "payback_years"])
    total = table.loc["total"]
    assert total["name"] == "portfolio"
    assert total[["one_off_eur", "yearly_net_eur", "benefit_eur", "cost_eur"]].tolist() == [
        400,
        140,
        300,
        420,
    ]
    assert total["npv_eur"] == pytest.approx(table.loc["A", "npv_eur"] + table.loc["B", "npv_eur"])
    assert total["roi"] == pytest.approx(-120 / 420)
    assert np.isnan(total["payback_years"])  # -400, 140, 140: not paid back in two years
    longer = portfolio_finance(catalog, ["A", "B"], years=3).set_index("id")
    assert longer.loc["total", "payback_years"] == pytest.approx(2 + 120 / 140)


def test_portfolio_finance_refuses_unknown_or_no_ids():
    catalog = load_catalog()
    with pytest.raises(FinanceError, match="not in the table: UC99, XX"):
        portfolio_finance(catalog, ["UC01", "UC99", "XX"])
    with pytest.raises(FinanceError, match="choose at least one use case"):
        portfolio_finance(catalog, [])


def test_built_in_catalog_finance_adds_up():
    catalog = load_catalog()
    ids = ["UC02", "UC27", "UC32"]
    table = portfolio_finance(catalog, ids)
    assert table["id"].tolist() == [*ids, "total"]
    assert table["npv_eur"].iloc[-1] == pytest.approx(table["npv_eur"].iloc[:-1].sum())
    assert table["one_off_eur"].iloc[-1] == catalog.set_index("id").loc[ids, "cost_one_off_eur"].sum()


def test_fractions_count_as_numbers_and_decimals_do_not():
    # caiokit.validation: Fraction is a real number to Python; Decimal is not (it does not mix with floats).
    assert npv([Fraction(-100), Fraction(60), 60], Fraction(1, 10)) == pytest.approx(npv([-100, 60, 60], 0.1))
    assert roi(Fraction(3, 2), 1) == pytest.approx(0.5)
    with pytest.raises(FinanceError, match="cash flow of year 0 must be a number"):
        npv([Decimal(-100), 60], 0.1)
    with pytest.raises(FinanceError, match="benefits must be a number of 0 or more"):
        roi(Decimal(150), 100)
