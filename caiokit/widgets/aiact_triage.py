"""The EU AI Act triage as a form: answer the questions, read the tier, the reasons, the duties and the dates."""

from __future__ import annotations

import html
from collections.abc import Mapping

import ipywidgets as widgets

from caiokit.aiact import NONE, TriageResult, default_answers, example_names, examples, questions, triage
from caiokit.charts import TIER_COLOURS
from caiokit.i18n import N_, text
from caiokit.widgets.layout import text_on
from caiokit.widgets.tool import Tool, inline_markdown

_FROM_SCRATCH = ""  # the example dropdown's value when the learner answers the questions themselves
_WIDE = {"width": "95%"}
_PROHIBITED_KEY = "prohibited_practice"
_BADGE = (
    '<div style="background:{colour};color:{text};padding:6px 10px;border-radius:4px;font-weight:bold">'
    "{tier}</div>"
)
_TEXT = {
    "title": N_("the AI Act triage"),
    "heading": N_("EU AI Act triage"),
    "from_scratch": N_("(answer the questions yourself)"),
    "yes": N_("Yes"),
    "example": N_("Alvera example:"),
    "include_proposed": N_("Also show proposed dates (amendments not yet law, if any)"),
    "reset": N_("Reset"),
    # Shown under a prohibited tier, which no other answer can change: the count moves with each change,
    # so the learner sees that the form was read again.
    "decided": N_(
        "Re-evaluated with {count} other answer(s) changed from the defaults{proposed}: the "
        "prohibited practice decides the tier, whatever the other answers say."
    ),
    "with_proposed": N_(", proposed dates included"),
    "tier": N_("Tier: {tier}"),
    "why": N_("Why"),
    "duties": N_("What the {role} must do"),
    "dates": N_("Key dates"),
}


class AIActTriage(Tool):
    """One control per question of :func:`caiokit.aiact.questions`; the result updates on every change."""

    title = _TEXT["title"]

    def __init__(self, answers: Mapping[str, bool | str] | None = None, include_proposed: bool = False):
        self.controls: dict[str, widgets.Checkbox | widgets.Dropdown] = {}
        rows = []
        for number, question in enumerate(questions(), start=1):
            prompt = widgets.HTML(f"<b>{number}.</b> {html.escape(question.text)}", layout=_WIDE)
            if question.kind == "bool":
                control = widgets.Checkbox(
                    value=question.default, description=text(_TEXT["yes"]), indent=False
                )
            else:
                control = widgets.Dropdown(
                    options=[(label, option_id) for option_id, label in question.options],
                    value=question.default,
                    layout=_WIDE,
                )
            self.controls[question.key] = control
            rows.append(widgets.VBox([prompt, control]))
        self.example = widgets.Dropdown(
            options=[
                (text(_TEXT["from_scratch"]), _FROM_SCRATCH),
                *((f"{catalog_id} {name}", catalog_id) for catalog_id, name in example_names().items()),
            ],
            value=_FROM_SCRATCH,
            description=text(_TEXT["example"]),
            style={"description_width": "initial"},
            layout=_WIDE,
        )
        self.include_proposed = widgets.Checkbox(
            value=include_proposed,
            description=text(_TEXT["include_proposed"]),
            indent=False,
            layout=_WIDE,
        )
        self.reset_button = widgets.Button(description=text(_TEXT["reset"]), icon="undo")
        self.output = widgets.HTML()
        self.result: TriageResult | None = None
        self._loading = False

        self.example.observe(lambda _: self._load_example(), names="value")
        self.reset_button.on_click(lambda _: self.reset())
        for control in [*self.controls.values(), self.include_proposed]:
            control.observe(lambda _: self.update(), names="value")

        form = widgets.VBox(rows, layout={"width": "50%"})
        result = widgets.VBox([self.include_proposed, self.output], layout={"width": "50%"})
        self.widget = widgets.VBox(
            [
                widgets.HTML(f"<h4>{text(_TEXT['heading'])}</h4>"),
                widgets.HBox([self.example, self.reset_button]),
                widgets.HBox([form, result]),
            ]
        )
        self.set_answers({**default_answers(), **dict(answers or {})})

    def answers(self) -> dict[str, bool | str]:
        """The answers as the form holds them now, ready for :func:`caiokit.aiact.triage`."""
        return {key: control.value for key, control in self.controls.items()}

    def set_answers(self, answers: Mapping[str, bool | str]) -> None:
        """Fill the form (keys not given keep their current value), then classify once."""
        triage(answers)  # raises AnswerError, with a clear message, before anything changes
        self._loading = True
        try:
            for key, value in answers.items():
                self.controls[key].value = value
        finally:
            self._loading = False
        self.update()

    def reset(self) -> None:
        """Back to the defaults: a deployer of a system that triggers nothing."""
        self.example.value = _FROM_SCRATCH
        self.set_answers(default_answers())

    def _load_example(self) -> None:
        if self.example.value != _FROM_SCRATCH:
            self.set_answers({**default_answers(), **examples()[self.example.value]})

    def update(self) -> None:
        """Classify the current answers and show tier, reasons, duties and key dates."""
        if self._loading:
            return
        answers = self.answers()
        self.result = triage(answers, include_proposed=self.include_proposed.value)
        note = ""
        if answers[_PROHIBITED_KEY] != NONE:
            defaults = default_answers()
            changed = sum(value != defaults[key] for key, value in answers.items() if key != _PROHIBITED_KEY)
            proposed = text(_TEXT["with_proposed"]) if self.include_proposed.value else ""
            note = text(_TEXT["decided"]).format(count=changed, proposed=proposed)
        self.output.value = render(self.result, note)


def render(result: TriageResult, note: str = "") -> str:
    """A triage result as HTML: the tier badge, an optional note, the reasons, duties per role and dates."""
    colour = TIER_COLOURS[result.tier]
    parts = [
        _BADGE.format(
            colour=colour,
            text=text_on(colour),
            tier=html.escape(text(_TEXT["tier"]).format(tier=result.tier_label)),
        ),
        f"<p class='caio-triage-note'><i>{inline_markdown(note)}</i></p>" if note else "",
        f"<b>{text(_TEXT['why'])}</b><ul>"
        + "".join(f"<li>{inline_markdown(r)}</li>" for r in result.reasons)
        + "</ul>",
    ]
    for role, duties in result.obligations.items():
        items = "".join(f"<li>{inline_markdown(d)}</li>" for d in duties)
        title = text(_TEXT["duties"]).format(role=role.label)
        parts.append(f"<b>{html.escape(title)}</b><ul>{items}</ul>")
    dates = "".join(f"<li>{inline_markdown(str(d))}</li>" for d in result.key_dates)
    parts.append(f"<b>{text(_TEXT['dates'])}</b><ul>{dates}</ul>")
    return "".join(parts)
