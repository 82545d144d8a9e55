"""The progress store: records, concurrent writers, damaged and foreign files, recovery."""

from __future__ import annotations

import multiprocessing
import sqlite3
from pathlib import Path

import pytest

from caiokit.errors import ProgressFileError
from caiokit.progress import Event, ProgressStore, Tracker, default_path, lesson_progress, recover


def test_default_path_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("CAIOKIT_PROGRESS", str(tmp_path / "elsewhere.sqlite"))
    assert default_path() == tmp_path / "elsewhere.sqlite"
    monkeypatch.delenv("CAIOKIT_PROGRESS")
    assert default_path() == Path.home() / ".caiokit" / "progress.sqlite"


def test_records_are_read_back_in_order(tmp_path):
    store = ProgressStore(tmp_path / "sub" / "p.sqlite")
    events = [
        Event("00", "opened", "00"),
        Event("00", "attempt", "q1", "incorrect"),
        Event("00", "attempt", "q1", "correct"),
    ]
    for event in events:
        store.record(event)
    assert store.events() == events
    assert store.events(lesson="01") == []


def test_unknown_kind_or_status_is_refused(tmp_path):
    store = ProgressStore(tmp_path / "p.sqlite")
    with pytest.raises(ValueError, match="unknown progress kind"):
        store.record(Event("00", "cheated", "q1"))
    with pytest.raises(ValueError, match="unknown status"):
        store.record(Event("00", "attempt", "q1", "great"))


def test_lesson_progress_keeps_a_pass_once_earned():
    events = [
        Event("00", "opened", "00"),
        Event("00", "attempt", "q1", "correct"),
        Event("00", "attempt", "q1", "incorrect"),
        Event("00", "attempt", "q2", "not_attempted"),
        Event("00", "quiz", "a", "incorrect"),
        Event("00", "quiz", "b", "correct"),
    ]
    lesson = lesson_progress(events)["00"]
    assert lesson.opened
    assert lesson.passed == {"q1"} and lesson.attempted == {"q1"}
    assert lesson.quiz_answered == {"a", "b"} and lesson.quiz_correct == {"b"}


def test_lesson_progress_counts_every_checked_answer_but_not_blank_ones():
    events = [
        Event("00", "attempt", "q1", "incorrect"),
        Event("00", "attempt", "q1", "error"),
        Event("00", "attempt", "q1", "incorrect"),
        Event("00", "attempt", "q2", "not_attempted"),
        Event("00", "attempt", "q2", "correct"),
        Event("00", "hint", "q1"),
    ]
    lesson = lesson_progress(events)["00"]
    assert lesson.attempts == {"q1": 3, "q2": 1} and lesson.passed == {"q2"}


def _writer(path: str, worker: int, count: int) -> None:
    store = ProgressStore(path)
    for i in range(count):
        store.record(Event(f"w{worker}", "attempt", f"q{i}", "correct"))


def test_concurrent_writers_lose_nothing(tmp_path):
    """Several processes (think: several open notebooks) append at once, including the file's creation."""
    path = str(tmp_path / "shared.sqlite")
    workers, count = 4, 150
    context = multiprocessing.get_context("spawn")
    processes = [context.Process(target=_writer, args=(path, w, count)) for w in range(workers)]
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout=120)
        assert process.exitcode == 0
    events = ProgressStore(path).events()
    assert len(events) == workers * count
    for w in range(workers):
        assert [e.item for e in events if e.lesson == f"w{w}"] == [f"q{i}" for i in range(count)]
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_damaged_file_is_reported_and_left_untouched(tmp_path):
    path = tmp_path / "p.sqlite"
    garbage = b"\x00\x01 definitely not sqlite " * 200
    path.write_bytes(garbage)
    with pytest.raises(ProgressFileError) as caught:
        ProgressStore(path)
    message = str(caught.value)
    assert "damaged" in message and "caiokit.progress.recover()" in message
    assert path.read_bytes() == garbage


def test_a_truncated_database_is_reported(tmp_path):
    path = tmp_path / "p.sqlite"
    store = ProgressStore(path)
    for i in range(300):
        store.record(Event("00", "attempt", f"q{i}", "correct"))
    data = path.read_bytes()
    path.write_bytes(data[:100] + b"\xff" * 4000 + data[4100:])
    with pytest.raises(ProgressFileError):
        ProgressStore(path).events()


def test_a_foreign_database_is_not_touched(tmp_path):
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE invoices (id INTEGER)")
    before = path.read_bytes()
    with pytest.raises(ProgressFileError, match="another program"):
        ProgressStore(path)
    assert path.read_bytes() == before


def test_a_newer_format_asks_for_an_upgrade(tmp_path):
    path = tmp_path / "p.sqlite"
    ProgressStore(path)
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA user_version = 99")
    with pytest.raises(ProgressFileError, match="newer caiokit"):
        ProgressStore(path)


def test_recover_keeps_the_damaged_file_and_starts_anew(tmp_path):
    path = tmp_path / "p.sqlite"
    path.write_bytes(b"garbage" * 100)
    kept = recover(path)
    assert kept.name == "p.sqlite.damaged-1" and kept.read_bytes() == b"garbage" * 100
    ProgressStore(path).record(Event("00", "opened", "00"))
    path.write_bytes(b"garbage again" * 100)
    assert recover(path).name == "p.sqlite.damaged-2"
    assert ProgressStore(path).events() == []


def test_recover_without_a_file_says_so(tmp_path):
    with pytest.raises(ProgressFileError, match="nothing to recover"):
        recover(tmp_path / "none.sqlite")


def test_a_folder_that_cannot_be_created_gives_a_clear_error(tmp_path):
    blocker = tmp_path / "a_file"
    blocker.write_text("in the way")
    with pytest.raises(ProgressFileError, match="writable"):
        ProgressStore(blocker / "p.sqlite")


def test_a_path_that_is_a_folder_gives_a_clear_error(tmp_path):
    with pytest.raises(ProgressFileError, match="Cannot open"):
        ProgressStore(tmp_path)


def test_tracker_never_raises_and_reports_once(tmp_path):
    path = tmp_path / "p.sqlite"
    path.write_bytes(b"garbage" * 100)
    tracker = Tracker(path)
    tracker.record("00", "opened", "00")
    assert tracker.events() == []
    assert "damaged" in tracker.unreported_problem()
    assert tracker.unreported_problem() is None
    assert path.read_bytes() == b"garbage" * 100
