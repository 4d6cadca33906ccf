"""Disclosure marks that never lie (issue 11, findings 1 and 7).

A figure hidden because it is below the minimum group size says so ("<5"); a figure hidden
only so that another cannot be worked out gets its own mark ("..") and a legend. No output
ever states "<5" for a figure of 5 or more: not the HTML report, not the .xlsx, not the
dashboard, not a chart.
"""

from __future__ import annotations

import re

import pandas as pd
import pytest
from openpyxl import load_workbook

from workbook import load_project
from workbook.dashboard.filters import FilterState, filter_project
from workbook.dashboard.pages import overview as overview_page
from workbook.dashboard.pages import participation as participation_page
from workbook.participation import figures, reach, summary, tables
from workbook.participation.export import export
from workbook.privacy import legend

# 18 people: 15 take part once, 3 twice. The sprint SP1 has exactly 5 participants; W2 has 3
# (all from one organisation), so W2 is below the minimum and SP1 is hidden only to protect it.
PEOPLE = [f"P{k:02d}" for k in range(1, 19)]


def _actors():
    rows = [{"actor_id": "A1", "name": "Lapin liitto", "actor_type": "public_agency", "municipality": "Rovaniemi"}]
    rows += [{"actor_id": f"C{k:02d}", "name": f"Yritys {k} Oy", "actor_type": "company", "municipality": "Kemi",
              "size_class": "small"} for k in range(1, 19)]
    return rows


def _participation():
    rows = [{"activity_id": "SP1", "actor_id": f"C{k:02d}", "participant_id": PEOPLE[k - 1]} for k in range(1, 6)]
    rows += [{"activity_id": "W1", "actor_id": f"C{k:02d}", "participant_id": PEOPLE[k - 1]} for k in range(6, 19)]
    rows += [{"activity_id": "W2", "actor_id": "C16", "participant_id": person} for person in PEOPLE[15:18]]
    return rows


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    from workbook.testing import make_project

    folder = make_project(
        tmp_path_factory.mktemp("marks") / "project",
        project=[{"key": "name", "value": "Merkit"}, {"key": "region", "value": "Lapland"},
                 {"key": "min_group_size", "value": "5"}],
        actors=_actors(),
        activities=[
            {"activity_id": "W1", "kind": "workshop", "title": "Työpaja", "date": "2023-01-10",
             "municipality": "Rovaniemi", "focus_areas": "FA1"},
            {"activity_id": "W2", "kind": "workshop", "title": "Jatkotyöpaja", "date": "2023-02-10",
             "municipality": "Kemi", "focus_areas": "FA1"},
            {"activity_id": "SP1", "kind": "sprint", "title": "Sprintti", "date": "2023-03-10",
             "municipality": "Kemi", "focus_areas": "FA1"},
        ],
        participation=_participation(),
        inputs=[{"input_id": "I1", "activity_id": "W1", "actor_id": "C06", "text": "Idea", "focus_areas": "FA1"}],
        actions=[{"action_id": "T1", "title_fi": "Toimi", "title_en": "Action", "focus_areas": "FA1",
                  "owner_actor_id": "A1", "source_input_ids": "I1", "indicators": "M1"}],
    )
    return load_project(folder)


def test_the_case_is_what_the_issue_describes(project):
    repeat = reach.repeat_participation(project, 5).set_index("activities")
    activity = reach.activity_reach(project, 5).set_index("activity_id")
    # Both are hidden (15 by secondary suppression, 3 below the minimum) ...
    assert repeat["people"].isna().tolist()[:2] == [True, True]
    assert repeat["people_reason"].tolist()[:2] == ["secondary", "small"]
    # ... and the sprint of exactly 5 is hidden to protect W2 (3 people).
    assert activity.loc[["W2", "SP1"], "participants_reason"].tolist() == ["small", "secondary"]
    assert activity.loc["W1", "participants"] == 13


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_display_tables_mark_secondary_cells_with_dots_and_carry_the_legend(project, lang):
    repeat = tables.repeat(reach.repeat_participation(project, 5), 5, lang)
    people = repeat.iloc[:, 2].tolist()
    assert people[:2] == ["..", "<5"]
    assert repeat.attrs["caption"] == legend(5, lang)
    activities = tables.activities(reach.activity_reach(project, 5), 5, lang)
    row = {text.split()[0]: value for text, value in zip(activities.iloc[:, 2], activities.iloc[:, -1])}
    assert row["SP1"] == ".." and row["W2"] == "<5" and row["W1"] == 13


def test_charts_say_hidden_without_a_number_and_never_under_state(project):
    figure = figures.repeat_participation(reach.repeat_participation(project, 5), "en", 5)
    people = figure.data[1]
    assert list(people.text[:2]) == ["..", "<5"]
    assert list(people.customdata[:2]) == ["hidden (..)", "hidden (<5)"]
    assert not re.search(r"\d", people.customdata[0])  # the hidden 15 leaks no number
    assert any("fewer than 5 people" in (annotation.text or "") for annotation in figure.layout.annotations)
    reach_figure = figures.activity_reach(reach.activity_reach(project, 5), "fi", 5)
    hover = dict(zip([name.split()[0] for name in reach_figure.data[1].y], reach_figure.data[1].customdata))
    assert hover["SP1"] == "piilotettu (..)" and hover["W2"] == "piilotettu (<5)"


def _rows(html: str) -> list[str]:
    return re.findall(r"<tr>.*?</tr>", html, flags=re.S)


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_html_and_xlsx_never_state_under_five_for_five_or_more(project, tmp_path, lang):
    html_path, xlsx_path = export(project, tmp_path, lang)
    html = html_path.read_text(encoding="utf-8")
    sprint = next(row for row in _rows(html) if "SP1 Sprintti" in row)
    assert "&lt;5" not in sprint and ">..<" in sprint
    repeat_rows = [row for row in _rows(html) if re.search(r"<td>[12]</td>", row)]
    assert any(">..<" in row for row in repeat_rows)
    assert legend(5, lang).replace("<", "&lt;") in html
    book = load_workbook(xlsx_path)
    sheet = book[summary.tr(summary.TEXTS, "sheet_repeat", lang)]
    values = {row[0]: row[2] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert values["1"] == ".." and values["2"] == "<5"
    activities = book[summary.tr(summary.TEXTS, "sheet_activities", lang)]
    by_activity = {str(row[2]).split()[0]: row[-1] for row in activities.iter_rows(min_row=2, values_only=True)}
    assert by_activity["SP1"] == ".." and by_activity["W1"] == 13
    method = book.worksheets[-1]
    notes = " ".join(str(cell) for row in method.iter_rows(values_only=True) for cell in row)
    assert "(..)" in notes


def test_the_dashboard_says_the_same(project):
    selection = filter_project(project, FilterState())
    cards = overview_page.draw_headlines(selection, "en")
    assert 'data-figure="participants"><div class="wb-card-value">18<' in cards
    parts = participation_page.draw_section("repeat", selection, "en")
    html = "".join(part for part in parts if isinstance(part, str))
    one = next(row for row in _rows(html) if "<td>1</td>" in row)
    assert "&lt;5" not in one and ">..<" in one
    assert "fewer than 5 people" in html


def test_a_chart_with_all_but_one_group_hidden_says_why_the_others_are_missing():
    frame = pd.DataFrame({
        "question_id": ["Q1"] * 3, "group": ["company", "municipality", "financier"],
        "mean": [3.5, float("nan"), float("nan")], "ci_low": [3.0, float("nan"), float("nan")],
        "ci_high": [4.0, float("nan"), float("nan")], "n": [20.0, float("nan"), float("nan")],
        "hidden": [False, True, True]})
    figure = figures.means(frame, "en", {"Q1": "Cooperation works"}, {"company": "Company"}, min_size=5)
    assert len(figure.data) == 1 and figure.data[0].name == "Company" and figure.layout.showlegend
    notes = " ".join(annotation.text for annotation in figure.layout.annotations)
    assert "2 groups are left out" in notes and "fewer than 5" in notes
