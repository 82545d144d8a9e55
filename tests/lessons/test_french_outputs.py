"""No English left in what a French lesson shows: every stored output of every French lesson is read for English.

An output line is English when it holds two or more English function words that French never uses ("the",
"with", "which"...), once code is set aside: identifiers (snake_case ids such as ``benefit_yearly_eur`` and dotted
ones such as ``role.who``, the same in every edition because learners type them), text in backticks and HTML
markup. What a learner
reads of an output is its Markdown or plain text (a table's text/plain says what its HTML says; a widget's
fallback text is read too).

A few outputs are English on purpose; each is listed below with its reason, and the test fails if the reason no
longer holds (the cell has no English left), so the list cannot go stale.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from caiokit.curriculum import lessons, notebook_path

ROOT = Path(__file__).resolve().parents[2]
FRENCH = [
    lesson
    for lesson in lessons().query("status == 'ready'")["lesson"]
    if (ROOT / "notebooks" / notebook_path(lesson, "fr")).is_file()
]
# English words no French sentence uses (short French words such as "a", "on", "en", "plan" are left out).
ENGLISH_WORDS = frozenset(
    [
        "the",
        "and",
        "with",
        "which",
        "this",
        "that",
        "these",
        "those",
        "your",
        "you",
        "should",
        "would",
        "will",
        "from",
        "of",
        "is",
        "are",
        "not",
        "for",
        "to",
        "by",
        "it",
        "be",
        "has",
        "have",
        "been",
        "when",
        "who",
        "what",
        "into",
        "than",
        "there",
        "their",
        "our",
        "we",
        "they",
    ]
)
CODE = re.compile(r"`[^`]*`|<[^>]+>|\b\w*_\w*\b|\b[a-z]+\.[a-z_]+\b")
# (lesson, cell id): why its output is English in the French edition.
ENGLISH_ON_PURPOSE = {
    (
        "08_ai_technologies_for_leaders",
        "c11",
    ): "the demo's customer tickets: an English dataset, on which the "
    "classifier's figures taught in the lesson were measured",
    ("08_ai_technologies_for_leaders", "c14"): "the classifier's mistakes on the English tickets",
    ("08_ai_technologies_for_leaders", "c18"): "new tickets given to the classifier, which reads English",
    ("08_ai_technologies_for_leaders", "c47"): "tickets generated from the English dataset's vocabulary",
}


def shown_texts(output: dict) -> list[str]:
    """What a learner reads of one output: a stream, or the Markdown, else the plain text, of a display."""
    if "text" in output:
        return ["".join(output["text"])]
    data = output.get("data", {})
    for kind in ("text/markdown", "text/plain"):
        if kind in data:
            return ["".join(data[kind])]
    return []


def english_lines(text: str) -> list[str]:
    """The lines of a text that are English."""
    found = []
    for line in text.splitlines():
        words = re.findall(r"[A-Za-z]+", CODE.sub(" ", line))
        if sum(word in ENGLISH_WORDS for word in words) >= 2:
            found.append(line.strip()[:120])
    return found


def english_by_cell(lesson: str) -> dict[str, list[str]]:
    notebook = json.loads((ROOT / "notebooks" / notebook_path(lesson, "fr")).read_text(encoding="utf-8"))
    found = {}
    for cell in notebook["cells"]:
        if cell["cell_type"] != "code":
            continue
        lines = [
            line
            for output in cell.get("outputs", [])
            for t in shown_texts(output)
            for line in english_lines(t)
        ]
        if lines:
            found[cell["id"]] = lines
    return found


@pytest.mark.parametrize("lesson", FRENCH)
def test_a_french_lesson_shows_no_english(lesson):
    found = english_by_cell(lesson)
    unexpected = {cell: lines for cell, lines in found.items() if (lesson, cell) not in ENGLISH_ON_PURPOSE}
    assert not unexpected, f"English in the outputs of the French {lesson}: {unexpected}"
    stale = [cell for (name, cell) in ENGLISH_ON_PURPOSE if name == lesson and cell not in found]
    assert not stale, f"{lesson}: cells listed as English on purpose show no English any more: {stale}"


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("Relancer le projet avec le comité exécutif", False),
        ("Listen to the key stakeholders and assess AI maturity", True),
        ("Un plan a été fixé : on en parle demain", False),
        ("Le score `weighted_score(table, weights)` de la liste retenue", False),
        ("criterion  benefit_yearly_eur  is_better", False),
    ],
)
def test_english_lines_tells_english_from_french_and_code(text, english):
    assert bool(english_lines(text)) is english
