"""Headline figures of a project: what the data holds, at a glance."""

from __future__ import annotations

import pandas as pd

from workbook.i18n import label, tr
from workbook.project import Project
from workbook.schemas import TABLES
from workbook.vocab import ACTIVITY_KINDS

TEXTS = {
    "actors": {"fi": "Organisaatioita rekisterissä", "en": "Organisations in the registry"},
    "took_part": {"fi": "Organisaatioita osallistui", "en": "Organisations that took part"},
    "municipalities": {"fi": "Kuntia, joista osallistuttiin", "en": "Municipalities that took part"},
    "activities": {"fi": "Osallistavia tilaisuuksia", "en": "Participatory activities"},
    "participations": {"fi": "Osallistumiskertoja", "en": "Participations"},
    "respondents": {"fi": "Kyselyvastaajia", "en": "Survey respondents"},
    "inputs": {"fi": "Ideoita ja ehdotuksia", "en": "Ideas and proposals"},
    "actions": {"fi": "Toimenpiteitä", "en": "Actions"},
    "budget": {"fi": "Toimenpiteiden budjetti yhteensä (€)", "en": "Total budget of the actions (EUR)"},
    "focus_areas": {"fi": "Painopistealueita", "en": "Focus areas"},
    "clusters": {"fi": "Klustereita", "en": "Clusters"},
    "figure": {"fi": "Tunnusluku", "en": "Figure"},
    "value": {"fi": "Arvo", "en": "Value"},
    "table": {"fi": "Taulukko", "en": "Table"},
    "rows": {"fi": "Rivejä", "en": "Rows"},
    "kind": {"fi": "Laji", "en": "Kind"},
    "count": {"fi": "Lukumäärä", "en": "Count"},
}


def headline_figures(project: Project, lang: str) -> pd.DataFrame:
    """The project's headline figures, labelled in ``lang``.

    Totals over the whole process only (no breakdown by group), so nothing here can single
    out a small group.

    Examples
    --------
    >>> from workbook.testing import tiny_project
    >>> headline_figures(tiny_project(), "en").set_index("Figure").loc["Actions", "Value"]
    '1'
    """
    took_part = project.actors[project.actors["actor_id"].isin(project.participation["actor_id"])]
    reached = took_part["municipality"].dropna().nunique()
    budget = project.actions["budget_eur"].sum()
    figures = [
        ("actors", f"{len(project.actors)}"),
        ("took_part", f"{len(took_part)}"),
        ("municipalities", f"{reached} / {len(project.municipalities)}"),
        ("activities", f"{len(project.activities)}"),
        ("participations", f"{len(project.participation)}"),
        ("respondents", f"{sum(len(s) for s in project.surveys.values())}"),
        ("inputs", f"{len(project.inputs)}"),
        ("actions", f"{len(project.actions)}"),
        ("budget", f"{budget:,.0f}".replace(",", "\u00a0")),
        ("focus_areas", f"{len(project.focus_areas)}"),
        ("clusters", f"{len(project.clusters)}"),
    ]
    return pd.DataFrame([(tr(TEXTS, key, lang), value) for key, value in figures],
                        columns=[tr(TEXTS, "figure", lang), tr(TEXTS, "value", lang)])


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
