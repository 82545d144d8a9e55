"""Plotly figures for the course's tools, one module per topic, and what those modules share.

A figure is shown as plain figure JSON (the ``plotly_mimetype`` renderer, mime type
``application/vnd.plotly.v1+json``): JupyterLab draws it with the jupyterlab-plotly extension that ships with
plotly, and a stored notebook holds no random element ids, so nbval can compare it. In an IPython kernel
(JupyterLab, Voila, VS Code, nbclient) ``plotly_mimetype`` is plotly's own default renderer, so a figure a
lesson displays needs no setting changed, and this package changes none; a figure inside a widget is rendered
by :func:`figure_output` with that renderer named explicitly.

Nothing here touches ``plotly.io.renderers``: the registry imports nbformat, hence jsonschema and its format
checkers, about two seconds of CPU, which plotly pays when a lesson first displays a figure, not before.
"""

from plotly.io.base_renderers import PlotlyRenderer

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
    bundle = PlotlyRenderer().to_mimebundle(figure.to_dict())
    return {"output_type": "display_data", "data": bundle, "metadata": {}}
