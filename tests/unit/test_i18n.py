"""The course's language: choosing it, the catalogues, and numbers, money and dates in each language's format."""

from __future__ import annotations

import ast
import datetime as dt
import re
import string
from pathlib import Path

import pytest

from caiokit import catalogues, i18n


@pytest.fixture
def french(monkeypatch):
    """French formatting, whether or not the French catalogue exists yet (formatting needs none)."""
    monkeypatch.setitem(i18n.LANGUAGES, "fr", "fr_FR")
    monkeypatch.setattr(i18n, "_chosen", "fr")


@pytest.fixture(autouse=True)
def english_by_default(monkeypatch):
    monkeypatch.setattr(i18n, "_chosen", None)
    monkeypatch.delenv(i18n.ENVIRONMENT_VARIABLE, raising=False)


def test_english_is_the_default_and_needs_no_catalogue():
    assert i18n.language() == "en"
    assert i18n._("Budget") == "Budget"
    assert i18n.ngettext("{n} use case", "{n} use cases", 1) == "{n} use case"
    assert i18n.ngettext("{n} use case", "{n} use cases", 0) == "{n} use cases"


def test_the_language_comes_from_use_language_or_the_environment(monkeypatch):
    monkeypatch.setitem(i18n.LANGUAGES, "fr", "fr_FR")
    monkeypatch.setenv(i18n.ENVIRONMENT_VARIABLE, "fr_FR.UTF-8")
    assert i18n.language() == "fr"
    assert i18n.use_language("en-GB") == "en"
    assert i18n.language() == "en", "a notebook's own choice wins over the environment"


def test_a_language_not_offered_is_refused_with_the_choice(monkeypatch):
    with pytest.raises(i18n.LanguageError, match=r"not offered in 'de'; choose one of 'en'"):
        i18n.use_language("de")
    monkeypatch.setenv(i18n.ENVIRONMENT_VARIABLE, "xx")
    with pytest.raises(i18n.LanguageError, match=r"^CAIOKIT_LANG: the course is not offered in 'xx'"):
        i18n.language()


def test_english_formats_are_the_ones_the_lessons_show():
    assert i18n.format_eur(1_234_567.4) == "EUR 1,234,567"
    assert i18n.format_eur(-250_000) == "EUR -250,000"
    assert i18n.format_number(13_976) == "13,976"
    assert i18n.format_number(0.3846, 2) == "0.38"
    assert i18n.format_percent(0.25) == "25%"
    assert i18n.format_percent(0.125, 1) == "12.5%"
    assert i18n.format_date(dt.date(2027, 12, 2)) == "2 December 2027"
    for value in (0, 7, 999, 1000, 12_345.678, 1e9):
        assert i18n.format_number(value) == f"{value:,.0f}"


def test_french_formats_follow_french_typography(french):
    assert i18n.format_eur(1_234_567) == "1\u202f234\u202f567\u00a0€"
    assert i18n.format_number(0.3846, 2) == "0,38"
    assert i18n.format_percent(0.25) == "25\u202f%"
    assert i18n.format_date(dt.date(2027, 12, 2)) == "2 décembre 2027"


class Colour(i18n.Category):
    DARK_BLUE = "dark_blue", i18n.N_("dark blue")
    RED = "red", i18n.N_("red")


def test_a_category_compares_by_id_and_shows_its_label():
    assert Colour.DARK_BLUE == "dark_blue" and Colour("red") is Colour.RED
    assert Colour.DARK_BLUE.label == "dark blue" and Colour.label_of("dark_blue") == "dark blue"
    assert Colour.labels() == ("dark blue", "red")
    for typed in ("dark blue", "  Dark   BLUE ", "dark_blue"):
        assert Colour.parse(typed) is Colour.DARK_BLUE
    assert Colour.parse("dark-blue") is None and Colour.parse(3) is None


def test_one_english_word_can_have_a_translation_per_context(french):
    from caiokit.risk.register import Treatment
    from caiokit.scoring import Quadrant

    # "avoid" is a quadrant (an adjective in French) and a risk treatment (a verb, beside "réduire").
    assert Quadrant.AVOID.label == "à éviter"
    assert Treatment.AVOID.label == "éviter" and Treatment.labels()[1] == "réduire"
    assert Treatment.parse("Éviter") is Treatment.AVOID and Treatment.parse("avoid") is Treatment.AVOID
    with i18n.speaking("en"):
        assert Treatment.AVOID.label == Quadrant.AVOID.label == "avoid"


def test_the_template_holds_exactly_the_texts_marked_in_the_code():
    stored = catalogues.read(catalogues.TEMPLATE)
    assert stored is not None, "no caiokit/locale/caiokit.pot: run `python -m caiokit.authoring catalogues`"
    extracted = catalogues.extract()
    now, before = catalogues.messages(extracted), catalogues.messages(stored)
    assert now.keys() == before.keys(), (
        "caiokit/locale/caiokit.pot is out of date: run `python -m caiokit.authoring catalogues`; "
        f"new: {sorted(now.keys() - before.keys(), key=str)[:5]}, gone: {sorted(before.keys() - now.keys(), key=str)[:5]}"
    )


def placeholders(text: str) -> list[str]:
    """The fields of a format string ('{name}', '{value:.1f}'), not its escaped braces ('{{...}}')."""
    return sorted(f"{name}:{spec}" for _, name, spec, _ in string.Formatter().parse(text) if name is not None)


OTHER_LANGUAGES = [code for code in i18n.LANGUAGES if code != i18n.SOURCE_LANGUAGE]


@pytest.mark.skipif(
    not OTHER_LANGUAGES, reason="the course is offered in English only so far (issue 13: French)"
)
@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_every_text_is_translated_with_the_same_placeholders(language):
    template = catalogues.read(catalogues.TEMPLATE)
    translated = catalogues.read(catalogues.po_path(language), language)
    assert translated is not None, (
        f"no {catalogues.po_path(language)}: run `python -m caiokit.authoring catalogues`"
    )
    by_key = {catalogues.key(message): message for message in translated if message.id}
    problems = []
    for message in template:
        if not message.id:
            continue
        found = by_key.get(catalogues.key(message))
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = (
            found.string
            if found is not None and isinstance(found.string, tuple)
            else (found and found.string,)
        )
        if found is None or not all(strings) or found.fuzzy:
            problems.append(f"untranslated: {ids[0]!r}")
            continue
        wanted = placeholders(ids[-1])
        for text in strings:
            if placeholders(text) != wanted:
                problems.append(f"placeholders differ: {ids[0]!r} -> {text!r}")
    assert not problems, f"{len(problems)} problem(s) in {language}:\n" + "\n".join(problems[:20])
    assert catalogues.po_path(language).with_suffix(".mo").read_bytes() == catalogues.compiled(translated), (
        "the compiled catalogue is older than its .po: run `python -m caiokit.authoring catalogues`"
    )


# Where no text a person reads may be written outside the catalogues (issue 11): the interface (widgets,
# charts), the checks, and the report writers, plus the exercise engine.
TRANSLATED_SCOPE = (
    "caiokit/widgets",
    "caiokit/charts",
    "caiokit/checks",
    "caiokit/exercises.py",
    "caiokit/ninety_days",
    "caiokit/strategy.py",
    "caiokit/skills.py",
    "caiokit/maturity.py",
    "caiokit/teams",
    "caiokit/roles.py",
    "caiokit/reports",
)
# Modules of that scope not translated yet, with how many texts they still hold: the number may only go down,
# and a module leaves the list when it reaches 0. (Counted by `untranslated_texts` below.)
STILL_TO_TRANSLATE: dict[str, int] = {}

ROOT = catalogues.PACKAGE.parent
TWO_WORDS = re.compile(r"[A-Za-z][a-z]+[ ,:;.!?']+[A-Za-z]{2,}")
NOT_PROSE = re.compile(
    r"<[^>]*>"  # HTML tags
    r"|\{[^{}]*\}|[a-z-]+\s*:\s*[^;{}]+;|(?:^|\s)[.#:>][\w.:>-]+"  # CSS rules, declarations, selectors
    r"|\b(?:table|td|th|tr|span|label|select|input)\b|\bcaio-[\w-]+"  # element and course class names
    r"|\b[\w/-]+\.(?:csv|json|md|py|ipynb)\b"  # file names
    r"|\b[a-z_]+(?:\.[a-z_]+)+\b"  # dotted ids (skill.tech)
    r"|^(?:top|middle|bottom) (?:left|center|right)$"  # plotly's positions of a text or an annotation
    r"|^(?:row|column) (?:wrap|nowrap)$"  # a CSS flex-flow value
    r"|@media \w+"  # a CSS media query
    r'|<[a-z]+ [a-z-]+="$'  # an HTML tag whose attribute's value is filled in next
)
LABEL_KEYWORDS = {"description", "placeholder", "tooltip"}
MARKERS = {"_", "N_", "NP_", "ngettext", "lazy", "text"}
# Errors that only a course author can cause (a wrong argument in the package's own code) stay in English.
AUTHOR_ERRORS = {
    "ValueError",
    "TypeError",
    "NotImplementedError",
    "AttributeError",
    "KeyError",
    "AssertionError",
    "RuntimeError",
}


def untranslated_texts(path: Path) -> list[tuple[int, str]]:
    """String literals of a module that look like text for a person and are not marked for translation.

    A literal counts if it has two words once HTML and CSS are taken out, or if it is a widget's label
    (``description=``, ``placeholder=``, ``tooltip=``). Docstrings, marked texts (``_``, ``N_``, ``NP_``,
    ``ngettext``, ``lazy``), what ``text`` is given (a marked text looked up by its key) and the messages of errors only the package's own code can cause are left out.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"))
    ignored: set[int] = set()
    labels: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        documented = (
            isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and body
        )
        if documented and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
            ignored.add(id(body[0].value))
        marked = isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in MARKERS
        author = (
            isinstance(node, ast.Raise)
            and isinstance(node.exc, ast.Call)
            and isinstance(node.exc.func, ast.Name)
            and node.exc.func.id in AUTHOR_ERRORS
        )
        if marked or author:
            ignored.update(id(sub) for sub in ast.walk(node))
        if isinstance(node, ast.keyword) and node.arg in LABEL_KEYWORDS:
            labels.update(id(sub) for sub in ast.walk(node.value))
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in ignored
        and (
            TWO_WORDS.search(NOT_PROSE.sub(" ", node.value))
            or (id(node) in labels and re.search("[A-Za-z]", node.value))
        )
    ]


def scope_modules() -> list[Path]:
    found = []
    for entry in TRANSLATED_SCOPE:
        path = ROOT / entry
        found.extend(sorted(path.rglob("*.py")) if path.is_dir() else [path])
    return found


def test_the_scanner_finds_texts_and_leaves_markup_alone(tmp_path):
    module = tmp_path / "sample.py"
    module.write_text(
        '"""Docstring, not shown."""\n'
        'STYLE = "<style>.caio-tool .widget-label { color: red; }</style>"\n'
        'SHOWN = "Save the table"\n'
        'MARKED = N_("Save the table")\n'
        'slider = Slider(description="Budget")\n'
        'def f():\n    raise ValueError("an author mistake here")\n',
        encoding="utf-8",
    )
    assert untranslated_texts(module) == [(3, "Save the table"), (5, "Budget")]


def test_the_scanner_leaves_plotly_positions_alone_but_not_a_sentence_about_them(tmp_path):
    module = tmp_path / "sample.py"
    module.write_text(
        'figure.add_hline(annotation_position="top right", annotation_text="the top right corner")\n',
        encoding="utf-8",
    )
    assert untranslated_texts(module) == [(1, "the top right corner")]


def test_no_text_to_translate_is_left_in_the_interface_checks_and_reports():
    problems = []
    for path in scope_modules():
        name = path.relative_to(ROOT).as_posix()
        found = untranslated_texts(path)
        allowed = STILL_TO_TRANSLATE.get(name, 0)
        if len(found) > allowed:
            lines = ", ".join(f"line {line}: {value[:40]!r}" for line, value in found[:3])
            problems.append(
                f"{name}: {len(found)} untranslated text(s), at most {allowed} allowed ({lines} ...)"
            )
        elif name in STILL_TO_TRANSLATE and len(found) < allowed:
            problems.append(
                f"{name}: down to {len(found)}: lower its count in STILL_TO_TRANSLATE (0: remove it)"
            )
    assert not problems, "mark texts with _(), N_(), ngettext() or lazy() (caiokit.i18n):\n" + "\n".join(
        problems
    )


def test_gettext_is_given_texts_and_text_is_given_keys():
    """Babel extracts every string literal inside ``_(...)``: ``_(_MESSAGES["bad_id"])`` would put the key
    'bad_id' in the catalogue, for a translator to "translate". A text looked up by its key goes through
    ``text(...)``, which Babel does not read."""
    misused = []
    for path in sorted(catalogues.PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "_"):
                continue
            argument = node.args[0] if node.args else None
            if isinstance(argument, ast.Constant):
                continue
            keys = [
                n.value
                for n in ast.walk(argument)
                if isinstance(n, ast.Constant) and isinstance(n.value, str)
            ]
            if keys:
                misused.append(
                    f"{path.relative_to(catalogues.PACKAGE.parent)}:{node.lineno}: _({ast.unparse(argument)})"
                )
    assert not misused, "write text(...) for a text looked up by its key:\n" + "\n".join(misused[:20])
    assert not [m.id for m in catalogues.extract() if m.id in {"bad_id", "no_texts", "overrun"}]


def test_every_list_of_problems_headline_is_in_the_catalogue():
    import caiokit.maturity  # noqa: F401  (defines subclasses)
    import caiokit.skills  # noqa: F401
    from caiokit.errors import ProblemsError

    def subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    headlines = {cls.headline for cls in (ProblemsError, *subclasses(ProblemsError))}
    assert headlines == set(i18n.PROBLEM_HEADLINES)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [("Leads the AI programme", "leads the AI programme"), ("", "")],
)
def test_lower_first_lowers_only_the_first_letter(sentence, expected):
    assert i18n.lower_first(sentence) == expected


@pytest.mark.parametrize("value", [0.45, 2.675, 0.25, 0.125, 1234.5, 2.5, -0.45, 1e-7])
@pytest.mark.parametrize("decimals", [0, 1, 2])
def test_numbers_round_as_python_does(value, decimals):
    assert i18n.format_number(value, decimals).replace(",", "") == f"{value:.{decimals}f}"


def test_a_label_with_no_break_spaces_is_named_as_a_keyboard_types_it(monkeypatch):
    class Gate(i18n.Category):
        SPLIT = "split", i18n.N_("285\u202f000 € left")
        PARTNER = "partner", i18n.N_("s\u2019associer")

    assert Gate.parse("285 000 € LEFT") is Gate.SPLIT and Gate.parse("s'associer") is Gate.PARTNER
    assert i18n.as_typed("Oui\u00a0: l\u2019IA") == "Oui : l'IA"
