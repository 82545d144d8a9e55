"""The catalog of candidate AI use cases: load it from a CSV, check every cell, read its dependencies.

A catalog is a table with one row per use case. Only the columns in ``REQUIRED_COLUMNS`` must be
present; any other catalog column may be left out (or a cell left blank) and then takes the default in
``OPTIONAL_DEFAULTS``. ``catalog_columns()`` shows the whole specification. Columns the course does
not know are kept as text, so a learner's own notes survive loading.

A use case may depend on one that is not in the file (the first rows of a larger catalog, say): the file
loads, that prerequisite is taken as already in place, and ``outside_dependencies`` writes a note about it.

A column's header in a file is its id or its name in the language in use (the ``header`` column of
``catalog_columns()``: the id itself in English, "bénéfice annuel" for ``benefit_yearly_eur`` in French),
matched as a keyboard types it, whatever the case, accents, spaces or underscores, and a unit in brackets at
the end ("bénéfice annuel (€)"). The loaded table has the ids as its columns. A cell of a category (technique,
value driver, EU AI Act tier) holds the category's id or its label in the language in use. Messages name a
column as the file's header does, or, if it is missing, by its name in the language in use.

A CSV exported by Excel loads as it is: with ``;`` as separator, a decimal comma, a UTF-8 byte-order mark
or the Windows-1252 encoding. Rule for numbers: in a file separated by ``;`` or tabs the decimal mark
is ``,``, otherwise ``.``; the other mark may group thousands (``1.200.000,50`` or ``1,200,000.50``),
and so may spaces; a ``%`` sign divides by 100 and a ``€`` sign is ignored.

Checking never stops at the first problem: every problem is collected, with the row as a spreadsheet
shows it (the header is row 1) and the column, and raised as one ``CatalogError``.
"""

from __future__ import annotations

import csv
import io
import math
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import pandas as pd

from caiokit import datafiles
from caiokit.aiact import Tier
from caiokit.errors import CatalogError
from caiokit.i18n import N_, Category, _, as_typed, format_number, plain_number, text
from caiokit.validation import is_blank


class Technique(Category):
    """The main family of technique a use case relies on (the ids are what catalog files hold)."""

    ML = "ML", N_("ML")
    NLP = "NLP", N_("NLP")
    COMPUTER_VISION = "computer vision", N_("computer vision")
    GENERATIVE_AI = "generative AI", N_("generative AI")
    OPTIMISATION = "optimisation", N_("optimisation")


class ValueDriver(Category):
    """The main way a use case creates value for the company (the ids are what catalog files hold)."""

    REVENUE = "revenue", N_("revenue")
    COST = "cost", N_("cost")
    RISK_REDUCTION = "risk reduction", N_("risk reduction")
    CUSTOMER = "customer", N_("customer")


# The ids a catalog column of techniques or value drivers may hold, in the categories' order, as plain text.
TECHNIQUES = tuple(technique.value for technique in Technique)
VALUE_DRIVERS = tuple(driver.value for driver in ValueDriver)
IMPACT_SCALE = (3.0, 2.0, 1.0, 0.5, 0.25)
CONFIDENCE_LEVELS = (1.0, 0.8, 0.5)

# Other spellings a learner may type, mapped to the course's words.
_ALIASES = {
    "high-risk": "high",
    "high risk": "high",
    "limited": "transparency",
    "unacceptable": "prohibited",
    "optimization": "optimisation",
}

_MESSAGES = {
    "not_found": N_("file not found: {path}"),
    "unreadable": N_("the file cannot be read ({detail})"),
    "workbook": N_("this is an Excel workbook, not a CSV file: in Excel use File > Save As > CSV UTF-8"),
    "no_header": N_("the file is empty: row 1 must hold the column names"),
    "no_rows": N_("there are no use cases: only the header row was found"),
    "missing_column": N_("column '{column}' is missing (required columns: {required})"),
    "missing_other": N_("column '{column}' is missing from the table"),
    "duplicate_column": N_("column '{column}' appears more than once in the header"),
    "same_column": N_(
        "columns '{first}' and '{second}' both name the column {column}: keep only one of them"
    ),
    "unnamed_column": N_("column {position} has values but no name in row 1"),
    "too_many_cells": N_("row {row}: {count} cells, but the header names only {expected} columns"),
    "blank": N_("row {row}, column {column}: empty, but a value is required"),
    "not_number": N_("row {row}, column {column}: '{value}' is not a number"),
    "not_whole": N_("row {row}, column {column}: '{value}' should be a whole number"),
    "below": N_("row {row}, column {column}: '{value}' is below the minimum, {low}"),
    "not_above": N_("row {row}, column {column}: '{value}' must be more than {low}"),
    "above": N_("row {row}, column {column}: '{value}' is above the maximum, {high}"),
    "not_allowed": N_("row {row}, column {column}: '{value}' is not allowed; use one of {allowed}"),
    "bad_id": N_("row {row}, column {column}: '{value}' must not contain ';'"),
    "duplicate_id": N_("row {row}, column {column}: '{value}' is already used on row {first}"),
    "outside_dependency": N_(
        "{id} depends on {value}, which is not in this catalog: it is taken as already in "
        "place (if {value} is a typing mistake, correct it)"
    ),
    "cycle": N_("row {row}, column {column}: dependency cycle {cycle}"),
}
# TRANSLATORS: between the numbers of a list; French writes "\u202f; " (its decimal mark is a comma).
NUMBER_SEPARATOR = N_(", ")

BUILT_IN_SOURCE = N_("the built-in catalog")
# What messages call a table given in memory rather than read from a file.
IN_MEMORY_SOURCE = N_("the table")


@dataclass(frozen=True)
class _Column:
    """How one catalog column is read and checked."""

    name: str
    kind: str  # "text", "category", "number" or "ids"
    required: bool
    default: Any = ""
    category: type[Category] | None = None
    allowed: tuple = ()
    low: float | None = None
    low_open: bool = False
    high: float | None = None
    whole: bool = False


_COLUMNS = (
    _Column("id", "text", True),
    _Column("name", "text", True),
    _Column("department", "text", False),
    _Column("description", "text", False),
    _Column("technique", "category", False, category=Technique),
    _Column("value_driver", "category", False, category=ValueDriver),
    _Column("reach", "number", True, low=0, whole=True),
    _Column("impact", "number", True, allowed=IMPACT_SCALE),
    _Column("confidence", "number", True, allowed=CONFIDENCE_LEVELS),
    _Column("effort_pm", "number", True, low=0, low_open=True),
    _Column("cost_one_off_eur", "number", True, low=0),
    _Column("cost_yearly_eur", "number", False, 0.0, low=0),
    _Column("benefit_yearly_eur", "number", True, low=0),
    _Column("data_readiness", "number", False, 3, low=1, high=5, whole=True),
    _Column("complexity", "number", False, 3, low=1, high=5, whole=True),
    _Column("time_to_value_months", "number", False, 6.0, low=0, low_open=True),
    _Column("ai_act_tier", "category", False, "minimal", category=Tier),
    _Column("depends_on", "ids", False),
)
_SPEC = {column.name: column for column in _COLUMNS}

REQUIRED_COLUMNS = tuple(column.name for column in _COLUMNS if column.required)
OPTIONAL_DEFAULTS = {column.name: column.default for column in _COLUMNS if not column.required}


def catalog_columns() -> pd.DataFrame:
    """Every catalog column: required or not, default, type, unit or allowed values, meaning."""
    dictionary = datafiles.table(datafiles.localized("catalog_dictionary.csv"))
    spec = pd.DataFrame(
        {
            "column": [column.name for column in _COLUMNS],
            "required": [column.required for column in _COLUMNS],
            "default": [None if column.required else column.default for column in _COLUMNS],
        }
    )
    return spec.merge(dictionary, on="column", how="left")


def required_headers() -> list[str]:
    """The headers of the required columns in the language in use, as a file may write them."""
    headers = _headers()
    return [headers[column] for column in REQUIRED_COLUMNS]


def load_catalog(path: str | os.PathLike | IO | None = None) -> pd.DataFrame:
    """Load and check the built-in catalog (no argument) or a CSV file, path or open file.

    The built-in catalog is two tables, its ids and numbers and its words in the language in use; a learner's
    file holds every column itself.
    """
    if path is None:
        return _check(datafiles.worded("catalog.csv", on="id"), _(BUILT_IN_SOURCE), ".", [])
    if hasattr(path, "read"):
        raw = path.read()
        raw = raw.encode("utf-8") if isinstance(raw, str) else raw
        source = Path(getattr(path, "name", _("the uploaded file"))).name
    else:
        source = Path(path).name or str(path)
        try:
            raw = Path(path).read_bytes()
        except FileNotFoundError:
            raise CatalogError(source, [text(_MESSAGES["not_found"]).format(path=path)]) from None
        except OSError as error:
            raise CatalogError(
                source, [text(_MESSAGES["unreadable"]).format(detail=error.strerror or error)]
            ) from None
    header, rows, decimal = _parse_csv(raw, source)
    width = len(header)
    frame = pd.DataFrame([(row + [""] * width)[:width] for row in rows], columns=range(width), dtype=object)
    frame.columns = header
    problems = [
        text(_MESSAGES["too_many_cells"]).format(
            row=number + 2, count=format_number(len(row)), expected=format_number(len(header))
        )
        for number, row in enumerate(rows)
        if len(row) > len(header)
    ]
    return _check(frame, source, decimal, problems)


def validate_catalog(frame: pd.DataFrame, source: str | None = None, decimal: str = ".") -> pd.DataFrame:
    """Check a catalog table built in memory and return it clean and typed, or raise CatalogError.

    ``source`` names the table in messages ("the table" by default).
    """
    return _check(frame, source or _(IN_MEMORY_SOURCE), decimal, [])


def use_case_name(use_case: str) -> str:
    """The name of a use case of the built-in catalog, in the language in use."""
    return datafiles.table(datafiles.localized("catalog.csv")).set_index("id").at[use_case, "name"]


def use_catalog(catalog: pd.DataFrame | None = None) -> pd.DataFrame:
    """The built-in catalog, or the table given with its optional columns filled in (a subset is fine).

    The table is not re-validated, so that a subset whose prerequisites lie outside it can be planned.
    """
    if catalog is None:
        return load_catalog()
    complete = require_columns(catalog, [*REQUIRED_COLUMNS, *OPTIONAL_DEFAULTS])
    missing = [column for column in complete.columns if column not in catalog.columns]
    return catalog.assign(**{column: complete[column] for column in missing}).reset_index(drop=True)


def require_columns(catalog: pd.DataFrame, columns: list[str] | tuple[str, ...]) -> pd.DataFrame:
    """The given columns of a catalog, optional ones filled with their default when absent."""
    missing = [
        column for column in columns if column not in catalog.columns and column not in OPTIONAL_DEFAULTS
    ]
    if missing:
        required = ", ".join(REQUIRED_COLUMNS)
        problems = [
            text(_MESSAGES["missing_column" if column in REQUIRED_COLUMNS else "missing_other"]).format(
                column=column, required=required
            )
            for column in missing
        ]
        raise CatalogError(_(IN_MEMORY_SOURCE), problems)
    return pd.DataFrame(
        {
            column: catalog[column] if column in catalog.columns else OPTIONAL_DEFAULTS[column]
            for column in columns
        },
        index=catalog.index,
    )


def dependencies(catalog: pd.DataFrame, transitive: bool = False) -> dict[str, tuple[str, ...]]:
    """Each use case's prerequisites (all of them, indirect too, if transitive), within the table.

    A prerequisite whose id is not in the table is left out: it is taken as already in place, so a
    learner can plan a subset of the catalog.
    """
    direct = _direct_dependencies(catalog)
    if not transitive:
        return direct
    finished, cycles = _explore(direct)
    if cycles:
        rows = {use_case: position + 2 for position, use_case in enumerate(direct)}
        raise CatalogError(
            _(IN_MEMORY_SOURCE),
            [
                text(_MESSAGES["cycle"]).format(
                    row=rows[cycle[0]], column="depends_on", cycle=" -> ".join(cycle)
                )
                for cycle in cycles
            ],
        )
    closure: dict[str, tuple[str, ...]] = {}
    for use_case in finished:  # every use case comes after all its prerequisites
        found: dict[str, None] = {}
        for prerequisite in direct[use_case]:
            found.update(dict.fromkeys(closure[prerequisite]))
            found[prerequisite] = None
        closure[use_case] = tuple(found)
    return {use_case: closure[use_case] for use_case in direct}


def outside_dependencies(catalog: pd.DataFrame) -> list[str]:
    """A note for each prerequisite named in ``depends_on`` that is not in the table.

    Such a catalog loads: a part of a larger catalog names prerequisites left outside it. Planning takes
    them as already in place (see :func:`dependencies`); the notes say so, in case an id was mistyped.
    """
    if "depends_on" not in catalog.columns:
        return []
    known = {str(use_case) for use_case in catalog["id"]}
    return [
        text(_MESSAGES["outside_dependency"]).format(id=use_case, value=prerequisite)
        for use_case, needs in zip(catalog["id"], catalog["depends_on"], strict=True)
        for prerequisite in _split_ids(needs)
        if prerequisite not in known
    ]


def _direct_dependencies(catalog: pd.DataFrame) -> dict[str, tuple[str, ...]]:
    """Direct prerequisites of each use case, restricted to ids present in the table."""
    ids = [str(use_case) for use_case in catalog["id"]]
    known = set(ids)
    texts = catalog["depends_on"] if "depends_on" in catalog.columns else [""] * len(ids)
    return {
        use_case: tuple(item for item in _split_ids(text) if item in known)
        for use_case, text in zip(ids, texts, strict=True)
    }


def _split_ids(text: Any) -> list[str]:
    """The ids in a depends_on cell, in order, without blanks."""
    if is_blank(text):
        return []
    return [item.strip() for item in str(text).split(";") if item.strip()]


def _explore(graph: dict[str, tuple[str, ...]]) -> tuple[list[str], list[list[str]]]:
    """Depth-first walk along prerequisites: ids in the order they finish, and one cycle per loop found.

    Without cycles, each id finishes after all its prerequisites. A cycle is a closed path of ids.
    """
    state: dict[str, int] = {}  # 1 while on the current path, 2 once finished
    finished: list[str] = []
    cycles: list[list[str]] = []
    seen: set[frozenset[str]] = set()
    for root in graph:
        if root in state:
            continue
        path = [root]
        stack = [iter(graph[root])]
        state[root] = 1
        while stack:
            child = next(stack[-1], None)
            if child is None:
                finished.append(path.pop())
                state[finished[-1]] = 2
                stack.pop()
            elif state.get(child) == 1:
                cycle = path[path.index(child) :] + [child]
                if frozenset(cycle) not in seen:
                    seen.add(frozenset(cycle))
                    cycles.append(cycle)
            elif child not in state:
                state[child] = 1
                path.append(child)
                stack.append(iter(graph[child]))
    return finished, cycles


def _parse_csv(raw: bytes, source: str) -> tuple[list[str], list[list[str]], str]:
    """Header, data rows and decimal mark of a CSV file given as bytes."""
    if raw.startswith(b"PK\x03\x04"):
        raise CatalogError(source, [text(_MESSAGES["workbook"])])
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        content = raw.decode("cp1252", errors="replace")
    first_line = content.split("\n", 1)[0]
    separator = max((",", ";", "\t"), key=first_line.count)
    try:
        records = list(csv.reader(io.StringIO(content, newline=""), delimiter=separator))
    except csv.Error as error:
        raise CatalogError(source, [text(_MESSAGES["unreadable"]).format(detail=error)]) from None
    if not records or all(is_blank(cell) for cell in records[0]):
        raise CatalogError(source, [text(_MESSAGES["no_header"])])
    decimal = "." if separator == "," else ","
    return records[0], records[1:], decimal


def _written(name: Any) -> str:
    """A header cell as the file writes it, without a byte-order mark or spaces around."""
    return str(name).replace("\ufeff", "").strip()


def _normalise_header(name: Any) -> str:
    """A header cell as a snake_case column name ('Effort PM' becomes 'effort_pm')."""
    return re.sub(r"[\s\-]+", "_", _written(name).lower())


def _folded(name: Any) -> str:
    """A header cell as it is matched against the columns' ids and names: as a keyboard types it, without
    case or accents, spaces, hyphens and underscores alike, without a unit in brackets at the end."""
    text = unicodedata.normalize("NFKD", as_typed(_written(name)))
    text = "".join(char for char in text if not unicodedata.combining(char)).casefold()
    return re.sub(r"[\s\-_]+", "_", re.sub(r"\([^()]*\)$", "", text).strip())


def _headers() -> dict[str, str]:
    """Each catalog column's header in the language in use, by id."""
    dictionary = datafiles.table(datafiles.localized("catalog_dictionary.csv"))
    return dict(zip(dictionary["column"], dictionary["header"], strict=True))


def _listed_numbers(numbers: tuple[float, ...]) -> str:
    """Numbers as a list in a message, as the language writes them: "0.5, 0.25" in English, "0,5 ; 0,25" in French."""
    return _(NUMBER_SEPARATOR).join(plain_number(number) for number in numbers)


def _parse_number(value: Any, decimal: str) -> float | None:
    """A cell as a float following the module's rule for decimal marks, or None if it is not a number."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value) if math.isfinite(value) else None
    text = re.sub(r"[\s\u00a0\u202f€]", "", str(value))
    scale = 1.0
    if text.endswith("%"):
        text, scale = text[:-1], 0.01
    other = "." if decimal == "," else ","
    if other in text:
        grouped = rf"[-+]?\d{{1,3}}(\{other}\d{{3}})+(\{decimal}\d+)?"
        if re.fullmatch(grouped, text):
            text = text.replace(other, "")
        elif text.count(other) == 1 and decimal not in text:
            text = text.replace(other, decimal)
        else:
            return None
    try:
        number = float(text.replace(decimal, "."))
    except ValueError:
        return None
    return number * scale if math.isfinite(number) else None


def _check_cell(column: _Column, value: Any, row: int, decimal: str, header: str) -> tuple[Any, str | None]:
    """A non-blank cell converted to its column's type, and a message if it is wrong (value then None).

    ``header`` is the column as the file names it.
    """
    shown = str(value).strip()
    where = {"row": row, "column": header, "value": shown}
    if column.kind in ("text", "ids"):
        return shown, None
    if column.category is not None:
        member = column.category.parse(_ALIASES.get(shown.lower(), shown))
        if member is not None:
            return member.value, None
        return None, text(_MESSAGES["not_allowed"]).format(
            allowed=", ".join(column.category.labels()), **where
        )
    number = _parse_number(value, decimal)
    if number is None:
        return None, text(_MESSAGES["not_number"]).format(**where)
    if column.allowed:
        for allowed in column.allowed:
            if math.isclose(number, allowed):
                return allowed, None
        return None, text(_MESSAGES["not_allowed"]).format(allowed=_listed_numbers(column.allowed), **where)
    if column.whole and number != round(number):
        return None, text(_MESSAGES["not_whole"]).format(**where)
    if column.low is not None and column.low_open and number <= column.low:
        return None, text(_MESSAGES["not_above"]).format(low=plain_number(column.low), **where)
    if column.low is not None and number < column.low:
        return None, text(_MESSAGES["below"]).format(low=plain_number(column.low), **where)
    if column.high is not None and number > column.high:
        return None, text(_MESSAGES["above"]).format(high=plain_number(column.high), **where)
    return number, None


def _check(frame: pd.DataFrame, source: str, decimal: str, problems: list[str]) -> pd.DataFrame:
    """Check every cell of a raw catalog table and return the typed catalog, or raise CatalogError.

    Problems with the file or header come first, then the cells' problems by row, then by column.
    """
    frame = frame.reset_index(drop=True)
    headers = _headers()
    known = {_folded(name): column for column, header in headers.items() for name in (column, header)}
    columns: dict[str, int] = {}
    shown: dict[str, str] = {}  # each column as the file's header names it
    for position, name in enumerate(frame.columns):
        key = known.get(_folded(name), _normalise_header(name))
        cells = frame.iloc[:, position]
        if key == "":
            if not all(is_blank(cell) for cell in cells):
                problems.append(text(_MESSAGES["unnamed_column"]).format(position=position + 1))
        elif key in columns and shown[key] == _written(name):
            problems.append(text(_MESSAGES["duplicate_column"]).format(column=shown[key]))
        elif key in columns:
            problems.append(
                text(_MESSAGES["same_column"]).format(
                    first=shown[key], second=_written(name), column=headers[key]
                )
            )
        else:
            columns[key] = position
            shown[key] = _written(name)
    required = ", ".join(required_headers())
    problems.extend(
        text(_MESSAGES["missing_column"]).format(column=headers[name], required=required)
        for name in REQUIRED_COLUMNS
        if name not in columns
    )
    filled = [
        position for position in range(len(frame)) if not all(is_blank(cell) for cell in frame.iloc[position])
    ]
    if not filled:
        raise CatalogError(source, problems + [text(_MESSAGES["no_rows"])])
    rows = [position + 2 for position in filled]
    cell_problems: list[tuple[int, int, str]] = []
    values: dict[str, list[Any]] = {}
    for key, position in columns.items():
        cells = frame.iloc[filled, position].tolist()
        column = _SPEC.get(key)
        if column is None:
            values[key] = ["" if is_blank(cell) else str(cell).strip() for cell in cells]
            continue
        converted = []
        for row, cell in zip(rows, cells, strict=True):
            if is_blank(cell):
                value = column.default
                problem = (
                    text(_MESSAGES["blank"]).format(row=row, column=shown[key]) if column.required else None
                )
            else:
                value, problem = _check_cell(column, cell, row, decimal, shown[key])
            converted.append(value)
            if problem:
                cell_problems.append((row, position, problem))
        values[key] = converted
    for column in _COLUMNS:
        values.setdefault(column.name, [column.default] * len(filled))
    for row, key, problem in _check_ids(values["id"], values["depends_on"], rows, shown):
        cell_problems.append((row, columns.get(key, len(columns)), problem))
    problems.extend(problem for _, _, problem in sorted(cell_problems))
    if problems:
        raise CatalogError(source, problems)
    catalog = pd.DataFrame(
        values, columns=[column.name for column in _COLUMNS] + [key for key in values if key not in _SPEC]
    )
    for column in _COLUMNS:
        if column.kind == "number":
            catalog[column.name] = catalog[column.name].astype("int64" if column.whole else "float64")
    catalog["depends_on"] = [";".join(_split_ids(needs)) for needs in catalog["depends_on"]]
    return catalog


def _check_ids(
    ids: list[Any], depends_on: list[Any], rows: list[int], shown: dict[str, str]
) -> list[tuple[int, str, str]]:
    """Problems with ids (duplicate, ';' inside) and dependencies (cycle): row, column, message.

    ``shown`` names each column as the file does.

    A dependency on an id that is not in the table is no problem: see :func:`outside_dependencies`.
    """
    found = []
    first_row: dict[str, int] = {}
    for use_case, row in zip(ids, rows, strict=True):
        if use_case is None or use_case == "":
            continue
        if ";" in use_case:
            found.append(
                (row, "id", text(_MESSAGES["bad_id"]).format(row=row, column=shown["id"], value=use_case))
            )
        elif use_case in first_row:
            message = text(_MESSAGES["duplicate_id"]).format(
                row=row, column=shown["id"], value=use_case, first=first_row[use_case]
            )
            found.append((row, "id", message))
        else:
            first_row[use_case] = row
    graph: dict[str, tuple[str, ...]] = {}
    for use_case, needs, row in zip(ids, depends_on, rows, strict=True):
        if use_case in first_row and first_row[use_case] == row:
            graph[use_case] = tuple(item for item in _split_ids(needs) if item in first_row)
    for cycle in _explore(graph)[1]:
        row = first_row[cycle[0]]
        message = text(_MESSAGES["cycle"]).format(
            row=row, column=shown["depends_on"], cycle=" -> ".join(cycle)
        )
        found.append((row, "depends_on", message))
    return found
