"""The action-plan deliverable in a real browser: offline report, drawn figures, one-pager images."""

from __future__ import annotations

import struct

import pytest

from actionplan_case import write_case
from conftest import launch_chromium

from workbook import load_project
from workbook.actionplan import focus_area, onepager
from workbook.cli import main

pytestmark = pytest.mark.browser

LOCAL_SCHEMES = ("file:", "data:", "about:")


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """The case project exported through the command line, in English, with one-pagers."""
    folder = tmp_path_factory.mktemp("actionplan-browser")
    project = write_case(folder / "case")
    out = folder / "out"
    assert main(["actions", str(project), "--out", str(out), "--lang", "en"]) == 0
    return out


@pytest.fixture(scope="module")
def browser(playwright, tmp_path_factory):
    context = launch_chromium(playwright, tmp_path_factory.mktemp("profile"), viewport={"width": 1280, "height": 900})
    yield context
    context.close()


def open_offline(context, path):
    """Open ``path`` with every non-local request refused.

    Returns the page, the refused URLs and the errors: a request the page's Content-Security-
    Policy stops never reaches the router but is reported as a console error, a script
    error or an ``alert`` shows up as a page error or a dialog.
    """
    refused, errors = [], []
    page = context.new_page()

    def guard(route):
        if route.request.url.startswith(LOCAL_SCHEMES):
            route.continue_()
        else:
            refused.append(route.request.url)
            route.abort()

    page.route("**/*", guard)
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("dialog", lambda dialog: (errors.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    page.goto(path.as_uri())
    return page, refused, errors


def test_command_writes_report_one_pagers_and_workbook(exported):
    assert sorted(p.name for p in exported.iterdir()) == [
        "action_plan_en.xlsx", "actions_by_focus_area_en.html",
        "onepager_FA1_en.png", "onepager_FA2_en.png", "onepager_FA3_en.png",
    ]


def test_one_pagers_are_full_hd_slide_images(exported):
    for image in sorted(exported.glob("onepager_*.png")):
        data = image.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        assert struct.unpack(">II", data[16:24]) == (1920, 1080)


def test_report_opens_offline_with_every_figure_drawn(exported, browser):
    page, refused, errors = open_offline(browser, exported / "actions_by_focus_area_en.html")
    figures = page.locator("div.figure").count()
    assert figures >= 3 + 2 * 3 + 2  # portfolio, a timeline and a Sankey per area, trace and voice share
    page.wait_for_function(f"document.querySelectorAll('div.figure .main-svg').length >= {figures}", timeout=30_000)
    drawn = page.evaluate("[...document.querySelectorAll('div.figure')].filter("
                          "d => d.querySelector('.main-svg') && d.getBoundingClientRect().height > 100).length")
    assert drawn == figures
    assert refused == []
    assert errors == []
    assert page.locator('a[href*="evil.example"]').count() == 0
    assert page.locator("script", has_text="alert(1)").count() == 0
    page.close()


def test_one_pager_fits_the_slide_and_draws_its_timeline_offline(tmp_path, browser):
    project = load_project(write_case(tmp_path / "case"))
    area = focus_area.focus_area_page(project, "FA1", "fi")
    html = onepager.onepager_html(area, project.name, list(project.focus_areas["focus_area_id"]), "fi",
                                  project.period)
    path = tmp_path / "onepager.html"
    path.write_text(html, encoding="utf-8")
    page, refused, errors = open_offline(browser, path)
    page.set_viewport_size({"width": onepager.WIDTH, "height": onepager.HEIGHT})
    page.wait_for_selector("#gantt .main-svg", timeout=30_000)
    assert page.locator("#gantt g.bars path").count() == 2  # T1 and T2 drawn as bars
    footer_bottom = page.evaluate("document.querySelector('footer').getBoundingClientRect().bottom")
    widest = page.evaluate("Math.max(...[...document.querySelectorAll('body *')].map("
                           "e => e.getBoundingClientRect().right))")
    assert footer_bottom <= onepager.HEIGHT and widest <= onepager.WIDTH
    assert refused == [] and errors == []
    page.close()
