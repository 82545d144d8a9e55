"""nbgrader settings for the CAIO course.

nbgrader reads this file from the directory it is run in, so every nbgrader command works from the
repository's root with no flags. Each setting says why it is here.
"""

import os
from pathlib import Path

from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor
from nbgrader.converters import Autograde
from nbgrader.preprocessors import Execute, GetGrades, OverwriteCells, SaveAutoGrades

from caiokit.grading.feedback import HideHiddenTests
from caiokit.grading.gradebook import quiet_harmless_warnings
from caiokit.grading.overwrite import RestoreCells
from caiokit.grading.regrade import KeepHandGrades
from caiokit.grading.rubric import InsertRubrics
from caiokit.grading.sandbox import SandboxedExecute

c = get_config()  # noqa: F821  (injected by nbgrader/traitlets when this file is loaded)

# One course id, used by the exchange to keep this course's assignments apart from others.
c.CourseDirectory.course_id = "caio101"

# The course directory is the repository itself: source/, release/ (committed), and, created on demand
# and ignored by git, submitted/, autograded/, feedback/ and gradebook.db.
c.CourseDirectory.root = str(Path(__file__).resolve().parent)

# The exchange is where `nbgrader release_assignment` puts assignments and `nbgrader submit` puts work. It must be
# one folder that the instructor and every learner reach, so it is never in a home folder: by default
# /srv/nbgrader/exchange, the layout nbgrader documents for a shared server (created once by an administrator:
# `sudo mkdir -p /srv/nbgrader/exchange && sudo chmod 777 /srv/nbgrader/exchange`). CAIOKIT_EXCHANGE names
# another shared folder. Learners get the same path in their own nbgrader_config.py (the learner edition's).
# (nbgrader's own default is /usr/local/share/nbgrader/exchange.)
c.Exchange.root = os.environ.get("CAIOKIT_EXCHANGE", "/srv/nbgrader/exchange")

# A cell that runs longer than this many seconds is stopped and counted as failed, so one learner's
# infinite loop costs half a minute of grading, not the whole session. The lessons' heaviest cell runs
# in a few seconds.
c.Execute.timeout = 30
# If the kernel does not answer an interrupt, give up on it rather than hang.
c.Execute.interrupt_on_timeout = True

# A learner who deletes a graded cell gets it back (empty for answers, intact for tests) when grading,
# instead of nbgrader refusing the submission or silently skipping the test.
c.OverwriteCells.add_missing_cells = True

# Feedback shows that a hidden test failed and its message, never its code (nbgrader issue 917): the
# course's preprocessor strips hidden tests and their tracebacks before nbgrader's own steps.
c.GenerateFeedback.preprocessors = [HideHiddenTests, GetGrades, CSSHTMLHeaderPreprocessor]

# `nbgrader zip_collect`, for work downloaded from a learning platform: files named
# <student>_<notebook>.ipynb (e.g. dave_01_caio_role.ipynb) in downloaded/<assignment>/archive/.
# Platforms name their downloads differently: adapt this pattern to yours (matched against the full path).
c.FileNameCollectorPlugin.named_regexp = r".+/(?P<student_id>[^/_]+)_(?P<file_id>[^/]+)$"

# Autograding steps: nbgrader's own (Autograde.autograde_preprocessors), with two replaced and one added.
# - Grading sandbox, on every grading path (`nbgrader autograde`, NbGraderAPI.autograde, the Formgrader's
#   Autograde button, `python -m caiokit.grading autograde`): caiokit's SandboxedExecute in place of Execute.
#   Each notebook's kernel runs in bubblewrap (no network, CPU and memory limits) and can write only to the
#   learner's folder in autograded/; it cannot see source/, the gradebook or other learners' work. Without
#   bubblewrap it warns loudly and runs unsandboxed.
# - A regrade keeps hand grades: nbgrader's SaveAutoGrades flags every written answer with a manual score as
#   "needs manual grading" again on each autograde; caiokit's KeepHandGrades, in its place, keeps written
#   answers already graded by hand as graded.
# - The rubric beside the answer in the Formgrader: a last step, InsertRubrics, puts a read-only markdown cell
#   with each written answer's rubric (from source/) after that answer in the graded notebook, the one the
#   Formgrader shows. HideHiddenTests (feedback, above) removes those cells again, so learners never see a
#   rubric; release/ never holds one (it is inside the model answer, which nbgrader removes).
_REPLACED_AUTOGRADE_STEPS = {Execute: SandboxedExecute, SaveAutoGrades: KeepHandGrades}
c.Autograde.autograde_preprocessors = [
    *(_REPLACED_AUTOGRADE_STEPS.get(step, step) for step in Autograde.autograde_preprocessors.default()),
    InsertRubrics,
]

# Deleted cells restored where they belong: nbgrader's own sanitizing steps, with its OverwriteCells replaced
# by caiokit's RestoreCells. A deleted test cell goes back after the nearest earlier cell still present
# (nbgrader's own gives the whole submission 0 with a KeyError when that cell is read-only text), and the
# "checksum ... has changed!" warning appears only when a learner really edited a read-only cell, not on
# every test cell whose hidden tests are put back.
c.Autograde.sanitize_preprocessors = [
    RestoreCells if step is OverwriteCells else step for step in Autograde.sanitize_preprocessors.default()
]

# nbgrader's gradebook makes SQLAlchemy 2 warn "SAWarning: Object of type <SubmittedAssignment> not in
# session, add operation ... will not proceed" when a learner is first graded. It is harmless (the rows are
# added through the submission right after, and every grade is saved): ignore exactly that message.
quiet_harmless_warnings()

# --- The class: due dates, late work, learning platforms (caiokit.grading: late, release, lms_collect) ---

# Late work loses 10% of its points per day or part of a day late, down to zero (caiokit/grading/late.py).
# nbgrader applies it when autograding a submission made after the due date set with
# `nbgrader db assignment add ASSIGNMENT --duedate="2027-01-15 17:00:00 UTC"`.
c.AssignLatePenalties.plugin_class = "caiokit.grading.late.PercentPerDayLate"
c.PercentPerDayLate.percent_per_day = 10.0

# Releasing puts the due date and that policy in a first cell of each released notebook, which learners see
# when they fetch the assignment (nbgrader's Assignment List does not show due dates).
c.ExchangeFactory.release_assignment = "caiokit.grading.release.ReleaseWithDueDate"
