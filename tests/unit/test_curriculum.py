"""The curriculum map covers every seed item and points only at things that exist."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest

import caiokit.widgets
from caiokit import curriculum, datafiles
from caiokit.completion import completion_table
from caiokit.curriculum import course_map, coverage, curriculum_map, lessons, seed_items
from caiokit.i18n import LANGUAGES, speaking
from caiokit.progress import Event

ROOT = Path(__file__).resolve().parents[2]
SEED_README = ROOT.parent / "shared" / "seed" / "README.md"
# Items beyond the seed article: what CAIO job postings ask for in 2026 (lessons 11-14).
PRACTICE = "practice"


def test_the_map_is_complete_and_consistent():
    report = coverage(ROOT / "notebooks")
    assert report.ok, "\n".join(report.problems)
    assert report.ready + report.planned == len(seed_items())
    if report.planned:
        warnings.warn(
            f"curriculum: {report.ready} seed items ready, {report.planned} still planned", stacklevel=1
        )


# The French edition is being translated lesson by lesson (issue 13): the lessons it has are checked in full.
FRENCH_LESSONS = ROOT / "notebooks" / "fr"
# Set to True when every lesson has its French notebook: from then on a missing one is a failure.
FRENCH_COMPLETE = True


def test_the_map_holds_for_the_french_edition():
    with speaking("fr"):
        report = coverage(FRENCH_LESSONS, in_translation=not FRENCH_COMPLETE)
    assert report.ok, "\n".join(report.problems)


@pytest.mark.skipif(not SEED_README.exists(), reason="shared/seed/README.md is not beside this checkout")
@pytest.mark.parametrize(("name", "key"), [("seed_items.csv", "id"), ("curriculum.csv", "seed_id")])
def test_ids_are_in_the_package_data_and_their_wording_in_the_language_folder(name, key):
    ids, wording = datafiles.table(name), datafiles.table(datafiles.localized(name))
    assert list(ids[key]) == list(wording[key]) and ids[key].is_unique
    assert set(ids.columns) & set(wording.columns) == {key}
    assert all(wording.drop(columns=key).map(str.strip).all())


def test_the_map_and_the_items_read_their_wording_joined():
    assert list(curriculum_map().columns) == ["seed_id", "lesson", "section", "tool", "exercise", "status"]
    assert list(seed_items().columns) == ["id", "group", "summary"]
    assert course_map().loc["00_start_here", "covers"] == "how the course works"


def test_seed_items_match_the_seed_readme():
    ids = set(
        re.findall(r"^- `([a-z]+\.[a-z]+)`", SEED_README.read_text(encoding="utf-8"), flags=re.MULTILINE)
    )
    items = seed_items()
    assert ids and ids == set(items.loc[items["group"] != PRACTICE, "id"])


def test_practice_items_are_beyond_the_seed_and_named_for_their_group():
    items = seed_items()
    practice = items[items["group"] == PRACTICE]
    assert len(practice) >= 4
    assert all(item.startswith(f"{PRACTICE}.") for item in practice["id"])
    assert not practice["id"].str.startswith(tuple(f"{g}." for g in set(items["group"]) - {PRACTICE})).any()


def test_tools_of_every_lesson_are_named_once():
    assert lessons()["lesson"].is_unique
    ready_tools = set(curriculum_map().query("status == 'ready'")["tool"]) | set(
        lessons().query("status == 'ready'")["tool"]
    )
    missing = sorted(tool for tool in ready_tools if not hasattr(caiokit.widgets, tool))
    assert not missing, f"tools named by ready lessons but absent from caiokit.widgets: {missing}"


def test_coverage_catches_a_broken_map(tmp_path, monkeypatch):
    import caiokit.curriculum as curriculum

    broken = curriculum_map()
    broken = broken[broken["seed_id"] != "soft.vision"].copy()
    broken.loc[broken["seed_id"] == "role.who", ["lesson", "status", "exercise"]] = [
        "00_start_here",
        "ready",
        "q9",
    ]
    monkeypatch.setattr(curriculum, "curriculum_map", lambda: broken)
    problems = "\n".join(coverage(ROOT / "notebooks").problems)
    assert "soft.vision is not covered" in problems
    assert "exercise 'q9' not found" in problems
    assert "no section headed 'The role in five questions'" in problems
    assert "00_start_here.ipynb" in "\n".join(coverage(tmp_path).problems)


def test_course_map_lists_every_lesson_with_its_minutes():
    table = course_map()
    assert list(table.index) == list(lessons()["lesson"])
    assert table["minutes"].between(15, 45).all()


def test_completion_counts_passes_and_quiz_answers():
    events = [
        Event("00_start_here", "opened", "00_start_here"),
        Event("00_start_here", "attempt", "q1", "correct"),
        Event("00_start_here", "attempt", "q2", "incorrect"),
        Event("00_start_here", "attempt", "q2", "incorrect"),
        Event("00_start_here", "quiz", "graded_parts", "correct"),
        Event("00_start_here", "quiz", "blank_answer", "incorrect"),
        Event("00_start_here", "attempt", "not_an_exercise", "correct"),
    ]
    row = completion_table(events).loc["00_start_here"]
    assert row.opened and row.exercises == 3 and row.attempted == 2 and row.passed == 1
    assert row.attempts == 3  # q1 once, q2 twice; the answer to an item that is no exercise is left out
    assert row.quiz_questions == 3 and row.quiz_correct == 1 and row.quiz_answered == 2
    assert row.completion == pytest.approx(2 / 6)


def test_certificate_needs_every_lesson_attempted_and_half_passed(monkeypatch):
    from datetime import date

    import caiokit.completion as completion
    from caiokit.completion import CertificateError, certificate_blockers
    from caiokit.reports.certificate import certificate_html

    all_ready = lessons().assign(status="ready").query("lesson == '00_start_here'")
    monkeypatch.setattr(completion, "lessons", lambda: all_ready)
    attempts = [Event("00_start_here", "attempt", q, s) for q, s in (("q1", "correct"), ("q2", "correct"))]
    table = completion_table(attempts)
    assert certificate_blockers(table) == ["00_start_here: 1 exercise(s) not attempted yet"]
    with pytest.raises(CertificateError, match="not earned yet") as refused:
        certificate_html("Ada", date(2026, 11, 25), table)
    assert refused.value.blockers == ("00_start_here: 1 exercise(s) not attempted yet",)
    table = completion_table([*attempts[:1], Event("00_start_here", "attempt", "q2", "error"),
                              Event("00_start_here", "attempt", "q3", "incorrect")])  # fmt: skip
    assert certificate_blockers(table) == ["00_start_here: 1 of 3 exercises passed; at least half are needed"]
    table = completion_table([*attempts, Event("00_start_here", "attempt", "q3", "incorrect")])
    assert certificate_blockers(table) == []
    page = certificate_html("Ada <Lovelace>", date(2026, 11, 25), table)
    assert "Ada &lt;Lovelace&gt;" in page and "25 November 2026" in page and "2/3" in page
    assert "(1 lesson, about" in page
    with pytest.raises(CertificateError, match="Type the name"):
        certificate_html("  ", date(2026, 11, 25), table)


def test_certificate_is_refused_while_lessons_are_planned():
    from caiokit.completion import certificate_blockers

    planned = set(lessons().query("status == 'planned'")["lesson"])
    blockers = certificate_blockers(completion_table([]))
    assert all(f"{lesson} is not available yet" in blockers for lesson in planned)


def test_each_language_names_every_assignment_and_english_names_them_by_their_id():
    english = curriculum.assignment_folders("en")
    assert set(english) == set(curriculum.lessons()["assignment"]) - {""}
    assert all(folder == assignment for assignment, folder in english.items())
    for language in LANGUAGES:
        folders = curriculum.assignment_folders(language)
        assert set(folders) == set(english), language
        assert len(set(folders.values())) == len(folders), f"{language}: two assignments share a folder"
        for assignment, folder in folders.items():
            assert curriculum.assignment_edition(folder) == (assignment, language)


def test_an_unknown_assignment_folder_is_named_in_the_error():
    with pytest.raises(curriculum.EditionError, match="07_nothing is no assignment"):
        curriculum.assignment_edition("07_nothing")
