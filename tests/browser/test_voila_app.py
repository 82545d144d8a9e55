"""The prioritisation workbench as a web page: Voila serves notebooks/apps/, headless Chromium uses it.

Voila is started with the README's command, on a copy of the app notebook (so the folder Voila serves is
the copy's: the workbench saves its exports in the kernel's folder, which under Voila is the notebook's),
without a browser, on a free port of 127.0.0.1. Each test opens its own page, so its own kernel and a fresh
workbench. Needs Debian's `chromium`, as tests/browser/test_browser.py does.
"""

from __future__ import annotations

import io
import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from caiokit.catalog import load_catalog
from caiokit.reports.priorities import company_name
from caiokit.scoring import score

from harness.browser import displayed_weights, requires_chromium
from harness.ports import free_port

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "notebooks" / "apps" / "prioritization_workbench.ipynb"
START_S = 60
# A page runs the notebook in a new kernel: importing caiokit and drawing the workbench takes a while on a
# busy machine.
RENDER_MS = 120_000

# The catalog's required columns minus 'reach', and a word where effort_pm needs a number.
BAD_CSV = (
    b"id,name,impact,confidence,effort_pm,cost_one_off_eur,benefit_yearly_eur\n"
    b"X1,Invoice reader,1,1.0,lots,10000,50000\n"
)
GOOD_CSV = (
    b"id,name,reach,impact,confidence,effort_pm,cost_one_off_eur,benefit_yearly_eur,ai_act_tier\n"
    b"X1,Invoice reader,100,1,1.0,2,10000,50000,minimal\n"
    b"X2,Route planner,300,2,0.8,4,40000,90000,minimal\n"
    b"X3,Face scraping,500,3,1.0,1,5000,900000,prohibited\n"
)

pytestmark = requires_chromium


def _listening(process: psutil.Process) -> set[str]:
    """The addresses a process listens on (TCP)."""
    return {
        conn.laddr.ip for conn in process.net_connections(kind="inet") if conn.status == psutil.CONN_LISTEN
    }


def readme_command() -> list[str]:
    """The README's command that starts the app, split into its words; it must name this app notebook."""
    commands = re.findall(r"`(voila [^`]+)`", (ROOT / "README.md").read_text(encoding="utf-8"))
    if len(commands) != 1:
        pytest.fail(f"README.md should give one `voila ...` command, not {len(commands)}")
    words = shlex.split(commands[0])
    if (ROOT / words[-1]).resolve() != APP:
        pytest.fail(f"the README's command serves {words[-1]}, not {APP.relative_to(ROOT)}")
    return words


@pytest.fixture(scope="module")
def voila_app(tmp_path_factory):
    """Voila serving a copy of the app notebook as the README starts it, on a free port of 127.0.0.1."""
    workdir = tmp_path_factory.mktemp("voila")
    folder = workdir / "app"
    folder.mkdir()
    shutil.copy(APP, folder / APP.name)
    port = free_port()
    # The README's command, with its options, on the copy, without opening a browser, on 127.0.0.1.
    options = readme_command()[1:-1]
    command = [
        sys.executable, "-m", "voila", *options, "--no-browser", "--Voila.ip=127.0.0.1", f"--port={port}",
        str(folder / APP.name),
    ]  # fmt: skip
    # No personal Jupyter settings of whoever runs the tests, and connection files in the scratch folder.
    env = dict(
        os.environ,
        JUPYTER_CONFIG_DIR=str(workdir / "config"),
        JUPYTER_RUNTIME_DIR=str(workdir / "runtime"),
    )
    log_path = workdir / "voila.log"
    log = log_path.open("w")
    server = subprocess.Popen(command, cwd=folder, env=env, stdout=log, stderr=subprocess.STDOUT)
    # Wait for the port rather than fetch a page: every page Voila renders starts a kernel.
    deadline = time.monotonic() + START_S
    while True:
        if server.poll() is not None:
            log.close()
            pytest.fail(f"voila exited with code {server.returncode}:\n{log_path.read_text()}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if time.monotonic() > deadline:
                server.terminate()
                server.wait(timeout=30)
                log.close()
                pytest.fail(
                    f"voila did not listen on port {port} within {START_S} s:\n{log_path.read_text()}"
                )
            time.sleep(0.5)
    yield {"url": f"http://127.0.0.1:{port}/", "folder": folder, "process": psutil.Process(server.pid)}
    kernels = psutil.Process(server.pid).children(recursive=True)
    server.terminate()  # Voila shuts its kernels down on SIGTERM
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait(timeout=30)
    _, left = psutil.wait_procs(kernels, timeout=15)
    for process in left:
        process.kill()
    log.close()
    assert not left, f"voila left {len(left)} kernel processes running (killed now):\n{log_path.read_text()}"


def open_app(browser, voila_app):
    """A new page on the app, once the workbench has drawn its ranking."""
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(voila_app["url"])
    page.locator(".caio-ranking .caio-rank-id").first.wait_for(timeout=RENDER_MS)
    return page


def ranking(page) -> list[str]:
    """The use-case ids of the ranking table, top to bottom."""
    return page.locator(".caio-ranking .caio-rank-id").all_inner_texts()


def domain_ranking(catalog, weights: dict[str, float] | None, n: int) -> list[str]:
    """The first n ids of `scoring.score` for the weights (risk adjusted, as the workbench starts)."""
    scored = score(catalog, method="weighted", weights=weights).dropna(subset=["rank"])
    return list(scored.sort_values("rank")["id"][:n])


def catalog_of(content: bytes, name: str):
    """The catalog a CSV file holds, read as the workbench reads an upload."""
    handle = io.BytesIO(content)
    handle.name = name
    return load_catalog(handle)


def open_tab(page, title: str) -> None:
    page.locator(".lm-TabBar-tab", has_text=title).click()


def upload(page, name: str, content: bytes) -> None:
    """Pick a file in the workbench's Upload button, as a person does in the file dialog.

    ipywidgets' FileUpload keeps its <input type=file> out of the page and clicks it from the button, so the
    file is set on the input the click opens (Playwright's file chooser, which sets the input's files).
    """
    with page.expect_file_chooser() as chooser:
        page.locator(".widget-upload").click()
    chooser.value.set_files({"name": name, "mimeType": "text/csv", "buffer": content})


def test_the_page_shows_the_workbench_on_the_built_in_catalog_and_no_code(browser, voila_app):
    from playwright.sync_api import expect

    page = open_app(browser, voila_app)
    expect(page.locator("h1")).to_have_text(re.compile("Which AI use cases should we fund first"))
    text = page.inner_text("body")
    for code in ("PrioritizationWorkbench", "import", "show()"):
        assert code not in text, f"the page shows code: {code!r}"
    assert page.locator(".jp-CodeCell .jp-InputArea").count() == 0
    for failure in ("Traceback", "There was an error when executing cell"):
        assert failure not in text, f"the page shows {failure!r}"
    for output in ("application/vnd.jupyter.stderr", "application/vnd.jupyter.error"):
        assert page.locator(f"[data-mime-type='{output}']").count() == 0, f"the page shows an {output} output"
    shown = ranking(page)
    assert shown == domain_ranking(load_catalog(), None, len(shown)) and len(shown) == 15
    open_tab(page, "Your catalog")
    expect(page.locator(".widget-text input").first).to_have_value(company_name())
    # Voila and the kernel it started for this page listen on 127.0.0.1 only.
    server = voila_app["process"]
    kernels = server.children(recursive=True)
    assert kernels, "voila started no kernel for the page"
    for process in (server, *kernels):
        assert _listening(process) == {"127.0.0.1"}, f"{process.cmdline()} listens on {_listening(process)}"
    page.close()


def test_a_weight_slider_changes_the_ranking(browser, voila_app):
    page = open_app(browser, voila_app)
    before = ranking(page)
    handle = page.locator(".caio-weight-benefit .noUi-handle")
    handle.focus()
    for _ in range(6):
        handle.press("ArrowLeft")

    def shown() -> tuple[dict[str, float], list[str]]:
        """The weights the sliders display and the ranking the table displays."""
        return displayed_weights(page), ranking(page)

    # The kernel handles the key presses one by one: wait until the page settles on the slider's minimum
    # and on the domain's ranking for the weights it shows.
    catalog = load_catalog()
    deadline = time.monotonic() + 30
    weights, after = shown()
    while time.monotonic() < deadline and (
        weights["benefit"] > 0.0 or after != domain_ranking(catalog, weights, len(after))
    ):
        page.wait_for_timeout(500)
        weights, after = shown()
    assert weights["benefit"] == 0.0, "the slider did not reach its minimum"
    assert after == domain_ranking(catalog, weights, len(after))
    assert after != before
    page.close()


def test_uploads_show_the_problems_of_a_bad_file_and_rank_a_good_one(browser, voila_app):
    from playwright.sync_api import expect

    page = open_app(browser, voila_app)
    before = ranking(page)
    open_tab(page, "Your catalog")
    upload(page, "my_cases.csv", BAD_CSV)
    problems = page.locator(".caio-upload-problems")
    expect(problems).to_contain_text("my_cases.csv was not loaded", timeout=30_000)
    expect(problems).to_contain_text("these 2 problems")
    expect(problems).to_contain_text("column 'reach' is missing")
    expect(problems).to_contain_text("row 2, column effort_pm: 'lots' is not a number")
    open_tab(page, "Ranking")
    assert ranking(page) == before, "a refused file changed the ranking"

    open_tab(page, "Your catalog")
    upload(page, "two_cases.csv", GOOD_CSV)
    expect(page.get_by_text("Loaded 3 use cases from two_cases.csv")).to_be_visible(timeout=30_000)
    expect(problems).to_have_count(0)
    company = page.locator(".widget-text input").first
    expect(company).to_have_value("")
    company.fill("Fabrikam AG")
    company.press("Enter")
    open_tab(page, "Ranking")
    expect(page.locator(".caio-ranking .caio-rank-id")).to_have_text(
        domain_ranking(catalog_of(GOOD_CSV, "two_cases.csv"), None, 2)
    )
    expect(page.locator(".caio-excluded")).to_contain_text("X3 Face scraping: prohibited")

    # The export lands in the notebook's folder, and the message names that folder.
    open_tab(page, "Your catalog")
    page.get_by_role("button", name="Save table and summary").click()
    folder = voila_app["folder"]
    expect(page.get_by_text("Saved my_priorities.csv")).to_contain_text(str(folder), timeout=30_000)
    assert "X1" in (folder / "my_priorities.csv").read_text(encoding="utf-8")
    assert "Fabrikam AG" in (folder / "my_priorities.md").read_text(encoding="utf-8")
    page.close()
