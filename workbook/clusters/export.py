"""``workbook clusters PROJECT --out DIR``: the cluster scorecard as HTML and as a workbook.

Writes ``cluster_scorecard_<lang>.html`` (self-contained: opens with no network) and
``cluster_scorecard_<lang>.xlsx`` (every text cell inert, so no formula comes alive).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from workbook.clusters import evidence as ev
from workbook.clusters import figures, scorecard as sc, tables
from workbook.clusters.scorecard import PARTLY_FRACTION, format_date, format_number
from workbook.clusters.texts import TEXTS
from workbook.htmlreport import HtmlReport
from workbook.i18n import check_lang, tr
from workbook.outputs import Sheet, write_xlsx
from workbook.project import Project


def _half(lang: str) -> str:
    return sc.format_value(PARTLY_FRACTION, "share", lang)


def build_report(project: Project, lang: str) -> HtmlReport:
    """The HTML scorecard of every cluster (not yet written; see :func:`export`).

    Examples
    --------
    >>> from workbook.testing import tiny_project
    >>> build_report(tiny_project(), "en").title
    'Cluster assessment'
    """
    lang = check_lang(lang)
    card = sc.scorecard(project)
    gap_rows = sc.gaps(project, lang, card=card)
    rounds = ev.assessment_rounds(project)
    report = HtmlReport(
        tr(TEXTS, "title", lang), lang,
        subtitle=tr(TEXTS, "subtitle", lang, project=project.display_name(lang), clusters=len(project.clusters),
                    criteria=len(project.cluster_criteria)),
        footer=tr(TEXTS, "footer", lang, project=project.display_name(lang)),
    )
    # Without criteria or clusters nothing was assessed: no verdict, grid or gap may be read as a pass.
    why_not = sc.unassessed(project)
    _summary(report, project, card, rounds, lang, why_not)
    report.heading(tr(TEXTS, "scorecard", lang))
    if why_not:
        report.paragraph(tr(TEXTS, why_not, lang), kind="note")
    else:
        report.figure(figures.scorecard_figure(card, lang))
        report.paragraph(tr(TEXTS, "grid_note", lang, half=_half(lang)), kind="note")
    report.heading(tr(TEXTS, "gaps", lang))
    if why_not:
        report.paragraph(tr(TEXTS, why_not, lang), kind="note")
    elif gap_rows.empty:
        report.paragraph(tr(TEXTS, "no_gaps", lang), kind="ok")
    else:
        report.table(tables.gaps_table(gap_rows, lang))
    _clusters(report, project, card, gap_rows, lang, why_not is None)
    _members(report, project, lang)
    _changes(report, project, rounds, lang)
    report.heading(tr(TEXTS, "criteria", lang))
    if project.cluster_criteria.empty:
        report.paragraph(tr(TEXTS, "no_criteria", lang), kind="note")
    else:
        report.table(tables.criteria_table(project.cluster_criteria, lang))
        report.paragraph(tr(TEXTS, "criteria_note", lang), kind="note")
    report.heading(tr(TEXTS, "method", lang))
    report.bullets([tr(TEXTS, "method_verdicts", lang, half=_half(lang)), tr(TEXTS, "method_period", lang),
                    tr(TEXTS, "method_ties", lang), tr(TEXTS, "method_rounds", lang, days=ev.ROUND_GAP_DAYS)])
    return report


def _summary(report: HtmlReport, project: Project, card: pd.DataFrame, rounds: pd.DataFrame,
             lang: str, why_not: str | None) -> None:
    report.heading(tr(TEXTS, "summary", lang))
    if why_not:
        report.paragraph(tr(TEXTS, why_not, lang), kind="note")
        return
    overall, *per_cluster = sc.summary_sentences(card, lang)
    report.paragraph(overall)
    report.bullets(per_cluster)
    if len(rounds):
        latest = rounds.iloc[-1]
        report.paragraph(tr(TEXTS, "round_used", lang, round=format_date(latest["last_date"], lang), rounds=len(rounds)))
    else:
        report.paragraph(tr(TEXTS, "no_rounds", lang), kind="note")
    start, end = ev.observed_period(project)
    if start is None or end is None:
        report.paragraph(tr(TEXTS, "no_period", lang), kind="note")
    else:
        report.paragraph(tr(TEXTS, "period", lang, start=format_date(start, lang), end=format_date(end, lang),
                            years=format_number(ev.period_years(start, end), lang, 2)))
    report.table(tables.summary_table(sc.verdict_counts(card), lang))


def _clusters(report: HtmlReport, project: Project, card: pd.DataFrame, gap_rows: pd.DataFrame,
              lang: str, assessed: bool) -> None:
    report.heading(tr(TEXTS, "clusters", lang), page_break=True)
    actor_names = dict(zip(project.actors["actor_id"], project.actors["name"]))
    for cluster in project.clusters.itertuples(index=False):
        report.heading(cluster.name, level=3)
        facts = []
        if cluster.coordinator_actor_id:
            facts.append(tr(TEXTS, "coordinator", lang, name=actor_names.get(cluster.coordinator_actor_id, "")))
        if cluster.focus_areas:
            names = ", ".join(project.focus_area_name(fa, lang) for fa in cluster.focus_areas)
            facts.append(tr(TEXTS, "focus_areas", lang, names=names))
        if facts:
            report.paragraph(" ".join(facts))
        if not assessed:
            continue
        report.figure(figures.profile_figure(card, cluster.cluster_id, lang))
        own_gaps = gap_rows[gap_rows["cluster_id"] == cluster.cluster_id]["gap"].tolist()
        if own_gaps:
            report.bullets(own_gaps, kind="finding")
        else:
            report.paragraph(tr(TEXTS, "cluster_ok", lang, cluster=cluster.name), kind="ok")
        report.table(tables.cluster_table(card, cluster.cluster_id, lang))


def _members(report: HtmlReport, project: Project, lang: str) -> None:
    report.heading(tr(TEXTS, "members", lang), page_break=True)
    by_type = ev.membership_by_type(project)
    if by_type["members"].sum():
        report.figure(figures.membership_figure(by_type, project.clusters, lang))
    else:
        report.paragraph(tr(TEXTS, "no_members", lang), kind="note")
    report.table(tables.membership_table(by_type, project.clusters, lang))
    report.table(tables.facts_table(ev.cluster_facts(project), lang))
    report.paragraph(tr(TEXTS, "members_note", lang), kind="note")


def _changes(report: HtmlReport, project: Project, rounds: pd.DataFrame, lang: str) -> None:
    report.heading(tr(TEXTS, "changes", lang))
    if len(rounds) < 2:
        report.paragraph(tr(TEXTS, "one_round" if len(rounds) else "no_rounds", lang), kind="note")
        return
    report.figure(figures.rounds_figure(sc.rounds_scorecard(project), lang))
    report.paragraph(tr(TEXTS, "changes_between", lang, before=format_date(rounds.iloc[-2]["last_date"], lang),
                        after=format_date(rounds.iloc[-1]["last_date"], lang)))
    changes = sc.round_changes(project)
    changed = changes[changes["change"] != "unchanged"]
    if len(changed):
        report.table(tables.changes_table(changed, lang))
    report.paragraph(tr(TEXTS, "unchanged", lang, n=len(changes) - len(changed), total=len(changes)))
    report.paragraph(tr(TEXTS, "changes_note", lang), kind="note")


def workbook_sheets(project: Project, lang: str) -> dict[str, Sheet]:
    """The tables of the .xlsx export, by sheet name (in ``lang``); a sheet without rows says
    why below its header, so that an empty grid is not read as nothing to report.

    Examples
    --------
    >>> from workbook.testing import tiny_project
    >>> list(workbook_sheets(tiny_project(), "en"))[:3]
    ['Grid', 'Scorecard', 'Gaps']
    """
    lang = check_lang(lang)
    card = sc.scorecard(project)
    gap_rows = sc.gaps(project, lang, card=card)
    member_rows = ev.members(project)
    pairs = ev.company_rdi_pairs(member_rows, ev.shared_occasions(project))
    rounds = ev.assessment_rounds(project)
    # Why a sheet can be empty: nothing assessed (no criteria, or no clusters), no members, no rounds.
    why_not = sc.unassessed(project)
    changes_note = "no_rounds" if rounds.empty else "one_round"
    sheets = {
        "sheet_grid": (tables.grid_table(card, lang), why_not),
        "sheet_scorecard": (tables.scorecard_table(card, lang), why_not),
        "sheet_gaps": (tables.gaps_table(gap_rows, lang), why_not or "no_gaps"),
        "sheet_criteria": (tables.criteria_table(project.cluster_criteria, lang), "no_criteria"),
        "sheet_facts": (tables.facts_table(ev.cluster_facts(project), lang), "no_clusters"),
        "sheet_membership": (tables.membership_table(ev.membership_by_type(project), project.clusters, lang),
                             "no_clusters"),
        "sheet_members": (tables.members_table(member_rows, project.clusters, lang), "no_members"),
        "sheet_ties": (tables.ties_table(pairs, project.clusters, project.actors, lang), "no_ties"),
        "sheet_changes": (tables.changes_table(sc.round_changes(project), lang), changes_note),
        "sheet_assessments": (tables.assessments_table(ev.recorded_assessments(project), project.clusters, lang),
                              "no_rounds"),
    }
    return {tr(TEXTS, key, lang): Sheet(frame, note=None if len(frame) else tr(TEXTS, why, lang))
            for key, (frame, why) in sheets.items()}


def export(project: Project, out_dir: Path, lang: str) -> list[Path]:
    """Write the HTML scorecard and the .xlsx workbook into ``out_dir``; return their paths.

    Examples
    --------
    >>> import tempfile
    >>> from workbook.testing import tiny_project
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     [path.name for path in export(tiny_project(), Path(folder), "fi")]
    ['cluster_scorecard_fi.html', 'cluster_scorecard_fi.xlsx']
    """
    out_dir = Path(out_dir)
    html_path = build_report(project, lang).write(out_dir / f"cluster_scorecard_{lang}.html")
    xlsx_path = write_xlsx(out_dir / f"cluster_scorecard_{lang}.xlsx", workbook_sheets(project, lang), lang)
    return [html_path, xlsx_path]
