"""A class on one JupyterHub, for real: deploy/jupyterhub/setup_hub.py installs it on this machine, then
headless Chromium drives it as an instructor and two learners would.

Marker ``hub``: it needs root (it creates system users and the hub logs them in with PAM), takes several
minutes, and changes the machine only in ways it undoes: the accounts caiotest-ada (instructor),
caiotest-bob and caiotest-eve (learners) and their homes, and one scratch folder, /tmp/caiokit-hub-test, which
holds the prefix (the hub's and the shared environments), the exchange and the learner edition. Everything is
removed at the end, pass or fail; a run that was killed is cleaned up by the next one, which reads what it
made from /tmp/caiokit-hub-test/created.json. The environments are installed by setup_hub.py's uv, whose cache
(root's, in ~/.cache/uv) keeps what it downloaded between runs; the instructor's account is new on each run, so
its environment is downloaded again (about 20 s).

What runs, in order:

1. the instructor's account, with the course in ~/caio101 (a copy of this repository's files), and a learner
   edition built for the scratch exchange;
2. ``setup_hub.py`` for real, as ``sudo`` would run it (the system's python3, root, a plain PATH), with
   ``--no-system-packages`` (the tools must be there already: it checks them, installs nothing) and
   ``--no-service`` (no systemd here): it makes the learners' accounts, the environments, the exchange, the
   published edition; then a second run, where every step is already done;
3. a password for each account (chpasswd), and the hub started as root on 127.0.0.1 from the generated
   configuration, with PAM login and the local process spawner;
4. in Chromium: bob logs in, clicks the nbgitpuller link, opens lesson 03, runs it and moves a workbench weight
   slider (the ranking shown must follow); in the Assignment List he fetches 02_prioritization, writes two
   answers (through JupyterLab's notebook model, then saves), validates and submits; eve logs in, pulls the
   lessons, opens lesson 00, fetches and submits the assignment untouched;
5. in Chromium, the instructor's Formgrader: collect, autograde each submission (in caiokit's bubblewrap
   sandbox: bob's answer looks for the instructor's source/ and must not find it), a score for bob's
   written answer, generate and release feedback; then bob fetches his feedback in the Assignment List;
6. as each user (runuser): each learner's progress file is in their own home, and neither learner can read the
   other's work, the other's progress, the exchange's inbound folder, or the instructor's source/.

All of it goes through the browser's user interface except: the answers are put in the cells through
JupyterLab's own notebook model (``cell.model.sharedModel.setSource``) and saved with its save command, rather
than typed; the id of bob's submission is read from the Formgrader's REST API to open its grading page (the
gradebook's list shows submissions without names), and the scores are read there too to check them.

The last three tests (no marker: quick, they change nothing) check setup_hub.py's options with dry runs.
"""

from __future__ import annotations

import contextlib
import grp
import importlib.util
import json
import os
import pwd
import re
import secrets
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from harness.browser import requires_chromium
from harness.ports import free_port_block

ROOT = Path(__file__).resolve().parents[2]
SETUP_HUB = ROOT / "deploy" / "jupyterhub" / "setup_hub.py"
INSTRUCTOR = "caiotest-ada"
LEARNERS = ("caiotest-bob", "caiotest-eve")
PEOPLE = (INSTRUCTOR, *LEARNERS)
BASE = Path("/tmp/caiokit-hub-test")
CREATED = BASE / "created.json"
COURSE_ID = "caio101"
ASSIGNMENT = "02_prioritization"
LESSON = "03_use_case_prioritization.ipynb"
# What sudo gives a command (Debian's secure_path): the system's python3, not a developer's.
SUDO_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
# Tool -> what provides it. setup_hub.py checks its own; the test needs the account tools too.
TOOLS = {
    "python3": "python3", "useradd": "passwd", "userdel": "passwd", "chpasswd": "passwd", "runuser": "util-linux",
    "git": "git", "rsync": "rsync", "node": "nodejs", "npm": "npm", "bwrap": "bubblewrap",
    "configurable-http-proxy": "npm install -g configurable-http-proxy@5.3.0",
}  # fmt: skip
SETUP_TIMEOUT_S = 900
MARK = "caiokit hub test"


def run(*command: str, check: bool = True, **kwargs) -> subprocess.CompletedProcess:
    result = subprocess.run(command, capture_output=True, text=True, check=False, **kwargs)
    if check and result.returncode != 0:
        raise AssertionError(
            f"{' '.join(command)} exited {result.returncode}:\n{result.stdout}\n{result.stderr}"
        )
    return result


def as_user(user: str, *command: str, cwd: str | None = None) -> subprocess.CompletedProcess:
    """A command run as ``user``, never checked: the caller judges. A plain environment, as the hub gives its
    servers (runuser sets HOME, USER and LOGNAME), so nothing of the test's own (CAIOKIT_PROGRESS) leaks in."""
    env = {"PATH": SUDO_PATH, "LANG": "C.UTF-8"}
    return run("runuser", "-u", user, "--", *command, check=False, cwd=cwd or "/", env=env)


def account(name: str) -> pwd.struct_passwd | None:
    try:
        return pwd.getpwnam(name)
    except KeyError:
        return None


def kill_processes_of(uid: int) -> None:
    """Stop every process owned by ``uid`` (one of the test's own accounts), by process id."""
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if entry.stat().st_uid == uid:
                    os.kill(int(entry.name), signal.SIGKILL)
            except (ProcessLookupError, FileNotFoundError, PermissionError):
                continue


def remove_leftovers(created: dict) -> list[str]:
    """Undo what a run made (as listed in created.json): the hub, the accounts, the scratch folder."""
    problems = []
    pid = created.get("hub_pid")
    if pid:
        try:
            if str(BASE) in Path(f"/proc/{pid}/cmdline").read_text(errors="replace"):
                os.killpg(pid, signal.SIGKILL)
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            pass
    for name in created.get("users", []):
        user = account(name)
        if user is None:
            continue
        for _ in range(3):
            kill_processes_of(user.pw_uid)
            result = run("userdel", "--remove", name, check=False)
            if account(name) is None:
                break
            time.sleep(1)
        else:
            problems.append(f"userdel {name}: {result.stderr.strip()}")
        try:
            grp.getgrnam(name)
            run("groupdel", name, check=False)
        except KeyError:
            pass
    shutil.rmtree(BASE, ignore_errors=True)
    if BASE.exists():
        problems.append(f"{BASE} could not be removed")
    return problems


def load_setup_hub():
    spec = importlib.util.spec_from_file_location("setup_hub", SETUP_HUB)
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("setup_hub", module)  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def timed_lines(process: subprocess.Popen) -> tuple[list[tuple[float, str]], threading.Thread]:
    """Read a process's output as it comes, each line with the time it came (in a thread, returned too)."""
    lines: list[tuple[float, str]] = []

    def read() -> None:
        for line in process.stdout:
            lines.append((time.monotonic(), line.rstrip("\n")))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    return lines, reader


def step_durations(lines: list[tuple[float, str]], ended: float) -> dict[str, float]:
    """Seconds each ``[n/N] title`` step of setup_hub.py took, from its line to the next step's."""
    marks = [(at, text) for at, text in lines if re.match(r"^\[\d+/\d+\] ", text)]
    return {
        text: round(nxt - at, 1)
        for (at, text), (nxt, _) in zip(marks, [*marks[1:], (ended, "")], strict=True)
    }


@dataclass
class HubMachine:
    """This machine set up as the README says, with the hub running; ``close()`` undoes all of it."""

    port: int = 0
    passwords: dict[str, str] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    setup_steps: dict[str, float] = field(default_factory=dict)
    setup_output: str = ""
    second_run_output: str = ""
    hub: subprocess.Popen | None = None
    term_done: bool = False  # test_a_term_on_the_hub got to its end
    claimed: bool = False  # the scratch folder and the account names are this run's (created.json written)

    prefix: Path = BASE / "opt"
    exchange: Path = BASE / "exchange"
    edition: Path = BASE / "edition"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @staticmethod
    def home(user: str) -> Path:
        return Path(pwd.getpwnam(user).pw_dir)

    @property
    def course(self) -> Path:
        return Path("/home") / INSTRUCTOR / COURSE_ID

    def nbgitpuller_link(self) -> str:
        return re.search(r"^\s+(http://\S+/hub/user-redirect/git-pull\?\S+)$", self.setup_output, re.M)[1]

    # --- set-up --------------------------------------------------------------------------------------------------

    def open(self) -> HubMachine:
        missing = [
            f"{tool} ({source})" for tool, source in TOOLS.items() if not shutil.which(tool, path=SUDO_PATH)
        ]
        if missing:
            pytest.fail(f"the hub test needs these on {SUDO_PATH}: {', '.join(missing)}")
        if BASE.exists():  # an earlier run was killed before its clean-up
            problems = remove_leftovers(json.loads(CREATED.read_text()) if CREATED.is_file() else {})
            assert not problems, f"an earlier run left things this test cannot remove: {problems}"
        strangers = [name for name in PEOPLE if account(name) is not None]
        if strangers:
            pytest.fail(
                f"accounts {strangers} exist and this test did not make them: remove them (userdel -r) first"
            )
        BASE.mkdir(parents=True)
        BASE.chmod(0o755)  # every account reaches the prefix and the exchange inside it
        self.port = free_port_block((0, 1, 81))  # the hub, the proxy's API, the hub's API
        self._record()
        self.claimed = True
        started = time.monotonic()
        run("useradd", "--create-home", "--shell", "/bin/bash", "--comment", MARK, INSTRUCTOR)
        self._copy_course()
        run(sys.executable, "-m", "caiokit.authoring", "learner-edition", str(self.edition),
            f"--exchange={self.exchange}", cwd=ROOT)  # fmt: skip
        self.timings["account, course copy and learner edition"] = round(time.monotonic() - started, 1)
        self._set_up_hub()
        for user in PEOPLE:
            self.passwords[user] = secrets.token_urlsafe(12)
        run("chpasswd", input="".join(f"{user}:{pw}\n" for user, pw in self.passwords.items()))
        for learner in LEARNERS:
            self._render_every_cell(learner)
        self._start_hub()
        return self

    def _record(self) -> None:
        CREATED.write_text(json.dumps({"users": list(PEOPLE), "hub_pid": self.hub.pid if self.hub else None}))

    def _copy_course(self) -> None:
        """The instructor's clone of the course: this repository's files (tracked or new, not ignored)."""
        listed = run("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard", cwd=ROOT).stdout
        for name in filter(None, listed.split("\0")):
            source = ROOT / name
            if source.is_file():
                target = self.course / name
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, target)

    def _setup_command(self) -> list[str]:
        python = shutil.which("python3", path=SUDO_PATH)
        return [
            python, str(SETUP_HUB), "--edition", str(self.edition), "--instructor", INSTRUCTOR,
            *(part for learner in LEARNERS for part in ("--learner", learner)), "--course", str(self.course),
            "--prefix", str(self.prefix), "--exchange", str(self.exchange), "--port", str(self.port),
            "--no-system-packages", "--no-service",
        ]  # fmt: skip

    def _setup_env(self) -> dict[str, str]:
        env = {"PATH": SUDO_PATH, "HOME": "/root", "LANG": "C.UTF-8", "TERM": "dumb"}
        env |= {name: value for name, value in os.environ.items() if name.startswith(("PIP_", "UV_"))}
        return env

    def _set_up_hub(self) -> None:
        started = time.monotonic()
        process = subprocess.Popen(
            self._setup_command(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            env=self._setup_env(), cwd="/",
        )  # fmt: skip
        lines, reader = timed_lines(process)
        try:
            process.wait(timeout=SETUP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        reader.join(timeout=10)
        ended = time.monotonic()
        self.setup_output = "\n".join(text for _, text in lines)
        (BASE / "setup_hub.log").write_text(self.setup_output)
        assert process.returncode == 0, (
            f"setup_hub.py exited {process.returncode}:\n{self.setup_output[-6000:]}"
        )
        self.timings["setup_hub.py"] = round(ended - started, 1)
        self.setup_steps = step_durations(lines, ended)
        started = time.monotonic()
        again = run(*self._setup_command(), env=self._setup_env(), cwd="/", check=False)
        self.timings["setup_hub.py again"] = round(time.monotonic() - started, 1)
        self.second_run_output = again.stdout + again.stderr
        assert again.returncode == 0, self.second_run_output

    def _render_every_cell(self, learner: str) -> None:
        """Test instrumentation: JupyterLab renders every cell (not only those in view) for this learner, so that
        the browser reaches a tool far down a lesson, as tests/browser/test_browser.py does."""
        home = self.home(learner)
        settings = home / ".jupyter" / "lab" / "user-settings" / "@jupyterlab" / "notebook-extension"
        settings.mkdir(parents=True)
        (settings / "tracker.jupyterlab-settings").write_text('{"windowingMode": "none"}')
        run("chown", "-R", f"{learner}:", str(home / ".jupyter"))

    def _start_hub(self) -> None:
        hub_bin = self.prefix / "hub" / "bin"
        env = {"PATH": f"{hub_bin}:{SUDO_PATH}", "HOME": "/root", "LANG": "C.UTF-8"}
        log = (BASE / "jupyterhub.log").open("w")
        command = [
            str(hub_bin / "jupyterhub"), "-f", str(self.prefix / "config" / "jupyterhub_config.py"),
            # Test instrumentation only: JupyterLab exposes its application object to the page's scripts.
            "--Spawner.args=--LabApp.expose_app_in_browser=True",
        ]  # fmt: skip
        started = time.monotonic()
        self.hub = subprocess.Popen(
            command,
            cwd=self.prefix / "state",
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        log.close()
        self._record()
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{self.url}/hub/api/", timeout=2) as answer:
                    json.load(answer)
                break
            except OSError:
                if self.hub.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("the hub did not start within 60 s:\n" + self.hub_log()[-4000:])
                time.sleep(0.5)
        self.timings["hub start"] = round(time.monotonic() - started, 1)

    def hub_log(self) -> str:
        path = BASE / "jupyterhub.log"
        return path.read_text(errors="replace") if path.exists() else ""

    # --- clean-up ------------------------------------------------------------------------------------------------

    def close(self) -> list[str]:
        """Stop the hub (it stops the servers and the proxy), then anything left, then remove what was made."""
        if not self.claimed:
            return []  # stopped before making anything: nothing here is this run's to remove
        if self.hub is not None and self.hub.poll() is None:
            self.hub.terminate()
            try:
                self.hub.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.hub.kill()
                self.hub.wait()
        if self.hub is not None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.hub.pid, signal.SIGKILL)  # the proxy, if the hub left it behind
        return remove_leftovers({"users": list(PEOPLE)})


@pytest.fixture(scope="module")
def hub():
    if os.geteuid() != 0:
        pytest.skip("the hub test creates system users and logs them in with PAM: run it as root (CI does)")
    machine = HubMachine()
    try:
        yield machine.open()
    finally:
        problems = machine.close()
        assert not problems, problems


# --- in the browser ----------------------------------------------------------------------------------------------

RUN_ALL_DONE = """() => {
    const nb = window.jupyterapp.shell.currentWidget;
    const kernel = nb?.sessionContext?.session?.kernel;
    if (!kernel || !nb.content) return false;
    const cells = nb.content.widgets.filter(c => c.model.type === 'code' && c.model.sharedModel.source);
    return kernel.status === 'idle' && cells.every(c => c.model.executionCount !== null);
}"""


def log_in(browser, hub: HubMachine, user: str):
    """A browser context of its own (its own cookies), logged in at the hub's login page; JupyterLab up."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.goto(f"{hub.url}/hub/login")
    page.fill("#username_input", user)
    page.fill("#password_input", hub.passwords[user])
    started = time.monotonic()
    page.click("#login_submit")
    page.wait_for_url(f"**/user/{user}/lab**", timeout=120_000)
    page.wait_for_function("window.jupyterapp?.commands.hasCommand('docmanager:open')", timeout=120_000)
    hub.timings[f"{user}: login to JupyterLab"] = round(time.monotonic() - started, 1)
    return context, page


def pull_lessons(page, hub: HubMachine, user: str) -> None:
    """Follow the nbgitpuller link setup_hub.py printed: it clones the edition and opens lesson 00."""
    started = time.monotonic()
    page.goto(hub.nbgitpuller_link())
    page.wait_for_url(f"**/user/{user}/lab/tree/{COURSE_ID}/notebooks/00_start_here.ipynb**", timeout=120_000)
    hub.timings[f"{user}: nbgitpuller"] = round(time.monotonic() - started, 1)
    assert (hub.home(user) / COURSE_ID / "notebooks" / LESSON).is_file()


def open_notebook(page, hub: HubMachine, user: str, path: str) -> float:
    """Open a notebook in a fresh workspace and wait for its kernel; return the seconds that took."""
    started = time.monotonic()
    page.goto(f"{hub.url}/user/{user}/lab/workspaces/{secrets.token_hex(4)}/tree/{path}?reset")
    page.wait_for_function(
        "p => window.jupyterapp?.shell.currentWidget?.context?.path === p", arg=path, timeout=60_000
    )
    page.wait_for_function(
        "window.jupyterapp.shell.currentWidget.sessionContext?.session?.kernel?.status === 'idle'",
        timeout=120_000,
    )
    return time.monotonic() - started


def run_all_cells(page) -> None:
    page.evaluate("window.jupyterapp.commands.execute('notebook:run-all-cells')")
    page.wait_for_function(RUN_ALL_DONE, timeout=240_000)


def move_benefit_slider(page) -> tuple[list[str], list[str], dict[str, float]]:
    """Lesson 03's workbench: the benefit weight to 0 with the keyboard; the ranking before and after, and the
    weights the sliders show at the end (once the ranking the page shows is the one those weights give)."""
    from caiokit.catalog import load_catalog
    from caiokit.scoring import score

    index = page.evaluate(
        """async () => {
            const notebook = window.jupyterapp.shell.currentWidget.content;
            const i = notebook.widgets.findIndex(c => c.model.sharedModel.source.includes("PrioritizationWorkbench("));
            if (i >= 0) { notebook.activeCellIndex = i; await notebook.scrollToItem(i, "start"); }
            return i;
        }"""
    )
    assert index >= 0, "lesson 03 has no PrioritizationWorkbench cell"
    page.locator(".caio-prioritization-workbench").last.wait_for(state="attached", timeout=120_000)
    ranking = page.locator(".caio-ranking").last.locator(".caio-rank-id")
    ranking.first.wait_for(state="visible", timeout=30_000)
    before = ranking.all_inner_texts()

    def shown() -> tuple[dict[str, float], list[str]]:
        weights = {}
        for slider in page.locator("[class*='caio-weight-']").all():
            name = next(c for c in slider.get_attribute("class").split() if c.startswith("caio-weight-"))
            weights[name.removeprefix("caio-weight-")] = float(slider.locator(".widget-readout").inner_text())
        return weights, ranking.all_inner_texts()

    def expected(weights: dict[str, float], n: int) -> list[str]:
        scored = score(load_catalog(), method="weighted", weights=weights).dropna(subset=["rank"])
        return list(scored.sort_values("rank")["id"][:n])

    handle = page.locator(".caio-weight-benefit").last.locator(".noUi-handle")
    handle.focus()
    for _ in range(6):
        handle.press("ArrowLeft")
    deadline = time.monotonic() + 30
    weights, after = shown()
    while time.monotonic() < deadline and (
        weights["benefit"] > 0.0 or after != expected(weights, len(after))
    ):
        page.wait_for_timeout(500)
        weights, after = shown()
    assert weights["benefit"] == 0.0, "the benefit slider did not reach its minimum"
    assert after == expected(weights, len(after)), "the ranking shown is not the one the weights shown give"
    return before, after, weights


def assignment_list(page):
    from playwright.sync_api import expect

    page.evaluate("window.jupyterapp.commands.execute('nbgrader:open-assignment-list')")
    expect(page.locator("#course_list_default")).to_have_text(COURSE_ID, timeout=60_000)
    return page


def fetch_assignment(page, hub: HubMachine, user: str) -> Path:
    from playwright.sync_api import expect

    released = assignment_list(page).locator("#released_assignments_list .list_item", has_text=ASSIGNMENT)
    expect(released).to_be_visible(timeout=30_000)
    released.get_by_role("button", name="Fetch").click()
    fetched = page.locator("#fetched_assignments_list > .list_item", has_text=ASSIGNMENT).first
    expect(fetched).to_be_visible(timeout=60_000)
    notebook = hub.home(user) / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
    assert notebook.is_file(), f"the Assignment List says fetched, but {notebook} is missing"
    return notebook


def write_answers(page, answers: dict[str, str]) -> None:
    """Put each answer in the cell with that grade id of the open notebook, through JupyterLab's notebook model,
    and save with JupyterLab's save command."""
    changed = page.evaluate(
        """answers => {
            let changed = 0;
            for (const cell of window.jupyterapp.shell.currentWidget.content.widgets) {
                const id = cell.model.getMetadata('nbgrader')?.grade_id;
                if (id in answers) { cell.model.sharedModel.setSource(answers[id]); changed++; }
            }
            return changed;
        }""",
        answers,
    )
    assert changed == len(answers), f"{changed} of the {len(answers)} answer cells were found"
    page.evaluate("window.jupyterapp.commands.execute('docmanager:save')")
    page.wait_for_function("!window.jupyterapp.shell.currentWidget.context.model.dirty", timeout=30_000)


def validate_and_submit(page, validate: bool) -> str:
    """In the Assignment List: Validate the fetched notebook (if asked; returns what the dialog says), then
    Submit, and wait for the submission to be listed."""
    from playwright.sync_api import expect

    fetched = (
        assignment_list(page).locator("#fetched_assignments_list > .list_item", has_text=ASSIGNMENT).first
    )
    expect(fetched).to_be_visible(timeout=30_000)
    said = ""
    if validate:
        fetched.locator("a.assignment-notebooks-link").click()
        button = fetched.get_by_role("button", name="Validate")
        button.click()
        dialog = page.locator(".jp-Dialog")
        expect(dialog).to_be_visible(timeout=180_000)
        said = dialog.inner_text()
        expect(button).to_have_class(re.compile(r"btn-(danger|success)"))
        dialog.get_by_role("button").last.click()
        expect(dialog).to_be_hidden(timeout=10_000)
    fetched.get_by_role("button", name="Submit").click()
    expect(page.locator("#submitted_assignments_list .list_item", has_text=ASSIGNMENT).first).to_be_visible(
        timeout=60_000
    )
    return said


def formgrader_action(page, cell, action: str) -> str:
    """Click a Formgrader link in a table cell and return what its dialog says; fail on the error dialog."""
    from playwright.sync_api import expect

    cell.locator("a").click()
    dialog = page.locator("#success-modal, #error-modal")
    expect(dialog).to_be_visible(timeout=300_000)
    said = dialog.inner_text()
    assert dialog.get_attribute("id") == "success-modal", f"{action}: {said}"
    dialog.locator("button").last.click()
    expect(dialog).to_be_hidden(timeout=10_000)
    return said


# --- the tests -----------------------------------------------------------------------------------------------------


def release_assignment(hub: HubMachine) -> None:
    """The instructor, in a terminal of their own: the assignment with a due date, its student version, released
    (the exchange named as the hub names it for the instructor's server)."""
    course_bin = hub.course / ".venv" / "bin"
    for args in (
        ["db", "assignment", "add", ASSIGNMENT, "--duedate=2099-01-15 17:00:00 UTC"],
        ["generate_assignment", ASSIGNMENT, "--force"],
        ["release_assignment", ASSIGNMENT],
    ):
        result = as_user(
            INSTRUCTOR, "env", f"PATH={course_bin}:/usr/bin:/bin", f"CAIOKIT_EXCHANGE={hub.exchange}",
            str(course_bin / "nbgrader"), *args, cwd=str(hub.course),
        )  # fmt: skip
        assert result.returncode == 0, f"nbgrader {' '.join(args)}:\n{result.stdout}\n{result.stderr}"


def listening(hub: HubMachine) -> list[tuple[int, str, int]]:
    """(pid, address, port) of every listening socket of the hub, its proxy and the test accounts' processes."""
    import psutil

    uids = {pwd.getpwnam(name).pw_uid for name in PEOPLE}
    ours = set()
    for process in psutil.process_iter(["uids"]):
        try:
            if process.info["uids"].real in uids or os.getpgid(process.pid) == hub.hub.pid:
                ours.add(process.pid)
        except (psutil.Error, ProcessLookupError):
            continue
    return [
        (c.pid, c.laddr.ip, c.laddr.port)
        for c in psutil.net_connections(kind="inet")
        if c.status == psutil.CONN_LISTEN and c.pid in ours
    ]


def solution_of(grade_id: str) -> str:
    """The model answer of one answer cell, from source/ (as a learner who got it right would write it)."""
    notebook = json.loads((ROOT / "source" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb").read_text(encoding="utf-8"))
    cell = next(c for c in notebook["cells"] if c["metadata"].get("nbgrader", {}).get("grade_id") == grade_id)
    text = "".join(cell["source"])
    return text.split("### BEGIN SOLUTION\n", 1)[1].split("### END SOLUTION", 1)[0]


@requires_chromium
def test_setup_hub_sets_up_the_server_and_a_second_run_has_nothing_to_do(hub):
    titles = re.findall(r"^\[(\d+)/(\d+)\] (.+)$", hub.setup_output, flags=re.M)
    assert len(titles) == 11 and all(total == "11" for _, total, _ in titles), hub.setup_output
    # --no-system-packages: the tools are there, so the two steps are only checked; nothing is installed.
    assert "$ apt-get" not in hub.setup_output and "$ npm install" not in hub.setup_output
    assert re.search(
        r"^\[1/11\] System packages.+checked, not installed\)\n    already done$", hub.setup_output, re.M
    )
    # --no-service: no systemd unit is written; the script says how to start the hub.
    assert re.search(
        r"^\[11/11\] Service caiokit-hub\n    skipped \(--no-service: start the hub", hub.setup_output, re.M
    )
    assert "/etc/systemd/system" not in hub.setup_output
    # The learners' accounts are the script's own, with homes only they read.
    for learner in LEARNERS:
        assert f"$ useradd --create-home --shell /bin/bash {learner}" in hub.setup_output
    for user in PEOPLE:
        assert hub.home(user).stat().st_mode & 0o777 == 0o700, user
    assert hub.exchange.stat().st_mode & 0o7777 == 0o1777
    learner_settings = (hub.prefix / "user" / "etc" / "jupyter" / "nbgrader_config.py").read_text()
    assert f'c.Exchange.root = "{hub.exchange}"' in learner_settings
    # Run again: every step is already done, or left out as asked.
    second = re.findall(r"^\[\d+/11\] .+\n    (.+)$", hub.second_run_output, flags=re.M)
    assert len(second) == 11 and all(
        line == "already done" or line.startswith("skipped (--no-service") for line in second
    ), hub.second_run_output
    assert "$ " not in hub.second_run_output and "write " not in hub.second_run_output
    print(
        f"\nset-up timings (s): {hub.timings}\nsetup_hub.py steps (s): {json.dumps(hub.setup_steps, indent=1)}"
    )


@requires_chromium
def test_a_term_on_the_hub(hub, browser):
    from playwright.sync_api import expect

    bob, eve = LEARNERS
    release_assignment(hub)
    contexts = []
    try:
        # Bob: log in, pull the lessons, lesson 03's workbench follows a slider.
        context, page = log_in(browser, hub, bob)
        contexts.append(context)
        assert not page.evaluate("window.jupyterapp.commands.hasCommand('nbgrader:open-formgrader')"), (
            "a learner's JupyterLab offers the Formgrader"
        )
        pull_lessons(page, hub, bob)
        hub.timings[f"{bob}: lesson 03 open to idle kernel"] = round(
            open_notebook(page, hub, bob, f"{COURSE_ID}/notebooks/{LESSON}"), 1
        )
        started = time.monotonic()
        run_all_cells(page)
        hub.timings[f"{bob}: lesson 03 run all"] = round(time.monotonic() - started, 1)
        before, after, _ = move_benefit_slider(page)
        assert after != before, "moving the benefit weight to 0 did not change the ranking"

        # Bob: fetch 02_prioritization, answer Q3 (with a look for the instructor's source/) and Q6, validate, submit.
        fetched = fetch_assignment(page, hub, bob)
        assert "Due: Thursday 15 January 2099, 17:00 UTC." in fetched.read_text()
        open_notebook(page, hub, bob, f"{ASSIGNMENT}/{ASSIGNMENT}.ipynb")
        probe = f'print("source/ visible:", __import__("os").path.exists("{hub.course / "source"}"))\n'
        write_answers(
            page,
            {
                "q3_excluded_answer": solution_of("q3_excluded_answer") + probe,
                "q6_written_cut": "I would cut the customer chatbot: its value depends on data we do not have yet.",
            },
        )
        said = validate_and_submit(page, validate=True)
        assert "The following cell failed" in said and "rice must return a number" in said, said
        assert "excluded_use_case must be" not in said, "Q3, answered, failed its visible tests"

        # Eve: log in, pull the lessons, run lesson 00, fetch the assignment and submit it as it is.
        context, eve_page = log_in(browser, hub, eve)
        contexts.append(context)
        pull_lessons(eve_page, hub, eve)
        open_notebook(eve_page, hub, eve, f"{COURSE_ID}/notebooks/00_start_here.ipynb")
        run_all_cells(eve_page)
        fetch_assignment(eve_page, hub, eve)
        validate_and_submit(eve_page, validate=False)
        inbound = hub.exchange / COURSE_ID / "inbound"
        assert sorted(p.name.split("+")[0] for p in inbound.iterdir()) == [bob, eve]

        # Every server of the class listens on 127.0.0.1 only.
        sockets = listening(hub)
        assert sockets and all(ip == "127.0.0.1" for _, ip, _ in sockets), sockets

        # The instructor, in the Formgrader: collect, autograde each (sandboxed), grade Q6, feedback.
        context, grader = log_in(browser, hub, INSTRUCTOR)
        contexts.append(context)
        formgrader = f"{hub.url}/user/{INSTRUCTOR}/formgrader"
        grader.goto(f"{formgrader}/manage_assignments")
        row = grader.locator("tr", has_text=ASSIGNMENT)
        said = formgrader_action(grader, row.locator("td.collect"), "collect")
        assert (
            f"Collecting submission: {bob} {ASSIGNMENT}" in said and f"Collecting submission: {eve}" in said
        )
        grader.goto(f"{formgrader}/manage_submissions/{ASSIGNMENT}")
        for learner in LEARNERS:
            started = time.monotonic()
            formgrader_action(
                grader, grader.locator("tr", has_text=learner).locator("td.autograde"), "autograde"
            )
            hub.timings[f"autograde {learner}"] = round(time.monotonic() - started, 1)
        log = hub.hub_log()
        assert "NO SANDBOX" not in log
        for learner in LEARNERS:
            assert (
                f"Sandbox: the kernel can write only to {hub.course}/autograded/{learner}/{ASSIGNMENT}" in log
            )
        graded = json.loads(
            (hub.course / "autograded" / bob / ASSIGNMENT / f"{ASSIGNMENT}.ipynb").read_text()
        )
        outputs = [
            "".join(out.get("text", ""))
            for cell in graded["cells"]
            if cell["metadata"].get("nbgrader", {}).get("grade_id") == "q3_excluded_answer"
            for out in cell.get("outputs", [])
        ]
        assert (hub.course / "source").is_dir() and outputs == ["source/ visible: False\n"], outputs

        def scores() -> dict[str, tuple[float, bool]]:
            """Each learner's (score, needs manual grading), as the Formgrader's REST API gives them."""
            listed = grader.request.get(
                f"{formgrader}/api/submitted_notebooks/{ASSIGNMENT}/{ASSIGNMENT}"
            ).json()
            return {s["student"]: (s["score"], s["needs_manual_grade"]) for s in listed}, listed

        assert scores()[0] == {bob: (2.0, True), eve: (0.0, False)}
        bob_submission = next(s["id"] for s in scores()[1] if s["student"] == bob)
        grader.goto(f"{formgrader}/submissions/{bob_submission}/")
        # The page's script marks the score box once it is bound to the grade (and so saves what is typed).
        written = grader.locator("input#q6_written_cut.needs_manual_grade")
        expect(written).to_be_visible(timeout=30_000)
        written.fill("4")
        written.press("Tab")
        deadline = time.monotonic() + 30
        while scores()[0][bob] != (6.0, False) and time.monotonic() < deadline:
            grader.wait_for_timeout(500)
        assert scores()[0][bob] == (6.0, False), "the written answer's score was not saved"
        grader.goto(f"{formgrader}/manage_assignments")
        row = grader.locator("tr", has_text=ASSIGNMENT)
        formgrader_action(grader, row.locator("td.generate-feedback"), "generate feedback")
        said = formgrader_action(grader, row.locator("td.release-feedback"), "release feedback")
        assert f"Releasing feedback for student '{bob}'" in said

        # Bob fetches his feedback in the Assignment List.
        page.reload()
        page.wait_for_function("window.jupyterapp?.commands.hasCommand('docmanager:open')", timeout=120_000)
        submitted = (
            assignment_list(page).locator("#submitted_assignments_list .list_item", has_text=ASSIGNMENT).first
        )
        expect(submitted).to_contain_text("feedback available to fetch", timeout=30_000)
        submitted.get_by_role("button", name="Fetch Feedback").click()
        expect(submitted).to_contain_text("view feedback", timeout=60_000)
        feedback = list((hub.home(bob) / ASSIGNMENT / "feedback").glob(f"*/{ASSIGNMENT}.html"))
        assert len(feedback) == 1, feedback
        assert f"{ASSIGNMENT} (Score: 6.0 / 20.0)" in feedback[0].read_text()
        assert feedback[0].stat().st_uid == pwd.getpwnam(bob).pw_uid
        hub.term_done = True
    finally:
        for context in contexts:
            context.close()
    print(f"\ntimings (s): {json.dumps(hub.timings, indent=1)}")


@requires_chromium
def test_each_learner_keeps_work_and_progress_to_themselves(hub):
    """As each learner (runuser): their progress file is in their own home; the other learner's work and
    progress, the exchange's inbound folder and the instructor's source/ are closed to them."""
    assert hub.term_done, "test_a_term_on_the_hub did not get to the end: nothing to check"
    bob, eve = LEARNERS
    for learner, lesson in ((bob, "03"), (eve, "00")):
        progress = hub.home(learner) / ".caiokit" / "progress.sqlite"
        assert progress.is_file(), f"{learner} has no progress file in their home"
        assert progress.stat().st_uid == pwd.getpwnam(learner).pw_uid
        opened = as_user(learner, str(hub.prefix / "user" / "bin" / "python"), "-c",
                         "import json, caiokit.progress as p; print(json.dumps([e.lesson for e in p.ProgressStore().events()]))")  # fmt: skip
        assert opened.returncode == 0, opened.stderr
        assert any(lesson_id.startswith(lesson) for lesson_id in json.loads(opened.stdout)), opened.stdout
    source = hub.course / "source" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
    closed = {
        bob: [
            hub.home(eve) / ASSIGNMENT / f"{ASSIGNMENT}.ipynb",
            hub.home(eve) / ".caiokit" / "progress.sqlite",
        ],
        eve: [
            hub.home(bob) / ASSIGNMENT / f"{ASSIGNMENT}.ipynb",
            hub.home(bob) / ".caiokit" / "progress.sqlite",
        ],
    }
    for learner, paths in closed.items():
        for path in [*paths, source]:
            assert path.is_file(), path
            result = as_user(learner, "cat", str(path))
            assert result.returncode != 0 and "Permission denied" in result.stderr, (
                learner,
                path,
                result.stderr,
            )
        for folder in (hub.exchange / COURSE_ID / "inbound", hub.course):
            result = as_user(learner, "ls", str(folder))
            assert result.returncode != 0 and "Permission denied" in result.stderr, (
                learner,
                folder,
                result.stderr,
            )


# --- the set-up script's options, without changing anything (dry runs) ---------------------------------------------


@pytest.fixture
def edition(tmp_path) -> Path:
    """The three files of a learner edition that setup_hub.py reads before any step."""
    folder = tmp_path / "edition"
    folder.mkdir()
    (folder / ".caiokit-learner-edition.json").write_text(
        json.dumps({"course_id": COURSE_ID, "exchange": "/srv/x"})
    )
    (folder / "requirements.txt").write_text("caiokit\n")
    (folder / "nbgrader_config.py").write_text("c = get_config()\n")
    return folder


def dry_run(edition: Path, *options: str, path: str = SUDO_PATH) -> subprocess.CompletedProcess:
    return run(
        sys.executable, str(SETUP_HUB), "--dry-run", "--edition", str(edition), "--exchange", "/srv/x",
        "--instructor", "ada", "--learner", "bob", "--course", str(ROOT), "--prefix", str(edition.parent / "opt"),
        *options, check=False, env={"PATH": path},
    )  # fmt: skip


def test_no_service_installs_no_unit_and_says_how_to_start_the_hub(edition):
    result = dry_run(edition, "--no-service", "--port", "8123")
    assert result.returncode == 0, result.stderr
    service = result.stdout.split("[11/11] ", 1)[1]
    assert service.startswith(
        "Service caiokit-hub\n    skipped (--no-service: start the hub as root with `cd "
    )
    assert "systemd" not in service and "systemctl" not in result.stdout
    assert "http://127.0.0.1:8123/hub/user-redirect/git-pull?" in result.stdout


def test_the_port_sets_the_hub_its_api_and_the_proxy(edition):
    setup_hub = load_setup_hub()
    options = setup_hub.Options(
        edition=edition, instructor="ada", learners=("bob",), course=ROOT, prefix=Path("/opt/caiokit"),
        exchange=Path("/srv/x"), repo="file:///opt/caiokit/learner-edition", hub_url="http://127.0.0.1:8123",
        course_id=COURSE_ID, port=8123,
    )  # fmt: skip
    settings = setup_hub.settings(options)
    assert settings["bind_url"] == "http://127.0.0.1:8123"
    assert settings["hub_port"] == 8204 and settings["proxy_api_url"] == "http://127.0.0.1:8124"
    result = dry_run(edition, "--port", "80")
    assert (
        result.returncode == 2 and "argument --port: '80' is not a port from 1024 to 65454" in result.stderr
    )
    assert "Traceback" not in result.stderr


def test_no_system_packages_stops_and_names_what_is_missing(edition):
    result = dry_run(edition, "--no-system-packages", path="/nonexistent")
    assert result.returncode == 2, result.stdout
    assert (
        "error: step 1: --no-system-packages, but this is missing: git, rsync, node, npm, bwrap, python3's venv "
        "module. Install it with `apt-get install python3-venv git rsync nodejs npm bubblewrap`"
        in result.stderr
    )
    assert "Traceback" not in result.stderr and "$ apt-get" not in result.stdout
