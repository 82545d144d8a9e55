"""The cost of a generative-AI service per month, against its use case's value, with its break-even."""

from __future__ import annotations

import dataclasses

import ipywidgets as widgets

from caiokit.charts import figure_output
from caiokit.charts.genai import cost_against_value
from caiokit.genai.cost import SHARES, Usage, monthly_cost, usage_of, use_case_break_even, use_case_usage
from caiokit.i18n import N_, _, format_eur, format_number
from caiokit.widgets.tool import Tool, inline_markdown

# Each usage figure a slider moves: (description, minimum, maximum, step).
_SLIDERS = {
    "requests_per_month": (N_("requests / month"), 0, 200_000, 1_000),
    "tokens_in": (N_("tokens in / request"), 0, 20_000, 100),
    "tokens_out": (N_("tokens out / request"), 0, 4_000, 50),
    "cached_share": (N_("cached input share"), 0.0, 1.0, 0.05),
    "small_share": (N_("share to the small model"), 0.0, 1.0, 0.05),
    "review_share": (N_("share reviewed by a person"), 0.0, 1.0, 0.01),
    "review_minutes": (N_("minutes per review"), 0.0, 15.0, 0.5),
}


class CostCalculator(Tool):
    """Move a service's usage and see its cost per month, by part, against its value, and its break-even."""

    title = N_("the generative-AI cost calculator")

    def __init__(self, use_case: str = "UC37"):
        self.use_case = widgets.Dropdown(
            options=list(use_case_usage().index), value=use_case, description=_("use case")
        )
        style = {"description_width": "180px"}
        self.sliders = {}
        for name, (label, low, high, step) in _SLIDERS.items():
            kind = widgets.FloatSlider if name in SHARES or isinstance(step, float) else widgets.IntSlider
            self.sliders[name] = kind(min=low, max=high, step=step, description=_(label), style=style)
        self.summary = widgets.HTML()
        self.chart = widgets.Output()
        self.cost = None
        self.result = None
        self.figure = None
        self._loading = False
        self.use_case.observe(lambda _change: self.load(), names="value")
        for slider in self.sliders.values():
            slider.observe(lambda _change: self.refresh(), names="value")
        self.widget = widgets.VBox(
            [
                widgets.HTML("<h4>{}</h4>".format(_("Cost of a generative-AI service"))),
                self.use_case,
                *self.sliders.values(),
                self.summary,
                self.chart,
            ]
        )
        self.load()

    def load(self) -> None:
        """Set the sliders to the chosen use case's assumed usage."""
        usage = usage_of(self.use_case.value)
        self._loading = True
        for name, slider in self.sliders.items():
            slider.value = getattr(usage, name)
        self._loading = False
        self.refresh()

    def usage(self) -> Usage:
        """The usage the sliders show, with the use case's hourly rate for reviewers."""
        values = {name: slider.value for name, slider in self.sliders.items()}
        return dataclasses.replace(usage_of(self.use_case.value), **values)

    def refresh(self) -> None:
        """Recompute the monthly cost, the value and the break-even."""
        if self._loading:
            return
        usage = self.usage()
        self.cost = monthly_cost(usage)
        self.result = use_case_break_even(self.use_case.value, usage)
        months = self.result.months
        payback = (
            _("never: the service costs more than it brings")
            if months is None
            else _("{months} months").format(months=format_number(months, 1))
        )
        self.summary.value = inline_markdown(
            _(
                "**Cost per month: {total}** (models {model}, human review {review}).\n"
                "Value per month: {value}; net {net}. One-off cost {one_off} earned back in: **{payback}**."
            ).format(
                total=format_eur(self.cost.total_eur),
                model=format_eur(self.cost.model_eur),
                review=format_eur(self.cost.review_eur),
                value=format_eur(self.result.value_per_month_eur),
                net=format_eur(self.result.net_per_month_eur),
                one_off=format_eur(self.result.one_off_eur),
                payback=payback,
            )
        )
        self.figure = cost_against_value(self.cost, self.result)
        self.chart.outputs = (figure_output(self.figure),)
