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
        "fi": "Alle {n} hengen ryhmiä koskevat luvut on piilotettu (<{n}), samoin luvut, joista ne voisi päätellä summista.",
        "en": "Figures about groups of fewer than {n} people are hidden (<{n}), and so are figures from which they could be worked out from the totals.",
    },
    "total": {"fi": "Yhteensä", "en": "Total"},
}


def suppress_counts(counts: pd.DataFrame | pd.Series, min_size: int, margins: bool = False,
                    total_label: str = "total") -> tuple[pd.DataFrame, pd.DataFrame]:
    """Hide small counts and whatever would reveal them through totals.

    Primary suppression hides every count from 1 to ``min_size - 1``. Secondary suppression
    then hides more cells until, with every row, column and grand total published,

    - no line (row or column with its total) has exactly one hidden entry,
    - the hidden entries of a line never add up to a small group (1 to ``min_size - 1``),
    - no hidden cell can be pinned down by combining lines (checked with linear programming:
      each hidden cell's smallest and largest value consistent with the published figures
      must differ).

    Ties are broken by the smaller count, then by label, so the result does not depend on
    the order of the rows.

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
        boolean mask of hidden cells.

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
    row_labels = [str(label) for label in frame.index] + ["\uffff"]
    col_labels = [str(label) for label in frame.columns] + ["\uffff"]
    if cols == 1:
        grid = np.append(table[:, 0], table.sum())[:, None]
        lines = [[(i, 0) for i in range(rows + 1)]]
    else:
        grid = np.zeros((rows + 1, cols + 1))
        grid[:rows, :cols] = table
        grid[:rows, cols] = table.sum(axis=1)
        grid[rows, :cols] = table.sum(axis=0)
        grid[rows, cols] = table.sum()
        lines = [[(i, j) for j in range(cols + 1)] for i in range(rows + 1)] + \
                [[(i, j) for i in range(rows + 1)] for j in range(cols + 1)]
    hidden = (grid > 0) & (grid < min_size)
    _secondary_suppression(grid, hidden, lines, min_size, row_labels, col_labels)

    values = np.where(hidden, np.nan, grid)
    index = list(frame.index) + [total_label]
    columns = list(frame.columns) if cols == 1 else list(frame.columns) + [total_label]
    values_frame = pd.DataFrame(values, index=index, columns=columns)
    hidden_frame = pd.DataFrame(hidden, index=index, columns=columns)
    if not margins:
        values_frame = values_frame.iloc[:rows, :cols]
        hidden_frame = hidden_frame.iloc[:rows, :cols]
    return values_frame, hidden_frame


def _secondary_suppression(grid, hidden, lines, min_size, row_labels, col_labels) -> None:
    """Extend ``hidden`` in place until no hidden figure can be recovered (see suppress_counts)."""
    # Each line is an equation: its cells add up to its last entry (the total).
    def signed(line):
        return [(cell, -1.0 if k == len(line) - 1 else 1.0) for k, cell in enumerate(line)]

    equations = [signed(line) for line in lines]
    lines_of = {}
    for number, line in enumerate(lines):
        for cell in line:
            lines_of.setdefault(cell, []).append(number)

    def hide_another(line_numbers) -> bool:
        candidates = [cell for number in line_numbers for cell in lines[number]
                      if not hidden[cell] and grid[cell] > 0]
        if not candidates:
            return False

        def cost(cell):
            crossing = any(hidden[other] for number in lines_of[cell] if number not in line_numbers
                           for other in lines[number] if other != cell)
            return (0 if crossing else 1, grid[cell], row_labels[cell[0]], col_labels[cell[1]])

        hidden[min(candidates, key=cost)] = True
        return True

    def weak_line():
        for number, line in enumerate(lines):
            unknown = [cell for cell in line if hidden[cell]]
            if not unknown:
                continue
            total_hidden = hidden[line[-1]]
            hidden_sum = sum(grid[cell] for cell in unknown if cell != line[-1])
            if len(unknown) == 1 or (not total_hidden and 0 < hidden_sum < min_size):
                yield number

    unfixable: set[tuple] = set()
    while True:
        line = next((n for n in weak_line() if ("line", n) not in unfixable), None)
        if line is not None:
            if not hide_another([line]):
                unfixable.add(("line", line))
            continue
        pinned = next((cell for cell in _pinned_cells(grid, hidden, equations)
                       if ("cell", cell) not in unfixable), None)
        if pinned is None:
            return
        if not hide_another(lines_of[pinned]):
            unfixable.add(("cell", pinned))


def _pinned_cells(grid, hidden, equations):
    """Hidden cells whose value the published figures determine exactly."""
    from scipy.optimize import linprog

    unknown = [tuple(cell) for cell in np.argwhere(hidden)]
    if not unknown:
        return []
    position = {cell: k for k, cell in enumerate(unknown)}
    matrix, target = [], []
    for equation in equations:
        row = np.zeros(len(unknown))
        known = 0.0
        for cell, sign in equation:
            if cell in position:
                row[position[cell]] += sign
            else:
                known += sign * grid[cell]
        if row.any():
            matrix.append(row)
            target.append(-known)
    pinned = []
    for cell, k in position.items():
        objective = np.zeros(len(unknown))
        objective[k] = 1.0
        low = linprog(objective, A_eq=matrix, b_eq=target, bounds=(0, None), method="highs")
        high = linprog(-objective, A_eq=matrix, b_eq=target, bounds=(0, None), method="highs")
        if low.status == 0 and high.status == 0 and (-high.fun) - low.fun < 0.5:
            pinned.append(cell)
    return pinned


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
