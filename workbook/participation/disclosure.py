"""Disclosure control of the participation summary, built on :mod:`workbook.privacy`.

Which figures are protected
    Figures about *people* — participants, attendances, respondents, and every share, mean
    or answer distribution of a group of respondents. Figures about *organisations* are
    not: organisations are public actors and the workbook lists their names anyway.

How
    A group of people is published only when it has at least ``min_size`` members. Counts
    per group go through :func:`workbook.privacy.suppress_counts` (primary and secondary
    suppression against the total); on top of that, :func:`hidden_groups` keeps hiding the
    smallest visible group until the hidden groups together hold at least ``min_size``
    people, so that "the two hidden groups are three people" cannot be read off the total
    either. A group whose count is hidden has all its other figures (shares, means, answer
    distributions) hidden too, so they cannot give the count back. Zero is shown: "nobody
    from Savukoski" reveals no one.

The rule is a threshold rule: a published group of five that all answered alike is
published as it is.
"""

from __future__ import annotations

import pandas as pd

from workbook.privacy import suppress_counts


def hidden_groups(sizes: pd.Series, min_size: int) -> pd.Series:
    """Which groups of people must be hidden, given how many people each holds.

    Parameters
    ----------
    sizes
        Number of people in each group (index: the groups). The total of all groups is
        assumed to be published.
    min_size
        Smallest group that may be published (``project.min_group_size``).

    Returns
    -------
    pandas.Series
        Boolean, indexed like ``sizes``: ``True`` where the group's figures are hidden.

    Examples
    --------
    >>> hidden_groups(pd.Series({"company": 40, "research": 8, "financier": 3}), 5).to_dict()
    {'company': False, 'research': True, 'financier': True}
    >>> hidden_groups(pd.Series({"company": 40, "financier": 1, "research": 2}), 5).to_dict()
    {'company': True, 'financier': True, 'research': True}
    """
    if sizes.empty:
        return pd.Series(False, index=sizes.index, dtype=bool)
    # Sorted by group, so that the same groups give the same answer in every table,
    # whatever order a caller lists them in.
    ordered = sizes.astype(float).sort_index(key=lambda index: index.map(str))
    hidden = suppress_counts(ordered, min_size)[1].iloc[:, 0].astype(bool)
    while 0 < ordered[hidden].sum() < min_size:
        visible = ordered[~hidden & (ordered > 0)]
        if visible.empty:
            break
        hidden[visible.sort_values(kind="stable").index[0]] = True
    return hidden.reindex(sizes.index)


def protect_counts(sizes: pd.Series, min_size: int) -> pd.Series:
    """Counts of people per group with hidden groups set to ``NaN`` (zeros stay).

    Examples
    --------
    >>> protect_counts(pd.Series({"W1": 12, "W2": 3, "W3": 0, "W4": 7}), 5).tolist()
    [12.0, nan, 0.0, nan]
    """
    return sizes.astype(float).mask(hidden_groups(sizes, min_size))


def total_is_hidden(total: float, min_size: int) -> bool:
    """Whether a total number of people is itself too small to publish.

    Examples
    --------
    >>> total_is_hidden(3, 5), total_is_hidden(0, 5), total_is_hidden(12, 5)
    (True, False, False)
    """
    return 0 < total < min_size
