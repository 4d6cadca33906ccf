"""Everything on one focus area's page: indicators, timeline, organisations, money, clusters.

:func:`focus_area_page` gathers the tables of one focus area; the functions it calls can
be used on their own (with ``focus_area_id=None`` the indicator and timeline tables cover
the whole plan).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from workbook.actionplan.checks import plan_checks
from workbook.actionplan.labels import actor_names, focus_area_names, quarter_label
from workbook.actionplan.portfolio import action_table, focus_area_summary, funding_mix, involvement
from workbook.actionplan.trace import action_sources
from workbook.i18n import check_lang
from workbook.project import Project


def _action_ids(project: Project, focus_area_id: str | None) -> pd.Series:
    links = project.action_focus_areas
    ids = links["action_id"] if focus_area_id is None else links.loc[links["focus_area_id"] == focus_area_id,
                                                                     "action_id"]
    return ids.drop_duplicates()


def indicator_progress(project: Project, lang: str, focus_area_id: str | None = None) -> pd.DataFrame:
    """Indicators with baseline → target and their latest measured value.

    A focus area's indicators are those assigned to it and those measuring any of its
    actions. ``progress`` is how far the latest value has come from the baseline towards
    the target (0 = baseline, 1 = target reached); it is missing when the baseline, the
    target or a measurement is missing, or when baseline and target are equal.

    Columns: indicator_id, indicator, indicator_kind, unit, baseline, target,
    latest_value, latest_date, progress, focus_area_id, action_ids.

    Examples
    --------
    >>> from workbook.actionplan.examples import example_project
    >>> table = indicator_progress(example_project(), "en", "FA1")
    >>> table[["indicator_id", "baseline", "target", "latest_value", "progress"]].values.tolist()
    [['M1', 0.0, 1000.0, 250.0, 0.25], ['M2', nan, 10.0, nan, nan]]
    """
    indicators = project.indicators
    measuring = project.action_indicators.groupby("indicator_id", sort=False)["action_id"].agg(tuple)
    if focus_area_id is not None:
        own_actions = set(_action_ids(project, focus_area_id))
        used_here = project.action_indicators.loc[project.action_indicators["action_id"].isin(own_actions),
                                                  "indicator_id"]
        indicators = indicators[(indicators["focus_area_id"] == focus_area_id)
                                | indicators["indicator_id"].isin(used_here)]
    values = project.indicator_values.sort_values(["indicator_id", "date"], kind="stable")
    latest = values.groupby("indicator_id").tail(1).set_index("indicator_id")
    table = pd.DataFrame({
        "indicator_id": indicators["indicator_id"],
        "indicator": indicators[f"name_{check_lang(lang)}"],
        "indicator_kind": indicators["kind"],
        "unit": indicators["unit"],
        "baseline": indicators["baseline"],
        "target": indicators["target"],
        "latest_value": indicators["indicator_id"].map(latest["value"]).astype(float),
        # Through a dict: with no measured values at all, mapping by the empty date column fails.
        "latest_date": pd.to_datetime(indicators["indicator_id"].map(latest["date"].to_dict()))
        .astype("datetime64[ns]"),
    })
    distance = table["target"] - table["baseline"]
    table["progress"] = ((table["latest_value"] - table["baseline"]) / distance.where(distance != 0))
    table["focus_area_id"] = indicators["focus_area_id"]
    table["action_ids"] = table["indicator_id"].map(measuring).map(lambda ids: ids if isinstance(ids, tuple) else ())
    return table.reset_index(drop=True)


def action_timeline(project: Project, lang: str, focus_area_id: str | None = None) -> pd.DataFrame:
    """The actions as a timeline by quarter, earliest start first.

    Each dated action runs from the first day of the quarter it starts in
    (``bar_start``) to the first day after the quarter it ends in (``bar_end``), so a
    Gantt chart shows whole quarters. Actions missing a start or an end date have
    ``dated`` false and come last.

    Columns: action_id, title, owner, status, start, end, start_quarter, end_quarter,
    bar_start, bar_end, dated.

    Examples
    --------
    >>> from workbook.actionplan.examples import example_project
    >>> timeline = action_timeline(example_project(), "fi", "FA1")
    >>> timeline[["action_id", "start_quarter", "end_quarter", "bar_end"]].astype(str).values.tolist()
    [['T1', 'Q1/2024', 'Q2/2025', '2025-07-01'], ['T2', 'Q2/2024', 'Q4/2026', '2027-01-01']]
    """
    actions = action_table(project, lang)
    actions = actions[actions["action_id"].isin(_action_ids(project, focus_area_id))]
    timeline = actions[["action_id", "title", "owner", "status", "start", "end"]].copy()
    timeline["start_quarter"] = timeline["start"].map(lambda day: quarter_label(day, lang))
    timeline["end_quarter"] = timeline["end"].map(lambda day: quarter_label(day, lang))
    timeline["bar_start"] = timeline["start"].dt.to_period("Q").dt.start_time.astype("datetime64[ns]")
    timeline["bar_end"] = (timeline["end"].dt.to_period("Q") + 1).dt.start_time.astype("datetime64[ns]")
    timeline["dated"] = timeline["start"].notna() & timeline["end"].notna()
    timeline["undated"] = ~timeline["dated"]
    timeline = timeline.sort_values(["undated", "start", "end"], kind="stable").drop(columns="undated")
    return timeline.reset_index(drop=True)


def focus_area_actors(project: Project, focus_area_id: str) -> pd.DataFrame:
    """The organisations in a focus area's actions: owners first, then the busiest partners.

    Columns: actor_id, organisation, actor_type, country, role (``owner`` if it owns any
    of the area's actions, else ``partner``), actions (how many of the area's actions it
    is in), action_ids.

    Examples
    --------
    >>> from workbook.actionplan.examples import example_project
    >>> focus_area_actors(example_project(), "FA1")[["organisation", "role", "actions"]].values.tolist()
    [['Lapin liitto', 'owner', 1], ['Lapin yliopisto', 'owner', 1], ['Kemi Metal Oy', 'partner', 1], ['Luleå tekniska universitet', 'partner', 1]]
    """
    people = involvement(project)
    people = people[people["focus_area_id"] == focus_area_id]
    actors = people.groupby("actor_id", sort=False).agg(
        actor_type=("actor_type", "first"), country=("country", "first"),
        owns=("role", lambda roles: (roles == "owner").any()), actions=("action_id", "nunique"),
        action_ids=("action_id", tuple),
    ).reset_index()
    actors["organisation"] = actors["actor_id"].map(actor_names(project))
    actors["role"] = actors["owns"].map({True: "owner", False: "partner"})
    actors = actors.sort_values(["owns", "actions", "organisation"], ascending=[False, False, True], kind="stable")
    return actors[["actor_id", "organisation", "actor_type", "country", "role", "actions", "action_ids"]] \
        .reset_index(drop=True)


def focus_area_clusters(project: Project, focus_area_id: str) -> pd.DataFrame:
    """Clusters active in a focus area: those that name it, and those whose members are in its actions.

    Columns: cluster_id, cluster, coordinator, declared (the cluster names the focus area),
    members_in_actions (member organisations in the area's actions). Declared clusters
    first, then by members.

    Examples
    --------
    >>> from workbook.actionplan.examples import example_project
    >>> focus_area_clusters(example_project(), "FA1")[["cluster_id", "declared", "members_in_actions"]].values.tolist()
    [['CL1', True, 0]]
    """
    people = involvement(project)
    involved = set(people.loc[people["focus_area_id"] == focus_area_id, "actor_id"])
    members = project.actor_clusters[project.actor_clusters["actor_id"].isin(involved)] \
        .groupby("cluster_id")["actor_id"].nunique()
    declared = set(project.cluster_focus_areas.loc[project.cluster_focus_areas["focus_area_id"] == focus_area_id,
                                                   "cluster_id"])
    clusters = project.clusters.copy()
    clusters["declared"] = clusters["cluster_id"].isin(declared)
    clusters["members_in_actions"] = clusters["cluster_id"].map(members).fillna(0).astype(int)
    clusters = clusters[clusters["declared"] | (clusters["members_in_actions"] > 0)]
    clusters = clusters.sort_values(["declared", "members_in_actions"], ascending=False, kind="stable")
    return pd.DataFrame({
        "cluster_id": clusters["cluster_id"], "cluster": clusters["name"],
        "coordinator": clusters["coordinator_actor_id"].map(actor_names(project)).astype("object"),
        "declared": clusters["declared"], "members_in_actions": clusters["members_in_actions"],
    }).reset_index(drop=True)


def focus_area_findings(project: Project, focus_area_id: str, lang: str) -> pd.DataFrame:
    """The plan-check findings about a focus area, its actions and its indicators.

    Columns as in :func:`~workbook.actionplan.checks.plan_checks`.

    Examples
    --------
    >>> from workbook.actionplan.examples import example_project
    >>> focus_area_findings(example_project(), "FA1", "en")["subject_id"].tolist()
    ['M2']
    """
    own = set(_action_ids(project, focus_area_id)) | {focus_area_id} | set(
        indicator_progress(project, lang, focus_area_id)["indicator_id"])
    findings = plan_checks(project, lang)
    return findings[findings["subject_id"].isin(own)].reset_index(drop=True)


@dataclass(frozen=True)
class FocusAreaPage:
    """The tables of one focus area page (see the functions named in each field)."""

    focus_area_id: str
    name: str
    description: str
    summary: pd.Series          # its row of portfolio.focus_area_summary
    indicators: pd.DataFrame    # indicator_progress
    timeline: pd.DataFrame      # action_timeline
    actions: pd.DataFrame       # action_table, with inputs/activities/raised_by from trace.action_sources
    actors: pd.DataFrame        # focus_area_actors
    funding: pd.DataFrame       # funding_mix
    clusters: pd.DataFrame      # focus_area_clusters
    findings: pd.DataFrame      # focus_area_findings


def focus_area_page(project: Project, focus_area_id: str, lang: str) -> FocusAreaPage:
    """Gather everything shown on one focus area's page.

    Examples
    --------
    >>> from workbook.actionplan.examples import example_project
    >>> page = focus_area_page(example_project(), "FA2", "en")
    >>> page.name, int(page.summary["actions"]), page.actions["action_id"].tolist()
    ('Experience services', 2, ['T2', 'T3'])
    """
    areas = project.focus_areas.set_index("focus_area_id")
    if focus_area_id not in areas.index:
        raise KeyError(f"the project has no focus area {focus_area_id!r}")
    summary = focus_area_summary(project, lang, total=False).set_index("focus_area_id").loc[focus_area_id]
    own = set(_action_ids(project, focus_area_id))
    sources = action_sources(project, lang)[["action_id", "inputs", "activities", "raised_by"]]
    actions = action_table(project, lang).merge(sources, on="action_id")
    funding = funding_mix(project)
    description = areas.at[focus_area_id, f"description_{check_lang(lang)}"]
    return FocusAreaPage(
        focus_area_id=focus_area_id,
        name=focus_area_names(project, lang)[focus_area_id],
        description=description if isinstance(description, str) else "",
        summary=summary,
        indicators=indicator_progress(project, lang, focus_area_id),
        timeline=action_timeline(project, lang, focus_area_id),
        actions=actions[actions["action_id"].isin(own)].reset_index(drop=True),
        actors=focus_area_actors(project, focus_area_id),
        funding=funding[funding["focus_area_id"] == focus_area_id].reset_index(drop=True),
        clusters=focus_area_clusters(project, focus_area_id),
        findings=focus_area_findings(project, focus_area_id, lang),
    )
