"""One way to write numbers, percentages, money and dates per language, for every output.

Reports, spreadsheets, one-pagers, dashboards and notebooks all call these functions, so a
figure reads the same wherever it appears (a betweenness of 0.0771 is ``0,077`` in every
Finnish output, never ``0.08`` in one and ``0,077`` in another). The rules come from the
Unicode CLDR through Babel: Finnish writes ``1 234,5``, ``42 %``, ``2 530 000 €`` and
``6.2.2024`` (no-break spaces, so a number never parts from its sign); English writes
``1,234.5``, ``42%``, ``€2,530,000`` and ``6 Feb 2024``.

Every function returns a :class:`Formatted` text: a ``str`` that remembers the value it
shows and the Excel number format that shows it the same way, so the .xlsx writer
(:func:`workbook.outputs.xlsx_bytes`) stores a number, a share or a date as such rather
than as text, while HTML and CSV get the text.
"""

from __future__ import annotations

import datetime as _dt
from functools import lru_cache

import pandas as pd
from babel import Locale
from babel.dates import format_date as _babel_date
from babel.numbers import NumberPattern, parse_pattern

LOCALES = {"fi": "fi_FI", "en": "en_GB"}
# Excel number formats: the separators are Excel's own codes (shown in the reader's locale).
EXCEL_DATE = {"fi": "d.m.yyyy", "en": "d mmm yyyy"}
EXCEL_MONEY = '#,##0 "€"'


class Formatted(str):
    """Text of a formatted figure that remembers its ``value`` and its Excel ``excel_format``.

    Examples
    --------
    >>> share = percent(0.5714285714, "en")
    >>> share, share.value, share.excel_format
    ('57%', 0.5714285714, '0%')
    """

    value: object
    excel_format: str

    def __new__(cls, text: str, value: object, excel_format: str) -> "Formatted":
        made = super().__new__(cls, text)
        made.value = value
        made.excel_format = excel_format
        return made

    def __reduce__(self):
        return (Formatted, (str(self), self.value, self.excel_format))


def _lang(lang: str) -> str:
    if lang not in LOCALES:
        raise ValueError(f"language must be one of {', '.join(LOCALES)}, not {lang!r}")
    return lang


@lru_cache(maxsize=None)
def _locale(lang: str) -> Locale:
    return Locale.parse(LOCALES[_lang(lang)])


@lru_cache(maxsize=None)
def _pattern(lang: str, kind: str, decimals: int) -> NumberPattern:
    """The locale's own pattern for ``kind`` with the wanted number of decimals."""
    locale = _locale(lang)
    base = {"number": "#,##0", "percent": locale.percent_formats[None].pattern,
            "money": locale.currency_formats["standard"].pattern}[kind]
    base = base.split(";")[0].replace("#,##0.00", "#,##0")
    return parse_pattern(base.replace("#,##0", "#,##0." + "0" * decimals if decimals else "#,##0", 1))


def _missing(value: object) -> bool:
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _excel_number(decimals: int) -> str:
    return "#,##0" + ("." + "0" * decimals if decimals else "")


def number(value: float | None, lang: str, decimals: int | None = None, *, max_decimals: int = 2,
           missing: str = "–") -> str:
    """A number as written in ``lang``.

    ``decimals`` fixes the number of decimals (``0,600``); without it a number has at most
    ``max_decimals`` decimals and none when it is whole (``2``, ``0,5``). A missing value
    gives ``missing``.

    Examples
    --------
    >>> number(12345.678, "fi", 1) == "12\\u00a0345,7", number(12345.678, "en", 1), number(None, "en")
    (True, '12,345.7', '–')
    >>> number(0.0771, "fi", 3), number(2.0, "en"), number(0.675, "en"), number(1.5, "fi").excel_format
    ('0,077', '2', '0.68', '#,##0.0')
    """
    if _missing(value):
        return missing
    value = float(value)
    places = decimals
    if decimals is None:
        # As many decimals as the rounded number needs: 1.5 → 1, 0.675 → 2 (0.68), 2.0 → 0.
        shown = f"{round(value, max_decimals):.{max_decimals}f}".rstrip("0")
        places = len(shown.split(".")[1]) if "." in shown else 0
    text = _pattern(lang, "number", places).apply(value, _locale(lang))
    return Formatted(text, value, _excel_number(places))


def percent(share: float | None, lang: str, decimals: int = 0, missing: str = "") -> str:
    """A share 0–1 as a percentage; Finnish keeps a no-break space before ``%``.

    Examples
    --------
    >>> percent(0.425, "fi"), percent(0.425, "en"), percent(float("nan"), "en", missing="–")
    ('42\\xa0%', '42%', '–')
    >>> percent(0.4256, "fi", 1)
    '42,6\\xa0%'
    """
    if _missing(share):
        return missing
    text = _pattern(lang, "percent", decimals).apply(float(share), _locale(lang))
    return Formatted(text, float(share), "0" + ("." + "0" * decimals if decimals else "") + "%")


def money(amount: float | None, lang: str, missing: str = "–") -> str:
    """An amount of euros, in whole euros.

    Examples
    --------
    >>> money(2530000, "fi") == "2\\u00a0530\\u00a0000\\u00a0€", money(2530000, "en"), money(None, "en")
    (True, '€2,530,000', '–')
    """
    if _missing(amount):
        return missing
    text = _pattern(lang, "money", 0).apply(round(float(amount)), _locale(lang), currency="EUR",
                                                          currency_digits=False)
    return Formatted(text, float(amount), EXCEL_MONEY)


def date(day: object, lang: str, missing: str = "") -> str:
    """A date written the Finnish (``6.2.2024``) or the English (``6 Feb 2024``) way.

    Examples
    --------
    >>> date(pd.Timestamp("2024-02-06"), "fi"), date(pd.Timestamp("2024-02-06"), "en"), date(pd.NaT, "en")
    ('6.2.2024', '6 Feb 2024', '')
    """
    if _missing(day):
        return missing
    when = pd.Timestamp(day)
    text = _babel_date(when.date(), "medium", locale=_locale(lang))
    return Formatted(text, when.to_pydatetime(), EXCEL_DATE[lang])


def month(day: object, lang: str, missing: str = "") -> str:
    """A month and year (``2/2024`` in Finnish, ``Feb 2024`` in English).

    Examples
    --------
    >>> month(pd.Timestamp("2024-02-06"), "fi"), month(pd.Timestamp("2024-02-06"), "en")
    ('2/2024', 'Feb 2024')
    """
    if _missing(day):
        return missing
    when = pd.Timestamp(day)
    pattern = "M/yyyy" if _lang(lang) == "fi" else "MMM yyyy"
    return Formatted(_babel_date(when.date(), pattern, locale=_locale(lang)), when.to_pydatetime(),
                     "m/yyyy" if lang == "fi" else "mmm yyyy")


def plotly_separators(lang: str) -> str:
    """Plotly's ``layout.separators`` for ``lang``: its decimal mark, then its thousands mark.

    Examples
    --------
    >>> plotly_separators("fi"), plotly_separators("en")
    (',\xa0', '.,')
    """
    symbols = _locale(lang).number_symbols["latn"]
    return symbols["decimal"] + symbols["group"]


def is_date(value: object) -> bool:
    """Whether ``value`` is a date or a time stamp (not a missing one)."""
    return isinstance(value, (_dt.date, pd.Timestamp)) and not _missing(value)


def is_number(value: object) -> bool:
    """Whether ``value`` is a real number worth formatting (not a bool, not missing).

    Examples
    --------
    >>> is_number(3), is_number(True), is_number(float("nan")), is_number("3")
    (True, False, False, False)
    """
    if hasattr(value, "item") and not isinstance(value, (str, pd.Timestamp)):
        value = value.item()
    return isinstance(value, (int, float)) and not isinstance(value, bool) and not _missing(value)
