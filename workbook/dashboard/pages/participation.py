"""The participation page: who took part, what they said, whose voice was missing.

Each panel is a section of the participation summary (:mod:`workbook.participation.summary`)
built from the filtered project, so the page and the delivered report say the same.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from workbook.dashboard.filters import Selection
from workbook.dashboard.parts import paragraph, table
from workbook.dashboard.widgets import Panel
from workbook.htmlreport import escape
from workbook.participation.texts import TEXTS as SUMMARY_TEXTS

if TYPE_CHECKING:
    from workbook.participation.summary import Section

TEXTS = {
    "surveys": {"fi": "Kyselyt", "en": "Surveys"},
}


def section_parts(sections: Section | list[Section], headings: bool = False, lang: str = "en") -> list:
    """The blocks of summary sections as panel parts: escaped HTML and figures (the .xlsx-only
    sheets are left out). With ``headings``, each section starts with its title.

    Examples
    --------
    >>> from workbook.participation.summary import Section
    >>> section = Section("x", "<Title>")
    >>> section.text("Kaikki <21> kuntaa", style="note")
    >>> section_parts(section, headings=True)
    ['<h4>&lt;Title&gt;</h4>', '<p class="wb-note">Kaikki &lt;21&gt; kuntaa</p>']
    """
    parts: list = []
    for section in sections if isinstance(sections, list) else [sections]:
        if headings:
            parts.append(f"<h4>{escape(section.title)}</h4>")
        for block in section.blocks:
            if block.kind == "text":
                parts.append(paragraph(block.content, block.style))
            elif block.kind == "table":
                parts.append(table(block.content, block.caption or None, lang=lang))
            elif block.kind == "figure":
                parts.append(block.content)
    return parts


def draw_section(key: str, selection: Selection, lang: str) -> list:
    """One section of the participation summary for the filtered project."""
    # Imported here: a kernel showing the server's unfiltered drawings needs no analyses.
    from workbook.participation.summary import build_section

    return section_parts(build_section(selection.project, key, lang), headings=key == "surveys", lang=lang)


def _panel(key: str, wide: bool = True, title: dict[str, str] | None = None, deferred: bool = False) -> Panel:
    return Panel(title or SUMMARY_TEXTS[key], functools.partial(draw_section, key), wide=wide, name=key,
                 deferred=deferred)


OVERVIEW = _panel("overview", wide=False)
GAPS = _panel("gaps", wide=False)
ACTIVITIES = _panel("activities")
ORGANISATIONS = _panel("organisations")
REPRESENTATION = _panel("representation")
REPEAT = _panel("repeat", wide=False)
ACTIONS = _panel("actions", wide=False)
INPUTS = _panel("inputs")
VOTES = _panel("votes")
# Survey results take seconds (keyword themes of every open answer): drawn when asked for.
SURVEYS = _panel("surveys", title=TEXTS["surveys"], deferred=True)
METHOD = _panel("method")
