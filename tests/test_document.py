"""The Word report: heading styles, native tables with the pack's numbers, captioned chart images, safe text."""

from __future__ import annotations

import io
import zipfile

import pytest
from docx import Document
from PIL import Image

from workbook import cli
from workbook.actionplan import portfolio
from workbook.actionplan.examples import TABLES as PLAN_TABLES
from workbook.actionplan.labels import focus_area_names
from workbook.deliverables import common, document
from workbook.htmlreport import format_number
from workbook.i18n import tr
from workbook.participation import reach
from workbook.participation.summary import TEXTS as SUMMARY_TEXTS
from workbook.privacy import TEXTS as PRIVACY_TEXTS
from workbook.project import load_project
from workbook.testing import make_project

HOSTILE_LINK = '=HYPERLINK("http://evil.example/","click me")'
HOSTILE_SCRIPT = "<script>alert('x')</script>"


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """The small example plan, with hostile text where a spreadsheet could hold it."""
    tables = {name: [dict(row) for row in rows] for name, rows in PLAN_TABLES.items()}
    tables["focus_areas"][0]["name_en"] = HOSTILE_LINK
    tables["focus_areas"][0]["name_fi"] = HOSTILE_LINK
    tables["focus_areas"][0]["description_en"] = HOSTILE_SCRIPT
    tables["actions"][0]["title_en"] = "@SUM(A1:A9)"
    return load_project(make_project(tmp_path_factory.mktemp("doc") / "project", **tables))


@pytest.fixture(scope="module")
def files(project):
    return {lang: document.document_bytes(project, lang) for lang in ("en", "fi")}


@pytest.fixture(scope="module")
def docs(files):
    return {lang: Document(io.BytesIO(data)) for lang, data in files.items()}


def headings(doc) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in doc.paragraphs if p.style.name.startswith(("Heading", "Title"))]


def body_text(doc) -> str:
    cells = [cell.text for table in doc.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def test_headings_are_word_heading_styles_with_a_table_of_contents(project, docs):
    for lang, doc in docs.items():
        found = headings(doc)
        assert found[0] == ("Title", project.display_name(lang))
        assert ("Heading 1", tr(SUMMARY_TEXTS, "title", lang)) in found
        assert ("Heading 1", tr(common.TEXTS, "method", lang)) in found
        for focus_area_id, name in focus_area_names(project, lang).items():
            assert ("Heading 2", f"{focus_area_id} · {name}") in found
        assert all(style in ("Title", "Heading 1", "Heading 2", "Heading 3") for style, _ in found)
        assert 'TOC \\o "1-3"' in doc.element.xml


def test_tables_are_native_and_hold_the_packs_numbers(project, docs):
    for lang, doc in docs.items():
        total = portfolio.focus_area_summary(project, lang).iloc[-1]
        rows = [[cell.text for cell in row.cells] for table in doc.tables for row in table.rows]
        total_rows = [row for row in rows if row and row[0] == total["focus_area"] and len(row) >= 3]
        assert total_rows, "the portfolio table with its Total row"
        assert format_number(total["budget_eur"], lang) in total_rows[0]
        assert format_number(total["actions"], lang) == total_rows[0][1]


def test_every_chart_is_a_sharp_image_with_a_numbered_caption(project, docs):
    items = document.report_items(project, "en")
    figures = [item for item in items if item.kind == "figure"]
    doc = docs["en"]
    images = [shape for shape in doc.inline_shapes]
    assert len(images) == len(figures) > 0
    blobs = [doc.part.related_parts[shape._inline.graphic.graphicData.pic.blipFill.blip.embed].blob
             for shape in images]
    for blob in blobs:
        picture = Image.open(io.BytesIO(blob))
        assert picture.format == "PNG" and picture.width >= 1800
        assert len(picture.convert("L").resize((64, 32)).getcolors(4096)) > 3, "the chart was drawn"
    captions = [p.text for p in doc.paragraphs if p.style.name == "Caption" and p.text.startswith("Figure ")]
    assert captions[:len(figures)] == [
        tr(common.TEXTS, "figure_caption", "en", n=n, title=document.figure_title(item.content))
        if document.figure_title(item.content) else f"Figure {n}" for n, item in enumerate(figures, start=1)]


def test_hidden_counts_of_people_carry_the_suppression_mark(project, docs):
    frame = reach.representation(project, "actor_type")
    assert frame["hidden"].any()
    for lang, doc in docs.items():
        marker = tr(PRIVACY_TEXTS, "marker", lang, n=project.min_group_size)
        text = body_text(doc)
        assert marker in [cell.text for table in doc.tables for row in table.rows for cell in row.cells]
        assert tr(PRIVACY_TEXTS, "note", lang, n=project.min_group_size) in text


def test_one_language_per_document(docs):
    for lang, other in (("en", "fi"), ("fi", "en")):
        text = body_text(docs[lang])
        for texts in (common.TEXTS, SUMMARY_TEXTS):
            mine = [e[lang].split("{")[0].strip() for e in texts.values()]
            theirs = [e[other].split("{")[0].strip() for e in texts.values()]
            leaked = [t for t in theirs if len(t) >= 12 and t not in "\n".join(mine) and t in text]
            assert leaked == []


def test_hostile_text_stays_plain_text(files, docs):
    text = body_text(docs["en"])
    assert f"FA1 · {HOSTILE_LINK}" in text and HOSTILE_SCRIPT in text and "@SUM(A1:A9)" in text
    package = zipfile.ZipFile(io.BytesIO(files["en"]))
    rels = "".join(package.read(n).decode() for n in package.namelist() if n.endswith(".rels"))
    assert "hyperlink" not in rels and "evil.example" not in rels
    xml = package.read("word/document.xml").decode()
    assert "<script>" not in xml and "&lt;script&gt;" in xml
    assert xml.count("<w:instrText") == 1  # the table of contents is the only field


def test_rerun_gives_the_same_bytes_and_dates_from_the_project(project, files):
    assert document.document_bytes(project, "en") == files["en"]
    properties = Document(io.BytesIO(files["en"])).core_properties
    when = common.project_date(project)
    assert properties.created.replace(tzinfo=None) == when == properties.modified.replace(tzinfo=None)
    assert when == max(project.activities["date"].max(), project.indicator_values["date"].max())
    assert properties.author == "Strategy Workbook" and properties.last_modified_by == "Strategy Workbook"


def test_template_styles_are_used_and_its_content_dropped(project, tmp_path, files):
    template = Document()
    template.add_paragraph("TEMPLATE BODY TEXT")
    template.styles["Heading 1"].font.name = "Brand Sans"
    template.sections[0].header.paragraphs[0].text = "Council header"
    path = tmp_path / "brand.docx"
    template.save(path)
    out = tmp_path / "out" / "report.docx"
    assert cli.main(["document", str(project.path), "--out", str(out), "--lang", "en", "--template", str(path)]) == 0
    doc = Document(out)
    assert "TEMPLATE BODY TEXT" not in body_text(doc)
    assert doc.styles["Heading 1"].font.name == "Brand Sans"
    assert doc.sections[0].header.paragraphs[0].text == "Council header"
    assert headings(doc)[0] == ("Title", project.display_name("en"))
    assert cli.main(["document", str(project.path), "--out", str(tmp_path / "report.doc")]) == 2
