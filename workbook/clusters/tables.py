"""The scorecard laid out for readers: translated headers, labels and formatted values.

Every function takes the analyses' frames (:mod:`workbook.clusters.evidence`,
:mod:`workbook.clusters.scorecard`) and returns a new frame for a report, a notebook, a
dashboard or a spreadsheet; none of them computes anything new.
"""

from __future__ import annotations

import pandas as pd

from workbook import vocab
from workbook.clusters.scorecard import CHANGES, VERDICTS, format_date, format_number, format_value
from workbook.i18n import Texts, label, tr

TEXTS: Texts = {
    "cluster": {"fi": "Klusteri", "en": "Cluster"},
    "criterion": {"fi": "Kriteeri", "en": "Criterion"},
    "criterion_id": {"fi": "Tunniste", "en": "Id"},
    "description": {"fi": "Kuvaus", "en": "Description"},
    "measure": {"fi": "Mittaustapa", "en": "Measure"},
    "goal": {"fi": "Tavoite", "en": "Goal"},
    "source": {"fi": "Mistä arvo saadaan", "en": "Where the value comes from"},
    "value": {"fi": "Arvo", "en": "Value"},
    "verdict": {"fi": "Tulos", "en": "Verdict"},
    "goal_share": {"fi": "Tavoitteesta saavutettu", "en": "Share of goal reached"},
    "basis": {"fi": "Laskettu", "en": "Computed from"},
    "evidence_text": {"fi": "Näyttö", "en": "Evidence"},
    "assessed_on": {"fi": "Arvioitu", "en": "Assessed on"},
    "gap": {"fi": "Mitä puuttuu", "en": "What is missing"},
    "members": {"fi": "Jäseniä", "en": "Members"},
    "company_members": {"fi": "Yritysjäseniä", "en": "Company members"},
    "company_share": {"fi": "Yritysten osuus", "en": "Company share"},
    "companies_took_part": {"fi": "Osallistuneita yritysjäseniä", "en": "Company members who took part"},
    "company_participation": {"fi": "Osallistuneiden yritysten osuus", "en": "Share of companies who took part"},
    "member_activities": {"fi": "Järjestettyjä tilaisuuksia", "en": "Activities organised"},
    "years": {"fi": "Tarkastelujakso (vuotta)", "en": "Observed period (years)"},
    "member_activities_per_year": {"fi": "Tilaisuuksia vuodessa", "en": "Activities a year"},
    "company_rdi_ties": {"fi": "Yritys–TKI-yhteyksiä", "en": "Company–RDI ties"},
    "organisation": {"fi": "Organisaatio", "en": "Organisation"},
    "actor_type": {"fi": "Tyyppi", "en": "Type"},
    "company": {"fi": "Yritys", "en": "Company"},
    "rdi_actor": {"fi": "TKI-toimija", "en": "RDI actor"},
    "before": {"fi": "Aiemmin", "en": "Before"},
    "after": {"fi": "Nyt", "en": "Now"},
    "change": {"fi": "Muutos", "en": "Change"},
    "round": {"fi": "Arviointikierros", "en": "Assessment round"},
    "first_date": {"fi": "Ensimmäinen arvio", "en": "First assessment"},
    "last_date": {"fi": "Viimeinen arvio", "en": "Last assessment"},
    "assessments": {"fi": "Arvioita", "en": "Assessments"},
    "clusters_assessed": {"fi": "Arvioituja klustereita", "en": "Clusters assessed"},
    "basis_of": {"fi": "{count}/{base}", "en": "{count} of {base}"},
    "basis_per_year": {"fi": "{count} kpl {base} vuodessa", "en": "{count} in {base} years"},
}


def _header(key: str, lang: str) -> str:
    return tr(TEXTS, key, lang)


def criteria_table(criteria: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The criteria and their goals as the project defines them.

    Examples
    --------
    >>> criteria = pd.DataFrame({"criterion_id": ["K4"], "name_fi": ["Tilaisuudet"], "name_en": ["Activities"],
    ...     "description_fi": [None], "description_en": [None], "measure": ["count"], "threshold": [2.0],
    ...     "evidence": ["member_activities_per_year"]})
    >>> criteria_table(criteria, "en").iloc[0].tolist()
    ['K4', 'Activities', None, 'Count', '2', 'Member activities per year']
    """
    sources = criteria["evidence"].fillna("recorded")
    return pd.DataFrame({
        _header("criterion_id", lang): criteria["criterion_id"],
        _header("criterion", lang): criteria[f"name_{lang}"],
        _header("description", lang): criteria[f"description_{lang}"],
        _header("measure", lang): [label(vocab.CRITERION_MEASURES, m, lang) for m in criteria["measure"]],
        _header("goal", lang): [format_value(t, m, lang) for t, m in zip(criteria["threshold"], criteria["measure"])],
        _header("source", lang): [label(vocab.CRITERION_EVIDENCE, s, lang) for s in sources],
    })


def _basis(row: pd.Series, lang: str) -> str:
    if pd.isna(row["count"]) or pd.isna(row["base"]):
        return ""
    key = "basis_per_year" if row["source"] == "member_activities_per_year" else "basis_of"
    return tr(TEXTS, key, lang, count=format_number(row["count"], lang), base=format_number(row["base"], lang, 2))


def scorecard_table(card: pd.DataFrame, lang: str, formatted: bool = True) -> pd.DataFrame:
    """The scorecard as a long table: one row per cluster × criterion.

    With ``formatted`` values, goals and shares are text for reading (``1,5``, ``40 %``,
    ``Kyllä``); without, they stay numbers (shares 0–1, yes/no 1/0) for a spreadsheet.

    Examples
    --------
    >>> from workbook.testing import tiny_project
    >>> from workbook.clusters.scorecard import scorecard
    >>> criteria = [{"criterion_id": "K1", "name_fi": "Yritykset", "name_en": "Companies", "measure": "count",
    ...              "threshold": "2", "evidence": "company_members"}]
    >>> card = scorecard(tiny_project(cluster_criteria=criteria))
    >>> scorecard_table(card, "en").iloc[0, :5].tolist()
    ['Arctic Design', 'K1', 'Companies', 'Partly met', '1']
    >>> scorecard_table(card, "en", formatted=False).iloc[0, 4:7].tolist()
    [1.0, 2.0, 0.5]
    """
    if formatted:
        values = [format_value(v, m, lang) for v, m in zip(card["value"], card["measure"])]
        goals = [format_value(t, m, lang) for t, m in zip(card["threshold"], card["measure"])]
        shares = [format_value(s, "share", lang) for s in card["goal_share"]]
    else:
        values, goals, shares = card["value"].tolist(), card["threshold"].tolist(), card["goal_share"].tolist()
    return pd.DataFrame({
        _header("cluster", lang): card["cluster_name"].tolist(),
        _header("criterion_id", lang): card["criterion_id"].tolist(),
        _header("criterion", lang): card[f"criterion_{lang}"].tolist(),
        _header("verdict", lang): [label(VERDICTS, v, lang) for v in card["verdict"]],
        _header("value", lang): values,
        _header("goal", lang): goals,
        _header("goal_share", lang): shares,
        _header("source", lang): [label(vocab.CRITERION_EVIDENCE, s, lang) for s in card["source"]],
        _header("basis", lang): [_basis(row, lang) for _, row in card.iterrows()],
        _header("evidence_text", lang): card["evidence_text"].tolist(),
        _header("assessed_on", lang): [format_date(d, lang) for d in card["assessed_on"]],
    })


def cluster_table(card: pd.DataFrame, cluster_id: str, lang: str) -> pd.DataFrame:
    """One cluster's rows of :func:`scorecard_table`, without the cluster column.

    Examples
    --------
    >>> from workbook.testing import tiny_project
    >>> from workbook.clusters.scorecard import scorecard
    >>> criteria = [{"criterion_id": "K1", "name_fi": "Yritykset", "name_en": "Companies", "measure": "count",
    ...              "threshold": "2", "evidence": "company_members"}]
    >>> card = scorecard(tiny_project(cluster_criteria=criteria))
    >>> list(cluster_table(card, "CL1", "fi").columns[:3])
    ['Tunniste', 'Kriteeri', 'Tulos']
    """
    rows = card[card["cluster_id"] == cluster_id]
    return scorecard_table(rows, lang).drop(columns=[_header("cluster", lang)])


def grid_table(card: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Clusters down, criteria across, verdict labels in the cells (the scorecard at a glance).

    Examples
    --------
    >>> from workbook.testing import tiny_project
    >>> from workbook.clusters.scorecard import scorecard
    >>> criteria = [{"criterion_id": "K1", "name_fi": "Yritykset", "name_en": "Companies", "measure": "count",
    ...              "threshold": "2", "evidence": "company_members"}]
    >>> card = scorecard(tiny_project(cluster_criteria=criteria))
    >>> grid_table(card, "fi")
            Klusteri                K1
    0  Arctic Design  Täyttyy osittain
    """
    labels = card.assign(shown=[label(VERDICTS, v, lang) for v in card["verdict"]])
    grid = labels.pivot(index="cluster_id", columns="criterion_id", values="shown")
    grid = grid.reindex(index=card["cluster_id"].unique(), columns=card["criterion_id"].unique())
    names = dict(zip(card["cluster_id"], card["cluster_name"]))
    grid.insert(0, _header("cluster", lang), [names[c] for c in grid.index])
    grid.columns.name = None
    return grid.reset_index(drop=True)


def summary_table(counts: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Verdict counts per cluster (from :func:`workbook.clusters.scorecard.verdict_counts`).

    Examples
    --------
    >>> counts = pd.DataFrame({"cluster_id": ["CL1"], "cluster_name": ["Arctic Design"], "met": [7],
    ...                        "partly": [1], "not_met": [0], "no_evidence": [0]})
    >>> list(summary_table(counts, "en").columns)
    ['Cluster', 'Met', 'Partly met', 'Not met', 'No evidence']
    """
    table = counts.drop(columns=["cluster_id"]).rename(columns={"cluster_name": _header("cluster", lang)})
    return table.rename(columns={code: label(VERDICTS, code, lang) for code in VERDICTS})


def gaps_table(gap_rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The gaps (from :func:`workbook.clusters.scorecard.gaps`) with translated headers.

    Examples
    --------
    >>> rows = pd.DataFrame({"cluster_name": ["Arctic Design"], "criterion_id": ["K7"], "verdict": ["not_met"],
    ...                      "gap": ["Arctic Design: “Website” is not in place (assessed 30.4.2023)."]})
    >>> gaps_table(rows, "fi").iloc[0, :3].tolist()
    ['Arctic Design', 'K7', 'Ei täyty']
    """
    return pd.DataFrame({
        _header("cluster", lang): gap_rows["cluster_name"],
        _header("criterion_id", lang): gap_rows["criterion_id"],
        _header("verdict", lang): [label(VERDICTS, v, lang) for v in gap_rows["verdict"]],
        _header("gap", lang): gap_rows["gap"],
    })


def membership_table(by_type: pd.DataFrame, clusters: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Members by actor type (types no cluster has are left out).

    Examples
    --------
    >>> from workbook.testing import tiny_project
    >>> from workbook.clusters.evidence import membership_by_type
    >>> project = tiny_project()
    >>> membership_table(membership_by_type(project), project.clusters, "en")
             Cluster  Company  Members
    0  Arctic Design        1        1
    """
    names = dict(zip(clusters["cluster_id"], clusters["name"]))
    types = [t for t in vocab.codes(vocab.ACTOR_TYPES) if by_type[t].sum() > 0]
    table = pd.DataFrame({_header("cluster", lang): [names[c] for c in by_type["cluster_id"]]})
    for actor_type in types:
        table[label(vocab.ACTOR_TYPES, actor_type, lang)] = by_type[actor_type].to_numpy()
    table[_header("members", lang)] = by_type["members"].to_numpy()
    return table


def facts_table(facts: pd.DataFrame, lang: str, formatted: bool = True) -> pd.DataFrame:
    """What the workbook computed about each cluster (from :func:`workbook.clusters.evidence.cluster_facts`).

    With ``formatted`` the figures are text for reading; without, numbers (shares 0–1).

    Examples
    --------
    >>> from workbook.testing import tiny_project
    >>> from workbook.clusters.evidence import cluster_facts
    >>> facts_table(cluster_facts(tiny_project()), "fi").iloc[0, :4].tolist()
    ['Arctic Design', '1', '1', '100\xa0%']
    """
    table = pd.DataFrame({_header("cluster", lang): facts["name"].tolist()})
    for column in ("members", "company_members", "company_share", "companies_took_part", "company_participation",
                   "member_activities", "years", "member_activities_per_year", "company_rdi_ties"):
        measure = "share" if column in ("company_share", "company_participation") else "count"
        table[_header(column, lang)] = ([_format_fact(v, measure, column, lang) for v in facts[column]]
                                        if formatted else facts[column].tolist())
    return table


def _format_fact(value: float, measure: str, column: str, lang: str) -> str:
    if column == "years" and not pd.isna(value):
        # Two decimals: a period of 1.25 years shown as 1.2 would not match the yearly rate.
        return format_number(value, lang, 2)
    return format_value(value, measure, lang)


def members_table(member_rows: pd.DataFrame, clusters: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Every member organisation of every cluster (from :func:`workbook.clusters.evidence.members`).

    Examples
    --------
    >>> from workbook.testing import tiny_project
    >>> from workbook.clusters.evidence import members
    >>> project = tiny_project()
    >>> members_table(members(project), project.clusters, "fi")
            Klusteri Organisaatio  Tyyppi
    0  Arctic Design     Testi Oy  Yritys
    """
    names = dict(zip(clusters["cluster_id"], clusters["name"]))
    return pd.DataFrame({
        _header("cluster", lang): [names[c] for c in member_rows["cluster_id"]],
        _header("organisation", lang): member_rows["name"],
        _header("actor_type", lang): [label(vocab.ACTOR_TYPES, t, lang) for t in member_rows["actor_type"]],
    })


def ties_table(pairs: pd.DataFrame, clusters: pd.DataFrame, actors: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The company–RDI pairs behind ``company_rdi_ties`` with the organisations' names.

    Examples
    --------
    >>> pairs = pd.DataFrame({"cluster_id": ["CL1"], "company_id": ["C1"], "rdi_id": ["U1"]})
    >>> clusters = pd.DataFrame({"cluster_id": ["CL1"], "name": ["Arctic Design"]})
    >>> actors = pd.DataFrame({"actor_id": ["C1", "U1"], "name": ["Yksi Oy", "Lapin yliopisto"]})
    >>> ties_table(pairs, clusters, actors, "en").iloc[0].tolist()
    ['Arctic Design', 'Yksi Oy', 'Lapin yliopisto']
    """
    cluster_names = dict(zip(clusters["cluster_id"], clusters["name"]))
    actor_names = dict(zip(actors["actor_id"], actors["name"]))
    return pd.DataFrame({
        _header("cluster", lang): [cluster_names[c] for c in pairs["cluster_id"]],
        _header("company", lang): [actor_names[a] for a in pairs["company_id"]],
        _header("rdi_actor", lang): [actor_names[a] for a in pairs["rdi_id"]],
    })


def changes_table(changes: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Changes between two rounds (from :func:`workbook.clusters.scorecard.round_changes`).

    Examples
    --------
    >>> changes = pd.DataFrame({"cluster_name": ["Arctic Design"], "criterion_id": ["K2"],
    ...     "criterion_fi": ["Johtaja"], "criterion_en": ["Director"], "verdict_before": ["not_met"],
    ...     "verdict_after": ["met"], "change": ["improved"]})
    >>> changes_table(changes, "en").iloc[0, 3:].tolist()
    ['Not met', 'Met', 'Improved']
    """
    return pd.DataFrame({
        _header("cluster", lang): changes["cluster_name"],
        _header("criterion_id", lang): changes["criterion_id"],
        _header("criterion", lang): changes[f"criterion_{lang}"],
        _header("before", lang): [label(VERDICTS, v, lang) for v in changes["verdict_before"]],
        _header("after", lang): [label(VERDICTS, v, lang) for v in changes["verdict_after"]],
        _header("change", lang): [label(CHANGES, c, lang) for c in changes["change"]],
    })


def assessments_table(recorded: pd.DataFrame, clusters: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Every recorded assessment of every round, with its evidence text.

    Examples
    --------
    >>> recorded = pd.DataFrame({"round": [1], "cluster_id": ["CL1"], "criterion_id": ["K2"], "value": [1.0],
    ...     "evidence": ["Johtaja nimitetty"], "assessed_on": [pd.Timestamp("2023-04-30")]})
    >>> clusters = pd.DataFrame({"cluster_id": ["CL1"], "name": ["Arctic Design"]})
    >>> assessments_table(recorded, clusters, "fi").iloc[0, [0, 1, 2, 4]].tolist()
    [1, 'Arctic Design', 'K2', 'Johtaja nimitetty']
    """
    names = dict(zip(clusters["cluster_id"], clusters["name"]))
    return pd.DataFrame({
        _header("round", lang): recorded["round"].astype(object),
        _header("cluster", lang): [names[c] for c in recorded["cluster_id"]],
        _header("criterion_id", lang): recorded["criterion_id"],
        _header("value", lang): recorded["value"],
        _header("evidence_text", lang): recorded["evidence"],
        _header("assessed_on", lang): recorded["assessed_on"],
    })


def rounds_table(rounds: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The assessment rounds (from :func:`workbook.clusters.evidence.assessment_rounds`).

    Examples
    --------
    >>> rounds = pd.DataFrame({"round": [1], "first_date": [pd.Timestamp("2023-04-20")],
    ...     "last_date": [pd.Timestamp("2023-04-30")], "assessments": [40], "clusters": [5]})
    >>> table = rounds_table(rounds, "fi")
    >>> list(table.columns[:3]), table.iloc[0, 1:3].tolist()
    (['Arviointikierros', 'Ensimmäinen arvio', 'Viimeinen arvio'], ['20.4.2023', '30.4.2023'])
    """
    return pd.DataFrame({
        _header("round", lang): rounds["round"],
        _header("first_date", lang): [format_date(d, lang) for d in rounds["first_date"]],
        _header("last_date", lang): [format_date(d, lang) for d in rounds["last_date"]],
        _header("assessments", lang): rounds["assessments"],
        _header("clusters_assessed", lang): rounds["clusters"],
    })
