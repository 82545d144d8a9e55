"""Answer a judgment exercise with widgets instead of code: pick, tick or type, then Check."""

from __future__ import annotations

from collections.abc import Mapping

import ipywidgets as widgets

from caiokit.exercises import (
    ChoiceExercise,
    Exercise,
    MappingExercise,
    NumberExercise,
    SetExercise,
    shown_text,
)
from caiokit.i18n import N_, _
from caiokit.widgets.tool import Tool, inline_markdown

_NO_CHOICE = N_("(choose)")
# The value of a dropdown left on "(choose)": no category is named so.
_NOTHING = ""


class ExerciseWidget(Tool):
    """A form for a choice, set, number or mapping exercise, checked by the exercise's own rules."""

    title = N_("this exercise")

    def __init__(self, exercise: Exercise, labels: Mapping[str, str] | None = None):
        self.exercise = exercise
        labels = dict(labels or {})
        if isinstance(exercise, ChoiceExercise):
            options = [(f"{o}) {labels[o]}" if o in labels else shown_text(o), o) for o in exercise.options]
            self.control = widgets.RadioButtons(options=options, value=None, layout={"width": "max-content"})
            inputs = [self.control]
        elif isinstance(exercise, SetExercise):
            self.control = [
                widgets.Checkbox(description=shown_text(o), value=False, indent=False)
                for o in exercise.options
            ]
            inputs = self.control
        elif isinstance(exercise, NumberExercise):
            self.control = widgets.FloatText(value=None, description=_("Answer:"))
            inputs = [self.control]
        elif isinstance(exercise, MappingExercise):
            self.control = {
                item: widgets.Dropdown(
                    options=(
                        (_(_NO_CHOICE), _NOTHING),
                        *((shown_text(category), category) for category in exercise.categories),
                    ),
                    value=_NOTHING,
                    description=exercise.item_text(item),
                    style={"description_width": "initial"},
                    layout={"width": "max-content"},
                )
                for item in exercise.correct
            }
            inputs = list(self.control.values())
        else:
            raise TypeError(f"{type(exercise).__name__} is answered in code, not with a widget.")
        self.check_button = widgets.Button(description=_("Check"), button_style="primary")
        self.hint_button = widgets.Button(description=_("Hint"))
        self.feedback = widgets.HTML()
        self.feedback.add_class("caio-feedback")
        self.hint_area = widgets.HTML()
        self.hint_area.add_class("caio-hint")
        self.check_button.on_click(lambda _button: self.check())
        self.hint_button.on_click(lambda _button: self._show_hint())
        buttons = widgets.HBox([self.check_button, self.hint_button])
        self.widget = widgets.VBox([*inputs, buttons, self.feedback, self.hint_area])

    def answer(self):
        """The answer as the exercise expects it; ``...`` when nothing is chosen yet."""
        if isinstance(self.control, widgets.RadioButtons):
            return self.control.value if self.control.value is not None else ...
        if isinstance(self.control, list):
            ticked = (o for o, box in zip(self.exercise.options, self.control, strict=True) if box.value)
            return set(ticked) or ...
        if isinstance(self.control, widgets.FloatText):
            return self.control.value if self.control.value is not None else ...
        chosen = {item: box.value for item, box in self.control.items() if box.value != _NOTHING}
        return chosen or ...

    def check(self) -> None:
        """Judge the current answer, record it and show the feedback."""
        feedback = self.exercise.record(self.exercise.evaluate(self.answer()))
        self.feedback.value = inline_markdown(feedback._repr_markdown_())

    def _show_hint(self) -> None:
        """Show the next hint beneath the feedback, which stays: the reason an answer is wrong is not lost."""
        self.hint_area.value = inline_markdown(self.exercise.hint()._repr_markdown_())
