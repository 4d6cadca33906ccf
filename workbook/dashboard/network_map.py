"""The network page's map, changed in place when the filters or the language change.

The map is drawn once per language for the whole project's network (every actor at the place
the seeded layout gives it); a filter change then sends the frame only the part of the
network the filters leave (:func:`workbook.network.view.selection_data`: actors in view with
their measures there, ties with their weights there), and the page in the frame hides the
rest without being rebuilt. What the map shows is exactly the network the page's other
views are computed from.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import ipywidgets as widgets

from workbook.dashboard.cache import by_identity
from workbook.dashboard.context import server_log
from workbook.dashboard.defaults import defaults_of
from workbook.dashboard.filters import Selection
from workbook.dashboard.pages import network
from workbook.dashboard.parts import paragraph
from workbook.dashboard.widgets import Filters, LanguageSwitch, apology, plain_html, view_layout, view_title
from workbook.i18n import tr
from workbook.network.frame import NetworkFrame

if TYPE_CHECKING:
    from workbook.project import Project

# The map's page among the server's drawings (workbook.dashboard.defaults), per language.
DEFAULTS_KEY = "network.map"


@by_identity(maxsize=2)
def _whole_network_pages(project: "Project") -> dict[str, str]:
    """The map page of a project's whole network, per language (built when first asked for)."""
    return {}


def whole_network_page(project: "Project", lang: str) -> str:
    """The map of ``project``'s whole network in ``lang``, at the places every part keeps."""
    from workbook.network.view import network_page, view_names

    pages = _whole_network_pages(project)
    if lang not in pages:
        built = network.whole_network(project)
        pages[lang] = network_page(built.graph, built.metrics, lang, names=view_names(project, lang),
                                   positions=network.whole_network_positions(project))
    return pages[lang]


def default_drawings(project: "Project") -> dict[tuple[str, str], str]:
    """The map pages a server draws in advance for its kernels, one per language (none for a
    project without actors: its map is a note)."""
    from workbook.i18n import LANGUAGES

    if network.whole_network(project).graph.number_of_nodes() == 0:
        return {}
    return {(DEFAULTS_KEY, lang): whole_network_page(project, lang) for lang in LANGUAGES}


class MapView(widgets.VBox):
    """The map of the network page: a :class:`NetworkFrame` kept across filter changes, in
    the page's layout of views (it takes a :class:`~workbook.dashboard.widgets.View`'s place).

    ``drawn_for`` is the (state, language) the map shows; ``failed`` tells whether the last
    drawing raised (the visitor then sees a short apology, the server's log the traceback).
    """

    def __init__(self, filters: Filters, language: LanguageSwitch, height: int = network.MAP_HEIGHT):
        self.filters = filters
        self.language = language
        self.heading = plain_html()
        self.note = plain_html()
        self.frame = NetworkFrame(height=height)
        self.drawn_for = None
        self.failed = False
        self._page_lang: str | None = None
        super().__init__([self.heading, self.frame], layout=view_layout(wide=True))
        self.add_class("wb-view")
        self.add_class("wb-view-map")
        filters.observe(self.redraw, names="selection")
        language.observe(self.redraw, names="value")
        self.redraw()

    def redraw(self, _change=None) -> None:
        lang = self.language.value
        selection: Selection = self.filters.selection
        self.heading.value = view_title(tr(network.TEXTS, "map", lang))
        try:
            self._show(selection, lang)
            self.failed = False
        except Exception:
            server_log().exception("the network map failed for %s", selection.state)
            self.note.value = apology(lang)
            self.children = (self.heading, self.note)
            self.failed = True
        self.drawn_for = (selection.state, lang)

    def _show(self, selection: Selection, lang: str) -> None:
        defaults = defaults_of(self.filters.project)
        drawn = defaults.drawings.get((DEFAULTS_KEY, lang)) if defaults is not None else None
        if selection.state.is_everything and not self.frame.message and drawn is not None:
            # The server drew the whole network: the project need not even be read.
            self._load(drawn, lang)
            self.children = (self.heading, self.frame)
            return
        part = network.selection_network(selection)
        if part.graph.number_of_nodes() == 0:
            self.note.value = paragraph(tr(network.TEXTS, "empty", lang), "note")
            self.children = (self.heading, self.note)
            return
        self._load(drawn if drawn is not None else whole_network_page(selection.full, lang), lang)
        # The page holds the whole network: the unfiltered view needs no message, except to
        # undo a part sent before.
        whole = selection.state.is_everything and not self.frame.message
        if not whole:
            from workbook.network.view import selection_data

            self.frame.message = {"wb": "selection", "selection": selection_data(part.graph, part.metrics)}
        self.children = (self.heading, self.frame)

    def _load(self, page: str, lang: str) -> None:
        if self._page_lang != lang:
            self.frame.title = tr(network.TEXTS, "map", lang)
            self.frame.page = page
            self._page_lang = lang
