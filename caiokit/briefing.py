"""Turn a ranking, a portfolio and a robustness check into words an executive committee can act on.

``executive_summary`` writes a one-page Markdown brief: how the use cases were ranked, the top of the
list, the recommended portfolio and its money, what was left out and why, how much the ranking depends
on the weights, and the next steps. ``export_csv`` writes the ranked table for a spreadsheet. The text
depends only on its inputs (no clock), so the same inputs always give the same brief.

Robustness wording: a use case in the top k in at least ``SAFE_SHARE`` of the weight draws of
``caiokit.sensitivity.rank_stability`` is a *safe pick*; between ``FRAGILE_SHARE`` and ``SAFE_SHARE``
its place *depends on the weights*; below, it is *unlikely* to make the top k.
"""

from __future__ import annotations

import math
import os
from collections.abc import Mapping
from pathlib import Path

import numpy as np
import pandas as pd

from caiokit.catalog import dependencies, require_columns
from caiokit.errors import CaioKitError
from caiokit.portfolio import PortfolioResult
from caiokit.reports import markdown
from caiokit.scoring import METHODS, RISK_MULTIPLIERS, explain_weights
from caiokit.strategy import load_company

SAFE_SHARE = 0.8
FRAGILE_SHARE = 0.2
VERDICTS = ("safe pick", "depends on the weights", "unlikely", "excluded")
FIRST_COLUMNS = ("rank", "id", "name", "department", "score", "ai_act_tier", "excluded_reason")
UNNAMED_COMPANY = "Your organisation"

_METHOD_WORDS = {
    "weighted": "a weighted score: each criterion is rescaled from 0 (worst candidate) to 1 (best "
    "candidate), then the criteria are added up with these weights: {weights}",
    "rice": "RICE (Intercom): reach x impact x confidence / effort in person-months; a higher score "
    "means more value for each month of work",
    "ice": "ICE: impact x confidence x ease, each rated from 1 to 10 (the course multiplies the three "
    "ratings), so scores run from 1 to 1,000",
    "wsjf": "WSJF (SAFe): cost of delay (business value + time criticality + risk reduction or "
    "opportunity enablement) divided by job size, all on the scale 1, 2, 3, 5, 8, 13, 20",
}
_METHOD_NAMES = {"weighted": "weighted criteria", "rice": "RICE", "ice": "ICE", "wsjf": "WSJF"}
_CRITERION_WORDS = {
    "benefit": "yearly benefit",
    "reach": "reach",
    "impact": "impact",
    "confidence": "confidence in the estimates",
    "data_readiness": "data readiness",
    "complexity": "complexity",
    "effort": "effort",
}
_COLUMN_WORDS = {
    "benefit_yearly_eur": "yearly benefit",
    "cost_one_off_eur": "one-off cost",
    "cost_yearly_eur": "yearly running cost",
    "effort_pm": "effort",
}
_MESSAGES = {
    "not_scored": "scored must be the table returned by caiokit.scoring.score(...); missing column(s): {columns}",
    "unknown_method": "unknown method '{method}': use one of {methods}",
    "weights_not_weighted": "weights only apply to the weighted method, not to '{method}'",
    "stability_not_weighted": "a robustness check varies the weights, so it goes with the weighted method, "
    "not with '{method}'",
    "not_stability": "stability must be the table returned by caiokit.sensitivity.rank_stability(...); "
    "missing column(s): {columns}",
    "not_finance": "finance must be the table returned by caiokit.finance.portfolio_finance(...), "
    "with its 'total' row",
    "bad_top": "top must be a whole number of 1 or more, not {value!r}",
    "other_table": "the portfolio was chosen from another table than the scored one: pass both from the "
    "same catalog",
    "unwritable": "cannot write {path}: {detail}",
}
_TOTAL_ID = "total"


class BriefingError(CaioKitError):
    """The tables given to the briefing functions are not the ones they expect."""


def format_score(value: float, method: str) -> str:
    """A score as the course prints it: 3 decimals for weighted, whole numbers for RICE and ICE."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    if method == "weighted":
        return f"{value:.3f}"
    if method == "wsjf":
        return f"{value:.2f}"
    return f"{value:,.0f}" if abs(value) >= 10 else f"{value:.2f}"


def company_name(company: str | None = None) -> str:
    """The company a brief is about: the case-study company when None, 'Your organisation' when blank."""
    if company is None:
        return str(load_company()["name"])
    return company.strip() or UNNAMED_COMPANY


def format_eur(amount: float) -> str:
    """An amount of money as 'EUR 1,250,000'."""
    return f"EUR {amount:,.0f}"


def ranked(scored: pd.DataFrame) -> pd.DataFrame:
    """The scored table best first: ranked use cases by rank, then the unranked ones in table order."""
    _check_scored(scored)
    order = np.lexsort((np.arange(len(scored)), scored["rank"].fillna(len(scored) + 1).to_numpy(dtype=int)))
    return scored.iloc[order]


def stability_verdicts(stability: pd.DataFrame) -> pd.DataFrame:
    """The rank_stability table with a ``verdict`` column: safe pick, depends on the weights, unlikely, excluded."""
    missing = [column for column in ("id", "name", "rank", "p_top_k") if column not in stability.columns]
    if missing:
        raise BriefingError(_MESSAGES["not_stability"].format(columns=", ".join(missing)))
    share = stability["p_top_k"].to_numpy(dtype=float)
    verdict = np.select(
        [stability["rank"].isna().to_numpy(), share >= SAFE_SHARE, share >= FRAGILE_SHARE],
        [VERDICTS[3], VERDICTS[0], VERDICTS[1]],
        VERDICTS[2],
    )
    return stability.assign(verdict=verdict)


def stability_k(stability: pd.DataFrame) -> int:
    """The k of a rank_stability table: each draw puts exactly k use cases in the top k, so the shares add to k.

    (If k was larger than the number of ranked use cases, that number is returned.)
    """
    return round(float(stability["p_top_k"].sum()))


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


def executive_summary(
    scored: pd.DataFrame,
    portfolio: PortfolioResult | None = None,
    stability: pd.DataFrame | None = None,
    finance: pd.DataFrame | None = None,
    method: str = "weighted",
    weights: Mapping[str, float] | None = None,
    company: str | None = None,
    *,
    top: int = 10,
    risk_adjusted: bool | None = None,
    rate: float | None = None,
    years: int | None = None,
    as_of: str | None = None,
) -> str:
    """A one-page Markdown brief for the executive committee: method, top use cases, portfolio, risks, next steps.

    ``scored`` comes from ``scoring.score``, ``portfolio`` from ``portfolio.select_portfolio`` (or the
    greedy one), ``stability`` from ``sensitivity.rank_stability`` and ``finance`` from
    ``finance.portfolio_finance``; each of the last three may be None. ``company`` names the company of
    the catalog (see :func:`company_name`: the case-study company by default). ``rate`` and ``years`` are
    those the finance table was computed with, ``risk_adjusted`` says whether scores were risk-adjusted,
    and ``as_of`` is a date to print (none is printed otherwise).
    """
    _check_scored(scored)
    if method not in METHODS:
        raise BriefingError(_MESSAGES["unknown_method"].format(method=method, methods=", ".join(METHODS)))
    if weights is not None and method != "weighted":
        raise BriefingError(_MESSAGES["weights_not_weighted"].format(method=method))
    if stability is not None and method != "weighted":
        raise BriefingError(_MESSAGES["stability_not_weighted"].format(method=method))
    if isinstance(top, bool) or not isinstance(top, int | np.integer) or top < 1:
        raise BriefingError(_MESSAGES["bad_top"].format(value=top))
    table = ranked(scored)
    table = table.assign(**require_columns(table, ["department", "ai_act_tier"]))
    eligible = table[table["rank"].notna()]
    if portfolio is not None and set(portfolio.items["id"].astype(str)) != set(table["id"].astype(str)):
        raise BriefingError(_MESSAGES["other_table"])
    verdicts = None if stability is None else stability_verdicts(stability)
    total = _total_row(finance)
    sections = [
        _headline(company_name(company), table, eligible, portfolio, method, as_of),
        _method_section(method, weights, risk_adjusted),
        _top_section(eligible.head(top), portfolio, method),
        _portfolio_section(portfolio, table, total, rate, years),
        _left_out_section(table, portfolio, top),
        _robustness_section(verdicts, method),
        _next_steps(eligible, portfolio, verdicts, method),
    ]
    return "\n\n".join(sections) + "\n"


def export_csv(scored: pd.DataFrame, path: str | os.PathLike) -> Path:
    """Write the ranked table (best first, excluded use cases last, with the reason) to a CSV file."""
    table = ranked(scored)
    first = [column for column in FIRST_COLUMNS if column in table.columns]
    table = table[first + [column for column in table.columns if column not in first]]
    target = Path(path)
    try:
        # utf-8-sig: Excel then shows accented names (Poznań) correctly; load_catalog reads it back.
        table.to_csv(target, index=False, encoding="utf-8-sig")
    except OSError as error:
        raise BriefingError(
            _MESSAGES["unwritable"].format(path=target, detail=error.strerror or error)
        ) from None
    return target


def _check_scored(scored: pd.DataFrame) -> None:
    """Raise BriefingError unless the table has the columns scoring.score adds."""
    wanted = ("id", "name", "score", "rank", "excluded_reason")
    missing = [column for column in wanted if column not in scored.columns]
    if missing:
        raise BriefingError(_MESSAGES["not_scored"].format(columns=", ".join(missing)))


def _total_row(finance: pd.DataFrame | None) -> pd.Series | None:
    """The 'total' row of a portfolio_finance table."""
    if finance is None:
        return None
    if "id" not in finance.columns or not (finance["id"] == _TOTAL_ID).any():
        raise BriefingError(_MESSAGES["not_finance"])
    return finance[finance["id"] == _TOTAL_ID].iloc[0]


def _label(row: pd.Series) -> str:
    """A use case as 'UC27 Visual quality inspection'."""
    return f"{row['id']} {row['name']}"


def _labels(rows: pd.DataFrame) -> list[str]:
    """Each use case of the table as 'UC27 Visual quality inspection'."""
    return [_label(row) for _, row in rows.iterrows()]


def _listing(rows: pd.DataFrame, suffix: pd.Series | None = None) -> str:
    """Use cases as a comma-separated list, each optionally followed by a note in brackets."""
    parts = []
    for position, (_, row) in enumerate(rows.iterrows()):
        note = "" if suffix is None else f" ({suffix.iloc[position]})"
        parts.append(f"{_label(row)}{note}")
    return ", ".join(parts)


def _and_list(items: list[str]) -> str:
    """Items as 'A', 'A and B' or 'A, B and C'."""
    items = [str(item) for item in items]
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _share(share: float) -> str:
    """A share of draws as a whole percentage rounded down, so 79.8% never shows as a safe 80%."""
    return f"{math.floor(share * 100 + 1e-9)}%"


def _amount(column: str, value: float) -> str:
    """An amount from a catalog column: money for *_eur columns, a plain number otherwise."""
    return format_eur(value) if column.endswith("_eur") else f"{value:,.2f}"


def _headline(
    company: str,
    table: pd.DataFrame,
    eligible: pd.DataFrame,
    portfolio: PortfolioResult | None,
    method: str,
    as_of: str | None,
) -> str:
    """Title, audience line and the two-sentence message."""
    lines = [f"# AI use-case priorities: {company}"]
    lines.append("*Prepared for the executive committee" + (f", {as_of}" if as_of else "") + ".*")
    set_aside = len(table) - len(eligible)
    message = f"{company} has {len(table)} candidate AI use cases"
    if set_aside:
        verb = "is" if set_aside == 1 else "are"
        message += f"; {set_aside} of them {verb} prohibited under the EU AI Act (Art. 5) and set aside"
    message += "."
    if len(eligible):
        leaders = eligible.head(3)
        message += (
            f" Ranked by {_METHOD_NAMES[method]}, the top of the list is {_and_list(_labels(leaders))}."
        )
    if portfolio is not None and portfolio.selected:
        message += (
            f" The recommended portfolio holds {len(portfolio.selected)} use cases for "
            f"{_amount(portfolio.cost_column, portfolio.total_cost)} ({_COLUMN_WORDS.get(portfolio.cost_column, portfolio.cost_column)}) "
            f"and should bring {_amount(portfolio.value_column, portfolio.total_value)} "
            f"({_COLUMN_WORDS.get(portfolio.value_column, portfolio.value_column)})."
        )
    lines.append(message)
    return "\n\n".join(lines)


def _method_section(method: str, weights: Mapping[str, float] | None, risk_adjusted: bool | None) -> str:
    """How the ranking was made, in plain words."""
    weights_text = ""
    if method == "weighted":
        table = explain_weights(weights)
        table = table[table["weight"] > 0].sort_values("weight", ascending=False, kind="stable")
        weights_text = "; ".join(
            f"{_CRITERION_WORDS.get(row.criterion, row.criterion)} {row.weight:.0%}"
            + (" (less is better)" if row.better == "lower" else "")
            for row in table.itertuples()
        )
    lines = [
        "## How the use cases were ranked",
        f"Method: {_METHOD_WORDS[method].format(weights=weights_text)}.",
    ]
    if risk_adjusted is True:
        factors = ", ".join(
            f"{tier} x {factor:g}" for tier, factor in RISK_MULTIPLIERS.items() if factor != 1
        )
        lines.append(
            f"Scores are adjusted for EU AI Act risk ({factors}) to reflect the extra compliance work; "
            "prohibited use cases get no score."
        )
    elif risk_adjusted is False:
        lines.append("Scores are not adjusted for EU AI Act risk; prohibited use cases get no score.")
    return "\n\n".join(lines)


def _top_section(top: pd.DataFrame, portfolio: PortfolioResult | None, method: str) -> str:
    """The top of the ranking as a Markdown table."""
    lines = [f"## The top {len(top)} use cases"]
    if top.empty:
        lines.append("No use case could be ranked.")
        return "\n\n".join(lines)
    header = ["Rank", "Use case", "Department", "Score", "EU AI Act tier"]
    chosen = set() if portfolio is None else set(portfolio.selected)
    if portfolio is not None:
        header.append("In portfolio")
    rows = []
    for _, row in top.iterrows():
        cells = [
            int(row["rank"]),
            _label(row),
            row["department"],
            format_score(float(row["score"]), method),
            row["ai_act_tier"],
        ]
        if portfolio is not None:
            cells.append("yes" if row["id"] in chosen else "no")
        rows.append(cells)
    lines.append(markdown.table(header, rows))
    return "\n\n".join(lines)


def _portfolio_section(
    portfolio: PortfolioResult | None,
    table: pd.DataFrame,
    total: pd.Series | None,
    rate: float | None,
    years: int | None,
) -> str:
    """The recommended portfolio: limits, totals, money, and its use cases."""
    lines = ["## Recommended portfolio"]
    if portfolio is None:
        lines.append(
            "No portfolio was computed: agree a budget and a team capacity to turn the ranking into a plan."
        )
        return "\n\n".join(lines)
    cost_words = _COLUMN_WORDS.get(portfolio.cost_column, portfolio.cost_column)
    value_words = _COLUMN_WORDS.get(portfolio.value_column, portfolio.value_column)
    limits = f"a budget of {_amount(portfolio.cost_column, portfolio.budget)} ({cost_words})"
    if portfolio.capacity_pm is not None:
        limits += f" and a capacity of {portfolio.capacity_pm:,.1f} person-months"
    how = (
        "the best combination, found by exact optimisation (0/1 knapsack solved with mixed-integer "
        "linear programming),"
        if portfolio.method == "milp"
        else "a greedy selection, taking use cases in order of value per euro,"
    )
    if not portfolio.selected:
        lines.append(f"Within {limits}, nothing fits: raise the budget or the capacity.")
        return "\n\n".join(lines)
    lines.append(f"Within {limits}, {how} holds {len(portfolio.selected)} use cases:")
    share = portfolio.total_cost / portfolio.budget if portfolio.budget > 0 else 1.0
    facts = [
        f"- {cost_words.capitalize()}: {_amount(portfolio.cost_column, portfolio.total_cost)} "
        f"({share:.0%} of the budget)",
        f"- {value_words.capitalize()}: {_amount(portfolio.value_column, portfolio.total_value)}",
        f"- Effort: {portfolio.total_effort:,.1f} person-months",
    ]
    if total is not None:
        period = f" over {years} years" if years else ""
        discount = f", discounted at {rate:.1%} a year" if rate is not None else ""
        payback = total["payback_years"]
        payback_text = (
            "no payback within the period"
            if payback is None or math.isnan(payback)
            else f"payback after {payback:.1f} years"
        )
        roi_text = "" if math.isnan(total["roi"]) else f", return on investment {total['roi']:.0%}"
        facts.append(
            f"- Net present value{period}{discount}: {format_eur(total['npv_eur'])}{roi_text}, {payback_text}"
        )
    lines.append("\n".join(facts))
    chosen = table[table["id"].isin(portfolio.selected)]
    items = portfolio.items.set_index(portfolio.items["id"].astype(str))
    rows = []
    for _, row in chosen.iterrows():
        item = items.loc[str(row["id"])]
        rows.append(
            (
                _label(row),
                "-" if pd.isna(row["rank"]) else int(row["rank"]),
                _amount(portfolio.cost_column, float(item[portfolio.cost_column])),
                _amount(portfolio.value_column, float(item[portfolio.value_column])),
                f"{float(item['effort_pm']):,.1f}",
            )
        )
    lines.append(markdown.table(("Use case", "Rank", "Cost", "Value", "Effort (pm)"), rows))
    return "\n\n".join(lines)


def _left_out_section(table: pd.DataFrame, portfolio: PortfolioResult | None, top: int) -> str:
    """What was left out and why: prohibited, excluded by choice, blocked, and top use cases that did not fit."""
    lines = ["## What was left out, and why"]
    bullets = [
        f"- {_label(row)}: {row['excluded_reason']}." for _, row in table[table["rank"].isna()].iterrows()
    ]
    if portfolio is not None:
        items = portfolio.items.set_index(portfolio.items["id"].astype(str))
        closure = dependencies(portfolio.items, transitive=True)
        chosen = set(portfolio.selected)
        remaining_cost = portfolio.budget - portfolio.total_cost
        remaining_effort = (
            None if portfolio.capacity_pm is None else portfolio.capacity_pm - portfolio.total_effort
        )
        others = 0
        for _, row in table[table["rank"].notna()].iterrows():
            use_case = str(row["id"])
            if use_case in chosen:
                continue
            reason = items.loc[use_case, "reason"]
            if reason in ("excluded",) or reason.startswith("needs "):
                note = "left out by choice" if reason == "excluded" else reason
                bullets.append(f"- {_label(row)}: {note}.")
            elif int(row["rank"]) <= top:
                bundle = [use_case] + [item for item in closure[use_case] if item not in chosen]
                bullets.append(
                    f"- {_label(row)} (rank {int(row['rank'])}): "
                    + _why_not(items, bundle, portfolio, remaining_cost, remaining_effort)
                    + "."
                )
            else:
                others += 1
        if others:
            bullets.append(f"- {others} lower-ranked use cases did not fit within the limits either.")
    lines.append("\n".join(bullets) if bullets else "Nothing was left out.")
    return "\n\n".join(lines)


def _why_not(
    items: pd.DataFrame,
    bundle: list[str],
    portfolio: PortfolioResult,
    remaining_cost: float,
    remaining_effort: float | None,
) -> str:
    """Why a good use case is not in the portfolio: which limit adding it (and its prerequisites) would break."""
    cost = float(items.loc[bundle, portfolio.cost_column].sum())
    effort = float(items.loc[bundle, "effort_pm"].sum())
    needs = ""
    if len(bundle) > 1:
        needs = f" with its prerequisite{'s' if len(bundle) > 2 else ''} {_and_list(bundle[1:])}"
    broken = []
    if cost > remaining_cost + 1e-9:
        broken.append(
            f"the budget (it needs {_amount(portfolio.cost_column, cost)}, "
            f"{_amount(portfolio.cost_column, max(remaining_cost, 0.0))} is left)"
        )
    if remaining_effort is not None and effort > remaining_effort + 1e-9:
        broken.append(
            f"the capacity (it needs {effort:,.1f} person-months, {max(remaining_effort, 0.0):,.1f} are left)"
        )
    if not broken:
        return f"adding it{needs} would break another limit, such as the cap on high-risk use cases"
    return f"adding it{needs} would exceed " + " and ".join(broken)


def _robustness_section(verdicts: pd.DataFrame | None, method: str) -> str:
    """How much the ranking depends on the weights."""
    lines = ["## How robust is the ranking?"]
    if verdicts is None:
        if method != "weighted":
            lines.append(
                "Not tested: the robustness check shifts the weights of the criteria, so it applies to "
                "the weighted method only."
            )
        else:
            lines.append(
                "Not tested yet: before committing money, check how often each use case stays at the "
                "top when the weights move a little."
            )
        return "\n\n".join(lines)
    k = stability_k(verdicts)
    ordered = verdicts.sort_values("rank", kind="stable", na_position="last")
    safe = ordered[ordered["verdict"] == VERDICTS[0]]
    fragile = ordered[ordered["verdict"] == VERDICTS[1]]
    shares = {name: frame["p_top_k"].map(_share) for name, frame in (("safe", safe), ("fragile", fragile))}
    lines.append(
        f"The weights were shifted at random around the chosen ones and the use cases re-ranked each time. "
        f"Share of the draws in which each use case stayed in the top {k}:"
    )
    bullets = [
        f"- **Safe picks** (at least {SAFE_SHARE:.0%}): "
        + (_listing(safe, shares["safe"]) if len(safe) else "none"),
        f"- **Depend on the weights** ({FRAGILE_SHARE:.0%} to {SAFE_SHARE:.0%}): "
        + (_listing(fragile, shares["fragile"]) if len(fragile) else "none"),
    ]
    lines.append("\n".join(bullets))
    return "\n\n".join(lines)


def _next_steps(
    eligible: pd.DataFrame, portfolio: PortfolioResult | None, verdicts: pd.DataFrame | None, method: str
) -> str:
    """Concrete next steps that follow from the figures above."""
    steps = []
    fragile = []
    if verdicts is not None:
        ordered = verdicts.sort_values("rank", kind="stable", na_position="last")
        fragile = ordered.loc[ordered["verdict"] == VERDICTS[1], "id"].tolist()
    if method != "weighted":
        steps.append(
            f"Ask each use case's business owner to confirm the estimates behind its {_METHOD_NAMES[method]} "
            "score: the ranking is only as good as they are."
        )
    elif fragile:
        places = "the place of" if len(fragile) == 1 else "the places of"
        verb = "depends" if len(fragile) == 1 else "depend"
        steps.append(f"Agree the weights with the committee: {places} {_and_list(fragile)} {verb} on them.")
    else:
        steps.append("Agree the weights with the committee, so the ranking is theirs as much as the CAIO's.")
    if portfolio is None or not portfolio.selected:
        steps.append("Agree a budget and a team capacity, then choose the best combination within them.")
    else:
        selected = eligible[eligible["id"].isin(portfolio.selected)]
        direct = dependencies(portfolio.items)
        first = selected[[not direct[str(use_case)] for use_case in selected["id"]]].head(3)
        steps.append(
            f"Start with use cases that need nothing else first: {_listing(first)}; give each an owner "
            "in the business and a measurable objective."
        )
        high = selected[selected["ai_act_tier"] == "high"]
        if len(high):
            steps.append(
                f"Budget the EU AI Act high-risk obligations for {_and_list(high['id'].tolist())}: risk management, "
                "data governance, technical documentation, logging, human oversight, accuracy and "
                "robustness (Arts 9-15) and a conformity assessment if the company builds the system; human oversight, "
                "monitoring and logs kept for at least six months (Art. 26) if it buys and runs one."
            )
        transparency = selected[selected["ai_act_tier"] == "transparency"]
        if len(transparency):
            steps.append(
                f"For {_and_list(transparency['id'].tolist())}, tell people they are dealing with an AI or label "
                "the generated content (EU AI Act Art. 50)."
            )
    steps.append(
        "Track the benefits every quarter against this plan: IBM's Institute for Business Value found in "
        "2025 that only about a quarter of AI initiatives delivered the return expected."
    )
    steps.append("Re-run the ranking whenever the catalog, the budget or the priorities change.")
    return "## Next steps\n\n" + "\n".join(f"{number}. {step}" for number, step in enumerate(steps, 1))
