"""The network page without a browser: offline, escaped, deterministic; the widget's state."""

from __future__ import annotations

import json
import re

import networkx as nx
import pytest

from workbook.htmlreport import CSP
from workbook.network.graphs import build_network
from workbook.network.metrics import actor_metrics
from workbook.network.view import (
    NetworkExplorer, ViewState, _make_safe, network_iframe, network_page, view_graph, view_names,
)

HOSTILE = "</script><script>window.__pwned=1</script><img src=x onerror=window.__pwned=1>"


@pytest.fixture(scope="module")
def demo_view(demo_project):
    network = build_network(demo_project)
    return view_graph(network), actor_metrics(network), view_names(demo_project, "en")


def _data(page: str) -> dict:
    block = re.search(r'<script type="application/json" id="wb-data">(.*?)</script>', page, re.S).group(1)
    return json.loads(block)


def test_page_is_offline_locked_and_without_pyvis_traps(demo_view):
    graph, metrics, names = demo_view
    page = network_page(graph, metrics, "en", names=names)
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert f'<meta http-equiv="Content-Security-Policy" content="{CSP}">' in page
    assert not re.search(r"<(link|script|img)\b[^>]*(src|href)\s*=\s*[\"']?(https?:)?//", page)
    assert "bootstrap" not in page.lower() and "<h1></h1>" not in page
    assert "popup.innerHTML" not in page and '"title":' not in page.split("wb-data")[0]
    assert page == network_page(graph, metrics, "en", names=names)  # seeded layout, stable data


def test_spreadsheet_text_only_reaches_the_page_as_escaped_json():
    graph = nx.Graph([("a", "b")])
    nx.set_node_attributes(graph, {"a": HOSTILE, "b": "B"}, "name")
    nx.set_node_attributes(graph, {"a": ("FA<1>",), "b": ()}, "focus_areas")
    page = network_page(graph, actor_metrics(graph), "fi", title=HOSTILE)
    benign = network_page(nx.Graph([("a", "b")]), actor_metrics(graph), "fi")
    assert HOSTILE not in page and "<img src=x" not in page
    assert page.count("</script>") == benign.count("</script>")  # no element was closed early
    assert "&lt;/script&gt;" in page.split("</title>")[0]  # the title element, escaped
    assert _data(page)["title"] == HOSTILE  # …and intact once parsed, for textContent


def test_a_remote_reference_stops_the_page():
    with pytest.raises(RuntimeError, match="network"):
        _make_safe('<html><head><meta charset="utf-8"></head><body><img src="https://x/y.png"></body></html>',
                   {}, "en", "t")


def test_view_state_is_checked():
    with pytest.raises(ValueError):
        ViewState(colour_by="shoe size")
    with pytest.raises(ValueError):
        ViewState(depth=9)
    with pytest.raises(ValueError):
        ViewState(layers=("gossip",))


def test_iframe_is_sandboxed_and_escaped():
    frame = network_iframe('<p onclick="x()">"&</p>', 400, "en")
    assert frame.startswith('<iframe sandbox="allow-scripts" srcdoc="&lt;p onclick=&quot;x()&quot;&gt;')
    assert "allow-same-origin" not in frame and "height:400px" in frame


def test_explorer_controls_drive_the_page(demo_project, demo_view):
    graph, metrics, names = demo_view
    explorer = NetworkExplorer(graph, metrics, "fi", names=view_names(demo_project, "fi"))
    assert repr(explorer) == f"NetworkExplorer({graph.number_of_nodes()} actors, {graph.number_of_edges()} ties)"
    assert explorer._repr_mimebundle_()["text/plain"] == repr(explorer)
    explorer.with_state(focus="A001", depth=1, colour_by="community", layers=("partnership",))
    assert explorer.state == ViewState(layers=("partnership",), focus="A001", depth=1, colour_by="community")
    page = explorer.view.page
    # The page is built once; the controls' settings reach it as messages, drawn in place.
    assert _data(page)["controls"] is False
    assert explorer.view.message == {"wb": "state", "state": {**_data(page)["state"], "focus": "A001", "depth": 1,
                                                               "colour_by": "community", "layers": ["partnership"]}}
    explorer.colour_by.value = "helix"
    assert explorer.view.page is page and explorer.view.message["state"]["colour_by"] == "helix"
    explorer.actor.value = ""
    assert explorer.state.focus is None
