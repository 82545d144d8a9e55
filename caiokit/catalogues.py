"""The gettext catalogues: extract the marked texts of the code, merge them into each language, compile them.

    python -m caiokit.authoring catalogues

writes ``caiokit/locale/caiokit.pot`` (every text marked with ``_``, ``N_``, ``NP_`` (with its context),
``ngettext`` or ``lazy`` in the package, found by Babel), merges it into ``caiokit/locale/<lang>/LC_MESSAGES/caiokit.po`` for every language but
English (a new text arrives untranslated, a changed one marked fuzzy; a translator fills them in), and
compiles each ``.po`` into the ``.mo`` that Python's gettext reads. Files are rewritten only when their
messages change, so the command leaves git quiet when nothing moved. Source line numbers are left out of
the files for the same reason: the file names suffice to find a text.
"""

from __future__ import annotations

import io
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from caiokit.i18n import DOMAIN, LANGUAGES, LOCALE_DIR, SOURCE_LANGUAGE

PACKAGE = Path(__file__).resolve().parent
TEMPLATE = LOCALE_DIR / f"{DOMAIN}.pot"
KEYWORDS = {"_": None, "N_": None, "NP_": ((1, "c"), 2), "ngettext": (1, 2), "lazy": (1,)}
TRANSLATOR_TAG = "TRANSLATORS:"
HEADER = (
    "# The texts of caiokit, the toolkit of the CAIO course, to translate.\n"
    "# Written by `python -m caiokit.authoring catalogues`; translate in caiokit/locale/<lang>/LC_MESSAGES/."
)


def extract() -> Catalog:
    """Every marked text of the package, with the files it comes from and the comments left for translators."""
    catalog = Catalog(project="caiokit", charset="utf-8", fuzzy=False, header_comment=HEADER)
    found = extract_from_dir(
        PACKAGE,
        method_map=[("**.py", "python")],
        keywords=KEYWORDS,
        comment_tags=(TRANSLATOR_TAG,),
        strip_comment_tags=True,
    )
    for filename, lineno, message, comments, context in found:
        catalog.add(message, None, [(f"caiokit/{filename}", lineno)], auto_comments=comments, context=context)
    return catalog


def messages(catalog: Catalog) -> dict:
    """The catalogue's messages as plain data (key, translation, flags, files), to compare two catalogues. A
    message's key is its id, or (context, id) if it has a context."""
    return {
        key(message): (
            _translation(message.string),
            sorted(message.flags),
            sorted({p for p, _ in message.locations}),
        )
        for message in catalog
        if message.id
    }


def key(message) -> str | tuple:
    """What tells a message apart in a catalogue: its id, with its context if it has one."""
    return (message.context, message.id) if message.context else message.id


def _translation(string: str | tuple | None) -> tuple[str, ...]:
    """A message's translation(s), "" where there is none (Babel gives None when extracting, "" when reading)."""
    forms = string if isinstance(string, tuple) else (string,)
    return tuple(form or "" for form in forms)


def po_path(language: str) -> Path:
    """Where a language's translations are kept."""
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def _po_text(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=110, include_lineno=False, sort_output=True)
    return buffer.getvalue()


def _write_if_changed(path: Path, catalog: Catalog, before: Catalog | None) -> bool:
    if before is not None and messages(before) == messages(catalog):
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(_po_text(catalog))
    return True


def read(path: Path, language: str | None = None) -> Catalog | None:
    """A .po or .pot file, or None if there is none yet."""
    if not path.is_file():
        return None
    with path.open("rb") as handle:
        return read_po(handle, locale=language)


def compiled(catalog: Catalog) -> bytes:
    """The .mo form of a catalogue (fuzzy translations left out, as gettext expects)."""
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def update() -> list[Path]:
    """Extract, merge and compile; return the files written."""
    template = extract()
    written = [TEMPLATE] if _write_if_changed(TEMPLATE, template, read(TEMPLATE)) else []
    for language in LANGUAGES:
        if language == SOURCE_LANGUAGE:
            continue
        path = po_path(language)
        before = read(path, language)
        catalog = read(path, language) or Catalog(
            locale=language, project="caiokit", charset="utf-8", header_comment=HEADER
        )
        catalog.update(template, update_header_comment=False)
        catalog.obsolete.clear()
        if _write_if_changed(path, catalog, before):
            written.append(path)
        mo = path.with_suffix(".mo")
        binary = compiled(read(path, language))  # what the .po on disk says, header included
        if not mo.is_file() or mo.read_bytes() != binary:
            mo.write_bytes(binary)
            written.append(mo)
    return written
