"""ipywidgets front ends of the course's tools: thin layers over the domain and learning modules."""

from caiokit.widgets.adkar_diagnostic import AdkarDiagnostic
from caiokit.widgets.aiact_triage import AIActTriage
from caiokit.widgets.exercise import ExerciseWidget
from caiokit.widgets.fairness_demo import FairnessDemo
from caiokit.widgets.glossary_search import GlossarySearch
from caiokit.widgets.literacy_planner import LiteracyPlanner
from caiokit.widgets.maturity_assessment import MaturityAssessment
from caiokit.widgets.ninety_day_planner import NinetyDayPlanner
from caiokit.widgets.portfolio_planner import PortfolioPlanner
from caiokit.widgets.prioritization_workbench import PrioritizationWorkbench
from caiokit.widgets.progress_dashboard import ProgressDashboard
from caiokit.widgets.quiz import Quiz
from caiokit.widgets.responsibility_sorter import ResponsibilitySorter
from caiokit.widgets.skills_assessment import SkillsAssessment
from caiokit.widgets.stakeholder_map import StakeholderMap
from caiokit.widgets.strategy_canvas import StrategyCanvasEditor
from caiokit.widgets.team_designer import TeamDesigner
from caiokit.widgets.threshold_explorer import ThresholdExplorer

__all__ = [
    "AIActTriage",
    "AdkarDiagnostic",
    "ExerciseWidget",
    "FairnessDemo",
    "GlossarySearch",
    "LiteracyPlanner",
    "MaturityAssessment",
    "NinetyDayPlanner",
    "PortfolioPlanner",
    "PrioritizationWorkbench",
    "ProgressDashboard",
    "Quiz",
    "ResponsibilitySorter",
    "SkillsAssessment",
    "StakeholderMap",
    "StrategyCanvasEditor",
    "TeamDesigner",
    "ThresholdExplorer",
]
