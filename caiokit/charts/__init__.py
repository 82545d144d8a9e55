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
