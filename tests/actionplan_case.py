"""A small hand-made action plan whose every link and every gap is known (for the actionplan tests).

Three focus areas, seven organisations (one in Sweden), three activities, eight inputs
and five actions. ``SOURCES`` is the plan's own input → action record, written out here
once so that the tests compare the workbook's trace against it. ``PLANTED`` lists every
gap the plan checks must find, and nothing else.
"""

from __future__ import annotations

from pathlib import Path

from workbook.testing import make_project

FORMULA_TITLE = '=HYPERLINK("http://x","y")'
MARKUP_TITLE = '<a href="http://evil.example/">Reitit</a><script>alert(1)</script>'

# action -> the inputs it names as its sources (the plan's source_input_ids).
SOURCES: dict[str, list[str]] = {"T1": ["I1", "I2"], "T2": ["I3"], "T3": ["I4", "I1"], "T4": [], "T5": ["I6"]}
UNUSED_INPUTS = ["I5", "I7", "I8"]
INPUT_ACTIVITY = {"I1": "W1", "I2": "W1", "I3": "W2", "I4": "W2", "I5": "W2", "I6": "S1", "I7": "S1", "I8": "S1"}
ACTION_FOCUS_AREAS = {"T1": ["FA1"], "T2": ["FA1", "FA3"], "T3": ["FA2"], "T4": ["FA3"], "T5": ["FA2"]}

PLANTED: set[tuple[str, str]] = {
    ("action_without_owner", "T4"), ("action_without_indicator", "T4"), ("action_without_budget", "T4"),
    ("action_without_dates", "T4"), ("action_without_source", "T4"),
    ("focus_area_single_owner", "FA2"), ("focus_area_single_owner", "FA3"),
    ("focus_area_no_company_partner", "FA2"), ("focus_area_no_company_partner", "FA3"),
    ("indicator_without_baseline", "M2"), ("indicator_without_target", "M3"),
    ("action_outside_period", "T5"),
}

TABLES = {
    "project": [
        {"key": "name", "value": "Testisuunnitelma"}, {"key": "region", "value": "Lapland"},
        {"key": "period_start", "value": "2023-01-01"}, {"key": "period_end", "value": "2027-12-31"},
        {"key": "min_group_size", "value": "3"},
    ],
    "focus_areas": [
        {"focus_area_id": "FA1", "name_fi": "Kiertotalous", "name_en": "Circular economy",
         "description_fi": "Sivuvirrat kiertoon.", "description_en": "Side streams back into use."},
        {"focus_area_id": "FA2", "name_fi": "Matkailu", "name_en": "Tourism"},
        {"focus_area_id": "FA3", "name_fi": "Digitalisaatio", "name_en": "Digitalisation"},
    ],
    "actors": [
        {"actor_id": "A1", "name": "Lapin liitto", "actor_type": "public_agency", "municipality": "Rovaniemi"},
        {"actor_id": "A2", "name": "Metalli Oy", "actor_type": "company", "municipality": "Kemi", "clusters": "CL1"},
        {"actor_id": "A3", "name": "Lapin yliopisto", "actor_type": "higher_education", "municipality": "Rovaniemi"},
        {"actor_id": "A4", "name": "Rovaniemen kaupunki", "actor_type": "municipality", "municipality": "Rovaniemi"},
        {"actor_id": "A5", "name": "Luleå tekniska universitet", "actor_type": "higher_education",
         "location": "Luleå", "country": "SE"},
        {"actor_id": "A6", "name": "Matkailu Oy", "actor_type": "company", "municipality": "Kittilä"},
        {"actor_id": "A7", "name": "Lapin Yrittäjät", "actor_type": "association", "municipality": "Rovaniemi"},
    ],
    "activities": [
        {"activity_id": "W1", "kind": "workshop", "title": "Kiertotalouspaja", "date": "2022-09-15",
         "focus_areas": "FA1"},
        {"activity_id": "W2", "kind": "workshop", "title": "Matkailupaja", "date": "2022-10-01", "focus_areas": "FA2"},
        {"activity_id": "S1", "kind": "survey", "title": "Kysely", "date": "2022-11-30",
         "focus_areas": "FA1;FA2;FA3"},
    ],
    "participation": [
        {"activity_id": "W1", "actor_id": "A1", "role": "organiser"}, {"activity_id": "W1", "actor_id": "A2"},
        {"activity_id": "W1", "actor_id": "A3"}, {"activity_id": "W2", "actor_id": "A1", "role": "organiser"},
        {"activity_id": "W2", "actor_id": "A4"}, {"activity_id": "W2", "actor_id": "A6"},
        {"activity_id": "S1", "actor_id": "A2"}, {"activity_id": "S1", "actor_id": "A3"},
        {"activity_id": "S1", "actor_id": "A7"}, {"activity_id": "S1", "actor_id": "A6"},
        {"activity_id": "W1", "actor_id": "A5"},
    ],
    "inputs": [
        {"input_id": "I1", "activity_id": "W1", "actor_id": "A2", "text": "Sivuvirtapörssi", "focus_areas": "FA1",
         "votes": "5"},
        {"input_id": "I2", "activity_id": "W1", "actor_id": "A3", "text": "Tutkimusyhteistyö", "focus_areas": "FA1",
         "votes": "2"},
        {"input_id": "I3", "activity_id": "W2", "actor_id": "A6", "text": "Luontodata", "focus_areas": "FA2",
         "votes": "4"},
        {"input_id": "I4", "activity_id": "W2", "actor_id": "A4", "text": "Reitistö", "focus_areas": "FA2"},
        {"input_id": "I5", "activity_id": "W2", "actor_id": "A6", "text": "Yhteismarkkinointi", "focus_areas": "FA2",
         "votes": "1"},
        {"input_id": "I6", "activity_id": "S1", "actor_id": "A7", "text": "Digitaidot", "focus_areas": "FA3"},
        {"input_id": "I7", "activity_id": "S1", "text": "=1+1 nimetön ehdotus", "focus_areas": "FA3"},
        {"input_id": "I8", "activity_id": "S1", "actor_id": "A2", "text": "Energiakustannukset", "focus_areas": "FA1",
         "votes": "7"},
    ],
    "actions": [
        {"action_id": "T1", "title_fi": "Sivuvirtapörssi", "title_en": "By-product exchange", "focus_areas": "FA1",
         "owner_actor_id": "A1", "partner_actor_ids": "A2;A5", "start": "2024-01-01", "end": "2025-12-31",
         "budget_eur": "200000", "funding": "EAKR;kunnat", "status": "ongoing", "source_input_ids": "I1;I2",
         "indicators": "M1"},
        {"action_id": "T2", "title_fi": FORMULA_TITLE, "title_en": FORMULA_TITLE, "focus_areas": "FA1;FA3",
         "owner_actor_id": "A3", "start": "2024-04-01", "end": "2026-06-30", "budget_eur": "150000",
         "funding": "EAKR", "status": "planned", "source_input_ids": "I3", "indicators": "M2"},
        {"action_id": "T3", "title_fi": "Reitistö", "title_en": "Route network", "focus_areas": "FA2",
         "owner_actor_id": "A4", "partner_actor_ids": "A3", "start": "2024-01-01", "end": "2025-06-30",
         "budget_eur": "80000", "funding": "kunnat", "status": "planned", "source_input_ids": "I4;I1",
         "indicators": "M3"},
        {"action_id": "T4", "title_fi": "Datatalous", "title_en": "Data economy", "focus_areas": "FA3"},
        {"action_id": "T5", "title_fi": MARKUP_TITLE, "title_en": MARKUP_TITLE, "focus_areas": "FA2",
         "owner_actor_id": "A4", "partner_actor_ids": "A7", "start": "2026-01-01", "end": "2028-06-30",
         "budget_eur": "50000", "funding": "Interreg", "status": "planned", "source_input_ids": "I6",
         "indicators": "M3"},
    ],
    "indicators": [
        {"indicator_id": "M1", "name_fi": "Vaihdetut sivuvirrat", "name_en": "By-products exchanged",
         "kind": "output", "unit": "kpl", "baseline": "0", "target": "10", "focus_area_id": "FA1"},
        {"indicator_id": "M2", "name_fi": "Avoimet aineistot", "name_en": "Open data sets", "kind": "result",
         "target": "5", "focus_area_id": "FA3"},
        {"indicator_id": "M3", "name_fi": "Reitit", "name_en": "Routes", "kind": "output", "baseline": "1",
         "focus_area_id": "FA2"},
    ],
    "indicator_values": [
        {"indicator_id": "M1", "date": "2024-12-31", "value": "3"},
        {"indicator_id": "M1", "date": "2025-06-30", "value": "6"},
    ],
    "clusters": [{"cluster_id": "CL1", "name": "Arctic Industry and Circular Economy", "focus_areas": "FA1",
                  "coordinator_actor_id": "A1"}],
}


def write_case(folder: Path, **changes: list[dict[str, object]]) -> Path:
    """The case project in ``folder``, with any table replaced by ``changes``."""
    return make_project(folder, **{**TABLES, **changes})
