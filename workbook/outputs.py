"""Writing deliverables safely: atomically, and with spreadsheet text kept inert.

A consultant's output folder is never left half-written: files are written to a temporary
name beside their target and moved into place; a whole folder is built beside the target
and swapped in. Text from spreadsheets is untrusted: a cell that starts with ``=``, ``+``,
``-``, ``@``, a tab or a line break would become a live formula in Excel or LibreOffice, so
it is stored in .xlsx as a string cell exactly as typed (never a formula), and written to CSV
with a leading apostrophe (the OWASP advice); CSV fields holding a separator are quoted.
"""

from __future__ import annotations

import contextlib
import datetime
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Mapping

import pandas as pd

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")


class ExportError(RuntimeError):
    """An export could not be made for a reason the user can fix; the message says how."""


def inert_text(value: str) -> str:
    """Text that no spreadsheet will evaluate: a leading ``'`` before formula triggers.

    Examples
    --------
    >>> inert_text('=HYPERLINK("http://x","y")')
    '\\'=HYPERLINK("http://x","y")'
    >>> inert_text("Kemi")
    'Kemi'
    """
    return "'" + value if value.startswith(FORMULA_TRIGGERS) else value


def write_bytes_atomic(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never half."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp creates 0600; outputs are for sharing
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    return path


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def write_text_atomic(path: Path, text: str) -> Path:
    """Write UTF-8 text atomically (see :func:`write_bytes_atomic`)."""
    return write_bytes_atomic(path, text.encode("utf-8"))


STAGING_MARK = "workbook-staging"  # hidden siblings .NAME.workbook-staging-PID-xxxx are being built
OLD_MARK = "workbook-old"  # and .NAME.workbook-old-PID is the folder being swapped out


def remove_stale_staging(target: Path) -> list[Path]:
    """Remove the hidden staging folders a killed run left beside ``target``; return them.

    Only folders named as :func:`atomic_directory` names its own, and whose process is no
    longer running, are removed: a run still going on keeps its folder.
    """
    target = Path(target)
    removed = []
    for mark in (STAGING_MARK, OLD_MARK):
        for path in target.parent.glob(f".{glob_escape(target.name)}.{mark}-*"):
            pid = path.name[len(f".{target.name}.{mark}-"):].split("-", 1)[0]
            if path.is_dir() and not path.is_symlink() and pid.isdigit() and not _running(int(pid)):
                shutil.rmtree(path, ignore_errors=True)
                removed.append(path)
    return removed


def glob_escape(name: str) -> str:
    """``name`` with glob's special characters taken literally.

    Examples
    --------
    >>> glob_escape("pack[1]*")
    'pack[[]1[]][*]'
    """
    return "".join(f"[{c}]" if c in "[]*?" else c for c in name)


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, but belongs to someone else
    return True


@contextlib.contextmanager
def atomic_directory(target: Path) -> Iterator[Path]:
    """Build a folder's contents in a temporary sibling, then swap it into ``target``.

    If the block raises, ``target`` is left exactly as it was.
    """
    target = Path(target).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_staging(target)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.{STAGING_MARK}-{os.getpid()}-", dir=target.parent))
    os.chmod(staging, 0o777 & ~_umask())
    try:
        yield staging
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    previous = None
    if target.exists():
        previous = target.with_name(f".{target.name}.{OLD_MARK}-{os.getpid()}")
        os.replace(target, previous)
    os.replace(staging, target)
    if previous is not None:
        shutil.rmtree(previous, ignore_errors=True)


def _cell_value(value: object) -> object:
    """A table value as a CSV cell: lists joined with ``;``, text made inert."""
    if value is None or (not isinstance(value, (str, tuple, list)) and pd.isna(value)):
        return None
    if isinstance(value, (tuple, list)):
        value = ";".join(map(str, value))
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if isinstance(value, str):
        return inert_text(str(value))
    if hasattr(value, "item"):
        return value.item()
    return value


@dataclass(frozen=True)
class Sheet:
    """A table for :func:`xlsx_bytes` with Excel number formats by column and an optional note.

    ``formats`` maps a column to an Excel number format (``workbook.formats.EXCEL_MONEY`` …)
    for the numbers in it; ``note`` is written two rows below the table.
    """

    frame: pd.DataFrame
    formats: Mapping[str, str] = field(default_factory=dict)
    note: str | None = None


def _typed_cell(value: object, lang: str) -> tuple[object, str | None]:
    """A table value as an Excel cell value and its number format (``None``: General).

    Figures from :mod:`workbook.formats` go in as the numbers, shares and dates they show;
    text stays exactly as typed (it is stored as a string, never read as a formula).
    """
    from workbook.formats import EXCEL_DATE, Formatted

    if isinstance(value, Formatted):
        stored = value.value.to_pydatetime() if isinstance(value.value, pd.Timestamp) else value.value
        return stored, value.excel_format
    if value is None or (not isinstance(value, (str, tuple, list)) and pd.isna(value)):
        return None, None
    if isinstance(value, (tuple, list)):
        return "; ".join(map(str, value)), None
    if isinstance(value, str):
        return str(value), None
    if isinstance(value, (pd.Timestamp, datetime.date)):
        stored = value.to_pydatetime() if isinstance(value, pd.Timestamp) else value
        return stored, EXCEL_DATE.get(lang, EXCEL_DATE["fi"])
    if hasattr(value, "item"):
        value = value.item()
    return value, None


def _shown_width(value: object, excel_format: str | None) -> int:
    if value is None:
        return 0
    if isinstance(value, (datetime.date, datetime.datetime)):
        return 11
    if isinstance(value, float) and excel_format is None:
        return len(f"{value:.6g}")
    if isinstance(value, (int, float)):
        return len(f"{value:,.0f}") + (3 if excel_format and "%" in excel_format else 2)
    return max((len(line) for line in str(value).splitlines()), default=0)


def xlsx_bytes(sheets: Mapping[str, "pd.DataFrame | Sheet"], lang: str = "fi") -> bytes:
    """An .xlsx with one sheet per table that a spreadsheet user can add up.

    Numbers, shares and dates are stored as numbers and dates with number formats (values
    made by :mod:`workbook.formats` keep theirs; ``Sheet.formats`` sets a column's); text is
    stored as a string cell exactly as typed, so text starting with ``=`` shows as that text
    and never runs as a formula. Each sheet has a bold, frozen header row, an autofilter and
    column widths that fit its contents. Sheet names are cut to Excel's 31 characters; the
    file carries fixed metadata times, so the same tables give the same bytes.
    """
    import io

    from openpyxl import Workbook
    from openpyxl.cell.cell import TYPE_STRING
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.active)
    bold = Font(bold=True)
    for name, table in sheets.items():
        spec = table if isinstance(table, Sheet) else Sheet(table)
        frame = spec.frame
        sheet = book.create_sheet(title=str(name)[:31])
        widths = [len(str(column)) for column in frame.columns]
        for column_index, column in enumerate(frame.columns, start=1):
            _put(sheet.cell(row=1, column=column_index), str(column), None, TYPE_STRING).font = bold
        column_formats = [spec.formats.get(column) for column in frame.columns]
        for row_index, row in enumerate(frame.itertuples(index=False), start=2):
            for column_index, raw in enumerate(row, start=1):
                value, excel_format = _typed_cell(raw, lang)
                if value is None:
                    continue
                if isinstance(value, (int, float)) and not isinstance(value, bool) and column_formats[column_index - 1]:
                    excel_format = column_formats[column_index - 1]
                _put(sheet.cell(row=row_index, column=column_index), value, excel_format, TYPE_STRING)
                if row_index < 202:
                    widths[column_index - 1] = max(widths[column_index - 1], _shown_width(value, excel_format))
        for index, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = min(max(width + 2, 8), 60)
        sheet.freeze_panes = "A2"
        if len(frame.columns):
            sheet.auto_filter.ref = f"A1:{get_column_letter(len(frame.columns))}{max(len(frame) + 1, 2)}"
        if spec.note:
            note = _put(sheet.cell(row=len(frame) + 3, column=1), spec.note, None, TYPE_STRING)
            note.alignment = Alignment(wrap_text=False)
    fixed = datetime.datetime(2000, 1, 1)
    book.properties.created = fixed
    book.properties.modified = fixed
    buffer = io.BytesIO()
    book.save(buffer)
    return _normalise_zip(buffer.getvalue())


def _put(cell, value: object, excel_format: str | None, string_type: str):
    """Store one value; text is a string cell, whatever it starts with (never a formula)."""
    cell.value = value
    if isinstance(value, str):
        cell.data_type = string_type
        if value.startswith(FORMULA_TRIGGERS):
            # What Excel itself stores for text typed after an apostrophe: shown without the
            # apostrophe, and still text when the user edits the cell.
            cell.quotePrefix = True
    elif excel_format:
        cell.number_format = excel_format
    return cell


def _normalise_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed entry times, so identical content gives identical bytes."""
    import io
    import re
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                # Only the time changes: the element keeps its namespace declarations.
                content = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                                 rb"\g<1>2000-01-01T00:00:00Z\g<2>", content)
            entry = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, content)
    return out.getvalue()


def write_xlsx(path: Path, sheets: Mapping[str, "pd.DataFrame | Sheet"], lang: str = "fi") -> Path:
    """Write tables to an .xlsx atomically, formula-safe (see :func:`xlsx_bytes`)."""
    return write_bytes_atomic(path, xlsx_bytes(sheets, lang))


# A field holding one of these is quoted: the comma and the line breaks of CSV itself, and
# the semicolon and tab that a Finnish-locale Excel splits on.
CSV_QUOTE_WHEN = (",", ";", "\t", "\r", "\n", '"')


def _csv_field(value: object) -> str:
    if value is None or (not isinstance(value, (str, tuple, list)) and pd.isna(value)):
        return ""
    if isinstance(value, pd.Timestamp):
        value = value.date().isoformat() if value == value.normalize() else value.isoformat(sep=" ")
    elif isinstance(value, (str, tuple, list)):
        # A Finnish-locale Excel splits on ";" even inside quotes that do not open the line's
        # field, so a formula trigger right after a ";" is made inert like one at the start.
        value = ";".join(inert_text(part) for part in str(_cell_value(value)).split(";"))
    elif hasattr(value, "item"):
        value = value.item()
    text = value if isinstance(value, str) else (repr(value) if isinstance(value, float) else str(value))
    if any(mark in text for mark in CSV_QUOTE_WHEN) or text != text.strip():
        return '"' + text.replace('"', '""') + '"'
    return text


def csv_text(frame: pd.DataFrame, delimiter: str = ",") -> str:
    """CSV text of a table: text cells made inert (see :func:`inert_text`), also after each
    ``;`` inside them, and quoted when they hold a comma, a semicolon, a tab, a quote or a
    line break, so that no field splits and no piece becomes a formula whichever separator
    the reader's Excel uses. ``delimiter`` is ``,`` or one of those it quotes (``;``, tab).

    Examples
    --------
    >>> print(csv_text(pd.DataFrame({"title": ["=1+1", "ok", "Oy;=1+1"], "n": [1.5, 2.0, None]})), end="")
    title,n
    '=1+1,1.5
    ok,2.0
    "Oy;'=1+1",
    """
    lines = [delimiter.join(_csv_field(str(column)) for column in frame.columns)]
    lines += [delimiter.join(_csv_field(value) for value in row) for row in frame.itertuples(index=False)]
    return "\n".join(lines) + "\n"
