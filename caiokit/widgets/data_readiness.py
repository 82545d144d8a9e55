"""The data-readiness assessment: Alvera's sources against the quality SLA, and what fixing them unlocks."""

from __future__ import annotations

import html

import ipywidgets as widgets

from caiokit.catalog import load_catalog
from caiokit.data_readiness import (
    DIMENSIONS,
    breaches,
    data_sources,
    fix_unlocks,
    quality_sla,
    readiness,
    unfit_sources,
    use_case_sources,
)
from caiokit.i18n import N_, _, format_eur, format_percent, ngettext
from caiokit.widgets.html_table import cell, row, table
from caiokit.widgets.tool import Tool, inline_markdown


class DataReadinessAssessment(Tool):
    """Tick the sources to bring up to the SLA; see which use cases stay blocked and the value unlocked."""

    title = N_("the data-readiness assessment")

    def __init__(self, catalog=None, sources=None, needs=None, sla=None):
        self.catalog = load_catalog() if catalog is None else catalog
        self.sources = data_sources() if sources is None else sources
        self.needs = use_case_sources() if needs is None else needs
        self.sla = quality_sla() if sla is None else sla
        names = self.sources["name"]
        self.fixes = {
            source: widgets.Checkbox(
                value=False,
                description=_("fix {source}").format(source=source),
                tooltip=str(names[source]),
                indent=False,
            )
            for source in sorted(unfit_sources(self.sources, self.sla))
        }
        self.quality = widgets.HTML(self._quality_table())
        self.verdict = widgets.HTML()
        self.blocked = widgets.HTML()
        self.result = None
        for box in self.fixes.values():
            box.observe(lambda _change: self.refresh(), names="value")
        self.widget = widgets.VBox(
            [
                widgets.HTML("<h4>{}</h4>".format(html.escape(_("Data-readiness assessment")))),
                self.quality,
                widgets.HTML("<b>{}</b>".format(html.escape(_("Bring these sources up to the SLA:")))),
                widgets.HBox(list(self.fixes.values())),
                self.verdict,
                self.blocked,
            ]
        )
        self.refresh()

    def fixed(self) -> tuple[str, ...]:
        """The sources ticked as fixed."""
        return tuple(source for source, box in self.fixes.items() if box.value)

    def _quality_table(self) -> str:
        flags = breaches(self.sources, self.sla)
        head = row(
            [_("source"), *[d.label for d in DIMENSIONS]],
            header=True,
        )
        agreed = row([_("agreed (SLA)"), *[format_percent(self.sla[d]) for d in DIMENSIONS]], bold=True)
        body = []
        for source in self.sources.index:
            cells = [cell(html.escape(f"{source} {self.sources.at[source, 'name']}"))]
            for d in DIMENSIONS:
                css = "caio-error" if flags.at[source, d] else ""
                cells.append(cell(format_percent(self.sources.at[source, d]), "right", css))
            body.append("<tr>" + "".join(cells) + "</tr>")
        return table(head + agreed + "".join(body))

    def refresh(self) -> None:
        """Recompute readiness with the ticked fixes and show what stays blocked and what was unlocked."""
        fixed = self.fixed()
        after = readiness(self.catalog, self.needs, self.sources, self.sla, fixed=fixed)
        self.result = fix_unlocks(fixed, self.catalog, self.needs, self.sources, self.sla)
        ready = int(after["ready"].sum())
        text = _("**{ready} of {total} use cases are ready.**").format(ready=ready, total=len(after))
        if fixed:
            count = len(self.result["unlocked"])
            text += "\n" + ngettext(
                "Fixing {sources} unlocks {count} use case: {benefit} a year, {npv} of NPV.",
                "Fixing {sources} unlocks {count} use cases: {benefit} a year, {npv} of NPV.",
                count,
            ).format(
                sources=", ".join(fixed),
                count=count,
                benefit=format_eur(self.result["benefit_yearly_eur"]),
                npv=format_eur(self.result["npv_eur"]),
            )
        self.verdict.value = inline_markdown(text)
        blocked = after[~after["ready"]]
        rows = [row([_("blocked use case"), _("blocked by"), _("benefit a year")], header=True)]
        rows += [
            row(
                [
                    html.escape(f"{uc} {item['name']}"),
                    ", ".join(item["blocking"]),
                    format_eur(item["benefit_yearly_eur"]),
                ]
            )
            for uc, item in blocked.iterrows()
        ]
        self.blocked.value = table("".join(rows)) if len(blocked) else ""
