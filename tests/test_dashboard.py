"""The dashboards without a browser: filters, widgets, panels, settings and `workbook serve`."""

from __future__ import annotations

import argparse
import importlib
import json
import pkgutil
import re
from pathlib import Path

import pytest

import workbook.dashboard
from workbook import load_project
from workbook.dashboard import Filters, LanguageSwitch, Page, Panel, View
from workbook.dashboard.filters import FilterState, filter_options, filter_project
from workbook.dashboard.pages import overview
from workbook.dashboard.serve import DASHBOARDS, cli
from workbook.dashboard.widgets import PAGES
from workbook.i18n import missing_translations
from workbook.testing import make_project

ROOT = Path(__file__).resolve().parent.parent

ACTORS = [
    {"actor_id": "A1", "name": "Lapin liitto", "actor_type": "public_agency", "municipality": "Rovaniemi"},
    {"actor_id": "A2", "name": "Kemin Kierto Oy", "actor_type": "company", "municipality": "Kemi", "clusters": "CL1"},
    {"actor_id": "A3", "name": "Salla Safaris Oy", "actor_type": "company", "municipality": "Salla"},
    {"actor_id": "A4", "name": "Lapin yliopisto", "actor_type": "higher_education", "municipality": "Rovaniemi",
     "clusters": "CL1;CL2"},
]
TABLES = {
    "focus_areas": [{"focus_area_id": "FA1", "name_fi": "Kiertotalous", "name_en": "Circular economy"},
                    {"focus_area_id": "FA2", "name_fi": "Matkailu", "name_en": "Tourism"}],
    "actors": ACTORS,
    "activities": [
        {"activity_id": "W1", "kind": "workshop", "title": "Kierto", "date": "2022-09-15", "focus_areas": "FA1"},
        {"activity_id": "W2", "kind": "workshop", "title": "Matkailu", "date": "2022-10-04", "focus_areas": "FA2"},
        {"activity_id": "S1", "kind": "survey", "title": "Kysely", "date": "2022-11-01", "focus_areas": "FA1;FA2"},
    ],
    "participation": [
        {"activity_id": "W1", "actor_id": "A1", "participant_id": "P1"},
        {"activity_id": "W1", "actor_id": "A2", "participant_id": "P2"},
        {"activity_id": "W2", "actor_id": "A3", "participant_id": "P3"},
        {"activity_id": "W2", "actor_id": "A4", "participant_id": "P4"},
    ],
    "inputs": [
        {"input_id": "I1", "activity_id": "W1", "actor_id": "A2", "text": "Sivuvirtatori", "focus_areas": "FA1"},
        {"input_id": "I2", "activity_id": "W2", "text": "Nimetön idea", "focus_areas": "FA2"},
        {"input_id": "I3", "activity_id": "W2", "actor_id": "A3", "text": "Varausalusta", "focus_areas": "FA2"},
    ],
    "actions": [
        {"action_id": "T1", "title_fi": "Pörssi", "title_en": "Exchange", "focus_areas": "FA1",
         "owner_actor_id": "A1", "partner_actor_ids": "A2;A4", "source_input_ids": "I1"},
        {"action_id": "T2", "title_fi": "Alusta", "title_en": "Platform", "focus_areas": "FA2",
         "owner_actor_id": "A4", "source_input_ids": "I2;I3"},
    ],
    "indicators": [{"indicator_id": "M1", "name_fi": "Mittari", "name_en": "Indicator", "kind": "output",
                    "focus_area_id": "FA1"}],
    "clusters": [
        {"cluster_id": "CL1", "name": "Arctic Industry", "focus_areas": "FA1", "coordinator_actor_id": "A1"},
        {"cluster_id": "CL2", "name": "Arctic Design", "focus_areas": "FA2", "coordinator_actor_id": "A4"},
    ],
    "survey_questions": [
        {"survey_id": "S1", "question_id": "T", "column": "Organisaatio", "type": "actor_type"},
        {"survey_id": "S1", "question_id": "M", "column": "Kunta", "type": "municipality"},
        {"survey_id": "S1", "question_id": "Q1", "column": "Arvio", "type": "likert", "scale": "1-5"},
    ],
}
ANSWERS = "Organisaatio,Kunta,Arvio\nYritys,Kemi,4\nYritys,Salla,5\nKunta,Rovaniemi,3\n"


def _load(folder: Path, **tables):
    folder = make_project(folder, **{**TABLES, **tables})
    (folder / "surveys").mkdir()
    (folder / "surveys" / "S1.csv").write_text(ANSWERS, encoding="utf-8")
    return load_project(folder)


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return _load(tmp_path_factory.mktemp("dashboard") / "project")


def _ids(frame, column):
    return sorted(frame[column])


def test_a_focus_area_keeps_what_is_tagged_with_it_and_every_reference(project):
    kept = filter_project(project, FilterState(focus_area="FA1")).project
    assert _ids(kept.activities, "activity_id") == ["S1", "W1"]
    assert _ids(kept.participation, "actor_id") == ["A1", "A2"]
    assert _ids(kept.inputs, "input_id") == ["I1"]
    assert _ids(kept.actions, "action_id") == ["T1"]
    assert _ids(kept.clusters, "cluster_id") == ["CL1"]
    assert _ids(kept.indicators, "indicator_id") == ["M1"]
    assert _ids(kept.focus_areas, "focus_area_id") == ["FA1", "FA2"]  # colours follow the full list
    assert len(kept.actors) == len(ACTORS)


def test_an_actor_type_keeps_those_actors_their_voice_and_their_actions(project):
    selection = filter_project(project, FilterState(actor_type="company"))
    kept = selection.project
    assert _ids(kept.actors, "actor_id") == ["A2", "A3"]
    assert _ids(kept.participation, "actor_id") == ["A2", "A3"]
    assert _ids(kept.inputs, "input_id") == ["I1", "I3"]  # the anonymous input drops out
    assert _ids(kept.actions, "action_id") == ["T1"]  # A2 is a partner of T1; T2 has no company
    assert _ids(kept.action_partners, "actor_id") == ["A2", "A4"]  # every partner of a kept action
    assert _ids(kept.action_inputs, "input_id") == ["I1"]
    assert _ids(selection.with_all_actors.actors, "actor_id") == ["A1", "A2", "A3", "A4"]
    assert len(kept.surveys["S1"]) == 2  # two respondents answered as companies


def test_an_area_keeps_the_actors_based_there(project):
    by_sub_region = filter_project(project, FilterState(sub_region="Itä-Lappi")).project
    assert _ids(by_sub_region.actors, "actor_id") == ["A3"]
    assert _ids(by_sub_region.activities, "activity_id") == ["S1", "W2"]
    by_municipality = filter_project(project, FilterState(municipality="Rovaniemi")).project
    assert _ids(by_municipality.actors, "actor_id") == ["A1", "A4"]
    assert len(by_municipality.surveys["S1"]) == 1


def test_a_cluster_keeps_its_members_and_itself_and_no_survey_answers(project):
    kept = filter_project(project, FilterState(cluster="CL2")).project
    assert _ids(kept.actors, "actor_id") == ["A4"]
    assert _ids(kept.clusters, "cluster_id") == ["CL2"]
    assert "S1" not in kept.surveys  # respondents cannot be matched to a cluster


def test_no_filter_is_the_project_itself(project):
    selection = filter_project(project, FilterState())
    assert selection.project is project and selection.with_all_actors is project


def test_menus_offer_what_the_project_holds_in_the_visitors_language(project):
    options = filter_options(project, "en")
    assert [label for label, _ in options.focus_areas] == ["All focus areas", "Circular economy", "Tourism"]
    assert ("Company", "company") in options.actor_types and len(options.actor_types) == 4
    assert ("Itä-Lappi", ("sub_region", "Itä-Lappi")) not in options.areas  # English sub-region names
    assert ("Eastern Lapland", ("sub_region", "Itä-Lappi")) in options.areas


def _page(project, panels, lang="fi"):
    language = LanguageSwitch(lang)
    filters = Filters(project, language)
    views = [View(panel, filters, language) for panel in panels]
    return language, filters, views, Page("overview", language, filters, views)


def test_a_filter_change_redraws_every_view_once(project):
    language, filters, views, page = _page(project, [overview.HEADLINES, overview.MOST_ACTIVE])
    filters.actor_type.value = "company"
    assert filters.state == FilterState(actor_type="company")
    assert all(view.drawn_for == (filters.state, "fi") for view in views)
    assert page.generation == 1
    assert "Lapin liitto" not in views[1].html.value and "Kemin Kierto Oy" in views[1].html.value
    filters.reset.click()
    assert filters.state == FilterState() and filters.actor_type.value == "" and page.generation == 2


def test_the_language_switch_relabels_everything_and_keeps_the_filters(project):
    language, filters, views, page = _page(project, [overview.HEADLINES])
    filters.focus_area.value = "FA2"
    language.value = "en"
    assert filters.state == FilterState(focus_area="FA2")
    assert filters.focus_area.label == "Tourism" and filters.focus_area.description == "Focus area"
    assert "participatory activities" in views[0].html.value
    assert ">Overview<" in page.title.value and 'href="clusters.ipynb?lang=en"' in page.navigation.value


def test_a_failing_panel_apologises_and_logs_the_traceback_on_the_server(project, capfd):
    def broken(selection, lang):
        raise ValueError("secret internals")

    _language, _filters, views, _page_ = _page(project, [Panel({"fi": "Rikki", "en": "Broken"}, broken)])
    assert views[0].failed
    assert "palvelimen lokiin" in views[0].html.value and "secret" not in views[0].html.value
    assert "ValueError: secret internals" in capfd.readouterr().err


def test_an_error_in_a_dashboard_cell_is_logged_on_the_server(project, capfd, monkeypatch):
    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    try:
        monkeypatch.setenv("WORKBOOK_PROJECT", str(project.path))
        shell.run_cell("from workbook.dashboard import load_dashboard_project\nproject = load_dashboard_project()")
        shell.run_cell("raise ValueError('the cell broke')")
    finally:
        InteractiveShell.clear_instance()
    assert "ValueError: the cell broke" in capfd.readouterr().err


def test_a_deferred_panel_waits_to_be_asked_for(project):
    calls = []
    panel = Panel({"fi": "Hidas", "en": "Slow"}, lambda selection, lang: calls.append(lang) or "<p>ok</p>",
                  deferred=True)
    _language, filters, views, _page_ = _page(project, [panel])
    filters.actor_type.value = "company"
    assert calls == [] and views[0].show_button in views[0].children
    views[0].show_button.click()
    assert calls == ["fi"] and views[0].html.value == "<p>ok</p>"


def test_text_from_the_spreadsheet_reaches_the_page_escaped(tmp_path):
    hostile = "<img src=x onerror=alert(1)>"
    actors = [dict(actor, name=hostile) if actor["actor_id"] == "A1" else actor for actor in ACTORS]
    project = _load(tmp_path / "hostile", actors=actors)
    selection = filter_project(project, FilterState())
    drawn = "".join(part for panel in (overview.MOST_ACTIVE, overview.HEADLINES, overview.ACHIEVEMENTS)
                    for part in [panel.draw(selection, "en")])
    assert hostile not in drawn and "&lt;img src=x onerror=alert(1)&gt;" in drawn


def test_every_text_of_the_dashboards_exists_in_finnish_and_english():
    modules = [importlib.import_module(info.name)
               for info in pkgutil.walk_packages(workbook.dashboard.__path__, "workbook.dashboard.")]
    tables = [module.TEXTS for module in modules if hasattr(module, "TEXTS")]
    assert len(tables) >= 7
    assert all(missing_translations(texts) == [] for texts in tables)


def test_every_page_has_a_dashboard_notebook_that_waits_for_its_visitor_outside_the_timeout():
    for page, notebook in PAGES.items():
        cells = json.loads((DASHBOARDS / notebook).read_text(encoding="utf-8"))["cells"]
        tags = [cell["metadata"].get("tags", []) for cell in cells]
        assert tags[0] == ["parameters"], notebook
        waiting = [cell for cell, cell_tags in zip(cells, tags) if "waits-for-visitor" in cell_tags]
        assert len(waiting) == 1 and "visitor_language" in "".join(waiting[0]["source"]), notebook
        assert all(cell["outputs"] == [] for cell in cells), f"{notebook} is committed without outputs"


def test_a_page_opens_in_the_language_of_its_address_or_of_the_server(monkeypatch):
    from workbook.dashboard.context import initial_language, visitor_language

    monkeypatch.setenv("WORKBOOK_LANG", "fi")
    monkeypatch.setenv("QUERY_STRING", "lang=en&token=x")
    assert initial_language() == "en" and visitor_language() == "en" and initial_language("fi") == "fi"
    monkeypatch.setenv("VOILA_PREHEAT", "True")  # drawn before the visitor's address is known
    assert initial_language() == "fi"
    monkeypatch.setenv("QUERY_STRING", "lang=xx")
    monkeypatch.setenv("VOILA_PREHEAT", "False")
    assert visitor_language() == "fi"


def test_the_shipped_settings_serve_only_images_and_hide_tracebacks():
    settings = json.loads((DASHBOARDS / "voila.json").read_text(encoding="utf-8"))
    voila = settings["VoilaConfiguration"]

    def downloadable(name: str) -> bool:
        return (any(re.fullmatch(p, name, re.IGNORECASE) for p in voila["file_allowlist"])
                and not any(re.fullmatch(p, name, re.IGNORECASE) for p in voila["file_denylist"]))

    assert [name for name in ("map.png", "logo.svg", "actors.csv", "S1.xlsx", "overview.ipynb", "voila.json",
                              "../data/actors.csv", "notes.txt") if downloadable(name)] == ["map.png", "logo.svg"]
    assert voila["show_tracebacks"] is False and voila["strip_sources"] is True
    assert voila["template"] == "workbook" and voila["allow_template_override"] == "NO"
    assert settings["VoilaExecutor"]["timeout"] > 0
    assert settings["MappingKernelManager"]["cull_idle_timeout"] > 0


def _serve(project_path, capsys):
    args = argparse.Namespace(project=project_path, port=0, host="127.0.0.1", lang="fi", token=None,
                              no_browser=True)
    return cli(args), capsys.readouterr().err


def test_serve_refuses_a_missing_folder_and_a_broken_project(tmp_path, capsys):
    assert _serve(tmp_path / "nowhere", capsys)[0] == 2
    broken = make_project(tmp_path / "broken", actors=[{"actor_id": "A1", "name": "X", "actor_type": "spaceship"}])
    status, report = _serve(broken, capsys)
    assert status == 1 and "spaceship" in report


def test_widgets_that_look_alike_share_one_layout_and_style_model(project):
    """Every model is announced by the kernel, relayed by the server and loaded by each
    visitor's browser: a page holds no two layout or style models in the same state."""
    from ipywidgets import Widget
    from ipywidgets.widgets.widget import _instances
    from ipywidgets.widgets.widget_layout import Layout
    from ipywidgets.widgets.widget_style import Style

    Widget.close_all()
    _language, filters, views, page = _page(project, [overview.HEADLINES, overview.MOST_ACTIVE,
                                                       overview.ORGANISATIONS_BY_TYPE])
    filters.actor_type.value = "company"
    looks = [(type(model).__name__, json.dumps(model.get_state(), sort_keys=True, default=str))
             for model in _instances.values() if isinstance(model, (Layout, Style))]
    assert len(looks) == len(set(looks)), sorted(look for look in looks if looks.count(look) > 1)
    assert len(_instances) < 40
    # A shared model closed with its page is made again for the next page, not reused closed.
    Widget.close_all()
    _language, _filters, views, _page_again = _page(project, [overview.HEADLINES])
    assert views[0].html.layout.comm is not None and views[0].html.style.comm is not None


def test_the_clusters_page_of_a_region_without_criteria_or_members_says_so(tmp_path):
    """Not "no cluster matches the filters" with no filter set, nor "every cluster meets every
    criterion" when there are none, nor an empty chart."""
    from workbook.clusters.texts import TEXTS as CLUSTER_TEXTS
    from workbook.dashboard.pages import clusters
    from workbook.htmlreport import escape
    from workbook.i18n import LANGUAGES, tr
    from workbook.network.synthetic import small_region_tables, write_tables

    project = load_project(write_tables(tmp_path / "region", small_region_tables()))
    selection = filter_project(project, FilterState())
    for lang in LANGUAGES:
        no_criteria = escape(tr(CLUSTER_TEXTS, "no_criteria", lang))
        for draw in (clusters.draw_summary, clusters.draw_scorecard, clusters.draw_gaps, clusters.draw_criteria):
            assert no_criteria in draw(selection, lang), draw.__name__
        assert "<table" not in clusters.draw_criteria(selection, lang), "an empty criteria table"
        assert escape(tr(CLUSTER_TEXTS, "no_members", lang)) in clusters.draw_members(selection, lang)


def test_the_clusters_page_says_when_the_filters_leave_no_cluster_not_that_every_cluster_passes():
    """A focus area no cluster works on: its gaps are not "every cluster meets every criterion"."""
    from workbook.clusters.texts import TEXTS as CLUSTER_TEXTS
    from workbook.dashboard.pages import clusters
    from workbook.htmlreport import escape
    from workbook.i18n import LANGUAGES, tr
    from workbook.testing import tiny_project

    criteria = [{"criterion_id": "K1", "name_fi": "Yritykset", "name_en": "Companies", "measure": "count",
                 "threshold": "2", "evidence": "company_members"}]
    focus_areas = [{"focus_area_id": "FA1", "name_fi": "Kiertotalous", "name_en": "Circular economy"},
                   {"focus_area_id": "FA2", "name_fi": "Energia", "name_en": "Energy"}]
    project = tiny_project(cluster_criteria=criteria, focus_areas=focus_areas)
    selection = filter_project(project, FilterState(focus_area="FA2"))
    assert selection.project.clusters.empty
    for lang in LANGUAGES:
        for draw in (clusters.draw_summary, clusters.draw_scorecard, clusters.draw_gaps):
            drawn = draw(selection, lang)
            assert escape(tr(clusters.TEXTS, "no_clusters", lang)) in drawn, draw.__name__
            assert escape(tr(CLUSTER_TEXTS, "no_gaps", lang)) not in drawn
