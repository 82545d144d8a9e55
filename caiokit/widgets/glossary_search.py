"""A search box over the course glossary."""

from __future__ import annotations

import html

import ipywidgets as widgets

from caiokit.glossary import search
from caiokit.i18n import N_, _, labelled
from caiokit.widgets.tool import Tool


class GlossarySearch(Tool):
    """Type part of a word; matching terms and their definitions appear below, with the lesson to read."""

    title = N_("the glossary search")

    def __init__(self, query: str = ""):
        self.query = widgets.Text(
            value=query, placeholder=_("e.g. RICE, deployer, recall"), description=_("Search:")
        )
        self.results = widgets.HTML()
        self.query.observe(lambda _change: self.update(), names="value")
        self.widget = widgets.VBox([self.query, self.results])
        self.update()

    def update(self) -> None:
        """Redraw the list of matching terms."""
        matches = search(self.query.value)
        if matches.empty:
            self.results.value = "<i>{}</i>".format(_("No term matches; try a shorter part of the word."))
            return
        items = "".join(
            f"<li>{labelled(f'<b>{html.escape(row.term)}</b>', html.escape(row.definition))} "
            f"<small>({html.escape(row.lesson)})</small></li>"
            for row in matches.itertuples()
        )
        count = _("{count} term(s)").format(count=len(matches))
        self.results.value = f"<p>{count}</p><ul>{items}</ul>"
