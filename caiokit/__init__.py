"""caiokit: the toolkit of the Chief AI Officer course.

Three layers, one direction: domain modules (pure Python and pandas), learning modules
(exercises, quizzes, progress, curriculum) and ``caiokit.widgets`` (ipywidgets front ends).
"""

__version__ = "0.1.0"
