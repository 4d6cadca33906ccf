"""Plotly figures as high-resolution PNG images, drawn by a headless Chromium, many per browser run.

Neither kaleido nor matplotlib is a dependency of the workbook; the one-pagers of the
action plan already photograph HTML with the system's Chromium
(:mod:`workbook.actionplan.onepager`). Starting a browser costs about four seconds, so
the figures are stacked on tall pages (:data:`PAGE_HEIGHT` CSS pixels at most), each page
photographed once at :data:`SCALE` × and cut into one image per figure.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Sequence

import plotly.graph_objects as go
import plotly.io as pio

from workbook.actionplan.onepager import RenderError, find_browser, screenshot
from workbook.htmlreport import CSP
from workbook.i18n import tr

WIDTH = 960            # CSS pixels: the figure's width on the page
DEFAULT_HEIGHT = 450   # for figures that do not say their height
SCALE = 2              # 1920 pixels wide: sharp at 16 cm (about 300 dpi)
PAGE_HEIGHT = 4000     # CSS pixels per browser photograph (8000 image pixels at SCALE)
DRAW_BUDGET_MS = 30_000

RENDER_TEXTS = {
    "render_failed": {
        "fi": "Selain ({browser}) ei tuottanut kaavioiden kuvia: {detail}",
        "en": "The browser ({browser}) did not produce the chart images: {detail}",
    },
}


def figure_height(figure: go.Figure) -> int:
    """The height a figure is drawn at (its own, or :data:`DEFAULT_HEIGHT`)."""
    return int(figure.layout.height or DEFAULT_HEIGHT)


def pages(heights: Sequence[int], limit: int = PAGE_HEIGHT) -> list[list[int]]:
    """Figure indices grouped into pages of at most ``limit`` pixels (a taller figure gets a page of its own).

    Examples
    --------
    >>> pages([300, 300, 500, 5000, 100], limit=1000)
    [[0, 1], [2], [3], [4]]
    """
    grouped: list[list[int]] = [[]]
    used = 0
    for index, height in enumerate(heights):
        if grouped[-1] and used + height > limit:
            grouped.append([])
            used = 0
        grouped[-1].append(index)
        used += height
    return grouped


def _page_html(figures: Sequence[go.Figure], heights: Sequence[int]) -> str:
    divs = []
    for index, (figure, height) in enumerate(zip(figures, heights)):
        figure = go.Figure(figure).update_layout(width=WIDTH, height=height)
        divs.append(pio.to_html(figure, include_plotlyjs=index == 0, full_html=False, div_id=f"figure{index}",
                                config={"staticPlot": True}, default_width=f"{WIDTH}px",
                                default_height=f"{height}px"))
    style = (f"*{{margin:0;padding:0}} body{{width:{WIDTH}px;background:#fff}} "
             f".plotly-graph-div{{overflow:hidden}}")
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" '
            f'content="{CSP}"><style>{style}</style></head><body>{"".join(divs)}</body></html>')


def photograph(html: str, height: int, browser: Path, lang: str, width: int = WIDTH) -> bytes:
    """A PNG of the page ``html`` in a ``width`` × ``height`` CSS-pixel window at :data:`SCALE` ×."""
    png, detail = screenshot(html, browser, width, height, SCALE, timeout=300, budget_ms=DRAW_BUDGET_MS)
    if png is None:
        raise RenderError(tr(RENDER_TEXTS, "render_failed", lang, browser=browser, detail=detail))
    return png


def figure_pngs(figures: Sequence[go.Figure], lang: str = "en", browser: Path | None = None) -> list[bytes]:
    """Each figure as PNG bytes, :data:`WIDTH` × its height CSS pixels at :data:`SCALE` ×.

    Raises :class:`~workbook.actionplan.onepager.BrowserNotFoundError` when no Chromium or
    Chrome can be found, :class:`~workbook.actionplan.onepager.RenderError` when it draws nothing.
    """
    from PIL import Image

    if not figures:
        return []
    browser = browser or find_browser(lang)
    heights = [figure_height(f) for f in figures]
    images: list[bytes] = [b""] * len(figures)
    for group in pages(heights):
        total = sum(heights[i] for i in group)
        shot = Image.open(io.BytesIO(photograph(_page_html([figures[i] for i in group], [heights[i] for i in group]),
                                                 total, browser, lang))).convert("RGB")
        scale = shot.width / WIDTH
        top = 0
        for index in group:
            box = (0, round(top * scale), shot.width, round((top + heights[index]) * scale))
            buffer = io.BytesIO()
            shot.crop(box).save(buffer, format="PNG", optimize=True)
            images[index] = buffer.getvalue()
            top += heights[index]
    return images
