"""``workbook network PROJECT --out DIR``: the actor network for consultants and Gephi users.

Writes ``network_metrics.csv`` (one row per actor), ``network.gexf`` and ``network.graphml``
(every actor and tie with their attributes, metrics, and in GEXF the map's positions and
colours) and ``network.html``, the interactive map that opens from disk with no network.
"""

from __future__ import annotations

import re
from pathlib import Path

import networkx as nx
import pandas as pd

from workbook import style
from workbook.i18n import tr
from workbook.network.graphs import ActorNetwork, build_network
from workbook.network.metrics import METRIC_COLUMNS, actor_metrics
from workbook.network.view import TEXTS as VIEW_TEXTS
from workbook.network.view import map_positions, network_page, view_graph, view_names
from workbook.outputs import csv_text, write_text_atomic

CSV_COLUMNS: tuple[str, ...] = (
    "actor_id", "name", "actor_type", "degree", "weighted_degree", "betweenness", "eigenvector", "closeness",
    "community", "k_core", "broker", "isolate", "weakly_connected", "helix", "municipality", "sub_region",
)


def export(project, out_dir: Path, lang: str) -> list[Path]:
    """Write the network files into ``out_dir`` and return their paths.

    Examples
    --------
    >>> import tempfile
    >>> from workbook.network._examples import tiny_project
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     [path.name for path in export(tiny_project(), Path(folder), "en")]
    ['network_metrics.csv', 'network.gexf', 'network.graphml', 'network.html']
    """
    out_dir = Path(out_dir)
    network = build_network(project)
    metrics = actor_metrics(network)
    shown = view_graph(network)
    positions = map_positions(shown, metrics, seed=0)
    title = f"{tr(VIEW_TEXTS, 'title', lang)} – {project.name}" if project.name else None
    page = network_page(shown, metrics, lang, names=view_names(project, lang), title=title, positions=positions)
    full = annotated_graph(network, metrics)
    return [
        write_text_atomic(out_dir / "network_metrics.csv", metrics_csv(metrics)),
        write_text_atomic(out_dir / "network.gexf", gexf_text(full, positions)),
        write_text_atomic(out_dir / "network.graphml", graphml_text(full)),
        write_text_atomic(out_dir / "network.html", page),
    ]


def metrics_csv(metrics: pd.DataFrame) -> str:
    """The metrics table as formula-safe CSV; measures rounded to six decimals.

    Examples
    --------
    >>> from workbook.network.metrics import actor_metrics
    >>> print(metrics_csv(actor_metrics(nx.path_graph(["a", "b"]))).splitlines()[1])
    a,a,,1,1.0,0.0,0.707107,1.0,1,1,False,False,True,,,
    """
    table = metrics[list(CSV_COLUMNS)].copy()
    for column in ("betweenness", "eigenvector", "closeness", "weighted_degree"):
        table[column] = table[column].round(6)
    return csv_text(table)


def annotated_graph(network: ActorNetwork, metrics: pd.DataFrame) -> nx.Graph:
    """Every actor and tie with attributes Gephi can read: texts joined with ``;``,
    metrics as numbers (community 0 = none), missing values left out.

    Examples
    --------
    >>> from workbook.network._examples import tiny_project
    >>> network = build_network(tiny_project())
    >>> graph = annotated_graph(network, actor_metrics(network))
    >>> graph.nodes["A2"]["clusters"], graph.nodes["A2"]["degree"], graph.edges["A1", "A2"]["layers"]
    ('CL1', 2, 'participation;partnership;cluster')
    """
    graph = nx.Graph()
    by_id = metrics.set_index("actor_id")
    for node, data in network.to_networkx().nodes(data=True):
        attributes = {key: (";".join(value) if isinstance(value, tuple) else value)
                      for key, value in data.items() if value is not None}
        row = by_id.loc[node]
        attributes.update({key: _plain(row[key]) for key in METRIC_COLUMNS})
        attributes["community"] = 0 if pd.isna(row["community"]) else int(row["community"])
        for flag in ("broker", "isolate", "weakly_connected"):
            attributes[flag] = bool(row[flag])
        graph.add_node(node, **attributes)
    for u, v, data in network.to_networkx().edges(data=True):
        graph.add_edge(u, v, **{key: (";".join(value) if isinstance(value, tuple) else value)
                                for key, value in data.items()})
    return graph


def _plain(value: object) -> object:
    return value.item() if hasattr(value, "item") else value


def gexf_text(graph: nx.Graph, positions: dict) -> str:
    """GEXF 1.2 with the map's positions and actor-type colours; no date, so runs are identical.

    Examples
    --------
    >>> text = gexf_text(nx.Graph([("a", "b")]), {"a": (1.0, 2.0)})
    >>> "lastmodifieddate" in text, '<viz:position x="1.0" y="-2.0" z="0.0"' in text
    (False, True)
    """
    drawn = graph.copy()
    for node, data in drawn.nodes(data=True):
        colour = style.ACTOR_TYPE_COLOURS.get(data.get("actor_type"), "#999999")
        x, y = positions.get(node, (0.0, 0.0))
        data["viz"] = {"position": {"x": x, "y": -y, "z": 0.0},
                       "color": {"r": int(colour[1:3], 16), "g": int(colour[3:5], 16), "b": int(colour[5:7], 16),
                                 "a": 1.0}}
    text = "\n".join(nx.generate_gexf(drawn, version="1.2draft")) + "\n"
    return re.sub(r'\s*lastmodifieddate="[^"]*"', "", text)


def graphml_text(graph: nx.Graph) -> str:
    """GraphML of the annotated graph.

    Examples
    --------
    >>> nx.parse_graphml(graphml_text(nx.Graph([("a", "b")]))).number_of_edges()
    1
    """
    return "\n".join(nx.generate_graphml(graph)) + "\n"
