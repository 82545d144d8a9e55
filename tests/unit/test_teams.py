"""The AI-team lesson: roles and mix tables, the operating-model and sourcing rules, sizing, checks, widget."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from caiokit import datafiles, i18n
from caiokit.charts.teams import gap_heatmap, workload_figure
from caiokit.checks import teams as checks
from caiokit.exercises import Status
from caiokit.quiz import load_bank
from caiokit.teams import (
    Home,
    OperatingModel,
    Recommendation,
    Role,
    Sourcing,
    Stage,
    TeamError,
    ai_roles,
    build_buy_partner,
    build_buy_partner_weights,
    headcount_for,
    load_sample_plan,
    operating_model,
    operating_models,
    recommend_operating_model,
    role,
    role_homes,
    role_mix,
    role_shortages,
    shortage_messages,
    size_team,
    summarise_sizing,
    unknown_roles,
    workload_from_plan,
)
from caiokit.widgets.team_designer import TeamDesigner

ROLES = tuple(Role)


def plan_of(*rows):
    return pd.DataFrame(rows, columns=["id", "start_quarter", "end_quarter", "effort_pm", "technique"])


# --- data tables ---------------------------------------------------------------------------------


def test_roles_table_has_eight_roles_with_known_stages_and_homes():
    roles = ai_roles()
    assert list(roles.columns) == [
        "role",
        "what_they_do",
        "typical_skills",
        "needed_from",
        "home_in_hub_and_spoke",
    ]
    assert len(roles) == 8 and roles["role"].is_unique
    assert set(roles["needed_from"]) <= set(Stage)
    assert set(roles["home_in_hub_and_spoke"]) == {"hub", "spoke"}
    assert (roles["what_they_do"].str.len() > 20).all()
    assert tuple(roles["role"]) == ROLES


def test_roles_have_snake_case_ids_labels_and_plurals():
    assert [member.value for member in Role][:3] == ["data_scientist", "ml_engineer", "data_engineer"]
    assert all(member.value == member.value.lower().replace(" ", "_") for member in Role)
    assert Role.ML_ENGINEER.label == "ML engineer" and Role.ML_ENGINEER.plural == "ML engineers"
    assert Role.label_of("domain_expert") == "domain expert"
    assert len(set(Role.labels())) == len({member.plural for member in Role}) == 8
    assert all(Role(member.value) is member for member in Role)


@pytest.mark.parametrize(
    "named", ["ML engineer", "ml ENGINEER", " ML  engineer ", "ml_engineer", Role.ML_ENGINEER]
)
def test_role_reads_a_label_or_an_id(named):
    assert role(named) is Role.ML_ENGINEER


def test_role_names_the_allowed_roles_when_it_reads_none():
    with pytest.raises(
        TeamError, match="'wizard' is not a role of the AI team; use one of data scientist, ML"
    ):
        role("wizard")
    assert unknown_roles(["wizard", "data analyst", "mlops_engineer", 3]) == ["wizard", "3"]


def test_roles_are_read_in_the_language_in_use(monkeypatch):
    french = {"ML engineer": "ingénieur ML", "ML engineers": "ingénieurs ML"}
    monkeypatch.setattr(i18n, "_", lambda message: french.get(message, message))
    assert role("Ingénieur ML") is Role.ML_ENGINEER and role("ml_engineer") is Role.ML_ENGINEER
    assert unknown_roles(["ML engineer"]) == ["ML engineer"]
    sized = size_team(pd.DataFrame({"ml_engineer": [4.5]}, index=["2027-Q1"]), {"ingénieur ML": 1})
    assert list(sized["role"]) == ["ml_engineer"]
    assert shortage_messages(sized) == ["2027-Q1: ingénieurs ML short by 0.5 people"]


def test_operating_models_table_covers_the_three_models():
    models = operating_models()
    assert tuple(models["model"]) == tuple(OperatingModel)
    for column in ("how_it_works", "strengths", "weaknesses", "fits_when"):
        assert (models[column].str.len() > 20).all()


def test_the_tables_prose_is_in_the_language_folder_and_their_ids_are_not():
    words = datafiles.table(datafiles.localized("ai_roles.csv"))
    assert list(words.columns) == ["role", "what_they_do", "typical_skills"] and tuple(words["role"]) == ROLES
    assert list(datafiles.table("ai_roles.csv").columns) == ["role", "needed_from", "home_in_hub_and_spoke"]
    assert list(datafiles.table(datafiles.localized("operating_models.csv"))["model"]) == list(OperatingModel)
    names = datafiles.table(datafiles.localized("sample_plan.csv")).set_index("id")["name"]
    plan = load_sample_plan()
    assert "name" not in datafiles.table("sample_plan.csv").columns
    assert plan["name"].tolist() == names.loc[plan["id"]].tolist()
    assert list(plan.columns) == ["id", "name", "technique", "effort_pm", "start_quarter", "end_quarter"]


def test_role_mix_covers_every_catalog_technique_and_each_row_sums_to_one():
    from caiokit.catalog import TECHNIQUES

    mix = role_mix()
    assert set(mix.index) == set(TECHNIQUES)
    assert tuple(mix.columns) == ROLES
    assert ((mix >= 0) & (mix <= 1)).all().all()
    for technique, total in mix.sum(axis=1).items():
        assert total == pytest.approx(1.0), technique


def test_sample_plan_has_ten_catalog_use_cases_over_six_quarters():
    from caiokit.catalog import load_catalog

    plan = load_sample_plan()
    catalog = load_catalog().set_index("id")
    assert len(plan) == 10 and plan["id"].is_unique
    for row in plan.itertuples():
        assert row.technique == catalog.loc[row.id, "technique"]
        assert row.effort_pm == catalog.loc[row.id, "effort_pm"]
    assert list(workload_from_plan(plan).index) == [
        "2027-Q1",
        "2027-Q2",
        "2027-Q3",
        "2027-Q4",
        "2028-Q1",
        "2028-Q2",
    ]


# --- roles under each operating model ---------------------------------------------------------------


def test_role_homes_per_model():
    assert role_homes(OperatingModel.FEDERATED) == dict.fromkeys(ROLES, Home.UNITS)
    central = role_homes(OperatingModel.CENTRALISED)
    assert central["domain_expert"] is Home.UNITS and central["data_scientist"] is Home.CENTRAL
    hub = role_homes(OperatingModel.HUB_AND_SPOKE)
    assert hub["mlops_engineer"] is Home.CENTRAL and hub["data_scientist"] is Home.UNITS
    with pytest.raises(TeamError, match="'matrix' is not an operating model; use one of centralised CoE,"):
        role_homes("matrix")


@pytest.mark.parametrize(
    "named", ["hub-and-spoke", "Hub-and-Spoke", "hub_and_spoke", OperatingModel.HUB_AND_SPOKE]
)
def test_an_operating_model_is_named_by_its_label_or_its_id(named):
    assert operating_model(named) is OperatingModel.HUB_AND_SPOKE
    assert role_homes(named) == role_homes(OperatingModel.HUB_AND_SPOKE)


# --- operating-model rule ----------------------------------------------------------------------------


def answers(**changes):
    base = {
        "systems_in_production": 10,
        "business_units": 5,
        "units_have_ai_staff": True,
        "units_run_independently": True,
        "high_risk_uses": False,
    }
    return base | changes


def test_operating_model_rule_branches():
    assert recommend_operating_model(answers()).choice is OperatingModel.FEDERATED
    assert recommend_operating_model(answers(business_units=1)).choice is OperatingModel.CENTRALISED
    few = recommend_operating_model(answers(systems_in_production=2))
    assert few.choice is OperatingModel.CENTRALISED and "Only 2 AI systems" in few.reasons[0]
    assert "Only 1 AI system in" in recommend_operating_model(answers(systems_in_production=1)).reasons[0]
    assert "No AI system" in recommend_operating_model(answers(systems_in_production=0)).reasons[0]
    assert recommend_operating_model(answers(systems_in_production=3)).choice is OperatingModel.FEDERATED
    risky = recommend_operating_model(answers(high_risk_uses=True))
    hub = OperatingModel.HUB_AND_SPOKE
    assert risky.choice is hub and any("high-risk" in reason.lower() for reason in risky.reasons)
    assert recommend_operating_model(answers(units_have_ai_staff=False)).choice is hub
    assert recommend_operating_model(answers(units_run_independently=False)).choice is hub


def test_operating_model_rule_rejects_bad_answers():
    with pytest.raises(TeamError, match="missing for: high_risk_uses"):
        recommend_operating_model({k: v for k, v in answers().items() if k != "high_risk_uses"})
    with pytest.raises(TeamError, match="unknown question"):
        recommend_operating_model(answers(budget=3))
    with pytest.raises(TeamError, match="whole number of 1 or more"):
        recommend_operating_model(answers(business_units=0))
    with pytest.raises(TeamError, match="whole number of 0 or more"):
        recommend_operating_model(answers(systems_in_production=2.5))
    with pytest.raises(TeamError, match="True or False"):
        recommend_operating_model(answers(high_risk_uses="no"))


# --- build / buy / partner ----------------------------------------------------------------------------


def criteria(d, s, t, ds, m):
    return {
        "strategic_differentiation": d,
        "in_house_skills": s,
        "time_pressure": t,
        "data_sensitivity": ds,
        "market_maturity": m,
    }


def test_build_buy_partner_scores_by_hand():
    # centred: -1, -1, +1, 0, +2 -> build -1-1-1+0-2 = -5, buy +1+0+1+0+2 = +4, partner 0+1+0+0-2 = -1
    chatbot = build_buy_partner(criteria(2, 2, 4, 3, 5))
    assert chatbot.choice is Sourcing.BUY and chatbot.scores == {"build": -5, "buy": 4, "partner": -1}
    assert chatbot.reasons[0].startswith("Mature products") and "(market maturity 5/5)" in chatbot.reasons[0]
    assert len(chatbot.reasons) == 3
    # centred: +1, -1, 0, 0, -1 -> build 1-1+0+0+1 = 1, buy -1+0+0+0-1 = -2, partner 0+1+0+0+1 = 2
    inspection = build_buy_partner(criteria(4, 2, 3, 3, 2))
    assert inspection.choice is Sourcing.PARTNER and inspection.scores == {
        "build": 1,
        "buy": -2,
        "partner": 2,
    }
    spare_parts = build_buy_partner(criteria(4, 4, 2, 4, 2))
    assert (
        spare_parts.choice is Sourcing.BUILD
        and spare_parts.scores["build"] == 5
        and len(spare_parts.reasons) == 5
    )


def test_build_buy_partner_tie_goes_to_least_commitment():
    neutral = build_buy_partner(criteria(3, 3, 3, 3, 3))
    assert neutral.choice is Sourcing.BUY and neutral.reasons[-1].endswith("commits least (buy).")
    # centred: +1, -1, 0, 0, +1 -> build 1-1-1 = -1, buy -1+1 = 0, partner +1-1 = 0: buy and partner tie
    tie = build_buy_partner(criteria(4, 2, 3, 3, 4))
    assert tie.scores == {"build": -1, "buy": 0, "partner": 0} and tie.choice is Sourcing.BUY


def test_build_buy_partner_rejects_bad_scores():
    with pytest.raises(TeamError, match="from 1 to 5"):
        build_buy_partner(criteria(6, 3, 3, 3, 3))
    with pytest.raises(TeamError, match="from 1 to 5"):
        build_buy_partner(criteria(3, 2.5, 3, 3, 3))
    with pytest.raises(TeamError, match="missing for: market_maturity"):
        build_buy_partner({k: 3 for k in criteria(3, 3, 3, 3, 3) if k != "market_maturity"})
    with pytest.raises(TeamError, match="unknown criterion"):
        build_buy_partner(criteria(3, 3, 3, 3, 3) | {"cost": 2})


def test_weights_table_and_recommendation_display():
    weights = build_buy_partner_weights()
    assert list(weights.columns) == ["build", "buy", "partner"]
    assert weights.loc["time_pressure", "buy"] == 1
    recommendation = Recommendation(Sourcing.BUY, ("A reason.",), {Sourcing.BUILD: -1, Sourcing.BUY: 2})
    text = recommendation._repr_markdown_()
    assert "**Recommendation: buy**" in text and "- A reason." in text and "Scores: build -1, buy +2" in text
    assert str(recommendation) == "Recommendation: buy\n- A reason.\nScores: build -1, buy +2"
    assert str(Recommendation(OperatingModel.HUB_AND_SPOKE, ("A reason.",))) == (
        "Recommendation: hub-and-spoke\n- A reason."
    )
    assert repr(recommendation) == (
        "Recommendation(choice='buy', reasons=('A reason.',), scores={'build': -1, 'buy': 2})"
    )
    assert repr(Recommendation(OperatingModel.CENTRALISED, ())).startswith(
        "Recommendation(choice='centralised CoE'"
    )


# --- workload from a plan ---------------------------------------------------------------------------------


def test_workload_spreads_effort_and_splits_by_role_mix():
    plan = plan_of(("A", "2027-Q1", "2027-Q3", 9, "ML"), ("B", "Q2 2027", "2027 q2", 4, "generative ai"))
    workload = workload_from_plan(plan)
    assert list(workload.index) == ["2027-Q1", "2027-Q2", "2027-Q3"]
    # A: 3 pm a quarter; ML share of data scientists 0.25 -> 0.75. B in Q2: 4 x 0.10 = 0.4.
    assert workload.loc["2027-Q1", "data_scientist"] == pytest.approx(0.75)
    assert workload.loc["2027-Q2", "data_scientist"] == pytest.approx(0.75 + 0.4)
    assert workload.loc["2027-Q2", "ml_engineer"] == pytest.approx(3 * 0.15 + 4 * 0.30)
    assert list(workload.columns) == [member.value for member in Role] and workload.columns.name == "role"
    assert workload.sum().sum() == pytest.approx(13)


def test_workload_skips_unscheduled_rows_and_fills_empty_quarters():
    plan = plan_of(
        ("A", "2027-Q4", "2027-Q4", 3, "NLP"),
        ("B", None, None, 5, "ML"),
        ("C", "2028-Q2", "2028-Q2", 2, "NLP"),
    )
    workload = workload_from_plan(plan)
    assert list(workload.index) == ["2027-Q4", "2028-Q1", "2028-Q2"]
    assert workload.loc["2028-Q1"].sum() == 0 and workload.sum().sum() == pytest.approx(5)


def test_workload_with_a_custom_mix_naming_roles_by_label_or_id():
    mix = pd.DataFrame(
        {"data scientist": [0.5], "domain_expert": [0.5]}, index=pd.Index(["ML"], name="technique")
    )
    workload = workload_from_plan(plan_of(("A", "2027-Q1", "2027-Q2", 4, "ML")), mix)
    assert list(workload.columns) == ["data_scientist", "domain_expert"]
    assert workload.loc["2027-Q2", "domain_expert"] == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (("A", "2027-Q5", "2027-Q4", 3, "ML"), "not a quarter"),
        (("A", "2027-Q3", "2027-Q1", 3, "ML"), "ends in 2027-Q1, before it starts in 2027-Q3"),
        (("A", "2027-Q1", "2027-Q1", -1, "ML"), "0 or more"),
        (("A", "2027-Q1", "2027-Q1", "3", "ML"), "0 or more"),
        (("A", "2027-Q1", "2027-Q1", 3, "robotics"), "no role mix"),
        (("A", "2027-Q1", None, 3, "ML"), "no end_quarter"),
        (("A", None, None, 3, "ML"), "no use case in the plan"),
    ],
)
def test_workload_rejects_bad_plans(row, message):
    with pytest.raises(TeamError, match=message):
        workload_from_plan(plan_of(row))


def test_workload_rejects_missing_columns_and_bad_mixes():
    with pytest.raises(TeamError, match="lacks column"):
        workload_from_plan(pd.DataFrame({"id": ["A"], "effort_pm": [2]}))
    with pytest.raises(TeamError, match="DataFrame"):
        workload_from_plan([("A", "2027-Q1", "2027-Q1", 3, "ML")])
    plan = plan_of(("A", "2027-Q1", "2027-Q1", 3, "ML"))
    with pytest.raises(TeamError, match="add up to 0.900"):
        workload_from_plan(plan, pd.DataFrame({"data scientist": [0.9]}, index=["ML"]))
    with pytest.raises(TeamError, match="unknown role column"):
        workload_from_plan(plan, pd.DataFrame({"wizard": [1.0]}, index=["ML"]))
    with pytest.raises(TeamError, match="not a number from 0 to 1"):
        workload_from_plan(
            plan, pd.DataFrame({"data scientist": [1.5], "domain expert": [-0.5]}, index=["ML"])
        )


# --- sizing ---------------------------------------------------------------------------------------------------


def small_workload():
    return pd.DataFrame(
        {"ML engineer": [7.5, 3.0], "data scientist": [2.0, 0.0]},
        index=pd.Index(["2027-Q3", "2027-Q4"], name="quarter"),
    )


def test_size_team_by_hand():
    sized = size_team(small_workload(), {"ML engineer": 2, "data_analyst": 1})
    assert list(sized["role"].unique()) == ["data_scientist", "ml_engineer", "data_analyst"]
    row = sized.set_index(["quarter", "role"]).loc[("2027-Q3", "ml_engineer")]
    assert row.demand_pm == 7.5 and row.capacity_pm == 6.0 and row.gap_pm == 1.5
    assert row.people_needed == 2.5 and row.gap_people == 0.5 and bool(row.short)
    analyst = sized.set_index(["quarter", "role"]).loc[("2027-Q4", "data_analyst")]
    assert analyst.demand_pm == 0 and analyst.gap_people == -1 and not analyst.short
    assert shortage_messages(sized) == [
        "2027-Q3: data scientists short by 0.7 people",
        "2027-Q3: ML engineers short by 0.5 people",
    ]
    assert summarise_sizing(sized) == {
        "demand_pm": 12.5,
        "capacity_pm": 18.0,
        "covered_pm": 9.0,
        "idle_pm": 9.0,
        "short_pm": 3.5,
        "shortages": 2,
    }


def test_size_team_with_fewer_months_per_person_and_message_wording():
    sized = size_team(
        small_workload(), {"ML engineer": 1, "data scientist": 1}, pm_per_person_per_quarter=2.5
    )
    # ML engineers: (7.5 - 2.5) / 2.5 = 2.0 people in Q3, (3.0 - 2.5) / 2.5 = 0.2 in Q4; data scientists covered
    assert shortage_messages(sized) == [
        "2027-Q3: ML engineers short by 2.0 people",
        "2027-Q4: ML engineers short by 0.2 people",
    ]
    exact = size_team(pd.DataFrame({"data engineer": [6.0]}, index=["2027-Q1"]), {"data engineer": 1})
    assert shortage_messages(exact) == ["2027-Q1: data engineers short by 1.0 person"]
    tiny = size_team(pd.DataFrame({"data engineer": [3.1]}, index=["2027-Q1"]), {"data engineer": 1})
    assert shortage_messages(tiny) == ["2027-Q1: data engineers short by less than 0.1 people"]
    covered = size_team(pd.DataFrame({"data engineer": [3.0]}, index=["2027-Q1"]), {"data engineer": 1})
    assert shortage_messages(covered) == []


def test_role_shortages_give_one_line_per_role():
    workload = pd.DataFrame(
        {"ML engineer": [7.5, 7.0, 9.0], "data scientist": [4.0, 0.0, 0.0], "data analyst": [1.0, 1.0, 1.0]},
        index=pd.Index(["2027-Q3", "2027-Q4", "2028-Q1"], name="quarter"),
    )
    sized = size_team(workload, {"ML engineer": 2, "data analyst": 1})
    assert len(shortage_messages(sized)) == 4  # one per role and quarter
    assert role_shortages(sized) == [
        "data scientists: short in 2027-Q3, by 1.3 people",
        "ML engineers: short in 3 quarters, 2027-Q3 to 2028-Q1, by up to 1.0 person (2028-Q1)",
    ]
    enough = {"ML engineer": 3, "data scientist": 2, "data analyst": 1}
    assert role_shortages(size_team(workload, enough)) == []


@pytest.mark.parametrize(
    ("workload", "headcount", "pm", "message"),
    [
        (small_workload(), {"wizard": 1}, 3.0, "unknown role"),
        (small_workload(), {"ML engineer": -1}, 3.0, "0 or more"),
        (
            small_workload(),
            {"ML engineer": 2, "ml_engineer": 3},
            3.0,
            "names ML engineer twice, as 'ML engineer'",
        ),
        (small_workload(), {"ML engineer": True}, 3.0, "0 or more"),
        (small_workload(), {"ML engineer": float("nan")}, 3.0, "0 or more"),
        (small_workload(), {}, 0, "above 0 and at most 3"),
        (small_workload(), {}, 3.5, "above 0 and at most 3"),
        (pd.DataFrame({"wizard": [1.0]}, index=["2027-Q1"]), {}, 3.0, "unknown role"),
        (pd.DataFrame({"ML engineer": [-1.0]}, index=["2027-Q1"]), {}, 3.0, "ML engineer in 2027-Q1"),
        (pd.DataFrame({"ML engineer": []}), {}, 3.0, "no quarter"),
        ({"ML engineer": [1.0]}, {}, 3.0, "DataFrame"),
    ],
)
def test_size_team_rejects_bad_input(workload, headcount, pm, message):
    with pytest.raises(TeamError, match=message):
        size_team(workload, headcount, pm)


def test_headcount_for_peak_and_average():
    workload = small_workload()
    assert headcount_for(workload) == {"ml_engineer": 3, "data_scientist": 1}
    # averages: ML 5.25 pm -> 1.75 people -> 2; data scientist 1.0 pm -> 0.33 -> 1
    assert headcount_for(workload, basis="average") == {"ml_engineer": 2, "data_scientist": 1}
    assert headcount_for(pd.DataFrame({"data engineer": [6.0]}, index=["2027-Q1"])) == {"data_engineer": 2}
    with pytest.raises(TeamError, match="'peak' or 'average'"):
        headcount_for(workload, basis="median")


# --- charts -------------------------------------------------------------------------------------------------------


def test_charts_show_the_numbers():
    workload = small_workload()
    bars = workload_figure(workload)
    assert [trace.name for trace in bars.data] == ["ML engineer", "data scientist"]
    by_id = workload_figure(workload.rename(columns={"ML engineer": "ml_engineer"}))
    assert [trace.name for trace in by_id.data] == ["ML engineer", "data scientist"]
    assert bars.data[0].marker.color == by_id.data[0].marker.color
    assert list(bars.data[0].y) == [7.5, 3.0]
    heat = gap_heatmap(size_team(workload, {"ML engineer": 2, "data scientist": 1}))
    assert list(heat.data[0].y) == ["data scientist", "ML engineer"]
    assert list(heat.data[0].x) == ["2027-Q3", "2027-Q4"]
    assert heat.data[0].text[1][0] == "+0.5" and heat.data[0].text[0][1] == "-1.0"


# --- exercises ----------------------------------------------------------------------------------------------------


def test_q1_roles_mapping():
    assert checks.q1.evaluate(dict(checks.TASKS)).status is Status.CORRECT
    swapped = dict(checks.TASKS)
    first, second = list(swapped)[:2]
    swapped[first], swapped[second] = swapped[second], swapped[first]
    feedback = checks.q1.evaluate(swapped)
    assert feedback.status is Status.INCORRECT and "6 of 8 right" in feedback.message
    assert checks.q1.evaluate(...).status is Status.NOT_ATTEMPTED
    assert set(checks.TASKS.values()) == set(ROLES)
    typed = {task: member.label.upper() for task, member in checks.TASKS.items()}
    assert checks.q1.evaluate(typed).status is Status.CORRECT
    by_id = {task: member.value for task, member in checks.TASKS.items()}
    assert checks.q1.evaluate(by_id).status is Status.CORRECT
    unknown = checks.q1.evaluate(dict(by_id, **{first: "wizard"}))
    assert unknown.status is Status.ERROR and "'data scientist', 'ML engineer'" in unknown.message


def test_q2_operating_model_choice():
    for typed in ("hub-and-spoke", " Hub-and-Spoke ", "hub_and_spoke"):
        assert checks.q2.evaluate(typed).status is Status.CORRECT, typed
    wrong = checks.q2.evaluate("centralised CoE")
    assert wrong.status is Status.INCORRECT and "bottleneck" in wrong.message
    assert wrong.message.startswith("Not 'centralised CoE'.")
    unknown = checks.q2.evaluate("matrix")
    assert (
        unknown.status is Status.ERROR
        and "'centralised CoE', 'hub-and-spoke', 'federated'" in unknown.message
    )
    castelmar = {
        "systems_in_production": 11,
        "business_units": 4,
        "units_have_ai_staff": False,
        "units_run_independently": False,
        "high_risk_uses": True,
    }
    assert recommend_operating_model(castelmar).choice == checks.q2.correct


def test_q2_reads_the_models_label_in_the_language_in_use(monkeypatch):
    french = {"hub-and-spoke": "en étoile", "centralised CoE": "centre d'excellence central"}
    monkeypatch.setattr(i18n, "_", lambda message: french.get(message, message))
    assert checks.q2.evaluate("En étoile").status is Status.CORRECT
    assert checks.q2.evaluate("hub_and_spoke").status is Status.CORRECT
    assert checks.q2.evaluate("hub-and-spoke").status is Status.ERROR
    assert checks.q2.evaluate("centre d'excellence central").status is Status.INCORRECT
    assert operating_model("en étoile") is OperatingModel.HUB_AND_SPOKE


def test_q3_build_buy_partner_choice():
    assert checks.q3.evaluate("build").status is Status.CORRECT
    assert checks.q3.evaluate("partner").status is Status.INCORRECT
    assert checks.q3.evaluate("make").status is Status.ERROR
    assert build_buy_partner(criteria(4, 4, 2, 4, 2)).choice == checks.q3.correct


def test_q4_hires_needed_function():
    def right(demand_pm, people, pm_per_person=3.0):
        return max(0, math.ceil(demand_pm / pm_per_person - people))

    def no_rounding(demand_pm, people, pm_per_person=3.0):
        return max(0, demand_pm / pm_per_person - people)

    def no_floor(demand_pm, people, pm_per_person=3.0):
        return math.ceil(demand_pm / pm_per_person - people)

    def template(demand_pm, people, pm_per_person=3.0):
        return ...

    assert checks.q4.evaluate(right).status is Status.CORRECT
    assert checks.q4.evaluate(no_rounding).status is Status.INCORRECT
    assert checks.q4.evaluate(no_floor).status is Status.INCORRECT
    assert checks.q4.evaluate(template).status is Status.NOT_ATTEMPTED


def test_quiz_bank_loads_with_five_questions():
    bank = load_bank("05_building_ai_teams")
    assert bank.lesson == checks.LESSON and len(bank.questions) == 5


# --- widget -------------------------------------------------------------------------------------------------------


def test_team_designer_flags_gaps_and_regroups_roles(progress_file):
    designer = TeamDesigner(headcount={"data analyst": 2, "data engineer": 1, "domain expert": 1})
    assert designer.people()["data_analyst"] == 2 and designer.people()["ml_engineer"] == 0
    shortages = designer.gaps.value.split("<br>")
    first = "data scientists: short in 6 quarters, 2027-Q1 to 2028-Q2, by up to 1.4 people (2027-Q3)"
    assert shortages[0] == first
    assert len(shortages) == len(role_shortages(designer.sized)) <= len(ROLES)  # one line per role, not 48
    assert "<b>4 people</b>" in designer.summary.value
    central = [slider.description for slider in designer.central_box.children[1:]]
    assert "domain expert" not in central and "data scientist" in central
    assert designer.figure.data[0].type == "heatmap"
    assert "application/vnd.plotly.v1+json" in designer.chart.outputs[0]["data"]

    assert designer.model.value is OperatingModel.CENTRALISED
    assert [label for label, _ in designer.model.options] == list(OperatingModel.labels())
    assert "<b>In the central team</b>" in designer.central_box.children[0].value
    designer.model.value = OperatingModel.HUB_AND_SPOKE
    central = [slider.description for slider in designer.central_box.children[1:]]
    assert central == ["ML engineer", "data engineer", "MLOps engineer", "AI governance lead"]
    designer.model.value = OperatingModel.FEDERATED
    assert designer.central_box.children == () and len(designer.units_box.children) == 9

    designer.peak_button.click()
    assert designer.people() == headcount_for(designer.workload)
    assert "No shortage" in designer.gaps.value and "(100%)" in designer.summary.value

    designer.pm_per_person.value = 2.5
    assert designer.sized["capacity_pm"].max() == 2.5 * max(designer.people().values())

    designer.average_button.click()
    assert designer.people() == headcount_for(designer.workload, 2.5, "average")

    designer.headcount["ml_engineer"].value = 5
    assert designer.sized.query("role == 'ml_engineer'")["capacity_pm"].iloc[0] == 12.5


def test_team_designer_rejects_unknown_roles_up_front():
    with pytest.raises(TeamError, match="unknown role"):
        TeamDesigner(headcount={"wizard": 1})


def test_team_designer_starts_at_the_operating_model_named():
    assert TeamDesigner(model="hub-and-spoke").model.value is OperatingModel.HUB_AND_SPOKE
    assert TeamDesigner(model="federated").central_box.children == ()
    with pytest.raises(TeamError, match="not an operating model"):
        TeamDesigner(model="matrix")


def test_team_designer_reads_roles_by_id_and_shows_their_labels(progress_file):
    designer = TeamDesigner(headcount={"data_analyst": 2, "Domain Expert": 1})
    assert designer.people()["data_analyst"] == 2 and designer.people()["domain_expert"] == 1
    assert [slider.description for slider in designer.headcount.values()] == list(Role.labels())
    assert list(designer.figure.data[0].y) == list(Role.labels())
