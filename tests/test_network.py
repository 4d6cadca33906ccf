"""The actor network: layers, metrics checked against networkx, gaps, findings, exports."""

from __future__ import annotations

import subprocess
import sys

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from networkx.algorithms import bipartite

from workbook import load_project
from workbook.i18n import missing_translations
from workbook.network import export as network_export
from workbook.network import format as network_format
from workbook.network import gaps, graphs, metrics, tables, view
from workbook.network.graphs import ActorNetwork, build_network, combine_layers
from workbook.network.metrics import actor_metrics, network_findings, network_summary
from workbook.network.synthetic import write_synthetic_project

NO_ACTIONS = {"actions": [], "inputs": [], "clusters": []}


@pytest.fixture(scope="module")
def southern_women(tmp_path_factory):
    """Davis's Southern-women attendance data (18 participants × 14 events) as a project."""
    from conftest import make_project

    davis = nx.davis_southern_women_graph()
    women, events = davis.graph["top"], davis.graph["bottom"]
    actor_of = {woman: f"W{i:02d}" for i, woman in enumerate(women, start=1)}
    activity_of = {event: f"E{i:02d}" for i, event in enumerate(events, start=1)}
    folder = make_project(
        tmp_path_factory.mktemp("davis"),
        actors=[{"actor_id": a, "name": f"Organisation {a}", "actor_type": "association"} for a in actor_of.values()],
        activities=[{"activity_id": e, "kind": "workshop", "title": e, "date": "1933-01-01"}
                    for e in activity_of.values()],
        participation=[{"activity_id": activity_of[event], "actor_id": actor_of[woman]}
                       for woman in women for event in davis[woman]],
        **NO_ACTIONS)
    projection = nx.relabel_nodes(bipartite.weighted_projected_graph(davis, women), actor_of)
    return load_project(folder), projection


def test_projection_weights_are_shared_events_as_networkx_counts_them(southern_women):
    project, expected = southern_women
    graph = graphs.build_participation(project)
    assert {frozenset((u, v)): d["weight"] for u, v, d in graph.edges(data=True)} == \
        {frozenset((u, v)): float(d["weight"]) for u, v, d in expected.edges(data=True)}


def test_metrics_match_networkx_on_southern_women(southern_women):
    project, expected = southern_women
    table = actor_metrics(build_network(project)).set_index("actor_id")
    references = {
        "degree": dict(expected.degree()),
        "weighted_degree": dict(expected.degree(weight="weight")),
        "betweenness": nx.betweenness_centrality(expected),
        "closeness": nx.closeness_centrality(expected),
        "eigenvector": nx.eigenvector_centrality(expected, weight="weight", max_iter=1000, tol=1e-12),
        "k_core": nx.core_number(expected),
    }
    for column, reference in references.items():
        np.testing.assert_allclose(table[column].astype(float), pd.Series(reference)[table.index].astype(float),
                                   rtol=1e-6, atol=1e-9, err_msg=column)
    ours = [set(group.index) for _, group in table.groupby("community")]
    theirs = nx.community.louvain_communities(expected, weight="weight", seed=0)
    assert nx.community.modularity(expected, ours) >= nx.community.modularity(expected, theirs) - 1e-9


def test_network_summary_matches_networkx(southern_women):
    project, expected = southern_women
    network = build_network(project)
    summary = network_summary(network, actor_metrics(network))
    assert summary.actors == expected.number_of_nodes()
    assert summary.ties == expected.number_of_edges()
    assert summary.density == pytest.approx(nx.density(expected))
    assert summary.average_path_length == pytest.approx(nx.average_shortest_path_length(expected))
    assert summary.components == nx.number_connected_components(expected)
    assert summary.samples == 0


def test_metrics_of_a_graph_in_pieces_match_networkx():
    graph = nx.disjoint_union(nx.karate_club_graph(), nx.path_graph(5))
    graph.add_node("alone")
    table = actor_metrics(graph).set_index("actor_id")
    np.testing.assert_allclose(table["closeness"], pd.Series(nx.closeness_centrality(graph))[table.index])
    np.testing.assert_allclose(table["betweenness"], pd.Series(nx.betweenness_centrality(graph))[table.index])
    assert table.at["alone", "isolate"] and pd.isna(table.at["alone", "community"])
    assert table.loc[list(range(34, 39)), "weakly_connected"].all()  # the path lies apart from the main group
    assert table.at[11, "weakly_connected"] and not table.at[0, "weakly_connected"]  # one tie / many ties


def test_sampled_estimates_are_seeded_and_close_to_exact():
    graph = nx.connected_caveman_graph(12, 8)
    exact = actor_metrics(graph)
    sampled = actor_metrics(graph, exact_work_limit=0, samples=24, seed=3)
    again = actor_metrics(graph, exact_work_limit=0, samples=24, seed=3)
    pd.testing.assert_frame_equal(sampled, again)
    assert np.corrcoef(sampled["betweenness"], exact["betweenness"])[0, 1] > 0.95
    assert (sampled["closeness"] / exact["closeness"] - 1).abs().max() < 0.1
    every_source = actor_metrics(graph, exact_work_limit=0, samples=graph.number_of_nodes())
    pd.testing.assert_frame_equal(every_source, exact)
    summary = network_summary(graph, sampled, exact_work_limit=0, samples=24, seed=3)
    assert summary.samples == 24
    assert summary.average_path_length == pytest.approx(nx.average_shortest_path_length(graph), rel=0.1)


def test_communities_are_reproducible_and_found_on_strong_ties_at_scale():
    # Two groups of ten: strong ties (weight 3) inside, weak ones (weight 1) between.
    graph = nx.Graph()
    groups = {n: n // 10 for n in range(20)}
    for u in range(20):
        for v in range(u + 1, 20):
            if groups[u] == groups[v]:
                graph.add_edge(u, v, weight=3.0)
            elif (u + v) % 3 == 0:
                graph.add_edge(u, v, weight=1.0)
    graph.add_edge(20, 0, weight=1.0)  # a newcomer tied only weakly, to the first group
    full = actor_metrics(graph, seed=1).set_index("actor_id")["community"]
    thresholded = actor_metrics(graph, seed=1, community_tie_limit=90).set_index("actor_id")["community"]
    assert full.equals(actor_metrics(graph, seed=1).set_index("actor_id")["community"])
    for communities in (full, thresholded):
        assert communities[range(10)].nunique() == 1 and communities[range(10, 20)].nunique() == 1
        assert communities[0] != communities[10]
    assert thresholded[20] == thresholded[0]  # joined the community its only tie leads to
    assert set(full.dropna()) == {1, 2}


def test_bridge_actor_is_the_broker():
    table = actor_metrics(nx.barbell_graph(5, 1)).set_index("actor_id")
    assert table.index[table["broker"]].tolist() == [5]
    assert table.at[5, "communities_linked"] == 1


def test_layers_partnership_cluster_relation(project_factory):
    folder = project_factory(
        actors=[{"actor_id": f"A{i}", "name": f"Org {i}", "actor_type": t, "clusters": "CL1" if i == 2 else ""}
                for i, t in enumerate(["public_agency", "company", "company", "research", "company"], start=1)],
        participation=[{"activity_id": "W1", "actor_id": "A1"}, {"activity_id": "W1", "actor_id": "A2"}],
        actions=[{"action_id": "T1", "title_fi": "T", "title_en": "T", "focus_areas": "FA1",
                  "owner_actor_id": "A1", "partner_actor_ids": "A2;A3"}],
        inputs=[],
        clusters=[{"cluster_id": "CL1", "name": "C", "coordinator_actor_id": "A4"}],
        relations=[{"source_actor_id": "A5", "target_actor_id": "A4", "weight": "2"},
                   {"source_actor_id": "A4", "target_actor_id": "A5", "kind": "contract"},
                   {"source_actor_id": "A5", "target_actor_id": "A5"}],
    )
    project = load_project(folder)
    partnership = graphs.build_partnerships(project)
    assert sorted(partnership.edges) == [("A1", "A2"), ("A1", "A3"), ("A2", "A3")]
    relation = graphs.build_relations(project)
    assert list(relation.edges(data="weight")) == [("A4", "A5", 3.0)]
    assert sorted(graphs.build_cluster_ties(project).edges) == [("A2", "A4")]  # member and coordinator
    network = build_network(project)
    assert network.to_networkx().nodes["A2"]["focus_areas"] == ("FA1",)
    assert network.to_networkx().nodes["A1"]["helix"] == "government"


def test_survey_and_webinar_participants_are_not_tied_unless_asked(project_factory):
    folder = project_factory(
        activities=[{"activity_id": "S1", "kind": "survey", "title": "S", "date": "2022-09-15"},
                    {"activity_id": "B1", "kind": "webinar", "title": "B", "date": "2022-09-16"}],
        participation=[{"activity_id": a, "actor_id": x} for a in ("S1", "B1") for x in ("A1", "A2")],
        inputs=[{"input_id": "I1", "activity_id": "S1", "actor_id": "A2", "text": "Idea"}])
    project = load_project(folder)
    assert graphs.build_participation(project).number_of_edges() == 0
    assert graphs.build_participation(project, kinds=None).edges["A1", "A2"]["weight"] == 2.0


def test_combined_layers_agree_with_the_sparse_network(demo_project):
    network = build_network(demo_project)
    overlay = combine_layers([network.to_networkx([layer]) for layer in network.layers])
    direct = network.to_networkx()
    assert nx.utils.graphs_equal(overlay, direct)
    round_trip = ActorNetwork.from_networkx(direct)
    assert (round_trip.ties() != network.ties()).nnz == 0


def test_demo_planted_network_facts(demo_project):
    network = build_network(demo_project)
    table = actor_metrics(network).set_index("actor_id")
    # README: Savukoski's actors never take part; A053 takes part alone in interview H3.
    assert {"A045", "A052", "A053"} <= set(table.index[table["isolate"]])
    companies = gaps.companies_without_rdi(demo_project, network)
    assert "A053" in set(companies["actor_id"])
    owners = gaps.focus_area_owners(demo_project).set_index("focus_area_id")
    assert owners.at["FA4", "status"] == "single_owner" and owners.at["FA4", "owners"] == ("A001",)
    findings = gaps.gap_findings(demo_project, gaps.focus_area_gaps(demo_project, network), companies, owners.reset_index(),
                                 "en")
    assert any("Lapin liitto" in sentence and "single owner" in sentence for sentence in findings)
    assert any("Kolarin Kylmätestaus Oy" in sentence for sentence in findings)


def test_focus_area_gaps_name_missing_kinds_and_places(project_factory):
    folder = project_factory(
        focus_areas=[{"focus_area_id": "FA1", "name_fi": "Kiertotalous", "name_en": "Circular economy"},
                     {"focus_area_id": "FA2", "name_fi": "Matkailu", "name_en": "Tourism"}],
        actions=[{"action_id": "T1", "title_fi": "T", "title_en": "T", "focus_areas": "FA1"},
                 {"action_id": "T2", "title_fi": "T", "title_en": "T", "focus_areas": "FA2", "owner_actor_id": "A1"},
                 {"action_id": "T3", "title_fi": "T", "title_en": "T", "focus_areas": "FA2", "owner_actor_id": "A1"}])
    project = load_project(folder)
    network = build_network(project)
    table = gaps.focus_area_gaps(project, network).set_index("focus_area_id")
    assert "higher_education" in table.at["FA1", "missing_actor_types"]
    assert "company" not in table.at["FA1", "missing_actor_types"]
    assert "Tunturi-Lappi" in table.at["FA1", "missing_sub_regions"]
    assert "Savukoski" in table.at["FA1", "missing_municipalities"]
    assert table.at["FA1", "connected_share"] == 1.0
    owners = gaps.focus_area_owners(project).set_index("focus_area_id")
    assert owners.loc["FA1", "status"] == "no_owner" and owners.loc["FA2", "status"] == "single_owner"
    companies = gaps.companies_without_rdi(project, network)
    assert companies["actor_id"].tolist() == ["A2"]
    fi = gaps.gap_findings(project, table.reset_index(), companies, owners.reset_index(), "fi")
    assert "Matkailu: kaikki 2 toimenpidettä ovat yhden vastuutahon varassa (Lapin liitto)." in fi
    assert "Kiertotalous: millään sen 1 toimenpiteestä ei ole vastuutahoa." in fi


def test_findings_in_both_languages_and_tables_render(demo_project):
    network = build_network(demo_project)
    table = actor_metrics(network)
    summary = network_summary(network, table)
    for lang in ("fi", "en"):
        sentences = network_findings(summary, table, lang)
        assert len(sentences) >= 4 and all(s.endswith(".") for s in sentences)
        shown = tables.metrics_table(table, lang, top=10)
        assert len(shown) == 10 and shown.iloc[0, 0] == table.sort_values("betweenness").iloc[-1]["name"]
        assert len(summary.table(lang)) == 13


@pytest.mark.parametrize("module", [graphs, metrics, gaps, view, tables, network_format])
def test_every_text_exists_in_finnish_and_english(module):
    assert missing_translations(getattr(module, "TEXTS", {})) == []
    for name in ("LAYER_LABELS", "ROLE_LABELS", "METRIC_LABELS", "COLOURING_LABELS", "OWNERSHIP_STATUSES"):
        if hasattr(module, name):
            assert missing_translations(getattr(module, name)) == []


def test_export_command_writes_safe_files_gephi_can_read(project_factory, tmp_path):
    folder = project_factory(
        project=[{"key": "name", "value": "=cmd|' /C calc'!A0"}, {"key": "region", "value": "Lapland"}],
        actors=[{"actor_id": "A1", "name": "=HYPERLINK(\"http://x\",\"y\")", "actor_type": "public_agency",
                 "municipality": "Rovaniemi"},
                {"actor_id": "A2", "name": "Testi Oy", "actor_type": "company", "municipality": "Kemi",
                 "clusters": "CL1"}])
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "workbook.cli", "network", str(folder), "--out", str(out),
                             "--lang", "en"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in out.iterdir())
    assert names == ["network.gexf", "network.graphml", "network.html", "network_kumu.xlsx", "network_map.png",
                     "network_map.svg", "network_metrics.csv"]
    rows = pd.read_csv(out / "network_metrics.csv")
    assert list(rows.columns[:9]) == ["actor_id", "name", "actor_type", "degree", "weighted_degree", "betweenness",
                                      "eigenvector", "closeness", "community"]
    assert rows.set_index("actor_id").at["A1", "name"].startswith("'=")
    for reader, path in ((nx.read_gexf, "network.gexf"), (nx.read_graphml, "network.graphml")):
        graph = reader(out / path)
        assert graph.number_of_nodes() == 2 and graph.number_of_edges() == 1
        assert graph.nodes["A1"]["name"] == "=HYPERLINK(\"http://x\",\"y\")"
    again = tmp_path / "again"
    network_export.export(load_project(folder), again, "en", png=False)
    assert all((out / n).read_bytes() == (again / n).read_bytes() for n in names if n != "network_map.png")


def test_synthetic_project_loads_and_has_communities(tmp_path):
    project = load_project(write_synthetic_project(tmp_path / "synthetic", 300, 30, 900, groups=4, seed=1))
    network = build_network(project, ["participation"])
    table = actor_metrics(network)
    assert len(table) == 300 and network.ties().nnz > 1000
    assert network_summary(network, table).modularity > 0.2


def test_drawing_keeps_the_strongest_ties_up_to_the_limit():
    graph = nx.complete_graph(12)
    nx.set_edge_attributes(graph, 1.0, "weight")
    for u, v in [(0, 1), (2, 3), (4, 5)]:
        graph.edges[u, v]["weight"] = 4.0
    network = ActorNetwork.from_networkx(graph)
    drawn = network.to_networkx(max_ties=10)
    assert drawn.number_of_edges() == 10 and drawn.number_of_nodes() == 12
    assert {(0, 1), (2, 3), (4, 5)} <= set(drawn.edges)
    assert nx.utils.graphs_equal(drawn, network.to_networkx(max_ties=10))  # the sample is seeded
