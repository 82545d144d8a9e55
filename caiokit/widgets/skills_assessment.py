"""The CAIO skills self-assessment: a slider per statement, a radar chart, strengths and gaps, and a plan."""

from __future__ import annotations

from collections.abc import Mapping

import ipywidgets as widgets

from caiokit.charts import figure_output
from caiokit.charts.radar import radar
from caiokit.errors import CaioKitError
from caiokit.i18n import N_, _, text
from caiokit.reports.skills_plan import EXAMPLE_FILE, NO_GAP, write_plan
from caiokit.skills import MAX_WEEKS, SCALE, assess_skills, development_plan, load_skills
from caiokit.tables import table_html
from caiokit.widgets.tool import Tool, inline_markdown, rated_statements

_TEXT = {
    "chart": N_("Your CAIO skills (1 to 5), against the target"),
    "you": N_("You"),
    "target": N_("Target"),
    "plan": N_("Your development plan"),
    "written": N_("Written to `{path}`: open it, print it, revisit it."),
}


class SkillsAssessment(Tool):
    """Rate yourself with sliders; the radar, strengths, gaps and plan follow; Export writes the plan."""

    title = N_("the skills assessment")

    def __init__(self, ratings: Mapping[str, int] | None = None, weeks: int = 12, path: str | None = None):
        self.skills = load_skills()
        self.start = {**dict.fromkeys(self.skills["statement_id"], 3), **dict(ratings or {})}
        development_plan(assess_skills(self.start, self.skills), weeks)  # bad input fails here, clearly
        self.start_weeks = weeks
        self.sliders = {
            sid: widgets.IntSlider(
                value=self.start[sid],
                min=1,
                max=5,
                description=sid,
                continuous_update=False,
                style={"description_width": "50px"},
            )
            for sid in self.skills["statement_id"]
        }
        self.weeks = widgets.IntSlider(
            value=weeks, min=1, max=MAX_WEEKS, description=_("Weeks"), continuous_update=False
        )
        self.chart = widgets.Output()
        self.summary = widgets.HTML()
        self.plan_table = widgets.HTML()
        self.path = widgets.Text(
            value=_(EXAMPLE_FILE) if path is None else path,
            description=_("Export to"),
            layout={"width": "420px"},
        )
        self.export_button = widgets.Button(description=_("Export"), icon="download")
        self.reset_button = widgets.Button(description=_("Reset"), icon="undo")
        self.export_button.on_click(lambda _: self.export())
        self.reset_button.on_click(lambda _: self.reset())
        self.feedback = widgets.HTML()
        self.result = None
        self.plan = None
        self.figure = None
        self._paused = False
        scale = {n: _(label) for n, label in SCALE.items()}
        rows = rated_statements(
            self.skills, "skill", "statement_id", "statement", self.sliders, scale, "600px"
        )
        for control in [*self.sliders.values(), self.weeks]:
            control.observe(lambda _: self.update(), names="value")
        self.widget = widgets.VBox(
            [
                widgets.VBox(rows),
                self.reset_button,
                self.chart,
                self.summary,
                widgets.HTML(f"<b>{text(_TEXT['plan'])}</b>"),
                self.weeks,
                self.plan_table,
                widgets.HBox([self.path, self.export_button]),
                self.feedback,
            ]
        )
        self.update()

    def ratings(self) -> dict[str, int]:
        """The current ratings, statement id -> 1..5."""
        return {sid: slider.value for sid, slider in self.sliders.items()}

    def update(self) -> None:
        """Assess the current ratings and redraw the chart, the strengths and gaps, and the plan."""
        if self._paused:
            return
        self.result = assess_skills(self.ratings(), self.skills)
        self.plan = development_plan(self.result, self.weeks.value)
        scores = self.result.named_scores()
        self.figure = radar(
            scores,
            title=text(_TEXT["chart"]),
            reference=dict.fromkeys(scores, self.result.target),
            names=(text(_TEXT["you"]), text(_TEXT["target"])),
        )
        self.chart.outputs = (figure_output(self.figure),)
        self.summary.value = inline_markdown(self.result.summary())
        if self.plan.empty:
            self.plan_table.value = inline_markdown(str(NO_GAP))
        else:
            self.plan_table.value = table_html(self.plan)
        self.feedback.value = ""

    def reset(self) -> None:
        """Put every slider, and the number of weeks, back to where they started."""
        self._paused = True
        try:
            for sid, slider in self.sliders.items():
                slider.value = self.start[sid]
            self.weeks.value = self.start_weeks
        finally:
            self._paused = False
        self.update()

    def export(self) -> None:
        """Write the profile and the plan as Markdown to the chosen file."""
        try:
            written = write_plan(self.plan, self.path.value.strip(), self.result)
        except CaioKitError as error:
            self.feedback.value = f"⚠ {inline_markdown(str(error))}"
            return
        self.feedback.value = inline_markdown(text(_TEXT["written"]).format(path=written))
