"""A search box over the course glossary."""

from __future__ import annotations

import html

import ipywidgets as widgets

from caiokit.glossary import search
from caiokit.widgets.tool import Tool


class GlossarySearch(Tool):
    """Type part of a word; matching terms and their definitions appear below, with the lesson to read."""

    title = "the glossary search"

    def __init__(self, query: str = ""):
        self.query = widgets.Text(
            value=query, placeholder="e.g. RICE, deployer, recall", description="Search:"
        )
        self.results = widgets.HTML()
        self.query.observe(lambda _: self.update(), names="value")
        self.widget = widgets.VBox([self.query, self.results])
        self.update()

    def update(self) -> None:
        """Redraw the list of matching terms."""
        matches = search(self.query.value)
        if matches.empty:
            self.results.value = "<i>No term matches; try a shorter part of the word.</i>"
            return
        items = "".join(
            f"<li><b>{html.escape(row.term)}</b>: {html.escape(row.definition)} "
            f"<small>({html.escape(row.lesson)})</small></li>"
            for row in matches.itertuples()
        )
        self.results.value = f"<p>{len(matches)} term(s)</p><ul>{items}</ul>"
