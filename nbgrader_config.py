"""nbgrader settings for the CAIO course.

nbgrader reads this file from the directory it is run in, so every nbgrader command works from the
repository's root with no flags. Each setting says why it is here.
"""

import os
from pathlib import Path

from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor
from nbgrader.preprocessors import GetGrades

from caiokit.grading.feedback import HideHiddenTests

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

# --- The class: due dates, late work, learning platforms (caiokit.grading: late, release, lms_collect) ---

# Late work loses 10% of its points per day or part of a day late, down to zero (caiokit/grading/late.py).
# nbgrader applies it when autograding a submission made after the due date set with
# `nbgrader db assignment add ASSIGNMENT --duedate="2027-01-15 17:00:00 UTC"`.
c.AssignLatePenalties.plugin_class = "caiokit.grading.late.PercentPerDayLate"
c.PercentPerDayLate.percent_per_day = 10.0

# Releasing puts the due date and that policy in a first cell of each released notebook, which learners see
# when they fetch the assignment (nbgrader's Assignment List does not show due dates).
c.ExchangeFactory.release_assignment = "caiokit.grading.release.ReleaseWithDueDate"
