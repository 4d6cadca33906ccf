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

from __future__ import annotations

import importlib

_HOMES = {
    "graphs": ("LAYERS", "ActorNetwork", "build_bipartite", "build_cluster_ties", "build_network",
               "build_participation", "build_partnerships", "build_relations", "combine_layers"),
    "metrics": ("NetworkSummary", "actor_metrics", "network_summary"),
}
__all__ = sorted(name for names in _HOMES.values() for name in names)


def __getattr__(name: str):
    # Imported on first use: the analyses bring pandas, scipy and igraph (0.9 s), which the
    # network page's map widget (workbook.network.frame) and an unfiltered dashboard never need.
    for module, names in _HOMES.items():
        if name in names:
            return getattr(importlib.import_module(f"workbook.network.{module}"), name)
    raise AttributeError(f"module 'workbook.network' has no attribute {name!r}")
