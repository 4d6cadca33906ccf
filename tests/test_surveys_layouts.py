"""Survey exports load as Webropol, Microsoft Forms, Google Forms and LimeSurvey write them,
with only the codebook describing them; ``workbook codebook`` drafts that codebook."""

from __future__ import annotations

import csv
import html
import io
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import Workbook

from workbook import codebook as cb
from workbook import load_project, validate_project
from workbook.cli import main as cli_main
from workbook.codebook_draft import draft_codebook
from workbook.participation import surveys
from workbook.participation.export import export
from workbook.testing import MINIMAL, make_project

NAMES = ["Maija Meikäläinen", "Teppo Testaaja", "Aino Ahola", "Kalle Kivelä", "Liisa Lampela", "Ville Vaara"]
EMAILS = ["maija.m@example.fi", "teppo@example.com", "aino.ahola@example.fi", "kalle@example.fi",
          "liisa.l@example.com", "ville.vaara@example.fi"]
PHONE = "040 123 4567"


def write_xlsx(path: Path, header: list[str], rows: list[list[object]]) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "Vastaukset"
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def write_csv(path: Path, header: list[str], rows: list[list[object]], delimiter: str = ",") -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([["" if v is None else v for v in row] for row in rows])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buffer.getvalue().encode("utf-8-sig"))
    return path


# --- the four layouts, tiny ----------------------------------------------------------------

def webropol(folder: Path, survey_id: str = "S1") -> tuple[Path, list[dict]]:
    """Webropol-style .xlsx: labels for the scale, "En osaa sanoa", one column per option
    with the option's text in the cell, the organisation type in the respondent's words."""
    support = "Millaista tukea tarvitsette?"
    header = ["Vastaajan numero", "Vastausaika", "Nimi", "Sähköposti", "Edustamanne organisaation tyyppi",
              "Kotikunta", "Strategia on minulle tuttu", f"{support}: Rahoitus", f"{support}: Verkostot",
              f"{support}: En osaa sanoa", "Terveisiä"]
    rows = [
        [1, "2023-09-01 10:00", NAMES[0], EMAILS[0], "Yhdistys", "rovaniemi ", "Täysin samaa mieltä",
         "Rahoitus", None, None, f"Soita {PHONE}, terveisin {NAMES[0]}"],
        [2, "2023-09-01 11:00", NAMES[1], EMAILS[1], "Julkinen organisaatio", "KEMI", "Jokseenkin samaa mieltä",
         "Rahoitus", "Verkostot", None, f"Lisätietoja {EMAILS[1]}"],
        [3, "2023-09-02 09:00", NAMES[2], EMAILS[2], "Kunta/kaupunki", "Inari", "En osaa sanoa",
         None, None, "En osaa sanoa", "Hyvä kysely"],
        [4, "2023-09-02 10:00", NAMES[3], EMAILS[3], "Yritys", " Rovaniemi", "Ei samaa eikä eri mieltä",
         None, "Verkostot", None, None],
        [5, "2023-09-03 12:00", NAMES[4], EMAILS[4], "Kehittämisyhtiö", "Kemi", "Täysin eri mieltä",
         "Rahoitus", None, None, "Kiitos"],
        [6, "2023-09-03 13:00", NAMES[5], EMAILS[5], "Säätiö", "inari", "Jokseenkin eri mieltä",
         None, None, None, None],
    ]
    write_xlsx(folder / "surveys" / f"{survey_id}.xlsx", header, rows)
    codebook = [
        {"question_id": "R", "column": "Vastaajan numero", "type": "respondent_id"},
        {"question_id": "N", "column": "Nimi", "type": "personal"},
        {"question_id": "E", "column": "Sähköposti", "type": "personal"},
        {"question_id": "T", "column": "Edustamanne organisaation tyyppi", "type": "actor_type"},
        {"question_id": "M", "column": "Kotikunta", "type": "municipality"},
        {"question_id": "Q1", "column": "Strategia on minulle tuttu", "type": "likert", "scale": "1-5"},
        {"question_id": "Q2", "column": support, "type": "multi", "scale": "Rahoitus;Verkostot"},
        {"question_id": "Q3", "column": "Terveisiä", "type": "open"},
    ]
    return folder / "surveys" / f"{survey_id}.xlsx", [{"survey_id": survey_id, **row} for row in codebook]


def forms(folder: Path, survey_id: str = "S2") -> tuple[Path, list[dict]]:
    """Microsoft-Forms-style .xlsx: its metadata columns (ID, times, e-mail, name), English
    labels, a multiple choice as one column joined with ';' and a trailing ';'."""
    header = ["ID", "Start time", "Completion time", "Email", "Name", "Last modified time",
              "Type of your organisation", "The strategy is clear", "Which focus areas interest you?",
              "Staff (approx.)"]
    when = pd.Timestamp("2023-05-02 09:00").to_pydatetime()
    rows = [
        [1, when, when, EMAILS[0], NAMES[0], None, "Association", "Strongly agree", "Tourism;Energy;", 12],
        [2, when, when, EMAILS[1], NAMES[1], None, "Company", "Agree", "Tourism;", 3],
        [3, when, when, EMAILS[2], NAMES[2], None, "University", "Don't know", "N/A", "N/A"],
        [4, when, when, EMAILS[3], NAMES[3], None, "Municipality", "Disagree", "Energy;", 40],
        [5, when, when, EMAILS[4], NAMES[4], None, "Research institute", "Neither agree nor disagree",
         "Tourism;Energy;", 7],
        [6, when, when, EMAILS[5], NAMES[5], None, "Public organisation", "Strongly disagree", "Energy;", 150],
    ]
    write_xlsx(folder / "surveys" / f"{survey_id}.xlsx", header, rows)
    codebook = [
        {"question_id": "ID", "column": "ID", "type": "respondent_id"},
        {"question_id": "T", "column": "Type of your organisation", "type": "actor_type"},
        {"question_id": "Q1", "column": "The strategy is clear", "type": "likert", "scale": "1-5"},
        {"question_id": "Q2", "column": "Which focus areas interest you?", "type": "multi", "scale": "Tourism;Energy"},
        {"question_id": "Q3", "column": "Staff (approx.)", "type": "number"},
    ]
    return folder / "surveys" / f"{survey_id}.xlsx", [{"survey_id": survey_id, **row} for row in codebook]


def google(folder: Path, survey_id: str = "S3") -> tuple[Path, list[dict]]:
    """Google-Forms-style CSV: Timestamp and Email Address, a grid of statements as
    "Question [Row]" with scale labels, options as "Question [Option]" columns."""
    grid, need = "Arvioi väittämät", "Mitä tarvitsette?"
    header = ["Timestamp", "Email Address", f"{grid} [Strategia on tuttu]", f"{grid} [Rahoitus riittää]",
              f"{need} [Rahoitus]", f"{need} [Osaajat]", "Kotikunta", "Muuta?"]
    rows = [
        ["2023/05/02 9:00:00", EMAILS[0], "Samaa mieltä", "Eri mieltä", "Rahoitus", "", "Kemi", f"Terveisin {NAMES[0]}"],
        ["2023/05/02 9:10:00", EMAILS[1], "Täysin samaa mieltä", "EOS", "Rahoitus", "Osaajat", "Tornio", ""],
        ["2023/05/02 9:20:00", EMAILS[2], "Ei samaa eikä eri mieltä", "Täysin eri mieltä", "", "Osaajat", "Kemi", ""],
        ["2023/05/02 9:30:00", EMAILS[3], "Eri mieltä", "Samaa mieltä", "", "", "Tornio", f"Puh. {PHONE}"],
        ["2023/05/02 9:40:00", EMAILS[4], "Täysin eri mieltä", "Eri mieltä", "Rahoitus", "", "Kemi", ""],
        ["2023/05/02 9:50:00", EMAILS[5], "Samaa mieltä", "Ei vastausta", "", "Osaajat", "Tornio", ""],
    ]
    write_csv(folder / "surveys" / f"{survey_id}.csv", header, rows, ",")
    codebook = [
        {"question_id": "Q1", "column": f"{grid} [Strategia on tuttu]", "type": "likert", "scale": "1-5"},
        {"question_id": "Q2", "column": f"{grid} [Rahoitus riittää]", "type": "likert", "scale": "1-5"},
        {"question_id": "Q3", "column": need, "type": "multi", "scale": "Rahoitus;Osaajat"},
        {"question_id": "M", "column": "Kotikunta", "type": "municipality"},
        {"question_id": "Q4", "column": "Muuta?", "type": "open"},
    ]
    return folder / "surveys" / f"{survey_id}.csv", [{"survey_id": survey_id, **row} for row in codebook]


def limesurvey(folder: Path, survey_id: str = "S4") -> tuple[Path, list[dict]]:
    """LimeSurvey-style CSV with answer codes: its metadata (id, submitdate, ipaddr …),
    codes for the organisation type (A1, A2 …), Y for chosen sub-questions, 99 for "no answer"."""
    header = ["id", "submitdate", "lastpage", "startlanguage", "seed", "ipaddr", "G01Q01", "G01Q02",
              "G01Q03[SQ001]", "G01Q03[SQ002]", "G01Q04"]
    rows = [
        [11, "2023-05-02 09:00:00", 3, "fi", 123, "192.0.2.1", "A1", 5, "Y", "", "Hyvä"],
        [12, "2023-05-02 09:10:00", 3, "fi", 124, "192.0.2.2", "A2", 4, "Y", "Y", f"{EMAILS[2]}"],
        [13, "2023-05-02 09:20:00", 3, "fi", 125, "192.0.2.3", "A3", 99, "", "Y", ""],
        [14, "2023-05-02 09:30:00", 3, "fi", 126, "192.0.2.4", "A1", 2, "", "", ""],
        [15, "2023-05-02 09:40:00", 3, "fi", 127, "192.0.2.5", "A2", 3, "Y", "", ""],
        [16, "2023-05-02 09:50:00", 3, "fi", 128, "192.0.2.6", "A4", 1, "", "Y", ""],
    ]
    write_csv(folder / "surveys" / f"{survey_id}.csv", header, rows, ";")
    codebook = [
        {"question_id": "ID", "column": "id", "type": "respondent_id"},
        {"question_id": "T", "column": "G01Q01", "type": "actor_type",
         "labels": "A1=company;A2=Yhdistys;A3=municipality;A4=Ammattikorkeakoulu"},
        {"question_id": "Q1", "column": "G01Q02", "type": "likert", "scale": "1-5", "no_answer": "99"},
        {"question_id": "Q2", "column": "G01Q03", "type": "multi", "scale": "Kiertotalous;Matkailu",
         "labels": "SQ001=Kiertotalous;SQ002=Matkailu"},
        {"question_id": "Q3", "column": "G01Q04", "type": "open"},
    ]
    return folder / "surveys" / f"{survey_id}.csv", [{"survey_id": survey_id, **row} for row in codebook]


LAYOUTS = {"webropol": (webropol, "S1"), "forms": (forms, "S2"), "google": (google, "S3"),
           "limesurvey": (limesurvey, "S4")}


def project_with(folder: Path, *layouts: str) -> tuple[Path, dict[str, Path]]:
    """A tiny project with one survey per layout (surveys S1–S4) and their codebook."""
    activities = MINIMAL["activities"] + [
        {"activity_id": sid, "kind": "survey", "title": f"Kysely {name}", "date": "2023-05-15"}
        for name, (_, sid) in LAYOUTS.items() if name in layouts]
    codebook, exports = [], {}
    folder.mkdir(parents=True, exist_ok=True)
    for name in layouts:
        build, survey_id = LAYOUTS[name]
        path, rows = build(folder, survey_id)
        exports[name] = path
        codebook += rows
    make_project(folder, activities=activities, survey_questions=codebook)
    return folder, exports


@pytest.fixture(scope="module")
def all_layouts(tmp_path_factory):
    folder, exports = project_with(tmp_path_factory.mktemp("layouts") / "p", *LAYOUTS)
    return load_project(folder), exports


# --- each layout loads with codebook rows only -------------------------------------------

def test_webropol_xlsx_with_option_columns_and_en_osaa_sanoa_loads(all_layouts):
    project, _ = all_layouts
    answers = project.surveys["S1"]
    assert answers["T"].tolist() == ["association", "public_agency", "municipality", "company", "intermediary",
                                     "association"]
    assert answers["M"].tolist() == ["Rovaniemi", "Kemi", "Inari", "Rovaniemi", "Kemi", "Inari"]
    assert answers["Q1"].tolist() == [5, 4, pd.NA, 3, 1, 2]
    assert answers["Q2"].tolist() == [("Rahoitus",), ("Rahoitus", "Verkostot"), None, ("Verkostot",),
                                      ("Rahoitus",), None]


def test_forms_xlsx_metadata_columns_are_dropped_without_codebook_rows(all_layouts):
    project, _ = all_layouts
    answers = project.surveys["S2"]
    assert list(answers.columns) == ["T", "Q1", "Q2", "Q3"]
    assert answers["T"].tolist() == ["association", "company", "higher_education", "municipality", "research",
                                     "public_agency"]
    assert answers["Q1"].tolist() == [5, 4, pd.NA, 2, 3, 1]
    assert answers["Q2"].tolist() == [("Tourism", "Energy"), ("Tourism",), None, ("Energy",), ("Tourism", "Energy"),
                                      ("Energy",)]
    assert answers["Q3"].isna().tolist() == [False, False, True, False, False, False]
    # The uncoded Email and Name columns are reported as dropped personal data; the times are not reported.
    dropped = {p.column for p in project.report.warnings
               if p.rule == "personal_data_dropped" and p.file == "surveys/S2.xlsx"}
    assert dropped == {"Email", "Name"}
    assert not [p for p in project.report.warnings if p.rule == "uncoded_column" and p.file == "surveys/S2.xlsx"]


def test_google_forms_csv_with_question_option_headers_loads(all_layouts):
    project, _ = all_layouts
    answers = project.surveys["S3"]
    assert answers["Q1"].tolist() == [4, 5, 3, 2, 1, 4]
    assert answers["Q2"].tolist() == [2, pd.NA, 1, 4, 2, pd.NA]
    assert answers["Q3"].tolist() == [("Rahoitus",), ("Rahoitus", "Osaajat"), ("Osaajat",), None, ("Rahoitus",),
                                      ("Osaajat",)]


def test_limesurvey_csv_with_answer_codes_loads(all_layouts):
    project, _ = all_layouts
    answers = project.surveys["S4"]
    assert answers["T"].tolist() == ["company", "association", "municipality", "company", "association",
                                     "higher_education"]
    assert answers["Q1"].tolist() == [5, 4, pd.NA, 2, 3, 1]  # 99 is this question's "no answer"
    assert answers["Q2"].tolist() == [("Kiertotalous",), ("Kiertotalous", "Matkailu"), ("Matkailu",), None,
                                      ("Kiertotalous",), ("Matkailu",)]
    # submitdate, lastpage, seed … are dropped silently; the IP address as personal data.
    assert [(p.rule, p.column) for p in project.report.problems if p.file == "surveys/S4.csv"] == [
        ("personal_data_dropped", "ipaddr")]


def test_every_layout_loads_without_errors(all_layouts):
    project, _ = all_layouts
    assert project.report.errors == []
    assert sorted(project.surveys) == ["S1", "S2", "S3", "S4"]


# --- no answer: counted apart, never inside means or shares ------------------------------

def test_no_answer_is_counted_apart_and_left_out_of_means_and_shares(tmp_path):
    header = ["Vastaaja", "Väite", "Valinta"]
    answers = [5, 5, 4, 4, 2, "En osaa sanoa", "EOS", "", 99, "Don't know"]
    choices = ["A", "A", "B", "B", "B", "EOS", "N/A", "", "Ei vastausta", "A"]
    rows = [[i + 1, a, c] for i, (a, c) in enumerate(zip(answers, choices))]
    write_csv(tmp_path / "p" / "surveys" / "S1.csv", header, rows, ";")
    codebook = [{"survey_id": "S1", "question_id": "R", "column": "Vastaaja", "type": "respondent_id"},
                {"survey_id": "S1", "question_id": "Q1", "column": "Väite", "type": "likert", "scale": "1-5",
                 "no_answer": "99"},
                {"survey_id": "S1", "question_id": "Q2", "column": "Valinta", "type": "single", "scale": "A;B"}]
    activities = MINIMAL["activities"] + [{"activity_id": "S1", "kind": "survey", "title": "K", "date": "2023-01-01"}]
    project = load_project(make_project(tmp_path / "p", activities=activities, survey_questions=codebook))
    mean = surveys.means(project, "S1").set_index("question_id")
    assert mean.loc["Q1", "n"] == 5 and mean.loc["Q1", "mean"] == pytest.approx(4.0)
    dist = surveys.likert_distribution(project, "S1").set_index("level")
    assert dist.loc[5, "share"] == pytest.approx(0.4) and dist["n"].iloc[0] == 5
    choice = surveys.choice_counts(project, "S1").set_index("option")
    assert list(choice.index) == ["A", "B"]  # no "EOS" / "N/A" option
    assert choice.loc["B", "share"] == pytest.approx(3 / 6) and choice["n"].iloc[0] == 6
    apart = surveys.no_answer_counts(project, "S1").set_index("question_id")
    assert apart.loc["Q1", ["respondents", "answered", "no_answer"]].tolist() == [10, 5, 5]
    assert apart.loc["Q2", ["answered", "no_answer"]].tolist() == [6, 4]


def test_an_explicit_option_named_like_no_answer_stays_an_option(tmp_path):
    header = ["Valinta"]
    rows = [["EOS"], ["A"], ["EOS"], ["A"], ["A"]]
    write_csv(tmp_path / "p" / "surveys" / "S1.csv", header, rows, ";")
    codebook = [{"survey_id": "S1", "question_id": "Q1", "column": "Valinta", "type": "single", "scale": "A;EOS"}]
    activities = MINIMAL["activities"] + [{"activity_id": "S1", "kind": "survey", "title": "K", "date": "2023-01-01"}]
    project = load_project(make_project(tmp_path / "p", activities=activities, survey_questions=codebook))
    assert project.surveys["S1"]["Q1"].tolist() == ["EOS", "A", "EOS", "A", "A"]


# --- scales, actor types, municipalities --------------------------------------------------

@pytest.mark.parametrize("points, answers, expected", [
    (5, ["Täysin eri mieltä", "Jokseenkin eri mieltä", "Ei samaa eikä eri mieltä", "Jokseenkin samaa mieltä",
         "Täysin samaa mieltä"], [1, 2, 3, 4, 5]),
    (5, ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"], [1, 2, 3, 4, 5]),
    (7, ["Täysin eri mieltä", "Eri mieltä", "Jokseenkin eri mieltä", "Ei samaa eikä eri mieltä",
         "Jokseenkin samaa mieltä", "Samaa mieltä", "Täysin samaa mieltä"], [1, 2, 3, 4, 5, 6, 7]),
    (7, ["Strongly disagree", "Disagree", "Somewhat disagree", "Neutral", "Somewhat agree", "Agree",
         "Strongly agree"], [1, 2, 3, 4, 5, 6, 7]),
    (5, ["1 Täysin eri mieltä", "5 = Täysin samaa mieltä", "  TÄYSIN  samaa mieltä "], [1, 5, 5]),
])
def test_agreement_scale_labels_map_to_numbers(points, answers, expected):
    assert [cb.scale_point(a, 1, points) for a in answers] == expected


def test_a_questions_own_labels_map_a_custom_scale():
    labels = cb.parse_labels("Ei lainkaan tärkeä=1; Melko tärkeä=3; Erittäin tärkeä=5")
    assert [cb.scale_point(a, 1, 5, labels) for a in ("ei lainkaan tärkeä", "Melko tärkeä", "Erittäin tärkeä")] \
        == [1, 3, 5]
    assert cb.scale_point("Jotain muuta", 1, 5, labels) is None


@pytest.mark.parametrize("wording, code", [
    ("Yhdistys", "association"), ("järjestö", "association"), ("Säätiö", "association"),
    ("Yhdistys tai järjestö", "association"), ("Association", "association"), ("NGO", "association"),
    ("Julkinen organisaatio", "public_agency"), ("Julkinen organisaatio (esim. ELY-keskus)", "public_agency"),
    ("Public organisation", "public_agency"), ("Oppilaitos", "higher_education"),
    ("Kehittämisyhtiö", "intermediary"), ("Development company", "intermediary"),
    ("Kunta/kaupunki", "municipality"), ("kunta / kaupunki", "municipality"), ("Kaupunki", "municipality"),
    ("City", "municipality"), ("Yliopisto", "higher_education"), ("Ammattikorkeakoulu", "higher_education"),
    ("University of applied sciences", "higher_education"), ("Tutkimuslaitos", "research"),
    ("Research institute", "research"), ("Yritys", "company"), ("Company", "company"), ("yrittäjä", "company"),
    ("Rahoittaja", "financier"), ("Muu, mikä?", "other"), ("Other", "other"), ("Kehittäjäorganisaatio", "intermediary"),
])
def test_actor_type_wordings_map_to_the_workbooks_types(wording, code):
    assert cb.actor_type(wording) == code


def test_municipality_answers_are_case_and_spacing_tolerant():
    names = ["Rovaniemi", "Pelkosenniemi", "Kemi"]
    assert [cb.municipality(v, names) for v in ("rovaniemi", " KEMI ", "Pelkosen niemi", "Oulu")] == \
        ["Rovaniemi", "Kemi", "Pelkosenniemi", None]


# --- unknown values say what is allowed and the codebook line to add -------------------------

def test_unknown_answers_name_question_row_allowed_values_and_codebook_line(tmp_path):
    header = ["Organisaatio", "Väite", "Kunta"]
    rows = [["Avaruusolio", "Hyvin", "Rovaniemi"], ["Yritys", "Hyvin", "Oulu"], ["Avaruusolio", "3", "Kemi"]]
    write_csv(tmp_path / "p" / "surveys" / "S1.csv", header, rows, ";")
    codebook = [{"survey_id": "S1", "question_id": "T", "column": "Organisaatio", "type": "actor_type"},
                {"survey_id": "S1", "question_id": "Q1", "column": "Väite", "type": "likert", "scale": "1-5"},
                {"survey_id": "S1", "question_id": "M", "column": "Kunta", "type": "municipality"}]
    activities = MINIMAL["activities"] + [{"activity_id": "S1", "kind": "survey", "title": "K", "date": "2023-01-01"}]
    report = validate_project(make_project(tmp_path / "p", activities=activities, survey_questions=codebook))
    found = {(p.column, p.value): p for p in report.errors}
    alien = found[("Organisaatio", "Avaruusolio")]
    assert alien.row == 2 and alien.file == "surveys/S1.csv"
    assert "Question T" in alien.message_en and "Kysymys T" in alien.message_fi
    assert "association (Association)" in alien.message_en and "association (Yhdistys tai järjestö)" in alien.message_fi
    assert "also on rows 4" in alien.message_en
    assert "S1,T,Organisaatio,,,actor_type,,,Avaruusolio=other" in alien.message_en
    scale = found[("Väite", "Hyvin")]
    assert scale.rule == "bad_answer" and scale.row == 2
    assert "Täysin eri mieltä=1" in scale.message_en and "Täysin samaa mieltä=5" in scale.message_en
    assert "S1,Q1,Väite,,,likert,1-5,,Hyvin=?" in scale.message_en
    place = found[("Kunta", "Oulu")]
    assert place.row == 3 and "Rovaniemi" in place.message_en and "Kemi" in place.message_en
    assert len(report.errors) == 3  # one problem per question and value, not one per cell


def test_a_codebook_option_missing_from_option_columns_is_reported_at_the_header(tmp_path):
    header = ["Tuki: Rahoitus", "Tuki: Avaruusmatkat"]
    rows = [["X", ""], ["", "X"], ["X", "X"]]
    write_csv(tmp_path / "p" / "surveys" / "S1.csv", header, rows, ";")
    codebook = [{"survey_id": "S1", "question_id": "Q1", "column": "Tuki", "type": "multi", "scale": "Rahoitus;Verkostot"}]
    activities = MINIMAL["activities"] + [{"activity_id": "S1", "kind": "survey", "title": "K", "date": "2023-01-01"}]
    report = validate_project(make_project(tmp_path / "p", activities=activities, survey_questions=codebook))
    [problem] = report.errors
    assert (problem.row, problem.column, problem.value) == (1, "Tuki: Avaruusmatkat", "Avaruusmatkat")
    assert "Rahoitus; Verkostot" in problem.message_en and "Rahoitus;Verkostot;Avaruusmatkat" in problem.message_en


# --- workbook codebook drafts rows that load ---------------------------------------------

@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_workbook_codebook_drafts_rows_that_load(tmp_path, layout, capsys):
    build, survey_id = LAYOUTS[layout]
    folder = tmp_path / "p"
    export_path, _ = build(folder, survey_id)
    draft_file = tmp_path / "draft.csv"
    assert cli_main(["codebook", str(export_path), "--survey", survey_id, "--out", str(draft_file)]) == 0
    draft = pd.read_csv(draft_file, dtype=str, keep_default_na=False)
    assert list(draft.columns) == ["survey_id", "question_id", "column", "text_fi", "text_en", "type", "scale",
                                   "no_answer", "labels"]
    if layout == "limesurvey":
        # Documented edit: the draft cannot know what LimeSurvey's codes mean, so it keeps the codes
        # A1…A4 as options of a single choice; the reviewer declares the question an actor type.
        assert draft.loc[draft["column"] == "G01Q01", "type"].item() == "single"
        draft.loc[draft["column"] == "G01Q01", ["type", "scale", "labels"]] = \
            ["actor_type", "", "A1=company;A2=association;A3=municipality;A4=higher_education"]
    activities = MINIMAL["activities"] + [{"activity_id": survey_id, "kind": "survey", "title": "K",
                                           "date": "2023-01-01"}]
    project = load_project(make_project(folder, activities=activities, survey_questions=draft.to_dict("records")))
    assert project.report.errors == []
    answers = project.surveys[survey_id]
    assert len(answers) == 6
    types = dict(zip(draft["column"], draft["type"]))
    expected = {
        "webropol": {"Nimi": "personal", "Sähköposti": "personal", "Vastaajan numero": "respondent_id",
                     "Edustamanne organisaation tyyppi": "actor_type", "Kotikunta": "municipality",
                     "Strategia on minulle tuttu": "likert", "Millaista tukea tarvitsette?": "multi",
                     "Terveisiä": "open"},
        "forms": {"ID": "respondent_id", "Email": "personal", "Name": "personal",
                  "Type of your organisation": "actor_type", "The strategy is clear": "likert",
                  "Which focus areas interest you?": "multi", "Staff (approx.)": "number"},
        "google": {"Email Address": "personal", "Arvioi väittämät [Strategia on tuttu]": "likert",
                   "Arvioi väittämät [Rahoitus riittää]": "likert", "Mitä tarvitsette?": "multi",
                   "Kotikunta": "municipality", "Muuta?": "open"},
        "limesurvey": {"id": "respondent_id", "G01Q01": "actor_type", "G01Q02": "likert", "G01Q03": "multi",
                       "ipaddr": "personal", "G01Q04": "open"},
    }[layout]
    assert types == expected
    likert = [q for q, t in zip(draft["question_id"], draft["type"]) if t == "likert"]
    assert all(answers[q].dropna().between(1, 5).all() for q in likert)
    if layout == "limesurvey":
        assert draft.loc[draft["column"] == "G01Q02", "no_answer"].item() == "99"


def test_draft_maps_unknown_organisation_types_to_other_and_says_so(tmp_path):
    path = write_csv(tmp_path / "S1.csv", ["Organisaationne tyyppi"],
                     [["Yritys"], ["Kylätoimikunta"], ["Yhdistys"], ["Kunta"]], ";")
    rows, notes = draft_codebook(path, "S1")
    assert rows["labels"].tolist() == ["Kylätoimikunta=other"]
    assert any("Kylätoimikunta" in note for note in notes)


# --- privacy: names, e-mails and phone numbers in any column never reach an output ------

def published_text(paths: list[Path]) -> str:
    """Every character a reader of the files can see: HTML source, every XML part of an .xlsx."""
    parts = []
    for path in paths:
        if path.suffix == ".xlsx":
            with zipfile.ZipFile(path) as archive:
                parts += [html.unescape(archive.read(name).decode("utf-8")) for name in archive.namelist()]
        else:
            parts.append(path.read_text(encoding="utf-8"))
    return "\n".join(parts).casefold()


def test_names_emails_and_phones_never_reach_answers_or_any_output(all_layouts, tmp_path):
    project, _ = all_layouts
    loaded = "\n".join(frame.to_csv() for frame in project.surveys.values()).casefold()
    written = []
    for lang in ("fi", "en"):
        written += export(project, tmp_path / lang, lang)
    published = published_text(written)
    for text in (loaded, published):
        for value in NAMES + EMAILS + [PHONE, "192.0.2.1"]:
            assert value.casefold() not in text
    assert all(token in loaded for token in ("\u27e6name\u27e7", "\u27e6phone\u27e7", "\u27e6email\u27e7"))


def test_no_answer_counts_are_published_apart_from_the_scale(all_layouts, tmp_path):
    project, _ = all_layouts
    page = export(project, tmp_path, "en")[0].read_text(encoding="utf-8")
    assert "No answer (blank, Don&#x27;t know, N/A …)" in page or "No answer (blank, Don't know, N/A …)" in page


def test_a_labels_cell_without_answer_equals_meaning_is_a_codebook_error(tmp_path):
    write_csv(tmp_path / "p" / "surveys" / "S1.csv", ["Väite"], [["Erittäin tärkeä"]], ";")
    codebook = [{"survey_id": "S1", "question_id": "Q1", "column": "Väite", "type": "likert", "scale": "1-5",
                 "labels": "Erittäin tärkeä"}]
    activities = MINIMAL["activities"] + [{"activity_id": "S1", "kind": "survey", "title": "K", "date": "2023-01-01"}]
    report = validate_project(make_project(tmp_path / "p", activities=activities, survey_questions=codebook))
    labels = [p for p in report.errors if p.column == "labels"]
    assert labels and labels[0].value == "Erittäin tärkeä" and "S1 Q1" in labels[0].detail
    assert "question Q1: write answer=meaning" in labels[0].message_en and "vastaus=merkitys" in labels[0].message_fi


def test_google_forms_checkboxes_joined_with_commas_split_on_the_known_options(tmp_path):
    header = ["Mitä tarvitsette?"]
    rows = [["Rahoitus, verkostot ja kumppanit"], ["Osaajat, Rahoitus"], ["Rahoitus"], ["Osaajat"], ["N/A"]]
    write_csv(tmp_path / "p" / "surveys" / "S1.csv", header, rows, ",")
    codebook = [{"survey_id": "S1", "question_id": "Q1", "column": "Mitä tarvitsette?", "type": "multi",
                 "scale": "Rahoitus;Osaajat;Rahoitus, verkostot ja kumppanit"}]
    activities = MINIMAL["activities"] + [{"activity_id": "S1", "kind": "survey", "title": "K", "date": "2023-01-01"}]
    project = load_project(make_project(tmp_path / "p", activities=activities, survey_questions=codebook))
    assert project.surveys["S1"]["Q1"].tolist() == [("Rahoitus, verkostot ja kumppanit",), ("Osaajat", "Rahoitus"),
                                                    ("Rahoitus",), ("Osaajat",), None]


def test_workbook_codebook_prints_the_draft_and_refuses_a_missing_file(tmp_path, capsys):
    path = write_csv(tmp_path / "S5.csv", ["ID", "Väite"], [[1, "Samaa mieltä"], [2, "Eri mieltä"]], ";")
    assert cli_main(["codebook", str(path), "--survey", "S5"]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines()[0] == "survey_id,question_id,column,text_fi,text_en,type,scale,no_answer,labels"
    assert "S5,Q1,Väite,Väite,,likert,1-5,," in out and "2 rows drafted for survey S5" in err
    assert cli_main(["codebook", str(tmp_path / "missing.xlsx"), "--survey", "S5"]) == 2
