"""``workbook document PROJECT --out FILE.docx``: the participation summary and the action plan as a Word report.

The report holds the same sections as the HTML deliverables — the participation summary
(:func:`workbook.participation.summary.build_summary`) and the action plan
(:mod:`workbook.actionplan.pages`) — drawn with Word's own heading styles (so a table of
contents works), native tables holding the pack's numbers as the pack formats them, and
the charts as high-resolution images (:mod:`workbook.deliverables.images`) with numbered
captions. Hidden figures carry the marks the analyses put in (:mod:`workbook.privacy`).
A ``template`` (the council's own .docx) gives its styles, page set-up, headers and footers.
"""

from __future__ import annotations

import html
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import pandas as pd
import plotly.graph_objects as go
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from workbook.actionplan import focus_area, onepager
from workbook.actionplan import pages as plan_pages
from workbook.deliverables.common import TEXTS, deterministic_zip, period_text, plain, project_date, \
    set_core_properties
from workbook.deliverables.images import figure_pngs
from workbook.htmlreport import format_number
from workbook.i18n import check_lang, tr
from workbook.outputs import ExportError, write_bytes_atomic
from workbook.participation.summary import TEXTS as SUMMARY_TEXTS
from workbook.participation.summary import build_summary
from workbook.privacy import suppression_note
from workbook.project import Project

IMAGE_WIDTH = Cm(16)
IMAGE_MAX_HEIGHT = Cm(22)
NOTE_COLOUR = RGBColor(0x52, 0x60, 0x6D)
FINDING_COLOUR = RGBColor(0xB4, 0x23, 0x18)
MARKS = {"finding": "⚠ ", "note": "ℹ ", "ok": "✓ "}
_TAG = re.compile(r"<[^>]+>")
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)


@dataclass(frozen=True)
class Item:
    """One piece of the report, in reading order."""

    kind: str            # heading, paragraph, bullets, table, figure, page_break
    content: object
    level: int = 1
    style: str | None = None
    caption: str = ""


def figure_title(figure: go.Figure) -> str:
    """A plotly figure's title as plain text (line breaks as spaces, escaped characters as typed).

    Examples
    --------
    >>> figure_title(go.Figure(layout={"title": {"text": "Inputs &lt;b&gt;<br>by type"}}))
    'Inputs <b> by type'
    """
    text = figure.layout.title.text or ""
    return html.unescape(_TAG.sub("", _BREAK.sub(" ", text))).strip()


def without_title(figure: go.Figure) -> go.Figure:
    """A copy of the figure without its title (the caption under the image says it)."""
    copy = go.Figure(figure)
    copy.update_layout(title_text="", margin_t=30 if copy.layout.margin.t is None else min(copy.layout.margin.t, 40))
    return copy


def cell_text(value: object, lang: str) -> str:
    """A table cell as the HTML pack shows it: numbers formatted for ``lang``, lists joined, dates d.m.yyyy.

    Examples
    --------
    >>> cell_text(1234567.0, "fi"), cell_text(("a", "b"), "en"), cell_text(pd.Timestamp("2024-03-01"), "en")
    ('1\\xa0234\\xa0567', 'a; b', '1.3.2024')
    """
    if isinstance(value, (int, float)) and not isinstance(value, bool) and not pd.isna(value):
        return format_number(value, lang)
    if isinstance(value, (tuple, list)):
        return plain("; ".join(map(str, value)))
    if isinstance(value, pd.Timestamp):
        return f"{value.day}.{value.month}.{value.year}"
    return plain(value)


def column_widths(header: list[str], rows: list[list[str]], total: int) -> list[int]:
    """Column widths sharing ``total`` by how much text each column holds (long texts capped).

    Examples
    --------
    >>> column_widths(["id", "title"], [["T1", "A long title of an action"]], 1000)
    [200, 800]
    """
    weights = []
    for index, name in enumerate(header):
        longest_word = max((len(word) for word in name.split()), default=0)
        longest = max([len(row[index]) for row in rows] + [longest_word])
        weights.append(min(max(longest, longest_word, 4), 30) + 3)  # + 3 for the cell's margins
    shares = [total * w // sum(weights) for w in weights]
    return shares


def participation_items(project: Project, lang: str) -> tuple[list[Item], list[Item]]:
    """The participation summary as items, and its method section's items apart (they close the report)."""
    items = [Item("heading", tr(SUMMARY_TEXTS, "title", lang), 1)]
    method: list[Item] = []
    for section in build_summary(project, lang):
        target = method if section.key == "method" else items
        if section.key != "method":
            target.append(Item("heading", section.title, 2))
        for block in section.blocks:
            if block.kind == "text":
                target.append(Item("paragraph", block.content, style=block.style))
            elif block.kind == "table":
                target.append(Item("table", block.content, caption=block.caption))
            elif block.kind == "figure":
                target.append(Item("figure", block.content))
    return items, method


def _plan_part_items(parts: Iterable[plan_pages.Part], key_figures: list[tuple[str, str]] | None,
                     lang: str) -> list[Item]:
    items = []
    for part in parts:
        if part.kind == "heading":
            if part.page_break:
                items.append(Item("page_break", None))
            items.append(Item("heading", part.content, part.level))
        elif part.kind == "paragraph":
            items.append(Item("paragraph", part.content, style=part.style))
        elif part.kind == "bullets":
            items.append(Item("bullets", list(part.content), style=part.style))
        elif part.kind == "table":
            items.append(Item("table", part.content, caption=part.caption or ""))
        elif part.kind == "figure":
            items.append(Item("figure", part.content))
        elif part.kind == "html" and key_figures is not None:
            # The one HTML part of a focus area page is its key-figure tiles: here a small table.
            items.append(Item("table", pd.DataFrame({tr(TEXTS, "key_figures", lang): [w for _, w in key_figures],
                                                     "": [n for n, _ in key_figures]})))
    return items


def action_plan_items(project: Project, lang: str) -> list[Item]:
    """The action plan's pages (portfolio, each focus area, trace, checks, EU S3) as items."""
    items = [Item("page_break", None), Item("heading", tr(plan_pages.TEXTS, "title", lang), 1)]
    items += _plan_part_items(plan_pages.portfolio_parts(project, lang), None, lang)
    for focus_area_id in project.focus_areas["focus_area_id"]:
        area = focus_area.focus_area_page(project, focus_area_id, lang)
        items += _plan_part_items(plan_pages.focus_area_parts(project, focus_area_id, lang),
                                  onepager.key_figures(area, lang), lang)
    for parts in (plan_pages.trace_parts(project, lang), plan_pages.checks_parts(project, lang),
                  plan_pages.s3_parts(project, lang)):
        items += _plan_part_items(parts, None, lang)
    return items


def method_items(project: Project, lang: str, summary_method: list[Item]) -> list[Item]:
    """The closing method and privacy section."""
    return [Item("page_break", None), Item("heading", tr(TEXTS, "method", lang), 1),
            Item("paragraph", tr(TEXTS, "method_source", lang)),
            *summary_method,
            Item("paragraph", tr(TEXTS, "budget_note", lang))]


def report_items(project: Project, lang: str) -> list[Item]:
    """Every item of the report in reading order."""
    participation, method = participation_items(project, lang)
    return participation + action_plan_items(project, lang) + method_items(project, lang, method)


class _Writer:
    def __init__(self, document, lang: str):
        self.doc = document
        self.lang = lang
        self.figures = 0
        styles = {style.name for style in document.styles}
        self.table_style = "Table Grid" if "Table Grid" in styles else None
        self.caption_style = "Caption" if "Caption" in styles else None
        self.bullet_style = "List Bullet" if "List Bullet" in styles else None

    def heading(self, text: str, level: int) -> None:
        self.doc.add_heading(plain(text), level=max(0, min(level, 9)))

    def paragraph(self, text: str, style: str | None = None) -> None:
        paragraph = self.doc.add_paragraph()
        run = paragraph.add_run(MARKS.get(style or "", "") + plain(text))
        if style == "note":
            run.font.color.rgb = NOTE_COLOUR
            run.italic = True
        elif style == "finding":
            run.font.color.rgb = FINDING_COLOUR

    def bullets(self, texts: list[str], style: str | None = None) -> None:
        for text in texts:
            paragraph = self.doc.add_paragraph(style=self.bullet_style)
            run = paragraph.add_run(plain(text) if self.bullet_style else "• " + plain(text))
            if style == "finding":
                run.font.color.rgb = FINDING_COLOUR

    def table(self, frame: pd.DataFrame, caption: str = "") -> None:
        if caption:
            paragraph = self.doc.add_paragraph(plain(caption), style=self.caption_style)
            paragraph.paragraph_format.keep_with_next = True
        columns = len(frame.columns)
        size = Pt(9 if columns <= 5 else 8 if columns <= 8 else 7)
        table = self.doc.add_table(rows=1, cols=columns)
        if self.table_style:
            table.style = self.table_style
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        header = table.rows[0]
        _repeat_header(header)
        for cell, name in zip(header.cells, frame.columns):
            run = cell.paragraphs[0].add_run(plain(name))
            run.bold = True
            run.font.size = size
        texts = [[cell_text(value, self.lang) for value in values] for values in frame.itertuples(index=False)]
        for values, shown in zip(frame.itertuples(index=False), texts):
            cells = table.add_row().cells
            for cell, value, text in zip(cells, values, shown):
                paragraph = cell.paragraphs[0]
                run = paragraph.add_run(text)
                run.font.size = size
                if isinstance(value, (int, float)) and not isinstance(value, bool):
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        table.autofit = False
        widths = column_widths([plain(c) for c in frame.columns], texts, self.text_width)
        for column, width in zip(table.columns, widths):
            column.width = width  # the grid, which LibreOffice follows
        for row in table.rows:
            for cell, width in zip(row.cells, widths):
                cell.width = width  # the cells, which Word follows
        self.doc.add_paragraph()

    @property
    def text_width(self) -> int:
        section = self.doc.sections[-1]
        return section.page_width - section.left_margin - section.right_margin

    def figure(self, image: bytes, title: str) -> None:
        self.figures += 1
        paragraph = self.doc.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.keep_with_next = True
        from PIL import Image

        width_px, height_px = Image.open(io.BytesIO(image)).size
        if IMAGE_WIDTH * height_px / width_px > IMAGE_MAX_HEIGHT:  # a tall chart keeps to one page
            paragraph.add_run().add_picture(io.BytesIO(image), height=IMAGE_MAX_HEIGHT)
        else:
            paragraph.add_run().add_picture(io.BytesIO(image), width=IMAGE_WIDTH)
        caption = tr(TEXTS, "figure_caption", self.lang, n=self.figures, title=title) if title else \
            f"{tr(TEXTS, 'figure', self.lang)} {self.figures}"
        self.doc.add_paragraph(plain(caption), style=self.caption_style)

    def contents(self) -> None:
        """A table-of-contents field over heading levels 1–3 (Word fills it in on Update Field)."""
        self.doc.add_heading(tr(TEXTS, "contents", self.lang), level=1)
        paragraph = self.doc.add_paragraph()
        begin, instruction, separate, end = (OxmlElement("w:fldChar"), OxmlElement("w:instrText"),
                                             OxmlElement("w:fldChar"), OxmlElement("w:fldChar"))
        begin.set(qn("w:fldCharType"), "begin")
        begin.set(qn("w:dirty"), "true")
        instruction.set(qn("xml:space"), "preserve")
        instruction.text = 'TOC \\o "1-3" \\h \\z \\u'
        separate.set(qn("w:fldCharType"), "separate")
        end.set(qn("w:fldCharType"), "end")
        for element in (begin, instruction, separate):
            run = paragraph.add_run()
            run._r.append(element)
        paragraph.add_run(tr(TEXTS, "contents_hint", self.lang)).italic = True
        paragraph.add_run()._r.append(end)


def _repeat_header(row) -> None:
    """Repeat a table's header row on every page it runs over."""
    properties = row._tr.get_or_add_trPr()
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    properties.append(flag)


def _open_template(template: Path | None, lang: str):
    if template is None:
        document = Document()
        section = document.sections[0]
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Cm(2.2))
        return document
    try:
        document = Document(str(template))
    except Exception as error:  # python-docx raises several kinds for a file that is not a .docx
        raise ExportError(tr(TEXTS, "bad_template", lang, path=template, detail=error)) from None
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):  # keep the page set-up, headers and footers; drop the content
            body.remove(child)
    return document


def document_bytes(project: Project, lang: str = "fi", template: Path | None = None,
                   browser: Path | None = None) -> bytes:
    """The whole Word report as the bytes of a .docx file (same project, language and browser → same bytes).

    The charts are drawn by a headless Chromium (``browser``, else found as the one-pagers find it).
    """
    lang = check_lang(lang)
    items = report_items(project, lang)
    figures = [item.content for item in items if item.kind == "figure"]
    images = iter(figure_pngs([without_title(f) for f in figures], lang, browser))
    document = _open_template(template, lang)
    writer = _Writer(document, lang)
    document.add_heading(plain(project.display_name(lang)), level=0)
    writer.paragraph(tr(TEXTS, "subtitle", lang))
    writer.paragraph(" · ".join(p for p in (plain(project.region), period_text(project, lang)) if p))
    writer.paragraph(suppression_note(project.min_group_size, lang), "note")
    writer.contents()
    for item in items:
        if item.kind == "heading":
            writer.heading(item.content, item.level)
        elif item.kind == "paragraph":
            writer.paragraph(item.content, item.style)
        elif item.kind == "bullets":
            writer.bullets(item.content, item.style)
        elif item.kind == "table":
            writer.table(item.content, item.caption)
        elif item.kind == "figure":
            writer.figure(next(images), figure_title(item.content))
        elif item.kind == "page_break":
            document.add_page_break()
    set_core_properties(document.core_properties, project, f"{project.display_name(lang)} – {tr(TEXTS, 'subtitle', lang)}", lang)
    buffer = io.BytesIO()
    document.save(buffer)
    return deterministic_zip(buffer.getvalue(), project_date(project))


def write_document(project: Project, path: Path, lang: str = "fi", template: Path | None = None) -> Path:
    """Write the Word report to ``path`` atomically and return the path."""
    return write_bytes_atomic(Path(path), document_bytes(project, lang, template))
