"""The network view: one self-contained, script-safe HTML page, in a notebook, in Voilà or on disk.

:func:`network_page` renders the graph with pyvis (``generate_html`` with vis.js inlined),
then makes the page safe and offline:

* pyvis's Bootstrap ``<link>``/``<script>`` tags (a CDN) and its empty ``heading`` are
  removed, a Content-Security-Policy forbids every request, and the page is checked to
  hold no remote reference at all (else it is not produced);
* no node has a ``title``: pyvis turns every title into live HTML as soon as one of them
  contains "href". Hover details, legend, search and filters are drawn by the page's own
  script (``network_view.js``) with ``textContent``; spreadsheet text reaches the page
  only inside JSON that escapes ``<``, ``>`` and ``&``;
* pyvis's select and filter menus (which insert ids unescaped) are not used;
* positions come from :func:`workbook.network.layout.layout_positions` (seeded) and
  physics is off, so thousands of actors draw in a moment and the picture is the same
  every time;
* the view opens fitted to the actors shown (and fits again after every filter or
  neighbourhood change and when a hidden frame gets its size), circles sized for the
  screen; names are drawn by the page's script, most important first and only where they
  overlap no other name (more appear on zooming in, the full name on hover);
* a page in a frame takes new settings as a message from the page holding it
  (``{"wb": "state", "state": {...}}``: only :class:`ViewState` keys with values of the
  right kind) and updates the drawing in place, without being rebuilt.

In a notebook or Voilà the page goes into ``<iframe sandbox="allow-scripts" srcdoc=…>``
(:func:`network_iframe`): its scripts run apart from the notebook, with no access to it.
:class:`NetworkExplorer` is the same view driven by ipywidgets controls.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field, replace
from importlib import resources
from typing import Mapping

import networkx as nx
import pandas as pd

from workbook import style, vocab
from workbook.htmlreport import CSP, escape
from workbook.i18n import check_lang, label, tr
from workbook.network.graphs import LAYER_LABELS, LAYERS, ActorNetwork
from workbook.network.layout import NODE_RADIUS, UNIT, layout_positions
from workbook.network.metrics import METRIC_COLUMNS

# The view shows at most this many ties (the strongest); more only make a hairball.
MAX_VIEW_TIES = 20_000

COLOURINGS: tuple[str, ...] = ("actor_type", "helix", "community", "cluster", "role")
SIZINGS: tuple[str, ...] = ("none", *METRIC_COLUMNS)

ROLE_LABELS: vocab.Labels = {
    "broker": {"fi": "Välittäjä", "en": "Broker"},
    "weak": {"fi": "Heikosti kytkeytynyt", "en": "Weakly connected"},
    "isolate": {"fi": "Ei yhteyksiä", "en": "No ties"},
    "other": {"fi": "Muut", "en": "Others"},
}
ROLE_COLOURS: dict[str, str] = {"broker": "#d64545", "weak": "#f0b429", "isolate": "#9aa5b1", "other": "#486581"}

METRIC_LABELS: vocab.Labels = {
    "none": {"fi": "Sama koko kaikille", "en": "Same size for all"},
    "degree": {"fi": "Yhteyksien määrä", "en": "Number of ties"},
    "weighted_degree": {"fi": "Yhteyksien vahvuus yhteensä", "en": "Total tie strength"},
    "betweenness": {"fi": "Välillisyys (välittäjäasema)", "en": "Betweenness (brokerage)"},
    "eigenvector": {"fi": "Ominaisvektorikeskeisyys", "en": "Eigenvector centrality"},
    "closeness": {"fi": "Läheisyys", "en": "Closeness"},
    "k_core": {"fi": "Ydinryhmän taso (k-ydin)", "en": "Core level (k-core)"},
}

COLOURING_LABELS: vocab.Labels = {
    "actor_type": {"fi": "Toimijatyyppi", "en": "Kind of organisation"},
    "helix": {"fi": "Nelikantasektori", "en": "Helix sphere"},
    "community": {"fi": "Yhteisö", "en": "Community"},
    "cluster": {"fi": "Klusteri", "en": "Cluster"},
    "role": {"fi": "Asema verkostossa", "en": "Position in the network"},
}

TEXTS = {
    "title": {"fi": "Toimijaverkosto", "en": "Actor network"},
    "frame_title": {"fi": "Toimijaverkoston kartta", "en": "Map of the actor network"},
    "search": {"fi": "Hae organisaatio", "en": "Find an organisation"},
    "not_found": {"fi": "Nimellä ei löytynyt organisaatiota.", "en": "No organisation by that name."},
    "depth": {"fi": "Lähiverkoston syvyys (0 = koko verkosto)", "en": "Neighbourhood depth (0 = whole network)"},
    "colour_by": {"fi": "Väri", "en": "Colour by"},
    "size_by": {"fi": "Koko", "en": "Size by"},
    "min_weight": {"fi": "Yhteyden vähimmäisvahvuus", "en": "Minimum tie strength"},
    "layers": {"fi": "Yhteyksien lähteet", "en": "Kinds of tie"},
    "actor_types": {"fi": "Toimijatyypit", "en": "Kinds of organisation"},
    "focus_area": {"fi": "Painopistealue", "en": "Focus area"},
    "municipality": {"fi": "Kunta", "en": "Municipality"},
    "all": {"fi": "Kaikki", "en": "All"},
    "hide_unlinked": {"fi": "Piilota organisaatiot, joilla ei ole näkyviä yhteyksiä",
                      "en": "Hide organisations with no visible ties"},
    "reset": {"fi": "Palauta alkunäkymä", "en": "Reset the view"},
    "legend": {"fi": "Selite", "en": "Legend"},
    "settings": {"fi": "Suodattimet ja asetukset", "en": "Filters and settings"},
    "details": {"fi": "Valittu organisaatio", "en": "Selected organisation"},
    "hint": {"fi": "Vie hiiri organisaation päälle nähdäksesi sen tiedot, napsauta valitaksesi se. Kun lähiverkoston syvyys on vähintään 1, näkyvissä on vain valitun organisaation lähiverkosto. Vedä ja rullaa siirtääksesi ja zoomataksesi.",
             "en": "Hover over an organisation to see its details, click to select it. With a neighbourhood depth of 1 or more, only the selected organisation's neighbourhood is shown. Drag and scroll to move and zoom."},
    "shown": {"fi": "Näkyvissä {n}/{total} organisaatiota", "en": "Showing {n} of {total} organisations"},
    "size_note": {"fi": "Pallon koko: {metric}", "en": "Circle size: {metric}"},
    "unknown": {"fi": "Ei tiedossa", "en": "Unknown"},
    "community_n": {"fi": "Yhteisö {n}", "en": "Community {n}"},
    "no_community": {"fi": "Ei yhteisöä", "en": "No community"},
    "no_cluster": {"fi": "Ei klusteria", "en": "No cluster"},
    "several_clusters": {"fi": "Useita klustereita", "en": "Several clusters"},
    "type": {"fi": "Toimijatyyppi", "en": "Kind of organisation"},
    "helix": {"fi": "Nelikantasektori", "en": "Helix sphere"},
    "clusters": {"fi": "Klusterit", "en": "Clusters"},
    "focus_areas": {"fi": "Painopistealueet", "en": "Focus areas"},
    "community": {"fi": "Yhteisö", "en": "Community"},
    "role": {"fi": "Asema verkostossa", "en": "Position in the network"},
    "strongest_ties": {"fi": "Vahvimmat yhteydet", "en": "Strongest ties"},
    "explorer_actor": {"fi": "Organisaatio", "en": "Organisation"},
}

# Texts the page's script needs (the rest are used here in Python).
_PAGE_TEXTS = tuple(k for k in TEXTS if k not in ("frame_title", "explorer_actor"))

_REMOTE_TAG = re.compile(
    r"<link\b[^>]*\bhref\s*=\s*[\"']?(?:https?:)?//[^>]*>"
    r"|<script\b[^>]*\bsrc\s*=\s*[\"']?(?:https?:)?//[^>]*>\s*</script>", re.IGNORECASE)
_EMPTY_HEADING = re.compile(r"<center>\s*<h1>\s*</h1>\s*</center>")
_REMOTE_REFERENCE = re.compile(
    r"<(?:link|script|img|iframe|source|embed|object)\b[^>]*\b(?:src|href|data)\s*=\s*[\"']?\s*(?:https?:)?//"
    r"|url\(\s*[\"']?\s*(?:https?:)?//|@import", re.IGNORECASE)


@dataclass(frozen=True)
class ViewState:
    """What the view shows: filters, colouring, sizing, and an actor's neighbourhood.

    ``None`` in ``layers`` / ``actor_types`` means all; ``focus`` is the selected actor's
    id and ``depth`` > 0 shows only actors within that many steps of it.
    """

    layers: tuple[str, ...] | None = None
    actor_types: tuple[str, ...] | None = None
    focus_area: str | None = None
    municipality: str | None = None
    colour_by: str = "actor_type"
    size_by: str = "betweenness"
    min_weight: int = 1
    focus: str | None = None
    depth: int = 0
    hide_unlinked: bool = False

    def __post_init__(self) -> None:
        if self.colour_by not in COLOURINGS:
            raise ValueError(f"colour_by must be one of {', '.join(COLOURINGS)}")
        if self.size_by not in SIZINGS:
            raise ValueError(f"size_by must be one of {', '.join(SIZINGS)}")
        if not 0 <= self.depth <= 5:
            raise ValueError("depth must be between 0 and 5")
        if self.min_weight < 1:
            raise ValueError("min_weight must be at least 1")
        if self.layers is not None and set(self.layers) - set(LAYERS):
            raise ValueError(f"layers must be among {', '.join(LAYERS)}")


@dataclass(frozen=True)
class ViewNames:
    """Names of the ids the view shows: focus areas and clusters, sub-regions in ``lang``."""

    focus_areas: Mapping[str, str] = field(default_factory=dict)
    clusters: Mapping[str, str] = field(default_factory=dict)
    sub_regions: Mapping[str, str] = field(default_factory=dict)


def view_names(project, lang: str) -> ViewNames:
    """Focus area, cluster and sub-region names of a project for the view.

    Examples
    --------
    >>> from workbook.network._examples import tiny_project
    >>> view_names(tiny_project(), "en").focus_areas
    {'FA1': 'Circular economy', 'FA2': 'Tourism'}
    """
    check_lang(lang)
    areas = dict(zip(project.focus_areas["focus_area_id"], project.focus_areas[f"name_{lang}"]))
    clusters = dict(zip(project.clusters["cluster_id"], project.clusters["name"]))
    column = "sub_region_en" if lang == "en" else "sub_region"
    regions = dict(zip(project.municipalities["sub_region"], project.municipalities[column]))
    return ViewNames(areas, clusters, regions)


def view_graph(network: ActorNetwork, layers=None, max_ties: int = MAX_VIEW_TIES) -> nx.Graph:
    """The graph to draw: every actor, and at most ``max_ties`` of the strongest ties — plus
    the strongest tie of each actor the cut left with none, so that no actor with ties is
    drawn among those without.

    Examples
    --------
    >>> from workbook.network._examples import tiny_project
    >>> from workbook.network.graphs import build_network
    >>> view_graph(build_network(tiny_project())).number_of_edges()
    2
    >>> star = ActorNetwork.from_networkx(nx.Graph([("hub", "a"), ("hub", "b"), ("c", "d")]))
    >>> sorted(n for n, d in view_graph(star, max_ties=1).degree if d == 0)
    []
    """
    import numpy as np

    graph = network.to_networkx(layers, max_ties=max_ties)
    if graph.number_of_edges() < max_ties:
        return graph
    names = network.layer_names(layers)
    full = network.symmetric(names)
    ids = network.actor_ids.to_numpy(dtype=object)
    position = {actor: i for i, actor in enumerate(ids)}
    for node in [n for n in graph if graph.degree(n) == 0]:
        i = position[node]
        start, end = full.indptr[i], full.indptr[i + 1]
        if start == end:
            continue
        k = start + int(np.argmax(full.data[start:end]))
        j = int(full.indices[k])
        a, b = min(i, j), max(i, j)
        weights = {name: float(network.layers[name][a, b]) for name in names}
        graph.add_edge(node, ids[j], weight=float(full.data[k]), layers=tuple(n for n in names if weights[n] > 0),
                       **{f"weight_{n}": w for n, w in weights.items() if w > 0})
    return graph


def network_page(graph: nx.Graph, metrics: pd.DataFrame, lang: str, *, names: ViewNames | None = None,
                 state: ViewState | None = None, title: str | None = None, controls: bool = True,
                 positions: Mapping[object, tuple[float, float]] | None = None, seed: int = 0) -> str:
    """A standalone HTML page of the network that works from disk with no network access.

    Parameters
    ----------
    graph
        Actors and ties (e.g. :func:`view_graph`); node attributes as built by
        :mod:`workbook.network.graphs`.
    metrics
        :func:`workbook.network.metrics.actor_metrics` of the same actors.
    lang
        ``fi`` or ``en``.
    names
        Names of focus areas, clusters and sub-regions (:func:`view_names`).
    state
        What to show first (:class:`ViewState`).
    title
        Heading of the page (default: "Actor network" in ``lang``).
    controls
        Show the page's own filter controls (off when ipywidgets drive the view).
    positions, seed
        Node positions, or the seed of the layout computed when they are not given.

    Examples
    --------
    >>> graph = nx.Graph([("a", "b")])
    >>> nx.set_node_attributes(graph, {"a": "<b>A</b>", "b": "B"}, "name")
    >>> from workbook.network.metrics import actor_metrics
    >>> page = network_page(graph, actor_metrics(graph), "en")
    >>> "<b>A</b>" in page, "\\\\u003cb\\\\u003eA" in page, "https://" in page.split("<script")[0]
    (False, True, False)
    """
    check_lang(lang)
    state = state or ViewState()
    names = names or ViewNames()
    positions = positions if positions is not None else map_positions(graph, metrics, seed)
    nodes = _node_records(graph, metrics, positions)
    edges = _edge_records(graph)
    from pyvis.network import Network

    pyvis_net = Network(height="100%", width="100%", bgcolor="#ffffff", cdn_resources="in_line")
    pyvis_net.nodes = nodes
    # Ties travel in the page's own compact JSON (a tenth of the size of vis.js objects)
    # and are added to pyvis's DataSet by network_view.js before the first drawing.
    pyvis_net.edges = []
    pyvis_net.options = _options(len(nodes))
    page = _without_vis_stylesheet(pyvis_net.generate_html(), pyvis_net)
    data = _page_data(nodes, edges, lang, names, state, title or tr(TEXTS, "title", lang), controls)
    return _make_safe(page, data, lang, title or tr(TEXTS, "title", lang))


def map_positions(graph: nx.Graph, metrics: pd.DataFrame, seed: int = 0) -> dict:
    """Seeded positions of the map, in which each community forms its own lobe.

    Compute them once for a whole project and pass them to :func:`network_page` when
    drawing parts of it, so that actors keep their places.
    """
    by_id = metrics.set_index("actor_id")
    groups = {node: (None if pd.isna(c) else int(c)) for node, c in by_id["community"].items()}
    sizes = {node: float(v) for node, v in by_id[ViewState.size_by].items()}
    return layout_positions(graph, seed, groups=groups, sizes=sizes)


def _without_vis_stylesheet(page: str, pyvis_net) -> str:
    """Drop vis-network's 220 kB stylesheet: it styles only the editing, configuration and
    navigation widgets and vis.js's own tooltips, none of which the page uses."""
    environment = pyvis_net.templateEnv
    stylesheet = environment.loader.get_source(environment, "lib/vis-9.1.2/vis-network.css")[0]
    return page.replace(f"<style>{stylesheet}</style>", "", 1)


def _measures(row: pd.Series | None) -> tuple[dict[str, float], int | None, str]:
    """An actor's measures, community and role (see :data:`ROLE_LABELS`) from its metrics row."""
    values = {k: (round(float(row[k]), 5) if row is not None else 0.0) for k in METRIC_COLUMNS}
    community = None if row is None or pd.isna(row["community"]) else int(row["community"])
    if row is not None and row["broker"]:
        role = "broker"
    elif row is None or row["isolate"]:
        role = "isolate"
    elif row["weakly_connected"]:
        role = "weak"
    else:
        role = "other"
    return values, community, role


def _node_records(graph: nx.Graph, metrics: pd.DataFrame, positions) -> list[dict]:
    by_id = metrics.set_index("actor_id")
    records = []
    for node, data in graph.nodes(data=True):
        values, community, role = _measures(by_id.loc[node] if node in by_id.index else None)
        x, y = positions[node]
        records.append({
            "id": str(node), "nm": str(data.get("name") or node), "x": x, "y": y, "shape": "dot", "size": 5,
            "t": data.get("actor_type"), "h": data.get("helix"), "c": community,
            "cl": list(data.get("clusters") or ()), "fa": list(data.get("focus_areas") or ()),
            "mu": data.get("municipality"), "sr": data.get("sub_region"), "m": values, "r": role,
        })
    return records


def _edge_records(graph: nx.Graph) -> list[dict]:
    records = []
    for u, v, data in graph.edges(data=True):
        layers = list(data.get("layers") or ("relation",))
        weights = {name: float(data.get(f"weight_{name}", 0.0)) for name in layers}
        if not any(weights.values()):
            weights = {layers[0]: float(data.get("weight", 1.0))}
        records.append({"from": str(u), "to": str(v), "lw": weights})
    return records


def _compact_edges(edges: list[dict], node_ids: list[str], layers: list[str]) -> list[list[float]]:
    """Each tie as ``[source index, target index, weight in each layer…]``."""
    index = {node: i for i, node in enumerate(node_ids)}
    return [[index[e["from"]], index[e["to"]], *(_short(e["lw"].get(layer, 0.0)) for layer in layers)]
            for e in edges]


def _short(value: float) -> float | int:
    return int(value) if float(value).is_integer() else round(value, 4)


def _options(size: int) -> dict:
    # Nodes carry no vis.js label: network_view.js draws the names itself, only those that fit
    # without overlapping, most important first (more appear as the user zooms in).
    big = size > 1000
    return {
        "autoResize": True,
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False},
        "interaction": {"hover": True, "hideEdgesOnDrag": big, "hideEdgesOnZoom": big, "zoomSpeed": 0.6},
        "nodes": {"shape": "dot", "borderWidth": 1},
        "edges": {"smooth": False, "selectionWidth": 1.5, "hoverWidth": 0.5,
                  "color": {"color": "#9fb3c8", "highlight": "#102a43", "hover": "#334e68", "opacity": 0.45}},
    }


def _layers_of(edges: list[dict]) -> list[str]:
    """The kinds of tie the ties hold, in the order of :data:`LAYERS` (unknown ones last)."""
    present = {layer for edge in edges for layer in edge["lw"]}
    return [layer for layer in LAYERS if layer in present] + sorted(present - set(LAYERS))


def _state_data(state: ViewState) -> dict:
    """A view state as the page's script takes it (lists for tuples)."""
    return {key: (list(value) if isinstance(value, tuple) else value) for key, value in asdict(state).items()}


def _page_data(nodes: list[dict], edges: list[dict], lang: str, names: ViewNames, state: ViewState, title: str,
               controls: bool) -> dict:
    types = [t for t in vocab.ACTOR_TYPES if any(n["t"] == t for n in nodes)]
    area_ids = {f for n in nodes for f in n["fa"]}
    areas = [f for f in names.focus_areas if f in area_ids] + sorted(area_ids - set(names.focus_areas))
    cluster_ids = {c for n in nodes for c in n["cl"]}
    clusters = [c for c in names.clusters if c in cluster_ids] + sorted(cluster_ids - set(names.clusters))
    communities = sorted({n["c"] for n in nodes if n["c"] is not None})
    community_colours = style.category_colours([str(c) for c in communities])
    layers = _layers_of(edges)
    return {
        "lang": lang, "title": title, "controls": controls, "state": _state_data(state),
        "texts": {key: tr(TEXTS, key, lang) for key in _PAGE_TEXTS},
        "labels": {
            "actor_types": {c: label(vocab.ACTOR_TYPES, c, lang) for c in vocab.ACTOR_TYPES},
            "helix": {c: label(vocab.HELIX, c, lang) for c in vocab.HELIX},
            "layers": {c: label(LAYER_LABELS, c, lang) for c in LAYER_LABELS},
            "roles": {c: label(ROLE_LABELS, c, lang) for c in ROLE_LABELS},
            "metrics": {c: label(METRIC_LABELS, c, lang) for c in METRIC_LABELS},
            "focus_areas": dict(names.focus_areas), "clusters": dict(names.clusters),
            "sub_regions": dict(names.sub_regions),
        },
        "palettes": {
            "actor_type": style.ACTOR_TYPE_COLOURS, "helix": style.HELIX_COLOURS, "role": ROLE_COLOURS,
            "community": community_colours, "cluster": style.category_colours(clusters),
        },
        "legend_order": {
            "actor_type": list(vocab.ACTOR_TYPES), "helix": list(vocab.HELIX), "role": list(ROLE_LABELS),
            "community": [str(c) for c in communities] + ["__none"], "cluster": clusters + ["__several", "__none"],
        },
        "colourings": [[c, label(COLOURING_LABELS, c, lang)] for c in COLOURINGS],
        "sizings": [[c, label(METRIC_LABELS, c, lang)] for c in SIZINGS],
        "layers": layers,
        "node_ids": [n["id"] for n in nodes],
        "edges": _compact_edges(edges, [n["id"] for n in nodes], layers),
        "actor_types": types + sorted({n["t"] for n in nodes if n["t"] and n["t"] not in types}),
        "focus_areas": areas, "clusters": clusters,
        "municipalities": sorted({n["mu"] for n in nodes if n["mu"]}),
        "metrics": list(METRIC_COLUMNS),
        "unit": UNIT, "radius": list(NODE_RADIUS),
        "max_weight": max((sum(e["lw"].values()) for e in edges), default=1.0),
    }


def selection_data(graph: nx.Graph, metrics: pd.DataFrame) -> dict:
    """A part of the network, as a page drawn for the whole network takes it in place
    (message ``{"wb": "selection", "selection": ...}``): the actors in the part with their
    community, role and measures in it, its ties with their weight in each layer, and the
    colours of its communities. Actors the part leaves out are hidden; every actor keeps its
    place.

    Examples
    --------
    >>> graph = nx.Graph()
    >>> graph.add_edge("a", "b", layers=("activity",), weight_activity=2.0)
    >>> from workbook.network.metrics import actor_metrics
    >>> part = selection_data(graph, actor_metrics(graph))
    >>> part["ties"], part["layers"], sorted(part["nodes"])
    ([['a', 'b', 2]], ['activity'], ['a', 'b'])
    """
    by_id = metrics.set_index("actor_id")
    nodes = {}
    for node in graph.nodes:
        values, community, role = _measures(by_id.loc[node] if node in by_id.index else None)
        nodes[str(node)] = [community, role, *(values[k] for k in METRIC_COLUMNS)]
    edges = _edge_records(graph)
    layers = _layers_of(edges)
    communities = sorted({row[0] for row in nodes.values() if row[0] is not None})
    return {
        "nodes": nodes,
        "ties": [[e["from"], e["to"], *(_short(e["lw"].get(layer, 0.0)) for layer in layers)] for e in edges],
        "layers": layers,
        "community_colours": style.category_colours([str(c) for c in communities]),
    }


# What the browser test and the benchmark measure in an open page, with the page's own data:
# the name boxes its script drew (``window.__wbLabelBoxes``), how many of them overlap each other
# or another actor's circle, how much of the canvas the drawn actors span, and whether actors without ties sit apart
# (all of them below every tied actor).
MAP_FIGURES_SCRIPT = """(() => {
  const boxes = window.__wbLabelBoxes || [];
  let overlaps = 0;
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const p = boxes[i], q = boxes[j];
      if (p.x < q.x + q.w && q.x < p.x + p.w && p.y < q.y + q.h && q.y < p.y + p.h) { overlaps++; }
    }
  }
  const box = document.getElementById('mynetwork');
  const width = box.clientWidth, height = box.clientHeight;
  const shownIds = nodes.get({filter: n => !n.hidden}).map(n => n.id);
  const dom = network.getPositions(shownIds);
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity, tiedBottom = -Infinity, lonelyTop = Infinity;
  let lonely = 0, outside = 0;
  for (const id of shownIds) {
    const d = network.canvasToDOM(dom[id]);
    x0 = Math.min(x0, d.x); x1 = Math.max(x1, d.x); y0 = Math.min(y0, d.y); y1 = Math.max(y1, d.y);
    if (d.x < 0 || d.y < 0 || d.x > width || d.y > height) { outside++; }
    if (nodes.get(id).r === 'isolate') { lonely++; lonelyTop = Math.min(lonelyTop, d.y); }
    else { tiedBottom = Math.max(tiedBottom, d.y); }
  }
  let covered = 0;  // names drawn over another actor's circle (placed as the page's script places names)
  const scale = network.getScale(), view = network.getViewPosition();
  for (const b of boxes) {
    for (const id of shownIds) {
      if (id === b.id) { continue; }
      const r = nodes.get(id).size * scale;
      const d = {x: (dom[id].x - view.x) * scale + width / 2, y: (dom[id].y - view.y) * scale + height / 2};
      if (b.x < d.x + r && d.x - r < b.x + b.w && b.y < d.y + r && d.y - r < b.y + b.h) { covered++; break; }
    }
  }
  return {labels: boxes.filter(b => b.id !== null).length, overlaps: overlaps, covered: covered,
          width: width, height: height,
          width_share: (x1 - x0) / width, height_share: (y1 - y0) / height, outside: outside,
          actors: shownIds.length, lonely: lonely, lonely_apart: lonely === 0 || lonelyTop > tiedBottom};
})()"""


def script_json(value: object) -> str:
    """JSON that is inert inside an HTML ``<script>`` element: ``<``, ``>``, ``&`` escaped.

    Examples
    --------
    >>> script_json({"name": "</script><script>alert(1)</script>"})
    '{"name": "\\\\u003c/script\\\\u003e\\\\u003cscript\\\\u003ealert(1)\\\\u003c/script\\\\u003e"}'
    """
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return text


def _asset(name: str) -> str:
    text = resources.files("workbook.network").joinpath(name).read_text(encoding="utf-8")
    if "</script" in text.lower() or "</style" in text.lower():
        raise RuntimeError(f"{name} must not close its own element")
    return text


def _make_safe(page: str, data: dict, lang: str, title: str) -> str:
    page = _REMOTE_TAG.sub("", page)
    page = _EMPTY_HEADING.sub("", page)
    head = (f'<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{escape(title)}</title>')
    side = '<div id="wb-side"></div>\n<div id="wb-tooltip" hidden></div>'
    scripts = (f'<script type="application/json" id="wb-data">{script_json(data)}</script>\n'
               f"<script>{_asset('network_view.js')}</script>\n")
    for marker, replacement in (('<meta charset="utf-8">', head), ("</head>", f"<style>{_asset('network_view.css')}</style>\n</head>"),
                                ("<body>", f"<body>\n{side}")):
        if page.count(marker) < 1:
            raise RuntimeError(f"unexpected pyvis page: no {marker}")
        page = page.replace(marker, replacement, 1)
    end = page.rfind("</body>")
    if end < 0 or not page.lstrip().startswith("<html>"):
        raise RuntimeError("unexpected pyvis page: no <html> or </body>")
    page = page[:end] + scripts + page[end:]
    page = f'<!DOCTYPE html>\n<html lang="{escape(lang)}">' + page.lstrip()[len("<html>"):]
    remote = _REMOTE_REFERENCE.search(page)
    if remote:
        raise RuntimeError(f"the network page would load something from the network: {remote.group(0)[:80]!r}")
    if "popup.innerHTML" in page:
        raise RuntimeError("pyvis switched to its HTML tooltips; node titles must not be set")
    return page


def network_iframe(page: str, height: int = 720, lang: str = "fi") -> str:
    """The page inside a sandboxed iframe (scripts run, but apart from the notebook).

    Examples
    --------
    >>> network_iframe("<p title='x'>&</p>", 300)[:85]
    '<iframe sandbox="allow-scripts" srcdoc="&lt;p title=&#x27;x&#x27;&gt;&amp;&lt;/p&gt;"'
    """
    return (f'<iframe sandbox="allow-scripts" srcdoc="{escape(page)}" title="{escape(tr(TEXTS, "frame_title", lang))}"'
            f' style="width:100%;height:{int(height)}px;border:1px solid #d9e2ec"></iframe>')


def show_network(graph: nx.Graph, metrics: pd.DataFrame, lang: str, height: int = 720, **options) -> None:
    """Display the network page in a notebook or Voilà (see :func:`network_page` for ``options``)."""
    from IPython.display import display

    display({"text/html": network_iframe(network_page(graph, metrics, lang, **options), height, lang)}, raw=True)


class NetworkExplorer:
    """The network view with ipywidgets controls, for JupyterLab and Voilà dashboards.

    ``explorer.widget`` is the ipywidgets box to display (a notebook displays the explorer
    itself). The page is built once, in a sandboxed frame (:class:`~workbook.network.frame.NetworkFrame`);
    each change of a control is sent to it as new settings and the drawing changes in place,
    every actor keeping its place.

    Examples
    --------
    >>> from workbook.network._examples import tiny_project
    >>> from workbook.network.graphs import build_network
    >>> from workbook.network.metrics import actor_metrics
    >>> network = build_network(tiny_project())
    >>> explorer = NetworkExplorer(view_graph(network), actor_metrics(network), "en")
    >>> explorer.colour_by.value = "community"
    >>> explorer.state.colour_by, explorer.view.message["state"]["colour_by"]
    ('community', 'community')
    """

    def __init__(self, graph: nx.Graph, metrics: pd.DataFrame, lang: str, *, names: ViewNames | None = None,
                 state: ViewState | None = None, title: str | None = None, height: int = 650, seed: int = 0):
        import ipywidgets as widgets

        check_lang(lang)
        self._graph, self._metrics, self._lang = graph, metrics, lang
        self._names = names or ViewNames()
        self._positions = map_positions(graph, metrics, seed)
        start = state or ViewState()
        records = _node_records(graph, metrics, self._positions)
        data = _page_data(records, _edge_records(graph), lang, self._names, start, "", False)
        wide = {"description_width": "initial"}

        def text(key: str) -> str:
            return tr(TEXTS, key, lang)

        self.layers = widgets.SelectMultiple(
            options=[(label(LAYER_LABELS, c, lang), c) for c in data["layers"]],
            value=tuple(start.layers if start.layers is not None else data["layers"]),
            description=text("layers"), rows=len(data["layers"]) or 1, style=wide)
        self.actor_types = widgets.SelectMultiple(
            options=[(label(vocab.ACTOR_TYPES, c, lang), c) for c in data["actor_types"]],
            value=tuple(start.actor_types if start.actor_types is not None else data["actor_types"]),
            description=text("actor_types"), rows=min(len(data["actor_types"]), 9) or 1, style=wide)
        self.focus_area = widgets.Dropdown(
            options=[(text("all"), None)] + [(self._names.focus_areas.get(f, f), f) for f in data["focus_areas"]],
            value=start.focus_area, description=text("focus_area"), style=wide)
        self.municipality = widgets.Dropdown(
            options=[(text("all"), None)] + [(m, m) for m in data["municipalities"]],
            value=start.municipality, description=text("municipality"), style=wide)
        self.colour_by = widgets.Dropdown(options=[(name, code) for code, name in data["colourings"]],
                                          value=start.colour_by, description=text("colour_by"), style=wide)
        self.size_by = widgets.Dropdown(options=[(name, code) for code, name in data["sizings"]],
                                        value=start.size_by, description=text("size_by"), style=wide)
        self.min_weight = widgets.BoundedIntText(value=start.min_weight, min=1,
                                                 max=max(1, int(data["max_weight"] + 0.999)),
                                                 description=text("min_weight"), style=wide)
        ordered = sorted(records, key=lambda r: (r["nm"].casefold(), r["id"]))
        self._actor_choices = {f"{r['nm']} ({r['id']})": r["id"] for r in ordered}
        chosen = next((k for k, v in self._actor_choices.items() if v == start.focus), "")
        self.actor = widgets.Combobox(options=list(self._actor_choices), value=chosen, ensure_option=True,
                                      description=text("explorer_actor"), style=wide)
        self.depth = widgets.BoundedIntText(value=start.depth, min=0, max=5, description=text("depth"), style=wide)
        self.hide_unlinked = widgets.Checkbox(value=start.hide_unlinked, description=text("hide_unlinked"),
                                              indent=False)
        from workbook.network.frame import NetworkFrame

        page = network_page(graph, metrics, lang, names=self._names, state=start, title=title, controls=False,
                            positions=self._positions)
        self.view = NetworkFrame(page=page, height=height, title=tr(TEXTS, "frame_title", lang))
        self._paused = False
        controls = [self.layers, self.actor_types, self.focus_area, self.municipality, self.colour_by,
                    self.size_by, self.min_weight, self.actor, self.depth, self.hide_unlinked]
        for control in controls:
            control.observe(self._refresh, names="value")
        self.widget = widgets.VBox([
            widgets.HBox([widgets.VBox([self.layers, self.actor_types]),
                          widgets.VBox([self.focus_area, self.municipality, self.colour_by, self.size_by]),
                          widgets.VBox([self.actor, self.depth, self.min_weight, self.hide_unlinked])]),
            self.view,
        ])
        self._refresh()

    @property
    def state(self) -> ViewState:
        """The view the controls describe."""
        layers = tuple(self.layers.value)
        types = tuple(self.actor_types.value)
        return ViewState(
            layers=None if len(layers) == len(self.layers.options) else layers,
            actor_types=None if len(types) == len(self.actor_types.options) else types,
            focus_area=self.focus_area.value, municipality=self.municipality.value,
            colour_by=self.colour_by.value, size_by=self.size_by.value, min_weight=self.min_weight.value,
            focus=self._actor_choices.get(self.actor.value), depth=self.depth.value,
            hide_unlinked=self.hide_unlinked.value)

    def _refresh(self, change=None) -> None:
        if self._paused:
            return
        self.view.message = {"wb": "state", "state": _state_data(self.state)}

    def with_state(self, **changes) -> "NetworkExplorer":
        """Set controls from :class:`ViewState` fields (e.g. ``focus="A001", depth=1``)."""
        target = replace(self.state, **changes)
        self._paused = True
        try:
            self.layers.value = tuple(target.layers or [o[1] for o in self.layers.options])
            self.actor_types.value = tuple(target.actor_types or [o[1] for o in self.actor_types.options])
            self.focus_area.value, self.municipality.value = target.focus_area, target.municipality
            self.colour_by.value, self.size_by.value = target.colour_by, target.size_by
            self.min_weight.value, self.depth.value = target.min_weight, target.depth
            self.actor.value = next((k for k, v in self._actor_choices.items() if v == target.focus), "")
            self.hide_unlinked.value = target.hide_unlinked
        finally:
            self._paused = False
        self._refresh()
        return self

    def _repr_mimebundle_(self, **kwargs):
        bundle = self.widget._repr_mimebundle_(**kwargs)
        bundle["text/plain"] = repr(self)
        return bundle

    def __repr__(self) -> str:
        return f"NetworkExplorer({self._graph.number_of_nodes()} actors, {self._graph.number_of_edges()} ties)"
