"""Disclosure control: no published figure describes a group smaller than the minimum size.

Counts from 1 to ``min_size - 1`` are suppressed (zeros are not: "nobody from Savukoski
took part" reveals no one). Secondary suppression then hides further cells until no hidden
cell can be recovered from a row, column or grand total. Means and shares about small
groups are hidden by :func:`suppress_small_groups`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from workbook.i18n import tr

TEXTS = {
    "marker": {"fi": "<{n}", "en": "<{n}"},
    "note": {
        "fi": "Alle {n} hengen tai organisaation ryhmien luvut on piilotettu (<{n}), samoin luvut, joista ne voisi päätellä summista.",
        "en": "Figures for groups of fewer than {n} people or organisations are hidden (<{n}), and so are figures from which they could be worked out from the totals.",
    },
    "total": {"fi": "Yhteensä", "en": "Total"},
}


def suppress_counts(counts: pd.DataFrame | pd.Series, min_size: int, margins: bool = False,
                    total_label: str = "total") -> tuple[pd.DataFrame, pd.DataFrame]:
    """Hide small counts and whatever would reveal them through totals.

    Parameters
    ----------
    counts
        Non-negative counts; a Series is treated as one column.
    min_size
        Smallest group size that may be published.
    margins
        Also return the row and column totals (named ``total_label``), suppressed alike.

    Returns
    -------
    (values, hidden)
        ``values`` is ``counts`` as floats with hidden cells set to NaN; ``hidden`` is the
        boolean mask of hidden cells. Totals are always assumed to be published, so
        secondary suppression protects against them even when ``margins`` is false.

    Examples
    --------
    >>> counts = pd.Series({"company": 40, "financier": 3, "research": 8, "other": 0})
    >>> values, hidden = suppress_counts(counts, 5)
    >>> hidden.iloc[:, 0].to_dict()
    {'company': False, 'financier': True, 'research': True, 'other': False}
    """
    frame = counts.to_frame() if isinstance(counts, pd.Series) else counts
    table = frame.to_numpy(dtype=float)
    rows, cols = table.shape
    extended = np.zeros((rows + 1, cols + 1))
    extended[:rows, :cols] = table
    extended[:rows, cols] = table.sum(axis=1)
    extended[rows, :cols] = table.sum(axis=0)
    extended[rows, cols] = table.sum()
    hidden = (extended > 0) & (extended < min_size)
    if cols == 1:
        # One column: its "row totals" are the cells themselves, not extra equations.
        hidden[:, 1] = hidden[:, 0]
    changed = True
    while changed:
        changed = False
        lines = [(i, slice(None)) for i in range(rows + 1)] + [(slice(None), j) for j in range(cols + 1)]
        for line in lines:
            line_hidden = hidden[line]
            if line_hidden.sum() != 1:
                continue
            values = extended[line]
            candidates = [k for k in range(len(values)) if not line_hidden[k] and values[k] > 0]
            if not candidates:
                continue
            def position(k: int) -> tuple[int, int]:
                return (line[0], k) if isinstance(line[0], int) else (k, line[1])

            def cost(k: int) -> tuple[int, float, int]:
                # Prefer a cell whose other line already hides something: it then stays safe
                # without a further cascade of suppressions.
                i, j = position(k)
                crossing = hidden[:, j] if isinstance(line[0], int) else hidden[i, :]
                return (0 if crossing.any() and cols > 1 else 1, values[k], k)

            index = position(min(candidates, key=cost))
            hidden[index] = True
            if cols == 1:
                hidden[index[0], :] = True
            changed = True
    values = np.where(hidden, np.nan, extended)
    index = list(frame.index) + [total_label]
    columns = list(frame.columns) + [total_label]
    values_frame = pd.DataFrame(values, index=index, columns=columns)
    hidden_frame = pd.DataFrame(hidden, index=index, columns=columns)
    if cols == 1:
        values_frame, hidden_frame = values_frame.iloc[:, :1], hidden_frame.iloc[:, :1]
    if not margins:
        values_frame = values_frame.iloc[:rows, :cols] if cols > 1 else values_frame.iloc[:rows]
        hidden_frame = hidden_frame.iloc[:rows, :cols] if cols > 1 else hidden_frame.iloc[:rows]
    return values_frame, hidden_frame


def suppress_small_groups(values: pd.DataFrame | pd.Series, group_sizes: pd.Series,
                          min_size: int) -> pd.DataFrame | pd.Series:
    """Set to NaN every figure (mean, share …) whose group has fewer than ``min_size`` members.

    ``group_sizes`` is indexed like the rows of ``values``.

    Examples
    --------
    >>> means = pd.Series({"company": 3.4, "financier": 4.7})
    >>> suppress_small_groups(means, pd.Series({"company": 40, "financier": 3}), 5).isna().to_dict()
    {'company': False, 'financier': True}
    """
    small = group_sizes.reindex(values.index).fillna(0) < min_size
    if isinstance(values, pd.Series):
        return values.mask(small)
    return values.mask(small, axis=0)


def display_counts(values: pd.DataFrame, hidden: pd.DataFrame, min_size: int, lang: str) -> pd.DataFrame:
    """Counts as text for tables: whole numbers, and ``<n`` where a figure is hidden.

    Examples
    --------
    >>> v, h = suppress_counts(pd.Series({"a": 10, "b": 2, "c": 7}), 5)
    >>> display_counts(v, h, 5, "en").iloc[:, 0].tolist()
    ['10', '<5', '<5']
    """
    marker = tr(TEXTS, "marker", lang, n=min_size)
    shown = values.map(lambda v: "" if pd.isna(v) else f"{int(v)}")
    return shown.mask(hidden, marker)


def suppression_note(min_size: int, lang: str) -> str:
    """The sentence every published table with hidden figures carries."""
    return tr(TEXTS, "note", lang, n=min_size)
