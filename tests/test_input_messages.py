"""Validation that reads like a colleague: one problem per mistake, in one language, saying what to do.

Issue 11 finding 8 and issue 17 item 13; each case is built here from the minimal project.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import MINIMAL, make_project, write_table
from workbook import load_project, validate_project
from workbook.cli import main as cli_main
from workbook.problems import MESSAGES, RULE_NAMES

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def test_a_deleted_column_is_one_problem_at_the_header(tmp_path):
    actions = [dict(MINIMAL["actions"][0], action_id=f"T{i}") for i in range(1, 10)]
    folder = make_project(tmp_path / "p", actions=actions)
    columns = [c for c in actions[0] if c != "title_en"]
    write_table(folder, "actions", actions, columns=columns)
    report = validate_project(folder)
    about_title = [(p.rule, p.row, p.column) for p in report.problems if p.column == "title_en"]
    assert about_title == [("missing_column", 1, "title_en")]
    assert report.errors == [p for p in report.problems if p.column == "title_en"]


def test_an_impossible_date_is_one_problem_saying_why(tmp_path):
    activities = [dict(MINIMAL["activities"][0], date="31.02.2024")]
    report = validate_project(make_project(tmp_path / "p", activities=activities))
    [problem] = report.errors
    assert (problem.rule, problem.file, problem.row, problem.column) == ("no_such_date", "activities.csv", 2, "date")
    assert "February 2024 has 29 days" in problem.message_en
    assert "helmikuussa 2024 on 29 päivää" in problem.message_fi
    assert "use 5.1.2024" not in problem.message_en


def test_a_date_in_no_known_form_still_shows_the_forms(tmp_path):
    activities = [dict(MINIMAL["activities"][0], date="ensi syksynä")]
    [problem] = validate_project(make_project(tmp_path / "p", activities=activities)).errors
    assert problem.rule == "not_a_date" and "5.1.2024" in problem.message_en


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_an_unknown_controlled_value_lists_the_allowed_values_in_the_language(tmp_path, lang):
    actors = [dict(MINIMAL["actors"][0], actor_type="Yhdistys"), dict(MINIMAL["actors"][1], actor_type="Avaruusolio")]
    report = validate_project(make_project(tmp_path / "p", actors=actors))
    close, far = report.errors
    message = getattr(close, f"message_{lang}")
    label = {"fi": "Yhdistys tai järjestö", "en": "Association"}[lang]
    assert f"'association' ({label})" in message.split(".")[1]
    assert "Yritys" not in message.split("?")[0]
    for code, labels in {"company": ("Yritys", "Company"), "other": ("Muu", "Other")}.items():
        assert f"{code} ({labels[0 if lang == 'fi' else 1]})" in message
    far_message = getattr(far, f"message_{lang}")
    assert "?" not in far_message and "financier" in far_message


def test_a_near_spelling_is_suggested_only_when_really_close(tmp_path):
    actors = [dict(MINIMAL["actors"][0], actor_type="compny"), MINIMAL["actors"][1]]
    participation = [{"activity_id": "W1", "actor_id": "A9"}, {"activity_id": "W1", "actor_id": "A2"}]
    report = validate_project(make_project(tmp_path / "p", actors=actors, participation=participation))
    by_rule = {p.rule: p for p in report.errors}
    assert "Did you mean 'company' (Company)?" in by_rule["unknown_value"].message_en
    assert "Did you mean" not in by_rule["missing_reference"].message_en


def test_ids_differing_only_in_case_get_a_warning(tmp_path):
    actors = MINIMAL["actors"] + [dict(MINIMAL["actors"][1], actor_id="a2", name="Testi Oy (uusi)")]
    report = validate_project(make_project(tmp_path / "p", actors=actors))
    [warning] = [w for w in report.warnings if w.rule == "case_duplicate_id"]
    assert (warning.file, warning.row, warning.column, warning.value) == ("actors.csv", 4, "actor_id", "a2")
    assert "'a2' and 'A2'" in warning.message_en and "row 3" in warning.message_en
    assert "isojen ja pienten kirjainten" in warning.message_fi


def test_an_encrypted_workbook_is_named_as_password_protected(tmp_path):
    path = tmp_path / "x" / "project.xlsx"
    path.parent.mkdir()
    directory_entry = "EncryptedPackage".encode("utf-16-le")
    path.write_bytes(OLE2 + bytes(504) + directory_entry + bytes(1024))
    [problem] = validate_project(path).errors
    assert problem.rule == "encrypted_workbook" and problem.file == "project.xlsx"
    assert "password" in problem.message_en and "salasana" in problem.message_fi


def test_an_old_xls_renamed_or_given_is_named_as_the_old_format(tmp_path):
    renamed = tmp_path / "x" / "project.xlsx"
    renamed.parent.mkdir()
    renamed.write_bytes(OLE2 + bytes(2048))
    [problem] = validate_project(renamed).errors
    assert problem.rule == "old_excel_format" and "97–2003" in problem.message_en
    given = tmp_path / "y" / "project.xls"
    given.parent.mkdir()
    given.write_bytes(OLE2 + bytes(2048))
    assert [p.rule for p in validate_project(given).errors] == ["old_excel_format"]


def test_a_folder_of_only_xls_files_says_so_instead_of_listing_missing_tables(tmp_path, capsys):
    folder = tmp_path / "p"
    folder.mkdir()
    (folder / "hanke.xls").write_bytes(OLE2 + bytes(2048))
    assert cli_main(["validate", str(folder), "--lang", "fi"]) == 1
    out = capsys.readouterr().out
    [problem] = validate_project(folder).errors
    assert problem.rule == "unsupported_format" and "hanke.xls" in problem.message_en
    assert "Excel-työkirja (*.xlsx)" in out and "missing" not in out


def test_an_unclosed_quote_is_named_at_its_row_and_the_rows_before_are_kept(tmp_path):
    folder = make_project(tmp_path / "p")
    (folder / "focus_areas.csv").write_text(
        "focus_area_id,name_fi,name_en\nFA1,Kiertotalous,Circular economy\n"
        'FA2,"Matkailu,Tourism\nFA3,Teknologia,Technology\n', encoding="utf-8")
    report = validate_project(folder)
    [problem] = report.errors
    assert (problem.rule, problem.file, problem.row, problem.column) == ("unclosed_quote", "focus_areas.csv", 3,
                                                                        "name_fi")
    assert "quotation mark" in problem.message_en and "lainausmerkki" in problem.message_fi
    assert load_project(folder, strict=False).focus_areas["focus_area_id"].tolist() == ["FA1"]


def test_quoted_cells_across_lines_are_not_mistaken_for_an_unclosed_quote(tmp_path):
    folder = make_project(tmp_path / "p")
    (folder / "focus_areas.csv").write_text(
        'focus_area_id,name_fi,name_en\nFA1,"Kierto-\ntalous",Circular\n', encoding="utf-8")
    assert load_project(folder).focus_areas.loc[0, "name_fi"] == "Kierto-\ntalous"


ENGLISH_WORDS = re.compile(r"\b(sheet|row|column|the|is|not|missing|Did you mean|Allowed|value|error|warning)\b")


def test_finnish_output_has_no_english_labels_rules_or_messages(tmp_path, capsys):
    actors = [dict(MINIMAL["actors"][0], actor_type="Yhdistys", name="Lapin\x0bliitto"),
              dict(MINIMAL["actors"][1], municipality="Rovanemi"),
              dict(MINIMAL["actors"][1], actor_id="a2")]
    activities = [dict(MINIMAL["activities"][0], date="31.02.2024")]
    actions = [dict(MINIMAL["actions"][0], budget_eur="paljon", partner_actor_ids="A99")]
    folder = make_project(tmp_path / "p", actors=actors, activities=activities, actions=actions, clusters=None)
    write_table(folder, "indicators", [{"indicator_id": "M1", "name_fi": "M", "kind": "output"}],
                columns=["indicator_id", "name_fi", "kind"])
    report = validate_project(folder)
    assert len({p.rule for p in report.problems}) >= 8
    assert cli_main(["validate", str(folder), "--lang", "fi"]) == 1
    text = capsys.readouterr().out
    for line in text.splitlines()[1:]:
        where_and_message = re.sub(r"'[^']*'|\b[a-z]+_[a-z_]+\b|[\w.]+\.csv", "", line)
        assert not ENGLISH_WORDS.search(where_and_message), line
    assert "rivi 2, sarake date" in text and "[olematon päivä]" in text
    frame = report.to_frame("fi")
    assert list(frame.columns)[:4] == ["Vakavuus", "Tiedosto", "Taulukko", "Rivi"]
    assert "puuttuva sarake" in set(frame["Sääntö"])


def test_every_rule_has_a_message_and_a_name_in_both_languages():
    for rule in MESSAGES:
        assert MESSAGES[rule]["fi"] and MESSAGES[rule]["en"], rule
        assert RULE_NAMES[rule]["fi"] and RULE_NAMES[rule]["en"], rule


# --- English name and description of the project ---------------------------------------------

def test_english_name_and_description_fall_back_to_the_finnish_ones(tmp_path):
    settings = MINIMAL["project"] + [{"key": "name_en", "value": "Lapland S3 renewal"},
                                     {"key": "description", "value": "Kuvaus"}]
    project = load_project(make_project(tmp_path / "a", project=settings))
    assert project.report.ok
    assert (project.display_name("fi"), project.display_name("en")) == ("Test", "Lapland S3 renewal")
    assert (project.display_description("fi"), project.display_description("en")) == ("Kuvaus", "Kuvaus")
    plain = load_project(make_project(tmp_path / "b"))
    assert plain.display_name("en") == "Test"


def test_template_and_data_model_offer_the_english_settings(tmp_path):
    from openpyxl import load_workbook

    from workbook.template import data_model_markdown, write_template

    sheet = load_workbook(write_template(tmp_path / "t.xlsx"))["project"]
    keys = {row[0].value: row[0] for row in sheet.iter_rows(min_row=2) if row[0].value}
    assert {"name", "name_en", "description", "description_en"} <= set(keys)
    assert "Project name in English" in keys["name_en"].comment.text
    assert "Projektin nimi englanniksi" in keys["name_en"].comment.text
    assert "| `name_en` | Project name in English" in data_model_markdown()
    assert "| `description_en` |" in data_model_markdown()


def test_a_missing_column_is_reported_at_the_header_row_even_after_blank_lines(tmp_path):
    folder = make_project(tmp_path / "p")
    (folder / "focus_areas.csv").write_text("\nfocus_area_id,name_fi\n\n\nFA1,Kiertotalous\n", encoding="utf-8")
    [problem] = validate_project(folder).errors
    assert (problem.rule, problem.row, problem.column) == ("missing_column", 2, "name_en")
