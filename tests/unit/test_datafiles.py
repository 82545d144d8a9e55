"""Tests of caiokit.datafiles: the one reader of the files in caiokit/data."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from caiokit import aiact, datafiles
from caiokit.i18n import LANGUAGES, SOURCE_LANGUAGE


def test_a_table_is_text_by_default_and_typed_on_request():
    text = datafiles.table("hiring_screening.csv")
    typed = datafiles.table("hiring_screening.csv", text=False)
    assert all(pd.api.types.is_string_dtype(text[column]) for column in text.columns)
    assert not text.isna().any().any()
    assert pd.api.types.is_numeric_dtype(typed["score"])
    assert text["score"].astype(float).tolist() == typed["score"].tolist()


def test_dtype_fixes_the_columns_it_names():
    table = datafiles.table("hiring_screening.csv", text=False, dtype={"group": str})
    assert pd.api.types.is_string_dtype(table["group"]) and pd.api.types.is_numeric_dtype(table["score"])


def test_a_caller_cannot_change_what_the_next_caller_reads():
    first = datafiles.table("lessons.csv")
    first.loc[0, "lesson"] = "changed"
    del first["minutes"]
    again = datafiles.table("lessons.csv")
    assert again.loc[0, "lesson"] != "changed" and "minutes" in again.columns


def test_documents_are_parsed_anew():
    company = datafiles.document("company.json")
    company["name"] = "changed"
    assert datafiles.document("company.json")["name"] != "changed"


def test_path_reaches_files_in_subfolders():
    assert datafiles.path("en/quizzes/00_start_here.json").is_file()
    assert datafiles.path("en/quizzes").is_dir()


def test_read_table_names_a_learners_file_by_its_name(tmp_path):
    (tmp_path / "mine.csv").write_text("a,b\n1,\n", encoding="utf-8")
    frame, source = datafiles.read_table(tmp_path / "mine.csv", "unused.csv")
    assert source == "mine.csv" and frame.loc[0, "b"] == ""
    frame, source = datafiles.read_table(None, "maturity_questions.csv")
    assert source == "maturity_questions.csv" and len(frame) == 12


def test_localized_names_the_file_of_the_language_in_use():
    assert datafiles.localized("quizzes/00_start_here.json") == "en/quizzes/00_start_here.json"
    assert datafiles.path(datafiles.localized("quizzes")).is_dir()


DATA = Path(datafiles.__file__).resolve().parent / "data"


def language_files(code: str) -> dict[str, Path]:
    folder = DATA / code
    return {path.relative_to(folder).as_posix(): path for path in sorted(folder.rglob("*")) if path.is_file()}


def csv_shape(path: Path) -> tuple[list[str], list[str]]:
    """The columns of a prose table and its ids (its first column), which every language must share."""
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    return list(frame.columns), list(frame.iloc[:, 0])


@pytest.mark.parametrize("code", sorted(set(LANGUAGES) - {SOURCE_LANGUAGE}) or ["(none)"])
def test_every_language_has_the_same_prose_files_columns_and_ids(code):
    if code == "(none)":
        pytest.skip("the course offers English only so far: no other language's data folder to compare")
    english, other = language_files(SOURCE_LANGUAGE), language_files(code)
    # The AI Act calendar's words: English has them in the facts table (tests/unit/test_french_edition.py).
    other.pop(aiact.CALENDAR_WORDS, None)
    assert sorted(other) == sorted(english), f"caiokit/data/{code}/ must hold the files of caiokit/data/en/"
    for name, path in english.items():
        if name.endswith(".csv"):
            assert csv_shape(other[name]) == csv_shape(path), f"{code}/{name}: columns or ids differ"


WORDED = sorted(
    name for name in language_files(SOURCE_LANGUAGE) if name.endswith(".csv") and (DATA / name).is_file()
)


@pytest.mark.parametrize("name", WORDED)
def test_a_shared_table_and_its_words_have_the_same_keys(name):
    shared, words = (
        pd.read_csv(path, dtype=str, keep_default_na=False) for path in (DATA / name, DATA / "en" / name)
    )
    keys = [column for column in shared.columns if column in words.columns]
    assert keys, f"{name}: the shared table and its words have no key column in common"
    assert sorted(map(tuple, shared[keys].values)) == sorted(map(tuple, words[keys].values)), name
    joined = datafiles.worded(name, on=keys)
    assert len(joined) == len(shared) and not joined.isna().any().any(), name
    assert list(joined[keys[0]]) == list(shared[keys[0]]), f"{name}: worded keeps the shared table's order"


def test_worded_joins_the_words_of_the_language_in_use():
    glossary = datafiles.worded("glossary.csv", on="id")
    assert {"id", "lesson", "term", "definition"} <= set(glossary.columns)
    assert glossary.set_index("id").loc[glossary["id"].iloc[0], "term"] != ""
