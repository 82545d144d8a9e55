"""The tests are in one folder per tier, each tier a marker pytest knows, each test starting clean, each worker
with ports of its own (tests/course_environment.py, tests/harness/ports.py)."""

from __future__ import annotations

import itertools
import os
import socket
import tomllib
from pathlib import Path

from course_environment import NBGRADER_VARIABLES, TIERS, pytest_collection_modifyitems, pytest_runtest_setup

from harness.ports import FIRST, LAST, free_port, free_port_block, worker_range

ROOT = Path(__file__).resolve().parents[2]
TESTS = ROOT / "tests"


def test_every_test_module_is_in_a_tier_folder():
    misplaced = [
        path.relative_to(ROOT).as_posix()
        for path in TESTS.rglob("test_*.py")
        if path.relative_to(TESTS).parts[0] not in TIERS or len(path.relative_to(TESTS).parts) != 2
    ]
    assert not misplaced, f"put these in one of tests/{{{','.join(TIERS)}}}/: {misplaced}"


def test_every_tier_is_a_registered_marker_with_a_folder():
    settings = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["pytest"]
    markers = {line.split(":")[0] for line in settings["ini_options"]["markers"]}
    assert markers == set(TIERS)
    assert all(any((TESTS / tier).glob("test_*.py")) for tier in TIERS)


def test_a_test_carries_the_marker_of_its_folder(request):
    assert request.node.get_closest_marker("unit") is not None
    assert not any(request.node.get_closest_marker(tier) for tier in TIERS if tier != "unit")


def test_each_test_starts_without_the_variables_a_failed_nbgrader_validation_leaves_behind(monkeypatch):
    item = type("Item", (), {"path": Path(__file__), "parent": None})()
    for variable in NBGRADER_VARIABLES:
        monkeypatch.setenv(variable, "1")
    pytest_runtest_setup(item)
    assert not any(variable in os.environ for variable in NBGRADER_VARIABLES)


def test_workers_get_ports_of_their_own_below_the_outgoing_range():
    ranges = [worker_range(f"gw{index}", 3) for index in range(3)]
    assert ranges[0].start == FIRST and ranges[-1].stop <= LAST <= 32768
    assert all(earlier.stop <= later.start for earlier, later in itertools.pairwise(ranges))
    assert worker_range(None, 1) == range(FIRST, LAST)


def test_a_free_port_is_neither_taken_nor_listened_on():
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", free_port()))
        busy.listen()
        listened = busy.getsockname()[1]
        chosen = {free_port(taken={listened}) for _ in range(5)}
    assert listened not in chosen and len(chosen) == 5


def test_a_block_of_free_ports_skips_a_busy_port_and_stays_in_the_range():
    first = free_port()  # the walk through this worker's range goes on from first + 1
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", first + 2))
        busy.listen()
        block = free_port_block((0, 1))
    assert first + 2 not in (block, block + 1), "a block holding the busy port was handed out"
    hub = free_port_block((0, 1, 81))
    assert hub >= FIRST and hub + 81 < LAST


def test_the_slow_tiers_are_collected_first_and_a_notebook_keeps_its_cells_in_order(pytestconfig):
    """Tests are collected tier by tier (the hub and browser modules first); each notebook keeps its cells in order."""

    class Item:
        def __init__(self, path, name):
            self.path, self.name = path, name

        def add_marker(self, marker):
            pass

    notebook = TESTS.parent / "notebooks" / "00_start_here.ipynb"
    items = [
        Item(TESTS / "unit" / "test_a.py", "u"),
        Item(notebook, "cell 1"),
        Item(notebook, "cell 2"),
        Item(TESTS / "hub" / "test_h.py", "h"),
        Item(TESTS / "browser" / "test_b.py", "b"),
    ]
    pytest_collection_modifyitems(pytestconfig, items)
    assert [item.name for item in items] == ["h", "b", "cell 1", "cell 2", "u"]
