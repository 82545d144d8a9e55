"""The strategy-canvas editor: a text area per part of the strategy, a Check, and a Markdown export."""

from __future__ import annotations

import html

import ipywidgets as widgets
from IPython.display import Markdown

from caiokit.errors import CaioKitError
from caiokit.strategy import EXAMPLES, TEXT_FIELDS, StrategyCanvas, write_markdown
from caiokit.widgets.tool import Tool, inline_markdown

DEFAULT_PATH = "my_ai_strategy.md"
_SHORT_FIELDS = ("company",)


class StrategyCanvasEditor(Tool):
    """Edit a :class:`~caiokit.strategy.StrategyCanvas` as text, list what is missing, export it as Markdown."""

    title = "the strategy canvas"

    def __init__(self, canvas: StrategyCanvas | None = None, path: str = DEFAULT_PATH):
        texts = (canvas or StrategyCanvas()).to_text()
        self.fields: dict[str, widgets.Text | widgets.Textarea] = {}
        rows: list[widgets.Widget] = []
        for key, (label, question) in TEXT_FIELDS.items():
            kind = widgets.Text if key in _SHORT_FIELDS else widgets.Textarea
            self.fields[key] = kind(
                value=texts[key],
                placeholder=EXAMPLES[key],
                layout={"width": "760px", **({} if key in _SHORT_FIELDS else {"height": "90px"})},
            )
            rows.append(widgets.HTML(f"<b>{html.escape(label)}</b> <small>{html.escape(question)}</small>"))
            rows.append(self.fields[key])
        self.path = widgets.Text(value=path, description="Export to", layout={"width": "420px"})
        self.check_button = widgets.Button(description="Check", button_style="primary", icon="check")
        self.export_button = widgets.Button(description="Export", icon="download")
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
            self.feedback.value = "✔ Nothing missing: every part of the strategy is filled in."
            return
        items = "".join(f"<li>{inline_markdown(problem)}</li>" for problem in problems)
        self.feedback.value = f"<b>{len(problems)} point(s) still open</b><ul>{items}</ul>"

    def export(self) -> None:
        """Write the canvas as Markdown to the chosen file and show the page below."""
        try:
            canvas = self.canvas()
            written = write_markdown(canvas, self.path.value.strip())
        except CaioKitError as error:
            self.feedback.value = f"⚠ {inline_markdown(str(error))}"
            return
        self.markdown = canvas.to_markdown()
        open_points = len(canvas.validate())
        status = f" ({open_points} point(s) still open, listed at the end)" if open_points else ""
        self.feedback.value = inline_markdown(f"Written to `{written}`{status}.")
        self.preview.outputs = ()
        self.preview.append_display_data(Markdown(self.markdown))
