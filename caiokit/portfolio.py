"""Choose the use cases to fund under a budget: exact selection (0/1 knapsack) and a greedy baseline.

Both functions take the same limits: a budget on one cost column, an optional capacity in
person-months, use cases the learner makes mandatory or excludes, a ceiling on the number of high-risk
use cases, and dependencies (a use case can be chosen only with all its prerequisites). Prohibited use
cases (EU AI Act Art. 5) are never chosen. Limits that cannot all hold raise ``PortfolioError`` naming
the ones that clash, before any solver runs.

``select_portfolio`` finds the best combination with mixed-integer linear programming
(``scipy.optimize.milp``, one yes/no variable per use case); ``greedy_portfolio`` takes use cases by
value per unit of cost, which is simple but can miss the best combination.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from caiokit.catalog import dependencies, require_columns
from caiokit.errors import PortfolioError
from caiokit.i18n import N_, _, format_number, text
from caiokit.scoring import EXCLUDED_REASON, eligible_rows

_MESSAGES = {
    "clash": N_("these limits cannot all hold:"),
    "budget": N_("budget"),
    "capacity": N_("capacity"),
    "max_high_risk": N_("maximum of high-risk use cases"),
    "empty": N_("the table has no use cases to choose from"),
    "negative_limit": N_("the {name} must be a number of 0 or more, not {value!r}"),
    "unknown_id": N_("{role} use case '{use_case}' is not in the table"),
    "both": N_("{use_case} is both mandatory and excluded"),
    "mandatory_prohibited": N_(
        "{use_case} is mandatory but prohibited under EU AI Act Art. 5, so it can never be chosen"
    ),
    "mandatory_blocked": N_("{use_case} is mandatory but needs {prerequisite}, which is {why}"),
    "over_budget": N_(
        "the mandatory use cases ({ids}){with_prerequisites} cost {total}, more than the budget of {limit}"
    ),
    "over_capacity": N_(
        "the mandatory use cases ({ids}){with_prerequisites} need {total} person-months, "
        "more than the capacity of {limit}"
    ),
    "over_high_risk": N_(
        "the mandatory use cases ({ids}){with_prerequisites} include {total} high-risk ones, "
        "more than the maximum of {limit}"
    ),
    "with_prerequisites": N_(" and their prerequisites ({ids})"),
    "missing_value": N_("column '{column}' has no value for {ids}"),
    "solver": N_(
        "the solver stopped before proving the best portfolio ({detail}); "
        "try fewer candidates, or greedy_portfolio"
    ),
    "why_excluded": N_("excluded"),
    "why_mandatory": N_("mandatory"),
    "why_prohibited": N_("prohibited"),
    "reason_mandatory": N_("mandatory"),
    "reason_prerequisite": N_("prerequisite of a mandatory use case"),
    "reason_chosen": N_("chosen"),
    "reason_excluded": N_("excluded"),
    "reason_blocked": N_("needs {prerequisite}, which cannot be chosen"),
    "reason_not_best": N_("not in the best combination within the limits"),
    "reason_not_reached": N_("did not fit when its turn came in value-per-cost order"),
}


# Room for rounding when adding money or effort, far below anything a plan cares about.
_SLACK = 1e-9


@dataclass(frozen=True)
class PortfolioResult:
    """The chosen use cases, their totals, and a per-use-case table with ``selected`` and ``reason``.

    ``reason`` is what a person reads; ``reason_id`` is what code compares: ``chosen``, ``mandatory``,
    ``prerequisite`` (of a mandatory one), ``prohibited``, ``excluded`` (by the learner), ``blocked`` (needs a
    use case that cannot be chosen), ``not_best`` (exact selection) or ``not_reached`` (greedy).
    """

    selected: tuple[str, ...]
    total_value: float
    total_cost: float
    total_effort: float
    method: str
    items: pd.DataFrame
    value_column: str
    cost_column: str
    budget: float
    capacity_pm: float | None


@dataclass
class _Problem:
    """A portfolio question in arrays, after the limits were checked to be compatible."""

    ids: np.ndarray
    values: np.ndarray
    costs: np.ndarray
    efforts: np.ndarray
    high_risk: np.ndarray
    forced_in: np.ndarray
    forced_out: np.ndarray
    prerequisites: list[list[int]]
    closure: list[list[int]]
    reasons: list[str]
    reason_ids: list[str]


def select_portfolio(
    catalog: pd.DataFrame,
    budget: float,
    value: str = "benefit_yearly_eur",
    cost: str = "cost_one_off_eur",
    capacity_pm: float | None = None,
    mandatory: Iterable[str] = (),
    excluded: Iterable[str] = (),
    max_high_risk: int | None = None,
    respect_dependencies: bool = True,
) -> PortfolioResult:
    """The combination of use cases with the highest total value within every limit (exact, by milp)."""
    from scipy import sparse  # imported on first use: scipy.optimize alone takes half a second
    from scipy.optimize import Bounds, LinearConstraint, milp

    problem = _prepare(
        catalog, budget, value, cost, capacity_pm, mandatory, excluded, max_high_risk, respect_dependencies
    )
    count = len(problem.ids)
    rows = [problem.costs]
    upper = [budget]
    if capacity_pm is not None:
        rows.append(problem.efforts)
        upper.append(capacity_pm)
    if max_high_risk is not None:
        rows.append(problem.high_risk.astype(float))
        upper.append(max_high_risk)
    constraints = [LinearConstraint(sparse.csr_array(np.vstack(rows)), -np.inf, upper)]
    pairs = [(child, parent) for child, parents in enumerate(problem.prerequisites) for parent in parents]
    if pairs:
        children, parents = np.array(pairs).T
        links = np.arange(len(pairs))
        matrix = sparse.csr_array(
            (
                np.r_[np.ones(len(pairs)), -np.ones(len(pairs))],
                (np.r_[links, links], np.r_[children, parents]),
            ),
            shape=(len(pairs), count),
        )
        constraints.append(LinearConstraint(matrix, -np.inf, 0.0))
    solution = milp(
        -problem.values,
        constraints=constraints,
        integrality=np.ones(count),
        bounds=Bounds(problem.forced_in.astype(float), (~problem.forced_out).astype(float)),
        # Exact: stop only at a proven optimum; the time limit only guards a notebook against a hang.
        options={"mip_rel_gap": 0.0, "time_limit": 60.0},
    )
    if not solution.success:
        raise PortfolioError(text(_MESSAGES["solver"]).format(detail=solution.message))
    return _result(catalog, problem, solution.x > 0.5, "milp", value, cost, budget, capacity_pm)


def greedy_portfolio(
    catalog: pd.DataFrame,
    budget: float,
    value: str = "benefit_yearly_eur",
    cost: str = "cost_one_off_eur",
    capacity_pm: float | None = None,
    mandatory: Iterable[str] = (),
    excluded: Iterable[str] = (),
    max_high_risk: int | None = None,
    respect_dependencies: bool = True,
) -> PortfolioResult:
    """A baseline portfolio: mandatory use cases first, then the others by value per unit of cost.

    Use cases are walked once, best value per cost first (one that costs nothing before all); each is
    taken together with those of its prerequisites not yet in, if that bundle fits what is left of
    every limit. A use case with no value of its own is only taken as another's prerequisite.
    """
    problem = _prepare(
        catalog, budget, value, cost, capacity_pm, mandatory, excluded, max_high_risk, respect_dependencies
    )
    chosen = problem.forced_in.copy()
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(problem.costs > 0, problem.values / problem.costs, np.inf)
    needs = np.column_stack([problem.costs, problem.efforts, problem.high_risk])
    limits = np.array(
        [
            budget,
            np.inf if capacity_pm is None else capacity_pm,
            np.inf if max_high_risk is None else max_high_risk,
        ]
    )
    used = needs[chosen].sum(axis=0)
    for index in np.lexsort((problem.ids, -problem.values, -ratio)):
        if chosen[index] or problem.forced_out[index] or problem.values[index] <= 0:
            continue
        bundle = [index] + [
            prerequisite for prerequisite in problem.closure[index] if not chosen[prerequisite]
        ]
        extra = needs[bundle].sum(axis=0)
        if np.all(used + extra <= limits + _SLACK):
            chosen[bundle] = True
            used += extra
    return _result(catalog, problem, chosen, "greedy", value, cost, budget, capacity_pm)


def _prepare(
    catalog: pd.DataFrame,
    budget: float,
    value: str,
    cost: str,
    capacity_pm: float | None,
    mandatory: Iterable[str],
    excluded: Iterable[str],
    max_high_risk: int | None,
    respect_dependencies: bool,
) -> _Problem:
    """Check that the limits are compatible and turn the question into arrays, or raise PortfolioError."""
    table = require_columns(catalog, ["id", value, cost, "effort_pm", "ai_act_tier", "depends_on"])
    ids = table["id"].astype(str).to_numpy()
    position = {use_case: index for index, use_case in enumerate(ids)}
    mandatory = [mandatory] if isinstance(mandatory, str) else list(dict.fromkeys(mandatory))
    excluded = [excluded] if isinstance(excluded, str) else list(dict.fromkeys(excluded))
    problems = _argument_problems(ids, budget, capacity_pm, max_high_risk, mandatory, excluded)
    if problems:
        raise PortfolioError(_join(problems))

    values = table[value].to_numpy(dtype=float)
    costs = table[cost].to_numpy(dtype=float)
    efforts = table["effort_pm"].to_numpy(dtype=float)
    high_risk = (table["ai_act_tier"] == "high").to_numpy()
    prohibited = ~eligible_rows(table)
    closure = dependencies(table, transitive=True) if respect_dependencies else dict.fromkeys(ids, ())
    direct = dependencies(table) if respect_dependencies else closure

    # Out: prohibited, excluded, and whatever needs one of those, directly or not.
    forced_out = prohibited.copy()
    forced_out[[position[use_case] for use_case in excluded]] = True
    reasons = [_(EXCLUDED_REASON) if flag else "" for flag in prohibited]
    reason_ids = ["prohibited" if flag else "" for flag in prohibited]
    for use_case in excluded:
        reasons[position[use_case]] = text(_MESSAGES["reason_excluded"])
        reason_ids[position[use_case]] = "excluded"
    for index, use_case in enumerate(ids):
        blocked = [prerequisite for prerequisite in closure[use_case] if forced_out[position[prerequisite]]]
        if blocked and not forced_out[index]:
            reasons[index] = text(_MESSAGES["reason_blocked"]).format(prerequisite=blocked[0])
            reason_ids[index] = "blocked"
    for use_case in mandatory:
        if prohibited[position[use_case]]:
            problems.append(text(_MESSAGES["mandatory_prohibited"]).format(use_case=use_case))
        for prerequisite in closure[use_case]:
            if forced_out[position[prerequisite]]:
                why = text(
                    _MESSAGES["why_prohibited" if prohibited[position[prerequisite]] else "why_excluded"]
                )
                message = text(_MESSAGES["mandatory_blocked"]).format(
                    use_case=use_case, prerequisite=prerequisite, why=why
                )
                problems.append(message)
    forced_out |= np.array([reason != "" for reason in reasons], dtype=bool)
    for column, numbers in ((value, values), (cost, costs)):
        missing = [
            use_case
            for use_case, number, out in zip(ids, numbers, forced_out, strict=True)
            if np.isnan(number) and not out
        ]
        if missing:
            problems.append(text(_MESSAGES["missing_value"]).format(column=column, ids=", ".join(missing)))

    # In: mandatory use cases and all their prerequisites; together they must fit every limit.
    forced_in = np.zeros(len(ids), dtype=bool)
    prerequisites_only: dict[str, None] = {}
    for use_case in mandatory:
        forced_in[position[use_case]] = True
        prerequisites_only.update(dict.fromkeys(item for item in closure[use_case] if item not in mandatory))
    for use_case in prerequisites_only:
        forced_in[position[use_case]] = True
        reasons[position[use_case]] = text(_MESSAGES["reason_prerequisite"])
        reason_ids[position[use_case]] = "prerequisite"
    for use_case in mandatory:
        reasons[position[use_case]] = text(_MESSAGES["reason_mandatory"])
        reason_ids[position[use_case]] = "mandatory"
    with_prerequisites = (
        text(_MESSAGES["with_prerequisites"]).format(ids=", ".join(prerequisites_only))
        if prerequisites_only
        else ""
    )
    for key, amounts, limit, shown in (
        ("over_budget", costs, budget, format_number),
        ("over_capacity", efforts, capacity_pm, lambda amount: format_number(amount, 1)),
        ("over_high_risk", high_risk, max_high_risk, str),
    ):
        total = amounts[forced_in].sum()
        if limit is not None and total > limit + _SLACK:
            ids_text = ", ".join(mandatory)
            problems.append(
                _(_MESSAGES[key]).format(
                    ids=ids_text,
                    with_prerequisites=with_prerequisites,
                    total=shown(total),
                    limit=shown(limit),
                )
            )
    if problems:
        raise PortfolioError(_join(problems))
    return _Problem(
        ids=ids,
        values=np.nan_to_num(values),
        costs=np.nan_to_num(costs),
        efforts=efforts,
        high_risk=high_risk,
        forced_in=forced_in,
        forced_out=forced_out,
        prerequisites=[[position[parent] for parent in direct[use_case]] for use_case in ids],
        closure=[[position[parent] for parent in closure[use_case]] for use_case in ids],
        reasons=reasons,
        reason_ids=reason_ids,
    )


def _argument_problems(
    ids: np.ndarray,
    budget: float,
    capacity_pm: float | None,
    max_high_risk: int | None,
    mandatory: list[str],
    excluded: list[str],
) -> list[str]:
    """What is wrong with the limits themselves, before looking at the use cases."""
    problems = [
        text(_MESSAGES["negative_limit"]).format(name=name, value=limit)
        for name, limit in (
            (text(_MESSAGES["budget"]), budget),
            (text(_MESSAGES["capacity"]), capacity_pm),
            (text(_MESSAGES["max_high_risk"]), max_high_risk),
        )
        if limit is not None
        and (isinstance(limit, bool) or not isinstance(limit, int | float | np.number) or not limit >= 0)
    ]
    known = set(ids)
    problems += [
        text(_MESSAGES["unknown_id"]).format(role=role, use_case=use_case)
        for role, given in (
            (text(_MESSAGES["why_mandatory"]), mandatory),
            (text(_MESSAGES["why_excluded"]), excluded),
        )
        for use_case in given
        if use_case not in known
    ]
    problems += [
        text(_MESSAGES["both"]).format(use_case=use_case) for use_case in mandatory if use_case in excluded
    ]
    if len(ids) == 0:
        problems.append(text(_MESSAGES["empty"]))
    return problems


def value_gap(exact: PortfolioResult, greedy: PortfolioResult) -> float:
    """How much value greedy leaves on the table, as a share of the exact portfolio's value (0 if none)."""
    if exact.total_value <= 0:
        return 0.0
    return (exact.total_value - greedy.total_value) / exact.total_value


def compare_portfolios(exact: PortfolioResult, greedy: PortfolioResult) -> pd.DataFrame:
    """The use cases either portfolio picks: id, name, value, cost, effort, in_exact, in_greedy."""
    items = exact.items
    picked = items["selected"].to_numpy() | greedy.items["selected"].to_numpy()
    table = require_columns(items[picked], ["id", "name", exact.value_column, exact.cost_column, "effort_pm"])
    table.columns = ["id", "name", "value", "cost", "effort_pm"]
    table["in_exact"] = items.loc[picked, "selected"].to_numpy()
    table["in_greedy"] = greedy.items.loc[picked, "selected"].to_numpy()
    return table.reset_index(drop=True)


def _result(
    catalog: pd.DataFrame,
    problem: _Problem,
    chosen: np.ndarray,
    method: str,
    value: str,
    cost: str,
    budget: float,
    capacity_pm: float | None,
) -> PortfolioResult:
    """Package a choice of use cases as a PortfolioResult with one reason per use case."""
    left_out = "not_best" if method == "milp" else "not_reached"
    reason_ids = [
        reason or ("chosen" if picked else left_out)
        for reason, picked in zip(problem.reason_ids, chosen, strict=True)
    ]
    items = catalog.copy()
    items["selected"] = chosen
    items["reason"] = [
        reason or text(_MESSAGES[f"reason_{reason_id}"])
        for reason, reason_id in zip(problem.reasons, reason_ids, strict=True)
    ]
    items["reason_id"] = reason_ids
    return PortfolioResult(
        selected=tuple(problem.ids[chosen]),
        total_value=float(problem.values[chosen].sum()),
        total_cost=float(problem.costs[chosen].sum()),
        total_effort=float(problem.efforts[chosen].sum()),
        method=method,
        items=items,
        value_column=value,
        cost_column=cost,
        budget=float(budget),
        capacity_pm=None if capacity_pm is None else float(capacity_pm),
    )


def _join(problems: list[str]) -> str:
    """Several clashing limits as one message, one per line."""
    if len(problems) == 1:
        return problems[0]
    return text(_MESSAGES["clash"]) + "\n" + "\n".join(f"  - {problem}" for problem in problems)
