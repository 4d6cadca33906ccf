"""Reading spreadsheet files safely into raw tables of cell values.

A raw table is a list of records (one dict per data row) plus the row number each record
had in the file as the user sees it (header = row 1). Nothing here interprets the values;
``workbook.parsing`` does. Files are only read, never written.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Iterable

from workbook.problems import Problem

MAX_XLSX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_XLSX_RATIO = 200
MAX_CSV_BYTES = 100 * 1024 * 1024
CANDIDATE_DELIMITERS = (",", ";", "\t")
# Non-ASCII characters a Finnish or Swedish text plausibly contains besides letters.
PLAUSIBLE_SYMBOLS = set("€–—’‘“”´`°§½¼¾±×·…\u00a0\u202f«»£¥©®™•")
# UTF-8 read as cp1252 and saved again ("Ã¤" for "ä"): a file that silently went wrong.
DOUBLE_ENCODED = re.compile("Ã[\u0080-\u00bf\u2018-\u203a\u0152-\u0178\u02c6\u02dc\u2122\u0161\u0153\u017e]")
XML_DECLARATIONS = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)


@dataclass
class RawTable:
    """Cell values of one table as read from a file."""

    file: str
    sheet: str | None
    columns: list[str]
    records: list[dict[str, Any]]
    rows: list[int]
    formula_cells: dict[tuple[int, str], str] = field(default_factory=dict)
    date_system: int | None = None
    overlong_rows: list[tuple[int, str]] = field(default_factory=list)


class ReadError(Exception):
    """A file could not be read at all; ``problem`` says why."""

    def __init__(self, problem: Problem):
        super().__init__(problem.message_en)
        self.problem = problem


def decode_text(data: bytes, file: str) -> str:
    """Decode a CSV file's bytes: UTF-8 (with or without BOM), UTF-16 with BOM, or cp1252.

    Anything else, or text that was already garbled by a wrong conversion, is refused
    rather than read as mojibake.

    Examples
    --------
    >>> decode_text("Kemijärvi".encode("cp1252"), "a.csv")
    'Kemijärvi'
    >>> decode_text("\\ufeffInari".encode("utf-8"), "a.csv")
    'Inari'
    """
    if data.startswith(b"\xef\xbb\xbf"):
        text = data[3:].decode("utf-8", errors="strict")
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _decode_cp1252(data, file)
    if DOUBLE_ENCODED.search(text):
        sample = DOUBLE_ENCODED.search(text).group(0)
        raise ReadError(Problem(
            "encoding", file,
            detail=f"the text holds '{sample}…', which is what 'ä' or 'ö' look like after a wrong "
                   "conversion (UTF-8 read as Windows-1252)",
        ))
    return text


def _decode_cp1252(data: bytes, file: str) -> str:
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise ReadError(Problem("encoding", file, detail=f"neither UTF-8 nor Windows-1252 ({_guess(data)})"))
    non_ascii = [ch for ch in text if ord(ch) > 127]
    implausible = [ch for ch in non_ascii if not ch.isalpha() and ch not in PLAUSIBLE_SYMBOLS]
    controls = [ch for ch in text if ord(ch) < 32 and ch not in "\t\r\n"]
    if controls or (non_ascii and len(implausible) > 0.2 * len(non_ascii)):
        raise ReadError(Problem(
            "encoding", file,
            detail=f"read as Windows-1252 it shows characters such as {''.join(sorted(set(implausible)))[:10]!r} "
                   f"({_guess(data)})",
        ))
    return text


def _guess(data: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:65536]).best()
    return f"it looks like {best.encoding}" if best else "no known encoding fits"


def _choose_delimiter(header_line: str, expected: Iterable[str] | None, file: str) -> str:
    expected_set = {c.casefold() for c in expected or ()}

    def score(delimiter: str) -> tuple[int, int]:
        cells = next(csv.reader([header_line], delimiter=delimiter), [])
        matches = sum(1 for c in cells if c.strip().casefold() in expected_set)
        return matches, len(cells)

    scores = {d: score(d) for d in CANDIDATE_DELIMITERS}
    best = max(CANDIDATE_DELIMITERS, key=lambda d: scores[d])
    if expected_set:
        if scores[best][0] == 0:
            raise ReadError(Problem(
                "delimiter", file,
                detail=f"the header row {header_line[:80]!r} contains none of the expected columns "
                       f"({', '.join(sorted(expected_set))[:120]}) when split at a comma, semicolon or tab",
            ))
    elif scores[best][1] < 2 and len(header_line) > 0:
        return ","
    return best


def read_csv(path: Path, display_name: str, expected_columns: Iterable[str] | None = None) -> RawTable:
    """Read a CSV export into a raw table of strings.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "actors.csv"
    >>> _ = p.write_bytes("actor_id;name\\nA1;Kemin Satama Oy\\n".encode("cp1252"))
    >>> t = read_csv(p, "actors.csv", ["actor_id", "name"])
    >>> t.columns, t.records, t.rows
    (['actor_id', 'name'], [{'actor_id': 'A1', 'name': 'Kemin Satama Oy'}], [2])
    """
    try:
        size = path.stat().st_size
        if size > MAX_CSV_BYTES:
            raise ReadError(Problem("unsafe_file", display_name, detail=f"{size} bytes is over the limit"))
        data = path.read_bytes()
    except OSError as exc:
        raise ReadError(Problem("unreadable", display_name, detail=exc.strerror or str(exc)))
    text = decode_text(data, display_name)
    lines = text.splitlines()
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        raise ReadError(Problem("empty_file", display_name))
    delimiter = _choose_delimiter(lines[first], expected_columns, display_name)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header: list[str] | None = None
    records: list[dict[str, Any]] = []
    rows: list[int] = []
    overlong: list[tuple[int, str]] = []
    for row_number, cells in enumerate(reader, start=1):
        if header is None:
            if not any(c.strip() for c in cells):
                continue
            header = [c.strip().lstrip("\ufeff") for c in cells]
            header_row = row_number
            continue
        if not any(c.strip() for c in cells):
            continue
        extra = [c for c in cells[len(header):] if c.strip()]
        if extra:
            overlong.append((row_number, extra[0]))
        records.append({col: (cells[i] if i < len(cells) else None) for i, col in enumerate(header) if col})
        rows.append(row_number)
    assert header is not None and header_row >= 1
    return RawTable(display_name, None, header, records, rows, overlong_rows=overlong)


def check_xlsx_safe(path: Path, display_name: str) -> None:
    """Refuse an .xlsx that is not a zip, inflates beyond the caps, or declares XML entities.

    This runs before any XML is parsed: a zip bomb is caught from the zip directory, an
    entity bomb from the raw bytes. (openpyxl itself also parses through defusedxml.)
    """
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            total = sum(m.file_size for m in members)
            if total > MAX_XLSX_UNCOMPRESSED:
                raise ReadError(Problem(
                    "unsafe_file", display_name,
                    detail=f"it would unpack to {total // (1024 * 1024)} MiB, over the "
                           f"{MAX_XLSX_UNCOMPRESSED // (1024 * 1024)} MiB limit (a possible zip bomb)",
                ))
            for member in members:
                if member.compress_size and member.file_size / member.compress_size > MAX_XLSX_RATIO \
                        and member.file_size > 10 * 1024 * 1024:
                    raise ReadError(Problem(
                        "unsafe_file", display_name,
                        detail=f"{member.filename} is compressed {member.file_size // member.compress_size}:1 "
                               "(a possible zip bomb)",
                    ))
                if member.filename.endswith((".xml", ".rels", ".vml")):
                    with archive.open(member) as handle:
                        if XML_DECLARATIONS.search(handle.read()):
                            raise ReadError(Problem(
                                "unsafe_file", display_name,
                                detail=f"{member.filename} declares XML entities or a DOCTYPE "
                                       "(a possible entity bomb); Excel never writes these",
                            ))
    except zipfile.BadZipFile:
        raise ReadError(Problem("unreadable", display_name, detail="it is not an Excel .xlsx file (not a zip archive)"))
    except OSError as exc:
        raise ReadError(Problem("unreadable", display_name, detail=exc.strerror or str(exc)))


def read_xlsx(path: Path, display_name: str) -> dict[str, RawTable]:
    """Read every sheet of an .xlsx into raw tables, keyed by lower-cased sheet name.

    Formula cells keep their cached value; a formula with no cached value is recorded in
    ``formula_cells`` so that validation reports it instead of reading an empty cell.
    """
    import openpyxl

    check_xlsx_safe(path, display_name)
    try:
        values_book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        formula_book = openpyxl.load_workbook(path, read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many kinds for damaged files
        raise ReadError(Problem("unreadable", display_name, detail=f"{type(exc).__name__}: {exc}"))
    date_system = 1904 if values_book.epoch.year == 1904 else 1900
    tables = {}
    try:
        for sheet_name in values_book.sheetnames:
            values_rows = values_book[sheet_name].iter_rows(values_only=True)
            formula_rows = formula_book[sheet_name].iter_rows(values_only=True)
            tables[sheet_name.strip().casefold()] = _sheet_table(
                display_name, sheet_name, values_rows, formula_rows, date_system)
    finally:
        values_book.close()
        formula_book.close()
    return tables


def _sheet_table(file: str, sheet: str, values_rows, formula_rows, date_system: int) -> RawTable:
    header: list[str] | None = None
    records, rows = [], []
    formulas: dict[tuple[int, str], str] = {}
    for row_number, (values, formula_values) in enumerate(zip(values_rows, formula_rows), start=1):
        if header is None:
            if values and any(v not in (None, "") for v in values):
                header = [str(v).strip() if v is not None else "" for v in values]
            continue
        if not values or all(v is None or (isinstance(v, str) and not v.strip()) for v in values) and \
                not any(isinstance(f, str) and f.startswith("=") for f in formula_values or ()):
            continue
        record = {}
        for i, column in enumerate(header):
            if not column:
                continue
            value = values[i] if i < len(values) else None
            formula = formula_values[i] if formula_values and i < len(formula_values) else None
            if value is None and formula is not None and not isinstance(formula, (int, float, datetime)):
                text = formula if isinstance(formula, str) else getattr(formula, "text", str(formula))
                if str(text).startswith("="):
                    formulas[(row_number, column)] = str(text)
            record[column] = value
        records.append(record)
        rows.append(row_number)
    return RawTable(file, sheet, header or [], records, rows, formulas, date_system)
