"""Shared fixtures: tiny hand-made projects and the demo project."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from workbook.testing import MINIMAL, make_project, write_table  # noqa: F401 (re-exported for tests)

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "data" / "demo-lapland"
DEMO_XLSX = ROOT / "data" / "demo-lapland-xlsx"
# The browser the tests drive: tasks.py sets WORKBOOK_CHROMIUM; Debian's chromium otherwise.
CHROMIUM = os.environ.get("WORKBOOK_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]


@pytest.fixture
def project_factory(tmp_path):
    """``project_factory(**tables)`` writes a tiny project and returns its folder."""
    counter = iter(range(1_000_000))

    def factory(**tables):
        return make_project(tmp_path / f"project{next(counter)}", **tables)

    return factory


@pytest.fixture(scope="session")
def demo_project():
    from workbook import load_project

    return load_project(DEMO)
