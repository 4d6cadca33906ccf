"""Figures for the overview page that no topic module computes.

Who took part comes from :func:`workbook.participation.reach.headline_figures` (with its
disclosure control); what is here counts the plan, the clusters and the most active
organisations. Pure functions of a (possibly filtered) project.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from workbook.participation.reach import attendances
from workbook.privacy import mark
from workbook.project import Project


def shown_figure(figures: pd.Series, name: str, min_size: int, lang: str) -> int | str:
    """One headline figure of :func:`workbook.participation.reach.headline_figures` as a card
    shows it: the whole number, or the mark of a hidden figure (``<5`` for a small group,
    ``..`` for a figure withheld because another view would give a small group away).

    Examples
    --------
    >>> figures = pd.Series({"people": float("nan"), "activities": 4.0})
    >>> figures.attrs["reasons"] = {"people": "secondary"}
    >>> shown_figure(figures, "people", 5, "en"), shown_figure(figures, "activities", 5, "en")
    ('..', 4)
    """
    value = figures[name]
    if pd.isna(value):
        return mark(figures.attrs.get("reasons", {}).get(name), min_size, lang)
    return int(value)


@dataclass(frozen=True)
class PlanFigures:
    """What the process produced: actions, their owners and focus areas, assessed clusters."""

    actions: int
    actions_with_owner: int
    focus_areas_served: int
    focus_areas: int
    clusters: int
    clusters_assessed: int


def plan_figures(project: Project) -> PlanFigures:
    """Count the actions, those with a responsible organisation, the focus areas they serve,
    and the clusters assessed at least once.

    Examples
    --------
    >>> from workbook.dashboard.examples import example_project
    >>> plan_figures(example_project())
    PlanFigures(actions=2, actions_with_owner=2, focus_areas_served=2, focus_areas=2, clusters=1, clusters_assessed=0)
    """
    action_ids = set(project.actions["action_id"])
    served = project.action_focus_areas.loc[project.action_focus_areas["action_id"].isin(action_ids), "focus_area_id"]
    cluster_ids = set(project.clusters["cluster_id"])
    assessed = project.cluster_assessments.loc[project.cluster_assessments["cluster_id"].isin(cluster_ids),
                                               "cluster_id"]
    return PlanFigures(
        actions=len(action_ids),
        actions_with_owner=int(project.actions["owner_actor_id"].notna().sum()),
        focus_areas_served=int(served.nunique()),
        focus_areas=len(project.focus_areas),
        clusters=len(cluster_ids),
        clusters_assessed=int(assessed.nunique()),
    )


def actions_per_focus_area(project: Project) -> pd.Series:
    """Number of actions serving each focus area (an action serving two counts in both), indexed
    by focus area id; focus areas with no action are absent.

    The same count as ``actions`` in :func:`workbook.actionplan.portfolio.focus_area_summary`,
    without the rest of that summary (the overview redraws it on every filter change).

    Examples
    --------
    >>> from workbook.dashboard.examples import example_project
    >>> actions_per_focus_area(example_project()).to_dict()
    {'FA1': 1, 'FA2': 1}
    """
    links = project.action_focus_areas
    served = links.loc[links["action_id"].isin(set(project.actions["action_id"])), "focus_area_id"]
    return served.value_counts().sort_index()


def activity_period(project: Project) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """Dates of the first and the last activity (``None`` when there is none).

    Examples
    --------
    >>> from workbook.dashboard.examples import example_project
    >>> [day.date().isoformat() for day in activity_period(example_project())]
    ['2022-09-15', '2022-10-04']
    """
    dates = project.activities["date"].dropna()
    return (dates.min(), dates.max()) if len(dates) else None


def most_active_organisations(project: Project, top: int = 10) -> pd.DataFrame:
    """The organisations that took part in the most activities (ties by name); organisers and
    facilitators are not counted, as in the participation summary.

    Organisations are public actors: their names may be shown. Columns: actor_id, name,
    actor_type, activities.

    Examples
    --------
    >>> from workbook.dashboard.examples import example_project
    >>> most_active_organisations(example_project(), top=2)[["name", "activities"]].values.tolist()
    [['Lapin liitto', 2], ['Kemin Kierto Oy', 1]]
    """
    took_part = attendances(project).drop_duplicates(["actor_id", "activity_id"])
    counts = took_part["actor_id"].value_counts().rename("activities")
    table = project.actors.set_index("actor_id")[["name", "actor_type"]].join(counts, how="inner")
    table = table.reset_index().sort_values(["activities", "name"], ascending=[False, True], kind="stable")
    return table.head(top).reset_index(drop=True)
