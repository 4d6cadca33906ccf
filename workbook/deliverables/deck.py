"""``workbook deck PROJECT --out FILE.pptx``: the deliverables as a PowerPoint deck the client can edit.

Every number comes from the analyses (:mod:`workbook.overview`, :mod:`workbook.participation`,
:mod:`workbook.actionplan`, :mod:`workbook.clusters`); this module only lays them out.
Charts are native PowerPoint charts whose data sits in the chart's own workbook (right-click
→ Edit Data); tables are native tables, split over several slides when they would not fit;
text boxes wrap. Slides are 16:9 unless a ``template`` (the council's own .pptx with its
slide master and layouts) says otherwise.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import pandas as pd
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Emu, Inches, Pt

from workbook import overview
from workbook.actionplan import focus_area, onepager, portfolio
from workbook.actionplan.labels import funding_label
from workbook.clusters import scorecard as cluster_scorecard
from workbook.clusters import tables as cluster_tables
from workbook.clusters.texts import TEXTS as CLUSTER_TEXTS
from workbook.deliverables.common import TEXTS, chart_label, deterministic_zip, period_text, plain, \
    project_date, set_core_properties
from workbook.htmlreport import format_number
from workbook.i18n import check_lang, label, tr
from workbook.outputs import ExportError, write_bytes_atomic
from workbook.participation import gaps, reach
from workbook.participation import tables as participation_tables
from workbook.participation.labels import dimension_label, group_labels
from workbook.participation.summary import method_section
from workbook.privacy import suppression_note
from workbook.project import Project
from workbook.style import STATUS_COLOURS, VERDICT_COLOURS
from workbook.vocab import ACTION_STATUSES, ACTIVITY_KINDS

# 16:9 at PowerPoint's widescreen size.
SLIDE_WIDTH, SLIDE_HEIGHT = Inches(13.333), Inches(7.5)
MARGIN = Inches(0.5)
TITLE_TOP, TITLE_HEIGHT = Inches(0.3), Inches(0.95)
BODY_TOP = Inches(1.4)
BODY_BOTTOM_MARGIN = Inches(0.4)
TITLE_SIZE, BODY_SIZE, TABLE_SIZE, SMALL_SIZE = 26, 16, 12, 11
# Average glyph width as a share of the font size (Calibri/Liberation Sans text): for line estimates.
GLYPH = 0.5
LINE = 1.2
CELL_MARGIN_IN = 0.1 + 0.1  # left + right text margin of a table cell (python-pptx default 0.1 in each)
CELL_VERTICAL_IN = 0.1      # top + bottom margins of a cell
COLOURS = ("0B5394", "E69138", "6AA84F", "CC0000", "674EA7", "A61C00", "3C78D8", "BF9000", "45818E", "999999")
GAP_LINES_PER_SLIDE = 14
GOAL_HEIGHT_IN = 0.9


def _lines(text: str, width_in: float, size_pt: float) -> int:
    """How many lines ``text`` takes in a box ``width_in`` wide at ``size_pt`` (an estimate that errs long)."""
    per_line = max(1, int(width_in * 72 / (size_pt * GLYPH)))
    return sum(max(1, math.ceil(len(part) / per_line)) for part in str(text).split("\n"))


def fitting_size(text: str, width_in: float, height_in: float, largest: int, smallest: int) -> int:
    """The largest font size from ``largest`` down to ``smallest`` at which ``text`` fits the box.

    Examples
    --------
    >>> fitting_size("Short title", 12, 0.9, 26, 14), fitting_size("word " * 60, 12, 0.9, 26, 14), fitting_size("word " * 200, 12, 0.9, 26, 14)
    (26, 17, 14)
    """
    for size in range(largest, smallest - 1, -1):
        if _lines(text, width_in, size) * size * LINE / 72 <= height_in:
            return size
    return smallest


def _row_height_in(cells: Sequence[str], widths_in: Sequence[float], size_pt: float) -> float:
    lines = max(_lines(cell, max(0.3, width - CELL_MARGIN_IN), size_pt) for cell, width in zip(cells, widths_in))
    return lines * size_pt * LINE / 72 + CELL_VERTICAL_IN


def table_pages(rows: Sequence[Sequence[str]], header: Sequence[str], widths_in: Sequence[float],
                size_pt: float, height_in: float) -> list[list[int]]:
    """Split table rows into pages that fit ``height_in`` under the header row (row indices per page).

    Examples
    --------
    >>> table_pages([["a"], ["b"], ["c"]], ["h"], [2.0], 12, 0.7)
    [[0], [1], [2]]
    >>> table_pages([["a"], ["b"], ["c"]], ["h"], [2.0], 12, 5)
    [[0, 1, 2]]
    """
    room = height_in - _row_height_in(header, widths_in, size_pt)
    pages: list[list[int]] = [[]]
    used = 0.0
    for index, row in enumerate(rows):
        height = _row_height_in(row, widths_in, size_pt)
        if pages[-1] and used + height > room:
            pages.append([])
            used = 0.0
        pages[-1].append(index)
        used += height
    return pages


@dataclass
class Deck:
    """A presentation being built, with the layouts to use and the slide area."""

    prs: Presentation
    lang: str

    @property
    def width(self) -> int:
        return self.prs.slide_width

    @property
    def height(self) -> int:
        return self.prs.slide_height

    @property
    def body_width(self) -> int:
        return self.width - 2 * MARGIN

    @property
    def body_height(self) -> int:
        return self.height - BODY_TOP - BODY_BOTTOM_MARGIN

    def layout(self, names: Sequence[str], fallback: int):
        layouts = list(self.prs.slide_layouts)
        for layout in layouts:
            if layout.name.casefold() in {n.casefold() for n in names}:
                return layout
        return layouts[min(fallback, len(layouts) - 1)]

    def slide(self, title: str):
        """A new slide with a title (the template's "Title Only" layout where it has one)."""
        slide = self.prs.slides.add_slide(self.layout(("Title Only", "Vain otsikko"), 5))
        if slide.shapes.title is not None:
            shape = slide.shapes.title
            shape.left, shape.top, shape.width, shape.height = MARGIN, TITLE_TOP, self.body_width, TITLE_HEIGHT
        else:
            shape = slide.shapes.add_textbox(MARGIN, TITLE_TOP, self.body_width, TITLE_HEIGHT)
        frame = shape.text_frame
        frame.word_wrap = True
        frame.text = plain(title)
        size = fitting_size(title, self.body_width / 914400, TITLE_HEIGHT / 914400, TITLE_SIZE, 14)
        for paragraph in frame.paragraphs:
            paragraph.alignment = PP_ALIGN.LEFT
            for run in paragraph.runs:
                run.font.size = Pt(size)
                run.font.bold = True
        frame.vertical_anchor = MSO_ANCHOR.MIDDLE
        return slide

    def text(self, slide, left: int, top: int, width: int, height: int, paragraphs: Sequence[str],
             size: int = BODY_SIZE, bullets: bool = False, colour: str | None = None):
        box = slide.shapes.add_textbox(left, top, width, height)
        frame = box.text_frame
        frame.word_wrap = True
        for index, text in enumerate(paragraphs):
            paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
            run = paragraph.add_run()
            run.text = ("• " if bullets else "") + plain(text)
            run.font.size = Pt(size)
            if colour:
                run.font.color.rgb = RGBColor.from_string(colour)
            paragraph.space_after = Pt(size * 0.4)
        return box

    def table(self, slide, left: int, top: int, width: int, header: Sequence[str], rows: Sequence[Sequence[str]],
              widths: Sequence[float], size: int = TABLE_SIZE, numeric: Sequence[bool] | None = None):
        """A native table; ``widths`` are relative column widths."""
        total = sum(widths)
        widths_in = [width / 914400 * w / total for w in widths]
        height = Inches(sum(_row_height_in(r, widths_in, size) for r in [header, *rows]))
        shape = slide.shapes.add_table(len(rows) + 1, len(header), left, top, width, height)
        table = shape.table
        for index, w in enumerate(widths_in):
            table.columns[index].width = Inches(w)
        numeric = numeric or [False] * len(header)
        for r, values in enumerate([header, *rows]):
            table.rows[r].height = Inches(_row_height_in(values, widths_in, size))
            for c, value in enumerate(values):
                cell = table.cell(r, c)
                cell.text = plain(value)
                for paragraph in cell.text_frame.paragraphs:
                    if numeric[c] and r > 0:
                        paragraph.alignment = PP_ALIGN.RIGHT
                    for run in paragraph.runs:
                        run.font.size = Pt(size)
                        run.font.bold = r == 0
                cell.text_frame.word_wrap = True
        return shape

    def paged_table(self, title: str, header: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float],
                    size: int = TABLE_SIZE, numeric: Sequence[bool] | None = None, note: str = "",
                    top_text: Sequence[str] = ()):
        """A table over as many slides as it needs, the title numbered (1/2) when it takes more than one."""
        total = sum(widths)
        width_in = self.body_width / 914400
        widths_in = [width_in * w / total for w in widths]
        text_in = sum(_lines(t, width_in, BODY_SIZE) for t in top_text) * BODY_SIZE * LINE / 72 + (
            0.15 if top_text else 0)
        note_in = (_lines(note, width_in, SMALL_SIZE) * SMALL_SIZE * LINE / 72 + 0.15) if note else 0
        room = self.body_height / 914400 - text_in - note_in
        pages = table_pages(rows, header, widths_in, size, room)
        slides = []
        for number, indices in enumerate(pages, start=1):
            shown = title if len(pages) == 1 else tr(TEXTS, "part", self.lang, title=title, page=number,
                                                    pages=len(pages))
            slide = self.slide(shown)
            top = BODY_TOP
            if top_text:
                self.text(slide, MARGIN, top, self.body_width, Inches(text_in), top_text)
                top += Inches(text_in)
            self.table(slide, MARGIN, top, self.body_width, header, [rows[i] for i in indices], widths, size,
                       numeric)
            if note:
                self.text(slide, MARGIN, self.height - BODY_BOTTOM_MARGIN - Inches(note_in), self.body_width,
                          Inches(note_in), [note], SMALL_SIZE, colour="52606D")
            slides.append(slide)
        return slides

    def chart(self, slide, kind: str, categories: Sequence[str], series: dict[str, Sequence[float | None]],
              left: int, top: int, width: int, height: int, title: str = "", number_format: str = "#,##0",
              colours: Sequence[str] | None = None):
        """A native chart (``bar``, ``stacked`` or ``stacked_column``) holding its data; ``colours`` "#rrggbb"."""
        data = CategoryChartData(number_format=number_format)
        data.categories = [chart_label(c) for c in categories]
        for name, values in series.items():
            data.add_series(chart_label(name), [None if v is None or pd.isna(v) else float(v) for v in values])
        chart_type = {
            "bar": XL_CHART_TYPE.BAR_CLUSTERED, "stacked": XL_CHART_TYPE.BAR_STACKED,
            "stacked_column": XL_CHART_TYPE.COLUMN_STACKED,
        }[kind]
        chart = slide.shapes.add_chart(chart_type, left, top, width, height, data).chart
        chart.font.size = Pt(SMALL_SIZE)
        chart.has_legend = len(series) > 1
        if chart.has_legend:
            chart.legend.position = XL_LEGEND_POSITION.BOTTOM
            chart.legend.include_in_layout = False
        if title:
            chart.has_title = True
            chart.chart_title.text_frame.text = plain(title)
            chart.chart_title.text_frame.paragraphs[0].runs[0].font.size = Pt(BODY_SIZE - 2)
        else:
            chart.has_title = False
        palette = [c.lstrip("#").upper() for c in colours] if colours else list(COLOURS)
        for index, plot_series in enumerate(chart.plots[0].series):
            plot_series.format.fill.solid()
            plot_series.format.fill.fore_color.rgb = RGBColor.from_string(palette[index % len(palette)])
        axis = chart.value_axis
        axis.minimum_scale = 0
        axis.tick_labels.number_format = number_format
        axis.tick_labels.number_format_is_linked = False
        if kind.startswith("stacked"):
            chart.plots[0].overlap = 100
        if kind in ("bar", "stacked"):
            chart.category_axis.reverse_order = True  # first category on top, as in the tables
        return chart


def _numbers(value: float, lang: str) -> str:
    return "" if pd.isna(value) else format_number(value, lang)


def title_slide(deck: Deck, project: Project) -> None:
    slide = deck.prs.slides.add_slide(deck.layout(("Title Slide", "Otsikkodia"), 0))
    lines = [tr(TEXTS, "subtitle", deck.lang), " · ".join(p for p in (plain(project.region),
                                                                       period_text(project, deck.lang)) if p)]
    boxes = [(slide.shapes.title, [plain(project.display_name(deck.lang))], TITLE_SIZE + 10, (Inches(1.4), Inches(2.4))),
             (next((p for p in slide.placeholders if p.placeholder_format.idx == 1), None), lines, BODY_SIZE + 4,
              (Inches(4.1), Inches(1.8)))]
    for shape, texts, size, (top, height) in boxes:
        if shape is None:
            shape = slide.shapes.add_textbox(MARGIN, top, deck.body_width, height)
        shape.left, shape.top, shape.width, shape.height = MARGIN, top, deck.body_width, height
        frame = shape.text_frame
        frame.word_wrap = True
        frame.text = "\n".join(texts)
        for paragraph in frame.paragraphs:
            for run in paragraph.runs:
                run.font.size = Pt(size)


def figures_slide(deck: Deck, project: Project) -> None:
    lang = deck.lang
    slide = deck.slide(tr(TEXTS, "in_figures", lang))
    figures = overview.headline_figures(project, lang)
    half = (deck.body_width - Inches(0.3)) // 2
    deck.table(slide, MARGIN, BODY_TOP, Emu(half - Inches(0.6)), list(figures.columns),
               [[plain(v) for v in row] for row in figures.itertuples(index=False)], [3, 1.3], TABLE_SIZE,
               [False, True])
    months = reach.activities_by_month(project)
    if months.empty:
        return
    grid = months.pivot_table(index="month", columns="kind", values="activities", aggfunc="sum")
    every_month = pd.date_range(grid.index.min(), grid.index.max(), freq="MS")
    grid = grid.reindex(every_month).fillna(0)  # a month the analysis leaves out had no activities
    kinds = [k for k in ACTIVITY_KINDS if k in grid.columns]
    deck.chart(slide, "stacked_column", [m.strftime("%m/%Y") for m in grid.index],
               {label(ACTIVITY_KINDS, k, lang): grid[k].tolist() for k in kinds},
               MARGIN + half + Inches(0.3) - Inches(0.6), BODY_TOP, Emu(half + Inches(0.6)), deck.body_height,
               tr(TEXTS, "activities_over_time", lang), "0")


def reach_slides(deck: Deck, project: Project) -> None:
    lang = deck.lang
    slide = deck.slide(tr(TEXTS, "who_took_part", lang))
    half = (deck.body_width - Inches(0.3)) // 2
    chart_height = deck.body_height - Inches(0.6)
    for index, (dimension, short) in enumerate((("actor_type", "by_type"), ("sub_region", "by_sub_region"))):
        frame = reach.organisations_reached(project, dimension)
        labels = group_labels(project, dimension, frame["group"], lang)
        deck.chart(slide, "bar", [labels.get(g, g) for g in frame["group"]],
                   {tr(TEXTS, "registry", lang): frame["registry"].tolist(),
                    tr(TEXTS, "reached", lang): frame["reached"].tolist()},
                   MARGIN + index * (half + Inches(0.3)), BODY_TOP, half, chart_height,
                   tr(TEXTS, "reached_by", lang, dimension=tr(TEXTS, short, lang)), "0")
    deck.text(slide, MARGIN, BODY_TOP + chart_height, deck.body_width, Inches(0.6),
              [tr(TEXTS, "organisations_note", lang)], SMALL_SIZE, colour="52606D")

    representation = reach.representation(project, "actor_type")
    labels = group_labels(project, "actor_type", representation["group"], lang)
    shown = participation_tables.representation(representation, project.min_group_size, lang,
                                                dimension_label("actor_type", lang), labels)
    deck.paged_table(tr(TEXTS, "people_by_type", lang), list(shown.columns),
                     [[plain(v) for v in row] for row in shown.itertuples(index=False)],
                     [2.4] + [1] * (len(shown.columns) - 1), TABLE_SIZE,
                     [False] + [True] * (len(shown.columns) - 1), suppression_note(project.min_group_size, lang))


def gaps_slides(deck: Deck, project: Project) -> None:
    lang = deck.lang
    sentences = list(gaps.inclusiveness_gaps(project, lang)["text"]) or [tr(TEXTS, "no_gaps", lang)]
    width_in = deck.body_width / 914400
    pages: list[list[str]] = [[]]
    used = 0
    for sentence in sentences:
        lines = _lines(sentence, width_in - 0.3, BODY_SIZE) + 1
        if pages[-1] and used + lines > GAP_LINES_PER_SLIDE:
            pages.append([])
            used = 0
        pages[-1].append(sentence)
        used += lines
    title = tr(TEXTS, "who_was_missing", lang)
    for number, page in enumerate(pages, start=1):
        shown = title if len(pages) == 1 else tr(TEXTS, "part", lang, title=title, page=number, pages=len(pages))
        deck.text(deck.slide(shown), MARGIN, BODY_TOP, deck.body_width, deck.body_height, page, bullets=True)


def portfolio_slides(deck: Deck, project: Project) -> None:
    lang = deck.lang
    summary = portfolio.focus_area_summary(project, lang)
    areas = summary[summary["focus_area_id"].notna()]
    slide = deck.slide(tr(TEXTS, "portfolio", lang))
    half = (deck.body_width - Inches(0.3)) // 2
    header = [summary_header(c, lang) for c in ("focus_area", "actions", "budget_eur")]
    rows = [[f"{row.focus_area_id} · {row.focus_area}" if isinstance(row.focus_area_id, str) else row.focus_area,
             _numbers(row.actions, lang), _numbers(row.budget_eur, lang)] for row in summary.itertuples()]
    deck.table(slide, MARGIN, BODY_TOP, half, header, rows, [3, 1, 1.4], TABLE_SIZE, [False, True, True])
    deck.text(slide, MARGIN, deck.height - BODY_BOTTOM_MARGIN - Inches(0.7), half, Inches(0.7),
              [tr(TEXTS, "budget_note", lang)], SMALL_SIZE, colour="52606D")
    statuses = [s for s in ACTION_STATUSES if s in summary.columns and areas[s].sum() > 0]
    deck.chart(slide, "stacked", list(areas["focus_area_id"]),
               {label(ACTION_STATUSES, s, lang): areas[s].tolist() for s in statuses},
               MARGIN + half + Inches(0.3), BODY_TOP, half, deck.body_height, tr(TEXTS, "status_chart", lang), "0",
               [STATUS_COLOURS[s] for s in statuses])


def summary_header(column: str, lang: str) -> str:
    from workbook.actionplan.labels import header

    return header(column, lang)


def focus_area_slides(deck: Deck, project: Project, focus_area_id: str) -> None:
    lang = deck.lang
    area = focus_area.focus_area_page(project, focus_area_id, lang)
    title = f"{focus_area_id} · {area.name}"
    slide = deck.slide(title)
    width_in = deck.body_width / 914400
    goal = area.description or tr(TEXTS, "no_goal", lang)
    goal_size = fitting_size(goal, width_in, GOAL_HEIGHT_IN, BODY_SIZE - 2, SMALL_SIZE - 1)
    goal_lines = _lines(goal, width_in, goal_size)
    if goal_lines * goal_size * LINE / 72 > GOAL_HEIGHT_IN:  # still too long: the whole text is in the report
        keep = int(len(goal) * GOAL_HEIGHT_IN / (goal_lines * goal_size * LINE / 72)) - 2
        goal = goal[:keep].rstrip() + "…"
        goal_lines = _lines(goal, width_in, goal_size)
    goal_height = Inches(goal_lines * goal_size * LINE / 72 + 0.15)
    deck.text(slide, MARGIN, BODY_TOP, deck.body_width, goal_height, [goal], goal_size)
    top = BODY_TOP + goal_height
    tiles = onepager.key_figures(area, lang)
    tile_width = (deck.body_width - Inches(0.15) * (len(tiles) - 1)) // len(tiles)
    for index, (number, words) in enumerate(tiles):
        box = deck.text(slide, MARGIN + index * (tile_width + Inches(0.15)), top, tile_width, Inches(0.95),
                        [number], 22, colour="0B5394")
        paragraph = box.text_frame.add_paragraph()
        run = paragraph.add_run()
        run.text = plain(words)
        run.font.size = Pt(SMALL_SIZE)
        box.fill.solid()
        box.fill.fore_color.rgb = RGBColor.from_string("F0F4F8")
    top += Inches(1.1)
    half = (deck.body_width - Inches(0.3)) // 2
    height = deck.height - BODY_BOTTOM_MARGIN - top
    if area.funding.empty:
        deck.text(slide, MARGIN, top, half, height, [tr(TEXTS, "no_funding", lang)])
    else:
        deck.chart(slide, "bar", [funding_label(code, lang) for code in area.funding["funding"]],
                   {tr(TEXTS, "budget", lang): area.funding["budget_eur"].tolist()},
                   MARGIN, top, half, height, tr(TEXTS, "funding_chart", lang), "#,##0")
    right = MARGIN + half + Inches(0.3)
    if area.indicators.empty:
        deck.text(slide, right, top, half, height, [tr(TEXTS, "no_indicators", lang)])
    else:
        header = [tr(TEXTS, "indicator", lang), tr(TEXTS, "baseline_target", lang), tr(TEXTS, "latest", lang)]
        rows = [[plain(row.indicator),
                 f"{_numbers(row.baseline, lang) or '–'} → {_numbers(row.target, lang) or '–'}"
                 + (f" {plain(row.unit)}" if isinstance(row.unit, str) else ""),
                 _numbers(row.latest_value, lang)] for row in area.indicators.itertuples()]
        widths = [2.6, 1.5, 0.9]
        half_in = half / 914400
        for size in (SMALL_SIZE, SMALL_SIZE - 1, SMALL_SIZE - 2):  # smaller print before a second slide
            pages = table_pages(rows, header, [half_in * w / sum(widths) for w in widths], size,
                                height / 914400 - 0.45)
            if len(pages) == 1:
                break
        deck.text(slide, right, top, half, Inches(0.4), [tr(TEXTS, "indicators", lang)], BODY_SIZE - 2)
        deck.table(slide, right, top + Inches(0.42), half, header, [rows[i] for i in pages[0]], widths, size,
                   [False, True, True])
        if len(pages) > 1:
            deck.paged_table(f"{title}: {tr(TEXTS, 'indicators', lang)}", header,
                             [rows[i] for page in pages[1:] for i in page], widths, TABLE_SIZE, [False, True, True])

    actions = area.actions
    if actions.empty:
        deck.text(deck.slide(tr(TEXTS, "actions_of", lang, area=title)), MARGIN, BODY_TOP, deck.body_width,
                  Inches(1), [tr(TEXTS, "no_actions", lang)])
        return
    header = [tr(TEXTS, k, lang) for k in ("action", "owner", "schedule", "budget", "funding", "came_from")]
    rows = []
    for row in actions.itertuples():
        came_from = tr(TEXTS, "from_inputs", lang, n=int(row.inputs), activities=len(row.activities)) \
            if row.inputs else tr(TEXTS, "no_source", lang)
        rows.append([f"{row.action_id} {plain(row.title)}", plain(row.owner), plain(row.schedule),
                     _numbers(row.budget_eur, lang),
                     ", ".join(funding_label(code, lang) for code in row.funding_sources), came_from])
    deck.paged_table(tr(TEXTS, "actions_of", lang, area=title), header, rows, [3.2, 2.2, 1.5, 1.2, 1.9, 1.9],
                     SMALL_SIZE, [False, False, False, True, False, False])


def funding_slide(deck: Deck, project: Project) -> None:
    lang = deck.lang
    mix = portfolio.funding_mix(project)
    if mix.empty:
        return
    areas = list(project.focus_areas["focus_area_id"])
    grid = mix.pivot_table(index="focus_area_id", columns="funding", values="budget_eur", aggfunc="sum",
                           sort=False).reindex(areas)
    slide = deck.slide(tr(TEXTS, "funding_chart", lang))
    deck.chart(slide, "stacked", areas, {funding_label(code, lang): grid[code].tolist() for code in grid.columns},
               MARGIN, BODY_TOP, deck.body_width, deck.body_height - Inches(0.6), "", "#,##0")
    deck.text(slide, MARGIN, deck.height - BODY_BOTTOM_MARGIN - Inches(0.6), deck.body_width, Inches(0.6),
              [tr(TEXTS, "budget_note", lang)], SMALL_SIZE, colour="52606D")


def cluster_slides(deck: Deck, project: Project) -> None:
    lang = deck.lang
    why_not = cluster_scorecard.unassessed(project)
    if why_not:
        if why_not == "no_criteria" and len(project.clusters):
            # Listed but not assessed: said so, rather than the clusters silently missing from the deck.
            slide = deck.slide(tr(TEXTS, "clusters", lang))
            deck.text(slide, MARGIN, BODY_TOP, deck.body_width, Inches(1), [tr(CLUSTER_TEXTS, "no_criteria", lang)])
            deck.text(slide, MARGIN, BODY_TOP + Inches(1.1), deck.body_width, deck.body_height - Inches(1.1),
                      list(project.clusters["name"]), bullets=True)
        return
    card = cluster_scorecard.scorecard(project)
    grid = cluster_tables.grid_table(card, lang)
    criteria = card.drop_duplicates("criterion_id")
    key = "; ".join(f"{row.criterion_id} {plain(getattr(row, f'criterion_{lang}'))}" for row in criteria.itertuples())
    deck.paged_table(tr(TEXTS, "clusters", lang), list(grid.columns),
                     [[plain(v) for v in row] for row in grid.itertuples(index=False)],
                     [3] + [1] * (len(grid.columns) - 1), SMALL_SIZE,
                     note=f"{tr(TEXTS, 'criteria_key', lang)}: {key}")
    counts = cluster_scorecard.verdict_counts(card)
    slide = deck.slide(tr(TEXTS, "verdicts", lang))
    sentences = cluster_scorecard.summary_sentences(card, lang)
    half = (deck.body_width - Inches(0.3)) // 2
    deck.chart(slide, "stacked", list(counts["cluster_name"]),
               {label(cluster_scorecard.VERDICTS, v, lang): counts[v].tolist() for v in cluster_scorecard.VERDICTS},
               MARGIN, BODY_TOP, half, deck.body_height, "", "0",
               [VERDICT_COLOURS[v] for v in cluster_scorecard.VERDICTS])
    deck.text(slide, MARGIN + half + Inches(0.3), BODY_TOP, half, deck.body_height, sentences, SMALL_SIZE + 1,
              bullets=True)


def network_slide(deck: Deck, image: bytes | None) -> bool:
    """The network map as a picture filling the slide; ``False`` (no slide) when there is no image."""
    if not image:
        return False
    from PIL import Image

    lang = deck.lang
    slide = deck.slide(tr(TEXTS, "network", lang))
    width_px, height_px = Image.open(io.BytesIO(image)).size
    room_w, room_h = deck.body_width, deck.body_height - Inches(0.75)
    scale = min(room_w / width_px, room_h / height_px)
    width, height = int(width_px * scale), int(height_px * scale)
    slide.shapes.add_picture(io.BytesIO(image), MARGIN + (room_w - width) // 2, BODY_TOP, width, height)
    deck.text(slide, MARGIN, BODY_TOP + height + Inches(0.1), deck.body_width, Inches(0.4),
              [tr(TEXTS, "network_caption", lang)], SMALL_SIZE, colour="52606D")
    return True


def method_slide(deck: Deck, project: Project, network_shown: bool) -> None:
    lang = deck.lang
    texts = [block.content for block in method_section(project, lang).blocks if block.kind == "text"]
    texts = [tr(TEXTS, "method_source", lang)] + texts[:3] + [tr(TEXTS, "method_edit", lang)]
    if not network_shown:
        texts.append(tr(TEXTS, "method_network_missing", lang))
    width_in = deck.body_width / 914400
    size = BODY_SIZE - 2
    while size > 10 and sum(_lines(t, width_in - 0.3, size) + 0.4 for t in texts) * size * LINE / 72 > \
            deck.body_height / 914400:
        size -= 1
    deck.text(deck.slide(tr(TEXTS, "method", lang)), MARGIN, BODY_TOP, deck.body_width, deck.body_height, texts,
              size, bullets=True)


def _open_template(template: Path | None, lang: str) -> Presentation:
    if template is None:
        prs = Presentation()
        prs.slide_width, prs.slide_height = SLIDE_WIDTH, SLIDE_HEIGHT
        return prs
    try:
        prs = Presentation(str(template))
    except Exception as error:  # python-pptx raises several kinds for a file that is not a deck
        raise ExportError(tr(TEXTS, "bad_template", lang, path=template, detail=error)) from None
    # Keep the master, layouts and theme; drop any slides the template came with.
    slide_ids = prs.slides._sldIdLst
    for slide_id in list(slide_ids):
        prs.part.drop_rel(slide_id.rId)
        slide_ids.remove(slide_id)
    return prs


def network_image(project: Project, lang: str) -> bytes | None:
    """The actor network map as a picture: the print-size image ``workbook network`` writes
    (:func:`workbook.network.export.map_image`, with its legend), trimmed to what is drawn;
    ``None`` when no browser can draw it."""
    from workbook.network.export import map_image

    try:
        return trimmed(map_image(project, lang, "png"))
    except (FileNotFoundError, ExportError, ValueError):
        return None


def trimmed(png: bytes, margin: int = 24) -> bytes:
    """The picture cut to what is drawn on it (its white border removed, ``margin`` pixels kept)."""
    from PIL import Image, ImageChops

    picture = Image.open(io.BytesIO(png)).convert("RGB")
    box = ImageChops.difference(picture, Image.new("RGB", picture.size, "white")).getbbox()
    if box is None:
        return png
    left, top, right, bottom = box
    picture = picture.crop((max(0, left - margin), max(0, top - margin), min(picture.width, right + margin),
                            min(picture.height, bottom + margin)))
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    return buffer.getvalue()


def deck_bytes(project: Project, lang: str = "fi", template: Path | None = None,
               network_picture: bytes | None = None) -> bytes:
    """The whole deck as the bytes of a .pptx file (same project and language → same bytes)."""
    lang = check_lang(lang)
    deck = Deck(_open_template(template, lang), lang)
    title_slide(deck, project)
    figures_slide(deck, project)
    reach_slides(deck, project)
    gaps_slides(deck, project)
    portfolio_slides(deck, project)
    funding_slide(deck, project)
    for focus_area_id in project.focus_areas["focus_area_id"]:
        focus_area_slides(deck, project, focus_area_id)
    cluster_slides(deck, project)
    shown = network_slide(deck, network_picture)
    method_slide(deck, project, shown)
    set_core_properties(deck.prs.core_properties, project, f"{project.display_name(lang)} – {tr(TEXTS, 'subtitle', lang)}", lang)
    buffer = io.BytesIO()
    deck.prs.save(buffer)
    return deterministic_zip(buffer.getvalue(), project_date(project))


def write_deck(project: Project, path: Path, lang: str = "fi", template: Path | None = None) -> Path:
    """Write the deck to ``path`` atomically and return the path."""
    return write_bytes_atomic(Path(path), deck_bytes(project, lang, template, network_image(project, lang)))
