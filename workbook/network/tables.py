"""The network's tables as a reader sees them: fi/en headings, labels instead of codes,
numbers written for ``lang``. Shown with :func:`workbook.notebook.show_table` (escaped)."""

from __future__ import annotations

import pandas as pd

from workbook import vocab
from workbook.i18n import label, percent, tr
from workbook.network.format import metric, number
from workbook.network.gaps import OWNERSHIP_STATUSES
from workbook.network.view import METRIC_LABELS

TEXTS = {
    "name": {"fi": "Organisaatio", "en": "Organisation"},
    "actor_type": {"fi": "Tyyppi", "en": "Kind"},
    "municipality": {"fi": "Kunta", "en": "Municipality"},
    "community": {"fi": "Yhteisö", "en": "Community"},
    "broker": {"fi": "Välittäjä", "en": "Broker"},
    "yes": {"fi": "kyllä", "en": "yes"},
    "communities_linked": {"fi": "Yhteyksiä muihin yhteisöihin", "en": "Other communities reached"},
    "actor_types_linked": {"fi": "Muita toimijatyyppejä kumppaneina", "en": "Other kinds of partner"},
    "sphere": {"fi": "Sektori", "en": "Sphere"},
    "focus_area": {"fi": "Painopistealue", "en": "Focus area"},
    "engaged": {"fi": "Mukana olevia organisaatioita", "en": "Organisations engaged"},
    "connected": {"fi": "Yhteydessä toisiinsa", "en": "Tied together"},
    "missing_types": {"fi": "Puuttuvat toimijatyypit", "en": "Kinds of organisation missing"},
    "missing_sub_regions": {"fi": "Seutukunnat, joista ei ketään", "en": "Sub-regions with no one"},
    "missing_municipalities": {"fi": "Kunnat, joista ei ketään", "en": "Municipalities with no one"},
    "actions": {"fi": "Toimenpiteitä", "en": "Actions"},
    "without_owner": {"fi": "Ilman vastuutahoa", "en": "Without owner"},
    "owners": {"fi": "Vastuutahot (toimenpiteitä)", "en": "Owners (actions)"},
    "status": {"fi": "Tilanne", "en": "Status"},
    "ties": {"fi": "Yhteyksiä", "en": "Ties"},
    "focus_areas": {"fi": "Painopistealueet", "en": "Focus areas"},
    "actors": {"fi": "Organisaatioita", "en": "Organisations"},
    "main_types": {"fi": "Yleisimmät toimijatyypit", "en": "Most common kinds"},
    "main_sub_regions": {"fi": "Yleisimmät seutukunnat", "en": "Most common sub-regions"},
    "leading_actors": {"fi": "Keskeisimmät organisaatiot", "en": "Most central organisations"},
}


def metrics_table(metrics: pd.DataFrame, lang: str, top: int | None = None,
                  sort_by: str = "betweenness") -> pd.DataFrame:
    """The metrics of the ``top`` actors by ``sort_by`` (all if ``None``), ready to read.

    Examples
    --------
    >>> import networkx as nx
    >>> from workbook.network.metrics import actor_metrics
    >>> table = metrics_table(actor_metrics(nx.barbell_graph(3, 1)), "en", top=1)
    >>> list(table.columns)[:3], table.iloc[0, 0]
    (['Organisation', 'Kind', 'Municipality'], '3')
    """
    chosen = metrics.sort_values([sort_by, "actor_id"], ascending=[False, True])
    chosen = chosen.head(top) if top is not None else chosen
    table = pd.DataFrame({
        tr(TEXTS, "name", lang): chosen["name"].astype(str),
        tr(TEXTS, "actor_type", lang): [label(vocab.ACTOR_TYPES, t, lang) if t else "" for t in chosen["actor_type"]],
        tr(TEXTS, "municipality", lang): chosen["municipality"].fillna(""),
    })
    for column in ("degree", "weighted_degree", "betweenness", "eigenvector", "closeness", "k_core"):
        table[label(METRIC_LABELS, column, lang)] = [metric(v, column, lang) for v in chosen[column]]
    table[tr(TEXTS, "community", lang)] = ["" if pd.isna(c) else str(int(c)) for c in chosen["community"]]
    table[tr(TEXTS, "broker", lang)] = [tr(TEXTS, "yes", lang) if b else "" for b in chosen["broker"]]
    return table.reset_index(drop=True)


def brokers_table(metrics: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The brokers, most between first, with what makes them brokers.

    Examples
    --------
    >>> import networkx as nx
    >>> from workbook.network.metrics import actor_metrics
    >>> brokers_table(actor_metrics(nx.barbell_graph(3, 1)), "en").values.tolist()
    [['3', '', '0.600', '1', '0']]
    """
    brokers = metrics[metrics["broker"]].sort_values(["betweenness", "actor_id"], ascending=[False, True])
    return pd.DataFrame({
        tr(TEXTS, "name", lang): brokers["name"].astype(str),
        tr(TEXTS, "actor_type", lang): [label(vocab.ACTOR_TYPES, t, lang) if t else "" for t in brokers["actor_type"]],
        label(METRIC_LABELS, "betweenness", lang): [metric(v, "betweenness", lang) for v in brokers["betweenness"]],
        tr(TEXTS, "communities_linked", lang): [number(v, lang) for v in brokers["communities_linked"]],
        tr(TEXTS, "actor_types_linked", lang): [number(v, lang) for v in brokers["actor_types_linked"]],
    }).reset_index(drop=True)


def _names(values, names) -> str:
    return ", ".join(str(names.get(v, v)) for v in values) or "–"


def gaps_table(gaps: pd.DataFrame, project, lang: str) -> pd.DataFrame:
    """Per focus area: engaged organisations, how tied together, and who is missing.

    Examples
    --------
    >>> from workbook.network._examples import tiny_project
    >>> from workbook.network.gaps import focus_area_gaps
    >>> from workbook.network.graphs import build_network
    >>> project = tiny_project()
    >>> gaps_table(focus_area_gaps(project, build_network(project)), project, "en").iloc[0, :3].tolist()
    ['Circular economy', '3', '100%']
    """
    areas = dict(zip(project.focus_areas["focus_area_id"], project.focus_areas[f"name_{lang}"]))
    types = {code: label(vocab.ACTOR_TYPES, code, lang) for code in vocab.ACTOR_TYPES}
    column = "sub_region_en" if lang == "en" else "sub_region"
    regions = dict(zip(project.municipalities["sub_region"], project.municipalities[column]))
    return pd.DataFrame({
        tr(TEXTS, "focus_area", lang): [areas[f] for f in gaps["focus_area_id"]],
        tr(TEXTS, "engaged", lang): [number(n, lang) for n in gaps["actors"]],
        tr(TEXTS, "connected", lang): [percent(s, lang, missing="–") for s in gaps["connected_share"]],
        tr(TEXTS, "missing_types", lang): [_names(v, types) for v in gaps["missing_actor_types"]],
        tr(TEXTS, "missing_sub_regions", lang): [_names(v, regions) for v in gaps["missing_sub_regions"]],
        tr(TEXTS, "missing_municipalities", lang): [_names(v, {}) for v in gaps["missing_municipalities"]],
    })


def owners_table(owners: pd.DataFrame, project, lang: str) -> pd.DataFrame:
    """Per focus area: actions, actions without an owner, owners with their action counts.

    Examples
    --------
    >>> from workbook.network._examples import tiny_project
    >>> from workbook.network.gaps import focus_area_owners
    >>> project = tiny_project()
    >>> owners_table(focus_area_owners(project), project, "en").iloc[0].tolist()
    ['Circular economy', '1', '0', 'Lapin liitto (1)', 'Depends on one owner']
    """
    areas = dict(zip(project.focus_areas["focus_area_id"], project.focus_areas[f"name_{lang}"]))
    actor_names = dict(zip(project.actors["actor_id"], project.actors["name"]))
    links = project.action_focus_areas.merge(project.actions[["action_id", "owner_actor_id"]], on="action_id")
    owned = []
    for row in owners.itertuples(index=False):
        counts = links[links["focus_area_id"] == row.focus_area_id]["owner_actor_id"].value_counts()
        owned.append(", ".join(f"{actor_names[o]} ({counts[o]})" for o in row.owners) or "–")
    return pd.DataFrame({
        tr(TEXTS, "focus_area", lang): [areas[f] for f in owners["focus_area_id"]],
        tr(TEXTS, "actions", lang): [number(n, lang) for n in owners["actions"]],
        tr(TEXTS, "without_owner", lang): [number(n, lang) for n in owners["actions_without_owner"]],
        tr(TEXTS, "owners", lang): owned,
        tr(TEXTS, "status", lang): [label(OWNERSHIP_STATUSES, s, lang) for s in owners["status"]],
    })


def companies_table(companies: pd.DataFrame, project, lang: str) -> pd.DataFrame:
    """Companies without a tie to research: name, municipality, ties, focus areas.

    Examples
    --------
    >>> from workbook.network._examples import tiny_project
    >>> from workbook.network.gaps import companies_without_rdi
    >>> from workbook.network.graphs import build_network
    >>> project = tiny_project()
    >>> companies_table(companies_without_rdi(project, build_network(project, ["partnership"])), project,
    ...                 "fi").iloc[0].tolist()
    ['Testi Oy', 'Kemi', '1', 'Kiertotalous']
    """
    areas = dict(zip(project.focus_areas["focus_area_id"], project.focus_areas[f"name_{lang}"]))
    return pd.DataFrame({
        tr(TEXTS, "name", lang): companies["name"].astype(str),
        tr(TEXTS, "municipality", lang): companies["municipality"].fillna(""),
        tr(TEXTS, "ties", lang): [number(n, lang) for n in companies["ties"]],
        tr(TEXTS, "focus_areas", lang): ["; ".join(areas.get(f, f) for f in fa) for fa in companies["focus_areas"]],
    })


def communities_table(profiles: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Community profiles (:func:`workbook.network.metrics.community_profiles`) with fi/en headings.

    Examples
    --------
    >>> import networkx as nx
    >>> from workbook.network.metrics import actor_metrics, community_profiles
    >>> list(communities_table(community_profiles(actor_metrics(nx.barbell_graph(3, 0)), "en"), "en").columns)[:2]
    ['Community', 'Organisations']
    """
    return profiles.rename(columns={column: tr(TEXTS, column, lang) for column in
                                    ("community", "actors", "main_types", "main_sub_regions", "leading_actors")})


def mixing_table(mixing: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Tie counts between helix spheres (or actor types) with fi/en labels.

    Examples
    --------
    >>> from workbook.network._examples import tiny_project
    >>> from workbook.network.graphs import build_network
    >>> from workbook.network.metrics import tie_mixing
    >>> mixing_table(tie_mixing(build_network(tiny_project())), "en").loc["Industry"].tolist()
    ['0', '1', '1']
    """
    vocabulary = vocab.HELIX if set(mixing.index) <= set(vocab.HELIX) else vocab.ACTOR_TYPES
    names = {code: label(vocabulary, code, lang) for code in mixing.index}
    shown = mixing.rename(index=names, columns=names).map(lambda n: number(n, lang))
    shown.index.name = tr(TEXTS, "sphere", lang) if vocabulary is vocab.HELIX else tr(TEXTS, "actor_type", lang)
    return shown
