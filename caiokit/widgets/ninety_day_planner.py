"""The 90-day planner: a few key choices in, the whole plan checked and previewed, one Markdown file out.

Every number and sentence comes from ``caiokit.ninety_days`` and its report writer
``caiokit.reports.ninety_day_plan``; this module only turns the controls into a dict of choices and shows
what ``build_plan``, ``check_plan`` and ``to_markdown`` return. The use cases come from the case study's
catalog, or from the learner's own (``catalog=`` or ``use_catalog``), checked as the catalog loader checks any.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import ipywidgets as widgets
import pandas as pd
from IPython.display import Markdown

from caiokit.errors import CaioKitError
from caiokit.i18n import N_, _, text
from caiokit.ninety_days import (
    WEIGHT_PRESETS,
    CatalogSource,
    NinetyDayPlan,
    WeightPreset,
    build_plan,
    check_plan,
    default_choices,
    parse_notes,
    plan_catalog,
    weights_for,
)
from caiokit.reports.ninety_day_plan import EXAMPLE_PATH, to_markdown, write_plan
from caiokit.widgets.tool import Tool, inline_markdown

MAX_CAPACITY_PM = 30.0
MAX_PEOPLE = 20
BUDGET_STEP = 50_000

_TEXT = {
    "title": N_("Your 90-day plan"),
    "intro": N_("Set the key choices, build the plan, read what is still open, export it."),
    "budget": N_("One-off budget, EUR"),
    "capacity": N_("Capacity, pm / quarter"),
    "weights": N_("Weights preset"),
    "headcount": N_("AI team, people"),
    "ambition": N_("Ambition"),
    "ambition_hint": N_("Where should AI take the company in about three years? One or two sentences."),
    "mandatory": N_("Must include"),
    "excluded": N_("Leave out"),
    "notes": N_("Triage notes"),
    "notes_hint": N_("One per line, for each high-risk use case: UC18: who does the AI Act duties, by when"),
    "build": N_("Build my plan"),
    "export": N_("Export"),
    "path": N_("Export to"),
    "clean": N_("✔ Nothing open: the plan holds together. Export it and take it to the executive committee."),
    "open": N_("{count} point(s) to fix before the plan goes to the board"),
    "written": N_("Written to `{path}`{status}."),
    "written_open": N_(" ({count} point(s) still open, listed at the end)"),
    "built": N_("Plan built from the choices above."),
    "stale": N_("⚠ The plan below no longer matches the choices above: click {button} to rebuild it."),
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
    used as given. ``catalog`` is the use cases to plan with: the case study's by default, or the learner's
    own table or CSV file (``caiokit.ninety_days.plan_catalog``); ``use_catalog`` switches to another.
    ``path`` is where Export writes the plan (a file name in the language in use, by default).
    """

    title = N_("the 90-day planner")

    def __init__(
        self,
        choices: Mapping[str, Any] | None = None,
        path: str | None = None,
        catalog: CatalogSource = None,
    ):
        self.base = default_choices()
        self.base.update(dict(choices or {}))
        self.catalog = plan_catalog(catalog)
        build_plan(self.base, self.catalog)  # bad choices fail here, with the domain's message
        preset, _weights = weights_for(self.base["weights"])
        presets = [*WEIGHT_PRESETS, *([WeightPreset.CUSTOM] if preset == WeightPreset.CUSTOM else [])]
        headcount = self.base["headcount"]
        people = sum(headcount.values()) if isinstance(headcount, Mapping) else int(headcount)
        notes = self.base["triage_notes"]
        notes_text = notes if isinstance(notes, str) else "\n".join(f"{k}: {v}" for k, v in notes.items())

        self.budget = widgets.IntSlider(
            value=int(self.base["budget_eur"]), min=0, max=_budget_max(self.catalog, self.base["budget_eur"]),
            step=BUDGET_STEP, readout_format=",d", description=text(_TEXT["budget"]), style=_STYLE, layout=_WIDE,
            continuous_update=False,
        )  # fmt: skip
        self.capacity = widgets.FloatSlider(
            value=float(self.base["capacity_pm_per_quarter"]), min=0.5,
            max=max(MAX_CAPACITY_PM, float(self.base["capacity_pm_per_quarter"])), step=0.5,
            readout_format=".1f", description=text(_TEXT["capacity"]), style=_STYLE, layout=_WIDE,
            continuous_update=False,
        )  # fmt: skip
        self.weights = widgets.Dropdown(
            options=[(option.label, option) for option in presets], value=preset,
            description=text(_TEXT["weights"]), style=_STYLE,
        )  # fmt: skip
        self.headcount = widgets.IntSlider(
            value=people, min=0, max=max(MAX_PEOPLE, people), description=text(_TEXT["headcount"]),
            style=_STYLE, layout=_WIDE, continuous_update=False,
        )  # fmt: skip
        self.ambition = widgets.Textarea(
            value=str(self.base["ambition"]), placeholder=text(_TEXT["ambition_hint"]),
            description=text(_TEXT["ambition"]), style=_STYLE, layout={"width": "760px", "height": "60px"},
        )  # fmt: skip
        options = _options(self.catalog)
        self.mandatory = widgets.SelectMultiple(
            options=options, value=_ids(self.base["mandatory"]), description=text(_TEXT["mandatory"]), rows=6,
            style=_STYLE, layout={"width": "420px"},
        )  # fmt: skip
        self.excluded = widgets.SelectMultiple(
            options=options, value=_ids(self.base["excluded"]), description=text(_TEXT["excluded"]), rows=6,
            style=_STYLE, layout={"width": "420px"},
        )  # fmt: skip
        self.notes = widgets.Textarea(
            value=notes_text, placeholder=text(_TEXT["notes_hint"]), description=text(_TEXT["notes"]), style=_STYLE,
            layout={"width": "760px", "height": "60px"},
        )  # fmt: skip
        self.build_button = widgets.Button(
            description=text(_TEXT["build"]), button_style="primary", icon="cogs"
        )
        self.build_button.on_click(lambda _button: self.build())
        self.path = widgets.Text(
            value=path or _(EXAMPLE_PATH), description=text(_TEXT["path"]), layout={"width": "420px"}
        )
        self.export_button = widgets.Button(description=text(_TEXT["export"]), icon="download")
        self.export_button.on_click(lambda _button: self.export())
        self.checks = widgets.HTML()
        self.message = widgets.HTML()
        self.freshness = widgets.HTML()
        self.preview = widgets.Output()
        self.plan: NinetyDayPlan | None = None
        self.problems: list[str] = []
        self.markdown = ""
        self.widget = widgets.VBox(
            [
                widgets.HTML(f"<h4>{text(_TEXT['title'])}</h4><i>{text(_TEXT['intro'])}</i>"),
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
            control.observe(lambda _change: self._mark_stale(), names="value")
        self.build()

    def choices(self) -> dict[str, Any]:
        """The choices as the controls set them, over the ones given when the planner was made."""
        choices = dict(self.base)
        weights = self.base["weights"] if self.weights.value == WeightPreset.CUSTOM else self.weights.value
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

    def use_catalog(self, source: CatalogSource) -> None:
        """Plan with another catalog (a table or a CSV file's path), then rebuild the plan.

        Must-haves and left-outs that the new catalog lacks are dropped. A malformed catalog raises the
        catalog loader's ``CatalogError``, which lists every problem, and leaves the planner as it was.
        """
        catalog = plan_catalog(source)
        self.catalog = catalog
        options, known = _options(catalog), set(catalog["id"])
        for control in (self.mandatory, self.excluded):
            kept = tuple(use_case for use_case in control.value if use_case in known)
            control.options = options
            control.value = kept
        self.budget.max = _budget_max(catalog, self.budget.value)
        self.build()

    def build(self) -> None:
        """Build the plan from the controls, list what is still open, and preview the document."""
        try:
            self.plan = build_plan(self.choices(), self.catalog)
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
        self.freshness.value = text(_TEXT["built"])
        self.problems = check_plan(self.plan)
        if self.problems:
            items = "".join(f"<li>{inline_markdown(problem)}</li>" for problem in self.problems)
            heading = text(_TEXT["open"]).format(count=len(self.problems))
            self.checks.value = f"<b>{heading}</b><ul>{items}</ul>"
        else:
            self.checks.value = text(_TEXT["clean"])
        self.markdown = to_markdown(self.plan)
        self.preview.outputs = ()
        self.preview.append_display_data(Markdown(self.markdown))

    def _mark_stale(self) -> None:
        """Once a plan is shown, warn that it no longer matches the controls until it is rebuilt."""
        if self.plan is not None:
            stale = text(_TEXT["stale"]).format(button=f"<b>{text(_TEXT['build'])}</b>")
            self.freshness.value = f"<span class='caio-error'>{stale}</span>"

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
        status = text(_TEXT["written_open"]).format(count=len(self.problems)) if self.problems else ""
        self.message.value = inline_markdown(text(_TEXT["written"]).format(path=written, status=status))


def _options(catalog: pd.DataFrame) -> list[tuple[str, str]]:
    """The catalog's use cases as the selection lists show them ('UC02 Invoice matching') and hold them (id)."""
    return [
        (f"{use_case} {name}", str(use_case))
        for use_case, name in zip(catalog["id"], catalog["name"], strict=True)
    ]


def _budget_max(catalog: pd.DataFrame, budget: float) -> int:
    """The budget slider's top: the whole catalog's one-off cost, rounded up to a step, or the budget if higher."""
    whole = int(math.ceil(float(catalog["cost_one_off_eur"].sum()) / BUDGET_STEP) * BUDGET_STEP)
    return max(whole, int(budget))
