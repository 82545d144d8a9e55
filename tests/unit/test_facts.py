"""The facts table: well formed, the single source of the AI Act calendar, and holding every date, survey
percentage and AI Act article that learner-facing text mentions; the lessons' facts line; the report."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import nbformat
import pytest

from caiokit import aiact, facts
from caiokit.authoring import NAV_MARKER, add_navigation
from caiokit.curriculum import lessons
from caiokit.facts import FactsError, Mention, mentions

ROOT = Path(__file__).resolve().parents[2]
READY = list(lessons().query("status == 'ready'")["lesson"])


# --- the scanner ------------------------------------------------------------------------------------


def test_mentions_finds_dates_in_every_written_form():
    found = mentions("From 2 Dec 2027, or 2 August 2028 (2030-08-02); the memo of April 2025.", "here")
    assert [(m.kind, m.key) for m in found] == [
        ("date", "2027-12-02"),
        ("date", "2028-08-02"),
        ("date", "2030-08-02"),
        ("month", "2025-04"),
    ]
    assert found[0] == Mention("date", "2 Dec 2027", "2027-12-02", "here")


def test_mentions_counts_percentages_only_where_a_survey_is_named():
    assert not [
        m for m in mentions("A discount rate of 8% and 100% of capacity.", "x") if m.kind == "percentage"
    ]
    survey = mentions("IBM's study: 26% have a CAIO, and 10 % report more ROI.", "x")
    assert [m.key for m in survey if m.kind == "percentage"] == ["26%", "10%"]


def test_mentions_reads_article_numbers_with_their_points():
    found = mentions("Art. 5(1)(ba), Article 4, Arts 9-15 and Art. 6(1a).", "x")
    assert [m.key for m in found] == ["Art. 5(1)(ba)", "Art. 4", "Art. 9", "Art. 6(1a)"]


def test_an_article_is_held_by_itself_or_by_one_of_its_points():
    keys = {("article", "Art. 5(1)(a)"), ("article", "Art. 26")}
    held = [facts.holds(m, keys) for m in mentions("Art. 5, Art. 5(1), Art. 26, Art. 2, Art. 5(1)(b)", "x")]
    assert held == [True, True, True, False, False]


def test_unheld_reports_an_unknown_date_a_wrong_figure_and_an_unknown_article():
    # The scan knows which values are facts, not what each sentence says of them: a date of the table
    # used for the wrong obligation (Annex III "from 2 Aug 2026") passes; a date the table lacks does not.
    text = "IBM found a CAIO in 27% of organisations; Annex III applies from 2 Sep 2026 (Art. 5(1)(i))."
    assert [m.text for m in facts.unheld(mentions(text, "notebooks/99_made_up.ipynb cell x"))] == [
        "2 Sep 2026",
        "27%",
        "Art. 5(1)(i)",
    ]
    right = "IBM found a CAIO in 26% of organisations; Annex III applies from 2 Dec 2027 (Art. 5(1)(ba))."
    assert facts.unheld(mentions(right, "notebooks/99_made_up.ipynb cell x")) == []


def test_the_allow_list_applies_only_where_it_says():
    pitfall = mentions(
        "2 Aug 2024", "caiokit/data/en/quizzes/06_ethics_and_compliance.json question entry_into_force"
    )
    assert facts.unheld(pitfall) == []
    elsewhere = mentions("2 Aug 2024", "notebooks/06_ethics_and_compliance.ipynb cell c28")
    assert [m.text for m in facts.unheld(elsewhere)] == ["2 Aug 2024"]


# --- the course -------------------------------------------------------------------------------------


def test_every_fact_in_learner_facing_text_is_in_the_facts_table():
    missing = facts.unheld(facts.scan())
    assert not missing, (
        "not in caiokit/data/facts.csv (add the fact, with its source and as_of date, or fix the text):\n"
        + "\n".join(f"  {m.place}: {m.text!r}" for m in missing)
    )


def test_the_scan_reads_every_kind_of_learner_facing_text():
    places = {place.split(" ")[0] for place, _ in facts.learner_texts()}
    assert {f"notebooks/{lesson}.ipynb" for lesson in READY} <= places
    assert {p.relative_to(ROOT).as_posix() for p in (ROOT / "source").glob("*/*.ipynb")} <= places
    assert {p.relative_to(ROOT).as_posix() for p in ROOT.glob("caiokit/data/en/quizzes/*.json")} <= places
    prose = {p.relative_to(ROOT).as_posix() for p in ROOT.glob("caiokit/data/en/*.*")}
    assert {"caiokit/data/en/glossary.csv", "caiokit/data/en/aiact_rules.json"} <= prose <= places
    assert "caiokit/data/aiact_rules.json" in places
    assert {p.relative_to(ROOT).as_posix() for p in (ROOT / "caiokit/checks").glob("[a-z]*.py")} <= places


def test_every_allow_list_entry_is_still_needed():
    found = facts.scan()
    keys = facts._held_keys(facts.facts())
    for row in facts.allowed():
        wanted = {(m.kind, m.key) for m in mentions(row["value"], "", survey=True)}
        used = [m for m in found if (m.kind, m.key) in wanted and m.place.startswith(row["where"])]
        assert used, f"facts_allowed.csv: {row['value']!r} is no longer found in {row['where']}: remove it"
        assert not all(facts.holds(m, keys) for m in used), f"{row['value']!r} is a fact now: remove it"


def test_facts_table_is_well_formed():
    rows = facts.facts()
    assert len({row["id"] for row in rows}) == len(rows) > 50
    assert {row["status"] for row in rows} <= set(facts.STATUSES)
    assert all(dt.date.fromisoformat(row["as_of"]) <= dt.date.today() for row in rows)
    assert all(row["source"].strip() for row in rows)


def test_the_ai_act_calendar_is_the_calendar_rows_of_the_facts_table():
    calendar = aiact.key_dates(include_proposed=True)
    rows = facts.calendar()
    assert sorted(row["value"] for row in rows) == [d.date().isoformat() for d in calendar["date"]]
    assert set(calendar["applies"]) == {row["statement"] for row in rows}
    assert not (ROOT / "caiokit" / "data" / "aiact_dates.csv").exists()


def test_the_law_in_force_on_2_dec_2026():
    dates = {row["id"]: row["value"] for row in facts.calendar()}
    assert dates["aiact_annex_iii"] == "2027-12-02" and dates["aiact_annex_i"] == "2028-08-02"
    assert dates["aiact_new_bans"] == "2026-12-02" and dates["aiact_general_application"] == "2026-08-02"
    assert not [row for row in facts.calendar() if row["status"] == "proposed"]


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("as_of", "02/12/2026", "ISO date"),
        ("as_of", "2099-01-01", "after today"),
        ("status", "sure", "status 'sure'"),
        ("value", "soon", "not a date, a percentage or an article"),
        ("source", "", "empty source"),
    ],
)
def test_a_malformed_row_is_a_clear_error(monkeypatch, column, value, message):
    rows = [dict(row) for row in facts._read("facts.csv", facts.COLUMNS)]
    rows[0][column] = value
    monkeypatch.setattr(facts, "_read", lambda name, expected: rows)
    facts.facts.cache_clear()
    try:
        with pytest.raises(FactsError, match=message):
            facts.facts()
    finally:
        monkeypatch.undo()
        facts.facts.cache_clear()


def test_a_missing_column_is_a_clear_error(tmp_path, monkeypatch):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "facts.csv").write_text("id,statement\nx,y\n", encoding="utf-8")
    monkeypatch.setattr(facts.datafiles.resources, "files", lambda package: tmp_path)
    facts.facts.cache_clear()
    try:
        with pytest.raises(FactsError, match="column.*'value'"):
            facts.facts()
    finally:
        monkeypatch.undo()
        facts.facts.cache_clear()


# --- the lessons' facts line and the maintainer report ---------------------------------------------


@pytest.mark.parametrize("lesson", READY)
def test_every_lesson_shows_when_its_facts_were_last_checked(lesson):
    cells = json.loads((ROOT / "notebooks" / f"{lesson}.ipynb").read_text(encoding="utf-8"))["cells"]
    marked = [i for i, cell in enumerate(cells) if cell["metadata"].get(facts.MARKER)]
    assert marked == [2], f"{lesson}: the facts line should be the one cell after the navigation line"
    assert "".join(cells[2]["source"]) == facts.lesson_line(lesson, facts.scan()), (
        f"{lesson}: its facts line is stale: run `python -m caiokit.authoring lessons {lesson}`"
    )


def test_the_facts_line_takes_the_oldest_check_of_the_lessons_facts(monkeypatch):
    rows = [dict(row) for row in facts.facts()]
    for row in rows:
        if row["id"] == "ibm_caio_share":
            row["as_of"] = "2025-06-30"
    monkeypatch.setattr(facts, "facts", lambda: tuple(rows))
    found = facts.scan()
    assert "last checked on 30 Jun 2025" in facts.lesson_line("01_who_is_the_caio", found)
    assert "last checked on 30 Jun 2025" not in facts.lesson_line("06_ethics_and_compliance", found)
    assert facts.stale(dt.date(2026, 12, 2)) == [next(r for r in rows if r["id"] == "ibm_caio_share")]


def test_the_facts_line_is_idempotent_and_sits_under_the_navigation():
    notebook = nbformat.read(ROOT / "notebooks" / "06_ethics_and_compliance.ipynb", as_version=4)
    before = [cell.id for cell in notebook.cells]
    for _ in range(2):
        add_navigation(notebook, "06_ethics_and_compliance")
        facts.add_facts_line(notebook, "06_ethics_and_compliance")
    assert [cell.id for cell in notebook.cells] == before
    assert notebook.cells[1].metadata.get(NAV_MARKER) and notebook.cells[2].metadata.get(facts.MARKER)


def test_report_lists_uses_stale_facts_and_unheld_mentions(capsys):
    from caiokit.authoring import main

    main(["facts"])
    out = capsys.readouterr().out
    assert out.startswith(f"{len(facts.facts())} facts in caiokit/data/facts.csv")
    block = out.split("aiact_annex_iii = 2027-12-02", 1)[1].split("\n\n")[0]
    assert "notebooks/06_ethics_and_compliance.ipynb cell c31" in block
    assert "caiokit/data/en/quizzes/06_ethics_and_compliance.json question digital_omnibus" in block
    assert "Older than a year:\n    none" in out and "does not hold:\n    none" in out
    later = facts.report(today=dt.date(2028, 1, 1))
    assert "Older than a year:\n    aiact_published" in later
