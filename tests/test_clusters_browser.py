"""The HTML scorecard opens in a real browser with the network cut off, and shows the grid."""

from __future__ import annotations

import pytest
from clusters_fixture import TABLES
from conftest import launch_chromium

from workbook import load_project
from workbook.clusters.export import export

LOCAL_SCHEMES = ("file:", "data:", "about:")


@pytest.mark.browser
@pytest.mark.parametrize("lang, verdict_label", [("fi", "Täyttyy osittain"), ("en", "Partly met")])
def test_scorecard_opens_offline_and_draws_the_grid(playwright, project_factory, tmp_path, lang, verdict_label):
    clusters = [TABLES["clusters"][0], {**TABLES["clusters"][1], "name": "<script>alert(1)</script>Safety"}]
    project = load_project(project_factory(**{**TABLES, "clusters": clusters}))
    page_path = export(project, tmp_path / "out", lang)[0]
    blocked, errors, dialogs = [], [], []

    def only_local(route):
        if route.request.url.startswith(LOCAL_SCHEMES):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    context = launch_chromium(playwright, tmp_path / "profile", viewport={"width": 1300, "height": 1000})
    try:
        context.route("**/*", only_local)
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(page_path.as_uri())
        grid = page.locator(".js-plotly-plot").first
        grid.locator(".heatmaplayer image, .heatmaplayer path").first.wait_for(timeout=20_000)
        cells = grid.locator(".annotation-text").all_text_contents()
        ticks = grid.locator(".ytick text").all_text_contents()
        legend = grid.locator(".legendtext").all_text_contents()
    finally:
        context.close()
    assert blocked == [] and errors == [] and dialogs == []
    assert len(cells) == 2 * 6
    assert sorted(ticks) == ["<script>alert(1)</script>Safety", "Arctic Design"]
    assert any(verdict_label in text for text in legend)
