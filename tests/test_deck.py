"""The PowerPoint deck: slides per focus area, native charts holding the analyses' numbers, safe text."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.parts.chart import ChartPart

from workbook import cli
from workbook.actionplan import focus_area, portfolio
from workbook.actionplan.examples import TABLES as PLAN_TABLES
from workbook.actionplan.labels import focus_area_names, funding_label
from workbook.clusters import scorecard
from workbook.deliverables import common, deck
from workbook.htmlreport import format_number
from workbook.i18n import tr
from workbook.participation import reach
from workbook.privacy import TEXTS as PRIVACY_TEXTS
from workbook.project import load_project

ROOT = Path(__file__).resolve().parent.parent
TUULIMAA = ROOT / "data" / "demo-tuulimaa"
HOSTILE_LINK = '=HYPERLINK("http://evil.example/","click me")'
HOSTILE_SCRIPT = "<script>alert('x')</script>"


@pytest.fixture(scope="module")
def tuulimaa():
    return load_project(TUULIMAA)


@pytest.fixture(scope="module")
def decks(tuulimaa):
    return {lang: Presentation(io.BytesIO(deck.deck_bytes(tuulimaa, lang, network_picture=deck.network_image(
        tuulimaa, lang)))) for lang in ("fi", "en")}


def titles(prs) -> list[str]:
    return [slide.shapes.title.text_frame.text if slide.shapes.title is not None else "" for slide in prs.slides]


def slide_titled(prs, title: str):
    return next(slide for slide in prs.slides if slide.shapes.title.text_frame.text == title)


def charts(slide) -> list:
    return [shape.chart for shape in slide.shapes if shape.has_chart]


def tables(slide) -> list:
    return [shape.table for shape in slide.shapes if shape.has_table]


def table_rows(table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def series_values(chart) -> dict[str, list[float | None]]:
    return {series.name: list(series.values) for series in chart.plots[0].series}


def all_text(prs) -> str:
    parts = []
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                parts.append(shape.text_frame.text)
            if shape.has_table:
                parts += [cell.text for row in shape.table.rows for cell in row.cells]
            if shape.has_chart:
                chart = shape.chart
                if chart.has_title:
                    parts.append(chart.chart_title.text_frame.text)
                parts += [s.name for s in chart.plots[0].series] + [str(c) for c in chart.plots[0].categories]
    return "\n".join(parts)


def test_each_focus_area_has_its_slide_and_every_action_appears_once(tuulimaa, decks):
    for lang, prs in decks.items():
        shown = titles(prs)
        assert shown[0] == tuulimaa.display_name(lang)  # the name in the deck's language
        assert shown[-1] == tr(common.TEXTS, "method", lang)
        for focus_area_id, name in focus_area_names(tuulimaa, lang).items():
            title = f"{focus_area_id} · {name}"
            assert shown.count(title) == 1, title
            actions_title = tr(common.TEXTS, "actions_of", lang, area=title)
            action_slides = [s for s, t in zip(prs.slides, shown) if t == actions_title or t.startswith(actions_title + " (")]
            assert action_slides, actions_title
            ids = [row[0].split(" ")[0] for slide in action_slides for row in table_rows(tables(slide)[0])[1:]]
            assert ids == list(focus_area.focus_area_page(tuulimaa, focus_area_id, lang).actions["action_id"])
        # title, figures, who took part, people, gaps, portfolio, funding, per area 2+, clusters 2, network?, method
        areas = len(tuulimaa.focus_areas)
        assert len(prs.slides) >= 9 + 2 * areas


def test_every_chart_is_a_chart_part_holding_the_analysis_numbers(tuulimaa, decks):
    lang, prs = "en", decks["en"]
    found = [shape.chart for slide in prs.slides for shape in slide.shapes if shape.has_chart]
    assert found and all(isinstance(chart.part, ChartPart) for chart in found)
    for chart in found:  # the data lives in the chart's own workbook (Edit Data in PowerPoint)
        workbook = openpyxl.load_workbook(io.BytesIO(chart.part.chart_workbook.xlsx_part.blob))
        sheet = workbook.worksheets[0]
        first = chart.plots[0].series[0]
        column = [sheet.cell(row=r, column=2).value for r in range(2, 2 + len(first.values))]
        assert column == pytest.approx(list(first.values))

    who = charts(slide_titled(prs, tr(common.TEXTS, "who_took_part", lang)))
    for chart, dimension in zip(who, ("actor_type", "sub_region")):
        frame = reach.organisations_reached(tuulimaa, dimension)
        assert series_values(chart) == {tr(common.TEXTS, "registry", lang): [float(v) for v in frame["registry"]],
                                        tr(common.TEXTS, "reached", lang): [float(v) for v in frame["reached"]]}

    for focus_area_id, name in focus_area_names(tuulimaa, lang).items():
        area = focus_area.focus_area_page(tuulimaa, focus_area_id, lang)
        (chart,) = charts(slide_titled(prs, f"{focus_area_id} · {name}"))
        assert list(chart.plots[0].categories) == [funding_label(c, lang) for c in area.funding["funding"]]
        assert series_values(chart) == {tr(common.TEXTS, "budget", lang): list(area.funding["budget_eur"])}

    summary = portfolio.focus_area_summary(tuulimaa, lang)
    areas = summary[summary["focus_area_id"].notna()]
    (status,) = charts(slide_titled(prs, tr(common.TEXTS, "portfolio", lang)))
    assert list(status.plots[0].categories) == list(areas["focus_area_id"])
    assert sum(sum(v for v in values if v) for values in series_values(status).values()) == areas["actions"].sum()

    (funding,) = charts(slide_titled(prs, tr(common.TEXTS, "funding_chart", lang)))
    mix = portfolio.funding_mix(tuulimaa)
    for series in funding.plots[0].series:
        for area_id, value in zip(funding.plots[0].categories, series.values):
            expected = mix[(mix["focus_area_id"] == area_id)
                           & (mix["funding"].map(lambda c: funding_label(c, lang)) == series.name)]["budget_eur"]
            assert value == (expected.sum() if len(expected) else None)

    counts = scorecard.verdict_counts(scorecard.scorecard(tuulimaa))
    (verdicts,) = charts(slide_titled(prs, tr(common.TEXTS, "verdicts", lang)))
    assert list(verdicts.plots[0].categories) == list(counts["cluster_name"])
    assert [list(s.values) for s in verdicts.plots[0].series] == [
        [float(v) for v in counts[code]] for code in scorecard.VERDICTS]

    (activities,) = charts(slide_titled(prs, tr(common.TEXTS, "in_figures", lang)))
    assert sum(sum(s.values) for s in activities.plots[0].series) == reach.activities_by_month(tuulimaa)[
        "activities"].sum()


def test_network_map_is_a_picture_on_its_own_slide(decks):
    for lang, prs in decks.items():
        slide = slide_titled(prs, tr(common.TEXTS, "network", lang))
        pictures = [shape for shape in slide.shapes if shape.shape_type == MSO_SHAPE_TYPE.PICTURE]
        assert len(pictures) == 1 and pictures[0].width > prs.slide_width / 4
        assert tr(common.TEXTS, "method_network_missing", lang)[:40] not in all_text(prs)


def test_budget_total_on_the_portfolio_slide_is_the_plans(tuulimaa, decks):
    for lang, prs in decks.items():
        total = portfolio.focus_area_summary(tuulimaa, lang).iloc[-1]
        (table,) = tables(slide_titled(prs, tr(common.TEXTS, "portfolio", lang)))
        last = table_rows(table)[-1]
        assert last == [total["focus_area"], format_number(total["actions"], lang),
                        format_number(total["budget_eur"], lang)]


def test_hidden_counts_of_people_carry_the_suppression_mark(tuulimaa, decks):
    frame = reach.representation(tuulimaa, "actor_type")
    assert frame["hidden"].any(), "the second region has small groups"
    for lang, prs in decks.items():
        slide = next(s for s, t in zip(prs.slides, titles(prs)) if t.startswith(tr(common.TEXTS, "people_by_type",
                                                                                   lang)))
        rows = table_rows(tables(slide)[0])[1:]
        marker = tr(PRIVACY_TEXTS, "marker", lang, n=tuulimaa.min_group_size)
        for row, (_, group) in zip(rows, frame.iterrows()):
            if group["hidden"]:
                assert row[5] == marker and row[7] == marker, row
            else:
                assert row[5] == format_number(group["attendances"], lang) or row[5] == str(int(group["attendances"]))
        assert any(marker in "".join(r) for r in rows)
        assert tr(PRIVACY_TEXTS, "note", lang, n=tuulimaa.min_group_size) in all_text(prs)


def interface_texts(lang: str) -> list[str]:
    """Fixed wording of the deliverables in one language that the other language does not share."""
    other = "en" if lang == "fi" else "fi"
    shown = []
    for entry in common.TEXTS.values():
        text = entry[lang].split("{")[0].strip()
        if len(text) >= 10 and text not in entry[other]:
            shown.append(text)
    return shown


def test_one_language_per_deck(decks):
    for lang, other in (("en", "fi"), ("fi", "en")):
        text = all_text(decks[lang])
        leaked = [t for t in interface_texts(other) if t in text]
        assert leaked == []
        assert sum(t in text for t in interface_texts(lang)) >= 10


@pytest.fixture(scope="module")
def hostile_project(tmp_path_factory):
    from workbook.testing import make_project

    tables = {name: [dict(row) for row in rows] for name, rows in PLAN_TABLES.items()}
    tables["focus_areas"][0]["name_en"] = HOSTILE_LINK
    tables["focus_areas"][0]["description_en"] = HOSTILE_SCRIPT
    tables["actions"][0]["funding"] = "=1+1;kunnat"
    tables["actions"][0]["title_en"] = "@SUM(A1:A9)"
    tables["actors"][0]["name"] = "=cmd|' /C calc'!A0"
    return load_project(make_project(tmp_path_factory.mktemp("hostile") / "project", **tables))


def test_hostile_text_stays_plain_text_and_no_chart_workbook_holds_a_formula(hostile_project):
    data = deck.deck_bytes(hostile_project, "en")
    prs = Presentation(io.BytesIO(data))
    text = all_text(prs)
    assert f"FA1 · {HOSTILE_LINK}" in titles(prs) and HOSTILE_SCRIPT in text and "@SUM(A1:A9)" in text
    # No picture of the network given: no empty slide, and the method slide says where the map is.
    assert tr(common.TEXTS, "network", "en") not in titles(prs)
    assert tr(common.TEXTS, "method_network_missing", "en") in text
    package = zipfile.ZipFile(io.BytesIO(data))
    rels = "".join(package.read(n).decode() for n in package.namelist() if n.endswith(".rels"))
    assert "hyperlink" not in rels and "evil.example" not in rels
    embedded = [n for n in package.namelist() if n.endswith(".xlsx")]
    assert embedded
    for name in embedded:
        for sheet in openpyxl.load_workbook(io.BytesIO(package.read(name))).worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    assert cell.data_type != "f", (name, cell.coordinate, cell.value)
    funding = charts(slide_titled(prs, f"FA1 · {HOSTILE_LINK}"))[0]
    assert "'=1+1" in list(funding.plots[0].categories)


def test_rerun_gives_the_same_bytes_and_dates_from_the_project(tuulimaa):
    first, second = deck.deck_bytes(tuulimaa, "en"), deck.deck_bytes(tuulimaa, "en")
    assert first == second
    properties = Presentation(io.BytesIO(first)).core_properties
    when = common.project_date(tuulimaa)
    assert properties.created.replace(tzinfo=None) == when == properties.modified.replace(tzinfo=None)
    assert properties.author == "Strategy Workbook" and properties.revision == 1
    assert pd.Timestamp(when) >= tuulimaa.activities["date"].max()


def test_template_gives_its_master_and_size_and_its_own_slides_are_dropped(hostile_project, tmp_path):
    template = Presentation()  # 4:3, as some councils' masters still are
    template.slide_layouts[0].name = "Title Slide"
    slide = template.slides.add_slide(template.slide_layouts[0])
    slide.shapes.title.text = "TEMPLATE EXAMPLE SLIDE"
    path = tmp_path / "brand.pptx"
    template.save(path)
    prs = Presentation(io.BytesIO(deck.deck_bytes(hostile_project, "fi", path)))
    assert (prs.slide_width, prs.slide_height) == (template.slide_width, template.slide_height)
    assert "TEMPLATE EXAMPLE SLIDE" not in all_text(prs)
    assert titles(prs)[0] == hostile_project.name
    for slide in prs.slides:  # nothing sticks out of the (narrower) slide
        for shape in slide.shapes:
            assert shape.left + shape.width <= prs.slide_width + 1, (titles(prs)[list(prs.slides).index(slide)],
                                                                   shape.name)


def test_cli_writes_the_deck_and_refuses_a_wrong_file_name(tmp_path, capsys):
    out = tmp_path / "out" / "board.pptx"
    assert cli.main(["deck", str(TUULIMAA), "--out", str(out), "--lang", "en"]) == 0
    assert Presentation(out).slides[0].shapes.title.text_frame.text == load_project(TUULIMAA).display_name("en")
    assert cli.main(["deck", str(TUULIMAA), "--out", str(tmp_path / "board.ppt")]) == 2
    assert "ending in .pptx" in capsys.readouterr().err
    assert cli.main(["deck", str(TUULIMAA), "--out", str(out), "--template", str(tmp_path / "none.pptx")]) == 2


def test_table_pages_keep_every_row_once_and_fit_the_height():
    rows = [[f"T{i}", "word " * (i % 7 * 12)] for i in range(40)]
    pages = deck.table_pages(rows, ["id", "title"], [1.0, 6.0], 12, 5.0)
    assert [i for page in pages for i in page] == list(range(40)) and len(pages) > 1
    for page in pages:
        height = sum(deck._row_height_in(rows[i], [1.0, 6.0], 12) for i in page)
        assert len(page) == 1 or height + deck._row_height_in(["id", "title"], [1.0, 6.0], 12) <= 5.0


def test_a_region_whose_clusters_were_not_assessed_says_so_on_a_slide(tmp_path):
    """Clusters listed, no criteria set: one slide says nothing was assessed and names the
    clusters, instead of the clusters silently missing from the deck (and no verdict chart)."""
    from workbook.clusters.texts import TEXTS as CLUSTER_TEXTS
    from workbook.network.synthetic import small_region_tables, write_tables

    project = load_project(write_tables(tmp_path / "region", small_region_tables()))
    assert len(project.clusters) and project.cluster_criteria.empty
    for lang in ("fi", "en"):
        prs = Presentation(io.BytesIO(deck.deck_bytes(project, lang)))
        slide = slide_titled(prs, tr(common.TEXTS, "clusters", lang))
        text = "\n".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)
        assert tr(CLUSTER_TEXTS, "no_criteria", lang) in text
        assert all(name in text for name in project.clusters["name"])
        assert not charts(slide)
        assert tr(common.TEXTS, "verdicts", lang) not in titles(prs)
