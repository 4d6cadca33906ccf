"""The cluster scorecard: a verdict for every cluster × criterion, changes, and the gaps.

Verdicts compare a criterion's value with its goal (``threshold``):

``met``
    the value is at or above the goal;
``partly``
    for ``count``, ``score`` and ``share`` criteria only: the value reaches at least half
    the goal (:data:`PARTLY_FRACTION`) — a yes/no criterion is either in place or not;
``not_met``
    anything lower;
``no_evidence``
    no value: nothing recorded in the round, or nothing to compute from (a share of a
    cluster with no members).

The goals are data (the project's ``cluster_criteria`` table), so a council that raises a
goal changes the verdicts by editing the project workbook, not the code.
"""

from __future__ import annotations

import pandas as pd

from workbook import formats
from workbook.clusters import evidence as ev
from workbook.i18n import Texts, label, percent, tr
from workbook.project import Project
from workbook.vocab import YES_NO

PARTLY_FRACTION = 0.5

# Verdicts in the order they are shown (best first); colours: workbook.style.VERDICT_COLOURS.
VERDICTS: dict[str, dict[str, str]] = {
    "met": {"fi": "Täyttyy", "en": "Met"},
    "partly": {"fi": "Täyttyy osittain", "en": "Partly met"},
    "not_met": {"fi": "Ei täyty", "en": "Not met"},
    "no_evidence": {"fi": "Ei näyttöä", "en": "No evidence"},
}

# Change of a recorded verdict between two assessment rounds.
CHANGES: dict[str, dict[str, str]] = {
    "improved": {"fi": "Parani", "en": "Improved"},
    "declined": {"fi": "Heikkeni", "en": "Declined"},
    "unchanged": {"fi": "Ennallaan", "en": "Unchanged"},
    "first_assessed": {"fi": "Arvioitu ensi kertaa", "en": "Assessed for the first time"},
    "not_reassessed": {"fi": "Ei arvioitu uudelleen", "en": "Not assessed again"},
}

# Why a computed criterion can have no value (the other sources always give a number).
NO_EVIDENCE_REASONS: dict[str, str] = {
    "company_share": "no_evidence_no_members",
    "company_participation": "no_evidence_no_company_members",
    "member_activities_per_year": "no_evidence_no_period",
}

TEXTS: Texts = {
    "gap_company_members": {
        "fi": "{cluster}: yritysjäseniä on {value}; tavoite on {goal}.",
        "en": "Company members of {cluster}: {value}; the goal is {goal}.",
    },
    "gap_company_share": {
        "fi": "{cluster}: yritysten osuus jäsenistä on {value} ({count}/{base}); tavoite on {goal}.",
        "en": "Companies are {value} of the members of {cluster} ({count} of {base}); the goal is {goal}.",
    },
    "gap_member_activities_per_year": {
        "fi": "{cluster} järjesti {value} jäsentilaisuutta vuodessa ({count} kpl {base} vuodessa); "
              "tavoite on {goal}.",
        "en": "{cluster} organised {value} member activities a year ({count} in {base} years); "
              "the goal is {goal}.",
    },
    "gap_company_participation": {
        "fi": "{cluster}: yritysjäsenistä {value} ({count}/{base}) osallistui tilaisuuksiin; tavoite on {goal}.",
        "en": "{value} of the company members of {cluster} ({count} of {base}) took part in the activities; "
              "the goal is {goal}.",
    },
    "gap_company_rdi_ties": {
        "fi": "{cluster}: jäsenyritysten ja TKI-toimijoiden yhteyksiä on {value}; tavoite on {goal}.",
        "en": "Ties between the company and RDI members of {cluster}: {value}; the goal is {goal}.",
    },
    "gap_recorded_yes_no": {
        "fi": "{cluster}: ”{criterion}” ei ole kunnossa (arvioitu {date}).",
        "en": "{cluster}: “{criterion}” is not in place (assessed {date}).",
    },
    "gap_recorded": {
        "fi": "{cluster}: ”{criterion}” arvioitiin tasolle {value}; tavoite on {goal} (arvioitu {date}).",
        "en": "{cluster}: “{criterion}” was assessed at {value}; the goal is {goal} (assessed {date}).",
    },
    "no_evidence_recorded": {
        "fi": "{cluster}: kohdasta ”{criterion}” ei ole kirjattua arviota arviointikierrokselta {round}.",
        "en": "{cluster}: “{criterion}” has no recorded assessment in the round of {round}.",
    },
    "no_evidence_blank": {
        "fi": "{cluster}: kohta ”{criterion}” arvioitiin {date}, mutta arvoa ei kirjattu.",
        "en": "{cluster}: “{criterion}” was assessed on {date}, but no value was recorded.",
    },
    "no_evidence_recorded_no_rounds": {
        "fi": "{cluster}: kohdasta ”{criterion}” ei ole kirjattua arviota.",
        "en": "{cluster}: “{criterion}” has no recorded assessment.",
    },
    "no_evidence_no_members": {
        "fi": "{cluster}: toimijarekisterissä ei ole jäseniä, joten kohtaa ”{criterion}” ei voi laskea.",
        "en": "{cluster} has no members in the actor registry, so “{criterion}” cannot be computed.",
    },
    "no_evidence_no_company_members": {
        "fi": "{cluster}: yritysjäseniä ei ole, joten kohtaa ”{criterion}” ei voi laskea.",
        "en": "{cluster} has no company members, so “{criterion}” cannot be computed.",
    },
    "no_evidence_no_period": {
        "fi": "{cluster}: hankkeessa ei ole tilaisuuksia, joten kohtaa ”{criterion}” ei voi laskea.",
        "en": "{cluster}: the project has no activities, so “{criterion}” cannot be computed.",
    },
    "partly_suffix": {
        "fi": " Tavoitteesta on saavutettu vähintään puolet.",
        "en": " At least half of the goal is reached.",
    },
    "all_met": {"fi": "{met} / {total} klusteria täyttää kaikki kriteerit.",
                "en": "{met} of {total} clusters meet every criterion."},
    "cluster_summary": {
        "fi": "{cluster}: {met}/{total} kriteeriä täyttyy, {partly} osittain, {not_met} ei täyty, "
              "{no_evidence} ilman näyttöä.",
        "en": "{cluster}: {met} of {total} criteria met, {partly} partly, {not_met} not met, "
              "{no_evidence} without evidence.",
    },
}


def verdict(value: float, threshold: float, measure: str) -> str:
    """The verdict of one value against its goal (see the module docstring).

    Examples
    --------
    >>> verdict(0.5, 2, "count"), verdict(1, 2, "count"), verdict(2, 2, "count")
    ('not_met', 'partly', 'met')
    >>> verdict(0, 1, "yes_no"), verdict(float("nan"), 1, "yes_no")
    ('not_met', 'no_evidence')
    """
    if value is None or pd.isna(value):
        return "no_evidence"
    if value >= threshold:
        return "met"
    if measure != "yes_no" and value >= PARTLY_FRACTION * threshold:
        return "partly"
    return "not_met"


def goal_share(value: float, threshold: float) -> float:
    """How much of the goal is reached, from 0 to 1 (NaN without a value).

    Examples
    --------
    >>> goal_share(0.5, 2), goal_share(12, 10), goal_share(0, 0)
    (0.25, 1.0, 1.0)
    """
    if value is None or pd.isna(value):
        return float("nan")
    if threshold <= 0:
        return 1.0 if value >= threshold else 0.0
    return float(min(max(value / threshold, 0.0), 1.0))


def score(evidence_rows: pd.DataFrame, criteria: pd.DataFrame, clusters: pd.DataFrame) -> pd.DataFrame:
    """Verdicts for evidence rows (see :func:`workbook.clusters.evidence.evidence`).

    Examples
    --------
    >>> rows = pd.DataFrame({"cluster_id": ["CL1"], "criterion_id": ["K4"], "source": ["recorded"],
    ...                      "value": [1.0]})
    >>> criteria = pd.DataFrame({"criterion_id": ["K4"], "name_fi": ["Tilaisuudet"],
    ...                          "name_en": ["Activities"], "measure": ["count"], "threshold": [2.0]})
    >>> clusters = pd.DataFrame({"cluster_id": ["CL1"], "name": ["Arctic Design"]})
    >>> score(rows, criteria, clusters)[["cluster_name", "verdict", "goal_share"]]
        cluster_name verdict  goal_share
    0  Arctic Design  partly         0.5
    """
    criterion_columns = criteria[["criterion_id", "name_fi", "name_en", "measure", "threshold"]].rename(
        columns={"name_fi": "criterion_fi", "name_en": "criterion_en"})
    table = (evidence_rows
             .merge(clusters[["cluster_id", "name"]].rename(columns={"name": "cluster_name"}),
                    on="cluster_id", how="left")
             .merge(criterion_columns, on="criterion_id", how="left"))
    table["verdict"] = [verdict(v, t, m) for v, t, m in zip(table["value"], table["threshold"], table["measure"])]
    table["goal_share"] = [goal_share(v, t) for v, t in zip(table["value"], table["threshold"])]
    first = ["cluster_id", "cluster_name", "criterion_id", "criterion_fi", "criterion_en", "measure",
             "threshold"]
    return table[first + [c for c in table.columns if c not in first]]


def unassessed(project: Project) -> str | None:
    """Why no cluster has a verdict, as a key of :data:`workbook.clusters.texts.TEXTS`:
    ``"no_criteria"`` (none set), ``"no_clusters"`` (none listed); ``None`` when every
    listed cluster is assessed against every criterion. Whatever reads the scorecard asks
    this first, so that an empty grid or gap list is never read as a pass.

    Examples
    --------
    >>> from workbook import load_project
    >>> from workbook.cli import DEMO_PROJECT
    >>> from workbook.testing import tiny_project
    >>> unassessed(load_project(DEMO_PROJECT)) is None, unassessed(tiny_project())
    (True, 'no_criteria')
    """
    if project.cluster_criteria.empty:
        return "no_criteria"
    if project.clusters.empty:
        return "no_clusters"
    return None


def scorecard(project: Project, round_number: int | None = None) -> pd.DataFrame:
    """Every cluster assessed against every criterion of the project.

    Parameters
    ----------
    project
        A loaded project.
    round_number
        Assessment round for the recorded criteria (default: the latest).

    Returns
    -------
    DataFrame
        One row per cluster × criterion: ``cluster_id``, ``cluster_name``, ``criterion_id``,
        ``criterion_fi``, ``criterion_en``, ``measure``, ``threshold``, the evidence columns
        (``source``, ``value``, ``count``, ``base``, ``evidence_text``, ``assessed_on``,
        ``round``), ``verdict`` and ``goal_share`` (0–1).

    Examples
    --------
    >>> from workbook.testing import tiny_project
    >>> criteria = [{"criterion_id": "K1", "name_fi": "Yritykset", "name_en": "Companies", "measure": "count",
    ...              "threshold": "2", "evidence": "company_members"}]
    >>> scorecard(tiny_project(cluster_criteria=criteria))[["cluster_name", "value", "threshold", "verdict"]]
        cluster_name  value  threshold verdict
    0  Arctic Design    1.0        2.0  partly
    """
    rows = ev.evidence(project, round_number)
    return score(rows, project.cluster_criteria, project.clusters)


def verdict_counts(card: pd.DataFrame) -> pd.DataFrame:
    """How many criteria each cluster meets, partly meets, misses and lacks evidence for.

    Examples
    --------
    >>> card = pd.DataFrame({"cluster_id": ["CL1", "CL1"], "cluster_name": ["A", "A"],
    ...                      "verdict": ["met", "not_met"]})
    >>> verdict_counts(card)
      cluster_id cluster_name  met  partly  not_met  no_evidence
    0        CL1            A    1       0        1            0
    """
    clusters = card[["cluster_id", "cluster_name"]].drop_duplicates()
    counts = pd.crosstab(card["cluster_id"], card["verdict"]).reindex(
        index=clusters["cluster_id"], columns=list(VERDICTS), fill_value=0)
    counts.columns.name = None
    return clusters.merge(counts.reset_index(), on="cluster_id").reset_index(drop=True)


def summary_sentences(card: pd.DataFrame, lang: str) -> list[str]:
    """The answer in words: how many clusters meet every criterion, then one line per cluster.

    Examples
    --------
    >>> card = pd.DataFrame({"cluster_id": ["CL1", "CL1"], "cluster_name": ["Arctic Design"] * 2,
    ...                      "verdict": ["met", "no_evidence"]})
    >>> for sentence in summary_sentences(card, "en"):
    ...     print(sentence)
    0 of 1 clusters meet every criterion.
    Arctic Design: 1 of 2 criteria met, 0 partly, 0 not met, 1 without evidence.
    """
    counts = verdict_counts(card)
    totals = counts[list(VERDICTS)].sum(axis=1)
    all_met = int(((counts["met"] == totals) & (totals > 0)).sum())
    return [tr(TEXTS, "all_met", lang, met=all_met, total=len(counts))] + [
        tr(TEXTS, "cluster_summary", lang, cluster=row["cluster_name"], total=total,
           **{code: row[code] for code in VERDICTS})
        for (_, row), total in zip(counts.iterrows(), totals)]


def rounds_scorecard(project: Project) -> pd.DataFrame:
    """Verdicts of the recorded criteria in every assessment round.

    Computed criteria describe the data as it is now and have no history, so they are left
    out. One row per round × cluster × recorded criterion, with the scorecard's columns and
    ``round_date`` (the date of the round's last assessment).

    Examples
    --------
    >>> from workbook.testing import tiny_project
    >>> criteria = [{"criterion_id": "K2", "name_fi": "Johtaja", "name_en": "Director", "measure": "yes_no",
    ...              "threshold": "1"}]
    >>> rows = [{"cluster_id": "CL1", "criterion_id": "K2", "value": v, "assessed_on": d}
    ...         for v, d in (("0", "31.5.2022"), ("1", "30.4.2023"))]
    >>> project = tiny_project(cluster_criteria=criteria, cluster_assessments=rows)
    >>> rounds_scorecard(project)[["round", "criterion_id", "verdict"]]
       round criterion_id  verdict
    0      1           K2  not_met
    1      2           K2      met
    """
    rounds = ev.assessment_rounds(project)
    frames = [scorecard(project, number).assign(round=number, round_date=last)
              for number, last in zip(rounds["round"], rounds["last_date"])]
    if not frames:
        return pd.DataFrame(columns=[*scorecard(project).columns, "round_date"])
    table = pd.concat(frames, ignore_index=True)
    table = table[table["source"] == ev.RECORDED].astype({"round": int})
    return table.reset_index(drop=True)


def round_changes(project: Project, earlier: int | None = None, later: int | None = None) -> pd.DataFrame:
    """How the recorded verdicts changed between two rounds (default: the last two).

    Returns
    -------
    DataFrame
        One row per cluster × recorded criterion assessed in either round: ``cluster_id``,
        ``cluster_name``, ``criterion_id``, ``criterion_fi``, ``criterion_en``,
        ``value_before``, ``verdict_before``, ``value_after``, ``verdict_after`` and
        ``change`` (a code of :data:`CHANGES`). Empty with fewer than two rounds.

    Examples
    --------
    >>> from workbook.testing import tiny_project
    >>> criteria = [{"criterion_id": "K2", "name_fi": "Johtaja", "name_en": "Director", "measure": "yes_no",
    ...              "threshold": "1"}]
    >>> rows = [{"cluster_id": "CL1", "criterion_id": "K2", "value": v, "assessed_on": d}
    ...         for v, d in (("0", "31.5.2022"), ("1", "30.4.2023"))]
    >>> round_changes(tiny_project(cluster_criteria=criteria, cluster_assessments=rows))[
    ...     ["criterion_id", "verdict_before", "verdict_after", "change"]]
      criterion_id verdict_before verdict_after    change
    0           K2        not_met           met  improved
    """
    rounds = list(ev.assessment_rounds(project)["round"])
    columns = ["cluster_id", "cluster_name", "criterion_id", "criterion_fi", "criterion_en",
               "value_before", "verdict_before", "value_after", "verdict_after", "change"]
    if later is None:
        later = rounds[-1] if rounds else None
    if earlier is None:
        earlier = rounds[-2] if len(rounds) >= 2 else None
    if earlier is None or later is None:
        return pd.DataFrame(columns=columns)
    keys = ["cluster_id", "cluster_name", "criterion_id", "criterion_fi", "criterion_en"]
    before = scorecard(project, earlier)
    after = scorecard(project, later)
    table = before.loc[before["source"] == ev.RECORDED, keys + ["value", "verdict"]].merge(
        after.loc[after["source"] == ev.RECORDED, keys + ["value", "verdict"]],
        on=keys, suffixes=("_before", "_after"))
    table["change"] = [_change(b, a) for b, a in zip(table["verdict_before"], table["verdict_after"])]
    assessed = (table["verdict_before"] != "no_evidence") | (table["verdict_after"] != "no_evidence")
    return table.loc[assessed, columns].reset_index(drop=True)


def _change(before: str, after: str) -> str:
    rank = {code: position for position, code in enumerate(("not_met", "partly", "met"))}
    if before == "no_evidence":
        return "first_assessed"
    if after == "no_evidence":
        return "not_reassessed"
    if rank[after] > rank[before]:
        return "improved"
    if rank[after] < rank[before]:
        return "declined"
    return "unchanged"


def format_number(value: float, lang: str, decimals: int = 1) -> str:
    """A number with at most ``decimals`` decimals, none when whole (:func:`workbook.formats.number`).

    Examples
    --------
    >>> format_number(0.5, "fi"), format_number(2.0, "en"), format_number(1234, "fi")
    ('0,5', '2', '1\xa0234')
    """
    return formats.number(value, lang, max_decimals=decimals)


def format_value(value: float, measure: str, lang: str) -> str:
    """A criterion value as text: yes/no, a percentage for shares, else a number ("" if missing).

    Examples
    --------
    >>> format_value(1, "yes_no", "fi"), format_value(0.4, "share", "fi"), format_value(0.5, "count", "en")
    ('Kyllä', '40\\xa0%', '0.5')
    """
    if value is None or pd.isna(value):
        return ""
    if measure == "yes_no":
        return label(YES_NO, "yes" if value >= 1 else "no", lang)
    if measure == "share":
        return percent(value, lang)
    return format_number(value, lang)


def format_date(value: pd.Timestamp, lang: str) -> str:
    """A date as written in ``lang`` (``30.4.2023``, ``30 Apr 2023``), "" if missing.

    Examples
    --------
    >>> format_date(pd.Timestamp("2023-04-30"), "fi"), format_date(pd.Timestamp("2023-04-30"), "en")
    ('30.4.2023', '30 Apr 2023')
    """
    return formats.date(value, lang)


def round_label(project: Project, round_number: int | None, lang: str = "fi") -> str:
    """A round named by the date of its last assessment (``30.4.2023``), "" for no round.

    Examples
    --------
    >>> from workbook.testing import tiny_project
    >>> round_label(tiny_project(), None)
    ''
    """
    rounds = ev.assessment_rounds(project).set_index("round")
    if round_number is None or round_number not in rounds.index:
        return ""
    return format_date(rounds.loc[round_number, "last_date"], lang)


def gap_sentence(row: pd.Series, lang: str, round_text: str = "") -> str:
    """What one cluster must close to meet one criterion, as a plain sentence.

    ``row`` is a scorecard row; the cluster's and criterion's names are used as they are
    (escape them when they go into HTML or a plotly label).

    Examples
    --------
    >>> row = pd.Series({"cluster_name": "Arctic Safety and Security", "criterion_fi": "Tilaisuudet",
    ...     "criterion_en": "Member activities", "measure": "count", "threshold": 2.0,
    ...     "source": "member_activities_per_year", "value": 0.5, "count": 1.0, "base": 2.0,
    ...     "verdict": "not_met", "assessed_on": pd.NaT})
    >>> gap_sentence(row, "en")
    'Arctic Safety and Security organised 0.5 member activities a year (1 in 2 years); the goal is 2.'
    """
    measure, source = row["measure"], row["source"]
    values = {
        "cluster": row["cluster_name"],
        "criterion": row[f"criterion_{lang}"],
        "value": format_value(row["value"], measure, lang),
        "goal": format_value(row["threshold"], measure, lang),
        "date": format_date(row["assessed_on"], lang),
    }
    if row["verdict"] == "no_evidence":
        if source != ev.RECORDED:
            return tr(TEXTS, NO_EVIDENCE_REASONS[source], lang, **values)
        if not pd.isna(row["assessed_on"]):
            return tr(TEXTS, "no_evidence_blank", lang, **values)
        if round_text:
            return tr(TEXTS, "no_evidence_recorded", lang, round=round_text, **values)
        return tr(TEXTS, "no_evidence_recorded_no_rounds", lang, **values)
    if source == ev.RECORDED:
        key = "gap_recorded_yes_no" if measure == "yes_no" else "gap_recorded"
        sentence = tr(TEXTS, key, lang, **values)
    else:
        count = "" if pd.isna(row["count"]) else format_number(row["count"], lang)
        # Two decimals: a period of 1.25 years shown as 1.2 would not match the rate.
        base = "" if pd.isna(row["base"]) else format_number(row["base"], lang, 2)
        sentence = tr(TEXTS, f"gap_{source}", lang, count=count, base=base, **values)
    if row["verdict"] == "partly":
        sentence += tr(TEXTS, "partly_suffix", lang)
    return sentence


def gaps(project: Project, lang: str, round_number: int | None = None,
         card: pd.DataFrame | None = None) -> pd.DataFrame:
    """The gaps each cluster must close: every criterion not met, in plain words.

    Parameters
    ----------
    project
        A loaded project.
    lang
        ``fi`` or ``en``.
    round_number
        Assessment round of the recorded criteria (default: the latest).
    card
        The scorecard of that round, if already computed (saves computing it again).

    Returns
    -------
    DataFrame
        ``cluster_id``, ``cluster_name``, ``criterion_id``, ``verdict``, ``gap`` (sentence in
        ``lang``), in scorecard order; no rows when every cluster meets every criterion.

    Examples
    --------
    >>> from workbook.testing import tiny_project
    >>> criteria = [{"criterion_id": "K1", "name_fi": "Yritykset", "name_en": "Companies", "measure": "count",
    ...              "threshold": "2", "evidence": "company_members"}]
    >>> gaps(tiny_project(cluster_criteria=criteria), "fi")["gap"].tolist()
    ['Arctic Design: yritysjäseniä on 1; tavoite on 2. Tavoitteesta on saavutettu vähintään puolet.']
    """
    if card is None:
        card = scorecard(project, round_number)
    if round_number is None:
        round_number = ev.latest_round(project)
    round_text = round_label(project, round_number, lang)
    open_rows = card[card["verdict"] != "met"]
    sentences = [gap_sentence(row, lang, round_text) for _, row in open_rows.iterrows()]
    table = open_rows[["cluster_id", "cluster_name", "criterion_id", "verdict"]].copy()
    table["gap"] = pd.Series(sentences, index=open_rows.index, dtype=object)
    return table.reset_index(drop=True)
