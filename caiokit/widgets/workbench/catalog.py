"""The Your catalog & export tab: upload a catalog of one's own, and save the ranked table and the brief."""

from __future__ import annotations

import html
import io
import os
from collections.abc import Callable, Mapping
from pathlib import Path

import ipywidgets as widgets
import pandas as pd

from caiokit.catalog import load_catalog, outside_dependencies, required_headers, use_catalog
from caiokit.conventions import COURSE
from caiokit.errors import CaioKitError, CatalogError
from caiokit.finance import portfolio_finance
from caiokit.i18n import _, ngettext
from caiokit.portfolio import PortfolioResult
from caiokit.reports import markdown
from caiokit.reports.priorities import UNNAMED_COMPANY, company_name, executive_summary, export_csv
from caiokit.widgets.layout import UPLOAD_CLASS
from caiokit.widgets.tool import inline_markdown
from caiokit.widgets.workbench import WIDE

DEFAULT_STEM = "alvera_priorities"
UPLOADED_STEM = "my_priorities"


class CatalogTab:
    """An upload button for a CSV catalog, the company the brief names, and the export of table and brief.

    ``on_file(content, name)`` is called with each file the learner uploads.
    """

    def __init__(self, on_file: Callable[[bytes, str | None], object]) -> None:
        self._on_file = on_file
        upload = _("Upload a CSV")
        self.upload = widgets.FileUpload(
            accept=".csv,.xlsx", multiple=False, description=upload, tooltip=upload
        )
        self.upload.add_class(UPLOAD_CLASS)  # its label is the tooltip: no count of files, always (0) here
        self.upload.observe(self._on_upload, names="value")
        self.upload_message = widgets.HTML()
        self.company = widgets.Text(
            value=company_name(), placeholder=_(UNNAMED_COMPANY), description=_("Company"), style=WIDE
        )
        self.stem = widgets.Text(value=DEFAULT_STEM, description=_("File name"), style=WIDE)
        self.export_button = widgets.Button(description=_("Save table and summary"), icon="download")
        self.export_message = widgets.HTML()
        help_text = _(
            "Your own catalog: a CSV file with one row per use case (required columns: {required}; "
            "catalog_columns() describes every column). A CSV saved by Excel loads as it is, separated by "
            "commas or semicolons, with decimal points or commas."
        ).format(required=", ".join(required_headers()))
        self.widget = widgets.VBox(
            [
                widgets.HTML(f"<b>{html.escape(help_text)}</b>"),
                self.upload,
                self.upload_message,
                widgets.HTML("<hr>"),
                self.company,
                widgets.HBox([self.stem, self.export_button]),
                self.export_message,
            ]
        )

    def read(self, source: str | os.PathLike | bytes | pd.DataFrame, name: str | None) -> pd.DataFrame | None:
        """A catalog from a CSV path, CSV bytes or a table; on problems, list them and return None."""
        try:
            if isinstance(source, bytes | bytearray | memoryview):
                handle = io.BytesIO(bytes(source))
                handle.name = name or _("the uploaded file")
                return load_catalog(handle)
            if isinstance(source, pd.DataFrame):
                return use_catalog(source)
            return load_catalog(source)
        except CatalogError as error:
            self.upload_message.value = _problems_html(error)
            return None

    def show_loaded(self, catalog: pd.DataFrame, source_name: str) -> None:
        """Say what was loaded, with a note for each prerequisite outside the file; clear the company name."""
        self.company.value = ""
        if self.stem.value == DEFAULT_STEM:
            self.stem.value = UPLOADED_STEM
        loaded = inline_markdown(
            _(
                "Loaded **{count}** use cases from {source}. Type your company's name in the Company "
                "field below, so the executive summary names it."
            ).format(count=len(catalog), source=source_name)
        )
        notes = "".join(f"<li>{html.escape(note)}</li>" for note in outside_dependencies(catalog))
        outside = _("Prerequisites outside this file:")
        self.upload_message.value = loaded + (f"<br>{outside}<ul>{notes}</ul>" if notes else "")

    def export(
        self,
        catalog: pd.DataFrame,
        scored: pd.DataFrame,
        portfolio: PortfolioResult | None,
        stability: pd.DataFrame | None,
        method: str,
        weights: Mapping[str, float] | None,
        risk_adjusted: bool,
    ) -> tuple[Path, Path] | None:
        """Write <stem>.csv (ranked table) and <stem>.md (executive summary) in the current folder."""
        stem = self.stem.value.strip()
        if not stem or any(mark in stem for mark in ("/", "\\", ":")) or stem.startswith(".") or "." in stem:
            self.export_message.value = inline_markdown(
                _("Type a file name without a folder or extension, such as `alvera_priorities`.")
            )
            return None
        folder = Path.cwd()
        finance = None
        if portfolio is not None and portfolio.selected:
            finance = portfolio_finance(
                catalog, portfolio.selected, COURSE.discount_rate, COURSE.finance_years
            )
        try:
            csv_path = export_csv(scored, folder / f"{stem}.csv")
            summary = executive_summary(
                scored,
                portfolio,
                stability,
                finance,
                method,
                weights,
                company=self.company.value,
                risk_adjusted=risk_adjusted,
                rate=COURSE.discount_rate if finance is not None else None,
                years=COURSE.finance_years if finance is not None else None,
            )
            md_path = markdown.write(folder / f"{stem}.md", summary)
        except (CaioKitError, OSError) as error:
            self.export_message.value = inline_markdown(_("Nothing was saved: {error}").format(error=error))
            return None
        self.export_message.value = inline_markdown(
            _(
                "Saved **{csv}** (the ranked table) and **{md}** (the executive summary) in `{folder}`."
            ).format(csv=csv_path.name, md=md_path.name, folder=folder)
        )
        return csv_path, md_path

    def _on_upload(self, change: dict) -> None:
        """Pass on the file just uploaded (FileUpload value: a tuple of dicts with name and content)."""
        files = change["new"]
        if not files:
            return
        uploaded = files[-1]
        self._on_file(bytes(uploaded["content"]), uploaded.get("name") or None)
        self.upload.value = ()  # so that the same file, once fixed, can be uploaded again


def _problems_html(error: CatalogError) -> str:
    """A CatalogError as a heading and a bulleted list of every problem."""
    count = len(error.problems)
    heading = ngettext(
        "<b>{source} was not loaded.</b> Fix this problem and upload it again; the previous catalog is still "
        "in use.",
        "<b>{source} was not loaded.</b> Fix these {count} problems and upload it again; the previous catalog "
        "is still in use.",
        count,
    ).format(source=html.escape(error.source), count=count)
    items = "".join(f"<li>{html.escape(problem)}</li>" for problem in error.problems)
    return f"<div class='caio-upload-problems caio-error'>{heading}<ul>{items}</ul></div>"
