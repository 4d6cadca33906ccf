"""A small hand-made project whose cluster evidence is worked out by hand in the tests.

CL1 "Arctic Design": members C1, C2, C3 (companies) and U1 (higher education).
CL2 "Arctic Safety": members C3 (company), R1 (research) and M1 (municipality).
The activities run from March 2022 to February 2024: 24 calendar months, two years. The
project's (strategy) period 2023–2027 does not matter for the evidence.
"""

from __future__ import annotations

CRITERIA = [
    {"criterion_id": "K1", "name_fi": "Yritysten sitoutuminen", "name_en": "Company involvement",
     "measure": "count", "threshold": "3", "evidence": "company_members"},
    {"criterion_id": "K2", "name_fi": "Nimitetty johtaja", "name_en": "Appointed director",
     "measure": "yes_no", "threshold": "1", "evidence": "recorded"},
    {"criterion_id": "K3", "name_fi": "Yritysten osuus", "name_en": "Company share",
     "measure": "share", "threshold": "0.5", "evidence": "company_share"},
    {"criterion_id": "K4", "name_fi": "Jäsentilaisuudet", "name_en": "Member activities",
     "measure": "count", "threshold": "2", "evidence": "member_activities_per_year"},
    {"criterion_id": "K5", "name_fi": "Yritysten osallistuminen", "name_en": "Company participation",
     "measure": "share", "threshold": "0.5", "evidence": "company_participation"},
    {"criterion_id": "K6", "name_fi": "Yritys–TKI-yhteydet", "name_en": "Company–RDI ties",
     "measure": "count", "threshold": "2", "evidence": "company_rdi_ties"},
]

TABLES: dict[str, list[dict[str, object]]] = {
    "project": [{"key": "name", "value": "Klusteritesti"}, {"key": "region", "value": "Lapland"},
                {"key": "period_start", "value": "1.3.2023"}, {"key": "period_end", "value": "31.12.2027"}],
    "actors": [
        {"actor_id": "A1", "name": "Lapin liitto", "actor_type": "public_agency", "municipality": "Rovaniemi"},
        {"actor_id": "C1", "name": "Yksi Oy", "actor_type": "company", "municipality": "Kemi", "clusters": "CL1"},
        {"actor_id": "C2", "name": "Kaksi Oy", "actor_type": "company", "municipality": "Tornio", "clusters": "CL1"},
        {"actor_id": "C3", "name": "Kolme Oy", "actor_type": "company", "municipality": "Inari",
         "clusters": "CL1;CL2"},
        {"actor_id": "U1", "name": "Lapin yliopisto", "actor_type": "higher_education",
         "municipality": "Rovaniemi", "clusters": "CL1"},
        {"actor_id": "R1", "name": "Tutkimuslaitos", "actor_type": "research", "municipality": "Rovaniemi",
         "clusters": "CL2"},
        {"actor_id": "M1", "name": "Sodankylän kunta", "actor_type": "municipality", "municipality": "Sodankylä",
         "clusters": "CL2"},
    ],
    "activities": [
        {"activity_id": "W1", "kind": "workshop", "title": "Muotoilupaja", "date": "2022-03-01", "clusters": "CL1"},
        {"activity_id": "W2", "kind": "workshop", "title": "Yhteispaja", "date": "2022-10-01",
         "clusters": "CL1;CL2"},
        {"activity_id": "W3", "kind": "webinar", "title": "Webinaari", "date": "2023-05-01", "clusters": "CL1"},
        {"activity_id": "W4", "kind": "workshop", "title": "Loppupaja", "date": "2024-02-01"},
        {"activity_id": "S1", "kind": "survey", "title": "Kysely", "date": "2023-01-10"},
    ],
    "participation": [
        {"activity_id": "W1", "actor_id": "C1"}, {"activity_id": "W1", "actor_id": "U1"},
        {"activity_id": "W2", "actor_id": "C3"}, {"activity_id": "W2", "actor_id": "R1"},
        {"activity_id": "W2", "actor_id": "M1"},
        {"activity_id": "W3", "actor_id": "C1", "participant_id": "P1"},
        {"activity_id": "W3", "actor_id": "C1", "participant_id": "P2"},
        {"activity_id": "S1", "actor_id": "A1"},
    ],
    "inputs": [{"input_id": "I1", "activity_id": "W1", "actor_id": "C1", "text": "Idea", "focus_areas": "FA1"}],
    "actions": [{"action_id": "T1", "title_fi": "Toimi", "title_en": "Action", "focus_areas": "FA1",
                 "owner_actor_id": "A1", "partner_actor_ids": "C2;U1", "status": "planned"}],
    "clusters": [
        {"cluster_id": "CL1", "name": "Arctic Design", "focus_areas": "FA1", "coordinator_actor_id": "U1"},
        {"cluster_id": "CL2", "name": "Arctic Safety", "focus_areas": "FA1", "coordinator_actor_id": "R1"},
    ],
    "cluster_criteria": CRITERIA,
    "cluster_assessments": [
        {"cluster_id": "CL1", "criterion_id": "K2", "value": "0", "evidence": "Haku käynnissä",
         "assessed_on": "30.4.2022"},
        {"cluster_id": "CL2", "criterion_id": "K2", "value": "1", "evidence": "Johtaja nimitetty",
         "assessed_on": "3.5.2022"},
        {"cluster_id": "CL1", "criterion_id": "K2", "value": "1", "evidence": "Johtaja nimitetty 1.3.2023",
         "assessed_on": "28.4.2023"},
    ],
}


def with_criterion(criterion_id: str, **changes: object) -> list[dict[str, object]]:
    """The criteria table with one criterion's cells changed."""
    return [{**row, **changes} if row["criterion_id"] == criterion_id else row for row in CRITERIA]
