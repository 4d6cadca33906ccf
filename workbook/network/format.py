"""Lists of names in Finnish or English sentences; numbers come from :mod:`workbook.formats`."""

from __future__ import annotations

from typing import Sequence

from workbook.formats import number  # noqa: F401  (the one number format; imported from here by network)

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
