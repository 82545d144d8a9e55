"""The code base stays ruff-clean (rules and format from pyproject.toml); each shared helper has one home."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_ruff_lint():
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "."], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format():
    folders = [name for name in ("caiokit", "tests", "benchmarks") if (ROOT / name).is_dir()]
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "format", "--check", *folders],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_emoji_in_what_learners_read():
    """Feedback symbols are text symbols (✔ ✘ ⚠ ✎): emoji show as empty boxes where no emoji font is installed."""
    emoji = re.compile("[\U0001f000-\U0001faff\u2705\u274c\u2753\u2757\u2b50\ufe0f]")
    sources = [
        *(ROOT / "caiokit").rglob("*.py"),
        *(ROOT / "caiokit" / "data").rglob("*.*"),
        ROOT / "README.md",
    ]
    sources += sorted((ROOT / "notebooks").rglob("*.ipynb"))
    found = {
        str(path.relative_to(ROOT)): sorted(set(emoji.findall(path.read_text(encoding="utf-8"))))
        for path in sources
        if path.suffix in {".py", ".csv", ".json", ".md", ".ipynb"}
    }
    assert {path: chars for path, chars in found.items() if chars} == {}


def _lines_matching(pattern: str, allowed: str) -> list[str]:
    """'path:line: text' for each line of the package and benchmarks that matches, outside ``allowed``."""
    found = re.compile(pattern)
    places = []
    for folder in ("caiokit", "benchmarks"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            relative = path.relative_to(ROOT).as_posix()
            if relative == allowed:
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                if found.search(line):
                    places.append(f"{relative}:{number}: {line.strip()}")
    return places


# Tests may open caiokit/data themselves: they check the shipped files independently of the reader.
@pytest.mark.parametrize(
    ("pattern", "home", "what"),
    [
        (r"resources\.files\(", "caiokit/datafiles.py", "package data is read through caiokit.datafiles"),
        (
            r"^\s*def _?is_(number|whole|blank)\b",
            "caiokit/validation.py",
            "numbers, whole numbers and blanks are recognised by caiokit.validation",
        ),
        (
            r"\.replace\(\s*[\"']\|[\"']",
            "caiokit/reports/markdown.py",
            "Markdown tables are escaped by caiokit.reports.markdown",
        ),
    ],
)
def test_shared_foundations_have_one_home(pattern, home, what):
    places = _lines_matching(pattern, home)
    assert not places, f"{what} ({home}), but:\n" + "\n".join(places)
