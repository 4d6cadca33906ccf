"""Verdicts, gaps and changes on the hand-made project; the goals are data, not code."""

from __future__ import annotations

import pandas as pd
import pytest
from clusters_fixture import TABLES, with_criterion
from conftest import write_table

from workbook import load_project
from workbook.clusters import export, figures, scorecard as sc, tables
from workbook.i18n import LANGUAGES, missing_translations
from workbook.style import VERDICT_COLOURS


def verdicts(project) -> dict[tuple[str, str], str]:
    card = sc.scorecard(project)
    return dict(zip(zip(card["cluster_id"], card["criterion_id"]), card["verdict"]))


@pytest.fixture
def folder(project_factory):
    return project_factory(**TABLES)


def test_every_cluster_gets_a_verdict_on_every_criterion(folder):
    assert verdicts(load_project(folder)) == {
        ("CL1", "K1"): "met", ("CL1", "K2"): "met", ("CL1", "K3"): "met",
        ("CL1", "K4"): "partly",  # 1.5 activities a year, goal 2
        ("CL1", "K5"): "met", ("CL1", "K6"): "met",
        ("CL2", "K1"): "not_met",  # 1 company, goal 3: less than half
        ("CL2", "K2"): "no_evidence",  # not assessed in the latest round
        ("CL2", "K3"): "partly",  # a third of the members are companies, goal a half
        ("CL2", "K4"): "not_met",  # 0.5 a year, goal 2
        ("CL2", "K5"): "met",
        ("CL2", "K6"): "partly",  # 1 tie, goal 2: exactly half
    }


@pytest.mark.parametrize("threshold, expected", [("1.5", "met"), ("2", "partly"), ("4", "not_met")])
def test_editing_a_goal_in_the_project_file_changes_the_verdict(folder, threshold, expected):
    write_table(folder, "cluster_criteria", with_criterion("K4", threshold=threshold))
    assert verdicts(load_project(folder))[("CL1", "K4")] == expected


def test_editing_where_a_value_comes_from_changes_the_verdict(folder):
    # K1 is computed from the actor registry: CL2 has one company member, goal 3.
    assert verdicts(load_project(folder))[("CL2", "K1")] == "not_met"
    write_table(folder, "cluster_criteria", with_criterion("K1", evidence="recorded"))
    write_table(folder, "cluster_assessments", TABLES["cluster_assessments"] + [
        {"cluster_id": "CL2", "criterion_id": "K1", "value": "5", "evidence": "5 kumppanuussopimusta",
         "assessed_on": "28.4.2023"}])
    changed = verdicts(load_project(folder))
    # Now the recorded partnership agreements count, and CL1 has no recorded value.
    assert changed[("CL2", "K1")] == "met"
    assert changed[("CL1", "K1")] == "no_evidence"


def test_a_yes_no_criterion_is_never_partly_met():
    assert sc.verdict(0.5, 1, "yes_no") == "not_met"
    assert sc.verdict(0.5, 1, "score") == "partly"
    assert sc.verdict(0.49, 1, "share") == "not_met"


def test_gaps_say_in_plain_words_what_each_cluster_lacks(folder):
    project = load_project(folder)
    gaps = {lang: sc.gaps(project, lang) for lang in LANGUAGES}
    assert set(zip(gaps["en"]["cluster_id"], gaps["en"]["criterion_id"])) == {
        ("CL1", "K4"), ("CL2", "K1"), ("CL2", "K2"), ("CL2", "K3"), ("CL2", "K4"), ("CL2", "K6")}
    en = dict(zip(zip(gaps["en"]["cluster_id"], gaps["en"]["criterion_id"]), gaps["en"]["gap"]))
    fi = dict(zip(zip(gaps["fi"]["cluster_id"], gaps["fi"]["criterion_id"]), gaps["fi"]["gap"]))
    assert en[("CL2", "K4")] == ("Arctic Safety organised 0.5 member activities a year (1 in 2 years); "
                                 "the goal is 2.")
    assert fi[("CL2", "K4")] == ("Arctic Safety järjesti 0,5 jäsentilaisuutta vuodessa (1 kpl 2 vuodessa); "
                                 "tavoite on 2.")
    assert en[("CL2", "K2")] == ("Arctic Safety: “Appointed director” has no recorded assessment "
                                 "in the round of 28 Apr 2023.")
    assert "33\u00a0% (1/3)" in fi[("CL2", "K3")] and "vähintään puolet" in fi[("CL2", "K3")]


def test_a_goal_met_by_every_cluster_leaves_no_gap(folder):
    write_table(folder, "cluster_criteria", with_criterion("K4", threshold="0.5"))
    gaps = sc.gaps(load_project(folder), "en")
    assert "K4" not in set(gaps["criterion_id"])


def test_an_assessment_left_blank_is_reported_as_such(folder):
    write_table(folder, "cluster_assessments", TABLES["cluster_assessments"] + [
        {"cluster_id": "CL2", "criterion_id": "K2", "value": "", "assessed_on": "2.5.2023"}])
    gaps = sc.gaps(load_project(folder), "en").set_index(["cluster_id", "criterion_id"])
    assert gaps.loc[("CL2", "K2"), "gap"] == ("Arctic Safety: “Appointed director” was assessed on 2 May 2023, "
                                              "but no value was recorded.")


def test_without_activities_the_yearly_rate_is_no_evidence_and_the_gap_says_why(project_factory):
    project = load_project(project_factory(**{**TABLES, "activities": [], "participation": [], "inputs": []}))
    assert verdicts(project)[("CL1", "K4")] == "no_evidence"
    gaps = sc.gaps(project, "en").set_index(["cluster_id", "criterion_id"])
    assert gaps.loc[("CL1", "K4"), "gap"] == ("Arctic Design: the project has no activities, "
                                              "so “Member activities” cannot be computed.")


def test_changes_between_rounds_cover_the_recorded_criteria(folder):
    changes = sc.round_changes(load_project(folder)).set_index(["cluster_id", "criterion_id"])
    assert changes["change"].to_dict() == {("CL1", "K2"): "improved", ("CL2", "K2"): "not_reassessed"}
    rounds = sc.rounds_scorecard(load_project(folder))
    assert set(rounds["criterion_id"]) == {"K2"}
    assert rounds.groupby("round")["verdict"].apply(sorted).to_dict() == {
        1: ["met", "not_met"], 2: ["met", "no_evidence"]}


def test_with_a_single_round_there_is_no_change_to_show(folder):
    write_table(folder, "cluster_assessments", TABLES["cluster_assessments"][2:])
    assert sc.round_changes(load_project(folder)).empty


def test_profile_shows_the_share_of_each_goal_reached(folder):
    card = sc.scorecard(load_project(folder))
    figure = figures.profile_figure(card, "CL2", "en")
    shares = {y: x for trace in figure.data for y, x in zip(trace.y, trace.x)}
    assert shares["K4 Member activities"] == 25.0
    assert shares["K6 Company–RDI ties"] == 50.0
    grid = figures.scorecard_figure(card, "fi")
    assert len(grid.data[0].y) == 2 and len(grid.data[0].x) == 6


def test_every_text_exists_in_finnish_and_english():
    for texts in (sc.TEXTS, sc.VERDICTS, sc.CHANGES, tables.TEXTS, figures.TEXTS, export.TEXTS):
        assert missing_translations(texts) == []
    assert list(sc.VERDICTS) == list(VERDICT_COLOURS)


def test_reader_tables_format_values_per_language(folder):
    card = sc.scorecard(load_project(folder))
    fi = tables.scorecard_table(card, "fi").set_index(["Klusteri", "Tunniste"])
    en = tables.scorecard_table(card, "en").set_index(["Cluster", "Id"])
    assert fi.loc[("Arctic Design", "K4"), ["Tulos", "Arvo", "Tavoite"]].tolist() == ["Täyttyy osittain", "1,5", "2"]
    assert en.loc[("Arctic Design", "K5"), ["Value", "Computed from"]].tolist() == ["67%", "2 of 3"]
    assert en.loc[("Arctic Design", "K2"), ["Value", "Evidence", "Assessed on"]].tolist() == [
        "Yes", "Johtaja nimitetty 1.3.2023", "28 Apr 2023"]
    assert pd.isna(en.loc[("Arctic Safety", "K3"), "Evidence"])
