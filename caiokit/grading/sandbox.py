"""Run learners' notebooks in a sandbox while grading: bubblewrap, no network, CPU and memory limits.

The kernel that executes a submission sees the system read-only (Python, the virtual environment, the
caiokit package) and can write only to its own working copy and a private /tmp. It cannot see the
course's source/ folder, the gradebook, or any other learner's files, and it has no network. nbgrader
talks to it through Unix sockets (ZeroMQ's ipc transport) in a folder shared with the sandbox.

nbgrader_config.py puts :class:`SandboxedExecute` in place of nbgrader's ``Execute`` step of
``Autograde``, so every grading path uses it: ``nbgrader autograde``, ``NbGraderAPI.autograde``, the
Formgrader's Autograde button, and ``python -m caiokit.grading autograde`` (which runs plain nbgrader).

Where bubblewrap is missing or cannot create namespaces, :func:`available` says why; grading then warns
loudly that submissions run with the instructor's rights.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from jupyter_client.manager import AsyncKernelManager
from nbgrader.preprocessors import Execute
from traitlets import Bool

import caiokit

CPU_SECONDS = 300
MEMORY_BYTES = 4 * 1024**3
# System folders the kernel may read; missing ones are skipped.
SYSTEM_DIRS = ("/usr", "/lib", "/lib64", "/lib32", "/bin", "/sbin", "/etc")
# Variables the kernel keeps from its launcher's environment (nbgrader tells notebooks it is grading them).
PASSED_VARIABLES = ("NBGRADER_EXECUTION",)
NO_SANDBOX_WARNING = (
    "NO SANDBOX (%s): learners' code runs with your rights and can read source/ and the gradebook. "
    "Install bubblewrap to isolate it."
)


@dataclass(frozen=True)
class Availability:
    """Whether the sandbox can be used here, and if not, why."""

    ok: bool
    reason: str


def available() -> Availability:
    """Check that bubblewrap and prlimit exist and that bubblewrap can create its namespaces."""
    for tool, package in (("bwrap", "bubblewrap"), ("prlimit", "util-linux")):
        if shutil.which(tool) is None:
            return Availability(False, f"`{tool}` is not installed (Debian/Ubuntu package `{package}`)")
    probe = subprocess.run(
        ["bwrap", "--unshare-all", "--die-with-parent", "--ro-bind", "/", "/", "true"],
        capture_output=True,
        text=True,
        check=False,
    )
    if probe.returncode != 0:
        return Availability(False, f"bubblewrap cannot create a sandbox here: {probe.stderr.strip()}")
    return Availability(True, "bubblewrap sandbox available")


def _mounts() -> list[str]:
    """bwrap options exposing, read-only, what the kernel needs: system, Python, virtual env, caiokit.

    System folders that are symbolic links on merged-/usr systems (/lib -> usr/lib) are recreated as links.
    """
    options: list[str] = []
    for folder in SYSTEM_DIRS:
        path = Path(folder)
        if path.is_symlink():
            options += ["--symlink", os.readlink(path), folder]
        elif path.is_dir():
            options += ["--ro-bind", folder, folder]
    package_dir = Path(caiokit.__file__).resolve().parent
    python_home = Path(sys.executable).resolve().parent.parent
    seen: set[str] = set()
    for candidate in (sys.base_prefix, sys.prefix, python_home, package_dir):
        resolved = str(Path(candidate).resolve())
        inside_system = any(resolved == d or resolved.startswith(d + "/") for d in SYSTEM_DIRS)
        if resolved not in seen and not inside_system and Path(resolved).exists():
            seen.add(resolved)
            options += ["--ro-bind", resolved, resolved]
    return options


def wrap(
    command: list[str], workdir: Path, runtime_dir: Path, env: dict[str, str] | None = None
) -> list[str]:
    """``command`` (a kernel's), run in a sandbox where only ``workdir`` and ``runtime_dir`` are writable."""
    passed = [
        option for name in PASSED_VARIABLES if env and name in env for option in ("--setenv", name, env[name])
    ]
    return [
        "prlimit",
        f"--cpu={CPU_SECONDS}",
        f"--as={MEMORY_BYTES}",
        "--",
        "bwrap",
        "--unshare-all",
        "--die-with-parent",
        "--new-session",
        "--cap-drop",
        "ALL",
        "--clearenv",
        "--setenv", "PATH", f"{Path(sys.executable).parent}:/usr/bin:/bin",
        "--setenv", "HOME", "/tmp/home",
        "--setenv", "LANG", "C.UTF-8",
        "--setenv", "MPLBACKEND", "Agg",
        *passed,
        "--dev", "/dev",
        "--proc", "/proc",
        "--tmpfs", "/tmp",
        "--dir", "/tmp/home",
        *_mounts(),
        "--bind", str(runtime_dir), str(runtime_dir),
        "--bind", str(workdir), str(workdir),
        "--chdir", str(workdir),
        *command,
    ]  # fmt: skip


class SandboxKernelManager(AsyncKernelManager):
    """A kernel manager that starts each kernel in the sandbox, bound to the folder it is started in.

    The kernel has no network, so it talks to nbgrader over Unix sockets (ZeroMQ's ipc transport) in a
    private folder made for this kernel alone and removed when it shuts down.
    """

    _runtime_dir: Path | None = None

    @property
    def kernel_spec(self):
        """The kernel's spec, set to be interrupted by message.

        Signals sent to the sandbox's launcher do not reach the kernel inside it; an interrupt request on
        the control channel does, so a cell that times out can still be stopped.
        """
        spec = super().kernel_spec
        if spec is not None:
            spec.interrupt_mode = "message"
        return spec

    async def _async_pre_start_kernel(self, **kw):
        if self._runtime_dir is None:
            self._runtime_dir = Path(tempfile.mkdtemp(prefix="caiokit-kernel-"))
            self.transport = "ipc"
            self.ip = str(self._runtime_dir / "kernel")
            self.connection_file = str(self._runtime_dir / "kernel.json")
        command, kw = await super()._async_pre_start_kernel(**kw)
        workdir = Path(kw.get("cwd") or os.getcwd()).resolve()
        self.log.info("Sandbox: the kernel can write only to %s, and has no network", workdir)
        return wrap(command, workdir, self._runtime_dir, kw.get("env")), kw

    async def _async_cleanup_resources(self, restart: bool = False) -> None:
        await super()._async_cleanup_resources(restart=restart)
        if not restart and self._runtime_dir is not None:
            shutil.rmtree(self._runtime_dir, ignore_errors=True)
            self._runtime_dir = None


class SandboxedExecute(Execute):
    """nbgrader's ``Execute``, with each notebook's kernel in the sandbox (configured in nbgrader_config.py).

    If the sandbox cannot work here, it says so loudly in the log and runs the kernel without isolation, as
    plain nbgrader would; ``--SandboxedExecute.isolate=False`` turns it off on purpose.
    """

    isolate = Bool(True, help="Run learners' code in the bubblewrap sandbox.").tag(config=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.isolate:
            self.log.warning(NO_SANDBOX_WARNING, "turned off on purpose")
            return
        status = available()
        if status.ok:
            self.kernel_manager_class = SandboxKernelManager
        else:
            self.log.warning(NO_SANDBOX_WARNING, status.reason)
