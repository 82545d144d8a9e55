"""The priorities brief: a ranking, a portfolio and a robustness check in words an executive committee can act on.

``executive_summary`` writes a one-page Markdown brief: how the use cases were ranked, the top of the
list, the recommended portfolio and its money, what was left out and why, how much the ranking depends
on the weights (the verdicts of ``caiokit.sensitivity.stability_verdicts``), and the next steps.
``export_csv`` writes the ranked table for a spreadsheet. The text depends only on its inputs (no clock),
so the same inputs always give the same brief.
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
from caiokit.finance import TOTAL_ID
from caiokit.i18n import N_, _, format_eur, format_number, format_percent, listed, ngettext, text
from caiokit.portfolio import PortfolioResult
from caiokit.reports import markdown
from caiokit.scoring import (
    RISK_MULTIPLIERS,
    Method,
    check_method,
    check_scored,
    explain_weights,
    format_score,
    ranked,
)
from caiokit.sensitivity import FRAGILE_SHARE, SAFE_SHARE, Verdict, stability_k, stability_verdicts
from caiokit.strategy import load_company

FIRST_COLUMNS = ("rank", "id", "name", "department", "score", "ai_act_tier", "excluded_reason")
UNNAMED_COMPANY = N_("Your organisation")

_METHOD_WORDS = {
    "weighted": N_(
        "a weighted score: each criterion is rescaled from 0 (worst candidate) to 1 (best "
        "candidate), then the criteria are added up with these weights: {weights}"
    ),
    "rice": N_(
        "RICE (Intercom): reach x impact x confidence / effort in person-months; a higher score "
        "means more value for each month of work"
    ),
    "ice": N_(
        "ICE: impact x confidence x ease, each rated from 1 to 10 (the course multiplies the three "
        "ratings), so scores run from 1 to 1,000"
    ),
    "wsjf": N_(
        "WSJF (SAFe): cost of delay (business value + time criticality + risk reduction or "
        "opportunity enablement) divided by job size, all on the scale 1, 2, 3, 5, 8, 13, 20"
    ),
}
_CRITERION_WORDS = {
    "benefit": N_("yearly benefit"),
    "reach": N_("reach"),
    "impact": N_("impact"),
    "confidence": N_("confidence in the estimates"),
    "data_readiness": N_("data readiness"),
    "complexity": N_("complexity"),
    "effort": N_("effort"),
}
_COLUMN_WORDS = {
    "benefit_yearly_eur": N_("yearly benefit"),
    "cost_one_off_eur": N_("one-off cost"),
    "cost_yearly_eur": N_("yearly running cost"),
    "effort_pm": N_("effort"),
}
_MESSAGES = {
    "stability_not_weighted": N_(
        "a robustness check varies the weights, so it goes with the weighted method, not with '{method}'"
    ),
    "not_finance": N_(
        "finance must be the table returned by caiokit.finance.portfolio_finance(...), with its 'total' row"
    ),
    "bad_top": N_("top must be a whole number of 1 or more, not {value!r}"),
    "other_table": N_(
        "the portfolio was chosen from another table than the scored one: pass both from the same catalog"
    ),
    "unwritable": N_("cannot write {path}: {detail}"),
}


class BriefingError(CaioKitError):
    """The tables or options given to the priorities report are not the ones it expects, or the file cannot be written."""


def company_name(company: str | None = None) -> str:
    """The company a brief is about: the case-study company when None, 'Your organisation' when blank."""
    if company is None:
        return str(load_company()["name"])
    return company.strip() or _(UNNAMED_COMPANY)


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
    check_scored(scored)
    check_method(method, weights)
    if stability is not None and method != "weighted":
        raise BriefingError(text(_MESSAGES["stability_not_weighted"]).format(method=method))
    if isinstance(top, bool) or not isinstance(top, int | np.integer) or top < 1:
        raise BriefingError(text(_MESSAGES["bad_top"]).format(value=top))
    table = ranked(scored)
    table = table.assign(**require_columns(table, ["department", "ai_act_tier"]))
    eligible = table[table["rank"].notna()]
    if portfolio is not None and set(portfolio.items["id"].astype(str)) != set(table["id"].astype(str)):
        raise BriefingError(text(_MESSAGES["other_table"]))
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
            text(_MESSAGES["unwritable"]).format(path=target, detail=error.strerror or error)
        ) from None
    return target


def _total_row(finance: pd.DataFrame | None) -> pd.Series | None:
    """The 'total' row of a portfolio_finance table."""
    if finance is None:
        return None
    if "id" not in finance.columns or not (finance["id"] == TOTAL_ID).any():
        raise BriefingError(text(_MESSAGES["not_finance"]))
    return finance[finance["id"] == TOTAL_ID].iloc[0]


def _words(table: Mapping[str, str], key: str) -> str:
    """The words a table gives for ``key`` in the language in use, else the key itself."""
    return _(table[key]) if key in table else key


def _label(row: pd.Series) -> str:
    """A use case as 'UC27 Visual quality inspection'."""
    return f"{row['id']} {row['name']}"


def _labels(rows: pd.DataFrame) -> list[str]:
    """Each use case of the table as 'UC27 Visual quality inspection'."""
    return [_label(row) for _, row in rows.iterrows()]


def _listing(rows: pd.DataFrame, suffix: pd.Series | None = None) -> str:
    """Use cases as a comma-separated list, each optionally followed by a note in brackets."""
    parts = []
    for position, (_index, row) in enumerate(rows.iterrows()):
        note = "" if suffix is None else f" ({suffix.iloc[position]})"
        parts.append(f"{_label(row)}{note}")
    return ", ".join(parts)


def _and_list(items: list[str]) -> str:
    """Items as 'A', 'A and B' or 'A, B and C'."""
    items = [str(item) for item in items]
    if len(items) == 1:
        return items[0]
    return _("{items} and {last}").format(items=", ".join(items[:-1]), last=items[-1])


def _share(share: float) -> str:
    """A share of draws as a whole percentage rounded down, so 79.8% never shows as a safe 80%."""
    return format_percent(math.floor(share * 100 + 1e-9) / 100)


def _amount(column: str, value: float) -> str:
    """An amount from a catalog column: money for *_eur columns, a plain number otherwise."""
    return format_eur(value) if column.endswith("_eur") else format_number(value, 2)


def _headline(
    company: str,
    table: pd.DataFrame,
    eligible: pd.DataFrame,
    portfolio: PortfolioResult | None,
    method: str,
    as_of: str | None,
) -> str:
    """Title, audience line and the two-sentence message."""
    lines = [_("# AI use-case priorities: {company}").format(company=company)]
    audience = (
        _("Prepared for the executive committee, {date}.").format(date=as_of)
        if as_of
        else _("Prepared for the executive committee.")
    )
    lines.append(f"*{audience}*")
    set_aside = len(table) - len(eligible)
    count = len(table)
    if set_aside:
        message = ngettext(
            "{company} has {count} candidate AI use cases; {set_aside} of them is prohibited under the "
            "EU AI Act (Art. 5) and set aside.",
            "{company} has {count} candidate AI use cases; {set_aside} of them are prohibited under the "
            "EU AI Act (Art. 5) and set aside.",
            set_aside,
        )
    else:
        message = _("{company} has {count} candidate AI use cases.")
    message = message.format(company=company, count=count, set_aside=set_aside)
    if len(eligible):
        message += " " + _("Ranked by {method}, the top of the list is {leaders}.").format(
            method=Method(method).label, leaders=_and_list(_labels(eligible.head(3)))
        )
    if portfolio is not None and portfolio.selected:
        message += " " + ngettext(
            "The recommended portfolio holds {count} use case for {cost} ({cost_words}) "
            "and should bring {value} ({value_words}).",
            "The recommended portfolio holds {count} use cases for {cost} ({cost_words}) "
            "and should bring {value} ({value_words}).",
            len(portfolio.selected),
        ).format(
            count=len(portfolio.selected),
            cost=_amount(portfolio.cost_column, portfolio.total_cost),
            cost_words=_words(_COLUMN_WORDS, portfolio.cost_column),
            value=_amount(portfolio.value_column, portfolio.total_value),
            value_words=_words(_COLUMN_WORDS, portfolio.value_column),
        )
    lines.append(message)
    return "\n\n".join(lines)


def _method_section(method: str, weights: Mapping[str, float] | None, risk_adjusted: bool | None) -> str:
    """How the ranking was made, in plain words."""
    weights_text = ""
    if method == "weighted":
        table = explain_weights(weights)
        table = table[table["weight"] > 0].sort_values("weight", ascending=False, kind="stable")
        weights_text = listed(
            (
                _("{criterion} {weight} (less is better)")
                if row.better == "lower"
                else _("{criterion} {weight}")
            ).format(criterion=_words(_CRITERION_WORDS, row.criterion), weight=format_percent(row.weight))
            for row in table.itertuples()
        )
    lines = [
        _("## How the use cases were ranked"),
        _("Method: {how}.").format(how=_(_METHOD_WORDS[method]).format(weights=weights_text)),
    ]
    if risk_adjusted is True:
        factors = ", ".join(
            f"{tier} x {factor:g}" for tier, factor in RISK_MULTIPLIERS.items() if factor != 1
        )
        lines.append(
            _(
                "Scores are adjusted for EU AI Act risk ({factors}) to reflect the extra compliance work; "
                "prohibited use cases get no score."
            ).format(factors=factors)
        )
    elif risk_adjusted is False:
        lines.append(_("Scores are not adjusted for EU AI Act risk; prohibited use cases get no score."))
    return "\n\n".join(lines)


def _top_section(top: pd.DataFrame, portfolio: PortfolioResult | None, method: str) -> str:
    """The top of the ranking as a Markdown table."""
    lines = [_("## The top {count} use cases").format(count=len(top))]
    if top.empty:
        lines.append(_("No use case could be ranked."))
        return "\n\n".join(lines)
    header = [_("Rank"), _("Use case"), _("Department"), _("Score"), _("EU AI Act tier")]
    chosen = set() if portfolio is None else set(portfolio.selected)
    if portfolio is not None:
        header.append(_("In portfolio"))
    rows = []
    for _index, row in top.iterrows():
        cells = [
            int(row["rank"]),
            _label(row),
            row["department"],
            format_score(float(row["score"]), method),
            row["ai_act_tier"],
        ]
        if portfolio is not None:
            cells.append(_("yes") if row["id"] in chosen else _("no"))
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
    lines = [_("## Recommended portfolio")]
    if portfolio is None:
        lines.append(
            _(
                "No portfolio was computed: agree a budget and a team capacity to turn the ranking into a plan."
            )
        )
        return "\n\n".join(lines)
    cost_words = _words(_COLUMN_WORDS, portfolio.cost_column)
    value_words = _words(_COLUMN_WORDS, portfolio.value_column)
    budget = _amount(portfolio.cost_column, portfolio.budget)
    if portfolio.capacity_pm is None:
        limits = _("a budget of {budget} ({cost_words})").format(budget=budget, cost_words=cost_words)
    else:
        limits = _("a budget of {budget} ({cost_words}) and a capacity of {capacity} person-months").format(
            budget=budget, cost_words=cost_words, capacity=format_number(portfolio.capacity_pm, 1)
        )
    if not portfolio.selected:
        lines.append(
            _("Within {limits}, nothing fits: raise the budget or the capacity.").format(limits=limits)
        )
        return "\n\n".join(lines)
    if portfolio.method == "milp":
        holds = ngettext(
            "Within {limits}, the best combination, found by exact optimisation (0/1 knapsack solved with "
            "mixed-integer linear programming), holds {count} use case:",
            "Within {limits}, the best combination, found by exact optimisation (0/1 knapsack solved with "
            "mixed-integer linear programming), holds {count} use cases:",
            len(portfolio.selected),
        )
    else:
        holds = ngettext(
            "Within {limits}, a greedy selection, taking use cases in order of value per euro, holds "
            "{count} use case:",
            "Within {limits}, a greedy selection, taking use cases in order of value per euro, holds "
            "{count} use cases:",
            len(portfolio.selected),
        )
    lines.append(holds.format(limits=limits, count=len(portfolio.selected)))
    share = portfolio.total_cost / portfolio.budget if portfolio.budget > 0 else 1.0
    facts = [
        _("- {what}: {cost} ({share} of the budget)").format(
            what=cost_words.capitalize(),
            cost=_amount(portfolio.cost_column, portfolio.total_cost),
            share=format_percent(share),
        ),
        _("- {what}: {value}").format(
            what=value_words.capitalize(), value=_amount(portfolio.value_column, portfolio.total_value)
        ),
        _("- Effort: {effort} person-months").format(effort=format_number(portfolio.total_effort, 1)),
    ]
    if total is not None:
        facts.append(_npv_fact(total, rate, years))
    lines.append("\n".join(facts))
    lines.append(_portfolio_table(portfolio, table))
    return "\n\n".join(lines)


def _portfolio_table(portfolio: PortfolioResult, table: pd.DataFrame) -> str:
    """The chosen use cases as a Markdown table: rank, cost, value and effort of each."""
    chosen = table[table["id"].isin(portfolio.selected)]
    items = portfolio.items.set_index(portfolio.items["id"].astype(str))
    rows = []
    for _index, row in chosen.iterrows():
        item = items.loc[str(row["id"])]
        rows.append(
            (
                _label(row),
                "-" if pd.isna(row["rank"]) else int(row["rank"]),
                _amount(portfolio.cost_column, float(item[portfolio.cost_column])),
                _amount(portfolio.value_column, float(item[portfolio.value_column])),
                format_number(float(item["effort_pm"]), 1),
            )
        )
    header = (_("Use case"), _("Rank"), _("Cost"), _("Value"), _("Effort (pm)"))
    return markdown.table(header, rows)


def _npv_fact(total: pd.Series, rate: float | None, years: int | None) -> str:
    """The bullet with the portfolio's net present value, return on investment and payback."""
    period = ngettext(" over {years} year", " over {years} years", years).format(years=years) if years else ""
    discount = (
        _(", discounted at {rate} a year").format(rate=format_percent(rate, 1)) if rate is not None else ""
    )
    payback = total["payback_years"]
    payback_text = (
        _("no payback within the period")
        if payback is None or math.isnan(payback)
        else _("payback after {years} years").format(years=format_number(payback, 1))
    )
    roi_text = (
        ""
        if math.isnan(total["roi"])
        else _(", return on investment {roi}").format(roi=format_percent(total["roi"]))
    )
    return _("- Net present value{period}{discount}: {npv}{roi}, {payback}").format(
        period=period, discount=discount, npv=format_eur(total["npv_eur"]), roi=roi_text, payback=payback_text
    )


def _left_out_section(table: pd.DataFrame, portfolio: PortfolioResult | None, top: int) -> str:
    """What was left out and why: prohibited, excluded by choice, blocked, and top use cases that did not fit."""
    lines = [_("## What was left out, and why")]
    bullets = [
        f"- {_label(row)}: {row['excluded_reason']}."
        for _index, row in table[table["rank"].isna()].iterrows()
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
        for _index, row in table[table["rank"].notna()].iterrows():
            use_case = str(row["id"])
            if use_case in chosen:
                continue
            reason_id = items.loc[use_case, "reason_id"]
            if reason_id in ("excluded", "blocked"):
                note = _("left out by choice") if reason_id == "excluded" else items.loc[use_case, "reason"]
                bullets.append(f"- {_label(row)}: {note}.")
            elif int(row["rank"]) <= top:
                bundle = [use_case] + [item for item in closure[use_case] if item not in chosen]
                why = _why_not(items, bundle, portfolio, remaining_cost, remaining_effort)
                bullets.append(
                    _("- {use_case} (rank {rank}): {why}.").format(
                        use_case=_label(row), rank=int(row["rank"]), why=why
                    )
                )
            else:
                others += 1
        if others:
            bullets.append(
                ngettext(
                    "- {count} lower-ranked use case did not fit within the limits either.",
                    "- {count} lower-ranked use cases did not fit within the limits either.",
                    others,
                ).format(count=others)
            )
    lines.append("\n".join(bullets) if bullets else _("Nothing was left out."))
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
        needs = ngettext(
            " with its prerequisite {ids}", " with its prerequisites {ids}", len(bundle) - 1
        ).format(ids=_and_list(bundle[1:]))
    broken = []
    if cost > remaining_cost + 1e-9:
        broken.append(
            _("the budget (it needs {needed}, {left} is left)").format(
                needed=_amount(portfolio.cost_column, cost),
                left=_amount(portfolio.cost_column, max(remaining_cost, 0.0)),
            )
        )
    if remaining_effort is not None and effort > remaining_effort + 1e-9:
        broken.append(
            _("the capacity (it needs {needed} person-months, {left} are left)").format(
                needed=format_number(effort, 1), left=format_number(max(remaining_effort, 0.0), 1)
            )
        )
    if not broken:
        return _("adding it{needs} would break another limit, such as the cap on high-risk use cases").format(
            needs=needs
        )
    return _("adding it{needs} would exceed {limits}").format(needs=needs, limits=_and_list(broken))


def _robustness_section(verdicts: pd.DataFrame | None, method: str) -> str:
    """How much the ranking depends on the weights."""
    lines = [_("## How robust is the ranking?")]
    if verdicts is None:
        if method != "weighted":
            lines.append(
                _(
                    "Not tested: the robustness check shifts the weights of the criteria, so it applies to "
                    "the weighted method only."
                )
            )
        else:
            lines.append(
                _(
                    "Not tested yet: before committing money, check how often each use case stays at the "
                    "top when the weights move a little."
                )
            )
        return "\n\n".join(lines)
    k = stability_k(verdicts)
    ordered = verdicts.sort_values("rank", kind="stable", na_position="last")
    safe = ordered[ordered["verdict"] == Verdict.SAFE_PICK]
    fragile = ordered[ordered["verdict"] == Verdict.DEPENDS_ON_WEIGHTS]
    lines.append(
        _(
            "The weights were shifted at random around the chosen ones and the use cases re-ranked each time. "
            "Share of the draws in which each use case stayed in the top {k}:"
        ).format(k=k)
    )
    none = _("none")
    bullets = [
        _("- **Safe picks** (at least {safe}): {use_cases}").format(
            safe=format_percent(SAFE_SHARE),
            use_cases=_listing(safe, safe["p_top_k"].map(_share)) if len(safe) else none,
        ),
        _("- **Depend on the weights** ({fragile} to {safe}): {use_cases}").format(
            fragile=format_percent(FRAGILE_SHARE),
            safe=format_percent(SAFE_SHARE),
            use_cases=_listing(fragile, fragile["p_top_k"].map(_share)) if len(fragile) else none,
        ),
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
        fragile = ordered.loc[ordered["verdict"] == Verdict.DEPENDS_ON_WEIGHTS, "id"].tolist()
    if method != "weighted":
        steps.append(
            _(
                "Ask each use case's business owner to confirm the estimates behind its {method} "
                "score: the ranking is only as good as they are."
            ).format(method=Method(method).label)
        )
    elif fragile:
        steps.append(
            ngettext(
                "Agree the weights with the committee: the place of {ids} depends on them.",
                "Agree the weights with the committee: the places of {ids} depend on them.",
                len(fragile),
            ).format(ids=_and_list(fragile))
        )
    else:
        steps.append(
            _("Agree the weights with the committee, so the ranking is theirs as much as the CAIO's.")
        )
    if portfolio is None or not portfolio.selected:
        steps.append(_("Agree a budget and a team capacity, then choose the best combination within them."))
    else:
        steps.extend(_portfolio_steps(eligible, portfolio))
    steps.append(
        _(
            "Track the benefits every quarter against this plan: IBM's Institute for Business Value found in "
            "2025 that only about a quarter of AI initiatives delivered the return expected."
        )
    )
    steps.append(_("Re-run the ranking whenever the catalog, the budget or the priorities change."))
    numbered = "\n".join(f"{number}. {step}" for number, step in enumerate(steps, 1))
    return _("## Next steps") + "\n\n" + numbered


def _portfolio_steps(eligible: pd.DataFrame, portfolio: PortfolioResult) -> list[str]:
    """The next steps of a chosen portfolio: where to start, and the EU AI Act duties it carries."""
    selected = eligible[eligible["id"].isin(portfolio.selected)]
    direct = dependencies(portfolio.items)
    first = selected[[not direct[str(use_case)] for use_case in selected["id"]]].head(3)
    steps = [
        _(
            "Start with use cases that need nothing else first: {use_cases}; give each an owner "
            "in the business and a measurable objective."
        ).format(use_cases=_listing(first))
    ]
    high = selected[selected["ai_act_tier"] == "high"]
    if len(high):
        steps.append(
            _(
                "Budget the EU AI Act high-risk obligations for {ids}: risk management, "
                "data governance, technical documentation, logging, human oversight, accuracy and "
                "robustness (Arts 9-15) and a conformity assessment if the company builds the system; human "
                "oversight, monitoring and logs kept for at least six months (Art. 26) if it buys and runs one."
            ).format(ids=_and_list(high["id"].tolist()))
        )
    transparency = selected[selected["ai_act_tier"] == "transparency"]
    if len(transparency):
        steps.append(
            _(
                "For {ids}, tell people they are dealing with an AI or label "
                "the generated content (EU AI Act Art. 50)."
            ).format(ids=_and_list(transparency["id"].tolist()))
        )
    return steps
