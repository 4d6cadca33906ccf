"""Writing the demo: CSV tables, raw survey exports, and the .xlsx form built from the CSVs."""

from __future__ import annotations

import csv
import io
import shutil
from datetime import datetime
from pathlib import Path

from workbook.outputs import _normalise_zip
from workbook.schemas import TABLES_BY_NAME
from workbook.validation import _kind

SKIPPED_TABLES = ("relations", "municipalities")


def cell(value: object) -> str:
    """A value as CSV text: ISO dates stay as written, dot decimals, empty for missing."""
    if value is None:
        return ""
    if isinstance(value, bool):
        raise TypeError("no booleans in the data model")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def write_table(folder: Path, name: str, rows: list[dict[str, object]]) -> Path:
    columns = TABLES_BY_NAME[name].columns
    path = folder / f"{name}.csv"
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=",", quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        unknown = set(row) - set(columns)
        if unknown:
            raise KeyError(f"{name}: unknown columns {sorted(unknown)}")
        writer.writerow([cell(row.get(c)) for c in columns])
    path.write_bytes(buffer.getvalue().encode("utf-8"))
    return path


def write_survey(folder: Path, survey_id: str, header: list[str], rows: list[list[str]]) -> Path:
    """A raw export the way Webropol writes one: UTF-8 with BOM, ';' delimiter, CRLF."""
    folder.mkdir(parents=True, exist_ok=True)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    path = folder / f"{survey_id}.csv"
    path.write_bytes(buffer.getvalue().encode("utf-8-sig"))
    return path


def write_survey_xlsx(folder: Path, survey_id: str, header: list[str], rows: list[list[object]]) -> Path:
    """A raw export the way Webropol and Microsoft Forms write one: one sheet, typed cells
    (numbers, date-times), deterministic bytes."""
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Vastaukset"
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    for cells in sheet.iter_rows(min_row=2):
        for target in cells:
            if isinstance(target.value, datetime):
                target.number_format = "d.m.yyyy h:mm"
    workbook.properties.created = datetime(2023, 6, 1)
    workbook.properties.modified = datetime(2023, 6, 1)
    workbook.properties.creator = "tools/make_demo.py"
    buffer = io.BytesIO()
    workbook.save(buffer)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{survey_id}.xlsx"
    path.write_bytes(_normalise_zip(buffer.getvalue()))
    return path


def _typed(kind: str, text: str):
    if text == "":
        return None
    if kind == "date":
        return datetime.strptime(text, "%Y-%m-%d")
    if kind in ("integer", "number"):
        number = float(text)
        return int(number) if number.is_integer() and "." not in text else number
    return text


def build_xlsx(csv_folder: Path, xlsx_folder: Path, tables: list[str]) -> Path:
    """One sheet per table, typed cells, deterministic bytes; surveys/ copied alongside."""
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name in tables:
        spec = TABLES_BY_NAME[name]
        kinds = [_kind(spec, c) for c in spec.columns]
        sheet = workbook.create_sheet(name)
        with open(csv_folder / f"{name}.csv", encoding="utf-8", newline="") as handle:
            reader = csv.reader(handle)
            header = next(reader)
            assert header == spec.columns, (name, header)
            for column, title in enumerate(header, start=1):
                target = sheet.cell(row=1, column=column, value=title)
                target.data_type = "s"
            for row_number, record in enumerate(reader, start=2):
                for column, (kind, text) in enumerate(zip(kinds, record), start=1):
                    value = _typed(kind, text)
                    if value is None:
                        continue
                    target = sheet.cell(row=row_number, column=column, value=value)
                    if kind == "date":
                        target.number_format = "d.m.yyyy"
                    elif isinstance(value, str):
                        target.data_type = "s"
    workbook.properties.created = datetime(2023, 6, 1)
    workbook.properties.modified = datetime(2023, 6, 1)
    workbook.properties.creator = "tools/make_demo.py"
    buffer = io.BytesIO()
    workbook.save(buffer)
    xlsx_folder.mkdir(parents=True, exist_ok=True)
    path = xlsx_folder / "demo-lapland.xlsx"
    path.write_bytes(_normalise_zip(buffer.getvalue()))
    surveys = xlsx_folder / "surveys"
    if surveys.exists():
        shutil.rmtree(surveys)
    shutil.copytree(csv_folder / "surveys", surveys)
    return path
