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
