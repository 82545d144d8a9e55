"""Tables a person reads, as HTML: text to the left, numbers to the right, each header over its column.

Left alone, a table's alignment depends on where it is drawn: pandas right-aligns its headers, JupyterLab
right-aligns every cell of a notebook output, and a widget centres the headers over left-aligned cells.
``table_html`` writes the alignment into each header and cell, so a table reads the same in a tool, in a
notebook output and in any theme: a column of numbers is aligned right, any other column left, its header
too; numbers and dates (shown as 2024-07-12) never wrap. Colours are left to the theme.
"""

from __future__ import annotations

import html
import math
import numbers
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from caiokit.i18n import plain_number

_CELL = "padding:2px 8px;vertical-align:top;text-align:{align}{nowrap}"
_NOWRAP = ";white-space:nowrap"


def _is_numeric(column: pd.Series) -> bool:
    return pd.api.types.is_numeric_dtype(column) and not pd.api.types.is_bool_dtype(column)


def _is_date(column: pd.Series) -> bool:
    return pd.api.types.is_datetime64_any_dtype(column)


def _text(value: Any) -> str:
    """A cell as people write it: numbers without scientific notation, dates without a midnight time."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NaT:
        return ""
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat() if value == value.normalize() else value.isoformat(" ", "minutes")
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        return plain_number(value)
    return str(value)


def table_html(
    frame: pd.DataFrame,
    formatters: Mapping[str, Callable[[Any], str]] | None = None,
    index: bool = False,
    escape: bool = True,
    nowrap: Iterable[str] = (),
) -> str:
    """The table as HTML with the alignment of each column in its header and cells (class ``caio-table``).

    ``formatters`` maps a column to the function that writes its cells; ``index`` puts the index first,
    headed by its name; ``escape=False`` takes the cells as ready HTML; ``nowrap`` lists text columns that
    must not wrap either.
    """
    table = frame.reset_index() if index else frame
    formatters = dict(formatters or {})
    keep_whole = set(nowrap)
    head, styles = [], []
    for name in table.columns:
        column = table[name]
        figures = _is_numeric(column) or _is_date(column)
        style = _CELL.format(
            align="right" if _is_numeric(column) else "left",
            nowrap=_NOWRAP if figures or name in keep_whole else "",
        )
        styles.append(style)
        head.append(f"<th style='{style}'>{html.escape(str(name))}</th>")
    rows = []
    for values in table.itertuples(index=False):
        cells = []
        for name, value, style in zip(table.columns, values, styles, strict=True):
            text = formatters[name](value) if name in formatters else _text(value)
            cells.append(f"<td style='{style}'>{html.escape(text) if escape else text}</td>")
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return (
        "<table class='caio-table' style='border-collapse:collapse'>"
        f"<thead><tr>{''.join(head)}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


@dataclass(frozen=True)
class Table:
    """A table shown in a notebook with :func:`table_html`'s alignment, and as plain text elsewhere."""

    frame: pd.DataFrame
    formatters: Mapping[str, Callable[[Any], str]] = field(default_factory=dict)

    def _repr_html_(self) -> str:
        return table_html(self.frame, self.formatters)

    def __repr__(self) -> str:
        return self.frame.to_string(index=False)


def aligned(frame: pd.DataFrame, formatters: Mapping[str, Callable[[Any], str]] | None = None) -> Table:
    """Show a table in a notebook with text to the left and numbers to the right (its index left out)."""
    return Table(frame, dict(formatters or {}))
