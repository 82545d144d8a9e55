"""CPU time of each lesson's setup cell in a fresh kernel, beside a bare ``import pandas, scipy, ipywidgets``.

    python benchmarks/bench_setup_cells.py [--repeats 3] [--lessons 03 08]

For each lesson it starts a fresh IPython kernel in notebooks/ (this environment's, a scratch progress file),
as JupyterLab does, runs the lesson's first code cell, its setup cell, then every other code cell in order.
The kernel measures its own CPU time around each cell (``time.process_time``: every thread of the kernel
process), so a figure is what the learner's kernel spends, not the time messages take to travel. The
baseline is a fresh kernel running the single cell ``import pandas, scipy, ipywidgets``. Each figure is the
best of ``--repeats`` fresh kernels. Columns: the setup cell and its ratio to the baseline; the cells after it
up to the first one whose stored output shows a tool (a widget or a plotly figure); the costliest later cell
(where a library left out of the setup cell is paid for); the whole lesson; the costly modules the setup
cell leaves loaded.

Measured on the course's shared 2-core machine (another engineer's tests running), best of 3, CPU seconds and
ratio to the bare import in the same run (0.34 s before, 0.39 s after). Before: main at f95493a, where every
setup cell loaded plotly's renderer registry, nbformat, jsonschema and scipy.optimize (lesson 08: scikit-learn
too). After: none of them but lesson 04's scipy.optimize (its checks solve a portfolio when imported); the
renderer registry (about 1.5 s) loads at a lesson's first figure displayed in a cell, scikit-learn at the
first model trained:

    lesson                           setup before   setup after   to 1st tool after   costliest cell after
    00_start_here                     4.54 (13.4)    0.43 (1.1)      0.12                0.64 (dashboard)
    01_who_is_the_caio                2.66  (7.8)    0.41 (1.1)      0.20                0.15
    02_ai_strategy                    3.06  (9.0)    0.63 (1.6)      0.06                1.81 (first figure)
    03_use_case_prioritization        2.32  (6.8)    0.55 (1.4)      0.38                1.81 (first figure)
    04_portfolio_roadmap_value        2.63  (7.8)    0.90 (2.3)      2.28                2.04 (first figure)
    05_building_ai_teams              3.07  (9.1)    0.45 (1.2)      0.05                1.46 (first figure)
    06_ethics_and_compliance          2.78  (8.2)    0.60 (1.6)      1.76                1.73 (first figure)
    07_culture_and_change             4.35 (12.8)    0.40 (1.0)      0.41                0.32
    08_ai_technologies_for_leaders    3.52 (10.4)    0.54 (1.4)      2.83                1.56 (model + figure)
    09_leadership_and_growth          5.00 (14.7)    0.45 (1.2)      0.17                0.32
    10_capstone_first_90_days         2.89  (8.5)    0.64 (1.7)      1.83                1.73 (first figure)
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

from jupyter_client.manager import KernelManager

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
BASELINE = "import pandas, scipy, ipywidgets"
TOOL_MIME_TYPES = ("application/vnd.jupyter.widget-view+json", "application/vnd.plotly.v1+json")
COSTLY_MODULES = ("plotly.io._renderers", "nbformat", "jsonschema", "sklearn", "scipy.optimize")
START_CLOCK = "import time as _bench_time\n_bench_started = _bench_time.process_time()"
READ_CLOCK = "print(_bench_time.process_time() - _bench_started)"
LOADED = f"import sys as _bench_sys\nprint(*(m for m in {COSTLY_MODULES!r} if m in _bench_sys.modules))"


def code_cells(notebook: Path) -> list[tuple[str, bool]]:
    """Each code cell's source, and whether its stored output shows a tool."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    return [
        (
            "".join(cell["source"]),
            any(mime in output.get("data", {}) for output in cell["outputs"] for mime in TOOL_MIME_TYPES),
        )
        for cell in cells
        if cell["cell_type"] == "code"
    ]


class Kernel:
    """A fresh IPython kernel in notebooks/, with a scratch progress file, shut down on leaving."""

    def __enter__(self) -> Kernel:
        self.scratch = tempfile.TemporaryDirectory(prefix="caiokit-bench-setup-")
        env = dict(os.environ, CAIOKIT_PROGRESS=str(Path(self.scratch.name) / "progress.sqlite"))
        self.manager = KernelManager(
            kernel_name="python3", transport="ipc", ip=str(Path(self.scratch.name) / "kernel")
        )
        self.manager.start_kernel(cwd=str(NOTEBOOKS), env=env)
        self.client = self.manager.client()
        self.client.start_channels()
        self.client.wait_for_ready(timeout=60)
        return self

    def __exit__(self, *exc) -> None:
        self.client.stop_channels()
        self.manager.shutdown_kernel(now=True)
        self.scratch.cleanup()

    def run(self, code: str) -> str:
        """Execute ``code`` as a cell and return what it printed; raise if the cell fails."""
        printed: list[str] = []

        def collect(message: dict) -> None:
            if message["msg_type"] == "stream" and message["content"]["name"] == "stdout":
                printed.append(message["content"]["text"])

        content = self.client.execute_interactive(code, timeout=600, output_hook=collect)["content"]
        if content["status"] != "ok":
            raise RuntimeError(f"cell failed: {content.get('ename')}: {content.get('evalue')}\n{code}")
        return "".join(printed)

    def cpu(self, code: str) -> float:
        """CPU seconds the kernel spends running ``code`` as a cell."""
        self.run(START_CLOCK)
        self.run(code)
        return float(self.run(READ_CLOCK))


def measure_once(cells: list[tuple[str, bool]]) -> dict:
    """One fresh kernel through the cells: setup, up to the first tool, costliest later cell, whole lesson."""
    with Kernel() as kernel:
        times = [kernel.cpu(cells[0][0])]
        loaded = kernel.run(LOADED).split()
        times += [kernel.cpu(source) for source, _ in cells[1:]]
    first_tool = next((index for index, (_, tool) in enumerate(cells) if tool and index > 0), None)
    costliest = max(range(1, len(times)), key=times.__getitem__, default=None)
    return {
        "setup": times[0],
        "loaded": loaded,
        "to_first_tool": None if first_tool is None else sum(times[1 : first_tool + 1]),
        "costliest": None if costliest is None else (times[costliest], costliest + 1),
        "lesson": sum(times),
    }


def measure(cells: list[tuple[str, bool]], repeats: int) -> dict:
    """The best of ``repeats`` runs for each figure (the costliest cell: the run whose costliest is least)."""
    runs = [measure_once(cells) for _ in range(repeats)]
    best = {key: min(run[key] for run in runs) for key in ("setup", "lesson")}
    tools = [run["to_first_tool"] for run in runs if run["to_first_tool"] is not None]
    best["to_first_tool"] = min(tools) if tools else None
    best["costliest"] = min((run["costliest"] for run in runs if run["costliest"]), default=None)
    best["loaded"] = runs[-1]["loaded"]
    return best


def main() -> None:
    """Measure the baseline and every lesson (or those given) and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--lessons", nargs="*", help="lesson numbers, e.g. 03 08 (default: all)")
    args = parser.parse_args()
    # The kernel spec runs `python` by name: this environment's must come first on PATH.
    os.environ["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    notebooks = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
    if args.lessons:
        notebooks = [notebook for notebook in notebooks if notebook.name[:2] in args.lessons]
    baseline = measure([(BASELINE, False)], args.repeats)["setup"]
    print(f"best of {args.repeats} fresh kernels; CPU seconds of the kernel process")
    print(f"baseline `{BASELINE}`: {baseline:.2f} s")
    print(
        f"{'lesson':<32} {'setup':>6} {'ratio':>6} {'to 1st tool':>11} {'costliest later cell':>21} "
        f"{'lesson':>7}  costly modules loaded by the setup cell"
    )
    for notebook in notebooks:
        figures = measure(code_cells(notebook), args.repeats)
        tool = "-" if figures["to_first_tool"] is None else f"{figures['to_first_tool']:.2f}"
        costliest = (
            "-" if figures["costliest"] is None else "{:.2f} (code cell {})".format(*figures["costliest"])
        )
        print(
            f"{notebook.stem:<32} {figures['setup']:>6.2f} {figures['setup'] / baseline:>6.2f} {tool:>11} "
            f"{costliest:>21} {figures['lesson']:>7.2f}  {' '.join(figures['loaded']) or '-'}"
        )


if __name__ == "__main__":
    main()
