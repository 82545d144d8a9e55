"""Lesson 10 (capstone): the 90-day plan's domain, its checks, its quiz bank and the planner widget."""

from __future__ import annotations

import math
from dataclasses import replace

import pandas as pd
import pytest

from caiokit.adkar import AdkarError
from caiokit.aiact import max_fine
from caiokit.catalog import load_catalog
from caiokit.checks import capstone as checks
from caiokit.errors import CatalogError, RoadmapError, ScoringError
from caiokit.exercises import Status
from caiokit.literacy import LiteracyError
from caiokit.maturity import MaturityError
from caiokit.ninety_days import (
    PLANNED_SHARE,
    WEIGHT_PRESETS,
    NinetyDayError,
    NinetyDayPlan,
    Phase,
    WeightPreset,
    build_plan,
    check_plan,
    default_choices,
    explain_choices,
    explain_presets,
    parse_notes,
    plan_catalog,
    split_headcount,
    weights_for,
)
from caiokit.quiz import load_bank
from caiokit.reports.ninety_day_plan import to_markdown
from caiokit.scoring import Quadrant, quadrant
from caiokit.stakeholders import StakeholderError
from caiokit.teams import Role
from caiokit.widgets.ninety_day_planner import NinetyDayPlanner

OWN_CATALOG = (
    "id,name,reach,impact,confidence,effort_pm,cost_one_off_eur,benefit_yearly_eur\n"
    "LC1,Contract clause finder,500,2,0.8,3,60000,150000\n"
    "LC2,Warehouse pick-path planner,200,1,1.0,4,90000,120000\n"
    "LC3,Meeting-notes summariser,800,0.5,0.8,1,20000,40000\n"
)
# Two problems: a confidence the scale does not have, and an effort that is not a number.
MALFORMED_CATALOG = (
    "id,name,reach,impact,confidence,effort_pm,cost_one_off_eur,benefit_yearly_eur\n"
    "LC1,Contract clause finder,500,2,0.7,3,60000,150000\n"
    "LC2,Warehouse pick-path planner,200,1,1.0,four,90000,120000\n"
)
AMBITION = "By 2030, AI helps every Alvera team serve customers faster and waste less, lawfully."
DEFAULT_PORTFOLIO = {"UC40", "UC38", "UC02", "UC17", "UC16", "UC35", "UC19", "UC12", "UC26", "UC34"}


@pytest.fixture(scope="module")
def default_plan() -> NinetyDayPlan:
    return build_plan()


@pytest.fixture(scope="module")
def clean_plan() -> NinetyDayPlan:
    return build_plan({"ambition": AMBITION})


@pytest.fixture(scope="module")
def catalog() -> pd.DataFrame:
    return load_catalog().set_index("id")


# --- choices ----------------------------------------------------------------------------------------


def test_default_choices_are_a_fresh_copy():
    first = default_choices()
    first["triage_notes"]["UC18"] = "changed"
    first["maturity_answers"]["ERU1"] = 5
    second = default_choices()
    assert second["triage_notes"] == {} and second["maturity_answers"]["ERU1"] == 1


def test_explain_choices_covers_every_choice():
    table = explain_choices()
    assert list(table.index) == list(default_choices())
    assert table.loc["budget_eur", "default"] == "1000000"
    assert table.loc["stakeholders", "default"] == "10 rows"
    assert table["meaning"].str.len().min() > 10


def test_weights_for_presets_and_custom():
    assert weights_for("Balanced") == (WeightPreset.BALANCED, WEIGHT_PRESETS[WeightPreset.BALANCED])
    for weights in WEIGHT_PRESETS.values():
        assert sum(weights.values()) == pytest.approx(1.0)
    # A preset is named by its label or its id.
    assert weights_for("value first")[0] is weights_for("value_first")[0] is WeightPreset.VALUE_FIRST
    assert weights_for({"benefit": 2, "effort": 1}) == (WeightPreset.CUSTOM, {"benefit": 2, "effort": 1})
    with pytest.raises(
        NinetyDayError, match="'value-first' is not a weights preset; use one of 'balanced', "
    ):
        weights_for("value-first")
    for not_a_preset in (3, "custom"):
        with pytest.raises(NinetyDayError, match="not a weights preset"):
            weights_for(not_a_preset)


def test_phases_and_presets_are_categories_with_stable_ids():
    assert [phase.value for phase in Phase] == ["listen", "decide", "launch"]
    assert Phase("decide") is Phase.DECIDE and Phase.DECIDE.label == "Days 31-60: decide"
    assert Phase.parse("days 61-90: LAUNCH") is Phase.LAUNCH and Phase.parse("later") is None
    assert [preset.value for preset in WEIGHT_PRESETS] == ["balanced", "value_first", "feasibility_first"]
    assert WeightPreset.parse("Feasibility First") is WeightPreset.FEASIBILITY_FIRST


def test_the_presets_table_shows_each_preset_under_its_label():
    table = explain_presets()
    assert list(table.columns) == ["balanced", "value first", "feasibility first"]
    assert table.loc["benefit", "value first"] == WEIGHT_PRESETS[WeightPreset.VALUE_FIRST]["benefit"]
    meaning = explain_choices().loc["weights", "meaning"]
    assert (
        meaning
        == "A weights preset (balanced, value first, feasibility first) or a dict of criterion -> weight."
    )


def test_parse_notes():
    text = "uc18: FRIA with legal by June\n\n  UC22 - human review of every shortlist  \n"
    assert parse_notes(text) == {"UC18": "FRIA with legal by June", "UC22": "human review of every shortlist"}
    assert parse_notes("") == {}
    with pytest.raises(NinetyDayError, match="line 2 of the triage notes, 'no id here'"):
        parse_notes("UC18: fine\nno id here")


def test_split_headcount_by_largest_remainder():
    workload = pd.DataFrame({"data_scientist": [2.0, 1.0], "ml_engineer": [1.0, 0.0]})
    # Shares 3/4 and 1/4: 4 people -> 3 and 1; 3 people -> quotas 2.25 and 0.75 -> 2 and 1.
    assert split_headcount(4, workload)["data_scientist"] == 3
    three = split_headcount(3, workload)
    assert (three["data_scientist"], three["ml_engineer"]) == (2, 1)
    assert sum(three.values()) == 3 and list(three) == list(Role)
    assert set(split_headcount(0, workload).values()) == {0}
    # No work yet: the people are spread evenly, in the roles' order.
    empty = split_headcount(3, pd.DataFrame(columns=list(Role), dtype=float))
    assert [role for role, people in empty.items() if people] == list(Role)[:3]


@pytest.mark.parametrize("people", [-1, 2.5, True, "3"])
def test_split_headcount_rejects_bad_counts(people):
    with pytest.raises(NinetyDayError, match="headcount should be a whole number"):
        split_headcount(people, pd.DataFrame())


# --- build_plan -------------------------------------------------------------------------------------


def test_default_plan_gathers_every_tool(default_plan, catalog):
    plan = default_plan
    assert plan.company == "Alvera Group SE" and plan.ambition == ""
    assert [key for key, _ in plan.objectives] == ["O1", "O2", "O3", "O4"]
    assert plan.maturity.level == "Adopted" and plan.maturity.overall_score == pytest.approx(2.0)
    assert plan.stakeholders.loc[0, "name"] == "Works council"  # manage closely, the only opponent there
    assert set(plan.selected) == DEFAULT_PORTFOLIO
    assert list(plan.use_cases["rank"]) == sorted(plan.use_cases["rank"])
    # Totals by hand from the catalog.
    chosen = catalog.loc[list(plan.selected)]
    assert plan.totals["one_off_eur"] == chosen["cost_one_off_eur"].sum() == 455_000
    assert plan.totals["effort_pm"] == 25 <= 8 * 4 * PLANNED_SHARE
    assert plan.totals["yearly_benefit_eur"] == chosen["benefit_yearly_eur"].sum()
    assert plan.totals["npv_eur"] > 0 and 0 < plan.totals["payback_years"] < 1
    assert plan.tiers == dict(chosen["ai_act_tier"]) and plan.tiers["UC12"] == "transparency"
    assert plan.triage_basis["UC12"].startswith("Art. 50(2)")
    assert plan.triage_basis["UC02"] == "catalog tier minimal"


def test_default_plan_launch_pieces(default_plan):
    plan = default_plan
    corner = quadrant(load_catalog(), weights=WEIGHT_PRESETS["balanced"]).set_index("id")["quadrant"]
    assert plan.quick_wins == ("UC40", "UC02", "UC17")
    assert all(corner[use_case] == Quadrant.QUICK_WIN for use_case in plan.quick_wins)
    assert plan.roadmap.table["scheduled"].all() and plan.roadmap.quarters[0] == "2027-Q1"
    assert plan.team_size == 3 and plan.team_capacity_pm_per_quarter == 9
    assert plan.team.loc["data_scientist", "people"] == 1 and tuple(plan.team.index) == tuple(Role)
    assert plan.team_gaps["mlops_engineer"] > 0 and "data_scientist" not in plan.team_gaps
    assert plan.literacy_totals["total_hours"] == 11_896
    assert plan.adkar.barrier == "Desire"
    assert list(plan.milestones) == list(Phase) and all(plan.milestones.values())
    assert plan.milestones[Phase.LISTEN][0].startswith("Meet the 5 stakeholders to manage closely")
    assert "UC02, UC17, UC38, UC40" in plan.milestones["launch"][1]  # a phase's id finds it too


def test_weights_preset_changes_the_portfolio(default_plan):
    value_first = build_plan({"weights": "value first"})
    assert "UC32" in value_first.selected and "UC32" not in default_plan.selected
    assert value_first.weights_preset is WeightPreset.VALUE_FIRST
    custom = build_plan({"weights": {"benefit": 2, "effort": 1}})
    assert custom.weights_preset is WeightPreset.CUSTOM


def test_mandatory_use_case_is_planned_first():
    plan = build_plan({"mandatory": ["UC18"]})
    table = plan.roadmap.table.set_index("id")
    assert table.loc["UC18", "start_quarter"] == "2027-Q1" and table.loc["UC18", "end_quarter"] == "2027-Q4"
    assert plan.totals["one_off_eur"] == 575_000
    assert DEFAULT_PORTFOLIO - set(plan.selected) == {"UC35", "UC19", "UC34"}


def test_headcount_as_a_dict_is_used_as_given():
    plan = build_plan({"headcount": {"ML engineer": 2, "data_engineer": 1}})
    assert plan.headcount["ml_engineer"] == 2 and plan.headcount["data_engineer"] == 1 and plan.team_size == 3
    assert plan.team.loc["data_scientist", "people"] == 0 and "data_scientist" in plan.team_gaps
    decide = plan.milestones[Phase.DECIDE]
    assert any("data scientist " in item and "data_scientist" not in item for item in decide)


def test_extra_milestones_are_added_after_the_generated_ones(default_plan):
    plan = build_plan({"milestones": {"decide": ["Agree a steering-group charter"]}})
    assert plan.milestones[Phase.DECIDE][-1] == "Agree a steering-group charter"
    assert len(plan.milestones[Phase.DECIDE]) == len(default_plan.milestones[Phase.DECIDE]) + 1
    # A phase may be named by its label, as the plan's document heads it.
    by_label = build_plan({"milestones": {"Days 61-90: launch": ["Hold a demo day"]}})
    assert by_label.milestones[Phase.LAUNCH][-1] == "Hold a demo day"


def test_max_high_risk_limits_the_portfolio():
    plan = build_plan({"max_high_risk": 0, "mandatory": ["UC18"]})
    assert "include 1 high-risk ones, more than the maximum of 0" in plan.portfolio_problem


def test_clashing_limits_keep_only_the_must_haves():
    plan = build_plan({"mandatory": ["UC14", "UC27"], "budget_eur": 500_000})
    assert set(plan.selected) == {"UC14", "UC27", "UC08", "UC32"}
    assert "cost 1,250,000, more than the budget of 500,000" in plan.portfolio_problem


@pytest.mark.parametrize(
    ("choices", "message"),
    [
        ({"budget": 5}, "'budget' is not a choice of the plan \\(did you mean 'budget_eur'\\?\\)"),
        ({"budget_eur": -1}, "budget_eur should be a number of 0 or more"),
        ({"budget_eur": "1M"}, "budget_eur should be a number"),
        ({"capacity_pm_per_quarter": 0}, "capacity_pm_per_quarter should be a number above 0"),
        ({"horizon_quarters": 0}, "horizon_quarters should be a whole number of 1 or more"),
        ({"max_high_risk": -1}, "max_high_risk should be a whole number of 0 or more"),
        ({"headcount": -2}, "headcount should be a whole number of 0 or more"),
        (
            {"headcount": {"wizard": 1}},
            "unknown role\\(s\\) wizard; the roles are data scientist, ML engineer,",
        ),
        ({"headcount": {"ML engineer": 1.5}}, "headcount of ML engineer should be a whole number"),
        ({"headcount": {"ml_engineer": 1.5}}, "headcount of ML engineer should be a whole number"),
        ({"mandatory": ["UC99"]}, "mandatory: UC99 not in the catalog"),
        ({"excluded": 5}, "excluded should be a list of use case ids"),
        ({"mandatory": ["UC02"], "excluded": ["uc02"]}, "UC02 both must be included and left out"),
        ({"weights": "bold"}, "'bold' is not a weights preset"),
        ({"triage_notes": {"UC18": 3}}, "triage_notes should be a dict"),
        ({"milestones": {"later": ["x"]}}, "the phases are 'listen', 'decide', 'launch'"),
        ({"milestones": {"launch": "one text"}}, "milestones should be a dict of phase -> list"),
        ({"stakeholders": [("CEO", 5)]}, "stakeholders should be rows"),
    ],
)
def test_build_plan_rejects_bad_choices(choices, message):
    with pytest.raises(NinetyDayError, match=message):
        build_plan(choices)


def test_build_plan_rejects_a_non_mapping():
    with pytest.raises(NinetyDayError, match="choices should be a dict"):
        build_plan(["budget_eur", 5])


@pytest.mark.parametrize(
    ("choices", "error"),
    [
        ({"maturity_answers": {"ERU1": 9}}, MaturityError),
        ({"stakeholders": [("CEO", 9, 4, 2)]}, StakeholderError),
        ({"literacy_hours": {"interns": 3}}, LiteracyError),
        ({"literacy_hours": {"AI users": math.inf}}, LiteracyError),
        ({"adkar_scores": {"Awareness": 4}}, AdkarError),
        ({"start_quarter": "next year"}, RoadmapError),
        ({"weights": {"beauty": 1}}, ScoringError),
    ],
)
def test_errors_of_the_other_tools_pass_through(choices, error):
    with pytest.raises(error):
        build_plan(choices)


@pytest.fixture
def own_catalog(tmp_path):
    path = tmp_path / "my_cases.csv"
    path.write_text(OWN_CATALOG, encoding="utf-8")
    return path


@pytest.fixture
def malformed_catalog(tmp_path):
    path = tmp_path / "broken.csv"
    path.write_text(MALFORMED_CATALOG, encoding="utf-8")
    return path


def test_a_plan_on_the_learners_own_catalog(own_catalog):
    for source in (own_catalog, str(own_catalog), load_catalog(own_catalog)):
        plan = build_plan({"ambition": AMBITION, "mandatory": ["lc3"]}, catalog=source)
        assert plan.selected == ("LC1", "LC2", "LC3") and plan.quick_wins == ("LC1",)
        assert plan.totals["one_off_eur"] == 170_000 and plan.company == "Alvera Group SE"
        assert set(plan.roadmap.table["id"]) == {"LC1", "LC2", "LC3"}
    assert "| 1 | LC1 | Contract clause finder | quick win | 60,000 | 150,000 | 3 |" in to_markdown(plan)
    assert check_plan(plan) == []
    with pytest.raises(NinetyDayError, match="mandatory: UC18 not in the catalog"):
        build_plan({"mandatory": ["UC18"]}, catalog=own_catalog)


def test_a_raw_table_is_checked_as_the_catalog_loader_checks_a_file():
    raw = pd.DataFrame(
        [line.split(",") for line in OWN_CATALOG.splitlines()[1:]],
        columns=OWN_CATALOG.split("\n")[0].split(","),
    )
    assert plan_catalog(raw)["effort_pm"].tolist() == [3.0, 4.0, 1.0]
    assert build_plan(catalog=raw).selected == ("LC1", "LC2", "LC3")
    with pytest.raises(CatalogError, match="row 3, column effort_pm: 'four' is not a number"):
        build_plan(catalog=raw.assign(effort_pm=["3", "four", "1"]))


def test_a_malformed_catalog_gives_the_catalog_loaders_error(malformed_catalog):
    with pytest.raises(CatalogError) as raised:
        build_plan(catalog=malformed_catalog)
    assert raised.value.source == "broken.csv" and len(raised.value.problems) == 2
    assert "row 2, column confidence: '0.7' is not allowed" in str(raised.value)
    with pytest.raises(CatalogError, match="file not found"):
        plan_catalog(malformed_catalog.with_name("missing.csv"))


def test_a_worked_triage_only_explains_the_use_case_it_is_about():
    catalog = load_catalog()
    renamed = catalog.assign(name=catalog["name"].mask(catalog["id"] == "UC12", "Product photo retouching"))
    assert build_plan().triage_basis["UC12"].startswith("Art. 50(2)")
    assert build_plan(catalog=renamed).triage_basis["UC12"] == "catalog tier transparency"


# --- check_plan -------------------------------------------------------------------------------------


def test_default_plan_only_lacks_an_ambition(default_plan, clean_plan):
    assert check_plan(default_plan) == [
        "No ambition yet: say in one or two sentences where AI should take the company in about three years."
    ]
    assert check_plan(clean_plan) == []


def test_check_flags_a_high_risk_use_case_until_it_has_a_note():
    problems = check_plan(build_plan({"ambition": AMBITION, "mandatory": ["UC18"]}))
    assert problems == [
        "UC18 Instant credit check for instalment payments is high-risk, but its triage note is empty: "
        "write down who does the AI Act duties, and by when, before it goes any further."
    ]
    noted = build_plan({"ambition": AMBITION, "mandatory": ["UC18"], "triage_notes": "UC18: FRIA by May"})
    assert check_plan(noted) == [] and noted.triage_notes == {"UC18": "FRIA by May"}


def test_check_flags_a_prohibited_use_case_and_the_clash():
    problems = check_plan(build_plan({"ambition": AMBITION, "mandatory": ["UC07"]}))
    assert problems[0].startswith("The portfolio's limits clash") and problems[0].endswith("never be chosen.")
    assert "UC07 Social-media trust score for warranty claims is a prohibited practice" in problems[1]
    assert problems[2].startswith("No quick win in the portfolio")
    assert len(problems) == 3


def test_check_flags_budget_and_capacity_overruns():
    problems = check_plan(build_plan({"mandatory": ["UC14", "UC27"], "budget_eur": 500_000}))
    assert "exceeds the budget of EUR 500,000 by EUR 750,000" in problems[2]
    assert "needs 39 person-months, more than the 25.6 it may take (80% of" in problems[3]
    assert "UC14 Dynamic pricing in the online shop is in the portfolio but not in the roadmap" in problems[4]


def test_check_flags_a_use_case_longer_than_the_horizon():
    problems = check_plan(
        build_plan(
            {"ambition": AMBITION, "mandatory": ["UC18"], "triage_notes": "UC18: ok", "horizon_quarters": 3}
        )
    )
    assert any("UC18" in p and "needs 4 quarters, more than the 3-quarter horizon" in p for p in problems)


def test_check_flags_a_roadmap_the_team_cannot_deliver():
    problems = check_plan(build_plan({"ambition": AMBITION, "capacity_pm_per_quarter": 10}))
    assert problems == [
        "The roadmap plans 10 person-months a quarter, but 3 people can deliver at most 9: "
        "grow the team or lower the capacity."
    ]
    assert check_plan(build_plan({"ambition": AMBITION, "capacity_pm_per_quarter": 10, "headcount": 4})) == []


def test_check_flags_missing_training_stakeholders_quick_wins_and_milestones(clean_plan):
    untrained = check_plan(build_plan({"ambition": AMBITION, "literacy_hours": {"AI users": 0}}))
    assert untrained == [
        "The literacy plan gives the AI users no training: Art. 4 of the EU AI Act asks providers and "
        "deployers to take measures that support the AI literacy of everyone who works with AI for them."
    ]
    alone = build_plan({"ambition": AMBITION, "stakeholders": []})
    assert alone.stakeholders.empty and check_plan(alone)[0].startswith("The stakeholder map is empty")
    assert check_plan(replace(clean_plan, quick_wins=()))[0].startswith("No quick win")
    empty_phase = replace(clean_plan, milestones={**clean_plan.milestones, Phase.DECIDE: ()})
    assert check_plan(empty_phase) == ["Days 31-60: decide has no milestone."]


def test_check_flags_an_empty_portfolio():
    problems = check_plan(build_plan({"ambition": AMBITION, "budget_eur": 0}))
    assert problems[0].startswith("The portfolio is empty")


# --- exercises and quiz -----------------------------------------------------------------------------


def test_q1_order_of_the_first_90_days():
    assert checks.q1.evaluate(list(checks.FIRST_90_DAYS)).status is Status.CORRECT
    swapped = list(checks.FIRST_90_DAYS)
    swapped[4], swapped[5] = swapped[5], swapped[4]
    assert checks.q1.evaluate(swapped).status is Status.INCORRECT
    assert checks.q1.evaluate(list(checks.FIRST_90_DAYS_SHUFFLED)).status is Status.INCORRECT
    assert sorted(checks.FIRST_90_DAYS_SHUFFLED) == sorted(checks.FIRST_90_DAYS)
    assert checks.q1.evaluate(...).status is Status.NOT_ATTEMPTED


def test_q3_board_issues_agree_with_check_plan():
    draft = build_plan(checks.BOARD_DRAFT)
    problems = check_plan(draft)
    assert len(problems) == len(checks.q3.correct) == 3
    assert problems[0].startswith("No ambition") and problems[1].startswith("UC18")
    assert "10 person-months a quarter, but 3 people can deliver at most 9" in problems[2]
    # The distractors' facts hold for the draft.
    assert draft.budget_eur - draft.totals["one_off_eur"] == 285_000
    assert draft.maturity.level == "Adopted" and "UC32" not in draft.selected
    assert checks.q3.evaluate(set(checks.BOARD_OPTIONS[:3])).status is Status.CORRECT
    wrong = checks.q3.evaluate({*checks.BOARD_OPTIONS[:2], checks.BOARD_OPTIONS[3]})
    assert (
        wrong.status is Status.INCORRECT
        and "reserve" in wrong.message
        and "1 correct option" in wrong.message
    )


def test_q2_one_off_cost_with_uc18():
    expected = build_plan({"mandatory": ["UC18"]}).totals["one_off_eur"]
    assert checks.q2.evaluate(expected).status is Status.CORRECT
    naive = checks.q2.evaluate(455_000 + 280_000)
    assert naive.status is Status.INCORRECT and "too high" in naive.message
    assert checks.q2.evaluate("575000").status is Status.ERROR


def test_q2_reference_and_the_figures_it_quotes_come_from_the_domain(catalog, progress_file):
    with_uc18, default = build_plan({"mandatory": ["UC18"]}), build_plan()
    assert checks.q2.expected == with_uc18.totals["one_off_eur"]
    pushed_out = set(default.selected) - set(with_uc18.selected)
    solution = str(checks.q2.solution())
    for figure in (
        with_uc18.totals["one_off_eur"],
        default.totals["one_off_eur"],
        catalog.loc["UC18", "cost_one_off_eur"],
        catalog.loc[list(pushed_out), "cost_one_off_eur"].sum(),
    ):
        assert f"EUR {figure:,.0f}" in solution
    assert f"its {catalog.loc['UC18', 'effort_pm']:g} person-months" in solution
    assert "EUR 280,000" in str(checks.q2.hints[1]) and "needs 9 of" in str(checks.q2.hints[1])


def test_quiz_bank_loads_and_matches_the_domain():
    bank = load_bank("10_capstone_first_90_days")
    assert bank.lesson == checks.LESSON and 4 <= len(bank.questions) <= 6
    fine = next(q for q in bank.questions if q.id == "prohibited_fine")
    assert {o.text for o in fine.options if o.id in fine.answers} == {
        f"EUR {max_fine(780e6, 'prohibited') / 1e6:g} M"
    }


# --- widget -----------------------------------------------------------------------------------------


def test_planner_builds_checks_and_previews_at_start():
    tool = NinetyDayPlanner()
    assert tool.plan is not None and set(tool.plan.selected) == DEFAULT_PORTFOLIO
    assert "1 point(s) to fix" in tool.checks.value and "No ambition yet" in tool.checks.value
    assert len(tool.preview.outputs) == 1 and tool.markdown == to_markdown(tool.plan)
    assert tool.weights.options == tuple((preset.label, preset) for preset in WEIGHT_PRESETS)
    assert tool.weights.value is WeightPreset.BALANCED and tool.headcount.value == 3


def test_planner_controls_feed_the_plan():
    tool = NinetyDayPlanner()
    tool.ambition.value = AMBITION
    tool.capacity.value = 10
    tool.build_button.click()
    assert "grow the team" in tool.checks.value
    tool.headcount.value = 4
    tool.build_button.click()
    assert tool.checks.value.startswith("✔") and tool.problems == []
    tool.weights.value = WeightPreset.VALUE_FIRST
    tool.mandatory.value = ("UC18",)
    tool.build_button.click()
    assert tool.plan.weights_preset is WeightPreset.VALUE_FIRST and "UC18" in tool.plan.selected
    assert "triage note is empty" in tool.checks.value
    tool.notes.value = "UC18: FRIA with legal and the DPO by May"
    tool.excluded.value = ("UC02",)
    tool.budget.value = 600_000
    tool.build_button.click()
    assert tool.plan.triage_notes == {"UC18": "FRIA with legal and the DPO by May"}
    assert "UC02" not in tool.plan.selected and tool.plan.budget_eur == 600_000
    assert "FRIA with legal" in tool.markdown


def test_planner_says_when_its_plan_no_longer_matches_the_controls(tmp_path):
    tool = NinetyDayPlanner()
    built = "Plan built from the choices above."
    assert tool.freshness.value == built
    changes = {
        "budget": 600_000,
        "capacity": 10.0,
        "headcount": 5,
        "weights": WeightPreset.VALUE_FIRST,
        "ambition": AMBITION,
        "mandatory": ("UC18",),
        "excluded": ("UC02",),
        "notes": "UC18: FRIA with legal by May",
    }
    for name, value in changes.items():
        getattr(tool, name).value = value
        assert "no longer matches the choices above" in tool.freshness.value, name
        assert "class='caio-error'" in tool.freshness.value
        tool.build_button.click()
        assert tool.freshness.value == built, name
    tool.budget.value = 700_000
    tool.path.value = str(tmp_path / "plan.md")
    tool.export_button.click()  # export rebuilds from the controls first
    assert tool.freshness.value == built and tool.plan.budget_eur == 700_000


def test_planner_shows_errors_and_clears_the_stale_plan():
    tool = NinetyDayPlanner()
    tool.notes.value = "UC18 no colon"
    tool.build_button.click()
    assert "line 1 of the triage notes" in tool.message.value
    assert tool.plan is None and tool.checks.value == "" and tool.preview.outputs == ()
    assert tool.freshness.value == ""
    tool.budget.value = 500_000
    assert tool.freshness.value == ""  # no plan shown, so none to be out of date
    tool.mandatory.value = ("UC02",)
    tool.excluded.value = ("UC02",)
    tool.notes.value = ""
    tool.build_button.click()
    assert "both must be included and left out" in tool.message.value


def test_planner_exports_one_markdown_file(tmp_path):
    tool = NinetyDayPlanner({"ambition": AMBITION})
    tool.path.value = str(tmp_path / "my_90_day_plan.md")
    tool.export_button.click()
    assert (tmp_path / "my_90_day_plan.md").read_text(encoding="utf-8") == tool.markdown
    assert "Written to" in tool.message.value and "still open" not in tool.message.value
    tool.ambition.value = ""
    tool.export_button.click()
    assert "(1 point(s) still open, listed at the end)" in tool.message.value
    tool.path.value = str(tmp_path / "nowhere" / "plan.md")
    tool.export_button.click()
    assert "does not exist" in tool.message.value


def test_planner_plans_with_the_learners_own_catalog(own_catalog):
    tool = NinetyDayPlanner({"ambition": AMBITION}, catalog=own_catalog)
    assert [value for _, value in tool.mandatory.options] == ["LC1", "LC2", "LC3"]
    assert tool.plan.selected == ("LC1", "LC2", "LC3") and "Contract clause finder" in tool.markdown
    assert tool.budget.max == 1_000_000  # the default budget is above the catalog's 170,000
    tool.mandatory.value = ("LC2",)
    tool.build_button.click()
    assert tool.plan.selected == ("LC1", "LC2", "LC3") and tool.checks.value.startswith("✔")


def test_planner_switches_catalog_and_keeps_what_still_applies(own_catalog):
    tool = NinetyDayPlanner({"ambition": AMBITION, "mandatory": ["UC18"], "excluded": ["UC02"]})
    assert "UC18" in tool.plan.selected
    tool.use_catalog(own_catalog)
    assert tool.mandatory.value == () and tool.excluded.value == ()  # UC18 and UC02 are not in it
    assert tool.plan.selected == ("LC1", "LC2", "LC3") and "UC18" not in tool.markdown
    tool.use_catalog(load_catalog())
    assert len(tool.mandatory.options) == 40 and set(tool.plan.selected) == DEFAULT_PORTFOLIO


def test_planner_refuses_a_malformed_catalog_and_changes_nothing(malformed_catalog):
    tool = NinetyDayPlanner({"ambition": AMBITION, "mandatory": ["UC18"]})
    before = (tool.catalog, tool.plan, tool.markdown, tool.mandatory.options, tool.mandatory.value)
    with pytest.raises(CatalogError, match="broken.csv has 2 problem"):
        tool.use_catalog(malformed_catalog)
    assert (tool.catalog, tool.plan, tool.markdown, tool.mandatory.options, tool.mandatory.value) == before
    with pytest.raises(CatalogError, match="broken.csv has 2 problem"):
        NinetyDayPlanner(catalog=malformed_catalog)


def test_planner_keeps_choices_it_has_no_control_for():
    headcount = {"ML engineer": 2, "data engineer": 2}
    tool = NinetyDayPlanner(
        {"weights": {"benefit": 2, "effort": 1}, "headcount": headcount, "stakeholders": []}
    )
    assert tool.weights.value is WeightPreset.CUSTOM and tool.headcount.value == 4
    assert tool.choices()["weights"] == {"benefit": 2, "effort": 1}
    assert tool.plan.stakeholders.empty and "stakeholder map is empty" in tool.checks.value
    assert NinetyDayPlanner({"mandatory": "uc18", "excluded": ["uc02"]}).mandatory.value == ("UC18",)
    with pytest.raises(NinetyDayError, match="not a choice"):
        NinetyDayPlanner({"budgetEUR": 3})


def test_the_milestones_draw_on_the_tools_of_lessons_11_to_14(default_plan):
    decide, launch = default_plan.milestones[Phase.DECIDE], default_plan.milestones[Phase.LAUNCH]
    data = [item for item in default_plan.milestones[Phase.LISTEN] if "DataReadinessAssessment" in item]
    assert data == [
        "Measure the data of UC19, UC26, UC34 (data readiness 3 or less) against a quality SLA with their "
        "owners and stewards, and list what fixing each source unlocks (lesson 12's DataReadinessAssessment)."
    ]
    assert [item for item in decide if "BuildBuyDecision" in item][0].startswith(
        "Choose the pattern of each generative AI use case (UC12, UC38)"
    )
    risk = [item for item in decide if "IncidentTabletop" in item]
    assert len(risk) == 1 and "GDPR Art. 33 (lesson 13" in risk[0]  # no high-risk use case: no Art. 73
    assert any(
        "first quarterly report at the end of 2027-Q1 (lesson 14's BoardReport)" in item for item in launch
    )
    with_high = build_plan({"mandatory": ["UC18"]})
    assert "high" in with_high.tiers.values()
    assert any("AI Act Art. 73 (lesson 13" in item for item in with_high.milestones[Phase.DECIDE])
