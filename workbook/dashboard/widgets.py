"""The dashboards' building blocks: a language switch, shared filters, views and a page.

State lives in two widgets that every view on a page observes:

- :class:`LanguageSwitch` — ``value`` is ``"fi"`` or ``"en"``;
- :class:`Filters` — up to four menus; ``state`` is the :class:`FilterState` they show
  and ``selection`` the project filtered by it (cached per state).

A :class:`View` draws one :class:`Panel` (a title in both languages and a function from a
selection and a language to trusted HTML or a plotly figure) and redraws it whenever the
filters or the language change. A :class:`Page` lays the header (title, links to the other
pages, language switch), the filters and the views out. A dashboard notebook only builds
these and displays the page.

Panels build their HTML with :func:`workbook.htmlreport.escape` / ``table_html``: text from
spreadsheets never reaches the page unescaped. A panel that fails shows a short apology in
both languages; the traceback goes to the server's log, never to the visitor.
"""

from __future__ import annotations

import json
import sys
from collections import OrderedDict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Mapping, Sequence, Union

import ipywidgets as widgets
import traitlets
from IPython.display import HTML, display
from ipywidgets.widgets.widget_button import ButtonStyle
from ipywidgets.widgets.widget_description import DescriptionStyle
from ipywidgets.widgets.widget_string import HTMLStyle

from workbook.dashboard.context import server_log
from workbook.dashboard.defaults import Rendered, defaults_of, loaded, panel_key
from workbook.dashboard.filters import (
    ALL, FilterOptions, FilterState, Selection, choices_from_state, filter_options, filter_project,
    state_from_choices,
)
from workbook.dashboard.reportpack import TEXTS as REPORT_TEXTS, report_link
from workbook.htmlreport import escape
from workbook.i18n import LANGUAGES, check_lang, tr

if TYPE_CHECKING:
    from workbook.dashboard.defaults import SavedProject
    from workbook.project import Project

TEXTS = {
    "focus_area": {"fi": "Painopistealue", "en": "Focus area"},
    "actor_type": {"fi": "Toimijatyyppi", "en": "Actor type"},
    "area": {"fi": "Alue", "en": "Area"},
    "cluster": {"fi": "Klusteri", "en": "Cluster"},
    "reset": {"fi": "Tyhjennä valinnat", "en": "Clear filters"},
    "language": {"fi": "Kieli", "en": "Language"},
    "view_failed": {
        "fi": "Tätä näkymää ei voitu piirtää. Virhe on kirjattu palvelimen lokiin.",
        "en": "This view could not be drawn. The error was logged on the server.",
    },
    "page_overview": {"fi": "Yleiskuva", "en": "Overview"},
    "page_participation": {"fi": "Osallistuminen", "en": "Participation"},
    "page_network": {"fi": "Toimijaverkosto", "en": "Actor network"},
    "page_actions": {"fi": "Toimenpiteet", "en": "Actions"},
    "page_clusters": {"fi": "Klusterit", "en": "Clusters"},
    "workbook": {"fi": "Strategiatyökirja", "en": "Strategy Workbook"},
    "show": {"fi": "Näytä (laskenta kestää hetken)", "en": "Show (takes a moment to compute)"},
}

# Dashboard pages in the order of the navigation bar: key -> notebook file in dashboards/.
PAGES: "OrderedDict[str, str]" = OrderedDict([
    ("overview", "overview.ipynb"),
    ("participation", "participation.ipynb"),
    ("network", "network.ipynb"),
    ("actions", "actions.ipynb"),
    ("clusters", "clusters.ipynb"),
])

# Front-end extensions a page loads only if it draws with them: plotly.js (1.4 MB to download
# compressed, 4.6 MB to parse and run in every visitor's browser) for plotly charts, anywidget
# for the network map. Every page loads the widget managers. (A page missing here loads all.)
PLOTLY_EXTENSION = "jupyterlab-plotly"
ANYWIDGET_EXTENSION = "anywidget"
PAGE_EXTENSIONS: dict[str, tuple[str, ...]] = {
    "overview": (),
    "participation": (PLOTLY_EXTENSION,),
    "network": (ANYWIDGET_EXTENSION,),
    "actions": (PLOTLY_EXTENSION,),
    "clusters": (PLOTLY_EXTENSION,),
}

LANGUAGE_NAMES = {"fi": "Suomi", "en": "English"}

PLOTLY_MIME = "application/vnd.plotly.v1+json"
# No mode bar: its buttons mean nothing to most visitors. (Plotly's "responsive" option would
# size a chart to its box's height, which an output area leaves at zero.)
FIGURE_CONFIG = {"displayModeBar": False}
# Charts from the topic modules are made for reports; on a projector they need larger text.
MIN_FONT_SIZE = 15

# Layout and style models shared by the widgets of a kernel that look alike, by name.
_SHARED: dict[str, widgets.Widget] = {}


def shared(name: str, make: Callable[[], widgets.Widget]) -> widgets.Widget:
    """The one layout or style model called ``name`` in this kernel (made by ``make`` when
    first needed, or again once closed), for every widget that looks alike.

    Every widget otherwise brings a layout and a style model of its own, which the kernel
    announces to the server, the server relays and every visitor's browser loads: the
    overview had 87 models, 50 of them identical defaults. A shared model must never be
    changed in place (give the widget a layout of its own instead).

    Examples
    --------
    >>> shared("plain", widgets.Layout) is shared("plain", widgets.Layout)
    True
    """
    model = _SHARED.get(name)
    if model is None or model.comm is None:
        model = _SHARED[name] = make()
    return model


def plain_layout() -> widgets.Layout:
    """The shared default layout."""
    return shared("plain", widgets.Layout)


def plain_html(**kwargs) -> widgets.HTML:
    """An HTML widget with the shared default layout and style."""
    return widgets.HTML(layout=plain_layout(), style=shared("html", HTMLStyle), **kwargs)


def plain_button(**kwargs) -> widgets.Button:
    """A button with the shared default layout and style."""
    return widgets.Button(layout=plain_layout(), style=shared("button", ButtonStyle), **kwargs)


class LanguageSwitch(widgets.ToggleButtons):
    """Finnish/English switch; ``value`` is the language every view on the page uses."""

    def __init__(self, lang: str = "fi", **kwargs):
        kwargs.setdefault("layout", plain_layout())
        super().__init__(options=[(LANGUAGE_NAMES[code], code) for code in LANGUAGES],
                         value=check_lang(lang), **kwargs)
        self.style.button_width = "90px"
        self.add_class("wb-language")


FILTERS: tuple[str, ...] = ("focus_area", "actor_type", "area", "cluster")


class Filters(widgets.HBox):
    """The shared filters of a page: focus area, actor type, area, cluster (or some of them).

    ``state`` is what the menus show and ``selection`` the project filtered by it; views
    observe ``selection``. Menu labels follow the language switch without changing the
    state. ``shown`` names the menus a page offers (a filter that would change nothing on
    the page is better left out).
    """

    state = traitlets.Instance(FilterState)
    selection = traitlets.Instance(Selection)

    CACHE_SIZE = 64

    def __init__(self, project: "Project | SavedProject", language: LanguageSwitch, state: FilterState | None = None,
                 shown: Sequence[str] = FILTERS):
        unknown = set(shown) - set(FILTERS)
        if unknown:
            raise ValueError(f"unknown filters {sorted(unknown)}; filters: {', '.join(FILTERS)}")
        self.project = project
        self.language = language
        self._cache: "OrderedDict[FilterState, Selection]" = OrderedDict()
        self._relabelling = False
        style = shared("menu", lambda: DescriptionStyle(description_width="initial"))
        self.focus_area, self.actor_type, self.area, self.cluster = (
            widgets.Dropdown(layout=menu_layout(name in shown), style=style) for name in FILTERS)
        self.reset = plain_button()
        self.reset.on_click(lambda _button: self.set_state(FilterState()))
        for menu, name in zip(self.menus, FILTERS):
            menu.add_class("wb-filter-" + name.replace("_", "-"))
        self.reset.add_class("wb-filter-reset")
        super().__init__([*self.menus, self.reset],
                         layout=widgets.Layout(flex_flow="row wrap", align_items="center", margin="4px 0 12px"))
        self.add_class("wb-filters")
        initial = state or FilterState()
        self.state = initial
        self.selection = self._select(initial)
        self._relabel()
        self._show(initial)
        for menu in self.menus:
            menu.observe(self._menu_changed, names="value")
        language.observe(lambda _change: self._relabel(), names="value")

    @property
    def menus(self) -> tuple[widgets.Dropdown, ...]:
        """The four menus, in the order of :data:`FILTERS`."""
        return (self.focus_area, self.actor_type, self.area, self.cluster)

    def set_state(self, state: FilterState) -> None:
        """Show ``state`` in the menus and redraw every view once."""
        self._show(state)
        self._apply(state)

    def _select(self, state: FilterState) -> Selection:
        if state in self._cache:
            self._cache.move_to_end(state)
        else:
            # Unfiltered, a saved project stays unread until a panel draws from it.
            self._cache[state] = filter_project(self.project if state.is_everything else loaded(self.project), state)
            while len(self._cache) > self.CACHE_SIZE:
                self._cache.popitem(last=False)
        return self._cache[state]

    def _apply(self, state: FilterState) -> None:
        if state != self.state:
            self.state = state
            self.selection = self._select(state)

    def _menu_changed(self, _change) -> None:
        if not self._relabelling:
            self._apply(state_from_choices(*(menu.value for menu in self.menus)))

    def _show(self, state: FilterState) -> None:
        self._relabelling = True
        try:
            for menu, value in zip(self.menus, choices_from_state(state)):
                menu.value = value
        finally:
            self._relabelling = False

    def _relabel(self) -> None:
        lang = self.language.value
        defaults = defaults_of(self.project)
        options: FilterOptions = defaults.options[lang] if defaults is not None else filter_options(self.project, lang)
        self._relabelling = True
        try:
            for menu, key, choices in zip(
                self.menus, FILTERS, (options.focus_areas, options.actor_types, options.areas, options.clusters),
            ):
                kept = menu.value
                menu.options = choices
                menu.value = kept if any(value == kept for _, value in choices) else ALL
                menu.description = tr(TEXTS, key, lang)
            self.reset.description = tr(TEXTS, "reset", lang)
        finally:
            self._relabelling = False


# Trusted HTML, a plotly figure, or a list of both (drawn one under the other).
Drawing = Union[str, object, Sequence[Union[str, object]]]


@dataclass(frozen=True)
class Panel:
    """What a view shows: a title in both languages and how to draw it.

    ``draw(selection, lang)`` returns trusted HTML (built with ``escape``/``table_html``), a
    plotly figure, or a list of both. ``wide`` panels take the page's full width, others half
    of it. A ``deferred`` panel (one that takes seconds to draw) waits for the visitor to ask
    for it, so that it does not hold up the page.
    """

    title: Mapping[str, str]
    draw: Callable[[Selection, str], Drawing]
    wide: bool = False
    name: str = ""
    deferred: bool = False


def menu_layout(shown: bool) -> widgets.Layout:
    """The box of a filter menu, shown or hidden (shared by the menus alike)."""
    return shared(f"menu-{shown}", lambda: widgets.Layout(width="auto", max_width="420px", margin="2px 16px 2px 0",
                                                          display=None if shown else "none"))


class View(widgets.VBox):
    """One panel on a page, redrawn when the shared filters or the language change.

    ``drawn_for`` is the (state, language) the view currently shows; ``failed`` tells
    whether the last drawing raised (the visitor then sees a short apology). Unfiltered, a
    view of a server's kernel shows the panel's drawing made by the server in advance
    (:mod:`workbook.dashboard.defaults`) instead of drawing it again.
    """

    def __init__(self, panel: Panel, filters: Filters, language: LanguageSwitch):
        self.panel = panel
        self.filters = filters
        self.language = language
        self.heading = plain_html()
        self.html = plain_html()
        # Made when first needed: every widget is one more model for each visitor's browser to load.
        self._output: widgets.Output | None = None
        self._show_button: widgets.Button | None = None
        self.opened = not panel.deferred
        self.drawn_for: tuple[FilterState, str] | None = None
        self.failed = False
        self._key = panel_key(panel)
        super().__init__([self.heading, self.html], layout=view_layout(panel.wide))
        self.add_class("wb-view")
        if panel.name:
            self.add_class(f"wb-view-{panel.name}")
        filters.observe(self.redraw, names="selection")
        language.observe(self.redraw, names="value")
        self.redraw()

    @property
    def output(self) -> widgets.Output:
        """Where figures are shown (made on first use)."""
        if self._output is None:
            self._output = widgets.Output(layout=plain_layout())
        return self._output

    @property
    def show_button(self) -> widgets.Button:
        """The button a deferred view waits behind (made on first use)."""
        if self._show_button is None:
            self._show_button = plain_button()
            self._show_button.add_class("wb-show")
            self._show_button.on_click(self._open)
        return self._show_button

    def _open(self, _button=None) -> None:
        self.opened = True
        self.redraw()

    def redraw(self, _change=None) -> None:
        lang = self.language.value
        state = self.filters.state
        self.heading.value = view_title(self.panel.title[lang])
        if not self.opened:
            self.show_button.description = tr(TEXTS, "show", lang)
            self.children = (self.heading, self.show_button)
            return
        self._show(self._drawing(state, lang))
        self.drawn_for = (state, lang)

    def _drawing(self, state: FilterState, lang: str) -> Rendered:
        defaults = defaults_of(self.filters.project) if state.is_everything else None
        if defaults is not None and (self._key, lang) in defaults.drawings:
            self.failed = False
            return defaults.drawings[self._key, lang]
        try:
            drawing = rendered(self.panel.draw(self.filters.selection, lang), lang)
            self.failed = False
        except Exception:
            server_log().exception("panel %r failed for %s", self.panel.name or self.panel.title["en"], state)
            drawing = apology(lang)
            self.failed = True
        return drawing

    def _show(self, drawing: Rendered) -> None:
        if isinstance(drawing, str):
            self.html.value = drawing
            self.children = (self.heading, self.html)
        else:
            self.output.clear_output(wait=True)
            with self.output:
                for part in drawing:
                    # A mime bundle goes raw; an object the panel drew is displayed as it is.
                    display(HTML(part) if isinstance(part, str) else part, raw=_is_bundle(part))
            self.children = (self.heading, self.output)


def view_layout(wide: bool) -> widgets.Layout:
    """The box of a view on a page: the page's full width, or half of it (shared by the views alike)."""
    return shared(f"view-{wide}", lambda: widgets.Layout(
        width="100%" if wide else "calc(50% - 12px)", min_width="360px", margin="0 0 20px 0", padding="0 12px 0 0"))


def view_title(title: str) -> str:
    """A view's heading.

    Examples
    --------
    >>> view_title("Map & more")
    '<h3 class="wb-view-title">Map &amp; more</h3>'
    """
    return f'<h3 class="wb-view-title">{escape(title)}</h3>'


def apology(lang: str) -> str:
    """What a visitor sees instead of a view that could not be drawn (the server's log has why)."""
    return f'<p class="wb-error">{escape(tr(TEXTS, "view_failed", lang))}</p>'


def rendered(drawing: Drawing, lang: str) -> Rendered:
    """A panel's drawing in ``lang`` as it is shown: trusted HTML as it is, else the list of
    its parts, HTML strings as they are and plotly figures as plotly's mime bundle (displayed
    raw, numbers written as in ``lang``), built here rather than by plotly's renderers:
    importing those pulls in nbformat and jsonschema, about 1.5 s of every visitor's wait on
    this machine.

    Examples
    --------
    >>> import plotly.graph_objects as go
    >>> parts = rendered(["<p>a</p>", go.Figure(go.Bar(x=[1], y=[2500.5]))], "fi")
    >>> figure = parts[1][PLOTLY_MIME]
    >>> parts[0], figure["config"], figure["layout"]["font"]["size"], figure["layout"]["separators"]
    ('<p>a</p>', {'displayModeBar': False}, 15, ',\xa0')
    """
    if isinstance(drawing, str):
        return drawing
    return [_part(part, lang) for part in (drawing if isinstance(drawing, (list, tuple)) else [drawing])]


def _part(part: object, lang: str) -> object:
    if not _is_figure(part):
        return part
    from workbook.formats import plotly_separators

    bundle = json.loads(part.to_json())
    layout = bundle.setdefault("layout", {})
    font = layout.setdefault("font", {})
    font["size"] = max(font.get("size", 12), MIN_FONT_SIZE)
    layout.setdefault("separators", plotly_separators(lang))
    bundle["config"] = FIGURE_CONFIG
    return {PLOTLY_MIME: bundle}


def _is_figure(part: object) -> bool:
    # A kernel that shows only drawings made in advance never imports plotly (0.3 s).
    return "plotly.graph_objects" in sys.modules and isinstance(part, sys.modules["plotly.graph_objects"].Figure)


def _is_bundle(part: object) -> bool:
    return isinstance(part, dict) and PLOTLY_MIME in part


class Page(widgets.VBox):
    """A dashboard page: header with title, page links and language switch; filters; views.

    ``generation`` counts completed redraws of the whole page (the header's hidden marker
    carries it, so a browser can tell when every view has been redrawn). ``subtitle`` is a
    text, or a function giving it in a language (``project.display_name``), which then
    follows the language switch.
    """

    generation = traitlets.Int(0)

    def __init__(self, page: str, language: LanguageSwitch, filters: Filters | None, views: Sequence[View],
                 subtitle: str | Callable[[str], str] = ""):
        if page not in PAGES:
            raise ValueError(f"unknown page {page!r}; pages: {', '.join(PAGES)}")
        self.page = page
        self.language = language
        self.filters = filters
        self.views = list(views)
        self.subtitle = subtitle
        self.title = plain_html()
        self.title.add_class("wb-title")
        self.navigation = plain_html()
        self.navigation.add_class("wb-nav")
        self.marker = plain_html()
        self.marker.add_class("wb-marker")
        header = widgets.HBox([self.title, language], layout=widgets.Layout(
            justify_content="space-between", align_items="center", flex_flow="row wrap"))
        body = widgets.Box(self.views, layout=widgets.Layout(
            display="flex", flex_flow="row wrap", justify_content="space-between", align_items="flex-start"))
        parts = [header, self.navigation, *([filters] if filters is not None else []), body, self.marker]
        super().__init__(parts, layout=widgets.Layout(width="100%"))
        self.add_class("wb-page")
        self._draw_header()
        language.observe(self._redrawn, names="value")
        if filters is not None:
            filters.observe(self._redrawn, names="selection")

    def _redrawn(self, _change=None) -> None:
        self.generation += 1
        self._draw_header()

    def _draw_header(self) -> None:
        lang = self.language.value
        text = self.subtitle(lang) if callable(self.subtitle) else self.subtitle
        subtitle = f'<div class="wb-subtitle">{escape(text)}</div>' if text else ""
        self.title.value = (f'<h1 class="wb-page-title">{escape(tr(TEXTS, "page_" + self.page, lang))}</h1>'
                            f"{subtitle}")
        self.navigation.value = navigation_html(self.page, lang)
        self.marker.value = f'<span class="wb-drawn" data-generation="{self.generation}"></span>'


def navigation_html(current: str, lang: str) -> str:
    """Links to every dashboard page, keeping the language; the current page is not a link.
    Last, the report pack, when the server has one (:mod:`workbook.dashboard.reportpack`).

    Examples
    --------
    >>> html = navigation_html("overview", "en")
    >>> 'href="participation.ipynb?lang=en"' in html, '"page">Overview</strong>' in html
    (True, True)
    """
    items = []
    for page, notebook in PAGES.items():
        name = escape(tr(TEXTS, "page_" + page, lang))
        if page == current:
            items.append(f'<strong aria-current="page">{name}</strong>')
        else:
            items.append(f'<a href="{escape(notebook)}?lang={escape(lang)}" data-page="{page}">{name}</a>')
    report = report_link(lang)
    if report is not None:
        items.append(f'<a href="{escape(report)}" class="wb-report" target="_blank" rel="noopener">'
                     f'{escape(tr(REPORT_TEXTS, "link", lang))}</a>')
    return '<nav class="wb-navigation">' + "".join(items) + "</nav>"
