"""The action portfolio: actions × focus areas, counts, budget, funding mix, owners and partners.

An action may serve several focus areas. In a focus area's figures it then counts in
full in each of them (its whole budget included), because a reader of one focus area
asks what money and work goes into it; the plan total counts each action once, so the
focus area rows add up to more than the total. This is said wherever budgets are shown.
"""

from __future__ import annotations

import pandas as pd

from workbook import vocab
from workbook.actionplan.labels import (
    FUNDING_NOT_STATED, TEXTS as LABEL_TEXTS, action_titles, actor_names, focus_area_names, quarter_label,
)
from workbook.i18n import tr
from workbook.project import Project

STATUS_COLUMNS = (*vocab.codes(vocab.ACTION_STATUSES), "no_status")


def action_table(project: Project, lang: str) -> pd.DataFrame:
    """One row per action, with names in ``lang`` next to the ids, in the plan's order.

    Columns: action_id, title, focus_area_ids, focus_areas, owner_actor_id, owner,
    owner_type, partner_actor_ids, partners, start, end, schedule (first–last quarter),
    budget_eur, funding_sources, status, indicator_ids, source_input_ids (lists are tuples).

    Examples
    --------
    >>> from workbook.actionplan.examples import example_project
    >>> action_table(example_project(), "en").loc[1, ["title", "focus_areas", "owner"]].tolist()
    ['Nature data', ('Circular economy', 'Experience services'), 'Lapin yliopisto']
    """
    actions = project.actions
    names = actor_names(project)
    types = project.actors.set_index("actor_id")["actor_type"]
    focus_areas = focus_area_names(project, lang)
    return pd.DataFrame({
        "action_id": actions["action_id"],
        "title": actions["action_id"].map(action_titles(project, lang)),
        "focus_area_ids": actions["focus_areas"],
        "focus_areas": actions["focus_areas"].map(lambda ids: tuple(focus_areas[i] for i in ids)),
        "owner_actor_id": actions["owner_actor_id"],
        "owner": actions["owner_actor_id"].map(names).astype("object"),
        "owner_type": actions["owner_actor_id"].map(types).astype("object"),
        "partner_actor_ids": actions["partner_actor_ids"],
        "partners": actions["partner_actor_ids"].map(lambda ids: tuple(names[i] for i in ids)),
        "start": actions["start"],
        "end": actions["end"],
        "schedule": [_schedule(start, end, lang) for start, end in zip(actions["start"], actions["end"])],
        "budget_eur": actions["budget_eur"],
        "funding_sources": actions["funding"],
        "status": actions["status"],
        "indicator_ids": actions["indicators"],
        "source_input_ids": actions["source_input_ids"],
    })


def _schedule(start: pd.Timestamp, end: pd.Timestamp, lang: str) -> str:
    """First–last quarter of an action, ``?`` for a missing date, empty with neither.

    Examples
    --------
    >>> _schedule(pd.Timestamp("2025-02-01"), pd.NaT, "en")
    'Q1 2025–?'
    """
    if pd.isna(start) and pd.isna(end):
        return ""
    return f"{quarter_label(start, lang) or '?'}–{quarter_label(end, lang) or '?'}"


def plan_by_focus_area(project: Project, lang: str) -> pd.DataFrame:
    """The action plan grouped by focus area: one row per focus area and action it serves.

    Focus areas come in the project's order, actions in the plan's order within each;
    an action serving two focus areas appears under both.

    Examples
    --------
    >>> from workbook.actionplan.examples import example_project
    >>> plan = plan_by_focus_area(example_project(), "en")
    >>> list(plan.columns[:4])
    ['focus_area_id', 'focus_area', 'action_id', 'title']
    >>> list(zip(plan["focus_area_id"], plan["action_id"]))
    [('FA1', 'T1'), ('FA1', 'T2'), ('FA2', 'T2'), ('FA2', 'T3')]
    """
    actions = action_table(project, lang).drop(columns=["focus_area_ids", "focus_areas"])
    grouped = _sorted(project, project.action_focus_areas.merge(actions, on="action_id"), first="focus_area_id")
    grouped["focus_area"] = grouped["focus_area_id"].map(focus_area_names(project, lang))
    return grouped[["focus_area_id", "focus_area", *actions.columns]]


def action_focus_matrix(project: Project) -> pd.DataFrame:
    """Which action serves which focus area: actions as rows, focus areas as columns, booleans.

    Examples
    --------
    >>> from workbook.actionplan.examples import example_project
    >>> action_focus_matrix(example_project()).astype(int).to_dict("index")
    {'T1': {'FA1': 1, 'FA2': 0}, 'T2': {'FA1': 1, 'FA2': 1}, 'T3': {'FA1': 0, 'FA2': 1}}
    """
    serves = project.action_focus_areas.assign(serves=True)
    matrix = serves.pivot_table(index="action_id", columns="focus_area_id", values="serves",
                                aggfunc="any", fill_value=False)
    matrix = matrix.reindex(index=project.actions["action_id"], columns=project.focus_areas["focus_area_id"],
                            fill_value=False).astype(bool)
    matrix.index.name, matrix.columns.name = "action_id", "focus_area_id"
    return matrix


def involvement(project: Project) -> pd.DataFrame:
    """Every organisation in every action, with its role, per focus area the action serves.

    Columns: action_id, focus_area_id, actor_id, role (``owner`` or ``partner``),
    actor_type, country. An organisation that is both owner and partner of an action
    appears once as owner.

    Examples
    --------
    >>> from workbook.actionplan.examples import example_project
    >>> rows = involvement(example_project())
    >>> rows[rows.action_id == "T1"][["actor_id", "role", "country"]].values.tolist()
    [['A1', 'owner', 'FI'], ['A2', 'partner', 'FI'], ['A4', 'partner', 'SE']]
    """
    actions = project.actions
    owners = actions.loc[actions["owner_actor_id"].notna(), ["action_id", "owner_actor_id"]] \
        .rename(columns={"owner_actor_id": "actor_id"}).assign(role="owner")
    partners = project.action_partners.assign(role="partner")
    people = pd.concat([owners, partners], ignore_index=True) \
        .drop_duplicates(["action_id", "actor_id"], keep="first")
    rows = project.action_focus_areas.merge(people, on="action_id")
    rows = rows.merge(project.actors[["actor_id", "actor_type", "country"]], on="actor_id", how="left")
    return _sorted(project, rows, first="action_id")[["action_id", "focus_area_id", "actor_id", "role", "actor_type", "country"]]


def focus_area_summary(project: Project, lang: str, total: bool = True) -> pd.DataFrame:
    """Per focus area: actions by status, budget, owners and partners.

    Columns: focus_area_id, focus_area, actions, one column per status (``planned`` …
    ``cancelled``, and ``no_status``), budget_eur, actions_without_budget, owners,
    partners_count, company_partners, foreign_partners (partners whose country is not the
    project's). An action serving several focus areas counts in each; the ``total`` row
    (focus_area_id None) counts every action and organisation once.

    Examples
    --------
    >>> from workbook.actionplan.examples import example_project
    >>> summary = focus_area_summary(example_project(), "en")
    >>> summary[["focus_area", "actions", "budget_eur", "foreign_partners"]].values.tolist()
    [['Circular economy', 2, 300000.0, 1], ['Experience services', 2, 100000.0, 0], ['Total', 3, 300000.0, 1]]
    """
    people = involvement(project)
    rows = []
    for focus_area_id, name in focus_area_names(project, lang).items():
        action_ids = project.action_focus_areas.loc[
            project.action_focus_areas["focus_area_id"] == focus_area_id, "action_id"]
        rows.append({"focus_area_id": focus_area_id, "focus_area": name,
                     **_summarise(project, action_ids, people[people["focus_area_id"] == focus_area_id])})
    if total:
        rows.append({"focus_area_id": None, "focus_area": tr(LABEL_TEXTS, "total", lang),
                     **_summarise(project, project.actions["action_id"], people)})
    return pd.DataFrame(rows)


def _summarise(project: Project, action_ids: pd.Series, people: pd.DataFrame) -> dict[str, object]:
    actions = project.actions[project.actions["action_id"].isin(action_ids)]
    status = actions["status"].fillna("no_status").value_counts()
    partners = people[people["role"] == "partner"].drop_duplicates("actor_id")
    return {
        "actions": len(actions),
        **{code: int(status.get(code, 0)) for code in STATUS_COLUMNS},
        "budget_eur": float(actions["budget_eur"].sum()),
        "actions_without_budget": int(actions["budget_eur"].isna().sum()),
        "owners": int(actions["owner_actor_id"].nunique()),
        "partners_count": len(partners),
        "company_partners": int((partners["actor_type"] == "company").sum()),
        "foreign_partners": int((partners["country"] != project.settings["country"]).sum()),
    }


def funding_mix(project: Project) -> pd.DataFrame:
    """Budget per focus area and funding source.

    The plan gives one budget per action and a list of funding sources without amounts, so
    an action's budget is divided equally among its sources; an action with a budget but
    no source counts under ``not_stated``. Columns: focus_area_id, funding, budget_eur,
    actions (number of actions naming the source). Largest source first in each area.

    Examples
    --------
    >>> from workbook.actionplan.examples import example_project
    >>> funding_mix(example_project()).values.tolist()
    [['FA1', 'EAKR', 200000.0, 2], ['FA1', 'kunnat', 100000.0, 1], ['FA2', 'EAKR', 100000.0, 1], ['FA2', 'not_stated', 0.0, 1]]
    """
    actions = project.actions[["action_id", "funding", "budget_eur"]].copy()
    actions["funding"] = actions["funding"].map(lambda sources: sources or (FUNDING_NOT_STATED,))
    actions["budget_eur"] = actions["budget_eur"].fillna(0.0) / actions["funding"].map(len)
    shares = actions.explode("funding").merge(project.action_focus_areas, on="action_id")
    mix = shares.groupby(["focus_area_id", "funding"], as_index=False, sort=False) \
        .agg(budget_eur=("budget_eur", "sum"), actions=("action_id", "nunique"))
    order = {fa: position for position, fa in enumerate(project.focus_areas["focus_area_id"])}
    mix = mix.assign(order=mix["focus_area_id"].map(order), negative_budget=-mix["budget_eur"]) \
        .sort_values(["order", "negative_budget", "funding"], kind="stable")
    return mix[["focus_area_id", "funding", "budget_eur", "actions"]].reset_index(drop=True)


def actors_by_type(project: Project) -> pd.DataFrame:
    """Organisations in each focus area's actions, by type of organisation and role.

    Every focus area gets a row for every type of organisation found anywhere in the
    plan, zeros included. Columns: focus_area_id, actor_type, owners, partners,
    organisations (distinct organisations in either role).

    Examples
    --------
    >>> from workbook.actionplan.examples import example_project
    >>> table = actors_by_type(example_project())
    >>> table[table.focus_area_id == "FA1"].values.tolist()
    [['FA1', 'company', 0, 1, 1], ['FA1', 'higher_education', 1, 1, 2], ['FA1', 'public_agency', 1, 0, 1]]
    """
    people = involvement(project)
    types = [code for code in vocab.codes(vocab.ACTOR_TYPES) if code in set(people["actor_type"])]
    grid = pd.MultiIndex.from_product([project.focus_areas["focus_area_id"], types],
                                      names=["focus_area_id", "actor_type"])
    keys = ["focus_area_id", "actor_type"]
    counted = pd.DataFrame({
        "owners": people[people["role"] == "owner"].groupby(keys)["actor_id"].nunique(),
        "partners": people[people["role"] == "partner"].groupby(keys)["actor_id"].nunique(),
        "organisations": people.groupby(keys)["actor_id"].nunique(),
    })
    return counted.reindex(grid, fill_value=0).fillna(0).astype(int).reset_index()


def _sorted(project: Project, rows: pd.DataFrame, first: str) -> pd.DataFrame:
    """Rows with action_id and focus_area_id in the plan's and the project's order, ``first`` first."""
    orders = {
        "action_id": {a: i for i, a in enumerate(project.actions["action_id"])},
        "focus_area_id": {fa: i for i, fa in enumerate(project.focus_areas["focus_area_id"])},
    }
    second = "focus_area_id" if first == "action_id" else "action_id"
    keys = rows.assign(_first=rows[first].map(orders[first]), _second=rows[second].map(orders[second]))
    return keys.sort_values(["_first", "_second"], kind="stable").drop(columns=["_first", "_second"]) \
        .reset_index(drop=True)
