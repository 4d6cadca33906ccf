"""What ``workbook network`` writes for other tools and for documents: a Kumu workbook, a GEXF
that carries the map (positions, colours, sizes), and the map as A4 SVG and PNG; and the
layout behind them (seeded, no overlapping circles, components apart, actors without ties
in a grid of their own)."""

from __future__ import annotations

import struct
import xml.etree.ElementTree as ET

import networkx as nx
import numpy as np
import pytest
from openpyxl import load_workbook

from workbook import load_project
from workbook.network.export import export, map_image
from workbook.network.layout import GAP, UNIT, layout_positions, node_radii
from workbook.network.metrics import actor_metrics

VIZ = "{http://www.gexf.net/1.2draft/viz}"
GEXF = "{http://www.gexf.net/1.2draft}"
FORMULA = '=HYPERLINK("http://x","y")'
HOSTILE = "<script>x()</script> & Co"


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    from workbook.testing import make_project

    folder = make_project(
        tmp_path_factory.mktemp("project"),
        actors=[{"actor_id": "A1", "name": FORMULA, "actor_type": "public_agency", "municipality": "Rovaniemi",
                 "clusters": "CL1"},
                {"actor_id": "A2", "name": HOSTILE, "actor_type": "company", "municipality": "Kemi", "clusters": "CL1"},
                {"actor_id": "A3", "name": "Kolin Elämyspalvelut Oy", "actor_type": "company", "municipality": "Kemi"},
                {"actor_id": "A4", "name": "Yksinäinen Oy", "actor_type": "company", "municipality": "Inari"}],
        participation=[{"activity_id": "W1", "actor_id": a} for a in ("A1", "A2", "A3")],
        clusters=[{"cluster_id": "CL1", "name": "Arktinen klusteri", "coordinator_actor_id": "A1"}],
    )
    out = tmp_path_factory.mktemp("out")
    export(load_project(folder), out, "fi")
    return out


def test_kumu_workbook_has_elements_and_connections_kumu_can_import(exported):
    book = load_workbook(exported / "network_kumu.xlsx")
    assert book.sheetnames == ["Elements", "Connections"]
    elements, connections = book["Elements"], book["Connections"]
    header = [c.value for c in elements[1]]
    assert header[:3] == ["ID", "Label", "Type"] and "Klusterit" in header and "Kunta" in header
    rows = {r[0]: dict(zip(header, r)) for r in elements.iter_rows(min_row=2, values_only=True)}
    assert set(rows) == {"A1", "A2", "A3", "A4"}
    assert rows["A1"]["Label"] == FORMULA  # as typed, in a string cell (next line): never a live formula
    assert all(c.data_type == "s" for c in elements["B"][1:])
    assert rows["A2"]["Label"] == HOSTILE and rows["A2"]["Type"] == "Yritys"
    assert rows["A1"]["Klusterit"] == "Arktinen klusteri"
    assert rows["A4"]["Asema verkostossa"] == "Ei yhteyksiä"
    assert [c.value for c in connections[1]] == ["From", "To", "Type", "Strength"]
    ties = {tuple(sorted(r[:2])): r for r in connections.iter_rows(min_row=2, values_only=True)}
    assert set(ties) == {("A1", "A2"), ("A1", "A3"), ("A2", "A3")}
    assert ties[("A1", "A2")][3] >= 2  # one shared workshop and one shared cluster
    assert "Yhteinen toiminta" in ties[("A1", "A3")][2] or ties[("A1", "A3")][2]


def test_gexf_carries_the_maps_positions_colours_and_sizes(exported):
    root = ET.parse(exported / "network.gexf").getroot()
    nodes = {n.get("id"): n for n in root.iter(f"{GEXF}node")}
    assert set(nodes) == {"A1", "A2", "A3", "A4"}
    sizes = {}
    for key, node in nodes.items():
        position, colour, size = node.find(f"{VIZ}position"), node.find(f"{VIZ}color"), node.find(f"{VIZ}size")
        assert position is not None and colour is not None and size is not None, key
        sizes[key] = float(size.get("value"))
    assert (nodes["A2"].find(f"{VIZ}color").get("r"), nodes["A2"].find(f"{VIZ}color").get("g")) == ("230", "159")
    assert min(sizes.values()) > 0
    # Gephi's y axis points up: the actor without ties sits under the others there too.
    y = {k: float(n.find(f"{VIZ}position").get("y")) for k, n in nodes.items()}
    assert y["A4"] < min(y["A1"], y["A2"], y["A3"])


def test_still_image_is_a4_landscape_with_escaped_names(exported):
    svg_text = (exported / "network_map.svg").read_text(encoding="utf-8")
    root = ET.fromstring(svg_text)  # well-formed XML, hostile name and all
    assert root.get("width") == "297mm" and root.get("height") == "210mm"
    texts = ["".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert HOSTILE in texts and "Kolin Elämyspalvelut Oy" in texts and "Selite" in texts
    assert "<script" not in svg_text and not list(root.iter("{http://www.w3.org/2000/svg}script"))
    assert not any("Legend" in t for t in texts)  # Finnish image, no English interface text
    png = (exported / "network_map.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", png[16:24]) == (3508, 2480)
    at = png.index(b"pHYs")
    assert struct.unpack(">IIB", png[at + 4:at + 13]) == (11811, 11811, 1)  # 300 dpi


def test_map_image_gives_svg_bytes_for_documents(demo_project):
    svg = map_image(demo_project, "en", "svg")
    assert svg.startswith(b"<svg") and b"Legend" in svg and b"No ties (12)" in svg
    with pytest.raises(ValueError):
        map_image(demo_project, "en", "gif")


def _two_groups_and_loners() -> nx.Graph:
    graph = nx.Graph()
    graph.add_edges_from(nx.complete_graph(12).edges)
    graph.add_edges_from((a + 20, b + 20) for a, b in nx.cycle_graph(6).edges)
    graph.add_edge(40, 41)
    graph.add_nodes_from([50, 51, 52])
    nx.set_node_attributes(graph, {50: "Öljy Oy", 51: "Aalto Oy", 52: "Kivi Oy"}, "name")
    return graph


def test_layout_is_seeded_without_overlaps_components_apart_and_loners_in_a_grid():
    graph = _two_groups_and_loners()
    sizes = {n: float(n % 5) for n in graph}
    positions = layout_positions(graph, seed=3, sizes=sizes)
    assert positions == layout_positions(graph, seed=3, sizes=sizes)
    nodes = list(graph)
    xy = np.array([positions[n] for n in nodes]) / UNIT
    radii = node_radii([sizes[n] for n in nodes])
    for i in range(len(nodes)):
        for j in range(i + 1, len(nodes)):
            assert np.hypot(*(xy[i] - xy[j])) >= radii[i] + radii[j] + GAP * 0.9, (nodes[i], nodes[j])
    boxes = []
    for members in (range(12), range(20, 26), (40, 41)):
        points = np.array([positions[n] for n in members])
        boxes.append((*points.min(axis=0), *points.max(axis=0)))
    for a in range(3):
        for b in range(a + 1, 3):
            p, q = boxes[a], boxes[b]
            assert p[2] < q[0] or q[2] < p[0] or p[3] < q[1] or q[3] < p[1]  # components do not overlap
    loners = [positions[n] for n in (51, 52, 50)]  # sorted by name: Aalto, Kivi, Öljy
    tied_bottom = max(positions[n][1] for n in graph if graph.degree(n))
    assert all(y > tied_bottom for _, y in loners)
    assert loners[0][0] < loners[1][0] < loners[2][0] and len({y for _, y in loners}) == 1
    width = max(x for x, _ in positions.values()) - min(x for x, _ in positions.values())
    height = max(y for _, y in positions.values()) - min(y for _, y in positions.values())
    assert width > height  # landscape, like the screens and pages it is shown on


def test_large_component_keeps_its_communities_together():
    graph = nx.planted_partition_graph(12, 100, 0.1, 0.001, seed=2)
    groups = {n: n // 100 for n in graph}
    positions = layout_positions(graph, seed=0, groups=groups)
    from scipy.spatial import cKDTree

    nodes = list(graph)
    xy = np.array([positions[n] for n in nodes])
    _, near = cKDTree(xy).query(xy, k=6)
    same = np.array([[groups[nodes[j]] == groups[nodes[i]] for j in row[1:]] for i, row in enumerate(near)])
    assert same.mean() > 0.8
