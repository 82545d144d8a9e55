"""The code base stays ruff-clean (lint rules and formatting from pyproject.toml)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


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
