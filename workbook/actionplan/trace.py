"""Where each action came from: activity → input → action → focus area.

The only source of a link is the plan's own ``source_input_ids`` column: nothing is
inferred from similar wording. An input may feed several actions, and an action may
draw on inputs from several activities.
"""

from __future__ import annotations

from typing import Literal

import pandas as pd

from workbook.actionplan.labels import (
    ANONYMOUS, NO_ACTION, TOTAL, VOCAB_COLUMNS, action_titles, actor_names, focus_area_names,
)
from workbook.i18n import label
from workbook.privacy import suppress_small_groups
from workbook.project import Project

Grouping = Literal["actor_type", "helix", "activity_kind"]

def trace_links(project: Project, lang: str) -> pd.DataFrame:
    """Every input → action link of the plan, with the activity before and the focus areas after.

    One row per (input, action) pair named in ``actions.source_input_ids``, in the plan's
    order. Columns: action_id, title, focus_area_ids, focus_areas, input_id, text,
    actor_id, organisation, actor_type, activity_id, activity, activity_kind, activity_date.

    Examples
    --------
    >>> from workbook.actionplan.examples import example_project
    >>> trace_links(example_project(), "en")[["action_id", "input_id", "activity_id"]].values.tolist()
    [['T1', 'I1', 'W1'], ['T2', 'I1', 'W1'], ['T2', 'I3', 'W2']]
    """
    actions = project.actions[["action_id", "focus_areas"]].rename(columns={"focus_areas": "focus_area_ids"})
    links = project.action_inputs.merge(actions, on="action_id", how="left")
    links["title"] = links["action_id"].map(action_titles(project, lang))
    names = focus_area_names(project, lang)
    links["focus_areas"] = links["focus_area_ids"].map(lambda ids: tuple(names[i] for i in ids))
    links = links.merge(_inputs_with_context(project), on="input_id", how="left")
    return links[["action_id", "title", "focus_area_ids", "focus_areas", "input_id", "text", "actor_id",
                  "organisation", "actor_type", "activity_id", "activity", "activity_kind", "activity_date"]]


def _inputs_with_context(project: Project) -> pd.DataFrame:
    """Inputs with the organisation that gave them and the activity they came from."""
    inputs = project.inputs[["input_id", "activity_id", "actor_id", "text", "focus_areas", "votes"]] \
        .rename(columns={"focus_areas": "input_focus_area_ids"})
    activities = project.activities[["activity_id", "title", "kind", "date"]].rename(
        columns={"title": "activity", "kind": "activity_kind", "date": "activity_date"})
    actors = project.actors[["actor_id", "actor_type", "helix"]]
    context = inputs.merge(activities, on="activity_id", how="left").merge(actors, on="actor_id", how="left")
    context["organisation"] = context["actor_id"].map(actor_names(project)).astype("object")
    return context


def action_sources(project: Project, lang: str) -> pd.DataFrame:
    """For each action: the inputs it came from, their activities and who raised them.

    Actions with no recorded source get ``inputs == 0``. Columns: action_id, title,
    focus_area_ids, inputs, input_ids, activities (titles), raised_by (organisations;
    inputs without one are named anonymous), groups (types of organisation, in ``lang``).

    Examples
    --------
    >>> from workbook.actionplan.examples import example_project
    >>> sources = action_sources(example_project(), "en")
    >>> sources[["action_id", "inputs", "raised_by"]].values.tolist()
    [['T1', 1, ('Kemi Metal Oy',)], ['T2', 2, ('Kemi Metal Oy', 'Lapin yliopisto')], ['T3', 0, ()]]
    """
    links = trace_links(project, lang)
    anonymous = group_label(ANONYMOUS, "actor_type", lang)
    links["raised_by"] = links["organisation"].fillna(anonymous)
    links["group"] = links["actor_type"].fillna(ANONYMOUS).map(lambda code: group_label(code, "actor_type", lang))
    rows = []
    for action_id, title, focus_area_ids in project.actions[["action_id", f"title_{lang}", "focus_areas"]] \
            .itertuples(index=False):
        own = links[links["action_id"] == action_id]
        rows.append({
            "action_id": action_id, "title": title, "focus_area_ids": focus_area_ids,
            "inputs": len(own), "input_ids": tuple(own["input_id"]),
            "activities": _distinct(own["activity"]), "raised_by": _distinct(own["raised_by"]),
            "groups": _distinct(own["group"]),
        })
    return pd.DataFrame(rows)


def _distinct(values: pd.Series) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values.dropna()))


def inputs_without_action(project: Project, lang: str) -> pd.DataFrame:
    """Inputs that no action names as its source, most-voted first.

    Columns: input_id, activity, activity_kind, activity_date, organisation, actor_type,
    text, focus_areas (names in ``lang``), votes. Inputs given without an organisation are
    marked anonymous in ``organisation``; their ``actor_type`` is missing.

    Examples
    --------
    >>> from workbook.actionplan.examples import example_project
    >>> inputs_without_action(example_project(), "en")[["input_id", "organisation"]].values.tolist()
    [['I2', 'Lapin liitto'], ['I4', 'Luleå tekniska universitet']]
    """
    context = _inputs_with_context(project)
    unused = context[~context["input_id"].isin(project.action_inputs["input_id"])].copy()
    names = focus_area_names(project, lang)
    unused["focus_areas"] = unused["input_focus_area_ids"].map(lambda ids: tuple(names[i] for i in ids))
    unused["organisation"] = unused["organisation"].fillna(group_label(ANONYMOUS, "actor_type", lang))
    unused["no_votes"] = unused["votes"].isna()
    unused = unused.sort_values(["no_votes", "votes"], ascending=[True, False], kind="stable")
    return unused[["input_id", "activity", "activity_kind", "activity_date", "organisation", "actor_type",
                   "text", "focus_areas", "votes"]].reset_index(drop=True)


def voice_share(project: Project, by: Grouping = "actor_type") -> pd.DataFrame:
    """For each stakeholder group, the share of its inputs that ended in an action.

    ``by`` groups inputs by the type of the organisation that gave them (``actor_type``),
    its quadruple-helix sphere (``helix``) or the kind of activity (``activity_kind``).
    Inputs with no organisation form the group ``anonymous``; the last row, ``total``, is
    every input. A group with fewer inputs than the project's minimum group size is too
    small to compare: its ``inputs_in_action`` and ``voice_share`` are hidden (NaN) and
    ``hidden`` is true.

    Columns: the ``by`` column (group code), inputs, inputs_in_action, voice_share, hidden.

    Examples
    --------
    >>> from workbook.actionplan.examples import example_project
    >>> voice_share(example_project(), by="helix")[["helix", "inputs", "hidden"]].values.tolist()
    [['industry', 1, True], ['academia', 2, True], ['government', 1, True], ['total', 4, True]]
    """
    context = _inputs_with_context(project)
    context[by] = context[by].fillna(ANONYMOUS)
    context["in_action"] = context["input_id"].isin(project.action_inputs["input_id"])
    counted = context.groupby(by)["in_action"].agg(inputs="size", inputs_in_action="sum")
    order = [code for code in VOCAB_COLUMNS[by] if code != TOTAL]
    counted = counted.reindex([code for code in order if code in counted.index])
    counted.loc[TOTAL] = [len(context), int(context["in_action"].sum())]
    counted["voice_share"] = counted["inputs_in_action"] / counted["inputs"]
    shown = suppress_small_groups(counted[["inputs_in_action", "voice_share"]], counted["inputs"],
                                  project.min_group_size)
    table = counted[["inputs"]].join(shown)
    table["hidden"] = table["voice_share"].isna()
    return table.rename_axis(by).reset_index()


def group_label(code: str, by: Grouping, lang: str) -> str:
    """The name of a voice-share group in ``lang``.

    Examples
    --------
    >>> group_label("academia", "helix", "fi"), group_label(ANONYMOUS, "helix", "en")
    ('Korkeakoulut ja tutkimus', 'Anonymous (no organisation)')
    """
    return label(VOCAB_COLUMNS[by], code, lang)


def sankey_links(project: Project, lang: str, focus_area_id: str | None = None) -> pd.DataFrame:
    """The flows activity → action → focus area, measured in inputs, for a Sankey diagram.

    An activity's inputs flow to each action that names them, or to "led to no action";
    each action passes all its inputs on to every focus area it serves. With
    ``focus_area_id`` only that focus area's actions count, and "led to no action" only
    its unused inputs (those tagged with the focus area).

    Columns: source_stage, source_id, source, target_stage, target_id, target, inputs.
    Stages are ``activity``, ``action`` and ``focus_area``; the "no action" node has
    stage ``action`` and id ``no_action``.

    Examples
    --------
    >>> from workbook.actionplan.examples import example_project
    >>> flows = sankey_links(example_project(), "en", focus_area_id="FA2")
    >>> flows[["source_id", "target_id", "inputs"]].values.tolist()
    [['W1', 'T2', 1], ['W2', 'T2', 1], ['W2', 'no_action', 1], ['T2', 'FA2', 2]]
    """
    links = trace_links(project, lang)
    context = _inputs_with_context(project)
    unused = context[~context["input_id"].isin(project.action_inputs["input_id"])]
    if focus_area_id is not None:
        # astype(bool): an empty mask must still select rows, not columns.
        links = links[links["focus_area_ids"].map(lambda ids: focus_area_id in ids).astype(bool)]
        unused = unused[unused["input_focus_area_ids"].map(lambda ids: focus_area_id in ids).astype(bool)]
    activity_titles = project.activities.set_index("activity_id")["title"]
    no_action = group_label(NO_ACTION, "actor_type", lang)
    to_action = pd.concat([
        links[["activity_id", "action_id", "title"]],
        unused[["activity_id"]].assign(action_id=NO_ACTION, title=no_action),
    ])
    first = to_action.groupby(["activity_id", "action_id", "title"], sort=False).size() \
        .reset_index(name="inputs")
    first = first.assign(source_stage="activity", source=first["activity_id"].map(activity_titles),
                         target_stage="action").rename(columns={"activity_id": "source_id",
                                                                "action_id": "target_id", "title": "target"})
    served = links[["action_id", "title", "focus_area_ids"]].explode("focus_area_ids") \
        .rename(columns={"focus_area_ids": "focus_area_id"})
    if focus_area_id is not None:
        served = served[served["focus_area_id"] == focus_area_id]
    second = served.groupby(["action_id", "title", "focus_area_id"], sort=False).size().reset_index(name="inputs")
    second = second.assign(source_stage="action", target_stage="focus_area",
                           target=second["focus_area_id"].map(focus_area_names(project, lang))) \
        .rename(columns={"action_id": "source_id", "title": "source", "focus_area_id": "target_id"})
    columns = ["source_stage", "source_id", "source", "target_stage", "target_id", "target", "inputs"]
    flows = pd.concat([_flow_order(project, first), _flow_order(project, second)], ignore_index=True)
    return flows[columns]


def sankey_overview(project: Project, lang: str) -> pd.DataFrame:
    """The flows activity → focus area, in inputs: where each activity's ideas ended up.

    The overview of :func:`sankey_links` for a whole plan, whose dozens of actions would
    not fit one readable diagram: an activity's input flows to every focus area with an
    action that names it (once per area, however many of its actions do), or to "led to
    no action" (a node of stage ``focus_area`` and id ``no_action``). Columns as in
    :func:`sankey_links`.

    Examples
    --------
    >>> from workbook.actionplan.examples import example_project
    >>> flows = sankey_overview(example_project(), "en")
    >>> flows[["source_id", "target_id", "inputs"]].values.tolist()
    [['W1', 'FA1', 1], ['W1', 'FA2', 1], ['W1', 'no_action', 1], ['W2', 'FA1', 1], ['W2', 'FA2', 1], ['W2', 'no_action', 1]]
    """
    reached = trace_links(project, lang)[["activity_id", "input_id", "focus_area_ids"]] \
        .explode("focus_area_ids").drop_duplicates(["input_id", "focus_area_ids"])
    context = _inputs_with_context(project)
    unused = context[~context["input_id"].isin(project.action_inputs["input_id"])]
    flows = pd.concat([reached.rename(columns={"focus_area_ids": "target_id"})[["activity_id", "target_id"]],
                       unused[["activity_id"]].assign(target_id=NO_ACTION)])
    flows = flows.groupby(["activity_id", "target_id"], sort=False).size().reset_index(name="inputs")
    flows = flows.rename(columns={"activity_id": "source_id"}).assign(source_stage="activity",
                                                                        target_stage="focus_area")
    flows["source"] = flows["source_id"].map(project.activities.set_index("activity_id")["title"])
    names = {**focus_area_names(project, lang).to_dict(), NO_ACTION: group_label(NO_ACTION, "actor_type", lang)}
    flows["target"] = flows["target_id"].map(names)
    return _flow_order(project, flows).reset_index(drop=True)[
        ["source_stage", "source_id", "source", "target_stage", "target_id", "target", "inputs"]]


def _flow_order(project: Project, flows: pd.DataFrame) -> pd.DataFrame:
    """Flows in the order of their source, then target: activities by date, actions by plan,
    focus areas as in the project, "no action" last."""
    activities = project.activities.sort_values("date", kind="stable")["activity_id"]
    actions, areas = project.actions["action_id"], project.focus_areas["focus_area_id"]
    orders = {
        "activity": {a: i for i, a in enumerate(activities)},
        "action": {**{a: i for i, a in enumerate(actions)}, NO_ACTION: len(actions)},
        "focus_area": {**{fa: i for i, fa in enumerate(areas)}, NO_ACTION: len(areas)},
    }
    keyed = flows.assign(
        _s=[orders[stage][node] for stage, node in zip(flows["source_stage"], flows["source_id"])],
        _t=[orders[stage][node] for stage, node in zip(flows["target_stage"], flows["target_id"])])
    return keyed.sort_values(["_s", "_t"], kind="stable").drop(columns=["_s", "_t"])
