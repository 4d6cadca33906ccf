"""Evidence for the cluster criteria: computed from the project's own data where it can be.

Each criterion of the project's ``cluster_criteria`` table names where its value comes from
(column ``evidence``, vocabulary :data:`workbook.vocab.CRITERION_EVIDENCE`):

``recorded``
    The value an assessor recorded in ``cluster_assessments`` (with its evidence text and
    date), from one assessment round — the latest by default. A blank source means this.
    (Values recorded for a computed criterion stay in the assessments table for reference,
    but the computed value decides its verdict.)
``company_members``
    Number of the cluster's members (``actors.clusters``) that are companies.
``company_share``
    Companies as a share (0–1) of all the cluster's members.
``member_activities_per_year``
    Activities the cluster organised or co-organised (``activities.clusters``), divided by
    the length in years of the observed period (below).
``company_participation``
    Share (0–1) of the cluster's company members that took part in at least one activity.
``company_rdi_ties``
    Distinct pairs of a company member and an RDI member (higher education or research,
    :data:`workbook.vocab.RDI_ACTOR_TYPES`) that took part in the same activity or work in
    the same action (as its owner or a partner).

The observed period is the time the activity data covers: from the project's first activity
to its last (whichever cluster organised them). The project's own ``period_start`` …
``period_end`` is not used: it is the strategy's period, often years ahead of the
participatory work the data describes. The length is counted in calendar months (a started
month counts in full) divided by 12, so activities from March 2022 to February 2024 span
exactly 2 years.

Assessment rounds: the dates of ``cluster_assessments`` are grouped into rounds, a new
round starting when more than :data:`ROUND_GAP_DAYS` days have passed since the previous
assessment; clusters assessed on different days of the same spring share a round.

Members are organisations, so counts of them are published as they are; no person-level
data is used.
"""

from __future__ import annotations

from itertools import product

import pandas as pd

from workbook import vocab
from workbook.project import Project

RECORDED = "recorded"
ROUND_GAP_DAYS = 90

# Computed evidence source -> (value column, count column, base column) of cluster_facts():
# the value and what it was computed from ("3 of 8 members", "2 activities in 4 years").
COMPUTED_SOURCES: dict[str, tuple[str, str, str | None]] = {
    "company_members": ("company_members", "company_members", "members"),
    "company_share": ("company_share", "company_members", "members"),
    "member_activities_per_year": ("member_activities_per_year", "member_activities", "years"),
    "company_participation": ("company_participation", "companies_took_part", "company_members"),
    "company_rdi_ties": ("company_rdi_ties", "company_rdi_ties", None),
}

EVIDENCE_COLUMNS = ["cluster_id", "criterion_id", "source", "value", "count", "base",
                    "evidence_text", "assessed_on", "round"]


def members(project: Project) -> pd.DataFrame:
    """Every member of every cluster with its actor type, in the clusters' and actors' order.

    Returns
    -------
    DataFrame
        ``cluster_id``, ``actor_id``, ``name``, ``actor_type``; one row per membership.

    Examples
    --------
    >>> from workbook.testing import tiny_project
    >>> members(tiny_project())
      cluster_id actor_id      name actor_type
    0        CL1       A2  Testi Oy    company
    """
    links = project.actor_clusters.drop_duplicates()
    frame = links.merge(project.actors[["actor_id", "name", "actor_type"]], on="actor_id", how="inner")
    cluster_order = {c: i for i, c in enumerate(project.clusters["cluster_id"])}
    actor_order = {a: i for i, a in enumerate(project.actors["actor_id"])}
    frame = frame.assign(_c=frame["cluster_id"].map(cluster_order), _a=frame["actor_id"].map(actor_order))
    return (frame.sort_values(["_c", "_a"], kind="stable")
            .drop(columns=["_c", "_a"])[["cluster_id", "actor_id", "name", "actor_type"]]
            .reset_index(drop=True))


def count_by_type(member_rows: pd.DataFrame, cluster_ids: list[str]) -> pd.DataFrame:
    """Members of each cluster by actor type (vocabulary order), zeros included.

    Examples
    --------
    >>> rows = pd.DataFrame({"cluster_id": ["CL1", "CL1", "CL2"],
    ...                      "actor_type": ["company", "research", "company"]})
    >>> count_by_type(rows, ["CL1", "CL2", "CL3"])[["cluster_id", "company", "research", "members"]]
      cluster_id  company  research  members
    0        CL1        1         1        2
    1        CL2        1         0        1
    2        CL3        0         0        0
    """
    types = vocab.codes(vocab.ACTOR_TYPES)
    table = (pd.crosstab(member_rows["cluster_id"], member_rows["actor_type"])
             .reindex(index=cluster_ids, columns=types, fill_value=0).astype(int))
    table["members"] = table.sum(axis=1)
    table.columns.name = None
    return table.rename_axis("cluster_id").reset_index()


def membership_by_type(project: Project) -> pd.DataFrame:
    """Members of each of the project's clusters by actor type (see :func:`count_by_type`).

    Examples
    --------
    >>> from workbook.testing import tiny_project
    >>> membership_by_type(tiny_project())[["cluster_id", "company", "members"]]
      cluster_id  company  members
    0        CL1        1        1
    """
    return count_by_type(members(project), list(project.clusters["cluster_id"]))


def period_years(start: pd.Timestamp, end: pd.Timestamp) -> float:
    """Length of a period in years: calendar months touched, divided by 12.

    Examples
    --------
    >>> period_years(pd.Timestamp("2022-01-01"), pd.Timestamp("2023-12-31"))
    2.0
    >>> period_years(pd.Timestamp("2022-09-15"), pd.Timestamp("2023-02-01"))
    0.5
    """
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    return max(months, 0) / 12


def observed_period(project: Project) -> tuple[pd.Timestamp | None, pd.Timestamp | None]:
    """The time the activity data covers: the dates of the first and the last activity.

    ``(None, None)`` when the project has no activities.

    Examples
    --------
    >>> from workbook.testing import tiny_project
    >>> [str(day.date()) for day in observed_period(tiny_project())]
    ['2022-09-15', '2022-09-15']
    """
    dates = project.activities["date"].dropna()
    if dates.empty:
        return None, None
    return dates.min(), dates.max()


def activity_rates(activity_clusters: pd.DataFrame, activities: pd.DataFrame,
                   start: pd.Timestamp | None, end: pd.Timestamp | None,
                   cluster_ids: list[str]) -> pd.DataFrame:
    """Activities each cluster organised or co-organised within the period, and per year.

    Examples
    --------
    >>> links = pd.DataFrame({"activity_id": ["W1", "W2", "W3"], "cluster_id": ["CL1", "CL1", "CL1"]})
    >>> dates = pd.DataFrame({"activity_id": ["W1", "W2", "W3"],
    ...                       "date": pd.to_datetime(["2022-05-01", "2023-05-01", "2025-01-01"])})
    >>> activity_rates(links, dates, pd.Timestamp("2022-01-01"), pd.Timestamp("2023-12-31"), ["CL1", "CL2"])
      cluster_id  member_activities  years  member_activities_per_year
    0        CL1                  2    2.0                         1.0
    1        CL2                  0    2.0                         0.0
    """
    known = start is not None and end is not None
    years = period_years(start, end) if known else float("nan")
    dated = activity_clusters.drop_duplicates().merge(activities[["activity_id", "date"]], on="activity_id")
    dated = dated[(dated["date"] >= start) & (dated["date"] <= end)] if known else dated.iloc[0:0]
    counts = dated.groupby("cluster_id")["activity_id"].nunique().reindex(cluster_ids, fill_value=0)
    # Ids are text even when there are none (a region that has listed no clusters yet).
    frame = pd.DataFrame({"cluster_id": pd.Series(cluster_ids, dtype=object),
                          "member_activities": counts.to_numpy().astype(int),
                          "years": years})
    frame["member_activities_per_year"] = frame["member_activities"] / years
    return frame


def shared_occasions(project: Project) -> pd.DataFrame:
    """Actors brought together: one row per (occasion, actor) for activities and actions.

    An occasion is an activity (everyone who took part) or an action (its owner and
    partners); ``occasion`` is prefixed ``activity:`` or ``action:`` so ids cannot clash.

    Examples
    --------
    >>> from workbook.testing import tiny_project
    >>> shared_occasions(tiny_project())
          occasion actor_id
    0  activity:W1       A1
    1  activity:W1       A2
    2    action:T1       A1
    3    action:T1       A2
    """
    took_part = project.participation[["activity_id", "actor_id"]].dropna()
    activity_rows = pd.DataFrame({"occasion": "activity:" + took_part["activity_id"].astype(str),
                                  "actor_id": took_part["actor_id"]})
    owners = project.actions[["action_id", "owner_actor_id"]].dropna()
    action_rows = pd.concat([
        pd.DataFrame({"occasion": "action:" + owners["action_id"].astype(str), "actor_id": owners["owner_actor_id"]}),
        pd.DataFrame({"occasion": "action:" + project.action_partners["action_id"].astype(str),
                      "actor_id": project.action_partners["actor_id"]}),
    ])
    rows = pd.concat([activity_rows, action_rows], ignore_index=True).drop_duplicates()
    return rows.astype({"occasion": object, "actor_id": object}).reset_index(drop=True)


def company_rdi_pairs(member_rows: pd.DataFrame, occasions: pd.DataFrame) -> pd.DataFrame:
    """Distinct (company member, RDI member) pairs of each cluster that met on an occasion.

    Parameters
    ----------
    member_rows
        ``cluster_id``, ``actor_id``, ``actor_type`` (see :func:`members`).
    occasions
        ``occasion``, ``actor_id`` (see :func:`shared_occasions`).

    Examples
    --------
    >>> rows = pd.DataFrame({"cluster_id": ["CL1"] * 3, "actor_id": ["C1", "C2", "U1"],
    ...                      "actor_type": ["company", "company", "higher_education"]})
    >>> met = pd.DataFrame({"occasion": ["activity:W1", "activity:W1", "action:T1", "action:T1"],
    ...                     "actor_id": ["C1", "U1", "C1", "U1"]})
    >>> company_rdi_pairs(rows, met)
      cluster_id company_id rdi_id
    0        CL1         C1     U1
    """
    companies = member_rows[member_rows["actor_type"] == "company"]
    rdi = member_rows[member_rows["actor_type"].isin(vocab.RDI_ACTOR_TYPES)]
    company_at = companies.merge(occasions, on="actor_id")[["cluster_id", "actor_id", "occasion"]]
    rdi_at = rdi.merge(occasions, on="actor_id")[["cluster_id", "actor_id", "occasion"]]
    pairs = company_at.merge(rdi_at, on=["cluster_id", "occasion"], suffixes=("_company", "_rdi"))
    pairs = pairs.rename(columns={"actor_id_company": "company_id", "actor_id_rdi": "rdi_id"})
    pairs = pairs[["cluster_id", "company_id", "rdi_id"]].drop_duplicates()
    return pairs.sort_values(["cluster_id", "company_id", "rdi_id"], kind="stable").reset_index(drop=True)


def cluster_facts(project: Project) -> pd.DataFrame:
    """Everything the workbook computes about each cluster, one row per cluster.

    Returns
    -------
    DataFrame
        ``cluster_id``, ``name``, ``members``, ``company_members``, ``company_share``
        (NaN without members), ``companies_took_part``, ``company_participation`` (NaN
        without company members), ``member_activities``, ``years``,
        ``member_activities_per_year`` (NaN without activities), ``company_rdi_ties``.

    Examples
    --------
    >>> from workbook.testing import tiny_project
    >>> facts = cluster_facts(tiny_project())
    >>> facts[["cluster_id", "members", "company_share", "company_participation", "member_activities"]]
      cluster_id  members  company_share  company_participation  member_activities
    0        CL1        1            1.0                    1.0                  0
    """
    cluster_ids = list(project.clusters["cluster_id"])
    member_rows = members(project)
    by_type = count_by_type(member_rows, cluster_ids).set_index("cluster_id")
    facts = project.clusters[["cluster_id", "name"]].copy()
    facts["members"] = by_type["members"].reindex(cluster_ids).to_numpy()
    facts["company_members"] = by_type["company"].reindex(cluster_ids).to_numpy()
    facts["company_share"] = facts["company_members"] / facts["members"].where(facts["members"] > 0)
    took_part = set(project.participation["actor_id"].dropna())
    companies = member_rows[member_rows["actor_type"] == "company"]
    active = companies[companies["actor_id"].isin(took_part)].groupby("cluster_id")["actor_id"].nunique()
    facts["companies_took_part"] = active.reindex(cluster_ids, fill_value=0).to_numpy().astype(int)
    facts["company_participation"] = (facts["companies_took_part"]
                                      / facts["company_members"].where(facts["company_members"] > 0))
    start, end = observed_period(project)
    rates = activity_rates(project.activity_clusters, project.activities, start, end, cluster_ids)
    facts = facts.merge(rates, on="cluster_id", how="left")
    ties = company_rdi_pairs(member_rows, shared_occasions(project)).groupby("cluster_id").size()
    facts["company_rdi_ties"] = ties.reindex(cluster_ids, fill_value=0).to_numpy().astype(int)
    return facts.reset_index(drop=True)


def assign_rounds(dates: pd.Series, gap_days: int = ROUND_GAP_DAYS) -> pd.Series:
    """Number assessment dates into rounds (1, 2, …): a gap of more than ``gap_days`` starts a new one.

    Examples
    --------
    >>> dates = pd.Series(pd.to_datetime(["2023-04-30", "2022-04-20", "2022-05-05", "2023-05-02"]))
    >>> assign_rounds(dates).tolist()
    [2, 1, 1, 2]
    """
    unique = pd.Series(sorted(dates.dropna().unique()))
    starts_round = unique.diff() > pd.Timedelta(days=gap_days)
    round_of_date = dict(zip(unique, starts_round.cumsum() + 1))
    return dates.map(round_of_date).astype("Int64")


def recorded_assessments(project: Project) -> pd.DataFrame:
    """The ``cluster_assessments`` table with each assessment's ``round`` number.

    Examples
    --------
    >>> from workbook.testing import tiny_project
    >>> criteria = [{"criterion_id": "K2", "name_fi": "Johtaja", "name_en": "Director", "measure": "yes_no",
    ...              "threshold": "1"}]
    >>> rows = [{"cluster_id": "CL1", "criterion_id": "K2", "value": v, "assessed_on": d}
    ...         for v, d in (("0", "31.5.2022"), ("1", "30.4.2023"))]
    >>> recorded_assessments(tiny_project(cluster_criteria=criteria, cluster_assessments=rows))[["value", "round"]]
       value  round
    0    0.0      1
    1    1.0      2
    """
    table = project.cluster_assessments.copy()
    table["round"] = assign_rounds(table["assessed_on"])
    return table


def assessment_rounds(project: Project) -> pd.DataFrame:
    """The assessment rounds: ``round``, ``first_date``, ``last_date``, ``assessments``, ``clusters``.

    Empty when nothing has been recorded.

    Examples
    --------
    >>> from workbook.testing import tiny_project
    >>> len(assessment_rounds(tiny_project()))
    0
    """
    table = recorded_assessments(project)
    rounds = table.groupby("round").agg(first_date=("assessed_on", "min"), last_date=("assessed_on", "max"),
                                        assessments=("criterion_id", "size"), clusters=("cluster_id", "nunique"))
    return rounds.reset_index().astype({"round": int})


def latest_round(project: Project) -> int | None:
    """Number of the latest assessment round, or None when nothing has been recorded.

    Examples
    --------
    >>> from workbook.testing import tiny_project
    >>> latest_round(tiny_project()) is None
    True
    """
    rounds = assessment_rounds(project)
    return int(rounds["round"].max()) if len(rounds) else None


def recorded_values(project: Project, round_number: int | None = None) -> pd.DataFrame:
    """The recorded value of each assessed cluster × criterion in one round (default: the latest).

    Within a round, a later assessment of the same cluster and criterion replaces an earlier
    one (and, on the same day, a later row of the table an earlier row).

    Examples
    --------
    >>> from workbook.testing import tiny_project
    >>> criteria = [{"criterion_id": "K2", "name_fi": "Johtaja", "name_en": "Director", "measure": "yes_no",
    ...              "threshold": "1"}]
    >>> rows = [{"cluster_id": "CL1", "criterion_id": "K2", "value": v, "evidence": e, "assessed_on": d}
    ...         for v, e, d in (("0", "Haku auki", "2.5.2023"), ("1", "Nimitetty", "30.5.2023"))]
    >>> recorded_values(tiny_project(cluster_criteria=criteria, cluster_assessments=rows))[["value", "evidence_text"]]
       value evidence_text
    0    1.0     Nimitetty
    """
    table = recorded_assessments(project)
    if round_number is None:
        round_number = latest_round(project)
    table = table[table["round"] == round_number]
    table = table.sort_values("assessed_on", kind="stable").drop_duplicates(
        ["cluster_id", "criterion_id"], keep="last")
    return table.rename(columns={"evidence": "evidence_text"})[
        ["cluster_id", "criterion_id", "value", "evidence_text", "assessed_on", "round"]].reset_index(drop=True)


def evidence(project: Project, round_number: int | None = None) -> pd.DataFrame:
    """The value of every criterion for every cluster, from the source the criterion names.

    Parameters
    ----------
    project
        A loaded project.
    round_number
        Assessment round whose recorded values are used (default: the latest). Computed
        evidence always describes the project's data as it is.

    Returns
    -------
    DataFrame
        One row per cluster × criterion (clusters', then criteria's table order):
        ``cluster_id``, ``criterion_id``, ``source``, ``value`` (NaN: no evidence),
        ``count`` and ``base`` (what a computed value was computed from), ``evidence_text``,
        ``assessed_on`` and ``round`` (recorded values only).

    Examples
    --------
    >>> from workbook.testing import tiny_project
    >>> criteria = [{"criterion_id": "K1", "name_fi": "Yritykset", "name_en": "Companies", "measure": "count",
    ...              "threshold": "2", "evidence": "company_members"}]
    >>> evidence(tiny_project(cluster_criteria=criteria))[["cluster_id", "criterion_id", "source", "value"]]
      cluster_id criterion_id           source  value
    0        CL1           K1  company_members    1.0
    """
    criteria = project.cluster_criteria
    sources = criteria["evidence"].fillna(RECORDED)
    grid = pd.DataFrame(list(product(project.clusters["cluster_id"], criteria["criterion_id"])),
                        columns=["cluster_id", "criterion_id"], dtype=object)
    grid["source"] = grid["criterion_id"].map(dict(zip(criteria["criterion_id"], sources)))
    facts = cluster_facts(project).set_index("cluster_id")
    recorded = recorded_values(project, round_number).set_index(["cluster_id", "criterion_id"])
    rows = []
    for cluster_id, criterion_id, source in grid.itertuples(index=False):
        row = {"value": float("nan"), "count": float("nan"), "base": float("nan"),
               "evidence_text": None, "assessed_on": pd.NaT, "round": pd.NA}
        if source == RECORDED:
            if (cluster_id, criterion_id) in recorded.index:
                found = recorded.loc[(cluster_id, criterion_id)]
                row.update(value=found["value"], evidence_text=found["evidence_text"],
                           assessed_on=found["assessed_on"], round=found["round"])
        else:
            value_column, count_column, base_column = COMPUTED_SOURCES[source]
            fact = facts.loc[cluster_id]
            row.update(value=float(fact[value_column]), count=float(fact[count_column]),
                       base=float(fact[base_column]) if base_column else float("nan"))
        rows.append(row)
    values = pd.DataFrame(rows, columns=EVIDENCE_COLUMNS[3:])
    values = values.astype({"value": float, "count": float, "base": float, "evidence_text": object,
                            "assessed_on": "datetime64[ns]", "round": "Int64"})
    return pd.concat([grid, values], axis=1)[EVIDENCE_COLUMNS]
