"""igraph for the heavy lifting: building it from sparse ties, and seeding its randomness.

igraph runs betweenness, Louvain and layouts in C, one to two orders of magnitude faster
than networkx; it draws random numbers from a Python generator, which we pin for each call.
"""

from __future__ import annotations

import contextlib
import random
from typing import Iterator

import igraph
import numpy as np
import scipy.sparse as sp


def to_igraph(ties: sp.csr_array) -> igraph.Graph:
    """Undirected igraph graph of an upper-triangular weight matrix (edge attribute ``weight``).

    Examples
    --------
    >>> graph = to_igraph(sp.csr_array(np.array([[0.0, 2.0], [0.0, 0.0]])))
    >>> graph.vcount(), graph.es["weight"]
    (2, [2.0])
    """
    pairs = ties.tocoo()
    graph = igraph.Graph(n=ties.shape[0])
    graph.add_edges(np.column_stack([pairs.row, pairs.col]))
    graph.es["weight"] = pairs.data.astype(np.float64).tolist()
    return graph


@contextlib.contextmanager
def seeded(seed: int) -> Iterator[None]:
    """Run igraph's randomised algorithms with a generator of their own, seeded.

    Examples
    --------
    >>> with seeded(1):
    ...     first = igraph.Graph.Erdos_Renyi(20, 0.2).ecount()
    >>> with seeded(1):
    ...     second = igraph.Graph.Erdos_Renyi(20, 0.2).ecount()
    >>> first == second
    True
    """
    igraph.set_random_number_generator(random.Random(seed))
    try:
        yield
    finally:
        igraph.set_random_number_generator(random)
