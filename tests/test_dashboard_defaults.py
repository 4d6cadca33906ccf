"""The server's drawings of the unfiltered pages (:mod:`workbook.dashboard.defaults`): exactly
what each panel draws, thrown away when the project or the code changes, never in the project
folder, and a broken file only costs a kernel the time to draw the page itself."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from workbook.dashboard import context, defaults, network_map
from workbook.dashboard.defaults import SavedProject, page_panels, read_defaults, write_defaults
from workbook.dashboard.filters import FilterState, filter_options, filter_project
from workbook.dashboard.serve import prepare_kernels
from workbook.dashboard.widgets import (
    PAGE_EXTENSIONS, PAGES, PLOTLY_EXTENSION, PLOTLY_MIME, Filters, LanguageSwitch, Panel, View, rendered,
)
from workbook.i18n import LANGUAGES

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "data" / "demo-lapland"


@pytest.fixture(autouse=True)
def _fresh_reads():
    read_defaults.cache_clear()
    yield
    read_defaults.cache_clear()


@pytest.fixture(scope="module")
def served(tmp_path_factory, demo_project):
    """The demo as a server leaves it: a copy of the project and the server's runtime folder."""
    base = tmp_path_factory.mktemp("served")
    folder, runtime = base / "project", base / "runtime"
    shutil.copytree(DEMO, folder)
    runtime.mkdir()
    env = prepare_kernels(runtime, folder, demo_project, "fi")
    return folder, runtime, env


def test_every_drawing_made_in_advance_is_what_the_panel_draws(served, demo_project):
    folder, runtime, _env = served
    saved = read_defaults(runtime, folder)
    assert saved is not None
    panels = page_panels()
    assert {page for page in PAGES} == {key.split(".")[0] for key in panels}
    selection = filter_project(demo_project, FilterState())
    for key, panel in panels.items():
        for lang in LANGUAGES:
            assert saved.drawings[key, lang] == rendered(panel.draw(selection, lang), lang), (key, lang)
    assert saved.options == {lang: filter_options(demo_project, lang) for lang in LANGUAGES}
    assert saved.name == demo_project.name
    for lang in LANGUAGES:  # the network page's map: the whole network's page
        assert saved.drawings[network_map.DEFAULTS_KEY, lang] == network_map.whole_network_page(demo_project, lang)


def test_a_page_drawn_from_the_servers_defaults_is_the_page_drawn_afresh(served, demo_project, monkeypatch):
    """Same views, same menus; the project is read only at the first filter change, and the
    filtered views are then the ones drawn from the project itself."""
    folder, runtime, env = served
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    saved = context.load_dashboard_project()
    assert isinstance(saved, SavedProject) and "project" not in vars(saved)

    def page(project):
        language = LanguageSwitch("fi")
        filters = Filters(project, language)
        views = [View(panel, filters, language) for key, panel in page_panels().items()
                 if key.startswith(("overview.", "clusters."))]
        return language, filters, views

    def shown(filters, views):
        menus = [(menu.options, menu.description) for menu in filters.menus]
        return menus, [(view.heading.value, view.html.value if view.children[1] is view.html else view.output.outputs)
                       for view in views]

    fresh, cached = page(demo_project), page(saved)
    for lang in ("fi", "en"):
        fresh[0].value = cached[0].value = lang
        assert shown(*fresh[1:]) == shown(*cached[1:])
    assert "project" not in vars(saved), "drawing the unfiltered page must not read the project"
    type_filter = FilterState(actor_type="company")
    fresh[1].set_state(type_filter)
    cached[1].set_state(type_filter)
    assert "project" in vars(saved)
    assert shown(*fresh[1:]) == shown(*cached[1:])
    assert not any(view.failed for view in cached[2])


def test_the_defaults_are_thrown_away_when_a_project_file_changes(served):
    folder, runtime, _env = served
    assert read_defaults(runtime, folder) is not None
    actors = folder / "actors.csv"
    before = actors.stat().st_mtime_ns
    os.utime(actors, ns=(actors.stat().st_atime_ns, before + 10**9))
    try:
        read_defaults.cache_clear()
        assert read_defaults(runtime, folder) is None
    finally:
        os.utime(actors, ns=(actors.stat().st_atime_ns, before))


def test_the_defaults_are_thrown_away_when_the_code_changes(tmp_path, demo_project, monkeypatch):
    package = tmp_path / "package"
    package.mkdir()
    module = package / "module.py"
    module.write_text("A = 1\n")
    monkeypatch.setattr(context, "PACKAGE", package)
    runtime = tmp_path / "runtime"
    runtime.mkdir()
    write_defaults(runtime, DEMO, demo_project)
    assert read_defaults(runtime, DEMO) is not None
    module.write_text("A = 22\n")
    read_defaults.cache_clear()
    assert read_defaults(runtime, DEMO) is None


def test_nothing_is_written_into_the_project_folder(tmp_path, demo_project):
    folder, runtime = tmp_path / "project", tmp_path / "runtime"
    shutil.copytree(DEMO, folder)
    runtime.mkdir()
    before = sorted((path.relative_to(folder), path.stat().st_mtime_ns) for path in folder.rglob("*"))
    env = prepare_kernels(runtime, folder, demo_project, "en")
    assert sorted((path.relative_to(folder), path.stat().st_mtime_ns) for path in folder.rglob("*")) == before
    assert sorted(path.name for path in runtime.iterdir()) == [defaults.FILE, "project.pickle"]
    assert Path(env[context.ENV_CACHE]).parent == runtime


@pytest.mark.parametrize("content", [b"", b"not a pickle", b"\x80\x05\x95garbage"])
def test_an_unreadable_defaults_file_falls_back_to_drawing_in_the_kernel(tmp_path, demo_project, monkeypatch, content):
    runtime = tmp_path / "runtime"
    runtime.mkdir()
    env = prepare_kernels(runtime, DEMO, demo_project, "fi")
    (runtime / defaults.FILE).write_bytes(content)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    project = context.load_dashboard_project()
    assert not isinstance(project, SavedProject) and project.name == demo_project.name
    language = LanguageSwitch("en")
    filters = Filters(project, language)
    view = View(page_panels()["overview.HEADLINES"], filters, language)
    assert not view.failed and view.html.value == rendered(view.panel.draw(filters.selection, "en"), "en")


def test_an_unreadable_project_cache_is_loaded_from_the_project(tmp_path, demo_project, monkeypatch):
    runtime = tmp_path / "runtime"
    runtime.mkdir()
    env = prepare_kernels(runtime, DEMO, demo_project, "fi")
    Path(env[context.ENV_CACHE]).write_bytes(b"broken")
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    project = context.load_dashboard_project()
    assert isinstance(project, SavedProject)
    assert len(project.actors) == len(demo_project.actors)


@pytest.mark.parametrize("page", list(PAGES))
def test_a_kernel_showing_the_servers_drawings_imports_no_analysis_library(served, page):
    """The page's cells as a kernel runs them, the visitor switching language: neither pandas
    nor plotly nor networkx is imported."""
    import json
    import subprocess
    import sys

    _folder, _runtime, env = served
    notebook = json.loads((ROOT / "dashboards" / PAGES[page]).read_text(encoding="utf-8"))
    cells = ["".join(cell["source"]) for cell in notebook["cells"] if cell["cell_type"] == "code"]
    code = "\n".join([*cells[:-1], 'language.value = visitor_language("en")',
                      "import sys; print(sorted({'pandas', 'plotly', 'pandera', 'networkx'} & set(sys.modules)))"])
    run = subprocess.run([sys.executable, "-c", code], env={**os.environ, **env}, capture_output=True, text=True,
                         cwd=ROOT, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.strip().splitlines()[-1] == "[]"


def test_the_network_map_is_the_servers_drawing_until_a_filter_changes(served, monkeypatch):
    folder, runtime, env = served
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    saved = context.load_dashboard_project()
    language = LanguageSwitch("fi")
    filters = Filters(saved, language)
    view = network_map.MapView(filters, language)
    language.value = "en"
    assert view.frame.page == saved.defaults.drawings[network_map.DEFAULTS_KEY, "en"]
    assert "project" not in vars(saved), "the unfiltered map must not read the project"
    filters.set_state(FilterState(actor_type="company"))
    page = view.frame.page
    assert view.frame.message["wb"] == "selection" and not view.failed
    filters.set_state(FilterState())
    assert view.frame.page is page and len(view.frame.message["selection"]["nodes"]) == len(saved.actors)


def test_the_page_names_the_project_in_the_visitors_language_without_reading_it(served, demo_project, monkeypatch):
    from workbook.dashboard.widgets import Page
    from workbook.htmlreport import escape

    folder, runtime, env = served
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    saved = context.load_dashboard_project()
    language = LanguageSwitch("fi")
    page = Page("overview", language, None, [], subtitle=saved.display_name)
    assert escape(demo_project.display_name("fi")) in page.title.value
    language.value = "en"
    assert escape(demo_project.display_name("en")) in page.title.value
    assert escape(demo_project.display_name("fi")) not in page.title.value
    assert "project" not in vars(saved)


def test_a_page_loads_plotly_exactly_when_one_of_its_panels_draws_a_plotly_chart(demo_project):
    """The overview and the network page spare every visitor's browser plotly.js
    (``PAGE_EXTENSIONS``): none of their panels, deferred or not, filtered or not, in either
    language, draws a plotly chart, which the page could not show without it."""
    import importlib

    selections = [filter_project(demo_project, FilterState()),
                  filter_project(demo_project, FilterState(actor_type="company"))]
    draws_charts = {}
    for page in PAGES:
        module = importlib.import_module(defaults.PAGE_MODULES + page)
        panels = [value for value in vars(module).values() if isinstance(value, Panel)]
        assert panels, page
        drawings = [rendered(panel.draw(selection, lang), lang)
                    for panel in panels for selection in selections for lang in LANGUAGES]
        draws_charts[page] = any(isinstance(part, dict) and PLOTLY_MIME in part
                                 for drawing in drawings if isinstance(drawing, list) for part in drawing)
    assert draws_charts == {page: PLOTLY_EXTENSION in PAGE_EXTENSIONS[page] for page in PAGES}
    assert not draws_charts["overview"]
