"""The strategy-canvas editor: a text area per part of the strategy, a Check, and a Markdown export."""

from __future__ import annotations

import html

import ipywidgets as widgets
from IPython.display import Markdown

from caiokit.errors import CaioKitError
from caiokit.i18n import N_, _, text
from caiokit.reports.strategy_canvas import EXAMPLE_FILE, to_markdown, write_markdown
from caiokit.strategy import EXAMPLES, TEXT_FIELDS, StrategyCanvas
from caiokit.widgets.tool import Tool, inline_markdown

_SHORT_FIELDS = ("company",)
_TEXT = {
    "complete": N_("✔ Nothing missing: every part of the strategy is filled in."),
    "open": N_("{count} point(s) still open"),
    "written": N_("Written to `{path}`."),
    "written_open": N_("Written to `{path}` ({count} point(s) still open, listed at the end)."),
}


class StrategyCanvasEditor(Tool):
    """Edit a :class:`~caiokit.strategy.StrategyCanvas` as text, list what is missing, export it as Markdown."""

    title = N_("the strategy canvas")

    def __init__(self, canvas: StrategyCanvas | None = None, path: str | None = None):
        texts = (canvas or StrategyCanvas()).to_text()
        self.fields: dict[str, widgets.Text | widgets.Textarea] = {}
        rows: list[widgets.Widget] = []
        for key, (label, question) in TEXT_FIELDS.items():
            kind = widgets.Text if key in _SHORT_FIELDS else widgets.Textarea
            self.fields[key] = kind(
                value=texts[key],
                placeholder=_(EXAMPLES[key]),
                layout={"width": "760px", **({} if key in _SHORT_FIELDS else {"height": "90px"})},
            )
            shown = f"<b>{html.escape(text(label))}</b> <small>{html.escape(text(question))}</small>"
            rows.append(widgets.HTML(shown))
            rows.append(self.fields[key])
        self.path = widgets.Text(
            value=_(EXAMPLE_FILE) if path is None else path,
            description=_("Export to"),
            layout={"width": "420px"},
        )
        self.check_button = widgets.Button(description=_("Check"), button_style="primary", icon="check")
        self.export_button = widgets.Button(description=_("Export"), icon="download")
        self.check_button.on_click(lambda _: self.check())
        self.export_button.on_click(lambda _: self.export())
        self.feedback = widgets.HTML()
        self.preview = widgets.Output()
        self.markdown = ""
        buttons = widgets.HBox([self.check_button, self.path, self.export_button])
        self.widget = widgets.VBox([*rows, buttons, self.feedback, self.preview])

    def canvas(self) -> StrategyCanvas:
        """The canvas as currently typed in the text areas."""
        return StrategyCanvas.from_text({key: area.value for key, area in self.fields.items()})

    def check(self) -> None:
        """List what is still missing, or say the page is complete."""
        try:
            problems = self.canvas().validate()
        except CaioKitError as error:
            self.feedback.value = f"⚠ {inline_markdown(str(error))}"
            return
        if not problems:
            self.feedback.value = text(_TEXT["complete"])
            return
        items = "".join(f"<li>{inline_markdown(problem)}</li>" for problem in problems)
        self.feedback.value = f"<b>{text(_TEXT['open']).format(count=len(problems))}</b><ul>{items}</ul>"

    def export(self) -> None:
        """Write the canvas as Markdown to the chosen file and show the page below."""
        try:
            canvas = self.canvas()
            written = write_markdown(canvas, self.path.value.strip())
        except CaioKitError as error:
            self.feedback.value = f"⚠ {inline_markdown(str(error))}"
            return
        self.markdown = to_markdown(canvas)
        open_points = len(canvas.validate())
        written_text = text(_TEXT["written_open"] if open_points else _TEXT["written"])
        self.feedback.value = inline_markdown(written_text.format(path=written, count=open_points))
        self.preview.outputs = ()
        self.preview.append_display_data(Markdown(self.markdown))
