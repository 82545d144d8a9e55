"""The 90-day plan as a Markdown document (caiokit.reports.ninety_day_plan): its sections, tables and file."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from caiokit.ninety_days import NinetyDayError, NinetyDayPlan, Phase, build_plan
from caiokit.reports.ninety_day_plan import to_markdown, write_plan

AMBITION = "By 2030, AI helps every Alvera team serve customers faster and waste less, lawfully."


@pytest.fixture(scope="module")
def default_plan() -> NinetyDayPlan:
    return build_plan()


def test_markdown_has_one_section_per_phase_in_order(default_plan):
    text = to_markdown(default_plan)
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings == [f"## {phase.label}" for phase in Phase] + ["## Open points"]
    assert text.startswith("# My first 90 days as Chief AI Officer: Alvera Group SE\n")
    assert "**Ambition.** *To be completed.*" in text
    assert (
        "**Overall level: Adopted**" in text
        and "| Works council | manage closely | sceptic | partner |" in text
    )
    assert "one-off EUR 455,000 of a budget of EUR 1,000,000" in text
    assert "- UC40 AI system inventory and triage (end of 2027-Q1)" in text
    assert "11,896 hours for 3,200 people" in text and "Barrier point: **Desire**" in text
    assert text.rstrip().endswith("where AI should take the company in about three years.")
    assert to_markdown(build_plan()) == text  # deterministic


def test_a_pipe_or_a_line_break_in_a_name_stays_in_its_cell():
    # A stakeholder named "Head of sales | EMEA" once gave a five-cell row in the four-column table.
    stakeholders = (("Head of sales | EMEA", 5, 4, 1), ("CFO\nFinance", 4, 2, 0))
    text = to_markdown(build_plan({"stakeholders": stakeholders}))
    lines = text.splitlines()
    start = lines.index("### Stakeholder map") + 2
    table = lines[start : lines.index("", start)]
    cells = [len(re.split(r"(?<!\\)\|", line)) for line in table]
    assert len(table) == 4 and cells == [cells[0]] * 4 and cells[0] == 6  # 4 cells between 5 pipes
    assert "| Head of sales \\| EMEA | manage closely |" in text and "| CFO Finance |" in text


def test_markdown_of_a_clean_plan_and_of_a_high_risk_one():
    assert to_markdown(build_plan({"ambition": AMBITION})).rstrip().endswith("None: the plan holds together.")
    text = to_markdown(build_plan({"mandatory": ["UC18"], "triage_notes": {"uc18": "FRIA by May"}}))
    assert (
        "| UC18 | Instant credit check for instalment payments | high | Art. 6(2), Annex III point 5" in text
    )
    assert "| FRIA by May |" in text and "As deployer of a high-risk system, Alvera Group SE must:" in text
    clash = to_markdown(build_plan({"mandatory": ["UC07"]}))
    assert "**The limits clash.**" in clash and "Not in the roadmap:" in clash


def test_write_plan(tmp_path, default_plan):
    written = write_plan(default_plan, tmp_path / "plan.md")
    assert written.read_text(encoding="utf-8") == to_markdown(default_plan)
    with pytest.raises(NinetyDayError, match="Give a file name"):
        write_plan(default_plan, "  ")
    with pytest.raises(NinetyDayError, match="is a folder"):
        write_plan(default_plan, tmp_path)
    with pytest.raises(NinetyDayError, match="does not exist"):
        write_plan(default_plan, tmp_path / "missing" / "plan.md")


def test_numbers_with_decimals_are_rounded_as_python_rounds_them():
    # The value-first team needs 0.45 data engineers at its peak: shown 0.5, as Python rounds 0.45.
    text = to_markdown(build_plan({"weights": "value first"}))
    assert "| data engineer | 1 | 0.5 | 0 | 0.0 |" in text


def test_a_portfolio_of_one_use_case_is_said_in_the_singular():
    plan = build_plan({"mandatory": ["UC07"]})
    assert "Get the portfolio approved: 1 use case, EUR 110,000 one-off" in plan.milestones[Phase.DECIDE][1]
    assert "**Totals.** 1 use case;" in to_markdown(plan)


def test_the_domain_loads_its_report_writer_only_when_a_plan_is_shown():
    # The report layer sits above the domain: importing the domain must not import it.
    probe = "import sys, caiokit.ninety_days; print('caiokit.reports.ninety_day_plan' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
    assert build_plan()._repr_markdown_() == to_markdown(build_plan())
