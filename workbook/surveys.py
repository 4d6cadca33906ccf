"""Raw survey exports: typed answers with pseudonymous respondents and no personal data.

Exports are read as the survey tools write them (Webropol, Microsoft Forms, Google Forms,
LimeSurvey): ``.csv`` or ``.xlsx``; a multiple-choice question as one ``;``-joined column
or as one column per option ("Question: Option", "Question [Option]", "Q7[SQ001]", with
the option text, 1/0, X or Y in the cell); answers as numbers or as the labels people saw.
What the answers mean comes from the codebook only (:mod:`workbook.codebook`).

Columns that the codebook marks ``personal`` (names, e-mails) are dropped as soon as the
file is read; so is any column missing from the codebook, and the tools' own metadata
(ID, start and completion time, e-mail, name, IP address) needs no codebook row at all.
Names from a personal column, e-mail addresses and phone numbers typed into a text answer
are masked. A respondent is known only by a pseudonym derived from the export's
respondent number (or the row), stable across loads. An answer meaning "no answer" is
stored as missing (``NA``): it is counted apart and never enters a mean or a share.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import pandas as pd

from workbook import codebook as cb
from workbook import vocab
from workbook.parsing import CellError, is_blank, parse_number, parse_text
from workbook.masking import NAME_TOKEN, mask_contact_details
from workbook.problems import Problem
from workbook.readers import RawTable, ReadError, raw_problems, read_csv, read_xlsx

EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[a-z]{2,}", re.IGNORECASE)
PERSONAL_HEADER = re.compile(r"(nimi|name|e-?mail|sähköposti|sposti|puhelin|phone)", re.IGNORECASE)
PHONE = re.compile(r"(?<!\d)(?:\+358|0)[\d \-]{6,14}\d")
LIKERT_SCALE = re.compile(r"^\s*(-?\d+)\s*[-–]\s*(-?\d+)\s*$")
# Columns the survey tools add about the response itself: dropped without a codebook row.
METADATA_HEADER = re.compile(
    r"^(id|response ?id|respondent ?id|vastaustunnus|vastauksen tunnus|vastaajan tunnus|start ?time|"
    r"completion ?time|last modified time|aloitusaika|valmistumisaika|viimeksi muokattu|"
    r"timestamp|aikaleima|submitdate|startdate|datestamp|lastpage|startlanguage|seed|refurl|"
    r"date submitted|date started|date last action|last page|start language|referrer url|total time|"
    r"interviewtime|vastausaika|vastauspäivä|vastauksen päivämäärä|vastauksen aloitusaika|vastattu|"
    r"tallennettu|lähetetty|kesto|duration|token|lang)$", re.IGNORECASE)
# The tools' metadata columns about the person: dropped as personal data.
PERSONAL_METADATA = re.compile(
    r"^(e-?mail|email address|sähköposti(osoite)?|name|nimi|full name|etu- ja sukunimi|"
    r"ip|ip ?address|ipaddr|ip-osoite|phone|puhelin(numero)?|firstname|lastname|"
    r"etunimi|sukunimi)$", re.IGNORECASE)
_OPTION_SUFFIX = (re.compile(r"^\s*[:\-–]\s*(?P<option>\S.*?)\s*$"), re.compile(r"^\s*\[(?P<option>[^\]]+)\]\s*$"),
                  re.compile(r"^\s*\((?P<option>[^)]+)\)\s*$"))


def pseudonym(survey_id: str, raw_id: str) -> str:
    """A respondent's stable pseudonym.

    Examples
    --------
    >>> pseudonym("S1", "17") == pseudonym("S1", "17"), pseudonym("S1", "17").startswith("S1-")
    (True, True)
    """
    digest = hashlib.sha256(f"{survey_id}\x1f{raw_id}".encode()).hexdigest()[:8]
    return f"{survey_id}-{digest}"


def find_export(folder: Path, survey_id: str) -> Path | None:
    """The export file of a survey: ``surveys/<survey_id>.csv`` or ``.xlsx``."""
    for suffix in (".csv", ".xlsx"):
        for candidate in (folder.glob(f"*{suffix}") if folder.is_dir() else ()):
            if candidate.stem.casefold() == survey_id.casefold():
                return candidate
    return None


def read_export(path: Path, display: str, expected: Iterable[str] = ()) -> RawTable:
    """The raw table of a survey export: a CSV, or the first non-empty sheet of an ``.xlsx``
    (read by the safe reader: zip-bomb and entity checks before any XML is parsed)."""
    if path.suffix.casefold() == ".xlsx":
        sheets = list(read_xlsx(path, display).values())
        return next((sheet for sheet in sheets if sheet.columns), sheets[0] if sheets else
                    RawTable(display, None, [], [], []))
    expected = list(expected)
    try:
        return read_csv(path, display, expected or None)
    except ReadError as error:
        if error.problem.rule != "delimiter" or not expected:
            raise
        return read_csv(path, display, None)  # e.g. every question exported as option columns


def load_surveys(codebook: pd.DataFrame, folder: Path, municipalities: Iterable[str],
                 display_folder: str = "surveys") -> tuple[dict[str, pd.DataFrame], list[Problem]]:
    """Read every survey named in the codebook; return answers per survey and the problems."""
    surveys, problems = {}, []
    municipalities = list(municipalities)
    raws = {}
    for survey_id, questions in codebook.groupby("survey_id", sort=True):
        path = find_export(folder, survey_id)
        if path is None:
            problems.append(Problem("survey_missing", "survey_questions", value=survey_id,
                                    table="survey_questions"))
            continue
        display = f"{display_folder}/{path.name}"
        try:
            raws[survey_id] = (questions, read_export(path, display, list(questions["column"])))
        except ReadError as error:
            problems.append(error.problem)
    for _, raw in raws.values():
        problems.extend(raw_problems(raw))  # an unclosed quote, control characters (already removed)
    # A name written in any export's name column is masked in every survey's text answers.
    names = set().union(*(personal_names(questions, raw) for questions, raw in raws.values()))
    for survey_id, (questions, raw) in raws.items():
        answers, survey_problems = type_answers(survey_id, questions, raw, municipalities, names)
        surveys[survey_id] = answers
        problems.extend(survey_problems)
    return surveys, problems


def _personal_columns(questions: pd.DataFrame, raw: RawTable) -> list[str]:
    """Columns of an export holding personal data: coded ``personal`` or looking like it."""
    coded = {_key(c): t for c, t in zip(questions["column"], questions["type"])}
    columns = []
    for column in raw.columns:
        if not column or not str(column).strip():
            continue
        kind = coded.get(_key(column))
        if kind == "personal" or kind is None and not METADATA_HEADER.match(str(column).strip()) and (
                PERSONAL_METADATA.match(str(column).strip()) or PERSONAL_HEADER.search(column)):
            columns.append(column)
    return columns


def personal_names(questions: pd.DataFrame, raw: RawTable) -> set[str]:
    """People's names written in an export's personal columns (two words or more)."""
    names = set()
    for column in _personal_columns(questions, raw):
        if _holds_emails(raw, column):
            continue
        for record in raw.records:
            value = record.get(column)
            if isinstance(value, str) and len(value.split()) >= 2 and len(value.strip()) >= 5:
                names.add(" ".join(value.split()))
    return names


@dataclass
class Spec:
    """One codebook row made ready to read answers with."""

    row: dict
    question_id: str
    type: str
    column: str
    scale: object
    options: list[str]
    no_answer: list[str]
    labels: dict[str, str]

    @classmethod
    def of(cls, row: dict) -> "Spec":
        labels = cb.parse_labels(row.get("labels"))
        kind = row["type"]
        options = scale_options(row.get("scale")) if kind in ("single", "multi") else []
        return cls(row, str(row["question_id"]), kind, str(row["column"]), row.get("scale"), options,
                   cb.split_list(row.get("no_answer")), labels)

    def no_answer_value(self, value: object) -> bool:
        return cb.is_no_answer(value, self.no_answer, self.options + list(self.labels))


@dataclass
class _Unknowns:
    """Unknown answers, one problem per question and value (first row, the others listed)."""

    found: dict[tuple, list[int]] = field(default_factory=dict)
    specs: dict[tuple, tuple] = field(default_factory=dict)

    def add(self, spec: Spec, column: str, value: object, row: int, rule: str = "unknown_value") -> None:
        text = parse_text(value)
        key = (spec.question_id, column, cb.normalise(text), rule)
        self.found.setdefault(key, []).append(row)
        self.specs.setdefault(key, (spec, text))

    def problems(self, raw: RawTable, municipalities: list[str], survey_id: str) -> list[Problem]:
        out = []
        for key, rows in self.found.items():
            spec, text = self.specs[key]
            hints = _unknown_hints(spec, text, rows, municipalities, survey_id)
            out.append(Problem(key[3], raw.file, raw.sheet, rows[0], key[1], text,
                               detail=hints.pop("detail"), **hints))
        return out


def type_answers(survey_id: str, questions: pd.DataFrame, raw: RawTable, municipalities: Iterable[str],
                 names: Iterable[str] | None = None) -> tuple[pd.DataFrame, list[Problem]]:
    """Typed answers of one export (one row per respondent) and the problems found.

    ``names`` (default: those of this export's personal columns) are masked in text answers.
    """
    municipalities = list(municipalities)
    problems: list[Problem] = [Problem("too_many_cells", raw.file, raw.sheet, row, value=extra)
                               for row, extra in raw.overlong_rows]
    header = {_key(c): c for c in raw.columns if c and str(c).strip()}
    specs, used = [], set()
    for row in questions.to_dict("records"):
        try:
            specs.append(Spec.of(row))
        except ValueError as error:
            problems.append(Problem(
                "bad_format", "survey_questions", value=str(error), column="labels", table="survey_questions",
                detail=f"{survey_id} {row['question_id']}",
                hint_fi=f"Kysely {survey_id}, kysymys {row['question_id']}: kirjoita vastaus=merkitys, esim. "
                        "Erittäin tärkeä=5, ja erota parit ;-merkillä.",
                hint_en=f"Survey {survey_id}, question {row['question_id']}: write answer=meaning, e.g. "
                        "Erittäin tärkeä=5, and separate the pairs with ;."))
    sources: dict[str, object] = {}
    for spec in specs:
        source = header.get(_key(spec.column))
        if source is not None:
            sources[spec.question_id] = source
            used.add(source)
            continue
        if spec.type in ("personal", "respondent_id"):
            continue
        option_columns = _option_columns(spec.column, raw.columns) if spec.type in ("single", "multi") else []
        if option_columns:
            sources[spec.question_id] = option_columns
            used.update(h for h, _ in option_columns)
            problems.extend(_option_header_problems(spec, option_columns, raw))
            continue
        problems.append(Problem("survey_column_missing", raw.file, raw.sheet, 1, spec.column,
                                value=spec.column))
    for key, original in header.items():
        if original in used:
            continue
        if METADATA_HEADER.match(str(original).strip()):
            continue
        values = [r.get(original) for r in raw.records[:200]]
        looks_personal = PERSONAL_METADATA.match(str(original).strip()) or PERSONAL_HEADER.search(original) or any(
            isinstance(v, str) and (EMAIL.search(v) or PHONE.search(v)) for v in values)
        problems.append(Problem("personal_data_dropped" if looks_personal else "uncoded_column",
                                raw.file, raw.sheet, 1, original, severity="warning"))
    respondent_column = next((sources.get(s.question_id) for s in specs if s.type == "respondent_id"), None)
    respondents = [
        pseudonym(survey_id, parse_text(record.get(respondent_column))
                  if respondent_column and not is_blank(record.get(respondent_column)) else f"row{row}")
        for record, row in zip(raw.records, raw.rows)
    ]
    names = _name_pattern(personal_names(questions, raw) if names is None else set(names))
    unknowns = _Unknowns()
    columns: dict[str, list[object]] = {}
    for spec in specs:
        source = sources.get(spec.question_id)
        if spec.type in ("personal", "respondent_id") or source is None:
            continue
        if isinstance(source, list):
            columns[spec.question_id] = [_from_option_columns(spec, source, record, row, unknowns)
                                         for record, row in zip(raw.records, raw.rows)]
        else:
            columns[spec.question_id] = [
                _answer(spec, record.get(source), row, source, municipalities, unknowns, names)
                for record, row in zip(raw.records, raw.rows)]
    problems.extend(unknowns.problems(raw, municipalities, survey_id))
    frame = pd.DataFrame(columns, index=pd.Index(respondents, name="respondent"))
    for spec in specs:
        if spec.question_id in frame and spec.type == "likert":
            frame[spec.question_id] = frame[spec.question_id].astype("Int64")
        elif spec.question_id in frame and spec.type == "number":
            frame[spec.question_id] = frame[spec.question_id].astype("float64")
    return frame, problems


def _key(header: object) -> str:
    return cb.normalise(header)


def _option_columns(stem: str, headers: Iterable[str]) -> list[tuple[str, str]]:
    """The (header, option) pairs of a question exported as one column per option."""
    stem_text = re.sub(r"\s+", " ", str(stem)).strip()
    found = []
    for header in headers:
        text = re.sub(r"\s+", " ", str(header or "")).strip()
        if len(text) <= len(stem_text) or text[:len(stem_text)].casefold() != stem_text.casefold():
            continue
        rest = text[len(stem_text):]
        for pattern in _OPTION_SUFFIX:
            match = pattern.match(rest)
            if match:
                found.append((header, match.group("option")))
                break
    return found


def _option_header_problems(spec: Spec, option_columns: list[tuple[str, str]], raw: RawTable) -> list[Problem]:
    """An option column whose option the codebook does not list (when it lists any)."""
    if not spec.options:
        return []
    problems = []
    for header, name in option_columns:
        if spec.no_answer_value(name) or cb.option(name, spec.options, spec.labels) is not None:
            continue
        hints = _unknown_hints(spec, name, [1], [], str(spec.row.get("survey_id", "")))
        problems.append(Problem("unknown_value", raw.file, raw.sheet, 1, header, name,
                                detail=hints.pop("detail"), **hints))
    return problems


def _from_option_columns(spec: Spec, source: list[tuple[str, str]], record: dict, row: int,
                         unknowns: _Unknowns):
    chosen = []
    for header, name in source:
        value = record.get(header)
        state = cb.chosen_cell(value, name, spec.labels)
        if state is None:
            if spec.no_answer_value(value):
                continue
            unknowns.add(spec, header, value, row, "bad_answer")
            continue
        if state and not spec.no_answer_value(name):
            chosen.append(cb.option(name, spec.options, spec.labels) or name)
    chosen = list(dict.fromkeys(chosen))
    if not chosen:
        return None
    if spec.type == "single":
        if len(chosen) > 1:
            unknowns.add(spec, spec.column, "; ".join(chosen), row, "bad_answer")
            return None
        return chosen[0]
    return tuple(chosen)


def _holds_emails(raw: RawTable, column: str) -> bool:
    values = [v for v in (r.get(column) for r in raw.records[:200]) if isinstance(v, str) and v.strip()]
    return bool(values) and sum(bool(EMAIL.search(v)) for v in values) > len(values) / 2


def _name_pattern(names: set[str]) -> re.Pattern | None:
    """A pattern finding the names, first-last or last-first, in any case and spacing."""
    variants = set()
    for name in names:
        parts = name.split()
        variants.update({" ".join(parts), " ".join(parts[::-1])})
    if not variants:
        return None
    alternatives = sorted((r"\s+".join(map(re.escape, n.split())) for n in variants), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)


def likert_range(scale: object) -> tuple[int, int]:
    """The (low, high) end points of a Likert scale written as ``1-5``; default 1–5.

    Examples
    --------
    >>> likert_range("1-7"), likert_range(None)
    ((1, 7), (1, 5))
    """
    match = LIKERT_SCALE.match(str(scale)) if not is_blank(scale) else None
    return (int(match.group(1)), int(match.group(2))) if match else (1, 5)


def scale_options(scale: object) -> list[str]:
    """The options of a choice question, from its ``;``-separated scale (empty = any).

    Examples
    --------
    >>> scale_options("Kyllä; Ei")
    ['Kyllä', 'Ei']
    """
    return [] if is_blank(scale) else [o.strip() for o in str(scale).split(";") if o.strip()]


def _split_multi(text: str, spec: Spec) -> list[str]:
    """The options of a one-column multiple-choice answer: ``;``-joined (Forms adds a
    trailing ``;``), or ``,``-joined as Google Forms writes them when the options are known."""
    parts = [p.strip() for p in text.split(";") if p.strip()]
    if len(parts) == 1 and "," in text and spec.options:
        whole = cb.option(text, spec.options, spec.labels)
        if whole is None:
            pieces, rest = [], text
            for name in sorted(spec.options, key=len, reverse=True):
                pattern = re.compile(r"(?:^|,)\s*" + re.escape(name) + r"\s*(?=,|$)", re.IGNORECASE)
                found = pattern.search(rest)
                if found:
                    pieces.append((found.start(), name))
                    rest = pattern.sub(lambda m: "," + " " * (len(m.group(0)) - 1), rest)
            if pieces and not rest.replace(",", "").strip():
                return [name for _, name in sorted(pieces)]
    return parts


def _answer(spec: Spec, value, row, column, municipalities, unknowns: _Unknowns, names):
    if spec.no_answer_value(value):
        return None
    kind = spec.type
    if kind == "likert":
        low, high = likert_range(spec.scale)
        point = cb.scale_point(value, low, high, spec.labels)
        if point is None:
            unknowns.add(spec, column, value, row, "bad_answer")
        return point
    if kind == "number":
        key = cb.normalise(value)
        target = spec.labels.get(key, value)
        try:
            return parse_number(target)
        except CellError:
            unknowns.add(spec, column, value, row, "bad_answer")
            return None
    text = parse_text(value)
    if kind == "actor_type":
        code = cb.actor_type(text, spec.labels)
        if code is None:
            unknowns.add(spec, column, value, row)
        return code
    if kind == "municipality":
        match = cb.municipality(text, municipalities, spec.labels)
        if match is None:
            unknowns.add(spec, column, value, row)
        return match
    if kind == "single":
        chosen = cb.option(text, spec.options, spec.labels)
        if chosen is None:
            unknowns.add(spec, column, value, row, "bad_answer")
            return None
        return _mask(chosen, names) if not spec.options else chosen
    if kind == "multi":
        chosen = []
        for part in _split_multi(text, spec):
            if spec.no_answer_value(part):
                continue
            name = cb.option(part, spec.options, spec.labels)
            if name is None:
                unknowns.add(spec, column, part, row, "bad_answer")
                return None
            chosen.append(_mask(name, names) if not spec.options else name)
        return tuple(dict.fromkeys(chosen)) or None
    return _mask(text, names)


def _mask(text: str, names: re.Pattern | None) -> str:
    masked = mask_contact_details(text)
    return names.sub(NAME_TOKEN, masked) if names is not None else masked


def _allowed(spec: Spec, municipalities: list[str], lang: str) -> str:
    kind = spec.type
    labels = [f"{answer}={meaning}" for answer, meaning in spec.labels.items()]
    if kind == "likert":
        low, high = likert_range(spec.scale)
        scale = cb.SCALE_LABELS.get(high - low + 1, {})
        words = {}
        for word, point in scale.items():
            words.setdefault(point, word)
        named = ", ".join(f"{words[p]}={p + low - 1}" for p in sorted(words)) if words else ""
        return "; ".join(filter(None, [f"{low}–{high}", named, *labels]))
    if kind == "number":
        return {"fi": "luku", "en": "a number"}[lang]
    if kind == "actor_type":
        return ", ".join(f"{code} ({vocab.ACTOR_TYPES[code][lang]})" for code in vocab.ACTOR_TYPES)
    if kind == "municipality":
        return ", ".join(sorted(municipalities)) if len(municipalities) <= 40 else \
            ", ".join(sorted(municipalities)[:40]) + " …"
    if spec.options:
        return "; ".join(spec.options + labels)
    return {"fi": "mikä tahansa teksti", "en": "any text"}[lang]


def _codebook_line(spec: Spec, **changes: str) -> str:
    columns = ["survey_id", "question_id", "column", "text_fi", "text_en", "type", "scale", "no_answer", "labels"]
    row = {c: ("" if is_blank(spec.row.get(c)) else str(spec.row.get(c))) for c in columns}
    for column, addition in changes.items():
        row[column] = f"{row[column]};{addition}" if row[column] else addition
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="").writerow([row[c] for c in columns])
    return buffer.getvalue()


def _unknown_hints(spec: Spec, text: str, rows: list[int], municipalities: list[str],
                   survey_id: str) -> dict[str, str]:
    kind = spec.type
    if kind == "likert":
        change = {"labels": f"{text}=?"}
    elif kind == "actor_type":
        change = {"labels": f"{text}=other"}
    elif kind == "municipality":
        change = {"labels": f"{text}=?"}
    elif kind in ("single", "multi") and spec.options:
        change = {"scale": text}
    else:
        change = {"no_answer": text}
    line = _codebook_line(spec, **change)
    more = [str(r) for r in rows[1:]]
    also = (", ".join(more[:10]) + (f" (+{len(more) - 10})" if len(more) > 10 else "")) if more else ""
    hint = {}
    for lang in ("fi", "en"):
        parts = [
            {"fi": f"Kysymys {spec.question_id} ({spec.column}).", "en": f"Question {spec.question_id} ({spec.column})."}[lang],
            {"fi": f"Sallitut: {_allowed(spec, municipalities, lang)}; tai \"ei vastausta\" "
                   f"({', '.join(cb.NO_ANSWER[:5])}, tyhjä{'; ' + '; '.join(spec.no_answer) if spec.no_answer else ''}).",
             "en": f"Allowed: {_allowed(spec, municipalities, lang)}; or \"no answer\" "
                   f"({', '.join(cb.NO_ANSWER[:5])}, blank{'; ' + '; '.join(spec.no_answer) if spec.no_answer else ''})."}[lang],
        ]
        if also:
            parts.append({"fi": f"Sama vastaus myös riveillä {also}.", "en": f"The same answer is also on rows {also}."}[lang])
        parts.append({"fi": f"Hyväksy se korjaamalla koodikirjan (survey_questions) rivi muotoon: {line}"
                            + (" (korvaa ? oikealla arvolla)" if "=?" in line else ""),
                      "en": f"To accept it, change the codebook (survey_questions) line to: {line}"
                            + (" (put the right value for ?)" if "=?" in line else "")}[lang])
        hint[f"hint_{lang}"] = " ".join(parts)
    low, high = likert_range(spec.scale)
    hint["detail"] = {"likert": f"{low}–{high}", "number": "1 234,5", "actor_type": ", ".join(vocab.ACTOR_TYPES)}.get(
        kind, "; ".join(spec.options))
    return hint
