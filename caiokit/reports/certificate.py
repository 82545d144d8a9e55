"""The printable certificate of completion: one HTML page, in the language in use."""

from __future__ import annotations

import html
from datetime import date

import pandas as pd

from caiokit.completion import CertificateError, certificate_blockers, completion_table
from caiokit.curriculum import lessons
from caiokit.i18n import N_, format_date, language, listed, ngettext, text

_TEXT = {
    "no_name": N_("Type the name to print on the certificate."),
    "not_earned": N_("The certificate is not earned yet: {blockers}."),
    "title": N_("Certificate - {name}"),
    "heading": N_("Certificate of completion"),
    "certifies": N_("This certifies that"),
    "completed": N_(
        "has completed <b>The Chief AI Officer course</b> ({lessons}, about {hours} hours),\n"
        "attempting every exercise and passing at least half of them in each lesson."
    ),
    "lesson": N_("Lesson"),
    "passed": N_("Exercises passed"),
    "issued": N_("Issued on {day}. Self-assessed: exercises were checked on the learner's own computer."),
}
_STYLE = """body{font-family:Georgia,serif;max-width:42em;margin:3em auto;text-align:center}
table{margin:1em auto;border-collapse:collapse}td{border-bottom:1px solid #ccc;padding:.3em 1em;text-align:left}
@media print{body{margin:1em auto}}"""


def certificate_html(name: str, issued_on: date, table: pd.DataFrame | None = None) -> str:
    """A printable HTML certificate; raises CertificateError listing what is missing if not yet earned."""
    table = completion_table() if table is None else table
    if not name.strip():
        raise CertificateError(text(_TEXT["no_name"]))
    blockers = certificate_blockers(table)
    if blockers:
        raise CertificateError(text(_TEXT["not_earned"]).format(blockers=listed(blockers)), blockers)
    minutes = int(lessons()["minutes"].sum())
    rows = "".join(
        f"<tr><td>{html.escape(row.title)}</td><td>{row.passed}/{row.exercises}</td></tr>"
        for row in table.itertuples()
    )
    lessons_done = ngettext("{count} lesson", "{count} lessons", len(table)).format(count=len(table))
    completed = text(_TEXT["completed"]).format(lessons=lessons_done, hours=minutes // 60)
    return f"""<!DOCTYPE html>
<html lang="{language()}"><head><meta charset="utf-8"><title>{html.escape(text(_TEXT["title"]).format(name=name))}</title>
<style>{_STYLE}</style></head>
<body><h1>{text(_TEXT["heading"])}</h1>
<p>{text(_TEXT["certifies"])}</p><h2>{html.escape(name.strip())}</h2>
<p>{completed}</p>
<table><tr><th>{text(_TEXT["lesson"])}</th><th>{text(_TEXT["passed"])}</th></tr>{rows}</table>
<p>{html.escape(text(_TEXT["issued"]).format(day=format_date(issued_on)))}</p>
</body></html>
"""
