"""``workbook clusters``: a self-contained HTML scorecard and a formula-safe workbook."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from clusters_fixture import TABLES
from conftest import make_project
from openpyxl import load_workbook

from workbook import load_project
from workbook.cli import main
from workbook.clusters.export import export

HOSTILE_NAME = '<img src=x onerror="alert(1)">Arctic'
HOSTILE_EVIDENCE = '=HYPERLINK("http://evil.example","click")'


@pytest.fixture(scope="module")
def hostile_export(tmp_path_factory):
    """The English export of a project whose cluster name and evidence text are hostile."""
    clusters = [{**TABLES["clusters"][0], "name": HOSTILE_NAME}, TABLES["clusters"][1]]
    assessments = [{**row, "evidence": HOSTILE_EVIDENCE} if row["assessed_on"] == "28.4.2023" else row
                   for row in TABLES["cluster_assessments"]]
    folder = tmp_path_factory.mktemp("hostile")
    project = load_project(make_project(folder / "project", **{**TABLES, "clusters": clusters,
                                                              "cluster_assessments": assessments}))
    return export(project, folder / "out", "en")


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_the_command_writes_the_html_scorecard_and_the_workbook(project_factory, tmp_path, lang):
    out = tmp_path / "out"
    assert main(["clusters", str(project_factory(**TABLES)), "--out", str(out), "--lang", lang]) == 0
    written = sorted(p.name for p in out.iterdir())
    assert written == [f"cluster_scorecard_{lang}.html", f"cluster_scorecard_{lang}.xlsx"]
    page = (out / f"cluster_scorecard_{lang}.html").read_text(encoding="utf-8")
    assert f'<html lang="{lang}">' in page
    gap = {"fi": "Arctic Safety järjesti 0,5 jäsentilaisuutta vuodessa",
           "en": "Arctic Safety organised 0.5 member activities a year"}[lang]
    assert gap in page


def test_the_page_loads_nothing_from_the_network(hostile_export):
    page = hostile_export[0].read_text(encoding="utf-8")
    assert "Content-Security-Policy" in page
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=[\"']?(https?:)?//", page)


def test_spreadsheet_text_is_escaped_in_the_page(hostile_export):
    page = hostile_export[0].read_text(encoding="utf-8")
    assert "<img src=x" not in page
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;Arctic" in page


def test_spreadsheet_text_stays_inert_in_the_workbook(hostile_export):
    book = load_workbook(hostile_export[1])
    cells = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    texts = {cell.value for cell in cells if isinstance(cell.value, str)}
    # Stored as typed, as a string cell: no formula, and no apostrophe added to the user's text.
    assert HOSTILE_EVIDENCE in texts and "'" + HOSTILE_EVIDENCE not in texts
    assert book.sheetnames[:3] == ["Grid", "Scorecard", "Gaps"]


def test_the_same_project_gives_the_same_files(project_factory, tmp_path):
    project = load_project(project_factory(**TABLES))
    first = [p.read_bytes() for p in export(project, tmp_path / "a", "fi")]
    second = [p.read_bytes() for p in export(project, tmp_path / "b", "fi")]
    assert first == second


def test_workbook_stores_values_shares_and_dates_as_numbers_and_dates(hostile_export):
    book = load_workbook(hostile_export[1])
    sheet = book["Scorecard"]
    header = [cell.value for cell in sheet[1]]
    rows = list(sheet.iter_rows(min_row=2))
    shares = [row[header.index("Share of goal reached")] for row in rows if row[0].value is not None]
    assert shares and all(c.data_type == "n" and c.number_format == "0%" for c in shares if c.value is not None)
    dates = [row[header.index("Assessed on")] for row in rows if row[header.index("Assessed on")].value]
    assert dates and all(c.is_date for c in dates)
    values = [row[header.index("Value")] for row in rows]
    # Yes/no criteria read as words; every other value is a number, never a number written as text.
    assert not [c.value for c in values if isinstance(c.value, str) and re.search(r"\d", c.value)]
    facts = book["Computed facts"]
    share = [c for c in facts["D"][1:] if c.value is not None]
    assert facts["D1"].value == "Company share" and all(c.number_format == "0%" for c in share)


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_a_region_without_criteria_or_members_is_told_so_not_that_every_cluster_passes(tmp_path, lang):
    """A region that has listed its clusters but set no criteria and recorded no members."""
    from workbook.clusters.export import build_report
    from workbook.clusters.texts import TEXTS
    from workbook.htmlreport import escape
    from workbook.i18n import tr
    from workbook.network.synthetic import small_region_tables, write_tables

    project = load_project(write_tables(tmp_path / "region", small_region_tables()))
    assert len(project.clusters) and project.cluster_criteria.empty
    html = build_report(project, lang).render()
    assert tr(TEXTS, "no_gaps", lang) not in html
    assert "class=\"ok\"" not in html, "a cluster reads as passing criteria that were never set"
    # Summary, scorecard, gaps and the criteria themselves, none an empty table.
    assert html.count(escape(tr(TEXTS, "no_criteria", lang))) == 4
    assert escape(tr(TEXTS, "no_members", lang)) in html
    # Every sheet of the workbook the consultant sends either has rows or says why it has none.
    from workbook.clusters.export import workbook_sheets
    from workbook.outputs import write_xlsx

    book = load_workbook(write_xlsx(tmp_path / "card.xlsx", workbook_sheets(project, lang), lang))
    told = {}
    for sheet in book:
        rows = [row for row in sheet.iter_rows(min_row=2, values_only=True) if any(v is not None for v in row)]
        assert rows, f"sheet {sheet.title} is empty and does not say why"
        told[sheet.title] = rows[0][0]
    scorecard_sheets = [tr(TEXTS, key, lang) for key in ("sheet_grid", "sheet_scorecard", "sheet_gaps", "sheet_criteria")]
    assert {told[name] for name in scorecard_sheets} == {tr(TEXTS, "no_criteria", lang)}
    assert told[tr(TEXTS, "sheet_members", lang)] == tr(TEXTS, "no_members", lang)


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_a_region_with_criteria_but_no_clusters_is_told_so_not_that_every_cluster_passes(tmp_path, lang):
    """Criteria set before any cluster is listed: no '0 of 0 clusters meet every criterion',
    no green 'every cluster meets every criterion', and the criteria are still shown."""
    import shutil

    from workbook.clusters.export import build_report, workbook_sheets
    from workbook.clusters.texts import TEXTS
    from workbook.dashboard.filters import FilterState, filter_project
    from workbook.dashboard.pages import clusters as page
    from workbook.htmlreport import escape
    from workbook.i18n import tr
    from workbook.network.synthetic import small_region_tables, write_tables

    tables = small_region_tables()
    tables["clusters"] = []
    tables["actors"] = [{**actor, "clusters": ""} for actor in tables["actors"]]
    folder = write_tables(tmp_path / "region", tables)
    shutil.copy(Path(__file__).resolve().parent.parent / "data" / "demo-lapland" / "cluster_criteria.csv", folder)
    project = load_project(folder)
    assert project.clusters.empty and len(project.cluster_criteria)
    html = build_report(project, lang).render()
    assert tr(TEXTS, "no_gaps", lang) not in html and "class=\"ok\"" not in html
    assert html.count(escape(tr(TEXTS, "no_clusters", lang))) == 3  # summary, scorecard, gaps
    assert escape(project.cluster_criteria["criterion_id"].iloc[0]) in html, "the criteria are still listed"
    sheets = workbook_sheets(project, lang)
    for key in ("sheet_grid", "sheet_scorecard", "sheet_gaps"):
        assert sheets[tr(TEXTS, key, lang)].note == tr(TEXTS, "no_clusters", lang)
    selection = filter_project(project, FilterState())
    for draw in (page.draw_summary, page.draw_scorecard, page.draw_gaps, page.draw_members):
        assert escape(tr(TEXTS, "no_clusters", lang)) in draw(selection, lang), draw.__name__
