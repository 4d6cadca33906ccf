"""The action-plan deliverable without a browser: the .xlsx, the HTML report's text, refusals."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from actionplan_case import FORMULA_TITLE, MARKUP_TITLE, write_case
from workbook import load_project
from workbook.actionplan import export, onepager, pages
from workbook.htmlreport import escape
from workbook.i18n import tr


@pytest.fixture(scope="module")
def case(tmp_path_factory):
    return load_project(write_case(tmp_path_factory.mktemp("actionplan-export") / "case"))


@pytest.fixture(scope="module")
def written(case, tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    return {lang: export.export(case, out, lang, onepagers=False) for lang in ("fi", "en")}


def test_export_without_images_writes_the_report_and_the_workbook(written):
    assert [p.name for p in written["fi"]] == ["actions_by_focus_area_fi.html", "action_plan_fi.xlsx"]
    assert [p.name for p in written["en"]] == ["actions_by_focus_area_en.html", "action_plan_en.xlsx"]


def test_formula_titles_stay_inert_text_in_every_sheet(written):
    book = load_workbook(written["fi"][1])
    formulas = [(sheet.title, cell.coordinate) for sheet in book for row in sheet.iter_rows() for cell in row
                if cell.data_type == "f" or (isinstance(cell.value, str) and cell.value.startswith("="))]
    assert formulas == []
    actions = book["Toimenpiteet"]
    header = [cell.value for cell in actions[1]]
    titles = [row[header.index("Toimenpiteen nimi")] for row in actions.iter_rows(min_row=2)]
    hostile = [cell for cell in titles if "HYPERLINK" in str(cell.value)]
    assert hostile and all(cell.data_type == "s" and cell.value == "'" + FORMULA_TITLE for cell in hostile)


def test_workbook_lists_actions_grouped_by_focus_area_in_the_readers_language(written):
    book = load_workbook(written["en"][1])
    assert book.sheetnames == ["Actions", "Focus areas", "Funding", "Organisations", "Indicators",
                               "Input to action", "Inputs without action", "Voice share", "Plan checks",
                               "EU S3 condition"]
    rows = list(book["Actions"].iter_rows(values_only=True))
    header = rows[0]
    pairs = [(row[header.index("Focus area id")], row[header.index("Action")]) for row in rows[1:]]
    assert pairs == [("FA1", "T1"), ("FA1", "T2"), ("FA2", "T3"), ("FA2", "T5"), ("FA3", "T2"), ("FA3", "T4")]
    statuses = {row[header.index("Status")] for row in rows[1:]}
    assert statuses == {"Ongoing", "Planned", None}


def test_report_escapes_spreadsheet_text_everywhere(written):
    page = written["en"][0].read_text(encoding="utf-8")
    assert MARKUP_TITLE not in page
    assert "<script>alert(1)</script>" not in page
    assert 'href="http://evil.example/"' not in page


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_report_shows_every_part_in_its_language(written, lang):
    page = written[lang][0].read_text(encoding="utf-8")
    for key in ("portfolio", "trace", "voice_heading", "sources_heading", "unused_heading", "s3",
                "fa_indicators", "fa_actions", "fa_actors", "fa_funding", "fa_clusters", "fa_trace"):
        assert escape(tr(pages.TEXTS, key, lang)) in page, key
    # The plan's quality checks are the consultant's (the pack has them in working/), not the client's.
    assert escape(tr(pages.TEXTS, "checks", lang)) not in page
    other = "en" if lang == "fi" else "fi"
    assert tr(pages.TEXTS, "trace", other) not in page
    for section in ("FA1 · ", "FA2 · ", "FA3 · "):
        assert f">{section}" in page
    assert f'<html lang="{lang}">' in page and "https://" not in page.split("<script")[0]


def test_export_is_deterministic(case, written, tmp_path):
    again = export.export(case, tmp_path, "fi", onepagers=False)
    assert [p.read_bytes() for p in again] == [p.read_bytes() for p in written["fi"]]


def test_missing_browser_stops_the_export_before_writing_anything(case, tmp_path, monkeypatch):
    monkeypatch.delenv(onepager.BROWSER_VARIABLE, raising=False)
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    out = tmp_path / "out"
    with pytest.raises(onepager.BrowserNotFoundError, match="WORKBOOK_CHROMIUM"):
        export.export(case, out, "en")
    assert not out.exists() or not any(out.iterdir())


def test_browser_named_in_the_environment_must_exist(tmp_path, monkeypatch):
    monkeypatch.setenv(onepager.BROWSER_VARIABLE, str(tmp_path / "no-such-chromium"))
    with pytest.raises(onepager.BrowserNotFoundError, match="ei voi suorittaa"):
        onepager.find_browser("fi")


def test_a_browser_that_draws_nothing_is_reported_plainly(tmp_path, monkeypatch):
    fake = tmp_path / "chromium"
    fake.write_text("#!/bin/sh\necho 'cannot open display' >&2\nexit 3\n")
    fake.chmod(0o755)
    with pytest.raises(onepager.RenderError, match="cannot open display"):
        onepager.render_png("<html></html>", tmp_path / "x.png", fake)
    assert not (tmp_path / "x.png").exists()
