"""The demo's survey exports in the tools' own layouts (S3 Webropol-style, S4 Forms-style .xlsx)."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest

from conftest import DEMO, ROOT
from workbook import load_project
from workbook.codebook_draft import draft_codebook
from workbook.participation import surveys
from workbook.participation.export import export
from workbook.readers import read_xlsx

NOTEBOOK = ROOT / "notebooks" / "02_participation_summary.ipynb"


@pytest.fixture(scope="module")
def demo():
    return load_project(DEMO)


def test_webropol_style_export_maps_the_respondents_own_wordings(demo):
    types = demo.surveys["S3"]["T"].value_counts().to_dict()
    # Yritys 38 + Yrittäjä 9; Yhdistys 6 + Järjestö 2 + Säätiö 1; Oppilaitos 2 + Ammattikorkeakoulu 3 + Yliopisto 2 …
    assert types == {"company": 47, "association": 9, "higher_education": 7, "municipality": 7, "intermediary": 6,
                     "public_agency": 5, "research": 2, "other": 2}
    raw = read_xlsx(DEMO / "surveys" / "S3.xlsx", "S3.xlsx")["vastaukset"]
    spelled = {r["Kotikunta"] for r in raw.records}
    assert any(s != s.strip() or s.islower() for s in spelled)  # typed as people type
    assert set(demo.surveys["S3"]["M"].dropna()) <= set(demo.municipalities["municipality"])


def test_demo_no_answers_are_counted_apart_and_left_out_of_means(demo):
    for survey_id in ("S3", "S4"):
        apart = surveys.no_answer_counts(demo, survey_id).set_index("question_id")
        mean = surveys.means(demo, survey_id).set_index("question_id")
        likert = surveys.questions(demo, survey_id, ("likert",))["question_id"]
        assert (apart.loc[likert, "no_answer"] > 0).all()  # "En osaa sanoa" / "EOS" were answered
        assert (mean.loc[likert, "n"] == apart.loc[likert, "answered"]).all()
    raw = read_xlsx(DEMO / "surveys" / "S4.xlsx", "S4.xlsx")["vastaukset"]
    column = "Kuntamme elinvoimaohjelma tukee S3-strategiaa"
    eos = sum(r[column] == "EOS" for r in raw.records)
    assert eos and apart.loc["Q1", "no_answer"] >= eos
    assert demo.surveys["S4"]["Q1"].dropna().between(1, 7).all()
    assert 99 not in demo.surveys["S4"]["Q4"].dropna().tolist()


def test_drafted_codebooks_of_the_demo_exports_give_the_committed_types(demo):
    committed = demo.survey_questions
    for survey_id in ("S1", "S2", "S3", "S4"):
        rows, _ = draft_codebook(next((DEMO / "surveys").glob(f"{survey_id}.*")), survey_id)
        mine = committed[committed["survey_id"] == survey_id]
        assert dict(zip(rows["column"], rows["type"])) == dict(zip(mine["column"], mine["type"]))
        scales = dict(zip(mine["column"], mine["scale"].fillna("")))
        for column, kind, scale in zip(rows["column"], rows["type"], rows["scale"]):
            if kind == "likert":
                assert scale == scales[column]
            elif kind in ("single", "multi"):
                assert set(scale.split(";")) == set(scales[column].split(";"))


def _people_in_xlsx_exports() -> list[str]:
    found = set()
    for path in sorted((DEMO / "surveys").glob("*.xlsx")):
        raw = next(iter(read_xlsx(path, path.name).values()))
        for record in raw.records:
            found |= {str(record[c]).strip() for c in ("Nimi", "Sähköposti") if record.get(c)}
    return sorted(found)


def test_no_name_or_email_of_the_demo_xlsx_exports_reaches_the_summary_or_notebook(demo, tmp_path):
    people = _people_in_xlsx_exports()
    assert len(people) > 200
    written = export(demo, tmp_path, "fi")
    text = written[0].read_text(encoding="utf-8").casefold() + NOTEBOOK.read_text(encoding="utf-8").casefold()
    words = [w.strip(".-") for w in re.findall(r"[\w.@+-]+", text)]
    seen = set(words) | {f"{a} {b}" for a, b in zip(words, words[1:])}
    assert [p for p in people if p.casefold() in seen] == []
    loaded = "".join(demo.surveys[s].to_csv() for s in ("S3", "S4")).casefold()
    assert not [p for p in people if p.casefold() in loaded]
    assert "\u27e6name\u27e7" in loaded  # a respondent signed an open answer with their name (⟦name⟧)


def test_notebook_02_shows_the_new_surveys_and_no_answer_counts():
    notebook = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    outputs = json.dumps([c.get("outputs", []) for c in notebook["cells"] if c["cell_type"] == "code"],
                         ensure_ascii=False)
    assert "S3 Matkailu- ja elämysyritysten kysely" in outputs and "S4 Kuntien ja kehittäjien kysely" in outputs
    assert "Ei vastausta (tyhjä, En osaa sanoa, EOS …)" in outputs


def test_demo_answers_frame_types(demo):
    answers = demo.surveys["S3"]
    assert str(answers["Q1"].dtype) == "Int64"
    assert all(isinstance(v, tuple) for v in answers["Q4"].dropna())
    assert isinstance(answers, pd.DataFrame) and answers.index.name == "respondent"
