"""Hidden figures cannot be worked out from other published figures (issue 17, finding 2).

Three attacks, each built from a tiny project: totals differencing (the total attendances
minus the published participants), organisations as a lower bound for people (an activity
with 4 organisations had at least 4 people), and filter differencing in the dashboard (the
whole region minus its sub-regions). The attacker is the independent LP oracle of
``test_privacy``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from test_privacy import line_ranges
from workbook import load_project
from workbook.dashboard.filters import FilterState, filter_options, filter_project, state_from_choices
from workbook.dashboard.pages import overview as overview_page
from workbook.participation import reach, tables
from workbook.testing import make_project


def _company(number: int, municipality: str | None = "Kemi") -> dict:
    return {"actor_id": f"C{number:02d}", "name": f"Yritys {number} Oy", "actor_type": "company",
            "municipality": municipality, "size_class": "small"}


def _workshop(activity_id: str, day: int) -> dict:
    return {"activity_id": activity_id, "kind": "workshop", "title": f"Työpaja {activity_id}",
            "date": f"2023-01-{day:02d}", "municipality": "Rovaniemi", "focus_areas": "FA1"}


def _attend(activity_id: str, people: list[tuple[str, str]]) -> list[dict]:
    return [{"activity_id": activity_id, "actor_id": actor, "participant_id": person} for actor, person in people]


@pytest.fixture(scope="module")
def four_one_person_organisations(tmp_path_factory):
    """W2: four one-person organisations; W5: six people from six organisations; 83 attendances."""
    actors = [_company(k) for k in range(1, 41)]
    participation = []
    sizes = {"W1": 30, "W2": 4, "W3": 25, "W4": 18, "W5": 6}
    person = 0
    for day, (activity, size) in enumerate(sizes.items(), 1):
        # W2 and W5: one person per organisation; the others: people from up to 10 organisations.
        organisations = size if activity in ("W2", "W5") else min(size, 10)
        people = []
        for k in range(size):
            person += 1
            people.append((f"C{(k % organisations) + 1:02d}", f"P{person:03d}"))
        participation += _attend(activity, people)
    folder = make_project(
        tmp_path_factory.mktemp("attack") / "project",
        project=[{"key": "name", "value": "Hyökkäys"}, {"key": "region", "value": "Lapland"},
                 {"key": "min_group_size", "value": "5"}],
        actors=actors, activities=[_workshop(a, d) for d, a in enumerate(sizes, 1)],
        participation=participation,
        inputs=[{"input_id": "I1", "activity_id": "W1", "actor_id": "C01", "text": "Idea", "focus_areas": "FA1"}],
        actions=[{"action_id": "T1", "title_fi": "Toimi", "title_en": "Action", "focus_areas": "FA1",
                  "owner_actor_id": "C01", "source_input_ids": "I1", "indicators": "M1"}],
        clusters=[{"cluster_id": "CL1", "name": "Arctic Design", "focus_areas": "FA1"}],
    )
    return load_project(folder)


def test_totals_differencing_and_the_organisations_bound(four_one_person_organisations):
    project = four_one_person_organisations
    table = reach.activity_reach(project).set_index("activity_id")
    assert table["organisations"].to_dict() == {"W1": 10, "W2": 4, "W3": 10, "W4": 10, "W5": 6}
    headline = reach.headline_figures(project)
    assert headline["attendances"] == 83
    true = pd.Series({"W1": 30, "W2": 4, "W3": 25, "W4": 18, "W5": 6}, dtype=float)
    reasons = table["participants_reason"].where(table["participants"].isna(), None).reindex(true.index)
    # What the attacker reads: the published participants, the marks, the organisations and
    # the total attendances (every person is counted once per activity here).
    shown = table["participants"].reindex(true.index)
    assert shown.sum() + true[shown.isna()].sum() == headline["attendances"]
    ranges = line_ranges(true.to_numpy(), reasons.tolist(), table["organisations"].reindex(true.index).to_numpy(float), 5)
    assert ranges, "something must be hidden"
    assert all(high - low >= 1 for low, high in ranges.values()), ranges
    # "<5" beside 4 organisations would say 4: W2 is marked "..".
    shown_table = tables.activities(reach.activity_reach(project), 5, "en")
    marks = dict(zip([text.split()[0] for text in shown_table.iloc[:, 2]], shown_table.iloc[:, -1]))
    assert marks["W2"] == ".."
    assert "<5" not in [str(v) for v in marks.values()]


def test_representation_attendances_are_bounded_by_organisations(tmp_path):
    # Four financiers each sent one person once: "<5" beside 4 organisations would say 4.
    actors = [_company(k) for k in range(1, 21)] + [
        {"actor_id": f"F{k}", "name": f"Rahoittaja {k}", "actor_type": "financier", "municipality": "Rovaniemi"}
        for k in range(1, 5)] + [
        {"actor_id": f"M{k}", "name": f"Kunta {k}", "actor_type": "municipality", "municipality": "Rovaniemi"}
        for k in range(1, 7)]
    # 20 people from 12 companies; every financier and municipality sent one person.
    people = [(f"C{k % 12 + 1:02d}", f"P{k:02d}") for k in range(1, 21)] + [(f"F{k}", f"F{k}p") for k in range(1, 5)] + \
        [(f"M{k}", f"M{k}p") for k in range(1, 7)]
    project = load_project(make_project(
        tmp_path / "project", actors=actors, activities=[_workshop("W1", 1)], participation=_attend("W1", people),
        inputs=[{"input_id": "I1", "activity_id": "W1", "actor_id": "C01", "text": "Idea", "focus_areas": "FA1"}],
        actions=[{"action_id": "T1", "title_fi": "Toimi", "title_en": "Action", "focus_areas": "FA1",
                  "owner_actor_id": "C01", "source_input_ids": "I1", "indicators": "M1"}],
        clusters=[{"cluster_id": "CL1", "name": "Arctic Design", "focus_areas": "FA1"}],
        project=[{"key": "name", "value": "T"}, {"key": "region", "value": "Lapland"},
                 {"key": "min_group_size", "value": "5"}]))
    frame = reach.representation(project, "actor_type", 5)
    own = frame.set_index("group")
    true = pd.Series({"company": 20, "financier": 4, "municipality": 6}).reindex(own.index).fillna(0)
    ranges = line_ranges(true.to_numpy(float), list(own["reason"].where(own["hidden"], None)),
                         own["organisations"].to_numpy(float), 5)
    assert own.loc["financier", "hidden"] and own.loc["financier", "reason"] == "secondary"
    assert all(high - low >= 1 for low, high in ranges.values()), ranges


@pytest.fixture(scope="module")
def one_outsider(tmp_path_factory):
    """Two sub-regions of 6 and 7 people; one person from the only organisation outside the region."""
    actors = [_company(k, "Kemi") for k in range(1, 7)] + [_company(k, "Rovaniemi") for k in range(7, 14)] + [
        {"actor_id": "OUT", "name": "Oulun yliopisto", "actor_type": "higher_education"}]
    people = [(f"C{k:02d}", f"P{k:02d}") for k in range(1, 14)] + [("OUT", "P99")]
    folder = make_project(
        tmp_path_factory.mktemp("outsider") / "project",
        project=[{"key": "name", "value": "Ulkopuolinen"}, {"key": "region", "value": "Lapland"},
                 {"key": "min_group_size", "value": "5"}],
        actors=actors, activities=[_workshop("W1", 1)], participation=_attend("W1", people),
        inputs=[{"input_id": "I1", "activity_id": "W1", "actor_id": "C01", "text": "Idea", "focus_areas": "FA1"}],
        actions=[{"action_id": "T1", "title_fi": "Toimi", "title_en": "Action", "focus_areas": "FA1",
                  "owner_actor_id": "C01", "source_input_ids": "I1", "indicators": "M1"}],
        clusters=[{"cluster_id": "CL1", "name": "Arctic Design", "focus_areas": "FA1"}],
    )
    return load_project(folder)


def _published_people(project, state) -> float:
    return reach.headline_figures(filter_project(project, state).project)["people"]


def test_filter_differencing_the_region_minus_its_sub_regions(one_outsider):
    project = one_outsider
    whole = _published_people(project, FilterState())
    assert whole == 14
    views = {area: _published_people(project, state_from_choices("", "", area, ""))
             for _, area in filter_options(project, "en").areas[1:]}
    sub_regions = {area[1]: value for area, value in views.items() if area[0] == "sub_region"}
    assert set(sub_regions) == {"Kemi-Tornio", "Rovaniemi"}
    # Before: 14 - 6 - 7 = 1, the one person from outside the region. Now one sub-region's
    # figure is withheld, so the difference is that sub-region and the outsider together.
    shown = [v for v in sub_regions.values() if not np.isnan(v)]
    assert len(shown) < len(sub_regions)
    assert whole - sum(shown) >= 5
    # Municipalities are the same figures here (one per sub-region): they must not undo it.
    municipalities = [v for area, v in views.items() if area[0] == "municipality" and not np.isnan(v)]
    assert whole - sum(municipalities) >= 5


def test_the_filtered_card_marks_a_withheld_figure_without_a_number(one_outsider):
    # The view of the companies differs from the whole by the one outsider.
    selection = filter_project(one_outsider, FilterState(actor_type="company"))
    assert np.isnan(reach.headline_figures(selection.project)["people"])
    cards = overview_page.draw_headlines(selection, "en")
    assert 'data-figure="participants"><div class="wb-card-value">..<' in cards
    # The whole project's card is untouched.
    whole = overview_page.draw_headlines(filter_project(one_outsider, FilterState()), "en")
    assert 'data-figure="participants"><div class="wb-card-value">14<' in whole


def test_no_view_of_the_demo_differs_from_its_parent_by_a_small_group(demo_project):
    options = filter_options(demo_project, "fi")
    states = [state_from_choices("", "", area, "") for _, area in options.areas[1:]]
    states += [state_from_choices("", kind, "", "") for _, kind in options.actor_types[1:]]
    whole = _published_people(demo_project, FilterState())
    sub_regions = []
    for state in states:
        value = _published_people(demo_project, state)
        if not np.isnan(value):
            assert not 0 < whole - value < 5, state
            assert value == 0 or value >= 5, state
            if state.sub_region is not None:
                sub_regions.append(value)
    assert not 0 < whole - sum(sub_regions) < 5


def test_filter_differencing_per_activity(one_outsider):
    # W1: 14 people, 6 from Kemi-Tornio, 7 from Rovaniemi, 1 from outside the region. The
    # participants of W1 in each sub-region's view must not give the outsider away either.
    whole = reach.activity_reach(one_outsider).set_index("activity_id").loc["W1", "participants"]
    assert whole == 14
    shown = []
    for sub_region in ("Kemi-Tornio", "Rovaniemi"):
        view = filter_project(one_outsider, FilterState(sub_region=sub_region)).project
        value = reach.activity_reach(view).set_index("activity_id").loc["W1", "participants"]
        if not np.isnan(value):
            shown.append(value)
    assert len(shown) < 2 and whole - sum(shown) >= 5


def test_filter_differencing_by_type_and_repeat(one_outsider):
    # The whole region: 13 company attendances + 1 from higher education. A view restricted
    # to companies must not let "attendances by type" or "people by number of activities"
    # differ from the whole region's by the one outsider.
    view = filter_project(one_outsider, FilterState(actor_type="company")).project
    for dimension in ("actor_type", "helix"):
        whole = reach.representation(one_outsider, dimension).set_index("group")["attendances"]
        shown = reach.representation(view, dimension).set_index("group")["attendances"]
        differences = (whole - shown.reindex(whole.index)).dropna()
        assert not ((differences > 0) & (differences < 5)).any(), (whole, shown)
    repeat_whole = reach.repeat_participation(one_outsider).set_index("activities")["people"]
    repeat_view = reach.repeat_participation(view).set_index("activities")["people"]
    assert repeat_whole["1"] == 14
    assert np.isnan(repeat_view["1"]), "14 - 13 would single out the outsider"
    marks = tables.repeat(reach.repeat_participation(view), 5, "en").iloc[:, 2].tolist()
    assert marks[0] == ".."


def test_no_table_of_a_demo_view_differs_from_the_whole_by_a_small_group(demo_project):
    options = filter_options(demo_project, "fi")
    # Sub-regions and actor types (municipalities are covered by the headline test above).
    states = [state_from_choices("", "", area, "") for _, area in options.areas[1:] if area[0] == "sub_region"]
    states += [state_from_choices("", kind, "", "") for _, kind in options.actor_types[1:]]
    whole_activities = reach.activity_reach(demo_project).set_index("activity_id")["participants"]
    whole_types = reach.representation(demo_project, "actor_type").set_index("group")["attendances"]
    whole_repeat = reach.repeat_participation(demo_project).set_index("activities")["people"]
    checked = 0
    for state in states:
        view = filter_project(demo_project, state).project
        pairs = [(whole_activities, reach.activity_reach(view).set_index("activity_id")["participants"]),
                 (whole_types, reach.representation(view, "actor_type").set_index("group")["attendances"]),
                 (whole_repeat, reach.repeat_participation(view).set_index("activities")["people"])]
        for whole, shown in pairs:
            shown = shown.reindex(whole.index)
            both = whole.notna() & shown.notna() & (shown > 0)
            differences = whole[both] - shown[both]
            checked += int(both.sum())
            assert not ((differences > 0) & (differences < 5)).any(), (state, differences.to_dict())
    assert checked > 50


# --- survey answers in filtered views -----------------------------------------------------

def test_a_filtered_view_withholds_survey_answers_that_would_give_away_the_rest():
    """Twelve respondents, two of them not from companies: the companies' view of the survey,
    subtracted from the whole region's, would be the answers of those two."""
    from workbook.dashboard.examples import example_survey_project
    from workbook.figures import figure_values
    from workbook.participation import surveys

    project = example_survey_project()
    whole = project
    view = filter_project(project, FilterState(actor_type="company")).project
    assert len(view.surveys["S1"]) == 10, "the view itself keeps the companies' ten answers"
    for shown, hidden in ((whole, False), (view, True)):
        distribution = surveys.likert_distribution(shown, "S1")
        assert distribution["count"].isna().all() == hidden
        assert surveys.means(shown, "S1")["mean"].isna().all() == hidden
        assert surveys.no_answer_counts(shown, "S1")["respondents"].isna().all() == hidden
        assert surveys.open_answers(shown, "S1").empty == hidden
        assert np.isnan(surveys.survey_overview(shown)["respondents"].iloc[0]) == hidden
        assert np.isnan(figure_values(shown)["respondents"]) == hidden
    # Broken down by type, the companies' group is the view's whole: withheld with it.
    assert surveys.means(view, "S1", "actor_type").set_index("group").loc["company", "hidden"]
    # The chart of means says why it is empty, in the singular for the one group.
    from workbook.participation import figures

    chart = figures.means(surveys.means(view, "S1"), "en", {"Q1": "Cooperation works"}, {}, None, 5)
    assert [a.text for a in chart.layout.annotations if a.text.startswith("One group is left out")]
    # The survey as an activity: its participants are its respondents.
    assert np.isnan(reach.activity_reach(view).set_index("activity_id").loc["S1", "participants"])
    table = tables.survey_overview(surveys.survey_overview(view), 5, "en")
    assert table.iloc[0, 2] == "..", "withheld, so marked as hidden to protect others, not as a small group"


def _survey_groups_answering(project, survey_id: str, by: str | None) -> pd.Series:
    """How many respondents each published survey figure describes, by (question, group)."""
    from workbook.participation import surveys

    means = surveys.means(project, survey_id, by).set_index(["question_id", "group"])["n"]
    choices = surveys.choice_counts(project, survey_id, by).drop_duplicates(["question_id", "group"])
    respondents = surveys.no_answer_counts(project, survey_id, by).drop_duplicates("group")
    return pd.concat([means, choices.set_index(["question_id", "group"])["n"],
                      respondents.assign(question_id="respondents").set_index(["question_id", "group"])["respondents"]])


def test_no_survey_figure_of_a_demo_view_differs_from_the_whole_by_a_small_group(demo_project):
    """Measured before the fix: 39 figures of the demo's sub-region, municipality and type views
    differed from the whole region's by 1 to 4 respondents (a municipality's view, broken down
    by sub-region, left the rest of its sub-region: one person in Tornionlaakso)."""
    from workbook.participation import surveys

    options = filter_options(demo_project, "fi")
    states = [state_from_choices("", "", area, "") for _, area in options.areas[1:]]
    states += [state_from_choices("", kind, "", "") for _, kind in options.actor_types[1:]]
    breakdowns = {survey_id: [None] + [by for by in surveys.BREAKDOWNS
                                       if not surveys.respondent_groups(demo_project, survey_id, by).empty]
                  for survey_id in demo_project.surveys}
    whole = {(survey_id, by): _survey_groups_answering(demo_project, survey_id, by)
             for survey_id, groupings in breakdowns.items() for by in groupings}
    checked = 0
    for state in states:
        view = filter_project(demo_project, state).project
        for (survey_id, by), published in whole.items():
            if survey_id not in view.surveys:
                continue
            shown = _survey_groups_answering(view, survey_id, by).reindex(published.index)
            both = published.notna() & shown.notna() & (shown > 0)
            differences = published[both] - shown[both]
            checked += int(both.sum())
            assert not ((differences > 0) & (differences < 5)).any(), (state, survey_id, by, differences.to_dict())
    assert checked > 500
