"""What several tiers of tests share: servers on 127.0.0.1, the browser, a scratch nbgrader course.

``tests/`` is on the path (pyproject.toml), so a test imports ``from harness.ports import free_port``.
Fixtures shared across tiers live in ``tests/conftest.py``.
"""
