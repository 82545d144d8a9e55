"""On a real hub on this machine: a learner's login to a running lesson kernel, and one learner's memory.

    sudo .venv/bin/python benchmarks/bench_hub.py [--json FILE]

It sets the hub up exactly as tests/hub/test_hub.py does (setup_hub.py for real, the test's accounts, 127.0.0.1 only;
several minutes) and removes all of it at the end. Then, in headless Chromium, each learner in turn, on a hub
where no one has logged in yet:

- **login to a running kernel**: from the click on *Sign in* to JupyterLab ready (the hub starts the learner's
  server), then the nbgitpuller link (the lessons cloned into their home), then lesson 03 opened until its
  kernel is idle. A returning learner pays the first and last parts only; both sums are printed.
- **memory of one learner with lesson 03 open**: while the lesson runs all its cells and the workbench's weight
  slider is moved, every 0.5 s, the memory of every process of that learner (the single-user server, its
  kernel): RSS, and PSS, which counts shared pages once per sharer, so that n learners take about n x PSS.
  The peak is printed, with the hub and proxy's own memory, and how many such learners fit in 1 GB.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests" / "hub")]

from test_hub import (  # noqa: E402  (tests/hub/test_hub.py sets the hub up and drives JupyterLab)
    COURSE_ID,
    LEARNERS,
    LESSON,
    HubMachine,
    log_in,
    move_benefit_slider,
    open_notebook,
    pull_lessons,
    run_all_cells,
)

from harness.browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

MB = 1024 * 1024
SAMPLE_S = 0.5


def memory_of(uid: int | None = None, pids: set[int] | None = None) -> dict[str, float]:
    """RSS and PSS (MB) summed over the processes of ``uid``, or over ``pids``, now."""
    import psutil

    rss = pss = 0
    for process in psutil.process_iter(["uids"]):
        if (uid is not None and process.info["uids"].real != uid) or (
            pids is not None and process.pid not in pids
        ):
            continue
        try:
            full = process.memory_full_info()
        except psutil.Error:
            continue
        rss, pss = rss + full.rss, pss + full.pss
    return {"rss_mb": round(rss / MB, 1), "pss_mb": round(pss / MB, 1)}


class PeakMemory:
    """Samples a learner's memory in a thread until stopped; keeps the peak (by PSS) and the last sample."""

    def __init__(self, uid: int):
        self.uid, self.peak, self.last = uid, {"rss_mb": 0.0, "pss_mb": 0.0}, {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.last = memory_of(uid=self.uid)
            if self.last["pss_mb"] > self.peak["pss_mb"]:
                self.peak = self.last
            self._stop.wait(SAMPLE_S)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def hub_processes(hub: HubMachine) -> set[int]:
    import psutil

    ours = set()
    for process in psutil.process_iter():
        try:
            if os.getpgid(process.pid) == hub.hub.pid:
                ours.add(process.pid)
        except (ProcessLookupError, psutil.Error):
            continue
    return ours


def measure(browser, hub: HubMachine, learner: str) -> dict:
    import pwd

    figures: dict = {"learner": learner}
    context, page = log_in(browser, hub, learner)  # it times the login itself, from the click on Sign in
    figures["login_to_jupyterlab_s"] = hub.timings[f"{learner}: login to JupyterLab"]
    pull_lessons(page, hub, learner)
    figures["nbgitpuller_s"] = hub.timings[f"{learner}: nbgitpuller"]
    with PeakMemory(pwd.getpwnam(learner).pw_uid) as memory:
        figures["lesson_03_kernel_idle_s"] = round(
            open_notebook(page, hub, learner, f"{COURSE_ID}/notebooks/{LESSON}"), 1
        )
        figures["returning_login_to_running_kernel_s"] = round(
            figures["login_to_jupyterlab_s"] + figures["lesson_03_kernel_idle_s"], 1
        )
        figures["first_login_to_running_kernel_s"] = round(
            figures["returning_login_to_running_kernel_s"] + figures["nbgitpuller_s"], 1
        )
        figures["memory_kernel_idle"] = memory_of(uid=pwd.getpwnam(learner).pw_uid)
        mark = time.monotonic()
        run_all_cells(page)
        figures["lesson_03_run_all_s"] = round(time.monotonic() - mark, 1)
        move_benefit_slider(page)
        time.sleep(2 * SAMPLE_S)
    figures["memory_peak"], figures["memory_after"] = memory.peak, memory.last
    context.close()
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()
    if os.geteuid() != 0:
        print(
            "error: the hub benchmark creates system users and runs JupyterHub: run it as root",
            file=sys.stderr,
        )
        return 2
    if not CHROMIUM.exists():
        print(f"error: Chromium is needed at {CHROMIUM} (Debian: apt-get install chromium)", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    hub = HubMachine()
    try:
        hub.open()
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
            )
            try:
                learners = [measure(browser, hub, learner) for learner in LEARNERS]
            finally:
                browser.close()
        results = {
            "set_up_s": hub.timings,
            "learners": learners,
            "hub_and_proxy_memory": memory_of(pids=hub_processes(hub)),
        }
    except (AssertionError, pytest.fail.Exception) as exc:  # the set-up's own checks say what went wrong
        print(f"error: {exc}", file=sys.stderr)
        return 1
    finally:
        problems = hub.close()
        if problems:
            print(f"error: clean-up left {problems}", file=sys.stderr)
    peak = max(figures["memory_peak"]["pss_mb"] for figures in learners)
    results["learners_per_gb"] = round(1024 / peak, 1)
    print(json.dumps(results, indent=1))
    print(
        f"\nlogin to a running lesson 03 kernel: first time "
        f"{', '.join(str(f['first_login_to_running_kernel_s']) for f in learners)} s (with nbgitpuller), returning "
        f"{', '.join(str(f['returning_login_to_running_kernel_s']) for f in learners)} s; one learner with lesson 03 "
        f"open: peak {peak} MB PSS ({max(f['memory_peak']['rss_mb'] for f in learners)} MB RSS), "
        f"so about {results['learners_per_gb']} learners per GB, plus the hub and proxy "
        f"({results['hub_and_proxy_memory']['pss_mb']} MB)"
    )
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
