"""The ecosystem as an actor network: who works with whom, who brokers, who is missing.

Modules, in the order data flows through them:

``graphs``
    Layers of ties built from a project (shared activities, action partnerships, cluster
    co-membership, explicit relations) held as sparse matrices (:class:`ActorNetwork`),
    and as ``networkx`` graphs.
``metrics``
    Per-actor metrics (degree, betweenness, eigenvector, closeness, k-core, Louvain
    communities, brokers, isolates) and network-level figures; exact on small networks,
    sampled with a fixed seed on large ones.
``gaps``
    Per focus area: which actor types and areas are engaged and which are missing;
    companies with no tie to research; focus areas that depend on a single owner.
``layout`` / ``view``
    Seeded, community-aware positions (components packed side by side, actors without ties
    apart) and the offline, script-safe network page (pyvis) with its notebook and Voilà
    widget: fitted to the canvas, names that never overlap.
``export``
    ``workbook network PROJECT --out DIR``: metrics CSV, GEXF (with the map for Gephi),
    GraphML, Kumu workbook, network.html, and the map as A4 SVG/PNG (:func:`export.map_image`).
"""

from workbook.network.graphs import (
    LAYERS, ActorNetwork, build_bipartite, build_cluster_ties, build_network, build_participation,
    build_partnerships, build_relations, combine_layers,
)
from workbook.network.metrics import NetworkSummary, actor_metrics, network_summary

__all__ = [
    "LAYERS", "ActorNetwork", "NetworkSummary", "actor_metrics", "build_bipartite", "build_cluster_ties",
    "build_network", "build_participation", "build_partnerships", "build_relations", "combine_layers",
    "network_summary",
]
