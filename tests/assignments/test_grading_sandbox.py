"""Hostile code in a submission is contained on every grading path (the sandbox), and fails outside it."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest

from caiokit.errors import CaioKitError
from caiokit.grading.autograde import autograde

from harness.course import (
    ASSIGNMENT,
    MAX_CODE,
    NOTEBOOK,
    cell,
    code_scores,
    course_api,
    make_course,
    needs_sandbox,
    solution,
    submit,
    with_answer,
)
from harness.ports import free_port

ROOT = Path(__file__).resolve().parents[2]


class _Listener:
    """A TCP server on the host's loopback that counts the connections it receives."""

    def __init__(self):
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.connections = 0
        self.server.settimeout(0.5)
        self.running = True
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self):
        while self.running:
            try:
                connection, _ = self.server.accept()
                self.connections += 1
                connection.close()
            except OSError:
                continue

    def close(self):
        self.running = False
        self.thread.join(timeout=5)
        self.server.close()


def attack_code(course: Path, port: int, marker: Path) -> str:
    """A q1 answer that tries every trick, then answers correctly so its own score is the full 5."""
    answer = "".join(cell(solution(), "q1_sorter_answer")["source"])
    return f"""
import os, socket, sqlite3
COURSE = {str(course)!r}
stolen = []
for path in [COURSE + "/source/01_caio_role/01_caio_role.ipynb", "../../../source/01_caio_role/01_caio_role.ipynb",
             COURSE + "/gradebook.db", "../../../gradebook.db"]:
    try:
        stolen.append(open(path, errors="replace").read())
    except OSError:
        pass
print("LEAKED" if any("HIDDEN TESTS" in s or "SQLite format" in s for s in stolen) else "nothing found")
try:
    open(COURSE + "/submitted/victim/01_caio_role/01_caio_role.ipynb", "w").write("{{}}")
except OSError:
    pass
try:
    db = sqlite3.connect("file:" + COURSE + "/gradebook.db?mode=rw", uri=True)
    db.execute("UPDATE grade SET auto_score = 0")
    db.commit()
except Exception:
    pass
try:
    socket.create_connection(("127.0.0.1", {port}), timeout=2)
except OSError:
    pass
try:
    open({str(marker)!r}, "w").write("pwned")
except OSError:
    pass
{answer}
"""


class Formgrader:
    """A Jupyter server with the Formgrader on 127.0.0.1, run in the course folder, with its files in ``home``."""

    def __init__(self, course: Path, home: Path):
        self.port, self.token = free_port(), "grading-test"
        env = dict(
            os.environ,
            JUPYTER_CONFIG_DIR=str(home / "config"),
            JUPYTER_DATA_DIR=str(home / "data"),
            JUPYTER_RUNTIME_DIR=str(home / "runtime"),
            CAIOKIT_EXCHANGE=str(course / "exchange"),
        )
        home.mkdir(parents=True, exist_ok=True)
        self.log = home / "server.log"
        with open(self.log, "w") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "jupyter", "server", "--no-browser", "--ip=127.0.0.1",
                 f"--port={self.port}", f"--IdentityProvider.token={self.token}", f"--ServerApp.root_dir={course}",
                 *(["--allow-root"] if os.geteuid() == 0 else [])],
                cwd=course, env=env, stdout=log, stderr=subprocess.STDOUT,
            )  # fmt: skip
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                self.request("GET", "/api/status")
                return
            except OSError:
                if self.process.poll() is not None:
                    break
                time.sleep(0.5)
        self.stop()
        raise RuntimeError(f"the Jupyter server did not start:\n{self.log.read_text()[-3000:]}")

    def request(self, method: str, path: str, timeout: float = 5) -> dict:
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}{path}",
            method=method,
            data=b"" if method == "POST" else None,
            headers={"Authorization": f"token {self.token}"},
        )
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return json.loads(response.read())

    def autograde(self, assignment: str, student: str) -> dict:
        """What the Formgrader's Autograde button does: POST to its autograde handler."""
        return self.request(
            "POST", f"/formgrader/api/submission/{assignment}/{student}/autograde", timeout=600
        )

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def grade_with_caiokit(course: Path, isolate: bool = True) -> str:
    autograde(course, ASSIGNMENT, workers=1, isolate=isolate)
    return ""


def grade_with_the_cli(course: Path) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "nbgrader", "autograde", ASSIGNMENT],
        cwd=course, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stderr


def grade_with_the_api(course: Path) -> str:
    api = course_api(course)
    logs = []
    for student in ("victim", "attacker"):
        result = api.autograde(ASSIGNMENT, student)
        assert result["success"], result.get("error")
        logs.append(result["log"])
    return "".join(logs)


def grade_with_the_formgrader_button(course: Path) -> str:
    server = Formgrader(course, course.parent / "server")
    try:
        logs = []
        for student in ("victim", "attacker"):
            result = server.autograde(ASSIGNMENT, student)
            assert result["success"], result.get("error")
            logs.append(result["log"])
        return "".join(logs)
    finally:
        server.stop()


def run_attack(tmp_path: Path, grade: Callable[[Path], str]) -> dict:
    course = make_course(tmp_path / "course")
    listener = _Listener()
    marker = tmp_path / "written_by_the_attacker"
    try:
        submit(course, "victim", solution())
        submit(
            course, "attacker", with_answer("q1_sorter_answer", attack_code(course, listener.port, marker))
        )
        source_before = (course / "source" / ASSIGNMENT / NOTEBOOK).read_bytes()
        log = grade(course)
    finally:
        listener.close()
    graded = json.loads(
        (course / "autograded" / "attacker" / ASSIGNMENT / NOTEBOOK).read_text(encoding="utf-8")
    )
    printed = "".join("".join(o.get("text", "")) for c in graded["cells"] for o in c.get("outputs", []))
    assert "nothing found" in printed or "LEAKED" in printed, "the attack cell did not run"
    return {
        "course": course,
        "log": log,
        "leaked": "LEAKED" in printed,
        "connections": listener.connections,
        "marker": marker.exists(),
        "victim_intact": json.loads((course / "submitted" / "victim" / ASSIGNMENT / NOTEBOOK).read_text())
        == solution(),
        "source_intact": (course / "source" / ASSIGNMENT / NOTEBOOK).read_bytes() == source_before,
        "scores": code_scores(course),
    }


GRADING_PATHS = {
    "caiokit parallel grader": grade_with_caiokit,
    "nbgrader autograde": grade_with_the_cli,
    "NbGraderAPI.autograde": grade_with_the_api,
    "Formgrader Autograde button": grade_with_the_formgrader_button,
}


@needs_sandbox
@pytest.mark.parametrize("path", GRADING_PATHS)
def test_hostile_code_is_contained_on_every_grading_path(tmp_path, path):
    outcome = run_attack(tmp_path, GRADING_PATHS[path])
    assert not outcome["leaked"], "the submission read the solutions or the gradebook"
    assert outcome["connections"] == 0, "the submission reached the network"
    assert not outcome["marker"], "the submission wrote outside its working copy"
    assert outcome["victim_intact"] and outcome["source_intact"]
    assert outcome["scores"] == {"victim": MAX_CODE, "attacker": MAX_CODE}
    if path != "caiokit parallel grader":  # that one runs nbgrader in a subprocess and keeps only a verdict
        assert outcome["log"].count("Sandbox: the kernel can write only to") == 2, outcome["log"][-3000:]


@needs_sandbox
def test_the_parallel_grader_refuses_a_course_config_without_the_sandbox(tmp_path):
    course = make_course(tmp_path)
    submit(course, "victim", solution())
    with open(course / "nbgrader_config.py", "a", encoding="utf-8") as config:
        config.write("\nc.Autograde.autograde_preprocessors = Autograde.autograde_preprocessors.default()\n")
    with pytest.raises(CaioKitError, match="does not run learners' code in the sandbox: copy the"):
        autograde(course, ASSIGNMENT)
    assert not (course / "autograded").exists()


def test_without_the_sandbox_the_same_attack_succeeds(tmp_path):
    """The control experiment: it shows that the attack test above can fail, and why the sandbox matters."""
    outcome = run_attack(tmp_path, lambda course: grade_with_caiokit(course, isolate=False))
    assert outcome["leaked"] and outcome["marker"] and outcome["connections"] == 1


@needs_sandbox
def test_memory_and_cpu_limits_apply_in_the_sandbox(tmp_path):
    course = make_course(tmp_path)
    hog = "blob = bytearray(8 * 1024**3)\n" + "".join(cell(solution(), "q1_sorter_answer")["source"])
    submit(course, "hog", with_answer("q1_sorter_answer", hog))
    submit(course, "victim", solution())
    results = {r.student: r for r in autograde(course, ASSIGNMENT, workers=2, isolate=True)}
    assert results["hog"].graded
    assert code_scores(course) == {"hog": MAX_CODE - 5, "victim": MAX_CODE}
    graded = (course / "autograded" / "hog" / ASSIGNMENT / NOTEBOOK).read_text(encoding="utf-8")
    assert "MemoryError" in graded
