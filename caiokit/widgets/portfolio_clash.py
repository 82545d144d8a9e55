"""Why no portfolio is possible, as a widget shows it: a PortfolioError's limits that clash, one bullet each."""

from __future__ import annotations

import html

from caiokit.i18n import _


def clash_html(message: str) -> str:
    """A PortfolioError message in plain HTML: its first line, then one bullet per clashing limit."""
    lines = message.split("\n")
    bullets = [line.strip()[2:] for line in lines[1:] if line.strip().startswith("- ")]
    text = html.escape(lines[0])
    text = text[0].upper() + text[1:] if text else text
    items = "".join(f"<li>{html.escape(item)}</li>" for item in bullets)
    return (
        f"<div class='caio-portfolio-error caio-error'><b>{_('No portfolio is possible:')}</b> {text}"
        + (f"<ul>{items}</ul>" if items else "")
        + "</div>"
    )
