"""Fixtures shared by the tests (the environment itself is set by the plugin tests/course_environment.py)."""

from __future__ import annotations

import gettext
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium for one test module (the browser and hub tiers), closed after it."""
    from harness.browser import CHROMIUM, CHROMIUM_ARGS

    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield instance
        instance.close()


@pytest.fixture
def progress_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh, empty progress file location for one test."""
    path = tmp_path / "progress.sqlite"
    monkeypatch.setenv("CAIOKIT_PROGRESS", str(path))
    return path


@pytest.fixture
def notebook_namespace(progress_file: Path):
    """A dict standing in for a notebook's globals, bound to the exercises."""
    from caiokit import exercises

    namespace: dict[str, object] = {}
    exercises.bind(namespace)
    yield namespace
    exercises._namespace = None


class _Bracketed(gettext.NullTranslations):
    """A stand-in catalogue that shows every translated text in brackets."""

    def gettext(self, message):
        return f"[{message}]"

    def ngettext(self, singular, plural, n):
        return f"[{singular if n == 1 else plural}]"


@pytest.fixture
def bracketed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every text that goes through caiokit.i18n's catalogue comes out in brackets, so a test sees which do."""
    from caiokit import i18n

    monkeypatch.setattr(i18n, "_translations", lambda code: _Bracketed())


class _TableCells(HTMLParser):
    """The text-align of every header and cell of an HTML table, row by row."""

    def __init__(self):
        super().__init__()
        self.rows: list[list[str]] = []

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.rows.append([])
        elif tag in ("th", "td"):
            style = dict(attrs).get("style") or ""
            found = re.search(r"text-align:\s*(\w+)", style)
            self.rows[-1].append(found.group(1) if found else "unset")


@pytest.fixture
def alignments():
    """A function: HTML of one table -> the text-align of each header and cell, row by row."""

    def read(markup: str) -> list[list[str]]:
        parser = _TableCells()
        parser.feed(markup)
        return parser.rows

    return read
