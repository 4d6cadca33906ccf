"""Voice: what was said (inputs), how it was voted on, and what was taken into actions.

An *input* is an idea, proposal or finding raised in an activity by an organisation (or
anonymously). Inputs, votes and actions describe organisations' proposals, not people, so
nothing here is hidden; the text of an input is shown with the proposer's *group*, never
the organisation's name (a sole trader's company name can be a person's name).
"""

from __future__ import annotations

import pandas as pd

from workbook.participation.labels import ANONYMOUS, UNKNOWN, actor_groups, group_order
from workbook.project import Project

INPUT_DIMENSIONS: tuple[str, ...] = ("activity", "kind", "focus_area", "actor_type", "helix", "size_class",
                                     "sub_region", "municipality")


def inputs_table(project: Project) -> pd.DataFrame:
    """Every input with its activity, the proposer's groups, votes and the actions it fed.

    Returns columns ``input_id``, ``activity_id``, ``kind`` (of the activity),
    ``actor_type``, ``helix``, ``size_class``, ``sub_region``, ``municipality`` (group
    codes; ``_anonymous`` for unsigned inputs), ``text``, ``focus_areas`` (tuple),
    ``votes`` (0 when not recorded), ``actions`` (tuple of action ids) and ``in_action``.

    Examples
    --------
    >>> from workbook import load_project
    >>> from workbook.cli import DEMO_PROJECT
    >>> project = load_project(DEMO_PROJECT)
    >>> len(inputs_table(project)) == len(project.inputs)
    True
    """
    inputs = project.inputs
    frame = inputs[["input_id", "activity_id"]].merge(
        project.activities[["activity_id", "kind"]], on="activity_id", how="left")
    for dimension in ("actor_type", "helix", "size_class", "sub_region", "municipality"):
        groups = actor_groups(project.actors, dimension)
        frame[dimension] = inputs["actor_id"].map(groups).where(inputs["actor_id"].notna(), ANONYMOUS).to_numpy()
    frame["text"] = inputs["text"].to_numpy()
    frame["focus_areas"] = inputs["focus_areas"].to_numpy()
    frame["votes"] = inputs["votes"].fillna(0).astype(int).to_numpy()
    actions = project.action_inputs.groupby("input_id")["action_id"].agg(lambda ids: tuple(sorted(ids)))
    frame["actions"] = frame["input_id"].map(actions).map(lambda v: v if isinstance(v, tuple) else ())
    frame["in_action"] = frame["actions"].map(bool)
    return frame


def _long(project: Project, dimension: str) -> pd.DataFrame:
    """Inputs with one ``group`` per row (an input about two focus areas counts in both)."""
    frame = inputs_table(project)
    if dimension == "activity":
        return frame.assign(group=frame["activity_id"])
    if dimension == "focus_area":
        exploded = frame.explode("focus_areas")
        return exploded.assign(group=exploded["focus_areas"].fillna(UNKNOWN))
    if dimension == "size_class":
        frame = frame[frame["actor_type"] == "company"]
    return frame.assign(group=frame[dimension])


def _order(project: Project, dimension: str, present: pd.Index) -> list[str]:
    if dimension == "activity":
        order = list(project.activities.sort_values(["date", "activity_id"])["activity_id"])
    elif dimension == "focus_area":
        order = list(project.focus_areas["focus_area_id"])
    elif dimension == "kind":
        from workbook import vocab

        order = vocab.codes(vocab.ACTIVITY_KINDS)
    else:
        order = group_order(project, dimension)
    return order + sorted(set(present) - set(order))


def inputs_by(project: Project, dimension: str) -> pd.DataFrame:
    """Inputs, votes and inputs taken into actions per group of ``dimension``.

    ``dimension`` is one of ``INPUT_DIMENSIONS``: the activity, the activity's kind, the
    focus area (an input about two focus areas counts in both), or a grouping of the
    proposing organisation. Every group is listed, also those without inputs.

    Returns columns ``group``, ``inputs``, ``share`` (of all inputs), ``votes`` and
    ``in_actions``.

    Examples
    --------
    >>> from workbook import load_project
    >>> from workbook.cli import DEMO_PROJECT
    >>> project = load_project(DEMO_PROJECT)
    >>> int(inputs_by(project, "actor_type")["inputs"].sum()) == len(project.inputs)
    True
    """
    if dimension not in INPUT_DIMENSIONS:
        raise ValueError(f"dimension must be one of {', '.join(INPUT_DIMENSIONS)}, not {dimension!r}")
    frame = _long(project, dimension)
    counts = frame.groupby("group").agg(inputs=("input_id", "nunique"), votes=("votes", "sum"),
                                        in_actions=("in_action", "sum"))
    result = pd.DataFrame({"group": _order(project, dimension, counts.index)})
    for column in ("inputs", "votes", "in_actions"):
        result[column] = result["group"].map(counts[column]).fillna(0).astype(int)
    total = len(project.inputs)
    result["share"] = result["inputs"] / total if total else 0.0
    return result[["group", "inputs", "share", "votes", "in_actions"]]


def focus_area_inputs_by_group(project: Project, dimension: str = "actor_type") -> pd.DataFrame:
    """Number of inputs per focus area (rows, in project order) and group (columns).

    Examples
    --------
    >>> from workbook.cli import DEMO_PROJECT
    >>> from workbook import load_project
    >>> table = focus_area_inputs_by_group(load_project(DEMO_PROJECT))
    >>> table.index.name, "company" in table.columns
    ('focus_area_id', True)
    """
    frame = _long(project, "focus_area")
    table = pd.crosstab(frame["group"], frame[dimension])
    # Every group of the dimension is a column; "anonymous" only when someone was.
    columns = [c for c in _order(project, dimension, table.columns) if c != ANONYMOUS or c in table.columns]
    table = table.reindex(index=_order(project, "focus_area", table.index), columns=columns, fill_value=0)
    table.index.name, table.columns.name = "focus_area_id", dimension
    return table


def sprint_votes(project: Project) -> pd.DataFrame:
    """Inputs and votes of each innovation sprint, with its most-voted input.

    Returns one row per sprint (by date) with ``activity_id``, ``title``, ``date``,
    ``inputs``, ``votes``, ``top_input_id``, ``top_text`` and ``top_votes``.

    Examples
    --------
    >>> from workbook import load_project
    >>> from workbook.cli import DEMO_PROJECT
    >>> project = load_project(DEMO_PROJECT)
    >>> list(sprint_votes(project).columns[:3])
    ['activity_id', 'title', 'date']
    """
    sprints = project.activities[project.activities["kind"] == "sprint"].sort_values(["date", "activity_id"])
    inputs = inputs_table(project)
    rows = []
    for sprint in sprints.itertuples():
        own = inputs[inputs["activity_id"] == sprint.activity_id].sort_values(
            ["votes", "input_id"], ascending=[False, True])
        top = own.iloc[0] if len(own) else None
        rows.append({"activity_id": sprint.activity_id, "title": sprint.title, "date": sprint.date,
                     "inputs": len(own), "votes": int(own["votes"].sum()),
                     "top_input_id": None if top is None else top["input_id"],
                     "top_text": None if top is None else top["text"],
                     "top_votes": 0 if top is None else int(top["votes"])})
    columns = ["activity_id", "title", "date", "inputs", "votes", "top_input_id", "top_text", "top_votes"]
    return pd.DataFrame(rows, columns=columns)


def top_inputs(project: Project, per_focus_area: int = 3) -> pd.DataFrame:
    """The most-voted inputs of each focus area (ties broken by input id).

    Inputs without votes are left out. Returns columns ``focus_area_id``, ``rank``,
    ``input_id``, ``text``, ``votes``, ``activity_id``, ``actor_type`` (group of the
    proposer) and ``in_action``.

    Examples
    --------
    >>> from workbook import load_project
    >>> from workbook.cli import DEMO_PROJECT
    >>> project = load_project(DEMO_PROJECT)
    >>> int(top_inputs(project, per_focus_area=1)["rank"].max())
    1
    """
    frame = _long(project, "focus_area")
    frame = frame[frame["votes"] > 0].sort_values(["group", "votes", "input_id"], ascending=[True, False, True])
    frame = frame.groupby("group", sort=False).head(per_focus_area)
    frame = frame.assign(rank=frame.groupby("group").cumcount() + 1).rename(columns={"group": "focus_area_id"})
    order = {fa: i for i, fa in enumerate(_order(project, "focus_area", pd.Index(frame["focus_area_id"])))}
    frame = frame.sort_values(["focus_area_id", "rank"], key=lambda c: c.map(order) if c.name == "focus_area_id"
                              else c, ignore_index=True)
    return frame[["focus_area_id", "rank", "input_id", "text", "votes", "activity_id", "actor_type", "in_action"]]


def inputs_into_actions(project: Project, dimension: str = "actor_type") -> pd.DataFrame:
    """Which groups' inputs were taken into the action plan.

    Returns one row per group with ``inputs``, ``in_actions`` (inputs that at least one
    action names as a source), ``share_in_actions`` (``NaN`` for a group without inputs)
    and ``actions`` (distinct actions fed by the group's inputs).

    Examples
    --------
    >>> from workbook import load_project
    >>> from workbook.cli import DEMO_PROJECT
    >>> project = load_project(DEMO_PROJECT)
    >>> table = inputs_into_actions(project)
    >>> bool((table["in_actions"] <= table["inputs"]).all())
    True
    """
    frame = inputs_by(project, dimension)[["group", "inputs", "in_actions"]]
    long = _long(project, dimension).explode("actions").dropna(subset=["actions"])
    frame["share_in_actions"] = frame["in_actions"] / frame["inputs"].where(frame["inputs"] > 0)
    frame["actions"] = frame["group"].map(long.groupby("group")["actions"].nunique()).fillna(0).astype(int)
    return frame
