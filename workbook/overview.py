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
    "actors": {"fi": "Organisaatioita rekisterissä", "en": "Organisations in the registry"},
    "took_part": {"fi": "Organisaatioita osallistui", "en": "Organisations that took part"},
    "municipalities": {"fi": "Kuntia, joista osallistuttiin", "en": "Municipalities that took part"},
    "activities": {"fi": "Osallistavia tilaisuuksia", "en": "Participatory activities"},
    "participations": {"fi": "Osallistumiskertoja (henkilöt)", "en": "Participations (people)"},
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

    Who took part comes from :func:`workbook.participation.reach.headline_figures`, so
    these are the same numbers as in the participation summary and the dashboards (people
    counted as participants, not organisers; a total smaller than the minimum group size
    is hidden).

    Examples
    --------
    >>> from workbook.testing import tiny_project
    >>> headline_figures(tiny_project(), "en").set_index("Figure").loc["Actions", "Value"]
    '1'
    """
    from workbook.participation.reach import headline_figures as reach_figures

    reach = reach_figures(project)
    hidden = tr(PRIVACY_TEXTS, "marker", lang, n=project.min_group_size)

    def whole(value: float) -> str:
        return hidden if pd.isna(value) else format_number(value, lang)

    figures = [
        ("actors", whole(reach["organisations_in_registry"])),
        ("took_part", whole(reach["organisations_reached"])),
        ("municipalities", f"{whole(reach['municipalities_reached'])} / {whole(reach['municipalities'])}"),
        ("activities", whole(reach["activities"])),
        ("participations", whole(reach["attendances"])),
        ("respondents", whole(sum(len(s) for s in project.surveys.values()))),
        ("inputs", whole(reach["inputs"])),
        ("actions", whole(len(project.actions))),
        ("budget", whole(project.actions["budget_eur"].sum())),
        ("focus_areas", whole(len(project.focus_areas))),
        ("clusters", whole(len(project.clusters))),
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
