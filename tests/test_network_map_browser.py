"""The map people read, measured in a real browser: at the demo's 198 actors, at a 30-actor
region and at 2,000 actors, on a laptop and a desktop screen, no two shown names overlap,
the drawing fills the canvas, actors without ties sit apart, and the map re-fits after a
filter or neighbourhood change, also when the change arrives as a message from the page
holding the frame (as a dashboard sends it). Screenshots go to ``test-artifacts/``.

The 5,000-actor case is measured by ``benchmarks/bench_network.py``."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from conftest import DEMO, launch_chromium
from workbook import load_project
from workbook.network.export import map_page
from workbook.network.metrics import actor_metrics
from workbook.network.synthetic import small_region_tables, write_tables
from workbook.network.view import MAP_FIGURES_SCRIPT, network_iframe, network_page

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
SCREENS = {"laptop": (1366, 768), "desktop": (1920, 1080)}


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    """The exported map of the demo and of a 30-actor region, and a 2,000-actor map."""
    base = tmp_path_factory.mktemp("maps")
    found = {}
    for name, folder in (("demo", DEMO), ("thirty", write_tables(base / "thirty", small_region_tables()))):
        found[name] = base / f"{name}.html"
        found[name].write_text(map_page(load_project(folder), "en"), encoding="utf-8")
    found["synthetic2000"] = base / "synthetic2000.html"
    found["synthetic2000"].write_text(network_page(*_planted(2_000), "en"), encoding="utf-8")
    return found


def _planted(actors: int):
    """A seeded network of ``actors`` organisations in 40 groups, with some actors without ties."""
    graph = nx.planted_partition_graph(40, actors // 40, 0.12, 0.0008, seed=4)
    graph.remove_edges_from([(u, v) for u, v in graph.edges if u % 37 == 0 or v % 37 == 0])
    nx.set_node_attributes(graph, {n: f"Organisaatio {n} Oy" for n in graph}, "name")
    nx.set_node_attributes(graph, {n: ("company", "municipality", "research")[n % 3] for n in graph}, "actor_type")
    return graph, actor_metrics(graph)


@pytest.fixture(scope="module")
def browser(playwright, tmp_path_factory):
    context = launch_chromium(playwright, tmp_path_factory.mktemp("chromium"))
    yield context
    context.close()


def _open(browser, path: Path, screen: tuple[int, int]):
    page = browser.new_page()
    page.set_viewport_size({"width": screen[0], "height": screen[1]})
    page.goto(path.as_uri())
    page.wait_for_function("window.__wbReady === true && window.__wbDrawnAt !== undefined", timeout=60_000)
    page.wait_for_timeout(150)
    return page


@pytest.mark.parametrize("screen", list(SCREENS))
@pytest.mark.parametrize("case", ["demo", "thirty", "synthetic2000"])
def test_map_opens_filled_with_names_that_never_overlap(browser, pages, case, screen):
    page = _open(browser, pages[case], SCREENS[screen])
    figures = page.evaluate(MAP_FIGURES_SCRIPT)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"network_map_{case}_{screen}.png"))
    assert figures["overlaps"] == 0, figures
    assert figures["covered"] == 0, figures
    assert figures["labels"] >= min(15, figures["actors"] // 2), figures  # names are shown, not all hidden
    assert max(figures["width_share"], figures["height_share"]) >= 0.6, figures
    assert figures["outside"] == 0, figures
    assert figures["lonely_apart"], figures
    if case != "synthetic2000":
        assert figures["lonely"] > 0  # the cases do have actors without ties, set apart
    page.close()


def test_map_refits_after_a_filter_and_a_neighbourhood_change(browser, pages):
    page = _open(browser, pages["demo"], SCREENS["laptop"])
    page.select_option("select[name=municipality]", "Kemi")
    page.wait_for_timeout(100)
    figures = page.evaluate(MAP_FIGURES_SCRIPT)
    assert 0 < figures["actors"] < 198 and figures["overlaps"] == 0
    assert max(figures["width_share"], figures["height_share"]) >= 0.6 and figures["outside"] == 0
    page.select_option("select[name=municipality]", "")
    page.fill("#wb-search", "Lapin liitto (A001)")
    page.dispatch_event("#wb-search", "change")
    page.fill("input[name=depth]", "1")
    page.dispatch_event("input[name=depth]", "change")
    page.wait_for_timeout(100)
    figures = page.evaluate(MAP_FIGURES_SCRIPT)
    assert figures["actors"] < 198 and figures["outside"] == 0 and figures["overlaps"] == 0
    assert max(figures["width_share"], figures["height_share"]) >= 0.6
    labelled = page.evaluate("window.__wbLabelBoxes.map(b => b.id)")
    assert "A001" in labelled  # the selected actor's name is drawn first
    page.screenshot(path=str(ARTIFACTS / "network_map_demo_ego.png"))
    page.close()


def test_frame_takes_new_settings_as_a_message_and_ignores_what_it_does_not_know(browser, pages, tmp_path):
    html = pages["demo"].read_text(encoding="utf-8")
    host = tmp_path / "host.html"
    host.write_text(f"<!DOCTYPE html><html><body>{network_iframe(html, 700, 'en')}</body></html>", encoding="utf-8")
    page = browser.new_page()
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(host.as_uri())
    frame = page.frames[1]
    frame.wait_for_function("window.__wbReady === true && window.__wbDrawnAt !== undefined", timeout=60_000)
    page.evaluate("""document.querySelector('iframe').contentWindow.postMessage(
        {wb: 'state', state: {actor_types: ['municipality'], colour_by: '<img src=x onerror=window.__pwned=1>',
                              hide_unlinked: 'yes', bogus: 1}}, '*')""")
    frame.wait_for_function("window.__wbUpdated !== undefined")
    figures = frame.evaluate(MAP_FIGURES_SCRIPT)
    assert figures["actors"] == 21 and figures["overlaps"] == 0 and figures["outside"] == 0
    assert max(figures["width_share"], figures["height_share"]) >= 0.6
    assert frame.evaluate("document.querySelector('select[name=colour_by]').value") == "actor_type"
    assert frame.evaluate("typeof window.__pwned") == "undefined"
    page.screenshot(path=str(ARTIFACTS / "network_map_message.png"))
    page.close()
