"""Who is missing: gaps in the actor base of each focus area, and fragile ownership.

Three questions a consultant asks of every focus area:

* Which kinds of organisation, sub-regions and municipalities are engaged in it, which
  are missing, and are the engaged organisations tied to one another?
  (:func:`focus_area_gaps`)
* Which companies took part in the process but have no tie to a university or research
  institute? (:func:`companies_without_rdi`)
* Does the focus area depend on one owner for all its actions, or have no owner at all?
  (:func:`focus_area_owners`)

"Engaged" means taking part in an activity about the focus area, owning or partnering in
one of its actions, or raising an input about it (:func:`workbook.network.graphs.engagement`).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.sparse import csgraph

from workbook import vocab
from workbook.i18n import label, percent, sub_region_names, tr
from workbook.network.format import name_list, number
from workbook.network.graphs import ActorNetwork, engagement

# Kinds of organisation a focus area is expected to engage; "other" is no gap.
EXPECTED_ACTOR_TYPES: tuple[str, ...] = tuple(code for code in vocab.ACTOR_TYPES if code != "other")

OWNERSHIP_STATUSES: vocab.Labels = {
    "no_actions": {"fi": "Ei toimenpiteitä", "en": "No actions"},
    "no_owner": {"fi": "Ei vastuutahoa", "en": "No owner"},
    "single_owner": {"fi": "Yhden vastuutahon varassa", "en": "Depends on one owner"},
    "several_owners": {"fi": "Useita vastuutahoja", "en": "Several owners"},
}

TEXTS = {
    "engaged": {
        "fi": "{area}: mukana {count} organisaatiota, joista {connected} on yhteydessä toisiinsa yhtenä ryhmänä.",
        "en": "{area}: {count} organisations are engaged, and {connected} of them are tied together in one group.",
    },
    "nobody": {
        "fi": "{area}: yksikään organisaatio ei ole osallistunut.",
        "en": "{area}: no organisation has engaged in it.",
    },
    "missing_types": {
        "fi": "{area}: puuttuvat toimijatyypit: {types}.",
        "en": "{area}: kinds of organisation missing: {types}.",
    },
    "missing_sub_regions": {
        "fi": "{area}: seutukunnat, joista ei ole ketään mukana: {regions}.",
        "en": "{area}: sub-regions with no one engaged: {regions}.",
    },
    "companies_without_rdi": {
        "fi": "Osallistuneet yritykset, joilla ei ole yhteyttä yhteenkään korkeakouluun tai tutkimuslaitokseen ({count}): {names}.",
        "en": "Companies that took part but have no tie to any university or research institute ({count}): {names}.",
    },
    "all_companies_tied": {
        "fi": "Jokaisella osallistuneella yrityksellä on yhteys vähintään yhteen korkeakouluun tai tutkimuslaitokseen.",
        "en": "Every company that took part has a tie to at least one university or research institute.",
    },
    "no_actions": {
        "fi": "{area}: toimeenpanosuunnitelmassa ei ole yhtään toimenpidettä.",
        "en": "{area}: the implementation plan has no action for it.",
    },
    "no_owner": {
        "fi": "{area}: millään sen {actions} toimenpiteestä ei ole vastuutahoa.",
        "en": "{area}: none of its {actions} actions has an owner.",
    },
    "single_owner": {
        "fi": "{area}: kaikki {actions} toimenpidettä ovat yhden vastuutahon varassa ({owner}).",
        "en": "{area}: all {actions} actions depend on a single owner ({owner}).",
    },
    "single_action": {
        "fi": "{area}: vain yksi toimenpide, jonka vastuutaho on {owner}.",
        "en": "{area}: only one action, owned by {owner}.",
    },
    "unowned_actions": {
        "fi": "{area}: {count}/{actions} toimenpiteeltä puuttuu vastuutaho.",
        "en": "{area}: {count} of {actions} actions have no owner.",
    },
}


def focus_area_gaps(project, network: ActorNetwork, layers=None) -> pd.DataFrame:
    """Per focus area: who is engaged, who is missing, and how tied together they are.

    Parameters
    ----------
    project
        The loaded project.
    network
        Its actor network (from :func:`workbook.network.graphs.build_network`).
    layers
        Layers whose ties count for ``connected_share`` (default: all of the network's).

    Returns
    -------
    DataFrame
        One row per focus area in the project's order: ``focus_area_id``, ``actors``
        (engaged), ``actor_types`` / ``missing_actor_types`` (vocabulary order; only
        :data:`EXPECTED_ACTOR_TYPES` can be missing), ``sub_regions`` /
        ``missing_sub_regions``, ``municipalities`` / ``missing_municipalities`` (tuples),
        ``groups`` (how many separate pieces the engaged actors form when only ties
        among themselves count) and ``connected_share`` (share of them in the largest piece).

    Examples
    --------
    >>> from workbook.network._examples import tiny_project
    >>> from workbook.network.graphs import build_network
    >>> project = tiny_project()
    >>> gaps = focus_area_gaps(project, build_network(project)).set_index("focus_area_id")
    >>> gaps.at["FA1", "actors"], gaps.at["FA1", "groups"], gaps.at["FA1", "connected_share"]
    (np.int64(3), np.int64(1), np.float64(1.0))
    >>> gaps.loc["FA2", "actor_types"]
    ('higher_education', 'public_agency')
    """
    engaged = engagement(project)[["actor_id", "focus_area_id"]].drop_duplicates()
    actors = project.actors.set_index("actor_id")
    ties = network.ties(layers)
    symmetric = (ties + ties.T).tocsr()
    position = network.actor_ids
    all_sub_regions = tuple(sorted(set(project.municipalities["sub_region"].dropna())))
    all_municipalities = _in_order(project.municipalities["municipality"])
    rows = []
    for focus_area_id in project.focus_areas["focus_area_id"]:
        members = engaged.loc[engaged["focus_area_id"] == focus_area_id, "actor_id"]
        info = actors.loc[members]
        types = _in_order(info["actor_type"], vocab.codes(vocab.ACTOR_TYPES))
        sub_regions = _in_order(info["sub_region"], all_sub_regions)
        municipalities = _in_order(info["municipality"], all_municipalities)
        groups, share = _cohesion(symmetric, position.get_indexer(members))
        rows.append({
            "focus_area_id": focus_area_id,
            "actors": len(members),
            "actor_types": types,
            "missing_actor_types": tuple(t for t in EXPECTED_ACTOR_TYPES if t not in types),
            "sub_regions": sub_regions,
            "missing_sub_regions": tuple(r for r in all_sub_regions if r not in sub_regions),
            "municipalities": municipalities,
            "missing_municipalities": tuple(m for m in all_municipalities if m not in municipalities),
            "groups": groups,
            "connected_share": share,
        })
    return pd.DataFrame(rows)


def _in_order(values: pd.Series, order: list[str] | tuple[str, ...] | None = None) -> tuple[str, ...]:
    present = list(dict.fromkeys(values.dropna()))
    if order is None:
        return tuple(present)
    return tuple(v for v in order if v in set(present))


def _cohesion(symmetric, members: np.ndarray) -> tuple[int, float]:
    members = members[members >= 0]
    if not len(members):
        return 0, float("nan")
    induced = symmetric[members][:, members]
    count, labels = csgraph.connected_components(induced, directed=False)
    return int(count), float(np.bincount(labels).max() / len(members))


def companies_without_rdi(project, network: ActorNetwork, layers=None) -> pd.DataFrame:
    """Companies that took part in the process but are tied to no RDI actor.

    RDI actors are the types in :data:`workbook.vocab.RDI_ACTOR_TYPES` (higher education
    and research institutes); a tie in any of the chosen layers counts.

    Returns
    -------
    DataFrame
        ``actor_id``, ``name``, ``municipality``, ``sub_region``, ``ties`` (to anyone),
        ``focus_areas``; sorted by name.

    Examples
    --------
    >>> from workbook.network._examples import tiny_project
    >>> from workbook.network.graphs import build_network
    >>> project = tiny_project()
    >>> len(companies_without_rdi(project, build_network(project)))
    0
    >>> companies_without_rdi(project, build_network(project, ["partnership"]))["actor_id"].tolist()
    ['A2']
    """
    ties = network.ties(layers)
    adjacency = (ties + ties.T).tocsr()
    adjacency.data[:] = 1.0
    actors = network.actors
    is_rdi = actors["actor_type"].isin(vocab.RDI_ACTOR_TYPES).to_numpy(dtype=float)
    rdi_ties = adjacency @ is_rdi
    took_part = actors["actor_id"].isin(project.participation["actor_id"]).to_numpy()
    chosen = (actors["actor_type"] == "company").to_numpy() & took_part & (rdi_ties == 0)
    table = actors.loc[chosen, ["actor_id", "name", "municipality", "sub_region", "focus_areas"]].copy()
    table.insert(4, "ties", np.diff(adjacency.indptr)[chosen])
    return table.sort_values(["name", "actor_id"], ignore_index=True)


def focus_area_owners(project) -> pd.DataFrame:
    """Per focus area: its actions, their owners, and whether it hangs on a single owner.

    Returns
    -------
    DataFrame
        ``focus_area_id``, ``actions``, ``actions_without_owner``, ``owners`` (tuple of
        actor ids, by number of actions owned), ``status`` (a code of
        :data:`OWNERSHIP_STATUSES`).

    Examples
    --------
    >>> from workbook.network._examples import tiny_project
    >>> focus_area_owners(tiny_project())[["focus_area_id", "status"]].values.tolist()
    [['FA1', 'single_owner'], ['FA2', 'no_actions']]
    """
    links = project.action_focus_areas.merge(project.actions[["action_id", "owner_actor_id"]], on="action_id")
    rows = []
    for focus_area_id in project.focus_areas["focus_area_id"]:
        actions = links[links["focus_area_id"] == focus_area_id]
        owned = actions["owner_actor_id"].dropna()
        counts = owned.value_counts()
        owners = tuple(sorted(counts.index, key=lambda owner: (-counts[owner], owner)))
        if actions.empty:
            status = "no_actions"
        elif not owners:
            status = "no_owner"
        elif len(owners) == 1:
            status = "single_owner"
        else:
            status = "several_owners"
        rows.append({"focus_area_id": focus_area_id, "actions": len(actions),
                     "actions_without_owner": int(actions["owner_actor_id"].isna().sum()),
                     "owners": owners, "status": status})
    return pd.DataFrame(rows)


def gap_findings(project, gaps: pd.DataFrame, companies: pd.DataFrame, owners: pd.DataFrame,
                 lang: str, limit: int = 8) -> list[str]:
    """Plain-language sentences on the gaps: one or more per focus area, then the companies.

    Examples
    --------
    >>> from workbook.network._examples import tiny_project
    >>> from workbook.network.graphs import build_network
    >>> project = tiny_project()
    >>> network = build_network(project)
    >>> findings = gap_findings(project, focus_area_gaps(project, network),
    ...                         companies_without_rdi(project, network), focus_area_owners(project), "en")
    >>> findings[0]
    'Circular economy: 3 organisations are engaged, and 100% of them are tied together in one group.'
    """
    names = project.focus_areas.set_index("focus_area_id")[f"name_{lang}"]
    regions = sub_region_names(project.municipalities, lang)
    actor_names = project.actors.set_index("actor_id")["name"]
    ownership = owners.set_index("focus_area_id")
    sentences = []
    for row in gaps.itertuples(index=False):
        area = names[row.focus_area_id]
        if row.actors:
            sentences.append(tr(TEXTS, "engaged", lang, area=area, count=number(row.actors, lang),
                                connected=percent(row.connected_share, lang, missing="–")))
        else:
            sentences.append(tr(TEXTS, "nobody", lang, area=area))
        if row.actors and row.missing_actor_types:
            types = [label(vocab.ACTOR_TYPES, t, lang) for t in row.missing_actor_types]
            sentences.append(tr(TEXTS, "missing_types", lang, area=area, types=name_list(types, lang)))
        if row.actors and row.missing_sub_regions:
            sentences.append(tr(TEXTS, "missing_sub_regions", lang, area=area,
                                regions=name_list([regions.get(r, r) for r in row.missing_sub_regions], lang)))
        owned = ownership.loc[row.focus_area_id]
        actions = number(owned["actions"], lang)
        if owned["status"] == "no_actions":
            sentences.append(tr(TEXTS, "no_actions", lang, area=area))
        elif owned["status"] == "no_owner":
            sentences.append(tr(TEXTS, "no_owner", lang, area=area, actions=actions))
        elif owned["status"] == "single_owner":
            key = "single_owner" if owned["actions"] > 1 else "single_action"
            sentences.append(tr(TEXTS, key, lang, area=area, actions=actions, owner=actor_names[owned["owners"][0]]))
        if owned["status"] in ("single_owner", "several_owners") and owned["actions_without_owner"]:
            sentences.append(tr(TEXTS, "unowned_actions", lang, area=area, actions=actions,
                                count=number(owned["actions_without_owner"], lang)))
    if len(companies):
        sentences.append(tr(TEXTS, "companies_without_rdi", lang, count=number(len(companies), lang),
                            names=name_list(companies["name"].astype(str).tolist(), lang, limit=limit)))
    else:
        sentences.append(tr(TEXTS, "all_companies_tied", lang))
    return sentences
