"""Plotly figures for the course's tools, one module per topic; importing this package sets the renderer.

Figures are shown with the ``plotly_mimetype`` renderer only: JupyterLab draws them with the
jupyterlab-plotly extension that ships with plotly, and a stored notebook holds plain figure JSON with no
random element ids, so nbval can compare it.
"""

import plotly.io as pio

pio.renderers.default = "plotly_mimetype"

# One colour per EU AI Act tier, used by every chart that shows tiers.
TIER_COLOURS = {
    "prohibited": "#7f0000",
    "high": "#d7301f",
    "transparency": "#fc8d59",
    "minimal": "#4d9221",
}


def figure_output(figure) -> dict:
    """A figure as one notebook output, to assign to an ``ipywidgets.Output``'s ``outputs``.

    Assigning ``outputs`` rather than ``with output: figure.show()`` keeps the figure inside the widget even
    when no front end routes the messages (nbval, tests), so a stored notebook replays identically.
    """
    bundle = pio.renderers["plotly_mimetype"].to_mimebundle(figure.to_dict())
    return {"output_type": "display_data", "data": bundle, "metadata": {}}
