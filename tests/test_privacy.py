"""Disclosure control: no hidden figure can be recovered from what is published."""

import numpy as np
import pandas as pd
import pytest
from scipy.optimize import linprog

from workbook.privacy import display_counts, hidden_reasons, suppress_counts, suppress_small_groups


def recoverable_cells(table: np.ndarray, values: pd.DataFrame) -> list[tuple[int, int]]:
    """Oracle: hidden inner cells whose value an attacker can pin down from the published
    cells and margins (row, column and grand totals), by linear programming."""
    rows, cols = table.shape
    full = np.zeros((rows + 1, cols + 1))
    full[:rows, :cols] = table
    full[:rows, cols] = table.sum(1)
    full[rows, :cols] = table.sum(0)
    full[rows, cols] = table.sum()
    published = ~np.isnan(values.to_numpy())
    unknown = [(i, j) for i in range(rows + 1) for j in range(cols + 1) if not published[i, j]]
    index = {cell: k for k, cell in enumerate(unknown)}
    equations, targets = [], []
    lines = [[(i, j) for j in range(cols + 1)] for i in range(rows + 1)] + \
            [[(i, j) for i in range(rows + 1)] for j in range(cols + 1)]
    for line in lines:
        row, known = np.zeros(len(unknown)), 0.0
        for k, cell in enumerate(line):
            sign = -1.0 if k == len(line) - 1 else 1.0
            if cell in index:
                row[index[cell]] += sign
            else:
                known += sign * full[cell]
        if row.any():
            equations.append(row)
            targets.append(-known)
    exposed = []
    for cell, k in index.items():
        if cell[0] == rows or cell[1] == cols:
            continue
        c = np.zeros(len(unknown))
        c[k] = 1
        low = linprog(c, A_eq=equations, b_eq=targets, bounds=(0, None), method="highs")
        high = linprog(-c, A_eq=equations, b_eq=targets, bounds=(0, None), method="highs")
        if high.status == 0 and -high.fun - low.fun < 0.5:
            exposed.append(cell)
    return exposed


def test_small_counts_are_hidden_and_zeros_are_shown():
    values, hidden = suppress_counts(pd.Series({"Inari": 12, "Savukoski": 0, "Salla": 2, "Posio": 6}), 5)
    assert hidden.iloc[:, 0].to_dict() == {"Inari": False, "Savukoski": False, "Salla": True, "Posio": True}
    assert values.loc["Savukoski"].item() == 0


def test_a_single_hidden_cell_is_protected_from_the_total():
    values, hidden = suppress_counts(pd.Series({"a": 30, "b": 3, "c": 9, "d": 20}), 5, margins=True)
    assert hidden.iloc[:, 0].sum() >= 2 and not hidden.loc["total"].item()


def test_hidden_cells_never_add_up_to_a_small_group():
    values, hidden = suppress_counts(pd.Series({"a": 40, "b": 1, "c": 2}), 5, margins=True)
    hidden_sum = pd.Series({"a": 40, "b": 1, "c": 2})[hidden.iloc[:3, 0].to_numpy()].sum()
    assert hidden_sum >= 5


def test_the_known_counter_example_is_protected():
    table = np.array([[20, 2, 4], [1, 0, 0], [4, 1, 8]])
    values, _ = suppress_counts(pd.DataFrame(table), 5, margins=True)
    assert recoverable_cells(table, values) == []


def test_no_hidden_cell_is_recoverable_in_random_tables():
    rng = np.random.default_rng(7)
    for _ in range(60):
        shape = (rng.integers(2, 5), rng.integers(2, 5))
        table = rng.choice([0, 1, 2, 3, 4, 6, 9, 15, 30], size=shape)
        values, hidden = suppress_counts(pd.DataFrame(table), 5, margins=True)
        assert recoverable_cells(table, values) == [], table
        small = (table > 0) & (table < 5)
        assert hidden.to_numpy()[:-1, :-1][small].all()


def test_result_does_not_depend_on_row_order():
    counts = pd.DataFrame({"x": [10, 2, 8, 7], "y": [6, 7, 9, 3]}, index=["a", "b", "c", "d"])
    _, hidden = suppress_counts(counts, 5)
    _, hidden_reversed = suppress_counts(counts.iloc[::-1], 5)
    pd.testing.assert_frame_equal(hidden, hidden_reversed.iloc[::-1])


def test_means_of_small_groups_are_hidden_and_marked():
    means = suppress_small_groups(pd.Series({"company": 3.2, "financier": 4.5}), pd.Series({"company": 50, "financier": 3}), 5)
    assert means.isna().tolist() == [False, True]
    counts = pd.Series({"a": 10, "b": 2, "c": 7})
    values, hidden = suppress_counts(counts, 5)
    reasons = hidden_reasons(counts.to_frame(), hidden, 5)
    # 7 is hidden only to protect 2: it is marked "..", never "<5".
    assert display_counts(values, hidden, 5, "fi", reasons).iloc[:, 0].tolist() == ["10", "<5", ".."]
    assert display_counts(values, hidden, 5, "fi").iloc[:, 0].tolist() == ["10", "..", ".."]


@pytest.mark.parametrize("min_size", [3, 5, 10])
def test_primary_threshold_follows_the_projects_minimum(min_size):
    counts = pd.Series({"a": 100, "b": min_size - 1, "c": 1, "d": min_size, "e": 50})
    _, hidden = suppress_counts(counts, min_size)
    assert hidden.iloc[:, 0].to_dict() == {"a": False, "b": True, "c": True, "d": False, "e": False}


# --- one line with its total and lower bounds published elsewhere -----------------------

def line_ranges(counts: np.ndarray, reasons: list, lower: np.ndarray, min_size: int) -> dict[int, tuple[float, float]]:
    """Oracle: each hidden figure's smallest and largest value consistent with what an
    attacker sees, by linear programming: the shown figures, the total, the marks ("<n":
    1..n-1; "..": n or more, or at least its bound when that bound is n-1 or more, since a
    small figure pinned by its bound is marked "..") and the lower bounds."""
    hidden = [k for k, reason in enumerate(reasons) if isinstance(reason, str)]
    if not hidden:
        return {}
    total = counts[hidden].sum()
    bounds = []
    for k in hidden:
        if reasons[k] == "small":
            bounds.append((max(lower[k], 1), min_size - 1))
        elif lower[k] >= min_size - 1:
            bounds.append((lower[k], None))
        else:
            bounds.append((max(lower[k], min_size), None))
    result = {}
    for position, k in enumerate(hidden):
        c = np.zeros(len(hidden))
        c[position] = 1
        low = linprog(c, A_eq=[np.ones(len(hidden))], b_eq=[total], bounds=bounds, method="highs")
        high = linprog(-c, A_eq=[np.ones(len(hidden))], b_eq=[total], bounds=bounds, method="highs")
        assert low.status == 0, "what the attacker sees must be consistent"
        result[k] = (low.fun, -high.fun if high.status == 0 else np.inf)
    return result


def test_totals_differencing_and_the_organisations_bound_of_the_issue():
    # Four one-person organisations in W2 (4 people) and W5 (6 people from 6 organisations):
    # with "<5" beside 4 organisations, W2 is exactly 4; and with the total attendances (83)
    # published, 83 minus the shown participants (73) gives the hidden ones.
    from workbook.privacy import protect_line

    counts = pd.Series({"W1": 30, "W2": 4, "W3": 25, "W4": 18, "W5": 6})
    organisations = pd.Series({"W1": 20, "W2": 4, "W3": 15, "W4": 12, "W5": 6})
    line = protect_line(counts, 5, organisations)
    # W2 is not marked "<5" (beside 4 organisations it would say 4) ...
    assert line.loc["W2", "reason"] == "secondary"
    ranges = line_ranges(counts.to_numpy(float), line["reason"].tolist(), organisations.to_numpy(float), 5)
    # ... and no hidden figure can be pinned down from the total and the bounds.
    assert all(high - low >= 1 for low, high in ranges.values()), ranges
    assert counts[line["hidden"]].sum() >= 5


def test_protect_line_leaves_nothing_recoverable_in_random_lines():
    from workbook.privacy import protect_line

    rng = np.random.default_rng(11)
    for _ in range(300):
        size = int(rng.integers(2, 7))
        counts = rng.choice([0, 1, 2, 3, 4, 5, 6, 8, 12, 30], size=size).astype(float)
        lower = np.floor(counts * rng.choice([0, 0.5, 1.0], size=size))
        min_size = int(rng.choice([3, 5]))
        line = protect_line(pd.Series(counts, index=[f"g{k}" for k in range(size)]), min_size,
                            pd.Series(lower, index=[f"g{k}" for k in range(size)]))
        reasons = line["reason"].tolist()
        small = (counts > 0) & (counts < min_size)
        assert line["hidden"].to_numpy()[small].all()
        # "<n" is never written for a figure of n or more.
        assert all(counts[k] < min_size for k, r in enumerate(reasons) if r == "small")
        hidden_total = counts[line["hidden"].to_numpy()].sum()
        if hidden_total == counts.sum() and 0 < hidden_total < min_size:
            continue  # the total itself is small: it is hidden where it is published
        assert not 0 < hidden_total < min_size, (counts, reasons)
        ranges = line_ranges(counts, reasons, lower, min_size)
        pinned = {k for k, (low, high) in ranges.items() if high - low < 1}
        # Only where the bounds and the total pin everything down (each figure equals its
        # bound, all hidden) may a figure stay recoverable, and then it is flagged.
        assert pinned == set(np.flatnonzero(line["exposed"].to_numpy())), (counts, lower, reasons, ranges)
        if pinned:
            assert line["hidden"].to_numpy()[counts > 0].all()
