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

    Figures published beside the counts bound them: an activity with 4 organisations had
    at least 4 people. :func:`protect` takes such lower bounds and hides more until no
    hidden count can be pinned down (:func:`workbook.privacy.protect_line`); a small count
    pinned by its own bound (4 organisations, 4 people) is marked ``..``, not ``<5``.

Marks
    A count below the minimum is marked ``<n``; one hidden only to protect another is
    marked ``..`` (the ``reason`` of :func:`protect`), so no mark ever understates a figure.

The rule is a threshold rule: a published group of five that all answered alike is
published as it is.
"""

from __future__ import annotations

import pandas as pd

from workbook.privacy import protect_line


def protect(sizes: pd.Series, min_size: int, lower: pd.Series | None = None,
            withheld: pd.Series | None = None) -> pd.DataFrame:
    """Counts of people per group, protected, with why each hidden one is hidden.

    Parameters
    ----------
    sizes
        Number of people in each group (index: the groups). The total of all groups is
        assumed to be published.
    min_size
        Smallest group that may be published (``project.min_group_size``).
    lower
        Lower bounds of the counts published elsewhere (organisations of each group).
    withheld
        Groups to hide whatever their size (``True``): another view would give them away.

    Returns
    -------
    pandas.DataFrame
        Indexed like ``sizes``: ``value`` (``NaN`` where hidden, zeros stay), ``hidden`` and
        ``reason`` (:data:`workbook.privacy.SMALL`, :data:`~workbook.privacy.SECONDARY` or
        ``None``).

    Examples
    --------
    >>> table = protect(pd.Series({"once": 15, "twice": 3, "more": 0}), 5)
    >>> table["value"].tolist(), table["reason"].tolist()
    ([nan, nan, 0.0], ['secondary', 'small', None])
    """
    if sizes.empty:
        return pd.DataFrame({"value": pd.Series(dtype=float), "hidden": pd.Series(dtype=bool),
                             "reason": pd.Series(dtype=object)},
                            index=sizes.index)
    line = protect_line(sizes.astype(float), min_size, lower, withheld)
    line.insert(0, "value", sizes.astype(float).mask(line["hidden"]))
    return line


def hidden_groups(sizes: pd.Series, min_size: int, lower: pd.Series | None = None,
                  withheld: pd.Series | None = None) -> pd.Series:
    """Which groups of people must be hidden, given how many people each holds.

    Parameters
    ----------
    sizes
        Number of people in each group (index: the groups). The total of all groups is
        assumed to be published.
    min_size
        Smallest group that may be published (``project.min_group_size``).
    lower
        Lower bounds of the counts published elsewhere (see :func:`protect`).
    withheld
        Groups to hide whatever their size (see :func:`protect`).

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
    return protect(sizes, min_size, lower, withheld)["hidden"].astype(bool)


def protect_counts(sizes: pd.Series, min_size: int) -> pd.Series:
    """Counts of people per group with hidden groups set to ``NaN`` (zeros stay).

    Examples
    --------
    >>> protect_counts(pd.Series({"W1": 12, "W2": 3, "W3": 0, "W4": 7}), 5).tolist()
    [12.0, nan, 0.0, nan]
    """
    return protect(sizes, min_size)["value"]


def total_is_hidden(total: float, min_size: int) -> bool:
    """Whether a total number of people is itself too small to publish.

    Examples
    --------
    >>> total_is_hidden(3, 5), total_is_hidden(0, 5), total_is_hidden(12, 5)
    (True, False, False)
    """
    return 0 < total < min_size
