"""Where each actor sits on the map: a seeded, community-aware force layout computed in Python.

The browser then only draws (physics off), which takes a fraction of a second even for
thousands of actors; the same seed gives the same picture every time.

How the map is built (all in *layout units*: one unit is about the distance between
neighbouring actors, :data:`UNIT` pixels in the coordinates handed to vis.js):

1. each connected component is laid out on its own by igraph's Fruchterman–Reingold,
   pulling only along each actor's strongest ties (its *backbone*: participation
   networks are dense, and a force layout of every tie is a round hairball); ties inside
   the same community pull :data:`GROUP_PULL` times harder and every community starts
   from its own place, so communities appear as lobes of the map;
2. the component is scaled so that neighbouring actors sit about one unit apart, actors
   are pushed apart until no two circles overlap (radii from :func:`node_radii`), and it
   is turned so that its long side lies horizontally (maps are read on landscape screens);
3. components are packed side by side in rows, largest first, into a landscape box;
4. actors without ties are set apart under the network in a tidy grid sorted by name —
   they are a finding, not decoration.

All ties are still drawn by the view.
"""

from __future__ import annotations

import math
from typing import Mapping

import networkx as nx
import numpy as np

from workbook.network.igraph_tools import seeded

# Pixels per layout unit in the coordinates handed to the browser (and to GEXF).
UNIT = 40.0
# Radius of the smallest and the largest circle, in layout units (see node_radii).
NODE_RADIUS = (0.14, 0.34)
# Free space kept between two circles, in layout units.
GAP = 0.12
# Width : height of the box the components are packed into.
ASPECT = 1.5
# A round component is stretched sideways at most this much towards ASPECT.
MAX_WIDEN = 1.5
# Components larger than this are laid out community by community (see _two_level_layout).
TWO_LEVEL_FROM = 1000
# Each actor's strongest ties that shape the layout.
BACKBONE_TIES = 8
# How much harder a tie inside a group pulls than a tie between groups.
GROUP_PULL = 4.0
# Space around each packed component, and between the network and the actors without ties.
COMPONENT_PAD = 1.6
# Columns and rows of the grid of actors without ties, in layout units.
LONELY_COLUMN, LONELY_ROW = 3.2, 1.0


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


def node_radii(values, low: float = NODE_RADIUS[0], high: float = NODE_RADIUS[1]) -> np.ndarray:
    """Circle radii in layout units: area grows with the value (0 → ``low``, the largest → ``high``).

    The page's script sizes circles with the same rule, so the layout leaves them room.

    Examples
    --------
    >>> node_radii([0.0, 1.0, 4.0]).round(3).tolist()
    [0.14, 0.24, 0.34]
    >>> node_radii([0.0, 0.0]).tolist()
    [0.14, 0.14]
    """
    values = np.clip(np.nan_to_num(np.asarray(values, dtype=float)), 0.0, None)
    top = values.max() if values.size else 0.0
    if top <= 0:
        return np.full(values.shape, low)
    return low + (high - low) * np.sqrt(values / top)


def remove_overlaps(xy: np.ndarray, radii: np.ndarray, gap: float = GAP, rounds: int = 80) -> np.ndarray:
    """Push circles apart until no two overlap (``gap`` left between them), moving each as little as it can.

    Examples
    --------
    >>> apart = remove_overlaps(np.array([[0.0, 0.0], [0.1, 0.0]]), np.array([0.3, 0.3]))
    >>> round(float(np.hypot(*(apart[1] - apart[0]))), 2) >= 0.72
    True
    """
    from scipy.spatial import cKDTree

    xy = np.array(xy, dtype=float)
    if len(xy) < 2:
        return xy
    reach = 2 * float(radii.max()) + gap
    for _ in range(rounds):
        pairs = cKDTree(xy).query_pairs(reach, output_type="ndarray")
        if not len(pairs):
            break
        i, j = pairs[:, 0], pairs[:, 1]
        delta = xy[j] - xy[i]
        distance = np.hypot(delta[:, 0], delta[:, 1])
        need = radii[i] + radii[j] + gap
        short = distance < need - 1e-9
        if not short.any():
            break
        i, j, delta, distance, need = i[short], j[short], delta[short], distance[short], need[short]
        same = distance < 1e-9  # coincident: part them along a fixed direction per pair
        angle = (i[same] * 2.399963 + j[same]) % (2 * math.pi)
        delta[same] = np.column_stack([np.cos(angle), np.sin(angle)])
        distance[same] = 1.0
        push = (delta / distance[:, None]) * ((need - np.where(same, 0.0, distance[:]))[:, None] / 2 * 1.02)
        moves = np.zeros_like(xy)
        np.add.at(moves, i, -push)
        np.add.at(moves, j, push)
        xy += moves
    return xy


def _orient(xy: np.ndarray) -> np.ndarray:
    """Centre the points and turn them so that their long side is horizontal (signs fixed)."""
    xy = xy - xy.mean(axis=0)
    if len(xy) > 2:
        _, vectors = np.linalg.eigh(np.cov(xy.T))
        xy = xy @ vectors[:, ::-1]
    for axis in (0, 1):
        if float((xy[:, axis] ** 3).sum()) < 0:
            xy[:, axis] = -xy[:, axis]
    return xy


def _component_layout(graph: nx.Graph, members: list, groups: Mapping, radii: Mapping, seed: int,
                      iterations: int) -> np.ndarray:
    """Positions of one connected component, in layout units, centred, overlaps removed."""
    count = len(members)
    if count == 1:
        return np.zeros((1, 2))
    if count > TWO_LEVEL_FROM and len({groups.get(node) for node in members}) > 1:
        xy = _orient(_two_level_layout(graph, members, groups, radii, seed, iterations))
    else:
        xy = _orient(_force_layout(graph, members, groups, radii, seed, iterations))
    return _widen(xy)


def _widen(xy: np.ndarray, aspect: float = ASPECT, most: float = MAX_WIDEN) -> np.ndarray:
    """Stretch a round drawing sideways towards ``aspect`` (at most ``most`` times): dense
    networks come out of a force layout as a disc, and screens and pages are landscape.
    Stretching only lengthens distances, so no circles come to overlap."""
    width, height = np.ptp(xy[:, 0]), np.ptp(xy[:, 1])
    if height > 0 and width / height < aspect:
        xy = xy * np.array([min(aspect * height / max(width, 1e-9), most), 1.0])
    return xy


def _two_level_layout(graph: nx.Graph, members: list, groups: Mapping, radii: Mapping, seed: int,
                      iterations: int) -> np.ndarray:
    """Large components: each community laid out on its own, then the communities placed as
    discs by a force layout of the ties between them (measured: 0.94 of each actor's nearest
    actors share its community, against 0.10 for one force layout of 4,400 actors)."""
    import igraph

    order = {node: i for i, node in enumerate(members)}
    by_group: dict[object, list] = {}
    for node in members:
        key = groups.get(node)
        by_group.setdefault(("g", key) if key is not None else ("n", order[node]), []).append(node)
    keys = sorted(by_group, key=lambda k: (-len(by_group[k]), order[by_group[k][0]]))
    key_of = {node: k for k, nodes in by_group.items() for node in nodes}
    inner, discs = [], []
    for k, key in enumerate(keys):
        nodes = by_group[key]
        sub = graph.subgraph(nodes)
        if len(nodes) > 1 and sub.number_of_edges():
            parts = [sorted(c, key=order.__getitem__) for c in nx.connected_components(sub)]
            if len(parts) == 1:
                xy = _force_layout(graph, nodes, {}, radii, seed + k, iterations)
            else:  # a community in pieces (ties run through others): a spiral keeps it compact
                xy = _spiral(len(nodes))
                xy = remove_overlaps(xy, np.array([radii[n] for n in nodes]))
        else:
            xy = _spiral(len(nodes))
            xy = remove_overlaps(xy, np.array([radii[n] for n in nodes]))
        xy = xy - xy.mean(axis=0)
        inner.append(xy)
        discs.append(float(np.hypot(xy[:, 0], xy[:, 1]).max()) + 0.6)
    index = {key: i for i, key in enumerate(keys)}
    weights: dict[tuple[int, int], float] = {}
    for u, v, data in graph.subgraph(members).edges(data=True):
        a, b = index[key_of[u]], index[key_of[v]]
        if a != b:
            pair = (min(a, b), max(a, b))
            weights[pair] = weights.get(pair, 0.0) + float(data.get("weight", 1.0))
    pairs = sorted(weights)
    meta = igraph.Graph(n=len(keys), edges=pairs)
    radius = np.array(discs)
    rng = np.random.default_rng(seed)
    start = rng.uniform(-1, 1, size=(len(keys), 2)) * math.sqrt(len(keys))
    with seeded(seed):
        centres = np.asarray(meta.layout_fruchterman_reingold(
            weights=[1.0 + math.log(max(weights[p], 1.0)) for p in pairs] or None, niter=iterations,
            seed=start.tolist()).coords, dtype=float)
    centres -= centres.mean(axis=0)
    spread = float(np.median(np.hypot(centres[:, 0], centres[:, 1]))) or 1.0
    centres *= float(np.sqrt((radius ** 2).sum())) / spread * 0.6
    centres = remove_overlaps(centres, radius, gap=0.8, rounds=300)
    xy = np.zeros((len(members), 2))
    for key, offset, centre in zip(keys, inner, centres):
        for node, point in zip(by_group[key], offset):
            xy[order[node]] = centre + point
    return xy


def _spiral(count: int) -> np.ndarray:
    """``count`` points on a sunflower spiral about one unit apart."""
    k = np.arange(count) + 0.5
    return np.column_stack([np.cos(k * 2.399963), np.sin(k * 2.399963)]) * np.sqrt(k)[:, None] * 0.56


def _force_layout(graph: nx.Graph, members: list, groups: Mapping, radii: Mapping, seed: int,
                  iterations: int) -> np.ndarray:
    """Fruchterman–Reingold along the backbone, one unit between neighbours, no overlaps."""
    import igraph

    count = len(members)
    sub = graph.subgraph(members)
    index = {node: i for i, node in enumerate(members)}
    edges = backbone_edges(sub)
    pulls = [(1.0 + math.log(max(w, 1.0))) *
             (GROUP_PULL if groups.get(u) is not None and groups.get(u) == groups.get(v) else 1.0)
             for u, v, w in edges]
    rng = np.random.default_rng(seed)
    # Each community starts from its own place on a circle: the lobes form sooner and surer.
    labels = sorted({groups.get(node) for node in members if groups.get(node) is not None})
    centres = {g: (math.cos(2 * math.pi * k / len(labels)), math.sin(2 * math.pi * k / len(labels)))
               for k, g in enumerate(labels)}
    start = rng.uniform(-0.5, 0.5, size=(count, 2))
    for node, i in index.items():
        if groups.get(node) in centres and len(labels) > 1:
            start[i] += centres[groups[node]]
    start *= math.sqrt(count)
    layout_graph = igraph.Graph(n=count, edges=[(index[u], index[v]) for u, v, _ in edges])
    with seeded(seed):
        xy = np.asarray(layout_graph.layout_fruchterman_reingold(
            weights=pulls, niter=iterations, seed=start.tolist(), grid="auto").coords, dtype=float)
    xy -= np.median(xy, axis=0)
    # One unit between neighbours: scale by the median distance to the nearest actor.
    from scipy.spatial import cKDTree

    nearest = cKDTree(xy).query(xy, k=2)[0][:, 1]
    typical = float(np.median(nearest[nearest > 0])) if (nearest > 0).any() else 1.0
    xy /= typical
    # A far-flung actor on a long chain would stretch the map: pull the outermost 2 % in.
    reach = float(np.percentile(np.hypot(xy[:, 0], xy[:, 1]), 98)) * 1.15 + 1.0
    distance = np.hypot(xy[:, 0], xy[:, 1])
    far = distance > reach
    xy[far] *= (reach / distance[far])[:, None]
    r = np.array([radii[node] for node in members])
    return remove_overlaps(xy, r)


def _shelves(boxes: list[tuple[float, float]], width: float) -> tuple[list[tuple[float, float]], float, float]:
    corners, x, y, row, widest = [], 0.0, 0.0, 0.0, 0.0
    for w, h in boxes:
        if x > 0 and x + w > width + 1e-9:
            x, y, row = 0.0, y + row, 0.0
        corners.append((x, y))
        x, row = x + w, max(row, h)
        widest = max(widest, x)
    return corners, widest, y + row


def _pack(boxes: list[tuple[float, float]], aspect: float) -> list[tuple[float, float]]:
    """Top-left corners of boxes (largest first) packed in rows, the row width chosen so that
    the whole is as close to ``aspect`` (width : height) as it can be.

    Examples
    --------
    >>> _pack([(4.0, 4.0), (2.0, 2.0), (2.0, 2.0)], 1.5)
    [(0.0, 0.0), (4.0, 0.0), (6.0, 0.0)]
    """
    widths = np.cumsum([w for w, _ in boxes])
    candidates = sorted({float(w) for w in widths[np.linspace(0, len(widths) - 1, min(len(widths), 200)).astype(int)]})
    best = None
    for width in candidates:
        corners, w, h = _shelves(boxes, width)
        score = (abs(math.log((w / max(h, 1e-9)) / aspect)), w * h)
        if best is None or score < best[0]:
            best = (score, corners)
    return best[1]


def layout_positions(graph: nx.Graph, seed: int = 0, groups: Mapping[object, object] | None = None,
                     iterations: int = 500, sizes: Mapping[object, float] | None = None,
                     aspect: float = ASPECT) -> dict[object, tuple[float, float]]:
    """Positions of every actor in pixels (:data:`UNIT` per layout unit), rounded to 0.1.

    Parameters
    ----------
    graph
        Actors and weighted ties; node attribute ``name`` orders the actors without ties.
    seed
        Seed of the starting positions and of igraph's generator.
    groups
        Optional group of each node (e.g. its community); ties inside a group pull
        :data:`GROUP_PULL` times harder. ``None`` values belong to no group.
    iterations
        Fruchterman–Reingold iterations.
    sizes
        Optional measure that sizes each circle (see :func:`node_radii`); the layout keeps
        circles of that size from overlapping.
    aspect
        Width : height of the box the connected components are packed into.

    Components sit side by side, largest first; actors without ties form a grid under them.

    Examples
    --------
    >>> graph = nx.path_graph(3)
    >>> graph.add_node(9)
    >>> positions = layout_positions(graph, seed=1)
    >>> positions == layout_positions(graph, seed=1), len(positions)
    (True, 4)
    >>> positions[9][1] > max(positions[n][1] for n in range(3))  # set apart, under the network
    True
    """
    nodes = list(graph.nodes)
    if not nodes:
        return {}
    groups = groups or {}
    order = {node: i for i, node in enumerate(nodes)}
    values = [float((sizes or {}).get(node, 0.0) or 0.0) for node in nodes]
    radius = dict(zip(nodes, node_radii(values)))
    tied = [node for node in nodes if graph.degree(node) > 0]
    lonely = [node for node in nodes if graph.degree(node) == 0]
    components = sorted((sorted(c, key=order.__getitem__) for c in nx.connected_components(graph.subgraph(tied))),
                        key=lambda c: (-len(c), order[c[0]]))
    coordinates: dict[object, tuple[float, float]] = {}
    bottom, width = 0.0, 0.0
    if components:
        placed = [_component_layout(graph, members, groups, radius, seed + k, iterations)
                  for k, members in enumerate(components)]
        boxes = []
        for xy, members in zip(placed, components):
            r = np.array([radius[node] for node in members])
            low = (xy - r[:, None]).min(axis=0)
            high = (xy + r[:, None]).max(axis=0)
            boxes.append((float(high[0] - low[0]) + COMPONENT_PAD, float(high[1] - low[1]) + COMPONENT_PAD, low))
        corners = _pack([(w, h) for w, h, _ in boxes], aspect)
        for xy, members, (w, h, low), (cx, cy) in zip(placed, components, boxes, corners):
            shifted = xy - low + np.array([cx, cy])
            for node, (x, y) in zip(members, shifted):
                coordinates[node] = (float(x), float(y))
            bottom = max(bottom, cy + h)
            width = max(width, cx + w)
    if lonely:
        lonely.sort(key=lambda node: (str(graph.nodes[node].get("name") or node).casefold(), str(node)))
        if width:
            columns = max(1, int(width // LONELY_COLUMN), min(len(lonely), 6))  # a few: one row
        else:
            columns = max(1, round(math.sqrt(len(lonely) * aspect * LONELY_ROW / LONELY_COLUMN)))
        top = bottom + (COMPONENT_PAD if coordinates else 0.0)
        for k, node in enumerate(lonely):
            row, column = divmod(k, columns)
            coordinates[node] = (column * LONELY_COLUMN + 0.5, top + row * LONELY_ROW)
    return {node: (round(coordinates[node][0] * UNIT, 1), round(coordinates[node][1] * UNIT, 1)) for node in nodes}
