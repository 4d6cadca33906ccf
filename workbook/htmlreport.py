"""Self-contained HTML reports that open from disk with no network at all.

Every text is escaped; figures are plotly figures with plotly.js inlined once per page; a
Content-Security-Policy forbids the page from loading anything, so a mistake shows up as a
blocked request rather than a silent download. Pages print on A4 landscape.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Sequence

if TYPE_CHECKING:
    import pandas as pd

# pandas (through workbook.formats and workbook.outputs too) is imported where a table, a
# number or a missing value needs it: escaping text does not, and a dashboard kernel showing
# drawings made in advance escapes only text.

CSP = ("default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; "
       "img-src data:; font-src data:; frame-src 'self' data: about:; child-src 'self' data: about:")

CSS = """
:root { --ink:#1f2933; --muted:#52606d; --line:#d9e2ec; --accent:#0b5394; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
       color: var(--ink); margin: 0 auto; max-width: 1200px; padding: 24px 32px; line-height: 1.45; font-size: 15px; }
h1 { font-size: 28px; margin: 0 0 4px; color: var(--accent); }
h2 { font-size: 22px; margin: 32px 0 8px; border-bottom: 2px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 17px; margin: 20px 0 6px; }
p.subtitle { color: var(--muted); margin-top: 0; }
table { border-collapse: collapse; margin: 8px 0 16px; font-size: 13px; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f0f4f8; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.note { background: #fff8e1; border-left: 4px solid #f0b429; padding: 8px 12px; margin: 8px 0; }
.finding { background: #fdecea; border-left: 4px solid #d64545; padding: 8px 12px; margin: 8px 0; }
.ok { background: #e3f9e5; border-left: 4px solid #3f9142; padding: 8px 12px; margin: 8px 0; }
nav ul { columns: 2; }
.figure { margin: 8px 0 20px; }
footer { color: var(--muted); font-size: 12px; margin-top: 40px; border-top: 1px solid var(--line); padding-top: 8px; }
@page { size: A4 landscape; margin: 12mm; }
@media print { body { max-width: none; padding: 0; font-size: 11pt; } .pagebreak { break-before: page; }
               h2 { break-after: avoid; } table, .figure { break-inside: avoid; } }
"""


def escape(text: object) -> str:
    """HTML-escaped text (quotes too), ``""`` for missing values.

    Examples
    --------
    >>> escape('<img src=x onerror="alert(1)">')
    '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'
    """
    if text is None or (not isinstance(text, str) and _missing(text)):
        return ""
    return html.escape(str(text), quote=True)


def _missing(value: object) -> bool:
    import pandas as pd

    return pd.isna(value)


def plot_text(text: object) -> str:
    """Spreadsheet text made safe for plotly labels, titles and hover text.

    Plotly renders a subset of HTML there (``<a href>`` becomes a live SVG link), so ``<``,
    ``>`` and ``&`` are escaped; quotes are left alone because plotly shows ``&quot;`` as is.

    Examples
    --------
    >>> plot_text('<a href="x">"Arctic" & co</a>')
    '&lt;a href="x"&gt;"Arctic" &amp; co&lt;/a&gt;'
    """
    if text is None or (not isinstance(text, str) and _missing(text)):
        return ""
    return html.escape(str(text), quote=False)


def format_number(value: float, lang: str = "en") -> str:
    """A number for reading (:func:`workbook.formats.number`: whole numbers without decimals,
    others with at most two).

    Examples
    --------
    >>> format_number(1234567) == "1,234,567", format_number(75.2, "fi"), format_number(75.2, "en")
    (True, '75,2', '75.2')
    """
    from workbook import formats

    return formats.number(value, lang)


def table_html(frame: pd.DataFrame, caption: str | None = None, index: bool = False, lang: str = "en") -> str:
    """A table with every cell escaped; numbers right-aligned and formatted for ``lang``.

    Examples
    --------
    >>> import pandas as pd
    >>> "&lt;b&gt;" in table_html(pd.DataFrame({"name": ["<b>"]}))
    True
    """
    from workbook import formats

    data = frame.reset_index() if index else frame
    head = "".join(f"<th>{escape(c)}</th>" for c in data.columns)
    body = []
    for row in data.itertuples(index=False):
        cells = []
        for value in row:
            if formats.is_number(value):
                cells.append(f'<td class="num">{escape(formats.number(value, lang))}</td>')
            elif isinstance(value, formats.Formatted) and not formats.is_date(value.value):
                cells.append(f'<td class="num">{escape(value)}</td>')
            elif isinstance(value, (tuple, list)):
                cells.append(f"<td>{escape('; '.join(map(str, value)))}</td>")
            elif formats.is_date(value):
                cells.append(f"<td>{escape(formats.date(value, lang))}</td>")
            else:
                cells.append(f"<td>{escape(value)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    caption_html = f"<caption>{escape(caption)}</caption>" if caption else ""
    return f"<table>{caption_html}<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


class HtmlReport:
    """A report page built part by part; :meth:`render` gives one self-contained HTML file.

    Examples
    --------
    >>> report = HtmlReport("Osallistuminen <2023>", lang="fi")
    >>> report.paragraph("Kaikki 21 kuntaa kutsuttiin.")
    >>> page = report.render()
    >>> "&lt;2023&gt;" in page and "http" not in page.split("<body")[0].replace("http-equiv", "")
    True
    """

    def __init__(self, title: str, lang: str, subtitle: str = "", footer: str = ""):
        self.title = title
        self.lang = lang
        self.subtitle = subtitle
        self.footer = footer
        self.parts: list[str] = []
        self._plotly_included = False
        self._toc: list[tuple[str, str]] = []

    def heading(self, text: str, level: int = 2, page_break: bool = False) -> None:
        anchor = f"s{len(self._toc) + 1}"
        if level == 2:
            self._toc.append((anchor, text))
        css = ' class="pagebreak"' if page_break else ""
        self.parts.append(f'<h{level} id="{anchor}"{css}>{escape(text)}</h{level}>')

    def paragraph(self, text: str, kind: str | None = None) -> None:
        """A paragraph; ``kind`` ``note``, ``finding`` or ``ok`` gives it a coloured box."""
        css = f' class="{kind}"' if kind else ""
        self.parts.append(f"<p{css}>{escape(text)}</p>")

    def bullets(self, items: Iterable[str], kind: str | None = None) -> None:
        css = f' class="{kind}"' if kind else ""
        self.parts.append(f"<ul{css}>" + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ul>")

    def table(self, frame: pd.DataFrame, caption: str | None = None, index: bool = False) -> None:
        self.parts.append(table_html(frame, caption, index, self.lang))

    def figure(self, figure, height: int | None = None) -> None:
        """A plotly figure, drawn offline (plotly.js is inlined once per page)."""
        import plotly.io as pio

        from workbook import formats

        if height:
            figure = figure.update_layout(height=height)
        if figure.layout.separators is None:
            # Numbers on axes and in hover text written the way the page's language writes them.
            figure = figure.update_layout(separators=formats.plotly_separators(self.lang))
        html_part = pio.to_html(
            figure, include_plotlyjs=not self._plotly_included, full_html=False,
            config={"displaylogo": False, "responsive": True}, div_id=f"fig{len(self.parts)}",
        )
        self._plotly_included = True
        self.parts.append(f'<div class="figure">{html_part}</div>')

    def trusted_html(self, fragment: str) -> None:
        """HTML made by the workbook itself (never text from a spreadsheet)."""
        self.parts.append(fragment)

    def render(self) -> str:
        toc = ""
        if len(self._toc) > 2:
            toc = "<nav><ul>" + "".join(f'<li><a href="#{a}">{escape(t)}</a></li>' for a, t in self._toc) \
                + "</ul></nav>"
        subtitle = f'<p class="subtitle">{escape(self.subtitle)}</p>' if self.subtitle else ""
        footer = f"<footer>{escape(self.footer)}</footer>" if self.footer else ""
        return (
            f'<!DOCTYPE html>\n<html lang="{escape(self.lang)}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{escape(self.title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
            f"<h1>{escape(self.title)}</h1>{subtitle}{toc}\n" + "\n".join(self.parts) + f"\n{footer}\n</body>\n</html>\n"
        )

    def write(self, path: Path) -> Path:
        from workbook.outputs import write_text_atomic

        return write_text_atomic(Path(path), self.render())


def link_list(links: Sequence[tuple[str, str]]) -> str:
    """Trusted list of relative links (label escaped, target escaped)."""
    return "<ul>" + "".join(f'<li><a href="{escape(href)}">{escape(text)}</a></li>' for text, href in links) + "</ul>"
