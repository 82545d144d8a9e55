"""The course's language: choosing it, the catalogues, and numbers, money and dates in each language's format."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from caiokit import catalogues, i18n


@pytest.fixture
def french(monkeypatch):
    """French formatting, whether or not the French catalogue exists yet (formatting needs none)."""
    monkeypatch.setitem(i18n.LANGUAGES, "fr", "fr_FR")
    monkeypatch.setattr(i18n, "_chosen", "fr")


@pytest.fixture(autouse=True)
def english_by_default(monkeypatch):
    monkeypatch.setattr(i18n, "_chosen", None)
    monkeypatch.delenv(i18n.ENVIRONMENT_VARIABLE, raising=False)


def test_english_is_the_default_and_needs_no_catalogue():
    assert i18n.language() == "en"
    assert i18n._("Budget") == "Budget"
    assert i18n.ngettext("{n} use case", "{n} use cases", 1) == "{n} use case"
    assert i18n.ngettext("{n} use case", "{n} use cases", 0) == "{n} use cases"


def test_the_language_comes_from_use_language_or_the_environment(monkeypatch):
    monkeypatch.setitem(i18n.LANGUAGES, "fr", "fr_FR")
    monkeypatch.setenv(i18n.ENVIRONMENT_VARIABLE, "fr_FR.UTF-8")
    assert i18n.language() == "fr"
    assert i18n.use_language("en-GB") == "en"
    assert i18n.language() == "en", "a notebook's own choice wins over the environment"


def test_a_language_not_offered_is_refused_with_the_choice(monkeypatch):
    with pytest.raises(i18n.LanguageError, match=r"not offered in 'de'; choose one of 'en'"):
        i18n.use_language("de")
    monkeypatch.setenv(i18n.ENVIRONMENT_VARIABLE, "xx")
    with pytest.raises(i18n.LanguageError, match=r"^CAIOKIT_LANG: the course is not offered in 'xx'"):
        i18n.language()


def test_english_formats_are_the_ones_the_lessons_show():
    assert i18n.format_eur(1_234_567.4) == "EUR 1,234,567"
    assert i18n.format_eur(-250_000) == "EUR -250,000"
    assert i18n.format_number(13_976) == "13,976"
    assert i18n.format_number(0.3846, 2) == "0.38"
    assert i18n.format_percent(0.25) == "25%"
    assert i18n.format_percent(0.125, 1) == "12.5%"
    assert i18n.format_date(dt.date(2027, 12, 2)) == "2 December 2027"
    for value in (0, 7, 999, 1000, 12_345.678, 1e9):
        assert i18n.format_number(value) == f"{value:,.0f}"


def test_french_formats_follow_french_typography(french):
    assert i18n.format_eur(1_234_567) == "1\u202f234\u202f567\u00a0€"
    assert i18n.format_number(0.3846, 2) == "0,38"
    assert i18n.format_percent(0.25) == "25\u202f%"
    assert i18n.format_date(dt.date(2027, 12, 2)) == "2 décembre 2027"


def test_the_template_holds_exactly_the_texts_marked_in_the_code():
    stored = catalogues.read(catalogues.TEMPLATE)
    assert stored is not None, "no caiokit/locale/caiokit.pot: run `python -m caiokit.authoring catalogues`"
    extracted = catalogues.extract()
    now, before = catalogues.messages(extracted), catalogues.messages(stored)
    assert now.keys() == before.keys(), (
        "caiokit/locale/caiokit.pot is out of date: run `python -m caiokit.authoring catalogues`; "
        f"new: {sorted(now.keys() - before.keys())[:5]}, gone: {sorted(before.keys() - now.keys())[:5]}"
    )


PLACEHOLDER = re.compile(r"\{[^{}]*\}")

OTHER_LANGUAGES = [code for code in i18n.LANGUAGES if code != i18n.SOURCE_LANGUAGE]


@pytest.mark.skipif(
    not OTHER_LANGUAGES, reason="the course is offered in English only so far (issue 13: French)"
)
@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_every_text_is_translated_with_the_same_placeholders(language):
    template = catalogues.read(catalogues.TEMPLATE)
    translated = catalogues.read(catalogues.po_path(language), language)
    assert translated is not None, (
        f"no {catalogues.po_path(language)}: run `python -m caiokit.authoring catalogues`"
    )
    by_id = {message.id: message for message in translated if message.id}
    problems = []
    for message in template:
        if not message.id:
            continue
        found = by_id.get(message.id)
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = (
            found.string
            if found is not None and isinstance(found.string, tuple)
            else (found and found.string,)
        )
        if found is None or not all(strings) or found.fuzzy:
            problems.append(f"untranslated: {ids[0]!r}")
            continue
        wanted = sorted(PLACEHOLDER.findall(ids[-1]))
        for text in strings:
            if sorted(PLACEHOLDER.findall(text)) != wanted:
                problems.append(f"placeholders differ: {ids[0]!r} -> {text!r}")
    assert not problems, f"{len(problems)} problem(s) in {language}:\n" + "\n".join(problems[:20])
    assert catalogues.po_path(language).with_suffix(".mo").read_bytes() == catalogues.compiled(translated), (
        "the compiled catalogue is older than its .po: run `python -m caiokit.authoring catalogues`"
    )
