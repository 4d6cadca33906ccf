"""Disclosure control: no published figure describes a group smaller than the minimum size.

Counts from 1 to ``min_size - 1`` are suppressed (zeros are not: "nobody from Savukoski
took part" reveals no one). Secondary suppression then hides further cells until no hidden
cell can be recovered from a row, column or grand total. Means and shares about small
groups are hidden by :func:`suppress_small_groups`.

Two marks, as statistical offices write them, so that a hidden figure never misleads:

- ``<5`` (:data:`SMALL`, primary suppression): the figure is below the minimum group size;
- ``..`` (:data:`SECONDARY`, Statistics Finland's sign for a confidential figure): hidden
  only so that another hidden figure cannot be worked out; the figure itself may be of
  any size, and is never written as ``<5``.

:func:`protect_line` audits one line of figures published together — the figures, their
total, and lower bounds that other published figures give (an activity with 4
organisations had at least 4 people) — with linear programming, and hides more until no
hidden figure can be pinned down.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from workbook.i18n import tr

SMALL = "small"
"""Reason of a primary-suppressed figure: 1 to ``min_size - 1`` people."""
SECONDARY = "secondary"
"""Reason of a secondarily suppressed figure: hidden so that a small one cannot be worked out."""

TEXTS = {
    "marker": {"fi": "<{n}", "en": "<{n}"},
    "secondary_marker": {"fi": "..", "en": ".."},
    "note": {
        "fi": "Alle {n} hengen ryhmiä koskevat luvut on piilotettu (<{n}), samoin luvut, joista ne voisi päätellä summista (..).",
        "en": "Figures about groups of fewer than {n} people are hidden (<{n}), and so are figures from which they could be worked out from the totals (..).",
    },
    "legend": {
        "fi": "<{n} = alle {n} henkeä; .. = piilotettu pienen ryhmän suojaamiseksi, jottei sitä voisi päätellä muista luvuista (luku voi olla {n} tai enemmän).",
        "en": "<{n} = fewer than {n} people; .. = hidden to protect a small group that could otherwise be worked out from other figures (the figure may be {n} or more).",
    },
    "hidden_hover": {"fi": "piilotettu", "en": "hidden"},
    "total": {"fi": "Yhteensä", "en": "Total"},
}


def mark(reason: str | None, min_size: int, lang: str) -> str:
    """The sign of a hidden figure: ``<n`` when it is below the minimum (``SMALL``), ``..``
    otherwise — also when the reason is not known, since ``..`` never states a value.

    Examples
    --------
    >>> mark(SMALL, 5, "fi"), mark(SECONDARY, 5, "fi"), mark(None, 5, "en")
    ('<5', '..', '..')
    """
    if reason == SMALL:
        return tr(TEXTS, "marker", lang, n=min_size)
    return tr(TEXTS, "secondary_marker", lang)


def legend(min_size: int, lang: str) -> str:
    """The one-line legend of both marks, for every table or figure that shows one.

    Examples
    --------
    >>> legend(5, "en").split(";")[0]
    '<5 = fewer than 5 people'
    """
    return tr(TEXTS, "legend", lang, n=min_size)


def hidden_reasons(counts: pd.DataFrame | pd.Series, hidden: pd.DataFrame | pd.Series,
                   min_size: int) -> pd.DataFrame | pd.Series:
    """Why each hidden figure is hidden: ``SMALL`` (1 to ``min_size - 1``), ``SECONDARY``
    (any other hidden figure), ``None`` where shown. ``counts`` are the true counts.

    Examples
    --------
    >>> hidden_reasons(pd.Series([15, 3, 0]), pd.Series([True, True, False]), 5).tolist()
    ['secondary', 'small', None]
    """
    values = counts.to_numpy(dtype=float)
    mask = np.asarray(hidden, dtype=bool)
    small = (values > 0) & (values < min_size)
    reasons = np.where(mask & small, SMALL, np.where(mask, SECONDARY, None)).astype(object)
    reasons[~mask] = None
    if isinstance(counts, pd.Series):
        return pd.Series(reasons, index=counts.index, dtype=object)
    return pd.DataFrame(reasons, index=counts.index, columns=counts.columns, dtype=object)


def protect_line(counts: pd.Series, min_size: int, lower: pd.Series | None = None,
                 withheld: pd.Series | None = None) -> pd.DataFrame:
    """Hide figures of one line published with its total until none can be worked out.

    The line is what an attacker sees together: every shown figure, the total (assumed
    published), the marks and ``lower`` bounds that other published figures give (an
    activity's 4 organisations mean at least 4 people). What the marks tell:

    - ``<n`` (``SMALL``): 1 to ``min_size - 1``;
    - ``..`` (``SECONDARY``): ``min_size`` or more — except that a small figure whose own
      lower bound leaves it one possible value (4 organisations, so 4 people) is marked
      ``..`` too, since ``<5`` beside 4 organisations would say 4. A ``..`` figure with a
      bound of ``min_size - 1`` or more is thus only known to be at least its bound.

    Primary suppression hides 1 to ``min_size - 1``. Then, until nothing is recoverable,
    the smallest shown figure is hidden too (secondary suppression) while

    - the hidden figures add up to a small group (1 to ``min_size - 1``), or
    - a hidden figure's smallest and largest value consistent with everything published
      differ by less than one (the linear programme of one sum with box bounds, solved
      exactly: ``x_k`` lies in ``[max(l_k, S - sum of other upper bounds),
      min(u_k, S - sum of other lower bounds)]``).

    Parameters
    ----------
    counts
        True counts of people per group (index: the groups).
    min_size
        Smallest group that may be published.
    lower
        Published lower bounds per group (missing: 0).
    withheld
        Groups to hide whatever their size (``True``), because another published figure
        would give them away (a dashboard view compared with another, see
        :func:`workbook.dashboard.filters.withheld_people_figures`).

    Returns
    -------
    pandas.DataFrame
        Indexed like ``counts``: ``hidden`` (bool), ``reason`` (``SMALL``,
        ``SECONDARY`` or ``None``) and ``exposed``: hidden figures that the total and the
        bounds pin down whatever else is hidden (every figure equals its bound, as when
        each organisation sent one person). Hiding more people counts cannot protect
        them; only hiding the bounds or the total could.

    Examples
    --------
    The attack of four one-person organisations: ``<5`` beside 4 organisations says 4,
    and the total minus the shown figures gives the rest.

    >>> counts = pd.Series({"W1": 4, "W2": 6, "W3": 30, "W4": 43})
    >>> line = protect_line(counts, 5, lower=pd.Series({"W1": 4, "W2": 6, "W3": 9, "W4": 12}))
    >>> line["reason"].tolist()
    ['secondary', 'secondary', 'secondary', None]
    """
    index = list(counts.index)
    order = sorted(range(len(index)), key=lambda k: str(index[k]))
    values = counts.to_numpy(dtype=float)[order]
    bounds = np.zeros(len(values)) if lower is None else \
        lower.reindex(counts.index).fillna(0).to_numpy(dtype=float)[order]
    bounds = np.minimum(bounds, values)
    small = (values > 0) & (values < min_size)
    pinned_small = small & (np.maximum(bounds, 1) >= min_size - 1)
    marked_small = small & ~pinned_small
    hidden = small.copy()
    if withheld is not None:
        hidden |= withheld.reindex(counts.index).fillna(False).to_numpy(dtype=bool)[order]
    # What each mark tells an attacker (see above).
    mark_low = np.where(marked_small, np.maximum(bounds, 1),
                        np.where(bounds >= min_size - 1, bounds, np.maximum(bounds, min_size)))
    mark_high = np.where(marked_small, min_size - 1, np.inf)

    def ranges():
        k_hidden = np.flatnonzero(hidden)
        low, high = mark_low[k_hidden], mark_high[k_hidden]
        total = values[k_hidden].sum()
        infinite = np.isinf(high)
        finite_high = np.where(infinite, 0.0, high)
        rest_high = np.where(infinite.sum() - infinite > 0, np.inf, finite_high.sum() - finite_high)
        rest_low = low.sum() - low
        return k_hidden, np.maximum(low, total - rest_high), np.minimum(high, total - rest_low)

    while True:
        weak = 0 < values[hidden].sum() < min_size
        k_hidden, low, high = ranges()
        if not weak and not (high - low < 1).any():
            break
        visible = np.flatnonzero(~hidden & (values > 0))
        if not len(visible):
            break
        hidden[min(visible, key=lambda k: (values[k], str(index[order[k]])))] = True
    reasons = np.where(hidden & marked_small, SMALL, np.where(hidden, SECONDARY, None)).astype(object)
    reasons[~hidden] = None
    exposed = np.zeros(len(values), dtype=bool)
    k_hidden, low, high = ranges()
    exposed[k_hidden[high - low < 1]] = True
    back = np.argsort(order)
    return pd.DataFrame({"hidden": pd.Series(hidden[back], index=counts.index),
                         "reason": pd.Series(list(reasons[back]), index=counts.index, dtype=object),
                         "exposed": pd.Series(exposed[back], index=counts.index)})


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


def display_counts(values: pd.DataFrame, hidden: pd.DataFrame, min_size: int, lang: str,
                   reasons: pd.DataFrame | None = None) -> pd.DataFrame:
    """Counts as text for tables: whole numbers, and the mark of each hidden figure
    (``<n`` below the minimum, ``..`` hidden only to protect another; see :func:`mark`).

    ``reasons`` (from :func:`hidden_reasons`) tells the two apart; without it every hidden
    figure is marked ``..``.

    Examples
    --------
    >>> counts = pd.Series({"a": 10, "b": 2, "c": 7})
    >>> v, h = suppress_counts(counts, 5)
    >>> display_counts(v, h, 5, "en", hidden_reasons(counts.to_frame(), h, 5)).iloc[:, 0].tolist()
    ['10', '<5', '..']
    """
    shown = values.map(lambda v: "" if pd.isna(v) else f"{int(v)}")
    if reasons is None:
        reasons = hidden.map(lambda h: SECONDARY if h else None)
    marks = reasons.map(lambda r: mark(r, min_size, lang))
    return shown.mask(hidden.astype(bool), marks)


def suppression_note(min_size: int, lang: str) -> str:
    """The sentence every published table with hidden figures carries."""
    return tr(TEXTS, "note", lang, n=min_size)
