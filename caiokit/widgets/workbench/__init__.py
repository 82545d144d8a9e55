"""The tabs of the prioritisation workbench, one class each; ``caiokit.widgets.prioritization_workbench``
puts them together and keeps them in step.

Each tab owns its controls and outputs (``widget`` is the tab's box) and shows what it is given; every number
comes from the domain modules (``scoring``, ``portfolio``, ``sensitivity``) or from the priorities report.
"""

# The width of the controls' descriptions, the same in every tab.
WIDE = {"description_width": "150px"}
