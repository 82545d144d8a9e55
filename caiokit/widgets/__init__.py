"""ipywidgets front ends of the course's tools: thin layers over the domain and learning modules.

One module per tool. ``from caiokit.widgets import Quiz`` imports the module of that tool alone, on first use
(a module ``__getattr__``, PEP 562), so a lesson's setup cell pays for the tools it names, not for every tool
and the plotting and optimisation libraries behind them.
"""

from __future__ import annotations

import importlib

# Each tool, and the module of this package that defines it.
_TOOL_MODULES = {
    "AIActTriage": "aiact_triage",
    "AdkarDiagnostic": "adkar_diagnostic",
    "BuildBuyDecision": "build_buy_decision",
    "CostCalculator": "cost_calculator",
    "DataReadinessAssessment": "data_readiness",
    "BoardReport": "board_report",
    "ExerciseWidget": "exercise",
    "FairnessDemo": "fairness_demo",
    "GlossarySearch": "glossary_search",
    "IncidentTabletop": "incident_tabletop",
    "LiteracyPlanner": "literacy_planner",
    "MaturityAssessment": "maturity_assessment",
    "NinetyDayPlanner": "ninety_day_planner",
    "PortfolioPlanner": "portfolio_planner",
    "PrioritizationWorkbench": "prioritization_workbench",
    "ProgressDashboard": "progress_dashboard",
    "Quiz": "quiz",
    "ResponsibilitySorter": "responsibility_sorter",
    "SkillsAssessment": "skills_assessment",
    "StakeholderMap": "stakeholder_map",
    "StrategyCanvasEditor": "strategy_canvas",
    "TeamDesigner": "team_designer",
    "ThresholdExplorer": "threshold_explorer",
}

__all__ = list(_TOOL_MODULES)


def __getattr__(name: str) -> type:
    """The tool called ``name``, its module imported the first time it is asked for."""
    if name not in _TOOL_MODULES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    tool = getattr(importlib.import_module(f"{__name__}.{_TOOL_MODULES[name]}"), name)
    globals()[name] = tool
    return tool


def __dir__() -> list[str]:
    """The package's names, the tools not imported yet included."""
    return sorted(set(globals()) | set(__all__))
