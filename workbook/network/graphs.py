"""Ties between the actors of a project, layer by layer.

A *layer* is one reason two organisations are tied:

``participation``
    they took part in the same activities (weight = number of shared activities). Only
    workshops, sprints and interviews count by default: people who answer the same survey
    or watch the same webinar do not meet each other.
``partnership``
    they work on the same actions, as owner and partner or as two partners (weight =
    number of shared actions).
``cluster``
    they belong to (or coordinate) the same cluster (weight = number of shared clusters).
``relation``
    the project's explicit ``relations`` table (weight = the given strength, 1 if blank).

Layers are held as sparse upper-triangular matrices in an :class:`ActorNetwork`, so a
projection of ten thousand actors costs a sparse product instead of millions of Python
objects; :meth:`ActorNetwork.to_networkx` gives the familiar ``networkx`` graph, in which
every node keeps the actor's attributes and every edge its layers and weights.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Collection, Iterable, Mapping

import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp

from workbook.vocab import Labels

LAYERS: tuple[str, ...] = ("participation", "partnership", "cluster", "relation")

LAYER_LABELS: Labels = {
    "participation": {"fi": "Yhteiset tilaisuudet", "en": "Shared activities"},
    "partnership": {"fi": "Yhteiset toimenpiteet", "en": "Shared actions"},
    "cluster": {"fi": "Sama klusteri", "en": "Same cluster"},
    "relation": {"fi": "Suora yhteys", "en": "Explicit relation"},
}

# Activity kinds whose participants work together; survey respondents and webinar audiences do not.
MEETING_KINDS: tuple[str, ...] = ("workshop", "sprint", "interview")

# Node attributes every actor carries (besides its id, which is the node key).
NODE_ATTRIBUTES: tuple[str, ...] = (
    "name", "actor_type", "helix", "municipality", "sub_region", "size_class", "clusters", "focus_areas",
)

ENGAGEMENT_SOURCES: tuple[str, ...] = ("activity", "action", "input")


def engagement(project) -> pd.DataFrame:
    """Which actor engaged in which focus area, and how.

    An actor engages in a focus area by taking part in an activity about it, by owning or
    partnering in an action for it, or by raising an input about it.

    Returns
    -------
    DataFrame
        Columns ``actor_id``, ``focus_area_id``, ``via`` (``activity``, ``action`` or
        ``input``); one row per distinct triple, sorted.

    Examples
    --------
    >>> from workbook.network._examples import tiny_project
    >>> engagement(tiny_project()).query("actor_id == 'A2'").via.tolist()
    ['action', 'activity', 'input']
    """
    by_activity = project.participation[["actor_id", "activity_id"]].merge(
        project.activity_focus_areas, on="activity_id")[["actor_id", "focus_area_id"]]
    owners = project.actions[["action_id", "owner_actor_id"]].dropna().rename(
        columns={"owner_actor_id": "actor_id"})
    action_actors = pd.concat([owners, project.action_partners[["action_id", "actor_id"]]])
    by_action = action_actors.merge(project.action_focus_areas, on="action_id")[["actor_id", "focus_area_id"]]
    inputs = project.inputs[["input_id", "actor_id"]].dropna()
    by_input = inputs.merge(project.input_focus_areas, on="input_id")[["actor_id", "focus_area_id"]]
    frames = [frame.assign(via=via) for frame, via in
              zip((by_activity, by_action, by_input), ENGAGEMENT_SOURCES)]
    table = pd.concat(frames, ignore_index=True).drop_duplicates()
    return table.sort_values(["actor_id", "focus_area_id", "via"], ignore_index=True).astype(object)


def actor_table(project) -> pd.DataFrame:
    """One row per actor with the attributes every network node carries.

    ``clusters`` holds the clusters an actor belongs to or coordinates; ``focus_areas``
    those it engaged in (see :func:`engagement`), both as tuples in the project's order.

    Examples
    --------
    >>> from workbook.network._examples import tiny_project
    >>> actor_table(tiny_project()).set_index("actor_id").loc["A1", "clusters"]
    ('CL1',)
    """
    actors = project.actors
    coordinated = project.clusters[["cluster_id", "coordinator_actor_id"]].dropna().rename(
        columns={"coordinator_actor_id": "actor_id"})
    memberships = pd.concat([project.actor_clusters, coordinated])
    engaged = engagement(project)
    table = actors[["actor_id"] + [c for c in NODE_ATTRIBUTES if c not in ("clusters", "focus_areas")]].copy()
    table["clusters"] = _ordered_tuples(actors["actor_id"], memberships, "cluster_id",
                                        project.clusters["cluster_id"])
    table["focus_areas"] = _ordered_tuples(actors["actor_id"], engaged, "focus_area_id",
                                           project.focus_areas["focus_area_id"])
    return table[["actor_id", *NODE_ATTRIBUTES]].reset_index(drop=True).astype(object)


def _ordered_tuples(actor_ids: pd.Series, pairs: pd.DataFrame, column: str, order: pd.Series) -> list[tuple]:
    rank = pd.Series(range(len(order)), index=order.to_numpy())
    ordered = pairs.drop_duplicates(["actor_id", column]).assign(_rank=lambda t: t[column].map(rank))
    grouped = ordered.sort_values(["actor_id", "_rank"]).groupby("actor_id", sort=False)[column].agg(tuple)
    return [grouped.get(actor_id, ()) for actor_id in actor_ids]


def membership_matrix(actor_ids: pd.Index, members: pd.Series, groups: pd.Series) -> sp.csr_array:
    """Binary actors × groups matrix from (member, group) pairs; unknown actors are dropped.

    Examples
    --------
    >>> m = membership_matrix(pd.Index(["A", "B"]), pd.Series(["A", "B", "B"]), pd.Series(["g1", "g1", "g1"]))
    >>> m.toarray().tolist()
    [[1.0], [1.0]]
    """
    rows = actor_ids.get_indexer(members)
    group_index = pd.Index(pd.unique(groups))
    columns = group_index.get_indexer(groups)
    known = rows >= 0
    matrix = sp.csr_array((np.ones(known.sum()), (rows[known], columns[known])),
                          shape=(len(actor_ids), len(group_index)))
    matrix.sum_duplicates()
    matrix.data[:] = 1.0
    return matrix


def co_membership(memberships: sp.csr_array) -> sp.csr_array:
    """Upper-triangular actor × actor counts of shared groups: ``triu(M Mᵀ, 1)``.

    This is the weighted one-mode projection of a bipartite graph, computed as one sparse
    product instead of a walk over every pair of co-members.

    Examples
    --------
    >>> m = sp.csr_array(np.array([[1.0, 1.0], [1.0, 1.0], [0.0, 1.0]]))
    >>> co_membership(m).toarray().tolist()
    [[0.0, 2.0, 1.0], [0.0, 0.0, 1.0], [0.0, 0.0, 0.0]]
    """
    shared = (memberships @ memberships.T).tocoo()
    upper = shared.row < shared.col
    return sp.csr_array((shared.data[upper].astype(np.float64), (shared.row[upper], shared.col[upper])),
                        shape=shared.shape)


def participation_matrix(project, kinds: Collection[str] | None = MEETING_KINDS) -> tuple[sp.csr_array, pd.Index]:
    """Binary actors × activities matrix (rows in the order of ``project.actors``).

    Parameters
    ----------
    kinds
        Activity kinds to include; ``None`` includes every kind.

    Returns
    -------
    (matrix, activity_ids)

    Examples
    --------
    >>> from workbook.network._examples import tiny_project
    >>> matrix, activities = participation_matrix(tiny_project())
    >>> matrix.shape, list(activities)
    ((3, 2), ['W1', 'W2'])
    """
    activities = project.activities
    if kinds is not None:
        activities = activities[activities["kind"].isin(kinds)]
    activity_ids = pd.Index(activities["activity_id"])
    taking_part = project.participation[project.participation["activity_id"].isin(activity_ids)]
    actor_ids = pd.Index(project.actors["actor_id"])
    rows = actor_ids.get_indexer(taking_part["actor_id"])
    columns = activity_ids.get_indexer(taking_part["activity_id"])
    matrix = sp.csr_array((np.ones(len(rows)), (rows, columns)), shape=(len(actor_ids), len(activity_ids)))
    matrix.sum_duplicates()
    matrix.data[:] = 1.0
    return matrix, activity_ids


def _layer(project, layer: str, kinds: Collection[str] | None) -> sp.csr_array:
    actor_ids = pd.Index(project.actors["actor_id"])
    if layer == "participation":
        return co_membership(participation_matrix(project, kinds)[0])
    if layer == "partnership":
        owners = project.actions[["action_id", "owner_actor_id"]].dropna()
        members = pd.concat([owners["owner_actor_id"], project.action_partners["actor_id"]])
        actions = pd.concat([owners["action_id"], project.action_partners["action_id"]])
        return co_membership(membership_matrix(actor_ids, members, actions))
    if layer == "cluster":
        coordinators = project.clusters[["cluster_id", "coordinator_actor_id"]].dropna()
        members = pd.concat([project.actor_clusters["actor_id"], coordinators["coordinator_actor_id"]])
        clusters = pd.concat([project.actor_clusters["cluster_id"], coordinators["cluster_id"]])
        return co_membership(membership_matrix(actor_ids, members, clusters))
    if layer == "relation":
        relations = project.relations
        return upper_ties(actor_ids.get_indexer(relations["source_actor_id"]),
                          actor_ids.get_indexer(relations["target_actor_id"]),
                          relations["weight"].fillna(1.0).to_numpy(dtype=float), len(actor_ids))
    raise ValueError(f"unknown layer {layer!r}; choose from {', '.join(LAYERS)}")


def upper_ties(sources: np.ndarray, targets: np.ndarray, weights: np.ndarray, size: int) -> sp.csr_array:
    """Undirected weighted ties as an upper-triangular matrix; repeated ties add up, loops go.

    Examples
    --------
    >>> upper_ties(np.array([1, 0, 2]), np.array([0, 1, 2]), np.array([1.0, 2.0, 5.0]), 3).toarray()[0, 1]
    np.float64(3.0)
    """
    sources, targets = np.asarray(sources), np.asarray(targets)
    keep = (sources != targets) & (sources >= 0) & (targets >= 0)
    low = np.minimum(sources, targets)[keep]
    high = np.maximum(sources, targets)[keep]
    matrix = sp.csr_array((np.asarray(weights, dtype=float)[keep], (low, high)), shape=(size, size))
    matrix.sum_duplicates()
    return matrix


def strongest_ties(ties: sp.csr_array, limit: int, fill: bool = False, seed: int = 0) -> sp.csr_array:
    """Keep the strongest ties, at most ``limit`` of them.

    Ties are kept from a weight threshold up. Without ``fill``, equally strong ties are kept
    or dropped together (if even the strongest class holds more than ``limit`` ties, that
    whole class is kept), so no tie is preferred to an equally strong one. With ``fill``,
    exactly ``limit`` ties are kept: those above the threshold and a seeded random sample
    of the ties at it (for drawing, where thousands of equal ties must not all vanish).

    Examples
    --------
    >>> ties = upper_ties(np.array([0, 0, 1]), np.array([1, 2, 2]), np.array([3.0, 1.0, 1.0]), 3)
    >>> strongest_ties(ties, 2).nnz, strongest_ties(ties, 3).nnz, strongest_ties(ties, 2, fill=True).nnz
    (1, 3, 2)
    """
    if ties.nnz <= limit:
        return ties
    weights = np.sort(ties.data)[::-1]
    threshold = weights[limit]
    strong = ties.copy()
    keep = strong.data > threshold
    if fill:
        boundary = np.flatnonzero(strong.data == threshold)
        chosen = np.random.default_rng(seed).choice(boundary, size=limit - keep.sum(), replace=False)
        keep[chosen] = True
    elif not keep.any():
        keep = strong.data == weights[0]  # keep the whole strongest class
    strong.data[~keep] = 0.0
    strong.eliminate_zeros()
    return strong


@dataclass(frozen=True)
class ActorNetwork:
    """Actors and their ties, one sparse upper-triangular weight matrix per layer.

    Attributes
    ----------
    actors
        One row per actor (``actor_id`` and :data:`NODE_ATTRIBUTES`); row ``i`` is matrix
        index ``i``.
    layers
        Layer name -> ``n × n`` upper-triangular ``scipy.sparse.csr_array`` of weights.
    """

    actors: pd.DataFrame
    layers: Mapping[str, sp.csr_array]
    _cache: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def actor_ids(self) -> pd.Index:
        return pd.Index(self.actors["actor_id"])

    def layer_names(self, layers: Iterable[str] | None = None) -> tuple[str, ...]:
        """The requested layers that this network holds, in :data:`LAYERS` order."""
        wanted = set(self.layers if layers is None else layers)
        unknown = wanted - set(self.layers)
        if unknown:
            raise ValueError(f"the network has no layer {', '.join(sorted(unknown))}; "
                             f"it has {', '.join(self.layers)}")
        order = [name for name in LAYERS if name in wanted] + sorted(wanted - set(LAYERS))
        return tuple(order)

    def memo(self, key: tuple, compute):
        """``compute()`` once per key: structures derived from the (immutable) ties are
        shared by metrics, summary and gaps instead of being rebuilt."""
        if key not in self._cache:
            self._cache[key] = compute()
        return self._cache[key]

    def ties(self, layers: Iterable[str] | None = None) -> sp.csr_array:
        """Upper-triangular weights of the chosen layers added together (shared: do not modify)."""
        names = self.layer_names(layers)

        def add_up() -> sp.csr_array:
            total = sp.csr_array((len(self.actors), len(self.actors)), dtype=np.float64)
            for name in names:
                total = total + self.layers[name]
            total.sum_duplicates()
            total.eliminate_zeros()
            return total

        return self.memo(("ties", names), add_up)

    def symmetric(self, layers: Iterable[str] | None = None) -> sp.csr_array:
        """The chosen ties as a full symmetric weight matrix (shared: do not modify)."""
        names = self.layer_names(layers)
        return self.memo(("symmetric", names), lambda: (self.ties(names) + self.ties(names).T).tocsr())

    def tie_table(self, layers: Iterable[str] | None = None, max_ties: int | None = None) -> pd.DataFrame:
        """One row per tie: ``source``, ``target``, ``weight``, ``layers`` and ``weight_<layer>``.

        ``max_ties`` keeps only the strongest ties (see :func:`strongest_ties`; ties of
        equal weight at the cut are sampled with a fixed seed).
        """
        names = self.layer_names(layers)
        combined = self.ties(names)
        if max_ties is not None:
            combined = strongest_ties(combined, max_ties, fill=True)
        pairs = combined.tocoo()
        order = np.lexsort((pairs.col, pairs.row))
        rows, cols = pairs.row[order], pairs.col[order]
        ids = self.actor_ids.to_numpy(dtype=object)
        table = pd.DataFrame({"source": ids[rows], "target": ids[cols], "weight": pairs.data[order]})
        per_layer = {name: np.asarray(self.layers[name][rows, cols], dtype=float).ravel() if len(rows)
                     else np.zeros(0) for name in names}
        present = np.column_stack([per_layer[name] > 0 for name in names]) if names else np.zeros((len(rows), 0))
        table["layers"] = [tuple(n for n, p in zip(names, flags) if p) for flags in present]
        for name in names:
            table[f"weight_{name}"] = per_layer[name]
        return table

    def to_networkx(self, layers: Iterable[str] | None = None, max_ties: int | None = None) -> nx.Graph:
        """The network as an undirected ``networkx`` graph keyed by actor id.

        Every actor is a node (also those with no tie) with :data:`NODE_ATTRIBUTES`; every
        edge has ``weight``, ``layers`` (tuple) and ``weight_<layer>`` for its layers.
        """
        graph = nx.Graph()
        for record in self.actors.to_dict("records"):
            actor_id = record.pop("actor_id")
            graph.add_node(actor_id, **{k: _none_if_missing(v) for k, v in record.items()})
        table = self.tie_table(layers, max_ties)
        weight_columns = [c for c in table.columns if c.startswith("weight_")]
        for row in table.itertuples(index=False):
            attributes = {"weight": float(row.weight), "layers": row.layers}
            attributes.update({c: float(getattr(row, c)) for c in weight_columns if getattr(row, c) > 0})
            graph.add_edge(row.source, row.target, **attributes)
        return graph

    @classmethod
    def from_networkx(cls, graph: nx.Graph) -> "ActorNetwork":
        """An ``ActorNetwork`` from an undirected graph.

        Node keys become actor ids; missing node attributes are ``None`` (``name`` defaults
        to the key). An edge's ``layers`` attribute names its layers (default
        ``("relation",)``); each layer gets the edge's ``weight_<layer>``, or else its
        whole ``weight`` (default 1) goes to its first layer.

        Examples
        --------
        >>> network = ActorNetwork.from_networkx(nx.path_graph(["a", "b", "c"]))
        >>> network.ties().toarray().sum(), list(network.layers)
        (np.float64(2.0), ['relation'])
        """
        if graph.is_directed() or graph.is_multigraph():
            raise ValueError("an actor network is an undirected simple graph")
        ids = list(graph.nodes)
        rows = []
        for node, data in graph.nodes(data=True):
            row = {"actor_id": node}
            row.update({name: data.get(name) for name in NODE_ATTRIBUTES})
            row["name"] = row["name"] if row["name"] is not None else str(node)
            for name in ("clusters", "focus_areas"):
                row[name] = tuple(row[name] or ())
            rows.append(row)
        actors = pd.DataFrame(rows, columns=["actor_id", *NODE_ATTRIBUTES]).astype(object)
        position = {node: i for i, node in enumerate(ids)}
        triples: dict[str, tuple[list[int], list[int], list[float]]] = {}
        for u, v, data in graph.edges(data=True):
            names = tuple(data.get("layers") or ("relation",))
            for index, name in enumerate(names):
                weight = data.get(f"weight_{name}", data.get("weight", 1.0) if index == 0 else 0.0)
                if weight:
                    sources, targets, weights = triples.setdefault(name, ([], [], []))
                    sources.append(position[u])
                    targets.append(position[v])
                    weights.append(float(weight))
        layers = {name: upper_ties(np.array(s, dtype=int), np.array(t, dtype=int), np.array(w), len(ids))
                  for name, (s, t, w) in triples.items()}
        if not layers:
            layers = {"relation": sp.csr_array((len(ids), len(ids)), dtype=np.float64)}
        ordered = {name: layers[name] for name in cls(actors, layers).layer_names()}
        return cls(actors, ordered)


def _none_if_missing(value: object) -> object:
    if isinstance(value, (tuple, list)):
        return tuple(value)
    return None if value is None or pd.isna(value) else value


def build_network(project, layers: Iterable[str] = LAYERS,
                  kinds: Collection[str] | None = MEETING_KINDS) -> ActorNetwork:
    """Every requested layer of ties between the project's actors.

    Parameters
    ----------
    project
        A loaded :class:`workbook.Project`.
    layers
        Layer names from :data:`LAYERS`.
    kinds
        Activity kinds whose participants count as meeting (participation layer); ``None``
        counts every kind, surveys included.

    Examples
    --------
    >>> from workbook.network._examples import tiny_project
    >>> network = build_network(tiny_project())
    >>> network.tie_table()[["source", "target", "weight", "layers"]].values.tolist()
    [['A1', 'A2', 3.0, ('participation', 'partnership', 'cluster')], ['A2', 'A3', 2.0, ('participation', 'relation')]]
    """
    names = tuple(layers)
    unknown = [name for name in names if name not in LAYERS]
    if unknown:
        raise ValueError(f"unknown layer {', '.join(unknown)}; choose from {', '.join(LAYERS)}")
    matrices = {name: _layer(project, name, kinds) for name in LAYERS if name in names}
    return ActorNetwork(actor_table(project), matrices)


def build_participation(project, kinds: Collection[str] | None = MEETING_KINDS) -> nx.Graph:
    """Actors tied by shared activities (weight = number of activities both took part in).

    Examples
    --------
    >>> from workbook.network._examples import tiny_project
    >>> build_participation(tiny_project()).edges["A1", "A2"]["weight"]
    1.0
    """
    return build_network(project, ("participation",), kinds).to_networkx()


def build_partnerships(project) -> nx.Graph:
    """Actors tied by shared actions: owner–partner and partner–partner.

    Examples
    --------
    >>> from workbook.network._examples import tiny_project
    >>> sorted(build_partnerships(tiny_project()).edges)
    [('A1', 'A2')]
    """
    return build_network(project, ("partnership",)).to_networkx()


def build_cluster_ties(project) -> nx.Graph:
    """Actors tied by belonging to (or coordinating) the same cluster.

    Examples
    --------
    >>> from workbook.network._examples import tiny_project
    >>> build_cluster_ties(tiny_project()).number_of_edges()
    1
    """
    return build_network(project, ("cluster",)).to_networkx()


def build_relations(project) -> nx.Graph:
    """Actors tied by the project's explicit ``relations`` table.

    Examples
    --------
    >>> from workbook.network._examples import tiny_project
    >>> build_relations(tiny_project()).edges["A2", "A3"]["weight"]
    1.0
    """
    return build_network(project, ("relation",)).to_networkx()


def build_bipartite(project, kinds: Collection[str] | None = None) -> nx.Graph:
    """The two-mode graph of actors and the activities they took part in.

    Actor nodes are keyed by actor id (``bipartite=0``); activity nodes by
    ``"activity:<id>"`` (``bipartite=1``; ids cannot contain ``:``, so keys never clash).

    Examples
    --------
    >>> from workbook.network._examples import tiny_project
    >>> sorted(build_bipartite(tiny_project()).neighbors("activity:W2"))
    ['A2', 'A3']
    """
    matrix, activity_ids = participation_matrix(project, kinds)
    graph = nx.Graph()
    for record in actor_table(project).to_dict("records"):
        actor_id = record.pop("actor_id")
        graph.add_node(actor_id, bipartite=0, **{k: _none_if_missing(v) for k, v in record.items()})
    activities = project.activities.set_index("activity_id")
    for activity_id in activity_ids:
        graph.add_node(f"activity:{activity_id}", bipartite=1, kind=activities.at[activity_id, "kind"],
                       title=activities.at[activity_id, "title"])
    pairs = matrix.tocoo()
    actor_ids = project.actors["actor_id"].to_numpy(dtype=object)
    graph.add_edges_from((actor_ids[i], f"activity:{activity_ids[j]}") for i, j in zip(pairs.row, pairs.col))
    return graph


def combine_layers(graphs: Iterable[nx.Graph]) -> nx.Graph:
    """Overlay layer graphs: ties present in several layers add their weights.

    Nodes keep the attributes they have in any graph; an edge's ``layers`` is the union of
    its layers (in :data:`LAYERS` order), ``weight`` the sum of its weights, and each
    ``weight_<layer>`` is kept.

    Examples
    --------
    >>> from workbook.network._examples import tiny_project
    >>> project = tiny_project()
    >>> both = combine_layers([build_participation(project), build_relations(project)])
    >>> both.edges["A2", "A3"]["layers"], both.edges["A2", "A3"]["weight"]
    (('participation', 'relation'), 2.0)
    """
    combined = nx.Graph()
    rank = {name: i for i, name in enumerate(LAYERS)}
    for graph in graphs:
        for node, data in graph.nodes(data=True):
            combined.add_node(node, **data)
        for u, v, data in graph.edges(data=True):
            names = tuple(data.get("layers") or ("relation",))
            if combined.has_edge(u, v):
                current = combined.edges[u, v]
                current["weight"] += data.get("weight", 1.0)
                current["layers"] = tuple(sorted(set(current["layers"]) | set(names),
                                                 key=lambda n: (rank.get(n, len(rank)), n)))
                for name in names:
                    key = f"weight_{name}"
                    if key in data:
                        current[key] = current.get(key, 0.0) + data[key]
            else:
                combined.add_edge(u, v, **{**data, "layers": names, "weight": data.get("weight", 1.0)})
    return combined
