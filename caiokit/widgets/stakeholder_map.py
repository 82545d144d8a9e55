"""The stakeholder map: pick a stakeholder, set their scores, and see everyone on the grid with advice."""

from __future__ import annotations

import html

import ipywidgets as widgets
import pandas as pd

from caiokit.charts import figure_output
from caiokit.charts.change import stakeholder_grid
from caiokit.errors import CaioKitError
from caiokit.i18n import N_, _, labelled, text
from caiokit.stakeholders import SCORE_RANGE, STANCES, engagement_order, place_stakeholders
from caiokit.widgets.tool import Tool, inline_markdown

COLUMNS = ("name", "influence", "interest", "stance")
_NEW_DEFAULTS = {"influence": 3, "interest": 3, "stance": 0}
# The tool's words, translated where they are shown (``_(_TEXT[key])``).
_TEXT = {
    "heading": N_("Stakeholder map"),
    "chooser": N_("Stakeholder"),
    "name": N_("Name"),
    "influence": N_("influence"),
    "interest": N_("interest"),
    "stance": N_("stance"),
    "remove": N_("Remove"),
    "remove_tip": N_("Take the chosen stakeholder off the map"),
    "new_name": N_("new stakeholder, e.g. Head of logistics"),
    "add": N_("Add"),
    "type_a_name": N_("Type a name next to the Add button first."),
    "empty": N_("The list is empty: add a stakeholder."),
    "no_name": N_("(no name)"),
    "table_head": (N_("Stakeholder"), N_("Influence"), N_("Interest"), N_("Stance")),
}


def _stance(value: int) -> str:
    """A stance as the slider and the table show it: '-1 sceptic', '0 neutral', '+2 champion'."""
    return f"{value:+d} {_(STANCES[value])}".replace("+0", "0")


def _stance_options() -> list[tuple[str, int]]:
    return [(_stance(value), value) for value in STANCES]


class StakeholderMap(Tool):
    """A list of stakeholders edited one at a time, their influence x interest grid, and advice for each.

    One set of controls edits the stakeholder chosen in the list, and a table shows everyone's scores: a
    lesson's map of ten people stays a handful of widgets, which JupyterLab draws at once on opening.
    """

    title = N_("the stakeholder map")

    def __init__(self, stakeholders: pd.DataFrame | None = None):
        start = pd.DataFrame(columns=COLUMNS) if stakeholders is None else place_stakeholders(stakeholders)
        self.people: list[dict] = [
            {"name": str(r["name"]), **{c: int(r[c]) for c in COLUMNS[1:]}} for r in start.to_dict("records")
        ]
        self.placed: pd.DataFrame | None = None
        self.figure = None
        self._loading = False
        slider = {"min": SCORE_RANGE[0], "max": SCORE_RANGE[1]}
        self.chooser = widgets.Dropdown(description=text(_TEXT["chooser"]))
        self.name = widgets.Text(description=text(_TEXT["name"]), continuous_update=False)
        self.influence = widgets.IntSlider(description=text(_TEXT["influence"]), **slider)
        self.interest = widgets.IntSlider(description=text(_TEXT["interest"]), **slider)
        self.stance = widgets.SelectionSlider(
            options=_stance_options(), value=0, description=text(_TEXT["stance"])
        )
        self.remove_button = widgets.Button(
            description=text(_TEXT["remove"]), icon="trash", tooltip=text(_TEXT["remove_tip"])
        )
        self.remove_button.on_click(lambda _click: self.remove())
        self.new_name = widgets.Text(placeholder=text(_TEXT["new_name"]), layout={"width": "260px"})
        self.add_button = widgets.Button(description=text(_TEXT["add"]), icon="plus")
        self.add_button.on_click(lambda _click: self.add())
        self.scores = widgets.HTML()
        self.message = widgets.HTML()
        self.chart = widgets.Output()
        self.advice = widgets.HTML()
        self.chooser.observe(lambda _change: self._load_chosen(), names="value")
        for control in (self.name, self.influence, self.interest, self.stance):
            control.observe(lambda _change: self._edit_chosen(), names="value")
        self.widget = widgets.VBox(
            [
                widgets.HTML("<h4>{}</h4>".format(text(_TEXT["heading"]))),
                widgets.HBox([self.chooser, self.remove_button]),
                self.name,
                widgets.HBox([self.influence, self.interest, self.stance], layout={"flex_flow": "row wrap"}),
                widgets.HBox([self.new_name, self.add_button]),
                self.message,
                self.scores,
                self.chart,
                self.advice,
            ]
        )
        self._list(0)

    def _list(self, chosen: int | None) -> None:
        """Fill the list of stakeholders, choose one by position, and redraw."""
        self._loading = True
        self.chooser.options = [
            (person["name"] or text(_TEXT["no_name"]), i) for i, person in enumerate(self.people)
        ]
        self.chooser.value = chosen if self.people else None
        self._loading = False
        self._load_chosen()

    def _load_chosen(self) -> None:
        """Show the chosen stakeholder's name and scores in the controls; redraw the map."""
        if self._loading:
            return
        person = self.chosen()
        for control in (self.name, self.influence, self.interest, self.stance, self.remove_button):
            control.disabled = person is None
        if person is not None:
            self._loading = True
            for column in COLUMNS:
                getattr(self, column).value = person[column]
            self._loading = False
        self.refresh()

    def _edit_chosen(self) -> None:
        """Copy the controls into the chosen stakeholder; a new name also renames them in the list."""
        person = self.chosen()
        if self._loading or person is None:
            return
        renamed = person["name"] != self.name.value
        person.update({column: getattr(self, column).value for column in COLUMNS})
        if renamed:
            self._list(self.chooser.value)
        else:
            self.refresh()

    def chosen(self) -> dict | None:
        """The stakeholder the controls edit, or None when the list is empty."""
        return None if self.chooser.value is None else self.people[self.chooser.value]

    def choose(self, name: str) -> None:
        """Edit the stakeholder of this name."""
        names = [person["name"] for person in self.people]
        if name not in names:
            raise KeyError(
                _("no stakeholder named {name}; the map has: {names}").format(
                    name=repr(name), names=", ".join(names)
                )
            )
        self.chooser.value = names.index(name)

    def add(self) -> None:
        """Add the stakeholder typed in the Add box, with middle scores to adjust, and choose them."""
        name = self.new_name.value.strip()
        if not name:
            self.message.value = "<i>{}</i>".format(text(_TEXT["type_a_name"]))
            return
        self.people.append({"name": name, **_NEW_DEFAULTS})
        self.new_name.value = ""
        self._list(len(self.people) - 1)

    def remove(self) -> None:
        """Take the chosen stakeholder off the list and choose the next one."""
        if self.chooser.value is None:
            return
        index = self.chooser.value
        del self.people[index]
        self._list(min(index, len(self.people) - 1) if self.people else None)

    def table(self) -> pd.DataFrame:
        """The stakeholders as currently edited: name, influence, interest, stance."""
        return pd.DataFrame(self.people, columns=list(COLUMNS))

    def refresh(self) -> None:
        """Place the stakeholders again and redraw the scores, the grid and the advice."""
        self.chart.outputs = ()
        self.scores.value = _scores_html(self.people, self.chooser.value)
        if not self.people:
            self.placed, self.figure = None, None
            self.message.value = "<i>{}</i>".format(text(_TEXT["empty"]))
            self.advice.value = ""
            return
        try:
            self.placed = place_stakeholders(self.table())
        except CaioKitError as error:
            self.placed, self.figure = None, None
            self.message.value = f"⚠ {inline_markdown(str(error))}"
            self.advice.value = ""
            return
        self.message.value = ""
        self.figure = stakeholder_grid(self.placed)
        self.chart.outputs = (figure_output(self.figure),)
        self.advice.value = _advice_html(self.placed)


def _scores_html(people: list[dict], chosen: int | None) -> str:
    """Everyone's scores in one table, the chosen stakeholder's row highlighted."""
    if not people:
        return ""
    head = "".join(
        f"<th style='padding:2px 8px;text-align:left'>{html.escape(_(label))}</th>"
        for label in _TEXT["table_head"]
    )
    rows = []
    for index, person in enumerate(people):
        cells = [html.escape(person["name"]), str(person["influence"]), str(person["interest"])]
        cells.append(html.escape(_stance(person["stance"])))
        klass = " class='caio-selected'" if index == chosen else ""
        rows.append(
            f"<tr{klass}>" + "".join(f"<td style='padding:2px 8px'>{c}</td>" for c in cells) + "</tr>"
        )
    return (
        f"<table class='caio-table' style='border-collapse:collapse'><thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _advice_html(placed: pd.DataFrame) -> str:
    blocks = []
    ordered = engagement_order(placed)
    for _place, group in ordered.groupby("quadrant_id", sort=False):
        name = group["quadrant"].iloc[0]
        people = "".join(
            f"<li><b>{html.escape(row.name)}</b> (<i>{html.escape(row.stance_label)}</i>): "
            f"{html.escape(row.stance_advice)}</li>"
            for row in group.itertuples(index=False)
        )
        blocks.append(
            f"<p>{labelled(f'<b>{html.escape(name.capitalize())}</b>', html.escape(group['advice'].iloc[0]))}</p>"
            f"<ul>{people}</ul>"
        )
    return "".join(blocks)
