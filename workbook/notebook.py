"""Helpers for the notebooks: the same deterministic display in JupyterLab, Voilà and nbval."""

from __future__ import annotations

import pandas as pd
from IPython.display import HTML, Markdown, display

from workbook.htmlreport import escape, table_html


def setup_display() -> None:
    """Plotly figures as their JSON mime bundle only (drawn offline by the JupyterLab/Voilà
    extension, and free of random element ids, so committed outputs are stable)."""
    import plotly.io as pio

    pio.renderers.default = "plotly_mimetype"
    pd.set_option("display.max_rows", 60)
    pd.set_option("display.max_columns", 30)
    pd.set_option("display.width", 140)


def show_table(frame: pd.DataFrame, caption: str | None = None, index: bool = False, lang: str = "en") -> None:
    """Display a table with every cell HTML-escaped (spreadsheet text is untrusted)."""
    display(HTML(table_html(frame, caption, index, lang)))


def show_text(text: str, kind: str | None = None) -> None:
    """Display a plain-language sentence (escaped; ``kind`` 'finding' or 'note' adds a marker)."""
    marker = {"finding": "⚠ ", "note": "ℹ ", "ok": "✓ "}.get(kind or "", "")
    display(HTML(f"<p>{escape(marker + text)}</p>"))


def show_markdown(markdown: str) -> None:
    """Display Markdown written by the workbook itself (never spreadsheet text)."""
    display(Markdown(markdown))
