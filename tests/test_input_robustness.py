"""Broken or hostile input files: nothing is silently lost, nothing crashes, every problem is named.

Each case is built here from the minimal project or a crafted file (issue 17, items 5, 6, 7, 10).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import xml.etree.ElementTree as ElementTree
import zipfile
from pathlib import Path

import pytest

from conftest import DEMO, MINIMAL, make_project
from workbook import ProjectError, load_project, validate_project
from workbook.cli import main as cli_main
from workbook.schemas import TABLES_BY_NAME


def workbook_file(path: Path, **tables: list[dict[str, object]]) -> Path:
    """The minimal project as one .xlsx (tables replaced by the rows given)."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for name, rows in {**MINIMAL, **tables}.items():
        sheet = book.create_sheet(name)
        columns = TABLES_BY_NAME[name].columns
        sheet.append(columns)
        for row in rows:
            sheet.append([row.get(c) for c in columns])
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def rewrite_member(path: Path, sheet_name: str, change) -> None:
    """Rewrite the XML of one sheet of an .xlsx in place with ``change(bytes) -> bytes``."""
    with zipfile.ZipFile(path) as archive:
        workbook_xml = archive.read("xl/workbook.xml").decode()
        rels = archive.read("xl/_rels/workbook.xml.rels").decode()
        rid = re.search(rf'<sheet[^>]*name="{sheet_name}"[^>]*r:id="(rId\d+)"', workbook_xml).group(1)
        target = re.search(rf'<Relationship[^>]*Id="{rid}"[^>]*Target="([^"]+)"', rels) or \
            re.search(rf'<Relationship[^>]*Target="([^"]+)"[^>]*Id="{rid}"', rels)
        member = "xl/" + target.group(1).removeprefix("/xl/")
        items = [(info, archive.read(info.filename)) for info in archive.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in items:
            archive.writestr(info, change(data) if info.filename == member else data)


def cli_json(args: list[str], capsys) -> tuple[int, list[dict]]:
    code = cli_main(args + ["--format", "json"])
    return code, json.loads(capsys.readouterr().out)


# --- 17.5: rows an .xlsx holds are all read --------------------------------------------------

def test_rows_beyond_a_sheets_wrong_dimension_are_all_read(tmp_path):
    rows = [{"activity_id": "W1", "actor_id": "A1" if i % 2 else "A2", "participant_id": f"P{i:03d}"}
            for i in range(1, 41)]
    path = workbook_file(tmp_path / "x" / "project.xlsx", participation=rows)
    rewrite_member(path, "participation",
                   lambda xml: re.sub(rb'<dimension ref="[^"]*"\s*/>', b'<dimension ref="A1:B10"/>', xml))
    with zipfile.ZipFile(path) as archive:
        assert any(b'<dimension ref="A1:B10"/>' in archive.read(n) for n in archive.namelist())
    project = load_project(path)
    assert len(project.participation) == 40
    assert project.participation["participant_id"].tolist() == [r["participant_id"] for r in rows]


# --- 17.7: unreadable or inconsistent input is a problem, in text and in JSON ------------------

def test_a_damaged_sheet_is_a_problem_naming_file_and_sheet_in_both_formats(tmp_path, capsys):
    path = workbook_file(tmp_path / "x" / "project.xlsx")
    rewrite_member(path, "actors", lambda xml: xml[: len(xml) // 2])
    code, problems = cli_json(["validate", str(path)], capsys)
    assert code == 1
    [problem] = problems
    assert (problem["rule"], problem["file"], problem["sheet"]) == ("unreadable", "project.xlsx", "actors")
    assert "damaged" in problem["message_en"] and "vioittunut" in problem["message_fi"]
    assert cli_main(["validate", str(path), "--lang", "fi"]) == 1
    assert "taulukko actors" in capsys.readouterr().out


@pytest.mark.parametrize("damage", ["truncated", "bad_crc"])
def test_a_damaged_zip_is_a_problem_not_a_traceback(tmp_path, capsys, damage):
    path = workbook_file(tmp_path / "x" / "project.xlsx")
    data = bytearray(path.read_bytes())
    if damage == "truncated":
        data = data[: len(data) * 2 // 3]
    else:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo("xl/worksheets/sheet1.xml")
        start = info.header_offset + 30 + len(info.filename) + len(info.extra)
        data[start + 5] ^= 0xFF
    path.write_bytes(bytes(data))
    code, problems = cli_json(["validate", str(path)], capsys)
    assert code == 1 and [p["rule"] for p in problems] == ["unreadable"]
    assert problems[0]["file"] == "project.xlsx"


MUNICIPALITIES = [{"municipality": "Rovaniemi", "sub_region": "Rovaniemi"},
                  {"municipality": "Kemi", "sub_region": "Kemi-Tornio"},
                  {"municipality": "Kemi", "sub_region": "Kemi-Tornio"}]


def test_a_repeated_municipality_row_is_a_problem_for_validate_and_every_command(tmp_path, capsys):
    folder = make_project(tmp_path / "p", municipalities=MUNICIPALITIES)
    code, problems = cli_json(["validate", str(folder)], capsys)
    assert code == 1
    assert [(p["rule"], p["file"], p["row"], p["column"], p["value"]) for p in problems] == [
        ("duplicate_id", "municipalities.csv", 4, "municipality", "Kemi")]
    assert cli_main(["validate", str(folder)]) == 1
    assert "municipalities.csv, row 4, column municipality" in capsys.readouterr().out
    with pytest.raises(ProjectError):
        load_project(folder)
    project = load_project(folder, strict=False)
    assert project.actors.set_index("actor_id").loc["A2", "sub_region"] == "Kemi-Tornio"
    with pytest.raises(SystemExit) as exited:
        cli_main(["network", str(folder), "--out", str(tmp_path / "out")])
    assert exited.value.code == 1


@pytest.mark.parametrize("table", ["focus_areas", "actors", "activities", "actions", "indicators", "clusters",
                                   "inputs", "project"])
def test_a_repeated_row_in_any_lookup_table_is_one_problem(tmp_path, table):
    rows = MINIMAL[table] + [MINIMAL[table][-1]]
    report = validate_project(make_project(tmp_path / "p", **{table: rows}))
    assert [(p.rule, p.file, p.row) for p in report.errors] == [("duplicate_id", f"{table}.csv", len(rows) + 1)]


# --- 17.10: size caps hold for devices, pipes and oversized files -----------------------------

def survey_folder(tmp_path: Path) -> Path:
    activities = MINIMAL["activities"] + [{"activity_id": "S1", "kind": "survey", "title": "Kysely",
                                           "date": "1.10.2022"}]
    codebook = [{"survey_id": "S1", "question_id": "Q1", "column": "Kommentit", "type": "open"}]
    folder = make_project(tmp_path / "p", activities=activities, survey_questions=codebook)
    (folder / "surveys").mkdir()
    return folder


def test_a_survey_export_linked_to_a_device_is_refused_not_read_forever(tmp_path):
    folder = survey_folder(tmp_path)
    os.symlink("/dev/zero", folder / "surveys" / "S1.csv")
    [problem] = validate_project(folder).errors
    assert (problem.rule, problem.file) == ("unreadable", "surveys/S1.csv")
    assert "not an ordinary file" in problem.message_en and "ei ole tavallinen tiedosto" in problem.message_fi


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX feature")
def test_a_named_pipe_in_place_of_a_table_is_refused_without_waiting(tmp_path):
    folder = make_project(tmp_path / "p")
    (folder / "actors.csv").unlink()
    os.mkfifo(folder / "actors.csv")
    problems = [(p.rule, p.file) for p in validate_project(folder).errors]
    assert ("unreadable", "actors.csv") in problems
    os.mkfifo(tmp_path / "pipe.xlsx")
    [problem] = validate_project(tmp_path / "pipe.xlsx").errors
    assert problem.rule == "unreadable" and "named pipe" in problem.message_en


def test_a_csv_over_the_cap_is_refused_by_what_is_read(tmp_path, monkeypatch):
    from workbook import readers

    folder = survey_folder(tmp_path)
    (folder / "surveys" / "S1.csv").write_text("Kommentit\n" + "hyvä\n" * 500)
    monkeypatch.setattr(readers, "MAX_CSV_BYTES", 1000)
    [problem] = [p for p in validate_project(folder).errors if p.file == "surveys/S1.csv"]
    assert problem.rule == "unsafe_file" and "limit" in problem.message_en


# --- 17.6: control characters are reported and never reach an export --------------------------

def test_control_characters_are_reported_at_their_cell(tmp_path):
    actions = [dict(MINIMAL["actions"][0], title_fi="Kiertotalouden\x0byrityspalvelut")]
    actors = [dict(MINIMAL["actors"][0], name="Lapin\x00 liitto"), MINIMAL["actors"][1]]
    report = validate_project(make_project(tmp_path / "p", actions=actions, actors=actors))
    found = {(p.severity, p.rule, p.file, p.row, p.column, p.value) for p in report.problems}
    assert found == {
        ("error", "control_character", "actors.csv", 2, "name", "Lapin liitto"),
        ("warning", "control_character_replaced", "actions.csv", 2, "title_fi", "Kiertotalouden yrityspalvelut"),
    }
    nul = next(p for p in report.problems if p.rule == "control_character")
    assert "U+0000" in nul.message_en and "ohjausmerkki" in nul.message_fi


def test_an_action_title_with_a_vertical_tab_still_exports_to_xlsx(tmp_path):
    from openpyxl import load_workbook

    from workbook.actionplan.export import workbook_sheets
    from workbook.outputs import write_xlsx

    folder = tmp_path / "p"
    shutil.copytree(DEMO, folder)
    actions = folder / "actions.csv"
    text = actions.read_text(encoding="utf-8-sig")
    title = text.splitlines()[1].split(",")[1]
    actions.write_text(text.replace(title, title.replace(" ", "\x0b", 1), 1), encoding="utf-8")
    project = load_project(folder)
    [warning] = [w for w in project.report.warnings if w.rule == "control_character_replaced"]
    assert (warning.file, warning.row, warning.column) == ("actions.csv", 2, "title_fi")
    path = write_xlsx(tmp_path / "out" / "action_plan_fi.xlsx", workbook_sheets(project, "fi"))
    cells = [c.value for sheet in load_workbook(path).worksheets for row in sheet.iter_rows() for c in row]
    assert title in cells


def test_network_files_stay_valid_xml_when_a_name_held_a_nul(tmp_path):
    from workbook.network.export import export

    actors = [dict(MINIMAL["actors"][0], name="Lapin\x00 liitto\x1b"), MINIMAL["actors"][1]]
    project = load_project(make_project(tmp_path / "p", actors=actors), strict=False)
    assert {p.rule for p in project.report.errors} == {"control_character"}
    paths = {p.suffix: p for p in export(project, tmp_path / "out", "en")}
    for suffix in (".gexf", ".graphml"):
        tree = ElementTree.parse(paths[suffix])
        assert "Lapin liitto" in ElementTree.tostring(tree.getroot(), encoding="unicode")


def test_control_characters_excel_wrote_as_escapes_are_found_in_an_xlsx(tmp_path):
    path = workbook_file(tmp_path / "x" / "project.xlsx")
    rewrite_member(path, "actors", lambda xml: xml.replace(b"Lapin liitto", b"Lapin_x000C_liitto")
                   .replace(b"Testi Oy", b"Testi_x0000_ Oy"))
    report = validate_project(path)
    found = {(p.rule, p.sheet, p.row, p.column, p.value) for p in report.problems}
    assert found == {("control_character_replaced", "actors", 2, "name", "Lapin liitto"),
                     ("control_character", "actors", 3, "name", "Testi Oy")}


def test_control_characters_and_an_unclosed_quote_in_a_survey_export_are_named(tmp_path):
    folder = survey_folder(tmp_path)
    (folder / "surveys" / "S1.csv").write_text('Kommentit\nHyvä\x0bidea\nToinen\n"Kesken\njäänyt\n',
                                               encoding="utf-8")
    found = {(p.severity, p.rule, p.file, p.row, p.column) for p in validate_project(folder).problems}
    assert ("warning", "control_character_replaced", "surveys/S1.csv", 2, "Kommentit") in found
    assert ("error", "unclosed_quote", "surveys/S1.csv", 4, "Kommentit") in found
    project = load_project(folder, strict=False)
    assert project.surveys["S1"]["Q1"].tolist() == ["Hyvä idea", "Toinen"]


def test_a_whole_number_too_large_to_be_true_is_a_problem_not_an_overflow(tmp_path):
    inputs = [dict(MINIMAL["inputs"][0], votes="99999999999999999999999")]
    settings = MINIMAL["project"] + [{"key": "min_group_size", "value": "1e30"}]
    report = validate_project(make_project(tmp_path / "p", inputs=inputs, project=settings))
    assert {(p.rule, p.file, p.column) for p in report.errors} == {
        ("too_large", "inputs.csv", "votes"), ("bad_setting", "project.csv", "value")}
