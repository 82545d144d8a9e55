"""The quiz widget: one block per question, immediate feedback, an explanation once answered right."""

from __future__ import annotations

import ipywidgets as widgets

from caiokit.i18n import N_, _
from caiokit.progress import tracker
from caiokit.quiz import Bank, Question, grade, load_bank
from caiokit.widgets.tool import Tool, inline_markdown

_NO_CHOICE = N_("(choose)")
# The value of a matching dropdown while no target is chosen: no id is empty.
_NOTHING = ""


class QuestionView:
    """The widgets of one question: the input control(s), a Check button and the feedback area.

    The controls show the choices' texts and hold their ids: ``control`` is the radio buttons (single), the
    checkboxes in the order of the options (multiple) or, per item id, a dropdown of targets (matching).
    """

    def __init__(self, question: Question, number: int, on_graded):
        self.question = question
        self._on_graded = on_graded
        self.correct = False
        if question.type == "single":
            self.control = widgets.RadioButtons(
                options=[(option.text, option.id) for option in question.options],
                value=None,
                layout={"width": "max-content"},
            )
            inputs = [self.control]
        elif question.type == "multiple":
            self.control = [
                widgets.Checkbox(description=option.text, value=False, indent=False)
                for option in question.options
            ]
            inputs = self.control
        else:
            choices = [(_(_NO_CHOICE), _NOTHING), *((target.text, target.id) for target in question.targets)]
            self.control = {
                item.id: widgets.Dropdown(
                    options=choices,
                    value=_NOTHING,
                    description=item.text,
                    style={"description_width": "initial"},
                )
                for item in question.items
            }
            inputs = list(self.control.values())
        self.check_button = widgets.Button(description=_("Check"), button_style="primary")
        self.check_button.on_click(lambda _: self.check())
        self.feedback = widgets.HTML()
        prompt = widgets.HTML(f"<b>{number}. {inline_markdown(question.prompt)}</b>")
        self.widget = widgets.VBox([prompt, *inputs, self.check_button, self.feedback])

    def response(self):
        """The learner's current response, in the form :func:`caiokit.quiz.grade` expects."""
        if self.question.type == "single":
            return self.control.value
        if self.question.type == "multiple":
            return {
                option.id
                for option, box in zip(self.question.options, self.control, strict=True)
                if box.value
            }
        return {item: box.value for item, box in self.control.items() if box.value != _NOTHING}

    def check(self) -> None:
        """Grade the current response, show the verdict, record it."""
        verdict = grade(self.question, self.response())
        mark = "✔" if verdict.correct else "✘"
        text = f"{mark} {inline_markdown(verdict.message)}"
        if verdict.correct:
            text += f"<br><i>{inline_markdown(verdict.explanation)}</i>"
        self.feedback.value = text
        if verdict.answered:
            self.correct = verdict.correct
            self._on_graded(self.question, verdict.correct)


class Quiz(Tool):
    """A quiz over one question bank, by name (``Quiz("00_start_here")``) or as a loaded :class:`Bank`."""

    title = N_("this quiz")

    def __init__(self, bank: str | Bank):
        self.bank = load_bank(bank) if isinstance(bank, str) else bank
        self.score = widgets.HTML()
        self.questions = [QuestionView(q, i + 1, self._graded) for i, q in enumerate(self.bank.questions)]
        self._update_score()
        heading = _("Quiz: {title}").format(title=inline_markdown(self.bank.title))
        title = widgets.HTML(f"<h4>{heading}</h4>")
        self.widget = widgets.VBox([title, *(view.widget for view in self.questions), self.score])

    def _graded(self, question: Question, correct: bool) -> None:
        tracker().record(self.bank.lesson, "quiz", question.id, "correct" if correct else "incorrect")
        self._update_score()

    def _update_score(self) -> None:
        right = sum(view.correct for view in self.questions)
        self.score.value = _("Score: {right} / {total} answered correctly.").format(
            right=right, total=len(self.questions)
        )
