"""The course's language: the texts a person reads, and numbers, money and dates written the way they expect.

The language is chosen once per notebook: ``use_language("fr")`` (a lesson's setup cell does it through
``bind(..., language=...)``), else the ``CAIOKIT_LANG`` environment variable, else English.

Code marks every text a person reads, so that Babel can extract it into ``caiokit/locale/caiokit.pot``:

- ``_("Budget")`` translates now, for text built where it is shown;
- ``N_("Budget")`` marks an entry of a module-level table, which is translated where it is shown
  (``_(TABLE[key])``): a table is built once at import, before a notebook chooses its language;
- ``ngettext("{n} use case", "{n} use cases", n)`` for a text with a whole count: languages do not agree
  on plurals (English says "0 use cases", French "0 cas d'usage", in the singular);
- ``lazy("{amount} of a {budget} budget", amount=..., budget=...)`` for a text with values that is built at
  import (an exercise's solution, say) and shown later: a :class:`Message`, translated and filled in each
  time it is turned into a string. A value may be another message, or a function of no argument called
  then (``lambda: format_eur(x)``), so that numbers, too, come out in the language in use.

The English text is the message id, so an English run needs no catalogue. Another language's translations
are in ``caiokit/locale/<lang>/LC_MESSAGES/caiokit.po``, compiled to ``caiokit.mo`` by
``python -m caiokit.authoring catalogues`` (which also extracts the template), and a test checks that every
message has a translation in every language the course offers.

A category (a quadrant of the 2x2, a verdict, an operating model...) is a :class:`Category`: its value is a
stable id that code compares and files store, and its ``label`` is what a person reads, in the language in
use. ``Category.parse`` reads what a person typed: the label in the language in use, or the id.

Numbers, amounts and dates go through :func:`format_number`, :func:`format_eur`, :func:`format_percent` and
:func:`format_date` (Babel, with the CLDR rules of the language's country): "EUR 1,234,567" and
"2 December 2027" in English, "1 234 567 €" and "2 décembre 2027" in French.
"""

from __future__ import annotations

import datetime as dt
import gettext as _gettext
import math
import numbers
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any

from babel import Locale
from babel.dates import format_date as _babel_date
from babel.numbers import format_decimal

from caiokit.errors import CaioKitError

SOURCE_LANGUAGE = "en"
# The languages the course is offered in, each with the country whose conventions its numbers and dates follow.
LANGUAGES = {"en": "en_GB", "fr": "fr_FR"}
ENVIRONMENT_VARIABLE = "CAIOKIT_LANG"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "caiokit"
# plain_number keeps this many significant digits (and at least two decimals) of a number that is not whole.
SIGNIFICANT_DIGITS = 4

_chosen: str | None = None


class LanguageError(CaioKitError):
    """A language the course is not offered in was asked for."""


def _checked(code: str, where: str) -> str:
    language = code.strip().lower().replace("-", "_").split("_")[0]
    if language not in LANGUAGES:
        offered = ", ".join(repr(code) for code in LANGUAGES)
        raise LanguageError(f"{where}: the course is not offered in {code!r}; choose one of {offered}.")
    return language


def use_language(code: str) -> str:
    """Choose the language of every text shown from now on in this Python process; return its code."""
    global _chosen
    _chosen = _checked(code, "use_language")
    return _chosen


@contextmanager
def speaking(code: str) -> Iterator[str]:
    """Use ``code`` inside a ``with`` block, then go back to the language chosen before (authoring an edition)."""
    global _chosen
    before = _chosen
    try:
        yield use_language(code)
    finally:
        _chosen = before


def language() -> str:
    """The language in use: the one chosen with :func:`use_language`, else ``CAIOKIT_LANG``, else English."""
    if _chosen is not None:
        return _chosen
    configured = os.environ.get(ENVIRONMENT_VARIABLE, "").strip()
    return _checked(configured, ENVIRONMENT_VARIABLE) if configured else SOURCE_LANGUAGE


@cache
def _translations(code: str) -> _gettext.NullTranslations:
    if code == SOURCE_LANGUAGE:
        return _gettext.NullTranslations()
    return _gettext.translation(DOMAIN, localedir=LOCALE_DIR, languages=[code])


def _(message: str) -> str:
    """``message`` in the language in use (``message`` itself in English)."""
    return _translations(language()).gettext(message)


def N_(message: str) -> str:  # noqa: N802  (gettext's conventional name for "mark, translate later")
    """Mark ``message`` for the catalogue without translating it (module-level tables)."""
    return message


@dataclass(frozen=True)
class InContext:
    """A text whose translation depends on what it names (see :func:`NP_`), translated when shown."""

    context: str
    message: str

    def __str__(self) -> str:
        return _translations(language()).pgettext(self.context, self.message)


def NP_(context: str, message: str) -> InContext:  # noqa: N802  (N_ with gettext's msgctxt)
    """Mark ``message`` for the catalogue with the ``context`` that tells it apart from the same English word
    elsewhere ("avoid" as a quadrant is "à éviter", as a risk treatment "éviter")."""
    return InContext(context, message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of a counted text that the whole number ``count`` needs, in the language in use."""
    return _translations(language()).ngettext(singular, plural, int(count))


# The headlines of caiokit.errors.ProblemsError and its subclasses, which that module cannot mark itself
# (this module imports it); the test of the catalogue checks that these are all of them.
PROBLEM_HEADLINES = (
    N_("{what} has {count} problem(s)"),
    N_("{count} problem(s) with {what}"),
    N_("{count} problems with {what}"),
)


@dataclass(frozen=True)
class Message:
    """A text with values, translated and filled in when shown (see :func:`lazy`)."""

    template: str
    values: Mapping[str, object] = field(default_factory=dict)

    def __str__(self) -> str:
        filled = {name: value() if callable(value) else value for name, value in self.values.items()}
        return _(self.template).format(**{name: str(value) for name, value in filled.items()})


def lazy(template: str, **values: object | Callable[[], object]) -> Message:
    """A message to translate and fill in later, each time it is shown."""
    return Message(template, values)


def text(value: str | Message | InContext) -> str:
    """A text marked with ``N_`` or ``NP_``, or a :class:`Message`, in the language in use."""
    return _(value) if isinstance(value, str) else str(value)


def texts(values: Iterable[str | Message] | Mapping[Any, str | Message]) -> list[str] | dict[Any, str]:
    """The texts of a table marked with ``N_`` (a tuple, or a dict's values), in the language in use: what a
    lesson prints of a module's options or steps, as ``for letter, option in texts(OPTIONS).items()``."""
    if isinstance(values, Mapping):
        return {key: text(value) for key, value in values.items()}
    return [text(value) for value in values]


class Category(StrEnum):
    """A member has a stable id (its value) and a label marked for translation: ``A = "a_id", N_("label")``, or
    ``NP_("context", "label")`` where the same English label means another thing elsewhere."""

    def __new__(cls, value: str, label: str | InContext):
        member = str.__new__(cls, value)
        member._value_ = value
        member._label = label
        return member

    @property
    def label(self) -> str:
        """What a person reads, in the language in use."""
        return text(self._label)

    @classmethod
    def label_of(cls, value: str) -> str:
        """The label of the member whose id is ``value`` (for a table column of ids: ``.map(label_of)``)."""
        return cls(value).label

    @classmethod
    def labels(cls) -> tuple[str, ...]:
        """Every member's label, in the order of the members."""
        return tuple(member.label for member in cls)

    @classmethod
    def parse(cls, typed: object) -> Category | None:
        """The member a person meant: its label in the language in use or its id, whatever the case; else None."""
        if not isinstance(typed, str):
            return None
        wanted = " ".join(typed.split()).casefold()
        for member in cls:
            if wanted in (as_typed(member.label).casefold(), member.value.casefold()):
                return member
        return None


_TYPED = str.maketrans(
    {"\N{NO-BREAK SPACE}": " ", "\N{NARROW NO-BREAK SPACE}": " ", "\N{RIGHT SINGLE QUOTATION MARK}": "'"}
)


def as_typed(text: str) -> str:
    """A text as a keyboard types it: no-break spaces as spaces, a typographic apostrophe as ``'`` (French
    labels carry both; a learner who types "285 000 €" or "s'associer" means them)."""
    return text.translate(_TYPED)


def listed(items: Iterable[object]) -> str:
    """Items one after the other, separated by semicolons spaced as the language spaces them ('a; b' in
    English, 'a\u202f; b' in French)."""
    # TRANSLATORS: what separates the items of a list; French puts a narrow no-break space before a semicolon.
    return _("; ").join(map(str, items))


def labelled(label: object, text: object) -> str:
    """'label: text', with the space the language puts before a colon ('Indice 1 sur 2\u00a0: ...' in French)."""
    # TRANSLATORS: a label and what follows it; French puts a no-break space before the colon.
    return _("{label}: {text}").format(label=label, text=text)


def upper_first(label: str) -> str:
    """The text with its first letter in upper case, to start a line ('weighted criteria' -> 'Weighted ...')."""
    return label[:1].upper() + label[1:]


def lower_first(sentence: str) -> str:
    """The text with its first letter in lower case, to carry on a sentence ('Leads ...' -> 'leads ...')."""
    return sentence[:1].lower() + sentence[1:]


def locale() -> Locale:
    """The Babel locale of the language in use."""
    return Locale.parse(LANGUAGES[language()])


def format_number(value: float, decimals: int = 0) -> str:
    """A number with the language's digit grouping and decimal mark, rounded to ``decimals`` places."""
    pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    return format_decimal(_exact(value), format=pattern, locale=locale(), decimal_quantization=True)


def _exact(value: float) -> float | Decimal:
    """A float as the exact binary number it holds, so that Babel rounds it as Python's ``round`` and ``f"{x:.1f}"``
    do (0.45 is 0.4500000000000000111..., so "0.5"); Babel would otherwise round its shortest repr, "0.45", to
    the even "0.4"."""
    return Decimal(value) if isinstance(value, float) else value


def plain_number(value: float) -> str:
    """A number as people write it: digit grouping, no scientific notation, only the useful decimals.

    Whole numbers have none; others keep at least two decimals and four significant digits
    ("0.0123", "3.14", "12,345.5"), trailing zeros dropped.
    """
    if isinstance(value, numbers.Integral):
        return format_number(int(value))
    value = float(value)
    if not math.isfinite(value):
        return str(value)
    if value == 0:
        return "0"
    if value.is_integer():
        return format_number(value)
    decimals = max(2, SIGNIFICANT_DIGITS - 1 - math.floor(math.log10(abs(value))))
    return format_decimal(
        _exact(value), format="#,##0." + "#" * decimals, locale=locale(), decimal_quantization=True
    )


def format_eur(amount: float) -> str:
    """An amount in euros, to the euro: "EUR 1,250,000" in English, "1 250 000 €" in French."""
    number = format_number(round(amount))
    if locale().language == "en":
        return f"EUR {number}"
    return f"{number}\N{NO-BREAK SPACE}€"


def format_percent(share: float, decimals: int = 0) -> str:
    """A share (0.25) as a percentage: "25%" in English, "25 %" in French."""
    number = format_number(share * 100, decimals)
    return f"{number}%" if locale().language == "en" else f"{number}\N{NARROW NO-BREAK SPACE}%"


def format_date(day: dt.date) -> str:
    """A date written out: "2 December 2027" in English, "2 décembre 2027" in French."""
    return _babel_date(day, format="d MMMM y", locale=locale())


def format_short_date(day: dt.date) -> str:
    """A date with the month abbreviated: "6 Dec 2026" in English (as the course's facts table is quoted),
    "6 déc. 2026" in French."""
    if locale().language == "en":
        return f"{day.day} {_babel_date(day, format='MMM', locale='en_US')} {day.year}"
    return _babel_date(day, format="d MMM y", locale=locale())


def format_datetime(moment: dt.datetime) -> str:
    """A date and time of day, to the minute: "Thu 10 December 2026, 16:30" in English."""
    day = _babel_date(moment.date(), format="EEE d MMMM y", locale=locale())
    return f"{day}, {moment:%H:%M}"
