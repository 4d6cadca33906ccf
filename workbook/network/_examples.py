"""A tiny project for the examples in the docstrings (written to a temporary folder once)."""

from __future__ import annotations

import functools
import tempfile

TINY_TABLES: dict[str, list[dict[str, str]]] = {
    "project": [{"key": "name", "value": "Tiny"}, {"key": "region", "value": "Lapland"}],
    "focus_areas": [{"focus_area_id": "FA1", "name_fi": "Kiertotalous", "name_en": "Circular economy"},
                    {"focus_area_id": "FA2", "name_fi": "Matkailu", "name_en": "Tourism"}],
    "actors": [
        {"actor_id": "A1", "name": "Lapin liitto", "actor_type": "public_agency", "municipality": "Rovaniemi"},
        {"actor_id": "A2", "name": "Testi Oy", "actor_type": "company", "municipality": "Kemi",
         "size_class": "small", "clusters": "CL1"},
        {"actor_id": "A3", "name": "Lapin yliopisto", "actor_type": "higher_education", "municipality": "Rovaniemi"},
    ],
    "activities": [
        {"activity_id": "W1", "kind": "workshop", "title": "Työpaja 1", "date": "2022-09-15", "focus_areas": "FA1"},
        {"activity_id": "W2", "kind": "workshop", "title": "Työpaja 2", "date": "2022-10-15", "focus_areas": "FA1"},
        {"activity_id": "S1", "kind": "survey", "title": "Kysely", "date": "2022-11-15", "focus_areas": "FA2"},
    ],
    "participation": [{"activity_id": a, "actor_id": b} for a, b in
                      [("W1", "A1"), ("W1", "A2"), ("W2", "A2"), ("W2", "A3"), ("S1", "A1"), ("S1", "A3")]],
    "inputs": [{"input_id": "I1", "activity_id": "W1", "actor_id": "A2", "text": "Idea", "focus_areas": "FA1"}],
    "actions": [{"action_id": "T1", "title_fi": "Toimi", "title_en": "Act", "focus_areas": "FA1",
                 "owner_actor_id": "A1", "partner_actor_ids": "A2"}],
    "indicators": [{"indicator_id": "M1", "name_fi": "Mittari", "name_en": "Indicator", "kind": "output"}],
    "clusters": [{"cluster_id": "CL1", "name": "Arctic Design", "focus_areas": "FA1", "coordinator_actor_id": "A1"}],
    "relations": [{"source_actor_id": "A3", "target_actor_id": "A2"}],
}


@functools.lru_cache(maxsize=1)
def tiny_project():
    """Three actors: a public agency, a company and a university (see ``TINY_TABLES``)."""
    from workbook.project import load_project

    from workbook.network.synthetic import write_tables

    with tempfile.TemporaryDirectory(prefix="workbook-tiny-") as folder:
        return load_project(write_tables(folder, TINY_TABLES))
