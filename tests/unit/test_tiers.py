"""The tests are in one folder per tier, each tier a marker pytest knows (tests/course_environment.py)."""

from __future__ import annotations

import tomllib
from pathlib import Path

from course_environment import TIERS

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
