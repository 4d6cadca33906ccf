"""A tiny action plan for the runnable examples in the docstrings of this package.

Two focus areas, four organisations (one in Sweden), two workshops, four inputs and three
actions. It is written to a temporary folder once per process and loaded like any project
(:func:`workbook.testing.tiny_project`).
"""

from __future__ import annotations

from functools import lru_cache

from workbook.project import Project
from workbook.testing import tiny_project

TABLES: dict[str, list[dict[str, str]]] = {
    "project": [
        {"key": "name", "value": "Example"}, {"key": "region", "value": "Lapland"},
        {"key": "period_start", "value": "2023-01-01"}, {"key": "period_end", "value": "2027-12-31"},
    ],
    "focus_areas": [
        {"focus_area_id": "FA1", "name_fi": "Kiertotalous", "name_en": "Circular economy"},
        {"focus_area_id": "FA2", "name_fi": "Elämyspalvelut", "name_en": "Experience services"},
    ],
    "actors": [
        {"actor_id": "A1", "name": "Lapin liitto", "actor_type": "public_agency", "municipality": "Rovaniemi"},
        {"actor_id": "A2", "name": "Kemi Metal Oy", "actor_type": "company", "municipality": "Kemi"},
        {"actor_id": "A3", "name": "Lapin yliopisto", "actor_type": "higher_education", "municipality": "Rovaniemi"},
        {"actor_id": "A4", "name": "Luleå tekniska universitet", "actor_type": "higher_education",
         "location": "Luleå", "country": "SE"},
    ],
    "activities": [
        {"activity_id": "W1", "kind": "workshop", "title": "Kiertotalouspaja", "date": "2022-09-15",
         "focus_areas": "FA1"},
        {"activity_id": "W2", "kind": "workshop", "title": "Matkailupaja", "date": "2022-10-04",
         "focus_areas": "FA2"},
    ],
    "participation": [
        {"activity_id": "W1", "actor_id": "A1"}, {"activity_id": "W1", "actor_id": "A2"},
        {"activity_id": "W2", "actor_id": "A3"}, {"activity_id": "W2", "actor_id": "A4"},
    ],
    "inputs": [
        {"input_id": "I1", "activity_id": "W1", "actor_id": "A2", "text": "Sivuvirtapörssi", "focus_areas": "FA1"},
        {"input_id": "I2", "activity_id": "W1", "actor_id": "A1", "text": "Yhteinen kiertotalousohjelma",
         "focus_areas": "FA1"},
        {"input_id": "I3", "activity_id": "W2", "actor_id": "A3", "text": "Luontomatkailun data", "focus_areas": "FA2"},
        {"input_id": "I4", "activity_id": "W2", "actor_id": "A4", "text": "Pohjoiskalotin reitit", "focus_areas": "FA2"},
    ],
    "actions": [
        {"action_id": "T1", "title_fi": "Sivuvirtapörssi", "title_en": "By-product exchange", "focus_areas": "FA1",
         "owner_actor_id": "A1", "partner_actor_ids": "A2;A4", "start": "2024-01-15", "end": "2025-06-30",
         "budget_eur": "200000", "funding": "EAKR;kunnat", "status": "ongoing", "source_input_ids": "I1",
         "indicators": "M1"},
        {"action_id": "T2", "title_fi": "Luontodata", "title_en": "Nature data", "focus_areas": "FA1;FA2",
         "owner_actor_id": "A3", "start": "2024-04-01", "end": "2026-12-31", "budget_eur": "100000",
         "funding": "EAKR", "status": "planned", "source_input_ids": "I1;I3", "indicators": "M2"},
        {"action_id": "T3", "title_fi": "Reittiverkosto", "title_en": "Route network", "focus_areas": "FA2",
         "status": "planned"},
    ],
    "indicators": [
        {"indicator_id": "M1", "name_fi": "Vaihdetut sivuvirrat", "name_en": "By-products exchanged",
         "kind": "output", "unit": "t", "baseline": "0", "target": "1000", "focus_area_id": "FA1"},
        {"indicator_id": "M2", "name_fi": "Avoimet aineistot", "name_en": "Open data sets", "kind": "output",
         "target": "10", "focus_area_id": "FA2"},
    ],
    "indicator_values": [{"indicator_id": "M1", "date": "2024-12-31", "value": "250"}],
    "clusters": [{"cluster_id": "CL1", "name": "Arctic Industry and Circular Economy", "focus_areas": "FA1",
                  "coordinator_actor_id": "A1"}],
}


@lru_cache(maxsize=1)
def example_project() -> Project:
    """The example project, loaded (built once per process).

    Examples
    --------
    >>> example_project().actions["action_id"].tolist()
    ['T1', 'T2', 'T3']
    """
    return tiny_project(**TABLES)
