"""Reading spreadsheet files safely into raw tables of cell values.

A raw table is a list of records (one dict per data row) plus the row number each record
had in the file as the user sees it (header = row 1). Nothing here interprets the values;
``workbook.parsing`` does. Files are only read, never written.
"""

from __future__ import annotations

import csv
import io
import os
import re
import stat
import zipfile
import zlib
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Iterable

from workbook.problems import Problem

MAX_XLSX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_XLSX_RATIO = 200
MAX_CSV_BYTES = 100 * 1024 * 1024
MAX_XLSX_FILE_BYTES = 100 * 1024 * 1024
CANDIDATE_DELIMITERS = (",", ";", "\t")
# Non-ASCII characters a Finnish or Swedish text plausibly contains besides letters.
PLAUSIBLE_SYMBOLS = set("€–—’‘“”´`°§½¼¾±×·…\u00a0\u202f«»£¥©®™•")
# UTF-8 read as cp1252 and saved again ("Ã¤" for "ä"): a file that silently went wrong.
DOUBLE_ENCODED = re.compile("Ã[\u0080-\u00bf\u2018-\u203a\u0152-\u0178\u02c6\u02dc\u2122\u0161\u0153\u017e]")
XML_DECLARATIONS = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)
# Characters the XML inside .xlsx, GEXF and GraphML cannot hold (tab, CR and LF can),
# plus the C1 controls and the two non-characters: none belongs in typed text.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
# Of those, the ones that act as white space in other programs (vertical tab, form feed,
# the information separators, next line): read as a plain space, with a warning.
SPACE_LIKE_CONTROLS = frozenset("\x0b\x0c\x1c\x1d\x1e\x1f\x85")
CONTROL_NAMES = {
    "\x00": ("nollamerkki", "null character"),
    "\x0b": ("pystysarkain", "vertical tab"),
    "\x0c": ("sivunvaihto", "form feed"),
    "\x1b": ("escape-merkki", "escape"),
    "\x7f": ("poistomerkki", "delete"),
    "\x85": ("rivinvaihtomerkki NEL", "next line"),
}
# An OLE2 compound file: what Excel writes for a password-protected workbook and for .xls.
OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
OLE2_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")


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
    control_cells: list["ControlCell"] = field(default_factory=list)
    read_problems: list[Problem] = field(default_factory=list)
    header_row: int | None = None


@dataclass(frozen=True)
class ControlCell:
    """A cell that held a control character; the record holds the cleaned text."""

    row: int
    column: str
    character: str
    text: str

    @property
    def space_like(self) -> bool:
        return self.character in SPACE_LIKE_CONTROLS


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


def read_regular_file(path: Path, display_name: str, limit: int) -> bytes:
    """The bytes of ``path``, refusing anything but a regular file and reading at most ``limit``.

    A link to a device or a named pipe reports a size of 0 and never ends, so the size is
    checked on what is read, not on what the file system says. The file is opened without
    blocking, so a named pipe is refused instead of waiting for a writer.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "a.csv"
    >>> _ = p.write_bytes(b"abc")
    >>> read_regular_file(p, "a.csv", 10)
    b'abc'
    >>> read_regular_file(pathlib.Path("/dev/zero"), "a.csv", 10)
    Traceback (most recent call last):
    ...
    workbook.readers.ReadError: The file could not be read: it is not an ordinary file but a device, a named pipe or a folder
    """
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise ReadError(Problem("unreadable", display_name, detail=exc.strerror or str(exc),
                                detail_fi=_os_error_fi(exc)))
    with os.fdopen(descriptor, "rb") as handle:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise ReadError(Problem(
                "unreadable", display_name,
                detail="it is not an ordinary file but a device, a named pipe or a folder",
                detail_fi="se ei ole tavallinen tiedosto vaan laite, nimetty putki tai kansio"))
        try:
            data = handle.read(limit + 1)
        except OSError as exc:
            raise ReadError(Problem("unreadable", display_name, detail=exc.strerror or str(exc),
                                    detail_fi=_os_error_fi(exc)))
    if len(data) > limit:
        mib = limit // (1024 * 1024)
        raise ReadError(Problem("unsafe_file", display_name, detail=f"it is larger than the {mib} MiB limit",
                                detail_fi=f"se on suurempi kuin {mib} MiB:n raja"))
    return data


def _os_error_fi(exc: OSError) -> str:
    import errno

    known = {errno.ENOENT: "tiedostoa ei ole", errno.EACCES: "lukuoikeus puuttuu",
             errno.EISDIR: "se on kansio", errno.EPERM: "lukuoikeus puuttuu"}
    return known.get(exc.errno, f"käyttöjärjestelmän virhe ({exc.strerror or exc})")


def clean_text(text: str) -> tuple[str, str | None]:
    """``text`` without control characters, and the first one found (or ``None``).

    White-space-like controls become a space; any other is removed.

    Examples
    --------
    >>> clean_text("Kiertotalous\\x0bja kasvu")
    ('Kiertotalous ja kasvu', '\\x0b')
    >>> clean_text("Oy\\x00"), clean_text("rivi 1\\nrivi 2")
    (('Oy', '\\x00'), ('rivi 1\\nrivi 2', None))
    """
    found = CONTROL_CHARACTERS.search(text)
    if found is None:
        return text, None
    cleaned = CONTROL_CHARACTERS.sub(lambda m: " " if m.group(0) in SPACE_LIKE_CONTROLS else "", text)
    return cleaned, found.group(0)


def describe_control(character: str, lang: str) -> str:
    """A control character as its code point and, where it has one, its name.

    Examples
    --------
    >>> describe_control("\\x0b", "en"), describe_control("\\x02", "fi")
    ('U+000B (vertical tab)', 'U+0002')
    """
    name = CONTROL_NAMES.get(character)
    code = f"U+{ord(character):04X}"
    return f"{code} ({name[0 if lang == 'fi' else 1]})" if name else code


def _clean_controls(raw: RawTable, header_row: int) -> RawTable:
    """Remove control characters from headers and text cells, recording each cell that had one."""
    raw.header_row = header_row
    renamed = {}
    for column in raw.columns:
        cleaned, found = clean_text(column)
        if found:
            renamed[column] = cleaned
            raw.control_cells.append(ControlCell(header_row, cleaned, found, cleaned))
    if renamed:
        raw.columns = [renamed.get(c, c) for c in raw.columns]
        raw.records = [{renamed.get(k, k): v for k, v in record.items()} for record in raw.records]
    for record, row in zip(raw.records, raw.rows):
        for column, value in record.items():
            if isinstance(value, str):
                cleaned, found = clean_text(value)
                if found:
                    record[column] = cleaned
                    raw.control_cells.append(ControlCell(row, column, found, cleaned))
    return raw


def raw_problems(raw: RawTable, table: str | None = None) -> list[Problem]:
    """Problems found while reading ``raw`` (an unclosed quote, control characters), in file order.

    Examples
    --------
    >>> t = RawTable("a.csv", None, ["name"], [{"name": "x"}], [2],
    ...              control_cells=[ControlCell(2, "name", "\\x00", "x")])
    >>> [(p.rule, p.row, p.column, p.severity) for p in raw_problems(t)]
    [('control_character', 2, 'name', 'error')]
    """
    return list(raw.read_problems) + control_problems(raw, table)


def control_problems(raw: RawTable, table: str | None = None) -> list[Problem]:
    """The problems of the control characters found in a raw table, at their row and column.

    A white-space-like control (vertical tab, form feed …) was read as a space: a warning.
    Any other (a NUL, an escape …) is an error: the value cannot be trusted as typed.
    """
    problems = []
    for cell in raw.control_cells:
        shown = cell.text if len(cell.text) <= 60 else cell.text[:57] + "…"
        problems.append(Problem(
            "control_character_replaced" if cell.space_like else "control_character",
            raw.file, raw.sheet, cell.row, cell.column, shown,
            severity="warning" if cell.space_like else "error",
            detail=describe_control(cell.character, "en"), detail_fi=describe_control(cell.character, "fi"),
            table=table))
    return problems


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
    data = read_regular_file(path, display_name, MAX_CSV_BYTES)
    if data.startswith(OLE2_SIGNATURE) or data.startswith(b"PK\x03\x04"):
        raise _wrong_format(data, display_name)
    text = decode_text(data, display_name)
    lines = io.StringIO(text, newline="").readlines()
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        raise ReadError(Problem("empty_file", display_name))
    delimiter = _choose_delimiter(lines[first], expected_columns, display_name)
    reader = csv.reader(lines, delimiter=delimiter)
    header: list[str] | None = None
    header_row = 1
    records: list[dict[str, Any]] = []
    rows: list[int] = []
    overlong: list[tuple[int, str]] = []
    read_problems: list[Problem] = []
    last_start_line = 0
    for row_number, cells in enumerate(reader, start=1):
        start_line, last_start_line = last_start_line + 1, reader.line_num
        if header is None:
            if not any(c.strip() for c in cells):
                continue
            header = [c.strip().lstrip("\ufeff") for c in cells]
            header_row = row_number
            continue
        if not any(c.strip() for c in cells):
            continue
        if reader.line_num == len(lines) and _ends_inside_quotes(lines[start_line - 1:], delimiter):
            # The rest of the file went into one cell: report it and keep the rows before it.
            column = next((header[i] for i, c in enumerate(cells) if ("\n" in c or "\r" in c) and i < len(header)),
                          header[min(len(cells), len(header)) - 1])
            read_problems.append(Problem(
                "unclosed_quote", display_name, None, row_number, column,
                detail=str(len(lines) - start_line + 1)))
            break
        extra = [c for c in cells[len(header):] if c.strip()]
        if extra:
            overlong.append((row_number, extra[0]))
        records.append({col: (cells[i] if i < len(cells) else None) for i, col in enumerate(header) if col})
        rows.append(row_number)
    assert header is not None and header_row >= 1
    table = RawTable(display_name, None, header, records, rows, overlong_rows=overlong, read_problems=read_problems)
    return _clean_controls(table, header_row)


def _ends_inside_quotes(lines: list[str], delimiter: str) -> bool:
    """Whether the record starting at ``lines[0]`` reaches the end of the file inside quotes."""
    try:
        for _ in csv.reader(lines, delimiter=delimiter, strict=True):
            pass
    except csv.Error as error:
        return "end of data" in str(error)
    return False


def _wrong_format(head: bytes, display_name: str) -> ReadError:
    """The problem of a file that is a different kind of spreadsheet than its name says."""
    if head.startswith(OLE2_SIGNATURE) and OLE2_ENCRYPTED in head:
        return ReadError(Problem("encrypted_workbook", display_name))
    if head.startswith(OLE2_SIGNATURE):
        return ReadError(Problem("old_excel_format", display_name))
    return ReadError(Problem(
        "unreadable", display_name, detail="it is an Excel workbook saved with a .csv name",
        detail_fi="se on Excel-työkirja, joka on tallennettu .csv-nimellä"))


def check_xlsx_safe(path: Path, display_name: str) -> None:
    """Refuse an .xlsx that is not a zip, inflates beyond the caps, or declares XML entities.

    This runs before any XML is parsed: a zip bomb is caught from the zip directory, an
    entity bomb from the raw bytes. (openpyxl itself also parses through defusedxml.)
    A password-protected workbook or an old ``.xls`` renamed to ``.xlsx`` is named as such.
    """
    data = read_regular_file(path, display_name, MAX_XLSX_FILE_BYTES)
    if data.startswith(OLE2_SIGNATURE):
        raise _wrong_format(data, display_name)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            total = sum(m.file_size for m in members)
            if total > MAX_XLSX_UNCOMPRESSED:
                raise ReadError(Problem(
                    "unsafe_file", display_name,
                    detail=f"it would unpack to {total // (1024 * 1024)} MiB, over the "
                           f"{MAX_XLSX_UNCOMPRESSED // (1024 * 1024)} MiB limit (a possible zip bomb)",
                    detail_fi=f"se purkautuisi {total // (1024 * 1024)} MiB:n kokoiseksi, yli "
                              f"{MAX_XLSX_UNCOMPRESSED // (1024 * 1024)} MiB:n rajan (mahdollinen zip-pommi)",
                ))
            for member in members:
                if member.compress_size and member.file_size / member.compress_size > MAX_XLSX_RATIO \
                        and member.file_size > 10 * 1024 * 1024:
                    ratio = member.file_size // member.compress_size
                    raise ReadError(Problem(
                        "unsafe_file", display_name,
                        detail=f"{member.filename} is compressed {ratio}:1 (a possible zip bomb)",
                        detail_fi=f"{member.filename} on pakattu suhteessa {ratio}:1 (mahdollinen zip-pommi)",
                    ))
                if member.filename.endswith((".xml", ".rels", ".vml")):
                    with archive.open(member) as handle:
                        if XML_DECLARATIONS.search(handle.read()):
                            raise ReadError(Problem(
                                "unsafe_file", display_name,
                                detail=f"{member.filename} declares XML entities or a DOCTYPE "
                                       "(a possible entity bomb); Excel never writes these",
                                detail_fi=f"{member.filename} määrittelee XML-entiteettejä tai DOCTYPE-osan "
                                          "(mahdollinen entiteettipommi); Excel ei koskaan kirjoita niitä",
                            ))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, ValueError) as exc:
        raise ReadError(Problem(
            "unreadable", display_name,
            detail=f"it is not a readable Excel .xlsx file (damaged zip archive: {exc})",
            detail_fi=f"se ei ole luettava Excelin .xlsx-tiedosto (vioittunut zip-arkisto: {exc})"))


def read_xlsx(path: Path, display_name: str) -> dict[str, RawTable]:
    """Read every sheet of an .xlsx into raw tables, keyed by lower-cased sheet name.

    Formula cells keep their cached value; a formula with no cached value is recorded in
    ``formula_cells`` so that validation reports it instead of reading an empty cell.
    Every row in the sheet is read, whatever range the sheet's ``<dimension>`` claims (a
    tool that writes a wrong one would otherwise make rows vanish without a word).
    A sheet whose XML is damaged is a problem naming the file and the sheet.
    """
    import openpyxl

    check_xlsx_safe(path, display_name)
    try:
        values_book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        formula_book = openpyxl.load_workbook(path, read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many kinds for damaged files
        raise ReadError(Problem("unreadable", display_name, detail=f"{type(exc).__name__}: {exc}",
                                detail_fi=f"työkirja on vioittunut ({type(exc).__name__}: {exc})"))
    date_system = 1904 if values_book.epoch.year == 1904 else 1900
    tables = {}
    try:
        for sheet_name in values_book.sheetnames:
            values_sheet, formula_sheet = values_book[sheet_name], formula_book[sheet_name]
            for sheet in (values_sheet, formula_sheet):
                if hasattr(sheet, "reset_dimensions"):
                    sheet.reset_dimensions()
            try:
                tables[sheet_name.strip().casefold()] = _sheet_table(
                    display_name, sheet_name, values_sheet.iter_rows(values_only=True),
                    formula_sheet.iter_rows(values_only=True), date_system)
            except Exception as exc:  # a damaged sheet: XML parse errors, bad cell references …
                raise ReadError(Problem(
                    "unreadable", display_name, sheet_name,
                    detail=f"the sheet '{sheet_name}' is damaged ({type(exc).__name__}: {exc})",
                    detail_fi=f"välilehti '{sheet_name}' on vioittunut ({type(exc).__name__}: {exc})"))
    finally:
        values_book.close()
        formula_book.close()
    return tables


# Excel writes a character XML cannot hold as _xHHHH_ (and a literal "_x" as _x005F_x).
OOXML_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def unescape_ooxml(text: str) -> str:
    """Text of an Excel cell with Excel's ``_xHHHH_`` escapes turned back into characters.

    Examples
    --------
    >>> unescape_ooxml("Lapin_x000B_liitto"), unescape_ooxml("a_x005F_x000B_")
    ('Lapin\\x0bliitto', 'a_x000B_')
    """
    return OOXML_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text) if "_x" in text else text


def _sheet_table(file: str, sheet: str, values_rows, formula_rows, date_system: int) -> RawTable:
    header: list[str] | None = None
    header_row = 1
    records, rows = [], []
    formulas: dict[tuple[int, str], str] = {}
    for row_number, (values, formula_values) in enumerate(zip(values_rows, formula_rows), start=1):
        if header is None:
            if values and any(v not in (None, "") for v in values):
                header = [str(v).strip() if v is not None else "" for v in values]
                header_row = row_number
            continue
        if not values or all(v is None or (isinstance(v, str) and not v.strip()) for v in values) and \
                not any(isinstance(f, str) and f.startswith("=") for f in formula_values or ()):
            continue
        record = {}
        for i, column in enumerate(header):
            if not column:
                continue
            value = values[i] if i < len(values) else None
            if isinstance(value, str):
                value = unescape_ooxml(value)
            formula = formula_values[i] if formula_values and i < len(formula_values) else None
            if value is None and formula is not None and not isinstance(formula, (int, float, datetime)):
                text = formula if isinstance(formula, str) else getattr(formula, "text", str(formula))
                if str(text).startswith("="):
                    formulas[(row_number, column)] = str(text)
            record[column] = value
        records.append(record)
        rows.append(row_number)
    return _clean_controls(RawTable(file, sheet, header or [], records, rows, formulas, date_system), header_row)
