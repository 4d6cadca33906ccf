"""Shared fixtures: tiny hand-made projects and the demo project."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbook.dashboard.harness import CHROMIUM, CHROMIUM_ARGS  # noqa: F401 (the browser every test drives)
from workbook.testing import MINIMAL, make_project, write_table  # noqa: F401 (re-exported for tests)

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "data" / "demo-lapland"
DEMO_XLSX = ROOT / "data" / "demo-lapland-xlsx"


@pytest.fixture(scope="session")
def playwright():
    """The one Playwright driver of the session: its sync API allows only one at a time, so
    every browser test launches its Chromium from this fixture."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        yield driver


def launch_chromium(playwright, profile, **options):
    """Headless Chromium with its own profile folder, offline-friendly flags and ``options``."""
    return playwright.chromium.launch_persistent_context(
        str(profile), executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS, **options)


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
