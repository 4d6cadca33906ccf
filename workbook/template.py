"""The Excel template of an empty project, generated from the schemas.

One sheet per table with its header row, a note on every column (Finnish and English,
with an example), drop-down lists for controlled vocabularies and for the ids of other
sheets, and an instructions sheet.
"""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

import pandas as pd

from workbook import regions, vocab
from workbook.outputs import _normalise_zip, write_bytes_atomic
from workbook.schemas import SETTING_DEFAULTS, SETTINGS, TABLES, TABLES_BY_NAME, TableSpec, column_meta

INSTRUCTIONS_SHEET = "Ohjeet - Instructions"
LISTS_SHEET = "_lists"
MAX_ROWS = 5000

INSTRUCTIONS = [
    ("Strategiatyökirjan projektipohja", "Strategy Workbook project template"),
    ("Täytä yksi välilehti kutakin taulukkoa kohden. Älä muuta otsikkorivejä.",
     "Fill in one sheet per table. Do not change the header rows."),
    ("Otsikkosolujen kommenteissa kerrotaan, mitä sarakkeeseen kirjoitetaan, ja annetaan esimerkki.",
     "The note on each header cell says what goes in the column, with an example."),
    ("Useita arvoja samassa solussa erotetaan puolipisteellä, esim. FA1;FA2.",
     "Several values in one cell are separated by a semicolon, e.g. FA1;FA2."),
    ("Päivämäärät muodossa 5.1.2024 tai 2024-01-05. Luvut joko 1 234,50 tai 1234.5.",
     "Dates as 5.1.2024 or 2024-01-05. Numbers as 1 234,50 or 1234.5."),
    ("Älä kirjoita henkilöiden nimiä tai sähköpostiosoitteita: henkilöt merkitään pseudonyymeillä (P0001).",
     "Do not enter people's names or e-mail addresses: people are recorded as pseudonyms (P0001)."),
    ("Kyselyjen raakavientitiedostot tallennetaan kansioon surveys/ nimellä <kyselyn tunniste>.csv.",
     "Raw survey exports go in the folder surveys/ named <survey id>.csv."),
    ("Tarkista täytetty pohja komennolla: workbook validate TIEDOSTO.xlsx",
     "Check the filled template with: workbook validate FILE.xlsx"),
]


def build_template(region: str | None = None) -> bytes:
    """The template workbook as bytes (deterministic: same input, same bytes).

    With ``region="Lapland"`` the project and municipalities sheets are pre-filled.
    """
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    instructions = book.active
    instructions.title = INSTRUCTIONS_SHEET
    _write_instructions(instructions, Font)
    lists = book.create_sheet(LISTS_SHEET)
    lists.sheet_state = "hidden"
    list_ranges: dict[str, str] = {}
    for index, name in enumerate(sorted(n for n in dir(vocab) if n.isupper() and isinstance(getattr(vocab, n), dict)
                                        and all(isinstance(v, dict) for v in getattr(vocab, n).values())), start=1):
        codes = vocab.codes(getattr(vocab, name))
        letter = get_column_letter(index)
        lists.cell(row=1, column=index, value=name)
        for row, code in enumerate(codes, start=2):
            lists.cell(row=row, column=index, value=code)
        list_ranges[name] = f"{LISTS_SHEET}!${letter}$2:${letter}${len(codes) + 1}"
    key_index = len(list_ranges) + 1
    setting_keys = TABLES_BY_NAME["project"].schema.columns["key"].checks[0].statistics["allowed_values"]
    letter = get_column_letter(key_index)
    lists.cell(row=1, column=key_index, value="SETTINGS")
    for row, key in enumerate(setting_keys, start=2):
        lists.cell(row=row, column=key_index, value=key)
    list_ranges["SETTINGS"] = f"{LISTS_SHEET}!${letter}$2:${letter}${len(setting_keys) + 1}"

    header_fill = PatternFill("solid", fgColor="DCE6F1")
    for spec in TABLES:
        sheet = book.create_sheet(spec.name)
        for col_index, column in enumerate(spec.columns, start=1):
            meta = column_meta(spec.name, column)
            cell = sheet.cell(row=1, column=col_index, value=column)
            cell.font = Font(bold=True)
            cell.fill = header_fill
            cell.comment = Comment(_column_note(spec, column, meta), "Strategy Workbook", width=320, height=160)
            letter = get_column_letter(col_index)
            sheet.column_dimensions[letter].width = max(14, min(40, len(column) + 4))
            source = _list_source(spec, column, meta, list_ranges)
            if source:
                strict = bool(meta["vocab"]) or column == "key"
                validation = DataValidation(type="list", formula1=f"={source}", allow_blank=True,
                                            showErrorMessage=True, errorStyle="stop" if strict else "warning",
                                            error=_error_text(column), errorTitle=column)
                validation.add(f"{letter}2:{letter}{MAX_ROWS}")
                sheet.add_data_validation(validation)
            if str(spec.schema.columns[column].dtype).startswith("datetime"):
                for row in range(2, 3):
                    sheet.cell(row=row, column=col_index).number_format = "d.m.yyyy"
        sheet.freeze_panes = "A2"
        sheet.cell(row=1, column=1).alignment = Alignment(vertical="top")
    _prefill(book, region)
    fixed = datetime(2000, 1, 1)
    book.properties.created = fixed
    book.properties.modified = fixed
    buffer = io.BytesIO()
    book.save(buffer)
    return _normalise_zip(buffer.getvalue())


def write_template(path: Path, region: str | None = None) -> Path:
    """Write the template to ``path`` atomically."""
    return write_bytes_atomic(Path(path), build_template(region))


def _write_instructions(sheet, font_class) -> None:
    sheet.column_dimensions["A"].width = 80
    sheet.column_dimensions["B"].width = 80
    sheet.append(["Suomeksi", "In English"])
    for fi, en in INSTRUCTIONS:
        sheet.append([fi, en])
    sheet.append([])
    sheet.append(["Taulukot", "Tables"])
    for spec in TABLES:
        mark = "" if spec.required else " (valinnainen / optional)"
        sheet.append([f"{spec.name}: {spec.fi}{mark}", f"{spec.name}: {spec.en}{mark}"])
    for row in (1, len(INSTRUCTIONS) + 3):
        for cell in sheet[row]:
            cell.font = font_class(bold=True)
    sheet["A2"].font = font_class(bold=True, size=14)
    sheet["B2"].font = font_class(bold=True, size=14)


def _column_note(spec: TableSpec, column: str, meta: dict) -> str:
    required = "Pakollinen / Required" if not spec.schema.columns[column].nullable else "Valinnainen / Optional"
    lines = [meta["fi"], meta["en"], required]
    if meta["multi"]:
        lines.append("Useita arvoja ;-merkillä eroteltuna / Several values separated by ;")
    if meta["vocab"]:
        lines.append("Arvot / Values: " + ", ".join(vocab.codes(getattr(vocab, meta["vocab"]))))
    if meta["ref"]:
        lines.append(f"Viittaa / Refers to: {meta['ref']}")
    if meta["example"] is not None:
        lines.append(f"Esim. / E.g.: {meta['example']}")
    return "\n".join(lines)


def _list_source(spec: TableSpec, column: str, meta: dict, list_ranges: dict[str, str]) -> str | None:
    if spec.name == "project" and column == "key":
        return list_ranges["SETTINGS"]
    if meta["vocab"] and not meta["multi"]:
        return list_ranges[meta["vocab"]]
    if meta["ref"] and not meta["multi"]:
        table, target = meta["ref"].split(".")
        letter = chr(ord("A") + TABLES_BY_NAME[table].columns.index(target))
        return f"{table}!${letter}$2:${letter}${MAX_ROWS}"
    if column == "municipality" and spec.name in ("actors", "activities"):
        return f"municipalities!$A$2:$A${MAX_ROWS}"
    return None


def _error_text(column: str) -> str:
    return f"Valitse arvo luettelosta / Choose a value from the list ({column})"


def _prefill(book, region: str | None) -> None:
    from openpyxl.comments import Comment

    settings = book["project"]
    keys = [key for key, setting in SETTINGS.items() if setting.in_template]
    for row, key in enumerate(keys, start=2):
        setting = SETTINGS[key]
        cell = settings.cell(row=row, column=1, value=key)
        note = [setting.fi, setting.en] + ([f"Esim. / E.g.: {setting.example}"] if setting.example else [])
        cell.comment = Comment("\n".join(note), "Strategy Workbook", width=320, height=110)
        value = SETTING_DEFAULTS.get(key)
        if key == "region" and region:
            value = region
        if value is not None and key in ("country", "languages", "min_group_size", "region"):
            settings.cell(row=row, column=2, value=value)
    if region and regions.is_lapland(region):
        table = regions.lapland_municipalities()
        sheet = book["municipalities"]
        for row in table.itertuples(index=False):
            sheet.append(list(row))


def data_model_markdown() -> str:
    """The data model as Markdown, generated from the schemas (for the README)."""
    lines = []
    for spec in TABLES:
        required = "required" if spec.required else "optional"
        lines.append(f"### `{spec.name}` — {spec.en} ({required})\n")
        lines.append(f"{spec.model.__doc__.strip()}\n")
        if spec.name == "project":
            lines.append("| setting (`key`) | meaning | example |")
            lines.append("|---|---|---|")
            for key, setting in SETTINGS.items():
                example = "" if setting.example is None else f"`{setting.example}`"
                lines.append(f"| `{key}` | {setting.en} | {example} |")
            lines.append("")
        lines.append("| column | type | required | meaning | example |")
        lines.append("|---|---|---|---|---|")
        for column in spec.columns:
            meta = column_meta(spec.name, column)
            schema_column = spec.schema.columns[column]
            kind = "list (;)" if meta["multi"] else _type_name(str(schema_column.dtype))
            allowed = [c.statistics["allowed_values"] for c in schema_column.checks if c.name == "isin"]
            if allowed:
                kind += ": " + ", ".join(map(str, allowed[0]))
            if meta["ref"]:
                kind += f" → `{meta['ref']}`"
            if schema_column.unique:
                kind += ", unique"
            needed = "no" if schema_column.nullable else "yes"
            example = "" if meta["example"] is None else f"`{meta['example']}`"
            lines.append(f"| `{column}` | {kind} | {needed} | {meta['en']} | {example} |")
        lines.append("")
    return "\n".join(lines)


def _type_name(dtype: str) -> str:
    if dtype.startswith("datetime"):
        return "date"
    if dtype.startswith("float"):
        return "number"
    if dtype == "Int64":
        return "whole number"
    return "text"


def template_frames() -> dict[str, pd.DataFrame]:
    """Empty frames with every table's columns (used by tests and generators)."""
    return {spec.name: pd.DataFrame(columns=spec.columns) for spec in TABLES}
