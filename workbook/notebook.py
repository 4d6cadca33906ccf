"""Helpers for the notebooks: the same deterministic display in JupyterLab, Voilà and nbval."""

from __future__ import annotations

import pandas as pd
from IPython.display import HTML, Markdown, display

from workbook.htmlreport import escape, table_html


def setup_display(lang: str | None = None) -> None:
    """Plotly figures as their JSON mime bundle only (drawn offline by the JupyterLab/Voilà
    extension, and free of random element ids, so committed outputs are stable). With
    ``lang``, the numbers on every chart's axes and labels are written as in ``lang``
    (in Finnish a decimal comma and a space between thousands)."""
    import plotly.io as pio
    from plotly.io.base_renderers import PlotlyRenderer

    from workbook.formats import plotly_separators
    from workbook.i18n import check_lang

    if lang is None:
        pio.renderers.default = "plotly_mimetype"
    else:
        separators = plotly_separators(check_lang(lang))

        class InLanguage(PlotlyRenderer):
            # Set where every figure is shown: figures come from many modules, some with
            # templates of their own, so a default template would not reach them all.
            def to_mimebundle(self, fig_dict):
                fig_dict.setdefault("layout", {}).setdefault("separators", separators)
                return super().to_mimebundle(fig_dict)

        pio.renderers[f"workbook_{lang}"] = InLanguage()
        pio.renderers.default = f"workbook_{lang}"
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


# Tags of Markdown cells that only some readers see: the notebook stays whole in JupyterLab,
# and the pack (``workbook report``) keeps the cells its reader needs.
LANG_TAG = "lang-{lang}"  # the cell is in this language only
DEV_ONLY = "dev-only"  # instructions for whoever edits the notebook ("set PROJECT to your folder")
DEMO_ONLY = "demo-only"  # about the demo project and its invented data


def cells_for_pack(cells: list, lang: str, demo: bool) -> list:
    """The cells a reader of the pack sees: those in ``lang`` or in no language, no developer
    instructions, and text about the demo project only when the project is the demo.

    Examples
    --------
    >>> import nbformat
    >>> cells = [nbformat.v4.new_markdown_cell(text, metadata={"tags": tags}) for text, tags in [
    ...     ("# Yleiskuva", ["lang-fi"]), ("# Overview", ["lang-en"]), ("Set PROJECT", ["dev-only"]),
    ...     ("Demo data is invented.", ["lang-en", "demo-only"]), ("Both", [])]]
    >>> [cell.source for cell in cells_for_pack(cells, "en", demo=False)]
    ['# Overview', 'Both']
    >>> [cell.source for cell in cells_for_pack(cells, "en", demo=True)]
    ['# Overview', 'Demo data is invented.', 'Both']
    """
    kept = []
    for cell in cells:
        tags = set(cell.get("metadata", {}).get("tags", []))
        languages = {tag.removeprefix("lang-") for tag in tags if tag.startswith("lang-")}
        if DEV_ONLY in tags or (languages and lang not in languages) or (DEMO_ONLY in tags and not demo):
            continue
        kept.append(cell)
    return kept
