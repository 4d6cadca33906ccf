"""The participation summary's deliverables: HTML report, .xlsx, CLI, privacy and offline use."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from conftest import DEMO, ROOT, launch_chromium
from test_participation import (
    HOSTILE_FORMULA, HOSTILE_HTML, HOSTILE_LINK, RESPONDENT_EMAILS, RESPONDENT_NAMES, build_tiny_project,
)
from workbook import load_project
from workbook.cli import main
from workbook.participation.export import export
from workbook.participation.summary import build_summary

NOTEBOOK = ROOT / "notebooks" / "02_participation_summary.ipynb"


@pytest.fixture(scope="module")
def tiny_exports(tmp_path_factory):
    project = load_project(build_tiny_project(tmp_path_factory.mktemp("tiny")))
    out = tmp_path_factory.mktemp("out")
    return project, {lang: export(project, out / lang, lang) for lang in ("fi", "en")}


@pytest.fixture(scope="module")
def demo_exports(tmp_path_factory):
    return export(load_project(DEMO), tmp_path_factory.mktemp("demo"), "en")


def xlsx_cells(path: Path) -> list:
    book = load_workbook(path)
    return [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]


def published_text(paths: list[Path]) -> str:
    """Everything a reader of the files can see: the HTML source and every .xlsx cell."""
    parts = []
    for path in paths:
        if path.suffix == ".xlsx":
            parts += [str(cell.value) for cell in xlsx_cells(path) if cell.value is not None]
        else:
            parts.append(path.read_text(encoding="utf-8"))
    return "\n".join(parts).casefold()


def raw_survey_personal_data(folder: Path) -> list[str]:
    """Names and e-mails written in the raw survey exports of a project (.csv and .xlsx)."""
    from workbook.readers import read_xlsx

    found = set()
    for path in sorted((folder / "surveys").glob("*.csv")):
        text = path.read_text(encoding="utf-8-sig")
        dialect = csv.Sniffer().sniff(text.splitlines()[0], delimiters=",;")
        for row in csv.DictReader(text.splitlines(), dialect=dialect):
            found |= {row[c].strip() for c in ("Nimi", "Sähköposti") if row.get(c, "").strip()}
    for path in sorted((folder / "surveys").glob("*.xlsx")):
        for sheet in read_xlsx(path, path.name).values():
            for row in sheet.records:
                found |= {str(row[c]).strip() for c in ("Nimi", "Sähköposti") if row.get(c)}
    return sorted(found)


def test_export_writes_an_html_report_and_a_workbook_per_language(tiny_exports):
    _, written = tiny_exports
    for lang, paths in written.items():
        assert [p.name for p in paths] == [f"participation_summary_{lang}.html", f"participation_summary_{lang}.xlsx"]
        page = paths[0].read_text(encoding="utf-8")
        assert f'<html lang="{lang}">' in page
        assert "Salla" in page  # the silent municipality is named
    assert "Osallisuuden aukot" in written["fi"][0].read_text(encoding="utf-8")
    assert "Gaps in inclusiveness" in written["en"][0].read_text(encoding="utf-8")


def test_report_shows_hostile_text_as_text(tiny_exports):
    _, written = tiny_exports
    page = written["en"][0].read_text(encoding="utf-8")
    assert HOSTILE_HTML not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page


def test_workbook_keeps_formulas_and_hyperlinks_inert(tiny_exports):
    _, written = tiny_exports
    cells = xlsx_cells(written["en"][1])
    hostile = [c for c in cells if isinstance(c.value, str) and "HYPERLINK" in c.value]
    assert len(hostile) >= 2  # the input in the top-voted list and the open survey answer
    for cell in hostile:
        assert cell.value == HOSTILE_FORMULA and cell.data_type == "s"
    assert not [c for c in cells if c.data_type == "f"]
    assert all(c.hyperlink is None for c in cells)


def test_no_name_or_email_of_the_raw_survey_export_reaches_the_tiny_outputs(tiny_exports):
    _, written = tiny_exports
    text = published_text(written["fi"] + written["en"])
    for value in RESPONDENT_NAMES + RESPONDENT_EMAILS:
        assert value.casefold() not in text


def words_and_pairs(text: str) -> set[str]:
    """Every word, e-mail-like token and pair of consecutive words of a text (to look up
    hundreds of names in megabytes of output at once)."""
    words = [word.strip(".-") for word in re.findall(r"[\w.@+-]+", text)]
    return set(words) | {f"{a} {b}" for a, b in zip(words, words[1:])}


def test_no_name_or_email_of_the_demo_surveys_reaches_any_output(demo_exports):
    personal = raw_survey_personal_data(DEMO)
    assert len(personal) > 100  # the demo exports do carry names and e-mails
    seen = words_and_pairs(published_text(demo_exports)) | words_and_pairs(
        NOTEBOOK.read_text(encoding="utf-8").casefold())
    leaked = [value for value in personal if value.casefold() in seen]
    assert leaked == []


def test_demo_report_names_the_planted_gaps(demo_exports):
    page = demo_exports[0].read_text(encoding="utf-8")
    assert "Savukoski: no organisation took part" in page
    assert "under-represented" in page and "over-represented" in page
    assert "companies raised only 3 of the 51 inputs" in page


def test_notebook_outputs_show_every_section_and_hide_small_groups():
    notebook = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    tagged = [c for c in notebook["cells"] if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(tagged) == 1 and 'LANG = "fi"' in "".join(tagged[0]["source"])
    outputs = json.dumps([c.get("outputs", []) for c in notebook["cells"] if c["cell_type"] == "code"],
                         ensure_ascii=False)
    for shown in ("Savukoski: yksikään organisaatio ei osallistunut", "Mikroyritys", "S1 Lapin S3-kysely",
                  "S2 Toimeenpanosuunnitelman", "Avoimet vastaukset", "application/vnd.plotly.v1+json", "&lt;5"):
        assert shown in outputs


def test_export_is_deterministic(tiny_exports, tmp_path):
    project, written = tiny_exports
    again = export(project, tmp_path, "en")
    assert [p.read_bytes() for p in again] == [p.read_bytes() for p in written["en"]]


def test_cli_summary_command_writes_the_files(tmp_path):
    project = build_tiny_project(tmp_path / "project")
    assert main(["summary", str(project), "--out", str(tmp_path / "out"), "--lang", "en"]) == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "participation_summary_en.html", "participation_summary_en.xlsx"]


@pytest.mark.browser
def test_html_report_opens_and_draws_its_figures_without_network(playwright, tiny_exports, tmp_path):
    project, written = tiny_exports
    expected = sum(b.kind == "figure" for s in build_summary(project, "en") for b in s.blocks)
    attempted_outside, errors = [], []

    def route(request_route):
        url = request_route.request.url
        if url.startswith(("file:", "data:", "about:")):
            request_route.continue_()
        else:
            attempted_outside.append(url)
            request_route.abort()

    context = launch_chromium(playwright, tmp_path / "profile")
    try:
        context.route("**/*", route)
        page = context.new_page()
        page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(written["en"][0].as_uri())
        page.wait_for_function(f"document.querySelectorAll('.js-plotly-plot .main-svg').length >= {expected}",
                               timeout=20_000)
        drawn = page.locator(".js-plotly-plot").count()
        bars = page.locator(".js-plotly-plot .trace.bars").count()
        # Spreadsheet text with a link is shown as text, in tables and in figure labels alike.
        injected_links = page.evaluate("""Array.from(document.querySelectorAll('a')).filter(a =>
            ((a.getAttribute('href') || '') + (a.getAttribute('xlink:href') || ''))
            .includes('example.com')).length""")
        literal_in_figures = page.locator(".js-plotly-plot text", has_text=HOSTILE_LINK).count()
        literal_in_tables = page.locator("td", has_text=HOSTILE_LINK).count()
        page.screenshot(path=str(tmp_path / "report.png"))
    finally:
        context.close()
    assert attempted_outside == []
    assert errors == []
    assert drawn == expected and bars > 0
    assert injected_links == 0 and literal_in_figures >= 1 and literal_in_tables >= 1



SHARE_HEADER = re.compile(r"osuus|share|^\d$", re.IGNORECASE)


def test_every_share_in_the_workbook_is_a_number_with_a_percent_format(demo_exports):
    book = load_workbook(demo_exports[1])
    numeric = 0
    for sheet in book.worksheets:
        for column, header in enumerate(cell.value for cell in sheet[1]):
            if not (isinstance(header, str) and SHARE_HEADER.search(header)):
                continue
            for (cell,) in sheet.iter_rows(min_col=column + 1, max_col=column + 1, min_row=2):
                if cell.value is None:
                    continue
                if isinstance(cell.value, str):
                    # Only a hidden figure's mark is text, never a percentage written out.
                    assert not re.search(r"\d\s?%", cell.value), (sheet.title, cell.coordinate, cell.value)
                else:
                    assert cell.data_type == "n" and "%" in cell.number_format, (sheet.title, cell.coordinate)
                    assert 0 <= cell.value <= 1
                    numeric += 1
    assert numeric > 50
    activities = book["Activities"]
    dates = [row[0] for row in activities.iter_rows(min_row=2) if row[0].value is not None]
    assert dates and all(cell.is_date and cell.number_format == "d mmm yyyy" for cell in dates)
    assert activities.freeze_panes == "A2" and activities.auto_filter.ref
