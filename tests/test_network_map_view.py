"""The dashboard's network map (MapView) without a browser: one page per language for the
whole network, filters sent as the part of the network the other views are computed from."""

from __future__ import annotations

import json

import pytest

from tests.test_dashboard import _load
from workbook.dashboard import FilterState, Filters, LanguageSwitch, MapView
from workbook.dashboard.pages import network
from workbook.dashboard.widgets import TEXTS as WIDGET_TEXTS
from workbook.i18n import tr


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return _load(tmp_path_factory.mktemp("map") / "project")


def _page_ids(page: str) -> list[str]:
    start = page.index('id="wb-data">') + len('id="wb-data">')
    return json.loads(page[start:page.index("</script>", start)])["node_ids"]


def test_a_filter_changes_the_map_in_place(project):
    language = LanguageSwitch("en")
    filters = Filters(project, language)
    view = MapView(filters, language)
    page = view.frame.page
    assert sorted(_page_ids(page)) == sorted(project.actors["actor_id"])
    assert view.frame.message == {}  # the page already shows the whole network

    filters.set_state(FilterState(cluster="CL1"))
    part = network.selection_network(filters.selection)
    assert view.frame.page is page, "a filter change must not rebuild the page"
    assert view.frame.message["wb"] == "selection"
    sent = view.frame.message["selection"]
    assert sorted(sent["nodes"]) == sorted(part.graph.nodes) == ["A2", "A4"]
    assert sent["ties"], "the part keeps its ties"
    assert sorted(tuple(sorted(tie[:2])) for tie in sent["ties"]) == sorted(tuple(sorted(e)) for e in part.graph.edges)

    filters.set_state(FilterState())  # back to everything: the part sent before is undone
    assert sorted(view.frame.message["selection"]["nodes"]) == sorted(project.actors["actor_id"])
    assert view.drawn_for == (FilterState(), "en") and not view.failed


def test_the_language_switch_rebuilds_the_page_in_the_other_language(project):
    language = LanguageSwitch("fi")
    filters = Filters(project, language)
    view = MapView(filters, language)
    finnish = view.frame.page
    assert '<html lang="fi">' in finnish and view.frame.title == "Toimijaverkoston kartta"
    language.value = "en"
    assert '<html lang="en">' in view.frame.page and view.frame.title == "Map of the actor network"
    assert tr(network.TEXTS, "map", "en") in view.heading.value


def test_an_empty_selection_says_so_and_a_failure_apologises(project, monkeypatch, capfd):
    language = LanguageSwitch("en")
    filters = Filters(project, language)
    view = MapView(filters, language)
    filters.set_state(FilterState(cluster="CL2", actor_type="company"))  # CL2 has no company
    assert view.frame not in view.children and tr(network.TEXTS, "empty", "en") in view.note.value

    def broken(selection):
        raise RuntimeError("boom")

    monkeypatch.setattr(network, "selection_network", broken)
    filters.set_state(FilterState(focus_area="FA2"))
    assert view.failed and view.frame not in view.children
    assert tr(WIDGET_TEXTS, "view_failed", "en") in view.note.value
    assert "the network map failed" in capfd.readouterr().err
