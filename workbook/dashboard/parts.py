"""Small pieces of trusted HTML for the panels: paragraphs, lists and tables, all escaped."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from workbook.htmlreport import escape, table_html

if TYPE_CHECKING:
    import pandas as pd

KINDS = ("note", "finding", "ok")


def paragraph(text: str, kind: str | None = None) -> str:
    """A paragraph; ``kind`` ``note``, ``finding`` or ``ok`` gives it a coloured box.

    Examples
    --------
    >>> paragraph("<b>5</b> actions", "ok")
    '<p class="wb-ok">&lt;b&gt;5&lt;/b&gt; actions</p>'
    """
    return f'<p class="wb-{kind}">{escape(text)}</p>' if kind in KINDS else f"<p>{escape(text)}</p>"


def bullets(items: Iterable[str], kind: str | None = None) -> str:
    """A bulleted list (each item escaped).

    Examples
    --------
    >>> bullets(["a", "<b>"])
    '<ul><li>a</li><li>&lt;b&gt;</li></ul>'
    """
    css = f' class="wb-{kind}"' if kind in KINDS else ""
    return f"<ul{css}>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ul>"


def table(frame: pd.DataFrame, caption: str | None = None, lang: str = "en") -> str:
    """A table with every cell escaped, scrolling sideways when wider than its box.

    Examples
    --------
    >>> import pandas as pd
    >>> "&lt;img" in table(pd.DataFrame({"name": ["<img src=x>"]}))
    True
    """
    return f'<div class="wb-table">{table_html(frame, caption, lang=lang)}</div>'
