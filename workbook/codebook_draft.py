"""Draft codebook rows for a survey export: ``workbook codebook EXPORT --survey S3``.

The draft guesses each question's type from its header and answers, so that a new export
needs one review instead of an afternoon of typing:

- the tools' metadata (start and completion time, language …) gets no row (the loader
  drops it anyway); an ID column becomes the ``respondent_id``;
- names, e-mails, phone numbers and IP addresses (by header, or when most answers look
  like an e-mail address or a phone number) become ``personal`` (dropped at load time);
- columns "Question: Option" / "Question [Option]" holding 1/0, X, Y or the option's text
  become one ``multi`` row; the same headers holding scale labels stay separate questions;
- answers from a known agreement scale, or whole numbers 1–5 / 1–7, become ``likert``
  (an out-of-scale code such as 99 goes into ``no_answer``); other numbers ``number``;
- answers that are organisation types or the region's municipalities become
  ``actor_type`` / ``municipality`` (answers that cannot be mapped are listed for review:
  organisation types as ``labels`` "answer=other", places outside the region in
  ``no_answer``);
- few repeated short answers become ``single`` (``;``-joined ones ``multi``), with the
  options in the ``scale``; anything else ``open``.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Iterable

import pandas as pd

from workbook import codebook as cb
from workbook.parsing import is_blank, parse_number, parse_text
from workbook.readers import RawTable
from workbook.schemas import TABLES_BY_NAME
from workbook.surveys import EMAIL, METADATA_HEADER, PERSONAL_HEADER, PERSONAL_METADATA, PHONE, read_export

RESPONDENT_HEADER = re.compile(r"^(id|response ?id|respondent ?id|vastaustunnus|vastauksen tunnus|vastaajan "
                               r"(numero|tunnus|tunniste)|vastaaja|respondent( number)?)$", re.IGNORECASE)
ACTOR_HEADER = re.compile(r"(organisaatio\w*\s+tyyppi|organisaatiotyyppi|toimijatyyppi|edustamanne|taustaorganisaatio|"
                          r"sektori|type of (your )?organi[sz]ation|organi[sz]ation type|sector)", re.IGNORECASE)
PLACE_HEADER = re.compile(r"(kotikunta|sijaintikunta|kunta|paikkakunta|municipality|home town)", re.IGNORECASE)
COUNT_HEADER = re.compile(r"(määrä|lukumäärä|kuinka monta|montako|vuosi|ikä|number of|how many|year|age|€|eur)",
                          re.IGNORECASE)
GROUP_HEADER = (re.compile(r"^(?P<stem>.*\S)\s*\[(?P<option>[^\]]+)\]\s*$"),
                re.compile(r"^(?P<stem>.*\S)\s*:\s+(?P<option>\S[^:]*)$"))
NO_ANSWER_CODES = {9, 99, 999}


def _values(raw: RawTable, header: str) -> list[object]:
    return [r.get(header) for r in raw.records if not is_blank(r.get(header))]


def _groups(headers: list[str]) -> dict[str, list[tuple[str, str]]]:
    """Headers sharing a question part: stem -> [(header, option)], only stems with two or more."""
    found: dict[str, list[tuple[str, str]]] = {}
    for header in headers:
        for pattern in GROUP_HEADER:
            match = pattern.match(header)
            if match:
                found.setdefault(match.group("stem").strip(), []).append((header, match.group("option").strip()))
                break
    return {stem: members for stem, members in found.items() if len(members) >= 2}


def _is_option_columns(raw: RawTable, members: list[tuple[str, str]]) -> bool:
    for header, name in members:
        for value in _values(raw, header):
            if cb.chosen_cell(value, name) is None and not cb.is_no_answer(value):
                return False
    return True


def _by_frequency(values: Iterable[str]) -> list[str]:
    counts = Counter(values)
    return sorted(counts, key=lambda v: (-counts[v], v.casefold()))


def _numbers(values: list[object]) -> list[float] | None:
    numbers = []
    for value in values:
        try:
            numbers.append(parse_number(value))
        except Exception:
            return None
    return numbers


def _looks_personal(header: str, values: list[object]) -> bool:
    if PERSONAL_METADATA.match(header.strip()) or (len(header) <= 40 and PERSONAL_HEADER.search(header)):
        return True
    texts = [str(v) for v in values if isinstance(v, str)]
    contacts = sum(bool(EMAIL.search(t) or PHONE.search(t)) for t in texts)
    return bool(texts) and contacts > len(texts) / 2


def _guess(header: str, values: list[object], municipalities: list[str], notes: list[str]) -> dict[str, str]:
    """Type, scale, no_answer and labels of one column."""
    answers = [v for v in values if not cb.is_no_answer(v)]
    if not answers:
        notes.append(f"{header!r}: no answers at all; drafted as open")
        return {"type": "open"}
    numbers = _numbers(answers)
    if numbers is not None:
        whole = all(float(n).is_integer() for n in numbers)
        core = [n for n in numbers if int(n) not in NO_ANSWER_CODES] if whole else numbers
        codes = sorted({int(n) for n in numbers if int(n) in NO_ANSWER_CODES}) if whole else []
        if whole and core and min(core) >= 1 and max(core) <= 7 and len(set(core)) >= 2 \
                and not COUNT_HEADER.search(header):
            points = 5 if max(core) <= 5 else 7
            return {"type": "likert", "scale": f"1-{points}", "no_answer": ";".join(str(c) for c in codes)}
        return {"type": "number"}
    texts = [parse_text(v) for v in answers]
    points = cb.known_scale(texts)
    if points is None and all(cb.scale_point(t, 1, 7) is not None and not _numbers([t]) for t in texts):
        points = 5 if all(cb.scale_point(t, 1, 5) is not None for t in texts) else 7
    if points is not None:
        return {"type": "likert", "scale": f"1-{points}"}
    distinct = sorted(set(texts), key=str.casefold)
    mapped = [t for t in texts if cb.actor_type(t)]
    if ACTOR_HEADER.search(header) or len(mapped) >= 0.6 * len(texts):
        unmapped = [t for t in distinct if cb.actor_type(t) is None]
        if unmapped:
            notes.append(f"{header!r}: organisation types not recognised, drafted as 'other': {', '.join(unmapped)}")
        return {"type": "actor_type", "labels": ";".join(f"{t}=other" for t in unmapped)}
    places = [t for t in texts if cb.municipality(t, municipalities)]
    if municipalities and (PLACE_HEADER.search(header) and places or len(places) >= 0.6 * len(texts)):
        outside = [t for t in distinct if cb.municipality(t, municipalities) is None]
        if outside:
            notes.append(f"{header!r}: not municipalities of the region, drafted as 'no answer': {', '.join(outside)}")
        return {"type": "municipality", "no_answer": ";".join(outside)}
    if any(";" in t for t in texts):
        parts = [p.strip() for t in texts for p in t.split(";") if p.strip() and not cb.is_no_answer(p)]
        if len(set(parts)) <= 30:
            return {"type": "multi", "scale": ";".join(_by_frequency(parts))}
    longest = max(len(t) for t in texts)
    if len(distinct) <= 15 and longest <= 80 and len(distinct) < len(texts) \
            and (len(distinct) <= max(2, len(texts) // 2) or longest <= 12):
        return {"type": "single", "scale": ";".join(_by_frequency(texts))}
    return {"type": "open"}


def draft_codebook(path: Path, survey_id: str, municipalities: Iterable[str] | None = None
                   ) -> tuple[pd.DataFrame, list[str]]:
    """Draft ``survey_questions`` rows for one export, and notes on what to review.

    ``municipalities`` defaults to Lapland's. Returns the rows (columns of the
    ``survey_questions`` table) and the review notes.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> export = pathlib.Path(tempfile.mkdtemp()) / "S9.csv"
    >>> _ = export.write_text("ID;Email;Organisaatio;Tuttu\\n1;a@b.fi;Yhdistys;Samaa mieltä\\n"
    ...                       "2;c@d.fi;Yritys;EOS\\n", encoding="utf-8")
    >>> rows, notes = draft_codebook(export, "S9")
    >>> rows[["question_id", "type", "scale"]].values.tolist()
    [['ID', 'respondent_id', ''], ['P1', 'personal', ''], ['Q1', 'actor_type', ''], ['Q2', 'likert', '1-5']]
    """
    from workbook.regions import lapland_municipalities

    path = Path(path)
    municipalities = list(municipalities if municipalities is not None
                          else lapland_municipalities()["municipality"])
    raw = read_export(path, path.name)
    headers = [h for h in raw.columns if h and str(h).strip()]
    groups = {stem: members for stem, members in _groups(headers).items() if _is_option_columns(raw, members)}
    in_group = {header: stem for stem, members in groups.items() for header, _ in members}
    rows, notes, done = [], [], set()
    counters = Counter()
    respondent_seen = False

    def add(prefix: str, column: str, kind: str, **cells: str) -> None:
        counters[prefix] += 1
        question_id = "ID" if kind == "respondent_id" else f"{prefix}{counters[prefix]}"
        rows.append({"survey_id": survey_id, "question_id": question_id, "column": column, "text_fi": column,
                     "text_en": "", "type": kind, "scale": cells.get("scale", ""),
                     "no_answer": cells.get("no_answer", ""), "labels": cells.get("labels", "")})

    for header in headers:
        if header in in_group:
            stem = in_group[header]
            if stem not in done:
                done.add(stem)
                members = groups[stem]
                options = [name for _, name in members if not cb.is_no_answer(name)]
                chosen_max = max((sum(bool(cb.chosen_cell(r.get(h), n)) for h, n in members) for r in raw.records),
                                 default=0)
                add("Q", stem, "multi" if chosen_max != 1 or len(raw.records) < 2 else "single",
                    scale=";".join(options))
            continue
        values = _values(raw, header)
        if RESPONDENT_HEADER.match(header.strip()) and not respondent_seen:
            respondent_seen = True
            add("ID", header, "respondent_id")
            continue
        if METADATA_HEADER.match(header.strip()):
            continue
        if _looks_personal(header, values):
            add("P", header, "personal")
            continue
        guess = _guess(header, values, municipalities, notes)
        add("Q", header, guess.pop("type"), **guess)
    columns = TABLES_BY_NAME["survey_questions"].columns
    return pd.DataFrame(rows, columns=columns).fillna(""), notes


def cli(args) -> int:
    """``workbook codebook EXPORT --survey S3 [--out FILE]``: print or write the draft rows."""
    import sys

    from workbook.outputs import csv_text, write_text_atomic
    from workbook.readers import ReadError

    if not args.export.is_file():
        print(f"workbook: {args.export} is not a file", file=sys.stderr)
        return 2
    try:
        rows, notes = draft_codebook(args.export, args.survey)
    except ReadError as error:
        print(f"workbook: {error.problem.message_en}", file=sys.stderr)
        return 2
    text = csv_text(rows)
    if args.out:
        write_text_atomic(args.out, text)
        print(args.out)
    else:
        sys.stdout.write(text)
    for note in notes:
        print(f"review: {note}", file=sys.stderr)
    print(f"{len(rows)} rows drafted for survey {args.survey}; review them, then paste them into survey_questions "
          f"and save the export as surveys/{args.survey}{args.export.suffix.casefold()}", file=sys.stderr)
    return 0
