"""The development plan as a Markdown page: the profile, the actions week by week, and their total."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from caiokit import datafiles
from caiokit.i18n import N_, _, lazy, lower_first, text
from caiokit.reports import markdown
from caiokit.skills import ACTIONS_FILE, PLAN_COLUMNS, SkillsError, SkillsResult

# Shown instead of a plan when no skill scores below the target.
NO_GAP = lazy(
    "No skill scores below the target, so there is no gap to close. Pick the skill you most want to deepen "
    "and take its actions from `{path}`.",
    path=lambda: f"caiokit/data/{datafiles.localized(ACTIONS_FILE)}",
)
# The file name suggested for the export, translated where shown.
EXAMPLE_FILE = N_("my_development_plan.md")

_TEXT = {
    "title": N_("# My development plan as a CAIO"),
    "header": (N_("Week"), N_("Skill"), N_("Action"), N_("Lesson to revisit"), N_("Hours")),
    "total": N_("**Total**: {count} actions, {hours} hours, from week {first} to week {last}."),
    "not_plan": N_("plan_to_markdown needs the DataFrame returned by development_plan, not a {kind}"),
    "plan_columns": N_("the plan lacks column(s) {columns}: pass the DataFrame returned by development_plan"),
}


def plan_to_markdown(plan: pd.DataFrame, result: SkillsResult | None = None) -> str:
    """The plan as a Markdown page (with the profile above it when ``result`` is given)."""
    if not isinstance(plan, pd.DataFrame):
        raise SkillsError([text(_TEXT["not_plan"]).format(kind=type(plan).__name__)])
    missing = [column for column in PLAN_COLUMNS if column not in plan.columns]
    if missing:
        raise SkillsError([text(_TEXT["plan_columns"]).format(columns=missing)])
    parts = [text(_TEXT["title"])]
    if result is not None:
        parts.append(result.to_markdown())
    if plan.empty:
        parts.append(str(NO_GAP))
        return "\n\n".join(parts) + "\n"
    rows = [
        (row.week, row.skill, row.action, row.lesson, f"{row.hours:g}")
        for row in plan.itertuples(index=False)
    ]
    parts.append(markdown.table([_(label) for label in _TEXT["header"]], rows))
    parts.append(
        text(_TEXT["total"]).format(
            count=len(plan),
            hours=f"{float(plan['hours'].sum()):g}",
            first=plan["week"].min(),
            last=plan["week"].max(),
        )
    )
    return "\n\n".join(parts) + "\n"


def write_plan(plan: pd.DataFrame, path: str | os.PathLike, result: SkillsResult | None = None) -> Path:
    """Write the plan as Markdown to ``path`` (overwriting it) and return the path written."""
    return markdown.write(path, plan_to_markdown(plan, result), example=_(EXAMPLE_FILE), error=_export_error)


def _export_error(message: str) -> SkillsError:
    """The writer's message in the style of the skills module's, which start in lower case."""
    return SkillsError([lower_first(message)])
