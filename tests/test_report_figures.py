"""One definition per headline figure: every output that states a figure states the same value.

The case that failed: a survey is a participatory activity but has no participation rows, so
the EU S3 checklist counted 1 activity where the data overview counted 2 (on the demo: 4 and 5).
Each output is read the way a reader meets it — the overview table (notebook 01), the
participation summary's HTML and xlsx, the EU S3 checklist sentence, the dashboard's headline
cards, the glossary page — and compared with :func:`workbook.figures.figure_values`.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import nbformat
import pytest
from openpyxl import load_workbook

from workbook import load_project
from workbook.actionplan.eu_s3 import s3_checklist
from workbook.figures import FIGURES, figure_name, figure_values, glossary_markdown, glossary_page
from workbook.overview import headline_figures

ROOT = Path(__file__).resolve().parent.parent
PEOPLE = [{"activity_id": "W1", "actor_id": "A2", "participant_id": f"P{n}"} for n in range(6)]


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """A workshop with six people and a survey nobody is recorded as attending."""
    from workbook.testing import MINIMAL, make_project

    activities = MINIMAL["activities"] + [{"activity_id": "S1", "kind": "survey", "title": "Kysely",
                                            "date": "2022-10-01", "focus_areas": "FA1"}]
    folder = make_project(tmp_path_factory.mktemp("figures") / "project", activities=activities,
                          participation=PEOPLE + [{"activity_id": "W1", "actor_id": "A1", "role": "organiser"}])
    return load_project(folder)


def number(text: str) -> float:
    """A figure as printed (no-break spaces, decimal comma, English thousands commas, a '/ total' after it)."""
    cleaned = str(text).split("/")[0].replace("\u00a0", "").replace(" ", "").replace("\u202f", "")
    if re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?", cleaned):  # English thousands: 2,530,000
        cleaned = cleaned.replace(",", "")
    return float(cleaned.replace(",", "."))


def table_figures(rows) -> dict[str, float]:
    return {str(name): number(value) for name, value in rows if name is not None and value is not None
            and re.match(r"^\s*[\d\u00a0 ,.]+(\s*/.*)?$", str(value))}


def html_figures(page: str) -> dict[str, float]:
    """Two-cell table rows of a page: figure name -> value."""
    cells = [re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, re.DOTALL)
             for row in re.findall(r"<tr[^>]*>(.*?)</tr>", page, re.DOTALL)]
    return table_figures((html.unescape(re.sub("<[^>]+>", "", row[0])).strip(),
                          html.unescape(re.sub("<[^>]+>", "", row[1])).strip()) for row in cells if len(row) >= 2)


def by_key(found: dict[str, float], lang: str) -> dict[str, float]:
    names = {figure_name(figure.key, lang): figure.key for figure in FIGURES}
    return {names[name]: value for name, value in found.items() if name in names}


def expected(project) -> dict[str, float]:
    return {key: value for key, value in figure_values(project).items() if value == value}  # NaN: hidden


def test_eu_s3_checklist_counts_the_survey_like_every_other_output(project):
    assert figure_values(project)["activities"] == 2
    evidence = s3_checklist(project, "en").set_index("criterion")["evidence"]
    assert "participatory activities: 2;" in evidence[4]
    assert "Organisations that took part: 1 " in evidence[4]
    assert "organised 1 of the 2 participatory activities" in evidence[2]
    assert "in 1 of the 2 participatory activities" in evidence[1]
    assert "1 tilaisuutta 2 osallistavasta tilaisuudesta" in s3_checklist(project, "fi").set_index(
        "criterion").at[2, "evidence"]


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_overview_summary_dashboard_and_glossary_agree_on_every_figure(project, tmp_path, lang):
    from workbook.dashboard.filters import FilterState, filter_project
    from workbook.dashboard.pages.overview import draw_headlines
    from workbook.participation.export import export

    truth = expected(project)
    overview = by_key(table_figures(headline_figures(project, lang).itertuples(index=False)), lang)
    written = export(project, tmp_path, lang)
    summary_html = by_key(html_figures(next(p for p in written if p.suffix == ".html").read_text("utf-8")), lang)
    book = load_workbook(next(p for p in written if p.suffix == ".xlsx"), read_only=True)
    summary_xlsx = by_key(table_figures((row[0], row[1]) for sheet in book.worksheets
                                        for row in sheet.iter_rows(values_only=True) if len(row) >= 2), lang)
    cards = re.findall(r'data-figure="(\w+)"><div class="wb-card-value">([^<]*)<',
                       draw_headlines(filter_project(project, FilterState()), lang))
    dashboard = {{"organisations": "organisations_reached", "participants": "people",
                  "municipalities": "municipalities_reached"}.get(k, k): number(v)
                 for k, v in cards if re.match(r"^\d", v)}
    glossary = by_key(html_figures(glossary_page(lang, project).render()), lang)

    shown = {"overview": overview, "summary HTML": summary_html, "summary xlsx": summary_xlsx,
             "dashboard": dashboard, "glossary": glossary}
    for output, figures in shown.items():
        assert figures, f"no headline figure found in the {output}"
        assert {k: v for k, v in figures.items() if k in truth} == {k: truth[k] for k in figures if k in truth}, output
    # Each figure is shown by at least two outputs, by the same name.
    assert {"activities", "organisations_reached", "inputs"} <= set(overview) & set(summary_html) & set(dashboard)
    assert set(glossary) == set(truth)


def test_committed_notebook_01_shows_the_demo_figures_of_the_package(demo_project):
    notebook = nbformat.read(ROOT / "notebooks" / "01_data_overview.ipynb", as_version=4)
    shown = {}
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            shown.update(html_figures(output.get("data", {}).get("text/html", "")))
    lang = "fi"  # the committed notebooks run in Finnish
    found = by_key(shown, lang)
    truth = expected(demo_project)
    assert len(found) >= 8
    assert found == {key: truth[key] for key in found}


def test_glossary_in_docs_is_generated_from_the_definitions():
    assert (ROOT / "docs" / "GLOSSARY.md").read_text(encoding="utf-8") == glossary_markdown()
    for figure in FIGURES:
        assert f"| {figure.en} | `{figure.key}` | {figure.definition_en} |" in glossary_markdown()
        assert f"| {figure.fi} | `{figure.key}` | {figure.definition_fi} |" in glossary_markdown()
