"""The team designer: pick an operating model and a headcount per role, see where the plan outruns the team."""

from __future__ import annotations

from collections.abc import Mapping

import ipywidgets as widgets
import pandas as pd

from caiokit.charts import figure_output
from caiokit.charts.teams import gap_heatmap
from caiokit.conventions import COURSE
from caiokit.i18n import N_, _, format_number, format_percent, ngettext
from caiokit.teams import (
    MAX_PM_PER_PERSON_PER_QUARTER,
    NO_SHORTAGE,
    Home,
    OperatingModel,
    Role,
    headcount_for,
    load_sample_plan,
    operating_model,
    operating_models,
    role,
    role_homes,
    role_shortages,
    size_team,
    summarise_sizing,
    workload_from_plan,
)
from caiokit.widgets.tool import Tool, inline_markdown

_STYLE = {"description_width": "150px"}


class TeamDesigner(Tool):
    """Operating model, people per role and capacity per person; a heatmap and plain-words list of shortages."""

    title = N_("the team designer")

    def __init__(
        self,
        plan: pd.DataFrame | None = None,
        headcount: Mapping[str, int] | None = None,
        model: str = OperatingModel.CENTRALISED,
        pm_per_person_per_quarter: float = COURSE.pm_per_person_per_quarter,
        max_people: int = 12,
    ):
        self.plan = load_sample_plan() if plan is None else plan
        self.workload = workload_from_plan(self.plan)
        size_team(self.workload, dict(headcount or {}), pm_per_person_per_quarter)  # fails early, clearly
        start = {role(name): people for name, people in (headcount or {}).items()}
        chosen = operating_model(model)  # an unknown model fails here too
        self.models = operating_models().set_index("model")
        self.model = widgets.Dropdown(
            options=[(member.label, member) for member in OperatingModel],
            value=chosen,
            description=_("Operating model"),
            style=_STYLE,
        )
        self.model_note = widgets.HTML()
        self.headcount = {
            member.value: widgets.IntSlider(
                value=int(start.get(member, 0)), min=0, max=max_people, description=member.label, style=_STYLE
            )
            for member in Role
        }
        self.pm_per_person = widgets.BoundedFloatText(
            value=pm_per_person_per_quarter,
            min=0.5,
            max=MAX_PM_PER_PERSON_PER_QUARTER,
            step=0.25,
            description=_("Person-months per person per quarter"),
            style={"description_width": "260px"},
            layout={"width": "340px"},
        )
        self.peak_button = widgets.Button(
            description=_("Size to peak"), tooltip=_("enough people for the busiest quarter")
        )
        self.average_button = widgets.Button(
            description=_("Size to average"), tooltip=_("enough people for an average quarter")
        )
        self.peak_button.on_click(lambda click: self.size_to("peak"))
        self.average_button.on_click(lambda click: self.size_to("average"))
        self.central_box = widgets.VBox()
        self.units_box = widgets.VBox()
        self.summary = widgets.HTML()
        self.gaps = widgets.HTML(layout={"max_height": "220px", "overflow": "auto"})
        self.chart = widgets.Output()
        self._holding = False
        for control in (*self.headcount.values(), self.pm_per_person, self.model):
            control.observe(lambda change: self.update(), names="value")
        self.widget = widgets.VBox(
            [
                widgets.HTML("<h4>" + _("Design the AI team") + "</h4>"),
                self.model,
                self.model_note,
                widgets.HBox([self.central_box, self.units_box]),
                self.pm_per_person,
                widgets.HBox([self.peak_button, self.average_button]),
                self.summary,
                self.gaps,
                self.chart,
            ]
        )
        self.update()

    def people(self) -> dict[str, int]:
        """The headcount set on the sliders, per role id."""
        return {column: slider.value for column, slider in self.headcount.items()}

    def size_to(self, basis: str) -> None:
        """Set every slider to the people needed for the busiest ('peak') or an average quarter."""
        needed = headcount_for(self.workload, self.pm_per_person.value, basis)
        self._holding = True
        try:
            for column, slider in self.headcount.items():
                slider.value = min(needed.get(column, 0), slider.max)
        finally:
            self._holding = False
        self.update()

    def update(self) -> None:
        """Regroup the sliders for the operating model, re-size the team and redraw."""
        if self._holding:
            return
        model = self.models.loc[self.model.value]
        fits = _("Fits when:")
        self.model_note.value = f"<i>{inline_markdown(model.how_it_works)}</i><br><b>{fits}</b> {inline_markdown(model.fits_when)}"
        homes = role_homes(self.model.value)
        for box, home in ((self.central_box, Home.CENTRAL), (self.units_box, Home.UNITS)):
            sliders = [self.headcount[column] for column, where in homes.items() if where is home]
            heading = _("In the {home}").format(home=home.label)
            box.children = [widgets.HTML(f"<b>{heading}</b>"), *sliders] if sliders else []
        self.sized = size_team(self.workload, self.people(), self.pm_per_person.value)
        totals = summarise_sizing(self.sized)
        people = sum(self.people().values())
        share = totals["covered_pm"] / totals["demand_pm"] if totals["demand_pm"] else 1.0
        team = ngettext("{people} person", "{people} people", people).format(people=people)
        self.summary.value = f"<b>{team}</b> " + _(
            "cover {covered} of the {demand} person-months the plan needs ({share}); {short} are missing and "
            "{idle} are left idle."
        ).format(
            covered=format_number(totals["covered_pm"], 1),
            demand=format_number(totals["demand_pm"], 1),
            share=format_percent(share),
            short=format_number(totals["short_pm"], 1),
            idle=format_number(totals["idle_pm"], 1),
        )
        messages = role_shortages(self.sized) or [_(NO_SHORTAGE)]
        self.gaps.value = "<br>".join(inline_markdown(message) for message in messages)
        self.figure = gap_heatmap(self.sized)
        self.chart.outputs = (figure_output(self.figure),)
