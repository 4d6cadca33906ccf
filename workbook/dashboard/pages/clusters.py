"""The clusters page: the criteria for cluster activity and each cluster's scorecard.

A cluster is assessed as a whole, so the scorecard is computed from the whole project and
the filters only choose which clusters to show (a cluster, or those working in a focus
area). Panels are drawn with :mod:`workbook.clusters`, in the same words as the report.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbook.clusters.texts import TEXTS as REPORT_TEXTS
from workbook.dashboard.cache import by_identity
from workbook.dashboard.filters import Selection
from workbook.dashboard.parts import bullets, paragraph, table
from workbook.dashboard.widgets import Panel
from workbook.i18n import tr

if TYPE_CHECKING:
    import pandas as pd

    from workbook.project import Project

# The analyses (workbook.clusters: pandas, plotly) are imported by the functions that draw: a
# kernel showing the server's unfiltered drawings (workbook.dashboard.defaults) needs none.

TEXTS = {
    "no_clusters": {"fi": "Valinnalla ei löydy klustereita.", "en": "No cluster matches the filters."},
}

# Filters that change this page: the others would only recompute a cluster from part of it.
FILTERS = ("focus_area", "cluster")


@by_identity(maxsize=2)
def _whole_scorecard(project: Project) -> pd.DataFrame:
    from workbook.clusters import scorecard as sc

    return sc.scorecard(project)


def _card(selection: Selection) -> pd.DataFrame:
    card = _whole_scorecard(selection.full)
    return card[card["cluster_id"].isin(set(selection.project.clusters["cluster_id"]))].reset_index(drop=True)


def _no_cluster(selection: Selection, lang: str) -> str | None:
    """Why the page shows no cluster, if it shows none: the project lists none, or the
    filters leave none of them; ``None`` when there are clusters to show."""
    if selection.full.clusters.empty:
        return paragraph(tr(REPORT_TEXTS, "no_clusters", lang), "note")
    if selection.project.clusters.empty:
        return paragraph(tr(TEXTS, "no_clusters", lang), "note")
    return None


def _unassessed(selection: Selection, lang: str) -> str | None:
    """Why the page has no verdicts to show, if it has none: no criteria set, or no cluster
    (:func:`_no_cluster`); ``None`` when there are verdicts."""
    from workbook.clusters import scorecard as sc

    if sc.unassessed(selection.full) == "no_criteria":
        return paragraph(tr(REPORT_TEXTS, "no_criteria", lang), "note")
    return _no_cluster(selection, lang)


def _half(lang: str) -> str:
    from workbook.clusters import scorecard as sc

    return sc.format_value(sc.PARTLY_FRACTION, "share", lang)


def draw_summary(selection: Selection, lang: str) -> str:
    """How many clusters meet every criterion, and each cluster's verdicts in one line."""
    from workbook.clusters import scorecard as sc, tables

    unassessed = _unassessed(selection, lang)
    if unassessed:
        return unassessed
    card = _card(selection)
    overall, *per_cluster = sc.summary_sentences(card, lang)
    return paragraph(overall) + bullets(per_cluster) + table(tables.summary_table(sc.verdict_counts(card), lang))


def draw_scorecard(selection: Selection, lang: str):
    """Every cluster against every criterion, coloured by verdict."""
    from workbook.clusters import figures

    unassessed = _unassessed(selection, lang)
    if unassessed:
        return unassessed
    card = _card(selection)
    return [figures.scorecard_figure(card, lang), paragraph(tr(REPORT_TEXTS, "grid_note", lang, half=_half(lang)), "note")]


def draw_gaps(selection: Selection, lang: str) -> str:
    """What each cluster lacks against the goals, in plain words."""
    from workbook.clusters import scorecard as sc, tables

    unassessed = _unassessed(selection, lang)
    if unassessed:
        return unassessed
    card = _card(selection)
    gaps = sc.gaps(selection.full, lang, card=card)
    if gaps.empty:
        return paragraph(tr(REPORT_TEXTS, "no_gaps", lang), "ok")
    return table(tables.gaps_table(gaps, lang))


def draw_members(selection: Selection, lang: str):
    """Members of each cluster by type of organisation, in the actor types' colours."""
    from workbook.clusters import evidence, figures

    missing = _no_cluster(selection, lang)
    if missing:
        return missing
    kept = set(selection.project.clusters["cluster_id"])
    by_type = evidence.membership_by_type(selection.full)
    by_type = by_type[by_type["cluster_id"].isin(kept)].reset_index(drop=True)
    if not by_type["members"].sum():
        return paragraph(tr(REPORT_TEXTS, "no_members", lang), "note")
    return figures.membership_figure(by_type, selection.full.clusters, lang)


def draw_criteria(selection: Selection, lang: str) -> str:
    """The criteria and their goals (the project's own table)."""
    from workbook.clusters import tables

    if selection.full.cluster_criteria.empty:
        return paragraph(tr(REPORT_TEXTS, "no_criteria", lang), "note")
    return (table(tables.criteria_table(selection.full.cluster_criteria, lang))
            + paragraph(tr(REPORT_TEXTS, "criteria_note", lang), "note"))


SUMMARY = Panel(REPORT_TEXTS["summary"], draw_summary, name="summary")
GAPS = Panel(REPORT_TEXTS["gaps"], draw_gaps, name="gaps")
SCORECARD = Panel(REPORT_TEXTS["scorecard"], draw_scorecard, wide=True, name="scorecard")
MEMBERS = Panel(REPORT_TEXTS["members"], draw_members, wide=True, name="members")
CRITERIA = Panel(REPORT_TEXTS["criteria"], draw_criteria, wide=True, name="criteria")
