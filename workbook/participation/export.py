"""``workbook summary PROJECT --out DIR``: the participation summary as deliverable files.

Writes ``participation_summary_<lang>.html`` — a self-contained report with no code and
no network requests (:class:`workbook.htmlreport.HtmlReport`) — and
``participation_summary_<lang>.xlsx`` with the report's tables, text kept inert
(:func:`workbook.outputs.write_xlsx`). Both come from the same sections as the notebook.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from workbook.htmlreport import HtmlReport
from workbook.i18n import check_lang, tr
from workbook.outputs import write_text_atomic, write_xlsx
from workbook.participation.summary import TEXTS as SUMMARY_TEXTS
from workbook.participation.summary import Section, build_summary
from workbook.project import Project

TEXTS = {
    "subtitle": {"fi": "{project} · {region}", "en": "{project} · {region}"},
    "period": {"fi": "Strategiakausi {start}–{end}", "en": "Strategy period {start}–{end}"},
    "footer": {
        "fi": "Tuotettu Strategiatyökirjalla. Henkilöiden nimiä tai sähköpostiosoitteita ei ole raportissa; alle {n} hengen ryhmien luvut on piilotettu.",
        "en": "Produced with the Strategy Workbook. The report holds no names or e-mail addresses of people; figures for groups of fewer than {n} people are hidden.",
    },
    "method_sheet": {"fi": "Menetelmä", "en": "Method"},
    "note": {"fi": "Huomio", "en": "Note"},
}

EXCEL_SHEET_NAME_LIMIT = 31


def render_html(project: Project, sections: list[Section], lang: str) -> str:
    """The summary as one self-contained HTML page."""
    start, end = project.period
    subtitle = tr(TEXTS, "subtitle", lang, project=project.display_name(lang), region=project.region)
    if start is not None and end is not None:
        subtitle += " · " + tr(TEXTS, "period", lang, start=start.year, end=end.year)
    report = HtmlReport(tr(SUMMARY_TEXTS, "title", lang), lang, subtitle=subtitle,
                        footer=tr(TEXTS, "footer", lang, n=project.min_group_size))
    for section in sections:
        report.heading(section.title)
        for block in section.blocks:
            if block.kind == "text":
                report.paragraph(block.content, block.style)
            elif block.kind == "table":
                report.table(block.content, block.caption or None)
            elif block.kind == "figure":
                report.figure(block.content)
    return report.render()


def workbook_sheets(sections: list[Section], lang: str) -> dict[str, pd.DataFrame]:
    """The tables of the summary by sheet name (unique, at most 31 characters), with the
    method texts as the last sheet."""
    sheets: dict[str, pd.DataFrame] = {}
    method: list[str] = []
    for section in sections:
        for block in section.blocks:
            if block.kind in ("table", "sheet") and block.sheet:
                sheets[_unique(block.sheet, sheets)] = block.content
            elif block.kind == "text" and section.key == "method":
                method.append(block.content)
    sheets[_unique(tr(TEXTS, "method_sheet", lang), sheets)] = pd.DataFrame({tr(TEXTS, "note", lang): method})
    return sheets


def _unique(name: str, taken: dict[str, pd.DataFrame]) -> str:
    name = name.replace("/", "-").replace(":", " ")[:EXCEL_SHEET_NAME_LIMIT]
    candidate, number = name, 2
    while candidate.casefold() in {t.casefold() for t in taken}:
        suffix = f" ({number})"
        candidate = name[:EXCEL_SHEET_NAME_LIMIT - len(suffix)] + suffix
        number += 1
    return candidate


def export(project: Project, out_dir: Path, lang: str) -> list[Path]:
    """Write the participation summary's HTML report and .xlsx into ``out_dir``.

    Returns the paths written.
    """
    lang = check_lang(lang)
    out_dir = Path(out_dir)
    sections = build_summary(project, lang)
    html_path = out_dir / f"participation_summary_{lang}.html"
    written = [write_text_atomic(html_path, render_html(project, sections, lang))]
    written.append(write_xlsx(out_dir / f"participation_summary_{lang}.xlsx", workbook_sheets(sections, lang),
                              lang))
    return written
