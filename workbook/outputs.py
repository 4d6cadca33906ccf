"""Writing deliverables safely: atomically, and with spreadsheet text kept inert.

A consultant's output folder is never left half-written: files are written to a temporary
name beside their target and moved into place; a whole folder is built beside the target
and swapped in. Text from spreadsheets is untrusted: a cell that starts with ``=``, ``+``,
``-``, ``@``, a tab or a line break would become a live formula in Excel or LibreOffice, so
it is written with a leading apostrophe and stored as a string (the OWASP advice).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
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


@contextlib.contextmanager
def atomic_directory(target: Path) -> Iterator[Path]:
    """Build a folder's contents in a temporary sibling, then swap it into ``target``.

    If the block raises, ``target`` is left exactly as it was.
    """
    target = Path(target).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    os.chmod(staging, 0o777 & ~_umask())
    try:
        yield staging
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    previous = None
    if target.exists():
        previous = target.with_name(f".{target.name}.old-{os.getpid()}")
        os.replace(target, previous)
    os.replace(staging, target)
    if previous is not None:
        shutil.rmtree(previous, ignore_errors=True)


def _cell_value(value: object) -> object:
    if value is None or (not isinstance(value, (str, tuple, list)) and pd.isna(value)):
        return None
    if isinstance(value, (tuple, list)):
        value = ";".join(map(str, value))
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if isinstance(value, str):
        return inert_text(value)
    if hasattr(value, "item"):
        return value.item()
    return value


def xlsx_bytes(sheets: Mapping[str, pd.DataFrame]) -> bytes:
    """An .xlsx with one sheet per frame; text cells are stored as inert strings.

    Sheet names are cut to Excel's 31 characters. Dates get the Finnish ``d.m.yyyy`` format.
    The file carries fixed metadata times, so the same tables give the same bytes.
    """
    import io
    import zipfile
    from datetime import datetime

    from openpyxl import Workbook
    from openpyxl.cell.cell import TYPE_STRING
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.active)
    for name, frame in sheets.items():
        sheet = book.create_sheet(title=str(name)[:31])
        sheet.append([inert_text(str(c)) for c in frame.columns])
        for row in frame.itertuples(index=False):
            sheet.append([_cell_value(v) for v in row])
        for row in sheet.iter_rows(min_row=1):
            for cell in row:
                if isinstance(cell.value, str):
                    cell.data_type = TYPE_STRING
                elif isinstance(cell.value, datetime):
                    cell.number_format = "d.m.yyyy"
        for index, column in enumerate(frame.columns, start=1):
            width = max([len(str(column))] + [len(str(v)) for v in frame[column].head(200)]) + 2
            sheet.column_dimensions[get_column_letter(index)].width = min(max(width, 8), 60)
        sheet.freeze_panes = "A2"
    fixed = datetime(2000, 1, 1)
    book.properties.created = fixed
    book.properties.modified = fixed
    buffer = io.BytesIO()
    book.save(buffer)
    return _normalise_zip(buffer.getvalue())


def _normalise_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed entry times, so identical content gives identical bytes."""
    import io
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                import re

                # Only the date is replaced: the element keeps the namespaces openpyxl declared
                # on it (it does so when lxml is installed; without them the file is not XML).
                content = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                                 rb"\g<1>2000-01-01T00:00:00Z\g<2>", content)
            entry = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, content)
    return out.getvalue()


def write_xlsx(path: Path, sheets: Mapping[str, pd.DataFrame]) -> Path:
    """Write tables to an .xlsx atomically, formula-safe (see :func:`xlsx_bytes`)."""
    return write_bytes_atomic(path, xlsx_bytes(sheets))


def csv_text(frame: pd.DataFrame) -> str:
    """CSV text of a table with every text cell made inert (see :func:`inert_text`).

    Examples
    --------
    >>> print(csv_text(pd.DataFrame({"title": ["=1+1", "ok"]})), end="")
    title
    '=1+1
    ok
    """
    safe = frame.copy()
    for column in safe.columns:
        if safe[column].dtype == object or str(safe[column].dtype) in ("str", "string"):
            safe[column] = safe[column].map(lambda v: _cell_value(v) if isinstance(v, (str, tuple, list)) else v)
    return safe.to_csv(index=False, lineterminator="\n")
