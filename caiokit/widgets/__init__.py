"""ipywidgets front ends of the course's tools: thin layers over the domain and learning modules."""

from caiokit.widgets.exercise import ExerciseWidget
from caiokit.widgets.glossary_search import GlossarySearch
from caiokit.widgets.progress_dashboard import ProgressDashboard
from caiokit.widgets.quiz import Quiz

__all__ = ["ExerciseWidget", "GlossarySearch", "ProgressDashboard", "Quiz"]
