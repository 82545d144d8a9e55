"""The strategy canvas as one Markdown page, with the open points at the end if any remain."""

from __future__ import annotations

import os
from pathlib import Path

from caiokit.i18n import N_, _, listed, text
from caiokit.reports import markdown
from caiokit.strategy import TEXT_FIELDS, Horizon, StrategyCanvas, StrategyError

# The file name suggested for the export, translated where shown.
EXAMPLE_FILE = N_("my_ai_strategy.md")

_TEXT = {
    "to_complete": N_("*To be completed.*"),
    "title": N_("# AI strategy"),
    "title_of": N_("# AI strategy: {company}"),
    "key_result": N_("- KR: {result}"),
    "serving": N_("- AI use cases: {names}"),
    "header": (N_("#"), N_("Use case"), N_("Serves")),
    "roadmap": N_("Roadmap"),
    "how": N_("How we run it"),
    "open_points": N_("Open points"),
}


def _label(key: str) -> str:
    return text(TEXT_FIELDS[key][0])


def to_markdown(canvas: StrategyCanvas) -> str:
    """The canvas as one Markdown page: every part, '*To be completed.*' where one is empty, open points last."""
    to_complete = text(_TEXT["to_complete"])

    def block(key: str) -> str:
        return f"**{_label(key)}.** {getattr(canvas, key).strip() or to_complete}"

    serving: dict[str, list[str]] = {}
    for use_case in canvas.priority_use_cases:
        for target in use_case.objectives:
            serving.setdefault(target, []).append(use_case.name)
    objective_lines = []
    for objective in canvas.objectives:
        objective_lines.append(f"**{objective.id}. {objective.text}**")
        objective_lines.extend(text(_TEXT["key_result"]).format(result=r) for r in objective.key_results)
        if serving.get(objective.id):
            objective_lines.append(text(_TEXT["serving"]).format(names=listed(serving[objective.id])))
        objective_lines.append("")
    use_cases = markdown.table(
        [_(label) for label in _TEXT["header"]],
        [
            (i, u.name, ", ".join(u.objectives) or "-")
            for i, u in enumerate(canvas.priority_use_cases, start=1)
        ],
        empty=to_complete,
    )
    roadmap = "\n".join(
        f"- **{horizon.label}**: {'; '.join(canvas.roadmap.get(horizon.value, [])) or to_complete}"
        for horizon in Horizon
    )
    company = canvas.company.strip()
    parts = [
        text(_TEXT["title_of"]).format(company=canvas.company) if company else text(_TEXT["title"]),
        block("ambition"),
        f"## {_label('objectives')}",
        "\n".join(objective_lines).strip() or to_complete,
        f"## {_label('priority_use_cases')}",
        use_cases,
        f"## {text(_TEXT['roadmap'])}",
        roadmap,
        f"## {text(_TEXT['how'])}",
        "\n\n".join(block(key) for key in ("operating_model", "governance", "funding")),
        f"## {_label('success_metrics')}",
        markdown.bullets(canvas.success_metrics, empty=to_complete),
        f"## {_label('risks')}",
        markdown.bullets(canvas.risks, empty=to_complete),
    ]
    problems = canvas.validate()
    if problems:
        parts += [f"## {text(_TEXT['open_points'])}", markdown.bullets(problems)]
    return "\n\n".join(parts) + "\n"


def write_markdown(canvas: StrategyCanvas, path: str | os.PathLike) -> Path:
    """Write the canvas as Markdown to ``path`` (overwriting it) and return the path written."""
    return markdown.write(path, to_markdown(canvas), example=_(EXAMPLE_FILE), error=StrategyError)
