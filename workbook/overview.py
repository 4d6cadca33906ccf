"""Headline figures of a project: what the data holds, at a glance."""

from __future__ import annotations

import pandas as pd

from workbook.htmlreport import format_number
from workbook.i18n import label, tr
from workbook.privacy import TEXTS as PRIVACY_TEXTS
from workbook.project import Project
from workbook.schemas import TABLES
from workbook.vocab import ACTIVITY_KINDS

TEXTS = {
    "figure": {"fi": "Tunnusluku", "en": "Figure"},
    "value": {"fi": "Arvo", "en": "Value"},
    "table": {"fi": "Taulukko", "en": "Table"},
    "rows": {"fi": "Rivejä", "en": "Rows"},
    "kind": {"fi": "Laji", "en": "Kind"},
    "count": {"fi": "Lukumäärä", "en": "Count"},
}


# The headline figures the overview shows, in its order (definitions in :mod:`workbook.figures`).
OVERVIEW_FIGURES = ("organisations_in_registry", "organisations_reached", "municipalities_reached", "activities",
                    "people", "attendances", "respondents", "inputs", "actions", "budget", "focus_areas",
                    "clusters")


def headline_figures(project: Project, lang: str) -> pd.DataFrame:
    """The project's headline figures, labelled in ``lang``.

    Values and names come from :mod:`workbook.figures`, where each figure is defined once, so
    these are the same numbers as in the participation summary, the EU S3 checklist and the
    dashboards (people counted as participants, not organisers; a total smaller than the
    minimum group size is hidden).

    Examples
    --------
    >>> from workbook.testing import tiny_project
    >>> headline_figures(tiny_project(), "en").set_index("Figure").loc["Actions", "Value"]
    '1'
    """
    from workbook.figures import figure_name, figure_values

    values = figure_values(project)
    hidden = tr(PRIVACY_TEXTS, "marker", lang, n=project.min_group_size)

    def whole(value: float) -> str:
        return hidden if pd.isna(value) else format_number(value, lang)

    rows = []
    for key in OVERVIEW_FIGURES:
        shown = whole(values[key])
        if key == "municipalities_reached":
            shown = f"{shown} / {whole(values['municipalities'])}"
        rows.append((figure_name(key, lang), shown))
    return pd.DataFrame(rows, columns=[tr(TEXTS, "figure", lang), tr(TEXTS, "value", lang)])


def table_sizes(project: Project, lang: str) -> pd.DataFrame:
    """Rows per table of the data model, with the table's name in ``lang``."""
    rows = [(getattr(spec, lang), len(project.tables[spec.name]))
            for spec in TABLES if spec.name != "project"]
    return pd.DataFrame(rows, columns=[tr(TEXTS, "table", lang), tr(TEXTS, "rows", lang)])


def activities_by_kind(project: Project, lang: str) -> pd.DataFrame:
    """Number of activities of each kind, kinds labelled in ``lang``."""
    counts = project.activities["kind"].value_counts().reindex(list(ACTIVITY_KINDS), fill_value=0)
    return pd.DataFrame({tr(TEXTS, "kind", lang): [label(ACTIVITY_KINDS, k, lang) for k in counts.index],
                         tr(TEXTS, "count", lang): counts.to_numpy()})
