"""The demo project: valid, the same in CSV and Excel form, and rich enough to analyse."""

import hashlib
import subprocess
import sys

import pandas as pd

from conftest import DEMO, DEMO_XLSX, ROOT
from workbook import load_project, validate_project
from workbook.cli import main as cli_main


def test_demo_validates_with_exit_code_0(capsys):
    assert cli_main(["validate", str(DEMO)]) == 0
    assert cli_main(["validate", str(DEMO_XLSX)]) == 0


def test_demo_warnings_are_only_the_planted_never_took_part_actors():
    report = validate_project(DEMO)
    assert {(w.rule, w.value) for w in report.warnings} == {
        ("never_took_part", actor) for actor in ("A028", "A045", "A052", "A054", "A198")}


def test_csv_and_xlsx_forms_load_to_identical_tables():
    from_csv, from_xlsx = load_project(DEMO), load_project(DEMO_XLSX)
    assert from_csv.source == "csv" and from_xlsx.source == "xlsx"
    assert from_csv.tables.keys() == from_xlsx.tables.keys()
    for name, frame in from_csv.tables.items():
        pd.testing.assert_frame_equal(frame, from_xlsx.tables[name], obj=name)
    for name, frame in from_csv.links.items():
        pd.testing.assert_frame_equal(frame, from_xlsx.links[name], obj=name)
    assert from_csv.surveys.keys() == from_xlsx.surveys.keys()
    for survey, answers in from_csv.surveys.items():
        pd.testing.assert_frame_equal(answers, from_xlsx.surveys[survey], obj=survey)
    assert from_csv.settings == from_xlsx.settings


def test_demo_covers_the_region_and_every_actor_type(demo_project):
    actors = demo_project.actors
    assert set(demo_project.municipalities["municipality"]) <= set(actors["municipality"].dropna())
    assert len(demo_project.municipalities) == 21
    assert set(actors["actor_type"]) == {"company", "municipality", "higher_education", "research",
                                         "public_agency", "intermediary", "financier", "association", "other"}
    assert set(actors.loc[actors.actor_type == "company", "size_class"]) == {"micro", "small", "medium", "large"}
    assert 150 <= len(actors) <= 250 and len(demo_project.focus_areas) == 4 and len(demo_project.clusters) == 5
    assert {"workshop", "survey", "sprint", "interview"} <= set(demo_project.activities["kind"])
    assert len(demo_project.cluster_criteria) == 8


def test_survey_exports_hold_personal_data_that_never_reaches_the_project(demo_project):
    raw = (DEMO / "surveys" / "S1.csv").read_text(encoding="utf-8-sig")
    assert "Sähköposti" in raw and "@example" in raw
    loaded = "".join(answers.to_csv() for answers in demo_project.surveys.values())
    assert "@example" not in loaded
    names = {line.split(";")[1] for line in raw.splitlines()[1:6]}
    assert names and not any(name in loaded for name in names)
    # The tools' own .xlsx layouts carry names and e-mails too (Webropol S3, Microsoft Forms S4).
    from workbook.readers import read_xlsx

    for survey in ("S3", "S4"):
        sheet = read_xlsx(DEMO / "surveys" / f"{survey}.xlsx", f"{survey}.xlsx")["vastaukset"]
        people = {str(r[c]) for r in sheet.records for c in ("Nimi", "Sähköposti") if r.get(c)}
        assert len(people) > 100 and not any(person in loaded for person in people)


def test_demo_surveys_come_in_the_tools_layouts_and_load_with_codebook_rows_only(demo_project):
    assert sorted(demo_project.surveys) == ["S1", "S2", "S3", "S4"]
    assert {p.name for p in (DEMO / "surveys").iterdir()} == {"S1.csv", "S2.csv", "S3.xlsx", "S4.xlsx"}
    assert {len(a) for a in demo_project.surveys.values()} == {250, 180, 85, 58}


def test_demo_generator_rebuilds_the_committed_files_byte_for_byte(tmp_path):
    subprocess.run([sys.executable, str(ROOT / "tools" / "make_demo.py"), "--no-check", "--out", str(tmp_path)],
                   check=True, cwd=ROOT, capture_output=True)
    for folder in (DEMO, DEMO_XLSX):
        committed = {p.relative_to(folder): hashlib.sha256(p.read_bytes()).hexdigest()
                     for p in sorted(folder.rglob("*")) if p.is_file()}
        rebuilt = {p.relative_to(tmp_path / folder.name): hashlib.sha256(p.read_bytes()).hexdigest()
                   for p in sorted((tmp_path / folder.name).rglob("*")) if p.is_file()}
        assert rebuilt == committed
