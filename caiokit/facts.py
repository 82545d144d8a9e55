"""The course's dated facts: one table, where each fact is used, and which ones are due for a new check.

``caiokit/data/facts.csv`` holds every date, survey figure and AI Act article the course teaches, one row per
fact: ``id``, ``topic``, ``statement``, ``value`` (an ISO date or month, a percentage, or an article such as
``Art. 5(1)(ba)``), ``source``, ``as_of`` (the date it was last checked), ``status`` (``verified`` against the
primary or an official text, ``reported`` by secondary sources only, or ``proposed``: not law) and, for the
AI Act calendar, ``scope``. The calendar of :mod:`caiokit.aiact` is the rows of topic ``aiact_calendar``.

The scan reads everything a learner reads in English, the language the course is written in (lesson markdown,
quiz banks, every prose table of caiokit/data/en, the triage rules, assignment sources, the checks' hints and
solutions), finds dates, survey percentages and article numbers, and reports the ones the table does not hold. ``caiokit/data/facts_allowed.csv``
lists the few that are not facts (a worked example's dates, a pitfall offered as a wrong answer), each with its
reason.
"""

from __future__ import annotations

import ast
import csv
import datetime as dt
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from caiokit import datafiles
from caiokit.curriculum import lessons
from caiokit.errors import CaioKitError
from caiokit.i18n import N_, SOURCE_LANGUAGE, format_short_date, text

if TYPE_CHECKING:
    import nbformat

ROOT = Path(__file__).resolve().parent.parent
COLUMNS = ("id", "topic", "statement", "value", "source", "as_of", "status", "scope")
ALLOW_COLUMNS = ("value", "where", "reason")
STATUSES = ("verified", "reported", "proposed")
CALENDAR_TOPIC = "aiact_calendar"
STALE_AFTER = dt.timedelta(days=365)
MARKER = "caiokit_facts_checked"
NAV_MARKER = "caiokit_navigation"

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATE = re.compile(
    rf"\b(?P<day>\d{{1,2}}) (?P<dmonth>{_MONTH})\.? (?P<dyear>(?:19|20)\d\d)\b"
    rf"|\b(?P<iso>(?:19|20)\d\d-\d\d(?:-\d\d)?)\b"
    rf"|\b(?P<month>{_MONTH}) (?P<year>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
_PERCENT = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)\s?%")
_ARTICLE = re.compile(r"\bArt(?:icle)?s?\.?\s+(\d+[a-z]?(?:\([0-9a-z]+\))*)")
# A percentage is a survey figure when the same text unit names a survey or its publisher.
_SURVEY = re.compile(r"\b(?:IBM|AWS|CISR|surveys?|surveyed|stud(?:y|ies)|respondents|postings|index)\b", re.I)

_TEXT = {
    "columns": "{name}: column(s) {columns} missing; expected {expected}",
    "blank": "{name}: row {row} ({fact}) has an empty {column}",
    "duplicate": "{name}: the id {fact} appears more than once",
    "as_of": "{name}: row {row} ({fact}) has as_of {value!r}; write an ISO date such as 2026-12-02",
    "future": "{name}: row {row} ({fact}) was checked on {value}, after today",
    "status": "{name}: row {row} ({fact}) has status {value!r}; use one of {statuses}",
    "value": "{name}: row {row} ({fact}) has value {value!r}, which is not a date, a percentage or an article",
    "calendar": "{name}: calendar row {fact} needs an ISO date as value and a scope",
    "allow_value": "{name}: row {row} allows {value!r}, which the scan would never find",
    "unknown": "facts.csv has no fact with the id {fact!r}",
    "not_share": "fact {fact!r} has the value {value!r}, not a percentage",
    "line": N_(
        "*Facts and figures in this lesson last checked on {date}, the oldest check among the {count} "
        "dated facts it cites (`caiokit/data/facts.csv`).*"
    ),
    "line_none": N_(
        "*This lesson cites none of the course's dated facts (`caiokit/data/facts.csv`, last checked on {date}).*"
    ),
}


class FactsError(CaioKitError):
    """The facts table or its allow list is malformed."""


@dataclass(frozen=True)
class Mention:
    """A date, survey percentage or article number found in learner-facing text, and where."""

    kind: str
    text: str
    key: str
    place: str


def format_date(day: dt.date) -> str:
    """A date as the course writes it, e.g. '2 Dec 2026'."""
    return f"{day.day} {day:%b %Y}"


def _date_key(match: re.Match[str]) -> tuple[str, str]:
    if match["iso"]:
        return ("date" if len(match["iso"]) == 10 else "month"), match["iso"]
    if match["day"]:
        month = _MONTHS[match["dmonth"].lower()]
        return "date", f"{int(match['dyear']):04d}-{month:02d}-{int(match['day']):02d}"
    return "month", f"{int(match['year']):04d}-{_MONTHS[match['month'].lower()]:02d}"


def _article_key(number: str) -> str:
    return f"Art. {number}"


def mentions(text: str, place: str, survey: bool | None = None) -> list[Mention]:
    """The dates, survey percentages and AI Act article numbers in one text unit.

    Percentages count when the unit names a survey or its publisher, or when ``survey`` is True.
    """
    found = []
    for match in _DATE.finditer(text):
        kind, key = _date_key(match)
        found.append(Mention(kind, match.group(0), key, place))
    if survey or (survey is None and _SURVEY.search(text)):
        found += [Mention("percentage", m.group(0), f"{m.group(1)}%", place) for m in _PERCENT.finditer(text)]
    found += [
        Mention("article", m.group(0), _article_key(m.group(1)), place) for m in _ARTICLE.finditer(text)
    ]
    return found


def _value_keys(value: str) -> list[tuple[str, str]]:
    """What a fact's value holds: ('date', ...) and its month, ('month', ...), ('percentage', ...) or ('article', ...)."""
    value = value.strip()
    if re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        return [("date", value), ("month", value[:7])]
    if re.fullmatch(r"\d{4}-\d\d", value):
        return [("month", value)]
    percent = re.fullmatch(r"(\d+(?:\.\d+)?)\s?%", value)
    if percent:
        return [("percentage", f"{percent.group(1)}%")]
    article = re.fullmatch(r"Art\. (\d+[a-z]?(?:\([0-9a-z]+\))*)", value)
    if article:
        return [("article", _article_key(article.group(1)))]
    return []


def _read(name: str, expected: tuple[str, ...]) -> list[dict[str, str]]:
    with datafiles.path(name).open("r", encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [column for column in expected if column not in (reader.fieldnames or ())]
        if missing:
            raise FactsError(_TEXT["columns"].format(name=name, columns=missing, expected=list(expected)))
        return list(reader)


@lru_cache(maxsize=1)
def facts() -> tuple[dict[str, str], ...]:
    """Every row of the facts table, checked: unique ids, a known status, a value the scan can match, a past as_of."""
    name = "facts.csv"
    rows = _read(name, COLUMNS)
    today = dt.date.today()
    problems, seen = [], set()
    for number, row in enumerate(rows, start=2):
        fact = row["id"]
        for column in ("id", "topic", "statement", "value", "source", "as_of", "status"):
            if not row[column].strip():
                problems.append(_TEXT["blank"].format(name=name, row=number, fact=fact, column=column))
        if fact in seen:
            problems.append(_TEXT["duplicate"].format(name=name, fact=fact))
        seen.add(fact)
        try:
            checked = dt.date.fromisoformat(row["as_of"])
        except ValueError:
            problems.append(_TEXT["as_of"].format(name=name, row=number, fact=fact, value=row["as_of"]))
        else:
            if checked > today:
                problems.append(_TEXT["future"].format(name=name, row=number, fact=fact, value=row["as_of"]))
        if row["status"] not in STATUSES:
            problems.append(
                _TEXT["status"].format(
                    name=name, row=number, fact=fact, value=row["status"], statuses=STATUSES
                )
            )
        keys = _value_keys(row["value"])
        if not keys:
            problems.append(_TEXT["value"].format(name=name, row=number, fact=fact, value=row["value"]))
        if row["topic"] == CALENDAR_TOPIC and (not keys or keys[0][0] != "date" or not row["scope"].strip()):
            problems.append(_TEXT["calendar"].format(name=name, fact=fact))
    if problems:
        raise FactsError("; ".join(problems))
    return tuple(rows)


def share(fact: str) -> float:
    """A percentage of the facts table as a share: 0.26 for the fact whose value is '26%'."""
    row = next((row for row in facts() if row["id"] == fact), None)
    if row is None:
        raise FactsError(_TEXT["unknown"].format(fact=fact))
    kind, key = _value_keys(row["value"])[0]
    if kind != "percentage":
        raise FactsError(_TEXT["not_share"].format(fact=fact, value=row["value"]))
    return float(key.rstrip("%")) / 100


def calendar() -> list[dict[str, str]]:
    """The AI Act calendar: the facts of topic 'aiact_calendar' (date in ``value``, what applies in ``statement``)."""
    return [row for row in facts() if row["topic"] == CALENDAR_TOPIC]


def allowed() -> tuple[dict[str, str], ...]:
    """The allow list: values the scan finds that are not facts, each with where (a path prefix) and why."""
    name = "facts_allowed.csv"
    rows = _read(name, ALLOW_COLUMNS)
    problems = []
    for number, row in enumerate(rows, start=2):
        for column in ALLOW_COLUMNS:
            if not row[column].strip():
                problems.append(
                    _TEXT["blank"].format(name=name, row=number, fact=row["value"], column=column)
                )
        if row["value"].strip() and not mentions(row["value"], name, survey=True):
            problems.append(_TEXT["allow_value"].format(name=name, row=number, value=row["value"]))
    if problems:
        raise FactsError("; ".join(problems))
    return tuple(rows)


def _held_keys(rows: Iterable[dict[str, str]]) -> set[tuple[str, str]]:
    return {key for row in rows for key in _value_keys(row["value"])}


def holds(mention: Mention, keys: set[tuple[str, str]]) -> bool:
    """True when the keys hold this mention; an article is held by itself or by one of its points (Art. 5 by 5(1)(a))."""
    if (mention.kind, mention.key) in keys:
        return True
    if mention.kind == "article":
        return any(k == "article" and value.startswith(mention.key + "(") for k, value in keys)
    return False


def _allow_entry(mention: Mention) -> dict[str, str] | None:
    for row in allowed():
        keys = {(m.kind, m.key) for m in mentions(row["value"], "", survey=True)}
        if (mention.kind, mention.key) in keys and mention.place.startswith(row["where"]):
            return row
    return None


def unheld(found: Iterable[Mention]) -> list[Mention]:
    """The mentions that neither the facts table nor the allow list holds."""
    keys = _held_keys(facts())
    return [m for m in found if not holds(m, keys) and _allow_entry(m) is None]


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def learner_texts(root: Path = ROOT) -> list[tuple[str, str]]:
    """Every text unit a learner reads, as (place, text); a place names the file and the cell, question or row."""
    import nbformat  # not at the top: the AI Act calendar imports this module, and nbformat costs seconds

    units: list[tuple[str, str]] = []
    for path in sorted((root / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        notebook = nbformat.read(path, as_version=4)
        for cell in notebook.cells:
            if cell.cell_type == "markdown" and not (
                cell.metadata.get(MARKER) or cell.metadata.get(NAV_MARKER)
            ):
                units.append((f"notebooks/{path.name} cell {cell.get('id')}", cell.source))
    for path in sorted((root / "source").glob("*/*.ipynb")):
        notebook = nbformat.read(path, as_version=4)
        relative = path.relative_to(root).as_posix()
        units += [(f"{relative} cell {cell.get('id')}", cell.source) for cell in notebook.cells]
    data = root / "caiokit" / "data"
    for path in sorted((data / SOURCE_LANGUAGE / "quizzes").glob("*.json")):
        bank = json.loads(path.read_text(encoding="utf-8"))
        relative = path.relative_to(root).as_posix()
        units += [(f"{relative} question {q['id']}", "\n".join(_strings(q))) for q in bank["questions"]]
    # Every other prose file of the language the course is written in (glossary, advice, the triage rules'
    # words...), row by row or part by part, and the language-neutral triage rules beside them.
    for path in sorted((data / SOURCE_LANGUAGE).glob("*.csv")):
        relative = path.relative_to(root).as_posix()
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        units += [(f"{relative} row {number}", " ".join(row.values())) for number, row in enumerate(rows, 2)]
    for path in [data / "aiact_rules.json", *sorted((data / SOURCE_LANGUAGE).glob("*.json"))]:
        relative = path.relative_to(root).as_posix()
        document = json.loads(path.read_text(encoding="utf-8"))
        units += [(f"{relative} {part}", "\n".join(_strings(document[part]))) for part in document]
    for path in sorted((root / "caiokit" / "checks").glob("*.py")):
        relative = path.relative_to(root).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                units.append((f"{relative} line {node.lineno}", node.value))
    return units


def scan(root: Path = ROOT) -> list[Mention]:
    """Every mention in every learner-facing text."""
    return [m for place, text in learner_texts(root) for m in mentions(text, place)]


def usage(found: Iterable[Mention]) -> dict[str, list[str]]:
    """For each fact id, the places that mention its value, in order and without repeats.

    A month ('May 2026') goes to the facts known to that month if there are any, else to the dated facts in it.
    """
    found = list(found)
    months = {row["value"] for row in facts() if _value_keys(row["value"])[0][0] == "month"}
    places: dict[str, list[str]] = {}
    for row in facts():
        keys = set(_value_keys(row["value"]))
        if row["value"] not in months:
            keys -= {("month", month) for month in months}
        hits = [m.place for m in found if holds(m, keys)]
        places[row["id"]] = list(dict.fromkeys(hits))
    return places


def stale(today: dt.date | None = None) -> list[dict[str, str]]:
    """The facts last checked more than a year before ``today``."""
    today = today or dt.date.today()
    return [row for row in facts() if today - dt.date.fromisoformat(row["as_of"]) > STALE_AFTER]


def _lesson_places(lesson: str) -> tuple[str, ...]:
    row = lessons().set_index("lesson").loc[lesson]
    places = [f"notebooks/{lesson}.ipynb ", f"caiokit/data/{SOURCE_LANGUAGE}/quizzes/{row['quiz']}.json "]
    if row["checks"]:
        places.append(f"caiokit/checks/{row['checks']}.py ")
    return tuple(places)


def lesson_line(lesson: str, found: Iterable[Mention]) -> str:
    """The one line a lesson shows under its title: when its facts were last checked, from the facts table."""
    prefixes = _lesson_places(lesson)
    used = [
        row
        for row, places in zip(facts(), usage(found).values(), strict=True)
        if any(place.startswith(prefixes) for place in places)
    ]
    if not used:
        newest = max(dt.date.fromisoformat(row["as_of"]) for row in facts())
        return text(_TEXT["line_none"]).format(date=format_short_date(newest))
    oldest = min(dt.date.fromisoformat(row["as_of"]) for row in used)
    return text(_TEXT["line"]).format(date=format_short_date(oldest), count=len(used))


def add_facts_line(notebook: nbformat.NotebookNode, lesson: str, root: Path = ROOT) -> None:
    """Put the facts-checked line under the title and its navigation line; idempotent thanks to a metadata marker."""
    import nbformat  # here, not at the top: see learner_texts

    notebook.cells = [cell for cell in notebook.cells if not cell.metadata.get(MARKER)]
    position = 2 if len(notebook.cells) > 1 and notebook.cells[1].metadata.get(NAV_MARKER) else 1
    cell = nbformat.v4.new_markdown_cell(lesson_line(lesson, scan(root)))
    cell.metadata[MARKER] = True
    cell.id = "facts-checked"
    notebook.cells.insert(position, cell)


def report(today: dt.date | None = None, root: Path = ROOT) -> str:
    """For each fact: its value, when it was checked, and where it is used; then stale facts and unheld mentions."""
    today = today or dt.date.today()
    found = scan(root)
    places = usage(found)
    rows = facts()
    old = stale(today)
    lines = [
        f"{len(rows)} facts in caiokit/data/facts.csv; {len(old)} checked more than a year before "
        f"{format_date(today)}.",
        "",
    ]
    for row in rows:
        where = places[row["id"]]
        lines.append(
            f"{row['id']} = {row['value']} ({row['status']}, checked {format_date(dt.date.fromisoformat(row['as_of']))})"
        )
        lines += [f"    {place}" for place in where] or ["    (not used in learner-facing text)"]
    lines += ["", "Older than a year:"]
    lines += [f"    {row['id']} (checked {row['as_of']}): {row['source']}" for row in old] or ["    none"]
    missing = unheld(found)
    lines += ["", "Mentions the facts table does not hold:"]
    lines += [f"    {m.place}: {m.text!r}" for m in missing] or ["    none"]
    return "\n".join(lines)
