"""Typing raw tables and checking them against the schemas and against each other.

Every check collects problems instead of stopping at the first, so one run tells the user
everything that is wrong.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Callable, Iterable, Mapping

import pandas as pd
import pandera.pandas as pa

from workbook import vocab
from workbook.parsing import (
    CellError, is_blank, normalise_business_id, parse_date, parse_integer, parse_multi,
    parse_number, parse_text,
)
from workbook.problems import Problem
from workbook.readers import RawTable, raw_problems
from workbook.schemas import TABLES_BY_NAME, TableSpec, column_meta

# Columns with a stricter text format than "any text", and how to normalise them.
SPECIAL_TEXT_PARSERS: dict[tuple[str, str], Callable[[str], str]] = {
    ("actors", "business_id"): normalise_business_id,
}


@dataclass
class TypedTable:
    """A table with typed columns; ``rows[i]`` is the file row of ``frame.iloc[i]``."""

    name: str
    frame: pd.DataFrame
    rows: list[int]
    file: str
    sheet: str | None
    # Cells already reported by typing (position, column) and columns missing from the file:
    # later checks stay quiet about them, so each cell gets one problem, the most specific.
    failed: set[tuple[int, str]] = field(default_factory=set)
    missing_columns: set[str] = field(default_factory=set)

    def problem(self, rule: str, position: int | None, column: str | None, value: object = None,
                **extra) -> Problem:
        return Problem(
            rule, self.file, self.sheet, self.rows[position] if position is not None else None,
            column, None if value is None else parse_text(value) if not isinstance(value, str) else value,
            table=self.name, **extra,
        )


def _kind(spec: TableSpec, column: str) -> str:
    meta = column_meta(spec.name, column)
    if meta["multi"]:
        return "multi"
    dtype = str(spec.schema.columns[column].dtype)
    if dtype.startswith("datetime"):
        return "date"
    if dtype == "Int64":
        return "integer"
    if dtype.startswith("float"):
        return "number"
    return "text"


def _empty_column(kind: str, length: int) -> pd.Series:
    if kind == "date":
        return pd.Series(pd.NaT, index=range(length), dtype="datetime64[ns]")
    if kind == "integer":
        return pd.Series(pd.NA, index=range(length), dtype="Int64")
    if kind == "number":
        return pd.Series(float("nan"), index=range(length), dtype="float64")
    if kind == "multi":
        return pd.Series([()] * length, index=range(length), dtype="object")
    return pd.Series(None, index=range(length), dtype="object")


def type_table(spec: TableSpec, raw: RawTable, date_system: int) -> tuple[TypedTable, list[Problem]]:
    """Give each column of ``raw`` the schema's type; collect every cell that does not fit.

    Unknown columns are reported as warnings and left out; a missing required column is an
    error (its values are then all missing, so later checks still run).
    """
    problems: list[Problem] = []
    where = dict(file=raw.file, sheet=raw.sheet, table=spec.name)
    header = {c.strip().casefold(): c for c in raw.columns if c and c.strip()}
    seen: set[str] = set()
    for original in raw.columns:
        key = original.strip().casefold()
        if key in seen and key:
            problems.append(Problem("duplicate_column", column=original, row=_header_row(raw), **where))
        seen.add(key)
    for row, extra in raw.overlong_rows:
        problems.append(Problem("too_many_cells", row=row, value=extra, **where))
    problems.extend(raw_problems(raw, spec.name))
    known = {c.casefold() for c in spec.columns}
    for key, original in header.items():
        if key not in known:
            problems.append(Problem("unknown_column", column=original, row=_header_row(raw),
                                    severity="warning", **where))
    length = len(raw.records)
    columns: dict[str, pd.Series] = {}
    typed = TypedTable(spec.name, pd.DataFrame(index=range(length)), raw.rows, raw.file, raw.sheet)
    for column in spec.columns:
        kind = _kind(spec, column)
        meta = column_meta(spec.name, column)
        source = header.get(column.casefold())
        if source is None:
            if not meta["optional_column"]:
                problems.append(Problem("missing_column", column=column, row=_header_row(raw), **where))
            typed.missing_columns.add(column)
            columns[column] = _empty_column(kind, length)
            continue
        values, cell_problems = _type_column(typed, spec.name, column, kind, raw, source, date_system)
        problems.extend(cell_problems)
        columns[column] = values
    typed.frame = pd.DataFrame(columns, index=range(length))
    return typed, problems


def _header_row(raw: RawTable) -> int:
    if raw.header_row is not None:
        return raw.header_row
    return (raw.rows[0] - 1) if raw.rows else 1


def _type_column(typed: TypedTable, table: str, column: str, kind: str, raw: RawTable, source: str,
                 date_system: int) -> tuple[pd.Series, list[Problem]]:
    problems = []
    special = SPECIAL_TEXT_PARSERS.get((table, column))
    out: list[object] = []
    for position, record in enumerate(raw.records):
        value = record.get(source)
        formula = raw.formula_cells.get((raw.rows[position], source))
        if formula is not None:
            problems.append(typed.problem("formula_without_value", position, column, formula))
            typed.failed.add((position, column))
            out.append(None)
            continue
        if is_blank(value):
            out.append(() if kind == "multi" else None)
            continue
        try:
            if kind == "date":
                out.append(parse_date(value, date_system))
            elif kind == "integer":
                out.append(parse_integer(value))
            elif kind == "number":
                out.append(parse_number(value))
            elif kind == "multi":
                out.append(parse_multi(value))
            else:
                text = parse_text(value)
                out.append(special(text) if special else text)
        except CellError as error:
            problems.append(typed.problem(error.rule, position, column, value,
                                          detail=error.detail, detail_fi=error.detail_fi))
            typed.failed.add((position, column))
            out.append(() if kind == "multi" else None)
    if kind == "date":
        series = pd.Series(pd.to_datetime(pd.Series(out, dtype="object")), dtype="datetime64[ns]")
    elif kind == "integer":
        series = pd.Series(pd.array(out, dtype="Int64"))
    elif kind == "number":
        series = pd.Series([float("nan") if v is None else v for v in out], dtype="float64")
    else:
        series = pd.Series(out, dtype="object")
    return series, problems


PANDERA_RULES = {
    "not_nullable": "required",
    "field_uniqueness": "duplicate_id",
    "isin": "unknown_value",
    "greater_than_or_equal_to": "negative",
    "greater_than": "not_positive",
    "str_matches": "bad_format",
}


def schema_problems(typed: TypedTable) -> list[Problem]:
    """Check one typed table with its pandera schema (required values, ids, enumerations, ranges)."""
    spec = TABLES_BY_NAME[typed.name]
    # Multi-valued columns are checked against their targets by reference_problems.
    schema = spec.schema.remove_columns([c for c in spec.columns if column_meta(spec.name, c)["multi"]])
    try:
        schema.validate(typed.frame.drop(columns=[c for c in typed.frame if c not in schema.columns]), lazy=True)
        return []
    except pa.errors.SchemaErrors as errors:
        cases = errors.failure_cases
    problems = []
    first_seen: dict[tuple[str, object], int] = {}
    for case in cases.sort_values("index", kind="stable").itertuples():
        check = str(case.check).split("(")[0]
        rule = PANDERA_RULES.get(check)
        if rule is None or pd.isna(case.index):
            continue
        position = int(case.index)
        column = case.column
        if column in typed.missing_columns or (position, column) in typed.failed:
            continue
        value = typed.frame.at[position, column]
        if rule == "duplicate_id":
            key = (column, value)
            if key not in first_seen:
                first_seen[key] = position
                continue
            problems.append(typed.problem(rule, position, column, value,
                                          hint_fi=f"Ensimmäinen on rivillä {typed.rows[first_seen[key]]}.",
                                          hint_en=f"The first is on row {typed.rows[first_seen[key]]}."))
        elif rule == "unknown_value":
            problems.append(_unknown_value(typed, position, column, value))
        elif rule == "bad_format" and column_meta(spec.name, column)["is_id"]:
            problems.append(typed.problem("bad_id", position, column, value))
        elif rule == "required" and column_meta(spec.name, column)["multi"]:
            continue
        else:
            problems.append(typed.problem(rule, position, column, value))
    return problems


def closest_choice(value: str, choices: Iterable[str]) -> str | None:
    """The valid spelling ``value`` was most likely meant to be, only when it is really close.

    Close means: the same but for case, the first words of a longer choice ("Yhdistys" for
    "Yhdistys tai järjestö"), or a spelling that differs by a slip or two (similarity 0.8).

    Examples
    --------
    >>> closest_choice("compny", ["company", "municipality"]), closest_choice("Yhdistys", ["Yritys"])
    ('company', None)
    >>> closest_choice("yhdistys", ["Yritys", "Yhdistys tai järjestö"])
    'Yhdistys tai järjestö'
    """
    folded: dict[str, str] = {}
    for choice in choices:
        folded.setdefault(str(choice).casefold(), str(choice))
    wanted = value.strip().casefold()
    if wanted in folded:
        return folded[wanted]
    if len(wanted) >= 4:
        longer = [c for c in folded if c.startswith(wanted + " ")]
        if len(longer) == 1:
            return folded[longer[0]]
    close = difflib.get_close_matches(wanted, list(folded), n=1, cutoff=0.8)
    return folded[close[0]] if close else None


def suggestion_hints(value: str, choices: Iterable[str], allowed: Mapping[str, str] | None = None,
                     max_listed: int = 12) -> dict[str, str]:
    """Hints naming the closest valid spelling (when really close) and listing what is allowed.

    ``allowed`` maps a language to the list of allowed values written for it; by default
    the choices themselves are listed when there are at most ``max_listed``.

    Examples
    --------
    >>> suggestion_hints("Rovanemi", ["Rovaniemi", "Ranua"])["hint_en"]
    "Did you mean 'Rovaniemi'? Allowed values: Rovaniemi, Ranua."
    >>> suggestion_hints("Yhdistys", ["Yritys", "Kunta"])["hint_fi"]
    'Sallitut arvot: Yritys, Kunta.'
    """
    choices = list(dict.fromkeys(map(str, choices)))
    best = closest_choice(value, choices)
    if allowed is None and 0 < len(choices) <= max_listed:
        allowed = {"fi": ", ".join(choices), "en": ", ".join(choices)}
    hints = {"hint_fi": f"Tarkoititko '{best}'?" if best else "", "hint_en": f"Did you mean '{best}'?" if best else ""}
    if allowed:
        hints["hint_fi"] = f"{hints['hint_fi']} Sallitut arvot: {allowed['fi']}.".strip()
        hints["hint_en"] = f"{hints['hint_en']} Allowed values: {allowed['en']}.".strip()
    return {key: text for key, text in hints.items() if text}


def allowed_values(vocab_name: str) -> dict[str, str]:
    """A vocabulary's codes with their labels, written out for a message in each language.

    Examples
    --------
    >>> allowed_values("INDICATOR_KINDS")["fi"]
    'output (Tuotosindikaattori), result (Tulosindikaattori)'
    """
    labels = getattr(vocab, vocab_name)
    return {lang: ", ".join(f"{code} ({entry[lang]})" for code, entry in labels.items()) for lang in ("fi", "en")}


def vocabulary_hints(value: str, vocab_name: str) -> dict[str, str]:
    """Hints for a value outside a vocabulary: the code it was close to (by code or by
    label), with its label in each language, then every allowed code with its label.

    Examples
    --------
    >>> vocabulary_hints("Yhdistys", "ACTOR_TYPES")["hint_en"].split(" Allowed")[0]
    "Did you mean 'association' (Association)?"
    >>> vocabulary_hints("Yhdistys", "ACTOR_TYPES")["hint_fi"].split(" Sallitut")[0]
    "Tarkoititko 'association' (Yhdistys tai järjestö)?"
    """
    labels = getattr(vocab, vocab_name)
    choices = list(labels) + [label for entry in labels.values() for label in entry.values()]
    allowed = allowed_values(vocab_name)
    best = closest_choice(value, choices)
    code = vocab.code_for(labels, best) if best else None
    hints = {"hint_fi": f"Sallitut arvot: {allowed['fi']}.", "hint_en": f"Allowed values: {allowed['en']}."}
    if code:
        hints["hint_fi"] = f"Tarkoititko '{code}' ({labels[code]['fi']})? " + hints["hint_fi"]
        hints["hint_en"] = f"Did you mean '{code}' ({labels[code]['en']})? " + hints["hint_en"]
    return hints


def _unknown_value(typed: TypedTable, position: int, column: str, value: object) -> Problem:
    vocab_name = column_meta(typed.name, column)["vocab"]
    if vocab_name:
        hints = vocabulary_hints(str(value), vocab_name)
    else:
        choices = TABLES_BY_NAME[typed.name].schema.columns[column].checks[0].statistics["allowed_values"]
        hints = suggestion_hints(str(value), choices)
    return typed.problem("unknown_value", position, column, value, **hints)


def case_duplicate_problems(typed: TypedTable) -> list[Problem]:
    """A warning for each id that differs from an earlier one only in upper/lower case.

    ``A01`` and ``a01`` are two rows to the workbook but almost surely one to the person
    who typed them.
    """
    key = TABLES_BY_NAME[typed.name].key
    if key is None:
        return []
    first: dict[str, int] = {}
    problems = []
    for position, value in enumerate(typed.frame[key]):
        if is_blank(value):
            continue
        folded = str(value).casefold()
        if folded not in first:
            first[folded] = position
            continue
        earlier = typed.frame[key].iat[first[folded]]
        if earlier != value:
            row = typed.rows[first[folded]]
            problems.append(typed.problem("case_duplicate_id", position, key, value, severity="warning",
                                          detail=str(earlier), hint_fi=f"Ensimmäinen on rivillä {row}.",
                                          hint_en=f"The first is on row {row}."))
    return problems


def normalise_vocabulary_labels(typed: TypedTable) -> None:
    """Accept Finnish or English labels ("Yritys", "Company") where a code ("company") is expected."""
    for column in typed.frame.columns:
        vocab_name = column_meta(typed.name, column)["vocab"]
        if vocab_name and not column_meta(typed.name, column)["multi"]:
            labels = getattr(vocab, vocab_name)
            typed.frame[column] = pd.Series(
                [v if is_blank(v) else (vocab.code_for(labels, v) or v) for v in typed.frame[column]],
                index=typed.frame.index, dtype="object")


def reference_problems(tables: Mapping[str, TypedTable]) -> list[Problem]:
    """Every value that should name a row of another table must do so."""
    problems = []
    for typed in tables.values():
        for column in typed.frame.columns:
            ref = column_meta(typed.name, column)["ref"]
            if not ref:
                continue
            target_table, target_column = ref.split(".")
            target = tables.get(target_table)
            known = set(target.frame[target_column].dropna()) if target is not None else set()
            multi = column_meta(typed.name, column)["multi"]
            for position, cell in enumerate(typed.frame[column]):
                values = cell if multi else ((cell,) if not is_blank(cell) else ())
                for value in values:
                    if value not in known:
                        problems.append(typed.problem(
                            "missing_reference", position, column, value, detail=target_table,
                            **suggestion_hints(value, sorted(map(str, known)))))
    return problems


def municipality_problems(tables: Mapping[str, TypedTable], municipalities: Iterable[str],
                          source: str | Mapping[str, str]) -> list[Problem]:
    """Municipalities must be those of the project's region (blank = outside the region / online).

    ``source`` names where the list came from, as one text or one per language.
    """
    if isinstance(source, str):
        source = {"fi": source, "en": source}
    allowed = {m.casefold(): m for m in municipalities}
    problems = []
    for name in ("actors", "activities"):
        typed = tables.get(name)
        if typed is None:
            continue
        fixed = []
        for position, value in enumerate(typed.frame["municipality"]):
            if is_blank(value):
                fixed.append(None)
            elif value.casefold() in allowed:
                fixed.append(allowed[value.casefold()])
            else:
                fixed.append(value)
                hints = suggestion_hints(value, allowed.values())
                hints["hint_fi"] = (hints.get("hint_fi", "") + f" Kuntaluettelo: {source['fi']}.").strip()
                hints["hint_en"] = (hints.get("hint_en", "") + f" List of municipalities: {source['en']}.").strip()
                problems.append(typed.problem("unknown_value", position, "municipality", value, **hints))
        typed.frame["municipality"] = pd.Series(fixed, dtype="object")
    return problems


def date_order_problems(typed: TypedTable, start: str = "start", end: str = "end") -> list[Problem]:
    """An end date must not come before its start date."""
    frame = typed.frame
    bad = frame[end].notna() & frame[start].notna() & (frame[end] < frame[start])
    return [
        typed.problem("end_before_start", position, end, frame.at[position, end].date().isoformat(),
                      detail=frame.at[position, start].date().isoformat())
        for position in frame.index[bad]
    ]
