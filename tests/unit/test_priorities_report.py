"""Tests of caiokit.reports.priorities: the executive summary and the ranked CSV."""

from __future__ import annotations

import pandas as pd
import pytest

from caiokit.catalog import load_catalog, validate_catalog
from caiokit.errors import ScoringError
from caiokit.finance import portfolio_finance
from caiokit.portfolio import select_portfolio
from caiokit.reports.priorities import (
    UNNAMED_COMPANY,
    BriefingError,
    company_name,
    executive_summary,
    export_csv,
)
from caiokit.scoring import score
from caiokit.strategy import load_company

# RICE by hand: A 100x1x1/4 = 25; B 1000x2x0.8/2 = 800, x0.9 (transparency) = 720;
# C 200x1x0.5/1 = 100, x0.7 (high) = 70; E 300x2x1/2 = 300; D prohibited. Ranks: B, E, C, A.
SMALL = pd.DataFrame(
    {
        "id": ["A", "B", "C", "D", "E"],
        "name": ["Data platform", "Chatbot", "CV screening", "Social scoring", "Demand forecast"],
        "department": ["IT", "service", "HR", "HR", "supply chain"],
        "reach": [100, 1000, 200, 500, 300],
        "impact": [1, 2, 1, 3, 2],
        "confidence": [1.0, 0.8, 0.5, 1.0, 1.0],
        "effort_pm": [4, 2, 1, 1, 2],
        "cost_one_off_eur": [100_000, 50_000, 20_000, 10_000, 60_000],
        "cost_yearly_eur": [10_000, 5_000, 0, 0, 10_000],
        "benefit_yearly_eur": [50_000, 200_000, 60_000, 900_000, 300_000],
        "ai_act_tier": ["minimal", "transparency", "high", "prohibited", "minimal"],
        "depends_on": ["", "A", "", "", ""],
    }
)


@pytest.fixture
def small():
    return validate_catalog(SMALL)


@pytest.fixture
def stability():
    """A rank_stability-shaped table with k = 2 (the shares add up to 2)."""
    return pd.DataFrame(
        {
            "id": ["A", "B", "C", "D", "E"],
            "name": ["Data platform", "Chatbot", "CV screening", "Social scoring", "Demand forecast"],
            "rank": pd.array([4, 1, 3, None, 2], dtype="Int64"),
            "p_top_k": [0.05, 0.85, 0.3, 0.0, 0.8],
            "mean_rank": [3.9, 1.2, 2.8, None, 2.1],
            "best_rank": pd.array([2, 1, 1, None, 1], dtype="Int64"),
            "worst_rank": pd.array([4, 3, 4, None, 4], dtype="Int64"),
            "excluded_reason": ["", "", "", "prohibited under EU AI Act Art. 5", ""],
        }
    )


def test_summary_with_everything_by_hand(small):
    scored = score(small, "rice")
    exact = select_portfolio(small, budget=120_000)
    # Within EUR 120,000: C + E (80,000) bring 360,000; B needs A (150,000 together), too much.
    assert exact.selected == ("C", "E")
    finance = portfolio_finance(small, exact.selected, rate=0.1, years=2)
    text = executive_summary(
        scored, exact, None, finance, "rice", risk_adjusted=True, rate=0.1, years=2, company="Test AG"
    )
    assert text.startswith("# AI use-case priorities: Test AG\n")
    assert (
        "Test AG has 5 candidate AI use cases; 1 of them is prohibited under the EU AI Act (Art. 5)" in text
    )
    assert "RICE (Intercom): reach x impact x confidence / effort" in text
    assert "(high x 0.7, transparency x 0.9)" in text
    # The top table, best first, with the portfolio column.
    assert "| 1 | B Chatbot | service | 720 | transparency | no |" in text
    assert "| 2 | E Demand forecast | supply chain | 300 | minimal | yes |" in text
    assert "| 3 | C CV screening | HR | 70 | high | yes |" in text
    assert text.index("| 1 | B") < text.index("| 2 | E") < text.index("| 3 | C") < text.index("| 4 | A")
    # Portfolio totals: cost 80,000 of 120,000 (67%), value 360,000, effort 3.
    assert "- One-off cost: EUR 80,000 (67% of the budget)" in text
    assert "- Yearly benefit: EUR 360,000" in text
    assert "- Effort: 3.0 person-months" in text
    # Cash flows -80,000, 350,000, 350,000: NPV at 10% = -80,000 + 318,181.8 + 289,256.2 = 527,438;
    # ROI = (720,000 - 100,000) / 100,000 = 620%; payback 80,000 / 350,000 = 0.23 of year 1.
    assert "Net present value over 2 years, discounted at 10.0% a year: EUR 527,438" in text
    assert "return on investment 620%, payback after 0.2 years" in text
    # Left out: the prohibited one, and the top use cases that do not fit, with the limit they break.
    assert "- D Social scoring: prohibited under EU AI Act Art. 5." in text
    assert (
        "- B Chatbot (rank 1): adding it with its prerequisite A would exceed the budget "
        "(it needs EUR 150,000, EUR 40,000 is left)." in text
    )
    assert "- A Data platform (rank 4): adding it would exceed the budget (it needs EUR 100,000" in text
    assert "applies to the weighted method only" in text
    assert "confirm the estimates behind its RICE score" in text
    # Next steps follow from the tiers in the portfolio.
    assert "high-risk obligations for C" in text and "For C, tell people" not in text
    assert "Start with use cases that need nothing else first: E Demand forecast, C CV screening" in text
    assert "Prepared for the executive committee.*" in text


def test_summary_robustness_in_words(small, stability):
    text = executive_summary(score(small), stability=stability)
    # B and E stay in the top 2 in at least 80% of the draws, C in 30%, A rarely.
    assert "stayed in the top 2" in text
    assert "**Safe picks** (at least 80%): B Chatbot (85%), E Demand forecast (80%)" in text
    assert "**Depend on the weights** (20% to 80%): C CV screening (30%)" in text
    assert "Agree the weights with the committee: the place of C depends on them." in text
    stability.loc[stability["id"] == "A", "p_top_k"] = 0.5
    stability.loc[stability["id"] == "B", "p_top_k"] = 0.4
    text = executive_summary(score(small), stability=stability)
    assert "the places of B, C and A depend on them" in text


def test_summary_is_deterministic_and_dated_only_when_asked(small):
    scored = score(small, "weighted", {"benefit": 3, "effort": 1})
    first = executive_summary(scored, weights={"benefit": 3, "effort": 1})
    assert first == executive_summary(scored, weights={"benefit": 3, "effort": 1})
    assert "yearly benefit 75%; effort 25% (less is better)" in first
    assert "2026" not in first and "2027" not in first
    dated = executive_summary(scored, weights={"benefit": 3, "effort": 1}, as_of="March 2027")
    assert "Prepared for the executive committee, March 2027.*" in dated


def test_summary_without_portfolio_or_robustness(small):
    text = executive_summary(score(small, "ice"), method="ice")
    assert "No portfolio was computed" in text
    assert "applies to the weighted method only" in text
    assert "In portfolio" not in text
    weighted = executive_summary(score(small))
    assert "Not tested yet" in weighted
    assert "Agree a budget and a team capacity" in weighted


def test_summary_when_nothing_fits(small):
    empty = select_portfolio(small, budget=1_000)
    text = executive_summary(score(small), empty)
    assert "nothing fits: raise the budget or the capacity" in text


def test_summary_names_the_company_of_the_catalog(small):
    case_study = load_company()["name"]
    assert company_name() == case_study == "Alvera Group SE"
    assert executive_summary(score(small)).startswith(f"# AI use-case priorities: {case_study}\n")
    for blank in ("", "   "):
        text = executive_summary(score(small), company=blank)
        assert text.startswith(f"# AI use-case priorities: {UNNAMED_COMPANY}\n")
        assert f"{UNNAMED_COMPANY} has 5 candidate AI use cases" in text and case_study not in text
    assert company_name("  Rhonea AG ") == "Rhonea AG"


def test_summary_top_limits_the_table(small):
    text = executive_summary(score(small, "rice"), method="rice", top=2)
    assert "## The top 2 use cases" in text
    assert "| 2 | E" in text and "| 3 | C" not in text


def test_summary_on_the_built_in_catalog_mentions_capacity():
    catalog = load_catalog()
    exact = select_portfolio(catalog, 1_500_000, capacity_pm=30)
    text = executive_summary(score(catalog), exact)
    assert "and a capacity of 30.0 person-months" in text
    assert "would exceed the capacity" in text
    assert "lower-ranked use cases did not fit within the limits either" in text


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda small: {"top": 0}, "top must be a whole number of 1 or more"),
        (lambda small: {"finance": pd.DataFrame({"id": ["A"]})}, "with its 'total' row"),
        (lambda small: {"portfolio": select_portfolio(load_catalog(), 100_000)}, "chosen from another table"),
        (lambda small: {"method": "rice", "stability": pd.DataFrame()}, "goes with the weighted method"),
    ],
)
def test_summary_refuses_the_wrong_tables(small, change, message):
    arguments = {"scored": score(small), **change(small)}
    with pytest.raises(BriefingError, match=message):
        executive_summary(**arguments)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda small: {"scored": small}, "missing column\\(s\\): score, rank, excluded_reason"),
        (lambda small: {"method": "moscow"}, "unknown method 'moscow'"),
        (lambda small: {"method": "rice", "weights": {"benefit": 1}}, "weights only apply to the weighted"),
        (
            lambda small: {"stability": pd.DataFrame({"id": ["A"]})},
            "missing column\\(s\\): name, rank, p_top_k",
        ),
    ],
)
def test_summary_refuses_tables_the_domain_did_not_make(small, change, message):
    arguments = {"scored": score(small), **change(small)}
    with pytest.raises(ScoringError, match=message):
        executive_summary(**arguments)


def test_shares_just_under_the_bar_are_not_rounded_up(small, stability):
    stability.loc[stability["id"] == "E", "p_top_k"] = 0.798
    stability.loc[stability["id"] == "A", "p_top_k"] = 0.052
    text = executive_summary(score(small, "weighted"), stability=stability)
    assert "E Demand forecast (79%)" in text


def test_export_csv_writes_the_ranked_table_that_loads_back(small, tmp_path):
    path = export_csv(score(small, "rice"), tmp_path / "ranked.csv")
    table = pd.read_csv(path, encoding="utf-8-sig", keep_default_na=False)
    assert table.columns[:7].tolist() == [
        "rank",
        "id",
        "name",
        "department",
        "score",
        "ai_act_tier",
        "excluded_reason",
    ]
    assert table["id"].tolist() == ["B", "E", "C", "A", "D"]
    assert table["rank"].tolist() == ["1", "2", "3", "4", ""]
    assert table["excluded_reason"].iloc[-1] == "prohibited under EU AI Act Art. 5"
    again = load_catalog(path)  # a learner can upload the export as a catalog
    assert again["id"].tolist() == ["B", "E", "C", "A", "D"]


def test_export_csv_reports_a_folder_that_does_not_exist(small, tmp_path):
    with pytest.raises(BriefingError, match="cannot write"):
        export_csv(score(small), tmp_path / "missing" / "ranked.csv")


def test_left_out_names_the_learners_exclusions_and_what_they_block(small):
    portfolio = select_portfolio(small, 1_000_000, excluded=["A"])  # B needs A
    text = executive_summary(score(small, "rice"), portfolio)
    left_out = text.split("## What was left out, and why")[1].split("##")[0]
    assert "- A Data platform: left out by choice." in left_out
    assert "- B Chatbot: needs A, which cannot be chosen." in left_out
    assert "- D Social scoring: prohibited under EU AI Act Art. 5." in left_out
