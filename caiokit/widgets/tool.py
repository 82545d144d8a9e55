"""What every interactive tool shares: a root widget, ``show()``, and light Markdown for feedback."""

from __future__ import annotations

import html
import os
import re

import ipywidgets as widgets
from IPython.display import display

from caiokit.i18n import N_, _
from caiokit.widgets.layout import ToolFrame


def inline_markdown(text: str) -> str:
    """Escape text and render the little Markdown feedback uses: **bold**, *italic*, `code`, line breaks."""
    escaped = html.escape(text, quote=False)
    escaped = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", escaped)
    escaped = re.sub(r"(?<!\*)\*(?!\*)(.+?)\*", r"<i>\1</i>", escaped)
    escaped = re.sub(r"`([^`]+)`", r"<code>\1</code>", escaped)
    return escaped.replace("\n", "<br>")


class Tool:
    """Base of the course's widgets: subclasses build ``self.widget``; ``show()`` displays it.

    ``title`` (marked with ``N_``) names the tool in the sentence shown where widgets cannot be drawn.
    """

    widget: widgets.Widget
    title = N_("this tool")
    _frame: ToolFrame | None = None

    @property
    def frame(self) -> ToolFrame:
        """The tool inside the course's frame: its stylesheet, and a readable text for plain viewers."""
        if self._frame is None:
            self._frame = ToolFrame(self.widget, _("Run this cell to use {tool}.").format(tool=_(self.title)))
        return self._frame

    def show(self) -> None:
        """Display the tool; stays silent while nbgrader validates or grades (NBGRADER_EXECUTION set)."""
        if os.environ.get("NBGRADER_EXECUTION"):
            return
        display(self.frame)


def rated_statements(
    table, group: str, key: str, text: str, sliders: dict, scale: dict, width: str
) -> list[widgets.Widget]:
    """A self-assessment layout: the rating scale, then each group's statements with their sliders."""
    legend = " · ".join(f"<b>{n}</b> {html.escape(label)}" for n, label in scale.items())
    rows: list[widgets.Widget] = [widgets.HTML(f"<small>{legend}</small>")]
    for name, members in table.groupby(group, sort=False):
        rows.append(widgets.HTML(f"<b>{html.escape(name)}</b>"))
        for row in members.itertuples(index=False):
            statement = widgets.HTML(html.escape(getattr(row, text)), layout={"width": width})
            rows.append(widgets.HBox([sliders[getattr(row, key)], statement]))
    return rows
