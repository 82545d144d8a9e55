"""Servers a test starts on 127.0.0.1 and stops on the way out: JupyterLab."""

from __future__ import annotations

import contextlib
import os
import secrets
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from harness.ports import free_port


@contextlib.contextmanager
def running_jupyterlab(env: dict, log_path: Path, root_dir: Path | None = None, cwd: Path | None = None):
    """JupyterLab on 127.0.0.1 with a fresh token, its app exposed to the page for the tests; yields its base URL
    and token once it answers, and stops it on the way out. Fails the test if it does not start in 60 s."""
    port, token = free_port(), secrets.token_hex(16)
    command = [
        sys.executable, "-m", "jupyterlab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
        f"--IdentityProvider.token={token}", "--LabApp.expose_app_in_browser=True",
        "--ServerApp.disable_check_xsrf=True",
    ]  # fmt: skip
    if root_dir is not None:
        command.append(f"--ServerApp.root_dir={root_dir}")
    if os.geteuid() == 0:
        command.append("--allow-root")
    with log_path.open("w") as log:
        server = subprocess.Popen(command, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT)
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2)
                    break
                except OSError:
                    if time.monotonic() > deadline:
                        pytest.fail("JupyterLab did not start within 60 s:\n" + log_path.read_text())
                    time.sleep(0.5)
            yield {"base": base, "token": token}
        finally:
            server.terminate()
            server.wait(timeout=30)
