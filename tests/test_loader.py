"""Loading and validating projects: typed values, Finnish formats, and every kind of bad input."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from conftest import MINIMAL, make_project, write_table
from workbook import ProjectError, load_project, validate_project
from workbook.cli import main as cli_main


def problems_of(folder: Path, rule: str | None = None):
    report = validate_project(folder)
    return [p for p in report.problems if rule is None or p.rule == rule]


def folder_state(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_minimal_project_loads_with_typed_columns_and_link_tables(tmp_path):
    project = load_project(make_project(tmp_path / "p"))
    assert project.actions.loc[0, "budget_eur"] == 1000.0
    assert project.actions.loc[0, "start"] == pd.Timestamp("2024-01-01")
    assert project.actions.loc[0, "partner_actor_ids"] == ("A2",)
    assert project.action_partners.to_dict("records") == [{"action_id": "T1", "actor_id": "A2"}]
    assert project.actors.set_index("actor_id").loc["A2", "sub_region"] == "Kemi-Tornio"
    assert project.inputs["votes"].dtype == "Int64"
    assert project.min_group_size == 5
    assert project.report.ok and project.report.warnings == []


def test_finnish_csv_conventions_are_read_correctly(tmp_path):
    folder = make_project(tmp_path / "p")
    action = dict(MINIMAL["actions"][0], budget_eur="1\u00a0234,50", start="5.1.2024", end="45658")
    write_table(folder, "actions", [action], delimiter=";", encoding="cp1252")
    actors = [dict(MINIMAL["actors"][0], name="Kemijärven kaupunki"), MINIMAL["actors"][1]]
    path = write_table(folder, "actors", actors, delimiter=";")
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    project = load_project(folder)
    assert project.actions.loc[0, "budget_eur"] == 1234.5
    assert project.actions.loc[0, "start"] == pd.Timestamp("2024-01-05")
    assert project.actions.loc[0, "end"] == pd.Timestamp("2025-01-01")
    assert project.actors.loc[0, "name"] == "Kemijärven kaupunki"
    assert project.actors.columns[0] == "actor_id"


def test_excel_serial_dates_follow_the_projects_date_system(tmp_path):
    folder = make_project(tmp_path / "p", project=MINIMAL["project"] + [{"key": "date_system", "value": "1904"}])
    write_table(folder, "actions", [dict(MINIMAL["actions"][0], start="43834", end="")])
    assert load_project(folder).actions.loc[0, "start"] == pd.Timestamp("2024-01-05")


def test_old_six_digit_business_id_gets_its_leading_zero(tmp_path):
    actors = [MINIMAL["actors"][0], dict(MINIMAL["actors"][1], business_id="245437-2")]
    project = load_project(make_project(tmp_path / "p", actors=actors))
    assert project.actors.loc[1, "business_id"] == "0245437-2"


def test_all_problems_are_reported_at_once_with_file_row_column_value_and_rule(tmp_path):
    actors = [
        dict(MINIMAL["actors"][0]),
        dict(MINIMAL["actors"][1], actor_type="compny", business_id="1000008-0"),
        dict(MINIMAL["actors"][1], municipality="Rovanemi"),
    ]
    actions = [dict(MINIMAL["actions"][0], start="2025-01-01", end="2024-01-01", budget_eur="-5",
                    partner_actor_ids="A2;A99", source_input_ids="I404")]
    folder = make_project(tmp_path / "p", actors=actors, actions=actions)
    report = validate_project(folder)
    found = {(p.file, p.row, p.column, p.value, p.rule) for p in report.errors}
    assert ("actors.csv", 3, "actor_type", "compny", "unknown_value") in found
    assert ("actors.csv", 3, "business_id", "1000008-0", "invalid_business_id") in found
    assert ("actors.csv", 4, "actor_id", "A2", "duplicate_id") in found
    assert ("actors.csv", 4, "municipality", "Rovanemi", "unknown_value") in found
    assert ("actions.csv", 2, "end", "2024-01-01", "end_before_start") in found
    assert ("actions.csv", 2, "budget_eur", "-5", "negative") in found
    assert ("actions.csv", 2, "partner_actor_ids", "A99", "missing_reference") in found
    assert ("actions.csv", 2, "source_input_ids", "I404", "missing_reference") in found
    suggestion = next(p for p in report.errors if p.value == "compny")
    assert "'company'" in suggestion.message_en and "'company'" in suggestion.message_fi
    assert "Rovaniemi" in next(p for p in report.errors if p.value == "Rovanemi").message_en
    with pytest.raises(ProjectError) as raised:
        load_project(folder)
    assert len(raised.value.report.errors) == len(report.errors)


def test_a_reference_to_a_missing_id_names_the_target_table(tmp_path):
    folder = make_project(tmp_path / "p", participation=[{"activity_id": "W9", "actor_id": "A1"}])
    [problem] = problems_of(folder, "missing_reference")
    assert (problem.file, problem.row, problem.column, problem.value) == ("participation.csv", 2, "activity_id", "W9")
    assert "activities" in problem.message_en


def test_finnish_labels_are_accepted_for_codes(tmp_path):
    actors = [dict(MINIMAL["actors"][0], actor_type="Julkinen toimija"), MINIMAL["actors"][1]]
    project = load_project(make_project(tmp_path / "p", actors=actors))
    assert project.actors.loc[0, "actor_type"] == "public_agency"


@pytest.mark.parametrize("content, expected", [
    ("Kemij\u00c3\u00a4rvi".encode("utf-8"), "wrong conversion"),
    ("Kemij\u00e4rvi \u2500\u2502\u2524".encode("cp850"), "Windows-1252"),
])
def test_wrong_encodings_are_refused_not_read_as_mojibake(tmp_path, content, expected):
    folder = make_project(tmp_path / "p")
    (folder / "focus_areas.csv").write_bytes(b"focus_area_id,name_fi,name_en\nFA1," + content + b",x\n")
    [problem] = problems_of(folder, "encoding")
    assert problem.file == "focus_areas.csv" and expected in problem.message_en


def test_utf16_with_bom_is_read(tmp_path):
    folder = make_project(tmp_path / "p")
    (folder / "focus_areas.csv").write_bytes(
        "focus_area_id\tname_fi\tname_en\nFA1\tPäijänne\tx\n".encode("utf-16"))
    assert load_project(folder).focus_areas.loc[0, "name_fi"] == "Päijänne"


def test_an_unknown_delimiter_is_named_clearly(tmp_path):
    folder = make_project(tmp_path / "p")
    (folder / "focus_areas.csv").write_text("focus_area_id|name_fi|name_en\nFA1|a|b\n")
    [problem] = problems_of(folder, "delimiter")
    assert problem.file == "focus_areas.csv" and "separator" in problem.message_en


def test_empty_file_and_missing_table_are_errors(tmp_path):
    folder = make_project(tmp_path / "p", clusters=None)
    (folder / "inputs.csv").write_bytes(b"")
    rules = {(p.file, p.rule) for p in validate_project(folder).errors}
    assert ("inputs.csv", "empty_file") in rules
    assert ("clusters.csv", "missing_table") in rules


def test_unknown_columns_warn_and_are_kept_out(tmp_path):
    folder = make_project(tmp_path / "p")
    write_table(folder, "focus_areas", [dict(MINIMAL["focus_areas"][0], secret="x")],
                columns=["focus_area_id", "name_fi", "name_en", "secret"])
    project = load_project(folder)
    [warning] = [p for p in project.report.warnings if p.rule == "unknown_column"]
    assert warning.column == "secret" and warning.row == 1
    assert "secret" not in project.focus_areas.columns


def test_missing_required_column_and_missing_required_value(tmp_path):
    folder = make_project(tmp_path / "p")
    write_table(folder, "indicators", [{"indicator_id": "M1", "name_fi": "", "kind": "output"}],
                columns=["indicator_id", "name_fi", "kind"])
    found = {(p.rule, p.column, p.row) for p in validate_project(folder).errors}
    assert ("missing_column", "name_en", 1) in found
    assert ("required", "name_fi", 2) in found


def test_not_a_number_and_not_a_date_name_the_cell(tmp_path):
    folder = make_project(tmp_path / "p")
    write_table(folder, "actions", [dict(MINIMAL["actions"][0], budget_eur="paljon", start="ensi vuonna")])
    found = {(p.rule, p.column, p.value) for p in validate_project(folder).errors}
    assert ("not_a_number", "budget_eur", "paljon") in found
    assert ("not_a_date", "start", "ensi vuonna") in found


def test_never_took_part_is_a_warning_not_an_error(tmp_path):
    actors = MINIMAL["actors"] + [{"actor_id": "A3", "name": "Hiljainen Oy", "actor_type": "company"}]
    project = load_project(make_project(tmp_path / "p", actors=actors))
    assert [(w.rule, w.value, w.row) for w in project.report.warnings] == [("never_took_part", "A3", 4)]


def test_loader_never_writes_into_the_project_folder(tmp_path):
    folder = make_project(tmp_path / "p")
    before = folder_state(folder)
    load_project(folder)
    validate_project(folder)
    assert folder_state(folder) == before


# --- Excel workbooks -------------------------------------------------------------------------

def minimal_workbook(path: Path, drop: str | None = None, edit=None) -> Path:
    from openpyxl import Workbook

    from workbook.schemas import TABLES_BY_NAME

    book = Workbook()
    book.remove(book.active)
    for name, rows in MINIMAL.items():
        if name == drop:
            continue
        sheet = book.create_sheet(name)
        columns = TABLES_BY_NAME[name].columns
        sheet.append(columns)
        for row in rows:
            sheet.append([row.get(c) for c in columns])
    if edit:
        edit(book)
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def test_workbook_loads_like_csv(tmp_path):
    from_csv = load_project(make_project(tmp_path / "csv"))
    from_xlsx = load_project(minimal_workbook(tmp_path / "x" / "project.xlsx"))
    for name, frame in from_csv.tables.items():
        pd.testing.assert_frame_equal(frame, from_xlsx.tables[name], check_dtype=True, obj=name)


def test_missing_sheet_is_an_error(tmp_path):
    path = minimal_workbook(tmp_path / "x" / "project.xlsx", drop="actions")
    [problem] = [p for p in validate_project(path).errors if p.rule == "missing_table"]
    assert problem.file == "project.xlsx" and problem.sheet == "actions"


def test_formula_without_cached_value_is_reported_not_read_as_blank(tmp_path):
    def add_formula(book):
        book["actions"]["I2"] = "=1000*2"

    path = minimal_workbook(tmp_path / "x" / "project.xlsx", edit=add_formula)
    [problem] = [p for p in validate_project(path).errors if p.rule == "formula_without_value"]
    assert (problem.sheet, problem.row, problem.column, problem.value) == ("actions", 2, "budget_eur", "=1000*2")


def test_defusedxml_is_installed_and_used_by_openpyxl():
    import openpyxl.xml

    assert openpyxl.xml.DEFUSEDXML is True


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">
<c r="A1" t="inlineStr"><is><t>&lol3;</t></is></c></row></sheetData></worksheet>"""


def test_xml_entity_bomb_is_refused_before_parsing(tmp_path):
    good = minimal_workbook(tmp_path / "good.xlsx")
    bad = tmp_path / "x" / "project.xlsx"
    bad.parent.mkdir()
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(bad, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            target.writestr(item, BILLION_LAUGHS if item.filename.endswith("sheet2.xml") else data)
    [problem] = validate_project(bad).errors
    assert problem.rule == "unsafe_file" and "entit" in problem.message_en


def test_openpyxls_parsers_never_expand_entities_if_the_precheck_were_bypassed():
    """Sheets are parsed by defusedxml's iterparse, which refuses entities; other parts by
    defusedxml or, when lxml is installed, by lxml with entity resolution turned off."""
    import io

    from defusedxml import EntitiesForbidden
    from openpyxl.xml.functions import fromstring, iterparse

    with pytest.raises(EntitiesForbidden):
        for _ in iterparse(io.BytesIO(BILLION_LAUGHS)):
            pass
    try:
        root = fromstring(BILLION_LAUGHS)
    except EntitiesForbidden:
        return
    assert "lol" * 100 not in "".join(root.itertext())


def test_zip_bomb_is_refused_from_its_directory(tmp_path):
    bomb = tmp_path / "x" / "project.xlsx"
    bomb.parent.mkdir()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as handle:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(260):
                handle.write(chunk)
    [problem] = validate_project(bomb).errors
    assert problem.rule == "unsafe_file" and "zip bomb" in problem.message_en


def test_a_file_that_is_not_a_workbook_is_unreadable(tmp_path):
    path = tmp_path / "x" / "project.xlsx"
    path.parent.mkdir()
    path.write_text("hello")
    [problem] = validate_project(path).errors
    assert problem.rule == "unreadable"


# --- Surveys -------------------------------------------------------------------------------

SURVEY_CODEBOOK = [
    {"survey_id": "S1", "question_id": "id", "column": "Vastaajan numero", "type": "respondent_id"},
    {"survey_id": "S1", "question_id": "name", "column": "Nimi", "type": "personal"},
    {"survey_id": "S1", "question_id": "Q1", "column": "Organisaatio", "type": "actor_type"},
    {"survey_id": "S1", "question_id": "Q2", "column": "Tyytyväisyys", "type": "likert", "scale": "1-5"},
    {"survey_id": "S1", "question_id": "Q3", "column": "Kommentit", "type": "open"},
]


def survey_project(tmp_path: Path, rows: str) -> Path:
    activities = MINIMAL["activities"] + [{"activity_id": "S1", "kind": "survey", "title": "Kysely",
                                           "date": "1.10.2022"}]
    folder = make_project(tmp_path / "p", activities=activities, survey_questions=SURVEY_CODEBOOK)
    (folder / "surveys").mkdir()
    header = "Vastaajan numero;Nimi;Sähköposti;Organisaatio;Tyytyväisyys;Kommentit\n"
    (folder / "surveys" / "S1.csv").write_bytes(b"\xef\xbb\xbf" + (header + rows).encode("utf-8"))
    return folder


def test_survey_personal_columns_are_dropped_and_respondents_pseudonymised(tmp_path):
    folder = survey_project(tmp_path, "1;Maija Meikäläinen;maija@example.fi;Yritys;4;Hyvä, soita 040 123 4567\n"
                                      "2;Matti Virtanen;matti@example.fi;Kunta;2;matti@example.fi\n")
    project = load_project(folder)
    answers = project.surveys["S1"]
    assert list(answers.columns) == ["Q1", "Q2", "Q3"]
    assert answers["Q1"].tolist() == ["company", "municipality"]
    assert answers["Q2"].tolist() == [4, 2]
    text = answers.to_csv() + answers.index.to_series().to_csv()
    for secret in ("Maija", "Meikäläinen", "Matti", "example.fi", "040 123 4567"):
        assert secret not in text
    dropped = [w for w in project.report.warnings if w.rule == "personal_data_dropped"]
    assert [w.column for w in dropped] == ["Sähköposti"]
    assert load_project(folder).surveys["S1"].index.tolist() == answers.index.tolist()


def test_survey_answers_off_the_scale_name_file_row_and_column(tmp_path):
    folder = survey_project(tmp_path, "1;A;a@example.fi;Yritys;7;\n2;B;b@example.fi;Avaruusolio;3;\n")
    found = {(p.file, p.row, p.column, p.rule) for p in validate_project(folder).errors}
    assert ("surveys/S1.csv", 2, "Tyytyväisyys", "bad_answer") in found
    assert ("surveys/S1.csv", 3, "Organisaatio", "unknown_value") in found


# --- Command line ----------------------------------------------------------------------------

def test_validate_command_exit_codes_and_json(tmp_path, capsys):
    good = make_project(tmp_path / "good")
    bad = make_project(tmp_path / "bad", actors=[dict(MINIMAL["actors"][0], actor_type="x"), MINIMAL["actors"][1]])
    assert cli_main(["validate", str(good)]) == 0
    capsys.readouterr()
    assert cli_main(["validate", str(bad), "--format", "json"]) == 1
    problems = json.loads(capsys.readouterr().out)
    assert {"file", "sheet", "row", "column", "value", "rule", "message"} <= set(problems[0])
    assert cli_main(["validate", str(tmp_path / "nowhere")]) == 2


def test_untouched_template_validates_with_only_empty_table_warnings(tmp_path):
    out = tmp_path / "t" / "template.xlsx"
    assert cli_main(["template", str(out)]) == 0
    report = validate_project(out)
    assert report.ok
    assert {w.rule for w in report.warnings} == {"empty_table"}


def test_template_has_instructions_notes_and_drop_downs(tmp_path):
    from openpyxl import load_workbook

    from workbook.template import INSTRUCTIONS_SHEET, write_template

    book = load_workbook(write_template(tmp_path / "t.xlsx", region="Lapland"))
    assert book.sheetnames[0] == INSTRUCTIONS_SHEET
    actors = book["actors"]
    assert [c.value for c in actors[1]][:3] == ["actor_id", "name", "actor_type"]
    assert "Organisaation tyyppi" in actors["C1"].comment.text and "company" in actors["C1"].comment.text
    formulas = {str(v.sqref): v.formula1 for v in actors.data_validations.dataValidation}
    assert any("_lists" in f for f in formulas.values())
    participation = {str(v.sqref): v.formula1 for v in book["participation"].data_validations.dataValidation}
    assert any(f.startswith("=actors!$A$2") for f in participation.values())
    assert book["municipalities"].max_row == 22


def test_unknown_sheet_is_a_warning_naming_it(tmp_path):
    path = minimal_workbook(tmp_path / "x" / "project.xlsx", edit=lambda book: book.create_sheet("muistiinpanot"))
    report = validate_project(path)
    assert report.ok
    assert [(w.rule, w.sheet) for w in report.warnings] == [("unknown_sheet", "muistiinpanot")]
    assert "muistiinpanot" in report.warnings[0].message_fi


def test_outputs_are_written_atomically_and_readable_by_others(tmp_path):
    import os
    import stat

    from workbook.outputs import atomic_directory, write_text_atomic

    path = write_text_atomic(tmp_path / "out" / "report.html", "<p>ok</p>")
    assert path.read_text() == "<p>ok</p>" and os.stat(path).st_mode & stat.S_IROTH
    assert [p.name for p in path.parent.iterdir()] == ["report.html"]
    target = tmp_path / "pack"
    target.mkdir()
    (target / "old.txt").write_text("previous run")
    with pytest.raises(RuntimeError):
        with atomic_directory(target) as staging:
            (staging / "half.txt").write_text("half")
            raise RuntimeError("a notebook failed")
    assert [p.name for p in target.iterdir()] == ["old.txt"]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    with atomic_directory(target) as staging:
        (staging / "new.txt").write_text("new")
    assert [p.name for p in target.iterdir()] == ["new.txt"] and os.stat(target).st_mode & stat.S_IROTH


def test_a_separator_inside_an_unquoted_value_is_an_error_not_a_silent_shift(tmp_path):
    folder = make_project(tmp_path / "p")
    (folder / "focus_areas.csv").write_text("focus_area_id,name_fi,name_en\nFA1,Kiertotalous, kestävä kasvu,Circular\n")
    [problem] = problems_of(folder, "too_many_cells")
    assert (problem.file, problem.row, problem.value) == ("focus_areas.csv", 2, "Circular")
    assert "quotes" in problem.message_en
