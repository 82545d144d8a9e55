"""What importing caiokit loads, checked without a clock: a lesson's setup cell must stay cheap.

Each check runs in a fresh interpreter and reads ``sys.modules``. The costly modules are those that took a
setup cell to seconds of CPU (benchmarks/bench_setup_cells.py measures the time itself): plotly's renderer
registry, which imports nbformat and with it jsonschema's format checkers, scikit-learn and scipy.optimize.
They load when a lesson first displays a figure, trains a model or solves a portfolio, not before.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import plotly.graph_objects as go
import plotly.io as pio
import pytest

import caiokit
import caiokit.widgets
from caiokit.charts import figure_output

ROOT = Path(caiokit.__file__).resolve().parent.parent
LESSONS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
COSTLY = ("plotly.io._renderers", "nbformat", "jsonschema", "sklearn", "scipy.optimize")
WIDGET_MODULES = {f"caiokit.widgets.{path.stem}" for path in (ROOT / "caiokit" / "widgets").glob("[a-z]*.py")}
SHARED_BY_TOOLS = {"caiokit.widgets.layout", "caiokit.widgets.tool"}
CHART_MODULES = sorted(
    f"caiokit.charts.{path.stem}" for path in (ROOT / "caiokit" / "charts").glob("[a-z]*.py")
)
# Lesson 04's checks solve the lesson's trap portfolio with milp when they are imported.
NEEDED_AT_SETUP = {"04_portfolio_roadmap_value": {"scipy.optimize"}}


def modules_after(code: str, tmp_path: Path) -> set[str]:
    """The modules a fresh interpreter holds after running ``code`` in notebooks/, where lessons run."""
    probe = (
        f"import json, sys\nexec(compile({code!r}, 'cell', 'exec'), {{'__name__': '__main__'}})\n"
        "print(json.dumps(sorted(sys.modules)))"
    )
    env = dict(
        os.environ,
        CAIOKIT_PROGRESS=str(tmp_path / "progress.sqlite"),
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT / "notebooks", env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return set(json.loads(done.stdout.splitlines()[-1]))


def setup_cell(notebook: Path) -> str:
    """A lesson's setup cell: its first code cell."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    return "".join(next(cell for cell in cells if cell["cell_type"] == "code")["source"])


def test_the_widgets_package_imports_no_tool_and_no_costly_module(tmp_path):
    loaded = modules_after("import caiokit.widgets", tmp_path)
    assert loaded & WIDGET_MODULES == set()
    assert loaded & {*COSTLY, "plotly"} == set()


def test_a_tool_named_imports_its_own_module_only(tmp_path):
    loaded = modules_after("from caiokit.widgets import Quiz", tmp_path)
    assert loaded & WIDGET_MODULES == {"caiokit.widgets.quiz", *SHARED_BY_TOOLS}


def test_every_tool_is_reachable_by_name():
    for name in caiokit.widgets.__all__:
        assert getattr(caiokit.widgets, name).__name__ == name
    assert set(caiokit.widgets.__all__) <= set(dir(caiokit.widgets))
    with pytest.raises(AttributeError, match="NoSuchTool"):
        caiokit.widgets.NoSuchTool  # noqa: B018


def test_the_chart_modules_leave_plotly_settings_alone(tmp_path):
    loaded = modules_after("\n".join(f"import {module}" for module in CHART_MODULES), tmp_path)
    assert loaded & {"plotly.io._renderers"} == set()


def test_a_figure_in_a_widget_is_what_the_plotly_mimetype_renderer_makes():
    figure = go.Figure(go.Bar(x=["a", "b"], y=[1, 2]), layout={"title": "t"})
    assert figure_output(figure)["data"] == pio.renderers["plotly_mimetype"].to_mimebundle(figure.to_dict())


@pytest.mark.parametrize("notebook", LESSONS, ids=[path.stem for path in LESSONS])
def test_a_setup_cell_leaves_the_costly_modules_out(notebook, tmp_path):
    loaded = modules_after(setup_cell(notebook), tmp_path)
    assert loaded & set(COSTLY) <= NEEDED_AT_SETUP.get(notebook.stem, set())
