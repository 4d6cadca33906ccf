"""Voilà dashboards for stakeholders who do not code: ``workbook serve`` and its widgets.

A dashboard notebook (``dashboards/*.ipynb``) loads the project, builds a language switch
and the shared filters, one :class:`View` per panel of its page module
(``workbook.dashboard.pages.*``), displays a :class:`Page`, and finally sets the language
the visitor asked for (see :mod:`workbook.dashboard.context`). See ``docs/DEPLOYMENT.md``
for publishing the dashboards.
"""

from workbook.dashboard.context import initial_language, load_dashboard_project, visitor_language
from workbook.dashboard.filters import FilterState, Selection, filter_project
from workbook.dashboard.widgets import Filters, LanguageSwitch, Page, Panel, View

__all__ = [
    "FilterState", "Filters", "LanguageSwitch", "MapView", "Page", "Panel", "Selection", "View", "filter_project",
    "initial_language", "load_dashboard_project", "visitor_language",
]


def __getattr__(name: str):
    # The network map (anywidget, the network page's modules) is imported only by the page
    # that shows it: every other page's kernel would pay for it at every visit.
    if name == "MapView":
        from workbook.dashboard.network_map import MapView

        return MapView
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
