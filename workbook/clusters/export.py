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
from workbook.htmlreport import HtmlReport
from workbook.i18n import Texts, check_lang, tr
from workbook.outputs import write_xlsx
from workbook.project import Project

TEXTS: Texts = {
    "title": {"fi": "Klusterien arviointi", "en": "Cluster assessment"},
    "subtitle": {"fi": "{project}: {clusters} klusteria, {criteria} kriteeriä",
                 "en": "{project}: {clusters} clusters, {criteria} criteria"},
    "footer": {"fi": "Strategiatyökirja · klusterien arviointi · {project}",
               "en": "Strategy Workbook · cluster assessment · {project}"},
    "summary": {"fi": "Yhteenveto", "en": "Summary"},
    "round_used": {"fi": "Kirjatut arviot ovat arviointikierrokselta {round} (kierroksia yhteensä: {rounds}).",
                   "en": "Recorded assessments are from the round of {round} (assessment rounds in all: {rounds})."},
    "no_rounds": {"fi": "Klustereista ei ole vielä kirjattuja arvioita.",
                  "en": "No cluster assessments have been recorded yet."},
    "period": {"fi": "Lasketut arvot kuvaavat toimijarekisteriä sellaisenaan ja tilaisuuksia jaksolta "
                     "{start}–{end} ({years} vuotta).",
               "en": "Computed values describe the actor registry as it is and the activities of "
                     "{start}–{end} ({years} years)."},
    "no_period": {"fi": "Hankkeessa ei ole tilaisuuksia, joten tilaisuuksia vuodessa ei voi laskea.",
                  "en": "The project has no activities, so activities a year cannot be computed."},
    "scorecard": {"fi": "Tuloskortti", "en": "Scorecard"},
    "grid_note": {
        "fi": "Solussa on arvo / tavoite. ✓ täyttyy, ◐ täyttyy osittain (vähintään {half} tavoitteesta; "
              "ei kyllä/ei-kriteereissä), ✗ ei täyty, ? ei näyttöä.",
        "en": "Each cell shows value / goal. ✓ met, ◐ partly met (at least {half} of the goal; not for "
              "yes/no criteria), ✗ not met, ? no evidence.",
    },
    "gaps": {"fi": "Mitä klustereilta puuttuu", "en": "What the clusters must close"},
    "no_gaps": {"fi": "Kaikki klusterit täyttävät kaikki kriteerit.", "en": "Every cluster meets every criterion."},
    "clusters": {"fi": "Klusterit yksitellen", "en": "Cluster by cluster"},
    "coordinator": {"fi": "Koordinaattori: {name}.", "en": "Coordinator: {name}."},
    "focus_areas": {"fi": "Painopistealueet: {names}.", "en": "Focus areas: {names}."},
    "cluster_ok": {"fi": "{cluster} täyttää kaikki kriteerit.", "en": "{cluster} meets every criterion."},
    "members": {"fi": "Jäsenet ja lasketut tiedot", "en": "Members and computed facts"},
    "members_note": {"fi": "Luvut ovat organisaatioiden määriä; henkilötietoja ei käytetä.",
                     "en": "Figures count organisations; no data about people is used."},
    "changes": {"fi": "Muutos arviointikierrosten välillä", "en": "Change between assessment rounds"},
    "changes_between": {"fi": "Kirjattujen arvioiden muutos kierrokselta {before} kierrokselle {after}.",
                        "en": "Change in recorded assessments from the round of {before} to the round of {after}."},
    "one_round": {"fi": "Kirjattuja arviointikierroksia on vasta yksi, joten muutosta ei voi vielä näyttää.",
                  "en": "Only one assessment round has been recorded, so there is no change to show yet."},
    "unchanged": {"fi": "Kirjatuista arvioista {n}/{total} pysyi ennallaan; .xlsx-tiedosto luettelee kaikki.",
                  "en": "{n} of {total} recorded assessments stayed the same; the .xlsx file lists them all."},
    "changes_note": {"fi": "Lasketuilla kriteereillä ei ole historiaa: ne kuvaavat aineistoa sellaisenaan.",
                     "en": "Computed criteria have no history: they describe the data as it is."},
    "criteria": {"fi": "Kriteerit ja tavoitteet", "en": "Criteria and goals"},
    "criteria_note": {"fi": "Kriteerit ja tavoitteet ovat hankkeen taulukossa cluster_criteria; niitä muuttamalla "
                            "tulokset muuttuvat ilman ohjelmointia.",
                      "en": "The criteria and goals are the project's cluster_criteria table; editing it changes "
                            "the verdicts without any programming."},
    "method": {"fi": "Menetelmä", "en": "Method"},
    "method_verdicts": {
        "fi": "Täyttyy: arvo on vähintään tavoite. Täyttyy osittain: määrä-, osuus- ja arvosanakriteereissä arvo "
              "on vähintään {half} tavoitteesta; kyllä/ei-kriteeri joko täyttyy tai ei. Ei näyttöä: arvoa ei ole "
              "kirjattu tai sitä ei voi laskea.",
        "en": "Met: the value is at least the goal. Partly met: for count, share and score criteria the value "
              "reaches at least {half} of the goal; a yes/no criterion is either met or not. No evidence: no value "
              "was recorded or none can be computed.",
    },
    "method_period": {
        "fi": "Tilaisuuksia vuodessa = klusterin järjestämät tai yhdessä järjestämät tilaisuudet jaettuna sen "
              "jakson pituudella, jonka aineisto kattaa (hankkeen ensimmäisestä tilaisuudesta viimeiseen; "
              "alkaneet kalenterikuukaudet / 12).",
        "en": "Activities a year = activities the cluster organised or co-organised, divided by the length of "
              "the period the data covers (the project's first activity to its last; calendar months touched / 12).",
    },
    "method_ties": {
        "fi": "Yritys–TKI-yhteys = yritysjäsenen ja korkeakoulu- tai tutkimusjäsenen pari, joka on osallistunut "
              "samaan tilaisuuteen tai on mukana samassa toimenpiteessä. Osallistuneiden yritysten osuus = "
              "yritysjäsenet, jotka osallistuivat johonkin tilaisuuteen, jaettuna kaikilla yritysjäsenillä.",
        "en": "A company–RDI tie = a pair of a company member and a higher-education or research member that took "
              "part in the same activity or work in the same action. Share of companies who took part = company "
              "members that took part in any activity, divided by all company members.",
    },
    "method_rounds": {
        "fi": "Arviointikierros: arviot, joiden välissä on enintään {days} päivää, kuuluvat samaan kierrokseen. "
              "Kierroksen sisällä myöhempi arvio korvaa aiemman.",
        "en": "Assessment round: assessments no more than {days} days apart belong to the same round. Within a "
              "round, a later assessment replaces an earlier one.",
    },
    "sheet_scorecard": {"fi": "Tuloskortti", "en": "Scorecard"},
    "sheet_grid": {"fi": "Yhteenveto", "en": "Grid"},
    "sheet_gaps": {"fi": "Puutteet", "en": "Gaps"},
    "sheet_criteria": {"fi": "Kriteerit", "en": "Criteria"},
    "sheet_facts": {"fi": "Lasketut tiedot", "en": "Computed facts"},
    "sheet_membership": {"fi": "Jäsenet tyypeittäin", "en": "Members by type"},
    "sheet_members": {"fi": "Jäsenorganisaatiot", "en": "Member organisations"},
    "sheet_ties": {"fi": "Yritys-TKI-yhteydet", "en": "Company-RDI ties"},
    "sheet_changes": {"fi": "Muutokset", "en": "Changes"},
    "sheet_assessments": {"fi": "Kirjatut arviot", "en": "Recorded assessments"},
}


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
    _summary(report, project, card, rounds, lang)
    report.heading(tr(TEXTS, "scorecard", lang))
    report.figure(figures.scorecard_figure(card, lang))
    report.paragraph(tr(TEXTS, "grid_note", lang, half=_half(lang)), kind="note")
    report.heading(tr(TEXTS, "gaps", lang))
    if gap_rows.empty:
        report.paragraph(tr(TEXTS, "no_gaps", lang), kind="ok")
    else:
        report.table(tables.gaps_table(gap_rows, lang))
    _clusters(report, project, card, gap_rows, lang)
    _members(report, project, lang)
    _changes(report, project, rounds, lang)
    report.heading(tr(TEXTS, "criteria", lang))
    report.table(tables.criteria_table(project.cluster_criteria, lang))
    report.paragraph(tr(TEXTS, "criteria_note", lang), kind="note")
    report.heading(tr(TEXTS, "method", lang))
    report.bullets([tr(TEXTS, "method_verdicts", lang, half=_half(lang)), tr(TEXTS, "method_period", lang),
                    tr(TEXTS, "method_ties", lang), tr(TEXTS, "method_rounds", lang, days=ev.ROUND_GAP_DAYS)])
    return report


def _summary(report: HtmlReport, project: Project, card: pd.DataFrame, rounds: pd.DataFrame,
             lang: str) -> None:
    report.heading(tr(TEXTS, "summary", lang))
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
              lang: str) -> None:
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
    report.figure(figures.membership_figure(by_type, project.clusters, lang))
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


def workbook_sheets(project: Project, lang: str) -> dict[str, pd.DataFrame]:
    """The tables of the .xlsx export, by sheet name (in ``lang``).

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
    sheets = {
        "sheet_grid": tables.grid_table(card, lang),
        "sheet_scorecard": tables.scorecard_table(card, lang),
        "sheet_gaps": tables.gaps_table(gap_rows, lang),
        "sheet_criteria": tables.criteria_table(project.cluster_criteria, lang),
        "sheet_facts": tables.facts_table(ev.cluster_facts(project), lang),
        "sheet_membership": tables.membership_table(ev.membership_by_type(project), project.clusters, lang),
        "sheet_members": tables.members_table(member_rows, project.clusters, lang),
        "sheet_ties": tables.ties_table(pairs, project.clusters, project.actors, lang),
        "sheet_changes": tables.changes_table(sc.round_changes(project), lang),
        "sheet_assessments": tables.assessments_table(ev.recorded_assessments(project), project.clusters, lang),
    }
    return {tr(TEXTS, key, lang): frame for key, frame in sheets.items()}


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
