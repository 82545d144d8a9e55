"""Tests of caiokit.reports.markdown: tables, bullet lists and the file a report goes to."""

from __future__ import annotations

import pytest

from caiokit.reports.markdown import ExportError, bullets, cell, table, write


def test_a_table_has_a_header_a_rule_and_a_line_per_row():
    assert table(("Id", "Score"), [("UC1", 3), ("UC2", 4.5)]) == (
        "| Id | Score |\n|---|---|\n| UC1 | 3 |\n| UC2 | 4.5 |"
    )


def test_cells_escape_pipes_and_flatten_line_breaks():
    assert cell("Head of sales | EMEA") == "Head of sales \\| EMEA"
    assert cell("one\ntwo\r\nthree") == "one two three"
    assert table(("a|b",), [("x\ny",)]) == "| a\\|b |\n|---|\n| x y |"


def test_a_table_without_rows():
    assert table(("Id",), []) == "| Id |\n|---|"
    assert table(("Id",), [], empty="*None.*") == "*None.*"


def test_a_row_must_have_a_cell_per_column():
    with pytest.raises(ValueError, match="a row of 3 cells under a header of 2"):
        table(("a", "b"), [(1, 2, 3)])


def test_bullets():
    assert bullets(["one", "two"]) == "- one\n- two"
    assert bullets([]) == "" and bullets((), empty="*None.*") == "*None.*"


def test_write_returns_the_path_written(tmp_path):
    target = write(tmp_path / "report.md", "# Title\n")
    assert target == tmp_path / "report.md" and target.read_text(encoding="utf-8") == "# Title\n"


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("  ", "Give a file name for the export, for example plan.md."),
        ("{tmp}", "The path {tmp} is a folder: give a file name, for example {tmp}/plan.md."),
        (
            "{tmp}/missing/plan.md",
            "The folder {tmp}/missing does not exist: create it first, or choose another path.",
        ),
    ],
)
def test_write_refuses_bad_paths_with_a_clear_message(tmp_path, path, message):
    with pytest.raises(ExportError) as caught:
        write(path.format(tmp=tmp_path), "text", example="plan.md")
    assert str(caught.value) == message.format(tmp=tmp_path)


def test_a_failed_write_is_a_clear_error_of_the_callers_type(tmp_path):
    class PlanError(Exception):
        pass

    with pytest.raises(PlanError, match="is a folder"):
        write(tmp_path, "text", error=PlanError)
    with pytest.raises(PlanError, match=r"^Cannot write .*x\.md: File name too long\.$"):
        write(tmp_path / ("x" * 300 + ".md"), "text", error=PlanError)
