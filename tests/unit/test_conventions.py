"""The course's conventions are written once, in caiokit/conventions.py.

Two scans of the package's source (AST, so comments and message texts that quote a value as an example of a
format do not count) and a look at the defaults the functions and tools actually start from.
"""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pytest

from caiokit import finance, ninety_days, roadmap, teams
from caiokit.checks import portfolio as portfolio_checks
from caiokit.conventions import COURSE, Conventions
from caiokit.widgets.portfolio_planner import PortfolioPlanner
from caiokit.widgets.prioritization_workbench import PrioritizationWorkbench
from caiokit.widgets.team_designer import TeamDesigner

PACKAGE = Path(__file__).resolve().parents[2] / "caiokit"
CONVENTIONS = PACKAGE / "conventions.py"

# Values distinctive enough to find anywhere in the code: only conventions.py may write them.
DISTINCTIVE = {
    "discount_rate": COURSE.discount_rate,
    "start_quarter": COURSE.start_quarter,
    "default_budget_eur": COURSE.default_budget_eur,
}
# Parameters that stand for a convention: their default must be taken from COURSE (or be None, "not given").
PARAMETERS = {
    "rate": "discount_rate",
    "years": "finance_years",
    "pm_per_person_per_quarter": "pm_per_person_per_quarter",
    "start": "start_quarter",
    "horizon_quarters": "horizon_quarters",
}


def modules() -> list[Path]:
    return sorted(path for path in PACKAGE.rglob("*.py") if path != CONVENTIONS)


def where(path: Path, node: ast.AST) -> str:
    return f"{path.relative_to(PACKAGE.parent).as_posix()}:{node.lineno}"


def same_value(constant: object, value: object) -> bool:
    if isinstance(constant, bool) or isinstance(value, bool):
        return False
    if isinstance(value, str):
        return constant == value
    return isinstance(constant, int | float) and constant == value


def test_distinctive_values_are_written_only_in_conventions():
    found = [
        f"{where(path, node)} writes {node.value!r}, the course's {field}"
        for path in modules()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Constant)
        for field, value in DISTINCTIVE.items()
        if same_value(node.value, value)
    ]
    assert not found, "take these from caiokit.conventions.COURSE instead:\n" + "\n".join(found)


def test_parameters_that_stand_for_a_convention_default_to_the_course():
    found = []
    for path in modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            arguments = node.args
            positional = arguments.posonlyargs + arguments.args
            pairs = list(
                zip(positional[len(positional) - len(arguments.defaults) :], arguments.defaults, strict=True)
            )
            pairs += [
                (arg, default)
                for arg, default in zip(arguments.kwonlyargs, arguments.kw_defaults, strict=True)
                if default
            ]
            found += [
                f"{where(path, default)}: {node.name}({arg.arg}={ast.unparse(default)}), "
                f"write {arg.arg}=COURSE.{PARAMETERS[arg.arg]}"
                for arg, default in pairs
                if arg.arg in PARAMETERS and isinstance(default, ast.Constant) and default.value is not None
            ]
    assert not found, "a literal default where the course has a convention:\n" + "\n".join(found)


def default(function, parameter: str) -> object:
    return inspect.signature(function).parameters[parameter].default


def test_domain_defaults_are_the_course_conventions():
    assert default(finance.portfolio_finance, "rate") == COURSE.discount_rate
    assert default(finance.portfolio_finance, "years") == COURSE.finance_years
    assert default(finance.use_case_cash_flows, "years") == COURSE.finance_years
    assert default(roadmap.plan_roadmap, "start") == COURSE.start_quarter
    assert default(roadmap.plan_roadmap, "horizon_quarters") == COURSE.horizon_quarters
    assert default(teams.size_team, "pm_per_person_per_quarter") == COURSE.pm_per_person_per_quarter
    assert default(teams.headcount_for, "pm_per_person_per_quarter") == COURSE.pm_per_person_per_quarter
    choices = ninety_days.default_choices()
    assert choices["start_quarter"] == COURSE.start_quarter
    assert choices["capacity_pm_per_quarter"] == COURSE.team_pm_per_quarter
    assert COURSE.discount_rate == ninety_days.DISCOUNT_RATE == portfolio_checks.NPV_RATE
    assert COURSE.finance_years == ninety_days.FINANCE_YEARS
    assert COURSE.planned_share == ninety_days.PLANNED_SHARE
    assert COURSE.pm_per_person_per_quarter == ninety_days.PM_PER_PERSON_PER_QUARTER
    assert portfolio_checks.QUARTERS[0] == COURSE.start_quarter
    assert len(portfolio_checks.QUARTERS) == COURSE.horizon_quarters


def test_the_planners_start_from_the_course_conventions():
    planner = PortfolioPlanner()
    assert planner.budget.value == COURSE.default_budget_eur
    assert planner.capacity.value == COURSE.default_capacity_pm
    assert planner.pm_per_quarter.value == COURSE.team_pm_per_quarter
    assert (planner.rate.value, planner.years.value) == (COURSE.discount_rate, COURSE.finance_years)
    assert planner.roadmap.quarters[0] == COURSE.start_quarter
    assert len(planner.roadmap.quarters) == COURSE.horizon_quarters
    workbench = PrioritizationWorkbench()
    assert (workbench.budget.value, workbench.capacity.value) == (
        COURSE.default_budget_eur,
        COURSE.default_capacity_pm,
    )
    designer = TeamDesigner()
    assert designer.pm_per_person.value == COURSE.pm_per_person_per_quarter


def test_conventions_are_frozen_and_documented():
    with pytest.raises(AttributeError):
        COURSE.discount_rate = 0.1  # type: ignore[misc]
    tree = ast.parse(CONVENTIONS.read_text(encoding="utf-8"))
    body = next(node for node in tree.body if isinstance(node, ast.ClassDef)).body
    documented = {
        field.target.id
        for field, after in zip(body, body[1:], strict=False)
        if isinstance(field, ast.AnnAssign)
        and isinstance(after, ast.Expr)
        and isinstance(after.value, ast.Constant)
        and isinstance(after.value.value, str)
    }
    assert documented == set(Conventions.__dataclass_fields__), "document each field, just below it, with why"
