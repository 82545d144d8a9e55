"""Tests of caiokit.datafiles: the one reader of the files in caiokit/data."""

from __future__ import annotations

import pandas as pd

from caiokit import datafiles


def test_a_table_is_text_by_default_and_typed_on_request():
    text = datafiles.table("literacy_modules.csv")
    typed = datafiles.table("literacy_modules.csv", text=False)
    assert all(pd.api.types.is_string_dtype(text[column]) for column in text.columns)
    assert not text.isna().any().any()
    assert pd.api.types.is_numeric_dtype(typed["hours"])
    assert text["hours"].astype(float).tolist() == typed["hours"].tolist()


def test_dtype_fixes_the_columns_it_names():
    table = datafiles.table("hiring_screening.csv", text=False, dtype={"group": str})
    assert pd.api.types.is_string_dtype(table["group"]) and pd.api.types.is_numeric_dtype(table["score"])


def test_a_caller_cannot_change_what_the_next_caller_reads():
    first = datafiles.table("glossary.csv")
    first.loc[0, "term"] = "changed"
    first.drop(columns="definition", inplace=True)
    again = datafiles.table("glossary.csv")
    assert again.loc[0, "term"] != "changed" and "definition" in again.columns


def test_documents_are_parsed_anew():
    company = datafiles.document("company.json")
    company["name"] = "changed"
    assert datafiles.document("company.json")["name"] != "changed"


def test_path_reaches_files_in_subfolders():
    assert datafiles.path("quizzes/en/00_start_here.json").is_file()
    assert datafiles.path("quizzes").is_dir()


def test_read_table_names_a_learners_file_by_its_name(tmp_path):
    (tmp_path / "mine.csv").write_text("a,b\n1,\n", encoding="utf-8")
    frame, source = datafiles.read_table(tmp_path / "mine.csv", "unused.csv")
    assert source == "mine.csv" and frame.loc[0, "b"] == ""
    frame, source = datafiles.read_table(None, "maturity_questions.csv")
    assert source == "maturity_questions.csv" and len(frame) == 12
