"""One language per output: names of places, focus areas and indicators in the reader's language.

A tiny project for another region gives every sub-region, focus area and indicator a Finnish
and a distinct English name; each deliverable (participation summary, action plan, cluster
scorecard, network) is built in both languages and its HTML and xlsx text is searched.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from workbook import load_project
from workbook.actionplan import export as actions_export
from workbook.clusters import export as clusters_export
from workbook.network import export as network_export
from workbook.network.gaps import companies_without_rdi, focus_area_gaps, focus_area_owners, gap_findings
from workbook.network.graphs import build_network
from workbook.participation import export as summary_export
from workbook.testing import MINIMAL, make_project

# Finnish name -> English name. The English names are chosen so that neither contains the other.
SUB_REGIONS = {"Keski-Karjalan seutukunta": "Central Karelia", "Joensuun seutukunta": "Joensuu area"}
FOCUS_AREAS = {"Metsäbiotalous": "Forest bioeconomy", "Matkailupalvelut": "Tourism services"}
INDICATORS = {"Uudet yhteishankkeet": "New joint projects"}

TABLES = {
    "project": [{"key": "name", "value": "Karjala S3"}, {"key": "region", "value": "Pohjois-Karjala"},
                {"key": "min_group_size", "value": "1"}],
    "municipalities": [
        {"municipality": "Joensuu", "sub_region": "Joensuun seutukunta", "sub_region_en": "Joensuu area"},
        {"municipality": "Kitee", "sub_region": "Keski-Karjalan seutukunta", "sub_region_en": "Central Karelia"},
    ],
    "focus_areas": [
        {"focus_area_id": "FA1", "name_fi": "Metsäbiotalous", "name_en": "Forest bioeconomy"},
        {"focus_area_id": "FA2", "name_fi": "Matkailupalvelut", "name_en": "Tourism services"},
    ],
    "actors": [
        {"actor_id": "A1", "name": "Maakuntaliitto", "actor_type": "public_agency", "municipality": "Joensuu"},
        {"actor_id": "A2", "name": "Testi Oy", "actor_type": "company", "municipality": "Joensuu",
         "business_id": "0245437-2", "size_class": "small", "clusters": "CL1"},
        {"actor_id": "A3", "name": "Kiteen Sahat Oy", "actor_type": "company", "municipality": "Kitee",
         "size_class": "small"},
    ],
    "activities": [{"activity_id": "W1", "kind": "workshop", "title": "Työpaja", "date": "2024-02-06",
                    "municipality": "Joensuu", "focus_areas": "FA1;FA2"}],
    "participation": [{"activity_id": "W1", "actor_id": "A1"}, {"activity_id": "W1", "actor_id": "A2"}],
    "inputs": [{"input_id": "I1", "activity_id": "W1", "actor_id": "A2", "text": "Idea", "focus_areas": "FA1",
                "votes": "3"},
               {"input_id": "I2", "activity_id": "W1", "actor_id": "A1", "text": "Reitit", "focus_areas": "FA2"}],
    "actions": [{**MINIMAL["actions"][0], "focus_areas": "FA1;FA2"}],
    "indicators": [{"indicator_id": "M1", "name_fi": "Uudet yhteishankkeet", "name_en": "New joint projects",
                    "kind": "output", "baseline": "0", "target": "5", "focus_area_id": "FA1"}],
    "indicator_values": [{"indicator_id": "M1", "date": "2024-12-31", "value": "2"}],
    "clusters": [{"cluster_id": "CL1", "name": "Arctic Design", "focus_areas": "FA1;FA2",
                  "coordinator_actor_id": "A1"}],
}


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return load_project(make_project(tmp_path_factory.mktemp("karjala") / "project", **TABLES))


@pytest.fixture(scope="module")
def outputs(project, tmp_path_factory):
    written = {}
    for lang in ("fi", "en"):
        out = tmp_path_factory.mktemp(f"out-{lang}")
        written[lang] = (summary_export.export(project, out, lang)
                         + actions_export.export(project, out, lang, onepagers=False)
                         + clusters_export.export(project, out, lang)
                         + [p for p in network_export.export(project, out, lang) if p.suffix == ".html"])
    return written


def shown_text(path: Path) -> str:
    """The text a reader sees in an HTML page (scripts' code left out) or in an xlsx."""
    if path.suffix == ".xlsx":
        with zipfile.ZipFile(path) as book:
            return "\n".join(book.read(name).decode("utf-8") for name in book.namelist()
                             if name.startswith("xl/") and name.endswith(".xml"))
    page = path.read_text(encoding="utf-8")
    if path.name == "network.html":
        # The map's data names sub-regions by their Finnish code and the page's script shows
        # them through a code -> name table in the reader's language: only the page's text counts.
        return re.sub(r"<script[^>]*>.*?</script>", "", page, flags=re.S)
    # Library code (plotly.js) holds no project names; the figures' data, which the reader
    # sees as labels and hover text, is kept.
    return re.sub(r"<script[^>]*>(?:(?!</script>).){20000,}?</script>", "", page, flags=re.S)


def test_network_gap_names_missing_sub_regions_in_english(project):
    network = build_network(project)
    findings = {lang: " ".join(gap_findings(project, focus_area_gaps(project, network),
                                            companies_without_rdi(project, network), focus_area_owners(project),
                                            lang)) for lang in ("fi", "en")}
    assert "sub-regions with no one engaged: Central Karelia" in findings["en"]
    assert "Keski-Karjalan seutukunta" not in findings["en"]
    assert "Keski-Karjalan seutukunta" in findings["fi"] and "Central Karelia" not in findings["fi"]


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_no_output_names_a_place_focus_area_or_indicator_in_the_other_language(outputs, lang):
    names = {**SUB_REGIONS, **FOCUS_AREAS, **INDICATORS}
    other = list(names) if lang == "en" else list(names.values())
    own = list(names.values()) if lang == "en" else list(names)
    seen_own = set()
    for path in outputs[lang]:
        text = shown_text(path)
        found = [name for name in other if name in text]
        assert found == [], f"{path.name} names {found} in the other language"
        seen_own |= {name for name in own if name in text}
    # The names are there, in the reader's language (the test would pass on empty outputs otherwise).
    assert {FOCUS_AREAS[k] if lang == "en" else k for k in FOCUS_AREAS} <= seen_own
    assert (SUB_REGIONS["Keski-Karjalan seutukunta"] if lang == "en" else "Keski-Karjalan seutukunta") in seen_own


def test_english_tables_and_text_write_dates_the_same_way(outputs):
    page = next(p for p in outputs["en"] if p.name == "participation_summary_en.html").read_text(encoding="utf-8")
    assert "6 Feb 2024" in page and "6.2.2024" not in page
    page = next(p for p in outputs["fi"] if p.name == "participation_summary_fi.html").read_text(encoding="utf-8")
    assert "6.2.2024" in page and "6 Feb 2024" not in page
