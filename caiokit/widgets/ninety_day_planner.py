"""The 90-day planner: a few key choices in, the whole plan checked and previewed, one Markdown file out.

Every number and sentence comes from ``caiokit.ninety_days``; this module only turns the controls into
a dict of choices and shows what ``build_plan``, ``check_plan`` and ``to_markdown`` return.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import ipywidgets as widgets
from IPython.display import Markdown

from caiokit.catalog import load_catalog
from caiokit.errors import CaioKitError
from caiokit.ninety_days import (
    WEIGHT_PRESETS,
    NinetyDayPlan,
    build_plan,
    check_plan,
    default_choices,
    parse_notes,
    to_markdown,
    weights_for,
    write_plan,
)
from caiokit.widgets.tool import Tool, inline_markdown

DEFAULT_PATH = "my_90_day_plan.md"
MAX_CAPACITY_PM = 30.0
MAX_PEOPLE = 20

_TEXT = {
    "title": "<h4>Your 90-day plan</h4><i>Set the key choices, build the plan, read what is still open, export it.</i>",
    "budget": "One-off budget, EUR",
    "capacity": "Capacity, pm / quarter",
    "weights": "Weights preset",
    "headcount": "AI team, people",
    "ambition": "Ambition",
    "ambition_hint": "Where should AI take the company in about three years? One or two sentences.",
    "mandatory": "Must include",
    "excluded": "Leave out",
    "notes": "Triage notes",
    "notes_hint": "One per line, for each high-risk use case: UC18: who does the AI Act duties, by when",
    "build": "Build my plan",
    "export": "Export",
    "path": "Export to",
    "clean": "✔ Nothing open: the plan holds together. Export it and take it to the executive committee.",
    "open": "<b>{count} point(s) to fix before the plan goes to the board</b>",
    "written": "Written to `{path}`{status}.",
    "written_open": " ({count} point(s) still open, listed at the end)",
    "built": "Plan built from the choices above.",
    "stale": "⚠ The plan below no longer matches the choices above: click <b>Build my plan</b> to rebuild it.",
}
_STYLE = {"description_width": "160px"}
_WIDE = {"width": "560px"}


def _ids(value: Any) -> tuple[str, ...]:
    """Use case ids as the selection lists hold them: one id or several, in capitals."""
    items = [value] if isinstance(value, str) else list(value)
    return tuple(str(item).strip().upper() for item in items)


class NinetyDayPlanner(Tool):
    """Budget, capacity, weights preset, team size, ambition and a few more choices -> the 90-day plan.

    ``choices`` (see ``caiokit.ninety_days.explain_choices()``) sets the starting values; the choices that
    have no control here (maturity answers, stakeholders, literacy hours, ADKAR scores, milestones) are
    used as given.
    """

    title = "the 90-day planner"

    def __init__(self, choices: Mapping[str, Any] | None = None, path: str = DEFAULT_PATH):
        self.base = default_choices()
        self.base.update(dict(choices or {}))
        build_plan(self.base)  # bad choices fail here, with the domain's message
        catalog = load_catalog()
        options = [
            (f"{use_case} {name}", str(use_case))
            for use_case, name in zip(catalog["id"], catalog["name"], strict=True)
        ]
        budget_max = int(math.ceil(float(catalog["cost_one_off_eur"].sum()) / 50_000) * 50_000)
        preset, _ = weights_for(self.base["weights"])
        presets = list(WEIGHT_PRESETS) + (["custom"] if preset == "custom" else [])
        headcount = self.base["headcount"]
        people = sum(headcount.values()) if isinstance(headcount, Mapping) else int(headcount)
        notes = self.base["triage_notes"]
        notes_text = notes if isinstance(notes, str) else "\n".join(f"{k}: {v}" for k, v in notes.items())

        self.budget = widgets.IntSlider(
            value=int(self.base["budget_eur"]), min=0, max=max(budget_max, int(self.base["budget_eur"])),
            step=50_000, readout_format=",d", description=_TEXT["budget"], style=_STYLE, layout=_WIDE,
            continuous_update=False,
        )  # fmt: skip
        self.capacity = widgets.FloatSlider(
            value=float(self.base["capacity_pm_per_quarter"]), min=0.5,
            max=max(MAX_CAPACITY_PM, float(self.base["capacity_pm_per_quarter"])), step=0.5,
            readout_format=".1f", description=_TEXT["capacity"], style=_STYLE, layout=_WIDE,
            continuous_update=False,
        )  # fmt: skip
        self.weights = widgets.Dropdown(
            options=presets, value=preset, description=_TEXT["weights"], style=_STYLE
        )
        self.headcount = widgets.IntSlider(
            value=people, min=0, max=max(MAX_PEOPLE, people), description=_TEXT["headcount"],
            style=_STYLE, layout=_WIDE, continuous_update=False,
        )  # fmt: skip
        self.ambition = widgets.Textarea(
            value=str(self.base["ambition"]), placeholder=_TEXT["ambition_hint"],
            description=_TEXT["ambition"], style=_STYLE, layout={"width": "760px", "height": "60px"},
        )  # fmt: skip
        self.mandatory = widgets.SelectMultiple(
            options=options, value=_ids(self.base["mandatory"]), description=_TEXT["mandatory"], rows=6,
            style=_STYLE, layout={"width": "420px"},
        )  # fmt: skip
        self.excluded = widgets.SelectMultiple(
            options=options, value=_ids(self.base["excluded"]), description=_TEXT["excluded"], rows=6,
            style=_STYLE, layout={"width": "420px"},
        )  # fmt: skip
        self.notes = widgets.Textarea(
            value=notes_text, placeholder=_TEXT["notes_hint"], description=_TEXT["notes"], style=_STYLE,
            layout={"width": "760px", "height": "60px"},
        )  # fmt: skip
        self.build_button = widgets.Button(description=_TEXT["build"], button_style="primary", icon="cogs")
        self.build_button.on_click(lambda _: self.build())
        self.path = widgets.Text(value=path, description=_TEXT["path"], layout={"width": "420px"})
        self.export_button = widgets.Button(description=_TEXT["export"], icon="download")
        self.export_button.on_click(lambda _: self.export())
        self.checks = widgets.HTML()
        self.message = widgets.HTML()
        self.freshness = widgets.HTML()
        self.preview = widgets.Output()
        self.plan: NinetyDayPlan | None = None
        self.problems: list[str] = []
        self.markdown = ""
        self.widget = widgets.VBox(
            [
                widgets.HTML(_TEXT["title"]),
                self.budget,
                self.capacity,
                self.headcount,
                self.weights,
                self.ambition,
                widgets.HBox([self.mandatory, self.excluded]),
                self.notes,
                widgets.HBox([self.build_button, self.path, self.export_button]),
                self.freshness,
                self.message,
                self.checks,
                self.preview,
            ]
        )
        for control in (
            self.budget,
            self.capacity,
            self.headcount,
            self.weights,
            self.ambition,
            self.mandatory,
            self.excluded,
            self.notes,
        ):
            control.observe(lambda _: self._mark_stale(), names="value")
        self.build()

    def choices(self) -> dict[str, Any]:
        """The choices as the controls set them, over the ones given when the planner was made."""
        choices = dict(self.base)
        weights = self.base["weights"] if self.weights.value == "custom" else self.weights.value
        choices.update(
            budget_eur=self.budget.value,
            capacity_pm_per_quarter=self.capacity.value,
            weights=weights,
            headcount=self.headcount.value,
            ambition=self.ambition.value,
            mandatory=tuple(self.mandatory.value),
            excluded=tuple(self.excluded.value),
            triage_notes=parse_notes(self.notes.value),
        )
        return choices

    def build(self) -> None:
        """Build the plan from the controls, list what is still open, and preview the document."""
        try:
            self.plan = build_plan(self.choices())
        except CaioKitError as error:
            self.plan = None
            self.problems = []
            self.markdown = ""
            self.message.value = f"⚠ {inline_markdown(str(error))}"
            self.freshness.value = ""
            self.checks.value = ""
            self.preview.outputs = ()
            return
        self.message.value = ""
        self.freshness.value = _TEXT["built"]
        self.problems = check_plan(self.plan)
        if self.problems:
            items = "".join(f"<li>{inline_markdown(problem)}</li>" for problem in self.problems)
            self.checks.value = _TEXT["open"].format(count=len(self.problems)) + f"<ul>{items}</ul>"
        else:
            self.checks.value = _TEXT["clean"]
        self.markdown = to_markdown(self.plan)
        self.preview.outputs = ()
        self.preview.append_display_data(Markdown(self.markdown))

    def _mark_stale(self) -> None:
        """Once a plan is shown, warn that it no longer matches the controls until it is rebuilt."""
        if self.plan is not None:
            self.freshness.value = f"<span class='caio-error'>{_TEXT['stale']}</span>"

    def export(self) -> None:
        """Build the plan from the controls and write it as one Markdown file to the chosen path."""
        self.build()
        if self.plan is None:
            return
        try:
            written = write_plan(self.plan, self.path.value.strip())
        except CaioKitError as error:
            self.message.value = f"⚠ {inline_markdown(str(error))}"
            return
        status = _TEXT["written_open"].format(count=len(self.problems)) if self.problems else ""
        self.message.value = inline_markdown(_TEXT["written"].format(path=written, status=status))
