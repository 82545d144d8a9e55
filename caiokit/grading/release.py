"""Release an assignment with its due date and late policy written at the top of each notebook.

nbgrader's Assignment List shows names, not due dates. This exchange class, configured in
nbgrader_config.py (``c.ExchangeFactory.release_assignment``), copies the assignment as nbgrader does and then
puts one markdown cell first in each released notebook (if the assignment has a due date): the due date from the gradebook (set with
``nbgrader db assignment add ASSIGNMENT --duedate=...``) and the late policy. The cell is not an nbgrader
cell, so grading ignores it; ``release/`` itself is not changed.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbgrader.api import Gradebook, MissingEntry
from nbgrader.exchange.default import ExchangeReleaseAssignment
from traitlets.utils.importstring import import_item

from caiokit.grading.late import PercentPerDayLate

DUE_CELL_MARKER = "caiokit_due_date"


def due_date_text(duedate, policy: PercentPerDayLate | None) -> str:
    """The line learners read: the due date in UTC, and the late policy if there is one."""
    text = f"**Due: {duedate:%A %d %B %Y, %H:%M} UTC.**"
    return f"{text} {policy.describe()}" if policy is not None else text


class ReleaseWithDueDate(ExchangeReleaseAssignment):
    """nbgrader's release, plus a first cell in each notebook giving the due date and the late policy."""

    def _late_policy(self) -> PercentPerDayLate | None:
        configured = self.config.AssignLatePenalties.get("plugin_class")
        if configured is None:
            return None
        plugin = import_item(configured) if isinstance(configured, str) else configured
        return plugin(config=self.config) if issubclass(plugin, PercentPerDayLate) else None

    def _duedate(self):
        with Gradebook(self.coursedir.db_url, self.coursedir.course_id) as gradebook:
            try:
                return gradebook.find_assignment(self.coursedir.assignment_id).duedate
            except MissingEntry:
                return None

    def do_copy(self, src, dest, log=None):
        """Copy as nbgrader does, then stamp the due date on each notebook of the copy."""
        super().do_copy(src, dest, log)
        duedate = self._duedate()
        if duedate is None:
            self.log.info("No due date set: the released notebooks say nothing about one")
            return
        text = due_date_text(duedate, self._late_policy())
        for path in sorted(Path(dest).glob("*.ipynb")):
            notebook = nbformat.read(path, as_version=4)
            cell = nbformat.v4.new_markdown_cell(text)
            cell.metadata[DUE_CELL_MARKER] = True
            cell.id = "caiokit-due-date"
            notebook.cells.insert(0, cell)
            nbformat.write(notebook, path)
        self.log.info("Due date shown to learners: %s", text)
