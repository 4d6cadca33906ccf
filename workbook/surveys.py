"""Raw survey exports: typed answers with pseudonymous respondents and no personal data.

Columns that the codebook marks ``personal`` (names, e-mails) are dropped as soon as the
file is read; so is any column missing from the codebook. A respondent is known only by a
pseudonym derived from the export's respondent number (or the row), stable across loads.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Iterable

import pandas as pd

from workbook import vocab
from workbook.parsing import CellError, is_blank, parse_number, parse_text
from workbook.problems import Problem
from workbook.readers import RawTable, ReadError, raw_problems, read_csv, read_xlsx
from workbook.validation import suggestion_hints

EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[a-z]{2,}", re.IGNORECASE)
PERSONAL_HEADER = re.compile(r"(nimi|name|e-?mail|sähköposti|sposti|puhelin|phone)", re.IGNORECASE)
PHONE = re.compile(r"(?<!\d)(?:\+358|0)[\d \-]{6,14}\d")
LIKERT_SCALE = re.compile(r"^\s*(-?\d+)\s*[-–]\s*(-?\d+)\s*$")


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


def load_surveys(codebook: pd.DataFrame, folder: Path, municipalities: Iterable[str],
                 display_folder: str = "surveys") -> tuple[dict[str, pd.DataFrame], list[Problem]]:
    """Read every survey named in the codebook; return answers per survey and the problems."""
    surveys, problems = {}, []
    for survey_id, questions in codebook.groupby("survey_id", sort=True):
        path = find_export(folder, survey_id)
        if path is None:
            problems.append(Problem("survey_missing", "survey_questions", value=survey_id,
                                    table="survey_questions"))
            continue
        display = f"{display_folder}/{path.name}"
        try:
            raw = read_csv(path, display, list(questions["column"])) if path.suffix == ".csv" \
                else next(iter(read_xlsx(path, display).values()))
        except ReadError as error:
            problems.append(error.problem)
            continue
        problems.extend(raw_problems(raw))  # an unclosed quote, control characters (already removed)
        answers, survey_problems = _type_answers(survey_id, questions, raw, set(municipalities))
        surveys[survey_id] = answers
        problems.extend(survey_problems)
    return surveys, problems


def _type_answers(survey_id: str, questions: pd.DataFrame, raw: RawTable,
                  municipalities: set[str]) -> tuple[pd.DataFrame, list[Problem]]:
    problems: list[Problem] = [Problem("too_many_cells", raw.file, raw.sheet, row, value=extra)
                               for row, extra in raw.overlong_rows]
    header = {c.strip().casefold(): c for c in raw.columns if c}
    coded = {str(c).strip().casefold() for c in questions["column"]}
    for key, original in header.items():
        if key in coded:
            continue
        values = [r.get(original) for r in raw.records[:200]]
        looks_personal = PERSONAL_HEADER.search(original) or any(
            isinstance(v, str) and EMAIL.search(v) for v in values)
        problems.append(Problem("personal_data_dropped" if looks_personal else "uncoded_column",
                                raw.file, raw.sheet, 1, original, severity="warning"))
    respondent_column = next(
        (header.get(str(q.column).strip().casefold()) for q in questions.itertuples()
         if q.type == "respondent_id"), None)
    respondents = [
        pseudonym(survey_id, parse_text(record.get(respondent_column))
                  if respondent_column and not is_blank(record.get(respondent_column)) else f"row{row}")
        for record, row in zip(raw.records, raw.rows)
    ]
    columns: dict[str, list[object]] = {}
    for question in questions.itertuples():
        if question.type in ("personal", "respondent_id"):
            continue
        source = header.get(str(question.column).strip().casefold())
        if source is None:
            problems.append(Problem("survey_column_missing", raw.file, raw.sheet, 1, question.column,
                                    value=question.column))
            continue
        columns[question.question_id] = [
            _answer(question, record.get(source), row, source, raw, municipalities, problems)
            for record, row in zip(raw.records, raw.rows)
        ]
    frame = pd.DataFrame(columns, index=pd.Index(respondents, name="respondent"))
    for question in questions.itertuples():
        if question.question_id in frame and question.type == "likert":
            frame[question.question_id] = frame[question.question_id].astype("Int64")
        elif question.question_id in frame and question.type == "number":
            frame[question.question_id] = frame[question.question_id].astype("float64")
    return frame, problems


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


def _answer(question, value, row, column, raw, municipalities, problems):
    if is_blank(value):
        return None

    def bad(rule="bad_answer", detail="", **hints):
        problems.append(Problem(rule, raw.file, raw.sheet, row, column, parse_text(value),
                                detail=detail, **hints))
        return None

    kind = question.type
    if kind == "likert":
        low, high = likert_range(question.scale)
        try:
            number = parse_number(value)
        except CellError:
            return bad(detail=f"{low}–{high}")
        return int(number) if number.is_integer() and low <= number <= high else bad(detail=f"{low}–{high}")
    if kind == "number":
        try:
            return parse_number(value)
        except CellError as error:
            return bad(error.rule)
    text = parse_text(value)
    if kind == "actor_type":
        code = vocab.code_for(vocab.ACTOR_TYPES, text)
        return code or bad("unknown_value", **suggestion_hints(text, [
            label for entry in vocab.ACTOR_TYPES.values() for label in entry.values()]))
    if kind == "municipality":
        match = next((m for m in municipalities if m.casefold() == text.casefold()), None)
        return match or bad("unknown_value", **suggestion_hints(text, municipalities))
    options = scale_options(question.scale)
    if kind == "single":
        if options and text.casefold() not in {o.casefold() for o in options}:
            return bad(detail="; ".join(options))
        return text
    if kind == "multi":
        chosen = tuple(o.strip() for o in text.split(";") if o.strip())
        unknown = [c for c in chosen if options and c.casefold() not in {o.casefold() for o in options}]
        return bad(detail="; ".join(options)) if unknown else chosen
    return mask_contact_details(text)


def mask_contact_details(text: str) -> str:
    """Hide e-mail addresses and phone numbers that respondents typed into open answers
    (:func:`workbook.masking.mask_contact_details`: language-neutral placeholders, written
    per language when shown).

    Examples
    --------
    >>> mask_contact_details("Soita 040 123 4567 tai maija(at)example.fi")
    'Soita ⟦phone⟧ tai ⟦email⟧'
    """
    from workbook.masking import mask_contact_details as mask

    return mask(text)
