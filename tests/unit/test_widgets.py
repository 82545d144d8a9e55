"""The widgets driven without a browser: set values, click, read the feedback."""

from __future__ import annotations

import importlib
import pkgutil
import re

import ipywidgets as widgets
import pytest

import caiokit.checks
from caiokit.charts import TIER_COLOURS
from caiokit.checks.start_here import MISSION_OPTIONS, ROLE_OPTIONS, q1, q3
from caiokit.completion import certificate_blockers
from caiokit.exercises import ChoiceExercise, MappingExercise, NumberExercise, SetExercise
from caiokit.i18n import N_, Category
from caiokit.progress import Event, ProgressStore
from caiokit.quiz import bank_names
from caiokit.widgets import ExerciseWidget, ProgressDashboard, Quiz
from caiokit.widgets.layout import AA_CONTRAST, ROOT_CLASS, STYLESHEET, contrast, text_on


def test_quiz_widget_gives_feedback_and_records_answers(progress_file):
    quiz = Quiz("00_start_here")
    single, multiple, matching = quiz.questions

    single.check_button.click()
    assert "Pick an option first" in single.feedback.value
    assert [label for label, _ in single.control.options] == [o.text for o in single.question.options]
    single.control.label = "The expected answer"
    single.check_button.click()
    assert "✘" in single.feedback.value and "never reveal" in single.feedback.value
    single.control.label = "'Not attempted', with what to do next"
    assert single.response() == "b"
    single.check_button.click()
    assert "✔" in single.feedback.value and "<i>" in single.feedback.value

    for box in multiple.control:
        box.value = "autograded" in box.description or "written answers" in box.description
    assert multiple.response() == {"a", "b"}
    multiple.check_button.click()
    assert "✔" in multiple.feedback.value

    assert [box.description for box in matching.control.values()] == ["Fetch", "Validate", "Submit"]
    matching.control["fetch"].label = "Download the assignment into your folder"
    matching.control["submit"].label = "Run every test cell to see what still fails"
    assert matching.response() == {"fetch": "download_assignment", "submit": "run_test_cells"}
    matching.check_button.click()
    assert (
        "1 of 3 pairs right" in matching.feedback.value
        and "&#x27;Submit&#x27;" not in matching.feedback.value
    )
    assert "Look again at: 'Submit'" in matching.feedback.value

    assert quiz.score.value == "Score: 2 / 3 answered correctly."
    quiz_events = [(e.item, e.status) for e in ProgressStore(progress_file).events() if e.kind == "quiz"]
    assert quiz_events == [
        ("blank_answer", "incorrect"),
        ("blank_answer", "correct"),
        ("graded_parts", "correct"),
        ("tools_to_steps", "incorrect"),
    ]


def test_the_quiz_shows_its_own_words_through_the_catalogue(bracketed):
    quiz = Quiz("00_start_here")
    single, _, matching = quiz.questions
    assert single.check_button.description == "[Check]"
    assert matching.control["fetch"].options[0] == ("[(choose)]", "")
    assert quiz.score.value == "[Score: 0 / 3 answered correctly.]"
    assert quiz.widget.children[0].value == "<h4>[Quiz: How this course works]</h4>"
    assert quiz.frame._repr_mimebundle_()["text/plain"] == "[Run this cell to use [this quiz].]"


def test_exercise_widget_for_a_set(progress_file):
    form = ExerciseWidget(q3)
    form.check_button.click()
    assert "Not attempted" in form.feedback.value
    for box in form.control:
        box.value = box.description in MISSION_OPTIONS[:4] or box.description == "Run the IT help desk"
    form.check_button.click()
    assert "Not yet" in form.feedback.value and "CIO" in form.feedback.value
    form.control[5].value = False
    form.control[4].value = True
    form.check_button.click()
    assert "Correct" in form.feedback.value
    form.hint_button.click()
    assert "Hint" in form.hint_area.value
    statuses = [e.status for e in ProgressStore(progress_file).events() if e.kind == "attempt"]
    assert statuses == ["not_attempted", "incorrect", "correct"]


def test_a_hint_appears_beneath_the_feedback_without_replacing_it(progress_file):
    form = ExerciseWidget(q3)
    form.control[0].value = True
    form.check_button.click()
    reason = form.feedback.value
    assert "Not yet" in reason and "still missing" in reason
    form.hint_button.click()
    assert form.feedback.value == reason
    assert "Five of the eight" in form.hint_area.value and "Hint" not in form.feedback.value
    children = form.widget.children
    assert children.index(form.hint_area) == children.index(form.feedback) + 1


def test_exercise_widget_for_a_choice_shows_labels(progress_file):
    form = ExerciseWidget(q1, labels=ROLE_OPTIONS)
    assert form.control.options[1][0].startswith("b) The executive")
    form.control.value = "b"
    form.check_button.click()
    assert "Correct" in form.feedback.value


def test_exercise_widget_for_a_number_and_a_mapping(progress_file):
    number = NumberExercise("t", "n", "x", expected=10, hints=["h"], solution="s")
    form = ExerciseWidget(number)
    form.control.value = 12
    form.check_button.click()
    assert "too high" in form.feedback.value
    mapping = MappingExercise(
        "t",
        "m",
        "y",
        correct={"a": "CAIO", "b": "CIO"},
        categories=("CAIO", "CIO"),
        hints=["h"],
        solution="s",
    )
    form = ExerciseWidget(mapping)
    assert [label for label, _value in form.control["a"].options] == ["(choose)", "CAIO", "CIO"]
    form.control["a"].value = "CAIO"
    assert form.answer() == {"a": "CAIO"}, "a dropdown left on (choose) names no category"
    form.control["b"].value = "CAIO"
    form.check_button.click()
    assert "1 of 2 right" in form.feedback.value


class _Size(Category):
    SMALL = "small_size", N_("small")
    LARGE = "large_size", N_("large")


def test_exercise_forms_show_options_in_the_language_in_use_and_answer_with_ids(progress_file, bracketed):
    choice = ChoiceExercise("t", "c", "z", options=_Size, correct=_Size.LARGE, hints=["h"], solution="s")
    form = ExerciseWidget(choice)
    assert form.control.options == (("[small]", _Size.SMALL), ("[large]", _Size.LARGE))
    form.control.value = _Size.LARGE
    form.check_button.click()
    assert "Correct" in form.feedback.value
    ticks = SetExercise("t", "s", "w", options=["red", "blue"], correct={"blue"}, hints=["h"], solution="s")
    form = ExerciseWidget(ticks)
    assert [box.description for box in form.control] == ["[red]", "[blue]"]
    form.control[1].value = True
    assert form.answer() == {"blue"}
    mapping = MappingExercise(
        "t", "m", "v", correct={"cat": "animal"}, categories=("animal",), hints=["h"], solution="s"
    )
    form = ExerciseWidget(mapping)
    assert form.control["cat"].description == "[cat]"
    assert form.control["cat"].options[1] == ("[animal]", "animal")


def lesson_rows(dashboard: ProgressDashboard) -> list[str]:
    """The rows of the dashboard's table of lessons, as HTML."""
    return dashboard.lessons.value.split("<tbody>")[1].split("<tr>")[1:]


def test_progress_dashboard_refreshes(progress_file):
    dashboard = ProgressDashboard()
    assert "aria-valuenow='0'" in lesson_rows(dashboard)[0]
    quiz = Quiz("00_start_here")
    quiz.questions[0].control.label = "'Not attempted', with what to do next"
    quiz.questions[0].check_button.click()
    dashboard.refresh_button.click()
    first = lesson_rows(dashboard)[0]
    assert "aria-valuenow='17'" in first and ">17%<" in first  # 1 of 3 exercises and 3 questions
    assert "1/3 quiz questions right" in first


def test_dashboard_lines_up_its_bars_and_keeps_each_status_on_one_line(progress_file, alignments):
    for status in ("incorrect", "error", "incorrect", "not_attempted"):
        ProgressStore(progress_file).record(Event("00_start_here", "attempt", "q1", status))
    dashboard = ProgressDashboard()
    rows = lesson_rows(dashboard)
    assert dashboard.lessons.value.count("<table") == 1 and len(rows) == len(dashboard.table)
    assert all("class='caio-bar'" in row.split("<td ")[2] for row in rows)  # the bar is the 2nd cell of each
    header, *cells = alignments(dashboard.lessons.value)
    assert header == ["left", "left", "right", "left"] and all(row == header for row in cells)
    assert all("white-space:nowrap" in row.split("<td ")[4].split(">")[0] for row in rows)
    assert "0/3 exercises passed, 3 attempts · 0/3 quiz questions right" in rows[0]
    assert rows[1].count("not opened yet") == 1 and "attempt" not in rows[1]
    assert ".caio-bar" in STYLESHEET


def test_dashboard_shows_a_damaged_file_instead_of_crashing(progress_file):
    progress_file.write_bytes(b"garbage" * 100)
    dashboard = ProgressDashboard()
    assert "damaged" in dashboard.notice.value
    assert "aria-valuenow='0'" in lesson_rows(dashboard)[0]


def test_dashboard_certificate_button_explains_what_is_missing(progress_file, tmp_path):
    dashboard = ProgressDashboard(certificate_path=tmp_path / "certificate.html")
    assert "Not earned yet" in dashboard.certificate_status.value
    dashboard.certificate_button.click()
    assert "Type the name" in dashboard.certificate_status.value
    dashboard.name.value = "Ada"
    dashboard.certificate_button.click()
    refusal = dashboard.certificate_status.value
    blockers = certificate_blockers(dashboard.table)
    assert "Not earned yet" in refusal and refusal.count("<li>") == len(blockers) > 1
    assert "; " not in refusal  # one item per line, not a run-on sentence
    assert not (tmp_path / "certificate.html").exists()


def test_dashboard_writes_the_certificate_once_earned(progress_file, tmp_path, monkeypatch):
    import caiokit.completion as completion
    from caiokit.curriculum import lessons

    monkeypatch.setattr(completion, "lessons", lambda: lessons().query("lesson == '00_start_here'"))
    for item in ("q1", "q2", "q3"):
        ProgressStore(progress_file).record(Event("00_start_here", "attempt", item, "correct"))
    dashboard = ProgressDashboard(certificate_path=tmp_path / "certificate.html")
    dashboard.name.value = "Ada Lovelace"
    dashboard.certificate_button.click()
    assert "Saved as" in dashboard.certificate_status.value
    assert "Ada Lovelace" in (tmp_path / "certificate.html").read_text(encoding="utf-8")


def test_a_tool_reads_as_a_sentence_where_widgets_cannot_be_drawn():
    quiz = Quiz("00_start_here")
    bundle = quiz.frame._repr_mimebundle_()
    assert bundle["text/plain"] == "Run this cell to use this quiz."
    assert "application/vnd.jupyter.widget-view+json" in bundle
    stylesheet, tool = quiz.frame.children
    assert stylesheet.value == STYLESHEET and tool is quiz.widget
    assert ROOT_CLASS in quiz.frame._dom_classes
    assert quiz.frame is quiz.frame  # built once, shown as often as asked


def test_text_in_html_widgets_has_a_text_line_height_not_a_control_height():
    """ipywidgets sets the text of an HTML widget to the height of a control, 28 px a line: double-spaced."""
    rules = dict(
        (selector.strip(), body) for selector, body in re.findall(r"([^{}]+)\{([^{}]*)\}", STYLESHEET)
    )
    body = rules[f".{ROOT_CLASS} .widget-html > .widget-html-content"]
    height = float(re.search(r"line-height:\s*([\d.]+)\s*;", body).group(1))  # unitless: times the font
    assert 1.2 <= height <= 1.5


def test_badge_colours_pick_the_readable_text_colour():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert text_on("#ffffff") == "#000000" and text_on("#000000") == "#ffffff"
    for colour in TIER_COLOURS.values():
        assert contrast(text_on(colour), colour) >= AA_CONTRAST, colour


# Markdown a widget label would show as typed: `code`, **bold**, *italic*, _italic_, [link](url), # title.
MARKDOWN = re.compile(r"`|\*\*|__|\[[^\]]*\]\(|(?<!\w)\*\S[^*]*\*|(?<!\w)_\S[^_]*_(?!\w)|^#+ ")


def option_texts(widget: widgets.Widget) -> list[str]:
    """The texts a learner reads on the options of every radio, checkbox and dropdown in a widget tree."""
    texts = []
    if isinstance(widget, widgets.RadioButtons | widgets.Dropdown):
        texts += [label for label, _ in widget._options_full] + [widget.description]
    elif isinstance(widget, widgets.Checkbox):
        texts.append(widget.description)
    for child in getattr(widget, "children", ()):
        texts += option_texts(child)
    return [text for text in texts if text]


def exercise_forms() -> list[ExerciseWidget]:
    """A widget for every exercise of the lessons that can be answered with one, with its option labels."""
    forms = []
    for module_info in pkgutil.iter_modules(caiokit.checks.__path__):
        module = importlib.import_module(f"caiokit.checks.{module_info.name}")
        tables = [value for value in vars(module).values() if isinstance(value, dict)]
        for exercise in vars(module).values():
            if isinstance(exercise, ChoiceExercise):
                labels = next((t for t in tables if set(t) == set(exercise.options)), None)
                forms.append(ExerciseWidget(exercise, labels=labels))
            elif isinstance(exercise, SetExercise | MappingExercise):
                forms.append(ExerciseWidget(exercise))
    return forms


def test_no_option_shown_in_a_widget_carries_markdown():
    """Radio buttons, checkboxes and dropdowns show their text as typed: Markdown there would show raw."""
    tools = [Quiz(name) for name in bank_names()] + exercise_forms()
    texts = [text for tool in tools for text in option_texts(tool.widget)]
    assert len(texts) > 300  # every bank and every widget exercise was read
    assert [text for text in texts if MARKDOWN.search(text)] == []
    assert MARKDOWN.search("The `check()` calls in the lessons")  # what lesson 00's quiz used to show


def test_the_frame_shows_the_not_connected_sentence_it_is_given(monkeypatch):
    from caiokit.widgets import layout

    assert f'content: "{layout.DISCONNECTED}"' in STYLESHEET
    monkeypatch.setattr(
        layout, "_", lambda message: "Pas de Python" if message == layout.DISCONNECTED else message
    )
    stylesheet = layout.ToolFrame(widgets.HTML(), "fallback").children[0].value
    assert 'content: "Pas de Python"' in stylesheet and layout.DISCONNECTED not in stylesheet
    assert stylesheet == layout.stylesheet("Pas de Python")


def test_the_certificate_is_written_to_a_file_named_in_the_language_in_use(monkeypatch):
    from caiokit.widgets import progress_dashboard

    assert ProgressDashboard().certificate_path.name == "caio_course_certificate.html"
    monkeypatch.setattr(progress_dashboard, "_", lambda message: message.replace("course", "cours"))
    assert ProgressDashboard().certificate_path.name == "caio_cours_certificate.html"
