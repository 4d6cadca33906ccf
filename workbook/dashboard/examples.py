"""A tiny project for the runnable examples in the dashboard modules' docstrings."""

from __future__ import annotations

import csv
import functools
import tempfile
from pathlib import Path

from workbook.project import Project
from workbook.testing import make_project, tiny_project

EXAMPLE_TABLES: dict[str, list[dict[str, str]]] = {
    "project": [{"key": "name", "value": "Esimerkki"}, {"key": "region", "value": "Lapland"},
                {"key": "min_group_size", "value": "2"}],
    "focus_areas": [
        {"focus_area_id": "FA1", "name_fi": "Kiertotalous", "name_en": "Circular economy"},
        {"focus_area_id": "FA2", "name_fi": "Matkailu", "name_en": "Tourism"},
    ],
    "actors": [
        {"actor_id": "A1", "name": "Lapin liitto", "actor_type": "public_agency", "municipality": "Rovaniemi"},
        {"actor_id": "A2", "name": "Kemin Kierto Oy", "actor_type": "company", "municipality": "Kemi",
         "clusters": "CL1"},
        {"actor_id": "A3", "name": "Revontuli Safarit Oy", "actor_type": "company", "municipality": "Rovaniemi"},
    ],
    "activities": [
        {"activity_id": "W1", "kind": "workshop", "title": "Kiertotalouden työpaja", "date": "2022-09-15",
         "focus_areas": "FA1"},
        {"activity_id": "W2", "kind": "workshop", "title": "Matkailun työpaja", "date": "2022-10-04",
         "focus_areas": "FA2"},
    ],
    "participation": [
        {"activity_id": "W1", "actor_id": "A1", "participant_id": "P1"},
        {"activity_id": "W1", "actor_id": "A2", "participant_id": "P2"},
        {"activity_id": "W2", "actor_id": "A1", "participant_id": "P1"},
        {"activity_id": "W2", "actor_id": "A3", "participant_id": "P3"},
    ],
    "inputs": [
        {"input_id": "I1", "activity_id": "W1", "actor_id": "A2", "text": "Sivuvirtojen tori", "focus_areas": "FA1"},
        {"input_id": "I2", "activity_id": "W2", "text": "Yhteinen varausjärjestelmä", "focus_areas": "FA2"},
    ],
    "actions": [
        {"action_id": "T1", "title_fi": "Sivuvirtapörssi", "title_en": "By-product exchange", "focus_areas": "FA1",
         "owner_actor_id": "A1", "partner_actor_ids": "A2", "status": "planned", "source_input_ids": "I1"},
        {"action_id": "T2", "title_fi": "Varausalusta", "title_en": "Booking platform", "focus_areas": "FA2",
         "owner_actor_id": "A3", "status": "ongoing", "source_input_ids": "I2"},
    ],
    "indicators": [{"indicator_id": "M1", "name_fi": "Mittari", "name_en": "Indicator", "kind": "output",
                    "focus_area_id": "FA1"}],
    "clusters": [{"cluster_id": "CL1", "name": "Arctic Industry and Circular Economy", "focus_areas": "FA1",
                  "coordinator_actor_id": "A1"}],
}


@functools.lru_cache(maxsize=1)
def example_project() -> Project:
    """Three actors, two focus areas, two workshops and two actions (loaded and validated).

    Examples
    --------
    >>> example_project().actors["actor_id"].tolist()
    ['A1', 'A2', 'A3']
    """
    return tiny_project(**EXAMPLE_TABLES)


# A survey of twelve: ten companies and two from a municipality (smallest published group: 5).
EXAMPLE_SURVEY_ROWS = [("Yritys", 4, "Lisää yhteistyötä")] * 10 + [("Kunta", 2, "Enemmän rahoitusta")] * 2


@functools.lru_cache(maxsize=1)
def example_survey_project() -> Project:
    """The example project with a survey (``S1``) of twelve respondents: ten companies and
    two from a municipality; groups smaller than five are not published.

    Examples
    --------
    >>> len(example_survey_project().surveys["S1"])
    12
    """
    from workbook.project import load_project

    folder = make_project(
        Path(tempfile.mkdtemp(prefix="workbook-")) / "project",
        **{**EXAMPLE_TABLES, "project": [*EXAMPLE_TABLES["project"][:2], {"key": "min_group_size", "value": "5"}],
           "activities": [*EXAMPLE_TABLES["activities"],
                          {"activity_id": "S1", "kind": "survey", "title": "Kysely", "date": "2022-11-01"}],
           "survey_questions": [
               {"survey_id": "S1", "question_id": "rid", "column": "Vastaaja", "type": "respondent_id"},
               {"survey_id": "S1", "question_id": "type", "column": "Organisaatio", "type": "actor_type",
                "text_fi": "Organisaation tyyppi", "text_en": "Type of organisation"},
               {"survey_id": "S1", "question_id": "Q1", "column": "Yhteistyö", "type": "likert", "scale": "1-5",
                "text_fi": "Yhteistyö toimii", "text_en": "Cooperation works"},
               {"survey_id": "S1", "question_id": "Q2", "column": "Muuta", "type": "open",
                "text_fi": "Muuta", "text_en": "Other"},
           ]})
    (folder / "surveys").mkdir()
    with (folder / "surveys" / "S1.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Vastaaja", "Organisaatio", "Yhteistyö", "Muuta"])
        writer.writerows([number, *row] for number, row in enumerate(EXAMPLE_SURVEY_ROWS, 1))
    return load_project(folder)
