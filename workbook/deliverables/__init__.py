"""Editable deliverables: the slide deck (.pptx) and the Word report (.docx) the client's own staff edit.

``deck``
    ``workbook deck PROJECT --out FILE.pptx``: native PowerPoint charts and tables.
``document``
    ``workbook document PROJECT --out FILE.docx``: the participation summary and the action
    plan with Word heading styles, native tables and chart images with captions.
``common``
    texts, safe text, document properties and deterministic files shared by both.
"""

from __future__ import annotations

from pathlib import Path

from workbook.i18n import check_lang
from workbook.project import Project


def export(project: Project, out_dir: Path, lang: str) -> list[Path]:
    """Write ``deck_<lang>.pptx`` and ``report_<lang>.docx`` into ``out_dir`` (the pack's editable deliverables).

    Needs a headless Chromium or Chrome for the Word report's chart images (as the action
    plan's one-pagers do); the deck's charts are native and need none.
    """
    from workbook.deliverables.deck import write_deck
    from workbook.deliverables.document import write_document

    lang = check_lang(lang)
    out_dir = Path(out_dir)
    return [write_deck(project, out_dir / f"deck_{lang}.pptx", lang),
            write_document(project, out_dir / f"report_{lang}.docx", lang)]
