"""The lessons' widgets in a real JupyterLab, in headless Chromium driven by Playwright.

Needs Debian's `chromium` (/usr/bin/chromium): Playwright's own browser download is not used. CI installs it;
elsewhere the tests are skipped with a message saying so.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import time
from pathlib import Path

import pytest

from caiokit.curriculum import notebook_path
from caiokit.i18n import _, speaking

from harness.browser import displayed_weights, requires_chromium
from harness.servers import running_jupyterlab

ROOT = Path(__file__).resolve().parents[2]
pytestmark = requires_chromium


@contextlib.contextmanager
def lab_on_a_copy(workdir: Path, locale: str | None = None):
    """JupyterLab on 127.0.0.1, serving a copy of the lessons (so autosave never touches the repository), in
    JupyterLab's own language ``locale`` if given (its language pack installed, as the README says)."""
    shutil.copytree(ROOT / "notebooks", workdir / "notebooks")
    # Render every cell, not only those in view, so that a test can reach a tool far down a lesson.
    settings = workdir / "settings" / "@jupyterlab" / "notebook-extension"
    settings.mkdir(parents=True)
    (settings / "tracker.jupyterlab-settings").write_text('{"windowingMode": "none"}', encoding="utf-8")
    if locale:
        translation = workdir / "settings" / "@jupyterlab" / "translation-extension"
        translation.mkdir(parents=True)
        (translation / "plugin.jupyterlab-settings").write_text(f'{{"locale": "{locale}"}}', encoding="utf-8")
    env = dict(
        os.environ,
        CAIOKIT_PROGRESS=str(workdir / "progress.sqlite"),
        JUPYTER_CONFIG_DIR=str(workdir / "cfg"),
        JUPYTERLAB_SETTINGS_DIR=str(workdir / "settings"),
    )
    with running_jupyterlab(env, workdir / "jupyterlab.log", root_dir=workdir / "notebooks") as lab:
        yield lab


@pytest.fixture(scope="module")
def jupyterlab(tmp_path_factory):
    with lab_on_a_copy(tmp_path_factory.mktemp("lab")) as lab:
        yield lab


def open_and_run(browser, jupyterlab, notebook: str):
    """Open a notebook in JupyterLab, run all its cells, and return the page once the kernel is idle."""
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    # A workspace of its own, reset, so that notebooks opened by earlier tests are not restored over this one.
    workspace = f"{Path(notebook).stem}-{secrets.token_hex(4)}"
    page.goto(
        f"{jupyterlab['base']}/lab/workspaces/{workspace}/tree/{notebook}?reset&token={jupyterlab['token']}"
    )
    page.wait_for_function(
        "path => window.jupyterapp?.shell.currentWidget?.context?.path === path", arg=notebook, timeout=60_000
    )
    page.wait_for_function(
        "window.jupyterapp.shell.currentWidget.sessionContext?.session?.kernel?.status === 'idle'",
        timeout=60_000,
    )
    page.evaluate("window.jupyterapp.commands.execute('notebook:run-all-cells')")
    page.wait_for_function(
        """() => {
            const nb = window.jupyterapp.shell.currentWidget;
            const kernel = nb?.sessionContext?.session?.kernel;
            if (!kernel || !nb.content) return false;
            const cells = nb.content.widgets.filter(c => c.model.type === 'code' && c.model.sharedModel.source);
            return kernel.status === 'idle' && cells.every(c => c.model.executionCount !== null);
        }""",
        timeout=120_000,
    )
    return page


def test_quiz_and_exercise_widgets_respond_in_the_browser(browser, jupyterlab):
    from playwright.sync_api import expect

    page = open_and_run(browser, jupyterlab, "00_start_here.ipynb")
    question = page.locator(".widget-vbox:has(> .widget-html:has-text('1. You run'))").last
    question.get_by_text("'Not attempted', with what to do next").click()
    question.get_by_role("button", name="Check").click()
    expect(question.locator(".widget-html").last).to_contain_text("✔ Right.", timeout=20_000)

    form = page.locator(".widget-vbox:has(> .widget-checkbox:has-text('Run the IT help desk'))").last
    form.get_by_text("Run the IT help desk").click()
    form.get_by_role("button", name="Check").click()
    feedback = form.locator(".caio-feedback")
    expect(feedback).to_contain_text("Not yet", timeout=20_000)
    expect(feedback).to_contain_text("belongs to the CIO")
    form.get_by_role("button", name="Hint").click()
    expect(form.locator(".caio-hint")).to_contain_text("Hint", timeout=20_000)
    expect(feedback).to_contain_text("Not yet")  # the hint comes beneath the reason, not instead of it
    page.close()


def drive_the_workbench(page) -> None:
    """Move the benefit weight of lesson 03's workbench to 0; the ranking shown must be `scoring.score`'s."""
    from playwright.sync_api import expect

    from caiokit.catalog import load_catalog
    from caiokit.scoring import score

    # Bring the tool's cell into view (JupyterLab may render widgets lazily), then wait for the tool itself.
    index = page.evaluate(
        """async () => {
            const notebook = window.jupyterapp.shell.currentWidget.content;
            const i = notebook.widgets.findIndex(c => c.model.sharedModel.source.includes("PrioritizationWorkbench("));
            notebook.activeCellIndex = i;
            await notebook.scrollToItem(i, "start");
            return i;
        }"""
    )
    assert index >= 0, "lesson 03 has no PrioritizationWorkbench cell"
    workbench = page.locator(".caio-prioritization-workbench").last
    workbench.wait_for(state="attached", timeout=120_000)
    workbench.scroll_into_view_if_needed()
    ranking = page.locator(".caio-ranking").last
    expect(ranking.locator(".caio-rank-id").first).to_be_visible(timeout=30_000)
    before = ranking.locator(".caio-rank-id").all_inner_texts()

    handle = page.locator(".caio-weight-benefit").last.locator(".noUi-handle")
    handle.focus()
    for _press in range(6):
        handle.press("ArrowLeft")

    def shown() -> tuple[dict[str, float], list[str]]:
        """The weights the sliders display and the ranking the table displays, read from the page."""
        return displayed_weights(page), ranking.locator(".caio-rank-id").all_inner_texts()

    def domain_ranking(weights: dict[str, float], n: int) -> list[str]:
        scored = score(load_catalog(), method="weighted", weights=weights).dropna(subset=["rank"])
        return list(scored.sort_values("rank")["id"][:n])

    # The six key presses are handled one by one by the kernel: wait until the page settles on the final
    # slider value, then the ranking shown must be the domain's ranking for the weights shown.
    deadline = time.monotonic() + 30
    weights, after = shown()
    while time.monotonic() < deadline and (
        weights["benefit"] > 0.0 or after != domain_ranking(weights, len(after))
    ):
        page.wait_for_timeout(500)
        weights, after = shown()
    assert weights["benefit"] == 0.0, "the slider did not reach its minimum"
    assert after == domain_ranking(weights, len(after))
    assert after != before


def test_workbench_ranking_follows_a_weight_slider(browser, jupyterlab):
    """Lesson 03: moving a weight slider re-ranks the use cases exactly as `scoring.score` does."""
    page = open_and_run(browser, jupyterlab, "03_use_case_prioritization.ipynb")
    drive_the_workbench(page)
    page.close()


FRENCH_03 = ROOT / "notebooks" / notebook_path("03_use_case_prioritization", "fr")


@pytest.fixture(scope="module")
def french_jupyterlab(tmp_path_factory):
    with lab_on_a_copy(tmp_path_factory.mktemp("lab-fr"), locale="fr_FR") as lab:
        yield lab


@pytest.mark.skipif(not FRENCH_03.is_file(), reason="lesson 03 has no French edition yet")
def test_a_french_lesson_in_a_french_jupyterlab_shows_and_drives_its_tool_in_french(
    browser, french_jupyterlab
):
    """The French learner's JupyterLab: its menus in French (the language pack), lesson 03's workbench with
    French tabs, and the same ranking as `scoring.score` when a weight moves."""
    from playwright.sync_api import expect

    page = open_and_run(browser, french_jupyterlab, FRENCH_03.relative_to(ROOT / "notebooks").as_posix())
    expect(page.locator(".lm-MenuBar-itemLabel", has_text="Fichier")).to_be_visible(timeout=30_000)
    with speaking("fr"):
        ranking_tab, export_tab = _("Ranking"), _("Your catalog & export")
    assert ranking_tab != "Ranking"
    workbench = page.locator(".caio-prioritization-workbench").last
    workbench.wait_for(state="attached", timeout=120_000)
    expect(workbench.locator(".lm-TabBar-tabLabel", has_text=ranking_tab).first).to_be_visible(timeout=30_000)
    expect(workbench.locator(".lm-TabBar-tabLabel", has_text=export_tab).first).to_be_attached()
    drive_the_workbench(page)
    page.close()
