"""Finnish/English texts: every text a stakeholder sees exists in both languages."""

from __future__ import annotations

from typing import Literal, Mapping

Lang = Literal["fi", "en"]
LANGUAGES: tuple[Lang, ...] = ("fi", "en")

Texts = Mapping[str, Mapping[str, str]]


def check_lang(lang: str) -> Lang:
    """Return ``lang`` if it is a supported language, else raise ``ValueError``.

    Examples
    --------
    >>> check_lang("fi")
    'fi'
    """
    if lang not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not {lang!r}")
    return lang  # type: ignore[return-value]


def tr(texts: Texts, key: str, lang: str, **values: object) -> str:
    """Look up ``key`` in a module's text table and fill in ``values``.

    Examples
    --------
    >>> TEXTS = {"hello": {"fi": "Hei {name}", "en": "Hello {name}"}}
    >>> tr(TEXTS, "hello", "en", name="Lapland")
    'Hello Lapland'
    """
    template = texts[key][check_lang(lang)]
    return template.format(**values) if values else template


def label(vocabulary: Mapping[str, Mapping[str, str]], code: object, lang: str) -> str:
    """The label of a vocabulary code in ``lang``; unknown codes are shown as they are.

    Examples
    --------
    >>> from workbook.vocab import ACTOR_TYPES
    >>> label(ACTOR_TYPES, "company", "fi")
    'Yritys'
    """
    entry = vocabulary.get(str(code))
    return entry[check_lang(lang)] if entry else str(code)


def missing_translations(texts: Texts) -> list[str]:
    """Keys of a text table that lack a Finnish or an English text (for tests).

    Examples
    --------
    >>> missing_translations({"a": {"fi": "A", "en": "A"}, "b": {"fi": "B"}})
    ['b']
    """
    return [key for key, entry in texts.items() if any(not entry.get(lg) for lg in LANGUAGES)]


def sub_region_names(municipalities, lang: str) -> dict[str, str]:
    """Each sub-region's name in ``lang``, by its Finnish name (the code the tables use).

    ``municipalities`` is the project's table (``sub_region``, ``sub_region_en``); English
    falls back to the Finnish name where no English one was given.

    Examples
    --------
    >>> import pandas as pd
    >>> table = pd.DataFrame({"municipality": ["Joensuu", "Kemi"], "sub_region": ["Joensuun seutukunta", "Kemi-Tornio"],
    ...                       "sub_region_en": ["Joensuu sub-region", None]})
    >>> sub_region_names(table, "en")
    {'Joensuun seutukunta': 'Joensuu sub-region', 'Kemi-Tornio': 'Kemi-Tornio'}
    """
    check_lang(lang)
    names = {}
    for finnish, english in zip(municipalities["sub_region"], municipalities.get("sub_region_en", municipalities["sub_region"])):
        if isinstance(finnish, str):
            names[finnish] = english if lang == "en" and isinstance(english, str) and english else finnish
    return names


def percent(share: float | None, lang: str, missing: str = "", decimals: int = 0) -> str:
    """A share 0–1 as a percentage (:func:`workbook.formats.percent`, kept here for old callers).

    Examples
    --------
    >>> percent(0.425, "fi"), percent(0.425, "en"), percent(float("nan"), "en", missing="–")
    ('42\xa0%', '42%', '–')
    """
    from workbook.formats import percent as _percent

    return _percent(share, check_lang(lang), decimals=decimals, missing=missing)
