"""CPU time of each lesson's setup cell in a fresh kernel, beside the bare ``import pandas, scipy, ipywidgets``.

    python benchmarks/bench_setup_cells.py [--repeats 3] [--lessons 03 08]

For each lesson it starts a fresh IPython kernel in notebooks/ (this environment's, a scratch progress file),
as JupyterLab does, runs the lesson's first code cell, its setup cell, then every other code cell in order. The
kernel measures its own CPU time around each cell (``time.process_time``: every thread of the kernel process),
so a figure is what the learner's kernel spends, not the time messages take to travel. The baseline is a fresh
kernel running the single cell ``import pandas, scipy, ipywidgets``. Each figure is the best of ``--repeats``
fresh kernels. Columns: the setup cell and its ratio to the baseline; the cells after it up to the first one
whose stored output shows a tool (a widget or a plotly figure); the costliest later cell (where a library left
out of the setup cell is paid for); the whole lesson; the costly modules the setup cell leaves loaded.

Measured on the course's shared 2-core machine, best of 3 (CPU seconds; ratio to the bare import, which took
0.27 s before and 0.xx s after in a kernel):

    lesson                          setup before   setup after   to first tool after   costliest later cell after
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
