"""The glossary: well formed, searchable, pointing at real lessons, with a search widget."""

from __future__ import annotations

import re

import pytest

from caiokit import datafiles
from caiokit.curriculum import lessons
from caiokit.glossary import GlossaryError, define, glossary, search
from caiokit.widgets.glossary_search import GlossarySearch


def test_sixty_to_a_hundred_unique_terms_each_taught_in_a_real_lesson():
    table = glossary()
    assert 55 <= len(table) <= 100
    assert table["term"].str.lower().is_unique
    assert set(table["lesson"]) <= set(lessons()["lesson"])
    assert (table["definition"].str.len() > 20).all()


def test_search_puts_name_matches_first_and_ignores_case():
    found = list(search("rICe")["term"])
    assert found[0] == "RICE"
    assert "Confidence" in found  # its definition mentions RICE
    assert search("no such word at all").empty
    assert len(search("  ")) == len(glossary())


def test_define_and_suggestions():
    assert define("recall").startswith("Recall: Of the cases that really are positive")
    with pytest.raises(GlossaryError, match="Did you mean: RICE"):
        define("RICEE")


def test_search_widget_updates_as_the_learner_types():
    tool = GlossarySearch()
    tool.query.value = "deployer"
    assert "<b>Deployer</b>" in tool.results.value
    tool.query.value = "zzzz"
    assert "No term matches" in tool.results.value


def test_the_lessons_and_the_words_of_the_glossary_share_their_ids():
    lessons, words = datafiles.table("glossary.csv"), datafiles.table(datafiles.localized("glossary.csv"))
    assert list(lessons.columns) == ["id", "lesson"] and list(words.columns) == ["id", "term", "definition"]
    assert lessons["id"].is_unique and sorted(lessons["id"]) == sorted(words["id"])
    assert glossary().set_index("id").loc["adkar", "lesson"] == "07_culture_and_change"


def test_the_search_widget_and_define_speak_through_the_catalogue(bracketed):
    tool = GlossarySearch("zzzz")
    assert tool.results.value == "<i>[No term matches; try a shorter part of the word.]</i>"
    tool.query.value = "RICE"
    assert re.match(r"<p>\[\d+ term\(s\)\]</p><ul>", tool.results.value)
    assert define("recall").startswith("[Recall: ") and define("recall").endswith(
        "(lesson 08_ai_technologies_for_leaders)]"
    )
