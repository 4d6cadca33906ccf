"""The actor network page: the map of who works with whom, brokers, isolates and gaps.

The network is built from the filtered project (ties from the activities, actions,
clusters and relations in view, between the actors in view); every actor keeps the place
it has in the whole network, so the map does not jump when a filter changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from workbook import vocab
from workbook.dashboard.cache import by_identity
from workbook.dashboard.filters import Selection
from workbook.dashboard.parts import bullets, paragraph, table
from workbook.dashboard.widgets import Panel
from workbook.i18n import label, tr

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd

    from workbook.network import ActorNetwork
    from workbook.project import Project

# Unfiltered, a kernel shows the server's drawings of this page (workbook.dashboard.defaults):
# networkx, pandas and the network analyses (1.2 CPU s) are imported by the functions that
# compute.

TEXTS = {
    "map": {"fi": "Toimijaverkoston kartta", "en": "Map of the actor network"},
    "findings": {"fi": "Verkosto lyhyesti", "en": "The network in brief"},
    "gaps": {"fi": "Aukot painopistealueittain", "en": "Gaps by focus area"},
    "brokers": {"fi": "Välittäjät", "en": "Brokers"},
    "brokers_note": {
        "fi": "Välittäjien kautta kulkee moni lyhin polku muiden välillä; ne yhdistävät yhteisöjä tai toimijatyyppejä.",
        "en": "Many shortest paths between others run through brokers; they link communities or kinds of organisation.",
    },
    "no_brokers": {"fi": "Valinnassa ei ole välittäjiä.", "en": "No brokers in this selection."},
    "empty": {"fi": "Valinnalla ei löydy organisaatioita.", "en": "No organisation matches the filters."},
    "organisation": {"fi": "Organisaatio", "en": "Organisation"},
    "type": {"fi": "Tyyppi", "en": "Type"},
    "ties": {"fi": "Yhteyksiä", "en": "Ties"},
    "betweenness": {"fi": "Välillisyys", "en": "Betweenness"},
}

MAP_HEIGHT = 680


@dataclass
class NetworkOfSelection:
    """A network built from a selection, with its metrics (kept for the panels drawn from it)."""

    network: "ActorNetwork"
    graph: "nx.Graph"
    metrics: "pd.DataFrame"

    @classmethod
    def of(cls, project: "Project") -> "NetworkOfSelection":
        from workbook.network import actor_metrics, build_network
        from workbook.network.view import view_graph

        network = build_network(project)
        return cls(network, view_graph(network), actor_metrics(network))


@by_identity(maxsize=2)
def selection_network(selection: Selection) -> NetworkOfSelection:
    """The network of a selection, built once however many panels draw from it."""
    if selection.state.is_everything:
        return whole_network(selection.full)
    return NetworkOfSelection.of(selection.project)


@by_identity(maxsize=2)
def whole_network(project: "Project") -> NetworkOfSelection:
    """The network of the whole project, built once."""
    return NetworkOfSelection.of(project)


@by_identity(maxsize=2)
def whole_network_positions(project: "Project") -> dict:
    """Seeded positions of every actor in the whole project's network (communities as lobes,
    actors without ties set apart), computed once: every part of the network is drawn with
    them, so the map does not jump when a filter changes."""
    from workbook.network.view import map_positions

    built = whole_network(project)
    return map_positions(built.graph, built.metrics, 0)


def draw_findings(selection: Selection, lang: str) -> str:
    """Size, connectedness, isolates, brokers and communities in plain sentences."""
    built = selection_network(selection)
    if built.graph.number_of_nodes() == 0:
        return paragraph(tr(TEXTS, "empty", lang), "note")
    from workbook.network import network_summary
    from workbook.network.metrics import network_findings

    summary = network_summary(built.network, built.metrics)
    return bullets(network_findings(summary, built.metrics, lang))


def draw_gaps(selection: Selection, lang: str) -> str:
    """Per focus area: who is engaged, which kinds of actor and areas are missing, owners."""
    from workbook.network.gaps import companies_without_rdi, focus_area_gaps, focus_area_owners, gap_findings

    project = selection.with_all_actors
    built = selection_network(selection)
    findings = gap_findings(project, focus_area_gaps(project, built.network),
                            companies_without_rdi(project, built.network), focus_area_owners(project), lang)
    return bullets(findings)


def draw_brokers(selection: Selection, lang: str) -> str:
    """The brokers, most central first."""
    import pandas as pd

    from workbook.network.format import metric

    metrics = selection_network(selection).metrics
    brokers = metrics[metrics["broker"]].sort_values(["betweenness", "name"], ascending=[False, True], kind="stable")
    if brokers.empty:
        return paragraph(tr(TEXTS, "no_brokers", lang))
    shown = pd.DataFrame({
        tr(TEXTS, "organisation", lang): brokers["name"],
        tr(TEXTS, "type", lang): [label(vocab.ACTOR_TYPES, code, lang) for code in brokers["actor_type"]],
        tr(TEXTS, "ties", lang): brokers["degree"],
        tr(TEXTS, "betweenness", lang): [metric(value, "betweenness", lang) for value in brokers["betweenness"]],
    })
    return paragraph(tr(TEXTS, "brokers_note", lang)) + table(shown.head(15), lang=lang)


FINDINGS = Panel(TEXTS["findings"], draw_findings, name="findings")
GAPS = Panel(TEXTS["gaps"], draw_gaps, name="gaps")
BROKERS = Panel(TEXTS["brokers"], draw_brokers, name="brokers")
