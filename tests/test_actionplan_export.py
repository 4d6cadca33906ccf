"""The action-plan deliverable without a browser: the .xlsx, the HTML report's text, refusals."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from actionplan_case import FORMULA_TITLE, MARKUP_TITLE, write_case
from workbook import load_project
from workbook.actionplan import export, labels, onepager, pages
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
                if cell.data_type == "f"]
    assert formulas == []
    actions = book["Toimenpiteet"]
    header = [cell.value for cell in actions[1]]
    titles = [row[header.index("Toimenpiteen nimi")] for row in actions.iter_rows(min_row=2)]
    hostile = [cell for cell in titles if "HYPERLINK" in str(cell.value)]
    assert hostile and all(cell.data_type == "s" and cell.value == FORMULA_TITLE for cell in hostile)


def test_workbook_lists_actions_grouped_by_focus_area_in_the_readers_language(written):
    book = load_workbook(written["en"][1])
    assert book.sheetnames == ["Actions", "Actions by focus area", "Focus areas", "Funding", "Organisations",
                               "Indicators", "Input to action", "Inputs without action", "Voice share",
                               "EU S3 condition"]  # the plan checks are the consultant's (working/), not here
    rows = list(book["Actions by focus area"].iter_rows(values_only=True))
    header = rows[0]
    pairs = [(row[header.index("Focus area id")], row[header.index("Action")]) for row in rows[1:] if row[1]]
    assert pairs == [("FA1", "T1"), ("FA1", "T2"), ("FA2", "T3"), ("FA2", "T5"), ("FA3", "T2"), ("FA3", "T4")]
    actions = list(book["Actions"].iter_rows(values_only=True))
    statuses = {row[actions[0].index("Status")] for row in actions[1:]}
    assert statuses == {"Ongoing", "Planned", None}


def _column(sheet, name):
    header = [cell.value for cell in sheet[1]]
    return [row[header.index(name)] for row in sheet.iter_rows(min_row=2) if row[0].value is not None]


@pytest.mark.parametrize("lang, sheet, budget, area", [("fi", "Toimenpiteet", "Budjetti (€)", "Painopistealueet"),
                                                     ("en", "Actions", "Budget (€)", "Focus areas")])
def test_action_sheet_has_one_row_per_action_so_its_budget_sums_to_the_plan_total(case, written, lang, sheet,
                                                                                  budget, area):
    book = load_workbook(written[lang][1])
    actions = book[sheet]
    assert [cell.value for cell in _column(actions, tr(labels.HEADERS, "action_id", lang))] == \
        ["T1", "T2", "T3", "T4", "T5"]
    budgets = _column(actions, budget)
    # What Excel's SUM of the column gives: the plan's total, the shared action T2 counted once.
    assert sum(c.value for c in budgets if isinstance(c.value, (int, float))) == case.actions["budget_eur"].sum()
    assert all(c.data_type == "n" and "€" in c.number_format and "#,##0" in c.number_format
               for c in budgets if c.value is not None)
    shared = dict(zip([c.value for c in _column(actions, tr(labels.HEADERS, "action_id", lang))],
                      [c.value for c in _column(actions, area)]))
    assert shared["T2"].count(";") == 1  # its two focus areas in one cell
    assert actions.freeze_panes == "A2" and actions.auto_filter.ref.startswith("A1:")


def test_per_focus_area_sheet_says_shared_actions_count_in_each_area(case, written):
    book = load_workbook(written["en"][1])
    sheet = book["Actions by focus area"]
    budgets = [c.value for c in _column(sheet, "Budget (€)") if isinstance(c.value, (int, float))]
    assert sum(budgets) > case.actions["budget_eur"].sum()  # T2 counted under FA1 and FA3
    notes = [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str) and "each area" in c.value]
    assert notes and "€" in notes[0]


def test_shares_and_dates_are_numbers_and_dates_with_formats(written):
    import datetime

    for lang in ("fi", "en"):
        book = load_workbook(written[lang][1])
        shares = [c for sheet in book for row in sheet.iter_rows(min_row=2) for c in row
                  if isinstance(c.value, str) and c.value.rstrip().endswith("%")]
        assert shares == []
        voice = book["Äänen osuus" if lang == "fi" else "Voice share"]
        voice_shares = [c for c in _column(voice, tr(labels.HEADERS, "voice_share", lang)) if c.value is not None]
        assert voice_shares and all(isinstance(c.value, float) and 0 <= c.value <= 1 and c.number_format == "0%"
                                    for c in voice_shares if c.data_type == "n")
        starts = [c for c in _column(book[tr(export.SHEET_TEXTS, "sheet_actions", lang)],
                                     tr(labels.HEADERS, "start", lang)) if c.value is not None]
        assert starts and all(isinstance(c.value, datetime.datetime) and c.is_date for c in starts)
        assert starts[0].number_format == ("d.m.yyyy" if lang == "fi" else "d mmm yyyy")


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


def test_a_plan_without_measured_values_or_inputs_for_an_area_still_exports(tmp_path):
    from workbook.testing import MINIMAL, make_project

    focus_areas = MINIMAL["focus_areas"] + [{"focus_area_id": "FA2", "name_fi": "Matkailu", "name_en": "Tourism"}]
    actions = [{**MINIMAL["actions"][0], "focus_areas": "FA1;FA2"}]
    project = load_project(make_project(tmp_path / "p", focus_areas=focus_areas, actions=actions))
    assert project.indicator_values.empty
    written = export.export(project, tmp_path / "out", "en", onepagers=False)
    assert [p.name for p in written] == ["actions_by_focus_area_en.html", "action_plan_en.xlsx"]
    sheet = load_workbook(written[1])["Actions"]
    assert [c.value for c in sheet["A"][1:] if c.value] == ["T1"]
