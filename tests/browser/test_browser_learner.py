"""A learner's JupyterLab, started in their own folder with only the learner settings, reaches the course's exchange.

The instructor releases 01_caio_role with a due date from a scratch course. The learner has a fresh home whose
~/.jupyter/nbgrader_config.py is the learner edition's, and a folder of their own with no course files in it:
Nbgrader > Assignment List must name the course (not "Error fetching courses!"), list the assignment, fetch it,
and the fetched notebook must open with its due date on top.
"""

from __future__ import annotations

import os
import secrets
import shutil
import sys
from pathlib import Path

import pytest

from caiokit.learner_edition import learner_config

from harness.browser import requires_chromium
from harness.course import nbgrader
from harness.servers import running_jupyterlab

ROOT = Path(__file__).resolve().parents[2]
ASSIGNMENT = "01_caio_role"

pytestmark = requires_chromium


@pytest.fixture(scope="module")
def learner_lab(tmp_path_factory):
    base = tmp_path_factory.mktemp("learner-lab")
    course, exchange, home = base / "course", base / "exchange", base / "home"
    shutil.copytree(ROOT / "source" / ASSIGNMENT, course / "source" / ASSIGNMENT)
    shutil.copy(ROOT / "nbgrader_config.py", course / "nbgrader_config.py")
    exchange.mkdir()
    instructor = dict(os.environ, CAIOKIT_EXCHANGE=str(exchange), HOME=str(base / "instructor-home"))
    instructor["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{instructor['PATH']}"
    nbgrader("generate_assignment", ASSIGNMENT, "--force", cwd=course, env=instructor)
    nbgrader(
        "db", "assignment", "add", ASSIGNMENT, "--duedate=2027-01-15 17:00:00 UTC", cwd=course, env=instructor
    )
    nbgrader("release_assignment", ASSIGNMENT, cwd=course, env=instructor)

    (home / ".jupyter").mkdir(parents=True)
    (home / ".jupyter" / "nbgrader_config.py").write_text(learner_config(str(exchange)), encoding="utf-8")
    folder = home / "my-course-work"
    folder.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("CAIOKIT_EXCHANGE", "JUPYTER_CONFIG_PATH")}
    env.update(
        HOME=str(home),
        JUPYTER_CONFIG_DIR=str(home / ".jupyter"),
        JUPYTER_DATA_DIR=str(home / ".local" / "share" / "jupyter"),
        JUPYTERLAB_SETTINGS_DIR=str(home / "lab-settings"),
        CAIOKIT_PROGRESS=str(home / "progress.sqlite"),
    )
    log_path = base / "jupyterlab.log"
    with running_jupyterlab(env, log_path, cwd=folder) as server:
        yield {**server, "folder": folder, "log": log_path}


def test_the_assignment_list_fetches_a_released_assignment_in_the_learners_own_folder(browser, learner_lab):
    from playwright.sync_api import expect

    assert not (learner_lab["folder"] / "nbgrader_config.py").exists()
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    workspace = f"learner-{secrets.token_hex(4)}"
    page.goto(f"{learner_lab['base']}/lab/workspaces/{workspace}?reset&token={learner_lab['token']}")
    page.wait_for_function(
        "window.jupyterapp?.commands.hasCommand('nbgrader:open-assignment-list')", timeout=60_000
    )
    page.evaluate("window.jupyterapp.commands.execute('nbgrader:open-assignment-list')")
    course = page.locator("#course_list_default")
    expect(course).to_have_text("caio101", timeout=60_000)
    released = page.locator("#released_assignments_list .list_item", has_text=ASSIGNMENT)
    expect(released).to_be_visible(timeout=30_000)
    released.get_by_role("button", name="Fetch").click()
    fetched = page.locator("#fetched_assignments_list .list_item", has_text=ASSIGNMENT).first
    expect(fetched).to_be_visible(timeout=60_000)
    notebook = learner_lab["folder"] / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
    assert notebook.exists(), learner_lab["log"].read_text()

    page.evaluate(
        f"window.jupyterapp.commands.execute('docmanager:open', {{path: '{ASSIGNMENT}/{ASSIGNMENT}.ipynb'}})"
    )
    expect(
        page.locator(".jp-MarkdownOutput", has_text="Due: Friday 15 January 2027, 17:00 UTC.").first
    ).to_be_visible(timeout=60_000)
    assert "Error fetching courses!" not in page.content()
    page.close()
