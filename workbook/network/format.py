"""Numbers and lists in Finnish or English sentences."""

from __future__ import annotations

import math
from typing import Sequence

TEXTS = {
    "and": {"fi": "ja", "en": "and"},
    "more": {"fi": "ja {count} muuta", "en": "and {count} more"},
}


def number(value: float, lang: str, decimals: int = 0) -> str:
    """A number as written in ``lang``: thin-space thousands, decimal comma in Finnish.

    Examples
    --------
    >>> number(12345.678, "fi", 1) == "12\u00a0345,7", number(12345.678, "en", 1), number(float("nan"), "en")
    (True, '12,345.7', '–')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    text = f"{value:,.{decimals}f}"
    if lang == "fi":
        return text.replace(",", "\u00a0").replace(".", ",")
    return text


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
