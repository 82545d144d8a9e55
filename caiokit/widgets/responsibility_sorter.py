"""The responsibility sorter: give each responsibility to the CAIO, CIO, CTO or CDO, then Check."""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

from caiokit.i18n import N_, _, labelled, text
from caiokit.roles import ROLES, load_responsibilities, score, sort_feedback
from caiokit.widgets.tool import Tool, inline_markdown

_NO_CHOICE = N_("(choose)")
_TEXT = {
    "heading": N_("Who owns it?"),
    "choose": N_("choose a role"),
    "score": N_("Score: {right} / {count}"),
    "unsorted": N_("({count} not sorted yet)"),
}


class ResponsibilitySorter(Tool):
    """One dropdown per responsibility; Check marks each item ✔ or ✘ with a reason, and gives a score."""

    title = N_("the responsibility sorter")

    def __init__(self, table: pd.DataFrame | None = None):
        self.table = load_responsibilities() if table is None else table
        self.items = list(self.table["responsibility"])
        self.no_choice = _(_NO_CHOICE)
        self.dropdowns = {
            item: widgets.Dropdown(
                options=(self.no_choice, *ROLES), value=self.no_choice, layout={"width": "110px"}
            )
            for item in self.items
        }
        self.marks = {item: widgets.HTML() for item in self.items}
        self.check_button = widgets.Button(description=_("Check"), button_style="primary")
        self.reset_button = widgets.Button(description=_("Start again"))
        self.check_button.on_click(lambda _: self.check())
        self.reset_button.on_click(lambda _: self.reset())
        self.score = widgets.HTML()
        legend = "".join(
            f"<li>{labelled(f'<b>{code}</b>, {inline_markdown(role.title)}', inline_markdown(role.description))}</li>"
            for code, role in ROLES.items()
        )
        rows = [
            widgets.VBox(
                [
                    widgets.HBox(
                        [
                            self.dropdowns[item],
                            widgets.HTML(f"{number}. {inline_markdown(item)}", layout={"width": "640px"}),
                        ]
                    ),
                    self.marks[item],
                ]
            )
            for number, item in enumerate(self.items, start=1)
        ]
        self.widget = widgets.VBox(
            [
                widgets.HTML(f"<h4>{text(_TEXT['heading'])}</h4><ul>{legend}</ul>"),
                *rows,
                widgets.HBox([self.check_button, self.reset_button]),
                self.score,
            ]
        )

    def assignment(self) -> dict[str, str]:
        """The learner's current sorting: responsibility -> role code, for the items given a role."""
        return {item: box.value for item, box in self.dropdowns.items() if box.value != self.no_choice}

    def check(self) -> None:
        """Judge every sorted item, show ✔/✘ and a reason next to each, and the score."""
        feedback = {item.responsibility: item for item in sort_feedback(self.assignment(), self.table)}
        for item, mark in self.marks.items():
            verdict = feedback.get(item)
            mark.value = (
                f"&emsp;✎ <i>{text(_TEXT['choose'])}</i>"
                if verdict is None
                else f"&emsp;{verdict.mark} {inline_markdown(verdict.message)}"
            )
        unsorted = len(self.items) - len(feedback)
        scored = f"<b>{text(_TEXT['score']).format(right=score(list(feedback.values())), count=len(self.items))}</b>"
        if unsorted:
            scored += " " + text(_TEXT["unsorted"]).format(count=unsorted)
        self.score.value = scored

    def reset(self) -> None:
        """Clear every choice and every mark."""
        for box in self.dropdowns.values():
            box.value = self.no_choice
        for mark in self.marks.values():
            mark.value = ""
        self.score.value = ""
