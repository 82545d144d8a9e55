"""`python -m caiokit.trust` signs lessons for the current user, so their stored tools draw on opening."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbformat.sign import MemorySignatureStore, NotebookNotary

from caiokit.errors import CaioKitError
from caiokit.trust import trust_folder

ROOT = Path(__file__).resolve().parents[2]


def _notary() -> NotebookNotary:
    return NotebookNotary(store_factory=MemorySignatureStore, secret=b"a test secret")


def test_every_lesson_of_a_folder_becomes_trusted(tmp_path):
    for lesson in ("00_start_here.ipynb", "03_use_case_prioritization.ipynb"):
        shutil.copy(ROOT / "notebooks" / lesson, tmp_path / lesson)
    notary = _notary()
    before = [
        notary.check_signature(nbformat.read(p, as_version=4)) for p in sorted(tmp_path.glob("*.ipynb"))
    ]
    report = trust_folder(tmp_path, notary)
    after = [notary.check_signature(nbformat.read(p, as_version=4)) for p in sorted(tmp_path.glob("*.ipynb"))]
    assert before == [False, False] and after == [True, True]
    assert [p.name for p in report.signed] == ["00_start_here.ipynb", "03_use_case_prioritization.ipynb"]


def test_the_lessons_of_the_other_editions_are_signed_too(tmp_path):
    (tmp_path / "fr").mkdir()
    shutil.copy(ROOT / "notebooks" / "00_start_here.ipynb", tmp_path / "00_start_here.ipynb")
    french = tmp_path / "fr" / "00_commencer_ici.ipynb"
    shutil.copy(ROOT / "notebooks" / "00_start_here.ipynb", french)
    notary = _notary()
    report = trust_folder(tmp_path, notary)
    assert [p.relative_to(tmp_path).as_posix() for p in report.signed] == [
        "00_start_here.ipynb",
        "fr/00_commencer_ici.ipynb",
    ]
    assert notary.check_signature(nbformat.read(french, as_version=4))


def test_a_broken_notebook_is_named_and_the_others_are_still_signed(tmp_path):
    shutil.copy(ROOT / "notebooks" / "00_start_here.ipynb", tmp_path / "00_start_here.ipynb")
    (tmp_path / "01_broken.ipynb").write_text("{ not json", encoding="utf-8")
    report = trust_folder(tmp_path, _notary())
    assert [p.name for p in report.signed] == ["00_start_here.ipynb"]
    assert [p.name for p in report.unreadable] == ["01_broken.ipynb"]
    assert (tmp_path / "01_broken.ipynb").read_text(encoding="utf-8") == "{ not json"


def test_a_missing_or_empty_folder_says_what_to_give(tmp_path):
    with pytest.raises(CaioKitError, match="is not a folder"):
        trust_folder(tmp_path / "nowhere", _notary())
    with pytest.raises(CaioKitError, match="holds no notebook"):
        trust_folder(tmp_path, _notary())


def test_the_command_reports_and_exits_non_zero_on_a_broken_notebook(tmp_path):
    (tmp_path / "broken.ipynb").write_text("[]", encoding="utf-8")
    shutil.copy(ROOT / "notebooks" / "00_start_here.ipynb", tmp_path / "00_start_here.ipynb")
    env_home = tmp_path / "home"
    result = subprocess.run(
        [sys.executable, "-m", "caiokit.trust", str(tmp_path)],
        capture_output=True,
        text=True,
        env={"HOME": str(env_home), "JUPYTER_DATA_DIR": str(env_home / "data"), "PATH": ""},
    )
    assert result.returncode == 1
    assert "Trusted 1 notebook(s)" in result.stdout
    assert "broken.ipynb could not be read" in result.stderr
