"""The widgets driven without a browser: set values, click, read the feedback."""

from __future__ import annotations

import pytest

from caiokit.charts import TIER_COLOURS
from caiokit.checks.start_here import MISSION_OPTIONS, ROLE_OPTIONS, q1, q3
from caiokit.exercises import MappingExercise, NumberExercise
from caiokit.progress import Event, ProgressStore
from caiokit.widgets import ExerciseWidget, ProgressDashboard, Quiz
from caiokit.widgets.layout import AA_CONTRAST, ROOT_CLASS, STYLESHEET, contrast, text_on


def test_quiz_widget_gives_feedback_and_records_answers(progress_file):
    quiz = Quiz("00_start_here")
    single, multiple, matching = quiz.questions

    single.check_button.click()
    assert "Pick an option first" in single.feedback.value
    single.control.value = "The expected answer"
    single.check_button.click()
    assert "✘" in single.feedback.value and "never reveal" in single.feedback.value
    single.control.value = "'Not attempted', with what to do next"
    single.check_button.click()
    assert "✔" in single.feedback.value and "<i>" in single.feedback.value

    for box in multiple.control:
        box.value = "autograded" in box.description or "written answers" in box.description
    multiple.check_button.click()
    assert "✔" in multiple.feedback.value

    matching.control["Fetch"].value = "Download the assignment into your folder"
    matching.control["Submit"].value = "Run every test cell to see what still fails"
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
    assert "Hint" in form.feedback.value
    statuses = [e.status for e in ProgressStore(progress_file).events() if e.kind == "attempt"]
    assert statuses == ["not_attempted", "incorrect", "correct"]


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
    form.control["a"].value = "CAIO"
    form.control["b"].value = "CAIO"
    form.check_button.click()
    assert "1 of 2 right" in form.feedback.value


def test_progress_dashboard_refreshes(progress_file):
    dashboard = ProgressDashboard()
    bar = dashboard.rows.children[0].children[1]
    assert bar.value == 0.0
    quiz = Quiz("00_start_here")
    quiz.questions[0].control.value = "'Not attempted', with what to do next"
    quiz.questions[0].check_button.click()
    dashboard.refresh_button.click()
    assert dashboard.rows.children[0].children[1].value == 1 / 6
    assert "1/3 quiz questions right" in dashboard.rows.children[0].children[2].value


def test_dashboard_shows_a_damaged_file_instead_of_crashing(progress_file):
    progress_file.write_bytes(b"garbage" * 100)
    dashboard = ProgressDashboard()
    assert "damaged" in dashboard.notice.value
    assert dashboard.rows.children[0].children[1].value == 0.0


def test_dashboard_certificate_button_explains_what_is_missing(progress_file, tmp_path):
    dashboard = ProgressDashboard(certificate_path=tmp_path / "certificate.html")
    assert "Not earned yet" in dashboard.certificate_status.value
    dashboard.name.value = "Ada"
    dashboard.certificate_button.click()
    assert "not earned yet" in dashboard.certificate_status.value
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


def test_badge_colours_pick_the_readable_text_colour():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert text_on("#ffffff") == "#000000" and text_on("#000000") == "#ffffff"
    for colour in TIER_COLOURS.values():
        assert contrast(text_on(colour), colour) >= AA_CONTRAST, colour
