"""Turning cell values into typed values, the way Finnish tools and Excel write them.

Each parser returns the typed value, or raises ``CellError`` with the rule that failed.
Numbers: ``1 234,50`` (space, no-break or narrow no-break space as thousands separator,
decimal comma), ``1234.5``, ``1.234,50``. Dates: ``5.1.2024`` (day first), ``2024-01-05``,
or an Excel serial number in the 1900 or 1904 date system.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime, timedelta

import pandas as pd
from stdnum.exceptions import ValidationError
from stdnum.fi import ytunnus

SPACES = re.compile(r"[\s\u00a0\u202f\u2009']")
FINNISH_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?)?$")
ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?")
EXCEL_EPOCHS = {1900: datetime(1899, 12, 30), 1904: datetime(1904, 1, 1)}
# Serial numbers this size are dates between 1927 and 2119: anything else is not a date.
EXCEL_SERIAL_RANGE = (10_000, 80_000)
# Whole numbers beyond this are typing slips, and would not fit the 64-bit integer columns.
MAX_INTEGER = 10**15


MONTHS = {
    "fi": ("tammikuussa", "helmikuussa", "maaliskuussa", "huhtikuussa", "toukokuussa", "kesäkuussa",
           "heinäkuussa", "elokuussa", "syyskuussa", "lokakuussa", "marraskuussa", "joulukuussa"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"),
}


class CellError(ValueError):
    """A cell value could not be read as the column's type.

    ``detail`` / ``detail_fi`` say more where the rule alone would mislead (which date does
    not exist, and why).
    """

    def __init__(self, rule: str, detail: str = "", detail_fi: str = ""):
        super().__init__(rule)
        self.rule = rule
        self.detail = detail
        self.detail_fi = detail_fi or detail


def is_blank(value: object) -> bool:
    """Whether a cell is empty.

    Examples
    --------
    >>> is_blank("  "), is_blank(None), is_blank(0)
    (True, True, False)
    """
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


def parse_text(value: object) -> str:
    """Cell value as clean text; whole numbers from Excel lose their ``.0``.

    Examples
    --------
    >>> parse_text(1001.0), parse_text("  Inari\\u00a0 ")
    ('1001', 'Inari')
    """
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat()
    return str(value).replace("\u00a0", " ").strip()


def parse_number(value: object) -> float:
    """A number written the Finnish or the English way.

    Examples
    --------
    >>> parse_number("1 234,50"), parse_number("1\\u00a0234"), parse_number("1.234,5"), parse_number(7)
    (1234.5, 1234.0, 1234.5, 7.0)
    >>> parse_number("12 kpl")
    Traceback (most recent call last):
    ...
    workbook.parsing.CellError: not_a_number
    """
    if isinstance(value, bool):
        raise CellError("not_a_number")
    if isinstance(value, (int, float)):
        return float(value)
    text = SPACES.sub("", str(value)).replace("\u2212", "-").removesuffix("€")
    if "," in text and "." in text:
        if text.rfind(",") > text.rfind("."):
            text = text.replace(".", "").replace(",", ".")
        else:
            text = text.replace(",", "")
    elif "," in text:
        if text.count(",") > 1:
            raise CellError("not_a_number")
        text = text.replace(",", ".")
    try:
        number = float(text)
    except ValueError:
        raise CellError("not_a_number") from None
    if not math.isfinite(number):
        raise CellError("not_a_number")
    return number


def parse_integer(value: object) -> int:
    """A whole number.

    Examples
    --------
    >>> parse_integer("12"), parse_integer(3.0)
    (12, 3)
    >>> parse_integer("99999999999999999999999")
    Traceback (most recent call last):
    ...
    workbook.parsing.CellError: too_large
    """
    number = parse_number(value)
    if not number.is_integer():
        raise CellError("not_an_integer")
    if abs(number) > MAX_INTEGER:
        raise CellError("too_large")
    return int(number)


def parse_date(value: object, date_system: int = 1900) -> pd.Timestamp:
    """A date: ``5.1.2024``, ``2024-01-05``, a datetime from Excel, or an Excel serial number.

    Times of day are dropped: the data model records days.

    Examples
    --------
    >>> parse_date("5.1.2024"), parse_date("2024-01-05T10:00")
    (Timestamp('2024-01-05 00:00:00'), Timestamp('2024-01-05 00:00:00'))
    >>> parse_date(45296), parse_date(45296, date_system=1904)
    (Timestamp('2024-01-05 00:00:00'), Timestamp('2028-01-06 00:00:00'))
    """
    if isinstance(value, datetime):
        return pd.Timestamp(value.date())
    if isinstance(value, date):
        return pd.Timestamp(value)
    try:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return _from_serial(float(value), date_system)
        text = str(value).strip()
        match = FINNISH_DATE.match(text)
        if match:
            day, month, year = (int(g) for g in match.groups()[:3])
            return _calendar_date(year, month, day)
        match = ISO_DATE.match(text)
        if match and (len(text) == 10 or match.group(4)):
            year, month, day = (int(g) for g in match.groups()[:3])
            return _calendar_date(year, month, day)
        if re.fullmatch(r"\d{5}(\.\d+)?", text):
            return _from_serial(float(text), date_system)
    except CellError:
        raise
    except (ValueError, OverflowError):
        pass
    raise CellError("not_a_date")


def _calendar_date(year: int, month: int, day: int) -> pd.Timestamp:
    """The date, or ``CellError('no_such_date')`` saying why a well-written date does not exist.

    Examples
    --------
    >>> _calendar_date(2024, 2, 29)
    Timestamp('2024-02-29 00:00:00')
    >>> try:
    ...     _calendar_date(2024, 2, 31)
    ... except CellError as error:
    ...     print(error.rule, "|", error.detail, "|", error.detail_fi)
    no_such_date | February 2024 has 29 days | helmikuussa 2024 on 29 päivää
    """
    import calendar

    if not 1 <= month <= 12:
        raise CellError("no_such_date", f"there is no month {month}", f"kuukautta {month} ei ole")
    if not 1900 <= year <= 2200:
        raise CellError("no_such_date", f"the year {year} cannot be right", f"vuosi {year} ei voi olla oikein")
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        raise CellError("no_such_date", f"{MONTHS['en'][month - 1]} {year} has {days} days",
                        f"{MONTHS['fi'][month - 1]} {year} on {days} päivää")
    return pd.Timestamp(year=year, month=month, day=day)


def _from_serial(serial: float, date_system: int) -> pd.Timestamp:
    if not EXCEL_SERIAL_RANGE[0] <= serial <= EXCEL_SERIAL_RANGE[1]:
        raise ValueError("serial out of range")
    return pd.Timestamp((EXCEL_EPOCHS[date_system] + timedelta(days=int(serial))).date())


def parse_multi(value: object) -> tuple[str, ...]:
    """A ``;``-separated list; blanks and repeats dropped, order kept.

    Examples
    --------
    >>> parse_multi("FA1; FA2;;FA1")
    ('FA1', 'FA2')
    """
    if is_blank(value):
        return ()
    items = (parse_text(v) for v in str(parse_text(value)).split(";"))
    return tuple(dict.fromkeys(item for item in items if item))


def normalise_business_id(value: str) -> str:
    """A valid Y-tunnus in its standard ``NNNNNNN-C`` form; old 6-digit ids get their leading zero.

    Raises ``CellError('invalid_business_id')`` when the check digit does not match. A base
    whose remainder is 1 has no valid check digit at all, so it is always refused.

    Examples
    --------
    >>> normalise_business_id("0245437-2"), normalise_business_id("245437-2")
    ('0245437-2', '0245437-2')
    >>> normalise_business_id("1000008-0")
    Traceback (most recent call last):
    ...
    workbook.parsing.CellError: invalid_business_id
    """
    compact = re.sub(r"[\s-]", "", value)
    if re.fullmatch(r"\d{7}", compact):
        compact = "0" + compact
    try:
        return ytunnus.format(ytunnus.validate(compact))
    except ValidationError:
        raise CellError("invalid_business_id") from None
