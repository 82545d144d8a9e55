"""An AI strategy on one page: the strategy canvas, its checks, and OKR alignment.

A :class:`StrategyCanvas` holds the nine parts of a company-wide AI strategy: ambition, business objectives
with OKR-style key results, priority use cases (each naming the objective it serves), a roadmap over three
horizons (:class:`Horizon`), operating model, governance, funding, success metrics and risks. ``validate()``
says in plain words what is still missing; :mod:`caiokit.reports.strategy_canvas` writes the page a CAIO
could send to the executive committee.

Each part can also be written as plain text (what the strategy-canvas editor shows), with these rules:

- objectives: one per line, optionally starting with an id (``O2: Grow the online shop``); its key
  results on the following lines, each starting with ``-``;
- priority use cases: one per line, ending with the objective(s) served: ``Email triage -> O1``;
- roadmap horizons, success metrics, risks: one item per line;
- ambition, operating model, governance, funding: free text.

The check that a key result is measurable is the course's own rule of thumb: it must contain a figure
("20%", "2028") or a quantity word ("three quarters", "every", "no"). It catches "Improve customer
satisfaction", not every vague result. The quantity words are English ones.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import pandas as pd

from caiokit import datafiles
from caiokit.catalog import require_columns
from caiokit.errors import CaioKitError
from caiokit.i18n import N_, Category, Message, _, lazy, listed, text


class Horizon(Category):
    """The three horizons of a strategy's roadmap, nearest first."""

    NOW = "now", N_("Now (0-6 months)")
    NEXT = "next", N_("Next (6-18 months)")
    LATER = "later", N_("Later (18-36 months)")


def _roadmap(horizon: Horizon) -> Message:
    return lazy("Roadmap: {horizon}", horizon=lambda: horizon.label)


# The text fields of a canvas: key -> (label, the question that part of the strategy answers), both
# translated where shown (``caiokit.i18n.text``).
TEXT_FIELDS = {
    "company": (N_("Company"), N_("Which organisation is this strategy for?")),
    "ambition": (
        N_("Ambition"),
        N_("Where should AI take the company in about three years? One or two sentences."),
    ),
    "objectives": (
        N_("Business objectives and key results"),
        N_(
            "Which business objectives does AI serve, and how will we measure progress? "
            "One objective per line ('O1: ...'), its key results below it, each starting with '-'."
        ),
    ),
    "priority_use_cases": (
        N_("Priority use cases"),
        N_(
            "Which AI use cases come first, and which objective does each serve? "
            "One per line: 'Email triage and routing -> O1'."
        ),
    ),
    "roadmap_now": (_roadmap(Horizon.NOW), N_("What do we deliver first? One item per line.")),
    "roadmap_next": (_roadmap(Horizon.NEXT), N_("What follows once the first results are in?")),
    "roadmap_later": (_roadmap(Horizon.LATER), N_("Where do we want to be at the end of the plan?")),
    "operating_model": (
        N_("Operating model"),
        N_(
            "Who does the work: a central team, a hub with experts embedded in the business, or teams in each "
            "unit?"
        ),
    ),
    "governance": (
        N_("Governance"),
        N_("Who decides, who approves AI systems, and under which rules (ethics, EU AI Act)?"),
    ),
    "funding": (N_("Funding"), N_("How much money, from which budget, released how?")),
    "success_metrics": (
        N_("Success metrics"),
        N_("How will the executive committee know the strategy works? One metric per line."),
    ),
    "risks": (N_("Risks"), N_("What could go wrong, and what do we do about it? One risk per line.")),
}

# A short example of an answer for each text field, shown in the empty field (the question is printed above
# it). The examples come from another company, a regional insurer, so none of them answers for Alvera.
EXAMPLES = {
    "company": N_("e.g. Rhône Mutual Insurance"),
    "ambition": N_(
        "e.g. By 2029, AI settles simple claims in a day and frees our experts for the hard ones."
    ),
    "objectives": N_("e.g. O1: Settle claims faster\n- Simple claims settled within one day by end of 2028"),
    "priority_use_cases": N_("e.g. Photo-based car damage estimate -> O1"),
    "roadmap_now": N_("e.g. A claims-triage pilot in one region"),
    "roadmap_next": N_("e.g. The pilot rolled out to every region, with its results measured"),
    "roadmap_later": N_("e.g. Nine claims in ten triaged by AI and checked by people"),
    "operating_model": N_("e.g. A central team of six, with one AI lead in each business line"),
    "governance": N_("e.g. An AI board chaired by the CAIO approves each system before it goes live"),
    "funding": N_("e.g. EUR 2 M a year from the transformation budget, released stage by stage"),
    "success_metrics": N_("e.g. Average days to settle a claim"),
    "risks": N_("e.g. Staff do not trust the tools: train them and involve them early"),
}

_OBJECTIVE_ID = re.compile(r"^(O\d+)\s*[:.)\-]\s*(.+)$", re.IGNORECASE)
_BULLET = re.compile(r"^[-*•]\s*")
_QUANTITY = re.compile(
    r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|hundred|half|halves|third|thirds"
    r"|quarter|quarters|double|twice|zero|no|none|all|every)\b",
    re.IGNORECASE,
)

_MESSAGES = {
    "company": N_("Say which company the strategy is for."),
    "ambition": N_(
        "The ambition is empty: say in one or two sentences where AI should take the company in about three "
        "years."
    ),
    "objectives": N_(
        "There is no business objective: an AI strategy starts from what the business wants to achieve."
    ),
    "duplicate_objective": N_(
        "Objective id {id} is used twice: give each objective its own id (O1, O2, ...)."
    ),
    "no_key_result": N_(
        "Objective {id} ({text}) has no key result: add at least one measurable result under it, starting "
        "with '-'."
    ),
    "not_measurable": N_(
        "Key result '{kr}' of {id} has no figure: make it measurable, with a target and a date."
    ),
    "use_cases": N_("There is no priority use case: name the few AI projects that come first."),
    "unlinked": N_(
        "Priority use case '{name}' serves no objective: end its line with '-> O1' (or the id it serves). A "
        "use case no objective needs is a gadget, not a lever."
    ),
    "unknown_objective": N_(
        "Priority use case '{name}' points to {id}, which is not one of the objectives ({ids})."
    ),
    "none_yet": N_("none yet"),
    "roadmap": N_("The roadmap has nothing for {horizon}."),
    "operating_model": N_(
        "The operating model is empty: say who builds and runs AI (central team, hub and spokes, or teams in "
        "each unit)."
    ),
    "governance": N_("Governance is empty: say who decides and who approves AI systems before they go live."),
    "funding": N_("Funding is empty: say how much money the strategy needs and how it is released."),
    "success_metrics": N_(
        "There is no success metric: say how the executive committee will know the strategy works."
    ),
    "risks": N_("There is no risk: name at least the main risks and what you will do about them."),
    "orphan_key_result": N_(
        "Key result '{kr}' comes before any objective: put its objective on the line above it."
    ),
    "unknown_field": N_("Unknown canvas field(s): {fields}. The fields are: {allowed}."),
    "unknown_objective_link": N_("links name objective {id}, which is not among the objectives ({ids})."),
    "unknown_use_case": N_("links name use case {id} for {objective}, which is not in the catalog."),
}
# Column headers of the tables below, translated when a table is made.
_HEADERS = {
    "part": N_("part"),
    "question": N_("question it answers"),
    "objective": N_("objective"),
    "use_cases": N_("use cases"),
    "names": N_("names"),
    "value_drivers": N_("value drivers"),
}


def _message(key: str, **values: object) -> str:
    return _(_MESSAGES[key]).format(**values)


class StrategyError(CaioKitError):
    """A strategy canvas, its text or its export cannot be used as given; the message says how to fix it."""


@dataclass
class Objective:
    """A business objective (qualitative) with its OKR-style key results (measurable)."""

    id: str
    text: str
    key_results: list[str] = field(default_factory=list)


@dataclass
class PriorityUseCase:
    """A use case the strategy puts first, and the objective ids it serves."""

    name: str
    objectives: tuple[str, ...] = ()


def parse_lines(text: str) -> list[str]:
    """The non-empty lines of a text, stripped, without leading bullets."""
    return [_BULLET.sub("", line.strip()).strip() for line in text.splitlines() if line.strip()]


def parse_objectives(text: str) -> list[Objective]:
    """Objectives from text: one per line (optional 'O1:' id), key results below, each starting with '-'."""
    objectives: list[Objective] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if _BULLET.match(line):
            result = _BULLET.sub("", line).strip()
            if not objectives:
                raise StrategyError(_message("orphan_key_result", kr=result))
            if result:
                objectives[-1].key_results.append(result)
            continue
        match = _OBJECTIVE_ID.match(line)
        if match:
            objectives.append(Objective(match.group(1).upper(), match.group(2).strip()))
        else:
            objectives.append(Objective(f"O{len(objectives) + 1}", line))
    return objectives


def parse_use_cases(text: str) -> list[PriorityUseCase]:
    """Priority use cases from text: one per line, 'name -> O1' (several ids separated by commas)."""
    use_cases = []
    for line in parse_lines(text):
        name, arrow, targets = line.rpartition("->")
        if not arrow:
            use_cases.append(PriorityUseCase(line))
            continue
        ids = tuple(part.strip().upper() for part in re.split(r"[,;\s]+", targets) if part.strip())
        use_cases.append(PriorityUseCase(name.strip(), ids))
    return use_cases


def _objectives_text(objectives: Sequence[Objective]) -> str:
    lines = []
    for objective in objectives:
        lines.append(f"{objective.id}: {objective.text}")
        lines.extend(f"- {result}" for result in objective.key_results)
    return "\n".join(lines)


def _use_case_line(use_case: PriorityUseCase) -> str:
    return f"{use_case.name} -> {', '.join(use_case.objectives)}" if use_case.objectives else use_case.name


@dataclass
class StrategyCanvas:
    """A company-wide AI strategy on one page; ``validate()`` lists what is missing."""

    company: str = ""
    ambition: str = ""
    objectives: list[Objective] = field(default_factory=list)
    priority_use_cases: list[PriorityUseCase] = field(default_factory=list)
    roadmap: dict[str, list[str]] = field(default_factory=lambda: {horizon.value: [] for horizon in Horizon})
    operating_model: str = ""
    governance: str = ""
    funding: str = ""
    success_metrics: list[str] = field(default_factory=list)
    risks: list[str] = field(default_factory=list)

    @classmethod
    def from_text(cls, fields: Mapping[str, str]) -> StrategyCanvas:
        """Build a canvas from the text of its fields (keys of ``TEXT_FIELDS``; missing keys stay empty)."""
        unknown = sorted(set(fields) - set(TEXT_FIELDS))
        if unknown:
            raise StrategyError(
                _message("unknown_field", fields=", ".join(unknown), allowed=", ".join(TEXT_FIELDS))
            )

        def text(key: str) -> str:
            return str(fields.get(key) or "").strip()

        return cls(
            company=text("company"),
            ambition=text("ambition"),
            objectives=parse_objectives(text("objectives")),
            priority_use_cases=parse_use_cases(text("priority_use_cases")),
            roadmap={horizon.value: parse_lines(text(f"roadmap_{horizon}")) for horizon in Horizon},
            operating_model=text("operating_model"),
            governance=text("governance"),
            funding=text("funding"),
            success_metrics=parse_lines(text("success_metrics")),
            risks=parse_lines(text("risks")),
        )

    @classmethod
    def from_company(cls, company: Mapping | None = None) -> StrategyCanvas:
        """A canvas started from a company description (default: Alvera Group): name and objectives filled in."""
        company = load_company() if company is None else company
        return cls(company=str(company.get("name", "")), objectives=company_objectives(company))

    def to_text(self) -> dict[str, str]:
        """The canvas as the text of its fields: the inverse of :meth:`from_text`."""
        texts = {
            "company": self.company,
            "ambition": self.ambition,
            "objectives": _objectives_text(self.objectives),
            "priority_use_cases": "\n".join(_use_case_line(u) for u in self.priority_use_cases),
            "operating_model": self.operating_model,
            "governance": self.governance,
            "funding": self.funding,
            "success_metrics": "\n".join(self.success_metrics),
            "risks": "\n".join(self.risks),
        }
        texts.update({f"roadmap_{h}": "\n".join(self.roadmap.get(h.value, [])) for h in Horizon})
        return {key: texts[key] for key in TEXT_FIELDS}

    def validate(self) -> list[str]:
        """What is missing or inconsistent, in plain words; an empty list means the page is complete."""
        problems = []
        if not self.company.strip():
            problems.append(_message("company"))
        if not self.ambition.strip():
            problems.append(_message("ambition"))
        if not self.objectives:
            problems.append(_message("objectives"))
        ids = [objective.id for objective in self.objectives]
        for duplicate in sorted({i for i in ids if ids.count(i) > 1}):
            problems.append(_message("duplicate_objective", id=duplicate))
        for objective in self.objectives:
            if not objective.key_results:
                problems.append(_message("no_key_result", id=objective.id, text=objective.text))
            for result in objective.key_results:
                if not _QUANTITY.search(result):
                    problems.append(_message("not_measurable", kr=result, id=objective.id))
        if not self.priority_use_cases:
            problems.append(_message("use_cases"))
        for use_case in self.priority_use_cases:
            if not use_case.objectives:
                problems.append(_message("unlinked", name=use_case.name))
            for target in use_case.objectives:
                if target not in ids:
                    listed = ", ".join(ids) or _message("none_yet")
                    problems.append(_message("unknown_objective", name=use_case.name, id=target, ids=listed))
        for horizon in Horizon:
            if not self.roadmap.get(horizon.value):
                problems.append(_message("roadmap", horizon=horizon.label))
        for name in ("operating_model", "governance", "funding"):
            if not getattr(self, name).strip():
                problems.append(_message(name))
        for name in ("success_metrics", "risks"):
            if not getattr(self, name):
                problems.append(_message(name))
        return problems


def canvas_fields() -> pd.DataFrame:
    """The parts of a strategy canvas and the question each one answers."""
    part, question = text(_HEADERS["part"]), text(_HEADERS["question"])
    return pd.DataFrame(
        [{part: text(label), question: text(asked)} for label, asked in TEXT_FIELDS.values()]
    ).set_index(part)


def load_company() -> dict:
    """The case-study company (Alvera Group SE): its figures from ``data/company.json`` and its description,
    sites and objectives in the language in use from ``data/<lang>/company.json``."""
    return {**datafiles.document("company.json"), **datafiles.document(datafiles.localized("company.json"))}


def company_objectives(company: Mapping | None = None) -> list[Objective]:
    """A company's strategic objectives with their key results (empty when the description has none)."""
    company = load_company() if company is None else company
    return [
        Objective(str(item["id"]), str(item["objective"]), [str(r) for r in item.get("key_results", [])])
        for item in company.get("strategic_objectives", [])
    ]


def _checked_links(
    objectives: Sequence[Objective], links: Mapping[str, Sequence[str]], catalog: pd.DataFrame
) -> None:
    ids = [objective.id for objective in objectives]
    known = set(catalog["id"])
    for objective_id, use_case_ids in links.items():
        if objective_id not in ids:
            raise StrategyError(_message("unknown_objective_link", id=objective_id, ids=", ".join(ids)))
        for use_case_id in use_case_ids:
            if use_case_id not in known:
                raise StrategyError(_message("unknown_use_case", id=use_case_id, objective=objective_id))


def alignment_table(
    objectives: Sequence[Objective], links: Mapping[str, Sequence[str]], catalog: pd.DataFrame
) -> pd.DataFrame:
    """One row per objective: the catalog use cases linked to it, their value drivers and yearly benefit.

    The headers are in the language in use, but for the catalog's own column ``benefit_yearly_eur``.
    """
    table = require_columns(catalog, ["id", "name", "value_driver", "benefit_yearly_eur"])
    _checked_links(objectives, links, table)
    by_id = table.set_index("id")
    header = {key: _(label) for key, label in _HEADERS.items()}
    rows = []
    for objective in objectives:
        chosen = by_id.loc[list(links.get(objective.id, []))]
        rows.append(
            {
                header["objective"]: f"{objective.id} {objective.text}",
                header["use_cases"]: len(chosen),
                header["names"]: listed(chosen["name"]),
                header["value_drivers"]: ", ".join(sorted(set(chosen["value_driver"]))),
                "benefit_yearly_eur": float(chosen["benefit_yearly_eur"].sum()),
            }
        )
    return pd.DataFrame(rows).set_index(header["objective"])


def unaligned_use_cases(
    objectives: Sequence[Objective], links: Mapping[str, Sequence[str]], catalog: pd.DataFrame
) -> pd.DataFrame:
    """The catalog use cases that no objective is linked to: candidates for 'gadget' unless a link is found."""
    table = require_columns(catalog, ["id", "name", "department", "value_driver"])
    _checked_links(objectives, links, table)
    linked = {use_case for use_cases in links.values() for use_case in use_cases}
    return table.loc[~table["id"].isin(linked)].set_index("id")
