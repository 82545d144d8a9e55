"""Run learners' notebooks in a sandbox while grading: bubblewrap, no network, CPU and memory limits.

The kernel that executes a submission sees the system read-only (Python, the virtual environment, the
caiokit package) and can write only to its own working copy and a private /tmp. It cannot see the
course's source/ folder, the gradebook, or any other learner's files, and it has no network. nbgrader
talks to it through Unix sockets (ZeroMQ's ipc transport) in a folder shared with the sandbox.

Where bubblewrap is missing or cannot create namespaces, :func:`available` says why; grading then warns
that submissions run with the instructor's rights.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import caiokit

KERNEL_NAME = "caiokit-sandbox"
CPU_SECONDS = 300
MEMORY_BYTES = 4 * 1024**3
# System folders the kernel may read; missing ones are skipped.
SYSTEM_DIRS = ("/usr", "/lib", "/lib64", "/lib32", "/bin", "/sbin", "/etc")


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


def kernel_argv(workdir: Path, connection_file: Path) -> list[str]:
    """The command that starts an ipykernel in a sandbox where only ``workdir`` is writable."""
    runtime_dir = connection_file.parent
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
        "--dev", "/dev",
        "--proc", "/proc",
        "--tmpfs", "/tmp",
        "--dir", "/tmp/home",
        *_mounts(),
        "--bind", str(runtime_dir), str(runtime_dir),
        "--bind", str(workdir), str(workdir),
        "--chdir", str(workdir),
        sys.executable, "-m", "ipykernel_launcher", "-f", str(connection_file),
    ]  # fmt: skip


def install_kernel(jupyter_dir: Path) -> None:
    """Write the sandbox kernelspec under ``jupyter_dir/kernels`` (put ``jupyter_dir`` on JUPYTER_PATH).

    The kernelspec starts this module, which reads the folder it was started in (Jupyter starts a kernel
    in its notebook's folder) and replaces itself with the sandboxed kernel bound to that folder only.
    """
    spec_dir = jupyter_dir / "kernels" / KERNEL_NAME
    spec_dir.mkdir(parents=True, exist_ok=True)
    spec = {
        "argv": [sys.executable, "-m", "caiokit.grading.sandbox", "{connection_file}"],
        "display_name": "Python 3 (caiokit grading sandbox)",
        "language": "python",
        # Signals sent to the sandbox's launcher do not reach the kernel inside it; an interrupt request on
        # the control channel does, so a cell that times out can still be stopped.
        "interrupt_mode": "message",
    }
    (spec_dir / "kernel.json").write_text(json.dumps(spec, indent=1), encoding="utf-8")


def nbgrader_options(runtime_dir: Path) -> list[str]:
    """Command-line options that make nbgrader run notebooks with the sandbox kernel over Unix sockets."""
    return [
        f"--Execute.kernel_name={KERNEL_NAME}",
        "--KernelManager.transport=ipc",
        f"--KernelManager.ip={runtime_dir / 'kernel'}",
        f"--KernelManager.connection_file={runtime_dir / 'kernel.json'}",
    ]


if __name__ == "__main__":
    argv = kernel_argv(Path.cwd(), Path(sys.argv[1]).resolve())
    os.execvp(argv[0], argv)
