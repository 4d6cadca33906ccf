"""Reach: which activities were held, who came, and how far the process reached.

Organisers and facilitators are left out of every count here: the regional council's
staff running a workshop are not stakeholders reached by it. A *participant* is a
pseudonymous person (``participant_id``); a participation row without one counts as one
person. Counts of people are protected (see :mod:`workbook.participation.disclosure`);
counts of organisations are not.
"""

from __future__ import annotations

import pandas as pd

from workbook.participation.disclosure import protect, total_is_hidden
from workbook.privacy import SMALL
from workbook.participation.labels import ANONYMOUS, OUTSIDE, UNKNOWN, actor_groups, group_order
from workbook.project import Project

ORGANISER_ROLES: tuple[str, ...] = ("organiser", "facilitator")

# Repeat participation is shown as 1, 2, … activities, the last bucket holding "this many or more".
REPEAT_BUCKETS = 5


def attendances(project: Project) -> pd.DataFrame:
    """Participation rows of those taking part (organisers and facilitators left out).

    Columns ``activity_id``, ``actor_id``, ``participant_id``, ``role``, ``kind``, ``date``
    and ``person``: the participant id, or a stand-in unique to the row when there is none.
    """
    rows = project.participation
    rows = rows[~rows["role"].isin(ORGANISER_ROLES)].copy()
    rows["person"] = rows["participant_id"].where(
        rows["participant_id"].notna(), pd.Series([f"_row{i}" for i in rows.index], index=rows.index))
    activities = project.activities[["activity_id", "kind", "date"]]
    return rows.merge(activities, on="activity_id", how="left").reset_index(drop=True)


def _withheld(project: Project, prefix: str) -> pd.Series:
    """Figures a filtered dashboard view withholds because another view would give them away
    (``project.settings["withheld_figures"]``, see :mod:`workbook.dashboard.filters`), as a
    boolean Series indexed by what follows ``prefix`` in their keys."""
    keys = project.settings.get("withheld_figures") or {}
    return pd.Series({key[len(prefix):]: True for key in keys if key.startswith(prefix)}, dtype=bool)


def activities_by_month(project: Project) -> pd.DataFrame:
    """Number of activities per calendar month and kind.

    Returns columns ``month`` (first day of the month), ``kind`` and ``activities``,
    sorted by month and kind; months without activities are absent.

    Examples
    --------
    >>> from workbook import load_project
    >>> from workbook.cli import DEMO_PROJECT
    >>> project = load_project(DEMO_PROJECT)
    >>> int(activities_by_month(project)["activities"].sum()) == len(project.activities)
    True
    """
    activities = project.activities.dropna(subset=["date"])
    month = activities["date"].dt.to_period("M").dt.to_timestamp()
    counts = activities.groupby([month.rename("month"), activities["kind"]]).size()
    return counts.rename("activities").reset_index().sort_values(["month", "kind"], ignore_index=True)


def activity_reach(project: Project, min_size: int | None = None) -> pd.DataFrame:
    """Participants and organisations of each activity, in date order.

    Returns one row per activity (also those nobody took part in) with ``activity_id``,
    ``kind``, ``title``, ``date``, ``municipality``, ``organisations`` (distinct
    organisations), ``companies`` (of them companies), ``participants`` (people;
    ``NaN`` where hidden) and ``participants_reason`` (why hidden: ``"small"`` or
    ``"secondary"``, see :mod:`workbook.privacy`). A survey with no participation rows
    counts its respondents in the raw export as its participants.

    The participants are protected against their total (the attendances) and against the
    organisations shown beside them: an activity with 4 organisations had at least 4 people.

    Examples
    --------
    >>> from workbook import load_project
    >>> from workbook.cli import DEMO_PROJECT
    >>> project = load_project(DEMO_PROJECT)
    >>> table = activity_reach(project)
    >>> bool((table["companies"] <= table["organisations"]).all())
    True
    """
    min_size = project.min_group_size if min_size is None else min_size
    rows = attendances(project)
    types = project.actors.set_index("actor_id")["actor_type"]
    rows["is_company"] = rows["actor_id"].map(types).eq("company")
    per_activity = rows.groupby("activity_id").agg(
        organisations=("actor_id", "nunique"), participants=("person", "nunique"))
    per_activity["companies"] = rows[rows["is_company"]].groupby("activity_id")["actor_id"].nunique()
    frame = project.activities[["activity_id", "kind", "title", "date", "municipality"]].merge(
        per_activity, left_on="activity_id", right_index=True, how="left")
    respondents = pd.Series({survey: len(answers) for survey, answers in project.surveys.items()}, dtype=float)
    frame["participants"] = frame["participants"].fillna(frame["activity_id"].map(respondents))
    for column in ("organisations", "companies", "participants"):
        frame[column] = frame[column].fillna(0).astype(int)
    keyed = frame.set_index("activity_id")
    protected = protect(keyed["participants"], min_size, lower=keyed["organisations"],
                        withheld=_withheld(project, "participants:"))
    frame["participants"] = protected["value"].to_numpy()
    frame["participants_reason"] = protected["reason"].to_numpy()
    frame = frame[["activity_id", "kind", "title", "date", "municipality", "organisations", "companies",
                   "participants", "participants_reason"]]
    return frame.sort_values(["date", "activity_id"], ignore_index=True)


def organisations_reached(project: Project, dimension: str) -> pd.DataFrame:
    """Organisations in the registry and organisations reached, per group of ``dimension``.

    Every group is listed, also those with no organisation at all (all municipalities of
    the region, every actor type). ``size_class`` looks at companies only.

    Returns columns ``group``, ``registry`` (organisations in the actor registry),
    ``reached`` (of them, those that took part in at least one activity),
    ``share_reached`` (reached / registry, ``NaN`` for an empty group) and
    ``share_of_reached`` (the group's share of all organisations reached).

    Examples
    --------
    >>> from workbook import load_project
    >>> from workbook.cli import DEMO_PROJECT
    >>> project = load_project(DEMO_PROJECT)
    >>> table = organisations_reached(project, "municipality")
    >>> set(project.municipalities["municipality"]) <= set(table["group"])
    True
    """
    actors = project.actors
    if dimension == "size_class":
        actors = actors[actors["actor_type"] == "company"]
    groups = actor_groups(actors, dimension)
    reached_ids = set(attendances(project)["actor_id"])
    registry = groups.value_counts()
    reached = groups[groups.index.isin(reached_ids)].value_counts()
    order = group_order(project, dimension)
    order += [code for code in (UNKNOWN, OUTSIDE) if code in registry.index]
    order += sorted(set(registry.index) - set(order))
    frame = pd.DataFrame({"group": order})
    frame["registry"] = frame["group"].map(registry).fillna(0).astype(int)
    frame["reached"] = frame["group"].map(reached).fillna(0).astype(int)
    frame["share_reached"] = frame["reached"] / frame["registry"].where(frame["registry"] > 0)
    total = frame["reached"].sum()
    frame["share_of_reached"] = frame["reached"] / total if total else 0.0
    return frame


def repeat_participation(project: Project, min_size: int | None = None) -> pd.DataFrame:
    """How many organisations and people took part in one, two, … activities.

    Returns columns ``activities`` (``"1"``, ``"2"``, …, the last ``"5+"``),
    ``organisations``, ``people`` (people with a participant id only: without one,
    nobody can tell that two rows are the same person; ``NaN`` where hidden) and
    ``people_reason`` (why hidden, see :mod:`workbook.privacy`).

    Examples
    --------
    >>> from workbook import load_project
    >>> from workbook.cli import DEMO_PROJECT
    >>> project = load_project(DEMO_PROJECT)
    >>> int(repeat_participation(project)["organisations"].sum()) == attendances(project)["actor_id"].nunique()
    True
    """
    min_size = project.min_group_size if min_size is None else min_size
    rows = attendances(project)
    labels = [str(k) for k in range(1, REPEAT_BUCKETS)] + [f"{REPEAT_BUCKETS}+"]

    def distribution(counts: pd.Series) -> pd.Series:
        bucket = counts.clip(upper=REPEAT_BUCKETS).map(lambda k: labels[k - 1])
        return bucket.value_counts().reindex(labels, fill_value=0)

    organisations = distribution(rows.groupby("actor_id")["activity_id"].nunique())
    people = distribution(rows.dropna(subset=["participant_id"]).groupby("participant_id")["activity_id"].nunique())
    withheld = _withheld(project, "people:repeat:")
    withheld.index = [labels[int(k) - 1] for k in withheld.index]
    protected = protect(people, min_size, withheld=withheld)
    return pd.DataFrame({"activities": labels, "organisations": organisations.to_numpy(),
                         "people": protected["value"].to_numpy(), "people_reason": protected["reason"].to_numpy()})


def representation(project: Project, dimension: str = "actor_type", min_size: int | None = None) -> pd.DataFrame:
    """Each group's share of the process compared with its share of the actor registry.

    For ``size_class`` both shares are among companies.

    Returns one row per group with ``registry`` and ``registry_share`` (organisations in
    the actor registry), ``organisations`` and ``organisation_share`` (organisations that
    took part), ``attendances`` and ``attendance_share`` (people taking part, counted once
    per activity; ``NaN`` where hidden), ``ratio`` (attendance share / registry share:
    above 1 over-represented, below 1 under-represented; ``NaN`` where hidden or where the
    registry has no such organisation), ``organisation_ratio`` (the same for
    organisations, never hidden), ``hidden`` and ``reason`` (why hidden, see
    :mod:`workbook.privacy`). Attendances are protected against their total and against the
    organisations of the group (each organisation that took part brought at least one person).

    Examples
    --------
    >>> from workbook import load_project
    >>> from workbook.cli import DEMO_PROJECT
    >>> project = load_project(DEMO_PROJECT)
    >>> table = representation(project, "actor_type")
    >>> round(float(table["registry_share"].sum()), 6)
    1.0
    """
    min_size = project.min_group_size if min_size is None else min_size
    reach = organisations_reached(project, dimension)
    rows = attendances(project)
    actors = project.actors
    if dimension == "size_class":
        # Size classes are shares among companies, in the registry and in the process alike.
        actors = actors[actors["actor_type"] == "company"]
        rows = rows[rows["actor_id"].isin(actors["actor_id"])]
    groups = actor_groups(actors, dimension)
    counts = rows["actor_id"].map(groups).value_counts()
    frame = reach[["group", "registry", "reached"]].rename(columns={"reached": "organisations"})
    frame["attendances"] = frame["group"].map(counts).fillna(0).astype(int)
    keyed = frame.set_index("group")
    protected = protect(keyed["attendances"], min_size, lower=keyed["organisations"],
                        withheld=_withheld(project, f"attendances:{dimension}:"))
    hidden = protected["hidden"].to_numpy(dtype=bool)
    registry_total, organisation_total = frame["registry"].sum(), frame["organisations"].sum()
    attendance_total = frame["attendances"].sum()
    frame["registry_share"] = frame["registry"] / registry_total if registry_total else 0.0
    frame["organisation_share"] = frame["organisations"] / organisation_total if organisation_total else 0.0
    frame["attendance_share"] = frame["attendances"] / attendance_total if attendance_total else 0.0
    registry_share = frame["registry_share"].where(frame["registry"] > 0)
    frame["ratio"] = frame["attendance_share"] / registry_share
    frame["organisation_ratio"] = frame["organisation_share"] / registry_share
    frame["hidden"] = hidden
    frame["reason"] = protected["reason"].to_numpy()
    for column in ("attendances", "attendance_share", "ratio"):
        frame[column] = frame[column].astype(float).mask(frame["hidden"])
    return frame[["group", "registry", "registry_share", "organisations", "organisation_share", "attendances",
                  "attendance_share", "ratio", "organisation_ratio", "hidden", "reason"]]


def headline_figures(project: Project, min_size: int | None = None) -> pd.Series:
    """The process at a glance, indexed by figure name.

    ``activities``, ``people`` (distinct participants; ``NaN`` if fewer than the minimum
    group size), ``attendances``, ``organisations_reached``, ``organisations_in_registry``,
    ``municipalities_reached`` (municipalities with at least one organisation reached),
    ``municipalities``, ``repeat_organisations`` (organisations in more than one activity),
    ``inputs``, ``inputs_in_actions`` (inputs an action names as its source).

    A filtered dashboard view also withholds ``people`` and ``attendances`` when another
    view would give them away by difference (``project.settings["withheld_figures"]``, set by
    :func:`workbook.dashboard.filters.filter_project`). ``attrs["reasons"]`` of the result
    says why each hidden figure is hidden (see :mod:`workbook.privacy`).

    Examples
    --------
    >>> from workbook import load_project
    >>> from workbook.cli import DEMO_PROJECT
    >>> project = load_project(DEMO_PROJECT)
    >>> bool(headline_figures(project)["municipalities"] == len(project.municipalities))
    True
    """
    min_size = project.min_group_size if min_size is None else min_size
    rows = attendances(project)
    municipal = organisations_reached(project, "municipality")
    municipal = municipal[~municipal["group"].isin([OUTSIDE, UNKNOWN, ANONYMOUS])]
    people = rows["person"].nunique()
    withheld = dict(project.settings.get("withheld_figures") or {})
    for name, value in (("people", people), ("attendances", len(rows))):
        if total_is_hidden(value, min_size):
            withheld[name] = SMALL
    figures = {
        "activities": len(project.activities),
        "people": float("nan") if "people" in withheld else people,
        "attendances": float("nan") if "attendances" in withheld else len(rows),
        "organisations_reached": rows["actor_id"].nunique(),
        "organisations_in_registry": len(project.actors),
        "municipalities_reached": int((municipal["reached"] > 0).sum()),
        "municipalities": len(project.municipalities),
        "repeat_organisations": int((rows.groupby("actor_id")["activity_id"].nunique() > 1).sum()),
        "inputs": len(project.inputs),
        "inputs_in_actions": project.action_inputs["input_id"].nunique(),
    }
    result = pd.Series(figures, dtype=float)
    result.attrs["reasons"] = withheld
    return result
