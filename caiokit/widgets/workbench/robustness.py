"""The Robustness tab: how often each use case stays on top when the weights move a little."""

from __future__ import annotations

from collections.abc import Hashable, Mapping

import ipywidgets as widgets
import pandas as pd

from caiokit.charts import figure_output
from caiokit.charts.prioritization import stability_chart
from caiokit.errors import ScoringError
from caiokit.i18n import _, format_percent
from caiokit.sensitivity import SAFE_SHARE, Verdict, rank_stability, stability_verdicts
from caiokit.widgets.tool import inline_markdown

STABILITY_SAMPLES = 500
STABILITY_K = 10
STABILITY_BARS = 15


class RobustnessTab:
    """A button that runs the robustness check, its verdicts in a sentence, and the chart of the chances.

    ``stability`` is the last check's table, and ``key`` what the ranking was when it ran: the check is
    cleared when the ranking changes (see :meth:`clear_if_stale`).
    """

    def __init__(self) -> None:
        self.stability: pd.DataFrame | None = None
        self.stability_figure = None
        self.key: Hashable | None = None
        self.stability_button = widgets.Button(
            description=_("How robust is this ranking?"), icon="random", layout={"width": "260px"}
        )
        self.stability_message = widgets.HTML()
        self.stability_chart = widgets.Output()
        self.widget = widgets.VBox([self.stability_button, self.stability_message, self.stability_chart])

    def check(
        self,
        catalog: pd.DataFrame,
        method: str,
        weights: Mapping[str, float] | None,
        risk_adjust: bool,
        key: Hashable,
    ) -> None:
        """Run rank_stability on these weights and draw the chance of each use case staying on top."""
        if method != "weighted":
            self.stability_message.value = inline_markdown(
                _(
                    "The robustness check shakes the weights of the criteria, so it only works for the "
                    "**weighted** method. Choose 'Weighted criteria' in the Ranking tab, then click again."
                )
            )
            return
        try:
            self.stability = rank_stability(
                catalog, weights, k=STABILITY_K, n_samples=STABILITY_SAMPLES, risk_adjust=risk_adjust
            )
        except ScoringError as error:
            self.stability_message.value = inline_markdown(str(error))
            return
        self.key = key
        counts = stability_verdicts(self.stability)["verdict"].value_counts()
        self.stability_message.value = inline_markdown(
            _(
                "**{safe}** use cases stay in the top {k} in at least {share} of {samples} random draws of "
                "the weights (safe picks); **{fragile}** depend on the weights; the others rarely make it."
            ).format(
                safe=int(counts.get(Verdict.SAFE_PICK, 0)),
                fragile=int(counts.get(Verdict.DEPENDS_ON_WEIGHTS, 0)),
                k=STABILITY_K,
                share=format_percent(SAFE_SHARE),
                samples=STABILITY_SAMPLES,
            )
        )
        self.stability_figure = stability_chart(self.stability, top=STABILITY_BARS)
        self.stability_chart.outputs = (figure_output(self.stability_figure),)

    def current(self, key: Hashable) -> pd.DataFrame | None:
        """The last check's table if it was run on the ranking ``key`` describes, else None."""
        return self.stability if self.key == key else None

    def clear_if_stale(self, key: Hashable) -> None:
        """Forget the last check if the ranking changed since, and say so."""
        if self.stability is not None and self.key != key:
            self.stability = None
            self.stability_figure = None
            self.stability_chart.outputs = ()
            self.stability_message.value = inline_markdown(
                _("The ranking changed since the last check: click the button again.")
            )
