"""The network view in a real browser, with hostile organisation names: no script runs,
nothing is fetched, and the names are shown as text (standalone page and notebook widget)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import launch_chromium, make_project
from workbook import load_project
from workbook.network.export import export
from workbook.network.graphs import build_network
from workbook.network.metrics import actor_metrics
from workbook.network.view import NetworkExplorer, ViewState, network_iframe, view_graph, view_names

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
IMG = "<img src=x onerror=window.__pwned=1>"
OPTION = "</option><script>window.__pwned=1</script>"
HREF = '<a href="javascript:window.__pwned=1" onmouseover="window.__pwned=1">href</a>'
SCRIPT = "</script><script>window.__pwned=1</script>"
AREA = "<svg onload=window.__pwned=1>"
CLUSTER = "<img src=y onerror=window.__pwned=1> klusteri"


@pytest.fixture(scope="module")
def hostile_project(tmp_path_factory):
    folder = make_project(
        tmp_path_factory.mktemp("hostile"),
        project=[{"key": "name", "value": "<script>window.__pwned=1</script>"}, {"key": "region", "value": "Lapland"}],
        focus_areas=[{"focus_area_id": "FA1", "name_fi": AREA, "name_en": AREA}],
        actors=[
            {"actor_id": "A1", "name": IMG, "actor_type": "public_agency", "municipality": "Rovaniemi", "clusters": "CL1"},
            {"actor_id": "A2", "name": OPTION, "actor_type": "company", "municipality": "Kemi", "clusters": "CL1"},
            {"actor_id": "A3", "name": HREF, "actor_type": "higher_education", "municipality": "Rovaniemi"},
            {"actor_id": "A4", "name": SCRIPT, "actor_type": "research", "municipality": "Inari"},
        ],
        participation=[{"activity_id": "W1", "actor_id": a} for a in ("A1", "A2", "A3", "A4")],
        clusters=[{"cluster_id": "CL1", "name": CLUSTER, "focus_areas": "FA1", "coordinator_actor_id": "A1"}],
    )
    return load_project(folder)


@pytest.fixture(scope="module")
def browser(playwright, tmp_path_factory):
    context = launch_chromium(playwright, tmp_path_factory.mktemp("chromium"), viewport={"width": 1280, "height": 800})
    yield context
    context.close()


def _open(browser, path: Path):
    """Open a local file, recording every request and refusing anything not local."""
    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(("file:", "data:", "about:"))
               else route.abort())
    page.goto(path.as_uri())
    return page, requests


def _assert_nothing_ran_or_left(page, requests: list[str], url: str) -> None:
    for frame in page.frames:
        assert frame.evaluate("typeof window.__pwned") == "undefined", frame.url
    assert [u for u in requests if u != url and not u.startswith(("data:", "about:"))] == []


def test_standalone_page_shows_hostile_names_as_text_and_runs_nothing(browser, hostile_project, tmp_path):
    paths = export(hostile_project, tmp_path, "en", png=False)
    html = next(p for p in paths if p.name == "network.html")
    page, requests = _open(browser, html)
    page.wait_for_function("window.__wbReady === true")
    page.fill("#wb-search", f"{OPTION} (A2)")
    page.dispatch_event("#wb-search", "change")
    assert page.inner_text("#wb-details h3") == OPTION
    position = page.evaluate("(() => { const p = network.getPositions(['A3']).A3; return network.canvasToDOM(p); })()")
    page.mouse.move(position["x"], position["y"])
    page.wait_for_selector("#wb-tooltip:not([hidden])")
    assert page.inner_text("#wb-tooltip").splitlines()[0] == HREF
    page.select_option("select[name=colour_by]", "cluster")
    assert CLUSTER in page.inner_text("#wb-legend")
    assert AREA in page.locator("select[name=focus_area]").inner_text()
    assert page.title() == "Actor network – <script>window.__pwned=1</script>"
    page.mouse.click(position["x"], position["y"])
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "network_standalone_hostile.png"))
    _assert_nothing_ran_or_left(page, requests, html.as_uri())
    page.close()


def test_widget_view_in_a_hidden_tab_fits_once_shown_and_runs_nothing(browser, hostile_project, tmp_path):
    network = build_network(hostile_project)
    explorer = NetworkExplorer(view_graph(network), actor_metrics(network), "fi",
                               names=view_names(hostile_project, "fi"), state=ViewState(focus="A4"), height=600)
    host = tmp_path / "host.html"
    # Voilà renders outputs while hidden: the view must fit itself once it gets a size.
    host.write_text('<!DOCTYPE html><html><body><div id="tab" style="display:none">'
                    f"{network_iframe(explorer.view.page, 600, 'fi')}</div></body></html>", encoding="utf-8")
    page, requests = _open(browser, host)
    page.wait_for_function("document.querySelector('iframe') !== null")
    frame = page.frames[1]
    frame.wait_for_function("window.__wbReady === true")
    page.evaluate("document.getElementById('tab').style.display = 'block'")
    frame.wait_for_function("document.getElementById('mynetwork').clientWidth > 0")
    page.wait_for_timeout(200)
    assert frame.inner_text("#wb-details h3") == SCRIPT
    inside = frame.evaluate("""(() => {
        const box = document.getElementById('mynetwork').getBoundingClientRect();
        return Object.values(network.getPositions()).every(p => {
            const d = network.canvasToDOM(p);
            return d.x >= 0 && d.y >= 0 && d.x <= box.width && d.y <= box.height;
        });
    })()""")
    assert inside
    assert frame.locator("#wb-search").count() == 0  # ipywidgets hold the controls here
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "network_widget_hostile.png"))
    _assert_nothing_ran_or_left(page, requests, host.as_uri())
    page.close()
