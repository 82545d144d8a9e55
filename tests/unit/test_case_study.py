"""The case study as data: Alvera Group's lesson data, read once by caiokit.case_study and used everywhere."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from caiokit import case_study, ninety_days
from caiokit.adkar import ELEMENTS, adkar_diagnostic
from caiokit.case_study import CaseStudyError
from caiokit.catalog import load_catalog
from caiokit.literacy import alvera_audiences
from caiokit.maturity import assess, load_questions
from caiokit.stakeholders import place_stakeholders
from caiokit.strategy import load_company
from caiokit.teams import load_sample_plan


@pytest.fixture(scope="module")
def alvera() -> case_study.CaseStudy:
    return case_study.load("alvera")


def test_alvera_bundles_the_data_the_other_readers_give(alvera):
    assert alvera.name == "alvera" and alvera.company == load_company()
    assert alvera.company["name"] == "Alvera Group SE"
    pd.testing.assert_frame_equal(alvera.catalog, load_catalog())
    pd.testing.assert_frame_equal(alvera.audiences, alvera_audiences())
    pd.testing.assert_frame_equal(alvera.sample_plan, load_sample_plan())


def test_maturity_answers_answer_every_statement_once(alvera):
    answers = alvera.maturity_answers
    assert list(answers) == list(load_questions()["id"])
    assert all(type(value) is int and 1 <= value <= 5 for value in answers.values())
    assert assess(answers).level == "Adopted"  # lesson 02's finding


def test_stakeholders_have_ids_and_scores_the_map_accepts(alvera):
    table = alvera.stakeholders
    assert list(table.columns) == ["id", "name", "influence", "interest", "stance"]
    assert table["id"].is_unique and all(re.fullmatch(r"[a-z][a-z_]*", key) for key in table["id"])
    assert table["name"].is_unique and len(table) == 10
    placed = place_stakeholders(table[["name", "influence", "interest", "stance"]])
    assert placed.set_index("name").loc["Works council", "quadrant"] == "manage closely"


def test_first_users_have_one_adkar_score_per_element(alvera):
    assert tuple(alvera.first_users_adkar) == ELEMENTS
    assert adkar_diagnostic(alvera.first_users_adkar).barrier == "Desire"  # lesson 07's finding


def test_each_load_is_afresh(alvera):
    changed = case_study.load("alvera")
    changed.maturity_answers["ERU1"] = 5
    changed.stakeholders.loc[0, "influence"] = 1
    again = case_study.load("alvera")
    assert again.maturity_answers == alvera.maturity_answers
    assert again.stakeholders.equals(alvera.stakeholders)


def test_the_90_day_plan_starts_from_the_case_study(alvera):
    choices = ninety_days.default_choices()
    assert choices["maturity_answers"] == alvera.maturity_answers
    assert choices["adkar_scores"] == alvera.first_users_adkar
    rows = alvera.stakeholders[["name", "influence", "interest", "stance"]]
    assert choices["stakeholders"] == tuple(rows.itertuples(index=False, name=None))


def test_an_unknown_case_study_is_a_clear_error():
    with pytest.raises(CaseStudyError, match="'acme' is not a case study of the course; .*: alvera"):
        case_study.load("acme")


@pytest.mark.parametrize(
    ("table", "message"),
    [
        (
            pd.DataFrame({"statement": ["ERU1", "ERU2"], "answer": ["1", "high"]}),
            r"maturity_answers.csv: row 3 has 'high' in column 'answer', where a whole number belongs",
        ),
        (pd.DataFrame({"statement": ["ERU1"]}), r"maturity_answers.csv: column\(s\) \['answer'\] missing"),
        (pd.DataFrame({"statement": ["ERU1", ""], "answer": ["1", "2"]}), r"row 3 has an empty cell"),
    ],
)
def test_a_malformed_file_is_a_clear_error(monkeypatch, table, message):
    real = case_study.read_table

    def read(path, name):
        return (table, name) if name.endswith("maturity_answers.csv") else real(path, name)

    monkeypatch.setattr(case_study, "read_table", read)
    with pytest.raises(CaseStudyError, match=message):
        case_study.load("alvera")
