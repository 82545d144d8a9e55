"""Headless Chromium driven by Playwright: Debian's `chromium` (/usr/bin/chromium), never Playwright's download.

CI installs it; elsewhere the tests that need it are skipped with a message saying so (``requires_chromium``).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("CAIOKIT_CHROMIUM", "/usr/bin/chromium"))
# Without these flags Chromium keeps trying to reach Google's services, which a closed network refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

requires_chromium = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason=f"browser tests need Chromium at {CHROMIUM} (Debian: apt-get install chromium); set CAIOKIT_CHROMIUM "
    "to another Chromium binary to run them",
)


def displayed_weights(page) -> dict[str, float]:
    """The workbench's weights as its sliders display them, by criterion (the sliders' caio-weight-* class)."""
    weights = {}
    for slider in page.locator("[class*='caio-weight-']").all():
        name = next(c for c in slider.get_attribute("class").split() if c.startswith("caio-weight-"))
        weights[name.removeprefix("caio-weight-")] = float(slider.locator(".widget-readout").inner_text())
    return weights
