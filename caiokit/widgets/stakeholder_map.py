"""The stakeholder map: edit a list of stakeholders with sliders and see the grid and the advice."""

from __future__ import annotations

import html

import ipywidgets as widgets
import pandas as pd

from caiokit.charts import figure_output
from caiokit.charts.change import stakeholder_grid
from caiokit.errors import CaioKitError
from caiokit.stakeholders import SCORE_RANGE, STANCES, engagement_order, place_stakeholders
from caiokit.widgets.tool import Tool, inline_markdown

_NEW_DEFAULTS = {"influence": 3, "interest": 3, "stance": 0}


class SharedLook:
    """One Layout and one Style per kind of control, shared by every row of a map.

    ipywidgets gives each control its own Layout and Style models unless told otherwise; a map of ten
    stakeholders would store some 150 of them in the lesson. Sharing them keeps the stored widget state
    small, which is what lets JupyterLab draw a lesson's tools quickly on opening.
    """

    def __init__(self):
        self.name = widgets.Layout(width="260px")
        self.slider = widgets.SliderStyle(description_width="initial")
        self.button = widgets.Layout(width="auto")
        self.sliders_row = widgets.Layout(flex_flow="row wrap", margin="0 0 8px 16px")


class StakeholderRow:
    """The controls of one stakeholder: the name and a Remove button, then three sliders beneath."""

    def __init__(self, name: str, influence: int, interest: int, stance: int, on_change, on_remove, look):
        self.name = widgets.Text(value=name, continuous_update=False, placeholder="name", layout=look.name)
        self.influence = widgets.IntSlider(
            value=influence,
            min=SCORE_RANGE[0],
            max=SCORE_RANGE[1],
            description="influence",
            style=look.slider,
        )
        self.interest = widgets.IntSlider(
            value=interest,
            min=SCORE_RANGE[0],
            max=SCORE_RANGE[1],
            description="interest",
            style=look.slider,
        )
        self.stance = widgets.SelectionSlider(
            options=[(f"{value:+d} {label}".replace("+0", "0"), value) for value, label in STANCES.items()],
            value=stance,
            description="stance",
            style=look.slider,
        )
        self.remove_button = widgets.Button(
            description="Remove", icon="trash", tooltip=f"Remove {name}", layout=look.button
        )
        self.remove_button.on_click(lambda _: on_remove(self))
        for control in (self.name, self.influence, self.interest, self.stance):
            control.observe(lambda _: on_change(), names="value")
        sliders = widgets.HBox([self.influence, self.interest, self.stance], layout=look.sliders_row)
        self.widget = widgets.VBox([widgets.HBox([self.name, self.remove_button]), sliders])

    def values(self) -> dict:
        """This row as a record of the stakeholder table."""
        return {
            "name": self.name.value,
            "influence": self.influence.value,
            "interest": self.interest.value,
            "stance": self.stance.value,
        }


class StakeholderMap(Tool):
    """An editable list of stakeholders, their influence x interest grid, and advice for each."""

    title = "the stakeholder map"

    def __init__(self, stakeholders: pd.DataFrame | None = None):
        self.rows: list[StakeholderRow] = []
        self._look = SharedLook()
        self.rows_box = widgets.VBox()
        self.new_name = widgets.Text(
            placeholder="new stakeholder, e.g. Head of logistics", layout={"width": "260px"}
        )
        self.add_button = widgets.Button(description="Add", icon="plus")
        self.add_button.on_click(lambda _: self.add())
        self.message = widgets.HTML()
        self.chart = widgets.Output()
        self.advice = widgets.HTML()
        self.placed: pd.DataFrame | None = None
        self.figure = None
        self._quiet = True
        start = pd.DataFrame() if stakeholders is None else place_stakeholders(stakeholders)
        for record in start.to_dict("records"):
            self._append(
                str(record["name"]), int(record["influence"]), int(record["interest"]), int(record["stance"])
            )
        self._quiet = False
        self.widget = widgets.VBox(
            [
                widgets.HTML("<h4>Stakeholder map</h4>"),
                self.rows_box,
                widgets.HBox([self.new_name, self.add_button]),
                self.message,
                self.chart,
                self.advice,
            ]
        )
        self.refresh()

    def _append(self, name: str, influence: int, interest: int, stance: int) -> None:
        row = StakeholderRow(name, influence, interest, stance, self.refresh, self.remove, self._look)
        self.rows.append(row)
        self.rows_box.children = [r.widget for r in self.rows]

    def add(self) -> None:
        """Add the stakeholder typed in the Add box, with middle scores to adjust."""
        name = self.new_name.value.strip()
        if not name:
            self.message.value = "<i>Type a name next to the Add button first.</i>"
            return
        self._append(name, **_NEW_DEFAULTS)
        self.new_name.value = ""
        self.refresh()

    def remove(self, row: StakeholderRow) -> None:
        """Take one stakeholder off the list."""
        self.rows.remove(row)
        self.rows_box.children = [r.widget for r in self.rows]
        self.refresh()

    def table(self) -> pd.DataFrame:
        """The stakeholders as currently edited: name, influence, interest, stance."""
        return pd.DataFrame(
            [row.values() for row in self.rows], columns=["name", "influence", "interest", "stance"]
        )

    def refresh(self) -> None:
        """Place the stakeholders again and redraw the grid and the advice."""
        if self._quiet:
            return
        self.chart.outputs = ()
        if not self.rows:
            self.placed, self.figure = None, None
            self.message.value = "<i>The list is empty: add a stakeholder.</i>"
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


def _advice_html(placed: pd.DataFrame) -> str:
    blocks = []
    ordered = engagement_order(placed)
    for name, group in ordered.groupby("quadrant", sort=False):
        people = "".join(
            f"<li><b>{html.escape(row.name)}</b> (<i>{html.escape(row.stance_label)}</i>): "
            f"{html.escape(row.stance_advice)}</li>"
            for row in group.itertuples(index=False)
        )
        blocks.append(
            f"<p><b>{html.escape(name.capitalize())}</b>: {html.escape(group['advice'].iloc[0])}</p>"
            f"<ul>{people}</ul>"
        )
    return "".join(blocks)
