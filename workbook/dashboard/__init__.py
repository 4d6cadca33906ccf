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
    "FilterState", "Filters", "LanguageSwitch", "Page", "Panel", "Selection", "View", "filter_project",
    "initial_language", "load_dashboard_project", "visitor_language",
]
