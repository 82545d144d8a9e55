"""The French edition's texts: French typography, and the same figures as the English they translate.

Every French text a learner reads (the gettext catalogue and the prose tables of caiokit/data/fr/) is checked
against the English it translates: a no-break space before ``:`` and a narrow one before ``; ! ?``, «
guillemets » with no-break spaces inside, no English quotation marks, and the same numbers (a date, a fine, a
deadline, a percentage), whatever the notation: "EUR 1,250,000" and "1 250 000 €", "3.5%" and "3,5 %".
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest

from caiokit import aiact, catalogues, facts
from caiokit.i18n import LANGUAGES

DATA = Path(catalogues.PACKAGE) / "data"
NBSP, NNBSP = "\u00a0", "\u202f"
# What typography and figures leave alone: code (in backticks or on a line indented by four spaces), URLs,
# HTML tags, placeholders, entities, times of day, version-like numbers ("ISO/IEC 42001:2023"), Markdown links.
UNCHECKED = re.compile(
    r"```.*?```|`[^`]*`|https?://\S+|<[^>]+>|\{[^{}]*\}|&\w+;|(?<![\d:])\d{1,2}:\d{2}(?![\d:])|\w+:\d{4}"
    r"|\[[^\]]*\]\([^)]*\)|!\[|::|^ {4}[^\n]*",
    re.DOTALL | re.MULTILINE,
)
# The one French table with no English twin in caiokit/data/en/: what applies on each date of the AI Act
# calendar, whose English is the statement of each calendar fact in the facts table (caiokit/data/facts.csv).
CALENDAR = aiact.CALENDAR_WORDS
# Keys of the JSON tables whose values are ids, the same in every language.
ID_KEYS = {"id", "type", "lesson", "answer", "answers", "match"}

pytestmark = pytest.mark.skipif("fr" not in LANGUAGES, reason="the course is not offered in French yet")


def typography_problems(text: str) -> list[str]:
    """What a French text gets wrong in French typography ([] when nothing)."""
    masked = UNCHECKED.sub(lambda m: "X" * len(m.group()), text)
    problems = []
    for mark in re.finditer(r"[;:!?]", masked):
        i = mark.start()
        if i == 0 or masked[i - 1] == "\n" or masked[i - 1 : i + 1] == "(?":
            continue
        if masked[i - 1] not in (NBSP, NNBSP):
            problems.append(f"no no-break space before {mark.group()!r}: {text[max(0, i - 25) : i + 5]!r}")
    for quote in re.finditer("\u00ab", masked):
        if masked[quote.end() : quote.end() + 1] not in (NBSP, NNBSP):
            problems.append(f"no no-break space after «: {text[quote.start() : quote.start() + 25]!r}")
    for quote in re.finditer("\u00bb", masked):
        if masked[quote.start() - 1] not in (NBSP, NNBSP):
            problems.append(f"no no-break space before »: {text[max(0, quote.start() - 25) : quote.end()]!r}")
    if '"' in masked:
        problems.append(f"English quotation marks: {text[:60]!r}")
    return problems


def figures(text: str, french: bool) -> list[str]:
    """The numbers a text states, written the same way whatever the language's notation."""
    masked = UNCHECKED.sub(" ", text)
    if french:
        masked = re.sub(r"(?<=\d)[ \u00a0\u202f](?=\d{3}\b)", "", masked)
        masked = re.sub(r"(?<=\d),(?=\d)", ".", masked)
    else:
        masked = re.sub(r"(?<=\d),(?=\d{3}\b)", "", masked)
    return sorted(re.findall(r"\d+(?:\.\d+)?", masked))


def catalogue_pairs() -> list[tuple[str, str, str]]:
    """(where, English, French) for every form of every message of the French catalogue."""
    pairs = []
    for message in catalogues.read(catalogues.po_path("fr"), "fr"):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        # French uses the singular form for 0 and 1: every form states what the English plural states.
        pairs += [(f"caiokit.po {ids[0][:50]!r}", ids[-1], form) for form in forms if form]
    return pairs


def _json_pairs(english, french, where: str, pairs: list) -> None:
    if isinstance(english, dict):
        for key, value in english.items():
            if key not in ID_KEYS:
                _json_pairs(value, french[key], f"{where}.{key}", pairs)
    elif isinstance(english, list):
        for i, (a, b) in enumerate(zip(english, french, strict=True)):
            _json_pairs(a, b, f"{where}[{i}]", pairs)
    elif isinstance(english, str):
        pairs.append((where, english, french))


def calendar_pairs(path: Path) -> list[tuple[str, str, str]]:
    """(where, English, French) for the AI Act calendar, whose English is the facts table's own statements."""
    english = {row["id"]: row["statement"] for row in facts.calendar()}
    french = pd.read_csv(path, dtype=str, keep_default_na=False)
    return [
        (f"{CALENDAR}[{i}]", english[i], text)
        for i, text in zip(french["id"], french["applies"], strict=True)
    ]


def table_pairs() -> list[tuple[str, str, str]]:
    """(where, English, French) for every text of every prose table of caiokit/data/fr/."""
    pairs = []
    for path in sorted((DATA / "fr").rglob("*")):
        relative = path.relative_to(DATA / "fr").as_posix()
        english = DATA / "en" / relative
        if relative == CALENDAR:
            pairs += calendar_pairs(path)
        elif path.suffix == ".json":
            _json_pairs(json.loads(english.read_text()), json.loads(path.read_text()), relative, pairs)
        elif path.suffix == ".csv":
            en, fr = (pd.read_csv(p, dtype=str, keep_default_na=False) for p in (english, path))
            for column in en.columns[1:]:
                pairs += [
                    (f"{relative}[{i}].{column}", a, b)
                    for i, (a, b) in enumerate(zip(en[column], fr[column], strict=True))
                ]
    return pairs


@pytest.mark.parametrize("source", ["catalogue", "tables"])
def test_french_texts_follow_french_typography(source):
    pairs = catalogue_pairs() if source == "catalogue" else table_pairs()
    problems = [f"{where}: {p}" for where, _, french in pairs for p in typography_problems(french)]
    assert not problems, f"{len(problems)} problem(s):\n" + "\n".join(problems[:20])


@pytest.mark.parametrize("source", ["catalogue", "tables"])
def test_french_texts_state_the_figures_of_the_english(source):
    pairs = catalogue_pairs() if source == "catalogue" else table_pairs()
    problems = [
        f"{where}: {figures(french, True)} in French, {figures(english, False)} in English"
        for where, english, french in pairs
        if figures(french, True) != figures(english, False)
    ]
    assert not problems, f"{len(problems)} text(s) whose figures differ:\n" + "\n".join(problems[:20])


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Attention\u00a0: le RIA\u202f; voir «\u00a0ici\u00a0»\u202f! Pourquoi\u202f?", []),
        ("À 16:30, `a:b`, {x:.1f}, https://eur-lex.europa.eu/a?b, ISO/IEC 42001:2023", []),
        ("Attention : le RIA", ["no no-break space before ':'"]),
        ("Pourquoi?", ["no no-break space before '?'"]),
        ("Lancez\u00a0:\n    import caiokit; caiokit.run()\n", []),
        ("voir « ici\u00a0»", ["no no-break space after «"]),
        ('le "RIA"', ["English quotation marks"]),
    ],
)
def test_the_typography_check_finds_what_it_should_and_only_that(text, found):
    problems = typography_problems(text)
    assert len(problems) == len(found) and all(p.startswith(f) for p, f in zip(problems, found, strict=True))


def test_figures_read_through_each_languages_notation():
    english = "Banned since 2 Feb 2025: up to EUR 35,000,000 or 7% (3.5% for SMEs)"
    french = (
        "Interdit depuis le 2 février 2025\u00a0: jusqu'à 35\u202f000\u202f000 € ou 7 % (3,5 % pour les PME)"
    )
    assert figures(french, True) == figures(english, False) == ["2", "2025", "3.5", "35000000", "7"]
    assert figures("jusqu'à 3,6 %", True) != figures("up to 3.5%", False)


def test_the_french_calendar_words_each_calendar_fact_of_the_facts_table_once():
    french = pd.read_csv(DATA / "fr" / CALENDAR, dtype=str, keep_default_na=False)
    assert list(french["id"]) == [row["id"] for row in facts.calendar()]
