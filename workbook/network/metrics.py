"""Who is central, who brokers, who is on the edge: metrics per actor and for the network.

Definitions follow networkx, so results can be checked against it:

``degree``
    number of organisations an actor is tied to.
``weighted_degree``
    sum of its tie weights (e.g. shared activities).
``betweenness``
    share of shortest paths between other actors that pass through it (ties count as one
    step, whatever their weight), normalised as ``networkx.betweenness_centrality``.
    Exact while ``actors × ties`` stays under ``exact_work_limit``; above it, estimated
    from shortest paths out of ``samples`` source actors drawn with a fixed seed.
``closeness``
    how few steps it takes to reach the others, as ``networkx.closeness_centrality``
    (Wasserman–Faust scaling for networks in pieces); estimated from the same sample of
    actors above the limit.
``eigenvector``
    ties to well-tied actors count more (weighted; unit length like
    ``networkx.eigenvector_centrality``).
``k_core``
    the largest *k* such that the actor belongs to a group in which everyone has at least
    *k* ties inside the group.
``community``
    Louvain communities (seeded, reproducible), numbered by size from 1. On a large
    network only the strongest ties are used to find them, and actors tied by weak ties
    only join the community their ties lead to. Isolates belong to none.
``broker``
    betweenness in the top tenth of the network and ties into another community or to
    at least two other kinds of organisation.
``isolate`` / ``weakly_connected``
    no tie at all / a single tie, or outside the largest connected group.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Mapping

import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy.sparse import csgraph

from workbook.i18n import label, percent, tr
from workbook.network.format import name_list, number
from workbook.network.graphs import ActorNetwork, strongest_ties
from workbook.network.igraph_tools import seeded, to_igraph
from workbook.vocab import ACTOR_TYPES

# Exact betweenness and closeness while actors × ties stays below this (about a second).
EXACT_WORK_LIMIT = 50_000_000
# Source actors sampled above the limit (relative error of the top scores about 1/sqrt(samples)).
SAMPLES = 64
# Louvain runs on all ties up to this many, above it on the strongest ties only.
COMMUNITY_TIE_LIMIT = 200_000
BROKER_QUANTILE = 0.9

METRIC_COLUMNS: tuple[str, ...] = (
    "degree", "weighted_degree", "betweenness", "eigenvector", "closeness", "k_core",
)

TEXTS = {
    "overview": {
        "fi": "Verkostossa on {actors} organisaatiota ja {ties} yhteyttä; suurimpaan yhtenäiseen ryhmään kuuluu {giant} organisaatioista.",
        "en": "The network has {actors} organisations and {ties} ties; {giant} of the organisations belong to its largest connected group.",
    },
    "isolates": {
        "fi": "Organisaatiot, joilla ei ole yhtään yhteyttä muihin ({count}): {names}.",
        "en": "Organisations with no tie to anyone ({count}): {names}.",
    },
    "no_isolates": {
        "fi": "Jokaisella organisaatiolla on vähintään yksi yhteys.",
        "en": "Every organisation has at least one tie.",
    },
    "weak": {
        "fi": "Heikosti kytkeytyneitä organisaatioita (vain yksi yhteys tai pienryhmä erillään muusta verkostosta): {count}.",
        "en": "Weakly connected organisations (a single tie, or a small group apart from the main network): {count}.",
    },
    "brokers": {
        "fi": "Välittäjät, joiden kautta kulkee suuri osa lyhimmistä yhteyksistä ja jotka yhdistävät ryhmiä tai toimijatyyppejä: {names}.",
        "en": "Brokers, through whom many of the shortest paths run and who link communities or kinds of organisation: {names}.",
    },
    "no_brokers": {
        "fi": "Verkostossa ei ole selviä välittäjiä.",
        "en": "The network has no clear brokers.",
    },
    "communities": {
        "fi": "Verkosto jakautuu {count} yhteisöön (modulaarisuus {modularity}); {largest} organisaatiota kuuluu suurimpaan.",
        "en": "The network splits into {count} communities (modularity {modularity}); the largest holds {largest} organisations.",
    },
    "mixing": {
        "fi": "{types} yhteyksistä ylittää toimijatyyppien rajan ja {helix} nelikantamallin sektorien (yritykset, tutkimus, julkinen, kansalaisyhteiskunta) rajan.",
        "en": "{types} of the ties cross between kinds of organisation, and {helix} cross between quadruple-helix spheres (industry, research, government, civil society).",
    },
    "estimated": {
        "fi": "Verkosto on suuri: välillisyys, läheisyys ja keskimääräinen etäisyys on arvioitu {samples} satunnaisesti (kiinteällä siemenluvulla) valitun organisaation lyhimmistä poluista.",
        "en": "The network is large: betweenness, closeness and average distance are estimated from the shortest paths of {samples} organisations drawn at random (with a fixed seed).",
    },
    "ind_actors": {"fi": "Organisaatioita", "en": "Organisations"},
    "ind_ties": {"fi": "Yhteyksiä", "en": "Ties"},
    "ind_density": {"fi": "Tiheys (toteutuneiden yhteyksien osuus mahdollisista)", "en": "Density (share of possible ties present)"},
    "ind_components": {"fi": "Erillisiä osia (yksinäiset mukaan lukien)", "en": "Separate components (isolates included)"},
    "ind_largest_component": {"fi": "Suurimman yhtenäisen ryhmän koko", "en": "Size of the largest connected group"},
    "ind_isolates": {"fi": "Organisaatioita ilman yhteyksiä", "en": "Organisations without ties"},
    "ind_average_path_length": {"fi": "Keskimääräinen etäisyys suurimmassa ryhmässä (askelia)",
                                "en": "Average distance in the largest group (steps)"},
    "ind_communities": {"fi": "Yhteisöjä", "en": "Communities"},
    "ind_modularity": {"fi": "Modulaarisuus (yhteisöjen erottuvuus, 0–1)", "en": "Modularity (how distinct the communities are, 0–1)"},
    "ind_cross_type_share": {"fi": "Toimijatyyppien rajan ylittävien yhteyksien osuus", "en": "Share of ties across kinds of organisation"},
    "ind_cross_helix_share": {"fi": "Nelikantasektorien rajan ylittävien yhteyksien osuus", "en": "Share of ties across helix spheres"},
    "ind_brokers": {"fi": "Välittäjiä", "en": "Brokers"},
    "ind_samples": {"fi": "Arvioiden otoskoko (0 = tarkat luvut)", "en": "Organisations sampled for estimates (0 = exact figures)"},
    "col_indicator": {"fi": "Tunnusluku", "en": "Indicator"},
    "col_value": {"fi": "Arvo", "en": "Value"},
}


def as_network(network: ActorNetwork | nx.Graph) -> ActorNetwork:
    """Accept either form: an :class:`ActorNetwork`, or a ``networkx`` graph of actors."""
    return network if isinstance(network, ActorNetwork) else ActorNetwork.from_networkx(network)


def actor_metrics(network: ActorNetwork | nx.Graph, layers=None, *, seed: int = 0,
                  exact_work_limit: int = EXACT_WORK_LIMIT, samples: int = SAMPLES,
                  community_tie_limit: int = COMMUNITY_TIE_LIMIT) -> pd.DataFrame:
    """Metrics of every actor (see the module docstring for the definitions).

    Parameters
    ----------
    network
        The actors and their ties; a ``networkx`` graph is converted first.
    layers
        Layers whose ties count (default: all layers of the network).
    seed
        Seed of the sampled estimates and of Louvain.
    exact_work_limit, samples
        Betweenness and closeness are exact while ``actors × ties <= exact_work_limit``,
        else estimated from ``samples`` source actors.
    community_tie_limit
        Above this many ties, communities are found on the strongest ties only.

    Returns
    -------
    DataFrame
        One row per actor in network order: ``actor_id``, ``name``, ``actor_type``,
        ``helix``, ``municipality``, ``sub_region``, the :data:`METRIC_COLUMNS`,
        ``community`` (Int64, missing for isolates), ``communities_linked``,
        ``actor_types_linked``, ``broker``, ``isolate``, ``weakly_connected``.

    Examples
    --------
    >>> graph = nx.barbell_graph(4, 1)  # two groups of four joined through actor 4
    >>> table = actor_metrics(graph).set_index("actor_id")
    >>> print(table.loc[4, ["degree", "betweenness", "broker"]].to_dict())
    {'degree': 2, 'betweenness': 0.5714285714285714, 'broker': True}
    """
    network = as_network(network)
    names = network.layer_names(layers)
    ties = network.ties(names)
    graph = _igraph(network, names)
    size = len(network.actors)
    pivots = _pivots(size, ties.nnz, seed, exact_work_limit, samples)
    degree = np.diff(network.symmetric(names).indptr)
    table = network.actors[["actor_id", "name", "actor_type", "helix", "municipality", "sub_region"]].copy()
    table["degree"] = degree
    table["weighted_degree"] = np.asarray(network.symmetric(names).sum(axis=1), dtype=float).ravel()
    table["betweenness"] = _betweenness(graph, pivots)
    table["eigenvector"] = _eigenvector(network.symmetric(names))
    table["closeness"] = _closeness(network, names, pivots)
    table["k_core"] = np.asarray(graph.coreness(), dtype=int)
    community = _communities(network, names, degree, seed, community_tie_limit)
    table["community"] = pd.array(np.where(community > 0, community, 0), dtype="Int64")
    table.loc[community <= 0, "community"] = pd.NA
    adjacency = _adjacency(network, names)
    table["communities_linked"] = _categories_linked(adjacency, community, missing=0)
    table["actor_types_linked"] = _categories_linked(adjacency, _codes(network.actors["actor_type"]), missing=-1)
    positive = table["betweenness"][table["betweenness"] > 0]
    threshold = positive.quantile(BROKER_QUANTILE) if len(positive) else np.inf
    bridges = (table["communities_linked"] >= 1) | (table["actor_types_linked"] >= 2)
    table["broker"] = (table["betweenness"] >= threshold) & (table["betweenness"] > 0) & bridges
    component = _components(network, names)
    giant = np.bincount(component).argmax() if size else 0
    table["isolate"] = degree == 0
    table["weakly_connected"] = (degree == 1) | ((degree > 0) & (component != giant))
    return table.reset_index(drop=True)


def _igraph(network: ActorNetwork, names: tuple[str, ...]):
    return network.memo(("igraph", names), lambda: to_igraph(network.ties(names)))


def _components(network: ActorNetwork, names: tuple[str, ...]) -> np.ndarray:
    return network.memo(("components", names),
                        lambda: csgraph.connected_components(network.ties(names), directed=False)[1])


def _adjacency(network: ActorNetwork, names: tuple[str, ...]) -> sp.csr_array:
    def binary() -> sp.csr_array:
        adjacency = network.symmetric(names).copy()
        adjacency.data[:] = 1.0
        return adjacency

    return network.memo(("adjacency", names), binary)


def _pivot_distances(network: ActorNetwork, names: tuple[str, ...], pivots: np.ndarray) -> np.ndarray:
    """Steps from each sampled actor to every actor (inf where unreachable)."""
    return network.memo(("distances", names, tuple(pivots)), lambda: np.asarray(
        _igraph(network, names).distances(source=pivots.tolist()), dtype=float))


def _pivots(size: int, ties: int, seed: int, exact_work_limit: int, samples: int) -> np.ndarray | None:
    """Source actors for estimates, or ``None`` when exact computation is affordable."""
    if size * ties <= exact_work_limit or samples >= size:
        return None
    return np.sort(np.random.default_rng(seed).choice(size, size=samples, replace=False))


def _betweenness(graph, pivots: np.ndarray | None) -> np.ndarray:
    size = graph.vcount()
    if size < 3:
        return np.zeros(size)
    if pivots is None:
        raw = np.asarray(graph.betweenness(directed=False), dtype=float)
    else:
        raw = np.asarray(graph.betweenness(directed=False, sources=pivots.tolist()), dtype=float)
        raw *= size / len(pivots)
    return raw * 2.0 / ((size - 1) * (size - 2))


def _closeness(network: ActorNetwork, names: tuple[str, ...], pivots: np.ndarray | None) -> np.ndarray:
    graph = _igraph(network, names)
    size = graph.vcount()
    if size < 2:
        return np.zeros(size)
    component = _components(network, names)
    reach = np.bincount(component)[component]  # size of each actor's component
    if pivots is None:
        within = np.nan_to_num(np.asarray(graph.closeness(normalized=True), dtype=float))
    else:
        # Mean distance to the sampled actors of the same component stands for the mean
        # distance to all of them; components without a sampled actor are computed exactly.
        distances = _pivot_distances(network, names, pivots)
        same = component[pivots][:, None] == component[None, :]
        reached = np.where(same & np.isfinite(distances), distances, 0.0)
        counted = same & (pivots[:, None] != np.arange(size)[None, :])
        with np.errstate(invalid="ignore", divide="ignore"):
            mean = reached.sum(axis=0) / counted.sum(axis=0)
            within = np.where(counted.sum(axis=0) > 0, 1.0 / mean, np.nan)
        unsampled = np.flatnonzero(np.isnan(within) & (reach > 1))
        if len(unsampled):
            within[unsampled] = np.asarray(graph.closeness(vertices=unsampled.tolist(), normalized=True))
        within = np.nan_to_num(within, posinf=0.0)
    return within * (reach - 1) / (size - 1)


def _eigenvector(symmetric: sp.csr_array) -> np.ndarray:
    size = symmetric.shape[0]
    if size == 0 or symmetric.nnz == 0:
        return np.zeros(size)
    if size <= 500:
        _, vectors = np.linalg.eigh(symmetric.toarray())
        vector = vectors[:, -1]
    else:
        from scipy.sparse.linalg import eigsh

        _, vectors = eigsh(symmetric, k=1, which="LA", v0=np.ones(size), tol=1e-10)
        vector = vectors[:, 0]
    vector = np.abs(vector)
    vector[vector < 1e-12] = 0.0
    return vector / np.linalg.norm(vector)


def _codes(values: pd.Series) -> np.ndarray:
    codes, _ = pd.factorize(values, use_na_sentinel=True)
    return codes


def _categories_linked(adjacency: sp.csr_array, categories: np.ndarray, missing: int) -> np.ndarray:
    """How many categories other than its own each actor's neighbours belong to."""
    valid = categories != missing
    size = len(categories)
    if not valid.any():
        return np.zeros(size, dtype=int)
    values, codes = np.unique(categories[valid], return_inverse=True)
    one_hot = sp.csr_array((np.ones(valid.sum()), (np.flatnonzero(valid), codes)), shape=(size, len(values)))
    reached = (adjacency @ one_hot).tocsr()
    reached.data[:] = 1.0
    linked = np.asarray(reached.sum(axis=1)).ravel()
    own = np.zeros(size)
    own_index = np.searchsorted(values, categories[valid])
    own[valid] = np.asarray(reached[np.flatnonzero(valid), own_index]).ravel()
    return (linked - own).astype(int)


def _communities(network: ActorNetwork, names: tuple[str, ...], degree: np.ndarray, seed: int,
                 tie_limit: int) -> np.ndarray:
    """Community number of each actor (1 = largest), 0 for actors without ties."""
    ties = network.ties(names)
    strong = strongest_ties(ties, tie_limit)
    graph = _igraph(network, names) if strong is ties else to_igraph(strong)
    with seeded(seed):
        membership = np.asarray(graph.community_multilevel(weights="weight").membership)
    labels = np.where(np.asarray(graph.degree()) > 0, membership, -1)
    if strong is not ties:
        labels = _attach_weakly_tied(network.symmetric(names), labels)
    labels[degree == 0] = -1
    return _number_by_size(labels, ties.shape[0])


def _attach_weakly_tied(weights: sp.csr_array, labels: np.ndarray) -> np.ndarray:
    """Give actors left out of the strong-tie graph the community their ties weigh most in."""
    labels = labels.copy()
    for _ in range(10):
        unlabelled = np.flatnonzero(labels < 0)
        labelled = np.flatnonzero(labels >= 0)
        if not len(unlabelled) or not len(labelled):
            break
        values, codes = np.unique(labels[labelled], return_inverse=True)
        one_hot = sp.csr_array((np.ones(len(labelled)), (labelled, codes)), shape=(len(labels), len(values)))
        scores = (weights[unlabelled] @ one_hot).toarray()
        reachable = scores.max(axis=1) > 0
        if not reachable.any():
            break
        labels[unlabelled[reachable]] = values[scores[reachable].argmax(axis=1)]
    return labels


def _number_by_size(labels: np.ndarray, size: int) -> np.ndarray:
    """Renumber communities 1, 2, … from the largest (ties: the one with the earliest actor)."""
    numbered = np.zeros(size, dtype=int)
    assigned = labels >= 0
    if not assigned.any():
        return numbered
    values, first, counts = np.unique(labels[assigned], return_index=True, return_counts=True)
    first_actor = np.flatnonzero(assigned)[first]
    order = np.lexsort((first_actor, -counts))
    number_of = {values[i]: rank + 1 for rank, i in enumerate(order)}
    numbered[assigned] = [number_of[value] for value in labels[assigned]]
    return numbered


@dataclass(frozen=True)
class NetworkSummary:
    """Network-level figures (see :func:`network_summary`)."""

    actors: int
    ties: int
    density: float
    components: int
    largest_component: int
    isolates: int
    average_path_length: float
    communities: int
    modularity: float
    cross_type_share: float
    cross_helix_share: float
    brokers: int
    samples: int

    def table(self, lang: str) -> pd.DataFrame:
        """The figures with their fi/en names, formatted for reading."""
        rows = []
        for key, value in asdict(self).items():
            if key.endswith("_share"):
                shown = percent(value, lang, missing="–")
            elif isinstance(value, float):
                shown = number(value, lang, decimals=2)
            else:
                shown = number(value, lang)
            rows.append({tr(TEXTS, "col_indicator", lang): tr(TEXTS, f"ind_{key}", lang),
                         tr(TEXTS, "col_value", lang): shown})
        return pd.DataFrame(rows)


def network_summary(network: ActorNetwork | nx.Graph, metrics: pd.DataFrame, layers=None, *, seed: int = 0,
                    exact_work_limit: int = EXACT_WORK_LIMIT, samples: int = SAMPLES) -> NetworkSummary:
    """Density, components, distances, communities and mixing of the whole network.

    ``metrics`` is the table :func:`actor_metrics` gave for the same network and layers;
    shares of crossing ties count ties, not their weights. The average path length is
    measured in the largest connected group (estimated from ``samples`` actors above the
    same limit as betweenness).

    Examples
    --------
    >>> graph = nx.barbell_graph(4, 1)
    >>> summary = network_summary(graph, actor_metrics(graph))
    >>> summary.ties, summary.components, summary.communities
    (14, 1, 2)
    """
    network = as_network(network)
    names = network.layer_names(layers)
    ties = network.ties(names)
    graph = _igraph(network, names)
    size = len(network.actors)
    component = _components(network, names)
    sizes = np.bincount(component) if size else np.zeros(0, dtype=int)
    giant = np.flatnonzero(component == sizes.argmax()) if size else np.zeros(0, dtype=int)
    pivots = _pivots(size, ties.nnz, seed, exact_work_limit, samples)
    pairs = ties.tocoo()
    types = network.actors["actor_type"].to_numpy(dtype=object)
    helix = network.actors["helix"].to_numpy(dtype=object)
    membership = metrics["community"].fillna(0).to_numpy(dtype=int)
    loners = membership == 0
    membership[loners] = membership.max(initial=0) + 1 + np.arange(loners.sum())
    return NetworkSummary(
        actors=size,
        ties=int(ties.nnz),
        density=float(2 * ties.nnz / (size * (size - 1))) if size > 1 else 0.0,
        components=int(len(sizes)),
        largest_component=int(len(giant)),
        isolates=int((metrics["degree"] == 0).sum()),
        average_path_length=_average_path_length(network, names, giant, pivots),
        communities=int(metrics["community"].nunique()),
        modularity=float(graph.modularity(membership.tolist(), weights="weight")) if ties.nnz else 0.0,
        cross_type_share=float(np.mean(types[pairs.row] != types[pairs.col])) if ties.nnz else float("nan"),
        cross_helix_share=float(np.mean(helix[pairs.row] != helix[pairs.col])) if ties.nnz else float("nan"),
        brokers=int(metrics["broker"].sum()),
        samples=0 if pivots is None else len(pivots),
    )


def _average_path_length(network: ActorNetwork, names: tuple[str, ...], giant: np.ndarray,
                         pivots: np.ndarray | None) -> float:
    if len(giant) < 2:
        return 0.0
    graph = _igraph(network, names)
    if pivots is None:
        return float(graph.induced_subgraph(giant.tolist()).average_path_length(directed=False))
    in_giant = np.isin(pivots, giant)
    if not in_giant.any():  # no sampled actor in the largest group: measure from one of its own
        pivots, in_giant = giant[:1], np.array([True])
    distances = _pivot_distances(network, names, pivots)[in_giant][:, giant]
    return float(distances[distances > 0].mean())


def tie_mixing(network: ActorNetwork | nx.Graph, attribute: str = "helix", layers=None) -> pd.DataFrame:
    """Number of ties between each pair of categories (``helix`` or ``actor_type``).

    A symmetric table: rows and columns are the categories present, in vocabulary order;
    the diagonal counts ties inside a category.

    Examples
    --------
    >>> from workbook.network._examples import tiny_project
    >>> from workbook.network.graphs import build_network
    >>> tie_mixing(build_network(tiny_project())).loc["industry"].to_dict()
    {'industry': 0, 'academia': 1, 'government': 1}
    """
    from workbook import vocab

    network = as_network(network)
    pairs = network.ties(layers).tocoo()
    values = network.actors[attribute].fillna("other" if attribute == "actor_type" else "civil_society")
    order = list(vocab.HELIX if attribute == "helix" else vocab.ACTOR_TYPES)
    present = [c for c in order if c in set(values)] + sorted(set(values) - set(order))
    codes = pd.Categorical(values, categories=present).codes
    counts = np.zeros((len(present), len(present)), dtype=int)
    np.add.at(counts, (codes[pairs.row], codes[pairs.col]), 1)
    symmetric = counts + counts.T - np.diag(np.diag(counts))
    return pd.DataFrame(symmetric, index=present, columns=present)


def community_profiles(metrics: pd.DataFrame, lang: str, top: int = 3,
                       sub_region_names: Mapping[str, str] | None = None) -> pd.DataFrame:
    """What each community is made of: size, main kinds of organisation and areas, leading actors.

    Returns one row per community: ``community``, ``actors``, ``main_types`` (the most
    common actor types, with counts), ``main_sub_regions`` (named through
    ``sub_region_names`` if given) and ``leading_actors`` (highest weighted degree), each a
    short text in ``lang``.

    Examples
    --------
    >>> table = community_profiles(actor_metrics(nx.barbell_graph(4, 1)), "en")
    >>> table[["community", "actors"]].values.tolist()
    [[1, 5], [2, 4]]
    """
    rows = []
    grouped = metrics.dropna(subset=["community"]).groupby("community", sort=True)
    for community, members in grouped:
        types = members["actor_type"].dropna().value_counts().head(top)
        regions = members["sub_region"].dropna().value_counts().head(top)
        leaders = members.sort_values(["weighted_degree", "actor_id"], ascending=[False, True]).head(top)
        rows.append({
            "community": int(community),
            "actors": len(members),
            "main_types": ", ".join(f"{label(ACTOR_TYPES, t, lang)} {c}" for t, c in types.items()),
            "main_sub_regions": ", ".join(f"{(sub_region_names or {}).get(r, r)} {c}" for r, c in regions.items()),
            "leading_actors": name_list(leaders["name"].astype(str).tolist(), lang),
        })
    return pd.DataFrame(rows, columns=["community", "actors", "main_types", "main_sub_regions", "leading_actors"])


def network_findings(summary: NetworkSummary, metrics: pd.DataFrame, lang: str, top: int = 5) -> list[str]:
    """Plain-language sentences on the network's shape, isolates, brokers, communities and mixing.

    Examples
    --------
    >>> graph = nx.barbell_graph(4, 1)
    >>> metrics = actor_metrics(graph)
    >>> network_findings(network_summary(graph, metrics), metrics, "en")[0]
    'The network has 9 organisations and 14 ties; 100% of the organisations belong to its largest connected group.'
    """
    share = summary.largest_component / summary.actors if summary.actors else 0.0
    sentences = [tr(TEXTS, "overview", lang, actors=number(summary.actors, lang), ties=number(summary.ties, lang),
                    giant=percent(share, lang, missing="–"))]
    isolates = metrics[metrics["isolate"]]
    if len(isolates):
        sentences.append(tr(TEXTS, "isolates", lang, count=number(len(isolates), lang),
                            names=name_list(isolates["name"].astype(str).tolist(), lang, limit=top)))
    else:
        sentences.append(tr(TEXTS, "no_isolates", lang))
    weak = int(metrics["weakly_connected"].sum())
    if weak:
        sentences.append(tr(TEXTS, "weak", lang, count=number(weak, lang)))
    brokers = metrics[metrics["broker"]].sort_values(["betweenness", "actor_id"], ascending=[False, True])
    if len(brokers):
        sentences.append(tr(TEXTS, "brokers", lang, names=name_list(brokers["name"].astype(str).tolist(), lang,
                                                                    limit=top)))
    else:
        sentences.append(tr(TEXTS, "no_brokers", lang))
    if summary.communities:
        largest = int(metrics["community"].value_counts().max())
        sentences.append(tr(TEXTS, "communities", lang, count=number(summary.communities, lang),
                            modularity=number(summary.modularity, lang, decimals=2),
                            largest=number(largest, lang)))
    if summary.ties:
        sentences.append(tr(TEXTS, "mixing", lang, types=percent(summary.cross_type_share, lang, missing="–"),
                            helix=percent(summary.cross_helix_share, lang, missing="–")))
    if summary.samples:
        sentences.append(tr(TEXTS, "estimated", lang, samples=number(summary.samples, lang)))
    return sentences
