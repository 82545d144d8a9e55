"""One look for every tool: long labels wrap, controls keep a usable size, colours follow the theme.

ipywidgets sizes its controls for short English labels: radio and checkbox options are cut at about 300 px
with an ellipsis, a dropdown with a long description shrinks to a few pixels, a slider beside a long label
keeps a track of 30 px. Rather than tune each tool, every tool is drawn inside a frame that carries the class
``caio-tool`` and one stylesheet, scoped to that class, which lets texts wrap to their full length and gives
sliders, dropdowns, buttons and tab titles the room their text needs. Colours come from JupyterLab's theme
variables (``--jp-...``), so light, dark and high-contrast themes all read well.

The stylesheet travels as an HTML widget inside the frame: it is part of the widget state stored in a lesson,
so a trusted lesson opened before running looks the same as after running.
"""

from __future__ import annotations

import ipywidgets as widgets

from caiokit.i18n import N_, _

ROOT_CLASS = "caio-tool"
# WCAG 2.1 AA: normal text needs a contrast ratio of at least 4.5:1 against its background.
AA_CONTRAST = 4.5
# A slider shorter than this cannot be set to a chosen value with a mouse.
SLIDER_TRACK_PX = 200
# Line height of text in HTML widgets: ipywidgets gives them the height of a control (28 px), so text
# over several lines looks double-spaced.
TEXT_LINE_HEIGHT = 1.4
# An upload button (class caio-upload) shows its tooltip as its label, not ipywidgets' "label (N)", whose N
# counts the files the widget holds: a tool that empties it after reading a file would always show (0).
UPLOAD_CLASS = "caio-upload"

# Shown once above a tool whose widgets are not connected to a kernel (the copy stored with a lesson, or after
# the kernel stopped), instead of ipywidgets' broken-link icon before every control.
DISCONNECTED = N_("Not connected to Python: run this cell to use the tool.")
_TRACK = f"{SLIDER_TRACK_PX}px"


def stylesheet(disconnected: str) -> str:
    """The course's stylesheet, with ``disconnected`` as the sentence shown above a tool without a kernel."""
    return f"""<style>
.{ROOT_CLASS} .widget-radio, .{ROOT_CLASS} .widget-checkbox, .{ROOT_CLASS} .widget-dropdown,
.{ROOT_CLASS} .widget-select {{ width: auto !important; max-width: 100%; height: auto; }}
.{ROOT_CLASS} .widget-radio-box {{ width: auto; min-width: 0; flex: 1 1 auto; height: auto; }}
.{ROOT_CLASS} .widget-radio-box label {{
  display: flex; align-items: flex-start; gap: 6px; height: auto; min-height: 20px; padding: 2px 0;
  white-space: normal; overflow: visible; text-overflow: clip; line-height: 1.35;
}}
.{ROOT_CLASS} .widget-radio-box input {{ flex: 0 0 auto; margin-top: 3px; }}
.{ROOT_CLASS} .widget-checkbox .widget-label-basic {{
  display: flex; align-items: flex-start; height: auto; white-space: normal; overflow: visible;
}}
.{ROOT_CLASS} .widget-checkbox .widget-label-basic span {{
  white-space: normal; overflow: visible; text-overflow: clip; line-height: 1.35;
}}
.{ROOT_CLASS} .widget-checkbox input {{ flex: 0 0 auto; margin-top: 3px; }}
.{ROOT_CLASS} .widget-dropdown > select, .{ROOT_CLASS} .widget-select > select {{
  flex: 0 0 auto; width: auto; min-width: 12em; max-width: 100%;
}}
.{ROOT_CLASS} .widget-inline-hbox > .widget-label {{
  white-space: normal; overflow: visible; text-overflow: clip; height: auto; line-height: 1.3;
}}
.{ROOT_CLASS} .widget-hslider {{ width: max-content !important; max-width: 100%; }}
.{ROOT_CLASS} .widget-hslider .slider-container {{
  flex: 1 0 {_TRACK}; min-width: {_TRACK};
}}
.{ROOT_CLASS} .widget-readout, .{ROOT_CLASS} .jupyter-button {{
  min-width: fit-content; flex-shrink: 0; overflow: visible; text-overflow: clip;
}}
.{ROOT_CLASS} .jupyter-button {{ width: auto !important; padding: 0 12px; }}
.{ROOT_CLASS} .jupyter-widgets.jupyter-widget-tab > .lm-TabBar .lm-TabBar-tab {{
  flex: 0 0 auto; min-width: fit-content; max-width: none; color: var(--jp-ui-font-color1);
}}
.{ROOT_CLASS} .jupyter-widgets.jupyter-widget-tab > .lm-TabBar .lm-TabBar-tabLabel {{
  overflow: visible; text-overflow: clip;
}}
.{ROOT_CLASS} .widget-html-content {{ color: var(--jp-ui-font-color1); }}
.{ROOT_CLASS} .widget-html > .widget-html-content {{ line-height: {TEXT_LINE_HEIGHT}; }}
.{ROOT_CLASS} .caio-bar {{
  width: 160px; height: 10px; margin-top: 4px; border-radius: 5px; overflow: hidden;
  background: var(--jp-layout-color3);
}}
.{ROOT_CLASS} .caio-bar > span {{ display: block; height: 100%; background: var(--jp-brand-color1); }}
.{ROOT_CLASS} .widget-upload.{UPLOAD_CLASS} {{ font-size: 0; }}
.{ROOT_CLASS} .widget-upload.{UPLOAD_CLASS} > i {{
  font-size: var(--jp-widgets-font-size); margin-right: 4px;
}}
.{ROOT_CLASS} .widget-upload.{UPLOAD_CLASS}::after {{
  content: attr(title); font-size: var(--jp-widgets-font-size);
}}
.{ROOT_CLASS} table.caio-table td, .{ROOT_CLASS} table.caio-table th {{
  color: var(--jp-ui-font-color1); border-bottom: 1px solid var(--jp-border-color2);
}}
.{ROOT_CLASS} .caio-selected {{
  background: var(--jp-layout-color2); font-weight: bold; box-shadow: inset 4px 0 var(--jp-success-color1);
}}
.{ROOT_CLASS} .jupyter-widgets-disconnected::before {{ content: none; display: none; }}
.{ROOT_CLASS}.jupyter-widgets-disconnected::before {{
  content: "{disconnected}"; display: block; font: inherit; font-size: var(--jp-ui-font-size1);
  color: var(--jp-ui-font-color1); background: var(--jp-layout-color2);
  border-left: 4px solid var(--jp-brand-color1); padding: 4px 8px; margin-bottom: 6px;
}}
.{ROOT_CLASS} .caio-error {{
  color: var(--jp-ui-font-color1); border-left: 4px solid var(--jp-error-color1); padding-left: 8px;
}}
</style>"""


# The stylesheet in English, the language of the course's source.
STYLESHEET = stylesheet(DISCONNECTED)


class ToolFrame(widgets.VBox):
    """A tool's outermost box: the stylesheet, the tool, and a readable text where widgets cannot draw.

    Where the front end cannot draw widgets (a lesson opened untrusted, a viewer without widgets, a
    terminal), it shows the output's ``text/plain`` part: the frame puts there a sentence that says what
    the cell holds, instead of the Python repr of a tree of boxes.
    """

    def __init__(self, tool: widgets.Widget, fallback: str):
        super().__init__([widgets.HTML(stylesheet(_(DISCONNECTED))), tool])
        self.add_class(ROOT_CLASS)
        self.fallback = fallback

    def _repr_mimebundle_(self, **kwargs):
        bundle = super()._repr_mimebundle_(**kwargs)
        if bundle:
            bundle["text/plain"] = self.fallback
        return bundle


def _luminance(colour: str) -> float:
    """WCAG relative luminance of a ``#rrggbb`` colour."""
    channels = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground: str, background: str) -> float:
    """WCAG contrast ratio of two ``#rrggbb`` colours, from 1 (none) to 21 (black on white)."""
    lighter, darker = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def text_on(background: str) -> str:
    """Black or white, whichever reads better on a fixed ``#rrggbb`` background (a tier badge, say)."""
    return "#000000" if contrast("#000000", background) >= contrast("#ffffff", background) else "#ffffff"
