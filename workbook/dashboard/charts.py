"""Bar charts drawn in plain HTML, for the overview page.

A page whose charts are plain HTML needs no plotly.js (4.6 MB to load and parse in every
visitor's browser) and redraws as fast as a table; the overview is the page everyone opens
first, so its few bar charts are drawn this way. Topic pages show the topic modules' plotly
figures. Every label is escaped; colours come from :mod:`workbook.style`.
"""

from __future__ import annotations

from typing import Sequence

from workbook.htmlreport import escape


def bar_rows(labels: Sequence[str], values: Sequence[float], colours: Sequence[str],
             texts: Sequence[str] | None = None) -> str:
    """Horizontal bars, one row per label, longest value the full width; ``texts`` are shown
    after each bar (default: the value).

    Examples
    --------
    >>> html = bar_rows(["Yritys <b>", "Kunta"], [12, 3], ["#E69F00", "#0072B2"], ["12 / 40", "3 / 21"])
    >>> "Yritys &lt;b&gt;" in html, 'style="width:100.0%;background:#E69F00"' in html, 'width:25.0%' in html
    (True, True, True)
    """
    longest = max([value for value in values if value] + [1])
    shown = texts if texts is not None else [f"{value:.0f}" for value in values]
    rows = [
        f'<div class="wb-bar-row"><div class="wb-bar-label">{escape(label)}</div>'
        f'<div class="wb-bar-track"><div class="wb-bar" style="width:{100 * value / longest:.1f}%;'
        f'background:{escape(colour)}"></div><span class="wb-bar-value">{escape(text)}</span></div></div>'
        for label, value, colour, text in zip(labels, values, colours, shown)
    ]
    return '<div class="wb-bars">' + "".join(rows) + "</div>"
