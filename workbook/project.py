"""Loading a project folder into validated, typed tables.

``load_project(path)`` reads either one ``.xlsx`` workbook (a sheet per table) or one CSV
per table, plus the raw survey exports in ``surveys/``; it never writes anything into the
project folder. ``validate_project(path)`` returns every problem found, errors and warnings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from workbook import regions, vocab
from workbook.i18n import check_lang
from workbook.parsing import CellError, is_blank, parse_date, parse_integer, parse_multi
from workbook.problems import Problem, ValidationReport
from workbook.readers import RawTable, ReadError, read_csv, read_xlsx
from workbook.schemas import SETTING_DEFAULTS, TABLES, TABLES_BY_NAME, link_tables, multi_columns
from workbook.surveys import load_surveys
from workbook.validation import (
    TypedTable, date_order_problems, municipality_problems, normalise_vocabulary_labels,
    case_duplicate_problems, reference_problems, schema_problems, type_table,
)

IGNORED_SHEETS = ("ohjeet", "instructions", "ohjeet - instructions", "ohjeet_instructions")
# Spreadsheet files the loader cannot read, named in a problem instead of passed over.
OTHER_SPREADSHEETS = (".xls", ".ods", ".numbers", ".xlsb")


class ProjectError(Exception):
    """The project has errors; ``report`` lists all of them."""

    def __init__(self, report: ValidationReport):
        self.report = report
        super().__init__(f"the project has {len(report.errors)} error(s):\n" + report.to_text("en"))


class ProjectPathError(FileNotFoundError):
    """The project path does not exist or is not a project folder or workbook."""


@dataclass
class Project:
    """A validated project: its settings, tables, link tables and survey answers.

    Tables are attributes (``project.actors``, ``project.actions`` …); so are the link
    tables built from ``;``-separated cells (``project.action_partners`` has one row per
    action and partner). ``actors`` also carries ``sub_region`` and ``helix`` (the
    quadruple-helix sphere of its type).
    """

    path: Path
    source: str
    settings: dict[str, Any]
    tables: dict[str, pd.DataFrame]
    links: dict[str, pd.DataFrame]
    surveys: dict[str, pd.DataFrame]
    report: ValidationReport = field(repr=False)

    def __getattr__(self, name: str) -> pd.DataFrame:
        for store in ("tables", "links"):
            frames = self.__dict__.get(store, {})
            if name in frames:
                return frames[name]
        raise AttributeError(f"a project has no table or link table called {name!r}")

    @property
    def name(self) -> str:
        return self.settings["name"]

    def display_name(self, lang: str) -> str:
        """The project's name in ``lang``: in English ``name_en`` when filled, else ``name``.

        Examples
        --------
        >>> from workbook.testing import MINIMAL, tiny_project
        >>> p = tiny_project(project=MINIMAL["project"] + [{"key": "name_en", "value": "Test in English"}])
        >>> p.display_name("fi"), p.display_name("en")
        ('Test', 'Test in English')
        """
        return _in_language(self.settings, "name", lang)

    def display_description(self, lang: str) -> str:
        """The project's description in ``lang``: in English ``description_en`` when filled.

        Examples
        --------
        >>> from workbook.testing import tiny_project
        >>> tiny_project().display_description("en")
        ''
        """
        return _in_language(self.settings, "description", lang)

    @property
    def region(self) -> str:
        return self.settings["region"]

    @property
    def min_group_size(self) -> int:
        return self.settings["min_group_size"]

    @property
    def period(self) -> tuple[pd.Timestamp | None, pd.Timestamp | None]:
        return self.settings["period_start"], self.settings["period_end"]

    def focus_area_name(self, focus_area_id: str, lang: str) -> str:
        """Name of a focus area in ``lang`` (``fi`` or ``en``)."""
        row = self.focus_areas.set_index("focus_area_id").loc[focus_area_id]
        return row[f"name_{lang}"]


def _in_language(settings: dict[str, Any], key: str, lang: str) -> str:
    finnish, english = settings.get(key) or "", settings.get(f"{key}_en") or ""
    return (english or finnish) if check_lang(lang) == "en" else (finnish or english)


def validate_project(path: str | Path) -> ValidationReport:
    """Every problem of the project at ``path``; never raises for bad content.

    Raises ``ProjectPathError`` only when ``path`` is not there at all.
    """
    return _load(Path(path))[1]


def load_project(path: str | Path, strict: bool = True) -> Project:
    """Load and validate the project at ``path`` (a folder, or an ``.xlsx`` workbook).

    With ``strict`` (the default) a project with errors raises ``ProjectError`` holding
    the full report; otherwise the project is returned as far as it could be read, with
    ``project.report`` telling what is wrong.
    """
    project, report = _load(Path(path))
    if strict and not report.ok:
        raise ProjectError(report)
    return project


def _load(path: Path) -> tuple[Project, ValidationReport]:
    report = ValidationReport()
    raw_tables, base, source = _read_sources(path, report)
    settings_raw = raw_tables.get("project")
    settings_typed = _type(TABLES_BY_NAME["project"], settings_raw, 1900, report)
    settings = _settings(settings_typed, report)
    typed: dict[str, TypedTable] = {"project": settings_typed}
    for spec in TABLES[1:]:
        raw = raw_tables.get(spec.name)
        date_system = raw.date_system if raw is not None and raw.date_system else settings["date_system"]
        typed[spec.name] = _type(spec, raw, date_system, report)
    for table in typed.values():
        normalise_vocabulary_labels(table)
        report.extend(schema_problems(table))
        report.extend(case_duplicate_problems(table))
    report.extend(reference_problems(typed))
    municipalities, municipality_source = _municipalities(typed["municipalities"], settings)
    report.extend(municipality_problems(typed, municipalities["municipality"], municipality_source))
    report.extend(date_order_problems(typed["actions"]))
    tables = {name: t.frame for name, t in typed.items() if name != "project"}
    surveys, survey_problems = load_surveys(tables["survey_questions"], base / "surveys",
                                            municipalities["municipality"])
    report.extend(survey_problems)
    report.extend(_warnings(typed, set(raw_tables)))
    tables["municipalities"] = municipalities
    tables["actors"] = _with_region_columns(tables["actors"], municipalities)
    links = {name: _link_table(tables[table], table, column, value_column)
             for name, (table, column, value_column) in link_tables().items()}
    project = Project(path, source, settings, tables, links, surveys, report)
    return project, report


def _read_sources(path: Path, report: ValidationReport) -> tuple[dict[str, RawTable], Path, str]:
    if not path.exists():
        raise ProjectPathError(f"{path} does not exist")
    if not path.is_dir():
        if path.suffix.casefold() in OTHER_SPREADSHEETS:
            report.add(Problem("old_excel_format" if path.suffix.casefold() == ".xls" else "unsupported_format",
                               path.name, detail=path.name))
            return {}, path.parent, "xlsx"
        if path.suffix.casefold() != ".xlsx":
            raise ProjectPathError(f"{path} is neither a project folder nor an .xlsx workbook")
        return _read_workbook(path, report), path.parent, "xlsx"
    tables_by_file = {p.stem.casefold(): p for p in sorted(path.glob("*.csv"))}
    workbooks = [p for p in sorted(path.glob("*.xlsx")) if not p.name.startswith("~$")]
    others = [p for p in sorted(path.iterdir()) if p.suffix.casefold() in OTHER_SPREADSHEETS
              and not p.name.startswith("~$")]
    if not workbooks and not any(name in TABLES_BY_NAME for name in tables_by_file) and others:
        names = ", ".join(p.name for p in others)
        report.add(Problem("unsupported_format", path.name, detail=names))
        return {}, path, "xlsx"
    if any(name in TABLES_BY_NAME for name in tables_by_file):
        for workbook in workbooks:
            report.add(Problem("ambiguous_project", workbook.name, severity="warning",
                               detail=f"the folder holds CSV tables, so {workbook.name} was not read",
                               detail_fi=f"kansiossa on CSV-taulukoita, joten tiedostoa {workbook.name} ei luettu"))
        return _read_csv_tables(tables_by_file, report), path, "csv"
    if len(workbooks) == 1:
        return _read_workbook(workbooks[0], report), path, "xlsx"
    if len(workbooks) > 1:
        names = ", ".join(p.name for p in workbooks)
        report.add(Problem("ambiguous_project", path.name, detail="it holds several .xlsx workbooks: " + names,
                           detail_fi="siinä on useita .xlsx-työkirjoja: " + names))
        return {}, path, "xlsx"
    if not any(path.iterdir()):
        raise ProjectPathError(f"{path} is an empty folder: no project tables found")
    return _read_csv_tables(tables_by_file, report), path, "csv"


def _read_csv_tables(files: dict[str, Path], report: ValidationReport) -> dict[str, RawTable]:
    tables = {}
    for spec in TABLES:
        file = files.get(spec.name)
        if file is None:
            if spec.required:
                report.add(Problem("missing_table", f"{spec.name}.csv", table=spec.name,
                                   detail=f"no file {spec.name}.csv", detail_fi=f"tiedostoa {spec.name}.csv ei ole"))
            continue
        try:
            tables[spec.name] = read_csv(file, file.name, spec.columns)
        except ReadError as error:
            report.add(error.problem)
    return tables


def _read_workbook(path: Path, report: ValidationReport) -> dict[str, RawTable]:
    try:
        sheets = read_xlsx(path, path.name)
    except ReadError as error:
        report.add(error.problem)
        return {}
    for sheet in sheets.values():
        name = sheet.sheet.strip().casefold()
        if name not in TABLES_BY_NAME and name not in IGNORED_SHEETS and not name.startswith("_"):
            report.add(Problem("unknown_sheet", path.name, sheet.sheet, severity="warning", table=sheet.sheet))
    for spec in TABLES:
        if spec.required and spec.name not in sheets:
            report.add(Problem("missing_table", path.name, spec.name, table=spec.name,
                               detail=f"no sheet named {spec.name}", detail_fi=f"välilehteä {spec.name} ei ole"))
    return {name: sheets[name] for name in TABLES_BY_NAME if name in sheets}


def _type(spec, raw: RawTable | None, date_system: int, report: ValidationReport) -> TypedTable:
    if raw is None:
        raw = RawTable(f"{spec.name}.csv", None, spec.columns, [], [])
    typed, problems = type_table(spec, raw, date_system)
    report.extend(problems)
    return typed


def _settings(typed: TypedTable, report: ValidationReport) -> dict[str, Any]:
    values = dict(SETTING_DEFAULTS)
    rows = {}
    for position, (key, value) in enumerate(zip(typed.frame["key"], typed.frame["value"])):
        if not is_blank(key) and not is_blank(value):
            values[key] = value
            rows[key] = position
    settings: dict[str, Any] = {
        "name": values.get("name", ""), "region": values.get("region", ""),
        "country": values["country"], "description": values.get("description", ""),
        "name_en": values.get("name_en", ""), "description_en": values.get("description_en", ""),
    }

    def bad(key: str) -> None:
        report.add(typed.problem("bad_setting", rows.get(key), "value", values[key], detail=key))

    try:
        settings["min_group_size"] = parse_integer(values["min_group_size"])
        if settings["min_group_size"] < 1:
            raise CellError("not_positive")
    except CellError:
        bad("min_group_size")
        settings["min_group_size"] = int(SETTING_DEFAULTS["min_group_size"])
    # A demonstration project with invented data ("demo = yes"): only its pages say so.
    settings["demo"] = str(values.get("demo", "")).strip().casefold() in ("yes", "kyllä", "true", "1")
    settings["date_system"] = 1904 if values["date_system"] == "1904" else 1900
    if values["date_system"] not in ("1900", "1904"):
        bad("date_system")
    languages = parse_multi(values["languages"])
    if not languages or any(lang not in ("fi", "en") for lang in languages):
        bad("languages")
        languages = ("fi", "en")
    settings["languages"] = languages
    # Open answers in published outputs: "show" (default) or "hide" (workbook.masking).
    settings["open_answers"] = str(values["open_answers"]).strip().casefold()
    if settings["open_answers"] not in ("show", "hide"):
        bad("open_answers")
        settings["open_answers"] = SETTING_DEFAULTS["open_answers"]
    for key in ("period_start", "period_end"):
        settings[key] = None
        if key in values:
            try:
                settings[key] = parse_date(values[key], settings["date_system"])
            except CellError:
                bad(key)
    return settings


def _municipalities(typed: TypedTable, settings: dict[str, Any]) -> tuple[pd.DataFrame, dict[str, str]]:
    table = typed.frame
    if len(table):
        # A repeated or blank municipality is reported by validation; the first row counts.
        table = table.dropna(subset=["municipality"]).drop_duplicates("municipality").copy()
        table["sub_region_en"] = table["sub_region_en"].fillna(table["sub_region"])
        return table.sort_values("municipality", ignore_index=True), {"fi": "municipalities", "en": "municipalities"}
    if regions.is_lapland(settings["region"]):
        return regions.lapland_municipalities(), {"fi": "Lappi (sisäänrakennettu)", "en": "Lapland (built in)"}
    return pd.DataFrame(columns=["municipality", "sub_region", "sub_region_en"]), \
        {"fi": "municipalities (projektissa ei ole kuntia)", "en": "municipalities (the project has none)"}


def _with_region_columns(actors: pd.DataFrame, municipalities: pd.DataFrame) -> pd.DataFrame:
    sub_region = municipalities.drop_duplicates("municipality").set_index("municipality")["sub_region"]
    actors = actors.copy()
    actors["country"] = actors["country"].fillna("FI")
    actors["sub_region"] = actors["municipality"].map(sub_region).astype("object")
    actors["helix"] = actors["actor_type"].map(vocab.HELIX_OF_ACTOR_TYPE).astype("object")
    return actors


def _link_table(frame: pd.DataFrame, table: str, column: str, value_column: str) -> pd.DataFrame:
    key = TABLES_BY_NAME[table].key
    pairs = [(owner, value) for owner, values in zip(frame[key], frame[column]) for value in values]
    return pd.DataFrame(pairs, columns=[key, value_column], dtype="object")


def _warnings(typed: dict[str, TypedTable], present: set[str]) -> list[Problem]:
    problems = []
    actors, participation = typed["actors"], typed["participation"]
    if len(participation.frame):
        took_part = set(participation.frame["actor_id"].dropna())
        for position, (actor_id, name) in enumerate(zip(actors.frame["actor_id"], actors.frame["name"])):
            if not is_blank(actor_id) and actor_id not in took_part:
                problems.append(actors.problem("never_took_part", position, "actor_id", actor_id,
                                               severity="warning", hint_fi=f"({name})", hint_en=f"({name})"))
    for spec in TABLES:
        if spec.name in present and spec.required and spec.name != "project" and not len(typed[spec.name].frame):
            problems.append(Problem("empty_table", typed[spec.name].file, typed[spec.name].sheet,
                                    table=spec.name, severity="warning"))
    return problems


def table_names() -> list[str]:
    """Names of every table of the data model, in their documented order."""
    return [spec.name for spec in TABLES]


def multi_valued(table: str) -> list[str]:
    """Multi-valued columns of a table (re-exported for notebooks)."""
    return multi_columns(table)
