"""Where each actor sits on the map: a seeded force-directed layout computed in Python.

The browser then only draws (physics off), which takes a fraction of a second even for
thousands of actors; the same seed gives the same picture every time.

Participation networks are dense (everyone in a workshop is tied to everyone else), and a
force layout of every tie is a round hairball. The layout therefore pulls only along each
actor's strongest ties (its *backbone*), and ties inside the same group (e.g. community)
pull harder, so communities appear as lobes of the map. All ties are still drawn.
"""

from __future__ import annotations

import math
from typing import Mapping

import networkx as nx
import numpy as np

from workbook.network.igraph_tools import seeded

# Pixels per actor-width of space: the drawing spans about SPREAD * sqrt(actors) pixels.
SPREAD = 60.0
# Each actor's strongest ties that shape the layout.
BACKBONE_TIES = 8
# How much harder a tie inside a group pulls than a tie between groups.
GROUP_PULL = 4.0


def backbone_edges(graph: nx.Graph, per_actor: int = BACKBONE_TIES) -> list[tuple[object, object, float]]:
    """Each actor's ``per_actor`` strongest ties (ties among equals by node order), merged.

    Examples
    --------
    >>> star = nx.star_graph(3)
    >>> star.add_edge(1, 2, weight=5)
    >>> sorted((u, v) for u, v, _ in backbone_edges(star, per_actor=1))
    [(0, 1), (0, 3), (1, 2)]
    """
    order = {node: i for i, node in enumerate(graph.nodes)}
    chosen: dict[tuple[object, object], float] = {}
    for node in graph.nodes:
        ties = sorted(graph[node].items(), key=lambda item: (-float(item[1].get("weight", 1.0)), order[item[0]]))
        for other, data in ties[:per_actor]:
            key = (node, other) if order[node] < order[other] else (other, node)
            chosen[key] = float(data.get("weight", 1.0))
    return [(u, v, w) for (u, v), w in sorted(chosen.items(), key=lambda item: (order[item[0][0]], order[item[0][1]]))]


def layout_positions(graph: nx.Graph, seed: int = 0, groups: Mapping[object, object] | None = None,
                     iterations: int = 500) -> dict[object, tuple[float, float]]:
    """Fruchterman–Reingold positions (igraph) along the backbone, in pixels, rounded to 0.1.

    Parameters
    ----------
    graph
        Actors and weighted ties.
    seed
        Seed of the starting positions and of igraph's generator.
    groups
        Optional group of each node (e.g. its community); ties inside a group pull
        :data:`GROUP_PULL` times harder. ``None`` values belong to no group.
    iterations
        Fruchterman–Reingold iterations.

    Actors without ties are placed on a ring around the drawing instead of drifting off.

    Examples
    --------
    >>> positions = layout_positions(nx.path_graph(3), seed=1)
    >>> positions == layout_positions(nx.path_graph(3), seed=1), len(positions)
    (True, 3)
    """
    import igraph

    nodes = list(graph.nodes)
    if not nodes:
        return {}
    tied = [node for node in nodes if graph.degree(node) > 0]
    lonely = [node for node in nodes if graph.degree(node) == 0]
    coordinates: dict[object, tuple[float, float]] = {}
    reach = SPREAD * math.sqrt(len(nodes)) / 2
    if tied:
        index = {node: i for i, node in enumerate(tied)}
        edges = backbone_edges(graph)
        groups = groups or {}
        pulls = [(1.0 + math.log(max(w, 1.0))) *
                 (GROUP_PULL if groups.get(u) is not None and groups.get(u) == groups.get(v) else 1.0)
                 for u, v, w in edges]
        layout_graph = igraph.Graph(n=len(tied), edges=[(index[u], index[v]) for u, v, _ in edges])
        start = np.random.default_rng(seed).uniform(-1, 1, size=(len(tied), 2)) * math.sqrt(len(tied))
        with seeded(seed):
            placed = np.asarray(layout_graph.layout_fruchterman_reingold(
                weights=pulls, niter=iterations, seed=start.tolist(), grid="auto").coords)
        placed -= np.median(placed, axis=0)
        # Scale by the 98th percentile so that one far-flung actor does not shrink the rest.
        extent = float(np.percentile(np.abs(placed), 98)) or 1.0
        placed *= reach / extent
        reach = max(reach, float(np.hypot(placed[:, 0], placed[:, 1]).max()))
        coordinates.update({node: tuple(placed[index[node]]) for node in tied})
    ring = reach * 1.1
    for k, node in enumerate(lonely):
        angle = 2 * math.pi * k / len(lonely) + math.pi / 4
        coordinates[node] = (ring * math.cos(angle), ring * math.sin(angle))
    return {node: (round(float(coordinates[node][0]), 1), round(float(coordinates[node][1]), 1)) for node in nodes}
