"""HTML tables in the course's widgets: every cell padded and aligned the same way.

Borders and colours come from the course's stylesheet (classes ``caio-table``, ``caio-selected``,
``caio-error``); only padding and alignment are set here, on each cell.
"""

from __future__ import annotations

from collections.abc import Iterable

CELL_STYLE = "style='padding:2px 8px;text-align:{align}'"


def cell(content: str, align: str = "left", css: str = "", header: bool = False) -> str:
    """One table cell (``<th>`` if ``header``), with an optional CSS class."""
    tag = "th" if header else "td"
    klass = f" class='{css}'" if css else ""
    return f"<{tag}{klass} {CELL_STYLE.format(align=align)}>{content}</{tag}>"


def row(cells: Iterable[str], header: bool = False, bold: bool = False) -> str:
    """One table row of figures: the first cell left-aligned (what the row is about), the others right-aligned."""
    return (
        ("<tr style='font-weight:bold'>" if bold else "<tr>")
        + "".join(
            cell(content, "left" if index == 0 else "right", header=header)
            for index, content in enumerate(cells)
        )
        + "</tr>"
    )


def table(body: str) -> str:
    """Rows (or a head and a body) as one table in the course's style."""
    return f"<table class='caio-table' style='border-collapse:collapse'>{body}</table>"
