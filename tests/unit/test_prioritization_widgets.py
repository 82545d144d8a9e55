"""The prioritisation workbench and the portfolio planner, driven without a browser."""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd
import pytest

from caiokit import datafiles
from caiokit.catalog import load_catalog
from caiokit.charts import TIER_COLOURS
from caiokit.charts.prioritization import value_feasibility_chart
from caiokit.errors import CatalogError
from caiokit.finance import portfolio_finance
from caiokit.i18n import speaking
from caiokit.portfolio import greedy_portfolio, select_portfolio
from caiokit.reports.priorities import executive_summary
from caiokit.roadmap import plan_roadmap
from caiokit.scoring import CRITERIA, QUADRANTS, normalise_weights, quadrant, score
from caiokit.sensitivity import rank_stability
from caiokit.strategy import load_company
from caiokit.widgets import tool
from caiokit.widgets.layout import STYLESHEET, UPLOAD_CLASS
from caiokit.widgets.portfolio_planner import PortfolioPlanner
from caiokit.widgets.prioritization_workbench import PrioritizationWorkbench

GOOD_CSV = (
    b"id,name,reach,impact,confidence,effort_pm,cost_one_off_eur,benefit_yearly_eur,ai_act_tier\n"
    b"X1,Invoice reader,100,1,1.0,2,10000,50000,minimal\n"
    b"X2,Route planner,300,2,0.8,4,40000,90000,minimal\n"
    b"X3,Face scraping,500,3,1.0,1,5000,900000,prohibited\n"
)
# No 'reach' column, and a word where effort_pm needs a number.
BAD_CSV = (
    b"id,name,impact,confidence,effort_pm,cost_one_off_eur,benefit_yearly_eur\n"
    b"X1,Invoice reader,1,1.0,lots,10000,50000\n"
)

# GOOD_CSV as French Excel saves it: ';', decimal commas, French headers and tier labels, Windows-1252.
FRENCH_CSV = (
    "identifiant;nom;portée;impact;confiance;effort;coût ponctuel (€);bénéfice annuel (€);niveau RIA\n"
    "X1;Invoice reader;100;1;1,0;2;10 000;50 000;minimal\n"
    "X2;Route planner;300;2;0,8;4;40 000;90 000;minimal\n"
    "X3;Face scraping;500;3;1,0;1;5 000;900 000;interdit\n"
).encode("cp1252")
# No 'portée' column, and a word where the effort needs a number, in French.
FRENCH_BAD_CSV = (
    "identifiant;nom;impact;confiance;effort;coût ponctuel;bénéfice annuel\n"
    "X1;Lecteur de factures;1;1,0;beaucoup;10 000;50 000\n"
).encode("cp1252")


def ranked_ids(workbench: PrioritizationWorkbench) -> list[str]:
    """The use-case ids of the ranked table, top to bottom, as the browser test reads them."""
    return re.findall(r"class='caio-rank-id'[^>]*>([^<]+)</td>", workbench.ranking_tab.ranking.value)


def upload(workbench: PrioritizationWorkbench, name: str, content: bytes) -> None:
    """Do what the browser does when a learner picks a file in the FileUpload."""
    workbench.catalog_tab.upload.value = (
        {
            "name": name,
            "type": "text/csv",
            "size": len(content),
            "content": memoryview(content),
            "last_modified": dt.datetime(2027, 1, 1, tzinfo=dt.UTC),
        },
    )


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def test_moving_a_weight_rescores_with_the_same_normalised_weights(catalog):
    workbench = PrioritizationWorkbench()
    before = ranked_ids(workbench)
    assert before == score(catalog).sort_values("rank")["id"].head(15).tolist()
    workbench.weight_sliders["benefit"].value = 0.0
    workbench.weight_sliders["effort"].value = 1.0
    weights = normalise_weights(workbench.weights()).to_dict()
    expected = score(catalog, "weighted", weights, risk_adjust=True)
    pd.testing.assert_frame_equal(workbench.scored, expected)
    after = ranked_ids(workbench)
    assert after == expected.dropna(subset=["rank"]).sort_values("rank")["id"].head(15).tolist()
    assert after != before
    # Beside each slider, its share of the total: effort 1 of 1.70 in all.
    assert workbench.ranking_tab.weight_labels["effort"].value.startswith(f"= <b>{weights['effort']:.0%}</b>")
    assert "less is better" in workbench.ranking_tab.weight_labels["effort"].value
    assert workbench.ranking_tab.weight_labels["benefit"].value.startswith("= <b>0%</b>")


def test_risk_adjustment_and_top_n(catalog):
    workbench = PrioritizationWorkbench()
    workbench.risk_adjust.value = False
    pd.testing.assert_frame_equal(workbench.scored, score(catalog, risk_adjust=False))
    workbench.top_n.value = 5
    assert len(ranked_ids(workbench)) == 5
    assert (
        "UC06 Agent emotion monitoring: prohibited under EU AI Act Art. 5"
        in workbench.ranking_tab.excluded.value
    )


def test_switching_method(catalog):
    workbench = PrioritizationWorkbench()
    for method in ("rice", "ice", "wsjf"):
        workbench.method.value = method
        pd.testing.assert_frame_equal(workbench.scored, score(catalog, method))
        assert workbench.weights() is None
        assert workbench.ranking_tab.weights_box.layout.display == "none"
    assert ranked_ids(workbench) == score(catalog, "wsjf").sort_values("rank")["id"].head(15).tolist()
    workbench.method.value = "weighted"
    assert workbench.ranking_tab.weights_box.layout.display == ""


def test_all_weights_at_zero_says_so_and_keeps_the_last_ranking():
    workbench = PrioritizationWorkbench()
    *others, last_slider = workbench.weight_sliders.values()
    for slider in others:
        slider.value = 0.0
    last = workbench.scored
    last_slider.value = 0.0
    assert "At least one weight must be above 0" in workbench.ranking_tab.status.value
    assert workbench.scored is last
    workbench.weight_sliders["reach"].value = 1.0
    assert workbench.ranking_tab.status.value == ""


def test_budget_gives_the_exact_portfolio_highlighted_in_table_and_chart(catalog):
    workbench = PrioritizationWorkbench()
    workbench.budget.value = 600_000
    expected = select_portfolio(catalog, 600_000, capacity_pm=workbench.capacity.value)
    assert workbench.portfolio.selected == expected.selected
    assert workbench.portfolio.total_value == expected.total_value
    highlighted = re.findall(
        r"<tr class='caio-rank-row caio-in-portfolio caio-selected'.*?caio-rank-id'[^>]*>([^<]+)<",
        workbench.ranking_tab.ranking.value,
    )
    assert set(highlighted) == set(expected.selected) & set(ranked_ids(workbench))
    outlined = [
        point[0]
        for trace in workbench.quadrant_tab.figure.data
        for point, width in zip(trace.customdata, trace.marker.line.width, strict=True)
        if width == 3
    ]
    assert sorted(outlined) == sorted(expected.selected)
    assert "EUR 600,000" in workbench.portfolio_tab.portfolio_summary.value
    workbench.capacity.value = 10.0
    assert workbench.portfolio.selected == select_portfolio(catalog, 600_000, capacity_pm=10.0).selected
    workbench.budget.value = 0
    assert workbench.portfolio.selected == ()
    assert "Nothing fits" in workbench.portfolio_tab.portfolio_summary.value


def test_infeasible_limits_show_the_reason_in_plain_words():
    workbench = PrioritizationWorkbench()
    workbench.budget.value = 1_000_000
    workbench.mandatory.value = ("UC08", "UC30", "UC27")
    assert workbench.portfolio is None
    message = workbench.portfolio_tab.portfolio_summary.value
    assert "No portfolio is possible" in message
    assert (
        "<li>the mandatory use cases (UC08, UC30, UC27) cost 1,180,000, more than the budget of 1,000,000</li>"
        in message
    )
    assert "caio-in-portfolio" not in workbench.ranking_tab.ranking.value
    workbench.mandatory.value = ("UC06",)
    assert (
        "UC06 is mandatory but prohibited under EU AI Act Art. 5"
        in workbench.portfolio_tab.portfolio_summary.value
    )
    workbench.mandatory.value = ("UC27",)
    assert "UC27" in workbench.portfolio.selected


def test_robustness_check(catalog):
    workbench = PrioritizationWorkbench()
    workbench.method.value = "rice"
    workbench.robustness_tab.stability_button.click()
    assert workbench.robustness_tab.stability is None
    assert "only works for the <b>weighted</b> method" in workbench.robustness_tab.stability_message.value
    workbench.method.value = "weighted"
    workbench.weight_sliders["impact"].value = 0.4
    workbench.robustness_tab.stability_button.click()
    expected = rank_stability(catalog, workbench.weights(), k=10, n_samples=500)
    pd.testing.assert_frame_equal(workbench.robustness_tab.stability, expected)
    bars = workbench.robustness_tab.stability_figure.data[0]
    assert len(bars.y) == 15
    assert bars.y[0].startswith("1. ")
    assert list(bars.x) == expected.sort_values("rank")["p_top_k"].head(15).round(4).tolist()
    safe = int((expected["p_top_k"] >= 0.8).sum())
    assert f"<b>{safe}</b> use cases stay in the top 10" in workbench.robustness_tab.stability_message.value
    workbench.budget.value = 900_000  # the ranking does not depend on the budget
    assert workbench.robustness_tab.stability is not None
    workbench.weight_sliders["impact"].value = 0.1
    assert workbench.robustness_tab.stability is None
    assert "click the button again" in workbench.robustness_tab.stability_message.value


def test_malformed_upload_lists_every_problem_and_keeps_the_catalog():
    workbench = PrioritizationWorkbench()
    catalog, scored = workbench.catalog, workbench.scored
    upload(workbench, "my_cases.csv", BAD_CSV)
    message = workbench.catalog_tab.upload_message.value
    assert "my_cases.csv was not loaded" in message and "these 2 problems" in message
    assert "<li>column &#x27;reach&#x27; is missing" in message
    assert "<li>row 2, column effort_pm: &#x27;lots&#x27; is not a number</li>" in message
    assert workbench.catalog is catalog and workbench.scored is scored
    assert workbench.catalog_tab.upload.value == ()  # ready for the fixed file
    assert workbench.load(b"PK\x03\x04 not really a workbook", name="cases.xlsx") is False
    assert "this is an Excel workbook, not a CSV file" in workbench.catalog_tab.upload_message.value
    assert workbench.load("/no/such/file.csv") is False
    assert "file not found" in workbench.catalog_tab.upload_message.value
    assert workbench.catalog is catalog


def test_upload_button_shows_its_label_not_a_count_of_files():
    workbench = PrioritizationWorkbench()
    button = workbench.catalog_tab.upload
    assert button.tooltip == button.description == "Upload a CSV"
    assert UPLOAD_CLASS in button._dom_classes
    # ipywidgets writes "description (number of files held)"; the course's stylesheet hides that text and
    # shows the tooltip instead, so no "(0)" stays on the button after the file has been read.
    assert f".widget-upload.{UPLOAD_CLASS} {{ font-size: 0; }}" in STYLESHEET
    assert f".widget-upload.{UPLOAD_CLASS}::after {{\n  content: attr(title);" in STYLESHEET
    upload(workbench, "two_cases.csv", GOOD_CSV)
    assert button.value == () and button.tooltip == "Upload a CSV"


def test_upload_of_the_first_rows_of_the_built_in_catalog_loads_with_notes():
    workbench = PrioritizationWorkbench()
    built_in = datafiles.worded("catalog.csv", on="id").to_csv(index=False)
    lines = built_in.encode("utf-8").splitlines(keepends=True)
    upload(workbench, "first_12.csv", b"".join(lines[:13]))
    message = workbench.catalog_tab.upload_message.value
    assert "Loaded <b>12</b> use cases from first_12.csv" in message
    assert "Prerequisites outside this file:" in message and message.count("<li>") == 3
    assert "UC11 depends on UC36, which is not in this catalog" in message
    assert len(workbench.catalog) == 12 and workbench.portfolio is not None


def test_good_upload_replaces_the_catalog():
    workbench = PrioritizationWorkbench()
    upload(workbench, "two_cases.csv", GOOD_CSV)
    assert "Loaded <b>3</b> use cases from two_cases.csv" in workbench.catalog_tab.upload_message.value
    assert workbench.catalog["id"].tolist() == ["X1", "X2", "X3"]
    assert ranked_ids(workbench) == score(workbench.catalog).sort_values("rank")["id"].head(2).tolist()
    assert "X3 Face scraping: prohibited" in workbench.ranking_tab.excluded.value
    assert workbench.budget.max == 60_000 and workbench.budget.value == 60_000
    assert [value for _, value in workbench.mandatory.options] == ["X1", "X2", "X3"]
    assert workbench.portfolio.selected == ("X1", "X2")


def test_a_french_learners_excel_file_ranks_as_the_same_catalog_in_english():
    english = PrioritizationWorkbench()
    upload(english, "two_cases.csv", GOOD_CSV)
    with speaking("fr"):
        french = PrioritizationWorkbench()
        upload(french, "mes_cas.csv", FRENCH_CSV)
        message = french.catalog_tab.upload_message.value
    assert "<b>3</b>" in message and "mes_cas.csv" in message and "caio-error" not in message
    pd.testing.assert_frame_equal(french.catalog, english.catalog)
    words = ["excluded_reason"]  # the only column of the scored table in the language in use
    pd.testing.assert_frame_equal(french.scored.drop(columns=words), english.scored.drop(columns=words))
    assert ranked_ids(french) == ranked_ids(english) == ["X2", "X1"]
    assert french.portfolio.selected == english.portfolio.selected


def test_a_broken_french_file_is_explained_in_french_and_keeps_the_catalog():
    with speaking("fr"):
        workbench = PrioritizationWorkbench()
        catalog, scored = workbench.catalog, workbench.scored
        upload(workbench, "mes_cas.csv", FRENCH_BAD_CSV)
    message = workbench.catalog_tab.upload_message.value
    assert "<b>mes_cas.csv n'a pas été chargé.</b> Corrigez ces 2 problèmes" in message
    assert (
        "<li>la colonne &#x27;portée&#x27; est absente (colonnes obligatoires\u00a0: identifiant, nom, portée, "
        "impact, confiance, effort, coût ponctuel, bénéfice annuel)</li>"
    ) in message
    assert "<li>ligne 2, colonne effort\u00a0: &#x27;beaucoup&#x27; n&#x27;est pas un nombre</li>" in message
    assert workbench.catalog is catalog and workbench.scored is scored


def test_the_catalog_tab_says_which_files_load_in_the_language_in_use():
    help_text = PrioritizationWorkbench().catalog_tab.widget.children[0].value
    assert "(required columns: id, name, reach, impact, confidence, effort_pm, cost_one_off_eur," in help_text
    assert "separated by commas or semicolons, with decimal points or commas" in help_text
    with speaking("fr"):
        help_text = PrioritizationWorkbench().catalog_tab.widget.children[0].value
    assert "(colonnes obligatoires\u00a0: identifiant, nom, portée, impact, confiance, effort," in help_text
    assert "des points-virgules" in help_text and "des virgules décimales" in help_text
    assert "des en-têtes en français" in help_text


def test_export_writes_csv_and_summary_in_the_current_folder(tmp_path, monkeypatch, catalog):
    monkeypatch.chdir(tmp_path)
    workbench = PrioritizationWorkbench()
    workbench.robustness_tab.stability_button.click()
    workbench.catalog_tab.stem.value = "board_pack"
    workbench.catalog_tab.export_button.click()
    csv_path, md_path = tmp_path / "board_pack.csv", tmp_path / "board_pack.md"
    assert "Saved <b>board_pack.csv</b>" in workbench.catalog_tab.export_message.value
    assert "<b>board_pack.md</b>" in workbench.catalog_tab.export_message.value
    exported = pd.read_csv(csv_path, encoding="utf-8-sig")
    assert exported["id"].tolist()[:15] == ranked_ids(workbench)
    finance = portfolio_finance(catalog, workbench.portfolio.selected, 0.08, 3)
    expected = executive_summary(
        workbench.scored,
        workbench.portfolio,
        workbench.robustness_tab.stability,
        finance,
        "weighted",
        workbench.weights(),
        risk_adjusted=True,
        rate=0.08,
        years=3,
    )
    assert md_path.read_text(encoding="utf-8") == expected
    assert "**Safe picks**" in expected and "Net present value over 3 years" in expected


def test_export_names_the_company_of_the_catalog_in_use(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    workbench = PrioritizationWorkbench()
    assert workbench.catalog_tab.company.value == load_company()["name"]
    workbench.catalog_tab.export_button.click()
    assert (
        (tmp_path / "alvera_priorities.md")
        .read_text(encoding="utf-8")
        .startswith("# AI use-case priorities: Alvera Group SE\n")
    )
    upload(workbench, "two_cases.csv", GOOD_CSV)
    assert (
        workbench.catalog_tab.company.value == ""
        and workbench.catalog_tab.company.placeholder == "Your organisation"
    )
    assert "Company field" in workbench.catalog_tab.upload_message.value
    assert workbench.catalog_tab.stem.value == "my_priorities"
    workbench.catalog_tab.export_button.click()
    summary = (tmp_path / "my_priorities.md").read_text(encoding="utf-8")
    assert summary.startswith("# AI use-case priorities: Your organisation\n") and "Alvera" not in summary
    workbench.catalog_tab.company.value = "Rhonea AG"
    workbench.catalog_tab.stem.value = "rhonea"
    workbench.catalog_tab.export_button.click()
    summary = (tmp_path / "rhonea.md").read_text(encoding="utf-8")
    assert "Rhonea AG has 3 candidate AI use cases" in summary and "Alvera" not in summary


def test_export_refuses_a_path_as_file_name(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    workbench = PrioritizationWorkbench()
    for stem in ("../elsewhere", "", "summary.md"):
        workbench.catalog_tab.stem.value = stem
        workbench.catalog_tab.export_button.click()
        assert "without a folder or extension" in workbench.catalog_tab.export_message.value
    assert list(tmp_path.iterdir()) == []


def test_browser_hooks_are_in_place():
    workbench = PrioritizationWorkbench()
    assert "caio-ranking" in workbench.ranking_tab.ranking._dom_classes
    first = next(iter(workbench.weight_sliders))
    assert first == next(iter(CRITERIA)) == "benefit"
    for name, slider in workbench.weight_sliders.items():
        assert f"caio-weight-{name}" in slider._dom_classes
    assert workbench.ranking_tab.ranking.value.count("class='caio-rank-id'") == 15


def test_tools_stay_silent_under_nbgrader(monkeypatch):
    shown = []
    monkeypatch.setattr(tool, "display", shown.append)
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    PrioritizationWorkbench().show()
    PortfolioPlanner().show()
    assert shown == []
    monkeypatch.delenv("NBGRADER_EXECUTION")
    PortfolioPlanner().show()
    assert len(shown) == 1


def test_planner_compares_exact_and_greedy(catalog):
    planner = PortfolioPlanner()
    limits = {"budget": planner.budget.value, "capacity_pm": planner.capacity.value, "max_high_risk": 3}
    assert planner.exact.selected == select_portfolio(catalog, **limits).selected
    assert planner.greedy.selected == greedy_portfolio(catalog, **limits).selected
    assert planner.exact.total_value >= planner.greedy.total_value
    lost = planner.exact.total_value - planner.greedy.total_value
    assert lost > 0  # the default limits show the greedy shortcut losing value
    share = lost / planner.exact.total_value
    assert f"<b>{share:.1%}</b> less than the best combination" in planner.comparison.value
    planner.budget.value = 300_000
    planner.capacity.value = 12.0
    planner.max_high_risk.value = 0
    limits = {"budget": 300_000, "capacity_pm": 12.0, "max_high_risk": 0}
    assert planner.exact.selected == select_portfolio(catalog, **limits).selected
    assert planner.exact.total_value >= planner.greedy.total_value


def test_planner_roadmap_and_finance(catalog):
    planner = PortfolioPlanner()
    roadmap = plan_roadmap(planner.exact, planner.pm_per_quarter.value, start="2027-Q1", horizon_quarters=8)
    pd.testing.assert_frame_equal(planner.roadmap.table, roadmap.table)
    scheduled = roadmap.table[roadmap.table["scheduled"]]
    gantt_rows = [label for trace in planner.gantt_figure.data for label in trace.y]
    assert sorted(gantt_rows) == sorted(f"{row.id} {row.name}" for row in scheduled.itertuples())
    assert list(planner.gantt_figure.layout.xaxis.ticktext) == list(roadmap.quarters)
    assert planner.load_figure.data[0].x == roadmap.quarters
    assert planner.roadmap.scheduled_ids == planner.exact.selected  # the default limits fit the horizon
    assert planner.not_counted.value == ""
    planner.pm_per_quarter.value = 2.0
    assert planner.roadmap.capacity_pm_per_quarter == 2.0
    assert "Left out of the plan" in planner.unscheduled.value

    scheduled = planner.roadmap.scheduled_ids
    assert scheduled == tuple(planner.roadmap.table.loc[planner.roadmap.table["scheduled"], "id"])
    pd.testing.assert_frame_equal(planner.finance, portfolio_finance(catalog, scheduled, 0.08, 3))
    assert planner.finance["id"].iloc[-1] == "total"
    assert "Portfolio total" in planner.finance_table.value
    npv_before = planner.finance["npv_eur"].iloc[-1]
    planner.rate.value = 0.15
    planner.years.value = 5
    assert planner.finance["npv_eur"].iloc[-1] == pytest.approx(
        portfolio_finance(catalog, scheduled, 0.15, 5)["npv_eur"].iloc[-1]
    )
    assert planner.finance["npv_eur"].iloc[-1] != npv_before


def test_planner_value_counts_only_what_the_roadmap_schedules():
    planner = PortfolioPlanner()
    planner.pm_per_quarter.value = 2.0
    left_out = planner.roadmap.unscheduled
    assert len(left_out) >= 1
    counted = set(planner.finance["id"]) - {"total"}
    assert counted == set(planner.roadmap.scheduled_ids) and counted < set(planner.exact.selected)
    assert "Not counted, because the roadmap leaves them out" in planner.not_counted.value
    for row in left_out.itertuples():
        assert f"<li>{row.id} {row.name}: {row.reason}</li>" in planner.not_counted.value
        assert f"{row.id} {row.name}" not in planner.finance_table.value
    planner.pm_per_quarter.value = 8.0
    assert planner.not_counted.value == ""
    assert set(planner.finance["id"]) - {"total"} == set(planner.exact.selected)


def test_planner_value_when_the_roadmap_schedules_nothing(catalog):
    slow = catalog[catalog["id"] == "UC32"].assign(time_to_value_months=30)  # ten quarters, horizon eight
    planner = PortfolioPlanner(slow)
    assert planner.exact.selected == ("UC32",) and planner.roadmap.scheduled_ids == ()
    assert planner.finance is None
    assert "schedules none of the chosen use cases" in planner.finance_table.value
    assert "UC32" in planner.not_counted.value and "horizon" in planner.not_counted.value


def test_planner_shows_clashing_limits_and_clears_the_rest():
    planner = PortfolioPlanner()
    planner.mandatory.value = ("UC08",)
    planner.excluded.value = ("UC08",)
    assert planner.exact is None and planner.greedy is None
    assert planner.roadmap is None and planner.finance is None
    assert "UC08 is both mandatory and excluded" in planner.message.value
    planner.excluded.value = ()
    assert planner.message.value == ""
    assert "UC08" in planner.exact.selected and "UC08" in planner.greedy.selected


def test_planner_with_nothing_affordable():
    planner = PortfolioPlanner()
    planner.budget.value = 0
    assert planner.exact.selected == ()
    assert "Nothing fits" in planner.comparison.value
    assert planner.finance is None
    assert "Choose at least one use case" in planner.finance_table.value
    assert planner.gantt_figure.layout.annotations[0].text.startswith("Nothing scheduled")
    assert planner.load_figure is None


def test_both_tools_take_a_subset_of_the_catalog(catalog):
    marketing = catalog[catalog["department"] == "marketing"]  # UC14 needs UC32, outside the subset
    workbench = PrioritizationWorkbench(marketing)
    pd.testing.assert_frame_equal(workbench.scored, score(marketing.reset_index(drop=True)))
    assert set(ranked_ids(workbench)) <= set(marketing["id"])
    planner = PortfolioPlanner(marketing)
    assert set(planner.exact.selected) <= set(marketing["id"])
    assert planner.exact.total_value >= planner.greedy.total_value


def test_a_table_with_only_the_required_columns_works():
    minimal = pd.DataFrame(
        {
            "id": ["M1", "M2"],
            "name": ["one", "two"],
            "reach": [10, 20],
            "impact": [1.0, 2.0],
            "confidence": [1.0, 0.5],
            "effort_pm": [1.0, 2.0],
            "cost_one_off_eur": [1000.0, 3000.0],
            "benefit_yearly_eur": [5000.0, 4000.0],
        }
    )
    workbench = PrioritizationWorkbench(minimal)
    assert ranked_ids(workbench) == ["M1", "M2"]
    planner = PortfolioPlanner(minimal)
    assert planner.exact.selected == ("M1", "M2")
    assert planner.max_high_risk.value == 0
    with pytest.raises(CatalogError, match="column 'reach' is missing"):
        PortfolioPlanner(minimal.drop(columns="reach"))


def test_a_new_catalog_clears_the_robustness_check():
    workbench = PrioritizationWorkbench()
    workbench.robustness_tab.stability_button.click()
    assert workbench.robustness_tab.stability_figure is not None
    assert workbench.load(GOOD_CSV, name="two_cases.csv") is True
    assert workbench.robustness_tab.stability is None and workbench.robustness_tab.stability_figure is None
    assert "click the button again" in workbench.robustness_tab.stability_message.value


def test_bubble_chart_quadrant_lines_match_the_quadrants(catalog):
    scored = score(catalog)
    points = quadrant(catalog).assign(score=scored["score"], rank=scored["rank"])
    figure = value_feasibility_chart(points, selected=["UC27"])
    value_line, feasibility_line = figure.layout.shapes
    quadrants = points.set_index("id")["quadrant"]
    for trace in figure.data:
        assert trace.marker.color == TIER_COLOURS[trace.name]
        for use_case, x, y in zip((row[0] for row in trace.customdata), trace.x, trace.y, strict=True):
            high = (y >= round(value_line.y0, 4), x >= round(feasibility_line.x0, 4))
            assert QUADRANTS[high] == quadrants[use_case]
    shown = sum(len(trace.x) for trace in figure.data)
    assert shown == len(catalog) - 2  # the two prohibited use cases have no place in the 2x2
    assert {annotation.text for annotation in figure.layout.annotations} == {
        f"<b>{place.label}</b>" for place in QUADRANTS.values()
    }


def test_colours_come_from_the_stylesheet_classes():
    workbench = PrioritizationWorkbench()
    workbench.budget.value = 600_000
    assert "<table class='caio-table'" in workbench.ranking_tab.ranking.value
    assert "caio-selected" in workbench.ranking_tab.ranking.value
    upload(workbench, "my_cases.csv", BAD_CSV)
    assert "class='caio-upload-problems caio-error'" in workbench.catalog_tab.upload_message.value
    planner = PortfolioPlanner()
    assert "<table class='caio-table'" in planner.comparison.value
    assert "<table class='caio-table'" in planner.finance_table.value
    planner.mandatory.value = ("UC08",)
    planner.excluded.value = ("UC08",)
    assert "caio-error" in planner.message.value
    # Only the EU AI Act tier dots keep their own colour: it is data, the same in every theme.
    ranking = re.sub(r"<span style='color:#[0-9a-f]{6}'>●</span>", "●", workbench.ranking_tab.ranking.value)
    for text in (
        ranking,
        workbench.catalog_tab.upload_message.value,
        planner.message.value,
        planner.finance_table.value,
    ):
        assert not re.search(r"color:|background:|#[0-9a-fA-F]{3,6}\b", text)


def test_the_team_pace_slider_runs_up_to_the_team_capacity():
    """The trial's learner could not set 8 pm per quarter on a track running to about 200 (the whole catalog)."""
    planner = PortfolioPlanner()
    assert planner.pm_per_quarter.max == planner.capacity.value == 30.0
    assert planner.pm_per_quarter.value == 8.0
    planner.capacity.value = 6.0
    assert planner.pm_per_quarter.max == 6.0 and planner.pm_per_quarter.value == 6.0
    assert planner.roadmap is None or planner.roadmap.capacity_pm_per_quarter == 6.0
    planner.capacity.value = 0.0
    assert planner.pm_per_quarter.max == 1.0
