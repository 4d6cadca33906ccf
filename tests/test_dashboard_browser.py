"""The dashboards in headless Chromium, served by ``workbook serve`` on the demo project.

One server for the session (and one on a hostile copy of the demo). Every page must load
with no console error and no request leaving 127.0.0.1, draw every view, follow the
filters and the language switch; raw data must not be downloadable; hostile names must
stay text. Screenshots of every page (fi and en, laptop and projector width) are saved
under test-artifacts/dashboards/.
"""

from __future__ import annotations

import csv
import shutil
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from workbook import load_project
from workbook.dashboard.filters import ALL, FilterState, filter_options, filter_project, state_from_choices
from workbook.dashboard.pages.network import selection_network
from workbook.dashboard.harness import (
    LAPTOP, PROJECTOR, RequestLog, ServedDashboards, open_browser, page_generation, wait_for_generation,
    wait_until_drawn, wait_until_quiet,
)
from workbook.dashboard.widgets import PAGE_EXTENSIONS, PAGES, TEXTS as WIDGET_TEXTS
from workbook.i18n import tr
from workbook.participation import reach

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "data" / "demo-lapland"
ARTIFACTS = ROOT / "test-artifacts" / "dashboards"
HOSTILE_NAME = "<img src=x onerror=window.__pwned=1>"
HOSTILE_CLUSTER = '"><svg onload=window.__pwned=2>'
TOKEN = "s3cret-token"


@pytest.fixture(scope="session")
def server():
    with ServedDashboards(DEMO, lang="fi") as served:
        wait_until_quiet(served.process.pid)  # every page pre-heated
        yield served


@pytest.fixture(scope="session")
def browser(playwright, tmp_path_factory):
    context = open_browser(playwright, tmp_path_factory.mktemp("chromium"))
    log = RequestLog(context)
    yield context, log
    context.close()


@pytest.fixture
def page(browser):
    """A fresh tab; fails the test if the page logged a console error or tried to go online."""
    context, log = browser
    tab = context.new_page()
    errors: list[str] = []
    tab.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    tab.on("pageerror", lambda error: errors.append(str(error)))
    external_before = len(log.external)
    tab.set_viewport_size(LAPTOP)
    tab.set_default_timeout(90_000)  # a page executes its notebook before it loads; the machine may be busy
    yield tab
    tab.close(run_before_unload=True)
    assert errors == [], f"console errors: {errors}"
    assert log.external[external_before:] == [], "requests that would leave the machine"


def _screenshot(tab, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for size, viewport in (("laptop", LAPTOP), ("projector", PROJECTOR)):
        tab.set_viewport_size(viewport)
        tab.wait_for_timeout(300)  # charts follow their box's width
        tab.screenshot(path=str(ARTIFACTS / f"{name}_{size}.png"))
    tab.set_viewport_size(LAPTOP)


def _says(frame: str | bytes, text: str) -> bool:
    """Whether a WebSocket frame (text, or Jupyter's binary kernel protocol) holds ``text``."""
    return text.encode() in frame if isinstance(frame, bytes) else text in frame


def _text(tab, selector: str) -> str:
    return tab.inner_text(selector)


@pytest.mark.parametrize("page_key", list(PAGES))
def test_page_draws_every_view_offline_in_both_languages(server, page, page_key):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    sent: list[str | bytes] = []
    page.on("websocket", lambda socket: socket.on("framesent", lambda frame: sent.append(frame)))
    page.goto(server.url(page_key))
    wait_until_drawn(page)
    # Every widget's state fetched in one message, not asked for widget by widget.
    assert any(_says(frame, '"request_states"') for frame in sent)
    assert not any(_says(frame, '"request_state"') for frame in sent)
    # Only the front end the page draws with: no plotly.js (1.4 MB) for the overview.
    extensions = page.evaluate("JSON.parse(document.getElementById('jupyter-config-data').textContent)"
                               ".federated_extensions.map(extension => extension.name)")
    optional = {name for names in PAGE_EXTENSIONS.values() for name in names}
    assert optional & set(extensions) == set(PAGE_EXTENSIONS[page_key])
    assert "@jupyter-widgets/jupyterlab-manager" in extensions
    for name in optional - set(PAGE_EXTENSIONS[page_key]):
        assert not [url for url in requested if f"/labextensions/{name}/" in url]
    assert _text(page, ".wb-page-title") == tr(WIDGET_TEXTS, f"page_{page_key}", "fi")
    assert page.locator(".wb-view").count() >= 1
    assert page.locator(".wb-error").count() == 0, "a view failed to draw"
    _screenshot(page, f"{page_key}_fi")

    generation = page_generation(page)
    page.get_by_role("button", name="English").click()
    wait_for_generation(page, generation + 1)
    wait_until_drawn(page)
    assert _text(page, ".wb-page-title") == tr(WIDGET_TEXTS, f"page_{page_key}", "en")
    assert tr(WIDGET_TEXTS, "focus_area", "en") in _text(page, ".wb-filters")
    assert page.locator(".wb-error").count() == 0
    _screenshot(page, f"{page_key}_en")


def test_root_leads_to_the_overview_and_links_keep_the_language(server, page):
    page.goto(server.base + "/?lang=en")
    wait_until_drawn(page)
    assert "/voila/render/overview.ipynb" in page.url
    assert _text(page, ".wb-page-title") == "Overview"
    page.click(".wb-navigation a[data-page=participation]")
    page.wait_for_selector(".wb-page-title")
    assert _text(page, ".wb-page-title") == tr(WIDGET_TEXTS, "page_participation", "en")


def test_a_visit_by_the_name_localhost_draws_every_view(server, page):
    page.goto(server.url("overview").replace("127.0.0.1", "localhost"))
    wait_until_drawn(page)
    assert page.locator(".wb-error").count() == 0


def test_leaving_a_page_shuts_its_kernel_down(server, page):
    page.goto(server.url("overview"))
    wait_until_drawn(page)
    before = set(server.kernel_pids())
    page.click(".wb-navigation a[data-page=clusters]")
    page.wait_for_selector(".wb-page")
    deadline = time.monotonic() + 20
    while not before - set(server.kernel_pids()) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert before - set(server.kernel_pids()), "the overview's kernel outlived the page"


def test_filters_change_the_headline_figures(server, page):
    demo = load_project(DEMO)
    expected = reach.headline_figures(filter_project(demo, FilterState(actor_type="company")).project)
    everyone = reach.headline_figures(demo)
    assert expected["organisations_reached"] != everyone["organisations_reached"]

    page.goto(server.url("overview", lang="en"))
    wait_until_drawn(page)
    card = ".wb-card[data-figure=organisations] .wb-card-value"
    assert _text(page, card) == f"{int(everyone['organisations_reached'])}"
    generation = page_generation(page)
    page.select_option(".wb-filter-actor-type select", label="Company")
    wait_for_generation(page, generation + 1)
    assert _text(page, card) == f"{int(expected['organisations_reached'])}"
    assert _text(page, ".wb-card[data-figure=inputs] .wb-card-value") == f"{int(expected['inputs'])}"

    page.click(".wb-filter-reset button, button.wb-filter-reset")
    wait_for_generation(page, generation + 2)
    assert _text(page, card) == f"{int(everyone['organisations_reached'])}"


def test_the_network_map_follows_the_filters_in_place(server, page):
    """A filter change reaches the map's frame as the filtered part of the network, drawn in
    place: the frame is not reloaded, it shows exactly the actors of the network the page's
    other views are computed from, and the whole network comes back on reset."""
    demo = load_project(DEMO)
    name, cluster = next((name, value) for name, value in filter_options(demo, "en").clusters if value != ALL)
    part = selection_network(filter_project(demo, state_from_choices(ALL, ALL, ALL, cluster)))
    assert 0 < part.graph.number_of_nodes() < len(demo.actors)

    page.goto(server.url("network", lang="en"))
    wait_until_drawn(page)
    page.wait_for_selector(".wb-network-frame[data-wb-drawn=true]")
    frame = next(f for f in page.frames if f.parent_frame is not None and f.evaluate("typeof network") == "object")
    frame.evaluate("window.__wbSameFrame = true")
    total = frame.evaluate("nodes.get({filter: n => !n.hidden}).length")
    assert total == len(demo.actors)

    page.select_option(".wb-filter-cluster select", label=name)
    page.wait_for_selector(".wb-network-frame[data-wb-updates='1']")
    assert frame.evaluate("window.__wbSameFrame") is True, "the frame was reloaded"
    shown = frame.evaluate("nodes.get({filter: n => !n.hidden}).map(n => n.id)")
    assert sorted(shown) == sorted(str(node) for node in part.graph.nodes)
    assert int(page.get_attribute(".wb-network-frame", "data-wb-shown")) == part.graph.number_of_nodes()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "network_cluster_filter_en.png"), full_page=False)

    page.click(".wb-filter-reset button, button.wb-filter-reset")
    page.wait_for_selector(".wb-network-frame[data-wb-updates='2']")
    assert frame.evaluate("nodes.get({filter: n => !n.hidden}).length") == total
    assert frame.evaluate("window.__wbSameFrame") is True


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _get(url: str, follow: bool = True) -> tuple[int, bytes]:
    """Status and body of a GET (after redirects, if ``follow``)."""
    opener = urllib.request.build_opener(*([] if follow else [_NoRedirect]))
    try:
        with opener.open(url, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def test_raw_data_cannot_be_downloaded(server):
    secrets = [(DEMO / "actors.csv").read_bytes().splitlines()[1]]
    secrets += [path.read_bytes().splitlines()[1] for path in sorted((DEMO / "surveys").glob("*.csv"))]
    relative = DEMO.relative_to(ROOT)
    paths = []
    for target in ["actors.csv", "participation.csv", *(f"surveys/{p.name}" for p in (DEMO / "surveys").glob("*"))]:
        paths += [
            f"/voila/files/{target}", f"/voila/files/../{relative}/{target}", f"/voila/files/..%2F{relative}/{target}",
            f"/voila/files/%2e%2e/{relative}/{target}", f"/files/{relative}/{target}", f"/voila/files{DEMO}/{target}",
            f"/voila/static/../../../../{relative}/{target}", f"/voila/static/..%2F..%2F{relative}/{target}",
            f"/voila/templates/lab/static/..%2F..%2F..%2F{relative}/{target}",
            f"/voila/render/..%2F{relative}/{target}", f"/voila/render/../{relative}/{target}",
            f"/voila/api/contents/..%2F{relative}/{target}", f"/api/contents/{relative}/{target}",
            f"/voila/labextensions/..%2F..%2F{relative}/{target}",
        ]
    paths += ["/voila/api/contents/", "/voila/api/contents/overview.ipynb", "/voila/tree", "/voila/files/overview.ipynb",
              "/voila/files/voila.json"]
    for path in paths:
        status, body = _get(server.base + path)
        assert status >= 400, f"{path} answered {status}"
        assert not any(secret in body for secret in secrets), path


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory):
    """A copy of the demo whose most active organisation and first cluster have hostile names,
    served with a token."""
    folder = tmp_path_factory.mktemp("hostile") / "project"
    shutil.copytree(DEMO, folder)
    demo = load_project(DEMO)
    most_active = reach.attendances(demo)["actor_id"].value_counts().index[0]
    _rename(folder / "actors.csv", "actor_id", most_active, HOSTILE_NAME)
    _rename(folder / "clusters.csv", "cluster_id", demo.clusters["cluster_id"].iloc[0], HOSTILE_CLUSTER)
    # Without pre-heated kernels: the session's server already keeps one ready per page, and
    # five more would only compete with it for the CPU.
    with ServedDashboards(folder, lang="en", token=TOKEN, overrides={"VoilaConfiguration": {"preheat_kernel": False}}) \
            as served:
        yield served


def _rename(path: Path, key: str, value: str, name: str) -> None:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        if row[key] == value:
            row["name"] = name
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


@pytest.mark.parametrize("page_key", ["overview", "network", "actions", "clusters"])
def test_hostile_names_render_as_text(hostile_server, page, page_key):
    page.goto(hostile_server.url(page_key))
    wait_until_drawn(page)
    page.wait_for_timeout(500)
    assert page.evaluate("window.__pwned") is None
    assert page.locator(".wb-error").count() == 0
    if page_key == "overview":
        assert HOSTILE_NAME in _text(page, ".wb-view-most-active")
    options = page.eval_on_selector_all(".wb-filter-cluster option", "options => options.map(o => o.textContent)")
    assert HOSTILE_CLUSTER in [option.replace("\xa0", " ") for option in options]  # menus show spaces as nbsp


def test_a_token_is_required_when_set(hostile_server):
    status, body = _get(hostile_server.url("overview", token=False), follow=False)
    assert status in (302, 403) and HOSTILE_NAME.encode() not in body
    assert _get(hostile_server.url("overview"))[0] == 200
