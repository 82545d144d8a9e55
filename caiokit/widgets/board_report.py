"""The board report tool: choose a quarter, read the one-page report and its stage gates, export it."""

from __future__ import annotations

import ipywidgets as widgets
from IPython.display import Markdown

from caiokit import case_study
from caiokit.board import BoardPack, board_pack, report_quarters
from caiokit.errors import CaioKitError
from caiokit.i18n import N_, _, format_percent, text
from caiokit.reports.board_report import EXAMPLE_PATH, to_markdown, write_report
from caiokit.stage_gates import Gate, GateRules
from caiokit.widgets.tool import Tool, inline_markdown

_TEXT = {
    "heading": N_("Quarterly board report"),
    "intro": N_(
        "Choose the quarter and the gate thresholds: the page is recomputed from Alvera's plan and actuals. "
        "Export it as Markdown."
    ),
    "quarter": N_("Quarter"),
    "continue_from": N_("continue from"),
    "stop_below": N_("stop below"),
    "path": N_("File"),
    "export": N_("Export"),
    "written": N_("Written to `{path}`."),
    "summary": N_("**{quarter}**, stop below {stop} and continue from {go} of planned benefit: {summary}."),
}


class BoardReport(Tool):
    """One page for the board: value delivered, portfolio status, incidents, calendar, decisions asked."""

    title = N_("the board report")

    def __init__(self, quarter: str | None = None, path: str | None = None):
        self.case = case_study.load("alvera")
        quarters = report_quarters(self.case)
        style = {"description_width": "110px"}
        self.quarter = widgets.Dropdown(
            options=quarters, value=quarter or quarters[-1], description=text(_TEXT["quarter"]), style=style
        )
        defaults = GateRules()
        self.continue_from = widgets.FloatSlider(
            value=defaults.continue_from, min=0.5, max=1.0, step=0.05, description=text(_TEXT["continue_from"]),
            readout_format=".0%", style=style,
        )  # fmt: skip
        self.stop_below = widgets.FloatSlider(
            value=defaults.stop_below, min=0.1, max=0.8, step=0.05, description=text(_TEXT["stop_below"]),
            readout_format=".0%", style=style,
        )  # fmt: skip
        self.path = widgets.Text(
            value=path or _(EXAMPLE_PATH), description=text(_TEXT["path"]), layout={"width": "420px"}
        )
        self.export_button = widgets.Button(description=text(_TEXT["export"]), icon="download")
        self.export_button.on_click(lambda _button: self.export())
        self.message = widgets.HTML()
        self.preview = widgets.Output()
        self.pack: BoardPack | None = None
        self.markdown = ""
        for control in (self.quarter, self.continue_from, self.stop_below):
            control.observe(lambda _change: self.refresh(), names="value")
        self.widget = widgets.VBox(
            [
                widgets.HTML("<h4>{}</h4>".format(text(_TEXT["heading"]))),
                widgets.HTML(inline_markdown(text(_TEXT["intro"]))),
                self.quarter,
                widgets.HBox([self.continue_from, self.stop_below]),
                widgets.HBox([self.path, self.export_button]),
                self.message,
                self.preview,
            ]
        )
        self.refresh()

    def refresh(self) -> None:
        """Recompute the pack for the chosen quarter and thresholds, and show the page."""
        try:
            rules = GateRules(
                continue_from=self.continue_from.value,
                stop_below=min(self.stop_below.value, self.continue_from.value),
            )
            self.pack = board_pack(self.quarter.value, self.case, rules)
        except CaioKitError as error:
            self.pack = None
            self.message.value = f"⚠ {inline_markdown(str(error))}"
            self.preview.outputs = ()
            return
        counts = self.pack.use_cases["gate"].value_counts()
        summary = ", ".join(f"{gate.label} {int(counts.get(gate.value, 0))}" for gate in Gate)
        self.message.value = inline_markdown(
            text(_TEXT["summary"]).format(
                quarter=self.quarter.value,
                summary=summary,
                stop=format_percent(rules.stop_below),
                go=format_percent(rules.continue_from),
            )
        )
        self.markdown = to_markdown(self.pack)
        self.preview.outputs = ()
        self.preview.append_display_data(Markdown(self.markdown))

    def export(self) -> None:
        """Write the page shown to the chosen file."""
        if self.pack is None:
            return
        try:
            written = write_report(self.pack, self.path.value.strip())
        except CaioKitError as error:
            self.message.value = f"⚠ {inline_markdown(str(error))}"
            return
        self.message.value = inline_markdown(text(_TEXT["written"]).format(path=written))
