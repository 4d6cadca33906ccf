"""Network figures and lists of names in Finnish or English; numbers come from :mod:`workbook.formats`."""

from __future__ import annotations

from typing import Sequence

from workbook.formats import number  # noqa: F401  (the one number format; imported from here by network)

# Decimals of each actor metric wherever it is shown (report, dashboard, notebook): the same
# betweenness reads 0,077 everywhere, never 0,08 in one place and 0,077 in another.
METRIC_DECIMALS = {"degree": 0, "weighted_degree": 0, "betweenness": 3, "eigenvector": 3, "closeness": 3,
                   "k_core": 0}

TEXTS = {
    "and": {"fi": "ja", "en": "and"},
    "more": {"fi": "ja {count} muuta", "en": "and {count} more"},
}


def name_list(names: Sequence[str], lang: str, limit: int | None = None) -> str:
    """Names joined as in a sentence, cut to ``limit`` with "and N more".

    Examples
    --------
    >>> name_list(["A", "B", "C"], "fi"), name_list(["A", "B", "C"], "en", limit=1)
    ('A, B ja C', 'A and 2 more')
    """
    from workbook.i18n import tr

    names = list(names)
    if limit is not None and len(names) > limit:
        return ", ".join(names[:limit]) + " " + tr(TEXTS, "more", lang, count=len(names) - limit)
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + f" {tr(TEXTS, 'and', lang)} " + names[-1]


def metric(value: float, column: str, lang: str) -> str:
    """An actor metric as text, with that metric's decimals (:data:`METRIC_DECIMALS`).

    Examples
    --------
    >>> metric(0.0771, "betweenness", "fi"), metric(0.0771, "betweenness", "en"), metric(12.0, "degree", "en")
    ('0,077', '0.077', '12')
    """
    return number(value, lang, METRIC_DECIMALS.get(column))
